import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { BERLIN_VTIMEZONE, calendar, range, read, vevent } from './ics-fixtures.js';

const SPRING = range('2025-03-01T00:00:00Z', '2025-04-30T00:00:00Z');
const local = (d: Date, zone = 'Europe/Berlin') => DateTime.fromJSDate(d, { zone }).toFormat('yyyy-MM-dd HH:mm ccc');

describe('recurring events', () => {
  it('keeps a weekly 09:00 Europe/Berlin series at 09:00 local across the March DST change (IANA TZID, no VTIMEZONE)', () => {
    const text = calendar(vevent('UID:weekly-1', 'SUMMARY:Standup', 'DTSTART;TZID=Europe/Berlin:20250303T090000', 'DTEND;TZID=Europe/Berlin:20250303T093000', 'RRULE:FREQ=WEEKLY;BYDAY=MO'));
    const { events, problems } = read(text, SPRING);
    expect(problems).toEqual([]);
    const starts = events.map((e) => e.event.start.toISOString());
    expect(starts).toEqual([
      '2025-03-03T08:00:00.000Z',
      '2025-03-10T08:00:00.000Z',
      '2025-03-17T08:00:00.000Z',
      '2025-03-24T08:00:00.000Z',
      '2025-03-31T07:00:00.000Z', // after the change (30 March): still 09:00 local
      '2025-04-07T07:00:00.000Z',
      '2025-04-14T07:00:00.000Z',
      '2025-04-21T07:00:00.000Z',
      '2025-04-28T07:00:00.000Z',
    ]);
    for (const { event } of events) {
      expect(local(event.start)).toMatch(/ 09:00 Mon$/);
      expect(event.end.getTime() - event.start.getTime()).toBe(30 * 60_000);
      expect(event.recurringEventId).toBe('weekly-1');
      expect(event.id).toBe(`weekly-1_${event.start.toISOString().replace(/[-:]/g, '').replace('.000', '')}`);
    }
  });

  it('does the same through the file’s own VTIMEZONE under a non-IANA name', () => {
    const text = calendar(BERLIN_VTIMEZONE, vevent('UID:weekly-2', 'DTSTART;TZID="Berlin (custom name)":20250303T090000', 'DURATION:PT45M', 'RRULE:FREQ=WEEKLY;COUNT=6'));
    const { events, problems } = read(text, SPRING, 'UTC');
    expect(problems).toEqual([]);
    expect(events.map((e) => local(e.event.start))).toEqual([
      '2025-03-03 09:00 Mon',
      '2025-03-10 09:00 Mon',
      '2025-03-17 09:00 Mon',
      '2025-03-24 09:00 Mon',
      '2025-03-31 09:00 Mon',
      '2025-04-07 09:00 Mon',
    ]);
  });

  it('applies EXDATE (also given in UTC) and RECURRENCE-ID overrides, and keeps a UTC UNTIL’s last instance', () => {
    const text = calendar(
      vevent(
        'UID:series-3',
        'SUMMARY:Weekly review',
        'DTSTART;TZID=Europe/Berlin:20250303T090000',
        'DTEND;TZID=Europe/Berlin:20250303T100000',
        'RRULE:FREQ=WEEKLY;UNTIL=20250407T070000Z',
        'EXDATE;TZID=Europe/Berlin:20250310T090000',
        'EXDATE:20250324T080000Z',
      ),
      vevent('UID:series-3', 'RECURRENCE-ID;TZID=Europe/Berlin:20250317T090000', 'SUMMARY:Weekly review (moved)', 'DTSTART;TZID=Europe/Berlin:20250318T140000', 'DTEND;TZID=Europe/Berlin:20250318T150000'),
      vevent('UID:series-3', 'RECURRENCE-ID:20250331T070000Z', 'STATUS:CANCELLED', 'SUMMARY:Weekly review', 'DTSTART;TZID=Europe/Berlin:20250331T090000', 'DTEND;TZID=Europe/Berlin:20250331T100000'),
    );
    const { events, problems } = read(text, SPRING);
    expect(problems).toEqual([]);
    const view = events
      .map(({ event, kind }) => ({ id: event.id, when: local(event.start), title: event.title, status: event.status, kind }))
      .sort((a, b) => a.when.localeCompare(b.when));
    expect(view).toEqual([
      { id: 'series-3_20250303T080000Z', when: '2025-03-03 09:00 Mon', title: 'Weekly review', status: 'confirmed', kind: 'instance' },
      { id: 'series-3_20250317T080000Z', when: '2025-03-18 14:00 Tue', title: 'Weekly review (moved)', status: 'confirmed', kind: 'override' },
      { id: 'series-3_20250331T070000Z', when: '2025-03-31 09:00 Mon', title: 'Weekly review', status: 'cancelled', kind: 'override' },
      // UNTIL 07:00Z on 7 April is exactly 09:00 local: that instance is included.
      { id: 'series-3_20250407T070000Z', when: '2025-04-07 09:00 Mon', title: 'Weekly review', status: 'confirmed', kind: 'instance' },
    ]);
    const moved = events.find((e) => e.event.id === 'series-3_20250317T080000Z')!.event;
    expect(moved.originalStart?.toISOString()).toBe('2025-03-17T08:00:00.000Z');
  });

  it('expands only inside the range, even for a series that started decades ago', () => {
    const text = calendar(vevent('UID:birthday', 'SUMMARY:Birthday', 'DTSTART;VALUE=DATE:19500314', 'DTEND;VALUE=DATE:19500315', 'RRULE:FREQ=YEARLY'));
    const { events } = read(text, range('2025-01-01T00:00:00Z', '2026-12-31T00:00:00Z'));
    expect(events.map((e) => [e.event.id, e.event.allDay, local(e.event.start), local(e.event.end)])).toEqual([
      ['birthday_20250314', true, '2025-03-14 00:00 Fri', '2025-03-15 00:00 Sat'],
      ['birthday_20260314', true, '2026-03-14 00:00 Sat', '2026-03-15 00:00 Sun'],
    ]);
  });

  it('jumps to the range instead of walking from the start: an hourly series from 1990 is read in full', () => {
    // Walking from 1990 would pass the 50,000-occurrence safety cap long before 2025 and drop them.
    const text = calendar(vevent('UID:hourly', 'SUMMARY:Ping', 'DTSTART:19900101T000000Z', 'DTEND:19900101T001500Z', 'RRULE:FREQ=HOURLY'));
    const { events, problems, fileProblems } = read(text, range('2025-03-10T00:00:00Z', '2025-03-11T00:00:00Z'));
    expect([...problems, ...fileProblems]).toEqual([]);
    expect(events).toHaveLength(24);
    expect(events[0]!.event.start.toISOString()).toBe('2025-03-10T00:00:00.000Z');
    expect(events.at(-1)!.event.start.toISOString()).toBe('2025-03-10T23:00:00.000Z');
  });

  it('keeps the phase of a fine-grained series when jumping: every 90 minutes since 1990', () => {
    const origin = Date.parse('1990-01-01T00:00:00Z');
    const period = 90 * 60_000;
    const text = calendar(vevent('UID:ninety', 'DTSTART:19900101T000000Z', 'DTEND:19900101T001000Z', 'RRULE:FREQ=MINUTELY;INTERVAL=90'));
    const window = range('2025-03-10T00:00:00Z', '2025-03-12T00:00:00Z');
    const { events, problems } = read(text, window);
    expect(problems).toEqual([]);
    // Every start a whole number of periods after DTSTART, and none missing in the window.
    const first = Math.ceil((window.start.getTime() - 10 * 60_000 - origin) / period);
    const last = Math.floor((window.end.getTime() - 1 - origin) / period);
    expect(events.map((e) => e.event.start.getTime())).toEqual(Array.from({ length: last - first + 1 }, (_, i) => origin + (first + i) * period));
  });

  it('an hourly series in a zone with DST keeps its wall-clock hours across the change', () => {
    const text = calendar(vevent('UID:berlin', 'DTSTART;TZID=Europe/Berlin:20000101T083000', 'DTEND;TZID=Europe/Berlin:20000101T084500', 'RRULE:FREQ=HOURLY;INTERVAL=4'));
    const { events, problems } = read(text, range('2025-03-29T12:00:00Z', '2025-03-30T12:00:00Z'));
    expect(problems).toEqual([]);
    // 08:30 + 4 h steps on the wall clock: ..., 12:30, 16:30, 20:30, 00:30, 04:30, 08:30, 12:30.
    // On 30 March 02:00 becomes 03:00 (CET -> CEST): the local times stay on the 4-hour grid.
    expect(events.map((e) => local(e.event.start))).toEqual([
      '2025-03-29 16:30 Sat',
      '2025-03-29 20:30 Sat',
      '2025-03-30 00:30 Sun',
      '2025-03-30 04:30 Sun',
      '2025-03-30 08:30 Sun',
      '2025-03-30 12:30 Sun',
    ]);
  });

  it('handles monthly rules moved forward from an old start (BYDAY=2TU) and RDATE', () => {
    const text = calendar(vevent('UID:board', 'DTSTART:20000111T150000Z', 'DTEND:20000111T160000Z', 'RRULE:FREQ=MONTHLY;BYDAY=2TU', 'RDATE:20250320T150000Z'));
    const { events } = read(text, range('2025-03-01T00:00:00Z', '2025-05-01T00:00:00Z'));
    expect(events.map((e) => e.event.start.toISOString())).toEqual(['2025-03-11T15:00:00.000Z', '2025-03-20T15:00:00.000Z', '2025-04-08T15:00:00.000Z']);
  });

  it('reads an override whose series is in another file (RECURRENCE-ID without master)', () => {
    const text = calendar(vevent('UID:orphan', 'RECURRENCE-ID:20250305T100000Z', 'DTSTART:20250305T110000Z', 'DTEND:20250305T113000Z', 'SUMMARY:Moved instance'));
    const { events } = read(text, SPRING);
    expect(events.map((e) => [e.event.id, e.event.recurringEventId, e.event.start.toISOString()])).toEqual([['orphan_20250305T100000Z', 'orphan', '2025-03-05T11:00:00.000Z']]);
  });
});
