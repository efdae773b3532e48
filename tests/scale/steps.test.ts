/**
 * The step jobs on real PostgreSQL (pg-boss) and the Google emulator over HTTP, in this process
 * (the multi-process cases are in engine.test.ts): an account's steps keep their order
 * (sync → replies → plan → send), an account's step never runs twice at once, a step that fails
 * is retried by pg-boss alone (the steps before it are not redone), and every rep keeps its own
 * events and drafts. Needs TEST_DATABASE_URL (fails, never skips, without it).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import PgBoss from 'pg-boss';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { openRuntime, type Runtime } from '../../src/app/runtime.js';
import { prepareScaleWorkspace, type ScaleWorkspace } from '../../src/bench/scale-workspace.js';
import { loadConfig } from '../../src/config.js';
import { openPgEngine, QUEUES, type JobEngine } from '../../src/jobs/pg-engine/index.js';
import { tickSlot } from '../../src/jobs/slot.js';
import { createLogger } from '../../src/log.js';
import { runOutcome, RUN_EXIT } from '../../src/cli/run-outcome.js';
import { MAILBOX_CURSOR } from '../../src/worker/sync.js';

const DATABASE_URL = process.env.TEST_DATABASE_URL;
const REPS = 4;
const NOW = new Date();
const opened: { ws: ScaleWorkspace; runtime: Runtime; dir: string; db: pg.Client }[] = [];

interface JobRow {
  name: string;
  key: string;
  state: string;
  retries: number;
  created: Date;
  started: Date | null;
  completed: Date | null;
}

async function setUp(options: { demo?: boolean } = {}): Promise<{ ws: ScaleWorkspace; runtime: Runtime; db: pg.Client; url: string; schema: string; jobs: (slot: Date) => Promise<JobRow[]> }> {
  if (!DATABASE_URL) throw new Error('TEST_DATABASE_URL is not set: these tests need a PostgreSQL database (e.g. postgres://postgres@127.0.0.1:5432/wt_scale).');
  const dir = mkdtempSync(join(tmpdir(), 'followup-steps-'));
  const ws = await prepareScaleWorkspace({ dir, reps: REPS, databaseUrl: DATABASE_URL, now: NOW, demo: options.demo ?? true });
  const runtime = await openRuntime({ config: loadConfig(ws.configPath, { ...process.env, ...ws.env }), logger: createLogger({ level: 'error' }) });
  const url = ws.env.DATABASE_URL!;
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  opened.push({ ws, runtime, dir, db });
  const schema = (await db.query<{ s: string }>('select current_schema() as s')).rows[0]!.s;
  const jobs = async (slot: Date): Promise<JobRow[]> =>
    (
      await db.query<JobRow>(
        `select name, singleton_key as key, state, retry_count as retries, created_on as created, started_on as started, completed_on as completed
           from "${schema}_jobs".job where data->>'slot' = $1 and singleton_key is not null order by started_on`,
        [slot.toISOString()],
      )
    ).rows;
  return { ws, runtime, db, url, schema, jobs };
}

async function tick(runtime: Runtime, url: string, now: Date, concurrency = 4): Promise<{ engine: JobEngine; slot: Date; summary: Awaited<ReturnType<JobEngine['work']>> }> {
  const engine = await openPgEngine({ runtime, databaseUrl: url, concurrency });
  const slot = tickSlot(runtime.config.schedule, now);
  await engine.enqueueTick(slot, now);
  const summary = await engine.work({ concurrency, untilSlotDone: slot });
  await engine.stop();
  return { engine, slot, summary };
}

afterAll(async () => {
  for (const o of opened) {
    await o.db.end();
    await o.runtime.close();
    await o.ws.close();
    rmSync(o.dir, { recursive: true, force: true });
  }
});

describe('step jobs on PostgreSQL', () => {
  it('each account runs sync → replies → plan (→ send) in order, no step of an account twice at once, and every rep keeps its own events and drafts', async () => {
    const { ws, runtime, url, jobs } = await setUp();
    const { slot, summary } = await tick(runtime, url, NOW);
    const rows = await jobs(slot);
    expect(rows.every((r) => r.state === 'completed'), JSON.stringify(rows.filter((r) => r.state !== 'completed'))).toBe(true);
    const order = [QUEUES.sync, QUEUES.replies, QUEUES.book, QUEUES.plan, QUEUES.send] as string[];
    for (const rep of ws.reps) {
      const mine = rows.filter((r) => r.key === rep.id);
      const names = mine.map((r) => r.name);
      // One job per step in this tick, and the steps in the chain's order.
      expect(names.slice(0, 2), rep.id).toEqual([QUEUES.sync, QUEUES.replies]);
      expect(names, rep.id).toContain(QUEUES.plan);
      expect(new Set(names).size, `${rep.id}: one job per step`).toBe(names.length);
      for (let i = 1; i < mine.length; i++) {
        expect(order.indexOf(mine[i]!.name)).toBeGreaterThan(order.indexOf(mine[i - 1]!.name));
        // A step is enqueued by the one before it, when that one's work is done (its job is marked
        // completed just after, overlapping the lane's next fetch), and starts after that.
        expect(mine[i]!.created.getTime(), `${rep.id} ${mine[i]!.name}`).toBeGreaterThanOrEqual(mine[i - 1]!.started!.getTime());
        expect(mine[i]!.started!.getTime(), `${rep.id} ${mine[i]!.name}`).toBeGreaterThanOrEqual(mine[i]!.created.getTime());
      }
    }
    // The demo's replies ask for a meeting: booked in its own step, between replies and plan.
    expect(rows.some((r) => r.name === QUEUES.book)).toBe(true);
    expect(summary.booked.length).toBeGreaterThan(0);
    // Several accounts were worked on at once (4 lanes), yet never one account's same step twice.
    const byStep = new Map<string, JobRow[]>();
    for (const r of rows) byStep.set(`${r.name}:${r.key}`, [...(byStep.get(`${r.name}:${r.key}`) ?? []), r]);
    for (const [k, list] of byStep) for (let i = 1; i < list.length; i++) expect(list[i]!.started!.getTime(), k).toBeGreaterThanOrEqual(list[i - 1]!.completed!.getTime());

    // Every rep keeps its own: the events in its calendar and the drafts of its own prospects.
    expect(summary.drafted.length).toBeGreaterThan(0);
    for (const [i, rep] of ws.reps.entries()) {
      const drafts = await runtime.store.listDrafts({ accountId: rep.id });
      expect(drafts.length, rep.id).toBeGreaterThan(0);
      for (const d of drafts) expect((await runtime.store.getProspect(d.prospectId))?.email, `${rep.id} draft ${d.id}`).toMatch(new RegExp(`\\.r${i}@`));
      const events = await runtime.store.listEvents(`google:${rep.id}:${rep.email}`, { start: new Date(NOW.getTime() - 60 * 86_400_000), end: new Date(NOW.getTime() + 60 * 86_400_000) });
      expect(events.length, rep.id).toBeGreaterThan(0);
      for (const e of events) expect(e.uid, `${rep.id} event ${e.id}`).toMatch(new RegExp(`-r${i}@`));
    }

    // The stately sync queue: a second sync asked for an account while one waits is the same job.
    const engine = await openPgEngine({ runtime, databaseUrl: url, concurrency: 1 });
    try {
      expect(await engine.enqueueSync(ws.reps[0]!.id, 'test')).toBe(true);
      expect(await engine.enqueueSync(ws.reps[0]!.id, 'test')).toBe(false);
      expect(await engine.enqueueSync(ws.reps[1]!.id, 'test')).toBe(true);
    } finally {
      await engine.stop();
    }
  }, 120_000);

  it('an idle account costs one job and a dozen database round trips a tick, and is still synced, read and planned', async () => {
    const { ws, runtime, url, jobs } = await setUp({ demo: false });
    await tick(runtime, url, NOW);
    const later = new Date(NOW.getTime() + 10 * 60_000);
    const engine = await openPgEngine({ runtime, databaseUrl: url, concurrency: 1 });
    const slot = tickSlot(runtime.config.schedule, later);
    await engine.enqueueTick(slot, later);
    const query = vi.spyOn(pg.Client.prototype, 'query');
    const contexts = vi.spyOn(runtime, 'context');
    const requestsBefore = ws.served.emulator.state.requests.length;
    let summary: Awaited<ReturnType<JobEngine['work']>>;
    // Counted before the spy is restored: mockRestore clears its calls (this bound read 0 before).
    let roundTrips = 0;
    let contextsBuilt = 0;
    let texts: string[] = [];
    try {
      summary = await engine.work({ concurrency: 1, untilSlotDone: slot });
    } finally {
      roundTrips = query.mock.calls.length;
      contextsBuilt = contexts.mock.calls.length;
      contexts.mockRestore();
      texts = query.mock.calls.map((c) => String(typeof c[0] === 'string' ? c[0] : (c[0] as { text?: string }).text).replace(/\s+/g, ' '));
      query.mockRestore();
      await engine.stop();
    }
    const rows = await jobs(slot);
    for (const rep of ws.reps) expect(rows.filter((r) => r.key === rep.id).map((r) => [r.name, r.state]), rep.id).toEqual([[QUEUES.sync, 'completed']]);
    // Each account's calendar and mailbox were read (2 requests with the cached token) and nothing failed.
    expect(ws.served.emulator.state.requests.length - requestsBefore).toBe(2 * REPS);
    expect(summary.problems).toEqual([]);
    for (const rep of ws.reps) {
      const cursors = await runtime.store.listCursors(rep.id);
      const synced = cursors.filter((c) => c.key === MAILBOX_CURSOR || c.key.startsWith('calendar:'));
      expect(synced.map((c) => [c.key.split(':')[0], c.lastSuccessAt?.getTime()]), rep.id).toEqual([['calendar', later.getTime()], ['mailbox', later.getTime()]]);
    }
    // Before: three jobs an account and about 24 round trips (each job's fetch, mark, completion
    // and next step; 11 store queries). The tick's own (its job, the fan-out, housekeeping, the
    // end-of-slot checks) are shared by all the accounts.
    // Then 10.7 (the job fetched and marked at once, completions batched), and now: the account
    // row comes with the fan-out, the job knows when it is taken whether it is its account's only
    // step job, and the account's cursors are one read (6 an account: the fetch, that read, the two
    // cursors saved, meetings and the outbox; 15 for the tick). Now 5: the cursors come with the
    // job, in the statement that takes it (35 round trips for 4 accounts, 39 before). Now 4: the
    // calendar's and the mailbox's cursors are saved in one statement (31 for 4 accounts).
    const count = (pattern: RegExp) => texts.filter((t) => pattern.test(t)).length;
    expect(count(/^insert into "cursors"/), texts.join('\n')).toBe(REPS);
    expect(count(/from "accounts" where "id" = \$1/), texts.join('\n')).toBe(0);
    expect(count(/from "cursors" where "account_id" = \$1 and "cursor_key"/), texts.join('\n')).toBe(0);
    expect(count(/^select 1 from .*singleton_key/), texts.join('\n')).toBe(0);
    expect(count(/from "cursors" where "account_id" = \$1 order by/), texts.join('\n')).toBe(0);
    expect(roundTrips / REPS, `${roundTrips} round trips for ${REPS} idle accounts:\n${texts.join('\n')}`).toBeLessThanOrEqual(9);
    // One context an idle account (its sync step's, shared by the replies and plan steps it runs
    // itself: three before), and the tick job's own for housekeeping.
    expect(contextsBuilt).toBe(REPS + 1);
  }, 120_000);

  it('an idle account\'s two cursor saves, lost together (the statement that writes them fails), leave both cursors where they were: the job is retried, nothing is lost or done twice', async () => {
    const { ws, runtime, url, jobs } = await setUp({ demo: true });
    await tick(runtime, url, NOW);
    const rep = ws.reps[0]!;
    const before = await runtime.store.listCursors(rep.id);
    const events = async () => (await runtime.store.listEvents(`google:${rep.id}:${rep.email}`, { start: new Date(NOW.getTime() - 60 * 86_400_000), end: new Date(NOW.getTime() + 60 * 86_400_000) })).map((e) => `${e.uid} ${e.start.toISOString()}`).sort();
    const drafts = async () => (await runtime.store.listDrafts({ accountId: rep.id })).map((d) => d.id).sort();
    const saveCursors = runtime.store.saveCursors.bind(runtime.store);
    let failures = 0;
    runtime.store.saveCursors = async (states) => {
      if (failures === 0 && states.some((c) => c.accountId === rep.id)) {
        failures += 1;
        throw new Error('injected: the connection to the database was lost');
      }
      return saveCursors(states);
    };
    const later = new Date(NOW.getTime() + 10 * 60_000);
    const first = await tick(runtime, url, later, 1);
    expect(failures).toBe(1);
    // Both saves were held for the one statement: neither cursor moved.
    const after = await runtime.store.listCursors(rep.id);
    const pick = (list: typeof before) => list.filter((c) => c.key === MAILBOX_CURSOR || c.key.startsWith('calendar:')).map((c) => [c.key, c.cursor, c.lastSuccessAt?.getTime()]);
    expect(pick(after)).toEqual(pick(before));
    expect(first.summary.problems.some((p) => p.message.includes('injected')) || (await jobs(first.slot)).some((r) => r.key === rep.id && r.name === QUEUES.sync && r.state !== 'completed')).toBe(true);
    // What that tick stored (its events, its drafts) stays; the next tick syncs from the old
    // cursors again and reads the same changes: the same events, no draft made twice.
    const [eventsThen, draftsThen] = [await events(), await drafts()];
    const evenLater = new Date(later.getTime() + 10 * 60_000);
    await tick(runtime, url, evenLater, 1);
    const synced = await runtime.store.listCursors(rep.id);
    expect(synced.filter((c) => c.key === MAILBOX_CURSOR || c.key.startsWith('calendar:')).map((c) => c.lastSuccessAt?.getTime())).toEqual([evenLater.getTime(), evenLater.getTime()]);
    expect(await events()).toEqual(eventsThen);
    expect(await drafts()).toEqual(draftsThen);
  }, 120_000);

  it('a fresh process builds each account\'s Google client from the credentials taken with its sync job: no read of its own, the cached token used', async () => {
    const { ws, runtime, url } = await setUp({ demo: false });
    await tick(runtime, url, NOW);
    // A new runtime, as a new `run --once` process: no providers kept, every account's built afresh.
    const fresh = await openRuntime({ config: loadConfig(ws.configPath, { ...process.env, ...ws.env }), logger: createLogger({ level: 'error' }) });
    const later = new Date(NOW.getTime() + 10 * 60_000);
    const query = vi.spyOn(pg.Client.prototype, 'query');
    const requestsBefore = ws.served.emulator.state.requests.length;
    let texts: string[] = [];
    let summary: Awaited<ReturnType<JobEngine['work']>>;
    try {
      summary = (await tick(fresh, url, later, 1)).summary;
    } finally {
      texts = query.mock.calls.map((c) => String(typeof c[0] === 'string' ? c[0] : (c[0] as { text?: string }).text).replace(/\s+/g, ' '));
      query.mockRestore();
      await fresh.close();
    }
    expect(summary.problems).toEqual([]);
    expect(texts.filter((t) => /from "credentials"/.test(t)), texts.join('\n')).toEqual([]);
    // Calendar and mailbox of each account, and no token minted: the sealed access token of the
    // first tick was read from what came with the job.
    const requests = ws.served.emulator.state.requests.slice(requestsBefore);
    expect(requests.map((r) => r.path).filter((p) => p.endsWith('/token')), 'tokens minted').toEqual([]);
    expect(requests.length, requests.map((r) => `${r.method} ${r.path}`).join('\n')).toBe(2 * REPS);
  }, 120_000);

  it('a step that fails is retried by pg-boss alone: the next steps went on, the ones before it are not redone', async () => {
    const { ws, runtime, url, jobs, db, schema } = await setUp();
    await tick(runtime, url, NOW);
    const rep = ws.reps[1]!;
    // The database fails once under rep1's replies step (its known messages are read first).
    const prospectIds = new Set((await runtime.store.listProspects(rep.id)).map((p) => p.id));
    expect(prospectIds.size).toBeGreaterThan(0);
    const listMessages = runtime.store.listMessages.bind(runtime.store);
    let failures = 0;
    runtime.store.listMessages = async (prospectId) => {
      if (prospectIds.has(prospectId) && failures === 0) {
        failures += 1;
        throw new Error('injected: the connection to the database was lost');
      }
      return listMessages(prospectId);
    };
    const later = new Date(NOW.getTime() + 10 * 60_000);
    const first = await tick(runtime, url, later);
    expect(failures).toBe(1);
    expect(first.summary.problems.some((p) => p.where.startsWith(`${rep.id} `) && p.message.includes('injected')), JSON.stringify(first.summary.problems)).toBe(true);
    let rows = await jobs(first.slot);
    const mine = (name: string) => rows.filter((r) => r.key === rep.id && r.name === name).map((r) => [r.state, r.retries]);
    // Nothing new arrived, so the sync job read the mailbox itself: the replies step that failed
    // there is its own job now, waiting out the engine's retry delay (persisted in its table).
    expect(mine(QUEUES.replies)).toEqual([['created', 0]]);
    const waiting = await db.query<{ later: boolean }>(`select start_after > now() + interval '15 seconds' as later from "${schema}_jobs".job where singleton_key = $1 and name = $2 and data->>'slot' = $3`, [rep.id, QUEUES.replies, first.slot.toISOString()]);
    expect(waiting.rows.map((r) => r.later)).toEqual([true]);
    expect(mine(QUEUES.sync)).toEqual([['completed', 0]]);
    // The calendar's cursor, held back to be saved with the mailbox's in one statement, was saved
    // all the same.
    const saved = await runtime.store.listCursors(rep.id);
    expect(saved.find((c) => c.key.startsWith('calendar:'))?.lastSuccessAt?.getTime(), JSON.stringify(saved)).toBe(later.getTime());
    // The chain went on: planning ran for this account in this tick all the same.
    expect(mine(QUEUES.plan)).toEqual([['completed', 0]]);
    // The other accounts' chains are untouched by it.
    for (const other of ws.reps.filter((r) => r.id !== rep.id)) expect(rows.filter((r) => r.key === other.id).every((r) => r.state === 'completed')).toBe(true);

    // The backoff (30 s, doubling) is pg-boss's, in its table; let its time come now.
    const calendarRequests = () => ws.served.emulator.state.requests.filter((r) => r.user === rep.email && r.path.includes('/calendar/')).length;
    const mailRequests = () => ws.served.emulator.state.requests.filter((r) => r.user === rep.email && r.path.includes('/gmail/')).length;
    const [calendarBefore, mailBefore] = [calendarRequests(), mailRequests()];
    await db.query(`update "${schema}_jobs".job set start_after = now() where singleton_key = $1 and name = $2 and state in ('created', 'retry')`, [rep.id, QUEUES.replies]);
    const engine = await openPgEngine({ runtime, databaseUrl: url, concurrency: 2 });
    await engine.work({ concurrency: 2, untilSlotDone: first.slot });
    await engine.stop();
    rows = await jobs(first.slot);
    expect(mine(QUEUES.replies)).toEqual([['completed', 0]]);
    expect(mailRequests(), 'the retry read the mailbox').toBeGreaterThan(mailBefore);
    // Not redone: still one sync and one plan job, and the calendar was not read again.
    expect(mine(QUEUES.sync)).toEqual([['completed', 0]]);
    expect(mine(QUEUES.plan)).toEqual([['completed', 0]]);
    expect(calendarRequests()).toBe(calendarBefore);
  }, 120_000);

  it('a booking that fails on its last try tells the rep to book it by hand (the reply is already recorded, so nothing else would)', async () => {
    const { ws, runtime, url, schema } = await setUp();
    await tick(runtime, url, NOW);
    const rep = ws.reps[2]!;
    const prospect = (await runtime.store.listProspects(rep.id))[0]!;
    // Every booking write fails: the calendar is never reached.
    runtime.store.insertBooking = async () => {
      throw new Error('injected: the booking could not be written');
    };
    const later = new Date(NOW.getTime() + 20 * 60_000);
    const slot = tickSlot(runtime.config.schedule, later);
    const start = new Date(later.getTime() + 3 * 86_400_000);
    const request = { prospectId: prospect.id, candidates: [{ start, end: new Date(start.getTime() + 30 * 60_000) }], thread: { subject: 'Our call' }, key: '<reply-1@example.test>', proposal: 'Thursday at 3pm works' };
    // The job as the replies step writes it, on its last try (retryLimit 0 here; 8 in the engine).
    const boss = new PgBoss({ connectionString: url, schema: `${schema}_jobs` });
    await boss.start();
    try {
      await boss.insert([{ name: QUEUES.book, data: { accountId: rep.id, chain: slot.toISOString(), slot: slot.toISOString(), now: later.toISOString(), reason: 'test', request }, singletonKey: rep.id, retryLimit: 0 }]);
    } finally {
      await boss.stop({ graceful: false, wait: true });
    }
    const engine = await openPgEngine({ runtime, databaseUrl: url, concurrency: 1 });
    const summary = await engine.work({ concurrency: 1, untilSlotDone: slot });
    await engine.stop();
    const alert = summary.alerts.find((a) => a.includes('Thursday at 3pm works'));
    expect(alert, JSON.stringify(summary.alerts)).toBeDefined();
    expect(alert).toContain('Book it by hand');
    expect(alert).toContain(rep.id);
  }, 120_000);

  it('a job left active by a worker that died is retried at once by the next worker, not after the 15-minute expiry', async () => {
    const { ws, runtime, url, schema, jobs } = await setUp();
    await tick(runtime, url, NOW);
    const rep = ws.reps[3]!;
    const later = new Date(NOW.getTime() + 30 * 60_000);
    const slot = tickSlot(runtime.config.schedule, later);
    // A worker takes this account's sync job and dies: its database connection closes.
    const boss = new PgBoss({ connectionString: url, schema: `${schema}_jobs`, supervise: false });
    await boss.start();
    const dying = new pg.Client({ connectionString: url });
    await dying.connect();
    try {
      await boss.insert([{ name: QUEUES.sync, data: { accountId: rep.id, chain: slot.toISOString(), slot: slot.toISOString(), now: later.toISOString(), reason: 'test' }, singletonKey: rep.id }]);
      const [taken] = await boss.fetch(QUEUES.sync, { batchSize: 1 });
      expect(taken).toBeDefined();
      const pid = (await dying.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0]!.pid;
      await dying.query(`update "${schema}_jobs".job set output = jsonb_build_object('followupWorker', $2::int) where id = $1::uuid`, [taken!.id, pid]);
    } finally {
      await dying.end();
      await boss.stop({ graceful: false, wait: true });
    }
    const started = Date.now();
    const engine = await openPgEngine({ runtime, databaseUrl: url, concurrency: 2 });
    const summary = await engine.work({ concurrency: 2, untilSlotDone: slot });
    await engine.stop();
    expect(Date.now() - started, 'the next worker did not wait for the expiry').toBeLessThan(60_000);
    const rows = (await jobs(slot)).filter((r) => r.key === rep.id);
    // The dead worker's sync ran again (retry 1) and the chain went on behind it: with nothing new
    // in the mailbox, inside that sync job (replies and planning), else in their own jobs.
    expect(rows.filter((r) => r.name === QUEUES.sync).map((r) => [r.state, r.retries])).toEqual([['completed', 1]]);
    expect(rows.every((r) => r.state === 'completed'), JSON.stringify(rows)).toBe(true);
    const mailbox = (await runtime.store.listCursors(rep.id)).find((c) => c.key === 'mailbox');
    expect(mailbox?.lastSuccessAt?.getTime(), 'the mailbox was read behind the sync').toBe(later.getTime());
    const planned = rows.some((r) => r.name === QUEUES.plan) || summary.quiet.some((q) => /\.r3@/.test(q.prospectEmail)) || summary.drafted.some((d) => /\.r3@/.test(d.prospectEmail));
    expect(planned, `planning ran for ${rep.id}: ${JSON.stringify(summary.quiet)}`).toBe(true);
  }, 120_000);

  it('a booking held for a replies step that died after recording its reply is released when the account\'s next replies step ends', async () => {
    const { ws, runtime, url, schema, db } = await setUp();
    await tick(runtime, url, NOW);
    const rep = ws.reps[0]!;
    const prospect = (await runtime.store.listProspects(rep.id))[0]!;
    const later = new Date(NOW.getTime() + 40 * 60_000);
    const slot = tickSlot(runtime.config.schedule, later);
    const start = new Date(Math.ceil((later.getTime() + 3 * 86_400_000) / 3_600_000) * 3_600_000);
    const request = { prospectId: prospect.id, candidates: [{ start, end: new Date(start.getTime() + 30 * 60_000) }], thread: { subject: 'Our call' }, key: '<reply-held@example.test>', proposal: 'that time works' };
    // What a killed replies step leaves behind: its booking persisted and still held for 15 minutes.
    const boss = new PgBoss({ connectionString: url, schema: `${schema}_jobs`, supervise: false });
    await boss.start();
    try {
      await boss.insert([{ name: QUEUES.book, data: { accountId: rep.id, chain: 'an-earlier-chain', slot: slot.toISOString(), now: later.toISOString(), reason: 'test', request }, singletonKey: rep.id, startAfter: new Date(Date.now() + 15 * 60_000) }]);
    } finally {
      await boss.stop({ graceful: false, wait: true });
    }
    const started = Date.now();
    await tick(runtime, url, later);
    const book = (await db.query<{ state: string }>(`select state from "${schema}_jobs".job where name = $1 and data->>'chain' = 'an-earlier-chain'`, [QUEUES.book])).rows;
    expect(book.map((b) => b.state)).toEqual(['completed']);
    expect(Date.now() - started).toBeLessThan(5 * 60_000);
    const bookings = await runtime.store.listBookings(prospect.id);
    expect(bookings.some((b) => b.status === 'booked' && b.start.getTime() === start.getTime()), JSON.stringify(bookings)).toBe(true);
  }, 120_000);

  it('a job left active past its expiry by a worker killed before its mark landed is retried by the next run --once (pg-boss expires only after 120 s of a process)', async () => {
    const { ws, runtime, url, schema, db } = await setUp();
    await tick(runtime, url, NOW);
    const rep = ws.reps[2]!;
    const prospect = (await runtime.store.listProspects(rep.id))[0]!;
    const earlier = new Date(NOW.getTime() + 20 * 60_000);
    const later = new Date(NOW.getTime() + 60 * 60_000);
    const start = new Date(Math.ceil((later.getTime() + 3 * 86_400_000) / 3_600_000) * 3_600_000);
    const request = { prospectId: prospect.id, candidates: [{ start, end: new Date(start.getTime() + 30 * 60_000) }], thread: { subject: 'Our call' }, key: '<reply-expired@example.test>', proposal: 'Friday at 3 works' };
    // A worker fetched the booking and was SIGKILLed before its presence mark landed, 16 minutes ago.
    const boss = new PgBoss({ connectionString: url, schema: `${schema}_jobs`, supervise: false });
    await boss.start();
    try {
      await boss.insert([{ name: QUEUES.book, data: { accountId: rep.id, chain: 'a-killed-chain', slot: tickSlot(runtime.config.schedule, earlier).toISOString(), now: earlier.toISOString(), reason: 'test', request }, singletonKey: rep.id, retryLimit: 8 }]);
      const [taken] = await boss.fetch(QUEUES.book, { batchSize: 1 });
      expect(taken).toBeDefined();
    } finally {
      await boss.stop({ graceful: false, wait: true });
    }
    await db.query(`update "${schema}_jobs".job set started_on = now() - interval '16 minutes' where name = $1 and data->>'chain' = 'a-killed-chain'`, [QUEUES.book]);
    await tick(runtime, url, later);
    const book = (await db.query<{ state: string; retries: number }>(`select state, retry_count as retries from "${schema}_jobs".job where name = $1 and data->>'chain' = 'a-killed-chain'`, [QUEUES.book])).rows;
    expect(book.map((b) => [b.state, b.retries])).toEqual([['completed', 1]]);
    const bookings = await runtime.store.listBookings(prospect.id);
    expect(bookings.some((b) => b.status === 'booked' && b.start.getTime() === start.getTime()), JSON.stringify(bookings)).toBe(true);
  }, 120_000);

  it('run --once does not end as if all were done while a booking waits for its pg-boss retry: the summary names it and the exit status is 3', async () => {
    const { ws, runtime, url, schema, db } = await setUp();
    await tick(runtime, url, NOW);
    const rep = ws.reps[1]!;
    const prospect = (await runtime.store.listProspects(rep.id))[0]!;
    const later = new Date(NOW.getTime() + 50 * 60_000);
    const slot = tickSlot(runtime.config.schedule, later);
    const start = new Date(Math.ceil((later.getTime() + 3 * 86_400_000) / 3_600_000) * 3_600_000);
    const request = { prospectId: prospect.id, candidates: [{ start, end: new Date(start.getTime() + 30 * 60_000) }], thread: { subject: 'Our call' }, key: '<reply-retry@example.test>', proposal: 'Thursday at 10 works' };
    // What a booking whose first try failed (a provider 503) leaves: pg-boss retries it 30 s later, in real time.
    const boss = new PgBoss({ connectionString: url, schema: `${schema}_jobs`, supervise: false });
    await boss.start();
    try {
      await boss.insert([{ name: QUEUES.book, data: { accountId: rep.id, chain: 'a-failed-chain', slot: slot.toISOString(), now: later.toISOString(), reason: 'test', request }, singletonKey: rep.id, retryLimit: 8 }]);
    } finally {
      await boss.stop({ graceful: false, wait: true });
    }
    await db.query(
      `update "${schema}_jobs".job set state = 'retry', retry_count = 1, start_after = now() + interval '30 seconds', output = jsonb_build_object('message', 'Graph answered 503') where name = $1 and data->>'chain' = 'a-failed-chain'`,
      [QUEUES.book],
    );
    const { summary } = await tick(runtime, url, later);
    // Not taken by this run (not due yet), and not silently left: named, with its account needing attention.
    expect((await db.query<{ state: string }>(`select state from "${schema}_jobs".job where name = $1 and data->>'chain' = 'a-failed-chain'`, [QUEUES.book])).rows.map((r) => r.state)).toEqual(['retry']);
    const alert = summary.alerts.find((a) => a.includes('Thursday at 10 works'));
    expect(alert, JSON.stringify(summary.alerts)).toBeDefined();
    expect(alert).toContain(rep.id);
    expect(alert).toContain('Graph answered 503');
    expect(summary.attention.map((a) => a.accountId)).toContain(rep.id);
    expect(runOutcome(summary)?.exitCode).toBe(RUN_EXIT.attention);
  }, 120_000);

  it('planning makes no new draft while a replies job of the account waits for its retry: an opt-out in the mail it fetched is acted on first', async () => {
    // The long chaos run on PostgreSQL (seed 569085607, Microsoft): a follow-up was drafted for a
    // prospect after she opted out (withdrawn later), because a plan job ran while the replies job
    // that had fetched her opt-out waited for its retry.
    const { ws, runtime, url, schema, db } = await setUp();
    const rep = ws.reps[3]!;
    const slot = tickSlot(runtime.config.schedule, NOW);
    // The mailbox's last read went well; then a replies job fetched the new mail and failed.
    await runtime.store.saveCursor({ accountId: rep.id, key: MAILBOX_CURSOR, cursor: null, lastSuccessAt: NOW, lastAttemptAt: NOW, lastError: null, notBefore: null });
    await (await openPgEngine({ runtime, databaseUrl: url, concurrency: 1 })).stop(); // its queues
    const boss = new PgBoss({ connectionString: url, schema: `${schema}_jobs`, supervise: false });
    await boss.start();
    try {
      const step = { accountId: rep.id, slot: slot.toISOString(), now: NOW.toISOString(), reason: 'test' };
      await boss.insert([{ name: QUEUES.replies, data: { ...step, chain: 'a-failed-chain', pass: { due: true, startedAt: NOW.toISOString() } }, singletonKey: rep.id, retryLimit: 3 }]);
      await boss.insert([{ name: QUEUES.plan, data: { ...step, chain: 'a-later-chain' }, singletonKey: rep.id }]);
    } finally {
      await boss.stop({ graceful: false, wait: true });
    }
    await db.query(
      `update "${schema}_jobs".job set state = 'retry', retry_count = 1, start_after = now() + interval '30 seconds', output = jsonb_build_object('message', 'Graph answered 503') where name = $1 and data->>'chain' = 'a-failed-chain'`,
      [QUEUES.replies],
    );
    const work = async () => {
      const engine = await openPgEngine({ runtime, databaseUrl: url, concurrency: 2 });
      try {
        return await engine.work({ concurrency: 2, untilSlotDone: slot });
      } finally {
        await engine.stop();
      }
    };
    const held = await work();
    expect((await db.query<{ state: string }>(`select state from "${schema}_jobs".job where name = $1 and data->>'chain' = 'a-later-chain'`, [QUEUES.plan])).rows.map((r) => r.state)).toEqual(['completed']);
    expect((await runtime.store.listDrafts({ accountId: rep.id })).map((d) => `${d.to} ${d.reasonKey}`)).toEqual([]);
    expect(held.alerts.some((a) => a.includes(rep.id) && a.includes('replies step failed') && a.includes('Graph answered 503')), JSON.stringify(held.alerts)).toBe(true);

    // Its retry reads the mail (an opt-out among it) and hands on to planning: drafts now, none for whoever opted out.
    await db.query(`update "${schema}_jobs".job set start_after = now() where name = $1 and data->>'chain' = 'a-failed-chain'`, [QUEUES.replies]);
    await work();
    const drafts = await runtime.store.listDrafts({ accountId: rep.id });
    expect(drafts.length).toBeGreaterThan(0);
    // Dana's opt-out (the demo scenario) was among the mail: she is suppressed, and was never drafted for.
    const optedOut = (await runtime.store.listSuppressions()).map((x) => x.email.toLowerCase()).filter((e) => e.startsWith('dana'));
    expect(optedOut.length).toBeGreaterThan(0);
    expect(drafts.filter((d) => optedOut.includes(d.to.toLowerCase())).map((d) => `${d.to} ${d.reasonKey} ${d.status}`)).toEqual([]);
  }, 120_000);
});
