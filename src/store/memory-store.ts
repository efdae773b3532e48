import type { Store, StoreRoles } from '../ports/store.js';
import { memoryAccounts } from './memory/accounts.js';
import { memoryCalendar } from './memory/calendar.js';
import { memoryDrafts } from './memory/drafts.js';
import { memoryLeases } from './memory/leases.js';
import { memorySessions } from './memory/sessions.js';
import { memoryMessages } from './memory/messages.js';
import { memoryRecords } from './memory/records.js';
import { memoryWebhooks } from './memory/webhooks.js';
import { memoryPrevention } from './memory/prevention.js';
import { emptyTables, restoreTables, snapshotTables } from './memory/tables.js';

/**
 * One in-memory database that several stores (several "connections") can share, as two workers
 * share one SQLite file. Calls are serialised: each store call runs alone, and a transaction holds
 * the database until it settles, so concurrent callers see what they would see on SQLite.
 */
export class MemoryDatabase {
  readonly tables = emptyTables();
  #queue: Promise<unknown> = Promise.resolve();

  /** Runs fn once every call queued before it has settled; nothing else runs until fn settles. */
  exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(fn);
    this.#queue = run.catch(() => undefined);
    return run;
  }
}

/**
 * The Store in memory: the same rows, row mappers, keys and constraints as the SQL store, with no
 * database. It passes the same contract suite (tests/store/store-contract.ts), so tests of the
 * worker and the domain can run on it and trust it behaves like SQLite and PostgreSQL.
 * As on SQLite, code inside transaction() must use the store it is given: the outer store waits
 * for the transaction to end.
 */
export function createMemoryStore(database: MemoryDatabase = new MemoryDatabase()): Store {
  return composeStore(database, false);
}

function composeStore(database: MemoryDatabase, inTransaction: boolean): Store {
  const t = database.tables;
  const roles: StoreRoles = {
    ...memoryAccounts(t),
    ...memoryCalendar(t),
    ...memoryMessages(t),
    ...memoryDrafts(t),
    ...memoryRecords(t),
    ...memoryLeases(t),
    ...memorySessions(t),
    ...memoryWebhooks(t),
    ...memoryPrevention(t),
  };
  const store: Store = {
    ...(inTransaction ? roles : serialised(roles, database)),

    async migrate() {
      if (inTransaction) throw new Error('store: migrate() cannot run inside a transaction');
      // Nothing to migrate: the tables are made with the database.
    },

    async close() {
      if (inTransaction) throw new Error('store: close() cannot be called on the store given to a transaction');
    },

    transaction(fn) {
      if (inTransaction) return fn(store);
      return database.exclusive(async () => {
        const before = snapshotTables(t);
        try {
          return await fn(composeStore(database, true));
        } catch (error) {
          restoreTables(t, before);
          throw error;
        }
      });
    },
  };
  return store;
}

/** Every role method, run through the database's queue. */
function serialised(roles: StoreRoles, database: MemoryDatabase): StoreRoles {
  const out: Record<string, unknown> = {};
  for (const [name, method] of Object.entries(roles) as [string, (...args: unknown[]) => Promise<unknown>][]) {
    out[name] = (...args: unknown[]) => database.exclusive(() => method(...args));
  }
  return out as unknown as StoreRoles;
}
