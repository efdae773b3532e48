import { describe, expect, it } from 'vitest';
import { readCalendarEvents } from '../../src/providers/local/ics-event.mapper.js';
import { parseIcs } from '../../src/providers/local/ics.parser.js';

/**
 * What the parser fuzzer found, kept as plain regression tests (the fuzzer's random inputs are
 * not replayed here; these are the smallest files that showed each fault).
 */
const ics = (lines: string[]) => new TextEncoder().encode(lines.join('\r\n') + '\r\n');

describe('parser fuzzing findings', () => {
  it('a VTIMEZONE without TZID no longer makes the calendar read throw: the event is skipped and named, the others are read', () => {
    const file = ics([
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//fuzz//EN',
      'BEGIN:VTIMEZONE',
      'BEGIN:STANDARD',
      'DTSTART:19701101T020000',
      'TZOFFSETFROM:-0700',
      'TZOFFSETTO:-0800',
      'END:STANDARD',
      'END:VTIMEZONE',
      'BEGIN:VEVENT',
      'UID:broken@fuzz.example',
      'DTSTAMP:20260101T000000Z',
      'DTSTART;TZID=America/Los_Angeles:20260105T100000',
      'RECURRENCE-ID;TZID=America/Los_Angeles:20260105T100000',
      'SUMMARY:Override with an unreadable zone',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'UID:fine@fuzz.example',
      'DTSTAMP:20260101T000000Z',
      'DTSTART:20260106T100000Z',
      'DTEND:20260106T110000Z',
      'SUMMARY:Fine',
      'END:VEVENT',
      'END:VCALENDAR',
    ]);
    const read = () => readCalendarEvents(parseIcs(file), { calendarId: 'fuzz', floatingZone: 'Europe/Berlin', range: { start: new Date('2026-01-01T00:00:00Z'), end: new Date('2026-02-01T00:00:00Z') } });
    expect(read).not.toThrow();
    const result = read();
    expect(result.events.map((e) => e.event.title)).toContain('Fine');
    expect(result.problems.join('\n')).toMatch(/event broken@fuzz\.example: cannot be read/);
  });
  it('a VTIMEZONE rule repeating every second no longer hangs the read: the rule is dropped and named, the event read', () => {
    const file = ics([
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//fuzz//EN',
      'BEGIN:VTIMEZONE',
      'TZID:Fuzz Standard Time',
      'BEGIN:STANDARD',
      'DTSTART:19700101T000000',
      'TZOFFSETFROM:-0300',
      'TZOFFSETTO:-0300',
      'RRULE:FREQ=SECONDLY;COUNT=100000000',
      'END:STANDARD',
      'END:VTIMEZONE',
      'BEGIN:VEVENT',
      'UID:zone@fuzz.example',
      'DTSTAMP:20260101T000000Z',
      'DTSTART;TZID=Fuzz Standard Time:20260105T100000',
      'DTEND;TZID=Fuzz Standard Time:20260105T110000',
      'SUMMARY:In the fuzzed zone',
      'END:VEVENT',
      'END:VCALENDAR',
    ]);
    const parsed = parseIcs(file);
    expect(parsed.problems.join('\n')).toMatch(/time zone Fuzz Standard Time has a STANDARD rule repeating secondly/);
    const result = readCalendarEvents(parsed, { calendarId: 'fuzz', floatingZone: 'Europe/Berlin', range: { start: new Date('2026-01-01T00:00:00Z'), end: new Date('2026-02-01T00:00:00Z') } });
    expect(result.events.map((e) => [e.event.title, e.event.start.toISOString()])).toEqual([['In the fuzzed zone', '2026-01-05T13:00:00.000Z']]);
  });
});
