import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from './policy.js';
import { thisWeekHolds } from './nudge-words.js';

const ctx = { zone: 'America/New_York', country: 'US', policy: DEFAULT_POLICY };

describe('"another day this week" holds only in the missed meeting\'s week, with a business day ahead', () => {
  // The meeting: Monday 23 Nov 2026, 10:00 New York (15:00 UTC).
  const MEETING = new Date('2026-11-23T15:00:00Z');
  it.each([
    ['the same afternoon (Monday)', '2026-11-23T19:00:00Z', true],
    ['Tuesday', '2026-11-24T15:00:00Z', true],
    // Thanksgiving (Thu 26) is a public holiday; Friday 27 is a business day still ahead.
    ['Wednesday', '2026-11-25T15:00:00Z', true],
    ['Friday: no business day left that week', '2026-11-27T15:00:00Z', false],
    ['Sunday evening in New York (Monday in UTC)', '2026-11-30T01:00:00Z', false],
    ['a week later (Monday)', '2026-11-30T15:00:00Z', false],
    ['a week later (Tuesday)', '2026-12-01T15:00:00Z', false],
  ])('sent %s: %s', (_what, at, holds) => {
    expect(thisWeekHolds(MEETING, new Date(at), ctx)).toBe(holds);
  });

  it('a public holiday ahead is no business day: Thursday before Good Friday (UK)', () => {
    const uk = { zone: 'Europe/London', country: 'GB', policy: DEFAULT_POLICY };
    // The week of Good Friday 2027: Monday 22 to Friday 26 March. On Thursday, only the holiday is left.
    expect(thisWeekHolds(new Date('2027-03-22T10:00:00Z'), new Date('2027-03-25T10:00:00Z'), uk)).toBe(false);
    expect(thisWeekHolds(new Date('2027-03-22T10:00:00Z'), new Date('2027-03-24T10:00:00Z'), uk)).toBe(true);
  });
});
