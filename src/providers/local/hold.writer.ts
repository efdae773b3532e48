import type { CallHold } from '../../domain/call-holds.js';
import { escapeText, formatUtc, serializeLines } from './ics.writer.js';

/** The category every call hold carries, so the rep (and a sync) can tell it from a meeting. */
export const CALL_HOLD_CATEGORY = 'followup-call-hold';
const PRODID = '-//followup//call holds//EN';

/** The .ics file name of a hold: derived from its UID (stable across runs). */
export function holdFileName(uid: string): string {
  return `${uid.replace(/[^A-Za-z0-9._-]/g, '_')}.ics`;
}

/** A call hold as an iCalendar object: the rep's own event, no attendees, an alarm when it starts. */
export function buildHoldObject(hold: CallHold, dtstamp: Date): string {
  return serializeLines([
    'BEGIN:VCALENDAR',
    `PRODID:${PRODID}`,
    'VERSION:2.0',
    'CALSCALE:GREGORIAN',
    'BEGIN:VEVENT',
    `UID:${hold.uid}`,
    `DTSTAMP:${formatUtc(dtstamp)}`,
    `DTSTART:${formatUtc(hold.start)}`,
    `DTEND:${formatUtc(hold.end)}`,
    `SUMMARY:${escapeText(hold.title)}`,
    `DESCRIPTION:${escapeText(hold.description)}`,
    `CATEGORIES:${CALL_HOLD_CATEGORY}`,
    'STATUS:CONFIRMED',
    'TRANSP:OPAQUE',
    'BEGIN:VALARM',
    'ACTION:DISPLAY',
    `DESCRIPTION:${escapeText(hold.title)}`,
    'TRIGGER:PT0M',
    'END:VALARM',
    'END:VEVENT',
    'END:VCALENDAR',
  ]);
}
