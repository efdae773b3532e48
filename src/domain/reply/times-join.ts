import { DateTime } from 'luxon';
import type { ChronoResult } from './chrono-setup.js';
import { PARTS, type ExtractedTime } from './times.js';
import { cityNameZone } from './zones.js';

/** Joining the pieces chrono-node returns: a day and its time, a day and its part of day, options sharing a day or time. */

/** chrono sometimes splits "1pm Eastern tomorrow" / "Mittwoch um 11:00": join a day-only and a time-only neighbour. */
export function merge(results: ChronoResult[], text: string): ChronoResult[] {
  const out: ChronoResult[] = [];
  for (const r of results) {
    const prev = out[out.length - 1];
    if (prev) {
      const gap = text.slice(prev.index + prev.text.length, r.index);
      // "Tuesday 3pm", "1pm Eastern tomorrow", "tomorrow around noon", "Thursday works, say 4", "Friday, ideally around 11".
      // "8am Manila time Thursday", "8am Sydney time on Wednesday": a city's time between them is the time's zone.
      const zoneGap = /^\s*(?:(?:[A-Z]{2,4}|eastern|pacific|central|mountain|\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+)?\s+time)(?:\s+time)?)?\s*,?\s*(?:(?:works?|would work|works for me|is (?:good|fine|great|best)|suits me|sounds good)\s*[,;:\-–—]?\s*)?(?:(?:say|maybe|perhaps|ideally|preferably)\s*,?\s*)?(?:on|at|@|um|à|a las|el|le|am|around|about|at around|at about|gegen|vers)?\s*$/iu.test(gap);
      const dayOnly = (x: ChronoResult) => !x.start.isCertain('hour') && (x.start.isCertain('day') || x.start.isCertain('weekday'));
      const timeOnly = (x: ChronoResult) => x.start.isCertain('hour') && !x.start.isCertain('day') && !x.start.isCertain('weekday');
      // "between 8 and 10am Sydney next Wednesday": a known city's name alone between the time and its day.
      const cityGap = /^\s*\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+)?\s*,?\s*(?:on\s+)?$/u.test(gap) && cityNameZone(gap.replace(/,|\bon\s*$/g, '')) !== null;
      if ((zoneGap || cityGap) && gap.length <= 30 && ((dayOnly(prev) && timeOnly(r)) || (timeOnly(prev) && dayOnly(r)))) {
        const [d, t] = dayOnly(prev) ? [prev, r] : [r, prev];
        const merged = d as { -readonly [K in keyof ChronoResult]: ChronoResult[K] };
        merged.text = text.slice(prev.index, r.index + r.text.length);
        merged.index = prev.index;
        const assign = (k: string, v: number) => (merged.start as unknown as { assign(key: string, v: number): void }).assign(k, v);
        for (const k of ['hour', 'meridiem', 'timezoneOffset'] as const) {
          if (t.start.isCertain(k)) assign(k, t.start.get(k) ?? 0);
        }
        // "tomorrow around noon": the minute is the time's (0 for "noon"), never the reference's.
        assign('minute', t.start.get('minute') ?? 0);
        // "the day after tomorrow around 11": a meridiem the day carried over from the reference time is not the time's.
        if (!t.start.isCertain('meridiem')) (merged.start as unknown as { delete(k: string[]): void }).delete(['meridiem']);
        out[out.length - 1] = merged;
        continue;
      }
    }
    out.push(r);
  }
  return out;
}

/** "Mittwoch um 11:00? Wednesday at 11:00": an undated time equal to a dated one is the same proposal. */
export function dropUndatedDuplicates(list: ExtractedTime[], zone: string): ExtractedTime[] {
  const hm = (d: Date) => DateTime.fromJSDate(d, { zone }).toFormat('HH:mm');
  const kept = list.filter((t) => t.dated || !list.some((o) => o !== t && o.dated && hm(o.start) === hm(t.start)));
  return kept.filter((t, i) => kept.findIndex((o) => o.start.getTime() === t.start.getTime() && (o.end?.getTime() ?? 0) === (t.end?.getTime() ?? 0)) === i);
}


const WEEKDAY_NUMBER = /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday),?\s+(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)?$/i;
const WEEKDAY_NAMES = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

/**
 * "Wednesday 19" (a day number after its weekday, as most languages write dates): chrono reads the number as an hour.
 * When the weekday falls on that day of this month or the next, it is the date; otherwise ("Gio 11", Thursday at 11)
 * the hour stands.
 */
export function weekdayDayNumber(results: ChronoResult[], ref: Date, zone: string): ChronoResult[] {
  for (const r of results) {
    const m = WEEKDAY_NUMBER.exec(r.text.trim());
    if (!m?.[1] || !m[2] || r.start.isCertain('day') || !r.start.isCertain('hour')) continue;
    const weekday = WEEKDAY_NAMES.indexOf(m[1].toLowerCase()) + 1;
    const dayNo = Number(m[2]);
    const today = DateTime.fromJSDate(ref, { zone }).startOf('day');
    // Within the coming fortnight: "Gio 11" said on the 17th is Thursday at 11, not Thursday the 11th of next month.
    const date = [today, today.plus({ months: 1 })].map((d) => d.set({ day: dayNo })).find((d) => d.isValid && d.day === dayNo && d >= today && d <= today.plus({ days: 14 }) && d.weekday === weekday);
    if (!date) continue;
    const c = r.start as unknown as { delete(k: string[]): void; assign(k: string, v: number): unknown };
    c.delete(['hour', 'minute', 'second', 'meridiem']);
    c.assign('day', date.day);
    c.assign('month', date.month);
    c.assign('year', date.year);
  }
  return results;
}

const NEXT_WEEK = /^(?:next|the\s+following|the\s+coming)\s+week$/i;
const WEEKDAY_LEAD = /^(?:on\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b(?![^\d]*\d{1,2}[/.-]\d)/i;

/**
 * "next week Wednesday morning" ("volgende week woensdagochtend", "nächste Woche Mittwoch"), "Wednesday next week":
 * the weekday of next week, even where the weekday alone would fall in this one.
 */
export function weekdayOfNextWeek(list: ExtractedTime[], text: string, ref: Date, zone: string): ExtractedTime[] {
  const nextWeek = DateTime.fromJSDate(ref, { zone }).startOf('week').plus({ weeks: 1 });
  return list.map((t, i) => {
    if (!WEEKDAY_LEAD.test(t.text.trim()) || t.excluded) return t;
    const before = list[i - 1];
    const after = list[i + 1];
    const joined = (a: ExtractedTime | undefined, b: ExtractedTime | undefined) => Boolean(a && b && NEXT_WEEK.test(a === t ? b.text.trim() : a.text.trim()) && /^\s*,?\s*(?:(?:on|el|le|am|op|il|o|a|de|na|no|al|nel)\s+)?$/i.test(text.slice(a.index + a.text.length, b.index)));
    if (!joined(before, t) && !joined(t, after)) return t;
    const day = DateTime.fromJSDate(t.start, { zone });
    if (day >= nextWeek && day < nextWeek.plus({ weeks: 1 })) return t;
    const weeks = Math.round(nextWeek.diff(day.startOf('week'), 'weeks').weeks);
    if (weeks <= 0) return t;
    const shift = (d: Date) => DateTime.fromJSDate(d, { zone }).plus({ weeks }).toJSDate();
    return { ...t, start: shift(t.start), end: t.end ? shift(t.end) : null, alternatives: [], ambiguous: t.rules.some((r) => /ambiguous/.test(r) && !/next <weekday>/.test(r)), rules: [...t.rules.filter((r) => !/next <weekday>/.test(r)), '"next week" with the weekday: the weekday of next week'] };
  });
}

/** "Thursday in the afternoon", "Thursday, afternoon": the day and its part of day are one window. */
export function joinDayAndPart(list: ExtractedTime[], text: string, zone: string): ExtractedTime[] {
  const out: ExtractedTime[] = [];
  for (let i = 0; i < list.length; i++) {
    const a = list[i]!;
    const b = list[i + 1];
    const gap = b ? text.slice(a.index + a.text.length, b.index) : '';
    const partOnly = b && /^(?:(?:in|on|during)\s+)?(?:the\s+)?(?:morning|afternoon|evening|noon|midday|lunch(?:time)?)$/i.test(b.text.trim());
    const part = b && partOnly && b.grain === 'window' && b.end ? PARTS.find((p) => p.re.test(b.text)) : undefined;
    // "next Tuesday I'm free the whole morning" ("bin ich den ganzen Vormittag frei"): a few words between them.
    const fewWords = /^\s*(?:[\p{L}'’]+\s+){1,5}$/iu.test(gap);
    if (b && part && a.grain === 'day' && !a.excluded && (/^\s*,?\s*(?:in\s+the|on|at|during\s+the)?\s*$/i.test(gap) || fewWords)) {
      const day = DateTime.fromJSDate(a.start, { zone });
      const at = (h: number) => day.set({ hour: h, minute: 0, second: 0, millisecond: 0 }).toJSDate();
      out.push({ ...a, start: at(part.from), end: at(part.to), text: text.slice(a.index, b.index + b.text.length), grain: 'window', rules: [...a.rules, `part of day "${part.name}" = ${part.from}:00–${part.to}:00 window`], excluded: a.excluded ?? b.excluded });
      i++;
      continue;
    }
    out.push(a);
  }
  return narrowToTime(out, text, zone);
}

/** What may stand between a day and the time that narrows it: "Tuesday, at 3", "Thursday in the afternoon, after 2", "mardi 17 mars, plutôt 14h30". */
const NARROW_GAP = /^\s*(?:[,;:\-–—]\s*)?(?:(?:instead|then|maybe|perhaps|stattdessen|dann|vielleicht|plutôt|peut-être|mejor|quizás|entonces|então|talvez|misschien|invece|magari|allora)\s*[,;:\-–—]?\s*){0,2}(?:(?:but|only|just|aber|nur|erst|mais|seulement|pero|solo|sólo|mas|só|maar|alleen|ma)\s+){0,2}(?:(?:in|on|during)\s+the\s+)?(?:(?:rather|preferably|ideally|plutôt|de\s+préférence|idéalmente|idealmente|preferiblemente|de\s+preferência|preferencialmente|am\s+besten|lieber|idealerweise|liefst|bij\s+voorkeur|preferibilmente|magari)\s*,?\s*)?(?:(?:at|from|between|around|after|before|say|like|ideally|preferably|any\s*time|anytime)\s*)?$/i;
/** "Wednesday works, but only after 3pm", "Freitag passt, aber erst ab 14 Uhr": the day offered, narrowed after "but". */
const BUT_GAP = /^\s*(?:[\p{L}'’]+\s+){0,2}[\p{L}'’]+\s*,\s*(?:but|aber|mais|pero|mas|maar|ma)\s+(?:(?:only|nur|erst|seulement|solo|sólo|só|alleen|pas)\s+)?$/iu;
/** "Morgen Vormittag geht, sagen wir 11?", "Thursday morning works, let's say 10": a few words, then "say" and the time. */
const SAY_GAP = /^\s*(?:[\p{L}'’]+\s+){0,3}[\p{L}'’]*\s*[,;:\-–—?]?\s*(?:let['’]s\s+)?(?:say|sagen\s+wir|digamos|disons|zeg\s+maar|zeg|diciamo|dicono)\s*$/iu;

const SAY_WORD = /(?<![\p{L}])(?:let['’]s\s+)?(?:say|sagen\s+wir|digamos|pongamos|disons|on\s+dit|diciamo|zeg\s+maar|zeg)(?![\p{L}])/iu;
const SAY_NEXT = /^[^\d\n.!?]{0,40}[.?!]\s*¿?\s*(?:[\p{L}'’]+\s+){0,3}(?:(?:let['’]s\s+)?(?:say|sagen\s+wir|digamos|pongamos|disons|on\s+dit|diciamo|zeg\s+maar|zeg)\s*,?\s*)?$/iu;

/**
 * "Mittwoch nachmittags ginge es bei mir, gern ab 15 Uhr", "Wednesday afternoon suits me, ideally from 3": a part of
 * day, a few words in the same sentence, then a time inside that part of day narrows it.
 */
const FEW_WORDS_GAP = /^[^.!?;\n\d]{0,60}$/u;

/** A clock time written out: "7 in the morning", "8:30", "3pm" (not a bare "at 7"). */
const WRITTEN_CLOCK = /\d[:.]\d{2}|\d\s*(?:am|pm|a\.m\.|p\.m\.)|\bin\s+the\s+(?:morning|afternoon|evening)\b/i;

/** "den ganzen Vormittag frei, ab 8 Uhr", "toda la mañana, desde las 8": a part of day opened earlier by "from". */
function opensWindow(a: ExtractedTime, b: ExtractedTime, gap: string, zone: string): boolean {
  if (a.grain !== 'window' || !a.end || b.grain !== 'minute' || !/(?:^|\s)(?:from|after|since)\s*$/i.test(gap) || !FEW_WORDS_GAP.test(gap)) return false;
  const t = DateTime.fromJSDate(b.start, { zone });
  const from = DateTime.fromJSDate(a.start, { zone });
  const minutes = (d: DateTime) => d.hour * 60 + d.minute;
  return minutes(t) < minutes(from) && minutes(t) >= minutes(from) - 120;
}

/** A time inside the window's hours ("morning" 9–12 and 11). */
function within(a: ExtractedTime, b: ExtractedTime, zone: string): boolean {
  if (!a.end) return false;
  const t = DateTime.fromJSDate(b.start, { zone });
  const from = DateTime.fromJSDate(a.start, { zone });
  const to = DateTime.fromJSDate(a.end, { zone });
  const minutes = (d: DateTime) => d.hour * 60 + d.minute;
  return minutes(t) >= minutes(from) && minutes(t) <= minutes(to);
}

/**
 * "Na quarta à tarde, depois das 14h", "Morgen Nachmittag zwischen 14 und 16 Uhr", "jeudi entre 14h et 16h": a day
 * (or its part) followed by a time with no day of its own is that time on that day.
 */
function narrowToTime(list: ExtractedTime[], text: string, zone: string): ExtractedTime[] {
  const out: ExtractedTime[] = [];
  for (let i = 0; i < list.length; i++) {
    const a = list[i]!;
    const b = list[i + 1];
    const gap = b ? text.slice(a.index + a.text.length, b.index) : '';
    if (b && a.dated && (a.grain === 'day' || a.grain === 'window') && !b.dated && (b.grain === 'minute' || b.grain === 'window') && !a.excluded && !b.excluded
      && (NARROW_GAP.test(gap) || BUT_GAP.test(gap) || (a.grain === 'window' && SAY_GAP.test(gap) && within(a, b, zone)) || ((a.grain === 'window' || a.grain === 'day') && FEW_WORDS_GAP.test(gap) && within(a, b, zone))
        // "tomorrow after lunch? say 1:30": the question, then the time that narrows it.
        || (/^\s*\?\s*$/.test(gap) && /^(?:say|like|maybe|perhaps|ideally|sagen\s+wir|digamos|disons|diciamo|zeg\s+maar)\b/i.test(b.text.trim()) && within(a, b, zone))
        // "tomorrow after 1 works. say 1:30?", "Donnerstag ab 14 Uhr geht. Sagen wir 14:30?", "I have a window on
        // Thursday. Can we say eleven?": the next sentence says "say" and a time inside the window or day.
        || ((a.grain === 'window' || a.grain === 'day') && SAY_NEXT.test(gap) && (SAY_WORD.test(gap) || new RegExp(`^${SAY_WORD.source}`, 'iu').test(b.text.trim())) && within(a, b, zone))
        // "in 10 days, so around 7 in the morning", "Friday works, 8:30 my time": a whole day, then a clock time written
        // out in the same sentence, even outside business hours.
        || (a.grain === 'day' && b.grain === 'minute' && FEW_WORDS_GAP.test(gap) && WRITTEN_CLOCK.test(b.text))
        || opensWindow(a, b, gap, zone))) {
      const day = DateTime.fromJSDate(a.start, { zone });
      const move = (d: Date) => DateTime.fromJSDate(d, { zone }).set({ year: day.year, month: day.month, day: day.day }).toJSDate();
      if (opensWindow(a, b, gap, zone)) {
        // "the whole morning, from 8": the prospect's morning starts at 8 and runs to the window's end.
        out.push({ ...a, start: move(b.start), text: text.slice(a.index, b.index + b.text.length), rules: [...a.rules, `opened at "${b.text}" said after it`] });
        i++;
        continue;
      }
      out.push({ ...b, start: move(b.start), end: b.end ? move(b.end) : null, index: a.index, text: text.slice(a.index, b.index + b.text.length), dated: true, rules: [...b.rules, `on the day named before it ("${a.text}")`] });
      i++;
      continue;
    }
    out.push(a);
  }
  return out;
}

const NEXT_WEEK_AFTER_DAY = /^(?:on\s+)?(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+(?:of\s+)?(?:next|the\s+following|the\s+coming)\s+week\b/i;

/** The same weekday as `day` in the week of `other`, when that week is later (else null). */
function sameWeekAs(day: DateTime, other: DateTime): DateTime | null {
  const weeks = Math.round(other.startOf('week').diff(day.startOf('week'), 'weeks').weeks);
  return weeks > 0 ? day.plus({ weeks }) : null;
}

/**
 * "Tuesday or Wednesday at 2": a day-only option takes the time of the option after it; "Wed or Thu afternoon":
 * it takes the part of day.
 */
export function carryTimeAcrossOptions(list: ExtractedTime[], text: string, _ref: Date, zone: string): ExtractedTime[] {
  for (let i = 0; i + 1 < list.length; i++) {
    const a = list[i];
    const b = list[i + 1];
    if (!a || !b) continue;
    const gap = text.slice(a.index + a.text.length, b.index);
    if (!/^\s*(?:,|or|and|\/|,\s*or)\s*$/i.test(gap)) continue;
    if (!a.dated && a.grain === 'minute' && b.dated && b.grain === 'minute' && !b.excluded && /^(?:at\s+)?\d/i.test(b.text)) {
      // "9:30 or 11 on Thursday": the day trails both times (not "at 3, or tomorrow at 4").
      const day = DateTime.fromJSDate(b.start, { zone });
      const t = DateTime.fromJSDate(a.start, { zone });
      list[i] = { ...a, start: day.set({ hour: t.hour, minute: t.minute, second: 0, millisecond: 0 }).toJSDate(), dated: true, rules: [...a.rules, 'day carried from the next option'] };
      continue;
    }
    // "Thursday 8 Oct at 11:00 or 16:00": the second time is on the same day.
    if (a.dated && a.grain === 'minute' && !a.excluded && !b.dated && b.grain === 'minute' && /^(?:at\s+)?\d/i.test(b.text.trim())) {
      const day = DateTime.fromJSDate(a.start, { zone });
      const t = DateTime.fromJSDate(b.start, { zone });
      list[i + 1] = { ...b, start: day.set({ hour: t.hour, minute: t.minute, second: 0, millisecond: 0 }).toJSDate(), dated: true, rules: [...b.rules, 'day carried from the option before'] };
      continue;
    }
    if (a.grain !== 'day') continue;
    const part = b.grain === 'window' && b.end ? PARTS.find((p) => p.re.test(b.text)) : undefined;
    if (part) {
      const day = DateTime.fromJSDate(a.start, { zone });
      const at = (h: number) => day.set({ hour: h, minute: 0, second: 0, millisecond: 0 }).toJSDate();
      list[i] = { ...a, start: at(part.from), end: at(part.to), grain: 'window', rules: [...a.rules, `part of day "${part.name}" carried from the next option`] };
      continue;
    }
    // "Thursday or Friday at 10 doesn't work": both options are refused, and no time is carried.
    if (b.excluded === 'negated' && !a.excluded) { list[i] = { ...a, excluded: 'negated' }; continue; }
    if (b.grain !== 'minute' || b.excluded) continue;
    const bt = DateTime.fromJSDate(b.start, { zone });
    // "Thursday or Friday next week, 10am": the week named after the second day holds the first too.
    const week = NEXT_WEEK_AFTER_DAY.test(b.text) ? sameWeekAs(DateTime.fromJSDate(a.start, { zone }), DateTime.fromJSDate(b.start, { zone })) : null;
    const ad = (week ?? DateTime.fromJSDate(a.start, { zone })).set({ hour: bt.hour, minute: bt.minute });
    // ("Tues or Wed, 2pm either day.": the day has its time now, and is an option as much as the next one.)
    const own = a.rules.filter((r) => !/^a day without a time/.test(r));
    list[i] = { ...a, start: ad.toJSDate(), end: null, grain: 'minute', rules: [...own, 'time carried from the next option', ...(week ? ['"next week" said with the next option: that week'] : [])] };
  }
  return list;
}


/** "Monday in a week, i.e. the 13th", "lundi prochain, soit le 24": words that say the same day again, more exactly. */
const RESTATE_GAP = /^\s*[,;:\-–—(]?\s*(?:i\.\s?e\.|that\s+is|that['’]s|so|namely|also|d\.\s?h\.|das\s+hei(?:ß|ss)t|soit|c['’]est-à-dire|donc|o\s+sea|es\s+decir|ou\s+seja|quer\s+dizer|dus|oftewel|ofwel|cioè|ossia|ovvero|quindi)\s*[,:]?\s*(?:on\s+)?$/iu;

/** "Dienstag nach Ostern, der 30.03.", "mardi, le 24": the date after a comma and an article (a holiday may place the day first). */
const APPOSITION_GAP = /^\s*(?:(?:after|before|nach|vor|après|avant|despu[eé]s\s+de|antes\s+de|dopo|prima\s+di|na|voor|depois\s+d[aeo])\s+\p{L}+\s*)?,\s*(?:der|den|dem|the|le|el|il|lo|o|op|de)\s+$/iu;

/**
 * "Montag in einer Woche, also am 13., um 9:15": a day, then a date that restates it (the same weekday) is one
 * proposal, the date's (the weekday alone was read as this week's Monday, a proposal of its own).
 */
export function restatedDay(list: ExtractedTime[], text: string, zone: string): ExtractedTime[] {
  const out: ExtractedTime[] = [];
  for (let i = 0; i < list.length; i++) {
    const a = list[i]!;
    // "Monday next week, so the 24th": the week's phrase between them is part of the day.
    const skip = list[i + 1] && NEXT_WEEK.test(list[i + 1]!.text.trim()) && /^\s*$/.test(text.slice(a.index + a.text.length, list[i + 1]!.index)) ? 1 : 0;
    const last = list[i + skip]!;
    const b = list[i + 1 + skip];
    if (b && a.grain === 'day' && b.dated && !a.excluded && !b.excluded && WEEKDAY_LEAD.test(a.text.replace(/^(?:next|this|the\s+coming)\s+/i, '').trim())
      && (RESTATE_GAP.test(text.slice(last.index + last.text.length, b.index)) || APPOSITION_GAP.test(text.slice(last.index + last.text.length, b.index)))
      && DateTime.fromJSDate(a.start, { zone }).weekday === DateTime.fromJSDate(b.start, { zone }).weekday
      // "so" and "also" (English "as well") restate only the same day; "i.e.", "d.h.", "soit", "cioè" any such weekday.
      && (!/(?<![\p{L}])(?:so|also)(?![\p{L}])/iu.test(text.slice(last.index + last.text.length, b.index)) || DateTime.fromJSDate(a.start, { zone }).hasSame(DateTime.fromJSDate(b.start, { zone }), 'day'))) {
      out.push({ ...b, index: a.index, text: text.slice(a.index, b.index + b.text.length), rules: [...b.rules, `restates the day said before it ("${a.text.trim()}")`] });
      i += 1 + skip;
      continue;
    }
    out.push(a);
  }
  return out;
}

const MONTH_WORD = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?';
/** A phrase that names a calendar date ("Monday 1 November", "Monday, December 1st", "Monday 1/11"). */
const NAMES_DATE = new RegExp(`\\d{1,2}(?:st|nd|rd|th)?\\.?\\s+(?:of\\s+)?${MONTH_WORD}(?![a-z])|(?<![a-z])${MONTH_WORD}\\s+\\d{1,2}(?!\\d)|\\d{1,2}[/.]\\d{1,2}`, 'i');
/** A weekday with at most a clock time or part of day: no date, no "next", of its own. */
const BARE_WEEKDAY = /^(?:on\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b(?![^]*(?:\d{1,2}(?:st|nd|rd|th)\b|\d{1,2}[/.]\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\bnext\b|\bweek\b))/i;
const CONTRAST = /(?<![\p{L}])(?:but|however|mais|pero|sin\s+embargo|aber|jedoch|maar|ma|però|mas|porém)(?![\p{L}])/iu;

/**
 * "Le lundi 1er novembre est férié dans certains cantons, mais pas à Genève : lundi à 10h": a weekday named again
 * after a date on that weekday is that date, not the nearest such weekday. When the date was refused and nothing
 * turns it round ("but"), the nearest weekday stays first and the date is the other reading, asked.
 */
export function weekdayOfDateNamed(list: ExtractedTime[], text: string, zone: string): ExtractedTime[] {
  return list.map((t, i) => {
    const m = BARE_WEEKDAY.exec(t.text.trim());
    if (!m?.[1] || t.excluded) return t;
    const weekday = WEEKDAY_NAMES.indexOf(m[1].toLowerCase()) + 1;
    const e = list.slice(0, i).reverse().find((x) => x.excluded !== 'past wording' && new RegExp(`\\b${m[1]}\\b`, 'i').test(x.text) && NAMES_DATE.test(x.text)
      && DateTime.fromJSDate(x.start, { zone }).weekday === weekday);
    if (!e) return t;
    const day = DateTime.fromJSDate(e.start, { zone });
    const move = (d: Date) => DateTime.fromJSDate(d, { zone }).set({ year: day.year, month: day.month, day: day.day }).toJSDate();
    if (DateTime.fromJSDate(t.start, { zone }).hasSame(day, 'day')) return t;
    const moved = { ...t, start: move(t.start), end: t.end ? move(t.end) : null, rules: [...t.rules.filter((r) => !/weekday named on that same weekday/.test(r)), `the date named before on that weekday ("${e.text.trim()}")`] };
    if (!e.excluded || CONTRAST.test(text.slice(e.index + e.text.length, t.index))) return moved;
    return { ...t, ambiguous: true, alternatives: [...t.alternatives, { start: moved.start, end: moved.end, text: t.text }], rules: [...t.rules, `ambiguous: the weekday after a refused date ("${e.text.trim()}"): the nearest one or that date`] };
  });
}

/** "so let's", "could we push to", "¿lo pasamos al…?", "on peut décaler à": the time after it replaces the day before. */
const MOVE_TO = /(?<![\p{L}])(?:so\s+let['’]?s|push|move|shift|switch|bump|reschedul\p{L}*|postpone|instead|pasamos|pasarlo|cambiamos|cambiarlo|movemos|moverlo|mover|passer|décaler|reporter|déplacer|verschieben|verlegen|stattdessen|verzetten|verplaatsen|spostare|spostiamo|rimandare|adiar|passar|mudar|remarcar)(?![\p{L}])/iu;
const OR_WORD = /(?<![\p{L}])(?:or|oder|ou|o|of|oppure|ó)(?![\p{L}])/iu;

/**
 * "The maintenance window is Saturday, so let's talk Monday at 10", "Next Tuesday I'm interstate. Could we push to
 * Wednesday at 2pm?": a day without a clock time, then a move to a clock time on another day. The first day is the
 * reason, not an option (options are joined by "or").
 */
export function reasonDay(list: ExtractedTime[], text: string, zone: string): ExtractedTime[] {
  return list.map((a, i) => {
    const b = list[i + 1];
    if (b && replacedBefore(a, b, text, zone)) return { ...a, excluded: 'busy' as const, rules: [...a.rules, `replaced by "${b.text.trim()}" ("instead"), not an option`] };
    if (!b || a.excluded || b.excluded || (a.grain !== 'day' && a.grain !== 'window') || !b.dated || b.grain !== 'minute') return a;
    if (/\d/.test(a.text) && !/\b(?:morning|afternoon|evening)\b/i.test(a.text)) return a;
    const gap = text.slice(a.index + a.text.length, b.index);
    if (gap.length > 120 || !MOVE_TO.test(gap) || OR_WORD.test(gap)) return a;
    if (DateTime.fromJSDate(a.start, { zone }).hasSame(DateTime.fromJSDate(b.start, { zone }), 'day')) return a;
    return { ...a, excluded: 'busy' as const, rules: [...a.rules, `the reason for the move to "${b.text.trim()}", not an option`] };
  });
}

/** "… instead?" closing the sentence of the time before it. */
const INSTEAD_AFTER = /^[^.!?\n]{0,40}?(?<![\p{L}])(?:instead|stattdessen|plutôt|à\s+la\s+place|en\s+su\s+lugar|en\s+vez|em\s+vez\s+disso|no\s+lugar|in\s+plaats\s+daarvan|invece)(?![\p{L}])/iu;
/** A fallback, not a replacement: "if not, Wednesday instead", "otherwise", "or". */
const FALLBACK = /(?<![\p{L}])(?:if\s+not|otherwise|else|alternatively|failing\s+that|or|sinon|sonst|falls\s+nicht|si\s+no|se\s+não|anders|altrimenti|oder|ou|o|of|oppure)(?![\p{L}])/iu;

/**
 * "Thursday got messy. Could we do Friday 2/18 at 11:45 instead?", "Tuesday 10am is no longer possible. How about
 * Wednesday at 10am instead?": a clock time on another day said with "instead" replaces the time before it (the
 * rep's, said again), unless the reply offers it as a fallback ("if not", "or").
 */
function replacedBefore(a: ExtractedTime, b: ExtractedTime, text: string, zone: string): boolean {
  if (a.excluded || b.excluded || !b.dated || b.grain !== 'minute') return false;
  if (!INSTEAD_AFTER.test(text.slice(b.index + b.text.length))) return false;
  const gap = text.slice(a.index + a.text.length, b.index);
  if (gap.length > 120 || FALLBACK.test(gap) || !/[.!?\n]/.test(gap)) return false;
  return !DateTime.fromJSDate(a.start, { zone }).hasSame(DateTime.fromJSDate(b.start, { zone }), 'day');
}

/** "… say tue 9:30", "…, sagen wir Dienstag 9:30", "digamos el martes a las 10": the time chosen after "say". */
const SAY_BEFORE = /(?<![\p{L}])(?:let['’]s\s+)?(?:say|sagen\s+wir|digamos|pongamos|disons|diciamo|zeg\s+maar|zeg)\s*,?\s*$/iu;

/**
 * "mon or tue next wk? say tue 9:30": days offered as options, then a dated clock time chosen with "say". The chosen
 * time is the proposal; the days before it (all without a clock time) are the options it chose among, kept after it.
 */
export function sayChooses(list: ExtractedTime[], text: string, zone: string): ExtractedTime[] {
  const i = list.findIndex((t, k) => k > 0 && t.dated && t.grain === 'minute' && !t.excluded
    && (SAY_BEFORE.test(text.slice(Math.max(0, t.index - 20), t.index)) || /^(?:say|sagen\s+wir|digamos|disons|diciamo)\s/i.test(t.text)));
  if (i <= 0) return list;
  const before = list.slice(0, i).filter((t) => !t.excluded);
  if (before.length === 0 || before.some((t) => t.grain === 'minute')) return list;
  let chosen = list[i]!;
  // "tue next wk? say tue 9:30": a bare weekday chosen is the option's day of that weekday (its week said there).
  const at = DateTime.fromJSDate(chosen.start, { zone });
  const option = before.find((t) => DateTime.fromJSDate(t.start, { zone }).weekday === at.weekday);
  if (option && /^(?:say\s+)?(?:on\s+)?(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?(?:\s|,|$)/i.test(chosen.text.trim()) && !/\d{1,2}[./]\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\d(?:st|nd|rd|th)\b/i.test(chosen.text)) {
    const day = DateTime.fromJSDate(option.start, { zone });
    chosen = { ...chosen, start: at.set({ year: day.year, month: day.month, day: day.day }).toJSDate() };
  }
  return [{ ...chosen, rules: [...chosen.rules, 'chosen with "say" among the days named before it'] }, ...list.filter((_, k) => k !== i)];
}
