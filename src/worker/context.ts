import type { PushSettings } from './push.js';
import type { WebhookSettings } from './webhooks.js';
import type { FollowUpPolicy } from '../domain/policy.js';
import type { Account, Prospect, ThreadRef, TimeInterval } from '../domain/types.js';
import type { Logger } from '../log.js';
import type { InputProblem } from '../ports/errors.js';
import type { ProviderSet } from '../ports/providers.js';
import type {
  AccountStatusStore,
  BookingStore,
  CursorState,
  CursorStore,
  DraftStore,
  EventStore,
  LeaseStore,
  MeetingStore,
  MessageStore,
  OutboxStore,
  ProspectStore,
  SlotOfferStore,
  SuppressionStore,
  TimelineStore,
  TokenStore,
  OpsStore,
  PreventionStore,
} from '../ports/store.js';
import type { TemplateSet } from '../templates/engine.js';
import type { DigestOptions } from './digest.js';

/** One rep's account as the worker sees it in a tick: the account and what its providers can do. */
export interface AccountRuntime {
  account: Account;
  /** Null when the account could not be connected (the reason is in account.statusDetail). */
  providers: ProviderSet | null;
  /** Set when the account's own setup is wrong (a configured folder is missing): its mailbox was
   *  not read this run, so no drafts are planned for its prospects either. */
  setupProblem?: string;
}

/** The store roles the tick uses (no migrations, credentials or transactions). Each job narrows
 *  this further to the roles it touches, through WorkerContext's type parameter. */
export type WorkerStore = AccountStatusStore &
  ProspectStore &
  EventStore &
  MeetingStore &
  TimelineStore &
  MessageStore &
  DraftStore &
  OutboxStore &
  CursorStore &
  SuppressionStore &
  BookingStore &
  SlotOfferStore &
  LeaseStore &
  Pick<TokenStore, 'purgeExpired'> &
  Pick<OpsStore, 'listWebhooksDue' | 'updateWebhook' | 'discardPendingWebhooks'> &
  Omit<PreventionStore, 'removeSuppression' | 'listSuppressionRemovals'>;

export interface WorkerContext<S extends object = WorkerStore> {
  store: S;
  /** The calendar window synced around now, and when a sync counts as stale (config `sync`). */
  sync: SyncSettings;
  policy: FollowUpPolicy;
  templates: TemplateSet;
  accounts: AccountRuntime[];
  logger: Logger;
  /** The tick's "now": every decision uses it, never the wall clock. */
  now: Date;
  /** This worker's identity for leases and outbox claims. */
  owner: string;
  /** Prospects from the prospects file (imported at the start of the tick). */
  prospectInputs: Prospect[];
  /** Entries of the prospects file that were skipped, and why (reported with the tick's problems). */
  prospectProblems?: string[];
  /** The prospects file could not be read at all: prospectInputs are the store's prospects, and
   *  no new drafts are planned this tick. */
  prospectsUnreadable?: boolean;
  /** Epoch ms: no retry starts after this (serverless time budget). */
  deadlineMs?: number;
  /** Progress for long work (first sync), shown on a terminal. */
  progress?: (message: string) => void;
  /** Digest emails with signed one-click links; absent when no web secret is configured. */
  digest?: DigestOptions;
  /** Outgoing webhook endpoints (config `webhooks`); absent or empty: events are dropped. */
  webhooks?: WebhookSettings;
  /** Push notifications (config `push.publicUrl`); absent: polling only. */
  push?: PushSettings;
  /** Accounts whose mailbox this job read without an error at `now` (its cursor just saved):
   *  planning knows it is read without reading that cursor again. */
  mailboxReadNow?: ReadonlySet<string>;
  /** Accounts whose mailbox holds mail a replies step fetched (or must fetch again) and has not
   *  yet acted on: a replies job of the account waiting, retrying or running (the job engine), with
   *  why. Planning makes no new draft for them: an opt-out among that mail would make it wrong. */
  mailboxPending?: ReadonlyMap<string, string>;
  /** The job engine: a booking a reply asks for becomes a `book` job (persisted before the reply
   *  is recorded); resolves with the reply's outcome. Absent (in-process): booked at once. */
  deferBooking?: (request: BookingRequest) => Promise<string>;
  /** The job engine, for a job that is the only step job of its account (nothing else of the
   *  account reads or writes its calendar and mailbox cursors meanwhile): the account's cursors
   *  read in one query the first time one is needed, and kept for the job's later steps. */
  cursorCache?: CursorCache;
}

/** One account's cursors, read once for a job (see WorkerContext.cursorCache). */
export interface CursorCache {
  accountId: string;
  rows: Map<string, CursorState> | null;
  /**
   * Saves held back to be written together (flushCursors, one statement for the calendar's and
   * the mailbox's): present only where the job flushes them before anything reads the cursors
   * from the store. A save lost to a crash before the flush leaves the cursor where it was: the
   * next sync reads the same changes again, and every write they cause is idempotent.
   */
  deferred?: Map<string, CursorState>;
}

/** A booking a reply asked for: the times the prospect named, in order of preference. */
export interface BookingRequest {
  prospectId: string;
  candidates: TimeInterval[];
  thread: ThreadRef;
  /** The reply's Message-ID (or provider id): the booking's source. */
  key: string;
  /** The prospect's words for the time, quoted on the timeline. */
  proposal: string;
}

export interface SyncSettings {
  pastDays: number;
  futureDays: number;
  staleAfterMinutes: number;
}

export interface TickSummary {
  startedAt: Date;
  finishedAt: Date | null;
  /** Set when the tick did nothing because another one holds the lease. */
  skippedBecause: string | null;
  /** Accounts that need the rep or an admin: disconnected, stale or never synced (exit status 3). */
  attention: { accountId: string; reason: string }[];
  synced: { accountId: string; calendar: string; upserted: number; deleted: number; full: boolean }[];
  messagesRead: number;
  detected: { prospectEmail: string; meetingTitle: string; outcome: string; evidence: string[] }[];
  drafted: { draftId: string; prospectEmail: string; template: string; sendAt: Date; reason: string; status: string }[];
  sent: { to: string; subject: string; messageId: string }[];
  booked: { prospectEmail: string; start: Date; timeZone: string; eventId: string }[];
  replies: { prospectEmail: string; kind: string; action: string }[];
  quiet: { prospectEmail: string; reason: string; detail: string }[];
  /** Drafts and approved emails the send gate withdrew (a reply, a held meeting, an opt-out...). */
  withdrawn: { prospectEmail: string; draftId: string; template: string; detail: string }[];
  /** Due emails the send gate held for later (business hours, a pause, the weekly cap). */
  held: { prospectEmail: string; subject: string; until: Date; detail: string }[];
  /** Emails sent at a time the rules alone would not pick (the rep set it). */
  notes: string[];
  problems: InputProblem[];
  alerts: string[];
  /** Replies that wait for the rep's own answer (shown first); `remind`: the reminder is due now. */
  needsReply: { prospectEmail: string; name: string; at: Date; why: string; words: string; remind: boolean }[];
  /** Warnings before it goes wrong: meetings the prospect has not accepted. */
  unconfirmed: { prospectEmail: string; meetingId: string; detail: string }[];
  /** Call holds put on (placed) or taken off (removed) the rep's calendar. */
  callHolds: { prospectEmail: string; placed: number; removed: number; detail: string }[];
}

export function emptySummary(startedAt: Date): TickSummary {
  return {
    startedAt,
    finishedAt: null,
    skippedBecause: null,
    attention: [],
    synced: [],
    messagesRead: 0,
    detected: [],
    drafted: [],
    sent: [],
    booked: [],
    replies: [],
    quiet: [],
    withdrawn: [],
    held: [],
    notes: [],
    problems: [],
    alerts: [],
    needsReply: [],
    unconfirmed: [],
    callHolds: [],
  };
}

export function prospectsOf(ctx: Pick<WorkerContext, 'prospectInputs'>, accountId: string): Prospect[] {
  return ctx.prospectInputs.filter((p) => p.accountId === accountId);
}
