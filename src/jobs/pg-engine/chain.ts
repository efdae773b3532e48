import type { Account } from '../../domain/types.js';
import type { TickSummary } from '../../worker/context.js';
import { stableJobId } from '../slot.js';
import { QUEUES, RETRY, type EngineContext, type QueueName, type SendData, type StepData, type TickData } from './types.js';

/**
 * How a step hands on to the next of its account's chain: the data it carries, the job's id
 * derived from the account and the chain (a retried step never enqueues it twice), the send
 * step scheduled at its time.
 */

export const stepNow = (d: StepData) => (d.now ? new Date(d.now) : new Date());
export const chainOf = (d: StepData, jobId: string) => d.chain ?? jobId;
export const next = (d: StepData, jobId: string, account?: Account): StepData => ({ accountId: d.accountId, chain: chainOf(d, jobId), reason: d.reason, ...(d.now ? { now: d.now } : {}), ...(d.slot ? { slot: d.slot } : {}), ...(account ? { account } : {}) });

/** Enqueues the tick of this slot (idempotent); true when this call created it. */
export async function enqueueTick(ctx: EngineContext, slot: Date, now: Date): Promise<boolean> {
  const id = await ctx.boss.send(QUEUES.tick, { slot: slot.toISOString(), now: now.toISOString() } satisfies TickData, { id: stableJobId(`tick:${slot.toISOString()}`), ...RETRY });
  return id !== null;
}

/** Enqueues the account's next step of this chain, once (its id is derived from the chain). */
export async function handOn<T extends StepData>(ctx: EngineContext, queue: QueueName, data: T, startAfter?: Date): Promise<QueueName> {
  await ctx.boss.insert([{ name: queue, id: stableJobId(`${queue}:${data.accountId}:${data.chain ?? ''}`), data, singletonKey: data.accountId, ...(startAfter ? { startAfter } : {}), ...RETRY }]);
  return queue;
}

/** A step that failed inside an idle account's sync job runs again as its own job after this. */
export const retryAfter = () => new Date(Date.now() + RETRY.retryDelay * 1000);

/** Adds a step's summary to the job's (every list: the sync job reports for the steps it ran). */
export const addSummary = (into: TickSummary, from: TickSummary) => {
  for (const key of Object.keys(from) as (keyof TickSummary)[]) {
    const list = from[key];
    if (Array.isArray(list)) (into[key] as unknown[]).push(...list);
  }
  into.messagesRead += from.messagesRead;
};

/** After planning: a delayed send is scheduled at its time, one due now is enqueued now. */
export async function sendAfterPlan(ctx: EngineContext, accountId: string, chain: string, now: Date, slot: string | undefined, planned: { sendNow: boolean; nextSendAt: Date | null }): Promise<QueueName | null> {
  await scheduleSend(ctx, accountId, planned.nextSendAt);
  if (!planned.sendNow) return null;
  await ctx.boss.insert([{ name: QUEUES.send, id: stableJobId(`${QUEUES.send}:${accountId}:${chain}`), data: { accountId, at: now.toISOString(), chain, ...(slot ? { slot } : {}) } satisfies SendData, singletonKey: accountId, ...RETRY }]);
  return QUEUES.send;
}

/** A delayed send becomes a job scheduled at its time (one per account and time). */
export async function scheduleSend(ctx: EngineContext, accountId: string, at: Date | null): Promise<void> {
  if (!at) return;
  const iso = at.toISOString();
  await ctx.boss.insert([{ name: QUEUES.send, id: stableJobId(`send:${accountId}:${iso}`), data: { accountId, at: iso } satisfies SendData, singletonKey: accountId, startAfter: at, ...RETRY }]);
}
