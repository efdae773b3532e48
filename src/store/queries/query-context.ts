import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

/** What every query module gets: the database (or the running transaction) and a way to run
 *  several statements atomically. */
export interface QueryContext {
  db: Kysely<Database>;
  /** Runs fn in one transaction, or inside the running one when the store is a transaction's. */
  atomically<T>(fn: (db: Kysely<Database>) => Promise<T>): Promise<T>;
}

/** Keeps `in (...)` lists well under SQLite's bound-parameter limit. */
export const IN_LIST_CHUNK = 500;

export function asList<T>(value: T | T[]): T[] {
  return Array.isArray(value) ? value : [value];
}

export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
