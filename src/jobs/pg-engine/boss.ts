import PgBoss from 'pg-boss';
import pg from 'pg';
import type { Runtime } from '../../app/runtime.js';
import { EXPIRE_IN_SECONDS, QUEUES, RETRY, type QueueName } from './types.js';

/**
 * Starts pg-boss in the schema beside the store's (`<schema>_jobs`), its queues created once.
 * Workers starting together take turns (an advisory lock): pg-boss creates a table per queue,
 * and concurrent DDL deadlocks.
 */
export async function startBoss(url: string, options: Omit<PgBoss.ConstructorOptions, 'schema' | 'connectionString'>, onError: (err: Error) => void): Promise<{ boss: PgBoss; schema: string; storeSchema: string | null }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const r = await client.query<{ s: string }>('select current_schema() as s');
    const current = r.rows[0]?.s ?? 'public';
    const schema = current === 'public' ? 'followup_jobs' : `${current}_jobs`;
    // The store's tables are in that schema (the runtime opened it on the same url): a sync job
    // is taken with its account's cursors and credentials (fetch.ts) when those tables are there.
    const tables = await client.query<{ c: string | null; k: string | null }>('select to_regclass(format($1, $3::text))::text as c, to_regclass(format($2, $3::text))::text as k', ['%I.cursors', '%I.credentials', current]);
    const storeSchema = tables.rows[0]?.c && tables.rows[0]?.k ? current : null;
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
    return { boss, schema, storeSchema };
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Presence: a connection held for the worker's life. Each job this worker takes is marked with
 * that connection's backend pid; when the process dies (a crash, SIGKILL, an OOM kill), its
 * connection closes and PostgreSQL drops the backend, so any worker can tell that the job's
 * owner is gone and retry it at once, instead of waiting for pg-boss's 15-minute expiry (pg-boss
 * 10 has no heartbeat). A job whose mark never landed still has that expiry.
 * On failure pg-boss is stopped and the error thrown.
 */
export async function openPresence(url: string, boss: PgBoss, runtime: Runtime): Promise<{ presence: pg.Client; pid: number | null }> {
  const presence = new pg.Client({ connectionString: url });
  try {
    await presence.connect();
    presence.on('error', (err) => runtime.logger.warn({ err: err.message }, 'job engine: the presence connection failed; jobs of this worker fall back to the 15-minute expiry'));
    const pid = (await presence.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0]?.pid ?? null;
    return { presence, pid };
  } catch (err) {
    await presence.end().catch(() => undefined);
    await boss.stop({ graceful: false, wait: true }).catch(() => undefined);
    throw err;
  }
}

async function ensureQueues(boss: PgBoss): Promise<void> {
  const wanted: { name: QueueName; policy: PgBoss.QueuePolicy }[] = [
    { name: QUEUES.tick, policy: 'standard' },
    { name: QUEUES.sync, policy: 'stately' },
    { name: QUEUES.replies, policy: 'stately' },
    { name: QUEUES.book, policy: 'singleton' },
    { name: QUEUES.plan, policy: 'stately' },
    { name: QUEUES.send, policy: 'singleton' },
    { name: QUEUES.cron, policy: 'standard' },
  ];
  // One read of every queue (a worker start used to read them one by one: 7 round trips).
  const queues = new Map((await boss.getQueues()).map((q) => [q.name, q]));
  for (const q of wanted) {
    const existing = queues.get(q.name);
    if (existing) {
      // A queue made by an older version with another policy (send was `standard`): new jobs take the new one.
      if (existing.policy !== q.policy) await boss.updateQueue(q.name, { name: q.name, policy: q.policy, ...RETRY, expireInSeconds: EXPIRE_IN_SECONDS });
      continue;
    }
    try {
      await boss.createQueue(q.name, { name: q.name, policy: q.policy, ...RETRY, expireInSeconds: EXPIRE_IN_SECONDS });
    } catch (err) {
      // Two workers creating the queue at once: fine when it is there now.
      if (!(await boss.getQueue(q.name))) throw err;
    }
  }
}
