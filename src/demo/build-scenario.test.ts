import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { buildDemoScenario, lastWorkdayMeetingEnd } from './build-scenario.js';

const NY = 'America/New_York';
const ny = (iso: string) => DateTime.fromISO(iso, { zone: NY }).toJSDate();

describe('the demo missed call sits inside working hours', () => {
  it.each([
    ['Monday 01:55 (early UTC Monday) goes back to Friday 17:00', '2026-11-23T01:55', '2026-11-20T17:00'],
    ['Wednesday 12:10 rounds down to 12:00', '2026-11-25T12:10', '2026-11-25T12:00'],
    ['Wednesday 09:10 is too early for a call that ended: Tuesday 17:00', '2026-11-25T09:10', '2026-11-24T17:00'],
    ['Saturday afternoon goes back to Friday 17:00', '2026-11-28T15:00', '2026-11-27T17:00'],
    ['an end at 17:00 exactly is kept', '2026-11-24T17:00', '2026-11-24T17:00'],
    ['across the DST change (Sunday 1 November)', '2026-11-01T20:00', '2026-10-30T17:00'],
  ])('%s', (_label, latest, expected) => {
    expect(lastWorkdayMeetingEnd(ny(latest), NY).toISOString()).toBe(ny(expected).toISOString());
  });

  it('whatever the hour the demo runs, the call ends at least 3 hours before and on a weekday', () => {
    for (let h = 0; h < 7 * 24; h += 5) {
      const now = new Date(Date.UTC(2026, 10, 23, h));
      const call = buildDemoScenario(now).events.find((e) => e.id === 'demo-linda-intro')!;
      const start = DateTime.fromJSDate(call.start, { zone: NY });
      expect(start.weekday).toBeLessThanOrEqual(5);
      expect(start.hour).toBeGreaterThanOrEqual(9);
      expect(call.end.getTime()).toBeLessThanOrEqual(now.getTime() - 3 * 3_600_000);
    }
  });
});
