import type { Kysely } from 'kysely';

/** Drafts kept in the rep's own mail client (approval: gmail-drafts / outlook-drafts). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('drafts').addColumn('native_draft_id', 'text').execute();
  await db.schema.alterTable('drafts').addColumn('message_id', 'text').execute();
  await db.schema.createIndex('drafts_message_id_idx').on('drafts').column('message_id').execute();
}
