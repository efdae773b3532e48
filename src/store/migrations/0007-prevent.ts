import type { Kysely } from 'kysely';

/**
 * Issue 15, preventing drops:
 *  - prospects.emails_json: further addresses of a prospect (a JSON list; null = none);
 *    prospects.phone: the number call holds carry;
 *  - next_steps: next steps set by the rep (`prospects next`, the page) or found in the rep's own
 *    email (a promise), with the email they came from; the latest set wins over the prospects file;
 *  - call_holds: holds the worker put on the rep's calendar after a missed meeting, by stable UID;
 *  - suppression_removals: every suppression the rep lifted, with the reason (the removal is recorded).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('prospects').addColumn('emails_json', 'text').execute();
  await db.schema.alterTable('prospects').addColumn('phone', 'text').execute();
  await db.schema
    .createTable('next_steps')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('prospect_id', 'text', (c) => c.notNull())
    .addColumn('what', 'text', (c) => c.notNull())
    .addColumn('due_at', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('message_id', 'text')
    .addColumn('subject', 'text')
    .addColumn('found_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('next_steps_prospect_idx').on('next_steps').columns(['prospect_id', 'found_at']).execute();
  await db.schema
    .createTable('call_holds')
    .addColumn('uid', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('prospect_id', 'text', (c) => c.notNull())
    .addColumn('meeting_id', 'text', (c) => c.notNull())
    .addColumn('step', 'integer', (c) => c.notNull())
    .addColumn('start_at', 'text', (c) => c.notNull())
    .addColumn('end_at', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('event_id', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('call_holds_prospect_idx').on('call_holds').column('prospect_id').execute();
  await db.schema
    .createTable('suppression_removals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('removed_by', 'text', (c) => c.notNull())
    .addColumn('removed_at', 'text', (c) => c.notNull())
    .addColumn('was_reason', 'text', (c) => c.notNull())
    .addColumn('was_at', 'text', (c) => c.notNull())
    .execute();
}
