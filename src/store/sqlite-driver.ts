import { createRequire } from 'node:module';
import type BetterSqlite3 from 'better-sqlite3';

/**
 * Which better-sqlite3 to load. Node 24.19+ aborts at process or worker teardown in the
 * destructor of better-sqlite3 ≤ 12's objects (its legacy `node::ObjectWrap`; nodejs/node#65446).
 * better-sqlite3 13 is built on Node-API and ships prebuilt binaries, but needs Node-API 10
 * (Node ≥ 22). So Node 20 loads 12 (compiled at install) and Node 22+ loads 13 (installed as the
 * alias `better-sqlite3-napi`). Both have the same API. better-sqlite3 12 is an optional
 * dependency, so installs on Node 22+ may leave it out (`--omit=optional`: 27 MB less).
 */
export type SqliteConstructor = typeof BetterSqlite3;
export type SqliteDatabase = BetterSqlite3.Database;

const require = createRequire(import.meta.url);

export function sqliteModuleName(nodeVersion: string = process.versions.node): 'better-sqlite3' | 'better-sqlite3-napi' {
  return Number(nodeVersion.split('.')[0]) >= 22 ? 'better-sqlite3-napi' : 'better-sqlite3';
}

let loaded: SqliteConstructor | null = null;

export function loadSqlite(): SqliteConstructor {
  if (loaded) return loaded;
  const name = sqliteModuleName();
  try {
    loaded = require(name) as SqliteConstructor;
  } catch (err) {
    // better-sqlite3 12 is an optional dependency: it compiles at install, and an install without
    // compilers (or with --omit=optional, as the Dockerfile does for Node 22) leaves it out.
    if (name === 'better-sqlite3' && (err as { code?: string }).code === 'MODULE_NOT_FOUND') {
      throw new Error(
        'The SQLite driver for Node 20 (better-sqlite3 12) is not installed: it compiles at install time and needs python3, make and a C++ compiler. ' +
          'Install those and run `npm install` again, use Node 22 or later (prebuilt driver), or set DATABASE_URL to a PostgreSQL database.',
      );
    }
    throw err;
  }
  return loaded;
}
