import { describe, expect, it } from 'vitest';
import { local, read, reads, type Offer } from './lang-helpers.js';

/**
 * A reply that is only an hour too large to be a slot's number ("10 works" over slots at 10:00 and 14:00) picks the
 * offered slot at that hour. It read as no time at all: "10" alone is no clock time, and only 1–9 were taken as a
 * slot's number. Every prospect writes on Monday 17 November 2025 at 09:12 local time.
 */
const offer: Offer = { offered: [['2025-11-19 10:00', '2025-11-19 10:30'], ['2025-11-19 14:00', '2025-11-19 14:30']] };

describe('an hour alone picks the offered slot at that hour', () => {
  it.each([
    ['en', '10 works.', '2025-11-19 10:00'],
    ['en', '14 is fine', '2025-11-19 14:00'],
    ['es', '10 me va', '2025-11-19 10:00'],
    ['it', '14 va bene', '2025-11-19 14:00'],
  ])('%s: "%s" is %s, certain', (lang, text, wall) => {
    const r = read(lang, text, offer);
    reads(lang, text, wall, offer);
    expect(r.certain, JSON.stringify(r.explain)).toBe(true);
  });

  it.each([
    ['pt', '14h pode ser', '2025-11-19 14:00'],
    ['fr', '10h parfait', '2025-11-19 10:00'],
    ['de', '14 Uhr passt', '2025-11-19 14:00'],
    ['nl', '10 uur graag', '2025-11-19 10:00'],
  ])('%s: a clock time of its language, already read, stays ("%s")', (lang, text, wall) => { reads(lang, text, wall, offer); });

  it('the same hour offered on two days is asked about, both among the first readings', () => {
    const r = read('en', '10 works.', { offered: [['2025-11-19 10:00', '2025-11-19 10:30'], ['2025-11-20 10:00', '2025-11-20 10:30']] });
    expect(r.kind).toBe('proposal');
    expect(r.certain).toBe(false);
    expect([r.proposals[0], ...r.alternatives].map((p) => p?.start.getTime())).toEqual([local('en', '2025-11-19 10:00').getTime(), local('en', '2025-11-20 10:00').getTime()]);
  });

  it('an hour no slot is at picks nothing', () => {
    expect(read('en', '11 works.', offer).proposals).toEqual([]);
  });

  it('a slot number stays a slot number ("2 works" is the second slot)', () => {
    reads('en', '2 works', '2025-11-19 14:00', offer);
  });
});
