/**
 * Opens the store: PostgreSQL when DATABASE_URL is a postgres:// URL, SQLite otherwise.
 *
 * Why Kysely: one typed query layer for both engines (every query is checked against the row types
 * in schema.ts at compile time, and the same code runs on SQLite and PostgreSQL), two first-party
 * dialects over the drivers we want (better-sqlite3, pg), no ORM runtime (no entity cache, no lazy
 * loading: each method is the SQL it reads as, which is what conditional updates and
 * insert-or-ignore need), and a migrator built in, fed here by an in-code list (migrations/index.ts),
 * so migrations ship inside the bundle and run on open, serverless included.
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { loadSqlite, type SqliteDatabase } from './sqlite-driver.js';
import { Kysely, PostgresDialect } from 'kysely';
import type pg from 'pg';
import type { Store } from '../ports/store.js';
import { createKyselyStore } from './kysely-store.js';
import type { Database } from './schema.js';
import { ImmediateSqliteDialect, withStatementCache } from './sqlite-dialect.js';

export const DEFAULT_SQLITE_PATH = './data/followup.db';
const SQLITE_BUSY_TIMEOUT_MS = 5_000;
const DEFAULT_PG_POOL_SIZE = 10;
const DEFAULT_PG_CONNECT_TIMEOUT_MS = 10_000;
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export interface OpenStoreInput {
  /** A postgres:// or postgresql:// URL selects PostgreSQL; empty/null/undefined selects SQLite. */
  databaseUrl?: string | null;
  /** SQLite file (default ./data/followup.db; its folder is created). ':memory:' for a private in-memory database.
   *  Several processes may share the file; within one process, share one store (better-sqlite3 is
   *  synchronous: a second connection waiting for the first's write lock would block the event loop). */
  sqlitePath?: string;
  /** PostgreSQL only: the schema to use (created if missing; set as search_path on every connection).
   *  Lower-case letters, digits and underscores. Default: the server's search_path (usually public). */
  schema?: string;
  /** PostgreSQL only: maximum pooled connections (default 10). */
  poolSize?: number;
  /** PostgreSQL only: how long to wait for a connection before failing (default 10 s). */
  connectTimeoutMs?: number;
  /** PostgreSQL only: errors of idle pooled connections (e.g. the server restarted). The pool drops
   *  the connection and the next query reconnects; by default these are ignored. */
  onBackgroundError?: (error: Error) => void;
}

export async function openStore(input: OpenStoreInput): Promise<Store> {
  const url = input.databaseUrl?.trim();
  if (url) {
    if (/^postgres(ql)?:\/\//i.test(url)) return openPostgresStore(url, input);
    throw new Error(
      `Unsupported DATABASE_URL "${describeUnsupportedUrl(url)}": use a postgres:// or postgresql:// URL, ` +
        'or leave DATABASE_URL unset to use the embedded SQLite database.',
    );
  }
  if (input.schema !== undefined) {
    throw new Error('store: the schema option applies to PostgreSQL only');
  }
  return openSqliteStore(input.sqlitePath ?? DEFAULT_SQLITE_PATH);
}

// SQLite

async function withBusyRetry<T>(fn: () => T): Promise<T> {
  const deadline = Date.now() + SQLITE_BUSY_TIMEOUT_MS;
  for (;;) {
    try {
      return fn();
    } catch (error) {
      // better-sqlite3 says code SQLITE_BUSY; node:sqlite says ERR_SQLITE_ERROR with errcode 5 (SQLITE_BUSY, low byte).
      const e = error as { code?: string; errcode?: number };
      const busy = e.code === 'SQLITE_BUSY' || (typeof e.errcode === 'number' && (e.errcode & 0xff) === 5);
      if (!busy || Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 25 + Math.random() * 50));
    }
  }
}

async function openSqliteStore(path: string): Promise<Store> {
  const inMemory = path === ':memory:' || path === '';
  let sqlite: SqliteDatabase;
  try {
    if (!inMemory && !path.startsWith('file:')) mkdirSync(dirname(resolve(path)), { recursive: true });
    sqlite = new (loadSqlite())(path);
  } catch (error) {
    throw new Error(`Cannot open the SQLite database at ${path}: ${errorMessage(error)}`, { cause: error });
  }
  try {
    // busy_timeout first: switching to WAL needs a lock another process may hold.
    sqlite.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
    // WAL: readers never block the writer, and several processes can share the file. Switching a
    // fresh file to WAL can answer SQLITE_BUSY at once (the busy handler is not called for that
    // lock) while another process does the same: retry for as long as busy_timeout allows.
    await withBusyRetry(() => sqlite.pragma('journal_mode = WAL'));
    // better-sqlite3 builds default WAL databases to synchronous=NORMAL, which can lose the last
    // commits on power loss. An outbox row marked 'sent' must survive; commits here are few.
    await withBusyRetry(() => sqlite.pragma('synchronous = FULL'));
    await withBusyRetry(() => sqlite.pragma('foreign_keys = ON'));
  } catch (error) {
    sqlite.close();
    throw new Error(`Cannot open the SQLite database at ${path}: ${errorMessage(error)}`, { cause: error });
  }
  const db = new Kysely<Database>({ dialect: new ImmediateSqliteDialect({ database: withStatementCache(sqlite) }) });
  return migrated(createKyselyStore({ db }));
}

// PostgreSQL

interface PostgresTarget {
  /** host:port, for messages (never the password). */
  where: string;
  database: string;
  password: string;
}

async function openPostgresStore(url: string, input: OpenStoreInput): Promise<Store> {
  const target = describePostgresTarget(url);
  const schema = input.schema;
  if (schema !== undefined && !SCHEMA_NAME.test(schema)) {
    throw new Error(`store: invalid schema name "${schema}" (use lower-case letters, digits and underscores)`);
  }
  // pg loads only for PostgreSQL: a SQLite `run --once` starts without it.
  const { default: pgDriver } = await import('pg');
  const pool = new pgDriver.Pool({
    connectionString: url,
    max: input.poolSize ?? DEFAULT_PG_POOL_SIZE,
    connectionTimeoutMillis: input.connectTimeoutMs ?? DEFAULT_PG_CONNECT_TIMEOUT_MS,
    ...(schema !== undefined ? { options: `-c search_path=${schema}` } : {}),
  });
  pool.on('error', (error) => input.onBackgroundError?.(error));

  let currentSchema: string;
  try {
    currentSchema = await preparePostgres(pool, schema);
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw explainPostgresError(error, target);
  }

  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  // Kysely's destroy() ends the pool.
  return migrated(createKyselyStore({ db, migrationTableSchema: currentSchema }));
}

/** The store with its migrations applied; closed again (its connections released) when they fail. */
async function migrated(store: Store): Promise<Store> {
  try {
    await store.migrate();
  } catch (error) {
    await store.close();
    throw error;
  }
  return store;
}

/** Checks the connection, creates the schema if asked, and returns the schema tables will live in. */
async function preparePostgres(pool: pg.Pool, schema: string | undefined): Promise<string> {
  const client = await pool.connect();
  try {
    if (schema !== undefined) {
      try {
        await client.query(`create schema if not exists "${schema}"`);
      } catch (error) {
        // Two processes creating the same schema at once: `if not exists` can still raise a unique
        // violation. Fine if the schema is there now.
        const exists = await client.query('select 1 from pg_namespace where nspname = $1', [schema]);
        if (exists.rowCount === 0) throw error;
      }
    }
    const result = await client.query<{ schema: string | null }>('select current_schema() as schema');
    const current = result.rows[0]?.schema;
    if (!current) {
      throw new Error('no schema is selected (the search_path names no existing schema); set the schema option or the role\'s search_path');
    }
    return current;
  } finally {
    client.release();
  }
}

function describePostgresTarget(url: string): PostgresTarget {
  try {
    const parsed = new URL(url);
    const host = parsed.hostname || 'localhost';
    const port = parsed.port || '5432';
    return {
      where: `${host}:${port}`,
      database: decodeURIComponent(parsed.pathname.replace(/^\//, '')) || '(default)',
      password: decodeURIComponent(parsed.password),
    };
  } catch {
    throw new Error('DATABASE_URL is not a valid URL (expected postgres://user:password@host:5432/database)');
  }
}

const CONNECTION_ERROR_CODES: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host name lookup failed',
  ETIMEDOUT: 'connection timed out',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ECONNRESET: 'connection reset',
};

const SERVER_ERROR_HINTS: Record<string, string> = {
  '28P01': 'password authentication failed: check the user and password in DATABASE_URL',
  '28000': 'the server refused this user/host: check the user in DATABASE_URL and the server\'s pg_hba.conf',
  '3D000': 'the database does not exist: create it (createdb) or fix the database name in DATABASE_URL',
  '42501': 'permission denied: the user in DATABASE_URL needs rights to create tables (and the schema)',
};

/** A connection failure in plain words, naming host:port and never the password. */
function explainPostgresError(error: unknown, target: PostgresTarget): Error {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  const detail = redact(errorMessage(error), target.password);
  let message: string;
  if (code in CONNECTION_ERROR_CODES || /timeout/i.test(detail)) {
    const reason = CONNECTION_ERROR_CODES[code] ?? 'connection timed out';
    message =
      `Cannot connect to PostgreSQL at ${target.where} (${reason}). ` +
      'Check DATABASE_URL (host and port) and that the PostgreSQL server is running and accepts connections.';
  } else if (code in SERVER_ERROR_HINTS) {
    message = `PostgreSQL at ${target.where}, database "${target.database}": ${SERVER_ERROR_HINTS[code]} (${detail}).`;
  } else {
    message = `PostgreSQL at ${target.where}, database "${target.database}": ${detail}. Check DATABASE_URL and the server.`;
  }
  return new Error(message, { cause: error });
}

function redact(text: string, secret: string): string {
  // Very short passwords would mangle the message; the messages built here never contain one anyway.
  return secret.length >= 4 ? text.split(secret).join('***') : text;
}

function errorMessage(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0 && !error.message) {
    return error.errors.map(errorMessage).join('; ');
  }
  return error instanceof Error ? error.message : String(error);
}

function describeUnsupportedUrl(url: string): string {
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1];
  return scheme ? `${scheme}://…` : '…';
}
