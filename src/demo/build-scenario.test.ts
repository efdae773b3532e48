import { describe, expect, it } from 'vitest';
import { buildDemoScenario } from './build-scenario.js';

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
