import type { Kysely } from 'kysely';

/**
 * The send gate decides again at the moment of sending:
 *  - drafts.send_at_by_rep: 1 when the rep set the send time by hand (it stands outside business hours);
 *  - messages.recorded_at: when followup learnt of a message (a reply the rep could not have seen
 *    when approving withdraws what it makes moot). Null for rows recorded before this migration.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('drafts').addColumn('send_at_by_rep', 'integer').execute();
  await db.schema.alterTable('messages').addColumn('recorded_at', 'text').execute();
}
