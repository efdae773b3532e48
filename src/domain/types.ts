/**
 * The domain vocabulary. Pure data: no I/O, no clocks. Instants are `Date` (UTC);
 * wall-clock reasoning happens with luxon inside domain functions, always given a zone.
 */

export const PROVIDER_KINDS = ['local', 'google', 'microsoft', 'standard'] as const;
export type ProviderKind = (typeof PROVIDER_KINDS)[number];

/** A rep's connected workspace: one calendar + one mailbox at one provider. */
export interface Account {
  id: string;
  email: string;
  name: string;
  timeZone: string;
  provider: ProviderKind;
  role: 'rep' | 'admin';
  status: 'connected' | 'disconnected';
  /** Plain words for the rep when status is disconnected ("Run `followup auth google` to reconnect"). */
  statusDetail?: string | null;
}

export const PROSPECT_STATUSES = ['open', 'paused', 'closed', 'suppressed', 'bounced'] as const;
export type ProspectStatus = (typeof PROSPECT_STATUSES)[number];

export interface NextStep {
  /** What the rep promised ("send the revised proposal"). */
  what: string;
  /** When the rep said they would follow up. */
  due: Date;
}

/** Every address of a prospect, primary first, lower-cased and without duplicates. */
export function addressesOf(prospect: Pick<Prospect, 'email' | 'emails'>): string[] {
  const out: string[] = [];
  for (const e of [prospect.email, ...(prospect.emails ?? [])]) {
    const k = e.trim().toLowerCase();
    if (k && !out.includes(k)) out.push(k);
  }
  return out;
}

export interface Prospect {
  id: string;
  accountId: string;
  email: string;
  /** Further addresses of the same person (`emails: [...]` in the prospects file): a reply, a bounce or
   *  an opt-out from any of them counts for the prospect. The primary address is `email`. */
  emails?: string[];
  /** A phone number, when known: call holds carry it. */
  phone?: string | null;
  name: string;
  company?: string | null;
  /** IANA zone, e.g. "America/New_York". */
  timeZone: string;
  /** ISO 3166-1 alpha-2 for public holidays; derived from the zone when absent. */
  country?: string | null;
  /** Playbook R6: what matters most to them. */
  hotButton?: string | null;
  /** Playbook R6: material sent (titles or links). */
  materialSent: string[];
  nextStep?: NextStep | null;
  status: ProspectStatus;
  /** Nudges wait until this instant (out-of-office, snooze). */
  pausedUntil?: Date | null;
  /** Why the prospect is paused/closed/bounced, in plain words. */
  statusReason?: string | null;
}

export const RSVP_RESPONSES = ['accepted', 'declined', 'tentative', 'needs_action'] as const;
export type RsvpResponse = (typeof RSVP_RESPONSES)[number];

export interface Attendee {
  email: string;
  name?: string | null;
  response: RsvpResponse;
  organizer?: boolean;
}

export interface Conference {
  provider: 'meet' | 'teams' | 'other';
  /** Provider id (Meet meeting code / space, Teams online meeting join URL). */
  id: string;
  joinUrl?: string | null;
}

/** An event as a calendar provider reports it, in domain terms. */
export interface CalendarEvent {
  /** Provider's id, unique within the calendar. */
  id: string;
  calendarId: string;
  /** iCalendar UID (shared by a recurring series). */
  uid?: string | null;
  title: string;
  description?: string | null;
  start: Date;
  end: Date;
  allDay?: boolean;
  status: 'confirmed' | 'tentative' | 'cancelled';
  organizerEmail?: string | null;
  attendees: Attendee[];
  /** Keywords/categories the rep put on the event (e.g. "no-show"). */
  categories: string[];
  conference?: Conference | null;
  /** For an instance of a recurring series. */
  recurringEventId?: string | null;
  originalStart?: Date | null;
  updatedAt?: Date | null;
}

export const MEETING_OUTCOMES = ['scheduled', 'held', 'missed', 'cancelled', 'unknown'] as const;
export type MeetingOutcome = (typeof MEETING_OUTCOMES)[number];

/** Strongest first. */
export const EVIDENCE_KINDS = ['rep_mark', 'event_keyword', 'conference_attendance', 'rsvp'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

export interface NoShowEvidence {
  kind: EvidenceKind;
  /** How sure: certain (rep said so), likely, possible. */
  confidence: 'certain' | 'likely' | 'possible';
  /** Plain words for the rep: "Linda never answered the invite and sent no message around the meeting." */
  detail: string;
}

export interface Meeting {
  id: string;
  accountId: string;
  prospectId: string;
  eventId: string;
  calendarId: string;
  title: string;
  start: Date;
  end: Date;
  outcome: MeetingOutcome;
  /** The prospect's RSVP as last synced. */
  prospectResponse: RsvpResponse;
  /** Evidence the outcome rests on (empty for scheduled/held-by-default). */
  evidence: NoShowEvidence[];
  /** Set when the rep marked the outcome explicitly. */
  markedBy?: string | null;
  conference?: Conference | null;
  categories: string[];
}

export const ATTEMPT_KINDS = [
  'meeting',
  'email_sent',
  'reply_received',
  'call_reminder',
  'booking',
  'draft_created',
  'draft_rejected',
  'status_change',
  'note',
  /** A call the rep logged (`calls log`, the page's button): outcome reached | voicemail | no-answer. */
  'call',
  /** A call hold put on (or taken off) the rep's calendar. */
  'call_hold',
  /** A next step set by the rep or found in the rep's own email. */
  'next_step',
  /** A reply that needs the rep's own answer, and its reminder. */
  'needs_reply',
] as const;
export type AttemptKind = (typeof ATTEMPT_KINDS)[number];

/** Playbook R4: every attempt is date-stamped. The timeline is append-only. */
export interface Attempt {
  id: string;
  prospectId: string;
  accountId: string;
  at: Date;
  kind: AttemptKind;
  /** Short outcome word: "missed", "held", "sent", "ooo", "proposal", ... */
  outcome?: string | null;
  /** Plain words. Never an email body. */
  detail: string;
  /** Related entity (meeting id, draft id, message id). */
  refId?: string | null;
}

/** Where an email should go so it lands in the prospect's existing thread. */
export interface ThreadRef {
  /** Provider thread/conversation id when known (Gmail threadId, Graph conversationId). */
  threadId?: string | null;
  /** Message-ID of the message being answered. */
  inReplyTo?: string | null;
  references: string[];
  /** Subject of the thread, used for "Re: ..." */
  subject?: string | null;
  /** Provider id of the message being answered (Graph createReply needs it). */
  replyToProviderId?: string | null;
}

export const DRAFT_STATUSES = ['pending', 'approved', 'rejected', 'sent', 'cancelled'] as const;
export type DraftStatus = (typeof DRAFT_STATUSES)[number];

export const TEMPLATE_NAMES = [
  'missed-nudge-1',
  'missed-nudge-2',
  'missed-nudge-3',
  'missed-nudge-4',
  'missed-nudge-later',
  'follow-up',
  'follow-up-apology',
  'follow-up-ages',
  'booking-confirmation',
  'confirm-time',
  'slot-proposal',
  'rep-brief',
  'meeting-confirm',
  'hand-sent-follow-up',
] as const;
export type TemplateName = (typeof TEMPLATE_NAMES)[number];

export interface Draft {
  id: string;
  accountId: string;
  prospectId: string;
  /** Idempotency: one draft per reason, ever ("missed:<meetingId>:1", "overdue:<prospectId>:<due>"). */
  reasonKey: string;
  template: TemplateName;
  /** Who receives it: the prospect, or the rep for a brief. */
  to: string;
  subject: string;
  text: string;
  html?: string | null;
  status: DraftStatus;
  sendAt: Date;
  /** The rep set sendAt by hand: it stands outside business hours (the send gate). */
  sendAtByRep?: boolean;
  /** Plain words: why this draft exists. */
  reason: string;
  evidence: NoShowEvidence[];
  thread: ThreadRef;
  /** When created automatically approved (template approval: auto). */
  autoApproved: boolean;
  approvedBy?: string | null;
  approvedAt?: Date | null;
  rejectedReason?: string | null;
  rejectedBy?: string | null;
  rejectedAt?: Date | null;
  /** Why the worker withdrew a pending draft (the prospect replied, opted out, ...). */
  cancelledReason?: string | null;
  editedBy?: string | null;
  editedAt?: Date | null;
  createdAt: Date;
  /** Attachments (e.g. an iTIP invite), kept as data. */
  attachments: OutgoingAttachment[];
  /** With approval: gmail-drafts / outlook-drafts: the draft's id in the rep's mail client. */
  nativeDraftId?: string | null;
  /** The Message-ID given to the native draft, to recognise it once the rep sends it. */
  messageId?: string | null;
}

export interface OutgoingAttachment {
  filename: string;
  contentType: string;
  content: string;
  /** For text/calendar alternatives (iMIP): 'REQUEST' | 'CANCEL'. */
  method?: string | null;
}

/** withdrawn: the send gate decided it must not go out (a reply, a held meeting, an opt-out...). */
export const OUTBOX_STATUSES = ['approved', 'sending', 'sent', 'failed', 'uncertain', 'withdrawn'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/** An email to send: what the outbox keeps and what a mail sender gets (ports' OutgoingEmail adds headers). */
export interface OutgoingMessage {
  /** RFC 5322 Message-ID minted by the worker before sending, with angle brackets. */
  messageId: string;
  from: { email: string; name: string };
  to: string;
  subject: string;
  text: string;
  html?: string | null;
  thread: ThreadRef;
  attachments: OutgoingAttachment[];
}

/** An email on its way out. The Message-ID is minted and stored before the provider is called. */
export interface OutboxItem extends OutgoingMessage {
  id: string;
  draftId: string | null;
  accountId: string;
  prospectId: string | null;
  status: OutboxStatus;
  attempts: number;
  notBefore: Date;
  lastError?: string | null;
  sentAt?: Date | null;
  providerMessageId?: string | null;
  createdAt: Date;
}

/** A message read from a mailbox, decoded. */
export interface InboundMessage {
  /** Provider id (file name, Gmail id, Graph id). */
  providerId: string;
  messageId: string | null;
  threadId?: string | null;
  inReplyTo: string | null;
  references: string[];
  from: { email: string; name?: string | null };
  to: string[];
  subject: string;
  date: Date;
  /** Lower-cased header names; multiple values joined by "\n". */
  headers: Record<string, string>;
  text: string;
  html?: string | null;
  /** The raw RFC 5322 source when the provider gives it (needed for MIME reports). */
  raw?: string | null;
}

export const REPLY_KINDS = ['proposal', 'vague', 'decline', 'optout', 'ooo', 'bounce', 'other'] as const;
export type ReplyKind = (typeof REPLY_KINDS)[number];

export interface ProposedTime {
  start: Date;
  /** A window ("Tuesday morning") has an end; a point in time does not. */
  end: Date | null;
  text: string;
}

export interface ParsedReply {
  kind: ReplyKind;
  proposals: ProposedTime[];
  ambiguous: boolean;
  alternatives: ProposedTime[];
  /** YYYY-MM-DD for out-of-office replies with a stated return date. */
  returnDate: string | null;
  /** For vague replies: the range the prospect named ("next week"). */
  range?: { start: Date; end: Date } | null;
  visibleText: string;
  /**
   * True when the reading can be acted on without asking: one clear reading of each time named. False with the
   * reasons in `uncertain` (ambiguous, a conflicting second time, an unknown zone, a date that could be past, a
   * language the detector was unsure of with a different reading in the other one); the worker then asks.
   */
  certain: boolean;
  uncertain: string[];
  /** The language the reply was read in (ISO 639-1: en, es, pt, fr, de, nl, it). */
  language?: string;
  /** Which rule or header decided (for --explain). */
  explain: string[];
}

export interface TimeInterval {
  start: Date;
  end: Date;
}

/** A meeting the worker books for the rep with a prospect. */
export interface Booking {
  /** Derived from the reply and the time (stable across retries). */
  id: string;
  accountId: string;
  prospectId: string;
  prospectEmail: string;
  prospectName: string;
  organizerEmail: string;
  organizerName: string;
  title: string;
  description: string;
  start: Date;
  end: Date;
  /** The prospect's zone: the event is written in it. */
  timeZone: string;
  reminderMinutes: number;
  conference: boolean;
  /** Where the invite email should thread, for providers that send iMIP themselves. */
  thread: ThreadRef;
}

export interface BookingResult {
  eventId: string;
  /** False when the event already existed (a retried booking). */
  created: boolean;
  conferenceUrl?: string | null;
  /**
   * Set when the event was written but the transport cannot tell whether the invite email went
   * out (a connection lost after the server may have taken it, or an earlier attempt that stopped
   * midway): the booking stands, the invite is held (never resent on its own), and this says so
   * for the rep. The event and the email are separate actions; only the email is in doubt.
   */
  inviteHeld?: string | null;
}
