import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { accountFromConfig } from '../../src/app/runtime.js';
import { parseConfig } from '../../src/config.js';
import { silentLogger } from '../../src/log.js';
import type { CalendarProvider, CalendarSyncResult, ProviderSet } from '../../src/ports/providers.js';
import type { Store } from '../../src/ports/store.js';
import { createMemoryStore } from '../../src/store/memory-store.js';
import { openStore } from '../../src/store/open-store.js';
import { BUNDLED_TEMPLATES_DIR } from '../../src/templates/context.js';
import { loadTemplates } from '../../src/templates/engine.js';
import type { WorkerContext } from '../../src/worker/context.js';
import { runTick, TICK_LEASE, TICK_LEASE_MS } from '../../src/worker/tick.js';

/**
 * The tick's lease is short and renewed while the tick works; the tick has a time budget
 * (issue 10, item 3). On SQLite, PostgreSQL and the in-memory store.
 */
const NOW = new Date('2026-11-23T15:00:00Z');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A calendar whose sync takes as long as the test says. */
class SlowCalendar implements CalendarProvider {
  readonly calendarId = 'slow';
  delayMs = 0;
  async sync(): Promise<CalendarSyncResult> {
    await sleep(this.delayMs);
    return { full: true, upserted: [], deletedIds: [], cursor: 'c1', problems: [] };
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

const pgUrl = process.env.TEST_DATABASE_URL;
const pgSchemas: string[] = [];
afterAll(async () => {
  if (!pgUrl || pgSchemas.length === 0) return;
  const admin = new pg.Pool({ connectionString: pgUrl, max: 1 });
  for (const s of pgSchemas) await admin.query(`drop schema if exists "${s}" cascade`);
  await admin.end();
});

const STORES: [string, () => Promise<Store>][] = [
  ['SQLite', () => openStore({ sqlitePath: ':memory:' })],
  [
    'PostgreSQL',
    async () => {
      if (!pgUrl) throw new Error('TEST_DATABASE_URL is not set: these tests need PostgreSQL (e.g. postgres://postgres@127.0.0.1:5432/test)');
      const schema = `followup_lease_${randomBytes(5).toString('hex')}`;
      pgSchemas.push(schema);
      return openStore({ databaseUrl: pgUrl, schema, poolSize: 2 });
    },
  ],
  ['the in-memory store', async () => createMemoryStore()],
];

const CONFIG = parseConfig(
  'accounts:\n  - { id: a, name: Ann Rep, email: ann@rep.example, timeZone: America/New_York, provider: google, google: {} }\n',
  '/virtual/followup.yaml',
  {},
);
const templates = loadTemplates(BUNDLED_TEMPLATES_DIR);

describe.each(STORES)('the tick lease, on %s', (_name, openTestStore) => {
  let store: Store;
  let calendar: SlowCalendar;
  beforeEach(async () => {
    store = await openTestStore();
    calendar = new SlowCalendar();
    for (const a of CONFIG.accounts) await store.upsertAccount(accountFromConfig(a, null));
  });
  afterEach(async () => store.close());

  async function ctx(now: Date, owner = `tick-${now.getTime()}-${randomBytes(3).toString('hex')}`): Promise<WorkerContext> {
    const account = accountFromConfig(CONFIG.accounts[0]!, await store.getAccount('a'));
    const providers: ProviderSet = { calendar, sender: { send: async () => ({ providerMessageId: 'x' }), findSent: async () => false }, mailbox: null, attendance: null, drafts: null, conference: false };
    return { store, sync: CONFIG.sync, policy: CONFIG.policy, templates, accounts: [{ account, providers }], logger: silentLogger(), now, owner, prospectInputs: [] };
  }

  it('is short: a run killed while holding it blocks the next run only until it expires', async () => {
    expect(TICK_LEASE_MS).toBeLessThanOrEqual(60_000);
    // A run took the lease and was killed (never released, never renewed).
    expect(await store.acquireLease({ name: TICK_LEASE, owner: 'killed-run', now: NOW, ttlMs: TICK_LEASE_MS })).toBe(true);
    const blocked = await runTick(await ctx(new Date(NOW.getTime() + 30_000)));
    expect(blocked.skippedBecause).toMatch(/another run/);
    const next = await runTick(await ctx(new Date(NOW.getTime() + TICK_LEASE_MS + 1_000)));
    expect(next.skippedBecause).toBeNull();
    expect(next.synced.map((s) => s.accountId)).toEqual(['a']);
  });

  it('is renewed while the tick works, so a long step does not let another run in', async () => {
    calendar.delayMs = 1_400;
    const running = runTick(await ctx(NOW, 'long-run'), { lease: { ttlMs: 600, renewEveryMs: 100 } });
    await sleep(800);
    // Twice the lease's life later, it is still held (renewed), so another run cannot take it.
    expect(await store.acquireLease({ name: TICK_LEASE, owner: 'other', now: new Date(NOW.getTime() + 800), ttlMs: 600 })).toBe(false);
    const summary = await running;
    expect(summary.problems).toEqual([]);
    // Released at the end.
    expect(await store.acquireLease({ name: TICK_LEASE, owner: 'other', now: new Date(NOW.getTime() + 1_500), ttlMs: 600 })).toBe(true);
  });

  it('a run that lost its lease (it overran and another took it) starts no further step', async () => {
    calendar.delayMs = 1_300;
    const running = runTick(await ctx(NOW, 'slow-run'), { lease: { ttlMs: 200, renewEveryMs: 400 } });
    await sleep(300);
    // Long after its expiry by the lease's clock: taken over whether or not a renewal came first.
    expect(await store.acquireLease({ name: TICK_LEASE, owner: 'other', now: new Date(NOW.getTime() + 10_000), ttlMs: 60_000 })).toBe(true);
    const summary = await running;
    expect(summary.problems.map((p) => p.message).join('\n')).toMatch(/not started: another run took over the lease/);
    // It does not release the other run's lease.
    expect(await store.acquireLease({ name: TICK_LEASE, owner: 'third', now: new Date(NOW.getTime() + 11_000), ttlMs: 60_000 })).toBe(false);
  });

  it('has a time budget: steps not started when it is spent wait for the next run, and say so', async () => {
    calendar.delayMs = 400;
    const summary = await runTick(await ctx(NOW), { budgetMs: 200 });
    expect(summary.synced.map((s) => s.accountId)).toEqual(['a']);
    const problem = summary.problems.find((p) => /not started/.test(p.message));
    expect(problem?.where).toBe('a mailbox');
    expect(problem?.message).toMatch(/time budget \(0 s\) was spent.*wait for the next run/);
  });
});
