import type { Attempt } from '../../domain/types.js';
import type { TimelineStore } from '../../ports/store.js';
import { fromIso, toIso } from '../codec.js';
import type { AttemptsTable } from '../schema.js';
import type { QueryContext } from './query-context.js';
import { webhookRowFor } from './webhooks.js';

export function attemptToRow(a: Attempt): AttemptsTable {
  return {
    id: a.id,
    prospect_id: a.prospectId,
    account_id: a.accountId,
    at: toIso(a.at),
    kind: a.kind,
    outcome: a.outcome ?? null,
    detail: a.detail,
    ref_id: a.refId ?? null,
  };
}

export function rowToAttempt(r: AttemptsTable): Attempt {
  return {
    id: r.id,
    prospectId: r.prospect_id,
    accountId: r.account_id,
    at: fromIso(r.at),
    kind: r.kind as Attempt['kind'],
    outcome: r.outcome,
    detail: r.detail,
    refId: r.ref_id,
  };
}

/** The prospect's timeline: attempts, append-only and idempotent on id. */
export function timelineQueries({ db, atomically }: QueryContext): TimelineStore {
  return {
    async addAttempt(attempt) {
      // The timeline entry and the webhook event it makes are written together (or not at all).
      const webhook = webhookRowFor(attempt, new Date());
      const insert = async (trx: typeof db) => {
        const inserted = await trx
          .insertInto('attempts')
          .values(attemptToRow(attempt))
          .onConflict((oc) => oc.column('id').doNothing())
          .returning('id')
          .executeTakeFirst();
        if (inserted && webhook) await trx.insertInto('webhook_outbox').values(webhook).onConflict((oc) => oc.column('id').doNothing()).execute();
        return inserted !== undefined;
      };
      return webhook ? atomically(insert) : insert(db);
    },

    async listAttempts(prospectId) {
      const rows = await db
        .selectFrom('attempts')
        .selectAll()
        .where('prospect_id', '=', prospectId)
        .orderBy('at')
        .orderBy('id')
        .execute();
      return rows.map(rowToAttempt);
    },

    async listTimeline(filter) {
      let query = db.selectFrom('attempts').selectAll();
      if (filter?.accountIds) {
        if (filter.accountIds.length === 0) return [];
        query = query.where('account_id', 'in', [...filter.accountIds]);
      }
      const rows = await query.orderBy('at').orderBy('id').execute();
      return rows.map(rowToAttempt);
    },
  };
}
