import type { Database } from '../schema.js';

/**
 * The in-memory store's tables: the same rows as the SQL tables (src/store/schema.ts), made by the
 * same row mappers, so values come back exactly as a database returns them. Rows are never changed
 * in place (an update stores a new row object), so a snapshot is a copy of each map.
 */
export type MemoryTables = { [T in keyof Database]: Map<string, Database[T]> };

export function emptyTables(): MemoryTables {
  return {
    accounts: new Map(),
    credentials: new Map(),
    prospects: new Map(),
    events: new Map(),
    meetings: new Map(),
    attempts: new Map(),
    messages: new Map(),
    drafts: new Map(),
    outbox: new Map(),
    cursors: new Map(),
    suppressions: new Map(),
    bookings: new Map(),
    slot_offers: new Map(),
    leases: new Map(),
    used_tokens: new Map(),
    rate_limits: new Map(),
    sessions: new Map(),
    webhook_outbox: new Map(),
    next_steps: new Map(),
    call_holds: new Map(),
    suppression_removals: new Map(),
  };
}

export function snapshotTables(tables: MemoryTables): MemoryTables {
  const copy = emptyTables();
  for (const name of Object.keys(tables) as (keyof Database)[]) {
    for (const [key, row] of tables[name]) (copy[name] as Map<string, unknown>).set(key, row);
  }
  return copy;
}

/** Puts the tables back as they were in `snapshot` (a rolled-back transaction). */
export function restoreTables(tables: MemoryTables, snapshot: MemoryTables): void {
  for (const name of Object.keys(tables) as (keyof Database)[]) {
    const target = tables[name] as Map<string, unknown>;
    target.clear();
    for (const [key, row] of snapshot[name]) target.set(key, row);
  }
}

/** A key of several columns. */
export function key(...parts: string[]): string {
  return parts.join('\u0000');
}

/** What a database says when a primary key, unique or foreign key constraint refuses a row. */
export class ConstraintError extends Error {
  override readonly name = 'ConstraintError';
  constructor(table: string, constraint: string) {
    super(`store (memory): ${table} refused the row: ${constraint}`);
  }
}

type Sortable = string | number | null;

/** Sorts rows like `order by a, b desc`: text compared by code unit (as SQLite does), nulls first. */
export function sortRows<R>(rows: R[], ...by: [(row: R) => Sortable, ('asc' | 'desc')?][]): R[] {
  return rows.sort((x, y) => {
    for (const [get, direction] of by) {
      const a = get(x);
      const b = get(y);
      if (a === b) continue;
      const order = a === null ? -1 : b === null ? 1 : a < b ? -1 : 1;
      return direction === 'desc' ? -order : order;
    }
    return 0;
  });
}

/** Drafts or outbox rows that match a list filter (account, prospect, status), oldest first. */
export function listedRows<R extends { account_id: string; prospect_id: string | null; status: string; created_at: string; id: string }>(
  rows: Iterable<R>,
  filter: { accountId?: string; prospectId?: string; status?: string | string[] },
): R[] {
  const statuses = filter.status === undefined ? undefined : Array.isArray(filter.status) ? filter.status : [filter.status];
  const matching = [...rows].filter(
    (r) =>
      (filter.accountId === undefined || r.account_id === filter.accountId) &&
      (filter.prospectId === undefined || r.prospect_id === filter.prospectId) &&
      (statuses === undefined || statuses.includes(r.status)),
  );
  return sortRows(matching, [(r) => r.created_at], [(r) => r.id]);
}
