import { DateTime } from 'luxon';
import { MONTHS } from './return-date.js';

/**
 * A span of absence the reply names ("de 2 a 20 de agosto", "vom 2. bis 20. August", "du 2 au 20 août",
 * "dal 2 al 20 agosto", "van 2 tot 20 augustus", "del 2 al 20 de agosto", "Aug 2-20", "2–20 August"), in the zone.
 */

/** A month's name, whole or cut ("ago", "Aug.", "sept", "déc"): the languages' three-letter stems. */
const STEMS: Record<string, number> = {
  jan: 1, gen: 1, ene: 1, jän: 1, janv: 1, feb: 2, fev: 2, fév: 2, févr: 2, mar: 3, mrt: 3, mär: 3, apr: 4, abr: 4, avr: 4, mai: 5, may: 5, mag: 5, mei: 5,
  jun: 6, giu: 6, juin: 6, jul: 7, lug: 7, juil: 7, aug: 8, ago: 8, aoû: 8, sep: 9, sept: 9, set: 9, oct: 10, okt: 10, out: 10, ott: 10,
  nov: 11, dec: 12, dez: 12, dic: 12, déc: 12,
};
const MONTH_WORD = `(?:${[...Object.keys(MONTHS), ...Object.keys(STEMS)].sort((a, b) => b.length - a.length).join('|')})\\.?(?![\\p{L}])`;
const ORD = '(?:\\.|º|°|ª|er|st|nd|rd|th)?';
const TO = '(?:\\s*[-–—]\\s*|\\s+(?:to|till|until|through|thru|a|al|au|bis(?:\\s+(?:zum|einschlie(?:ß|ss)lich))?|tot(?:\\s+en\\s+met)?|até(?:\\s+(?:ao|o|dia))?|t/m|and|e|y|et|und|en)\\s+(?:(?:el|le|il|o|zum|den|the|dia|día)\\s+)?)';
/** "2 a 20 de agosto", "2. bis 20. August", "2 August to 5 September". */
const DAY_FIRST = new RegExp(`(?<![\\d.:/])(\\d{1,2})${ORD}(?:\\s*(?:de\\s+|of\\s+)?(${MONTH_WORD}))?${TO}(\\d{1,2})${ORD}\\s*(?:de\\s+|of\\s+)?(${MONTH_WORD})`, 'iu');
/** "Aug 2-20", "August 2 to September 5". */
const MONTH_FIRST = new RegExp(`(?<![\\p{L}])(${MONTH_WORD})\\s+(\\d{1,2})${ORD}${TO}(?:(${MONTH_WORD})\\s+)?(\\d{1,2})(?![\\d:])`, 'iu');

function month(word: string | undefined): number | null {
  if (!word) return null;
  const w = word.toLowerCase().replace(/\.$/, '');
  return MONTHS[w] ?? STEMS[w] ?? null;
}

/** The span of absence named (its first and last day), or null when none is named. */
export function awaySpan(text: string, ref: Date, zone: string): { start: DateTime; end: DateTime } | null {
  const t = text.replace(/\s+/g, ' ');
  const a = DAY_FIRST.exec(t);
  const b = MONTH_FIRST.exec(t);
  let from: [number, number | null] | null = null;
  let to: [number, number | null] | null = null;
  if (a && (!b || a.index <= b.index)) {
    from = [Number(a[1]), month(a[2]) ?? month(a[4])];
    to = [Number(a[3]), month(a[4])];
  } else if (b) {
    from = [Number(b[2]), month(b[1])];
    to = [Number(b[4]), month(b[3]) ?? month(b[1])];
  }
  if (!from?.[1] || !to?.[1]) return null;
  const now = DateTime.fromJSDate(ref, { zone }).startOf('day');
  let start = DateTime.fromObject({ year: now.year, month: from[1], day: from[0] }, { zone });
  if (!start.isValid) return null;
  // A span read in the past by more than half a year is next year's ("from 2 to 9 January" written in December).
  if (start < now.minus({ months: 6 })) start = start.plus({ years: 1 });
  let end = DateTime.fromObject({ year: start.year, month: to[1], day: to[0] }, { zone });
  if (!end.isValid) return null;
  if (end < start) end = end.plus({ years: 1 });
  return { start, end: end.endOf('day') };
}

/**
 * "estou de férias de 2 a 20 de agosto" written on 22 July: an absence that starts days after the reply is told by a
 * person ahead of it; an auto-reply runs while its writer is away.
 */
export function laterAbsence(text: string, ref: Date, zone: string): { start: DateTime; end: DateTime } | null {
  const span = awaySpan(text, ref, zone);
  return span && span.start > DateTime.fromJSDate(ref, { zone }).startOf('day').plus({ days: 3 }) ? span : null;
}
