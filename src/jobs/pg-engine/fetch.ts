import type { CursorsTable } from '../../store/schema.js';
import { QUEUES, TAKE_ORDER, type EngineContext, type QueueName, type Taken } from './types.js';

/** Takes one job of a queue for this worker, or null when none is due (or its key is busy). */
export async function fetchFrom(ctx: EngineContext, queue: QueueName): Promise<Taken | null> {
  if (ctx.presencePid !== null) return fetchMarked(ctx, queue, ctx.presencePid);
  const [job] = await ctx.boss.fetch<unknown>(queue, { batchSize: 1, includeMetadata: true });
  return job ? { queue, id: job.id, data: job.data, retryCount: job.retryCount, retryLimit: job.retryLimit } : null;
}

/** The step jobs of an account other than its sync (see onlyStepOfAccount in account-jobs.ts). */
const OTHER_STEPS: QueueName[] = [QUEUES.replies, QUEUES.book, QUEUES.plan];

/**
 * pg-boss 10's fetch of one job (its `fetchNextJob` with a batch of one, where the per-key
 * grouping has nothing to group) that also marks the job with this worker's presence pid, in
 * the same statement instead of an update of its own. As in pg-boss, a stately or singleton
 * key already active makes the unique index refuse, which means "nothing to take".
 * A sync job also comes with whether it is the only step job of its account (the question
 * onlyStepOfAccount asks), in the same statement: while a sync job of the account is active no
 * other step job of it can appear that was not already there (they are made by the steps of its
 * chains, and a running one counts), so the answer holds for the whole job.
 * It also comes with its account's cursor rows and sealed credentials (the store's tables, when
 * the engine found them beside its own), read as the job is taken instead of by queries of the
 * job's own: no other step of the account runs while the job is active, so they are the rows the
 * job would read a moment later (its providers are built from the credentials at its start).
 */
async function fetchMarked(ctx: EngineContext, queue: QueueName, pid: number): Promise<Taken | null> {
  const { db, schema } = ctx;
  let rows: { id: string; data: unknown; retryCount: number; retryLimit: number; onlyStep: boolean | null; cursors: CursorsTable[] | null; credentials: Record<string, string> | null }[];
  const store = ctx.storeSchema;
  const cursors = store !== null ? `case when j.name = $3 then (select coalesce(json_agg(c), '[]'::json) from "${store}".cursors c where c.account_id = j.data->>'accountId') end` : 'null::json';
  const credentials = store !== null ? `case when j.name = $3 then (select coalesce(json_object_agg(k.kind, k.ciphertext), '{}'::json) from "${store}".credentials k where k.account_id = j.data->>'accountId') end` : 'null::json';
  try {
    const r = await db.executeSql(
      `with next as (
         select id from ${schema}.job
          where name = $1 and state < 'active' and start_after < now()
          order by priority desc, created_on, id
          limit 1
          for update skip locked
       )
       update ${schema}.job j set
         state = 'active',
         started_on = now(),
         retry_count = case when started_on is not null then retry_count + 1 else retry_count end,
         output = jsonb_build_object('followupWorker', $2::int)
       from next
       where j.name = $1 and j.id = next.id
       returning j.id, j.data, j.retry_count as "retryCount", j.retry_limit as "retryLimit",
         case when j.name = $3 then not exists (
           select 1 from ${schema}.job o where o.name = any($4::text[]) and o.singleton_key = j.singleton_key and o.state in ('created', 'retry', 'active')
         ) end as "onlyStep",
         ${cursors} as "cursors",
         ${credentials} as "credentials"`,
      [queue, pid, QUEUES.sync, OTHER_STEPS],
    );
    rows = r.rows as typeof rows;
  } catch {
    // As pg-boss's fetch: its errors are the unique index refusing a second active job of a key.
    return null;
  }
  const job = rows[0];
  if (!job) return null;
  return { queue, id: job.id, data: job.data, retryCount: job.retryCount, retryLimit: job.retryLimit, ...(job.onlyStep !== null ? { onlyStep: job.onlyStep } : {}), ...(job.cursors ? { cursors: job.cursors } : {}), ...(job.credentials ? { credentials: job.credentials } : {}) };
}

/** One query finds the queues with work due, then the first of them in TAKE_ORDER gives a job. */
export async function fetchAny(ctx: EngineContext): Promise<Taken | null> {
  const names = ctx.scheduled ? TAKE_ORDER : TAKE_ORDER.filter((q) => q !== QUEUES.cron);
  const r = await ctx.db.executeSql(`select distinct name from ${ctx.schema}.job where name = any($1::text[]) and state < 'active' and start_after < now()`, [names]);
  const ready = new Set((r.rows as { name: string }[]).map((x) => x.name));
  for (const queue of names) {
    if (!ready.has(queue)) continue;
    const job = await fetchFrom(ctx, queue);
    if (job) return job;
  }
  return null;
}
