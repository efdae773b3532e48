import type { Kysely } from 'kysely';
import type { Store } from '../ports/store.js';
import { runMigrations } from './migrate.js';
import { accountQueries } from './queries/accounts.js';
import { bookingQueries } from './queries/bookings.js';
import { cursorQueries } from './queries/cursors.js';
import { draftQueries } from './queries/drafts.js';
import { eventQueries } from './queries/events.js';
import { leaseQueries } from './queries/leases.js';
import { sessionQueries } from './queries/sessions.js';
import { meetingQueries } from './queries/meetings.js';
import { messageQueries } from './queries/messages.js';
import { outboxQueries } from './queries/outbox.js';
import { prospectQueries } from './queries/prospects.js';
import { preventionQueries } from './queries/prevention.js';
import type { QueryContext } from './queries/query-context.js';
import { suppressionQueries } from './queries/suppressions.js';
import { timelineQueries } from './queries/timeline.js';
import { webhookQueries } from './queries/webhooks.js';
import type { Database } from './schema.js';

export interface KyselyStoreOptions {
  db: Kysely<Database>;
  /** Where Kysely keeps the migration tables (the PostgreSQL schema); undefined on SQLite. */
  migrationTableSchema?: string;
}

/**
 * The Store over Kysely: the same queries on SQLite and PostgreSQL, one query module per aggregate
 * (./queries/), composed here with the store's lifecycle and transactions. Concurrency rests on
 * unique keys (insert-or-ignore), conditional single-row updates, and single-statement upserts,
 * so two workers (two processes, or two hosts on PostgreSQL) can overlap safely.
 */
export function createKyselyStore(options: KyselyStoreOptions): Store {
  return composeStore(options, false);
}

function composeStore(options: KyselyStoreOptions, inTransaction: boolean): Store {
  const { db } = options;
  const ctx: QueryContext = {
    db,
    atomically: (fn) => (inTransaction ? fn(db) : db.transaction().execute(fn)),
  };
  let closed = false;
  const store: Store = {
    ...accountQueries(ctx),
    ...prospectQueries(ctx),
    ...eventQueries(ctx),
    ...meetingQueries(ctx),
    ...timelineQueries(ctx),
    ...messageQueries(ctx),
    ...draftQueries(ctx),
    ...outboxQueries(ctx),
    ...cursorQueries(ctx),
    ...suppressionQueries(ctx),
    ...bookingQueries(ctx),
    ...leaseQueries(ctx),
    ...sessionQueries(ctx),
    ...webhookQueries(ctx),
    ...preventionQueries(ctx),

    async migrate() {
      if (inTransaction) throw new Error('store: migrate() cannot run inside a transaction');
      await runMigrations(db as unknown as Kysely<unknown>, {
        ...(options.migrationTableSchema ? { migrationTableSchema: options.migrationTableSchema } : {}),
      });
    },

    /** Idempotent. */
    async close() {
      if (inTransaction) throw new Error('store: close() cannot be called on the store given to a transaction');
      if (closed) return;
      closed = true;
      await db.destroy();
    },

    /**
     * Runs fn in one transaction, with a store bound to it; fn must use that store (on SQLite the one
     * connection is held by the transaction, so using the outer store inside fn would wait forever).
     * Called on a transaction's store, it joins the running transaction.
     */
    transaction(fn) {
      if (inTransaction) return fn(store);
      return db.transaction().execute((trx) => fn(composeStore({ ...options, db: trx }, true)));
    },
  };
  return store;
}
