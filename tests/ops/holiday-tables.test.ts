import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Holidays from 'date-holidays';
import { describe, expect, it } from 'vitest';
import { countryForZone, publicHolidays } from '../../src/domain/business-time.js';
import { HOLIDAY_FIRST_YEAR, HOLIDAY_LAST_YEAR } from '../../src/domain/holiday-tables.js';

/** date-holidays itself (a devDependency now), read the way the product used to read it. */
function live(country: string, year: number): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const h of new Holidays(country).getHolidays(year)) {
    if (h.type !== 'public') continue;
    const date = h.date.slice(0, 10);
    out.set(date, [...(out.get(date) ?? []), h.name]);
  }
  return out;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? sourceFiles(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('precomputed public holidays (scripts/build-holidays.mjs)', () => {
  it('equal date-holidays for countries and years across the range', () => {
    for (const [country, year] of [
      ['US', 2026],
      ['DE', 2030],
      ['JP', HOLIDAY_FIRST_YEAR],
      ['BR', HOLIDAY_LAST_YEAR],
      ['GB', 2041],
      ['IN', 2027],
      ['FR', 2026],
      ['AU', 2035],
    ] as const) {
      expect([...publicHolidays(country, year)], `${country} ${year}`).toEqual([...live(country, year)]);
    }
  });

  it('cover the years a deployment will see, and know nothing outside them', () => {
    expect(HOLIDAY_FIRST_YEAR).toBeLessThanOrEqual(2020);
    expect(HOLIDAY_LAST_YEAR).toBeGreaterThanOrEqual(2050);
    expect(publicHolidays('US', HOLIDAY_LAST_YEAR + 1).size).toBe(0);
    expect(publicHolidays('XX', 2026).size).toBe(0);
  });

  it('map zones to countries as before', () => {
    expect(countryForZone('America/New_York')).toBe('US');
    expect(countryForZone('Europe/Rome')).toBe('IT');
    expect(countryForZone('Asia/Tokyo')).toBe('JP');
  });

  it('are the only holiday source in src/ (date-holidays is not a production dependency)', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string> };
    expect(pkg.dependencies['date-holidays']).toBeUndefined();
    const importers = sourceFiles('src').filter((f) => /from 'date-holidays/.test(readFileSync(f, 'utf8')));
    expect(importers).toEqual([]);
  });
});
