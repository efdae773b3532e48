import { describe, expect, it } from 'vitest';
import { buildDemoScenario, overlapsSaraTime } from './build-scenario.js';

describe('the demo scenario', () => {
  it("Linda's missed call ended about 3 hours before the demo runs, whatever the hour", () => {
    for (let h = 0; h < 7 * 24; h += 5) {
      const now = new Date(Date.UTC(2026, 10, 23, h, 17));
      const call = buildDemoScenario(now).events.find((e) => e.id === 'demo-linda-intro')!;
      expect(now.getTime() - call.end.getTime()).toBe(3 * 3_600_000);
      expect(call.end.getTime() - call.start.getTime()).toBe(30 * 60_000);
    }
  });
});

describe("the rep's busy block", () => {
  it('never sits on Tuesday 15:00 Berlin, the time Sara names, whatever the hour the demo runs', () => {
    for (let m = 0; m < 7 * 24 * 60; m += 10) {
      const now = new Date(Date.UTC(2026, 10, 23) + m * 60_000);
      const busy = buildDemoScenario(now).events.find((e) => e.id === 'demo-team-sync')!;
      expect(overlapsSaraTime(busy.start, busy.end), now.toISOString()).toBe(false);
      expect(busy.end.getTime() - busy.start.getTime()).toBe(3_600_000);
    }
  });

  it('overlapsSaraTime finds the overlap in Berlin time, across the DST change', () => {
    expect(overlapsSaraTime(new Date('2026-11-24T13:30:00Z'), new Date('2026-11-24T14:30:00Z'))).toBe(true); // 14:30-15:30 CET
    expect(overlapsSaraTime(new Date('2026-11-24T14:30:00Z'), new Date('2026-11-24T15:30:00Z'))).toBe(false); // 15:30-16:30 CET
    expect(overlapsSaraTime(new Date('2026-07-21T12:30:00Z'), new Date('2026-07-21T13:30:00Z'))).toBe(true); // 14:30-15:30 CEST
    expect(overlapsSaraTime(new Date('2026-07-22T12:30:00Z'), new Date('2026-07-22T13:30:00Z'))).toBe(false); // a Wednesday
  });
});
