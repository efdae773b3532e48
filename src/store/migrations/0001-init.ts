import type { Kysely } from 'kysely';

/**
 * The initial schema. Portable DDL: the same statements run on SQLite and PostgreSQL.
 *
 * Column conventions, chosen once for every table:
 * - Ids are text (the core mints them; see domain/ids.ts).
 * - Instants are ISO-8601 UTC text as produced by `Date#toISOString()`
 *   ("2025-03-09T14:05:00.000Z"). Chosen over bigint epoch milliseconds because the format is
 *   fixed-width (years 0000-9999 are enforced by the store's codec), so text order is time order
 *   in both engines and range queries work on plain indexes; it keeps millisecond precision; it
 *   needs no int8 handling (node-postgres returns bigint columns as strings); and a row read in
 *   `sqlite3` or `psql` while debugging a customer's database is readable as is.
 * - Booleans are integer 0/1 (SQLite has no boolean type).
 * - Arrays and objects are JSON in text columns (`*_json`): read and written whole, never queried.
 * - Emails used for lookups get a lower-cased copy (`email_lower`, suppressions.email).
 * - Idempotency lives in primary keys and unique constraints, so concurrent workers on either
 *   engine can use insert-or-ignore and conditional updates instead of locks.
 * - No CHECK constraints on status columns: adding a status later would mean rebuilding the table
 *   on SQLite. The domain types guard the values.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('accounts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('email_lower', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('provider', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('status_detail', 'text')
    .execute();
  await db.schema.createIndex('accounts_email_lower_idx').on('accounts').column('email_lower').execute();

  await db.schema
    .createTable('credentials')
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('ciphertext', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('credentials_pk', ['account_id', 'kind'])
    .execute();

  await db.schema
    .createTable('prospects')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('email_lower', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('company', 'text')
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('country', 'text')
    .addColumn('hot_button', 'text')
    .addColumn('material_sent_json', 'text', (c) => c.notNull())
    .addColumn('next_step_json', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('paused_until', 'text')
    .addColumn('status_reason', 'text')
    // One prospect per email and account: a second record would get its own follow-ups.
    .addUniqueConstraint('prospects_account_email_uq', ['account_id', 'email_lower'])
    .execute();
  await db.schema.createIndex('prospects_email_lower_idx').on('prospects').column('email_lower').execute();

  await db.schema
    .createTable('events')
    .addColumn('calendar_id', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('uid', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('start_at', 'text', (c) => c.notNull())
    .addColumn('end_at', 'text', (c) => c.notNull())
    .addColumn('all_day', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('organizer_email', 'text')
    .addColumn('attendees_json', 'text', (c) => c.notNull())
    .addColumn('categories_json', 'text', (c) => c.notNull())
    .addColumn('conference_json', 'text')
    .addColumn('recurring_event_id', 'text')
    .addColumn('original_start', 'text')
    .addColumn('updated_at', 'text')
    .addPrimaryKeyConstraint('events_pk', ['calendar_id', 'id'])
    .execute();
  await db.schema.createIndex('events_calendar_start_idx').on('events').columns(['calendar_id', 'start_at']).execute();

  await db.schema
    .createTable('meetings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('prospect_id', 'text', (c) => c.notNull())
    .addColumn('event_id', 'text', (c) => c.notNull())
    .addColumn('calendar_id', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('start_at', 'text', (c) => c.notNull())
    .addColumn('end_at', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('prospect_response', 'text', (c) => c.notNull())
    .addColumn('evidence_json', 'text', (c) => c.notNull())
    .addColumn('marked_by', 'text')
    .addColumn('conference_json', 'text')
    .addColumn('categories_json', 'text', (c) => c.notNull())
    .addUniqueConstraint('meetings_event_prospect_uq', ['event_id', 'prospect_id'])
    .execute();
  await db.schema.createIndex('meetings_prospect_idx').on('meetings').columns(['prospect_id', 'start_at']).execute();
  await db.schema.createIndex('meetings_account_end_idx').on('meetings').columns(['account_id', 'end_at']).execute();

  await db.schema
    .createTable('attempts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('prospect_id', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text')
    .addColumn('detail', 'text', (c) => c.notNull())
    .addColumn('ref_id', 'text')
    .execute();
  await db.schema.createIndex('attempts_prospect_at_idx').on('attempts').columns(['prospect_id', 'at']).execute();

  await db.schema
    .createTable('messages')
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('provider_id', 'text', (c) => c.notNull())
    .addColumn('prospect_id', 'text', (c) => c.notNull())
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('message_id', 'text')
    .addColumn('thread_id', 'text')
    .addColumn('in_reply_to', 'text')
    .addColumn('references_json', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('reply_kind', 'text')
    .addColumn('parsed_json', 'text')
    .addColumn('visible_text', 'text')
    .addPrimaryKeyConstraint('messages_pk', ['account_id', 'provider_id'])
    .execute();
  await db.schema.createIndex('messages_prospect_at_idx').on('messages').columns(['prospect_id', 'at']).execute();
  await db.schema.createIndex('messages_message_id_idx').on('messages').column('message_id').execute();
  await db.schema.createIndex('messages_thread_id_idx').on('messages').column('thread_id').execute();

  await db.schema
    .createTable('drafts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('prospect_id', 'text', (c) => c.notNull())
    .addColumn('reason_key', 'text', (c) => c.notNull())
    .addColumn('template', 'text', (c) => c.notNull())
    .addColumn('to_email', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('text_body', 'text', (c) => c.notNull())
    .addColumn('html_body', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('send_at', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('evidence_json', 'text', (c) => c.notNull())
    .addColumn('thread_json', 'text', (c) => c.notNull())
    .addColumn('auto_approved', 'integer', (c) => c.notNull())
    .addColumn('approved_by', 'text')
    .addColumn('approved_at', 'text')
    .addColumn('rejected_reason', 'text')
    .addColumn('rejected_by', 'text')
    .addColumn('rejected_at', 'text')
    .addColumn('cancelled_reason', 'text')
    .addColumn('edited_by', 'text')
    .addColumn('edited_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('attachments_json', 'text', (c) => c.notNull())
    .addUniqueConstraint('drafts_reason_key_uq', ['reason_key'])
    .execute();
  await db.schema.createIndex('drafts_prospect_status_idx').on('drafts').columns(['prospect_id', 'status']).execute();
  await db.schema.createIndex('drafts_status_created_idx').on('drafts').columns(['status', 'created_at']).execute();

  await db.schema
    .createTable('outbox')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // Nullable unique: several rows may have no draft (both engines allow repeated NULLs).
    .addColumn('draft_id', 'text', (c) => c.references('drafts.id'))
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('prospect_id', 'text')
    .addColumn('message_id', 'text', (c) => c.notNull())
    .addColumn('from_email', 'text', (c) => c.notNull())
    .addColumn('from_name', 'text', (c) => c.notNull())
    .addColumn('to_email', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('text_body', 'text', (c) => c.notNull())
    .addColumn('html_body', 'text')
    .addColumn('thread_json', 'text', (c) => c.notNull())
    .addColumn('attachments_json', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('not_before', 'text', (c) => c.notNull())
    .addColumn('last_error', 'text')
    .addColumn('sent_at', 'text')
    .addColumn('provider_message_id', 'text')
    .addColumn('claimed_by', 'text')
    .addColumn('claimed_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('outbox_draft_id_uq', ['draft_id'])
    .addUniqueConstraint('outbox_message_id_uq', ['message_id'])
    .execute();
  await db.schema.createIndex('outbox_status_not_before_idx').on('outbox').columns(['status', 'not_before']).execute();
  await db.schema.createIndex('outbox_prospect_status_idx').on('outbox').columns(['prospect_id', 'status']).execute();

  await db.schema
    .createTable('cursors')
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('cursor_key', 'text', (c) => c.notNull())
    .addColumn('cursor', 'text')
    .addColumn('last_success_at', 'text')
    .addColumn('last_attempt_at', 'text')
    .addColumn('last_error', 'text')
    .addColumn('not_before', 'text')
    .addPrimaryKeyConstraint('cursors_pk', ['account_id', 'cursor_key'])
    .execute();

  await db.schema
    .createTable('suppressions')
    .addColumn('email', 'text', (c) => c.primaryKey())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('bookings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('prospect_id', 'text', (c) => c.notNull())
    .addColumn('start_at', 'text', (c) => c.notNull())
    .addColumn('end_at', 'text', (c) => c.notNull())
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('event_id', 'text')
    .addColumn('source_message_id', 'text')
    .addColumn('error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('bookings_prospect_idx').on('bookings').columns(['prospect_id', 'created_at']).execute();

  await db.schema
    .createTable('slot_offers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('prospect_id', 'text', (c) => c.notNull())
    .addColumn('draft_id', 'text', (c) => c.notNull())
    .addColumn('slots_json', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('slot_offers_prospect_idx').on('slot_offers').columns(['prospect_id', 'created_at']).execute();

  await db.schema
    .createTable('leases')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('owner', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
}
