import type { CallHoldRecord, NextStepRecord, PreventionStore, SuppressionRemoval } from '../../ports/store.js';
import { emailKey, fromIso, toIso } from '../codec.js';
import type { CallHoldsTable, NextStepsTable, SuppressionRemovalsTable } from '../schema.js';
import type { QueryContext } from './query-context.js';
import { rowToSuppression } from './suppressions.js';

export function nextStepToRow(n: NextStepRecord): NextStepsTable {
  return {
    id: n.id,
    account_id: n.accountId,
    prospect_id: n.prospectId,
    what: n.what,
    due_at: toIso(n.due),
    source: n.source,
    message_id: n.messageId,
    subject: n.subject,
    found_at: toIso(n.foundAt),
  };
}

export function rowToNextStep(r: NextStepsTable): NextStepRecord {
  return {
    id: r.id,
    accountId: r.account_id,
    prospectId: r.prospect_id,
    what: r.what,
    due: fromIso(r.due_at),
    source: r.source as NextStepRecord['source'],
    messageId: r.message_id,
    subject: r.subject,
    foundAt: fromIso(r.found_at),
  };
}

export function callHoldToRow(h: CallHoldRecord): CallHoldsTable {
  return {
    uid: h.uid,
    account_id: h.accountId,
    prospect_id: h.prospectId,
    meeting_id: h.meetingId,
    step: h.step,
    start_at: toIso(h.start),
    end_at: toIso(h.end),
    status: h.status,
    event_id: h.eventId,
    updated_at: toIso(h.updatedAt),
  };
}

export function rowToCallHold(r: CallHoldsTable): CallHoldRecord {
  return {
    uid: r.uid,
    accountId: r.account_id,
    prospectId: r.prospect_id,
    meetingId: r.meeting_id,
    step: Number(r.step),
    start: fromIso(r.start_at),
    end: fromIso(r.end_at),
    status: r.status as CallHoldRecord['status'],
    eventId: r.event_id,
    updatedAt: fromIso(r.updated_at),
  };
}

export function removalToRow(r: SuppressionRemoval): SuppressionRemovalsTable {
  return { id: r.id, email: emailKey(r.email), reason: r.reason, removed_by: r.by, removed_at: toIso(r.at), was_reason: r.was.reason, was_at: toIso(r.was.at) };
}

export function rowToRemoval(r: SuppressionRemovalsTable): SuppressionRemoval {
  return { id: r.id, email: r.email, reason: r.reason, by: r.removed_by, at: fromIso(r.removed_at), was: { email: r.email, reason: r.was_reason, at: fromIso(r.was_at) } };
}

/** Next steps, call holds and lifted suppressions (issue 15). */
export function preventionQueries({ db, atomically }: QueryContext): PreventionStore {
  return {
    async addNextStep(step) {
      const result = await db.insertInto('next_steps').values(nextStepToRow(step)).onConflict((oc) => oc.column('id').doNothing()).executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
    },

    async listNextSteps(prospectId) {
      const rows = await db.selectFrom('next_steps').selectAll().where('prospect_id', '=', prospectId).orderBy('found_at').orderBy('id').execute();
      return rows.map(rowToNextStep);
    },

    async saveCallHold(hold) {
      const row = callHoldToRow(hold);
      const { uid: _uid, ...update } = row;
      await db.insertInto('call_holds').values(row).onConflict((oc) => oc.column('uid').doUpdateSet(update)).execute();
    },

    async listCallHolds(filter) {
      let query = db.selectFrom('call_holds').selectAll();
      if (filter.prospectId !== undefined) query = query.where('prospect_id', '=', filter.prospectId);
      if (filter.accountId !== undefined) query = query.where('account_id', '=', filter.accountId);
      const rows = await query.orderBy('start_at').orderBy('uid').execute();
      return rows.map(rowToCallHold);
    },

    async removeSuppression(email, input) {
      return atomically(async (trx) => {
        const row = await trx.selectFrom('suppressions').selectAll().where('email', '=', emailKey(email)).executeTakeFirst();
        if (!row) return null;
        const removal: SuppressionRemoval = { id: input.id, email: row.email, reason: input.reason, by: input.by, at: input.at, was: rowToSuppression(row) };
        await trx.insertInto('suppression_removals').values(removalToRow(removal)).execute();
        await trx.deleteFrom('suppressions').where('email', '=', row.email).execute();
        return removal;
      });
    },

    async listSuppressionRemovals() {
      const rows = await db.selectFrom('suppression_removals').selectAll().orderBy('removed_at').orderBy('id').execute();
      return rows.map(rowToRemoval);
    },
  };
}
