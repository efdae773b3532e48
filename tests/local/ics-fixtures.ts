import type { TimeInterval } from '../../src/domain/types.js';
import { readCalendarEvents, type ReadEventsResult } from '../../src/providers/local/ics-event.mapper.js';
import { parseIcs } from '../../src/providers/local/ics.parser.js';

/** VCALENDAR text from VEVENT (and VTIMEZONE) lines. */
export function calendar(...components: string[][]): string {
  return ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//followup tests//EN', ...components.flat(), 'END:VCALENDAR', ''].join('\r\n');
}

export function vevent(...lines: string[]): string[] {
  return ['BEGIN:VEVENT', 'DTSTAMP:20250101T000000Z', ...lines, 'END:VEVENT'];
}

export const BERLIN_VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  'TZID:Berlin (custom name)',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
];

export function read(text: string, range: TimeInterval, floatingZone = 'Europe/Berlin'): ReadEventsResult & { fileProblems: string[] } {
  const parsed = parseIcs(Buffer.from(text, 'utf8'));
  return { ...readCalendarEvents(parsed, { calendarId: 'cal', floatingZone, range }), fileProblems: parsed.problems };
}

export const range = (start: string, end: string): TimeInterval => ({ start: new Date(start), end: new Date(end) });
