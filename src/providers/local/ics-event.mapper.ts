import type ICAL from 'ical.js';
import type { Attendee, CalendarEvent, RsvpResponse, TimeInterval } from '../../domain/types.js';
import { findConference } from './conference-link.parser.js';
import { expandSeries, MAX_OCCURRENCES_SCANNED, paramString, seriesLastStart, type Occurrence } from './ics-recurrence.mapper.js';
import { describeComponent, isCalAddress } from './ics-lint.parser.js';
import type { ParsedIcs } from './ics.parser.js';
import { ZoneResolver } from './ics-timezone.parser.js';

/**
 * Maps the VEVENTs of a parsed .ics file to domain CalendarEvents (pure: no I/O, no clock).
 *
 * Ids: a plain event's id is its UID; an instance of a recurring series is
 * `${UID}_${RECURRENCE-ID}` with the recurrence id in UTC basic format (20250310T080000Z), or
 * the date (20250310) for all-day series. Overrides (VEVENTs with RECURRENCE-ID) replace the
 * instance they name; series instances are produced only inside `range`.
 */
export interface ReadEvent {
  event: CalendarEvent;
  /** 'instance': generated from a series' RRULE/RDATE; 'override': a VEVENT with RECURRENCE-ID. */
  kind: 'single' | 'instance' | 'override';
  /** TRANSP:TRANSPARENT (does not block time). */
  transparent: boolean;
}

export interface ReadEventsResult {
  /** Plain events and overrides whatever their time; series instances only inside the range. */
  events: ReadEvent[];
  problems: string[];
  /** The file holds a recurring series (its instances depend on the range). */
  recurring: boolean;
  /** Earliest start and latest end (ms) of everything in the file; end null = never ends. */
  span: { start: number; end: number | null } | null;
}

export interface ReadEventsOptions {
  calendarId: string;
  /** IANA zone for floating times and all-day dates (the rep's zone). */
  floatingZone: string;
  range: TimeInterval;
}

const PARTSTAT: Record<string, RsvpResponse> = {
  ACCEPTED: 'accepted',
  DECLINED: 'declined',
  TENTATIVE: 'tentative',
  'NEEDS-ACTION': 'needs_action',
};

export function readCalendarEvents(parsed: ParsedIcs, options: ReadEventsOptions): ReadEventsResult {
  const result: ReadEventsResult = { events: [], problems: [], recurring: false, span: null };
  for (const root of parsed.calendars) {
    const resolver = new ZoneResolver(root, options.floatingZone);
    const groups = new Map<string, { masters: ICAL.Component[]; overrides: ICAL.Component[] }>();
    for (const vevent of root.getAllSubcomponents('vevent')) {
      if (parsed.skipped.has(vevent)) continue;
      const uid = String(vevent.getFirstPropertyValue('uid')).trim();
      const group = groups.get(uid) ?? { masters: [], overrides: [] };
      (vevent.hasProperty('recurrence-id') ? group.overrides : group.masters).push(vevent);
      groups.set(uid, group);
    }
    for (const [uid, group] of groups) {
      try {
        const master = latestVersion(group.masters);
        if (group.masters.length > 1) {
          result.problems.push(`event ${uid}: ${group.masters.length} VEVENTs share this UID without RECURRENCE-ID; read the latest (SEQUENCE ${sequenceOf(master!)}, then DTSTAMP)`);
        }
        readGroup(uid, master, latestOverrides(group.overrides), resolver, options, result);
      } catch (err) {
        // ical.js throws on some broken files (found by the parser fuzzer: a VTIMEZONE without
        // TZID); one unreadable event is skipped and named, the rest of the file is read.
        result.problems.push(`event ${uid}: cannot be read (${err instanceof Error ? err.message : String(err)}); skipped`);
      }
    }
    for (const tzid of resolver.unresolved()) {
      result.problems.push(`TZID "${tzid}" is neither defined in the file (VTIMEZONE) nor a known time zone; its times were read in ${options.floatingZone}`);
    }
    for (const [tzid, zone] of resolver.guessed()) {
      result.problems.push(`TZID "${tzid}" has no VTIMEZONE in the file; read as ${zone}`);
    }
  }
  return result;
}

/** iTIP (RFC 5546 §2.1.5): the version with the highest SEQUENCE wins, then the latest DTSTAMP;
 *  on a tie, the first in the file. */
export function latestVersion(versions: ICAL.Component[]): ICAL.Component | null {
  let best: ICAL.Component | null = null;
  for (const v of versions) {
    if (!best) best = v;
    else {
      const bySequence = sequenceOf(v) - sequenceOf(best);
      if (bySequence > 0 || (bySequence === 0 && dtstampOf(v) > dtstampOf(best))) best = v;
    }
  }
  return best;
}

/** Of several overrides for one RECURRENCE-ID, the latest version (as latestVersion). */
function latestOverrides(overrides: ICAL.Component[]): ICAL.Component[] {
  const byRid = new Map<string, ICAL.Component[]>();
  for (const o of overrides) {
    const rid = String(o.getFirstProperty('recurrence-id')?.getFirstValue() ?? '');
    byRid.set(rid, [...(byRid.get(rid) ?? []), o]);
  }
  return [...byRid.values()].map((versions) => latestVersion(versions)!);
}

function sequenceOf(c: ICAL.Component): number {
  const n = Number(c.getFirstPropertyValue('sequence'));
  return Number.isFinite(n) ? n : 0;
}

function dtstampOf(c: ICAL.Component): number {
  const v = c.getFirstPropertyValue('dtstamp') as ICAL.Time | null;
  try {
    return v && typeof v === 'object' && 'toUnixTime' in v ? v.toUnixTime() : 0;
  } catch {
    return 0;
  }
}

function readGroup(
  uid: string,
  master: ICAL.Component | null,
  overrides: ICAL.Component[],
  resolver: ZoneResolver,
  options: ReadEventsOptions,
  result: ReadEventsResult,
): void {
  const overridden = new Set<number>();
  for (const override of overrides) {
    attempt(override, result, () => {
      const ridProp = override.getFirstProperty('recurrence-id')!;
      const rid = ridProp.getFirstValue() as ICAL.Time;
      const ridInstant = resolver.toInstant(rid, paramString(ridProp, 'tzid'));
      overridden.add(ridInstant.getTime());
      const times = componentTimes(override, resolver);
      const event = mapEvent(override, resolver, options, {
        id: `${uid}_${recurrenceIdText(rid, ridInstant)}`,
        start: times.start,
        end: times.end,
        allDay: times.allDay,
        recurringEventId: uid,
        originalStart: ridInstant,
      });
      push(result, { event, kind: 'override', transparent: isTransparent(override) }, times.end.getTime());
    });
  }
  if (!master) return;
  attempt(master, result, () => {
    const isSeries = master.hasProperty('rrule') || master.hasProperty('rdate');
    const times = componentTimes(master, resolver);
    if (!isSeries) {
      const event = mapEvent(master, resolver, options, { id: uid, ...times, recurringEventId: null, originalStart: null });
      push(result, { event, kind: 'single', transparent: isTransparent(master) }, times.end.getTime());
      return;
    }
    result.recurring = true;
    const allDay = times.allDay;
    const endOf = seriesEnd(master, resolver, times);
    const expansion = expandSeries({ master, resolver, range: options.range, endOf });
    if (expansion.truncated) {
      result.problems.push(`${describeComponent(master)}: its recurrence produces more than ${MAX_OCCURRENCES_SCANNED} occurrences before the sync window; later ones were skipped`);
    }
    // Instances share everything but their times: map the master once.
    const template = mapEvent(master, resolver, options, { id: uid, ...times, recurringEventId: uid, originalStart: null });
    const transparent = isTransparent(master);
    for (const occurrence of expansion.occurrences) {
      if (overridden.has(occurrence.start.getTime())) continue;
      const event: CalendarEvent = {
        ...template,
        id: `${uid}_${recurrenceIdText(occurrence.time, occurrence.start)}`,
        start: occurrence.start,
        end: endOf(occurrence),
        allDay,
        originalStart: occurrence.start,
        attendees: template.attendees.map((a) => ({ ...a })),
        categories: [...template.categories],
        conference: template.conference ? { ...template.conference } : null,
      };
      push(result, { event, kind: 'instance', transparent }, null);
    }
    const last = seriesLastStart(master, resolver);
    extendSpan(result, times.start.getTime(), last ? endOf({ time: times.startTime, tzid: times.tzid, start: last }).getTime() : null);
  });
}

function push(result: ReadEventsResult, read: ReadEvent, spanEnd: number | null): void {
  result.events.push(read);
  if (read.kind !== 'instance') extendSpan(result, read.event.start.getTime(), spanEnd ?? read.event.end.getTime());
}

function extendSpan(result: ReadEventsResult, start: number, end: number | null): void {
  if (!result.span) {
    result.span = { start, end };
    return;
  }
  result.span.start = Math.min(result.span.start, start);
  result.span.end = result.span.end === null || end === null ? null : Math.max(result.span.end, end);
}

/** Runs one component's mapping; an unexpected failure skips that event with a problem. */
function attempt(component: ICAL.Component, result: ReadEventsResult, fn: () => void): void {
  try {
    fn();
  } catch (err) {
    result.problems.push(`${describeComponent(component)} skipped: ${err instanceof Error ? err.message : String(err)}`);
  }
}

interface ComponentTimes {
  start: Date;
  end: Date;
  allDay: boolean;
  startTime: ICAL.Time;
  tzid: string | null;
}

/** DTSTART/DTEND (or DURATION) of one VEVENT as instants. */
function componentTimes(component: ICAL.Component, resolver: ZoneResolver): ComponentTimes {
  const startProp = component.getFirstProperty('dtstart')!;
  const startTime = startProp.getFirstValue() as ICAL.Time;
  const tzid = paramString(startProp, 'tzid');
  const start = resolver.toInstant(startTime, tzid);
  const endProp = component.getFirstProperty('dtend');
  let end: Date;
  if (endProp) {
    end = resolver.toInstant(endProp.getFirstValue() as ICAL.Time, paramString(endProp, 'tzid'));
  } else if (component.hasProperty('duration')) {
    end = addDuration(startTime, tzid, start, component.getFirstPropertyValue('duration') as ICAL.Duration, resolver);
  } else if (startTime.isDate) {
    const next = startTime.clone();
    next.adjust(1, 0, 0, 0);
    end = resolver.toInstant(next, null);
  } else {
    end = start;
  }
  if (end.getTime() < start.getTime()) end = start;
  return { start, end, allDay: startTime.isDate, startTime, tzid };
}

/** How an occurrence's end follows from its start: DTEND-DTSTART as an exact duration
 *  (RFC 5545 §3.8.5.3), whole days for all-day series, DURATION with nominal days. */
function seriesEnd(master: ICAL.Component, resolver: ZoneResolver, times: ComponentTimes): (o: Occurrence) => Date {
  const duration = master.getFirstPropertyValue('duration') as ICAL.Duration | null;
  if (!master.hasProperty('dtend') && duration) {
    return (o) => addDuration(o.time, o.tzid, o.start, duration, resolver);
  }
  if (times.allDay) {
    const days = Math.max(1, Math.round((times.end.getTime() - times.start.getTime()) / 86_400_000));
    return (o) => {
      const wall = o.time.clone();
      wall.adjust(days, 0, 0, 0);
      return resolver.toInstant(wall, null);
    };
  }
  const exact = times.end.getTime() - times.start.getTime();
  return (o) => new Date(o.start.getTime() + exact);
}

/** Longer than any real event: a guard against values like DURATION:P999999999999999999W. */
const MAX_EVENT_DAYS = 3_660;

function addDuration(startTime: ICAL.Time, tzid: string | null, start: Date, duration: ICAL.Duration, resolver: ZoneResolver): Date {
  const sign = duration.isNegative ? -1 : 1;
  const days = sign * (duration.weeks * 7 + duration.days);
  if (Math.abs(days) + Math.abs(duration.hours / 24) > MAX_EVENT_DAYS) {
    throw new Error(`DURATION ${duration.toString()} is longer than ten years; check the event`);
  }
  const exactMs = sign * (duration.hours * 3600 + duration.minutes * 60 + duration.seconds) * 1000;
  if (days === 0) return new Date(start.getTime() + exactMs);
  const wall = startTime.clone();
  wall.adjust(days, 0, 0, 0);
  return new Date(resolver.toInstant(wall, tzid).getTime() + exactMs);
}

/** 20250310T080000Z for date-times, 20250310 for dates. */
export function recurrenceIdText(time: ICAL.Time, instant: Date): string {
  if (time.isDate) return `${time.year}${pad(time.month)}${pad(time.day)}`;
  return instant.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

interface EventTimes {
  id: string;
  start: Date;
  end: Date;
  allDay: boolean;
  recurringEventId: string | null;
  originalStart: Date | null;
}

function mapEvent(component: ICAL.Component, resolver: ZoneResolver, options: ReadEventsOptions, times: EventTimes): CalendarEvent {
  const organizerEmail = addressOf(component.getFirstPropertyValue('organizer'));
  const attendees: Attendee[] = [];
  for (const prop of component.getAllProperties('attendee')) {
    const email = addressOf(prop.getFirstValue());
    if (!email) continue;
    const partstat = paramString(prop, 'partstat')?.toUpperCase() ?? 'NEEDS-ACTION';
    attendees.push({
      email,
      name: paramString(prop, 'cn'),
      response: PARTSTAT[partstat] ?? 'needs_action',
      ...(organizerEmail && email === organizerEmail ? { organizer: true } : {}),
    });
  }
  const text = (name: string): string | null => {
    const value = component.getFirstPropertyValue(name);
    return typeof value === 'string' && value !== '' ? value : null;
  };
  const updated = component.getFirstProperty('last-modified') ?? component.getFirstProperty('dtstamp');
  return {
    id: times.id,
    calendarId: options.calendarId,
    uid: String(component.getFirstPropertyValue('uid')).trim(),
    title: text('summary') ?? '',
    description: text('description'),
    start: times.start,
    end: times.end,
    allDay: times.allDay,
    status: mapStatus(text('status')),
    organizerEmail,
    attendees,
    categories: categoriesOf(component),
    conference: findConference([text('url'), text('x-google-conference'), text('x-microsoft-skypeteamsmeetingurl'), text('location'), text('description')]),
    recurringEventId: times.recurringEventId,
    originalStart: times.originalStart,
    updatedAt: updated ? safeInstant(updated, resolver) : null,
  };
}

function mapStatus(status: string | null): CalendarEvent['status'] {
  switch (status?.trim().toUpperCase()) {
    case 'TENTATIVE':
      return 'tentative';
    case 'CANCELLED':
      return 'cancelled';
    default:
      return 'confirmed';
  }
}

function isTransparent(component: ICAL.Component): boolean {
  return String(component.getFirstPropertyValue('transp') ?? '').trim().toUpperCase() === 'TRANSPARENT';
}

/** Every CATEGORIES property, each a comma list (ical.js splits it, keeping escaped commas);
 *  trimmed, without duplicates. */
function categoriesOf(component: ICAL.Component): string[] {
  const all = component
    .getAllProperties('categories')
    .flatMap((p) => p.getValues() as unknown[])
    .map((v) => String(v).trim())
    .filter(Boolean);
  return [...new Set(all)];
}

/** The email address of a cal-address ("mailto:a@b.example", or a bare "a@b.example"). */
function addressOf(value: unknown): string | null {
  if (typeof value !== 'string' || !isCalAddress(value)) return null;
  const m = /^(?:mailto:)?([^\s@:]+@[^\s@]+)$/i.exec(value.trim());
  return m ? m[1]!.toLowerCase() : null;
}

function safeInstant(prop: ICAL.Property, resolver: ZoneResolver): Date | null {
  try {
    return resolver.toInstant(prop.getFirstValue() as ICAL.Time, paramString(prop, 'tzid'));
  } catch {
    return null;
  }
}
