import { sql, type Kysely } from 'kysely';
import type {
  Account,
  Attempt,
  CalendarEvent,
  Draft,
  Meeting,
  MeetingOutcome,
  NoShowEvidence,
  OutboxItem,
  OutboxStatus,
  Prospect,
  ProspectStatus,
  ThreadRef,
  TimeInterval,
} from '../domain/types.js';
import type {
  BookingRecord,
  CursorState,
  DraftFilter,
  MeetingFilter,
  MessageRecord,
  SlotOffer,
  Store,
  Suppression,
} from '../ports/store.js';
import { emailKey, fromJson, toIso, toJson } from './codec.js';
import { runMigrations } from './migrate.js';
import {
  accountToRow,
  attemptToRow,
  bookingToRow,
  cursorToRow,
  draftToRow,
  eventToRow,
  meetingToRow,
  messageToRow,
  outboxToRow,
  prospectToRow,
  rowToAccount,
  rowToAttempt,
  rowToBooking,
  rowToCursor,
  rowToDraft,
  rowToEvent,
  rowToMeeting,
  rowToMessage,
  rowToOutbox,
  rowToProspect,
  rowToSlotOffer,
  rowToSuppression,
  slotOfferToRow,
  suppressionToRow,
} from './row-mappers.js';
import type { Database, DraftsTable, ProspectsTable } from './schema.js';

/** claimOutbox re-reads candidates when another worker took some, at most this many times. */
const MAX_CLAIM_ROUNDS = 3;
/** Keeps `in (...)` lists well under SQLite's bound-parameter limit. */
const IN_LIST_CHUNK = 500;
/** 17 columns x 200 rows stays far below SQLite's 32766 and PostgreSQL's 65535 parameters. */
const EVENT_UPSERT_BATCH = 200;

export interface KyselyStoreOptions {
  db: Kysely<Database>;
  /** Where Kysely keeps the migration tables (the PostgreSQL schema); undefined on SQLite. */
  migrationTableSchema?: string;
}

/**
 * The Store port over Kysely: the same queries on SQLite and PostgreSQL. Concurrency rests on
 * unique keys (insert-or-ignore), conditional single-row updates, and single-statement upserts,
 * so two workers (two processes, or two hosts on PostgreSQL) can overlap safely.
 */
export class KyselyStore implements Store {
  readonly #db: Kysely<Database>;
  readonly #options: KyselyStoreOptions;
  readonly #inTransaction: boolean;
  #closed = false;

  constructor(options: KyselyStoreOptions, inTransaction = false) {
    this.#db = options.db;
    this.#options = options;
    this.#inTransaction = inTransaction;
  }

  async migrate(): Promise<void> {
    if (this.#inTransaction) {
      throw new Error('store: migrate() cannot run inside a transaction');
    }
    await runMigrations(this.#db as unknown as Kysely<unknown>, {
      ...(this.#options.migrationTableSchema ? { migrationTableSchema: this.#options.migrationTableSchema } : {}),
    });
  }

  /** Idempotent. */
  async close(): Promise<void> {
    if (this.#inTransaction) {
      throw new Error('store: close() cannot be called on the store given to a transaction');
    }
    if (this.#closed) return;
    this.#closed = true;
    await this.#db.destroy();
  }

  /**
   * Runs fn in one transaction, with a store bound to it; fn must use that store (on SQLite the one
   * connection is held by the transaction, so using the outer store inside fn would wait forever).
   * Called on a transaction's store, it joins the running transaction.
   */
  async transaction<T>(fn: (store: Store) => Promise<T>): Promise<T> {
    return this.#atomically(fn);
  }

  #atomically<T>(fn: (store: KyselyStore) => Promise<T>): Promise<T> {
    if (this.#inTransaction) return fn(this);
    return this.#db.transaction().execute((trx) => fn(new KyselyStore({ ...this.#options, db: trx }, true)));
  }

  // Accounts and credentials

  async upsertAccount(account: Account): Promise<void> {
    const row = accountToRow(account);
    const { id: _id, ...update } = row;
    await this.#db
      .insertInto('accounts')
      .values(row)
      .onConflict((oc) => oc.column('id').doUpdateSet(update))
      .execute();
  }

  async getAccount(id: string): Promise<Account | null> {
    const row = await this.#db.selectFrom('accounts').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? rowToAccount(row) : null;
  }

  async listAccounts(): Promise<Account[]> {
    const rows = await this.#db.selectFrom('accounts').selectAll().orderBy('email_lower').orderBy('id').execute();
    return rows.map(rowToAccount);
  }

  async setAccountStatus(id: string, status: Account['status'], detail: string | null): Promise<void> {
    await this.#db.updateTable('accounts').set({ status, status_detail: detail }).where('id', '=', id).execute();
  }

  async saveCredential(accountId: string, kind: string, ciphertext: string): Promise<void> {
    await this.#db
      .insertInto('credentials')
      .values({ account_id: accountId, kind, ciphertext })
      .onConflict((oc) => oc.columns(['account_id', 'kind']).doUpdateSet({ ciphertext }))
      .execute();
  }

  async getCredential(accountId: string, kind: string): Promise<string | null> {
    const row = await this.#db
      .selectFrom('credentials')
      .select('ciphertext')
      .where('account_id', '=', accountId)
      .where('kind', '=', kind)
      .executeTakeFirst();
    return row?.ciphertext ?? null;
  }

  // Prospects

  async upsertProspect(prospect: Prospect): Promise<void> {
    const row = prospectToRow(prospect);
    const { id: _id, ...update } = row;
    await this.#db
      .insertInto('prospects')
      .values(row)
      .onConflict((oc) => oc.column('id').doUpdateSet(update))
      .execute();
  }

  async getProspect(id: string): Promise<Prospect | null> {
    const row = await this.#db.selectFrom('prospects').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? rowToProspect(row) : null;
  }

  /** Without accountId, and with the same person known to several accounts, the first by id wins. */
  async findProspectByEmail(email: string, accountId?: string): Promise<Prospect | null> {
    let query = this.#db.selectFrom('prospects').selectAll().where('email_lower', '=', emailKey(email));
    if (accountId !== undefined) query = query.where('account_id', '=', accountId);
    const row = await query.orderBy('id').limit(1).executeTakeFirst();
    return row ? rowToProspect(row) : null;
  }

  async listProspects(accountId?: string): Promise<Prospect[]> {
    let query = this.#db.selectFrom('prospects').selectAll();
    if (accountId !== undefined) query = query.where('account_id', '=', accountId);
    const rows = await query.orderBy('email_lower').orderBy('id').execute();
    return rows.map(rowToProspect);
  }

  /** Fields left undefined in the patch keep their value; null clears them. */
  async setProspectStatus(
    id: string,
    patch: { status: ProspectStatus; pausedUntil?: Date | null; statusReason?: string | null },
  ): Promise<void> {
    const set: Partial<ProspectsTable> = { status: patch.status };
    if (patch.pausedUntil !== undefined) set.paused_until = patch.pausedUntil ? toIso(patch.pausedUntil) : null;
    if (patch.statusReason !== undefined) set.status_reason = patch.statusReason;
    await this.#db.updateTable('prospects').set(set).where('id', '=', id).execute();
  }

  // Calendar events

  async upsertEvents(accountId: string, events: CalendarEvent[]): Promise<void> {
    if (events.length === 0) return;
    // The last version of an event wins; PostgreSQL refuses to upsert one row twice in a statement.
    const byKey = new Map(events.map((e) => [`${e.calendarId}\u0000${e.id}`, e]));
    const rows = [...byKey.values()].map((e) => eventToRow(accountId, e));
    await this.#atomically(async (store) => {
      // Multi-row upserts (a full sync brings thousands of events), each within both engines'
      // bound-parameter limits.
      for (const batch of chunks(rows, EVENT_UPSERT_BATCH)) {
        await store.#db
          .insertInto('events')
          .values(batch)
          .onConflict((oc) =>
            oc.columns(['calendar_id', 'id']).doUpdateSet((eb) => ({
              account_id: eb.ref('excluded.account_id'),
              uid: eb.ref('excluded.uid'),
              title: eb.ref('excluded.title'),
              description: eb.ref('excluded.description'),
              start_at: eb.ref('excluded.start_at'),
              end_at: eb.ref('excluded.end_at'),
              all_day: eb.ref('excluded.all_day'),
              status: eb.ref('excluded.status'),
              organizer_email: eb.ref('excluded.organizer_email'),
              attendees_json: eb.ref('excluded.attendees_json'),
              categories_json: eb.ref('excluded.categories_json'),
              conference_json: eb.ref('excluded.conference_json'),
              recurring_event_id: eb.ref('excluded.recurring_event_id'),
              original_start: eb.ref('excluded.original_start'),
              updated_at: eb.ref('excluded.updated_at'),
            })),
          )
          .execute();
      }
    });
  }

  async deleteEvents(calendarId: string, ids: string[]): Promise<void> {
    for (const chunk of chunks(ids, IN_LIST_CHUNK)) {
      await this.#db.deleteFrom('events').where('calendar_id', '=', calendarId).where('id', 'in', chunk).execute();
    }
  }

  /** Window is half-open: start <= event start < end. */
  async listEventIds(calendarId: string, window: TimeInterval): Promise<string[]> {
    const rows = await this.#db
      .selectFrom('events')
      .select('id')
      .where('calendar_id', '=', calendarId)
      .where('start_at', '>=', toIso(window.start))
      .where('start_at', '<', toIso(window.end))
      .orderBy('start_at')
      .orderBy('id')
      .execute();
    return rows.map((r) => r.id);
  }

  /** Window is half-open: start <= event start < end. */
  async listEvents(calendarId: string, window: TimeInterval): Promise<CalendarEvent[]> {
    const rows = await this.#db
      .selectFrom('events')
      .selectAll()
      .where('calendar_id', '=', calendarId)
      .where('start_at', '>=', toIso(window.start))
      .where('start_at', '<', toIso(window.end))
      .orderBy('start_at')
      .orderBy('id')
      .execute();
    return rows.map(rowToEvent);
  }

  async getEvent(calendarId: string, id: string): Promise<CalendarEvent | null> {
    const row = await this.#db
      .selectFrom('events')
      .selectAll()
      .where('calendar_id', '=', calendarId)
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? rowToEvent(row) : null;
  }

  // Meetings

  /** Keyed on (eventId, prospectId): a meeting for a pair already stored keeps its first id. */
  async upsertMeeting(meeting: Meeting): Promise<void> {
    const row = meetingToRow(meeting);
    const { id: _id, event_id: _e, prospect_id: _p, ...update } = row;
    await this.#db
      .insertInto('meetings')
      .values(row)
      .onConflict((oc) => oc.columns(['event_id', 'prospect_id']).doUpdateSet(update))
      .execute();
  }

  async getMeeting(id: string): Promise<Meeting | null> {
    const row = await this.#db.selectFrom('meetings').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? rowToMeeting(row) : null;
  }

  async listMeetings(filter: MeetingFilter): Promise<Meeting[]> {
    let query = this.#db.selectFrom('meetings').selectAll();
    if (filter.accountId !== undefined) query = query.where('account_id', '=', filter.accountId);
    if (filter.prospectId !== undefined) query = query.where('prospect_id', '=', filter.prospectId);
    if (filter.endedBefore !== undefined) query = query.where('end_at', '<=', toIso(filter.endedBefore));
    if (filter.outcome !== undefined) {
      const outcomes = asList(filter.outcome);
      if (outcomes.length === 0) return [];
      query = query.where('outcome', 'in', outcomes);
    }
    const rows = await query.orderBy('start_at').orderBy('id').execute();
    return rows.map(rowToMeeting);
  }

  async setMeetingOutcome(
    id: string,
    patch: { outcome: MeetingOutcome; evidence: NoShowEvidence[]; markedBy?: string | null },
  ): Promise<void> {
    await this.#db
      .updateTable('meetings')
      .set({
        outcome: patch.outcome,
        evidence_json: toJson(patch.evidence),
        ...(patch.markedBy !== undefined ? { marked_by: patch.markedBy } : {}),
      })
      .where('id', '=', id)
      .execute();
  }

  // Timeline

  async addAttempt(attempt: Attempt): Promise<boolean> {
    const inserted = await this.#db
      .insertInto('attempts')
      .values(attemptToRow(attempt))
      .onConflict((oc) => oc.column('id').doNothing())
      .returning('id')
      .executeTakeFirst();
    return inserted !== undefined;
  }

  async listAttempts(prospectId: string): Promise<Attempt[]> {
    const rows = await this.#db
      .selectFrom('attempts')
      .selectAll()
      .where('prospect_id', '=', prospectId)
      .orderBy('at')
      .orderBy('id')
      .execute();
    return rows.map(rowToAttempt);
  }

  // Messages

  async recordMessage(message: MessageRecord): Promise<boolean> {
    const inserted = await this.#db
      .insertInto('messages')
      .values(messageToRow(message))
      .onConflict((oc) => oc.columns(['account_id', 'provider_id']).doNothing())
      .returning('provider_id')
      .executeTakeFirst();
    return inserted !== undefined;
  }

  async listMessages(prospectId: string): Promise<MessageRecord[]> {
    const rows = await this.#db
      .selectFrom('messages')
      .selectAll()
      .where('prospect_id', '=', prospectId)
      .orderBy('at')
      .orderBy('provider_id')
      .execute();
    return rows.map(rowToMessage);
  }

  /**
   * Threads onto the latest message either way: In-Reply-To is its Message-ID, References are its
   * references followed by its Message-ID (RFC 5322 3.6.4), the subject has its "Re:" prefixes removed.
   */
  async latestThread(prospectId: string): Promise<ThreadRef | null> {
    const row = await this.#db
      .selectFrom('messages')
      .selectAll()
      .where('prospect_id', '=', prospectId)
      .orderBy('at', 'desc')
      .orderBy('provider_id', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (!row) return null;
    const references = fromJson<string[]>(row.references_json, 'messages.references_json');
    if (row.message_id && !references.includes(row.message_id)) references.push(row.message_id);
    return {
      threadId: row.thread_id,
      inReplyTo: row.message_id,
      references,
      subject: stripReplyPrefixes(row.subject),
      replyToProviderId: row.provider_id,
    };
  }

  /**
   * A Message-ID match (in recorded messages, then in the outbox) wins over a thread id match.
   * Thread ids are provider ids local to one mailbox: matched within the account only.
   */
  async findProspectByThread(input: { accountId: string; threadId?: string | null; messageIds?: string[] }): Promise<string | null> {
    const messageIds = [...new Set((input.messageIds ?? []).filter((id) => id.length > 0))];
    for (const chunk of chunks(messageIds, IN_LIST_CHUNK)) {
      const message = await this.#db
        .selectFrom('messages')
        .select('prospect_id')
        .where('message_id', 'in', chunk)
        .orderBy('at', 'desc')
        .limit(1)
        .executeTakeFirst();
      if (message) return message.prospect_id;
      const sent = await this.#db
        .selectFrom('outbox')
        .select('prospect_id')
        .where('message_id', 'in', chunk)
        .where('prospect_id', 'is not', null)
        .orderBy('created_at', 'desc')
        .limit(1)
        .executeTakeFirst();
      if (sent?.prospect_id) return sent.prospect_id;
    }
    if (input.threadId) {
      const row = await this.#db
        .selectFrom('messages')
        .select('prospect_id')
        .where('account_id', '=', input.accountId)
        .where('thread_id', '=', input.threadId)
        .orderBy('at', 'desc')
        .limit(1)
        .executeTakeFirst();
      if (row) return row.prospect_id;
    }
    return null;
  }

  // Drafts

  async insertDraft(draft: Draft): Promise<{ inserted: boolean; draft: Draft }> {
    const row = draftToRow(draft);
    const inserted = await this.#db
      .insertInto('drafts')
      .values(row)
      .onConflict((oc) => oc.column('reason_key').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (inserted) return { inserted: true, draft: rowToDraft(row) };
    const existing = await this.#db
      .selectFrom('drafts')
      .selectAll()
      .where('reason_key', '=', draft.reasonKey)
      .executeTakeFirst();
    if (!existing) {
      // Only possible if the conflicting draft was deleted in between; the store never deletes drafts.
      throw new Error(`store: draft with reason key "${draft.reasonKey}" conflicted but cannot be read`);
    }
    return { inserted: false, draft: rowToDraft(existing) };
  }

  async getDraft(id: string): Promise<Draft | null> {
    const row = await this.#db.selectFrom('drafts').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? rowToDraft(row) : null;
  }

  async listDrafts(filter: DraftFilter): Promise<Draft[]> {
    let query = this.#db.selectFrom('drafts').selectAll();
    if (filter.accountId !== undefined) query = query.where('account_id', '=', filter.accountId);
    if (filter.prospectId !== undefined) query = query.where('prospect_id', '=', filter.prospectId);
    if (filter.status !== undefined) {
      const statuses = asList(filter.status);
      if (statuses.length === 0) return [];
      query = query.where('status', 'in', statuses);
    }
    const rows = await query.orderBy('created_at').orderBy('id').execute();
    return rows.map(rowToDraft);
  }

  async editDraft(
    id: string,
    patch: { subject?: string; text?: string; html?: string | null; sendAt?: Date; sendAtByRep?: boolean },
    by: string,
    at: Date,
  ): Promise<boolean> {
    const set: Partial<DraftsTable> = { edited_by: by, edited_at: toIso(at) };
    if (patch.subject !== undefined) set.subject = patch.subject;
    if (patch.text !== undefined) set.text_body = patch.text;
    if (patch.html !== undefined) set.html_body = patch.html;
    if (patch.sendAt !== undefined) set.send_at = toIso(patch.sendAt);
    if (patch.sendAtByRep !== undefined) set.send_at_by_rep = patch.sendAtByRep ? 1 : 0;
    const result = await this.#db
      .updateTable('drafts')
      .set(set)
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  /**
   * One transaction: the conditional update (pending → approved) decides the winner between two
   * approvers; the loser changes nothing. The outbox row always belongs to this draft (its draftId
   * is set to `id`); a different non-null draftId is a programming error.
   */
  async approveDraft(id: string, input: { by: string; at: Date; outbox: OutboxItem }): Promise<OutboxItem | null> {
    if (input.outbox.draftId !== null && input.outbox.draftId !== id) {
      throw new Error(`store: approveDraft(${id}) was given an outbox item for draft ${input.outbox.draftId}`);
    }
    const outboxRow = outboxToRow({ ...input.outbox, draftId: id });
    const approvedAt = toIso(input.at);
    return this.#atomically(async (store) => {
      const approved = await store.#db
        .updateTable('drafts')
        .set({ status: 'approved', approved_by: input.by, approved_at: approvedAt })
        .where('id', '=', id)
        .where('status', '=', 'pending')
        .executeTakeFirst();
      if (approved.numUpdatedRows === 0n) return null;
      await store.#db.insertInto('outbox').values(outboxRow).execute();
      return rowToOutbox(outboxRow);
    });
  }

  /** Only a pending draft can be rejected; who, when and why are kept on the draft. */
  async rejectDraft(id: string, input: { by: string; at: Date; reason: string }): Promise<boolean> {
    const result = await this.#db
      .updateTable('drafts')
      .set({ status: 'rejected', rejected_reason: input.reason, rejected_by: input.by, rejected_at: toIso(input.at) })
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  /** `templates` undefined: every pending draft of the prospect; an empty list cancels nothing.
   *  The reason is kept on the draft (cancelledReason). */
  async cancelPendingDrafts(prospectId: string, input: { reason: string; templates?: string[] }): Promise<string[]> {
    if (input.templates !== undefined && input.templates.length === 0) return [];
    let query = this.#db
      .updateTable('drafts')
      .set({ status: 'cancelled', cancelled_reason: input.reason })
      .where('prospect_id', '=', prospectId)
      .where('status', '=', 'pending');
    if (input.templates !== undefined) query = query.where('template', 'in', input.templates);
    const rows = await query.returning('id').execute();
    return rows.map((r) => r.id).sort();
  }

  async withdrawDraft(id: string, input: { reason: string }): Promise<boolean> {
    return this.#atomically(async (store) => {
      const drafted = await store.#db
        .updateTable('drafts')
        .set({ status: 'cancelled', cancelled_reason: input.reason })
        .where('id', '=', id)
        .where('status', 'in', ['pending', 'approved'])
        .executeTakeFirst();
      if (drafted.numUpdatedRows === 0n) return false;
      await store.#db
        .updateTable('outbox')
        .set({ status: 'withdrawn', last_error: input.reason })
        .where('draft_id', '=', id)
        .where('status', 'in', ['approved', 'sending'] satisfies OutboxStatus[])
        .execute();
      return true;
    });
  }

  async attachNativeDraft(id: string, input: { nativeDraftId: string; messageId: string }): Promise<void> {
    await this.#db
      .updateTable('drafts')
      .set({ native_draft_id: input.nativeDraftId, message_id: input.messageId })
      .where('id', '=', id)
      .execute();
  }

  async markDraftSentByRep(id: string, input: { at: Date }): Promise<boolean> {
    const result = await this.#db
      .updateTable('drafts')
      .set({ status: 'sent', approved_by: 'the rep (sent from the mail client)', approved_at: toIso(input.at) })
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  async findDraftByMessageId(messageId: string): Promise<Draft | null> {
    const row = await this.#db.selectFrom('drafts').selectAll().where('message_id', '=', messageId).executeTakeFirst();
    return row ? rowToDraft(row) : null;
  }

  // Outbox

  /** False when the id, the draftId or the messageId is already in the outbox. */
  async enqueueOutbox(item: OutboxItem): Promise<boolean> {
    const inserted = await this.#db
      .insertInto('outbox')
      .values(outboxToRow(item))
      .onConflict((oc) => oc.doNothing())
      .returning('id')
      .executeTakeFirst();
    return inserted !== undefined;
  }

  async getOutbox(id: string): Promise<OutboxItem | null> {
    const row = await this.#db.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? rowToOutbox(row) : null;
  }

  async listOutbox(filter: {
    status?: OutboxStatus | OutboxStatus[];
    accountId?: string;
    prospectId?: string;
  }): Promise<OutboxItem[]> {
    let query = this.#db.selectFrom('outbox').selectAll();
    if (filter.accountId !== undefined) query = query.where('account_id', '=', filter.accountId);
    if (filter.prospectId !== undefined) query = query.where('prospect_id', '=', filter.prospectId);
    if (filter.status !== undefined) {
      const statuses = asList(filter.status);
      if (statuses.length === 0) return [];
      query = query.where('status', 'in', statuses);
    }
    const rows = await query.orderBy('created_at').orderBy('id').execute();
    return rows.map(rowToOutbox);
  }

  /**
   * Reads due candidates, then claims each with its own conditional update
   * (`where id = ? and status = 'approved'`): of two overlapping claimers exactly one updates a
   * given row. When another claimer took some candidates, reads again (bounded) to fill the limit.
   * Oldest notBefore first.
   */
  async claimOutbox(input: { now: Date; owner: string; limit: number }): Promise<OutboxItem[]> {
    const limit = Math.floor(input.limit);
    if (!(limit > 0)) return [];
    const now = toIso(input.now);
    const claimed: OutboxItem[] = [];
    for (let round = 0; round < MAX_CLAIM_ROUNDS && claimed.length < limit; round++) {
      const candidates = await this.#db
        .selectFrom('outbox')
        .select('id')
        .where('status', '=', 'approved')
        .where('not_before', '<=', now)
        .orderBy('not_before')
        .orderBy('created_at')
        .orderBy('id')
        .limit(limit - claimed.length)
        .execute();
      if (candidates.length === 0) break;
      let lost = 0;
      for (const { id } of candidates) {
        const row = await this.#db
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
  }

  async listStuckSending(claimedBefore: Date): Promise<OutboxItem[]> {
    const rows = await this.#db
      .selectFrom('outbox')
      .selectAll()
      .where('status', '=', 'sending')
      .where('claimed_at', '<', toIso(claimedBefore))
      .orderBy('claimed_at')
      .orderBy('id')
      .execute();
    return rows.map(rowToOutbox);
  }

  /** Also marks the draft (if any) 'sent', and records the provider's thread id on the item's thread. */
  async markOutboxSent(
    id: string,
    input: { at: Date; providerMessageId?: string | null; threadId?: string | null },
  ): Promise<void> {
    const sentAt = toIso(input.at);
    await this.#atomically(async (store) => {
      const row = await store.#db
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
          await store.#db
            .updateTable('outbox')
            .set({ thread_json: toJson({ ...thread, threadId: input.threadId }) })
            .where('id', '=', id)
            .execute();
        }
      }
      if (row.draft_id !== null) {
        await store.#db.updateTable('drafts').set({ status: 'sent' }).where('id', '=', row.draft_id).execute();
      }
    });
  }

  /** 'sent' is final: a retry or failure reported late (a stale worker) never reopens a sent email. */
  async markOutboxRetry(id: string, input: { notBefore: Date; error: string }): Promise<void> {
    await this.#db
      .updateTable('outbox')
      .set({ status: 'approved', not_before: toIso(input.notBefore), last_error: input.error })
      .where('id', '=', id)
      .where('status', '<>', 'sent')
      .execute();
  }

  /** 'sent' is final (see markOutboxRetry). */
  async markOutboxFailed(id: string, input: { status: 'failed' | 'uncertain'; error: string }): Promise<void> {
    await this.#db
      .updateTable('outbox')
      .set({ status: input.status, last_error: input.error })
      .where('id', '=', id)
      .where('status', '<>', 'sent')
      .execute();
  }

  async countOutboxSince(prospectId: string, since: Date): Promise<number> {
    const row = await this.#db
      .selectFrom('outbox')
      .select((eb) => eb.fn.countAll<number | string | bigint>().as('n'))
      .where('prospect_id', '=', prospectId)
      .where('status', 'in', ['sent', 'sending'] satisfies OutboxStatus[])
      .where((eb) => eb(eb.fn.coalesce('sent_at', 'claimed_at'), '>=', toIso(since)))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  // Sync cursors

  async getCursor(accountId: string, key: string): Promise<CursorState | null> {
    const row = await this.#db
      .selectFrom('cursors')
      .selectAll()
      .where('account_id', '=', accountId)
      .where('cursor_key', '=', key)
      .executeTakeFirst();
    return row ? rowToCursor(row) : null;
  }

  async saveCursor(state: CursorState): Promise<void> {
    const row = cursorToRow(state);
    const { account_id: _a, cursor_key: _k, ...update } = row;
    await this.#db
      .insertInto('cursors')
      .values(row)
      .onConflict((oc) => oc.columns(['account_id', 'cursor_key']).doUpdateSet(update))
      .execute();
  }

  async listCursors(accountId?: string): Promise<CursorState[]> {
    let query = this.#db.selectFrom('cursors').selectAll();
    if (accountId !== undefined) query = query.where('account_id', '=', accountId);
    const rows = await query.orderBy('account_id').orderBy('cursor_key').execute();
    return rows.map(rowToCursor);
  }

  // Suppressions

  /** The first suppression of an address is kept (its reason and date); later ones are ignored. */
  async addSuppression(s: Suppression): Promise<void> {
    await this.#db
      .insertInto('suppressions')
      .values(suppressionToRow(s))
      .onConflict((oc) => oc.column('email').doNothing())
      .execute();
  }

  async isSuppressed(email: string): Promise<boolean> {
    const row = await this.#db
      .selectFrom('suppressions')
      .select('email')
      .where('email', '=', emailKey(email))
      .executeTakeFirst();
    return row !== undefined;
  }

  async listSuppressions(): Promise<Suppression[]> {
    const rows = await this.#db.selectFrom('suppressions').selectAll().orderBy('at').orderBy('email').execute();
    return rows.map(rowToSuppression);
  }

  // Bookings

  async insertBooking(b: BookingRecord): Promise<boolean> {
    const inserted = await this.#db
      .insertInto('bookings')
      .values(bookingToRow(b))
      .onConflict((oc) => oc.column('id').doNothing())
      .returning('id')
      .executeTakeFirst();
    return inserted !== undefined;
  }

  async getBooking(id: string): Promise<BookingRecord | null> {
    const row = await this.#db.selectFrom('bookings').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? rowToBooking(row) : null;
  }

  /** eventId/error left undefined keep their value. */
  async updateBooking(
    id: string,
    patch: { status: BookingRecord['status']; eventId?: string | null; error?: string | null },
  ): Promise<void> {
    await this.#db
      .updateTable('bookings')
      .set({
        status: patch.status,
        ...(patch.eventId !== undefined ? { event_id: patch.eventId } : {}),
        ...(patch.error !== undefined ? { error: patch.error } : {}),
      })
      .where('id', '=', id)
      .execute();
  }

  async listBookings(prospectId: string): Promise<BookingRecord[]> {
    const rows = await this.#db
      .selectFrom('bookings')
      .selectAll()
      .where('prospect_id', '=', prospectId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map(rowToBooking);
  }

  // Slot offers

  async saveSlotOffer(offer: SlotOffer): Promise<void> {
    const row = slotOfferToRow(offer);
    const { id: _id, ...update } = row;
    await this.#db
      .insertInto('slot_offers')
      .values(row)
      .onConflict((oc) => oc.column('id').doUpdateSet(update))
      .execute();
  }

  async latestSlotOffer(prospectId: string): Promise<SlotOffer | null> {
    const row = await this.#db
      .selectFrom('slot_offers')
      .selectAll()
      .where('prospect_id', '=', prospectId)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row ? rowToSlotOffer(row) : null;
  }

  // Leases

  /**
   * One statement, atomic on both engines: insert the lease, or, on conflict, take it over if it
   * expired (expires_at <= now) or renew it if this owner holds it. Returns whether `owner` holds it.
   */
  async acquireLease(input: { name: string; owner: string; now: Date; ttlMs: number }): Promise<boolean> {
    if (!Number.isFinite(input.ttlMs) || input.ttlMs <= 0) {
      throw new RangeError(`store: lease ttlMs must be a positive number, got ${input.ttlMs}`);
    }
    const now = toIso(input.now);
    const expiresAt = toIso(new Date(input.now.getTime() + input.ttlMs));
    const row = await this.#db
      .insertInto('leases')
      .values({ name: input.name, owner: input.owner, expires_at: expiresAt })
      .onConflict((oc) =>
        oc
          .column('name')
          .doUpdateSet({ owner: input.owner, expires_at: expiresAt })
          .where((eb) => eb.or([eb('leases.expires_at', '<=', now), eb('leases.owner', '=', input.owner)])),
      )
      .returning('owner')
      .executeTakeFirst();
    return row?.owner === input.owner;
  }

  async releaseLease(input: { name: string; owner: string }): Promise<void> {
    await this.#db.deleteFrom('leases').where('name', '=', input.name).where('owner', '=', input.owner).execute();
  }

  async consumeOnce(key: string, expiresAt: Date): Promise<boolean> {
    const row = await this.#db
      .insertInto('used_tokens')
      .values({ key, expires_at: toIso(expiresAt) })
      .onConflict((oc) => oc.column('key').doNothing())
      .returning('key')
      .executeTakeFirst();
    return row?.key === key;
  }

  async countHit(key: string, expiresAt: Date): Promise<number> {
    const row = await this.#db
      .insertInto('rate_limits')
      .values({ key, count: 1, expires_at: toIso(expiresAt) })
      .onConflict((oc) => oc.column('key').doUpdateSet({ count: sql<number>`rate_limits.count + 1` }))
      .returning('count')
      .executeTakeFirstOrThrow();
    return Number(row.count);
  }

  async purgeExpired(now: Date): Promise<{ tokens: number; rateLimits: number }> {
    const before = toIso(now);
    const tokens = await this.#db.deleteFrom('used_tokens').where('expires_at', '<', before).executeTakeFirst();
    const rateLimits = await this.#db.deleteFrom('rate_limits').where('expires_at', '<', before).executeTakeFirst();
    return { tokens: Number(tokens.numDeletedRows), rateLimits: Number(rateLimits.numDeletedRows) };
  }
}

function asList<T>(value: T | T[]): T[] {
  return Array.isArray(value) ? value : [value];
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

const REPLY_PREFIX = /^\s*re\s*:\s*/i;

function stripReplyPrefixes(subject: string): string {
  let s = subject;
  while (REPLY_PREFIX.test(s)) s = s.replace(REPLY_PREFIX, '');
  return s.trim();
}
