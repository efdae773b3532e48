import { describe, expect, it } from 'vitest';
import { diwali, newMoon, newMoonsBetween } from '../../src/domain/reply/lunar.js';

/** Published new-moon instants (UTC, to the minute). */
const NEW_MOONS: [string, string][] = [
  ['2000-01-06', '2000-01-06T18:14:00Z'],
  ['2024-04-08', '2024-04-08T18:21:00Z'],
  ['2026-01-18', '2026-01-18T19:52:00Z'],
];

/** Lakshmi Puja as published by Indian almanacs; 2024 and 2025 were kept on either of two days. */
const DIWALI: [year: number, month: number, day: number, slackDays: number][] = [
  [2020, 11, 14, 0], [2021, 11, 4, 0], [2022, 10, 24, 0], [2023, 11, 12, 0], [2024, 11, 1, 1], [2025, 10, 21, 1],
  [2026, 11, 8, 0], [2027, 10, 29, 0], [2028, 10, 17, 0], [2029, 11, 5, 0], [2030, 10, 26, 0],
];

describe('new moons and Diwali, computed (no year table)', () => {
  it.each(NEW_MOONS)('the new moon of %s', (day, instant) => {
    const [found] = newMoonsBetween(new Date(`${day}T00:00:00Z`), new Date(`${day}T23:59:59Z`));
    expect(found, `no new moon computed on ${day}`).toBeDefined();
    expect(Math.abs(found!.getTime() - Date.parse(instant))).toBeLessThan(10 * 60_000);
  });

  it('new moons are a synodic month apart', () => {
    for (let k = -50; k < 500; k += 7) {
      const gap = (newMoon(k + 1).getTime() - newMoon(k).getTime()) / 86_400_000;
      expect(gap).toBeGreaterThan(29.2);
      expect(gap).toBeLessThan(29.9);
    }
  });

  it.each(DIWALI)('Diwali %i', (year, month, day, slack) => {
    const [m, d] = diwali(year);
    const days = (Date.UTC(year, m - 1, d) - Date.UTC(year, month - 1, day)) / 86_400_000;
    expect(Math.abs(days)).toBeLessThanOrEqual(slack);
  });

  it('is found in every year, well past any table', () => {
    for (let y = 2020; y <= 2100; y++) {
      const [m, d] = diwali(y);
      const t = Date.UTC(y, m - 1, d);
      expect(t).toBeGreaterThanOrEqual(Date.UTC(y, 9, 15));
      expect(t).toBeLessThanOrEqual(Date.UTC(y, 10, 16));
    }
  });
});
