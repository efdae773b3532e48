import { DateTime } from 'luxon';
import type { Booking } from '../../domain/types.js';
import { isIanaZone } from './ics-timezone.parser.js';
import { escapeText, formatLocal, formatUtc, paramValue, serializeLines } from './ics.writer.js';
import { buildVtimezone } from './vtimezone.writer.js';

/**
 * iCalendar objects for a booked meeting (RFC 5545) and its iTIP invitation (RFC 5546 §3.2.2).
 *
 * Times are written in the prospect's zone (DTSTART;TZID=America/New_York) with a VTIMEZONE
 * generated from the tz database, so the prospect's client shows the time they asked for.
 * A zone name that is not a valid IANA zone (or UTC itself) falls back to UTC times, which
 * every client reads the same way.
 */
export const PRODID = '-//Followup//Local Provider 1.0//EN';

export interface ItipOptions {
  method: 'REQUEST';
  /** 0 for a new meeting; increment on every significant change. */
  sequence: number;
  /** When this version was created (DTSTAMP, UTC). */
  dtstamp: Date;
}

/** The iCalendar UID of a booking: stable, so a retried booking names the same event. */
export function bookingUid(booking: Pick<Booking, 'id'>): string {
  return `${booking.id}@followup`;
}

/** The iTIP REQUEST sent to the prospect (METHOD:REQUEST). */
export function buildInvite(booking: Booking, options: ItipOptions): string {
  return serializeLines(calendarLines(booking, { ...options, method: options.method }));
}

/** The event as stored in the calendar folder: the same VEVENT, without METHOD. With
 *  `scheduleAgent: 'CLIENT'` (RFC 6638 §7.1) a CalDAV server that schedules by itself leaves the
 *  invitation to followup, which sends it once (iMIP) and can check it went out. */
export function buildCalendarObject(booking: Booking, options: Omit<ItipOptions, 'method'> & { scheduleAgent?: 'CLIENT' }): string {
  return serializeLines(calendarLines(booking, { ...options, method: null }));
}

function calendarLines(booking: Booking, options: { method: 'REQUEST' | null; sequence: number; dtstamp: Date; scheduleAgent?: 'CLIENT' }): string[] {
  const agent = options.scheduleAgent ? `;SCHEDULE-AGENT=${options.scheduleAgent}` : '';
  const zone = booking.timeZone;
  const zoned = isIanaZone(zone) && !/^(etc\/)?(utc|gmt|zulu|universal)$/i.test(zone);
  // A wall-clock time in the hour repeated when clocks go back names two instants (and
  // clients disagree on which one); such a time is written in UTC instead.
  const dateTime = (name: string, instant: Date) =>
    zoned && !isAmbiguousWallClock(instant, zone)
      ? `${name};TZID=${paramValue(zone)}:${formatLocal(DateTime.fromJSDate(instant, { zone }))}`
      : `${name}:${formatUtc(instant)}`;
  const reminder = Number.isFinite(booking.reminderMinutes) && booking.reminderMinutes >= 0 ? Math.round(booking.reminderMinutes) : null;
  return [
    'BEGIN:VCALENDAR',
    `PRODID:${PRODID}`,
    'VERSION:2.0',
    'CALSCALE:GREGORIAN',
    ...(options.method ? [`METHOD:${options.method}`] : []),
    ...(zoned ? buildVtimezone(zone, DateTime.fromJSDate(booking.start, { zone }).year) : []),
    'BEGIN:VEVENT',
    `UID:${bookingUid(booking)}`,
    `DTSTAMP:${formatUtc(options.dtstamp)}`,
    dateTime('DTSTART', booking.start),
    dateTime('DTEND', booking.end),
    `SEQUENCE:${options.sequence}`,
    `SUMMARY:${escapeText(booking.title)}`,
    ...(booking.description ? [`DESCRIPTION:${escapeText(booking.description)}`] : []),
    `ORGANIZER;CN=${paramValue(booking.organizerName)}:mailto:${booking.organizerEmail}`,
    `ATTENDEE;CN=${paramValue(booking.prospectName)};ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE${agent}:mailto:${booking.prospectEmail}`,
    `ATTENDEE;CN=${paramValue(booking.organizerName)};ROLE=CHAIR;PARTSTAT=ACCEPTED:mailto:${booking.organizerEmail}`,
    'STATUS:CONFIRMED',
    'TRANSP:OPAQUE',
    `CREATED:${formatUtc(options.dtstamp)}`,
    `LAST-MODIFIED:${formatUtc(options.dtstamp)}`,
    ...(reminder === null
      ? []
      : ['BEGIN:VALARM', 'ACTION:DISPLAY', `DESCRIPTION:${escapeText(`Reminder: ${booking.title}`)}`, `TRIGGER:-PT${reminder}M`, 'END:VALARM']),
    'END:VEVENT',
    'END:VCALENDAR',
  ];
}

const HALF_HOUR_MS = 30 * 60_000;

/** Whether another instant within three hours shows the same wall-clock time in `zone`. */
export function isAmbiguousWallClock(instant: Date, zone: string): boolean {
  const wall = formatLocal(DateTime.fromJSDate(instant, { zone }));
  for (let delta = -6; delta <= 6; delta += 1) {
    if (delta === 0) continue;
    if (formatLocal(DateTime.fromMillis(instant.getTime() + delta * HALF_HOUR_MS, { zone })) === wall) return true;
  }
  return false;
}
