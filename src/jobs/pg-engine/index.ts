import type { Runtime } from '../../app/runtime.js';
import { startBoss, openPresence } from './boss.js';
import { enqueueTick } from './chain.js';
import { createReaper } from './reaper.js';
import { work } from './work.js';
import { EXPIRE_IN_SECONDS, QUEUES, RETRY, type EngineContext, type JobEngine, type StepData } from './types.js';

export { DEFAULT_CONCURRENCY, QUEUES, type JobEngine } from './types.js';

/**
 * The job engine on PostgreSQL: pg-boss (README "Scale-out" says why it, and how it measured
 * against graphile-worker). An account's work in a tick is a chain of step jobs, one queue per
 * step, each keyed by the account id (the singleton key), so an account's step never runs twice
 * at once and its steps keep their order:
 *
 *   followup-tick (one per slot) → per account: followup-sync → followup-replies
 *     → followup-book (only when a reply asks for a booking) → followup-plan
 *     → followup-send (only when the outbox holds something due; later: scheduled then)
 *
 * Each step enqueues the next when it ends, with an id derived from the account and the chain
 * (the slot, or the push notification's sync job), so a retried step never enqueues it twice.
 * A step that fails still hands on to the next (planning runs every tick) and is itself failed:
 * pg-boss retries that one job with backoff, persisted in its tables, without redoing the others.
 * - sync, replies, plan: `stately` (one queued and one running per account: a burst of push
 *   notifications collapses into one queued sync);
 * - book, send: `singleton` (one running per account, several queued: two replies may each ask
 *   for a booking; a delayed send waits while one due now runs);
 * - followup-cron: pg-boss's own cron (fires once per slot across all workers) enqueues the tick.
 *
 * The modules: boss.ts (pg-boss, its queues, the presence connection), work.ts (the lanes),
 * fetch.ts (taking a job), completions.ts (batched completions), reaper.ts (jobs of a dead
 * worker), steps.ts (each queue's step), chain.ts (handing on), account-jobs.ts (what an
 * account's other jobs are doing), report.ts (the slot done, bookings still waiting).
 */
export async function openPgEngine(input: { runtime: Runtime; databaseUrl: string; concurrency: number; supervise?: boolean; cron?: boolean }): Promise<JobEngine> {
  const { runtime } = input;
  const { boss, schema, storeSchema } = await startBoss(
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
  const { presence, pid } = await openPresence(input.databaseUrl, boss, runtime);
  const ctx: EngineContext = { runtime, boss, db: boss.getDb(), schema, storeSchema, presencePid: pid, scheduled: false };
  const reapOrphans = createReaper(ctx);

  return {
    enqueueTick: (slot, now) => enqueueTick(ctx, slot, now),
    async enqueueSync(accountId, reason) {
      const id = await boss.send(QUEUES.sync, { accountId, reason } satisfies StepData, { singletonKey: accountId, ...RETRY });
      return id !== null;
    },
    async schedule(cron) {
      await boss.schedule(QUEUES.cron, cron, {}, { singletonKey: 'cron' });
      ctx.scheduled = true;
    },
    work: (options) => work(ctx, reapOrphans, options),
    async stop() {
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
      await presence.end().catch(() => undefined);
    },
  };
}
