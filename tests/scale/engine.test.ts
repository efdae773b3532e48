/**
 * The job engine on real PostgreSQL with real `followup` processes (the CLI through tsx) against
 * the Google emulator served over HTTP: several `run --once` share one tick's per-account jobs,
 * make the same provider requests as one process, a worker started mid-tick picks up work, an idle
 * tick costs at most 2 requests per account with a cached token, and every approved email is sent
 * exactly once with four senders. Needs TEST_DATABASE_URL (fails, never skips, without it).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { prepareScaleWorkspace, type ScaleWorkspace } from '../../src/bench/scale-workspace.js';
import type { TickSummary } from '../../src/worker/context.js';

const ROOT = resolve(fileURLToPath(import.meta.url), '../../..');
const CLI = join(ROOT, 'tests/scale/followup.child.ts');
const DATABASE_URL = process.env.TEST_DATABASE_URL;
const REPS = 6;
const NOW = new Date();
const PROCESS_LIMIT_MS = 240_000;

interface Run {
  code: number | null;
  summary: TickSummary | null;
  stderr: string;
}

function followup(ws: ScaleWorkspace, args: string[]): Promise<Run> {
  return new Promise((done) => {
    const p = spawn(process.execPath, ['--import', 'tsx', CLI, '--config', ws.configPath, ...args], { cwd: ROOT, env: { ...process.env, ...ws.env } });
    let out = '';
    let err = '';
    // A process that never finishes fails the test with its log, instead of hanging it.
    const timer = setTimeout(() => p.kill('SIGKILL'), PROCESS_LIMIT_MS);
    p.stdout.on('data', (d: Buffer) => (out += d.toString()));
    p.stderr.on('data', (d: Buffer) => (err += d.toString()));
    p.on('exit', (code) => {
      clearTimeout(timer);
      let summary: TickSummary | null = null;
      try {
        summary = JSON.parse(out) as TickSummary;
      } catch {
        summary = null;
      }
      done({ code, summary, stderr: err });
    });
  });
}

const runOnce = (ws: ScaleWorkspace, now: Date) => followup(ws, ['--now', now.toISOString(), 'run', '--once', '--concurrency', '1', '--json']);

/** Provider requests by kind (the path without ids), from the emulator's own log. */
function requestsByKind(ws: ScaleWorkspace, since = 0): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of ws.served.emulator.state.requests.slice(since)) {
    const kind = `${r.method} ${r.path.split('?')[0]!.replace(/\/[0-9a-z_-]{16,}$/i, '/:id')}`;
    counts[kind] = (counts[kind] ?? 0) + 1;
  }
  return counts;
}

function expectOk(runs: Run[]): TickSummary[] {
  for (const r of runs) expect(r.code, r.stderr.slice(-2000)).toBe(0);
  return runs.map((r) => r.summary!);
}

const syncedAccounts = (summaries: TickSummary[]) => summaries.flatMap((s) => s.synced.map((x) => x.accountId)).sort();
const workspaces: ScaleWorkspace[] = [];
const dirs: string[] = [];

async function workspace(latencyMs: number): Promise<ScaleWorkspace> {
  if (!DATABASE_URL) throw new Error('TEST_DATABASE_URL is not set: these tests need a PostgreSQL database (e.g. postgres://postgres@127.0.0.1:5432/wt_scale).');
  const dir = mkdtempSync(join(tmpdir(), 'followup-scale-'));
  dirs.push(dir);
  const ws = await prepareScaleWorkspace({ dir, reps: REPS, databaseUrl: DATABASE_URL, latencyMs, now: NOW });
  workspaces.push(ws);
  return ws;
}

afterAll(async () => {
  for (const ws of workspaces) await ws.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('job engine on PostgreSQL, several real processes', () => {
  it('four `run --once --concurrency 1` share one tick: same provider requests as one process, every process works, no account twice, and exactly-once sending', async () => {
    const alone = await workspace(100);
    const together = await workspace(100);
    const [one] = expectOk([await runOnce(alone, NOW)]);
    const four = expectOk(await Promise.all([0, 1, 2, 3].map(() => runOnce(together, NOW))));

    expect(requestsByKind(together)).toEqual(requestsByKind(alone));
    expect(syncedAccounts(four)).toEqual(syncedAccounts([one!]));
    expect(syncedAccounts(four)).toHaveLength(REPS);
    for (const s of four) expect(s.synced.length, 'every process took part').toBeGreaterThan(0);
    // Every rep keeps its own drafts: the same ones, prospect by prospect, as with one process.
    const drafts = (ss: TickSummary[]) => ss.flatMap((s) => s.drafted.map((d) => `${d.prospectEmail}:${d.template}`)).sort();
    expect(drafts(four)).toEqual(drafts([one!]));
    expect(one!.drafted.length).toBeGreaterThan(0);

    // Approve everything, then four senders a week later (a weekday, 15:00 UTC: business hours).
    const approved = await followup(together, ['--now', NOW.toISOString(), 'drafts', 'approve', '--all']);
    expect(approved.code, approved.stderr).toBe(0);
    const week = new Date(NOW.getTime() + 7 * 86_400_000);
    week.setUTCHours(15, 0, 0, 0);
    while ([0, 6].includes(week.getUTCDay())) week.setUTCDate(week.getUTCDate() + 1);
    const senders = expectOk(await Promise.all([0, 1, 2, 3].map(() => runOnce(together, week))));
    const again = expectOk(await Promise.all([0, 1].map(() => runOnce(together, new Date(week.getTime() + 3 * 3_600_000)))));
    const sentByWorker = [...senders, ...again].flatMap((s) => s.sent.map((m) => m.messageId));
    expect(sentByWorker.length).toBeGreaterThan(0);
    expect(new Set(sentByWorker).size, 'no Message-ID reported sent twice').toBe(sentByWorker.length);
    const inSent = together.reps.flatMap((r) => together.served.emulator.control.sent(r.email).map((m) => m.messageId)).filter((id) => sentByWorker.includes(id));
    expect(inSent.sort(), 'each sent email is in the Sent folder exactly once').toEqual([...sentByWorker].sort());
  }, 300_000);

  it('an idle tick costs at most 2 requests per account with cached tokens, and a worker started mid-tick picks up work', async () => {
    const ws = await workspace(0);
    expectOk([await runOnce(ws, NOW)]);
    // Slow answers, so the tick is still going when the second worker has started.
    ws.served.emulator.options.latencyMs = 1500;
    const before = ws.served.emulator.state.requests.length;
    const later = new Date(NOW.getTime() + 10 * 60_000);
    const first = runOnce(ws, later);
    while (ws.served.emulator.state.requests.length === before) await new Promise((r) => setTimeout(r, 50));
    const second = runOnce(ws, later);
    const [a, b] = expectOk(await Promise.all([first, second]));

    expect(b!.synced.length, 'the worker started mid-tick did work').toBeGreaterThan(0);
    expect(a!.synced.length).toBeGreaterThan(0);
    expect(syncedAccounts([a!, b!])).toEqual(ws.reps.map((r) => r.id).sort());
    const idle = requestsByKind(ws, before);
    expect(idle['POST /token'] ?? 0, 'no token minted: the cached one was used').toBe(0);
    const total = Object.values(idle).reduce((n, c) => n + c, 0);
    expect(total).toBeLessThanOrEqual(2 * REPS);
  }, 300_000);
});
