import type { SessionStore } from '../../ports/store.js';
import { fromIso, toIso } from '../codec.js';
import type { MemoryTables } from './tables.js';

/** Signed-in web sessions, in memory (the same rows as the sessions table). */
export function memorySessions(t: MemoryTables): SessionStore {
  return {
    async startSession(input) {
      if (t.sessions.has(input.sid)) return;
      t.sessions.set(input.sid, { sid: input.sid, account_id: input.accountId, expires_at: toIso(input.expiresAt), ended_at: null });
    },
    async isSessionLive(sid, now) {
      const row = t.sessions.get(sid);
      return !!row && row.ended_at === null && row.expires_at > toIso(now);
    },
    async endSession(sid, now) {
      const row = t.sessions.get(sid);
      if (row && row.ended_at === null) t.sessions.set(sid, { ...row, ended_at: toIso(now) });
    },
    async endAccountSessions(accountId, now) {
      let ended = 0;
      for (const row of [...t.sessions.values()]) {
        if (row.account_id !== accountId || row.ended_at !== null || row.expires_at <= toIso(now)) continue;
        t.sessions.set(row.sid, { ...row, ended_at: toIso(now) });
        ended++;
      }
      return ended;
    },
    async listLiveSessions(now, accountId) {
      return [...t.sessions.values()]
        .filter((row) => row.ended_at === null && row.expires_at > toIso(now) && (accountId === undefined || row.account_id === accountId))
        .sort((a, b) => a.expires_at.localeCompare(b.expires_at) || a.sid.localeCompare(b.sid))
        .map((row) => ({ sid: row.sid, accountId: row.account_id, expiresAt: fromIso(row.expires_at) }));
    },
  };
}
