import type { Kysely } from 'kysely';
import type { Database, DraftsTable, OutboxTable } from '../schema.js';
import { runCompiledOnce } from './compiled-once.js';

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
  const statuses = filter.status !== undefined ? asList(filter.status) : null;
  if (statuses?.length === 0) return [];
  // Planning lists an account's outbox every tick: compiled once per filter shape (compiled-once.ts).
  const hasAccount = filter.accountId !== undefined;
  const hasProspect = filter.prospectId !== undefined;
  const values = [...(hasAccount ? [filter.accountId] : []), ...(hasProspect ? [filter.prospectId] : []), ...(statuses ?? [])];
  const shape = `listRows:${table}:${Number(hasAccount)}${Number(hasProspect)}:${statuses?.length ?? '-'}`;
  const { rows } = await runCompiledOnce(db, shape, values, (v) => {
    // Both tables have account_id, prospect_id, status, created_at and id: the query is typed on drafts.
    let query = db.selectFrom(table as 'drafts').selectAll();
    let i = 0;
    if (hasAccount) query = query.where('account_id', '=', v[i++] as string);
    if (hasProspect) query = query.where('prospect_id', '=', v[i++] as string);
    if (statuses) query = query.where('status', 'in', v.slice(i) as string[]);
    return query.orderBy('created_at').orderBy('id');
  });
  return rows as Listed[T][];
}
