import type { TickSummary } from '../../worker/context.js';
import { QUEUES, SLOT_QUEUES, type BookData, type EngineContext } from './types.js';

/**
 * `run --once` exits when its slot's due work is done; a booking whose try failed waits for its
 * pg-boss retry (30 s, doubling) and a booking held for its replies step waits for that step.
 * Neither is lost (the next run takes it when due), but a run must not end as if all were done:
 * each is named in the summary, and its account needs attention (exit status 3) until booked.
 */
export async function reportWaitingBookings(ctx: EngineContext, total: TickSummary): Promise<void> {
  const r = await ctx.db.executeSql(
    `select data, state, retry_count, retry_limit, start_after, output->>'message' as message from ${ctx.schema}.job
      where name = $1 and state in ('created', 'retry') and start_after > now() order by start_after`,
    [QUEUES.book],
  );
  for (const row of r.rows as { data: BookData; state: string; retry_count: number; retry_limit: number; start_after: Date; message: string | null }[]) {
    const { accountId, request } = row.data;
    const at = new Date(row.start_after).toISOString();
    const why = row.state === 'retry' ? `its try ${row.retry_count + 1} of ${row.retry_limit + 1} failed${row.message ? ` (${row.message})` : ''}` : 'it is held for the replies step that asked for it';
    total.alerts.push(`${accountId}: the booking a prospect asked for ("${request.proposal}", prospect ${request.prospectId}) is not done yet: ${why}. The next run from ${at} tries it again (run --once again then).`);
    total.attention.push({ accountId, reason: 'a booking waits for a retry' });
  }
}

/** The slot's jobs are done when none of them is waiting (due) or running. Retries scheduled for later do not hold a run. */
export async function slotDone(ctx: EngineContext, slot: Date): Promise<boolean> {
  const r = await ctx.db.executeSql(
    `select count(*)::int as n from ${ctx.schema}.job where name = any($1::text[]) and data->>'slot' = $2 and state in ('created', 'retry', 'active') and start_after <= now()`,
    [SLOT_QUEUES, slot.toISOString()],
  );
  return Number((r.rows[0] as { n: number } | undefined)?.n ?? 0) === 0;
}
