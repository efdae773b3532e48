import type {
  Booking,
  BookingResult,
  CalendarEvent,
  InboundMessage,
  OutgoingMessage,
  TimeInterval,
} from '../domain/types.js';
import type { InputProblem } from './errors.js';
import type { AttendanceReport } from '../domain/no-show.js';
import type { CallHold } from '../domain/call-holds.js';

/**
 * Ports the worker needs from a provider family. They speak domain types only; cursors are
 * opaque strings owned by the provider. Failures are thrown as ProviderError (ports/errors.ts).
 */

export interface CalendarSyncInput {
  /** Opaque cursor from the previous sync, or null for a full sync. */
  cursor: string | null;
  /** A full sync covers this window; incremental syncs may return events outside it. */
  window: TimeInterval;
  /** Progress callback for long (full) syncs. */
  onProgress?: (done: number) => void;
}

export interface CalendarSyncResult {
  /** True when this was a full sync: events the store has for this calendar and that are not in
   *  `upserted` (within the window) were deleted and must be reconciled. */
  full: boolean;
  upserted: CalendarEvent[];
  /** Ids of events that were deleted/cancelled since the cursor. */
  deletedIds: string[];
  /** Cursor to store for the next incremental sync. */
  cursor: string;
  /** Files/items that could not be read; the rest of the sync went on. */
  problems: InputProblem[];
}

export interface CalendarProvider {
  readonly calendarId: string;
  /** Throws ProviderError CURSOR_EXPIRED when the cursor is no longer valid; the worker then
   *  calls again with cursor null and reconciles. */
  sync(input: CalendarSyncInput): Promise<CalendarSyncResult>;
  /** Busy intervals of the rep in [window.start, window.end). */
  freeBusy(window: TimeInterval): Promise<TimeInterval[]>;
  /** Create the event with the prospect as attendee; the provider sends the invite (Google
   *  sendUpdates=all, Graph, or an iTIP REQUEST email for local). Idempotent on booking.id. */
  book(booking: Booking): Promise<BookingResult>;
  /**
   * Issue 15: puts a call hold on the rep's own calendar (no attendee, no invite). Idempotent on
   * hold.uid: a second call finds the event and changes nothing (created: false).
   */
  placeHold(hold: CallHold): Promise<{ eventId: string; created: boolean }>;
  /** Takes the hold with this UID (placed at this time) off the calendar; nothing when it is not there. */
  removeHold(hold: Pick<CallHold, 'uid' | 'start' | 'end'>): Promise<void>;
}

/** Conferencing attendance (Meet conferenceRecords, Teams attendance reports): the domain's shape. */
export type { AttendanceParticipant, AttendanceReport } from '../domain/no-show.js';
export interface AttendanceProvider {
  attendance(event: CalendarEvent): Promise<AttendanceReport>;
}

/** An email as a mail sender gets it: the outgoing message and its extra headers. */
export interface OutgoingEmail extends OutgoingMessage {
  /** Extra headers (Auto-Submitted, X-Auto-Response-Suppress, List-Unsubscribe...). */
  headers: Record<string, string>;
}

export interface SentReceipt {
  providerMessageId?: string | null;
  threadId?: string | null;
}

export interface MailSender {
  send(email: OutgoingEmail): Promise<SentReceipt>;
  /** Exactly-once after a crash: was a message with this Message-ID already sent?
   *  Returns null when the transport cannot tell (plain SMTP). */
  findSent(messageId: string): Promise<SentReceipt | null | false>;
}

export interface MailboxFetchInput {
  cursor: string | null;
  /** Only fetch in full messages that may concern a tracked prospect. */
  isTracked: (hint: { from?: string | null; threadId?: string | null; inReplyTo?: string | null }) => boolean;
  /** On a first run or a fallback, look back this far. */
  since: Date;
}

export interface MailboxFetchResult {
  messages: InboundMessage[];
  cursor: string;
  problems: InputProblem[];
}

export interface MailboxReader {
  fetchNew(input: MailboxFetchInput): Promise<MailboxFetchResult>;
}

/** Native drafts in the rep's own mail client (approval: gmail-drafts / outlook-drafts). */
export interface NativeDrafts {
  /** Create (or find, by Message-ID) the draft in the rep's Drafts folder; returns its provider id. */
  upsertDraft(email: OutgoingEmail): Promise<{ draftId: string }>;
  /** Remove the draft (the prospect replied first). */
  deleteDraft(draftId: string): Promise<void>;
}

/** Everything a provider family offers for one account. */
export interface ProviderSet {
  calendar: CalendarProvider;
  sender: MailSender;
  mailbox: MailboxReader | null;
  attendance: AttendanceProvider | null;
  /** Present when the rep approves in their own mail client (approval: gmail-drafts / outlook-drafts). */
  drafts: NativeDrafts | null;
  /** Booked meetings get a video link (Google Meet, Microsoft Teams): the account's `conference`. */
  conference: boolean;
  /**
   * Password-based families (local SMTP, standard): logs in with every credential the account
   * uses and throws ProviderError when one is refused. A disconnected account is checked this way
   * on every run and reconnects by itself once it passes.
   */
  checkConnection?: () => Promise<void>;
  /**
   * How the rep reconnects this account once its credentials are refused, as the end of a
   * sentence ("To reconnect, <reconnect>."). Each family says it in its own words; the worker
   * never needs to know which family an account uses.
   */
  reconnect?: string;
  /** Families with change notifications (Microsoft Graph subscriptions, Google watch channels): keeps them alive. */
  push?: PushSubscriber;
}

/** One live subscription (or watch channel) as the store keeps it. */
export interface PushSubscription {
  resource: string;
  id: string;
  expiresAt: Date;
  /** Google Calendar channels: the resourceId channels.stop needs. */
  resourceId?: string;
}

/** The resource name a Gmail watch is stored under (Google push; the endpoint looks for it). */
export const GMAIL_WATCH_RESOURCE = 'gmail/users/me/watch';

export interface PushSubscriber {
  /**
   * True when the subscriptions do not cover everything the provider sync reads (Google without a
   * Pub/Sub topic: the calendar is watched, Gmail is not); the sync then runs on every pass.
   */
  readonly partial?: boolean;
  /**
   * Makes sure a subscription exists for every resource, notifying `notificationUrl` with
   * `clientState`: renews those expiring before `renewBefore`, recreates missing ones. A family
   * whose watch must be renewed sooner than that (Gmail: daily) renews on its own schedule.
   */
  ensure(input: { notificationUrl: string; clientState: string; existing: PushSubscription[]; renewBefore: Date; now: Date }): Promise<PushSubscription[]>;
}

export interface Clock {
  now(): Date;
}
