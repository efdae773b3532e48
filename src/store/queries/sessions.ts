import type { SessionStore } from '../../ports/store.js';
import { fromIso, toIso } from '../codec.js';
import type { QueryContext } from './query-context.js';

/** Signed-in web sessions (migration 0009). */
export function sessionQueries({ db }: QueryContext): SessionStore {
  return {
    async startSession(input) {
      await db
        .insertInto('sessions')
        .values({ sid: input.sid, account_id: input.accountId, expires_at: toIso(input.expiresAt), ended_at: null })
        .onConflict((oc) => oc.column('sid').doNothing())
        .execute();
    },
    async isSessionLive(sid, now) {
      const row = await db.selectFrom('sessions').select(['expires_at', 'ended_at']).where('sid', '=', sid).executeTakeFirst();
      return !!row && row.ended_at === null && row.expires_at > toIso(now);
    },
    async endSession(sid, now) {
      await db.updateTable('sessions').set({ ended_at: toIso(now) }).where('sid', '=', sid).where('ended_at', 'is', null).execute();
    },
    async endAccountSessions(accountId, now) {
      const result = await db
        .updateTable('sessions')
        .set({ ended_at: toIso(now) })
        .where('account_id', '=', accountId)
        .where('ended_at', 'is', null)
        .where('expires_at', '>', toIso(now))
        .executeTakeFirst();
      return Number(result.numUpdatedRows);
    },
    async listLiveSessions(now, accountId) {
      let query = db.selectFrom('sessions').select(['sid', 'account_id', 'expires_at']).where('ended_at', 'is', null).where('expires_at', '>', toIso(now));
      if (accountId !== undefined) query = query.where('account_id', '=', accountId);
      const rows = await query.orderBy('expires_at').orderBy('sid').execute();
      return rows.map((row) => ({ sid: row.sid, accountId: row.account_id, expiresAt: fromIso(row.expires_at) }));
    },
  };
}
