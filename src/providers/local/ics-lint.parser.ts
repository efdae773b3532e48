import ICAL from 'ical.js';
import { DateTime } from 'luxon';

/**
 * Checks a parsed VCALENDAR against the RFC 5545 rules that matter when reading it, because
 * ical.js is lenient and silently "repairs" some values (a DTSTART of 2006717T080000Z becomes
 * a date in 2011). Each finding is a plain sentence; components that cannot be used are
 * returned in `skip` (the caller leaves them out), other findings say what was ignored.
 */
export interface LintResult {
  problems: string[];
  /** VEVENTs that must not be read. */
  skip: Set<ICAL.Component>;
}

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})Z?$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** How ical.js renders a bare date (20041225) it was told is a date-time. */
const DATE_AS_DATE_TIME = /^\d{4}-\d{2}-\d{2}T::$/;
const MUST_NOT_BE_EMPTY = ['uid', 'class', 'status', 'transp', 'sequence', 'priority', 'url', 'tzid'];
/** Properties a VEVENT cannot be placed on a calendar without. */
const EVENT_TIME_PROPS = new Set(['dtstart', 'dtend', 'duration', 'recurrence-id', 'rrule']);

export function lintCalendar(root: ICAL.Component, options: { synthetic?: boolean } = {}): LintResult {
  const result: LintResult = { problems: [], skip: new Set() };
  if (!options.synthetic) lintCalendarProperties(root, result);
  for (const nested of root.getAllSubcomponents('vcalendar')) {
    result.problems.push(`a VCALENDAR is nested inside the VCALENDAR; its ${nested.getAllSubcomponents('vevent').length} event(s) were skipped`);
  }
  for (const child of root.getAllSubcomponents()) {
    if (child.name === 'vcalendar') continue;
    lintComponent(child, result);
  }
  return result;
}

function lintCalendarProperties(root: ICAL.Component, result: LintResult): void {
  const version = root.getFirstPropertyValue('version');
  if (version == null) result.problems.push('VERSION is missing (should be VERSION:2.0); read as iCalendar 2.0');
  else if (String(version).trim() !== '2.0') result.problems.push(`VERSION is "${String(version)}", not 2.0 (vCalendar 1.0 is a different format); read as iCalendar 2.0, check its events`);
  if (root.getFirstPropertyValue('prodid') == null) result.problems.push('PRODID is missing (the program that wrote the file should name itself)');
}

/** "event <uid>" or "event #3 (<summary>)" for messages. */
export function describeComponent(component: ICAL.Component): string {
  const kind = component.name === 'vevent' ? 'event' : component.name.toUpperCase();
  const uid = component.getFirstPropertyValue('uid');
  if (typeof uid === 'string' && uid.trim()) return `${kind} ${uid.trim()}`;
  const summary = component.getFirstPropertyValue('summary');
  const siblings = component.parent?.getAllSubcomponents(component.name) ?? [component];
  const index = siblings.indexOf(component) + 1;
  return `${kind} #${index}${typeof summary === 'string' && summary ? ` ("${summary.slice(0, 40)}")` : ''}`;
}

function lintComponent(component: ICAL.Component, result: LintResult): void {
  const label = describeComponent(component);
  const isEvent = component.name === 'vevent';
  const skipEvent = (why: string) => {
    if (!result.skip.has(component)) result.problems.push(`${label} skipped: ${why}`);
    result.skip.add(component);
  };

  for (const prop of component.getAllProperties()) {
    const name = prop.name;
    const json = prop.toJSON() as [string, Record<string, unknown>, string, ...unknown[]];
    const type = json[2];
    const values = json.slice(3);
    if (type === 'date-time' && values.length === 1 && typeof values[0] === 'string' && DATE_AS_DATE_TIME.test(values[0])) {
      // "DTSTART:20041225" without VALUE=DATE (Google's old holiday feeds): clearly a date.
      readAsDate(prop, values[0].slice(0, 10));
      result.problems.push(`${label}: ${name.toUpperCase()} holds a date without VALUE=DATE; read as an all-day date`);
      continue;
    }
    const badValue = values.map((v) => invalidValue(type, v)).find((v) => v !== null);
    if (badValue) {
      const what = `${name.toUpperCase()} is not a valid ${badValue}`;
      if (isEvent && EVENT_TIME_PROPS.has(name)) skipEvent(what);
      else result.problems.push(`${label}: ${what}; ignored`);
      continue;
    }
    if (MUST_NOT_BE_EMPTY.includes(name) && values.every((v) => v === '' || v == null)) {
      if (isEvent && name === 'uid') skipEvent('UID is empty');
      else result.problems.push(`${label}: ${name.toUpperCase()} is empty; ignored`);
      continue;
    }
    if (name === 'url' && !/^[a-z][a-z0-9+.-]*:/i.test(String(values[0]))) {
      result.problems.push(`${label}: URL "${String(values[0])}" is not an absolute URI (it needs a scheme such as https://); ignored`);
    }
    if (name === 'geo' && !(Array.isArray(values[0]) && values[0].length === 2 && values[0].every((n) => typeof n === 'number'))) {
      result.problems.push(`${label}: GEO must be two numbers "latitude;longitude"; ignored`);
    }
    if ((name === 'attendee' || name === 'organizer') && !isCalAddress(String(values[0] ?? ''))) {
      result.problems.push(`${label}: ${name.toUpperCase()} "${String(values[0] ?? '')}" is not a valid mailto: address; ignored`);
    }
  }

  if (isEvent) {
    if (!component.hasProperty('uid')) skipEvent('it has no UID (every event needs one; re-export the calendar or add a UID line)');
    if (!component.hasProperty('dtstart')) skipEvent('it has no DTSTART');
    if (component.hasProperty('dtend') && component.hasProperty('duration')) {
      result.problems.push(`${label}: has both DTEND and DURATION; DURATION ignored`);
    }
  }
  if (component.name === 'valarm') {
    const missing = ['action', 'trigger'].filter((p) => !component.hasProperty(p));
    if (missing.length > 0) result.problems.push(`${label} inside ${describeComponent(component.parent!)}: VALARM without ${missing.map((m) => m.toUpperCase()).join(' and ')}; alarm ignored`);
  }
  if (component.name === 'vtimezone') {
    const observances = component.getAllSubcomponents().filter((c) => c.name === 'standard' || c.name === 'daylight');
    if (!component.hasProperty('tzid')) result.problems.push('a VTIMEZONE has no TZID; ignored');
    else if (observances.length === 0) result.problems.push(`VTIMEZONE ${String(component.getFirstPropertyValue('tzid'))} has no STANDARD or DAYLIGHT part; ignored`);
  }
  for (const child of component.getAllSubcomponents()) lintComponent(child, result);
}

function readAsDate(prop: ICAL.Property, isoDate: string): void {
  prop.resetType('date');
  prop.removeParameter('tzid');
  prop.setValue(ICAL.Time.fromDateString(isoDate));
}

/** What the value should have been when it is invalid ("date-time"), or null when it is fine.
 *  (The original text is not quoted: ical.js has already rewritten it.) */
function invalidValue(type: string, value: unknown): string | null {
  if (type === 'date-time' || type === 'date') return typeof value === 'string' && isValidDateText(value) ? null : type;
  if (type === 'period' && Array.isArray(value)) {
    const start = value[0];
    return typeof start === 'string' && isValidDateText(start) ? null : 'period';
  }
  if (type === 'recur' && value && typeof value === 'object') {
    const until = (value as { until?: unknown }).until;
    if (until !== undefined && !(typeof until === 'string' && isValidDateText(until))) return 'recurrence rule (bad UNTIL date)';
  }
  return null;
}

export function isValidDateText(text: string): boolean {
  const m = DATE_TIME.exec(text) ?? DATE.exec(text);
  if (!m) return false;
  const [year, month, day, hour = '0', minute = '0', second = '0'] = m.slice(1);
  const dt = DateTime.fromObject(
    { year: Number(year), month: Number(month), day: Number(day), hour: Number(hour), minute: Number(minute), second: Math.min(Number(second), 59) },
    { zone: 'UTC' },
  );
  return dt.isValid && Number(second) <= 60;
}

/** "mailto:someone@example.com" with a plausible address; other URI schemes, and a bare
 *  address without "mailto:" (a common slip that leaves no doubt), are accepted too. */
export function isCalAddress(value: string): boolean {
  const text = value.trim();
  const m = /^mailto:(.*)$/i.exec(text);
  if (m) return EMAIL.test(m[1]!.trim());
  return EMAIL.test(text) || /^[a-z][a-z0-9+.-]*:\S+$/i.test(text);
}

const EMAIL = /^[^\s@:;"]+@[^\s@:;"]+\.[^\s@:;"]+$/;
