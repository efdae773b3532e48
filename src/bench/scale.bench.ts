/**
 * `npm run bench:scale -- --accounts 1000 --latency-ms 150 [--json]`: idle reps on the Google
 * emulator over HTTP (every API answer delayed by --latency-ms), PostgreSQL for the store and the
 * job engine, the real CLI (dist/) in fresh processes. Prints one JSON object:
 * - requestsPerIdleAccountHour: poll5min (the idle tick's requests per account, 12 ticks an hour),
 *   updatedMinPoller5min (an n8n-style poller: events.list?updatedMin + messages.list?q=after:,
 *   run in the same run against the same emulator), push (src/bench/push-measure.ts);
 * - idleTickSeconds {1,2,4}: wall time of one idle tick with that many `run --once --concurrency 1`;
 * - cpuMsPerIdleAccount: CPU of the one-worker idle tick minus start-up, per account;
 * - startupCpuMs: CPU of a whole `run --once` of one idle account on SQLite (the median of 3);
 * - rssMb: peak RSS of the one-worker idle tick process;
 * - replyToInviteSeconds: with push and `serve` on PostgreSQL (src/bench/push-measure.ts).
 * Needs BENCH_DATABASE_URL or TEST_DATABASE_URL (a throwaway schema is made) and `npm run build`.
 * `--startup-only` measures startupCpuMs and the start-up's RSS alone (no PostgreSQL needed), on the
 * Node that runs the bench: `node dist/bench/scale.bench.js --startup-only`.
 * BENCH_NODE_ARGS='--cpu-prof --cpu-prof-dir DIR' gives every CLI process those node flags (here: a
 * CPU profile each, the idle tick's the last written).
 * `--cpu-only` measures start-up and one worker's idle tick alone (cpuMsPerIdleAccount), with no
 * 2- and 4-worker ticks and no push: a quick before/after of the per-account CPU.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { measurePush } from './push-measure.js';
import { prepareScaleWorkspace, type ScaleWorkspace } from './scale-workspace.js';

const ROOT = resolve(fileURLToPath(import.meta.url), '../../..');
const BIN = join(ROOT, 'bin/followup.js');
const CPU_REPORT = join(ROOT, 'dist/bench/cpu-report.js');

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

interface ProcessReport { cpuMs: number; userMs: number; systemMs: number; maxRssMb: number }

/** Runs `count` CLI processes together; resolves with wall seconds and each process's CPU/RSS. */
async function followup(ws: ScaleWorkspace, count: number, args: string[]): Promise<{ seconds: number; reports: ProcessReport[] }> {
  const reportFile = join(ws.dir, `cpu-${Date.now()}-${Math.random().toString(36).slice(2)}.jsonl`);
  writeFileSync(reportFile, '');
  const started = performance.now();
  await Promise.all(
    Array.from({ length: count }, () =>
      new Promise<void>((done, fail) => {
        // BENCH_NODE_ARGS: extra node flags for every CLI process (e.g. `--cpu-prof --cpu-prof-dir DIR`).
        const prof = process.env.BENCH_NODE_ARGS ? process.env.BENCH_NODE_ARGS.split(' ').filter(Boolean) : [];
        const p = spawn(process.execPath, [...prof, '--import', CPU_REPORT, BIN, '--config', ws.configPath, ...args], {
          cwd: ROOT,
          env: { ...process.env, ...ws.env, FOLLOWUP_CPU_REPORT: reportFile },
          stdio: ['ignore', 'ignore', 'pipe'],
        });
        let err = '';
        p.stderr.on('data', (d: Buffer) => (err = (err + d.toString()).slice(-4000)));
        // Exit 2 = some items were skipped (listed); the tick still ran.
        p.on('exit', (code) => (code === 0 || code === 2 ? done() : fail(new Error(`followup ${args.join(' ')} exited ${code}: ${err}`))));
      }),
    ),
  );
  const seconds = (performance.now() - started) / 1000;
  const reports = readFileSync(reportFile, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as ProcessReport);
  return { seconds, reports };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const round = (x: number, digits = 1) => Number(x.toFixed(digits));

/** An n8n-style poller, one poll per account: what changed since the last poll, by updatedMin / after:. */
async function pollUpdatedMin(ws: ScaleWorkspace, sample: number, since: Date): Promise<number> {
  const before = ws.served.emulator.state.requests.length;
  const root = ws.served.rootUrl.replace(/\/$/, '');
  for (const rep of ws.reps.slice(0, sample)) {
    const headers = { authorization: `Bearer ${ws.served.emulator.control.issueAccessToken(rep.email)}` };
    const events = await fetch(`${root}/calendar/v3/calendars/primary/events?updatedMin=${encodeURIComponent(since.toISOString())}&singleEvents=true`, { headers });
    if (!events.ok) throw new Error(`updatedMin poll: ${events.status} ${await events.text()}`);
    const mail = await fetch(`${root}/gmail/v1/users/me/messages?q=${encodeURIComponent(`after:${Math.floor(since.getTime() / 1000)}`)}`, { headers });
    if (!mail.ok) throw new Error(`after: poll: ${mail.status} ${await mail.text()}`);
  }
  return (ws.served.emulator.state.requests.length - before) / sample;
}

/** Start-up: a whole `run --once` of one idle account on SQLite (after a first run that connected it). */
async function measureStartup(solo: ScaleWorkspace, log: (m: string) => void): Promise<{ startupCpuMs: number; startupRssMb: number }> {
  await followup(solo, 1, ['run', '--once']);
  const runs: ProcessReport[] = [];
  for (let i = 0; i < 3; i++) runs.push((await followup(solo, 1, ['run', '--once'])).reports[0]!);
  log(`start-up CPU ${runs.map((r) => Math.round(r.cpuMs)).join(', ')} ms, RSS ${runs.map((r) => Math.round(r.maxRssMb)).join(', ')} MB`);
  return { startupCpuMs: median(runs.map((r) => r.cpuMs)), startupRssMb: median(runs.map((r) => r.maxRssMb)) };
}

async function startupOnly(): Promise<void> {
  const log = (m: string) => process.stderr.write(`bench:scale: ${m}\n`);
  const soloDir = mkdtempSync(join(tmpdir(), 'followup-scale-solo-'));
  const solo = await prepareScaleWorkspace({ dir: soloDir, reps: 1, databaseUrl: null, demo: false, now: new Date() });
  try {
    const { startupCpuMs, startupRssMb } = await measureStartup(solo, log);
    console.log(JSON.stringify({ startupCpuMs: Math.round(startupCpuMs), startupRssMb: Math.round(startupRssMb), machine: `${cpus().length} cores (${cpus()[0]?.model ?? '?'}), Node ${process.version}` }));
  } finally {
    await solo.close();
    rmSync(soloDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  if (process.argv.includes('--startup-only')) return startupOnly();
  const base = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (!base) throw new Error('Set BENCH_DATABASE_URL (or TEST_DATABASE_URL) to a PostgreSQL database the benchmark may create a schema in.');
  const accounts = arg('accounts', 1000);
  const latencyMs = arg('latency-ms', 150);
  const json = process.argv.includes('--json');
  const log = (m: string) => process.stderr.write(`bench:scale: ${m}\n`);
  const dir = mkdtempSync(join(tmpdir(), 'followup-scale-bench-'));
  const soloDir = mkdtempSync(join(tmpdir(), 'followup-scale-solo-'));
  const now = new Date();
  const ws = await prepareScaleWorkspace({ dir, reps: accounts, databaseUrl: base, demo: false, now });
  const solo = await prepareScaleWorkspace({ dir: soloDir, reps: 1, databaseUrl: null, demo: false, now });
  try {
    const { startupCpuMs } = await measureStartup(solo, log);

    // The first tick (full syncs, tokens minted and cached) without latency, four workers.
    let slot = now.getTime();
    await followup(ws, 4, ['--now', new Date(slot).toISOString(), 'run', '--once', '--concurrency', '4']);
    ws.served.emulator.options.latencyMs = latencyMs;
    const idleTickSeconds: Record<string, number> = {};
    let oneWorker: { requests: number; report: ProcessReport } | null = null;
    const cpuOnly = process.argv.includes('--cpu-only');
    for (const workers of cpuOnly ? [1] : [1, 2, 4]) {
      slot += 10 * 60_000;
      const before = ws.served.emulator.state.requests.length;
      const r = await followup(ws, workers, ['--now', new Date(slot).toISOString(), 'run', '--once', '--concurrency', '1']);
      idleTickSeconds[String(workers)] = round(r.seconds);
      if (workers === 1) oneWorker = { requests: ws.served.emulator.state.requests.length - before, report: r.reports[0]! };
      log(`idle tick, ${workers} worker(s): ${r.seconds.toFixed(1)} s, ${ws.served.emulator.state.requests.length - before} requests`);
    }
    const perTick = oneWorker!.requests / accounts;
    if (cpuOnly) {
      console.log(JSON.stringify({ accounts, latencyMs, requestsPerIdleAccountTick: round(perTick, 2), idleTickSeconds, cpuMsPerIdleAccount: round(Math.max(0, oneWorker!.report.cpuMs - startupCpuMs) / accounts, 2), idleTickCpuMs: Math.round(oneWorker!.report.cpuMs), idleTickUserMs: Math.round(oneWorker!.report.userMs), idleTickSystemMs: Math.round(oneWorker!.report.systemMs), startupCpuMs: Math.round(startupCpuMs) }));
      return;
    }
    const updatedMinPerPoll = await pollUpdatedMin(ws, Math.min(accounts, 50), new Date(now.getTime() - 5 * 60_000));
    // Push (src/bench/push-measure.ts): the same idle workspace with push on, then serve and replies.
    const pushed = await measurePush({ ws, run: (w, args) => followup(w, 1, args), bin: BIN, root: ROOT, databaseUrl: base, latencyMs, after: new Date(slot), log });
    const result = {
      accounts,
      latencyMs,
      requestsPerIdleAccountHour: { poll5min: round(perTick * 12), push: pushed.requestsPerIdleAccountHour, updatedMinPoller5min: round(updatedMinPerPoll * 12) },
      idleTickSeconds,
      cpuMsPerIdleAccount: round(Math.max(0, oneWorker!.report.cpuMs - startupCpuMs) / accounts, 2),
      startupCpuMs: Math.round(startupCpuMs),
      rssMb: Math.round(oneWorker!.report.maxRssMb),
      replyToInviteSeconds: pushed.replyToInviteSeconds,
      machine: `${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${Math.round(totalmem() / 2 ** 30)} GB, Node ${process.version}`,
      notes: [
        ...pushed.notes,
        'accounts seeded through the emulator library (src/bench/scale-workspace.ts), not `followup emulate`.',
      ],
    };
    console.log(json ? JSON.stringify(result) : JSON.stringify(result, null, 2));
  } finally {
    await ws.close();
    await solo.close();
    rmSync(dir, { recursive: true, force: true });
    rmSync(soloDir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
