import { COMPLETE_BATCH, COMPLETE_WITHIN_MS, type EngineContext, type QueueName } from './types.js';

export interface Completions {
  /** Tracks a job-state write (a completion, a failure): a failed one is logged, not thrown. */
  settle(p: Promise<unknown>): void;
  /** Marks a job completed with the next batch of its queue. */
  completeLater(queue: QueueName, id: string): void;
  /** Sends the batch now and waits for every tracked write. */
  settled(): Promise<void>;
}

/**
 * Completions are batched: one `complete` per queue for many jobs instead of one round trip
 * each. A job stays active until its batch lands (a stately or singleton queue's next job of
 * that account waits that long); a crash before it lands leaves the job to the reaper or the
 * expiry, and every step is idempotent, its next step existing once.
 */
export function createCompletions(ctx: EngineContext): Completions {
  const { boss, runtime } = ctx;
  const pending = new Set<Promise<unknown>>();
  const settle = (p: Promise<unknown>) => {
    const tracked = p.catch((err: unknown) => runtime.logger.warn({ err: (err as Error).message }, 'job state not saved; the job runs again when it expires')).finally(() => pending.delete(tracked));
    pending.add(tracked);
  };
  let toComplete = new Map<QueueName, string[]>();
  let completing = 0;
  let oldest = 0;
  const flushCompletions = () => {
    const batch = toComplete;
    toComplete = new Map();
    completing = 0;
    for (const [queue, ids] of batch) settle(boss.complete(queue, ids));
  };
  const completeLater = (queue: QueueName, id: string) => {
    if (completing === 0) oldest = Date.now();
    toComplete.set(queue, [...(toComplete.get(queue) ?? []), id]);
    completing++;
    if (completing >= COMPLETE_BATCH || Date.now() - oldest >= COMPLETE_WITHIN_MS) flushCompletions();
  };
  const settled = async () => {
    flushCompletions();
    while (pending.size > 0) await Promise.all([...pending]);
  };
  return { settle, completeLater, settled };
}
