import type { CursorState, CursorStore } from '../../ports/store.js';
import { fromIsoOrNull, toIsoOrNull } from '../codec.js';
import type { CursorsTable } from '../schema.js';
import { runCompiledOnce } from './compiled-once.js';
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
      const r = cursorToRow(state);
      // Every tick, twice per account: compiled once (compiled-once.ts).
      await runCompiledOnce(db, 'saveCursor', [r.account_id, r.cursor_key, r.cursor, r.last_success_at, r.last_attempt_at, r.last_error, r.not_before], (v) => {
        const row = { account_id: v[0], cursor_key: v[1], cursor: v[2], last_success_at: v[3], last_attempt_at: v[4], last_error: v[5], not_before: v[6] } as CursorsTable;
        const { account_id: _a, cursor_key: _k, ...update } = row;
        return db
          .insertInto('cursors')
          .values(row)
          .onConflict((oc) => oc.columns(['account_id', 'cursor_key']).doUpdateSet(update));
      });
    },

    async saveCursors(states) {
      if (states.length === 0) return;
      const rows = states.map(cursorToRow);
      // One statement for all (a job's calendar and mailbox cursors): compiled once per count.
      await runCompiledOnce(db, `saveCursors:${rows.length}`, rows.flatMap((r) => [r.account_id, r.cursor_key, r.cursor, r.last_success_at, r.last_attempt_at, r.last_error, r.not_before]), (v) =>
        db
          .insertInto('cursors')
          .values(rows.map((_, i) => ({ account_id: v[i * 7], cursor_key: v[i * 7 + 1], cursor: v[i * 7 + 2], last_success_at: v[i * 7 + 3], last_attempt_at: v[i * 7 + 4], last_error: v[i * 7 + 5], not_before: v[i * 7 + 6] }) as CursorsTable))
          .onConflict((oc) =>
            oc.columns(['account_id', 'cursor_key']).doUpdateSet((eb) => ({
              cursor: eb.ref('excluded.cursor'),
              last_success_at: eb.ref('excluded.last_success_at'),
              last_attempt_at: eb.ref('excluded.last_attempt_at'),
              last_error: eb.ref('excluded.last_error'),
              not_before: eb.ref('excluded.not_before'),
            })),
          ),
      );
    },

    async listCursors(accountId) {
      if (accountId === undefined) return (await db.selectFrom('cursors').selectAll().orderBy('account_id').orderBy('cursor_key').execute()).map(rowToCursor);
      const { rows } = await runCompiledOnce(db, 'listCursors:account', [accountId], (v) =>
        db.selectFrom('cursors').selectAll().where('account_id', '=', v[0] as string).orderBy('account_id').orderBy('cursor_key'),
      );
      return rows.map(rowToCursor);
    },
  };
}
