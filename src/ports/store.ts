import type {
  Account,
  Attempt,
  CalendarEvent,
  Draft,
  DraftStatus,
  Meeting,
  MeetingOutcome,
  NoShowEvidence,
  OutboxItem,
  OutboxStatus,
  ParsedReply,
  Prospect,
  ProspectStatus,
  ReplyKind,
  ThreadRef,
  TimeInterval,
} from '../domain/types.js';
import type { WebhookEvent } from '../domain/webhook-events.js';

/**
 * The store, as role ports: one small interface per aggregate, so each consumer names only the
 * roles it uses (a provider gets CredentialStore alone, the sign-in page TokenStore and
 * OutboxStore, ...). `Store` composes them all for the composition root and transactions.
 * Implemented over Kysely for SQLite and PostgreSQL (src/store/kysely-store.ts) and in memory
 * (src/store/memory-store.ts); one contract suite (tests/store/store-contract.ts) holds all three.
 * Every method is safe to call from two overlapping workers: idempotent inserts use unique
 * keys, state changes are conditional updates, and results say whether anything changed.
 */

export interface CursorState {
  accountId: string;
  /** 'calendar:<calendarId>' or 'mailbox'. */
  key: string;
  cursor: string | null;
  lastSuccessAt: Date | null;
  lastAttemptAt: Date | null;
  lastError: string | null;
  /** Do not call the provider before this instant (rate limits). */
  notBefore: Date | null;
}

/** A message in a prospect's thread, either direction. No bodies are stored beyond what the
 *  timeline needs: subject, ids and the parsed reply. */
export interface MessageRecord {
  accountId: string;
  prospectId: string;
  direction: 'in' | 'out';
  providerId: string;
  messageId: string | null;
  threadId: string | null;
  inReplyTo: string | null;
  references: string[];
  subject: string;
  at: Date;
  /** For inbound replies: what the parser understood. */
  replyKind?: ReplyKind | null;
  parsed?: ParsedReply | null;
  /** The prospect's visible text (shown to the rep on the web page; escaped there). */
  visibleText?: string | null;
  /** When followup recorded it (learnt of it); null for rows older than the send gate. */
  recordedAt?: Date | null;
}

export interface BookingRecord {
  id: string;
  accountId: string;
  prospectId: string;
  start: Date;
  end: Date;
  timeZone: string;
  status: 'pending' | 'booked' | 'failed';
  eventId: string | null;
  /** The reply that asked for it. */
  sourceMessageId: string | null;
  error: string | null;
  createdAt: Date;
}

/** Slots the worker offered a prospect (slot-proposal draft), so "the second one" resolves. */
export interface SlotOffer {
  id: string;
  prospectId: string;
  draftId: string;
  slots: TimeInterval[];
  createdAt: Date;
}

export interface Suppression {
  email: string;
  reason: string;
  at: Date;
}

export interface DraftFilter {
  accountId?: string;
  prospectId?: string;
  status?: DraftStatus | DraftStatus[];
}

export interface MeetingFilter {
  accountId?: string;
  prospectId?: string;
  /** Meetings whose end is at or before this instant. */
  endedBefore?: Date;
  outcome?: MeetingOutcome | MeetingOutcome[];
}

/** Marks an account connected or disconnected, with what the rep should do. */
export interface AccountStatusStore {
  setAccountStatus(id: string, status: Account['status'], detail: string | null): Promise<void>;
}

/** What a provider family may touch: its sealed credentials (ciphertext; encryption happens before
 *  the store) and its account's status. */
export interface CredentialStore extends AccountStatusStore {
  saveCredential(accountId: string, kind: string, ciphertext: string): Promise<void>;
  getCredential(accountId: string, kind: string): Promise<string | null>;
  /** Several kinds of one account in one read (ciphertext by kind; a kind not stored is absent). */
  getCredentials?(accountId: string, kinds: readonly string[]): Promise<Map<string, string>>;
}

export interface AccountStore extends AccountStatusStore {
  upsertAccount(account: Account): Promise<void>;
  getAccount(id: string): Promise<Account | null>;
  listAccounts(): Promise<Account[]>;
}

export interface ProspectStore {
  upsertProspect(prospect: Prospect): Promise<void>;
  getProspect(id: string): Promise<Prospect | null>;
  findProspectByEmail(email: string, accountId?: string): Promise<Prospect | null>;
  listProspects(accountId?: string): Promise<Prospect[]>;
  setProspectStatus(
    id: string,
    patch: { status: ProspectStatus; pausedUntil?: Date | null; statusReason?: string | null },
  ): Promise<void>;
}

/** Calendar events, as synced. */
export interface EventStore {
  upsertEvents(accountId: string, events: CalendarEvent[]): Promise<void>;
  deleteEvents(calendarId: string, ids: string[]): Promise<void>;
  /** Ids of stored events of a calendar whose start falls in the window (for full-sync reconciliation). */
  listEventIds(calendarId: string, window: TimeInterval): Promise<string[]>;
  listEvents(calendarId: string, window: TimeInterval): Promise<CalendarEvent[]>;
  getEvent(calendarId: string, id: string): Promise<CalendarEvent | null>;
}

/** Meetings (events matched to prospects). Unique on (eventId, prospectId). */
export interface MeetingStore {
  upsertMeeting(meeting: Meeting): Promise<void>;
  getMeeting(id: string): Promise<Meeting | null>;
  listMeetings(filter: MeetingFilter): Promise<Meeting[]>;
  setMeetingOutcome(
    id: string,
    patch: { outcome: MeetingOutcome; evidence: NoShowEvidence[]; markedBy?: string | null },
  ): Promise<void>;
}

/** The prospect's timeline (append-only). Idempotent on attempt.id. */
export interface TimelineStore {
  addAttempt(attempt: Attempt): Promise<boolean>;
  listAttempts(prospectId: string): Promise<Attempt[]>;
  /** Every prospect's attempts (oldest first), optionally only some accounts' (stats, webhooks). */
  listTimeline(filter?: { accountIds?: readonly string[] | null }): Promise<Attempt[]>;
}

/** Messages. Idempotent on (accountId, providerId); recordMessage returns false if already recorded. */
export interface MessageStore {
  recordMessage(message: MessageRecord): Promise<boolean>;
  listMessages(prospectId: string): Promise<MessageRecord[]>;
  /** Where the next email to this prospect should thread (the latest message either way). */
  latestThread(prospectId: string): Promise<ThreadRef | null>;
  /**
   * Which prospect (if any) a thread or Message-ID belongs to. Message-IDs are global; a thread id
   * only means something inside one mailbox, so it is matched within `accountId` only.
   */
  findProspectByThread(input: { accountId: string; threadId?: string | null; messageIds?: string[] }): Promise<string | null>;
}

/** Drafts. insertDraft is idempotent on reasonKey: the second insert returns inserted=false and the
 *  existing draft. */
export interface DraftStore {
  insertDraft(draft: Draft): Promise<{ inserted: boolean; draft: Draft }>;
  getDraft(id: string): Promise<Draft | null>;
  listDrafts(filter: DraftFilter): Promise<Draft[]>;
  /** Edits a pending draft (subject/text/html/sendAt); returns false if it is no longer pending. */
  editDraft(
    id: string,
    patch: { subject?: string; text?: string; html?: string | null; sendAt?: Date; sendAtByRep?: boolean },
    by: string,
    at: Date,
  ): Promise<boolean>;
  /** Approves a pending draft and enqueues its outbox row in the same transaction.
   *  Returns the outbox item, or null if the draft was not pending. */
  approveDraft(id: string, input: { by: string; at: Date; outbox: OutboxItem }): Promise<OutboxItem | null>;
  rejectDraft(id: string, input: { by: string; at: Date; reason: string }): Promise<boolean>;
  /**
   * The worker worded an unedited draft again for the time it goes out (a nudge's "this week", src/worker/reword.ts):
   * the draft, pending or approved, and its outbox row still waiting (approved or claimed) take the new subject and
   * text, in one transaction. Not the rep's edit: who edited it stays as it was. False when the draft is neither.
   */
  rewordDraft(id: string, input: { subject: string; text: string }): Promise<boolean>;
  /** Cancels pending drafts of a prospect (a reply arrived, an opt-out); returns the cancelled ids. */
  cancelPendingDrafts(prospectId: string, input: { reason: string; templates?: string[] }): Promise<string[]>;
  /**
   * The send gate withdrew a draft: pending or approved → cancelled (with the reason), and its outbox
   * row, unless already sent, → withdrawn, in one transaction. False when there was nothing to withdraw.
   */
  withdrawDraft(id: string, input: { reason: string }): Promise<boolean>;

  /** Records the rep's native draft (its id in Gmail/Outlook and the Message-ID it carries). */
  attachNativeDraft(id: string, input: { nativeDraftId: string; messageId: string }): Promise<void>;
  /** The rep sent the native draft from their own mail client: pending → sent. False if not pending. */
  markDraftSentByRep(id: string, input: { at: Date }): Promise<boolean>;
  findDraftByMessageId(messageId: string): Promise<Draft | null>;
}

export interface OutboxFilter {
  status?: OutboxStatus | OutboxStatus[];
  accountId?: string;
  prospectId?: string;
}

/** The outbox. Unique on id, on draftId and on messageId. */
export interface OutboxStore {
  enqueueOutbox(item: OutboxItem): Promise<boolean>;
  getOutbox(id: string): Promise<OutboxItem | null>;
  listOutbox(filter: OutboxFilter): Promise<OutboxItem[]>;
  /** Atomically moves due 'approved' items to 'sending' for this owner. Only the winner gets a row. */
  claimOutbox(input: { now: Date; owner: string; limit: number; /** Only this account's items (a per-account send job). */ accountId?: string }): Promise<OutboxItem[]>;
  /** Items left in 'sending' by a worker that died (claimed before `claimedBefore`). */
  listStuckSending(claimedBefore: Date): Promise<OutboxItem[]>;
  markOutboxSent(id: string, input: { at: Date; providerMessageId?: string | null; threadId?: string | null }): Promise<void>;
  /** Back to 'approved' with a notBefore (retryable), or 'failed'/'uncertain' with the reason. */
  markOutboxRetry(id: string, input: { notBefore: Date; error: string }): Promise<void>;
  markOutboxFailed(id: string, input: { status: 'failed' | 'uncertain'; error: string }): Promise<void>;
  /** Emails sent (or claimed for sending) to a prospect since an instant (R4 weekly cap). */
  countOutboxSince(prospectId: string, since: Date): Promise<number>;
}

/** Sync cursors, one per account and key. */
export interface CursorStore {
  getCursor(accountId: string, key: string): Promise<CursorState | null>;
  saveCursor(state: CursorState): Promise<void>;
  /** Several cursors in one statement (a job's deferred saves; see CursorCache.deferred). */
  saveCursors(states: readonly CursorState[]): Promise<void>;
  listCursors(accountId?: string): Promise<CursorState[]>;
}

/** Suppressions (opt-outs, bounces). Keyed by lower-cased email. */
export interface SuppressionStore {
  addSuppression(s: Suppression): Promise<void>;
  isSuppressed(email: string): Promise<boolean>;
  listSuppressions(): Promise<Suppression[]>;
}

/** Issue 15: a next step set by the rep or found in the rep's own email (a promise). */
export interface NextStepRecord {
  id: string;
  accountId: string;
  prospectId: string;
  what: string;
  due: Date;
  source: 'rep' | 'email';
  /** For a promise: the email it was found in. */
  messageId: string | null;
  subject: string | null;
  foundAt: Date;
}

/** Issue 15: a call hold on the rep's calendar. */
export interface CallHoldRecord {
  uid: string;
  accountId: string;
  prospectId: string;
  meetingId: string;
  step: number;
  start: Date;
  end: Date;
  status: 'placed' | 'removed';
  eventId: string | null;
  updatedAt: Date;
}

export interface SuppressionRemoval {
  id: string;
  email: string;
  reason: string;
  by: string;
  at: Date;
  /** The suppression that was lifted. */
  was: Suppression;
}

/** Issue 15: next steps, call holds and lifted suppressions. */
export interface PreventionStore {
  /** Idempotent on id. */
  addNextStep(step: NextStepRecord): Promise<boolean>;
  /** Oldest first. */
  listNextSteps(prospectId: string): Promise<NextStepRecord[]>;
  /** Insert or replace by uid. */
  saveCallHold(hold: CallHoldRecord): Promise<void>;
  listCallHolds(filter: { prospectId?: string; accountId?: string }): Promise<CallHoldRecord[]>;
  /** Lifts a suppression and records why, in one transaction; null when the address was not suppressed. */
  removeSuppression(email: string, input: { id: string; reason: string; by: string; at: Date }): Promise<SuppressionRemoval | null>;
  listSuppressionRemovals(): Promise<SuppressionRemoval[]>;
}

/** Bookings. Idempotent on id. */
export interface BookingStore {
  insertBooking(b: BookingRecord): Promise<boolean>;
  getBooking(id: string): Promise<BookingRecord | null>;
  updateBooking(id: string, patch: { status: BookingRecord['status']; eventId?: string | null; error?: string | null }): Promise<void>;
  listBookings(prospectId: string): Promise<BookingRecord[]>;
}

/** Slots offered to prospects. */
export interface SlotOfferStore {
  saveSlotOffer(offer: SlotOffer): Promise<void>;
  latestSlotOffer(prospectId: string): Promise<SlotOffer | null>;
}

/** Leases: at most one holder per name until expiry. */
export interface LeaseStore {
  /** Returns true if this owner holds the lease now. */
  acquireLease(input: { name: string; owner: string; now: Date; ttlMs: number }): Promise<boolean>;
  releaseLease(input: { name: string; owner: string }): Promise<void>;
}

/** Short-lived keys: spent link nonces and rate-limit counters. */
export interface TokenStore {
  /** Single-use tokens: true the first time a key is consumed, false ever after. The expiry is
   *  kept for housekeeping; the token's own signature carries the real expiry. */
  consumeOnce(key: string, expiresAt: Date): Promise<boolean>;
  /**
   * Counts one hit on a rate-limit key (the caller puts the time window in the key) and returns
   * the count including this hit, atomically across every process that shares the database.
   */
  countHit(key: string, expiresAt: Date): Promise<number>;
  /** Housekeeping: forgets single-use keys and rate-limit counters that expired before `now`. */
  purgeExpired(now: Date): Promise<{ tokens: number; rateLimits: number }>;
}

/** Signed-in web sessions, shared by every replica: signing out or revoking ends them everywhere. */
export interface SessionStore {
  startSession(input: { sid: string; accountId: string; expiresAt: Date }): Promise<void>;
  /** True while the session was started, has not ended and has not expired. */
  isSessionLive(sid: string, now: Date): Promise<boolean>;
  endSession(sid: string, now: Date): Promise<void>;
  /** Ends every live session of the account (an admin revoking); returns how many. */
  endAccountSessions(accountId: string, now: Date): Promise<number>;
  /** The live sessions (not ended, not expired), of one account or of all, soonest expiry first. */
  listLiveSessions(now: Date, accountId?: string): Promise<{ sid: string; accountId: string; expiresAt: Date }[]>;
}

/** An outgoing webhook event and its delivery state (TimelineStore.addAttempt enqueues them). */
export interface WebhookDelivery extends WebhookEvent {
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  nextAttemptAt: Date;
  /** Endpoints (URLs) that answered 2xx already. */
  delivered: string[];
  lastError: string | null;
}

/** Outgoing webhooks (an outbox of their own) and the counts /metrics reports. */
export interface OpsStore {
  /** Pending events due at `now`, oldest first. */
  listWebhooksDue(now: Date, limit: number): Promise<WebhookDelivery[]>;
  updateWebhook(id: string, patch: Pick<WebhookDelivery, 'status' | 'attempts' | 'nextAttemptAt' | 'delivered' | 'lastError'>): Promise<void>;
  /** With no endpoint configured: pending events are dropped (returns how many). */
  discardPendingWebhooks(): Promise<number>;
  /** Rows per status in the outbox, drafts, bookings and webhook outbox (for /metrics). */
  statusCounts(): Promise<Record<'outbox' | 'drafts' | 'bookings' | 'webhooks', Record<string, number>>>;
}

/** Every role: what one database (or the in-memory store) provides. */
export interface StoreRoles
  extends CredentialStore,
    AccountStore,
    ProspectStore,
    EventStore,
    MeetingStore,
    TimelineStore,
    MessageStore,
    DraftStore,
    OutboxStore,
    CursorStore,
    SuppressionStore,
    BookingStore,
    SlotOfferStore,
    LeaseStore,
    TokenStore,
    SessionStore,
    OpsStore,
    PreventionStore {}

/** The whole store, for the composition root: every role, its lifecycle and transactions. */
export interface Store extends StoreRoles {
  /** Applies pending migrations. Called once when the store is opened. */
  migrate(): Promise<void>;
  close(): Promise<void>;
  /** Runs fn in one transaction (all-or-nothing). */
  transaction<T>(fn: (store: Store) => Promise<T>): Promise<T>;
}
