import type { Kysely } from 'kysely';

/**
 * Signed-in sessions, kept in the store so that signing out, or an admin ending a rep's sessions,
 * ends them on every server and serverless instance that shares the database. The cookie still
 * carries a signed `{ sid, acc, exp }`; a signed-in sid must also be here and not ended.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('sessions')
    .addColumn('sid', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('ended_at', 'text')
    .execute();
  await db.schema.createIndex('sessions_account_idx').on('sessions').column('account_id').execute();
}
