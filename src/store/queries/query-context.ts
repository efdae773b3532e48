import type { Kysely } from 'kysely';
import type { Database, DraftsTable, OutboxTable } from '../schema.js';

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

/** How drafts and outbox items are listed: by account, prospect and status (one or several). */
export interface ListFilter {
  accountId?: string;
  prospectId?: string;
  status?: string | string[];
}

type Listed = { drafts: DraftsTable; outbox: OutboxTable };

/** The rows of drafts or the outbox that match the filter, oldest first; none for an empty status list. */
export async function listRows<T extends keyof Listed>(db: Kysely<Database>, table: T, filter: ListFilter): Promise<Listed[T][]> {
  // Both tables have account_id, prospect_id, status, created_at and id: the query is typed on drafts.
  let query = db.selectFrom(table as 'drafts').selectAll();
  if (filter.accountId !== undefined) query = query.where('account_id', '=', filter.accountId);
  if (filter.prospectId !== undefined) query = query.where('prospect_id', '=', filter.prospectId);
  if (filter.status !== undefined) {
    const statuses = asList(filter.status);
    if (statuses.length === 0) return [];
    query = query.where('status', 'in', statuses);
  }
  return (await query.orderBy('created_at').orderBy('id').execute()) as Listed[T][];
}
