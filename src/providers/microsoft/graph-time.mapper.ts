import { DateTime } from 'luxon';

/**
 * Graph writes times as `{ dateTime: "2024-05-02T15:00:00.0000000", timeZone: "UTC" }`: a wall
 * clock without offset plus a zone that may be IANA ("Europe/Berlin") or Windows ("W. Europe
 * Standard Time"). Pure helpers of the adapter; the Graph emulator keeps its own table
 * (src/emulators/microsoft/graph-time.ts) and tests/microsoft/time-zones.test.ts holds both to CLDR.
 */
export const WINDOWS_TO_IANA: Readonly<Record<string, string>> = {
  UTC: 'UTC',
  'Coordinated Universal Time': 'UTC',
  'Greenwich Standard Time': 'Atlantic/Reykjavik',
  'GMT Standard Time': 'Europe/London',
  'W. Europe Standard Time': 'Europe/Berlin',
  'Central Europe Standard Time': 'Europe/Budapest',
  'Romance Standard Time': 'Europe/Paris',
  'Central European Standard Time': 'Europe/Warsaw',
  'E. Europe Standard Time': 'Europe/Chisinau',
  'FLE Standard Time': 'Europe/Kiev',
  'GTB Standard Time': 'Europe/Bucharest',
  'Russian Standard Time': 'Europe/Moscow',
  'Eastern Standard Time': 'America/New_York',
  'Central Standard Time': 'America/Chicago',
  'Mountain Standard Time': 'America/Denver',
  'US Mountain Standard Time': 'America/Phoenix',
  'Pacific Standard Time': 'America/Los_Angeles',
  'Alaskan Standard Time': 'America/Anchorage',
  'Hawaiian Standard Time': 'Pacific/Honolulu',
  'Atlantic Standard Time': 'America/Halifax',
  'E. South America Standard Time': 'America/Sao_Paulo',
  'India Standard Time': 'Asia/Kolkata',
  'China Standard Time': 'Asia/Shanghai',
  'Singapore Standard Time': 'Asia/Singapore',
  'Tokyo Standard Time': 'Asia/Tokyo',
  'AUS Eastern Standard Time': 'Australia/Sydney',
  'New Zealand Standard Time': 'Pacific/Auckland',
  'South Africa Standard Time': 'Africa/Johannesburg',
  'Arabian Standard Time': 'Asia/Dubai',
  'Israel Standard Time': 'Asia/Jerusalem',
};

/** IANA zone for a Graph timeZone value (IANA names pass through). Null when unknown. */
export function toIanaZone(timeZone: string | null | undefined): string | null {
  if (!timeZone) return 'UTC';
  const mapped = WINDOWS_TO_IANA[timeZone];
  if (mapped) return mapped;
  return DateTime.now().setZone(timeZone).isValid ? timeZone : null;
}

/** `{dateTime, timeZone}` → instant. Throws on an unknown zone or a malformed dateTime. */
export function parseGraphDateTime(value: { dateTime?: string | null; timeZone?: string | null }): Date {
  const zone = toIanaZone(value.timeZone);
  if (!zone) throw new Error(`unknown time zone "${value.timeZone}"`);
  if (!value.dateTime) throw new Error('missing dateTime');
  // Graph's dateTime has no offset but 7 fractional digits; luxon accepts at most 3.
  const trimmed = value.dateTime.replace(/(\.\d{3})\d+/, '$1').replace(/Z$/, '');
  const dt = DateTime.fromISO(trimmed, { zone });
  if (!dt.isValid) throw new Error(`invalid dateTime "${value.dateTime}"`);
  return dt.toJSDate();
}

/** Instant → `{dateTime, timeZone}` written in the given IANA zone (Graph's own format). */
export function formatGraphDateTime(instant: Date, zone = 'UTC'): { dateTime: string; timeZone: string } {
  const dt = DateTime.fromJSDate(instant, { zone });
  return { dateTime: `${dt.toFormat("yyyy-LL-dd'T'HH:mm:ss")}.0000000`, timeZone: zone };
}
