import type { DraftStore, OutboxStore } from '../../ports/store.js';
import { toIso, toJson } from '../codec.js';
import {
  approvedOutboxRow,
  draftEditPatch,
  draftToRow,
  rowToDraft,
  SENT_BY_REP,
  WITHDRAWABLE_DRAFT_STATUSES,
  WITHDRAWABLE_OUTBOX_STATUSES,
} from '../queries/drafts.js';
import { COUNTED_STATUSES, outboxToRow, rowToOutbox } from '../queries/outbox.js';
import type { OutboxTable } from '../schema.js';
import { ConstraintError, listedRows, sortRows, type MemoryTables } from './tables.js';

/** Drafts and the outbox, in memory: an approval moves a draft into the outbox in one step. */
export function memoryDrafts(t: MemoryTables): DraftStore & OutboxStore {
  /** The constraint an outbox row would break (primary key, unique draft and Message-ID, draft foreign key), or null. */
  const outboxConflict = (row: OutboxTable): string | null => {
    if (t.outbox.has(row.id)) return 'primary key';
    for (const other of t.outbox.values()) {
      if (row.draft_id !== null && other.draft_id === row.draft_id) return 'outbox_draft_id_uq';
      if (other.message_id === row.message_id) return 'outbox_message_id_uq';
    }
    return null;
  };
  const requireDraft = (row: OutboxTable) => {
    if (row.draft_id !== null && !t.drafts.has(row.draft_id)) throw new ConstraintError('outbox', `no draft "${row.draft_id}" (foreign key)`);
  };
  /** Conditional update of a pending draft; true when it was pending. */
  const updatePending = (id: string, patch: Partial<ReturnType<typeof draftToRow>>): boolean => {
    const row = t.drafts.get(id);
    if (!row || row.status !== 'pending') return false;
    t.drafts.set(id, { ...row, ...patch });
    return true;
  };
  return {
    async insertDraft(draft) {
      const row = draftToRow(draft);
      const existing = [...t.drafts.values()].find((r) => r.reason_key === row.reason_key);
      if (existing) return { inserted: false, draft: rowToDraft(existing) };
      if (t.drafts.has(row.id)) throw new ConstraintError('drafts', `primary key (draft ${row.id} exists with another reason key)`);
      t.drafts.set(row.id, row);
      return { inserted: true, draft: rowToDraft(row) };
    },
    async getDraft(id) {
      const row = t.drafts.get(id);
      return row ? rowToDraft(row) : null;
    },
    async listDrafts(filter) {
      return listedRows(t.drafts.values(), filter).map(rowToDraft);
    },
    async editDraft(id, patch, by, at) {
      return updatePending(id, draftEditPatch(patch, by, at));
    },
    async approveDraft(id, input) {
      const outboxRow = approvedOutboxRow(id, input.outbox);
      const approvedAt = toIso(input.at);
      const draft = t.drafts.get(id);
      if (!draft || draft.status !== 'pending') return null;
      const conflict = outboxConflict(outboxRow);
      if (conflict) throw new ConstraintError('outbox', conflict);
      t.drafts.set(id, { ...draft, status: 'approved', approved_by: input.by, approved_at: approvedAt });
      t.outbox.set(outboxRow.id, outboxRow);
      return rowToOutbox(outboxRow);
    },
    async rewordDraft(id, input) {
      const row = t.drafts.get(id);
      if (!row || !(WITHDRAWABLE_DRAFT_STATUSES as string[]).includes(row.status)) return false;
      t.drafts.set(id, { ...row, subject: input.subject, text_body: input.text });
      for (const item of t.outbox.values()) {
        if (item.draft_id === id && (WITHDRAWABLE_OUTBOX_STATUSES as string[]).includes(item.status)) {
          t.outbox.set(item.id, { ...item, subject: input.subject, text_body: input.text });
        }
      }
      return true;
    },
    async rejectDraft(id, input) {
      return updatePending(id, { status: 'rejected', rejected_reason: input.reason, rejected_by: input.by, rejected_at: toIso(input.at) });
    },
    async cancelPendingDrafts(prospectId, input) {
      if (input.templates !== undefined && input.templates.length === 0) return [];
      const cancelled: string[] = [];
      for (const row of t.drafts.values()) {
        if (row.prospect_id !== prospectId || row.status !== 'pending') continue;
        if (input.templates !== undefined && !input.templates.includes(row.template)) continue;
        t.drafts.set(row.id, { ...row, status: 'cancelled', cancelled_reason: input.reason });
        cancelled.push(row.id);
      }
      return cancelled.sort();
    },
    async withdrawDraft(id, input) {
      const row = t.drafts.get(id);
      if (!row || !(WITHDRAWABLE_DRAFT_STATUSES as string[]).includes(row.status)) return false;
      t.drafts.set(id, { ...row, status: 'cancelled', cancelled_reason: input.reason });
      for (const item of t.outbox.values()) {
        if (item.draft_id === id && (WITHDRAWABLE_OUTBOX_STATUSES as string[]).includes(item.status)) {
          t.outbox.set(item.id, { ...item, status: 'withdrawn', last_error: input.reason });
        }
      }
      return true;
    },
    async attachNativeDraft(id, input) {
      const row = t.drafts.get(id);
      if (row) t.drafts.set(id, { ...row, native_draft_id: input.nativeDraftId, message_id: input.messageId });
    },
    async markDraftSentByRep(id, input) {
      return updatePending(id, { status: 'sent', approved_by: SENT_BY_REP, approved_at: toIso(input.at) });
    },
    async findDraftByMessageId(messageId) {
      const row = [...t.drafts.values()].find((r) => r.message_id === messageId);
      return row ? rowToDraft(row) : null;
    },

    async enqueueOutbox(item) {
      const row = outboxToRow(item);
      if (outboxConflict(row)) return false;
      requireDraft(row);
      t.outbox.set(row.id, row);
      return true;
    },
    async getOutbox(id) {
      const row = t.outbox.get(id);
      return row ? rowToOutbox(row) : null;
    },
    async listOutbox(filter) {
      return listedRows(t.outbox.values(), filter).map(rowToOutbox);
    },
    /** Due approved items, oldest notBefore first; the claim is one synchronous step, so no two claimers share an item. */
    async claimOutbox(input) {
      const limit = Math.floor(input.limit);
      if (!(limit > 0)) return [];
      const now = toIso(input.now);
      const due = [...t.outbox.values()].filter((r) => r.status === 'approved' && r.not_before <= now && (input.accountId === undefined || r.account_id === input.accountId));
      const chosen = sortRows(due, [(r) => r.not_before], [(r) => r.created_at], [(r) => r.id]).slice(0, limit);
      return chosen.map((row) => {
        const claimed = { ...row, status: 'sending', claimed_by: input.owner, claimed_at: now, attempts: row.attempts + 1 };
        t.outbox.set(row.id, claimed);
        return rowToOutbox(claimed);
      });
    },
    async listStuckSending(claimedBefore) {
      const before = toIso(claimedBefore);
      const rows = [...t.outbox.values()].filter((r) => r.status === 'sending' && r.claimed_at !== null && r.claimed_at < before);
      return sortRows(rows, [(r) => r.claimed_at], [(r) => r.id]).map(rowToOutbox);
    },
    async markOutboxSent(id, input) {
      const sentAt = toIso(input.at);
      const row = t.outbox.get(id);
      if (!row) return;
      const thread = rowToOutbox(row).thread;
      t.outbox.set(id, {
        ...row,
        status: 'sent',
        sent_at: sentAt,
        last_error: null,
        ...(input.providerMessageId !== undefined ? { provider_message_id: input.providerMessageId } : {}),
        ...(input.threadId && thread.threadId !== input.threadId ? { thread_json: toJson({ ...thread, threadId: input.threadId }) } : {}),
      });
      const draft = row.draft_id !== null ? t.drafts.get(row.draft_id) : undefined;
      if (draft) t.drafts.set(draft.id, { ...draft, status: 'sent' });
    },
    async markOutboxRetry(id, input) {
      const row = t.outbox.get(id);
      if (row && row.status !== 'sent') t.outbox.set(id, { ...row, status: 'approved', not_before: toIso(input.notBefore), last_error: input.error });
    },
    async markOutboxFailed(id, input) {
      const row = t.outbox.get(id);
      if (row && row.status !== 'sent') t.outbox.set(id, { ...row, status: input.status, last_error: input.error });
    },
    async countOutboxSince(prospectId, since) {
      const from = toIso(since);
      const counted = COUNTED_STATUSES as string[];
      return [...t.outbox.values()].filter((r) => {
        const when = r.sent_at ?? r.claimed_at;
        return r.prospect_id === prospectId && counted.includes(r.status) && when !== null && when >= from;
      }).length;
    },
  };
}
