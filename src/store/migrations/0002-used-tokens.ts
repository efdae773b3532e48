import type { Kysely } from 'kysely';

/** Single-use tokens (magic links, one-click approve links): a key is consumed once, ever. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('used_tokens')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('used_tokens_expires_idx').on('used_tokens').column('expires_at').execute();
}
