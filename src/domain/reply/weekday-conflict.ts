import { DateTime } from 'luxon';
import type { ProposedTime } from '../types.js';

const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const WEEKDAY = /\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/i;

export interface WeekdayConflict {
  reason: string;
  /** The named weekday nearest the date, at the same time of day: the other reading a person would ask about. */
  alternative: ProposedTime;
}

/**
 * "Thursday 19th May at 3pm" when 19 May is a Wednesday: the weekday and the day number disagree, so one of them is a
 * slip and a person would ask which. `phrase` is the phrase as the lexicon rewrote it (weekdays and months in
 * English); `start` is the reading, on the day number. Null when they agree, or when the phrase names no weekday or
 * does not carry the reading's day number (the date then came from elsewhere).
 */
export function weekdayConflict(phrase: string, start: Date, end: Date | null, zone: string): WeekdayConflict | null {
  const named = WEEKDAY.exec(phrase);
  if (!named?.[1]) return null;
  const weekday = WEEKDAYS.indexOf(named[1].toLowerCase()) + 1;
  const local = DateTime.fromJSDate(start, { zone });
  if (!local.isValid || local.weekday === weekday) return null;
  // The day number as a date, not as a clock time ("19", "19th", "19.", "19/5"; not "3pm", "15:00", "15h").
  const day = new RegExp(`(?<![\\d:.])0?${local.day}(?:st|nd|rd|th)?(?![\\d:]|\\s*(?:am|pm|a\\.m|p\\.m|h\\b|uhr|u\\b|hrs?\\b|o'clock))`, 'i');
  if (!day.test(phrase)) return null;
  let delta = weekday - local.weekday;
  if (delta > 3) delta -= 7;
  if (delta < -3) delta += 7;
  const other = local.plus({ days: delta });
  const shift = other.toMillis() - local.toMillis();
  const name = (d: DateTime) => d.setLocale('en-GB').toFormat('cccc d LLLL');
  return {
    reason: `conflicting date: "${phrase.trim()}" names a ${WEEKDAYS[weekday - 1]!.replace(/^./, (c) => c.toUpperCase())}, but ${local.setLocale('en-GB').toFormat('d LLLL')} is a ${local.setLocale('en-GB').toFormat('cccc')} (${name(other)} is the other reading)`,
    alternative: { start: other.toJSDate(), end: end ? new Date(end.getTime() + shift) : null, text: phrase },
  };
}
