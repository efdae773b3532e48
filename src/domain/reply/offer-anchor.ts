import { DateTime } from 'luxon';
import type { ProposedTime } from '../types.js';
import type { ExtractedTime } from './times.js';

/** "the same day", "le même jour", "am selben Tag"…: the day of the slot the rep offered. */
const SAME_DAY = /(?<![\p{L}])(?:(?:the\s+)?same\s+day|(?:ese|el)\s+mismo\s+d[ií]a|(?:no\s+)?mesmo\s+dia|(?:le\s+)?même\s+jour|(?:am\s+)?(?:selben|gleichen)\s+tag|(?:op\s+)?(?:de)?zelfde\s+dag|(?:lo\s+)?stesso\s+giorno)(?![\p{L}])/iu;
/** "same time", "misma hora", "même heure", "gleiche Uhrzeit", "zelfde tijd", "stessa ora": the offered slot's time. */
const SAME_TIME = /(?<![\p{L}])(?:(?:the\s+)?same\s+time|(?:a\s+la\s+)?misma\s+hora|(?:à\s+)?mesma\s+hora|(?:à\s+la\s+)?même\s+heure|(?:zur\s+)?(?:gleichen|selben)\s+(?:uhr)?zeit|gleiche\s+(?:uhr)?zeit|selbe\s+(?:uhr)?zeit|(?:(?:om|op)\s+)?(?:het|de)?zelfde\s+(?:tijd|tijdstip|uur)|hetzelfde\s+tijdstip|(?:no\s+)?mesmo\s+(?:horário|horario)|(?:al\s+)?mismo\s+horario|(?:au\s+)?même\s+(?:horaire|créneau)|(?:um\s+)?dieselbe\s+(?:uhr)?zeit|(?:alla\s+)?stessa\s+ora|stesso\s+orario)(?![\p{L}])/iu;

/**
 * A reply that answers the rep's quoted offer with half a time: "2pm is good" or "4:30 the same day" (the day is the
 * offer's), "Tuesday, same time?" (the time is the offer's). The missing half comes from the offer. Certain only when
 * the offer leaves one reading: one offered day (and the time within the offered window, or "the same day" said), or
 * one offered time of day; otherwise the reading is marked ambiguous, to be asked.
 */
export function completeFromOffer(times: ExtractedTime[], said: string, offers: ProposedTime[], ref: Date, zone: string, refused: ExtractedTime[] = []): ExtractedTime[] {
  const first = times[0];
  if (!first || offers.length === 0 || first.excluded) return times;
  const local = (d: Date) => DateTime.fromJSDate(d, { zone });
  const counter = inOfferWeek(first, offers, refused, local);
  if (counter) return [counter, ...times.slice(1)];
  const days = [...new Set(offers.map((o) => local(o.start).toISODate()))];
  const offer = offers[0]!;
  if (!first.dated && (first.grain === 'minute' || first.grain === 'window')) {
    const sameDay = SAME_DAY.test(said);
    if (!sameDay && days.length > 1) return times;
    const day = local(offer.start);
    const move = (d: Date) => local(d).set({ year: day.year, month: day.month, day: day.day }).toJSDate();
    const start = move(first.start);
    if (start.getTime() <= ref.getTime()) return times;
    const inWindow = offers.some((o) => o.end && start >= o.start && start < o.end);
    const sure = days.length === 1 && (sameDay || inWindow);
    const rules = [...first.rules.filter((r) => !/no day named/.test(r)), sure ? `the day of the quoted offer ("${offer.text}")` : `ambiguous: the day is taken from the quoted offer ("${offer.text}")`];
    return [{ ...first, start, end: first.end ? move(first.end) : null, dated: true, rules }, ...times.slice(1)];
  }
  if ((first.grain === 'day' || first.grain === 'window') && SAME_TIME.test(said)) {
    const wall = local(offer.start);
    const times0 = [...new Set(offers.map((o) => local(o.start).toFormat('HH:mm')))];
    const start = local(first.start).set({ hour: wall.hour, minute: wall.minute, second: 0, millisecond: 0 }).toJSDate();
    if (start.getTime() <= ref.getTime()) return times;
    const rules = [...first.rules, times0.length === 1 ? `"same time": the time of the quoted offer ("${offer.text}")` : `ambiguous: "same time" but the quoted offer names ${times0.length} times`];
    return [{ ...first, start, end: null, grain: 'minute', rules }, ...times.slice(1)];
  }
  return times;
}

/**
 * "mercoledì sono in fiera, possiamo fare venerdì alle 9:30?" written the Thursday before an offer for Wednesday the
 * 17th: the day refused is the offer's, so a weekday alone offered instead most likely falls in the offer's week (the
 * 19th), not tomorrow. Both readings stay: not certain, the offer's week first, the next such weekday as the other.
 */
function inOfferWeek(first: ExtractedTime, offers: ProposedTime[], refused: ExtractedTime[], local: (d: Date) => DateTime): ExtractedTime | null {
  if (first.grain === 'range' || !WEEKDAY_ONLY.test(first.text) || DATED.test(first.text)) return null;
  const weeks = [...new Set(offers.map((o) => local(o.start).startOf('week').toISODate()))];
  if (weeks.length !== 1) return null;
  const offerWeek = local(offers[0]!.start).startOf('week');
  const mine = local(first.start);
  if (mine.startOf('week') >= offerWeek) return null;
  // Only a counter-proposal: the offer's day refused in the same reply.
  // (A weekday refused alone is read as its next date, which may be a week before the offer: the weekday decides.)
  if (!refused.some((t) => t.excluded && t.excluded !== 'past wording' && offers.some((o) => local(t.start).weekday === local(o.start).weekday && local(t.start) <= local(o.start).endOf('day')))) return null;
  const moved = offerWeek.set({ weekday: mine.weekday as 1 | 2 | 3 | 4 | 5 | 6 | 7, hour: mine.hour, minute: mine.minute });
  const start = moved.toJSDate();
  const end = first.end ? new Date(start.getTime() + (first.end.getTime() - first.start.getTime())) : null;
  return { ...first, start, end, ambiguous: true, alternatives: [{ start: first.start, end: first.end, text: first.text }, ...first.alternatives], rules: [...first.rules, `ambiguous: the weekday is read in the week of the refused offer ("${offers[0]!.text}"), or the next one`] };
}

const WEEKDAY_ONLY = /\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/i;
const DATED = /\d{1,2}(?:st|nd|rd|th)?\s*(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|\d{1,2}[./-]\d{1,2}|\b(?:next|this|the)\s|\bweeks?\b/i;
