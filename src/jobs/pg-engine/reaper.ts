import { REAP_EVERY_MS, type EngineContext } from './types.js';

/**
 * Jobs left active by a worker whose database connection is gone, and jobs active past their
 * expiry (a worker killed before its mark landed): retried now. pg-boss expires jobs only in its
 * maintenance, every 120 s of a process's life, which a `run --once` of a few seconds never
 * reaches: without this, such a job stayed active for good, and a `book` job (one running per
 * account) held that account's bookings with it (the long chaos run on PostgreSQL: Sara's
 * named time never booked).
 *
 * Returns the reaper of one engine: it looks at most every REAP_EVERY_MS unless forced, and
 * answers how many jobs it retried.
 */
export function createReaper(ctx: EngineContext): (force?: boolean) => Promise<number> {
  const { boss, db, schema, runtime } = ctx;
  let lastReap = 0;
  return async function reapOrphans(force = false): Promise<number> {
    if (!force && Date.now() - lastReap < REAP_EVERY_MS) return 0;
    lastReap = Date.now();
    const r = await db.executeSql(
      `select id, name from ${schema}.job where state = 'active' and (
         (output ? 'followupWorker' and (output->>'followupWorker')::int not in (select pid from pg_stat_activity where pid is not null))
         or started_on + expire_in < now())`,
      [],
    );
    const orphans = r.rows as { id: string; name: string }[];
    for (const o of orphans) {
      await boss.fail(o.name, o.id, { message: 'the worker running this job stopped (its database connection closed); retried' });
      await db.executeSql(`update ${schema}.job set start_after = now() where id = $1::uuid and state = 'retry'`, [o.id]);
    }
    if (orphans.length > 0) runtime.logger.warn({ jobs: orphans.length }, 'job engine: jobs of a worker that stopped are retried now');
    return orphans.length;
  };
}
