import { describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { extractTimes } from '../../src/domain/reply/index.js';
import { MON_NY } from './helpers.js';

const REF = new Date(MON_NY); // Monday 2025-11-17 10:12 New York
const utc = (local: string, zone: string) => DateTime.fromISO(local, { zone }).toUTC().toISO();
const firstStart = (text: string, zone: string, strict: boolean) => extractTimes(text, REF, zone, strict ? { strict } : {})[0]?.start.toISOString() ?? null;

/**
 * Strict reading (like chrono-node's `chrono.strict`) beside the default casual one: strict keeps only fully written
 * dates and times (a calendar date, or a clock time with minutes or am/pm); casual also reads weekdays, relative
 * words, abbreviated durations and bare hours.
 * `null` = nothing read.
 */
describe('extractTimes: strict vs casual (reference Monday 2025-11-17 10:12 New York)', () => {
  const NY = 'America/New_York';
  it.each([
    // [name, text, zone, casual, strict]
    ['bare weekday', 'Tuesday works', NY, '2025-11-18T09:00', null],
    ['weekday + part of day', 'Tuesday morning works', NY, '2025-11-18T09:00', null],
    ['weekday + clock time (no calendar date)', 'Tuesday at 3pm works', NY, '2025-11-18T15:00', null],
    ['relative word', 'tomorrow works', NY, '2025-11-18T09:00', null],
    ['relative week (a range)', 'next week works', NY, '2025-11-24T00:00', null],
    ['abbreviated duration', 'in 15m', NY, '2025-11-17T15:27:00.000Z@', null],
    ['abbreviated "ago"', '5h ago', NY, '2025-11-17T10:12:00.000Z@', null],
    ['bare hour', "I'm at 10", NY, '2025-11-17T10:00', null],
    ['impossible month', '2024/13/1', NY, '2024-01-13T12:00', null],
    ['ordinal day only', 'the 3rd works', NY, '2025-12-03T09:00', null],
    ['bounded bare hour', 'After 3 on Wednesday works', NY, '2025-11-19T15:00', null],
    ['holiday', 'after Thanksgiving?', NY, '2025-11-27T00:00', null],
    ['weekday with a calendar date and time', 'Tuesday, Nov 25 at 3pm', NY, '2025-11-25T15:00', '2025-11-25T15:00'],
    ['clock time with am/pm (today)', 'at 3pm works', NY, '2025-11-17T15:00', '2025-11-17T15:00'],
    ['calendar date', 'November 24, 2025', NY, '2025-11-24T12:00', '2025-11-24T12:00'],
    ['calendar date with time', 'Nov 24 at 10:30am works', NY, '2025-11-24T10:30', '2025-11-24T10:30'],
    ['numeric US date with time', '11/24/2025 at 2pm', NY, '2025-11-24T14:00', '2025-11-24T14:00'],
    ['ISO instant', '2025-11-24T14:00:00Z', NY, '2025-11-24T14:00:00.000Z@', '2025-11-24T14:00:00.000Z@'],
    ['dotted day-first date and clock', 'Am 24.11.2025 um 14:00', 'Europe/Berlin', '2025-11-24T14:00', '2025-11-24T14:00'],
    ['clock with minutes', '10h30 ça marche', 'Europe/Paris', '2025-11-17T10:30', '2025-11-17T10:30'],
    ['spelled-out duration', 'in 15 minutes', NY, '2025-11-17T15:27:00.000Z@', '2025-11-17T15:27:00.000Z@'],
  ])('%s: %s', (_n, text, zone, casual, strict) => {
    // A value ending in "@" is already a UTC instant; otherwise a wall time in `zone`.
    const want = (v: string | null) => (v === null ? null : v.endsWith('@') ? v.slice(0, -1) : utc(v, zone));
    expect(firstStart(text, zone, false)).toBe(want(casual));
    expect(firstStart(text, zone, true)).toBe(want(strict));
  });

  it('strict keeps the scheduling conventions for what it does read (a date alone = 09:00–17:00 window)', () => {
    const [t] = extractTimes('Can we meet November 24, 2025?', REF, NY, { strict: true });
    expect(t?.grain).toBe('day');
    expect(t?.start.toISOString()).toBe(utc('2025-11-24T09:00', NY));
  });

  it('strict drops the bare weekday but keeps the dated option beside it', () => {
    const found = extractTimes('Tuesday or Nov 25 at 2pm', REF, NY, { strict: true });
    expect(found.map((t) => t.text)).toEqual(['Nov 25 at 2pm']);
  });
});
