import { DateTime } from 'luxon';

/**
 * Graph's `{ dateTime, timeZone }` on the emulator's side, with the emulator's own Windows → IANA
 * table: the "001" (primary) zone of each Windows zone in CLDR's windowsZones.xml, copied here as
 * CLDR spells it. It is deliberately not the adapter's table (src/providers/microsoft), so a wrong
 * entry there shows up as a disagreement with this one (tests/microsoft/time-zones.test.ts).
 */
export const CLDR_WINDOWS_ZONES: ReadonlyMap<string, string> = new Map([
  ['UTC', 'Etc/UTC'],
  ['Greenwich Standard Time', 'Atlantic/Reykjavik'],
  ['GMT Standard Time', 'Europe/London'],
  ['W. Europe Standard Time', 'Europe/Berlin'],
  ['Central Europe Standard Time', 'Europe/Budapest'],
  ['Romance Standard Time', 'Europe/Paris'],
  ['Central European Standard Time', 'Europe/Warsaw'],
  ['E. Europe Standard Time', 'Europe/Chisinau'],
  ['FLE Standard Time', 'Europe/Kiev'],
  ['GTB Standard Time', 'Europe/Bucharest'],
  ['Turkey Standard Time', 'Europe/Istanbul'],
  ['Russian Standard Time', 'Europe/Moscow'],
  ['Morocco Standard Time', 'Africa/Casablanca'],
  ['W. Central Africa Standard Time', 'Africa/Lagos'],
  ['South Africa Standard Time', 'Africa/Johannesburg'],
  ['Egypt Standard Time', 'Africa/Cairo'],
  ['E. Africa Standard Time', 'Africa/Nairobi'],
  ['Israel Standard Time', 'Asia/Jerusalem'],
  ['Arab Standard Time', 'Asia/Riyadh'],
  ['Arabian Standard Time', 'Asia/Dubai'],
  ['Pakistan Standard Time', 'Asia/Karachi'],
  ['India Standard Time', 'Asia/Calcutta'],
  ['SE Asia Standard Time', 'Asia/Bangkok'],
  ['China Standard Time', 'Asia/Shanghai'],
  ['Singapore Standard Time', 'Asia/Singapore'],
  ['Taipei Standard Time', 'Asia/Taipei'],
  ['Korea Standard Time', 'Asia/Seoul'],
  ['Tokyo Standard Time', 'Asia/Tokyo'],
  ['W. Australia Standard Time', 'Australia/Perth'],
  ['Cen. Australia Standard Time', 'Australia/Adelaide'],
  ['E. Australia Standard Time', 'Australia/Brisbane'],
  ['AUS Eastern Standard Time', 'Australia/Sydney'],
  ['New Zealand Standard Time', 'Pacific/Auckland'],
  ['Hawaiian Standard Time', 'Pacific/Honolulu'],
  ['Alaskan Standard Time', 'America/Anchorage'],
  ['Pacific Standard Time', 'America/Los_Angeles'],
  ['US Mountain Standard Time', 'America/Phoenix'],
  ['Mountain Standard Time', 'America/Denver'],
  ['Central Standard Time', 'America/Chicago'],
  ['Canada Central Standard Time', 'America/Regina'],
  ['Central America Standard Time', 'America/Guatemala'],
  ['Eastern Standard Time', 'America/New_York'],
  ['SA Pacific Standard Time', 'America/Bogota'],
  ['Atlantic Standard Time', 'America/Halifax'],
  ['Newfoundland Standard Time', 'America/St_Johns'],
  ['Pacific SA Standard Time', 'America/Santiago'],
  ['Argentina Standard Time', 'America/Buenos_Aires'],
  ['E. South America Standard Time', 'America/Sao_Paulo'],
]);

/** The IANA zone a Graph timeZone names: a Windows name from the table, or an IANA name as is. Null when unknown. */
export function emulatorZone(timeZone: string | null | undefined): string | null {
  if (!timeZone) return 'UTC';
  const windows = CLDR_WINDOWS_ZONES.get(timeZone);
  if (windows) return windows;
  return DateTime.utc().setZone(timeZone).isValid ? timeZone : null;
}

/** Graph writes "2024-05-02T15:00:00.0000000" (7 fraction digits, no offset); clients may send fewer digits, or a date alone. */
const GRAPH_WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,7}))?)?)?Z?$/;

/** The instant a request's `{ dateTime, timeZone }` names. Throws on an unknown zone or a malformed dateTime. */
export function readGraphTime(value: { dateTime?: string | null; timeZone?: string | null }): Date {
  const zone = emulatorZone(value.timeZone);
  if (!zone) throw new Error(`unknown time zone "${value.timeZone}"`);
  if (!value.dateTime) throw new Error('missing dateTime');
  const parts = GRAPH_WALL_CLOCK.exec(value.dateTime);
  const wall = parts
    ? DateTime.fromObject(
        {
          year: Number(parts[1]),
          month: Number(parts[2]),
          day: Number(parts[3]),
          hour: Number(parts[4] ?? 0),
          minute: Number(parts[5] ?? 0),
          second: Number(parts[6] ?? 0),
          millisecond: Number((parts[7] ?? '0').padEnd(3, '0').slice(0, 3)),
        },
        { zone },
      )
    : null;
  if (!wall?.isValid) throw new Error(`invalid dateTime "${value.dateTime}"`);
  return wall.toJSDate();
}

/** An instant as Graph answers it: the wall clock in `zone` (IANA), to the second, and the zone's name. */
export function writeGraphTime(instant: Date, zone: string): { dateTime: string; timeZone: string } {
  const local = DateTime.fromJSDate(instant).setZone(zone);
  return { dateTime: `${local.toISODate()}T${local.toFormat('HH:mm:ss')}.0000000`, timeZone: zone };
}
