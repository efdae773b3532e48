import { DateTime } from 'luxon';
import { formatLocal } from './ics.writer.js';

/**
 * Generates a VTIMEZONE for an IANA zone from the system's tz database (through luxon), so an
 * invite can carry DTSTART;TZID=<the prospect's zone> and every client agrees on the instant.
 *
 * The definition covers the year before the event through the year after. When the zone's
 * changes follow a yearly rule (e.g. last Sunday of March at 02:00) each STANDARD/DAYLIGHT part
 * gets an RRULE, which Outlook and Google handle best; otherwise each change is written as its
 * own onset. A zone without changes gets one STANDARD part.
 */
const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

interface Transition {
  at: number;
  fromMinutes: number;
  toMinutes: number;
  dst: boolean;
}

export function buildVtimezone(zone: string, year: number): string[] {
  const rangeStart = Date.UTC(year - 1, 0, 1);
  const rangeEnd = Date.UTC(year + 2, 0, 1);
  const transitions = findTransitions(zone, rangeStart, rangeEnd);
  const lines = ['BEGIN:VTIMEZONE', `TZID:${zone}`];
  if (transitions.length === 0) {
    const offset = offsetAt(zone, rangeStart);
    lines.push(...observance({ kind: 'STANDARD', dtstart: '19700101T000000', from: offset, to: offset, name: zoneAbbreviation(zone, rangeStart) }));
  } else {
    let explicit = false;
    for (const kind of ['STANDARD', 'DAYLIGHT'] as const) {
      const group = transitions.filter((t) => t.dst === (kind === 'DAYLIGHT'));
      if (group.length === 0) continue;
      const rule = yearlyRule(group);
      if (rule) {
        const first = group[0]!;
        lines.push(...observance({ kind, dtstart: onsetText(first), from: first.fromMinutes, to: first.toMinutes, name: zoneAbbreviation(zone, first.at), rrule: rule }));
      } else {
        explicit = true;
        for (const t of group) lines.push(...observance({ kind, dtstart: onsetText(t), from: t.fromMinutes, to: t.toMinutes, name: zoneAbbreviation(zone, t.at) }));
      }
    }
    if (explicit) {
      // Explicit onsets only: say what applied before the first one.
      const offset = offsetAt(zone, rangeStart);
      const kind = DateTime.fromMillis(rangeStart, { zone }).isInDST ? 'DAYLIGHT' : 'STANDARD';
      lines.push(...observance({ kind, dtstart: formatLocal(DateTime.fromMillis(rangeStart, { zone: 'UTC' }).plus({ minutes: offset })), from: offset, to: offset, name: zoneAbbreviation(zone, rangeStart) }));
    }
  }
  lines.push('END:VTIMEZONE');
  return lines;
}

function observance(input: { kind: 'STANDARD' | 'DAYLIGHT'; dtstart: string; from: number; to: number; name: string | null; rrule?: string }): string[] {
  return [
    `BEGIN:${input.kind}`,
    `DTSTART:${input.dtstart}`,
    ...(input.rrule ? [`RRULE:${input.rrule}`] : []),
    `TZOFFSETFROM:${formatOffset(input.from)}`,
    `TZOFFSETTO:${formatOffset(input.to)}`,
    ...(input.name ? [`TZNAME:${input.name}`] : []),
    `END:${input.kind}`,
  ];
}

function offsetAt(zone: string, ms: number): number {
  return DateTime.fromMillis(ms, { zone }).offset;
}

function findTransitions(zone: string, start: number, end: number): Transition[] {
  const found: Transition[] = [];
  let previous = offsetAt(zone, start);
  for (let t = start + DAY_MS; t <= end; t += DAY_MS) {
    const current = offsetAt(zone, t);
    if (current === previous) continue;
    // Binary search for the first minute with the new offset.
    let lo = t - DAY_MS;
    let hi = t;
    while (hi - lo > MINUTE_MS) {
      const mid = lo + Math.floor((hi - lo) / 2 / MINUTE_MS) * MINUTE_MS;
      if (offsetAt(zone, mid) === previous) lo = mid;
      else hi = mid;
    }
    found.push({ at: hi, fromMinutes: previous, toMinutes: current, dst: DateTime.fromMillis(hi, { zone }).isInDST });
    previous = current;
  }
  return found;
}

/** Local wall-clock of the change, in the offset before it (RFC 5545 §3.6.5). */
function onsetText(t: Transition): string {
  return formatLocal(DateTime.fromMillis(t.at + t.fromMinutes * MINUTE_MS, { zone: 'UTC' }));
}

const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

/** "FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU" when every change in the group follows it, else null. */
function yearlyRule(group: Transition[]): string | null {
  if (group.length < 2) return null;
  const describe = (t: Transition) => {
    const local = DateTime.fromMillis(t.at + t.fromMinutes * MINUTE_MS, { zone: 'UTC' });
    const last = local.day + 7 > local.daysInMonth!;
    return {
      month: local.month,
      weekday: WEEKDAYS[local.weekday - 1]!,
      nth: Math.ceil(local.day / 7),
      last,
      time: local.toFormat('HHmm'),
      offsets: `${t.fromMinutes}/${t.toMinutes}`,
    };
  };
  const all = group.map(describe);
  const first = all[0]!;
  const same = all.every((d) => d.month === first.month && d.weekday === first.weekday && d.time === first.time && d.offsets === first.offsets);
  if (!same) return null;
  if (all.every((d) => d.last)) return `FREQ=YEARLY;BYMONTH=${first.month};BYDAY=-1${first.weekday}`;
  if (all.every((d) => d.nth === first.nth && first.nth <= 4)) return `FREQ=YEARLY;BYMONTH=${first.month};BYDAY=${first.nth}${first.weekday}`;
  return null;
}

/** "+0100", "-0430", "+0545". */
export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`;
}

/** "CET", "EDT"; null when only a "GMT+1" style name is known (TZNAME is optional). */
export function zoneAbbreviation(zone: string, ms: number): string | null {
  for (const locale of ['en-US', 'en-GB']) {
    const name = DateTime.fromMillis(ms, { zone }).setLocale(locale).offsetNameShort;
    if (name && /^[A-Z]{2,6}$/.test(name) && name !== 'GMT' && name !== 'UTC') return name;
  }
  const name = DateTime.fromMillis(ms, { zone }).setLocale('en-GB').offsetNameShort;
  return name === 'GMT' || name === 'UTC' ? name : null;
}
