import { COUNTRY_ZONES, HOLIDAY_FIRST_YEAR, HOLIDAY_LAST_YEAR, HOLIDAY_NAMES, HOLIDAY_TABLES } from './holiday-tables.js';

export { HOLIDAY_FIRST_YEAR, HOLIDAY_LAST_YEAR };

/** The precomputed public holidays (holiday-tables.ts, made by scripts/build-holidays.mjs). */
export interface HolidayData {
  /** Holiday names, indexed by the tables' base-36 numbers. */
  names: readonly string[];
  /** Country -> years separated by ";" (from HOLIDAY_FIRST_YEAR), each "MMDD<name index, base 36>" joined by ",". */
  tables: Readonly<Record<string, string>>;
  /** Country -> its zones, main zone first. */
  zones: Readonly<Record<string, readonly string[]>>;
}

const DATA: HolidayData = { names: HOLIDAY_NAMES, tables: HOLIDAY_TABLES, zones: COUNTRY_ZONES };

/**
 * The tables, asked for when a holiday or a zone's country is first looked up. In the bundle
 * (scripts/bundle.mjs) this module is replaced by one that reads the same tables from
 * dist/bundle/holiday-tables.json on that first call, so a start-up that looks up no holiday does
 * not load their 0.8 MB of JavaScript.
 */
export function holidayData(): HolidayData {
  return DATA;
}
