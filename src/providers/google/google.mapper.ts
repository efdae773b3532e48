import { createHash } from 'node:crypto';
import { DateTime } from 'luxon';
import type { calendar_v3 } from '@googleapis/calendar';
import type { meet_v2 } from '@googleapis/meet';
import type { Attendee, Booking, CalendarEvent, Conference, RsvpResponse } from '../../domain/types.js';
import type { AttendanceParticipant } from '../../ports/providers.js';

/** Pure mapping between Google's JSON and the domain. */

const RSVP: Record<string, RsvpResponse> = {
  accepted: 'accepted',
  declined: 'declined',
  tentative: 'tentative',
  needsAction: 'needs_action',
};

export function toRsvpResponse(status: string | null | undefined): RsvpResponse {
  return RSVP[status ?? ''] ?? 'needs_action';
}

/** Private extended property naming the booking an event was created for. */
export const BOOKING_PROPERTY = 'followupBooking';
/** Private extended property holding comma-separated categories (Google has no categories field). */
export const CATEGORIES_PROPERTY = 'categories';

function toInstant(t: calendar_v3.Schema$EventDateTime | undefined, zone: string): { at: Date; allDay: boolean } | null {
  if (t?.dateTime) {
    const ms = Date.parse(t.dateTime);
    if (!Number.isNaN(ms) && /([zZ]|[+-]\d{2}:?\d{2})$/.test(t.dateTime)) return { at: new Date(ms), allDay: false };
    const local = DateTime.fromISO(t.dateTime, { zone: t.timeZone ?? zone });
    return local.isValid ? { at: local.toJSDate(), allDay: false } : null;
  }
  if (t?.date) {
    const day = DateTime.fromISO(t.date, { zone: t.timeZone ?? zone });
    return day.isValid ? { at: day.toJSDate(), allDay: true } : null;
  }
  return null;
}

export function toConference(ev: calendar_v3.Schema$Event): Conference | null {
  const data = ev.conferenceData;
  const video = data?.entryPoints?.find((p) => p.entryPointType === 'video')?.uri ?? ev.hangoutLink ?? null;
  const type = data?.conferenceSolution?.key?.type ?? data?.createRequest?.conferenceSolutionKey?.type;
  if (data?.conferenceId && (type === 'hangoutsMeet' || !type)) return { provider: 'meet', id: data.conferenceId, joinUrl: video };
  if (ev.hangoutLink) {
    const code = ev.hangoutLink.replace(/^https?:\/\/meet\.google\.com\//, '').split(/[?#]/)[0] ?? ev.hangoutLink;
    return { provider: 'meet', id: code, joinUrl: ev.hangoutLink };
  }
  if (data?.conferenceId) return { provider: 'other', id: data.conferenceId, joinUrl: video };
  return null;
}

/** A Google event → domain event; null for a cancelled entry (the caller treats it as deleted)
 *  or one without usable times. `zone` is the calendar's zone (for all-day dates). */
/**
 * The store's key for one account's Google calendar. Store migration 0008 rewrites older rows
 * (keyed by Google's id alone, "primary" for every rep) to this same form.
 */
export function googleCalendarKey(accountId: string, googleCalendarId: string): string {
  return `google:${accountId}:${googleCalendarId}`;
}

export function toCalendarEvent(ev: calendar_v3.Schema$Event, calendarId: string, zone: string): CalendarEvent | null {
  if (!ev.id || ev.status === 'cancelled') return null;
  const start = toInstant(ev.start, zone);
  const end = toInstant(ev.end, zone);
  if (!start || !end) return null;
  const attendees: Attendee[] = (ev.attendees ?? [])
    .filter((a): a is calendar_v3.Schema$EventAttendee & { email: string } => Boolean(a.email))
    .map((a) => ({
      email: a.email.toLowerCase(),
      name: a.displayName ?? null,
      response: toRsvpResponse(a.responseStatus),
      ...(a.organizer ? { organizer: true } : {}),
    }));
  const categories = (ev.extendedProperties?.private?.[CATEGORIES_PROPERTY] ?? '')
    .split(',')
    .map((c) => c.trim())
    .filter(Boolean);
  const originalStart = ev.originalStartTime ? toInstant(ev.originalStartTime, zone)?.at ?? null : null;
  return {
    id: ev.id,
    calendarId,
    uid: ev.iCalUID ?? null,
    title: ev.summary ?? '(no title)',
    description: ev.description ?? null,
    start: start.at,
    end: end.at,
    allDay: start.allDay,
    status: ev.status === 'tentative' ? 'tentative' : 'confirmed',
    organizerEmail: ev.organizer?.email?.toLowerCase() ?? null,
    attendees,
    categories,
    conference: toConference(ev),
    recurringEventId: ev.recurringEventId ?? null,
    originalStart,
    updatedAt: ev.updated ? new Date(ev.updated) : null,
  };
}

const BASE32HEX = '0123456789abcdefghijklmnopqrstuv';

/** A Calendar event id derived from the booking id: base32hex (a–v, 0–9) of SHA-256, 32 chars.
 *  A retried insert of the same booking uses the same id, so Google answers 409 instead of double-booking. */
export function bookingEventId(bookingId: string): string {
  const bytes = createHash('sha256').update(`followup-booking:${bookingId}`).digest();
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32HEX[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out.slice(0, 32);
}

function zoned(at: Date, zone: string): string {
  return DateTime.fromJSDate(at, { zone }).toISO({ suppressMilliseconds: true }) ?? at.toISOString();
}

/** The events.insert request body for a booking. */
export function toBookingEvent(booking: Booking): calendar_v3.Schema$Event {
  const id = bookingEventId(booking.id);
  return {
    id,
    summary: booking.title,
    description: booking.description,
    start: { dateTime: zoned(booking.start, booking.timeZone), timeZone: booking.timeZone },
    end: { dateTime: zoned(booking.end, booking.timeZone), timeZone: booking.timeZone },
    attendees: [{ email: booking.prospectEmail, displayName: booking.prospectName }],
    reminders: { useDefault: false, overrides: [{ method: 'popup', minutes: booking.reminderMinutes }] },
    extendedProperties: { private: { [BOOKING_PROPERTY]: booking.id } },
    ...(booking.conference
      ? { conferenceData: { createRequest: { requestId: id, conferenceSolutionKey: { type: 'hangoutsMeet' } } } }
      : {}),
  };
}

export function conferenceUrlOf(ev: calendar_v3.Schema$Event): string | null {
  return ev.hangoutLink ?? ev.conferenceData?.entryPoints?.find((p) => p.entryPointType === 'video')?.uri ?? null;
}

export function toAttendanceParticipant(p: meet_v2.Schema$Participant): AttendanceParticipant {
  const name = p.signedinUser?.displayName ?? p.anonymousUser?.displayName ?? p.phoneUser?.displayName ?? null;
  // Meet never returns an email for a participant; the signed-in user id is not an address.
  return { email: null, displayName: name };
}

/** Headers of a `format=metadata` message, by lower-cased name. */
export function headerMap(headers: { name?: string | null; value?: string | null }[] | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const h of headers ?? []) if (h.name) out[h.name.toLowerCase()] = h.value ?? '';
  return out;
}

export function addressOf(value: string | undefined): string | null {
  if (!value) return null;
  const m = value.match(/<([^>]+)>/);
  return (m ? m[1]! : value).trim().toLowerCase() || null;
}

export function firstMessageId(value: string | undefined): string | null {
  return value?.match(/<[^>]+>/)?.[0] ?? null;
}

export function bareMessageId(messageId: string): string {
  return messageId.trim().replace(/^<|>$/g, '');
}
