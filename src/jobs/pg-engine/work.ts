import { emptySummary, type TickSummary } from '../../worker/context.js';
import { mergeSummary } from '../summary.js';
import { createCompletions } from './completions.js';
import { fetchAny, fetchFrom } from './fetch.js';
import { reportWaitingBookings, slotDone } from './report.js';
import { handle } from './steps.js';
import { QUEUES, type BookData, type EngineContext, type Handled, type JobEngine, type QueueName } from './types.js';

/**
 * The worker loop: `concurrency` lanes, each taking one job at a time (preferring the queue its
 * last job handed on to: most often the same account's next step), until the slot's jobs are
 * done (`run --once`) or the stop signal (`serve`).
 */
export async function work(ctx: EngineContext, reapOrphans: (force?: boolean) => Promise<number>, input: Parameters<JobEngine['work']>[0]): Promise<TickSummary> {
  const { runtime, boss } = ctx;
  const { concurrency, untilSlotDone, stop, onJob } = input;
  const total = emptySummary(new Date());
  await reapOrphans(true);
  const { settle, completeLater, settled } = createCompletions(ctx);
  const lanes = Array.from({ length: Math.max(1, concurrency) }, () => lane());
  await Promise.all(lanes);
  await settled();
  if (untilSlotDone) await reportWaitingBookings(ctx, total);
  total.finishedAt = new Date();
  return total;

  async function lane(): Promise<void> {
    // The queue this lane's last job handed on to: most often the same account's next step.
    let prefer: QueueName | null = null;
    while (!stop?.aborted) {
      const taken = await takeOne(prefer);
      if (taken !== false) {
        // A chain that ended: the likeliest work left is the next account's sync.
        prefer = taken ?? QUEUES.sync;
        continue;
      }
      prefer = null;
      await settled();
      if ((await reapOrphans()) > 0) continue;
      if (untilSlotDone && (await slotDone(ctx, untilSlotDone))) return;
      await sleep(untilSlotDone ? 100 : 500, stop);
    }
  }

  /** Takes and runs one job: false when there was none; else the queue it handed on to. */
  async function takeOne(prefer: QueueName | null): Promise<QueueName | null | false> {
    const job = (prefer ? await fetchFrom(ctx, prefer) : null) ?? (await fetchAny(ctx));
    if (!job) return false;
    const { queue, id, data } = job;
    let result: Handled;
    try {
      result = await handle(ctx, queue, id, data, job);
    } catch (err) {
      runtime.logger.warn({ queue, err: (err as Error).message }, 'job failed; the engine retries it with backoff');
      await boss.fail(queue, id, { message: (err as Error).message });
      return null;
    }
    mergeSummary(total, result.summary);
    onJob?.(result.summary);
    // The next step is enqueued already (inside handle); marking this job done overlaps the
    // lane's next fetch instead of costing it a round trip. A crash before it lands leaves the
    // job to expire and run again: every step is idempotent, and its next step exists once.
    const failed = result.failed;
    if (failed && queue === QUEUES.book && job.retryCount >= job.retryLimit) {
      const { request, accountId } = data as BookData;
      total.alerts.push(`${accountId}: the booking a prospect asked for ("${request.proposal}", prospect ${request.prospectId}) failed on every try (${failed.message}). Book it by hand and answer them; followup will not try again.`);
    }
    if (failed) runtime.logger.warn({ queue, err: failed.message }, 'step failed; the engine retries this step with backoff, the next steps went on');
    if (failed) settle(boss.fail(queue, id, { message: failed.message }));
    else completeLater(queue, id);
    return result.next;
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
