import type { OutboxItem, OutboxStatus, OutgoingAttachment, ThreadRef } from '../../domain/types.js';
import type { OutboxStore } from '../../ports/store.js';
import { fromIso, fromIsoOrNull, fromJson, toIso, toIsoOrNull, toJson } from '../codec.js';
import type { OutboxTable } from '../schema.js';
import { listRows, type QueryContext } from './query-context.js';

/** claimOutbox re-reads candidates when another worker took some, at most this many times. */
const MAX_CLAIM_ROUNDS = 3;

/** What counts towards a prospect's weekly cap: sent, or claimed for sending. */
export const COUNTED_STATUSES: OutboxStatus[] = ['sent', 'sending'];

export function outboxToRow(o: OutboxItem): OutboxTable {
  return {
    id: o.id,
    draft_id: o.draftId,
    account_id: o.accountId,
    prospect_id: o.prospectId,
    message_id: o.messageId,
    from_email: o.from.email,
    from_name: o.from.name,
    to_email: o.to,
    subject: o.subject,
    text_body: o.text,
    html_body: o.html ?? null,
    thread_json: toJson(o.thread),
    attachments_json: toJson(o.attachments),
    status: o.status,
    attempts: o.attempts,
    not_before: toIso(o.notBefore),
    last_error: o.lastError ?? null,
    sent_at: toIsoOrNull(o.sentAt),
    provider_message_id: o.providerMessageId ?? null,
    claimed_by: null,
    claimed_at: null,
    created_at: toIso(o.createdAt),
  };
}

export function rowToOutbox(r: OutboxTable): OutboxItem {
  return {
    id: r.id,
    draftId: r.draft_id,
    accountId: r.account_id,
    prospectId: r.prospect_id,
    messageId: r.message_id,
    from: { email: r.from_email, name: r.from_name },
    to: r.to_email,
    subject: r.subject,
    text: r.text_body,
    html: r.html_body,
    thread: fromJson<ThreadRef>(r.thread_json, 'outbox.thread_json'),
    attachments: fromJson<OutgoingAttachment[]>(r.attachments_json, 'outbox.attachments_json'),
    status: r.status as OutboxItem['status'],
    attempts: Number(r.attempts),
    notBefore: fromIso(r.not_before),
    lastError: r.last_error,
    sentAt: fromIsoOrNull(r.sent_at),
    providerMessageId: r.provider_message_id,
    createdAt: fromIso(r.created_at),
  };
}

export function outboxQueries({ db, atomically }: QueryContext): OutboxStore {
  return {
    /** False when the id, the draftId or the messageId is already in the outbox. */
    async enqueueOutbox(item) {
      const inserted = await db
        .insertInto('outbox')
        .values(outboxToRow(item))
        .onConflict((oc) => oc.doNothing())
        .returning('id')
        .executeTakeFirst();
      return inserted !== undefined;
    },

    async getOutbox(id) {
      const row = await db.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? rowToOutbox(row) : null;
    },

    async listOutbox(filter) {
      return (await listRows(db, 'outbox', filter)).map(rowToOutbox);
    },

    /**
     * Reads due candidates, then claims each with its own conditional update
     * (`where id = ? and status = 'approved'`): of two overlapping claimers exactly one updates a
     * given row. When another claimer took some candidates, reads again (bounded) to fill the limit.
     * Oldest notBefore first.
     */
    async claimOutbox(input) {
      const limit = Math.floor(input.limit);
      if (!(limit > 0)) return [];
      const now = toIso(input.now);
      const claimed: OutboxItem[] = [];
      for (let round = 0; round < MAX_CLAIM_ROUNDS && claimed.length < limit; round++) {
        const candidates = await db
          .selectFrom('outbox')
          .select('id')
          .where('status', '=', 'approved')
          .where('not_before', '<=', now)
          .$if(input.accountId !== undefined, (q) => q.where('account_id', '=', input.accountId!))
          .orderBy('not_before')
          .orderBy('created_at')
          .orderBy('id')
          .limit(limit - claimed.length)
          .execute();
        if (candidates.length === 0) break;
        let lost = 0;
        for (const { id } of candidates) {
          const row = await db
            .updateTable('outbox')
            .set((eb) => ({
              status: 'sending',
              claimed_by: input.owner,
              claimed_at: now,
              attempts: eb('attempts', '+', 1),
            }))
            .where('id', '=', id)
            .where('status', '=', 'approved')
            .where('not_before', '<=', now)
            .returningAll()
            .executeTakeFirst();
          if (row) claimed.push(rowToOutbox(row));
          else lost++;
        }
        if (lost === 0) break;
      }
      return claimed;
    },

    async listStuckSending(claimedBefore) {
      const rows = await db
        .selectFrom('outbox')
        .selectAll()
        .where('status', '=', 'sending')
        .where('claimed_at', '<', toIso(claimedBefore))
        .orderBy('claimed_at')
        .orderBy('id')
        .execute();
      return rows.map(rowToOutbox);
    },

    /** Also marks the draft (if any) 'sent', and records the provider's thread id on the item's thread. */
    async markOutboxSent(id, input) {
      const sentAt = toIso(input.at);
      await atomically(async (trx) => {
        const row = await trx
          .updateTable('outbox')
          .set({
            status: 'sent',
            sent_at: sentAt,
            last_error: null,
            ...(input.providerMessageId !== undefined ? { provider_message_id: input.providerMessageId } : {}),
          })
          .where('id', '=', id)
          .returning(['draft_id', 'thread_json'])
          .executeTakeFirst();
        if (!row) return;
        if (input.threadId) {
          const thread = fromJson<ThreadRef>(row.thread_json, 'outbox.thread_json');
          if (thread.threadId !== input.threadId) {
            await trx
              .updateTable('outbox')
              .set({ thread_json: toJson({ ...thread, threadId: input.threadId }) })
              .where('id', '=', id)
              .execute();
          }
        }
        if (row.draft_id !== null) {
          await trx.updateTable('drafts').set({ status: 'sent' }).where('id', '=', row.draft_id).execute();
        }
      });
    },

    /** 'sent' is final: a retry or failure reported late (a stale worker) never reopens a sent email. */
    async markOutboxRetry(id, input) {
      await db
        .updateTable('outbox')
        .set({ status: 'approved', not_before: toIso(input.notBefore), last_error: input.error })
        .where('id', '=', id)
        .where('status', '<>', 'sent')
        .execute();
    },

    /** 'sent' is final (see markOutboxRetry). */
    async markOutboxFailed(id, input) {
      await db
        .updateTable('outbox')
        .set({ status: input.status, last_error: input.error })
        .where('id', '=', id)
        .where('status', '<>', 'sent')
        .execute();
    },

    async countOutboxSince(prospectId, since) {
      const row = await db
        .selectFrom('outbox')
        .select((eb) => eb.fn.countAll<number | string | bigint>().as('n'))
        .where('prospect_id', '=', prospectId)
        .where('status', 'in', COUNTED_STATUSES)
        .where((eb) => eb(eb.fn.coalesce('sent_at', 'claimed_at'), '>=', toIso(since)))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
  };
}
