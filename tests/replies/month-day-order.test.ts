import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { parseReply } from '../../src/domain/reply/index.js';
import { msg } from './helpers.js';

/**
 * A month name before its day ("June 17") and a clock time straight after a date ("17 June 10.30"), read where the
 * prospect's country writes the day first (the UK, Ireland, Europe, Singapore...). chrono's day-first English took
 * "June 17" for June 2017 and "17 June 10.30" for 17 June 2010: both were dropped as past, and the reply read as no
 * time, or as the hour alone on the wrong day. Every prospect writes on Friday 12 June 2026 at 08:20 local time.
 */
const REF: Record<string, string> = { 'Europe/London': '2026-06-12T07:20:00Z', 'Europe/Paris': '2026-06-12T06:20:00Z', 'Asia/Singapore': '2026-06-12T00:20:00Z' };

function readIn(zone: string, text: string, headers: Record<string, string> = {}) {
  return parseReply({ message: msg(text, REF[zone]!, { headers }), timeZone: zone });
}
const wall = (zone: string, d: Date | undefined) => (d ? DateTime.fromJSDate(d, { zone }).toFormat('yyyy-MM-dd HH:mm') : null);

describe('a month name before its day is that day, in a day-first country', () => {
  it.each([
    ['Europe/London', 'June 17 at 10:30 works for me.', '2026-06-17 10:30'],
    ['Europe/London', 'How about June 17, 10:30?', '2026-06-17 10:30'],
    ['Europe/London', 'Jun 19 @ 2pm works', '2026-06-19 14:00'],
  ])('%s: "%s" is %s', (zone, text, want) => {
    const r = readIn(zone, text);
    expect(r.kind, JSON.stringify(r.explain)).toBe('proposal');
    expect(wall(zone, r.proposals[0]?.start), JSON.stringify(r.explain)).toBe(want);
    expect(r.certain, JSON.stringify(r.explain)).toBe(true);
  });

  it.each([
    ['Europe/London', 'On June 18th at 3pm?', '2026-06-18 15:00'],
    ['Asia/Singapore', 'Sept 3 at 9am?', '2026-09-03 09:00'],
    ['Asia/Singapore', 'Could we do July 2 at 4pm SGT?', '2026-07-02 16:00'],
  ])('%s: already read, stays ("%s")', (zone, text, want) => {
    expect(wall(zone, readIn(zone, text).proposals[0]?.start)).toBe(want);
  });

  it('an away notice "back on Monday June 22" returns on the 22nd, not the next Monday', () => {
    const r = readIn('Europe/London', 'I am on leave. Back on Monday June 22.', { 'auto-submitted': 'auto-replied' });
    expect(r.kind).toBe('ooo');
    expect(r.returnDate).toBe('2026-06-22');
  });

  it.each([
    ['Europe/London', 'The contract runs from August 10 - 22, 2026.'],
    ['Europe/London', 'We may 5x our volume by the end of the year.'],
  ])('%s: a range or a verb stays as it was: "%s" is no proposal', (zone, text) => {
    expect(readIn(zone, text).kind).not.toBe('proposal');
  });

  it('property: "<Month> <day> at <h>:<mm>" in London is that day and time (seed printed on failure)', () => {
    const months = ['July', 'August', 'September', 'October', 'November', 'December'];
    fc.assert(fc.property(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 1, max: 28 }), fc.integer({ min: 9, max: 16 }), fc.constantFrom(0, 15, 30, 45), (m, day, hour, minute) => {
      const hh = String(hour).padStart(2, '0');
      const mm = String(minute).padStart(2, '0');
      const r = readIn('Europe/London', `Could we do ${months[m]} ${day} at ${hh}:${mm}?`);
      const want = `2026-${String(m + 7).padStart(2, '0')}-${String(day).padStart(2, '0')} ${hh}:${mm}`;
      return r.kind === 'proposal' && wall('Europe/London', r.proposals[0]?.start) === want;
    }), { numRuns: 60, seed: Number(process.env.FC_SEED ?? Date.now() % 1_000_000), verbose: 1 });
  });
});

describe('a clock time straight after a day and its month is that time, in the seven languages', () => {
  it.each([
    ['Europe/London', 'Weds 17th June 10.30am works.', '2026-06-17 10:30'],
    ['Europe/London', '17 June 10.30 works.', '2026-06-17 10:30'],
    ['Europe/Paris', '17 juin 10.30, ça me va.', '2026-06-17 10:30'],
    ['Europe/Paris', 'Mercoledì 17 giugno 10.30 va bene.', '2026-06-17 10:30'],
    ['Europe/Paris', 'El miércoles 17 de junio 11.30 me va bien.', '2026-06-17 11:30'],
    ['Europe/Paris', 'Quarta, 17 de junho 10.30 funciona para mim.', '2026-06-17 10:30'],
  ])('%s: "%s" is %s', (zone, text, want) => {
    const r = readIn(zone, text);
    expect(r.kind, JSON.stringify(r.explain)).toBe('proposal');
    expect(wall(zone, r.proposals[0]?.start), JSON.stringify(r.explain)).toBe(want);
  });

  it.each([
    ['Europe/London', '17 June 2026 10:30 works.', '2026-06-17 10:30'],
    ['Europe/London', '18 June, 11:15 is fine', '2026-06-18 11:15'],
    ['Europe/Paris', 'Mittwoch, 17. Juni 10.30 Uhr passt.', '2026-06-17 10:30'],
    ['Europe/Paris', 'woensdag 17 juni 10.30 past prima', '2026-06-17 10:30'],
  ])('%s: already read, stays ("%s")', (zone, text, want) => {
    expect(wall(zone, readIn(zone, text).proposals[0]?.start)).toBe(want);
  });
});
