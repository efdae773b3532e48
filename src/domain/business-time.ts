/**
 * Business time in a prospect's zone (playbook R2, R4: quiet hours, no weekends, no public holidays).
 * Pure: every instant is an argument. The only state is memos: the holiday tables (precomputed from
 * date-holidays in holiday-tables.ts), and zone
 * names already found valid.
 *
 * Local wall-clock times are turned into instants with one rule, used everywhere here:
 * a local time maps to the FIRST instant at which the zone's clock reads that time or later.
 *  - a nonexistent time (spring-forward gap: 02:30 on 2026-03-08 in New York) maps to the
 *    instant the clock jumps (03:00 EDT), since that is the first moment the clock is past 02:30;
 *  - an ambiguous time (fall-back: 01:30 on 2026-11-01 in New York) maps to its first
 *    occurrence (01:30 EDT), not luxon's default (the later one).
 */
import { HOLIDAY_FIRST_YEAR, HOLIDAY_LAST_YEAR, holidayData } from './holiday-data.js';
import { DateTime, IANAZone } from 'luxon';
import type { FollowUpPolicy } from './policy.js';

export interface BusinessContext {
  /** IANA zone the business hours are read in (the prospect's). */
  zone: string;
  /** ISO 3166-1 alpha-2; derived from the zone when absent. */
  country?: string | null;
  policy: FollowUpPolicy;
}

/** A calendar date, no zone. */
export interface LocalDate {
  year: number;
  month: number;
  day: number;
}

const MINUTES_PER_DAY = 24 * 60;
const MS_PER_MINUTE = 60_000;
/** Look this far ahead for a business day before giving up (a policy with no business days). */
const MAX_SEARCH_DAYS = 400;

/**
 * Zones shared by several countries in date-holidays' data, resolved to the country the zone's
 * namesake city is in. Everything else comes from date-holidays itself.
 */
const SHARED_ZONE_COUNTRY: Readonly<Record<string, string>> = {
  'Africa/Abidjan': 'CI',
  'Africa/Johannesburg': 'ZA',
  'Africa/Lagos': 'NG',
  'Africa/Maputo': 'MZ',
  'Africa/Nairobi': 'KE',
  'America/Curacao': 'CW',
  'America/Panama': 'PA',
  'America/Port_of_Spain': 'TT',
  'Asia/Bangkok': 'TH',
  'Atlantic/Canary': 'ES',
  'Europe/Belgrade': 'RS',
  'Europe/Helsinki': 'FI',
  'Europe/Oslo': 'NO',
  'Europe/Rome': 'IT',
  'Europe/Zurich': 'CH',
};

let zoneCountryCache: Map<string, string> | null = null;

/** Each country's zones (its main zone first), from date-holidays' data as precomputed in
 * holiday-tables.ts (scripts/build-holidays.mjs). */
function zonesByCountry(): [string, string[]][] {
  return Object.entries(holidayData().zones)
    .map(([country, zones]): [string, string[]] => [country, [...zones]])
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

function buildZoneCountryMap(): Map<string, string> {
  const candidates = new Map<string, { country: string; primary: boolean }[]>();
  for (const [country, zones] of zonesByCountry()) {
    zones.forEach((zone, i) => {
      const list = candidates.get(zone) ?? [];
      list.push({ country, primary: i === 0 });
      candidates.set(zone, list);
    });
  }
  const map = new Map<string, string>();
  for (const [zone, list] of candidates) {
    const override = SHARED_ZONE_COUNTRY[zone];
    if (override) {
      map.set(zone, override);
      continue;
    }
    if (list.length === 1) {
      map.set(zone, list[0]!.country);
      continue;
    }
    // Several countries list the zone: take the only one for which it is the main zone, if any.
    const primaries = list.filter((c) => c.primary);
    if (primaries.length === 1) map.set(zone, primaries[0]!.country);
  }
  return map;
}

/** ISO country for an IANA zone, from date-holidays' own zone lists; null when unknown or shared. */
export function countryForZone(zone: string): string | null {
  zoneCountryCache ??= buildZoneCountryMap();
  return zoneCountryCache.get(zone) ?? null;
}

const holidayCache = new Map<string, ReadonlyMap<string, readonly string[]>>();
/** A country's public holidays in one year: local date ("YYYY-MM-DD") → the holidays' names. */
export function publicHolidays(country: string, year: number): ReadonlyMap<string, readonly string[]> {
  const code = country.toUpperCase();
  const key = `${code}:${year}`;
  const cached = holidayCache.get(key);
  if (cached) return cached;
  const dates = new Map<string, string[]>();
  // Precomputed from date-holidays for HOLIDAY_FIRST_YEAR..HOLIDAY_LAST_YEAR (README, "A lean
  // package"); outside those years no public holiday is known.
  const { tables, names } = holidayData();
  const table = Object.prototype.hasOwnProperty.call(tables, code) ? tables[code] : undefined;
  const row = table && year >= HOLIDAY_FIRST_YEAR && year <= HOLIDAY_LAST_YEAR ? table.split(';')[year - HOLIDAY_FIRST_YEAR] : '';
  for (const entry of row ? row.split(',') : []) {
    const date = `${year}-${entry.slice(0, 2)}-${entry.slice(2, 4)}`;
    const name = names[parseInt(entry.slice(4), 36)] ?? '';
    dates.set(date, [...(dates.get(date) ?? []), name]);
  }
  holidayCache.set(key, dates);
  return dates;
}


const knownZones = new Set<string>();

/** Luxon's isValidZone builds an Intl.DateTimeFormat on every call; a tick asks thousands of times. */
export function isKnownZone(zone: string): boolean {
  if (knownZones.has(zone)) return true;
  if (!IANAZone.isValidZone(zone)) return false;
  knownZones.add(zone);
  return true;
}

function assertZone(zone: string): void {
  if (!isKnownZone(zone)) throw new RangeError(`Unknown time zone "${zone}"`);
}

/** "HH:mm" to minutes after midnight ("24:00" allowed as an end). */
export function parseClock(hhmm: string): number {
  const m = /^(\d{1,2}):(\d{2})$/.exec(hhmm.trim());
  if (!m) throw new RangeError(`Invalid time of day "${hhmm}" (expected HH:mm)`);
  const minutes = Number(m[1]) * 60 + Number(m[2]);
  if (Number(m[2]) > 59 || minutes > MINUTES_PER_DAY) throw new RangeError(`Invalid time of day "${hhmm}"`);
  return minutes;
}

function offsetAt(ms: number, zone: string): number {
  return DateTime.fromMillis(ms, { zone }).offset;
}

/** The local calendar date of an instant in a zone. */
export function localDateOf(at: Date, zone: string): LocalDate {
  const dt = DateTime.fromJSDate(at, { zone });
  return { year: dt.year, month: dt.month, day: dt.day };
}

/** Calendar arithmetic on a date, free of any zone (and so of DST). */
export function plusDays(date: LocalDate, days: number): LocalDate {
  const dt = DateTime.fromObject(date, { zone: 'UTC' }).plus({ days });
  return { year: dt.year, month: dt.month, day: dt.day };
}

function isoDate(date: LocalDate): string {
  return DateTime.fromObject(date, { zone: 'UTC' }).toISODate() ?? '';
}

function isoWeekday(date: LocalDate): number {
  return DateTime.fromObject(date, { zone: 'UTC' }).weekday;
}

/**
 * The first instant at which the clock in `zone` reads `minutes` after midnight of `date`, or later
 * (see the file comment for gaps and overlaps). Minutes may exceed a day (24:00 is next midnight).
 */
export function localTimeToInstant(date: LocalDate, minutes: number, zone: string): Date {
  const dayShift = Math.floor(minutes / MINUTES_PER_DAY);
  const d = dayShift === 0 ? date : plusDays(date, dayShift);
  const m = minutes - dayShift * MINUTES_PER_DAY;
  // The wall-clock reading as if the zone were UTC; a real instant is this minus the offset.
  const wallMs = Date.UTC(d.year, d.month - 1, d.day, 0, 0, 0, 0) + m * MS_PER_MINUTE;
  const before = offsetAt(wallMs - 36 * 60 * MS_PER_MINUTE, zone);
  const after = offsetAt(wallMs + 36 * 60 * MS_PER_MINUTE, zone);
  const near = offsetAt(wallMs, zone);
  const valid = [...new Set([before, near, after])]
    .map((off) => wallMs - off * MS_PER_MINUTE)
    .filter((ms) => wallMs - offsetAt(ms, zone) * MS_PER_MINUTE === ms);
  if (valid.length > 0) return new Date(Math.min(...valid));
  // In a gap: the answer is the transition itself, somewhere between the two readings.
  let lo = Math.min(wallMs - before * MS_PER_MINUTE, wallMs - after * MS_PER_MINUTE);
  let hi = Math.max(wallMs - before * MS_PER_MINUTE, wallMs - after * MS_PER_MINUTE);
  const offLo = offsetAt(lo, zone);
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (offsetAt(mid, zone) === offLo) lo = mid;
    else hi = mid;
  }
  return new Date(hi);
}

function countryOf(ctx: BusinessContext): string | null {
  const c = ctx.country?.trim();
  return c ? c.toUpperCase() : countryForZone(ctx.zone);
}

/** Whether a local date is a business day: a listed weekday and, if the policy says so, not a public holiday. */
export function isBusinessDate(date: LocalDate, ctx: BusinessContext): boolean {
  if (!ctx.policy.businessHours.days.includes(isoWeekday(date))) return false;
  if (!ctx.policy.skipPublicHolidays) return true;
  const country = countryOf(ctx);
  if (!country) return true;
  const names = publicHolidays(country, date.year).get(isoDate(date));
  if (!names) return true;
  // A holiday the organisation works through (policy.workingHolidays) is a business day.
  const working = new Set(ctx.policy.workingHolidays.map((n) => n.trim().toLowerCase()));
  return working.size > 0 && names.every((n) => working.has(n.toLowerCase()));
}

/** Business hours of one local date as instants [start, end), or null on a non-business day. */
export function businessWindow(date: LocalDate, ctx: BusinessContext): { start: Date; end: Date } | null {
  if (!isBusinessDate(date, ctx)) return null;
  const startMin = parseClock(ctx.policy.businessHours.start);
  const endMin = parseClock(ctx.policy.businessHours.end);
  if (endMin <= startMin) throw new RangeError('Business hours must end after they start');
  const start = localTimeToInstant(date, startMin, ctx.zone);
  const end = localTimeToInstant(date, endMin, ctx.zone);
  if (end.getTime() <= start.getTime()) return null;
  return { start, end };
}

/** Inside business hours, on a business day, in ctx.zone. */
export function isBusinessInstant(at: Date, ctx: BusinessContext): boolean {
  assertZone(ctx.zone);
  const w = businessWindow(localDateOf(at, ctx.zone), ctx);
  return w !== null && w.start.getTime() <= at.getTime() && at.getTime() < w.end.getTime();
}

/** `at` itself when it is business time, else the start of the next business hours. */
export function nextBusinessInstant(at: Date, ctx: BusinessContext): Date {
  assertZone(ctx.zone);
  const first = localDateOf(at, ctx.zone);
  // Start one day early: with a 24:00 end, yesterday's window can still be open.
  for (let i = -1; i <= MAX_SEARCH_DAYS; i++) {
    const w = businessWindow(plusDays(first, i), ctx);
    if (!w || at.getTime() >= w.end.getTime()) continue;
    return at.getTime() >= w.start.getTime() ? new Date(at.getTime()) : w.start;
  }
  throw new RangeError(`No business hours within ${MAX_SEARCH_DAYS} days in ${ctx.zone}; check the policy`);
}

/**
 * `days` business days after `at`, at the same local time of day, then moved into business hours.
 * 0 days is nextBusinessInstant(at). Negative days count backwards.
 */
export function addBusinessDays(at: Date, days: number, ctx: BusinessContext): Date {
  assertZone(ctx.zone);
  if (!Number.isInteger(days)) throw new RangeError('addBusinessDays: days must be an integer');
  const local = DateTime.fromJSDate(at, { zone: ctx.zone });
  let date: LocalDate = { year: local.year, month: local.month, day: local.day };
  const dir = days < 0 ? -1 : 1;
  let left = Math.abs(days);
  let guard = 0;
  while (left > 0) {
    date = plusDays(date, dir);
    if (isBusinessDate(date, ctx)) left--;
    if (++guard > MAX_SEARCH_DAYS * Math.max(1, Math.abs(days))) {
      throw new RangeError('addBusinessDays: no business days in the policy');
    }
  }
  const minuteOfDay = local.hour * 60 + local.minute;
  const sameTime = new Date(
    localTimeToInstant(date, minuteOfDay, ctx.zone).getTime() + local.second * 1000 + local.millisecond,
  );
  return nextBusinessInstant(sameTime, ctx);
}

/**
 * `minutes` of business time after `at` (time outside business hours does not count).
 * The result is inside business hours, or at the very end of a window when it lands there exactly.
 */
export function addBusinessMinutes(at: Date, minutes: number, ctx: BusinessContext): Date {
  assertZone(ctx.zone);
  let cursor = nextBusinessInstant(at, ctx);
  let left = minutes * MS_PER_MINUTE;
  for (let guard = 0; guard <= MAX_SEARCH_DAYS; guard++) {
    const w = businessWindow(localDateOf(cursor, ctx.zone), ctx);
    if (!w) throw new RangeError('addBusinessMinutes: cursor outside business hours');
    const room = w.end.getTime() - cursor.getTime();
    if (left <= room) return new Date(cursor.getTime() + left);
    left -= room;
    cursor = nextBusinessInstant(w.end, ctx);
  }
  throw new RangeError('addBusinessMinutes: too far ahead');
}
