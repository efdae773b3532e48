import { CompiledQuery, SqliteAdapter, SqliteDialect, SqliteDriver } from 'kysely';
import type { DatabaseConnection, Driver, DialectAdapter, SqliteDatabase, SqliteDialectConfig } from 'kysely';

/**
 * Kysely's SQLite dialect with two changes that matter when several processes share one file:
 *
 * 1. Transactions start with BEGIN IMMEDIATE instead of BEGIN (deferred). A deferred transaction
 *    that reads and then writes fails at once with SQLITE_BUSY when another connection wrote in
 *    between (busy_timeout cannot help there); IMMEDIATE takes the write lock up front, waiting up
 *    to busy_timeout for it, so every store transaction is serialized with other writers.
 * 2. The adapter declares transactional DDL (SQLite has it; Kysely's adapter says no to stay
 *    conservative). Kysely's Migrator then runs pending migrations inside one transaction, which,
 *    with (1), is also the cross-process migration lock: a second process opening the database
 *    waits, then finds the migrations already recorded.
 */
export class ImmediateSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;

  constructor(config: SqliteDialectConfig) {
    super(config);
    this.#config = config;
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#config);
  }

  override createAdapter(): DialectAdapter {
    return new TransactionalDdlSqliteAdapter();
  }
}

/**
 * Keeps the last `size` prepared statements by SQL text. Kysely's SQLite driver prepares every
 * query anew, and compiling SQL cost more than running it in a tick (about 16 statements per
 * prospect). better-sqlite3 statements are reusable, the one connection runs one query at a time
 * (Kysely's connection mutex), and SQLite re-prepares a statement by itself after a schema change.
 */
export function withStatementCache(database: SqliteDatabase, size = 256): SqliteDatabase {
  const cache = new Map<string, ReturnType<SqliteDatabase['prepare']>>();
  return {
    close: () => {
      cache.clear();
      return database.close();
    },
    prepare(sql: string) {
      const hit = cache.get(sql);
      if (hit) {
        cache.delete(sql);
        cache.set(sql, hit);
        return hit;
      }
      const statement = database.prepare(sql);
      cache.set(sql, statement);
      if (cache.size > size) cache.delete(cache.keys().next().value!);
      return statement;
    },
  };
}

class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}
