/**
 * The Graph emulator keeps its own Windows → IANA table (src/emulators/microsoft/graph-time.ts), so
 * the adapter's table (src/providers/microsoft/graph-time.mapper.ts) is checked against something it did
 * not write. Both are held here to CLDR's windowsZones data as node-ical ships it, an independent
 * copy, and to each other: same offsets through three years of DST changes for every zone.
 */
import { readFileSync } from 'node:fs';
import { IANAZone } from 'luxon';
import { describe, expect, it } from 'vitest';
import { CLDR_WINDOWS_ZONES, readGraphTime, writeGraphTime } from '../../src/emulators/microsoft/graph-time.js';
import { formatGraphDateTime, parseGraphDateTime, WINDOWS_TO_IANA } from '../../src/providers/microsoft/graph-time.mapper.js';

const CLDR = JSON.parse(readFileSync(new URL('../../node_modules/node-ical/windowsZones.json', import.meta.url), 'utf8')) as Record<string, { iana: string[] }>;

const FROM = Date.parse('2025-01-01T00:00:00Z');
const TO = Date.parse('2028-01-01T00:00:00Z');
const STEP_MS = 12 * 3_600_000;

/** Two IANA names for the same clock: equal UTC offsets at every step of three years. */
function sameClock(a: string, b: string): boolean {
  const za = IANAZone.create(a);
  const zb = IANAZone.create(b);
  if (!za.isValid || !zb.isValid) return false;
  for (let t = FROM; t < TO; t += STEP_MS) if (za.offset(t) !== zb.offset(t)) return false;
  return true;
}

function isRepeatedHour(instant: Date, zone: string): boolean {
  const wall = (t: number) => writeGraphTime(new Date(t), zone).dateTime;
  return wall(instant.getTime() - 3_600_000) === wall(instant.getTime()) || wall(instant.getTime() + 3_600_000) === wall(instant.getTime());
}

/** Windows names the adapter reads that CLDR does not list (a display name Outlook also writes). */
const ADAPTER_ONLY = ['Coordinated Universal Time'];

describe('Windows time zones: the emulator, the adapter and CLDR agree', () => {
  it.each([...CLDR_WINDOWS_ZONES])('emulator: %s is %s, as in CLDR', (windows, iana) => {
    const cldr = CLDR[windows]?.iana[0];
    expect(cldr, `${windows} is not in CLDR's windowsZones`).toBeDefined();
    expect(sameClock(iana, cldr!)).toBe(true);
  });

  it.each(Object.entries(WINDOWS_TO_IANA).filter(([windows]) => !ADAPTER_ONLY.includes(windows)))(
    'adapter: %s is %s, the same clock as the emulator says',
    (windows, iana) => {
      const emulator = CLDR_WINDOWS_ZONES.get(windows);
      expect(emulator, `the emulator does not know ${windows}`).toBeDefined();
      expect(sameClock(iana, emulator!)).toBe(true);
    },
  );

  it('the adapter reads a time the emulator writes, and the reverse, across DST edges east and west of UTC', () => {
    const instants = [
      '2026-03-08T06:59:59Z', // New York, a second before spring forward
      '2026-03-08T07:00:00Z',
      '2026-03-29T00:30:00Z', // Berlin and London change on this day
      '2026-03-29T01:30:00Z',
      '2026-04-05T15:30:00Z', // Sydney falls back
      '2026-10-25T00:59:00Z', // London's repeated hour (skipped there), Berlin's too
      '2026-10-25T02:30:00Z',
      '2026-11-01T05:30:00Z', // New York's repeated hour
      '2026-11-01T07:30:00Z',
      '2026-12-31T23:00:00Z',
    ].map((s) => new Date(s));
    for (const windows of Object.keys(WINDOWS_TO_IANA).filter((w) => !ADAPTER_ONLY.includes(w))) {
      const emulatorZone = CLDR_WINDOWS_ZONES.get(windows)!;
      for (const instant of instants) {
        // An hour that a fall-back repeats is written the same for two instants: Graph's format
        // cannot tell them apart, on either side.
        if (isRepeatedHour(instant, emulatorZone)) continue;
        const written = writeGraphTime(instant, emulatorZone);
        expect(parseGraphDateTime({ dateTime: written.dateTime, timeZone: windows }), `${windows} ${instant.toISOString()}`).toEqual(instant);
        const sent = formatGraphDateTime(instant, WINDOWS_TO_IANA[windows]);
        expect(readGraphTime({ dateTime: sent.dateTime, timeZone: windows }), `${windows} ${instant.toISOString()}`).toEqual(instant);
      }
    }
  });

  it('the emulator refuses a zone it cannot name and a malformed time, as Graph does', () => {
    expect(() => readGraphTime({ dateTime: '2026-03-08T10:00:00.0000000', timeZone: 'Mars Standard Time' })).toThrow(/unknown time zone/);
    expect(() => readGraphTime({ dateTime: '2026-02-30T10:00:00', timeZone: 'UTC' })).toThrow(/invalid dateTime/);
    expect(readGraphTime({ dateTime: '2026-03-08T10:00:00.1234567', timeZone: 'Europe/Paris' })).toEqual(new Date('2026-03-08T09:00:00.123Z'));
  });
});
