import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { accountFromConfig } from '../../src/app/runtime.js';
import { prospectId } from '../../src/app/prospects-file.js';
import { parseConfig } from '../../src/config.js';
import type { Prospect } from '../../src/domain/types.js';
import type { GoogleEmulator } from '../../src/emulators/google/index.js';
import { silentLogger } from '../../src/log.js';
import type { Store } from '../../src/ports/store.js';
import { createMemoryStore } from '../../src/store/memory-store.js';
import { openStore } from '../../src/store/open-store.js';
import { BUNDLED_TEMPLATES_DIR } from '../../src/templates/context.js';
import { loadTemplates } from '../../src/templates/engine.js';
import type { WorkerContext } from '../../src/worker/context.js';
import { runTick } from '../../src/worker/tick.js';
import { createMswServer, freshEmulator, providersFor } from './harness.js';

/**
 * Three Google reps on one emulator (issue 10, item 4): every account's calendar id at Google is
 * "primary", so the store must key events by account, or each full sync deletes the others'.
 */
const server = createMswServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

const NOW = new Date('2030-06-03T12:00:00Z');
const REPS = [0, 1, 2].map((i) => ({ id: `rep${i}`, email: `rep${i}@northwind.example` }));
const SHARED_PROSPECT = 'linda@customer.example';

const CONFIG = parseConfig(
  ['accounts:', ...REPS.map((r) => `  - { id: ${r.id}, name: Rep ${r.id}, email: ${r.email}, timeZone: UTC, provider: google, google: {} }`)].join('\n'),
  '/virtual/followup.yaml',
  {},
);
const templates = loadTemplates(BUNDLED_TEMPLATES_DIR);

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
      if (!pgUrl) throw new Error('TEST_DATABASE_URL is not set: this test needs PostgreSQL (e.g. postgres://postgres@127.0.0.1:5432/test)');
      const schema = `followup_multirep_${randomBytes(5).toString('hex')}`;
      pgSchemas.push(schema);
      return openStore({ databaseUrl: pgUrl, schema, poolSize: 2 });
    },
  ],
  ['the in-memory store', async () => createMemoryStore()],
];

function prospectOf(accountId: string): Prospect {
  return { id: prospectId(accountId, SHARED_PROSPECT), accountId, email: SHARED_PROSPECT, name: 'Linda Park', timeZone: 'UTC', materialSent: [], status: 'open' };
}

describe.each(STORES)('three Google reps on one emulator, on %s', (_name, openTestStore) => {
  let store: Store;
  let emulator: GoogleEmulator;
  beforeEach(async () => {
    store = await openTestStore();
    emulator = freshEmulator(server, { users: REPS.map((r) => ({ email: r.email, name: r.id, timeZone: 'UTC' })) });
    for (const a of CONFIG.accounts) await store.upsertAccount(accountFromConfig(a, null));
    for (const [i, r] of REPS.entries()) {
      // Each rep's own meeting, and a meeting with the same prospect on every rep's calendar.
      emulator.control.insertEvent(r.email, {
        summary: `Own meeting of ${r.id}`,
        start: { dateTime: new Date(NOW.getTime() + (i + 1) * 3_600_000).toISOString(), timeZone: 'UTC' },
        end: { dateTime: new Date(NOW.getTime() + (i + 1) * 3_600_000 + 1_800_000).toISOString(), timeZone: 'UTC' },
        attendees: [{ email: r.email, responseStatus: 'accepted' }, { email: `guest${i}@elsewhere.example`, responseStatus: 'accepted' }],
      });
      emulator.control.insertEvent(r.email, {
        summary: 'Demo with Linda',
        start: { dateTime: new Date(NOW.getTime() + 86_400_000).toISOString(), timeZone: 'UTC' },
        end: { dateTime: new Date(NOW.getTime() + 86_400_000 + 1_800_000).toISOString(), timeZone: 'UTC' },
        attendees: [{ email: r.email, responseStatus: 'accepted' }, { email: SHARED_PROSPECT, responseStatus: 'accepted' }],
      });
    }
  });
  afterEach(async () => store.close());

  async function ctx(now: Date): Promise<WorkerContext> {
    const accounts = [];
    for (const a of CONFIG.accounts) {
      const account = accountFromConfig(a, await store.getAccount(a.id));
      accounts.push({ account, providers: providersFor(emulator, { email: a.email, accountId: a.id }) });
    }
    return {
      store, sync: CONFIG.sync, policy: CONFIG.policy, templates, accounts, logger: silentLogger(), now, owner: `t-${now.getTime()}`,
      prospectInputs: REPS.map((r) => prospectOf(r.id)),
    };
  }

  it('each rep keeps its own events and its own meeting with a shared prospect, run after run', async () => {
    const window = { start: new Date(NOW.getTime() - 86_400_000), end: new Date(NOW.getTime() + 7 * 86_400_000) };
    for (const at of [NOW, new Date(NOW.getTime() + 10 * 60_000)]) {
      const summary = await runTick(await ctx(at));
      expect(summary.problems).toEqual([]);
      const keys = new Set<string>();
      for (const rt of (await ctx(at)).accounts) {
        const key = rt.providers!.calendar.calendarId;
        keys.add(key);
        const titles = (await store.listEvents(key, window)).map((e) => e.title).sort();
        expect(titles, `${rt.account.id} after the run at ${at.toISOString()}`).toEqual(['Demo with Linda', `Own meeting of ${rt.account.id}`]);
      }
      expect(keys.size).toBe(3);
      for (const r of REPS) {
        const meetings = await store.listMeetings({ prospectId: prospectOf(r.id).id });
        expect(meetings.map((m) => [m.accountId, m.title])).toEqual([[r.id, 'Demo with Linda']]);
      }
    }
  });
});
