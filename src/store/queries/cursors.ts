import type { CursorState, CursorStore } from '../../ports/store.js';
import { fromIsoOrNull, toIsoOrNull } from '../codec.js';
import type { CursorsTable } from '../schema.js';
import type { QueryContext } from './query-context.js';

export function cursorToRow(c: CursorState): CursorsTable {
  return {
    account_id: c.accountId,
    cursor_key: c.key,
    cursor: c.cursor,
    last_success_at: toIsoOrNull(c.lastSuccessAt),
    last_attempt_at: toIsoOrNull(c.lastAttemptAt),
    last_error: c.lastError,
    not_before: toIsoOrNull(c.notBefore),
  };
}

export function rowToCursor(r: CursorsTable): CursorState {
  return {
    accountId: r.account_id,
    key: r.cursor_key,
    cursor: r.cursor,
    lastSuccessAt: fromIsoOrNull(r.last_success_at),
    lastAttemptAt: fromIsoOrNull(r.last_attempt_at),
    lastError: r.last_error,
    notBefore: fromIsoOrNull(r.not_before),
  };
}

/** Sync cursors, one per (account, key). */
export function cursorQueries({ db }: QueryContext): CursorStore {
  return {
    async getCursor(accountId, key) {
      const row = await db
        .selectFrom('cursors')
        .selectAll()
        .where('account_id', '=', accountId)
        .where('cursor_key', '=', key)
        .executeTakeFirst();
      return row ? rowToCursor(row) : null;
    },

    async saveCursor(state) {
      const row = cursorToRow(state);
      const { account_id: _a, cursor_key: _k, ...update } = row;
      await db
        .insertInto('cursors')
        .values(row)
        .onConflict((oc) => oc.columns(['account_id', 'cursor_key']).doUpdateSet(update))
        .execute();
    },

    async listCursors(accountId) {
      let query = db.selectFrom('cursors').selectAll();
      if (accountId !== undefined) query = query.where('account_id', '=', accountId);
      const rows = await query.orderBy('account_id').orderBy('cursor_key').execute();
      return rows.map(rowToCursor);
    },
  };
}
