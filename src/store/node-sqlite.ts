import { createRequire } from 'node:module';

/**
 * Node's own SQLite (`node:sqlite`, in Node since 22.5, with StatementSync#columns since 22.16)
 * behind the small part of better-sqlite3's API the store and Kysely use: `new Database(path,
 * { readonly })`, `pragma`, `prepare` → `reader`, `all`, `get`, `run`, `iterate`, and `close`.
 * No native module to compile or ship: on Node ≥ 22.16 the store needs no SQLite package at all.
 */
interface NodeStatement {
  all(...params: unknown[]): unknown[];
  get(...params: unknown[]): unknown;
  run(...params: unknown[]): { changes: number | bigint; lastInsertRowid: number | bigint };
  iterate(...params: unknown[]): IterableIterator<unknown>;
  columns(): unknown[];
}
interface NodeDatabase {
  prepare(sql: string): NodeStatement;
  close(): void;
}
type NodeDatabaseConstructor = new (path: string, options?: { readOnly?: boolean; timeout?: number }) => NodeDatabase;

const require = createRequire(import.meta.url);
let DatabaseSync: NodeDatabaseConstructor | null = null;

function loadNodeSqlite(): NodeDatabaseConstructor {
  if (DatabaseSync) return DatabaseSync;
  // Node 22 and 23 print an ExperimentalWarning when node:sqlite loads; the store uses a stable
  // subset, and the warning would land in every command's output.
  const emitWarning = process.emitWarning;
  process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
    if (String(typeof warning === 'string' ? warning : warning.message).includes('SQLite')) return;
    return (emitWarning as (...a: unknown[]) => void).call(process, warning, ...rest);
  }) as typeof process.emitWarning;
  try {
    DatabaseSync = (require('node:sqlite') as { DatabaseSync: NodeDatabaseConstructor }).DatabaseSync;
  } finally {
    process.emitWarning = emitWarning;
  }
  return DatabaseSync;
}

/** Both calling styles of better-sqlite3: `all(a, b)` and `all([a, b])` (Kysely's). */
function params(args: unknown[]): unknown[] {
  return args.length === 1 && Array.isArray(args[0]) ? (args[0] as unknown[]) : args;
}

/** better-sqlite3 names SQLite's result codes in `code` ("SQLITE_BUSY"); node:sqlite gives `errcode`. */
function translated(error: unknown): unknown {
  const e = error as { errcode?: number; code?: string; message?: string };
  if (e && typeof e === 'object' && (e.errcode === 5 || /database is locked/i.test(e.message ?? ''))) {
    try {
      Object.defineProperty(e, 'code', { value: 'SQLITE_BUSY', configurable: true });
    } catch {
      /* a frozen error keeps its code */
    }
  }
  return error;
}

function guarded<T>(fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    throw translated(error);
  }
}

/**
 * A prepared statement. SQLite re-prepares a statement by itself after a schema change, but
 * node:sqlite keeps the column names it read at first (a cached `select *` would miss a column a
 * migration added, in this process or another one): so each run checks the schema version and
 * prepares again when it moved.
 */
class Statement {
  readonly #owner: NodeSqliteDatabase;
  readonly #sql: string;
  #statement: NodeStatement;
  #schema: number;
  #reader: boolean | null = null;

  constructor(owner: NodeSqliteDatabase, sql: string) {
    this.#owner = owner;
    this.#sql = sql;
    this.#schema = owner.schemaVersion();
    this.#statement = owner.raw(sql);
  }

  #current(): NodeStatement {
    const schema = this.#owner.schemaVersion();
    if (schema !== this.#schema) {
      this.#statement = this.#owner.raw(this.#sql);
      this.#schema = schema;
      this.#reader = null;
    }
    return this.#statement;
  }

  /** True when the statement returns rows (a SELECT, a pragma, or anything with RETURNING). */
  get reader(): boolean {
    this.#reader ??= this.#current().columns().length > 0;
    return this.#reader;
  }

  all(...args: unknown[]): unknown[] {
    return guarded(() => this.#current().all(...params(args)));
  }

  get(...args: unknown[]): unknown {
    return guarded(() => this.#current().get(...params(args)));
  }

  run(...args: unknown[]): { changes: number | bigint; lastInsertRowid: number | bigint } {
    return guarded(() => this.#current().run(...params(args)));
  }

  iterate(...args: unknown[]): IterableIterator<unknown> {
    return guarded(() => this.#current().iterate(...params(args)));
  }
}

export class NodeSqliteDatabase {
  readonly #db: NodeDatabase;
  readonly #schemaVersion: NodeStatement;

  constructor(path: string, options: { readonly?: boolean } = {}) {
    const Database = loadNodeSqlite();
    // The busy timeout from the first statement on (better-sqlite3's default is 5 s): another process
    // may hold the file's lock while it switches it to WAL or migrates it.
    this.#db = guarded(() => new Database(path === '' ? ':memory:' : path, { ...(options.readonly ? { readOnly: true } : {}), timeout: 5000 }));
    this.#schemaVersion = this.raw('PRAGMA schema_version');
  }

  /** @internal */
  raw(sql: string): NodeStatement {
    return guarded(() => this.#db.prepare(sql));
  }

  /** @internal SQLite's schema cookie: it changes with every schema change, from any connection. */
  schemaVersion(): number {
    return Number((guarded(() => this.#schemaVersion.get()) as { schema_version: number }).schema_version);
  }

  prepare(sql: string): Statement {
    return new Statement(this, sql);
  }

  /** `pragma('journal_mode = WAL')`: the rows it answers; with `{ simple: true }`, the first value. */
  pragma(source: string, options: { simple?: boolean } = {}): unknown {
    const rows = this.prepare(`PRAGMA ${source}`).all() as Record<string, unknown>[];
    return options.simple ? (rows[0] ? Object.values(rows[0])[0] : undefined) : rows;
  }

  close(): void {
    this.#db.close();
  }
}

/** Whether this Node has node:sqlite with everything the store needs (22.16+, 23.x, 24+). */
export function hasNodeSqlite(nodeVersion: string = process.versions.node): boolean {
  const [major = 0, minor = 0] = nodeVersion.split('.').map(Number);
  return major > 22 || (major === 22 && minor >= 16);
}
