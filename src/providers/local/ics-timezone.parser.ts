import ICAL from 'ical.js';
import { DateTime, IANAZone } from 'luxon';
import { findIana } from 'windows-iana';

/**
 * Turns iCalendar wall-clock times into instants.
 *
 * A TZID is resolved, in this order, to:
 *  1. an IANA zone when the TZID is one ("Europe/Berlin", "US/Eastern"): the system's tz
 *     database is more trustworthy than the often hand-made VTIMEZONE copies in exported files;
 *  2. the file's own VTIMEZONE with that TZID (Outlook names like "W. Europe Standard Time");
 *  3. an IANA name at the end of a vendor-prefixed TZID ("/softwarestudio.org/.../Europe/Berlin");
 *  4. a Windows zone name with no VTIMEZONE (Office 365: "W. Europe Standard Time"), through
 *     CLDR's windowsZones table (the windows-iana package): its main zone, "Europe/Berlin";
 *  5. otherwise the floating zone (the rep's zone), reported as a problem by the caller.
 * Dates (all-day values) and floating times are read in the floating zone.
 */
export type ResolvedZone =
  | { kind: 'utc' }
  | { kind: 'iana'; name: string; guessed: boolean }
  | { kind: 'vtimezone'; zone: ICAL.Timezone }
  | { kind: 'unknown'; tzid: string };

const UTC_NAMES = new Set(['utc', 'z', 'gmt', 'etc/utc', 'etc/gmt', 'universal', 'zulu']);

export class ZoneResolver {
  private readonly cache = new Map<string, ResolvedZone>();

  constructor(
    private readonly root: ICAL.Component,
    /** IANA zone used for floating times and all-day dates (the rep's zone). */
    readonly floatingZone: string,
  ) {}

  resolve(tzid: string): ResolvedZone {
    const cached = this.cache.get(tzid);
    if (cached) return cached;
    const resolved = this.lookup(tzid);
    this.cache.set(tzid, resolved);
    return resolved;
  }

  /** TZIDs used in the file that could not be resolved (for problem reports). */
  unresolved(): string[] {
    return [...this.cache.values()].flatMap((z) => (z.kind === 'unknown' ? [z.tzid] : []));
  }

  /** TZIDs read as a guessed IANA zone: `[tzid, zone]`. */
  guessed(): [string, string][] {
    return [...this.cache.entries()].flatMap(([tzid, z]) => (z.kind === 'iana' && z.guessed ? [[tzid, z.name] as [string, string]] : []));
  }

  /** The instant a Time value stands for; `tzid` is the property's TZID parameter, if any. */
  toInstant(time: ICAL.Time, tzid: string | null): Date {
    if (time.isDate) return wallClockInZone(time, this.floatingZone);
    if (time.zone === ICAL.Timezone.utcTimezone || time.zone?.tzid === 'UTC') {
      return new Date(Date.UTC(time.year, time.month - 1, time.day, time.hour, time.minute, time.second));
    }
    if (!tzid) return wallClockInZone(time, this.floatingZone);
    const zone = this.resolve(tzid);
    switch (zone.kind) {
      case 'utc':
        return new Date(Date.UTC(time.year, time.month - 1, time.day, time.hour, time.minute, time.second));
      case 'iana':
        return wallClockInZone(time, zone.name);
      case 'vtimezone': {
        const copy = time.clone();
        copy.zone = zone.zone;
        return new Date(copy.toUnixTime() * 1000);
      }
      case 'unknown':
        return wallClockInZone(time, this.floatingZone);
    }
  }

  /** The wall-clock time of an instant in the zone of `tzid` (null: floating), as a floating Time. */
  toWallClock(instant: Date, tzid: string | null): ICAL.Time {
    const zone = tzid ? this.resolve(tzid) : null;
    if (zone?.kind === 'vtimezone') {
      const utc = ICAL.Time.fromJSDate(instant, true);
      const local = utc.convertToZone(zone.zone);
      return ICAL.Time.fromData({ year: local.year, month: local.month, day: local.day, hour: local.hour, minute: local.minute, second: local.second });
    }
    const name = zone?.kind === 'iana' ? zone.name : zone?.kind === 'utc' ? 'UTC' : this.floatingZone;
    const dt = DateTime.fromJSDate(instant, { zone: name });
    return ICAL.Time.fromData({ year: dt.year, month: dt.month, day: dt.day, hour: dt.hour, minute: dt.minute, second: dt.second });
  }

  private lookup(tzid: string): ResolvedZone {
    const name = tzid.trim();
    if (UTC_NAMES.has(name.toLowerCase())) return { kind: 'utc' };
    if (isIanaZone(name)) return { kind: 'iana', name, guessed: false };
    const vtimezone = this.findVtimezone(tzid);
    if (vtimezone) return { kind: 'vtimezone', zone: vtimezone };
    const suffix = ianaSuffix(name);
    if (suffix) return { kind: 'iana', name: suffix, guessed: true };
    const windows = windowsZone(name);
    if (windows) return { kind: 'iana', name: windows, guessed: false };
    return { kind: 'unknown', tzid };
  }

  private findVtimezone(tzid: string): ICAL.Timezone | null {
    for (const component of this.root.getAllSubcomponents('vtimezone')) {
      if (component.getFirstPropertyValue('tzid') !== tzid) continue;
      try {
        const zone = new ICAL.Timezone({ component, tzid });
        // Building the zone's transitions fails on broken observances; find out now.
        zone.utcOffset(ICAL.Time.fromData({ year: 2000, month: 1, day: 1, hour: 0 }));
        return zone;
      } catch {
        return null;
      }
    }
    return null;
  }
}

export function isIanaZone(name: string): boolean {
  // Offsets like "+01:00" are valid luxon zones but not zone names.
  return /^[A-Za-z]/.test(name) && IANAZone.isValidZone(name);
}

/** "W. Europe Standard Time" -> "Europe/Berlin" (CLDR windowsZones, territory 001). */
export function windowsZone(tzid: string): string | null {
  const name = tzid.replace(/^"+|"+$/g, '').trim();
  const zone = findIana(name)[0] ?? null;
  return zone && isIanaZone(zone) ? zone : null;
}

/** "/softwarestudio.org/Olson_20011030_5/Pacific/Auckland" -> "Pacific/Auckland". */
function ianaSuffix(tzid: string): string | null {
  const parts = tzid.split('/').filter(Boolean);
  for (let n = Math.min(3, parts.length); n >= 2; n -= 1) {
    const candidate = parts.slice(-n).join('/');
    if (isIanaZone(candidate)) return candidate;
  }
  return null;
}

/** Wall-clock to instant conversions are the hot path of recurrence expansion. */
const instantCache = new Map<string, number>();
const INSTANT_CACHE_LIMIT = 50_000;

function wallClockInZone(time: ICAL.Time, zone: string): Date {
  const key = `${zone}|${time.year}-${time.month}-${time.day}${time.isDate ? '' : `T${time.hour}:${time.minute}:${time.second}`}`;
  const cached = instantCache.get(key);
  if (cached !== undefined) return new Date(cached);
  const instant = convertWallClock(time, zone);
  if (instantCache.size >= INSTANT_CACHE_LIMIT) instantCache.clear();
  instantCache.set(key, instant.getTime());
  return instant;
}

function convertWallClock(time: ICAL.Time, zone: string): Date {
  const dt = DateTime.fromObject(
    time.isDate
      ? { year: time.year, month: time.month, day: time.day }
      : { year: time.year, month: time.month, day: time.day, hour: time.hour, minute: time.minute, second: time.second },
    { zone },
  );
  if (!dt.isValid) throw new Error(`invalid date ${time.toString()} (${dt.invalidExplanation ?? dt.invalidReason ?? 'unknown reason'})`);
  return dt.toJSDate();
}
