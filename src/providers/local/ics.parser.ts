import ICAL from 'ical.js';
import { decodeIcs, findBlankLines } from './ics-text.parser.js';
import { lintCalendar } from './ics-lint.parser.js';
import { salvageCalendar } from './ics-salvage.parser.js';

/** One .ics file, parsed: its VCALENDARs, the VEVENTs that may be read, and what was wrong. */
export interface ParsedIcs {
  calendars: ICAL.Component[];
  /** VEVENTs left out because they cannot be placed on a calendar (no UID, bad DTSTART...). */
  skipped: Set<ICAL.Component>;
  /** Plain sentences; the caller adds the file name. */
  problems: string[];
}

export function parseIcs(bytes: Uint8Array): ParsedIcs {
  const { text, charset } = decodeIcs(bytes);
  const parsed: ParsedIcs = { calendars: [], skipped: new Set(), problems: [] };
  if (charset !== 'utf-8') parsed.problems.push('not UTF-8; read as Windows-1252 (iCalendar files should be UTF-8)');
  if (text.trim() === '') {
    parsed.problems.push('the file is empty; skipped');
    return parsed;
  }
  let jcal: unknown;
  try {
    jcal = ICAL.parse(text);
  } catch (err) {
    const salvaged = salvageCalendar(text, err instanceof Error ? err.message : String(err));
    parsed.problems.push(...salvaged.problems);
    if (salvaged.calendar) addCalendar(parsed, salvaged.calendar, false);
    return parsed;
  }
  const roots = (Array.isArray(jcal) && typeof jcal[0] === 'string' ? [jcal] : (jcal as unknown[])) as unknown[];
  const bare = new ICAL.Component(['vcalendar', [], []]);
  for (const root of roots) {
    const component = new ICAL.Component(root as unknown[]);
    if (component.name === 'vcalendar') addCalendar(parsed, component, false);
    else bare.addSubcomponent(component);
  }
  const loose = bare.getAllSubcomponents();
  if (loose.length > 0) {
    const names = [...new Set(loose.map((c) => c.name.toUpperCase()))].join(', ');
    parsed.problems.push(`${loose.length} ${names} component(s) stand outside any VCALENDAR; read anyway (wrap them in BEGIN:VCALENDAR ... END:VCALENDAR)`);
    addCalendar(parsed, bare, true);
  }
  const blanks = findBlankLines(text);
  if (blanks.length > 0) {
    const shown = blanks.slice(0, 5).join(', ') + (blanks.length > 5 ? ', ...' : '');
    parsed.problems.push(`empty line${blanks.length > 1 ? 's' : ''} ${shown} inside the calendar (not allowed by RFC 5545); ignored`);
  }
  return parsed;
}

function addCalendar(parsed: ParsedIcs, calendar: ICAL.Component, synthetic: boolean): void {
  parsed.problems.push(...dropRunawayZoneRules(calendar));
  const lint = lintCalendar(calendar, { synthetic });
  parsed.problems.push(...lint.problems);
  for (const c of lint.skip) parsed.skipped.add(c);
  parsed.calendars.push(calendar);
}

/**
 * A VTIMEZONE's STANDARD and DAYLIGHT observances repeat yearly (RFC 5545 3.6.5; every tz database
 * export does). A rule that repeats more often ("RRULE:FREQ=SECONDLY;COUNT=100000000", found by the
 * parser fuzzer) makes ical.js compute millions of transitions and the whole sync hang, so such a
 * rule is dropped (the observance keeps its first onset) and named.
 */
function dropRunawayZoneRules(calendar: ICAL.Component): string[] {
  const problems: string[] = [];
  for (const zone of calendar.getAllSubcomponents('vtimezone')) {
    const tzid = String(zone.getFirstPropertyValue('tzid') ?? '?');
    for (const observance of zone.getAllSubcomponents()) {
      for (const rule of observance.getAllProperties('rrule')) {
        let freq = '';
        try {
          freq = String((rule.getFirstValue() as { freq?: unknown } | null)?.freq ?? '').toUpperCase();
        } catch {
          freq = '';
        }
        if (freq === 'YEARLY' || freq === 'MONTHLY') continue;
        observance.removeProperty(rule);
        problems.push(`the time zone ${tzid} has a ${observance.name.toUpperCase()} rule repeating ${freq ? freq.toLowerCase() : 'in an unreadable way'} (zone rules repeat yearly); that rule was ignored`);
      }
    }
  }
  return problems;
}
