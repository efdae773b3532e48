/**
 * Domain objects ↔ table rows. Pure functions. Optional domain fields come back as `null` (never
 * missing), so a value read from the store always has the same shape.
 */
import type {
  Account,
  Attempt,
  Attendee,
  CalendarEvent,
  Conference,
  Draft,
  Meeting,
  NextStep,
  NoShowEvidence,
  OutboxItem,
  OutgoingAttachment,
  ParsedReply,
  ProposedTime,
  Prospect,
  ThreadRef,
  TimeInterval,
} from '../domain/types.js';
import type { BookingRecord, CursorState, MessageRecord, SlotOffer, Suppression } from '../ports/store.js';
import {
  emailKey,
  fromFlag,
  fromIso,
  fromIsoOrNull,
  fromJson,
  fromJsonOrNull,
  reviveDate,
  reviveDateOrNull,
  toFlag,
  toIso,
  toIsoOrNull,
  toJson,
  toJsonOrNull,
} from './codec.js';
import type {
  AccountsTable,
  AttemptsTable,
  BookingsTable,
  CursorsTable,
  DraftsTable,
  EventsTable,
  MeetingsTable,
  MessagesTable,
  OutboxTable,
  ProspectsTable,
  SlotOffersTable,
  SuppressionsTable,
} from './schema.js';

// Accounts

export function accountToRow(a: Account): AccountsTable {
  return {
    id: a.id,
    email: a.email,
    email_lower: emailKey(a.email),
    name: a.name,
    time_zone: a.timeZone,
    provider: a.provider,
    role: a.role,
    status: a.status,
    status_detail: a.statusDetail ?? null,
  };
}

export function rowToAccount(r: AccountsTable): Account {
  return {
    id: r.id,
    email: r.email,
    name: r.name,
    timeZone: r.time_zone,
    provider: r.provider as Account['provider'],
    role: r.role as Account['role'],
    status: r.status as Account['status'],
    statusDetail: r.status_detail,
  };
}

// Prospects

export function prospectToRow(p: Prospect): ProspectsTable {
  return {
    id: p.id,
    account_id: p.accountId,
    email: p.email,
    email_lower: emailKey(p.email),
    name: p.name,
    company: p.company ?? null,
    time_zone: p.timeZone,
    country: p.country ?? null,
    hot_button: p.hotButton ?? null,
    material_sent_json: toJson(p.materialSent),
    next_step_json: p.nextStep ? toJson({ what: p.nextStep.what, due: toIso(p.nextStep.due) }) : null,
    status: p.status,
    paused_until: toIsoOrNull(p.pausedUntil),
    status_reason: p.statusReason ?? null,
  };
}

export function rowToProspect(r: ProspectsTable): Prospect {
  const nextStep = fromJsonOrNull<{ what: string; due: unknown }>(r.next_step_json, 'prospects.next_step_json');
  return {
    id: r.id,
    accountId: r.account_id,
    email: r.email,
    name: r.name,
    company: r.company,
    timeZone: r.time_zone,
    country: r.country,
    hotButton: r.hot_button,
    materialSent: fromJson<string[]>(r.material_sent_json, 'prospects.material_sent_json'),
    nextStep: nextStep ? ({ what: nextStep.what, due: reviveDate(nextStep.due, 'prospects.next_step_json.due') } satisfies NextStep) : null,
    status: r.status as Prospect['status'],
    pausedUntil: fromIsoOrNull(r.paused_until),
    statusReason: r.status_reason,
  };
}

// Calendar events

export function eventToRow(accountId: string, e: CalendarEvent): EventsTable {
  return {
    calendar_id: e.calendarId,
    id: e.id,
    account_id: accountId,
    uid: e.uid ?? null,
    title: e.title,
    description: e.description ?? null,
    start_at: toIso(e.start),
    end_at: toIso(e.end),
    all_day: toFlag(e.allDay),
    status: e.status,
    organizer_email: e.organizerEmail ?? null,
    attendees_json: toJson(e.attendees),
    categories_json: toJson(e.categories),
    conference_json: toJsonOrNull(e.conference),
    recurring_event_id: e.recurringEventId ?? null,
    original_start: toIsoOrNull(e.originalStart),
    updated_at: toIsoOrNull(e.updatedAt),
  };
}

export function rowToEvent(r: EventsTable): CalendarEvent {
  return {
    id: r.id,
    calendarId: r.calendar_id,
    uid: r.uid,
    title: r.title,
    description: r.description,
    start: fromIso(r.start_at),
    end: fromIso(r.end_at),
    allDay: fromFlag(r.all_day),
    status: r.status as CalendarEvent['status'],
    organizerEmail: r.organizer_email,
    attendees: fromJson<Attendee[]>(r.attendees_json, 'events.attendees_json'),
    categories: fromJson<string[]>(r.categories_json, 'events.categories_json'),
    conference: fromJsonOrNull<Conference>(r.conference_json, 'events.conference_json'),
    recurringEventId: r.recurring_event_id,
    originalStart: fromIsoOrNull(r.original_start),
    updatedAt: fromIsoOrNull(r.updated_at),
  };
}

// Meetings

export function meetingToRow(m: Meeting): MeetingsTable {
  return {
    id: m.id,
    account_id: m.accountId,
    prospect_id: m.prospectId,
    event_id: m.eventId,
    calendar_id: m.calendarId,
    title: m.title,
    start_at: toIso(m.start),
    end_at: toIso(m.end),
    outcome: m.outcome,
    prospect_response: m.prospectResponse,
    evidence_json: toJson(m.evidence),
    marked_by: m.markedBy ?? null,
    conference_json: toJsonOrNull(m.conference),
    categories_json: toJson(m.categories),
  };
}

export function rowToMeeting(r: MeetingsTable): Meeting {
  return {
    id: r.id,
    accountId: r.account_id,
    prospectId: r.prospect_id,
    eventId: r.event_id,
    calendarId: r.calendar_id,
    title: r.title,
    start: fromIso(r.start_at),
    end: fromIso(r.end_at),
    outcome: r.outcome as Meeting['outcome'],
    prospectResponse: r.prospect_response as Meeting['prospectResponse'],
    evidence: fromJson<NoShowEvidence[]>(r.evidence_json, 'meetings.evidence_json'),
    markedBy: r.marked_by,
    conference: fromJsonOrNull<Conference>(r.conference_json, 'meetings.conference_json'),
    categories: fromJson<string[]>(r.categories_json, 'meetings.categories_json'),
  };
}

// Attempts

export function attemptToRow(a: Attempt): AttemptsTable {
  return {
    id: a.id,
    prospect_id: a.prospectId,
    account_id: a.accountId,
    at: toIso(a.at),
    kind: a.kind,
    outcome: a.outcome ?? null,
    detail: a.detail,
    ref_id: a.refId ?? null,
  };
}

export function rowToAttempt(r: AttemptsTable): Attempt {
  return {
    id: r.id,
    prospectId: r.prospect_id,
    accountId: r.account_id,
    at: fromIso(r.at),
    kind: r.kind as Attempt['kind'],
    outcome: r.outcome,
    detail: r.detail,
    refId: r.ref_id,
  };
}

// Messages

export function messageToRow(m: MessageRecord): MessagesTable {
  return {
    account_id: m.accountId,
    provider_id: m.providerId,
    prospect_id: m.prospectId,
    direction: m.direction,
    message_id: m.messageId,
    thread_id: m.threadId,
    in_reply_to: m.inReplyTo,
    references_json: toJson(m.references),
    subject: m.subject,
    at: toIso(m.at),
    reply_kind: m.replyKind ?? null,
    parsed_json: toJsonOrNull(m.parsed),
    visible_text: m.visibleText ?? null,
    recorded_at: toIsoOrNull(m.recordedAt),
  };
}

function reviveProposedTime(value: ProposedTime, where: string): ProposedTime {
  return {
    ...value,
    start: reviveDate(value.start, `${where}.start`),
    end: reviveDateOrNull(value.end, `${where}.end`),
  };
}

function reviveParsedReply(parsed: ParsedReply): ParsedReply {
  const where = 'messages.parsed_json';
  return {
    ...parsed,
    proposals: (parsed.proposals ?? []).map((p, i) => reviveProposedTime(p, `${where}.proposals[${i}]`)),
    alternatives: (parsed.alternatives ?? []).map((p, i) => reviveProposedTime(p, `${where}.alternatives[${i}]`)),
    range: parsed.range
      ? { start: reviveDate(parsed.range.start, `${where}.range.start`), end: reviveDate(parsed.range.end, `${where}.range.end`) }
      : (parsed.range ?? null),
  };
}

export function rowToMessage(r: MessagesTable): MessageRecord {
  const parsed = fromJsonOrNull<ParsedReply>(r.parsed_json, 'messages.parsed_json');
  return {
    accountId: r.account_id,
    prospectId: r.prospect_id,
    direction: r.direction as MessageRecord['direction'],
    providerId: r.provider_id,
    messageId: r.message_id,
    threadId: r.thread_id,
    inReplyTo: r.in_reply_to,
    references: fromJson<string[]>(r.references_json, 'messages.references_json'),
    subject: r.subject,
    at: fromIso(r.at),
    replyKind: r.reply_kind as MessageRecord['replyKind'],
    parsed: parsed ? reviveParsedReply(parsed) : null,
    visibleText: r.visible_text,
    recordedAt: fromIsoOrNull(r.recorded_at ?? null),
  };
}

// Drafts

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

// Outbox

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

// Cursors

export function cursorToRow(c: CursorState): CursorsTable {
  return {
    account_id: c.accountId,
    cursor_key: c.key,
    cursor: c.cursor,
    last_success_at: toIsoOrNull(c.lastSuccessAt),
    last_attempt_at: toIsoOrNull(c.lastAttemptAt),
    last_error: c.lastError,
    not_before: toIsoOrNull(c.notBefore),
  };
}

export function rowToCursor(r: CursorsTable): CursorState {
  return {
    accountId: r.account_id,
    key: r.cursor_key,
    cursor: r.cursor,
    lastSuccessAt: fromIsoOrNull(r.last_success_at),
    lastAttemptAt: fromIsoOrNull(r.last_attempt_at),
    lastError: r.last_error,
    notBefore: fromIsoOrNull(r.not_before),
  };
}

// Suppressions

export function suppressionToRow(s: Suppression): SuppressionsTable {
  return { email: emailKey(s.email), reason: s.reason, at: toIso(s.at) };
}

export function rowToSuppression(r: SuppressionsTable): Suppression {
  return { email: r.email, reason: r.reason, at: fromIso(r.at) };
}

// Bookings

export function bookingToRow(b: BookingRecord): BookingsTable {
  return {
    id: b.id,
    account_id: b.accountId,
    prospect_id: b.prospectId,
    start_at: toIso(b.start),
    end_at: toIso(b.end),
    time_zone: b.timeZone,
    status: b.status,
    event_id: b.eventId,
    source_message_id: b.sourceMessageId,
    error: b.error,
    created_at: toIso(b.createdAt),
  };
}

export function rowToBooking(r: BookingsTable): BookingRecord {
  return {
    id: r.id,
    accountId: r.account_id,
    prospectId: r.prospect_id,
    start: fromIso(r.start_at),
    end: fromIso(r.end_at),
    timeZone: r.time_zone,
    status: r.status as BookingRecord['status'],
    eventId: r.event_id,
    sourceMessageId: r.source_message_id,
    error: r.error,
    createdAt: fromIso(r.created_at),
  };
}

// Slot offers

export function slotOfferToRow(o: SlotOffer): SlotOffersTable {
  return {
    id: o.id,
    prospect_id: o.prospectId,
    draft_id: o.draftId,
    slots_json: toJson(o.slots.map((s) => ({ start: toIso(s.start), end: toIso(s.end) }))),
    created_at: toIso(o.createdAt),
  };
}

export function rowToSlotOffer(r: SlotOffersTable): SlotOffer {
  const slots = fromJson<{ start: unknown; end: unknown }[]>(r.slots_json, 'slot_offers.slots_json');
  return {
    id: r.id,
    prospectId: r.prospect_id,
    draftId: r.draft_id,
    slots: slots.map(
      (s, i): TimeInterval => ({
        start: reviveDate(s.start, `slot_offers.slots_json[${i}].start`),
        end: reviveDate(s.end, `slot_offers.slots_json[${i}].end`),
      }),
    ),
    createdAt: fromIso(r.created_at),
  };
}
