import PgBoss from 'pg-boss';
import pg from 'pg';
import type { Runtime } from '../app/runtime.js';
import { emptySummary, type TickSummary } from '../worker/context.js';
import { runAccountPass, runAccountSend, runTickHousekeeping, type AccountPassResult } from './account-pass.js';
import { stableJobId, tickSlot } from './slot.js';
import { mergeSummary } from './summary.js';

/**
 * The job engine on PostgreSQL: pg-boss (README "Scale-out" says why it, and how it measured
 * against graphile-worker). Queues:
 * - `followup-tick`: one job per schedule slot (its id is derived from the slot, so however many
 *   workers or `run --once` processes enqueue it, it exists once). It fans out the accounts.
 * - `followup-sync`: one account's pass (sync, replies and booking, meetings, plan, send). A
 *   `stately` queue with the account id as singleton key: at most one queued and one running per
 *   account, so an account is never synced twice at once and a burst of push notifications
 *   collapses into one queued sync.
 * - `followup-send`: a delayed send, scheduled (`startAfter`) at the time an approved email waits for.
 * - `followup-cron`: pg-boss's own cron (fires once per slot across all workers) enqueues the tick.
 * Retries and backoff (a job that throws) are pg-boss's, persisted in its tables.
 */
export const QUEUES = { tick: 'followup-tick', sync: 'followup-sync', send: 'followup-send', cron: 'followup-cron' } as const;
type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

/** Default accounts worked on at once by one process (`--concurrency`). */
export const DEFAULT_CONCURRENCY = 4;
const RETRY = { retryLimit: 3, retryDelay: 30, retryBackoff: true } as const;
/** A job running longer than this belongs to a dead worker; pg-boss expires and retries it. */
const EXPIRE_IN_SECONDS = 15 * 60;

interface TickData { slot: string; now: string }
interface SyncData { accountId: string; now?: string; slot?: string; reason: string }
interface SendData { accountId: string; at: string }

export interface JobEngine {
  /** Enqueues the tick of this slot (idempotent); true when this call created it. */
  enqueueTick(slot: Date, now: Date): Promise<boolean>;
  /** Enqueues one account's sync (a push notification, the safety poll); false when one is already queued. */
  enqueueSync(accountId: string, reason: string): Promise<boolean>;
  /** Works until the slot's jobs are done (`run --once`), or until stopped (`serve`). */
  work(input: { concurrency: number; untilSlotDone?: Date; stop?: AbortSignal; onJob?: (summary: TickSummary) => void }): Promise<TickSummary>;
  /** Registers the config's schedule with pg-boss's cron (serve). */
  schedule(cron: string): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Starts pg-boss in the schema beside the store's (`<schema>_jobs`), its queues created once.
 * Workers starting together take turns (an advisory lock): pg-boss creates a table per queue,
 * and concurrent DDL deadlocks.
 */
async function startBoss(url: string, options: Omit<PgBoss.ConstructorOptions, 'schema' | 'connectionString'>, onError: (err: Error) => void): Promise<{ boss: PgBoss; schema: string }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const r = await client.query<{ s: string }>('select current_schema() as s');
    const current = r.rows[0]?.s ?? 'public';
    const schema = current === 'public' ? 'followup_jobs' : `${current}_jobs`;
    await client.query('select pg_advisory_lock(hashtext($1))', [`followup-jobs:${schema}`]);
    const boss = new PgBoss({ connectionString: url, schema, ...options });
    boss.on('error', onError);
    try {
      await boss.start();
      await ensureQueues(boss);
    } catch (err) {
      await boss.stop({ graceful: false, wait: true }).catch(() => undefined);
      throw err;
    }
    return { boss, schema };
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function openPgEngine(input: { runtime: Runtime; databaseUrl: string; concurrency: number; supervise?: boolean; cron?: boolean }): Promise<JobEngine> {
  const { runtime } = input;
  const { boss, schema } = await startBoss(
    input.databaseUrl,
    {
      max: input.concurrency + 2,
      supervise: input.supervise ?? true,
      // Only `serve` runs pg-boss's clock (it fires the config's schedule once per slot across workers).
      schedule: input.cron ?? false,
      expireInSeconds: EXPIRE_IN_SECONDS,
      ...RETRY,
    },
    (err) => runtime.logger.warn({ err: err.message }, 'job engine error'),
  );
  let scheduled = false;

  const engine: JobEngine = {
    async enqueueTick(slot, now) {
      const id = await boss.send(QUEUES.tick, { slot: slot.toISOString(), now: now.toISOString() } satisfies TickData, { id: stableJobId(`tick:${slot.toISOString()}`), ...RETRY });
      return id !== null;
    },
    async enqueueSync(accountId, reason) {
      const id = await boss.send(QUEUES.sync, { accountId, reason } satisfies SyncData, { singletonKey: accountId, ...RETRY });
      return id !== null;
    },
    async schedule(cron) {
      await boss.schedule(QUEUES.cron, cron, {}, { singletonKey: 'cron' });
      scheduled = true;
    },
    async work({ concurrency, untilSlotDone, stop, onJob }) {
      const total = emptySummary(new Date());
      const lanes = Array.from({ length: Math.max(1, concurrency) }, () => lane());
      await Promise.all(lanes);
      total.finishedAt = new Date();
      return total;

      async function lane(): Promise<void> {
        while (!stop?.aborted) {
          const did = await takeOne();
          if (did) continue;
          if (untilSlotDone && (await slotDone(untilSlotDone))) return;
          await sleep(untilSlotDone ? 100 : 500, stop);
        }
      }

      async function takeOne(): Promise<boolean> {
        for (const queue of [QUEUES.sync, QUEUES.tick, QUEUES.send, ...(scheduled ? [QUEUES.cron] : [])] as QueueName[]) {
          const [job] = await boss.fetch<unknown>(queue, { batchSize: 1 });
          if (!job) continue;
          try {
            const summary = await handle(queue, job.data);
            mergeSummary(total, summary);
            onJob?.(summary);
            await boss.complete(queue, job.id);
          } catch (err) {
            runtime.logger.warn({ queue, err: (err as Error).message }, 'job failed; the engine retries it with backoff');
            await boss.fail(queue, job.id, { message: (err as Error).message });
          }
          return true;
        }
        return false;
      }
    },
    async stop() {
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    },
  };

  async function handle(queue: QueueName, data: unknown): Promise<TickSummary> {
    if (queue === QUEUES.cron) {
      const now = new Date();
      await engine.enqueueTick(tickSlot(runtime.config.schedule, now), now);
      return emptySummary(now);
    }
    if (queue === QUEUES.tick) {
      const d = data as TickData;
      const now = new Date(d.now);
      // The fan-out: one sync job per account, in one insert (a sync already queued for an account stands).
      await boss.insert(runtime.config.accounts.map((a) => ({ name: QUEUES.sync, data: { accountId: a.id, now: d.now, slot: d.slot, reason: 'schedule' } satisfies SyncData, singletonKey: a.id, ...RETRY })));
      return runTickHousekeeping(runtime, now);
    }
    if (queue === QUEUES.sync) {
      const d = data as SyncData;
      return scheduleSend(d.accountId, await runAccountPass(runtime, d.accountId, d.now ? new Date(d.now) : new Date()));
    }
    const d = data as SendData;
    const at = new Date(d.at);
    return scheduleSend(d.accountId, await runAccountSend(runtime, d.accountId, new Date(Math.max(at.getTime(), Date.now()))));
  }

  /** A delayed send becomes a job scheduled at its time (one per account and time). */
  async function scheduleSend(accountId: string, result: AccountPassResult): Promise<TickSummary> {
    if (result.nextSendAt) {
      const at = result.nextSendAt.toISOString();
      await boss.send(QUEUES.send, { accountId, at } satisfies SendData, { id: stableJobId(`send:${accountId}:${at}`), startAfter: result.nextSendAt, ...RETRY });
    }
    return result.summary;
  }

  /** The slot's jobs are done when none of them is waiting (due) or running. Retries scheduled for later do not hold a run. */
  async function slotDone(slot: Date): Promise<boolean> {
    const r = await boss.getDb().executeSql(
      `select count(*)::int as n from ${schema}.job where name in ($1, $2) and data->>'slot' = $3 and state in ('created', 'retry', 'active') and start_after <= now()`,
      [QUEUES.tick, QUEUES.sync, slot.toISOString()],
    );
    return Number((r.rows[0] as { n: number } | undefined)?.n ?? 0) === 0;
  }

  return engine;
}

async function ensureQueues(boss: PgBoss): Promise<void> {
  const wanted: { name: QueueName; policy: PgBoss.QueuePolicy }[] = [
    { name: QUEUES.tick, policy: 'standard' },
    { name: QUEUES.sync, policy: 'stately' },
    { name: QUEUES.send, policy: 'standard' },
    { name: QUEUES.cron, policy: 'standard' },
  ];
  for (const q of wanted) {
    if (await boss.getQueue(q.name)) continue;
    try {
      await boss.createQueue(q.name, { name: q.name, policy: q.policy, ...RETRY, expireInSeconds: EXPIRE_IN_SECONDS });
    } catch (err) {
      // Two workers creating the queue at once: fine when it is there now.
      if (!(await boss.getQueue(q.name))) throw err;
    }
  }
}

function sleep(ms: number, stop?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const t = setTimeout(resolve, ms);
    stop?.addEventListener('abort', () => {
      clearTimeout(t);
      resolve();
    }, { once: true });
  });
}
