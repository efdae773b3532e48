import { createHash } from 'node:crypto';
import type { Attendee, Booking, CalendarEvent, RsvpResponse } from '../../domain/types.js';
import type { OutgoingEmail } from '../../ports/providers.js';
import { formatGraphDateTime, parseGraphDateTime } from './graph-time.mapper.js';

/**
 * Pure mappers between Graph JSON (the subset of microsoft-graph-types we use) and the domain.
 */

export interface GraphDateTime {
  dateTime?: string | null;
  timeZone?: string | null;
}
export interface GraphEmailAddress {
  name?: string | null;
  address?: string | null;
}
export interface GraphRecipient {
  emailAddress?: GraphEmailAddress | null;
}
export interface GraphAttendee extends GraphRecipient {
  type?: string | null;
  status?: { response?: string | null; time?: string | null } | null;
}
export interface GraphEvent {
  id?: string;
  iCalUId?: string | null;
  subject?: string | null;
  body?: { contentType?: string | null; content?: string | null } | null;
  start?: GraphDateTime | null;
  end?: GraphDateTime | null;
  isAllDay?: boolean | null;
  isCancelled?: boolean | null;
  showAs?: string | null;
  responseStatus?: { response?: string | null } | null;
  organizer?: GraphRecipient | null;
  attendees?: GraphAttendee[] | null;
  categories?: string[] | null;
  isOnlineMeeting?: boolean | null;
  onlineMeetingProvider?: string | null;
  onlineMeeting?: { joinUrl?: string | null; conferenceId?: string | null } | null;
  seriesMasterId?: string | null;
  originalStart?: string | null;
  lastModifiedDateTime?: string | null;
  transactionId?: string | null;
  reminderMinutesBeforeStart?: number | null;
  '@removed'?: { reason?: string } | null;
}
export interface GraphMessage {
  id?: string;
  conversationId?: string | null;
  internetMessageId?: string | null;
  internetMessageHeaders?: { name?: string | null; value?: string | null }[] | null;
  subject?: string | null;
  from?: GraphRecipient | null;
  toRecipients?: GraphRecipient[] | null;
  receivedDateTime?: string | null;
  isDraft?: boolean | null;
  '@removed'?: { reason?: string } | null;
}

const RESPONSE_MAP: Record<string, RsvpResponse> = {
  accepted: 'accepted',
  organizer: 'accepted',
  declined: 'declined',
  tentativelyaccepted: 'tentative',
  none: 'needs_action',
  notresponded: 'needs_action',
};

export function toRsvpResponse(response: string | null | undefined): RsvpResponse {
  return RESPONSE_MAP[(response ?? 'none').toLowerCase()] ?? 'needs_action';
}

export function fromRsvpResponse(response: RsvpResponse): string {
  return { accepted: 'accepted', declined: 'declined', tentative: 'tentativelyAccepted', needs_action: 'none' }[response];
}

/** Graph event → domain event. Throws a plain Error when the event cannot be read. */
export function toCalendarEvent(ev: GraphEvent, calendarId: string): CalendarEvent {
  if (!ev.id) throw new Error('event without id');
  if (!ev.start || !ev.end) throw new Error(`event ${ev.id} has no start or end`);
  const organizerEmail = ev.organizer?.emailAddress?.address?.toLowerCase() ?? null;
  const attendees: Attendee[] = (ev.attendees ?? [])
    .filter((a) => a.emailAddress?.address)
    .map((a) => ({
      email: a.emailAddress!.address!.toLowerCase(),
      name: a.emailAddress?.name ?? null,
      response: toRsvpResponse(a.status?.response),
    }));
  if (organizerEmail && !attendees.some((a) => a.email === organizerEmail)) {
    attendees.push({ email: organizerEmail, name: ev.organizer?.emailAddress?.name ?? null, response: 'accepted', organizer: true });
  }
  const joinUrl = ev.onlineMeeting?.joinUrl ?? null;
  const own = (ev.responseStatus?.response ?? '').toLowerCase();
  return {
    id: ev.id,
    calendarId,
    uid: ev.iCalUId ?? null,
    title: ev.subject ?? '',
    description: ev.body?.content ?? null,
    start: parseGraphDateTime(ev.start),
    end: parseGraphDateTime(ev.end),
    allDay: ev.isAllDay ?? false,
    status: ev.isCancelled ? 'cancelled' : own === 'tentativelyaccepted' ? 'tentative' : 'confirmed',
    organizerEmail,
    attendees,
    categories: ev.categories ?? [],
    conference:
      ev.isOnlineMeeting && joinUrl
        ? { provider: ev.onlineMeetingProvider === 'teamsForBusiness' ? 'teams' : 'other', id: joinUrl, joinUrl }
        : null,
    recurringEventId: ev.seriesMasterId ?? null,
    originalStart: ev.originalStart ? new Date(ev.originalStart) : null,
    updatedAt: ev.lastModifiedDateTime ? new Date(ev.lastModifiedDateTime) : null,
  };
}

/** Stable Graph transactionId for a booking (Graph dedups retried POSTs on it). */
export function transactionIdFor(bookingId: string): string {
  const h = createHash('sha256').update(`followup-booking:${bookingId}`).digest('hex');
  // UUID-shaped, as Graph's own examples use.
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/** Booking → POST /me/events body, written in the prospect's zone. */
export function toGraphEventBody(booking: Booking, options: { conference: boolean }): Record<string, unknown> {
  const start = formatGraphDateTime(booking.start, booking.timeZone);
  const end = formatGraphDateTime(booking.end, booking.timeZone);
  return {
    subject: booking.title,
    body: { contentType: 'text', content: booking.description },
    start,
    end,
    attendees: [{ type: 'required', emailAddress: { address: booking.prospectEmail, name: booking.prospectName } }],
    isReminderOn: booking.reminderMinutes > 0,
    reminderMinutesBeforeStart: booking.reminderMinutes,
    showAs: 'busy',
    responseRequested: true,
    allowNewTimeProposals: true,
    transactionId: transactionIdFor(booking.id),
    ...(options.conference ? { isOnlineMeeting: true, onlineMeetingProvider: 'teamsForBusiness' } : {}),
  };
}

/** The worker's extra headers that Graph accepts (x- only); the rest travel in the MIME path. */
export function customHeaders(email: OutgoingEmail): { name: string; value: string }[] {
  const out = Object.entries(email.headers)
    .filter(([name]) => /^x-/i.test(name))
    .map(([name, value]) => ({ name, value }));
  out.push({ name: 'X-Followup-Message-ID', value: email.messageId });
  return out;
}

export function graphBody(email: OutgoingEmail): { contentType: 'html' | 'text'; content: string } {
  return email.html ? { contentType: 'html', content: email.html } : { contentType: 'text', content: email.text };
}

export function recipient(address: string, name?: string | null): GraphRecipient {
  return { emailAddress: { address, ...(name ? { name } : {}) } };
}

export function headerOf(message: GraphMessage, name: string): string | null {
  const lower = name.toLowerCase();
  return message.internetMessageHeaders?.find((h) => (h.name ?? '').toLowerCase() === lower)?.value ?? null;
}

/** OData string literal: single quotes doubled. */
export function odataString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}
