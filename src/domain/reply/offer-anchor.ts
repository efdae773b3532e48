import { DateTime } from 'luxon';
import type { ProposedTime } from '../types.js';
import type { ExtractedTime } from './times.js';

/** "the same day", "that day", "le même jour", "ce jour-là", "am selben Tag", "an dem Tag"…: the day of the slot the rep offered. */
const SAME_DAY = /(?<![\p{L}])(?:(?:the\s+)?same\s+day|(?:(?:earlier|later)\s+)?(?:on\s+)?that\s+day|(?:ese|aquel)\s+d[ií]a|ce\s+jour-l[àa]|(?:an\s+)?(?:dem|diesem)\s+tag|(?:op\s+)?die\s+dag|(?:in\s+)?quel\s+giorno|(?:n)?esse\s+dia|(?:ese|el)\s+mismo\s+d[ií]a|(?:no\s+)?mesmo\s+dia|(?:le\s+)?même\s+jour|(?:am\s+)?(?:selben|gleichen)\s+tag|(?:op\s+)?(?:de)?zelfde\s+dag|(?:lo\s+)?stesso\s+giorno)(?![\p{L}])/iu;
/** "same time", "misma hora", "même heure", "gleiche Uhrzeit", "zelfde tijd", "stessa ora": the offered slot's time. */
const SAME_TIME = /(?<![\p{L}])(?:(?:the\s+)?same\s+(?:time|hour)|(?:a\s+la\s+)?misma\s+hora|(?:à\s+)?mesma\s+hora|(?:à\s+la\s+)?même\s+heure|(?:zur\s+)?(?:gleichen|selben)\s+(?:uhr)?zeit|gleiche\s+(?:uhr)?zeit|selbe\s+(?:uhr)?zeit|(?:(?:om|op)\s+)?(?:het|de)?zelfde\s+(?:tijd|tijdstip|uur)|hetzelfde\s+tijdstip|(?:no\s+)?(?:mesmo|msm)\s+(?:horário|horario|hora)|(?:al\s+)?mismo\s+horario|(?:au\s+)?même\s+(?:horaire|créneau)|(?:um\s+)?dieselbe\s+(?:uhr)?zeit|(?:alla\s+)?stessa\s+ora|stesso\s+orario)(?![\p{L}])/iu;

/** "vendredi à la même heure", "vrijdag zelfde uur wel": right after a day, in its sentence, the offer's time asked for. */
export function sameTimeAfter(after: string): boolean {
  const clause = /^[^.!?;\n]{0,30}/u.exec(after)?.[0] ?? '';
  return SAME_TIME.test(clause);
}

/**
 * A reply that answers the rep's quoted offer with half a time: "2pm is good" or "4:30 the same day" (the day is the
 * offer's), "Tuesday, same time?" (the time is the offer's). The missing half comes from the offer. Certain only when
 * the offer leaves one reading: one offered day (and the time within the offered window, "the same day" said, or that
 * day named again beside the time), or
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
    // "alle 17, sempre venerdì", "at 4, still Friday": the reply names the offered day again beside the time.
    const namedAgain = times.slice(1).some((t) => t.dated && !t.excluded && (t.grain === 'day' || t.grain === 'window') && local(t.start).hasSame(day, 'day'));
    const sure = days.length === 1 && (sameDay || inWindow || namedAgain);
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
  // "vendredi svp, mardi je skie" to "Vendredi 22 à 14h ou mardi 26 à 10h ?": a day alone that is the day of one
  // offered slot picks that slot.
  if (first.grain === 'day') {
    const hits = offers.filter((o) => local(o.start).hasSame(local(first.start), 'day'));
    const hit = hits.length === 1 ? hits[0] : undefined;
    if (hit && hit.start.getTime() > ref.getTime()) {
      return [{ ...first, start: hit.start, end: hit.end ?? null, grain: 'minute', rules: [...first.rules, `the day of one offered slot: its time ("${hit.text}")`] }, ...times.slice(1)];
    }
  }
  // "Fri is bad for me. Mon?" to "Friday at 10am?": the offer's day refused and another weekday named alone most likely
  // keeps the offer's hour. Only a guess: asked, with the whole day as the other reading.
  const walls = [...new Set(offers.map((o) => local(o.start).toFormat('HH:mm')))];
  const refusedOfferDay = refused.some((t) => t.excluded && t.excluded !== 'past wording' && offers.some((o) => local(t.start).hasSame(local(o.start), 'day')));
  if (first.grain === 'day' && walls.length === 1 && refusedOfferDay && SHORT_WEEKDAY.test(first.text) && !DATED.test(first.text)) {
    const w = local(offer.start);
    const start = local(first.start).set({ hour: w.hour, minute: w.minute, second: 0, millisecond: 0 }).toJSDate();
    if (start.getTime() > ref.getTime()) {
      return [{ ...first, start, end: null, grain: 'minute', ambiguous: true, alternatives: [{ start: first.start, end: first.end, text: first.text }, ...first.alternatives], rules: [...first.rules, `ambiguous: the hour of the refused offer ("${offer.text}") carried to the day named`] }, ...times.slice(1)];
    }
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

/** A weekday, full or short ('Mon', 'Thurs'). */
const SHORT_WEEKDAY = /\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\b/i;
const WEEKDAY_ONLY = /\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/i;
const DATED = /\d{1,2}(?:st|nd|rd|th)?\s*(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|\d{1,2}[./-]\d{1,2}|\b(?:next|this|the)\s|\bweeks?\b/i;

const HOURS_LATER = /(?<![\p{L}])(?:(an?|one|1|two|2|half\s+an|eine|zwei|eine\s+halbe|una|dos|media|une|deux|une\s+demi-?|een|twee|een\s+half|half|un['’]|mezz['’]|due|uma|duas|meia)\s*(hours?|stunden?|horas?|heures?|uur|ora|ore)|(\d{1,3})\s*(minutes?|mins?|minuten|minutos|minuti))\s+(later|earlier|sooner|später|spaeter|früher|frueher|eher|más\s+tarde|mas\s+tarde|más\s+temprano|mas\s+temprano|antes|después|despues|plus\s+tard|plus\s+tôt|plus\s+tot|après|avant|eerder|vroeger|più\s+tardi|piu\s+tardi|più\s+presto|dopo|prima|mais\s+tarde|mais\s+cedo|depois)(?![\p{L}])(?!\s+(?:the|la|el|le|les|der|die|das|de|del|della|dello|da|do|dem|den|that|this|it|que|che|dass|dat)(?![\p{L}]))/iu;
const DAYS_LATER = /(?<![\p{L}])(?:(a|one|1|two|2|einen|zwei|un|dos|une?|deux|een|twee|uno|due|um|dois)\s+(days?|tage?n?|días?|dias?|jours?|dag(?:en)?|giorn[oi])\s+(later|earlier|after|before|später|spaeter|früher|frueher|más\s+tarde|mas\s+tarde|después|despues|antes|plus\s+tard|plus\s+tôt|après|avant|eerder|dopo|prima|depois)|(the\s+day\s+after(?!\s+tomorrow)|the\s+next\s+day|am\s+tag\s+danach|am\s+folgetag|tags\s+darauf|al\s+día\s+siguiente|el\s+día\s+siguiente|le\s+lendemain|de\s+dag\s+erna|de\s+volgende\s+dag|il\s+giorno\s+dopo|no\s+dia\s+seguinte|o\s+dia\s+seguinte)|(the\s+day\s+before(?!\s+(?:the|that|it|my|our|your))|am\s+tag\s+davor|am\s+vortag|el\s+día\s+anterior|la\s+veille|de\s+dag\s+ervoor|il\s+giorno\s+prima|no\s+dia\s+anterior))(?![\p{L}])/iu;
/**
 * The move is asked for: a question, or a word of preference or suitability in its sentence ("would suit me better",
 * "mejor", "wäre mir lieber", "zou beter uitkomen"). "I'll send the agenda a day before" moves nothing.
 */
const ASKS_FOR_IT = /\?|(?<![\p{L}])(?:works?|suits?|better|prefer\p{L}*|instead|possible|could|can|would|ok(?:ay)?|fine|mejor|podr\p{L}+|puede|puedes|va\s+bien|sirve|plutôt|possible|pourr\p{L}+|peut|convien\p{L}*|lieber|besser|ginge|geht|passt|könnten|wäre|liever|beter|kan|zou|graag|meglio|possiamo|può|potrebbe|va\s+bene|melhor|pode|podemos|dá|seria)(?![\p{L}])/iu;

function sentenceAround(text: string, from: number, to: number): string {
  const start = Math.max(text.lastIndexOf('.', from - 1), text.lastIndexOf('!', from - 1), text.lastIndexOf('?', from - 1), text.lastIndexOf('\n', from - 1)) + 1;
  const ends = ['.', '!', '?', '\n'].map((c) => text.indexOf(c, to)).filter((i) => i >= 0);
  const end = ends.length ? Math.min(...ends) + 1 : text.length;
  return text.slice(start, end);
}

const EARLIER = /^(?:earlier|sooner|before|früher|frueher|eher|más\s+temprano|mas\s+temprano|antes|plus\s+t[ôo]t|avant|eerder|vroeger|più\s+presto|prima|mais\s+cedo)$/iu;
const HALF = /half|halbe|media|demi|mezz|meia/i;

/**
 * "Would an hour later work?", "Selber Tag, eine Stunde später?", "une heure plus tôt ?", "un giorno dopo, stessa ora":
 * an answer that moves the rep's quoted offer by an hour or a day (in any of the seven languages) is the offer moved.
 * Certain when one slot was offered; with several, the first moved, the others as the other readings.
 */
export function shiftFromOffer(said: string, offers: ProposedTime[], ref: Date, zone: string): ExtractedTime | null {
  if (offers.length === 0) return null;
  const asked = (m: RegExpExecArray | null) => (m && ASKS_FOR_IT.test(sentenceAround(said, m.index, m.index + m[0].length)) ? m : null);
  const hours = asked(HOURS_LATER.exec(said));
  const days = asked(DAYS_LATER.exec(said));
  if (!hours && !days) return null;
  let minutes = 0;
  let dayShift = 0;
  const rules: string[] = [];
  if (hours) {
    const [, n, , mins, , dir] = hours;
    const amount = mins ? Number(mins) : HALF.test(n ?? '') ? 30 : /^(?:two|2|zwei|dos|deux|twee|due|duas)$/i.test(n ?? '') ? 120 : 60;
    minutes = EARLIER.test(dir ?? '') ? -amount : amount;
    rules.push(`"${hours[0]}": the quoted offer moved by ${minutes} minutes`);
  }
  if (days) {
    const [, n, , dir, after, before] = days;
    const amount = after ? 1 : before ? 1 : /^(?:two|2|zwei|dos|deux|twee|due|dois)$/i.test(n ?? '') ? 2 : 1;
    dayShift = before || EARLIER.test(dir ?? '') ? -amount : amount;
    rules.push(`"${days[0]}": the quoted offer moved by ${dayShift} day(s)`);
  }
  const moved = offers.map((o) => {
    const start = DateTime.fromJSDate(o.start, { zone }).plus({ days: dayShift, minutes });
    return { start: start.toJSDate(), end: null, text: o.text };
  }).filter((o) => o.start.getTime() > ref.getTime());
  const [first, ...rest] = moved;
  if (!first) return null;
  const sure = offers.length === 1 && (!offers[0]!.end || offers[0]!.end.getTime() - offers[0]!.start.getTime() <= 3_600_000);
  return {
    ...first, index: 0, grain: 'minute', ambiguous: !sure, alternatives: rest, dated: true,
    rules: [...rules, sure ? `the quoted offer ("${offers[0]!.text}") moved` : `ambiguous: ${offers.length} slots or a window were offered; the first one moved`],
  };
}
