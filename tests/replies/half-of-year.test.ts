import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { extractTimes } from '../../src/domain/reply/times.js';
import { matchVagueRange } from '../../src/domain/reply/intent.js';
import { PROSPECT, read } from './lang-helpers.js';

/**
 * "The second half of the month" is half a month (round 10); "the second half of 2025" or "of the year" is not: it was
 * read as the 16th of the current month (chrono's "no time here" set, "XXX is set to be released in the second half
 * of 2025", dropped to 115/116).
 */
const ref = new Date(PROSPECT.en!.ref);
const zone = PROSPECT.en!.zone;

describe('"the second half of" a year is no half-month', () => {
  it.each([
    'XXX is set to be released in the second half of 2025',
    'We plan the rollout for the first half of 2027.',
    'Budget opens in the second half of the year.',
    'That lands in the second half of this fiscal year.',
  ])('%s', (text) => {
    expect(matchVagueRange(text, ref, zone)).toBeNull();
    expect(extractTimes(text, ref, zone).filter((t) => DateTime.fromJSDate(t.start, { zone }).year === 2025 && DateTime.fromJSDate(t.start, { zone }).month === 11)).toEqual([]);
  });

  it('the second half of the month stays half a month', () => {
    const r = read('en', "Let's talk in the second half of the month.");
    expect(r.kind).toBe('vague');
    expect(DateTime.fromJSDate(r.range!.start, { zone }).day).toBe(17);
  });
});
