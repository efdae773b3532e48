import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import pg from 'pg';
import { openRuntime } from '../../src/app/runtime.js';
import { loadConfig } from '../../src/config.js';
import { silentLogger } from '../../src/log.js';
import { approveDraft } from '../../src/worker/drafts.js';
import { runTick } from '../../src/worker/tick.js';
import { emulatorBench, smtpBench, type Bench, type FamilyName } from './benches.js';
import { startCli } from './procs.js';
import { rng as makeRng, type Rng } from './rng.js';

/**
 * One chaos story on one provider family and one store: the demo for `reps` reps, run by real
 * worker processes (`followup run --once`) while the provider injects faults and workers are
 * SIGKILLed (at random times, and right after the provider did a send but before the worker
 * heard of it), several at once. Then clean runs settle it, and the outcome is compared with the
 * same story told without faults in one process.
 *
 * Phase A (drafts): chaos rounds, then settle; every pending draft is approved.
 * Phase B (sends, a week later): chaos rounds, then settle.
 */
export interface ChaosOptions {
  seed: number;
  family: FamilyName;
  store: 'sqlite' | 'postgres';
  reps: number;
  rounds: number;
  faultsPerRound: number;
  /** Chance that a worker gets a SIGKILL at a random moment. */
  killRate: number;
  /** Chance that a send the provider did kills the running workers before they hear the answer. */
  sendKillRate: number;
  maxOverlap: number;
  /** Clean runs after each phase's chaos rounds (default 2). */
  settleRuns?: number;
  /** Run the clean settling ticks in this process (same code, no process start-up: the short suite). */
  settleInProcess?: boolean;
  /** The clean reference's final state: an approved email it sent that the chaos run did not is lost. */
  reference?: string[];
  /** SMTP only: keep a Sent copy (default true). */
  sentDir?: boolean;
  log?: (line: string) => void;
}

export interface ChaosOutcome {
  label: string;
  faults: Record<string, number>;
  kills: number;
  runs: number;
  exitCodes: Record<string, number>;
  /** Message-IDs the provider holds more than once (one entry per extra copy). */
  duplicates: string[];
  /** Emails the store calls sent that the provider never got, or approved emails still not sent nor held. */
  lost: string[];
  /** Emails held as uncertain for the rep (asked, never resent on their own): outbox rows and invites. */
  uncertain: string[];
  duplicateBookings: string[];
  final: string[];
  /** PostgreSQL: pg-boss jobs not completed when the story ended (what a missing step is waiting on). */
  unfinishedJobs: string[];
}

const STEP_MS = 16 * 60_000; // past the tick lease, so a killed run's lease has lapsed
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/**
 * The story's clock: drafts on a Monday at 14:00 UTC (the next one), sends a week later at 15:00
 * UTC (Europe and the US East open) and at 18:00 UTC (the US West open too), as the send gate wants.
 */
export function storyTimes(now = new Date()): { t0: Date; b1: Date; b2: Date } {
  const t0 = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1, 14));
  while (t0.getUTCDay() !== 1) t0.setUTCDate(t0.getUTCDate() + 1);
  return { t0, b1: new Date(t0.getTime() + 7 * DAY_MS + HOUR_MS), b2: new Date(t0.getTime() + 7 * DAY_MS + 4 * HOUR_MS) };
}

export interface Workspace {
  bench: Bench;
  /**
   * The story's own environment: its DATABASE_URL (its schema; '' for SQLite) and secrets. Given to its
   * worker processes and to its in-process runtime's config; never written to process.env, which the
   * stories running at once (Promise.all in chaos.test.ts) share.
   */
  env: NodeJS.ProcessEnv;
  /**
   * PostgreSQL: pg-boss's jobs of this story that are not completed (queue, account, state, tries,
   * start_after, output), but for sends scheduled at a later time of the story (nothing is wrong then).
   */
  unfinishedJobs(): Promise<string[]>;
  /**
   * PostgreSQL: lets `ms` of the story's time pass for pg-boss too (see passJobTime). Called only
   * between runs, when no worker of the story is running. Returns the jobs made due by it.
   */
  passJobTime(ms: number): Promise<number>;
  cleanup(): Promise<void>;
}

export async function makeWorkspace(family: FamilyName, store: 'sqlite' | 'postgres', reps: number, now: Date, tag: string, sentDir: boolean | undefined): Promise<Workspace> {
  const dir = mkdtempSync(join(tmpdir(), `followup-chaos-${tag}-`));
  let databaseUrl = '';
  let schema: string | null = null;
  const base = process.env.TEST_DATABASE_URL;
  if (store === 'postgres') {
    if (!base) throw new Error('The PostgreSQL chaos runs need TEST_DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/<db>).');
    schema = `chaos_${tag.replace(/[^a-z0-9]/gi, '_').toLowerCase()}`.slice(0, 60);
    const client = new pg.Client({ connectionString: base });
    await client.connect();
    // pg-boss keeps its queues in `<schema>_jobs` beside the store's schema (src/jobs/pg-engine/boss.ts):
    // dropped too, or a replayed seed (same schema name) finds the earlier run's jobs and its workers
    // do nothing (seen: 0 faults on microsoft/postgres when CHAOS_SEED was replayed).
    await client.query(`DROP SCHEMA IF EXISTS ${schema}_jobs CASCADE; DROP SCHEMA IF EXISTS ${schema} CASCADE; CREATE SCHEMA ${schema}`);
    await client.end();
    databaseUrl = `${base}${base.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
  }
  const env: NodeJS.ProcessEnv = {
    FOLLOWUP_ENCRYPTION_KEY: process.env.FOLLOWUP_ENCRYPTION_KEY || randomBytes(32).toString('base64'),
    MICROSOFT_CLIENT_SECRET: 'emulator-secret',
    DATABASE_URL: databaseUrl,
  };
  const fullEnv = { ...process.env, ...env };
  const bench =
    family === 'smtp'
      ? await smtpBench({ dir, reps, now, env: fullEnv, ...(sentDir !== undefined ? { sentDir } : {}) })
      : await emulatorBench({ family, dir, reps, now, env: fullEnv });
  const jobsSchema = schema ? `${schema}_jobs` : null;
  const withClient = async <T>(fn: (client: pg.Client) => Promise<T>): Promise<T> => {
    const client = new pg.Client({ connectionString: base });
    await client.connect();
    try {
      return await fn(client);
    } finally {
      await client.end();
    }
  };
  const jobsTableExists = (client: pg.Client) => client.query(`select to_regclass($1) as t`, [`${jobsSchema}.job`]).then((r) => r.rows[0]?.t !== null);
  return {
    bench,
    env,
    unfinishedJobs: async () => {
      if (!jobsSchema) return [];
      return withClient(async (client) => {
        if (!(await jobsTableExists(client))) return [];
        const r = await client.query(
          `select name, singleton_key, state, retry_count, retry_limit, start_after, (start_after - now())::text as due_in, started_on, data->>'slot' as slot, output::text as output
             from ${jobsSchema}.job where state <> 'completed'
              and not (name = 'followup-send' and state = 'created' and start_after > now() and data->>'slot' is null) order by name, created_on`,
        );
        return r.rows.map((j) => `${j.name} ${j.singleton_key ?? ''} ${j.state}${j.started_on ? ` since ${new Date(j.started_on).toISOString()}` : ''} retries ${j.retry_count}/${j.retry_limit} start_after ${new Date(j.start_after).toISOString()} (due in ${j.due_in}) slot ${j.slot} output ${(j.output ?? '').slice(0, 300)}`);
      });
    },
    passJobTime: async (ms: number) => {
      if (!jobsSchema || ms <= 0 || process.env.CHAOS_PG_REAL_TIME === '1') return 0;
      return withClient(async (client) => {
        if (!(await jobsTableExists(client))) return 0;
        const r = await client.query(
          `with moved as (
             update ${jobsSchema}.job set start_after = start_after - make_interval(secs => $1::double precision / 1000)
              where state in ('created', 'retry') and start_after > now() returning start_after
           ) select count(*) filter (where start_after <= now())::int as due from moved`,
          [ms],
        );
        await client.query(`update ${jobsSchema}.job set started_on = started_on - make_interval(secs => $1::double precision / 1000) where state = 'active'`, [ms]);
        return Number(r.rows[0]?.due ?? 0);
      });
    },
    cleanup: async () => {
      await bench.close();
      rmSync(dir, { recursive: true, force: true });
      if (schema) {
        const client = new pg.Client({ connectionString: base });
        await client.connect();
        await client.query(`DROP SCHEMA IF EXISTS ${schema}_jobs CASCADE; DROP SCHEMA IF EXISTS ${schema} CASCADE`);
        await client.end();
      }
    },
  };
}

/**
 * The story's runtime in this process (the clean reference, the settling ticks, approvals and the final
 * state): the same environment as its workers, its store named by its own DATABASE_URL.
 */
export async function withRuntime<T>(ws: Workspace, fn: (runtime: Awaited<ReturnType<typeof openRuntime>>) => Promise<T>): Promise<T> {
  const config = loadConfig(ws.bench.configPath, { ...process.env, ...ws.env });
  const runtime = await openRuntime({ config, logger: silentLogger() });
  try {
    return await fn(runtime);
  } finally {
    await runtime.close();
  }
}

async function approveAll(ws: Workspace, now: Date): Promise<number> {
  return withRuntime(ws, async (runtime) => {
    const pending = await runtime.store.listDrafts({ status: 'pending' });
    for (const d of pending) {
      const account = runtime.config.accounts.find((a) => a.id === d.accountId)!;
      await approveDraft({ store: runtime.store, now }, { draftId: d.id, by: 'chaos', rep: { name: account.name, email: account.email } });
    }
    return pending.length;
  });
}

/** The outcome in plain, comparable lines: outbox, drafts, prospects and bookings, without ids or times. */
async function finalState(ws: Workspace, allowUncertain = false): Promise<{ lines: string[]; sent: { id: string; messageId: string }[]; open: { line: string; status: string }[]; uncertain: string[] }> {
  return withRuntime(ws, async (runtime) => {
    const prospects = new Map((await runtime.store.listProspects()).map((p) => [p.id, p]));
    const outbox = await runtime.store.listOutbox({});
    const drafts = await runtime.store.listDrafts({});
    // SMTP cannot be asked whether a message went out: an email whose worker died mid-send is held
    // as uncertain and named to the rep, which the principle allows. It compares as sent (the
    // clean run sent it); it is counted apart, and never allowed for Google or Microsoft.
    const held = new Set(allowUncertain ? outbox.filter((o) => o.status === 'uncertain').map((o) => o.id) : []);
    const heldDrafts = new Set(outbox.filter((o) => held.has(o.id)).map((o) => o.draftId));
    const lines = [
      ...outbox.map((o) => `outbox ${o.accountId} ${o.to} "${o.subject}" ${held.has(o.id) ? 'sent' : o.status}`),
      ...drafts.map((d) => `draft ${d.accountId} ${d.to} ${d.template} ${heldDrafts.has(d.id) ? 'sent' : d.status}`),
      ...[...prospects.values()].map((p) => `prospect ${p.accountId} ${p.email} ${p.status}`),
      ...ws.bench.booked().map((b) => `booked ${b.mailbox} ${b.start} ${b.attendees.join(',')}`),
    ].sort();
    return {
      lines,
      sent: outbox.filter((o) => o.status === 'sent').map((o) => ({ id: o.id, messageId: o.messageId })),
      open: outbox.filter((o) => !['sent', 'failed', 'uncertain', 'cancelled'].includes(o.status)).map((o) => ({ line: `outbox ${o.accountId} ${o.to} "${o.subject}"`, status: o.status })),
      uncertain: outbox.filter((o) => o.status === 'uncertain').map((o) => `${o.to} "${o.subject}"`),
    };
  });
}

/** The same story in one process, with no fault and no kill: what the chaos run must end equal to. */
export async function cleanReference(options: Pick<ChaosOptions, 'family' | 'store' | 'reps' | 'sentDir'>, t0: Date, tag: string): Promise<string[]> {
  const ws = await makeWorkspace(options.family, options.store, options.reps, t0, `${tag}-ref`, options.sentDir);
  try {
    const tick = (at: Date) => withRuntime(ws, async (runtime) => void (await runTick(await runtime.context(at))));
    const { b1, b2 } = storyTimes(t0);
    await tick(t0);
    await tick(new Date(t0.getTime() + STEP_MS));
    await approveAll(ws, new Date(t0.getTime() + STEP_MS));
    for (const at of [b1, b2]) {
      await tick(at);
      await tick(new Date(at.getTime() + STEP_MS));
    }
    return (await finalState(ws)).lines;
  } finally {
    await ws.cleanup();
  }
}

export async function chaosStory(options: ChaosOptions, t0: Date): Promise<ChaosOutcome> {
  const log = options.log ?? (() => undefined);
  const label = `${options.family}/${options.store}${options.family === 'smtp' && options.sentDir === false ? ' (no sentDir)' : ''}`;
  const r: Rng = makeRng(options.seed);
  const ws = await makeWorkspace(options.family, options.store, options.reps, t0, `${options.seed}-${options.family}-${options.store}`, options.sentDir);
  const running = new Set<ChildProcess>();
  let kills = 0;
  let runs = 0;
  const exitCodes: Record<string, number> = {};
  const killAll = () => {
    for (const child of running) if (child.kill('SIGKILL')) kills += 1;
  };
  // The story's clock moves 16 minutes (or a week) from one run to the next; pg-boss's does not: it
  // schedules a failed job's retry (30 s, doubling) and a held booking (15 min) on PostgreSQL's
  // now(). Runs a few seconds apart would never reach those, which no deployment sees (its runs
  // are minutes apart in real time). So between runs the story's time passes for pg-boss too.
  let lastRun: { at: number; real: number } | null = null;
  let madeDue = 0;
  const passTime = async (at: Date) => {
    if (lastRun) madeDue += await ws.passJobTime(at.getTime() - lastRun.at - (Date.now() - lastRun.real));
    lastRun = { at: at.getTime(), real: Date.now() };
  };
  try {
    const round = async (at: Date, chaos: boolean) => {
      await passTime(at);
      const n = chaos ? r.int(1, options.maxOverlap) : 1;
      const workers = Array.from({ length: n }, () => {
        const w = startCli(['--config', ws.bench.configPath, '--now', at.toISOString(), 'run', '--once'], ws.env);
        runs += 1;
        running.add(w.child);
        const timers = [setTimeout(() => w.child.kill('SIGKILL'), 180_000)];
        if (chaos && r.chance(options.killRate)) {
          timers.push(
            setTimeout(() => {
              if (running.has(w.child) && w.child.kill('SIGKILL')) kills += 1;
            }, r.int(300, 9_000)),
          );
        }
        return w.done.then((exit) => {
          for (const t of timers) clearTimeout(t);
          running.delete(w.child);
          const key = exit.signal ?? String(exit.code);
          exitCodes[key] = (exitCodes[key] ?? 0) + 1;
          if (exit.code === 1) log(`  worker exited 1: ${exit.err.trim().split('\n').slice(-3).join(' | ')}`);
          if (process.env.CHAOS_DEBUG) log(`  worker ${key}: ${exit.out.slice(0, 800)} ${exit.err.slice(-800)}`);
        });
      });
      await Promise.all(workers);
    };
    const phase = async (start: Date, name: string): Promise<Date> => {
      let at = start;
      ws.bench.onSend(() => {
        if (r.chance(options.sendKillRate)) killAll();
      });
      for (let i = 0; i < options.rounds; i++) {
        ws.bench.addFaults(r, options.faultsPerRound);
        await round(at, true);
        at = new Date(at.getTime() + STEP_MS);
      }
      ws.bench.onSend(null);
      ws.bench.clearFaults();
      for (let i = 0; i < (options.settleRuns ?? 2); i++) {
        const settleAt = at;
        if (options.settleInProcess) await passTime(settleAt);
        if (options.settleInProcess) await withRuntime(ws, async (runtime) => void (await runTick(await runtime.context(settleAt))));
        else await round(at, false);
        at = new Date(at.getTime() + STEP_MS);
      }
      log(`  ${label} ${name}: ${runs} runs, ${kills} kills so far, faults ${JSON.stringify(ws.bench.injected())}${options.store === 'postgres' ? `, pg-boss jobs made due by the story's time so far ${madeDue}` : ''}`);
      return at;
    };
    const end = await phase(t0, 'phase A (drafts)');
    const approved = await approveAll(ws, end);
    log(`  ${label}: approved ${approved} draft(s)`);
    const { b1, b2 } = storyTimes(t0);
    await phase(b1, 'phase B1 (sends, Europe and US East)');
    await phase(b2, 'phase B2 (sends, US West)');

    const state = await finalState(ws, options.family === 'smtp');
    const copies = new Map<string, number>();
    for (const id of ws.bench.sentCopies()) copies.set(id, (copies.get(id) ?? 0) + 1);
    const duplicates = [...copies].flatMap(([id, n]) => Array.from({ length: Math.max(0, n - 1) }, () => id));
    const sentInReference = new Set((options.reference ?? []).filter((l) => l.startsWith('outbox ') && l.endsWith(' sent')).map((l) => l.replace(/ sent$/, '')));
    // Each booked event's invite (SMTP: the worker mails it) went out, or is held as uncertain for
    // the rep (then it may or may not be on the server). Booked and never sent nor held is lost.
    const invites = ws.bench.invites();
    const lost = [
      ...state.sent.filter((s) => !copies.has(s.messageId)).map((s) => `${s.messageId} is "sent" in the store but the provider never got it`),
      ...state.open.filter((o) => sentInReference.has(o.line)).map((o) => `${o.line} never went out (${o.status})`),
      ...invites.filter((i) => !i.held && !copies.has(i.messageId)).map((i) => `invite ${i.messageId} of ${i.mailbox}: the event is booked, the invite neither sent nor held`),
    ];
    const bookings = new Map<string, number>();
    for (const b of ws.bench.booked()) {
      const key = `${b.mailbox} ${b.start} ${b.attendees.join(',')}`;
      bookings.set(key, (bookings.get(key) ?? 0) + 1);
    }
    const duplicateBookings = [...bookings].filter(([, n]) => n > 1).map(([k, n]) => `${k} ×${n}`);
    const uncertain = [...state.uncertain, ...invites.filter((i) => i.held).map((i) => `invite ${i.messageId} (${i.mailbox})`)];
    const unfinishedJobs = await ws.unfinishedJobs();
    for (const j of unfinishedJobs) log(`  ${label} job not completed at the end: ${j}`);
    return { label, faults: ws.bench.injected(), kills, runs, exitCodes, duplicates, lost, uncertain, duplicateBookings, final: state.lines, unfinishedJobs };
  } finally {
    killAll();
    await ws.cleanup();
  }
}

/** Lines of the final states that differ: "- expected" / "+ got". */
export function stateDiff(expected: string[], got: string[]): string[] {
  const count = (lines: string[]) => lines.reduce((m, l) => m.set(l, (m.get(l) ?? 0) + 1), new Map<string, number>());
  const e = count(expected);
  const g = count(got);
  const out: string[] = [];
  for (const [l, n] of e) for (let i = g.get(l) ?? 0; i < n; i++) out.push(`- ${l}`);
  for (const [l, n] of g) for (let i = e.get(l) ?? 0; i < n; i++) out.push(`+ ${l}`);
  return out;
}
