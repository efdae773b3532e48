/** Helpers for the per-language rewrite tables: date and time vocabulary → the English the time reader knows. */

export type Replacement = string | ((match: string, ...groups: string[]) => string);
export type Rule = [RegExp, Replacement];

/** A whole-word, case-insensitive, Unicode-aware pattern ("\b" is ASCII-only in JavaScript). */
export function w(source: string, flags = 'giu'): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${source})(?![\\p{L}])`, flags);
}

export function apply(text: string, rules: Rule[]): string {
  let out = text;
  for (const [re, rep] of rules) out = out.replace(re, rep as (m: string, ...g: string[]) => string);
  return out;
}

export const ENGLISH_WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
export const ENGLISH_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
export const WEEKDAY_EN = `(?:${ENGLISH_WEEKDAYS.join('|')})`;
export const MONTH_EN = `(?:${ENGLISH_MONTHS.join('|')})`;

/** Number words of one language (1–12) → their value. */
export type NumberWords = Record<string, number>;

/** A digit or a number word of the language, as a pattern, and its value. */
export function hourPattern(words: NumberWords): string {
  return `(\\d{1,2}|${Object.keys(words).sort((a, b) => b.length - a.length).join('|')})`;
}

export function hourValue(s: string, words: NumberWords): number {
  return /^\d+$/.test(s) ? Number(s) : words[s.toLowerCase()] ?? NaN;
}

/** "h:mm" for an hour and minute; the hour before for "quarter to" / "halb" forms. */
export function clock(h: number, m: number): string {
  if (!Number.isFinite(h)) return '';
  const hour = ((h % 24) + 24) % 24;
  return `${hour}:${String(m).padStart(2, '0')}`;
}

/** "3" → "3rd", for the ordinal-day reader ("el día 3" → "the 3rd"). */
export function ordinal(n: string): string {
  const d = Number(n);
  const suffix = d % 10 === 1 && d !== 11 ? 'st' : d % 10 === 2 && d !== 12 ? 'nd' : d % 10 === 3 && d !== 13 ? 'rd' : 'th';
  return `${d}${suffix}`;
}

/** Hour with minutes from a match: "15", "30" → "15:30"; "15", undefined → "15:00". */
export function hm(h: string, m?: string): string {
  return `${Number(h)}:${(m ?? '00').padStart(2, '0')}`;
}

/** 12-hour clock with meridiem from a part of the day: "3", pm → "3pm"; "15", pm → "15:00". */
export function withMeridiem(h: string, m: string | undefined, pm: boolean): string {
  const hour = Number(h);
  if (hour > 12) return hm(h, m);
  return `${hour}${m ? `:${m}` : ''}${pm ? 'pm' : 'am'}`;
}
