/**
 * Builders for store tests: complete domain objects (every optional field given, so a round trip
 * can be compared with toEqual) with fixed instants, overridable field by field.
 */
import type {
  Account,
  Attempt,
  CalendarEvent,
  Draft,
  Meeting,
  OutboxItem,
  ParsedReply,
  Prospect,
} from '../../src/domain/types.js';
import type { BookingRecord, CursorState, MessageRecord, SlotOffer } from '../../src/ports/store.js';

/** A fixed "now" for every test: Monday 2025-03-10 14:30:15.123 UTC. */
export const T0 = new Date('2025-03-10T14:30:15.123Z');

export function at(offsetMs: number, base: Date = T0): Date {
  return new Date(base.getTime() + offsetMs);
}

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

export function anAccount(over: Partial<Account> = {}): Account {
  return {
    id: 'acc_1',
    email: 'Rep.One@Example.com',
    name: 'Rep One',
    timeZone: 'Europe/Paris',
    provider: 'google',
    role: 'rep',
    status: 'connected',
    statusDetail: null,
    ...over,
  };
}

export function aProspect(over: Partial<Prospect> = {}): Prospect {
  return {
    id: 'pro_1',
    accountId: 'acc_1',
    email: 'Linda.Buyer@Customer.example',
    name: 'Linda Buyer',
    company: 'Customer Inc.',
    timeZone: 'America/New_York',
    country: 'US',
    hotButton: 'time to value',
    materialSent: ['Pricing sheet', 'https://example.com/case-study'],
    nextStep: { what: 'send the revised proposal', due: at(3 * DAY_MS + 7) },
    status: 'open',
    pausedUntil: null,
    statusReason: null,
    ...over,
  };
}

export function anEvent(over: Partial<CalendarEvent> = {}): CalendarEvent {
  return {
    id: 'evt_1',
    calendarId: 'cal_1',
    uid: 'uid-1@example.com',
    title: 'Demo with Customer Inc.',
    description: 'Agenda: demo, pricing',
    start: at(-2 * HOUR_MS + 1),
    end: at(-1 * HOUR_MS + 999),
    allDay: false,
    status: 'confirmed',
    organizerEmail: 'rep.one@example.com',
    attendees: [
      { email: 'rep.one@example.com', name: 'Rep One', response: 'accepted', organizer: true },
      { email: 'linda.buyer@customer.example', name: null, response: 'needs_action' },
    ],
    categories: ['no-show'],
    conference: { provider: 'meet', id: 'abc-defg-hij', joinUrl: 'https://meet.google.com/abc-defg-hij' },
    recurringEventId: null,
    originalStart: null,
    updatedAt: at(-3 * DAY_MS),
    ...over,
  };
}

export function aMeeting(over: Partial<Meeting> = {}): Meeting {
  return {
    id: 'mtg_1',
    accountId: 'acc_1',
    prospectId: 'pro_1',
    eventId: 'evt_1',
    calendarId: 'cal_1',
    title: 'Demo with Customer Inc.',
    start: at(-2 * HOUR_MS),
    end: at(-1 * HOUR_MS),
    outcome: 'scheduled',
    prospectResponse: 'needs_action',
    evidence: [],
    markedBy: null,
    conference: null,
    categories: [],
    ...over,
  };
}

export function anAttempt(over: Partial<Attempt> = {}): Attempt {
  return {
    id: 'att_1',
    prospectId: 'pro_1',
    accountId: 'acc_1',
    at: T0,
    kind: 'meeting',
    outcome: 'missed',
    detail: 'Linda did not join the demo.',
    refId: 'mtg_1',
    ...over,
  };
}

export function aParsedReply(): ParsedReply {
  return {
    kind: 'proposal',
    proposals: [{ start: at(2 * DAY_MS), end: at(2 * DAY_MS + HOUR_MS), text: 'Wednesday 10am' }],
    ambiguous: true,
    alternatives: [{ start: at(9 * DAY_MS), end: null, text: 'or the week after' }],
    returnDate: null,
    range: { start: at(7 * DAY_MS), end: at(14 * DAY_MS - 1) },
    visibleText: 'How about Wednesday 10am? Meeting on 2025-03-12T10:00:00.000Z works too.',
    certain: false,
    uncertain: ['ambiguous: "next <weekday>" within this week'],
    explain: ['chrono: Wednesday 10am'],
  };
}

export function aMessage(over: Partial<MessageRecord> = {}): MessageRecord {
  return {
    accountId: 'acc_1',
    prospectId: 'pro_1',
    direction: 'in',
    providerId: 'gm_1',
    messageId: '<reply-1@customer.example>',
    threadId: 'thr_1',
    inReplyTo: '<out-1@example.com>',
    references: ['<out-1@example.com>'],
    subject: 'Re: Re: Our demo',
    at: T0,
    replyKind: 'proposal',
    parsed: aParsedReply(),
    visibleText: 'How about Wednesday 10am?',
    recordedAt: at(HOUR_MS),
    ...over,
  };
}

export function aDraft(over: Partial<Draft> = {}): Draft {
  return {
    id: 'drf_1',
    accountId: 'acc_1',
    prospectId: 'pro_1',
    reasonKey: 'missed:mtg_1:1',
    template: 'missed-nudge-1',
    to: 'linda.buyer@customer.example',
    subject: 'Sorry we missed you',
    text: 'Hi Linda, ...',
    html: '<p>Hi Linda, ...</p>',
    status: 'pending',
    sendAt: at(HOUR_MS),
    reason: 'Linda missed the demo.',
    evidence: [{ kind: 'rsvp', confidence: 'possible', detail: 'Linda never answered the invite.' }],
    thread: {
      threadId: 'thr_1',
      inReplyTo: '<x@example.com>',
      references: ['<w@example.com>', '<x@example.com>'],
      subject: 'Our demo',
      replyToProviderId: 'gm_0',
    },
    autoApproved: false,
    approvedBy: null,
    approvedAt: null,
    rejectedReason: null,
    rejectedBy: null,
    rejectedAt: null,
    cancelledReason: null,
    sendAtByRep: false,
    editedBy: null,
    editedAt: null,
    createdAt: T0,
    attachments: [{ filename: 'invite.ics', contentType: 'text/calendar', content: 'BEGIN:VCALENDAR', method: 'REQUEST' }],
    nativeDraftId: null,
    messageId: null,
    ...over,
  };
}

export function anOutboxItem(over: Partial<OutboxItem> = {}): OutboxItem {
  return {
    id: 'out_1',
    draftId: null,
    accountId: 'acc_1',
    prospectId: 'pro_1',
    messageId: '<out-1@example.com>',
    from: { email: 'rep.one@example.com', name: 'Rep One' },
    to: 'linda.buyer@customer.example',
    subject: 'Sorry we missed you',
    text: 'Hi Linda, ...',
    html: null,
    thread: { threadId: null, inReplyTo: null, references: [], subject: null, replyToProviderId: null },
    attachments: [],
    status: 'approved',
    attempts: 0,
    notBefore: T0,
    lastError: null,
    sentAt: null,
    providerMessageId: null,
    createdAt: T0,
    ...over,
  };
}

export function aCursor(over: Partial<CursorState> = {}): CursorState {
  return {
    accountId: 'acc_1',
    key: 'calendar:cal_1',
    cursor: 'sync-token-1',
    lastSuccessAt: at(-MINUTE_MS),
    lastAttemptAt: T0,
    lastError: null,
    notBefore: null,
    ...over,
  };
}

export function aBooking(over: Partial<BookingRecord> = {}): BookingRecord {
  return {
    id: 'bkg_1',
    accountId: 'acc_1',
    prospectId: 'pro_1',
    start: at(2 * DAY_MS),
    end: at(2 * DAY_MS + 30 * MINUTE_MS),
    timeZone: 'America/New_York',
    status: 'pending',
    eventId: null,
    sourceMessageId: '<reply-1@customer.example>',
    error: null,
    createdAt: T0,
    ...over,
  };
}

export function aSlotOffer(over: Partial<SlotOffer> = {}): SlotOffer {
  return {
    id: 'slo_1',
    prospectId: 'pro_1',
    draftId: 'drf_1',
    slots: [
      { start: at(DAY_MS + 1), end: at(DAY_MS + 30 * MINUTE_MS + 1) },
      { start: at(2 * DAY_MS + 2), end: at(2 * DAY_MS + 30 * MINUTE_MS + 2) },
    ],
    createdAt: T0,
    ...over,
  };
}
