import type { Kysely } from 'kysely';

/**
 * Outgoing webhooks: one row per event (booked, no_show, replied, opted_out, bounced), written in
 * the same transaction as the timeline entry it comes from, and delivered by the tick with retries.
 *  - id: the event id (derived from the attempt id: enqueueing twice is one row);
 *  - delivered_json: the endpoints that answered 2xx, so a retry goes only to the others;
 *  - status: pending | delivered | failed (given up after the last attempt).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('webhook_outbox')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('prospect_id', 'text', (c) => c.notNull())
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .addColumn('detail', 'text', (c) => c.notNull())
    .addColumn('ref_id', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('delivered_json', 'text', (c) => c.notNull())
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('webhook_outbox_due_idx').on('webhook_outbox').columns(['status', 'next_attempt_at']).execute();
}
