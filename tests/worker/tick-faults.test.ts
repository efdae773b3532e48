import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.js';
import type { CalendarEvent, Prospect } from '../../src/domain/types.js';
import { silentLogger } from '../../src/log.js';
import { ProviderError, type ProviderErrorCode } from '../../src/ports/errors.js';
import type { CalendarProvider, CalendarSyncResult, MailSender, OutgoingEmail, ProviderSet } from '../../src/ports/providers.js';
import type { Store } from '../../src/ports/store.js';
import { createMemoryStore } from '../../src/store/memory-store.js';
import { openStore } from '../../src/store/open-store.js';
import { BUNDLED_TEMPLATES_DIR } from '../../src/templates/context.js';
import { loadTemplates } from '../../src/templates/engine.js';
import { accountFromConfig } from '../../src/app/runtime.js';
import { prospectId } from '../../src/app/prospects-file.js';
import type { WorkerContext } from '../../src/worker/context.js';
import { approveDraft } from '../../src/worker/drafts.js';
import { runTick } from '../../src/worker/tick.js';

const NOW = new Date('2026-11-23T15:00:00Z');
const MIN = 60_000;

/** An in-memory calendar whose next calls can be made to fail with a ProviderError code. */
class FakeCalendar implements CalendarProvider {
  readonly calendarId: string;
  events = new Map<string, CalendarEvent>();
  version = 1;
  fail: { code: ProviderErrorCode; retryAfterMs?: number; times: number } | null = null;
  calls = 0;
  fullSyncs = 0;
  constructor(id: string) {
    this.calendarId = id;
  }
  async sync(input: { cursor: string | null }): Promise<CalendarSyncResult> {
    this.calls += 1;
    if (this.fail && this.fail.times > 0) {
      this.fail.times -= 1;
      throw new ProviderError({ code: this.fail.code, message: `fake ${this.fail.code}`, where: 'fake calendar', retryAfterMs: this.fail.retryAfterMs ?? null });
    }
    if (input.cursor === null) this.fullSyncs += 1;
    return { full: input.cursor === null, upserted: [...this.events.values()], deletedIds: [], cursor: `v${this.version}`, problems: [] };
  }
  async freeBusy() {
    return [];
  }
  async book(): Promise<never> {
    throw new Error('not used');
  }
  async placeHold(): Promise<never> {
    throw new Error('not used');
  }
  async removeHold(): Promise<never> {
    throw new Error('not used');
  }
}

class FakeSender implements MailSender {
  sent: OutgoingEmail[] = [];
  fail: { code: ProviderErrorCode; times: number } | null = null;
  async send(email: OutgoingEmail) {
    if (this.fail && this.fail.times > 0) {
      this.fail.times -= 1;
      throw new ProviderError({ code: this.fail.code, message: `fake ${this.fail.code}`, where: 'fake sender' });
    }
    this.sent.push(email);
    return { providerMessageId: `p-${this.sent.length}` };
  }
  async findSent(messageId: string) {
    return this.sent.some((e) => e.messageId === messageId) ? { providerMessageId: 'found' } : false;
  }
}

const CONFIG = `
accounts:
  - { id: a, name: Ann Rep, email: ann@rep.example, timeZone: America/New_York, provider: google, google: {} }
  - { id: b, name: Bob Rep, email: bob@rep.example, timeZone: America/New_York, provider: google, google: {} }
sync: { pastDays: 30, futureDays: 60, staleAfterMinutes: 120 }
`;

function prospect(accountId: string, email: string, dueDaysAgo: number): Prospect {
  return {
    id: prospectId(accountId, email),
    accountId,
    email,
    name: 'Pat Prospect',
    timeZone: 'America/New_York',
    materialSent: [],
    nextStep: { what: 'send the quote', due: new Date(NOW.getTime() - dueDaysAgo * 86_400_000) },
    status: 'open',
  };
}

function event(id: string, calendarId: string): CalendarEvent {
  return { id, calendarId, title: id, start: new Date(NOW.getTime() + 86_400_000), end: new Date(NOW.getTime() + 86_400_000 + 30 * MIN), status: 'confirmed', attendees: [], categories: [] };
}

/** The same tick on SQLite and on the in-memory store: the worker cannot tell them apart. */
const STORES: [string, () => Promise<Store>][] = [
  ['SQLite', () => openStore({ sqlitePath: ':memory:' })],
  ['the in-memory store', async () => createMemoryStore()],
];

describe.each(STORES)('the tick under provider faults, on %s', (_name, openTestStore) => {
  let store: Store;
  const config = parseConfig(CONFIG, '/virtual/followup.yaml', {});
  const templates = loadTemplates(BUNDLED_TEMPLATES_DIR);
  let cal: Record<'a' | 'b', FakeCalendar>;
  let senders: Record<'a' | 'b', FakeSender>;

  beforeEach(async () => {
    store = await openTestStore();
    cal = { a: new FakeCalendar('cal-a'), b: new FakeCalendar('cal-b') };
    senders = { a: new FakeSender(), b: new FakeSender() };
    for (const a of config.accounts) await store.upsertAccount(accountFromConfig(a, null));
  });
  afterEach(async () => store.close());

  async function ctx(now: Date): Promise<WorkerContext> {
    const accounts = [];
    for (const a of config.accounts) {
      const account = accountFromConfig(a, await store.getAccount(a.id));
      const key = a.id as 'a' | 'b';
      const providers: ProviderSet = { calendar: cal[key], sender: senders[key], mailbox: null, attendance: null, drafts: null, conference: false, reconnect: `run \`followup auth google --account ${a.id}\`` };
      accounts.push({ account, providers: account.status === 'disconnected' ? null : providers });
    }
    return {
      store, sync: config.sync, policy: config.policy, templates, accounts, logger: silentLogger(), now, owner: `test-${now.getTime()}`,
      prospectInputs: [prospect('a', 'pat@a-prospect.example', 3), prospect('b', 'pat@b-prospect.example', 3)],
    };
  }

  it('a revoked grant disconnects only that account and says how to reconnect; the other goes on', async () => {
    cal.a.fail = { code: 'AUTH_REVOKED', times: 99 };
    const summary = await runTick(await ctx(NOW));
    const a = await store.getAccount('a');
    expect(a?.status).toBe('disconnected');
    expect(a?.statusDetail).toMatch(/followup auth google --account a/);
    expect((await store.getAccount('b'))?.status).toBe('connected');
    expect(summary.synced.map((s) => s.accountId)).toEqual(['b']);
    expect(summary.drafted.map((d) => d.prospectEmail).sort()).toEqual(['pat@a-prospect.example', 'pat@b-prospect.example']);
    // Next run: the disconnected account is not called again, and says so.
    const calls = cal.a.calls;
    const next = await runTick(await ctx(new Date(NOW.getTime() + 10 * MIN)));
    expect(cal.a.calls).toBe(calls);
    expect(next.alerts.join(' ')).toMatch(/a: not connected/);
  });

  it('an expired cursor runs a full resync that removes events that disappeared', async () => {
    cal.b.events.set('keep', event('keep', 'cal-b'));
    cal.b.events.set('gone', event('gone', 'cal-b'));
    await runTick(await ctx(NOW));
    const window = { start: new Date(NOW.getTime() - 86_400_000), end: new Date(NOW.getTime() + 5 * 86_400_000) };
    expect((await store.listEventIds('cal-b', window)).sort()).toEqual(['gone', 'keep']);
    cal.b.events.delete('gone');
    cal.b.fail = { code: 'CURSOR_EXPIRED', times: 1 };
    const summary = await runTick(await ctx(new Date(NOW.getTime() + 10 * MIN)));
    expect(await store.listEventIds('cal-b', window)).toEqual(['keep']);
    expect(cal.b.fullSyncs).toBe(2);
    expect(summary.alerts.join(' ')).toMatch(/b: calendar sync token expired; ran a full resync/);
    expect((await store.getCursor('b', 'calendar:cal-b'))?.lastError).toBeNull();
  });

  it('a rate limit persists a not-before time and the provider is left alone until then', async () => {
    cal.b.fail = { code: 'RATE_LIMITED', retryAfterMs: 30 * MIN, times: 1 };
    await runTick(await ctx(NOW));
    const cursor = await store.getCursor('b', 'calendar:cal-b');
    expect(cursor?.notBefore?.toISOString()).toBe(new Date(NOW.getTime() + 30 * MIN).toISOString());
    const calls = cal.b.calls;
    await runTick(await ctx(new Date(NOW.getTime() + 10 * MIN)));
    expect(cal.b.calls).toBe(calls);
    await runTick(await ctx(new Date(NOW.getTime() + 31 * MIN)));
    expect(cal.b.calls).toBe(calls + 1);
  });

  it('a calendar that stops syncing raises an alert once it is stale (never a silent "healthy")', async () => {
    await runTick(await ctx(NOW));
    cal.b.fail = { code: 'TRANSIENT', times: 99 };
    const soon = await runTick(await ctx(new Date(NOW.getTime() + 60 * MIN)));
    expect(soon.alerts.join(' ')).not.toMatch(/last successful sync/);
    const late = await runTick(await ctx(new Date(NOW.getTime() + 180 * MIN)));
    expect(late.alerts.join(' ')).toMatch(/b calendar:cal-b: last successful sync 180 minutes ago \(fake calendar: fake TRANSIENT\)/);
  });

  it('transient send failures retry later and send once; a revoked grant keeps the email for after reconnecting', async () => {
    await runTick(await ctx(NOW));
    for (const d of await store.listDrafts({ status: 'pending' })) {
      const rep = config.accounts.find((a) => a.id === d.accountId)!;
      await approveDraft({ store, now: NOW }, { draftId: d.id, by: 'test', rep: { name: rep.name, email: rep.email } });
    }
    senders.b.fail = { code: 'TRANSIENT', times: 1 };
    senders.a.fail = { code: 'AUTH_REVOKED', times: 1 };
    const t1 = new Date(NOW.getTime() + 60 * MIN);
    await runTick(await ctx(t1));
    expect(senders.b.sent).toHaveLength(0);
    expect((await store.getAccount('a'))?.status).toBe('disconnected');
    const rows = await store.listOutbox({});
    expect(rows.map((r) => r.status).sort()).toEqual(['approved', 'approved']);
    // The rep reconnects; later runs send each email exactly once.
    await store.setAccountStatus('a', 'connected', null);
    for (const m of [200, 400, 800]) await runTick(await ctx(new Date(t1.getTime() + m * MIN)));
    expect(senders.a.sent).toHaveLength(1);
    expect(senders.b.sent).toHaveLength(1);
    expect((await store.listOutbox({ status: 'sent' }))).toHaveLength(2);
  });

  it('forgets expired sign-in counters and spent link keys, never live ones, even when run with a future --now', async () => {
    const past = new Date(Date.now() - 60_000);
    const live = new Date(Date.now() + 3_600_000);
    await store.countHit('sign-in-ip:old', past);
    await store.countHit('sign-in-ip:live', live);
    await store.consumeOnce('magic:old', past);
    await store.consumeOnce('magic:live', live);
    const summary = await runTick(await ctx(new Date(Date.now() + 7 * 86_400_000)));
    expect(summary.problems).toEqual([]);
    expect(await store.consumeOnce('magic:old', live)).toBe(true);
    expect(await store.consumeOnce('magic:live', live)).toBe(false);
    expect(await store.countHit('sign-in-ip:old', live)).toBe(1);
    expect(await store.countHit('sign-in-ip:live', live)).toBe(2);
  });
});
