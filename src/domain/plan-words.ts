/**
 * The planner's plain words for the rep: times and dates in the rep's zone ("Tuesday's 3:00 PM
 * call", "11 Nov", "12 days ago"). Pure: `now` is given.
 */
import { DateTime } from 'luxon';
import { isKnownZone } from './business-time.js';
import { MS_PER_DAY } from './cadence.js';

const MS_PER_HOUR = 3_600_000;
const LOCALE = 'en-GB';

export function validZone(...zones: (string | null | undefined)[]): string {
  for (const z of zones) if (z && isKnownZone(z)) return z;
  return 'UTC';
}

function inZone(at: Date, zone: string): DateTime {
  return DateTime.fromJSDate(at, { zone }).setLocale(LOCALE);
}

/** "3:00 PM" */
export function clock(at: Date, zone: string): string {
  return inZone(at, zone).setLocale('en-US').toFormat('h:mm a');
}

/** "11 Nov", with the year when it is not the year of `now`. */
export function dayMonth(at: Date, zone: string, now: Date): string {
  const d = inZone(at, zone);
  return d.year === inZone(now, zone).year ? d.toFormat('d LLL') : d.toFormat('d LLL yyyy');
}

/** "Tue 18 Nov, 9:00 AM" */
export function dayAndClock(at: Date, zone: string, now: Date): string {
  return `${inZone(at, zone).toFormat('ccc')} ${dayMonth(at, zone, now)}, ${clock(at, zone)}`;
}

/** "Tuesday's 3:00 PM call" within the last 6 days, else "the 3:00 PM call on Tue 11 Nov". */
export function meetingRef(start: Date, zone: string, now: Date): string {
  if (now.getTime() - start.getTime() < 6 * MS_PER_DAY) return `${inZone(start, zone).toFormat('cccc')}'s ${clock(start, zone)} call`;
  return `the ${clock(start, zone)} call on ${inZone(start, zone).toFormat('ccc')} ${dayMonth(start, zone, now)}`;
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** "12 days ago", "5 hours ago" */
export function ago(ms: number): string {
  if (ms < MS_PER_HOUR) return 'less than an hour ago';
  if (ms < MS_PER_DAY) return `${plural(Math.floor(ms / MS_PER_HOUR), 'hour')} ago`;
  return `${plural(Math.floor(ms / MS_PER_DAY), 'day')} ago`;
}
