import { QUEUES, type EngineContext } from './types.js';

/** What the step jobs of one account are doing: the questions a step asks before it hands on. */

/**
 * Whether no other step job of this account (replies, book, plan) waits or runs: then its sync
 * job may do the rest of the chain itself without ever running one step of the account twice at
 * once (no other sync runs: that queue is stately), and whatever appears for the account while
 * it works comes from this job.
 */
export async function onlyStepOfAccount(ctx: EngineContext, accountId: string): Promise<boolean> {
  const r = await ctx.db.executeSql(
    `select 1 from ${ctx.schema}.job where name = any($1::text[]) and singleton_key = $2 and state in ('created', 'retry', 'active') limit 1`,
    [[QUEUES.replies, QUEUES.book, QUEUES.plan], accountId],
  );
  return r.rows.length === 0;
}

/**
 * Why a replies step of this account is still to come, or null: a replies job waiting (a failed
 * one's retry included) or running. The replies job of the plan's own chain that is still active
 * is the one that handed on to it (its completion is batched), so it does not count.
 */
export async function repliesPending(ctx: EngineContext, accountId: string, chain: string): Promise<string | null> {
  const r = await ctx.db.executeSql(
    `select state, retry_count, output->>'message' as message from ${ctx.schema}.job
      where name = $1 and singleton_key = $2 and state in ('created', 'retry', 'active')
        and not (state = 'active' and data->>'chain' = $3) limit 1`,
    [QUEUES.replies, accountId, chain],
  );
  const row = r.rows[0] as { state: string; retry_count: number; message: string | null } | undefined;
  if (!row) return null;
  if (row.state === 'active') return 'a replies step is reading it now';
  if (row.state === 'retry' || row.retry_count > 0) return `its replies step failed and waits for its retry${row.message ? ` (${row.message})` : ''}`;
  return 'its replies step has not run yet';
}

/**
 * This account's replies step has ended: every booking held for it is released, not only the
 * ones this run asked for. A replies step killed after recording its reply (before releasing
 * the booking it had persisted) runs again, finds the reply recorded and asks for nothing: its
 * booking must not wait out the hold. Answers the chains of the bookings released.
 */
export async function releaseHeldBookings(ctx: EngineContext, accountId: string): Promise<(string | null)[]> {
  const released = await ctx.db.executeSql(
    `update ${ctx.schema}.job set start_after = now() where name = $1 and singleton_key = $2 and state = 'created' and start_after > now() returning data->>'chain' as chain`,
    [QUEUES.book, accountId],
  );
  return (released.rows as { chain: string | null }[]).map((row) => row.chain);
}

/** How many other bookings of this account wait, due now (the last one of a chain hands on to planning). */
export async function otherBookingsDue(ctx: EngineContext, accountId: string, jobId: string): Promise<number> {
  const others = await ctx.db.executeSql(
    `select count(*)::int as n from ${ctx.schema}.job where name = $1 and singleton_key = $2 and state = 'created' and start_after <= now() and id <> $3::uuid`,
    [QUEUES.book, accountId, jobId],
  );
  return Number((others.rows[0] as { n: number } | undefined)?.n ?? 0);
}
