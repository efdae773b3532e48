import { describe, expect, it } from 'vitest';
import type { BusinessContext } from './business-time.js';
import { firstInstantUnderCap, nudgeDueAt, nudgeTemplate, scheduleUnderCap } from './cadence.js';
import { DEFAULT_POLICY } from './policy.js';

const NY: BusinessContext = { zone: 'America/New_York', policy: DEFAULT_POLICY };
const d = (iso: string): Date => new Date(iso);
const iso = (x: Date): string => x.toISOString();

describe('nudgeTemplate', () => {
  it.each([
    [1, 'missed-nudge-1'],
    [2, 'missed-nudge-2'],
    [3, 'missed-nudge-3'],
    [4, 'missed-nudge-4'],
    [5, 'missed-nudge-later'],
    [12, 'missed-nudge-later'],
  ])('step %i -> %s', (step, template) => {
    expect(nudgeTemplate(step)).toBe(template);
  });
});

describe('nudgeDueAt (default cadence: +2 h, +2, +5, +10 business days, then every 14 days)', () => {
  // Meeting Tue 3 Nov 2026 15:00-15:30 EST. Wed 11 Nov is Veterans Day, Thu 26 Nov Thanksgiving.
  const end = d('2026-11-03T20:30:00Z');
  it.each([
    ['step 1: end + 2 h = 17:30, after hours -> Wed 09:00', 1, null, '2026-11-04T14:00:00.000Z'],
    ['step 2: Wed 09:05 + 2 business days -> Fri 09:05', 2, '2026-11-04T14:05:00Z', '2026-11-06T14:05:00.000Z'],
    ['step 3: Fri + 5 business days skips Veterans Day -> Mon 16', 3, '2026-11-06T14:05:00Z', '2026-11-16T14:05:00.000Z'],
    ['step 4: Mon 16 + 10 business days skips Thanksgiving -> Tue 1 Dec', 4, '2026-11-16T14:05:00Z', '2026-12-01T14:05:00.000Z'],
    ['step 5: + 14 calendar days, same local time', 5, '2026-12-01T14:05:00Z', '2026-12-15T14:05:00.000Z'],
    ['step 6: + 14 days from a late send -> next morning', 6, '2026-12-15T22:00:00Z', '2026-12-30T14:00:00.000Z'],
    ['repeat across a DST change keeps the local time', 5, '2026-10-27T13:30:00Z', '2026-11-10T14:30:00.000Z'],
  ])('%s', (_label, step, prev, expected) => {
    expect(iso(nudgeDueAt({ step, meetingEnd: end, previousSentAt: prev ? d(prev) : null, ctx: NY }))).toBe(expected);
  });

  it('step 1 inside business hours is not moved', () => {
    expect(iso(nudgeDueAt({ step: 1, meetingEnd: d('2026-11-03T15:30:00Z'), previousSentAt: null, ctx: NY }))).toBe('2026-11-03T17:30:00.000Z');
  });

  it('later steps need the previous send time', () => {
    expect(() => nudgeDueAt({ step: 2, meetingEnd: end, previousSentAt: null, ctx: NY })).toThrow(RangeError);
  });
});

describe('firstInstantUnderCap (any rolling 7 days)', () => {
  const load = [d('2026-11-16T15:00:00Z'), d('2026-11-18T15:00:00Z')];
  it.each([
    ['empty load', [], 2, '2026-11-19T15:00:00Z', '2026-11-19T15:00:00.000Z'],
    ['one email: a second fits', [d('2026-11-16T15:00:00Z')], 2, '2026-11-17T15:00:00Z', '2026-11-17T15:00:00.000Z'],
    ['two emails: wait until the first is 7 days old', load, 2, '2026-11-19T15:00:00Z', '2026-11-23T15:00:00.000Z'],
    ['exactly 7 days after the first is allowed', load, 2, '2026-11-23T15:00:00Z', '2026-11-23T15:00:00.000Z'],
    ['one minute earlier is not', load, 2, '2026-11-23T14:59:00Z', '2026-11-23T15:00:00.000Z'],
    ['before both, within 7 days of the second: after the first', load, 2, '2026-11-12T15:00:00Z', '2026-11-23T15:00:00.000Z'],
    ['long before both: fine', load, 2, '2026-11-11T15:00:00Z', '2026-11-11T15:00:00.000Z'],
    ['cap 3 allows a third', load, 3, '2026-11-19T15:00:00Z', '2026-11-19T15:00:00.000Z'],
    ['cap 1: 7 days after the last', load, 1, '2026-11-19T15:00:00Z', '2026-11-25T15:00:00.000Z'],
    ['chain: three emails in ten days, cap 2', [d('2026-11-01T12:00:00Z'), d('2026-11-05T12:00:00Z'), d('2026-11-10T12:00:00Z')], 2, '2026-11-06T12:00:00Z', '2026-11-12T12:00:00.000Z'],
  ])('%s', (_label, l, cap, at, expected) => {
    expect(iso(firstInstantUnderCap(d(at), l, cap))).toBe(expected);
  });
});

describe('scheduleUnderCap', () => {
  it('moves past the cap and then into business hours', () => {
    // Emails at 18:00 EST Mon and Tue: the window allows Mon 23 18:00 EST -> Tue 24 09:00 EST.
    const load = [d('2026-11-16T23:00:00Z'), d('2026-11-17T23:00:00Z')];
    expect(iso(scheduleUnderCap(d('2026-11-18T15:00:00Z'), load, 2, NY))).toBe('2026-11-24T14:00:00.000Z');
  });
  it('a free instant in business hours stays', () => {
    expect(iso(scheduleUnderCap(d('2026-11-18T15:00:00Z'), [], 2, NY))).toBe('2026-11-18T15:00:00.000Z');
  });
});
