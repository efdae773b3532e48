import { describe, expect, it } from 'vitest';
import {
  addBusinessDays,
  addBusinessMinutes,
  countryForZone,
  isBusinessInstant,
  localTimeToInstant,
  nextBusinessInstant,
  publicHolidays,
} from './business-time.js';
import type { BusinessContext } from './business-time.js';
import { DEFAULT_POLICY } from './policy.js';
import type { FollowUpPolicy } from './policy.js';

const EVERY_DAY = [1, 2, 3, 4, 5, 6, 7];
const policyWith = (hours: Partial<FollowUpPolicy['businessHours']>, rest: Partial<FollowUpPolicy> = {}): FollowUpPolicy => ({
  ...DEFAULT_POLICY,
  ...rest,
  businessHours: { ...DEFAULT_POLICY.businessHours, ...hours },
});
const ctx = (zone: string, policy: FollowUpPolicy = DEFAULT_POLICY, country?: string | null): BusinessContext => ({
  zone,
  policy,
  country,
});
const d = (iso: string): Date => new Date(iso);

describe('countryForZone', () => {
  it.each([
    ['America/New_York', 'US'],
    ['America/Los_Angeles', 'US'],
    ['Pacific/Honolulu', 'US'],
    ['Europe/Berlin', 'DE'],
    ['Europe/London', 'GB'],
    ['Asia/Tokyo', 'JP'],
    ['Asia/Dubai', 'AE'],
    ['Australia/Sydney', 'AU'],
    // Shared by IT, SM and VA in date-holidays: the namesake city's country wins.
    ['Europe/Rome', 'IT'],
    ['Europe/Zurich', 'CH'],
    ['Etc/UTC', null],
    ['UTC', null],
    ['Mars/Olympus_Mons', null],
  ])('%s -> %s', (zone, country) => {
    expect(countryForZone(zone)).toBe(country);
  });
});

describe('publicHolidays', () => {
  it('keeps only public holidays, as local dates', () => {
    const us = publicHolidays('us', 2026);
    expect(us.has('2026-11-26')).toBe(true); // Thanksgiving
    expect(us.has('2026-07-03')).toBe(true); // Independence Day observed (the 4th is a Saturday)
    const de = publicHolidays('DE', 2026);
    expect(de.has('2026-12-25')).toBe(true);
    expect(de.has('2026-12-24')).toBe(false); // Heiliger Abend is a 'bank' holiday, not public
  });
  it('is empty for an unknown country', () => {
    expect(publicHolidays('XX', 2026).size).toBe(0);
  });
});

describe('policy.workingHolidays', () => {
  const columbus = d('2026-10-12T15:00:00Z'); // Monday 11:00 in New York, Columbus Day
  const veterans = d('2026-11-11T15:00:00Z'); // Wednesday, Veterans Day
  const thanksgiving = d('2026-11-26T15:00:00Z');
  it('turns the named public holidays into business days (any case), and only those', () => {
    const working = policyWith({}, { workingHolidays: ['Columbus Day', 'veterans day'] });
    expect(isBusinessInstant(columbus, ctx('America/New_York'))).toBe(false);
    expect(isBusinessInstant(veterans, ctx('America/New_York'))).toBe(false);
    expect(isBusinessInstant(columbus, ctx('America/New_York', working))).toBe(true);
    expect(isBusinessInstant(veterans, ctx('America/New_York', working))).toBe(true);
    expect(isBusinessInstant(thanksgiving, ctx('America/New_York', working))).toBe(false);
  });
  it('a nudge due on a worked-through holiday goes out that day instead of the next', () => {
    const evening = d('2026-10-09T22:00:00Z'); // Friday 18:00 before Columbus Day
    expect(nextBusinessInstant(evening, ctx('America/New_York')).toISOString()).toBe('2026-10-13T13:00:00.000Z');
    const working = policyWith({}, { workingHolidays: ['Columbus Day'] });
    expect(nextBusinessInstant(evening, ctx('America/New_York', working)).toISOString()).toBe('2026-10-12T13:00:00.000Z');
  });
});

describe('localTimeToInstant (first instant the clock reads that time or later)', () => {
  it.each([
    ['NY ordinary day 09:00 EDT', 'America/New_York', { year: 2026, month: 3, day: 9 }, 9 * 60, '2026-03-09T13:00:00.000Z'],
    ['NY spring-forward day 09:00 is EDT', 'America/New_York', { year: 2026, month: 3, day: 8 }, 9 * 60, '2026-03-08T13:00:00.000Z'],
    ['NY nonexistent 02:30 -> the jump (03:00 EDT)', 'America/New_York', { year: 2026, month: 3, day: 8 }, 150, '2026-03-08T07:00:00.000Z'],
    ['NY ambiguous 01:30 -> first occurrence (EDT)', 'America/New_York', { year: 2026, month: 11, day: 1 }, 90, '2026-11-01T05:30:00.000Z'],
    ['NY fall-back day 09:00 is EST', 'America/New_York', { year: 2026, month: 11, day: 1 }, 9 * 60, '2026-11-01T14:00:00.000Z'],
    ['Berlin nonexistent 02:30 -> 03:00 CEST', 'Europe/Berlin', { year: 2026, month: 3, day: 29 }, 150, '2026-03-29T01:00:00.000Z'],
    ['Berlin ambiguous 02:30 -> CEST occurrence', 'Europe/Berlin', { year: 2026, month: 10, day: 25 }, 150, '2026-10-25T00:30:00.000Z'],
    ['Sydney nonexistent 02:30 (DST starts) -> 03:00 AEDT', 'Australia/Sydney', { year: 2026, month: 10, day: 4 }, 150, '2026-10-03T16:00:00.000Z'],
    ['Sydney ambiguous 02:30 (DST ends) -> AEDT occurrence', 'Australia/Sydney', { year: 2026, month: 4, day: 5 }, 150, '2026-04-04T15:30:00.000Z'],
    ['24:00 is next midnight', 'Asia/Tokyo', { year: 2026, month: 6, day: 1 }, 24 * 60, '2026-06-01T15:00:00.000Z'],
  ])('%s', (_label, zone, date, minutes, expected) => {
    expect(localTimeToInstant(date, minutes, zone).toISOString()).toBe(expected);
  });
});

describe('isBusinessInstant (09:00-17:00 Mon-Fri, public holidays skipped)', () => {
  it.each([
    ['NY Monday 08:59 EDT', 'America/New_York', '2026-03-09T12:59:00Z', false],
    ['NY Monday 09:00 EDT', 'America/New_York', '2026-03-09T13:00:00Z', true],
    ['NY Monday 16:59 EDT', 'America/New_York', '2026-03-09T20:59:00Z', true],
    ['NY Monday 17:00 EDT (end is exclusive)', 'America/New_York', '2026-03-09T21:00:00Z', false],
    ['NY Friday 09:00 EST (before DST)', 'America/New_York', '2026-03-06T14:00:00Z', true],
    ['NY Friday 08:00 EST (13:00Z would be 09:00 in EDT)', 'America/New_York', '2026-03-06T13:00:00Z', false],
    ['NY Saturday noon', 'America/New_York', '2026-03-07T17:00:00Z', false],
    ['NY Thanksgiving 10:00', 'America/New_York', '2026-11-26T15:00:00Z', false],
    ['LA Thanksgiving 10:00', 'America/Los_Angeles', '2026-11-26T18:00:00Z', false],
    ['LA day after Thanksgiving 10:00', 'America/Los_Angeles', '2026-11-27T18:00:00Z', true],
    ['London early-May bank holiday 10:00', 'Europe/London', '2026-05-04T09:00:00Z', false],
    ['London the day after, 10:00 BST', 'Europe/London', '2026-05-05T09:00:00Z', true],
    ['Berlin Monday after fall-back 09:00 CET', 'Europe/Berlin', '2026-10-26T08:00:00Z', true],
    ['Berlin Monday after fall-back 08:30 CET', 'Europe/Berlin', '2026-10-26T07:30:00Z', false],
    ['Tokyo Monday 09:00 JST is Sunday in UTC', 'Asia/Tokyo', '2026-06-01T00:00:00Z', true],
    ['Tokyo Golden Week (Children\'s Day)', 'Asia/Tokyo', '2026-05-05T01:00:00Z', false],
    ['Dubai Monday 09:00 GST', 'Asia/Dubai', '2026-09-14T05:00:00Z', true],
    ['Dubai Monday 08:59 GST', 'Asia/Dubai', '2026-09-14T04:59:00Z', false],
    ['Sydney Australia Day', 'Australia/Sydney', '2026-01-25T23:00:00Z', false],
  ])('%s -> %s', (_label, zone, at, expected) => {
    expect(isBusinessInstant(d(at), ctx(zone))).toBe(expected);
  });

  it('holidays only count when the policy skips them', () => {
    const thanksgiving = d('2026-11-26T15:00:00Z');
    expect(isBusinessInstant(thanksgiving, ctx('America/New_York', policyWith({}, { skipPublicHolidays: false })))).toBe(true);
  });

  it('an explicit country wins over the zone', () => {
    const thanksgiving = d('2026-11-26T15:00:00Z');
    expect(isBusinessInstant(thanksgiving, ctx('America/New_York', DEFAULT_POLICY, 'GB'))).toBe(true);
    const ukBankHoliday = d('2026-05-04T14:00:00Z'); // 10:00 in New York
    expect(isBusinessInstant(ukBankHoliday, ctx('America/New_York', DEFAULT_POLICY, 'gb'))).toBe(false);
    expect(isBusinessInstant(ukBankHoliday, ctx('America/New_York'))).toBe(true);
  });

  it('rejects an unknown zone', () => {
    expect(() => isBusinessInstant(d('2026-03-09T13:00:00Z'), ctx('Not/A_Zone'))).toThrow(/Unknown time zone/);
  });
});

describe('nextBusinessInstant', () => {
  const allWeek = policyWith({ days: EVERY_DAY });
  it.each([
    ['inside hours: unchanged', 'America/New_York', DEFAULT_POLICY, '2026-03-09T15:00:00.000Z', '2026-03-09T15:00:00.000Z'],
    ['NY Friday evening -> Monday 09:00 EDT across spring-forward', 'America/New_York', DEFAULT_POLICY, '2026-03-06T22:30:00.000Z', '2026-03-09T13:00:00.000Z'],
    ['NY Friday evening -> Monday 09:00 EST across fall-back', 'America/New_York', DEFAULT_POLICY, '2026-10-30T22:00:00.000Z', '2026-11-02T14:00:00.000Z'],
    ['NY spring-forward Sunday as a business day: 09:00 EDT', 'America/New_York', allWeek, '2026-03-08T05:00:00.000Z', '2026-03-08T13:00:00.000Z'],
    ['NY fall-back Sunday as a business day: 09:00 EST', 'America/New_York', allWeek, '2026-11-01T04:00:00.000Z', '2026-11-01T14:00:00.000Z'],
    ['Berlin Friday 17:00 (end) -> Monday 09:00 CEST', 'Europe/Berlin', DEFAULT_POLICY, '2026-03-27T16:00:00.000Z', '2026-03-30T07:00:00.000Z'],
    ['Berlin spring-forward Sunday as a business day: 09:00 CEST', 'Europe/Berlin', allWeek, '2026-03-29T00:00:00.000Z', '2026-03-29T07:00:00.000Z'],
    ['Berlin Saturday -> Monday 09:00 CET after fall-back', 'Europe/Berlin', DEFAULT_POLICY, '2026-10-24T12:00:00.000Z', '2026-10-26T08:00:00.000Z'],
    ['LA Wednesday evening -> Friday (Thanksgiving skipped)', 'America/Los_Angeles', DEFAULT_POLICY, '2026-11-26T01:00:00.000Z', '2026-11-27T17:00:00.000Z'],
    ['London Friday evening -> Tuesday (early-May bank holiday)', 'Europe/London', DEFAULT_POLICY, '2026-05-01T16:30:00.000Z', '2026-05-05T08:00:00.000Z'],
    ['Tokyo Friday evening -> Thursday (Golden Week)', 'Asia/Tokyo', DEFAULT_POLICY, '2026-05-01T09:00:00.000Z', '2026-05-07T00:00:00.000Z'],
    ['Tokyo early morning -> 09:00 the same local day (previous UTC day)', 'Asia/Tokyo', DEFAULT_POLICY, '2026-06-01T20:00:00.000Z', '2026-06-02T00:00:00.000Z'],
    ['Dubai before opening -> 09:00 GST', 'Asia/Dubai', DEFAULT_POLICY, '2026-09-14T02:00:00.000Z', '2026-09-14T05:00:00.000Z'],
    ['Sydney Friday evening -> Tuesday (Australia Day)', 'Australia/Sydney', DEFAULT_POLICY, '2026-01-23T06:00:00.000Z', '2026-01-26T22:00:00.000Z'],
    ['Sydney Friday -> Monday 09:00 AEDT after DST starts', 'Australia/Sydney', DEFAULT_POLICY, '2026-10-02T08:00:00.000Z', '2026-10-04T22:00:00.000Z'],
    ['hours starting in a DST gap start at the jump', 'America/New_York', policyWith({ start: '02:30', days: EVERY_DAY }), '2026-03-08T05:00:00.000Z', '2026-03-08T07:00:00.000Z'],
    ['hours starting at an ambiguous time start at its first occurrence', 'America/New_York', policyWith({ start: '01:30', days: EVERY_DAY }), '2026-11-01T04:00:00.000Z', '2026-11-01T05:30:00.000Z'],
  ])('%s', (_label, zone, policy, at, expected) => {
    const out = nextBusinessInstant(d(at), ctx(zone, policy));
    expect(out.toISOString()).toBe(expected);
    expect(isBusinessInstant(out, ctx(zone, policy))).toBe(true);
  });

  it('fails loudly on a policy with no business days', () => {
    expect(() => nextBusinessInstant(d('2026-03-09T13:00:00Z'), ctx('UTC', policyWith({ days: [] })))).toThrow(RangeError);
  });
});

describe('addBusinessDays (same local time, then into business hours)', () => {
  const allDay = policyWith({ start: '00:00', end: '24:00', days: EVERY_DAY });
  it.each([
    ['NY Fri 10:00 EST +1 -> Mon 10:00 EDT', 'America/New_York', DEFAULT_POLICY, '2026-03-06T15:00:00.000Z', 1, '2026-03-09T14:00:00.000Z'],
    ['NY Mon 18:00 EDT +2 -> Wed 18:00 -> Thu 09:00', 'America/New_York', DEFAULT_POLICY, '2026-03-09T22:00:00.000Z', 2, '2026-03-12T13:00:00.000Z'],
    ['Berlin Fri 10:00 CEST +1 -> Mon 10:00 CET', 'Europe/Berlin', DEFAULT_POLICY, '2026-10-23T08:00:00.000Z', 1, '2026-10-26T09:00:00.000Z'],
    ['LA Wed 10:00 +1 -> Fri (Thanksgiving skipped)', 'America/Los_Angeles', DEFAULT_POLICY, '2026-11-25T18:00:00.000Z', 1, '2026-11-27T18:00:00.000Z'],
    ['LA Wed 10:00 +2 -> Mon', 'America/Los_Angeles', DEFAULT_POLICY, '2026-11-25T18:00:00.000Z', 2, '2026-11-30T18:00:00.000Z'],
    ['London Thu 11:00 +2 -> Tue (bank holiday Monday)', 'Europe/London', DEFAULT_POLICY, '2026-04-30T10:00:00.000Z', 2, '2026-05-05T10:00:00.000Z'],
    ['Sydney Tue 11:00 +5 -> next Wed (Australia Day)', 'Australia/Sydney', DEFAULT_POLICY, '2026-01-20T00:00:00.000Z', 5, '2026-01-28T00:00:00.000Z'],
    ['Tokyo Thu 10:00 +2 -> Thu after Golden Week', 'Asia/Tokyo', DEFAULT_POLICY, '2026-04-30T01:00:00.000Z', 2, '2026-05-07T01:00:00.000Z'],
    ['0 days is nextBusinessInstant', 'America/New_York', DEFAULT_POLICY, '2026-03-07T17:00:00.000Z', 0, '2026-03-09T13:00:00.000Z'],
    ['-1 from Monday is Friday', 'America/New_York', DEFAULT_POLICY, '2026-03-09T14:00:00.000Z', -1, '2026-03-06T15:00:00.000Z'],
    ['landing on a nonexistent local time -> the jump', 'America/New_York', allDay, '2026-03-07T07:30:00.000Z', 1, '2026-03-08T07:00:00.000Z'],
    ['landing on an ambiguous local time -> first occurrence', 'America/New_York', allDay, '2026-10-31T05:30:00.000Z', 1, '2026-11-01T05:30:00.000Z'],
  ])('%s', (_label, zone, policy, at, days, expected) => {
    expect(addBusinessDays(d(at), days, ctx(zone, policy)).toISOString()).toBe(expected);
  });
});

describe('addBusinessMinutes', () => {
  it.each([
    ['within the day', 'America/New_York', '2026-03-09T14:00:00.000Z', 60, '2026-03-09T15:00:00.000Z'],
    ['Friday 16:30 + 60 -> Monday 09:30 (EDT)', 'America/New_York', '2026-03-06T21:30:00.000Z', 60, '2026-03-09T13:30:00.000Z'],
    ['from the weekend: counts from Monday 09:00', 'Europe/Berlin', '2026-03-28T10:00:00.000Z', 30, '2026-03-30T07:30:00.000Z'],
  ])('%s', (_label, zone, at, minutes, expected) => {
    expect(addBusinessMinutes(d(at), minutes, ctx(zone)).toISOString()).toBe(expected);
  });
});
