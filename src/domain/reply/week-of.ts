import { DateTime } from 'luxon';
import type { ExtractedTime } from './times.js';

/** "week of", "w/c", "week commencing", "semaine du", "semana del", "Woche (vom)", "week van", "settimana del" before a date. */
const WEEK_LEAD = /(?<![\p{L}])(?:week\s+(?:of|commencing|beginning|starting)|w\s*\/\s*c|w\.c\.|semaine\s+du|semana\s+d(?:el?|o)(?:\s+dia)?|woche(?:\s+(?:vom|ab))?|week\s+van|settimana\s+del)\s+(?:the\s+)?$/iu;
const WEEKDAY = /^(?:on\s+)?(?:the\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b(?![^\d]*\d{1,2}(?:st|nd|rd|th)?\s*(?:[/.-]\d|\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)))/i;
/** What stands between the week's date and its weekday: "w/c 6th Sept, Tues 11am", "la semaine du 7 février, le mardi". */
const GAP = /^\s*[,;:\-–—]?\s*(?:(?:then|maybe|say|le|el|am|on|the|il|o|a|op|de|na|no)\s+)?$/iu;
const DAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

/**
 * "w/c 6th Sept, Tues 11am", "La semaine du 7 février, le mardi à 10h": a weekday said right after the week it is
 * in (named by a date of that week) is that week's weekday, not the coming one; the date only names the week and is
 * no option of its own.
 */
export function weekdayInWeekOf(list: ExtractedTime[], text: string, zone: string): ExtractedTime[] {
  const drop = new Set<number>();
  const out = list.map((t, i) => {
    const anchor = list[i - 1];
    if (!anchor || anchor.excluded || t.excluded || anchor.grain === 'range' || !anchor.dated) return t;
    if (!WEEK_LEAD.test(text.slice(Math.max(0, anchor.index - 40), anchor.index))) return t;
    if (!GAP.test(text.slice(anchor.index + anchor.text.length, t.index))) return t;
    const m = WEEKDAY.exec(t.text.trim());
    if (!m?.[1] || WEEKDAY.test(anchor.text.trim())) return t;
    const monday = DateTime.fromJSDate(anchor.start, { zone }).startOf('week');
    const day = monday.plus({ days: DAYS.indexOf(m[1].toLowerCase()) });
    const at = DateTime.fromJSDate(t.start, { zone });
    const shift = day.startOf('day').diff(at.startOf('day'), 'days').days;
    if (shift === 0) { drop.add(i - 1); return t; }
    const move = (d: Date) => DateTime.fromJSDate(d, { zone }).plus({ days: Math.round(shift) }).toJSDate();
    drop.add(i - 1);
    return { ...t, start: move(t.start), end: t.end ? move(t.end) : null, alternatives: t.alternatives.map((a) => ({ ...a, start: move(a.start), end: a.end ? move(a.end) : null })), rules: [...t.rules, `in the week of "${anchor.text}": that week's ${m[1]}`] };
  });
  return out.filter((_, i) => !drop.has(i));
}
