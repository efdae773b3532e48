import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from './policy.js';
import { findFreeSlots } from './slots.js';
import type { FindFreeSlotsInput } from './slots.js';
import type { TimeInterval } from './types.js';

const iv = (start: string, end: string): TimeInterval => ({ start: new Date(start), end: new Date(end) });
const starts = (slots: TimeInterval[]): string[] => slots.map((s) => s.start.toISOString());

// New York, week of Mon 16 Mar 2026 (EDT, UTC-4): 09:00 local = 13:00Z.
const NEXT_WEEK_NY = iv('2026-03-16T04:00:00Z', '2026-03-21T04:00:00Z');
const MONDAY_BEFORE = new Date('2026-03-09T14:15:00Z'); // Mon 9 Mar, 10:15 EDT

function find(over: Partial<FindFreeSlotsInput>): TimeInterval[] {
  return findFreeSlots({
    busy: [],
    range: NEXT_WEEK_NY,
    zone: 'America/New_York',
    policy: DEFAULT_POLICY,
    durationMinutes: 30,
    count: 3,
    now: MONDAY_BEFORE,
    ...over,
  });
}

describe('findFreeSlots', () => {
  it.each([
    ['free week: first round hour of three different days', {}, ['2026-03-16T13:00:00.000Z', '2026-03-17T13:00:00.000Z', '2026-03-18T13:00:00.000Z']],
    [
      'busy Monday morning: next free round hour (11:00, not 10:30); busy Tuesday: skipped',
      { busy: [iv('2026-03-16T13:00:00Z', '2026-03-16T14:30:00Z'), iv('2026-03-17T12:00:00Z', '2026-03-17T22:00:00Z')] },
      ['2026-03-16T15:00:00.000Z', '2026-03-18T13:00:00.000Z', '2026-03-19T13:00:00.000Z'],
    ],
    [
      'only a half-hour is free: taken when no round hour is',
      { count: 1, busy: [iv('2026-03-16T13:00:00Z', '2026-03-16T20:30:00Z')] },
      ['2026-03-16T20:30:00.000Z'],
    ],
    [
      'busy ending exactly at 09:00 leaves 09:00 free (half-open intervals)',
      { count: 1, busy: [iv('2026-03-16T12:00:00Z', '2026-03-16T13:00:00Z')] },
      ['2026-03-16T13:00:00.000Z'],
    ],
    [
      'a 60-minute slot must end by 17:00',
      { count: 1, durationMinutes: 60, busy: [iv('2026-03-16T13:00:00Z', '2026-03-16T20:30:00Z')] },
      ['2026-03-17T13:00:00.000Z'],
    ],
    [
      'one-day range: several slots that day, round hours, not overlapping',
      { range: iv('2026-03-16T04:00:00Z', '2026-03-17T04:00:00Z'), durationMinutes: 45 },
      ['2026-03-16T13:00:00.000Z', '2026-03-16T14:00:00.000Z', '2026-03-16T15:00:00.000Z'],
    ],
    [
      'at least one business hour after now: Monday 16:30 -> Tuesday 09:30 earliest -> 10:00',
      { now: new Date('2026-03-16T20:30:00Z'), range: iv('2026-03-16T20:30:00Z', '2026-03-21T04:00:00Z') },
      ['2026-03-17T14:00:00.000Z', '2026-03-18T13:00:00.000Z', '2026-03-19T13:00:00.000Z'],
    ],
    [
      'the range end cuts the last day',
      { range: iv('2026-03-16T04:00:00Z', '2026-03-17T13:30:00Z'), count: 2 },
      ['2026-03-16T13:00:00.000Z', '2026-03-17T13:00:00.000Z'],
    ],
    [
      "Tokyo prospect: 09:00 JST is midnight UTC, and Golden Week is skipped",
      { zone: 'Asia/Tokyo', now: new Date('2026-04-27T00:00:00Z'), range: iv('2026-04-30T15:00:00Z', '2026-05-09T15:00:00Z') },
      ['2026-05-01T00:00:00.000Z', '2026-05-07T00:00:00.000Z', '2026-05-08T00:00:00.000Z'],
    ],
    [
      'LA prospect over Thanksgiving: Wednesday and Friday, then a second Wednesday slot',
      { zone: 'America/Los_Angeles', now: new Date('2026-11-20T18:00:00Z'), range: iv('2026-11-25T08:00:00Z', '2026-11-28T08:00:00Z') },
      ['2026-11-25T17:00:00.000Z', '2026-11-25T18:00:00.000Z', '2026-11-27T17:00:00.000Z'],
    ],
    [
      'Berlin across spring-forward: 09:00 CET Friday, 09:00 CEST Monday',
      { zone: 'Europe/Berlin', count: 2, now: new Date('2026-03-20T10:00:00Z'), range: iv('2026-03-26T23:00:00Z', '2026-03-31T22:00:00Z') },
      ['2026-03-27T08:00:00.000Z', '2026-03-30T07:00:00.000Z'],
    ],
    [
      'Sydney prospect, rep busy at their 09:00: the next round hour',
      {
        zone: 'Australia/Sydney',
        count: 2,
        now: new Date('2026-06-01T00:00:00Z'),
        range: iv('2026-06-07T14:00:00Z', '2026-06-09T14:00:00Z'),
        busy: [iv('2026-06-07T23:00:00Z', '2026-06-08T00:00:00Z')],
      },
      ['2026-06-08T00:00:00.000Z', '2026-06-08T23:00:00.000Z'],
    ],
  ] as const)('%s', (_label, over, expected) => {
    expect(starts(find(over as Partial<FindFreeSlotsInput>))).toEqual(expected);
  });

  it('never returns a slot overlapping busy time or outside business hours', () => {
    const busy = [iv('2026-03-16T13:30:00Z', '2026-03-16T15:10:00Z'), iv('2026-03-17T13:00:00Z', '2026-03-17T21:00:00Z')];
    const slots = find({ busy, count: 5, durationMinutes: 50 });
    expect(slots).toHaveLength(5);
    for (const s of slots) {
      expect(s.end.getTime() - s.start.getTime()).toBe(50 * 60_000);
      for (const b of busy) expect(s.start < b.end && b.start < s.end).toBe(false);
    }
    expect(starts(slots)[0]).toBe('2026-03-16T16:00:00.000Z'); // 12:00 EDT, after the 11:10 busy end
    expect(new Set(slots.map((s) => s.start.toISOString().slice(0, 10))).size).toBe(4); // Tuesday is full
  });

  it.each([
    ['count 0', { count: 0 }],
    ['range in the past', { range: iv('2026-03-02T04:00:00Z', '2026-03-07T04:00:00Z') }],
    ['a whole range of weekend', { range: iv('2026-03-14T04:00:00Z', '2026-03-16T04:00:00Z') }],
    ['longer than business hours', { durationMinutes: 9 * 60 }],
  ])('nothing when %s', (_label, over) => {
    expect(find(over)).toEqual([]);
  });

  describe('lead time: slots start well after the offer goes out (policy.slotLeadHours)', () => {
    // Asked on Fri 13 Mar 2026 at 15:00 EDT for "next few days" (a range starting now).
    const friday3pm = new Date('2026-03-13T19:00:00Z');
    const soon = iv('2026-03-13T19:00:00Z', '2026-03-20T04:00:00Z');
    it.each([
      // 20 business hours from Fri 15:00: Fri 2 h + Mon 8 h + Tue 8 h + Wed 2 h → Wed 11:00 EDT.
      ['20 business hours (the default)', 20 * 60, '2026-03-18T15:00:00.000Z'],
      // The old minimum (one business hour): Fri 16:00, the moment the offer may just be sent.
      ['one business hour', 60, '2026-03-13T20:00:00.000Z'],
      ['none asked: one business hour still', 0, '2026-03-13T20:00:00.000Z'],
    ])('%s', (_what, lead, first) => {
      const slots = find({ range: soon, now: friday3pm, leadBusinessMinutes: lead });
      expect(starts(slots)[0]).toBe(first);
    });
    it('counts from when the offer goes out, not from when it was drafted', () => {
      // Drafted Saturday, goes out Monday 09:00 EDT: 20 business hours later is Wed 13:00 EDT.
      const slots = find({ range: soon, now: new Date('2026-03-14T15:00:00Z'), offerAt: new Date('2026-03-16T13:00:00Z'), leadBusinessMinutes: 20 * 60 });
      expect(starts(slots)[0]).toBe('2026-03-18T17:00:00.000Z');
    });
    it('east of UTC, across the end of daylight saving time (Berlin, Sun 25 Oct 2026)', () => {
      const range = iv('2026-10-23T13:00:00Z', '2026-10-31T00:00:00Z');
      // Fri 23 Oct 15:00 CEST: 2 h Fri + 8 h Mon + 8 h Tue + 2 h Wed → Wed 28 Oct 11:00 CET = 10:00Z.
      const slots = find({ range, zone: 'Europe/Berlin', now: new Date('2026-10-23T13:00:00Z'), leadBusinessMinutes: 20 * 60 });
      expect(starts(slots)[0]).toBe('2026-10-28T10:00:00.000Z');
    });
  });
});
