import ICAL from 'ical.js';
import type { ZoneResolver } from './ics-timezone.parser.js';

/**
 * Expands a recurring VEVENT (RRULE, RDATE, EXDATE) into the occurrences that touch a range.
 * Recurrence runs in wall-clock time in the zone of DTSTART (RFC 5545 §3.3.10), so a weekly
 * 09:00 Europe/Berlin meeting stays at 09:00 across DST; each occurrence is then turned into an
 * instant with that zone. EXDATEs are compared as instants, so a UTC EXDATE cancels the
 * matching local occurrence.
 */
export const MAX_OCCURRENCES_SCANNED = 50_000;
/**
 * Candidate dates ical.js may try for one event without finding an occurrence. The count of
 * occurrences returned is no bound: a rule that never matches (FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30)
 * makes ical.js's iterator loop inside one next() call for ever. Every candidate passes through
 * the iterator's check_contracting_rules, so that is where steps and time are counted.
 */
export const MAX_RECURRENCE_STEPS = 200_000;
/** Wall time one event may go without an occurrence (a rule stuck searching). */
export const MAX_EXPANSION_STALL_MS = 1_000;
/** Wall time one event's whole expansion may take. */
export const MAX_EXPANSION_MS = 5_000;
const DAY_MS = 86_400_000;
/** No zone is further than this from UTC (UTC-12 ... UTC+14). */
const MAX_ZONE_OFFSET_MS = 15 * 3_600_000;

export interface Occurrence {
  /** Wall-clock start (the RECURRENCE-ID value of this instance). */
  time: ICAL.Time;
  tzid: string | null;
  start: Date;
}

export interface ExpandInput {
  master: ICAL.Component;
  resolver: ZoneResolver;
  range: { start: Date; end: Date };
  /** End instant of an occurrence starting at `o` (the series' duration applied to it). */
  endOf: (o: Occurrence) => Date;
  /** Bounds of this event's expansion (defaults: the MAX_* constants above, performance.now). */
  budget?: { maxSteps?: number; maxStallMs?: number; maxMs?: number; now?: () => number };
}

export interface ExpandResult {
  occurrences: Occurrence[];
  /** True when MAX_OCCURRENCES_SCANNED was reached before the end of the range. */
  truncated: boolean;
}

/** An event whose recurrence went over its bound: the caller skips the event and names the rule. */
export class RecurrenceBoundError extends Error {
  override readonly name = 'RecurrenceBoundError';
  constructor(
    readonly rule: string,
    readonly reason: 'steps' | 'time',
    readonly limit: number,
  ) {
    super(
      `its recurrence rule RRULE:${rule} ${reason === 'steps' ? `tried ${limit} dates` : `took more than ${limit} ms`} without finishing ` +
        '(a rule that can never match, such as BYMONTH=2;BYMONTHDAY=30, makes the expansion run for ever); the event was skipped. Fix or remove the rule in your calendar app',
    );
  }
}

/** Steps and time of one event's expansion. */
class ExpansionBudget {
  private total = 0;
  private sinceOccurrence = 0;
  private readonly started: number;
  private lastOccurrence: number;
  readonly maxSteps: number;
  readonly maxStallMs: number;
  readonly maxMs: number;
  private readonly now: () => number;

  constructor(options: ExpandInput['budget'] = {}) {
    this.maxSteps = options.maxSteps ?? MAX_RECURRENCE_STEPS;
    this.maxStallMs = options.maxStallMs ?? MAX_EXPANSION_STALL_MS;
    this.maxMs = options.maxMs ?? MAX_EXPANSION_MS;
    this.now = options.now ?? (() => performance.now());
    this.started = this.now();
    this.lastOccurrence = this.started;
  }

  /** One candidate date tried by the iterator. */
  step(rule: string): void {
    this.total += 1;
    this.sinceOccurrence += 1;
    if (this.sinceOccurrence > this.maxSteps) throw new RecurrenceBoundError(rule, 'steps', this.maxSteps);
    if ((this.total & 1023) === 0) this.checkTime(rule);
  }

  /** The iterator returned an occurrence: it is not stuck. */
  occurrence(): void {
    this.sinceOccurrence = 0;
    this.lastOccurrence = this.now();
  }

  private checkTime(rule: string): void {
    const t = this.now();
    if (t - this.lastOccurrence > this.maxStallMs) throw new RecurrenceBoundError(rule, 'time', this.maxStallMs);
    if (t - this.started > this.maxMs) throw new RecurrenceBoundError(rule, 'time', this.maxMs);
  }
}

/** Makes the iterator count every candidate date it tries (see MAX_RECURRENCE_STEPS). */
function bound(iterator: ICAL.RecurIterator, rule: string, budget: ExpansionBudget): void {
  const target = iterator as unknown as { check_contracting_rules?: () => boolean };
  const inner = target.check_contracting_rules;
  if (typeof inner !== 'function') throw new Error('ical.js has no RecurIterator.check_contracting_rules any more: the recurrence bound cannot be applied (see ics-recurrence.mapper.ts)');
  target.check_contracting_rules = function checked(this: unknown): boolean {
    budget.step(rule);
    return inner.call(this);
  };
}

export function expandSeries(input: ExpandInput): ExpandResult {
  const { master, resolver, range } = input;
  const dtstartProp = master.getFirstProperty('dtstart')!;
  const dtstart = dtstartProp.getFirstValue() as ICAL.Time;
  const tzid = paramString(dtstartProp, 'tzid');
  const excluded = exdates(master, resolver, tzid);
  const seen = new Set<number>();
  const found: Occurrence[] = [];
  let truncated = false;

  const consider = (time: ICAL.Time, timeTzid: string | null): void => {
    const start = resolver.toInstant(time, timeTzid);
    const key = start.getTime();
    if (seen.has(key)) return;
    seen.add(key);
    if (excluded.instants.has(key) || excluded.dates.has(dateKey(time))) return;
    const occurrence = { time, tzid: timeTzid, start };
    if (overlaps(start, input.endOf(occurrence), range)) found.push(occurrence);
  };

  consider(dtstart, tzid);
  // Converting every occurrence to an instant is slow (time zone lookups), so occurrences are
  // first placed by their wall-clock read as UTC, which is within 14 hours of the instant.
  const firstStart = resolver.toInstant(dtstart, tzid);
  const slackMs = input.endOf({ time: dtstart, tzid, start: firstStart }).getTime() - firstStart.getTime() + DAY_MS;
  const budget = new ExpansionBudget(input.budget);
  for (const prop of master.getAllProperties('rrule')) {
    const rule = untilInDtstartZone((prop.getFirstValue() as ICAL.Recur).clone(), dtstart, tzid, resolver);
    const iterator = rule.iterator(fastForward(rule, dtstart, range.start.getTime() - MAX_ZONE_OFFSET_MS - slackMs));
    const ruleText = (prop.getFirstValue() as ICAL.Recur).toString();
    bound(iterator, ruleText, budget);
    let scanned = 0;
    for (let next = iterator.next(); next; next = iterator.next()) {
      budget.occurrence();
      const wall = wallClockAsUtc(next);
      if (wall - MAX_ZONE_OFFSET_MS >= range.end.getTime()) break;
      scanned += 1;
      if (scanned > MAX_OCCURRENCES_SCANNED) {
        truncated = true;
        break;
      }
      if (wall + MAX_ZONE_OFFSET_MS + slackMs <= range.start.getTime()) continue;
      consider(next.clone(), tzid);
    }
  }
  for (const prop of master.getAllProperties('rdate')) {
    const rdateTzid = paramString(prop, 'tzid') ?? tzid;
    for (const value of prop.getValues() as (ICAL.Time | ICAL.Period)[]) {
      const time = value instanceof ICAL.Period ? value.start : value;
      consider(time, rdateTzid);
    }
  }
  found.sort((a, b) => a.start.getTime() - b.start.getTime());
  return { occurrences: found, truncated };
}

/** The latest start a series can have, or null when it has no end (or ends after COUNT
 *  occurrences, which is only known by expanding it). */
export function seriesLastStart(master: ICAL.Component, resolver: ZoneResolver): Date | null {
  const dtstartProp = master.getFirstProperty('dtstart')!;
  const tzid = paramString(dtstartProp, 'tzid');
  let last = resolver.toInstant(dtstartProp.getFirstValue() as ICAL.Time, tzid).getTime();
  for (const prop of master.getAllProperties('rrule')) {
    const until = (prop.getFirstValue() as ICAL.Recur).until;
    if (!until) return null;
    // A date-only UNTIL includes that whole day.
    last = Math.max(last, resolver.toInstant(until, tzid).getTime() + (until.isDate ? 86_400_000 : 0));
  }
  for (const prop of master.getAllProperties('rdate')) {
    const rdateTzid = paramString(prop, 'tzid') ?? tzid;
    for (const value of prop.getValues() as (ICAL.Time | ICAL.Period)[]) {
      last = Math.max(last, resolver.toInstant(value instanceof ICAL.Period ? value.start : value, rdateTzid).getTime());
    }
  }
  return new Date(last);
}

export function overlaps(start: Date, end: Date, range: { start: Date; end: Date }): boolean {
  const s = start.getTime();
  const e = end.getTime();
  if (e <= s) return s >= range.start.getTime() && s < range.end.getTime();
  return s < range.end.getTime() && e > range.start.getTime();
}

export function paramString(prop: ICAL.Property, name: string): string | null {
  const value = prop.getParameter(name);
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' && first.trim() ? first : null;
}

/**
 * A start for the rule's iterator close before `targetWall`, a whole number of periods after
 * DTSTART, so a birthday series from 1900 does not iterate 125 years to reach the window.
 * Moving by whole periods keeps the rule's BYxxx expansion aligned; COUNT rules must be
 * counted from DTSTART. The moved start is itself
 * yielded only when it matches the rule (ical.js does not force its start into the set), and
 * it lies at least one period before the target, so nothing in the range is lost.
 */
function fastForward(rule: ICAL.Recur, dtstart: ICAL.Time, targetWall: number): ICAL.Time {
  if (rule.count) return dtstart;
  const interval = Math.max(1, rule.interval || 1);
  const start = wallClockAsUtc(dtstart);
  if (targetWall <= start) return dtstart;
  const target = new Date(targetWall);
  const moved = dtstart.clone();
  switch (rule.freq) {
    case 'YEARLY': {
      const years = Math.floor((target.getUTCFullYear() - dtstart.year - 1) / interval) * interval;
      if (years <= 0) return dtstart;
      moved.year += years;
      break;
    }
    case 'MONTHLY': {
      const months = target.getUTCFullYear() * 12 + target.getUTCMonth() - (dtstart.year * 12 + dtstart.month - 1);
      const periods = Math.floor((months - 1) / interval) * interval;
      if (periods <= 0) return dtstart;
      const total = dtstart.month - 1 + periods;
      moved.year += Math.floor(total / 12);
      moved.month = (total % 12) + 1;
      break;
    }
    case 'WEEKLY':
    case 'DAILY': {
      const periodDays = (rule.freq === 'WEEKLY' ? 7 : 1) * interval;
      const days = (Math.floor((targetWall - start) / DAY_MS / periodDays) - 1) * periodDays;
      if (days <= 0) return dtstart;
      moved.adjust(days, 0, 0, 0);
      return moved;
    }
    case 'HOURLY':
    case 'MINUTELY':
    case 'SECONDLY': {
      // ical.js steps these on the wall clock, as is done here, so the phase is kept.
      const unit = rule.freq === 'HOURLY' ? 3600 : rule.freq === 'MINUTELY' ? 60 : 1;
      const periodSeconds = unit * interval;
      const periods = Math.floor((targetWall - start) / 1000 / periodSeconds) - 1;
      if (periods <= 0) return dtstart;
      const seconds = periods * periodSeconds;
      const days = Math.floor(seconds / 86_400);
      moved.adjust(days, 0, 0, seconds - days * 86_400);
      return moved;
    }
    default:
      return dtstart;
  }
  // The same day must exist in the moved month (no 29 February in 2025, no 31 April).
  return dtstart.day <= ICAL.Time.daysInMonth(moved.month, moved.year) ? moved : dtstart;
}

function wallClockAsUtc(time: ICAL.Time): number {
  return Date.UTC(time.year, time.month - 1, time.day, time.hour, time.minute, time.second);
}

function dateKey(time: ICAL.Time): string {
  return `${time.year}-${time.month}-${time.day}`;
}

function exdates(master: ICAL.Component, resolver: ZoneResolver, tzid: string | null): { instants: Set<number>; dates: Set<string> } {
  const instants = new Set<number>();
  const dates = new Set<string>();
  for (const prop of master.getAllProperties('exdate')) {
    const exTzid = paramString(prop, 'tzid') ?? tzid;
    for (const value of prop.getValues() as ICAL.Time[]) {
      if (value.isDate) dates.add(dateKey(value));
      else instants.add(resolver.toInstant(value, exTzid).getTime());
    }
  }
  return { instants, dates };
}

/**
 * ical.js compares UNTIL with occurrences by their Unix time; when DTSTART is in a zone it does
 * not know (an IANA TZID without VTIMEZONE), it reads the wall-clock as UTC and a UTC UNTIL
 * would cut the last occurrence by the zone's offset. Give UNTIL as wall-clock in that zone.
 */
function untilInDtstartZone(rule: ICAL.Recur, dtstart: ICAL.Time, tzid: string | null, resolver: ZoneResolver): ICAL.Recur {
  const until = rule.until;
  if (!until || until.isDate || dtstart.isDate) return rule;
  const dtstartIsFloating = dtstart.zone === ICAL.Timezone.localTimezone || !dtstart.zone || dtstart.zone.tzid === 'floating';
  if (!dtstartIsFloating || !(until.zone === ICAL.Timezone.utcTimezone)) return rule;
  const instant = resolver.toInstant(until, null);
  rule.until = resolver.toWallClock(instant, tzid);
  return rule;
}
