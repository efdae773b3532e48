/**
 * `npm run bench:engines [-- --jobs 200 --work-ms 20]`: pg-boss and graphile-worker on this
 * project's workload, measured before choosing one. N per-account jobs (one per rep, an
 * account-level singleton key each) are enqueued, then drained by 1, 2 and 4 worker processes at
 * concurrency 1, each process exiting when nothing is left (the shape of several
 * `followup run --once` started together). A job waits `--work-ms` (the provider round trips of an
 * idle account) and burns no CPU, so the numbers show the engine's own overhead.
 * Needs BENCH_DATABASE_URL or TEST_DATABASE_URL; every run uses a throwaway schema.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { cpus } from 'node:os';
import pg from 'pg';

type EngineName = 'pg-boss' | 'graphile-worker';
const QUEUE = 'account-sync';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

function withSchema(url: string, schema: string): string {
  const u = new URL(url);
  u.searchParams.set('options', `-c search_path=${schema}`);
  return u.toString();
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

async function enqueue(engine: EngineName, url: string, schema: string, jobs: number): Promise<number> {
  const started = performance.now();
  if (engine === 'pg-boss') {
    const { PgBoss } = await importPgBoss();
    const boss = new PgBoss({ connectionString: url, schema, supervise: false, schedule: false });
    await boss.start();
    await boss.createQueue(QUEUE);
    const t = performance.now();
    for (let i = 0; i < jobs; i++) await boss.send(QUEUE, { account: `rep${i}` }, { singletonKey: `sync:rep${i}` });
    const ms = performance.now() - t;
    await boss.stop({ graceful: false });
    void started;
    return ms;
  }
  const gw = await import('graphile-worker');
  const utils = await gw.makeWorkerUtils({ connectionString: url, schema });
  await utils.migrate();
  const t = performance.now();
  for (let i = 0; i < jobs; i++) await utils.addJob(QUEUE, { account: `rep${i}` }, { jobKey: `sync:rep${i}`, queueName: `acct:rep${i}` });
  const ms = performance.now() - t;
  await utils.release();
  return ms;
}

async function importPgBoss(): Promise<{ PgBoss: new (o: Record<string, unknown>) => PgBossLike }> {
  const mod = (await import('pg-boss')) as unknown as { default: new (o: Record<string, unknown>) => PgBossLike };
  return { PgBoss: mod.default };
}

interface PgBossLike {
  start(): Promise<unknown>;
  stop(o?: Record<string, unknown>): Promise<void>;
  createQueue(name: string): Promise<void>;
  send(name: string, data: object, o?: Record<string, unknown>): Promise<string | null>;
  fetch(name: string, o?: Record<string, unknown>): Promise<{ id: string }[] | null>;
  complete(name: string, id: string): Promise<unknown>;
}

/** One worker process: drains the queue at concurrency 1, prints how many jobs it did. */
async function child(engine: EngineName, url: string, schema: string, workMs: number): Promise<void> {
  let done = 0;
  if (engine === 'pg-boss') {
    const { PgBoss } = await importPgBoss();
    const boss = new PgBoss({ connectionString: url, schema, supervise: false, schedule: false, migrate: false });
    await boss.start();
    for (;;) {
      const jobs = await boss.fetch(QUEUE, { batchSize: 1 });
      if (!jobs || jobs.length === 0) break;
      await sleep(workMs);
      await boss.complete(QUEUE, jobs[0]!.id);
      done++;
    }
    await boss.stop({ graceful: false });
  } else {
    const gw = await import('graphile-worker');
    await gw.runOnce({
      connectionString: url,
      schema,
      concurrency: 1,
      noHandleSignals: true,
      taskList: {
        [QUEUE]: async () => {
          await sleep(workMs);
          done++;
        },
      },
      logger: new gw.Logger(() => () => {}),
    });
  }
  const cpu = process.cpuUsage();
  process.stdout.write(JSON.stringify({ done, cpuMs: (cpu.user + cpu.system) / 1000 }) + '\n');
}

async function drain(engine: EngineName, url: string, schema: string, workers: number, workMs: number): Promise<{ wallMs: number; perWorker: number[]; cpuMs: number }> {
  const self = fileURLToPath(import.meta.url);
  const started = performance.now();
  const results = await Promise.all(
    Array.from({ length: workers }, () =>
      new Promise<{ done: number; cpuMs: number }>((resolve, reject) => {
        const p = spawn(process.execPath, [...process.execArgv, self, '--child', engine, url, schema, String(workMs)], { stdio: ['ignore', 'pipe', 'inherit'] });
        let out = '';
        p.stdout.on('data', (d: Buffer) => (out += d.toString()));
        p.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').pop()!) as { done: number; cpuMs: number }) : reject(new Error(`${engine} worker exited ${code}`))));
      }),
    ),
  );
  return { wallMs: performance.now() - started, perWorker: results.map((r) => r.done), cpuMs: results.reduce((s, r) => s + r.cpuMs, 0) };
}

async function main(): Promise<void> {
  if (process.argv[2] === '--child') {
    await child(process.argv[3] as EngineName, process.argv[4]!, process.argv[5]!, Number(process.argv[6]));
    return;
  }
  const base = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (!base) throw new Error('Set BENCH_DATABASE_URL (or TEST_DATABASE_URL) to a PostgreSQL database the benchmark may create schemas in.');
  const jobs = arg('jobs', 200);
  const workMs = arg('work-ms', 20);
  const admin = new pg.Pool({ connectionString: base, max: 1 });
  const rows: Record<string, unknown>[] = [];
  try {
    for (const engine of ['pg-boss', 'graphile-worker'] as const) {
      for (const workers of [1, 2, 4]) {
        const schema = `bench_engine_${randomBytes(4).toString('hex')}`;
        try {
          const enqueueMs = await enqueue(engine, base, schema, jobs);
          const r = await drain(engine, withSchema(base, schema), schema, workers, workMs);
          rows.push({ engine, workers, jobs, enqueueMsPerJob: +(enqueueMs / jobs).toFixed(2), wallMs: Math.round(r.wallMs), jobsPerSecond: Math.round((jobs * 1000) / r.wallMs), cpuMsTotal: Math.round(r.cpuMs), perWorker: r.perWorker.join('/') });
        } finally {
          await admin.query(`drop schema if exists "${schema}" cascade`);
        }
      }
    }
  } finally {
    await admin.end();
  }
  console.log(`job engines: ${jobs} per-account jobs, ${workMs} ms of waiting each, workers at concurrency 1; ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), Node ${process.version}`);
  console.table(rows);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
