import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseRawEmail } from '../../src/mail/parse-mime.js';
import type { ProviderError } from '../../src/ports/errors.js';
import type { MailboxFetchInput } from '../../src/ports/providers.js';
import { makeContractEmail, makeInboundRaw } from '../contracts/mail.contract.js';
import { createMswServer, freshEmulator, providersFor, REP } from './harness.js';

const server = createMswServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

const PROSPECT = 'pat.prospect@client.example';
const tracked = (cursor: string | null): MailboxFetchInput => ({
  cursor,
  since: new Date(Date.now() - 86_400_000),
  isTracked: ({ from, threadId }) => from === PROSPECT || from === REP || Boolean(threadId),
});

describe('Gmail adapter against the emulator', () => {
  it('sends every email exactly once through 5xx, 429, 403 rate limits, a timeout and lost answers', async () => {
    const emu = freshEmulator(server, { hangMs: 5_000 });
    const { sender } = providersFor(emu, { timeoutMs: 300, retry: { retries: 12, baseDelayMs: 1, maxBlockingDelayMs: 1000 } });
    const SEND = 'POST /gmail/v1/users/me/messages/send';
    emu.control.injectFault({ match: SEND, status: 503, times: 2 });
    emu.control.injectFault({ match: SEND, status: 429, retryAfterSeconds: 0, times: 2 });
    emu.control.injectFault({ match: SEND, status: 403, reason: 'rateLimitExceeded', times: 1 });
    emu.control.injectFault({ match: SEND, status: 403, reason: 'userRateLimitExceeded', retryAfterSeconds: 0, times: 1 });
    emu.control.injectFault({ match: SEND, timeout: true, after: true, times: 1 });
    emu.control.injectFault({ match: SEND, status: 500, after: true, times: 2 });
    emu.control.injectFault({ match: 'GET /gmail/v1/users/me/messages', status: 502, times: 2 });

    const emails = Array.from({ length: 8 }, () => makeContractEmail());
    for (const email of emails) await sender.send(email);

    const sentIds = emu.control.sent(REP).map((m) => m.messageId);
    for (const email of emails) expect(sentIds.filter((id) => id === email.messageId)).toHaveLength(1);
    expect(sentIds).toHaveLength(8);
    expect(emu.control.faults().every((f) => f.remaining === 0)).toBe(true);
  });

  it('a send whose answer was lost is found by findSent and not sent again', async () => {
    const emu = freshEmulator(server);
    const { sender } = providersFor(emu, { retry: { retries: 0 } });
    emu.control.injectFault({ match: 'POST /gmail/v1/users/me/messages/send', status: 503, after: true });
    const email = makeContractEmail();
    const error = await sender.send(email).catch((e: unknown) => e);
    expect((error as ProviderError).code).toBe('TRANSIENT');
    // The worker, before sending again after the failure, asks:
    const receipt = await sender.findSent(email.messageId);
    expect(receipt).toMatchObject({ providerMessageId: emu.control.sent(REP)[0]!.id });
    expect(emu.control.sent(REP)).toHaveLength(1);
  });

  it('a rate limit that outlasts the retries is thrown with retryAfterMs for a persisted not-before', async () => {
    const emu = freshEmulator(server);
    const { sender } = providersFor(emu, { retry: { retries: 1, baseDelayMs: 1 } });
    emu.control.injectFault({ match: 'messages/send', status: 403, reason: 'userRateLimitExceeded', times: 5 });
    const error = (await sender.send(makeContractEmail()).catch((e: unknown) => e)) as ProviderError;
    expect(error.code).toBe('RATE_LIMITED');
    expect(error.retryAfterMs).toBeGreaterThan(0);
    emu.control.clearFaults();
    emu.control.injectFault({ match: 'messages/send', status: 429, retryAfterSeconds: 120, times: 1 });
    const long = (await sender.send(makeContractEmail()).catch((e: unknown) => e)) as ProviderError;
    expect(long.code).toBe('RATE_LIMITED');
    expect(long.retryAfterMs).toBe(120_000);
    expect(emu.control.sent(REP)).toHaveLength(0);
  });

  it('sends in the prospect thread with threadId, In-Reply-To and References', async () => {
    const emu = freshEmulator(server);
    const { sender } = providersFor(emu);
    const inbound = emu.control.deliverMessage(REP, makeInboundRaw({ from: PROSPECT, messageId: '<reply-1@client.example>', subject: 'Quick question' }));
    const receipt = await sender.send(makeContractEmail({ thread: { threadId: inbound.threadId, inReplyTo: '<reply-1@client.example>', references: ['<reply-1@client.example>'], subject: 'Quick question' } }));
    expect(receipt.threadId).toBe(inbound.threadId);
    const parsed = await parseRawEmail(emu.control.sent(REP)[0]!.raw, 'x');
    expect(parsed.inReplyTo).toBe('<reply-1@client.example>');
  });

  it('falls back to listing recent mail when the historyId is too old, and reconciles', async () => {
    const emu = freshEmulator(server);
    const { mailbox } = providersFor(emu);
    const first = await mailbox!.fetchNew(tracked(null));
    emu.control.deliverMessage(REP, makeInboundRaw({ from: PROSPECT, messageId: '<a1@client.example>' }));
    emu.control.expireHistory(REP);
    const fallback = await mailbox!.fetchNew(tracked(first.cursor));
    expect(fallback.messages.map((m) => m.messageId)).toEqual(['<a1@client.example>']);
    emu.control.deliverMessage(REP, makeInboundRaw({ from: PROSPECT, messageId: '<a2@client.example>' }));
    const next = await mailbox!.fetchNew(tracked(fallback.cursor));
    expect(next.messages.map((m) => m.messageId)).toEqual(['<a2@client.example>']);
  });

  it('fetches untracked mail as metadata only', async () => {
    const emu = freshEmulator(server);
    const { mailbox } = providersFor(emu);
    const start = await mailbox!.fetchNew({ ...tracked(null), isTracked: () => false });
    emu.control.deliverMessage(REP, makeInboundRaw({ from: 'shop@news.example', messageId: '<n1@news.example>', subject: 'Sale' }));
    const result = await mailbox!.fetchNew({ ...tracked(start.cursor), isTracked: ({ from }) => from === PROSPECT });
    expect(result.messages).toEqual([]);
    const gets = emu.state.requests.filter((r) => r.path.includes('/messages/19'));
    expect(gets).toHaveLength(1); // the metadata read, no raw fetch
  });

  it('native drafts: created in the thread with the worker Message-ID, found again, seen once the rep sends it, deletable', async () => {
    const emu = freshEmulator(server);
    const { drafts, mailbox } = providersFor(emu, { nativeDrafts: true });
    const inbound = emu.control.deliverMessage(REP, makeInboundRaw({ from: PROSPECT, messageId: '<reply-1@client.example>', subject: 'Quick question' }));
    const cursor = (await mailbox!.fetchNew(tracked(null))).cursor;
    const email = makeContractEmail({ thread: { threadId: inbound.threadId, inReplyTo: '<reply-1@client.example>', references: ['<reply-1@client.example>'], subject: 'Quick question' } });
    const { draftId } = await drafts!.upsertDraft(email);
    expect(await drafts!.upsertDraft(email)).toEqual({ draftId });
    const [draft] = emu.control.drafts(REP);
    expect(draft?.message.threadId).toBe(inbound.threadId);
    expect(draft?.message.messageId).toBe(email.messageId);

    emu.control.sendDraft(REP, draftId);
    const seen = await mailbox!.fetchNew(tracked(cursor));
    expect(seen.messages.map((m) => m.messageId)).toEqual([email.messageId]);
    expect(seen.messages[0]!.threadId).toBe(inbound.threadId);

    const other = await drafts!.upsertDraft(makeContractEmail());
    await drafts!.deleteDraft(other.draftId);
    await drafts!.deleteDraft(other.draftId); // already gone: fine
    expect(emu.control.drafts(REP)).toEqual([]);
  });
});
