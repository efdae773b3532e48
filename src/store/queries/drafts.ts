import type { Draft, DraftStatus, NoShowEvidence, OutboxStatus, OutgoingAttachment, ThreadRef } from '../../domain/types.js';
import type { DraftStore } from '../../ports/store.js';
import { fromFlag, fromIso, fromIsoOrNull, fromJson, toFlag, toIso, toIsoOrNull, toJson } from '../codec.js';
import type { DraftsTable } from '../schema.js';
import { outboxToRow, rowToOutbox } from './outbox.js';
import { listRows, type QueryContext } from './query-context.js';

export function draftToRow(d: Draft): DraftsTable {
  return {
    id: d.id,
    account_id: d.accountId,
    prospect_id: d.prospectId,
    reason_key: d.reasonKey,
    template: d.template,
    to_email: d.to,
    subject: d.subject,
    text_body: d.text,
    html_body: d.html ?? null,
    status: d.status,
    send_at: toIso(d.sendAt),
    reason: d.reason,
    evidence_json: toJson(d.evidence),
    thread_json: toJson(d.thread),
    auto_approved: toFlag(d.autoApproved),
    approved_by: d.approvedBy ?? null,
    approved_at: toIsoOrNull(d.approvedAt),
    rejected_reason: d.rejectedReason ?? null,
    rejected_by: d.rejectedBy ?? null,
    rejected_at: toIsoOrNull(d.rejectedAt),
    cancelled_reason: d.cancelledReason ?? null,
    edited_by: d.editedBy ?? null,
    edited_at: toIsoOrNull(d.editedAt),
    created_at: toIso(d.createdAt),
    attachments_json: toJson(d.attachments),
    native_draft_id: d.nativeDraftId ?? null,
    message_id: d.messageId ?? null,
    send_at_by_rep: toFlag(d.sendAtByRep ?? false),
  };
}

export function rowToDraft(r: DraftsTable): Draft {
  return {
    id: r.id,
    accountId: r.account_id,
    prospectId: r.prospect_id,
    reasonKey: r.reason_key,
    template: r.template as Draft['template'],
    to: r.to_email,
    subject: r.subject,
    text: r.text_body,
    html: r.html_body,
    status: r.status as Draft['status'],
    sendAt: fromIso(r.send_at),
    reason: r.reason,
    evidence: fromJson<NoShowEvidence[]>(r.evidence_json, 'drafts.evidence_json'),
    thread: fromJson<ThreadRef>(r.thread_json, 'drafts.thread_json'),
    autoApproved: fromFlag(r.auto_approved),
    approvedBy: r.approved_by,
    approvedAt: fromIsoOrNull(r.approved_at),
    rejectedReason: r.rejected_reason,
    rejectedBy: r.rejected_by,
    rejectedAt: fromIsoOrNull(r.rejected_at),
    cancelledReason: r.cancelled_reason,
    editedBy: r.edited_by,
    editedAt: fromIsoOrNull(r.edited_at),
    createdAt: fromIso(r.created_at),
    attachments: fromJson<OutgoingAttachment[]>(r.attachments_json, 'drafts.attachments_json'),
    nativeDraftId: r.native_draft_id ?? null,
    messageId: r.message_id ?? null,
    sendAtByRep: fromFlag(r.send_at_by_rep ?? 0),
  };
}

/** The columns an edit sets: who and when, and each field given. */
export function draftEditPatch(patch: Parameters<DraftStore['editDraft']>[1], by: string, at: Date): Partial<DraftsTable> {
  const set: Partial<DraftsTable> = { edited_by: by, edited_at: toIso(at) };
  if (patch.subject !== undefined) set.subject = patch.subject;
  if (patch.text !== undefined) set.text_body = patch.text;
  if (patch.html !== undefined) set.html_body = patch.html;
  if (patch.sendAt !== undefined) set.send_at = toIso(patch.sendAt);
  if (patch.sendAtByRep !== undefined) set.send_at_by_rep = toFlag(patch.sendAtByRep);
  return set;
}

/** The outbox row an approval enqueues: it always belongs to the approved draft; an item for
 *  another draft is a programming error. */
export function approvedOutboxRow(id: string, outbox: Parameters<DraftStore['approveDraft']>[1]['outbox']) {
  if (outbox.draftId !== null && outbox.draftId !== id) {
    throw new Error(`store: approveDraft(${id}) was given an outbox item for draft ${outbox.draftId}`);
  }
  return outboxToRow({ ...outbox, draftId: id });
}

/** What the send gate may withdraw: a draft not yet sent, and its outbox row not yet handed over. */
export const WITHDRAWABLE_DRAFT_STATUSES: DraftStatus[] = ['pending', 'approved'];
export const WITHDRAWABLE_OUTBOX_STATUSES: OutboxStatus[] = ['approved', 'sending'];

/** Who marked a native draft sent: the rep, from their own mail client. */
export const SENT_BY_REP = 'the rep (sent from the mail client)';

export function draftQueries({ db, atomically }: QueryContext): DraftStore {
  return {
    async insertDraft(draft) {
      const row = draftToRow(draft);
      const inserted = await db
        .insertInto('drafts')
        .values(row)
        .onConflict((oc) => oc.column('reason_key').doNothing())
        .returning('id')
        .executeTakeFirst();
      if (inserted) return { inserted: true, draft: rowToDraft(row) };
      const existing = await db.selectFrom('drafts').selectAll().where('reason_key', '=', draft.reasonKey).executeTakeFirst();
      if (!existing) {
        // Only possible if the conflicting draft was deleted in between; the store never deletes drafts.
        throw new Error(`store: draft with reason key "${draft.reasonKey}" conflicted but cannot be read`);
      }
      return { inserted: false, draft: rowToDraft(existing) };
    },

    async getDraft(id) {
      const row = await db.selectFrom('drafts').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? rowToDraft(row) : null;
    },

    async listDrafts(filter) {
      return (await listRows(db, 'drafts', filter)).map(rowToDraft);
    },

    async editDraft(id, patch, by, at) {
      const result = await db
        .updateTable('drafts')
        .set(draftEditPatch(patch, by, at))
        .where('id', '=', id)
        .where('status', '=', 'pending')
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },

    /**
     * One transaction: the conditional update (pending → approved) decides the winner between two
     * approvers; the loser changes nothing.
     */
    async approveDraft(id, input) {
      const outboxRow = approvedOutboxRow(id, input.outbox);
      const approvedAt = toIso(input.at);
      return atomically(async (trx) => {
        const approved = await trx
          .updateTable('drafts')
          .set({ status: 'approved', approved_by: input.by, approved_at: approvedAt })
          .where('id', '=', id)
          .where('status', '=', 'pending')
          .executeTakeFirst();
        if (approved.numUpdatedRows === 0n) return null;
        await trx.insertInto('outbox').values(outboxRow).execute();
        return rowToOutbox(outboxRow);
      });
    },

    async rewordDraft(id, input) {
      return atomically(async (trx) => {
        const drafted = await trx
          .updateTable('drafts')
          .set({ subject: input.subject, text_body: input.text })
          .where('id', '=', id)
          .where('status', 'in', WITHDRAWABLE_DRAFT_STATUSES)
          .executeTakeFirst();
        if (drafted.numUpdatedRows === 0n) return false;
        await trx
          .updateTable('outbox')
          .set({ subject: input.subject, text_body: input.text })
          .where('draft_id', '=', id)
          .where('status', 'in', WITHDRAWABLE_OUTBOX_STATUSES)
          .execute();
        return true;
      });
    },

    /** Only a pending draft can be rejected; who, when and why are kept on the draft. */
    async rejectDraft(id, input) {
      const result = await db
        .updateTable('drafts')
        .set({ status: 'rejected', rejected_reason: input.reason, rejected_by: input.by, rejected_at: toIso(input.at) })
        .where('id', '=', id)
        .where('status', '=', 'pending')
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },

    /** `templates` undefined: every pending draft of the prospect; an empty list cancels nothing.
     *  The reason is kept on the draft (cancelledReason). */
    async cancelPendingDrafts(prospectId, input) {
      if (input.templates !== undefined && input.templates.length === 0) return [];
      let query = db
        .updateTable('drafts')
        .set({ status: 'cancelled', cancelled_reason: input.reason })
        .where('prospect_id', '=', prospectId)
        .where('status', '=', 'pending');
      if (input.templates !== undefined) query = query.where('template', 'in', input.templates);
      const rows = await query.returning('id').execute();
      return rows.map((r) => r.id).sort();
    },

    /** pending or approved → cancelled with the reason, and its outbox row (approved or sending) →
     *  withdrawn, in one transaction; a sent row stays sent. */
    async withdrawDraft(id, input) {
      return atomically(async (trx) => {
        const drafted = await trx
          .updateTable('drafts')
          .set({ status: 'cancelled', cancelled_reason: input.reason })
          .where('id', '=', id)
          .where('status', 'in', WITHDRAWABLE_DRAFT_STATUSES)
          .executeTakeFirst();
        if (drafted.numUpdatedRows === 0n) return false;
        await trx
          .updateTable('outbox')
          .set({ status: 'withdrawn', last_error: input.reason })
          .where('draft_id', '=', id)
          .where('status', 'in', WITHDRAWABLE_OUTBOX_STATUSES)
          .execute();
        return true;
      });
    },

    async attachNativeDraft(id, input) {
      await db
        .updateTable('drafts')
        .set({ native_draft_id: input.nativeDraftId, message_id: input.messageId })
        .where('id', '=', id)
        .execute();
    },

    async markDraftSentByRep(id, input) {
      const result = await db
        .updateTable('drafts')
        .set({ status: 'sent', approved_by: SENT_BY_REP, approved_at: toIso(input.at) })
        .where('id', '=', id)
        .where('status', '=', 'pending')
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },

    async findDraftByMessageId(messageId) {
      const row = await db.selectFrom('drafts').selectAll().where('message_id', '=', messageId).executeTakeFirst();
      return row ? rowToDraft(row) : null;
    },
  };
}
