import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.js';
import type { Booking, CalendarEvent } from '../../src/domain/types.js';
import { createGraphEmulator } from '../../src/emulators/microsoft/index.js';
import { mapGraphFailure, classifyGraphFailure } from '../../src/providers/microsoft/graph-error.mapper.js';
import { emptySummary } from '../../src/worker/context.js';
import { underPolicy } from '../../src/worker/error-policy.js';
import { createMicrosoftProviders, MailboxLimiter, MicrosoftTokenSource } from '../../src/providers/microsoft/index.js';
import { ProviderError } from '../../src/ports/errors.js';
import type { OutgoingEmail } from '../../src/ports/providers.js';
import type { Store } from '../../src/ports/store.js';
import { createLogger } from '../../src/log.js';
import { makeInboundRaw } from '../contracts/mail.contract.js';
import { calendarHarness, FAST_RETRY, makeTestbed, REP } from './harness.js';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

const PROSPECT = 'pat.prospect@client.example';
const WINDOW = { start: new Date('2030-06-01T00:00:00Z'), end: new Date('2030-07-01T00:00:00Z') };
const at = (iso: string) => new Date(iso);

function email(n: number, overrides: Partial<OutgoingEmail> = {}): OutgoingEmail {
  return {
    messageId: `<throttle-${n}-${Date.now()}@followup.local>`,
    from: { email: REP, name: 'Robin Rep' },
    to: PROSPECT,
    subject: `Following up #${n}`,
    text: `Hello ${n}`,
    html: null,
    thread: { references: [] },
    attachments: [],
    headers: { 'X-Auto-Response-Suppress': 'All', 'Auto-Submitted': 'auto-generated' },
    ...overrides,
  };
}

function booking(overrides: Partial<Booking> = {}): Booking {
  return {
    id: 'bk_1',
    accountId: 'acct-rep',
    prospectId: 'p1',
    prospectEmail: PROSPECT,
    prospectName: 'Pat Prospect',
    organizerEmail: REP,
    organizerName: 'Robin Rep',
    title: 'Intro call',
    description: 'Agenda: pricing.\nMaterial: https://example.com/deck.pdf',
    start: at('2030-06-12T18:00:00Z'),
    end: at('2030-06-12T18:30:00Z'),
    timeZone: 'America/New_York',
    reminderMinutes: 15,
    conference: false,
    thread: { references: [] },
    ...overrides,
  };
}

/** What a worker keeps from calendar syncs: applies results the way the shell does. */
function applySync(store: Map<string, CalendarEvent>, result: { full: boolean; upserted: CalendarEvent[]; deletedIds: string[] }): void {
  if (result.full) store.clear();
  for (const id of result.deletedIds) store.delete(id);
  for (const e of result.upserted) store.set(e.id, e);
}
const view = (store: Map<string, CalendarEvent>) =>
  [...store.values()].map((e) => ({ id: e.id, title: e.title, start: e.start.toISOString(), attendees: e.attendees })).sort((a, b) => a.id.localeCompare(b.id));

describe('calendar: expired delta tokens', () => {
  for (const mode of ['410', 'syncStateNotFound', 'resyncRequired'] as const) {
    it(`resync after an expired token (${mode}) reaches the same state as a clean sync`, async () => {
      const h = calendarHarness(server, { pageSize: 2 });
      const ids: string[] = [];
      for (let i = 0; i < 5; i++) {
        ids.push(await h.addEvent({ uid: `u${i}`, title: `E${i}`, start: at(`2030-06-1${i}T09:00:00Z`), end: at(`2030-06-1${i}T10:00:00Z`), attendees: [{ email: PROSPECT, response: 'needs_action' }] }));
      }
      const local = new Map<string, CalendarEvent>();
      const first = await h.provider.sync({ cursor: null, window: WINDOW });
      applySync(local, first);
      // Changes the worker never hears about incrementally: a delete, a move, a new event, an RSVP.
      await h.deleteEvent(ids[0]!);
      await h.updateEvent(ids[1]!, { title: 'E1 moved', start: at('2030-06-20T09:00:00Z'), end: at('2030-06-20T10:00:00Z') });
      await h.addEvent({ uid: 'new', title: 'New', start: at('2030-06-21T09:00:00Z'), end: at('2030-06-21T09:30:00Z'), attendees: [] });
      await h.expireCursor();
      const err = await h.provider.sync({ cursor: first.cursor, window: WINDOW }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ProviderError);
      expect((err as ProviderError).code).toBe('CURSOR_EXPIRED');
      const resync = await h.provider.sync({ cursor: null, window: WINDOW });
      applySync(local, resync);

      const clean = new Map<string, CalendarEvent>();
      applySync(clean, await h.provider.sync({ cursor: null, window: WINDOW }));
      expect(view(local)).toEqual(view(clean));
      expect(local.has(ids[0]!)).toBe(false);
      expect(local.get(ids[1]!)?.title).toBe('E1 moved');
    });
  }

  it('incremental sync reports an RSVP change and a removal, and follows nextLink pages', async () => {
    const bed = makeTestbed(server, { pageSize: 1 });
    const r1 = await bed.providers.calendar.book(booking());
    const r2 = await bed.providers.calendar.book(booking({ id: 'bk_2', start: at('2030-06-13T18:00:00Z'), end: at('2030-06-13T18:30:00Z') }));
    const first = await bed.providers.calendar.sync({ cursor: null, window: WINDOW });
    expect(first.upserted.map((e) => e.id).sort()).toEqual([r1.eventId, r2.eventId].sort());
    bed.emulator.control.setAttendeeResponse(REP, r1.eventId, PROSPECT, 'declined');
    bed.emulator.control.deleteEvent(REP, r2.eventId);
    const next = await bed.providers.calendar.sync({ cursor: first.cursor, window: WINDOW });
    expect(next.full).toBe(false);
    expect(next.upserted.map((e) => e.id)).toEqual([r1.eventId]);
    expect(next.upserted[0]!.attendees.find((a) => a.email === PROSPECT)?.response).toBe('declined');
    expect(next.deletedIds).toEqual([r2.eventId]);
    const pages = bed.emulator.state.requestLog.filter((r) => r.path.includes('calendarView/delta')).length;
    expect(pages).toBeGreaterThanOrEqual(4);
  });
});

describe('calendar: booking', () => {
  it('writes the event in the prospect zone with reminder, body, Teams link and transactionId', async () => {
    const bed = makeTestbed(server, { conference: true });
    const result = await bed.providers.calendar.book(booking({ conference: true }));
    expect(result.created).toBe(true);
    expect(result.conferenceUrl).toMatch(/^https:\/\/teams\.microsoft\.com\//);
    const [ev] = bed.emulator.control.events(REP);
    expect(ev!.data.originalStartTimeZone).toBe('America/New_York');
    expect(ev!.start.toISOString()).toBe('2030-06-12T18:00:00.000Z');
    expect(ev!.data.reminderMinutesBeforeStart).toBe(15);
    expect(ev!.data.isReminderOn).toBe(true);
    expect((ev!.data.body as { content: string }).content).toContain('deck.pdf');
    expect(ev!.data.onlineMeetingProvider).toBe('teamsForBusiness');
    expect(typeof ev!.data.transactionId).toBe('string');
    // Graph sends the invitation itself.
    expect(bed.emulator.state.outbound.some((o) => o.to.includes(PROSPECT))).toBe(true);
  });

  it('a retried POST whose first answer was lost does not double-book (transactionId)', async () => {
    const bed = makeTestbed(server);
    bed.emulator.control.addFault({ status: 504, method: 'POST', pathIncludes: '/events', times: 1, afterProcessing: true });
    const result = await bed.providers.calendar.book(booking());
    expect(result.created).toBe(true);
    expect(bed.emulator.control.events(REP)).toHaveLength(1);
    expect(bed.emulator.state.requestLog.filter((r) => r.method === 'POST' && r.path === '/me/events').map((r) => r.status)).toEqual([504, 201]);
    // Booked again later (the worker retries the whole booking): found, not created.
    const again = await bed.providers.calendar.book(booking());
    expect(again).toMatchObject({ eventId: result.eventId, created: false });
    expect(bed.emulator.control.events(REP)).toHaveLength(1);
  });

  it('refuses a busy slot with CONFLICT and a plain message', async () => {
    const bed = makeTestbed(server);
    await bed.providers.calendar.book(booking());
    const err = await bed.providers.calendar.book(booking({ id: 'bk_other' })).catch((e: unknown) => e);
    expect((err as ProviderError).code).toBe('CONFLICT');
    expect((err as ProviderError).message).toMatch(/not free/);
  });
});

describe('mail: throttling, threading, drafts', () => {
  it('a throttled run sends every email exactly once without exceeding 4 concurrent requests per mailbox', async () => {
    // At most 6 faults in all (FAST_RETRY allows 6 retries per call), so even a call that is
    // unlucky every time succeeds: the outcome does not depend on how requests interleave.
    const rules = [{ status: 429 as const, every: 3, times: 4, retryAfterSeconds: 0 }, { status: 503 as const, every: 7, times: 2, retryAfterSeconds: 0 }];
    expect(rules.reduce((n, r) => n + r.times, 0)).toBeLessThanOrEqual(FAST_RETRY.retries);
    const bed = makeTestbed(server, { emulator: { faults: { latencyMs: 3, rules } } });
    const { control } = bed.emulator;
    // Half of them answer a message of the prospect (createReply path), half start a conversation (sendMail).
    const inbound = await control.deliverRaw(REP, makeInboundRaw({ from: PROSPECT, messageId: '<p-1@client.example>' }));
    const emails = Array.from({ length: 12 }, (_, i) =>
      email(i, i % 2 === 0 ? { thread: { references: ['<p-1@client.example>'], inReplyTo: '<p-1@client.example>', replyToProviderId: inbound.id } } : {}),
    );
    await Promise.all(emails.map((e) => bed.providers.sender.send(e)));
    const sent = control.messages(REP, 'sentitems');
    for (const e of emails) expect(sent.filter((m) => m.internetMessageId === e.messageId)).toHaveLength(1);
    expect(bed.emulator.state.outbound.filter((o) => o.to.includes(PROSPECT))).toHaveLength(12);
    expect(control.messages(REP, 'drafts')).toHaveLength(0);
    expect(bed.emulator.state.requestLog.some((r) => r.status === 429)).toBe(true);
    expect(bed.emulator.state.requestLog.some((r) => r.status === 503)).toBe(true);
    expect(control.maxConcurrency(REP)).toBeGreaterThan(1);
    expect(control.maxConcurrency(REP)).toBeLessThanOrEqual(4);
    expect(bed.emulator.state.requestLog.some((r) => r.status === 429 && r.path === '/me' )).toBe(false);
  });

  it('the emulator counter does see more than 4 when a client does not limit itself (and throttles it)', async () => {
    const bed = makeTestbed(server, { limiter: new MailboxLimiter(10), emulator: { faults: { latencyMs: 5 } } });
    await Promise.all(Array.from({ length: 8 }, () => bed.providers.calendar.freeBusy(WINDOW)));
    expect(bed.emulator.control.maxConcurrency(REP)).toBeGreaterThan(4);
    expect(bed.emulator.state.requestLog.some((r) => r.status === 429)).toBe(true);
  });

  it('a reply goes into the prospect conversation via createReply; sendMail starts a new one', async () => {
    const bed = makeTestbed(server);
    const { control } = bed.emulator;
    const inbound = await control.deliverRaw(REP, makeInboundRaw({ from: PROSPECT, messageId: '<p-2@client.example>', subject: 'Pricing' }));
    const reply = email(1, { subject: 'Re: Pricing', thread: { references: ['<p-2@client.example>'], inReplyTo: '<p-2@client.example>', replyToProviderId: inbound.id, threadId: inbound.conversationId } });
    const receipt = await bed.providers.sender.send(reply);
    expect(receipt.threadId).toBe(inbound.conversationId);
    const sent = control.messages(REP, 'sentitems').find((m) => m.internetMessageId === reply.messageId)!;
    expect(sent.conversationId).toBe(inbound.conversationId);
    const mime = control.mime(sent);
    expect(mime).toMatch(/In-Reply-To: <p-2@client\.example>/);
    expect(mime).toMatch(/X-Auto-Response-Suppress: All/);
    const fresh = email(2);
    const r2 = await bed.providers.sender.send(fresh);
    expect(r2.threadId).toBeTruthy();
    expect(r2.threadId).not.toBe(inbound.conversationId);
    // findSent sees both; a second send of the same Message-ID is a no-op.
    expect(await bed.providers.sender.findSent(reply.messageId)).toMatchObject({ threadId: inbound.conversationId });
    await bed.providers.sender.send(reply);
    expect(control.messages(REP, 'sentitems').filter((m) => m.internetMessageId === reply.messageId)).toHaveLength(1);
  });

  it('native drafts: created in Drafts in the thread, idempotent, seen in Sent Items once the rep sends, deletable', async () => {
    const bed = makeTestbed(server);
    const { control } = bed.emulator;
    const drafts = bed.providers.drafts!;
    const inbound = await control.deliverRaw(REP, makeInboundRaw({ from: PROSPECT, messageId: '<p-3@client.example>' }));
    const e = email(3, { thread: { references: [], inReplyTo: '<p-3@client.example>', replyToProviderId: inbound.id } });
    const { draftId } = await drafts.upsertDraft(e);
    expect((await drafts.upsertDraft(e)).draftId).toBe(draftId);
    const [draft] = control.messages(REP, 'drafts');
    expect(draft!.conversationId).toBe(inbound.conversationId);
    expect(draft!.internetMessageId).toBe(e.messageId);

    const before = await bed.providers.mailbox!.fetchNew({ cursor: null, since: new Date(Date.now() - 86_400_000), isTracked: ({ from }) => from === PROSPECT });
    // The rep presses Send in Outlook.
    const token = control.issueToken(REP);
    const res = await fetch(`https://graph.microsoft.com/v1.0/me/messages/${draftId}/send`, { method: 'POST', headers: { Authorization: `Bearer ${token}` } });
    expect(res.status).toBe(202);
    const after = await bed.providers.mailbox!.fetchNew({ cursor: before.cursor, since: new Date(0), isTracked: ({ from }) => from === PROSPECT });
    expect(after.messages.map((m) => m.messageId)).toEqual([e.messageId]);
    expect(after.messages[0]!.threadId).toBe(inbound.conversationId);

    const other = await drafts.upsertDraft(email(4));
    await drafts.deleteDraft(other.draftId);
    await drafts.deleteDraft(other.draftId);
    expect(control.messages(REP, 'drafts')).toHaveLength(0);
  });

  it('fetches tracked messages through $batch, 20 per round trip', async () => {
    const bed = makeTestbed(server);
    for (let i = 0; i < 25; i++) await bed.emulator.control.deliverRaw(REP, makeInboundRaw({ from: PROSPECT, messageId: `<b-${i}@client.example>`, text: `n${i}` }));
    await bed.emulator.control.deliverRaw(REP, makeInboundRaw({ from: 'news@shop.example', messageId: '<spam@shop.example>' }));
    bed.emulator.control.resetCounters();
    const result = await bed.providers.mailbox!.fetchNew({ cursor: null, since: new Date(Date.now() - 86_400_000), isTracked: ({ from }) => from === PROSPECT });
    expect(result.messages).toHaveLength(25);
    expect(result.messages.every((m) => m.threadId)).toBe(true);
    const batches = bed.emulator.state.requestLog.filter((r) => r.path === '/$batch');
    expect(batches).toHaveLength(2);
    expect(bed.emulator.state.requestLog.filter((r) => r.path.endsWith('/$value'))).toHaveLength(25);
  });
});

describe('emulator $batch', () => {
  it('rejects more than 20 requests, answers 424 for failed dependencies, base64-encodes MIME', async () => {
    const bed = makeTestbed(server);
    const token = bed.emulator.control.issueToken(REP);
    const post = (requests: unknown[]) =>
      fetch('https://graph.microsoft.com/v1.0/$batch', { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: JSON.stringify({ requests }) });
    const tooMany = await post(Array.from({ length: 21 }, (_, i) => ({ id: String(i), method: 'GET', url: '/me' })));
    expect(tooMany.status).toBe(400);
    const inbound = await bed.emulator.control.deliverRaw(REP, makeInboundRaw({ from: PROSPECT, messageId: '<x@client.example>' }));
    const res = await post([
      { id: '1', method: 'GET', url: '/me/messages/nope' },
      { id: '2', method: 'GET', url: '/me', dependsOn: ['1'] },
      { id: '3', method: 'GET', url: `/me/messages/${inbound.id}/$value` },
    ]);
    const body = (await res.json()) as { responses: { id: string; status: number; body: unknown }[] };
    const byId = new Map(body.responses.map((r) => [r.id, r]));
    expect(byId.get('1')!.status).toBe(404);
    expect(byId.get('2')!.status).toBe(424);
    expect(Buffer.from(byId.get('3')!.body as string, 'base64').toString('utf8')).toContain('Message-ID: <x@client.example>');
  });
});

describe('attendance', () => {
  it('reads the Teams attendance report of a booked online meeting', async () => {
    const bed = makeTestbed(server, { conference: true });
    const r = await bed.providers.calendar.book(booking({ conference: true }));
    const { upserted } = await bed.providers.calendar.sync({ cursor: null, window: WINDOW });
    const event = upserted.find((e) => e.id === r.eventId)!;
    expect(event.conference?.provider).toBe('teams');
    expect(await bed.providers.attendance!.attendance(event)).toEqual({ available: false, participants: [] });
    bed.emulator.control.addAttendanceReport(REP, r.eventId, [{ emailAddress: REP, role: 'Organizer' }, { displayName: 'Guest (unverified)' }]);
    const report = await bed.providers.attendance!.attendance(event);
    expect(report.available).toBe(true);
    expect(report.participants).toEqual([
      { email: REP, displayName: REP },
      { email: null, displayName: 'Guest (unverified)' },
    ]);
  });
});

// ------------------------------------------------------------------ auth (msal against the emulator)

const KEY = Buffer.alloc(32, 7).toString('base64');

function fakeStore() {
  const credentials = new Map<string, string>();
  const status = new Map<string, { status: string; detail: string | null }>();
  const store = {
    async getCredential(id: string, kind: string) {
      return credentials.get(`${id}/${kind}`) ?? null;
    },
    async saveCredential(id: string, kind: string, c: string) {
      credentials.set(`${id}/${kind}`, c);
    },
    async setAccountStatus(id: string, s: string, detail: string | null) {
      status.set(id, { status: s, detail });
    },
  };
  return { store: store as unknown as Store, credentials, status };
}

function twoAccountConfig(auth: 'device-code' | 'client-credentials') {
  return parseConfig(
    [
      'accounts:',
      ...['a', 'b'].flatMap((id) => [
        `  - id: ${id}`,
        `    name: Rep ${id}`,
        `    email: ${id}@contoso.example`,
        '    timeZone: Europe/Berlin',
        '    provider: microsoft',
        '    microsoft:',
        `      auth: ${auth}`,
        '      clientId: app-123',
        '      tenantId: contoso.example',
        '      authorityHost: https://login.emulator.test',
      ]),
    ].join('\n'),
    'test.yaml',
    { FOLLOWUP_ENCRYPTION_KEY: KEY, MICROSOFT_CLIENT_SECRET: 's3cret' },
  );
}

describe('auth', () => {
  it('device code sign-in seals the msal cache; a revoked grant disconnects only that account', async () => {
    const emulator = createGraphEmulator({ authorityHost: 'https://login.emulator.test', mailboxes: [{ email: 'a@contoso.example' }, { email: 'b@contoso.example' }] });
    server.resetHandlers(...emulator.handlers);
    const config = twoAccountConfig('device-code');
    const { store, credentials, status } = fakeStore();
    for (const account of config.accounts) {
      const source = new MicrosoftTokenSource({ account, config, store });
      await source.signInWithDeviceCode((message) => {
        const code = /enter the code (\S+)/.exec(message)![1]!;
        emulator.control.approveDeviceCode(code, account.email);
      });
    }
    const sealed = credentials.get('a/microsoft')!;
    expect(sealed.startsWith('v1.')).toBe(true);
    expect(sealed).not.toContain('refresh');
    const make = (i: number) => createMicrosoftProviders({ account: config.accounts[i]!, config, store, logger: createLogger({ level: 'silent' }), now: () => new Date() });
    const [a, b] = await Promise.all([make(0), make(1)]);
    await a.calendar.sync({ cursor: null, window: WINDOW });
    await b.calendar.sync({ cursor: null, window: WINDOW });

    emulator.control.revokeGrant('a@contoso.example');
    const err = await a.calendar.sync({ cursor: null, window: WINDOW }).catch((e: unknown) => e);
    expect((err as ProviderError).code).toBe('AUTH_REVOKED');
    expect((err as ProviderError).message).toContain('followup auth microsoft --account a');
    // One writer of status: the adapter only reports; the worker's error policy marks the account.
    expect(status.get('a')?.status).toBeUndefined();
    const rt = { account: { id: 'a', email: 'a@contoso.example', name: 'A', timeZone: 'UTC', provider: 'microsoft' as const, role: 'rep' as const, status: 'connected' as const, statusDetail: null }, providers: a };
    await underPolicy(store, rt, emptySummary(new Date()), async () => void (await a.calendar.sync({ cursor: null, window: WINDOW })));
    expect(status.get('a')?.status).toBe('disconnected');
    expect(status.get('a')?.detail).toContain('followup auth microsoft --account a');
    await expect(b.calendar.sync({ cursor: null, window: WINDOW })).resolves.toMatchObject({ full: true });
    expect(status.get('b')?.status).not.toBe('disconnected');
  });

  it('client credentials use application permissions (/users/{address}); a wrong secret is AUTH_REVOKED', async () => {
    const emulator = createGraphEmulator({ authorityHost: 'https://login.emulator.test', mailboxes: [{ email: 'a@contoso.example' }], clientSecrets: { 'app-123': 's3cret' } });
    server.resetHandlers(...emulator.handlers);
    const config = twoAccountConfig('client-credentials');
    const { store } = fakeStore();
    const providers = await createMicrosoftProviders({ account: config.accounts[0]!, config, store, logger: createLogger({ level: 'silent' }), now: () => new Date() });
    await providers.sender.send(email(9, { from: { email: 'a@contoso.example', name: 'A' } }));
    expect(emulator.state.requestLog.some((r) => r.path.startsWith('/users/a%40contoso.example/sendMail') && r.status === 202)).toBe(true);

    const bad = parseConfig(JSON.stringify({ accounts: [{ ...config.accounts[0], approval: undefined, role: undefined }] }), 'x.yaml', { FOLLOWUP_ENCRYPTION_KEY: KEY, MICROSOFT_CLIENT_SECRET: 'wrong' });
    const p2 = await createMicrosoftProviders({ account: bad.accounts[0]!, config: bad, store, logger: createLogger({ level: 'silent' }), now: () => new Date() });
    const err = await p2.calendar.freeBusy(WINDOW).catch((e: unknown) => e);
    expect((err as ProviderError).code).toBe('AUTH_REVOKED');
  });
});

describe('error mapper', () => {
  const ctx = { where: 'microsoft test', accountId: 'acct-1', now: Date.parse('2030-01-01T00:00:00Z') };
  it.each([
    [{ status: 401, code: 'InvalidAuthenticationToken' }, 'AUTH_REVOKED'],
    [{ status: null, code: 'invalid_grant' }, 'AUTH_REVOKED'],
    [{ status: 403, code: 'ErrorAccessDenied' }, 'FORBIDDEN'],
    [{ status: 404, code: 'ErrorItemNotFound' }, 'NOT_FOUND'],
    [{ status: 409, code: 'ErrorIrresolvableConflict' }, 'CONFLICT'],
    [{ status: 410, code: 'syncStateNotFound' }, 'CURSOR_EXPIRED'],
    [{ status: 400, code: 'syncStateNotFound' }, 'CURSOR_EXPIRED'],
    [{ status: 400, code: 'resyncRequired' }, 'CURSOR_EXPIRED'],
    [{ status: 400, code: 'SyncStateInvalid' }, 'CURSOR_EXPIRED'],
    [{ status: 429, code: 'ApplicationThrottled' }, 'RATE_LIMITED'],
    [{ status: 503, code: 'serviceNotAvailable' }, 'TRANSIENT'],
    [{ status: 504, code: 'GatewayTimeout' }, 'TRANSIENT'],
    [{ status: -1, code: 'TimeoutError' }, 'TRANSIENT'],
    [{ status: 400, code: 'ErrorInvalidRequest' }, 'INVALID_REQUEST'],
    [{ status: 418, code: 'Teapot' }, 'UNKNOWN'],
  ] as const)('%o → %s', (failure, code) => {
    expect(classifyGraphFailure({ ...failure, message: 'x' })).toBe(code);
  });

  it('reads Retry-After in seconds (fractional) and as an HTTP date', () => {
    expect(mapGraphFailure({ status: 429, code: 'TooManyRequests', message: 'x', retryAfter: '2.128' }, ctx).retryAfterMs).toBe(2128);
    expect(mapGraphFailure({ status: 503, code: 'x', message: 'x', retryAfter: 'Wed, 01 Jan 2030 00:00:05 GMT' }, ctx).retryAfterMs).toBe(5000);
    expect(mapGraphFailure({ status: 404, code: 'x', message: 'x', retryAfter: '3' }, ctx).retryAfterMs).toBeNull();
    expect(mapGraphFailure({ status: 401, code: 'x', message: 'x' }, ctx).message).toContain('followup auth microsoft --account acct-1');
  });
});
