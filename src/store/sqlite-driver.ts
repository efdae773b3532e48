import { createRequire } from 'node:module';
import type BetterSqlite3 from 'better-sqlite3';
import { hasNodeSqlite, NodeSqliteDatabase } from './node-sqlite.js';

/**
 * Which SQLite the store uses. Node 22.16 and later: Node's own `node:sqlite` (./node-sqlite.ts,
 * no package to install or compile). Older Node (20, 22.0-22.15): better-sqlite3 12, an optional
 * dependency compiled at install. (better-sqlite3 12 also aborts at process teardown on Node
 * 24.19+, nodejs/node#65446, and 13 needs Node 22: the previous second package, better-sqlite3 13,
 * is gone; README, "A lean package", has the measured sizes.)
 */
export type SqliteConstructor = typeof BetterSqlite3;
export type SqliteDatabase = BetterSqlite3.Database;

const require = createRequire(import.meta.url);

export function sqliteModuleName(nodeVersion: string = process.versions.node): 'better-sqlite3' | 'node:sqlite' {
  return hasNodeSqlite(nodeVersion) ? 'node:sqlite' : 'better-sqlite3';
}

let loaded: SqliteConstructor | null = null;

export function loadSqlite(): SqliteConstructor {
  if (loaded) return loaded;
  const name = sqliteModuleName();
  if (name === 'node:sqlite') {
    loaded = NodeSqliteDatabase as unknown as SqliteConstructor;
    return loaded;
  }
  try {
    loaded = require(name) as SqliteConstructor;
  } catch (err) {
    // better-sqlite3 12 is an optional dependency: it compiles at install, and an install without
    // compilers (or with --omit=optional, as the Dockerfile does on Node 22) leaves it out.
    if ((err as { code?: string }).code === 'MODULE_NOT_FOUND') {
      throw new Error(
        `The SQLite driver for Node ${process.versions.node} (better-sqlite3 12) is not installed: ` +
          'it compiles at install time and needs python3, make and a C++ compiler. ' +
          'Install those and run `npm install` again, use Node 22.16 or later (built-in node:sqlite), or set DATABASE_URL to a PostgreSQL database.',
      );
    }
    throw err;
  }
  return loaded;
}
