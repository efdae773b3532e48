import * as chrono from 'chrono-node';

/**
 * chrono-node parsers (built once, pure) with additions chrono lacks:
 * dotted day-first dates ("24.11."), ordinal days ("the 3rd"), "after 3" / "before 11", de/fr/es weekdays and clocks,
 * and named holidays ("Thanksgiving", "xmas 2014").
 */

type Chrono = ReturnType<typeof chrono.casual.clone>;
type Parser = Chrono['parsers'][number];

const dottedDate: Parser = {
  pattern: () => /(?<![\d.:]|version\s|v)(\d{1,2})\.(\d{1,2})\.(\d{4})?(?![\d:.])/i,
  extract: (_context, match) => {
    const day = Number(match[1]);
    const month = Number(match[2]);
    if (day < 1 || day > 31 || month < 1 || month > 12) return null;
    const out: { day: number; month: number; year?: number } = { day, month };
    if (match[3]) out.year = match[3].length === 2 ? 2000 + Number(match[3]) : Number(match[3]);
    return out;
  },
};

const ordinalDay: Parser = {
  pattern: () => /\b(?:on\s+)?(?:the\s+|(?:mon|tues?|wed|thu|thurs|fri|sat|sun)[a-z]*,?\s+(?:the\s+)?)(\d{1,2})(?:st|nd|rd|th)\b(?!\s+(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))/i,
  extract: (context, match) => {
    const day = Number(match[1]);
    if (day < 1 || day > 31) return null;
    const ref = context.reference.instant;
    // Wall clock of the reference in the configured offset.
    const offset = typeof context.reference.timezoneOffset === 'number' ? context.reference.timezoneOffset : 0;
    const local = new Date(ref.getTime() + offset * 60_000);
    let month = local.getUTCMonth() + 1;
    let year = local.getUTCFullYear();
    if (day < local.getUTCDate()) {
      month += 1;
      if (month > 12) { month = 1; year += 1; }
    }
    const c = context.createParsingComponents({ day, month, year });
    return c;
  },
};

const WEEKDAY_WORDS: Record<string, number> = {
  montag: 1, dienstag: 2, mittwoch: 3, donnerstag: 4, freitag: 5, samstag: 6, sonntag: 7,
  lundi: 1, mardi: 2, mercredi: 3, jeudi: 4, vendredi: 5, samedi: 6, dimanche: 7,
  lunes: 1, martes: 2, miércoles: 3, miercoles: 3, jueves: 4, viernes: 5, sábado: 6, sabado: 6, domingo: 7,
};

/** German, French and Spanish weekdays ("Mittwoch", "jeudi", "el jueves"): the next such day. */
const foreignWeekday: Parser = {
  pattern: () => new RegExp(`(?<![\\p{L}])(${Object.keys(WEEKDAY_WORDS).join('|')})(?![\\p{L}])`, 'iu'),
  extract: (context, match) => {
    const target = WEEKDAY_WORDS[(match[1] ?? '').toLowerCase()];
    if (!target) return null;
    const offset = typeof context.reference.timezoneOffset === 'number' ? context.reference.timezoneOffset : 0;
    const local = new Date(context.reference.instant.getTime() + offset * 60_000);
    const today = ((local.getUTCDay() + 6) % 7) + 1;
    const ahead = ((target - today + 7) % 7) || 7;
    const d = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() + ahead));
    const c = context.createParsingComponents({ weekday: target % 7 });
    c.imply('day', d.getUTCDate()).imply('month', d.getUTCMonth() + 1).imply('year', d.getUTCFullYear());
    return c;
  },
};

/** "um 10 Uhr", "à 10h", "10h30", "15h15", "a las 10:30": 24-hour clock times of de/fr/es replies. */
const foreignClock: Parser = {
  pattern: () => /(?:\b(?:um|à|a\s+las|a\s+la|vers|gegen|ab)\s+)?\b(\d{1,2})(?:(?:[:.h])(\d{2}))?\s*(?:uhr|h)(?![\p{L}\d])|\b(?:um|à|a\s+las|a\s+la|gegen)\s+(\d{1,2})[:.h](\d{2})\b|\b(\d{1,2})h(\d{2})\b/iu,
  extract: (_context, match) => {
    const hour = Number(match[1] ?? match[3] ?? match[5]);
    const minute = Number(match[2] ?? match[4] ?? match[6] ?? 0);
    if (!(hour <= 23 && minute <= 59)) return null;
    return { hour, minute, meridiem: hour >= 12 ? 1 : 0 };
  },
};

const boundedHour: Parser = {
  pattern: () => /\b(after|past|anytime after|any time after|before|by)\s+(\d{1,2})(?::(\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?(?![\d:/.])/i,
  extract: (_context, match) => {
    const hour = Number(match[2]);
    if (hour > 23) return null;
    const minute = match[3] ? Number(match[3]) : 0;
    const out: { hour: number; minute: number; meridiem?: number } = { hour, minute };
    const mer = (match[4] ?? '').toLowerCase();
    if (mer.startsWith('p')) { out.meridiem = 1; if (hour < 12) out.hour = hour + 12; }
    if (mer.startsWith('a')) { out.meridiem = 0; if (hour === 12) out.hour = 0; }
    return out;
  },
};

/**
 * "around 3", "say 4", "about 10:30": an hour after a word of approximation, which chrono leaves unread. Only when
 * nothing but punctuation, a zone, "or"/"on"/"works"... follows, so "about 5 people" or "around 20 minutes" is no time.
 */
const approxHour: Parser = {
  // An hour with minutes ("around 9:30 me va") is a time whatever follows; a bare hour only before a pause or a cue
  // (the minutes are never dropped to leave "9" before the colon).
  pattern: () => /\b(?:around|about|say|approx\.?|approximately|roughly|circa|ca\.)\s+(\d{1,2})(?:[:](\d{2})(?!\d)(?!\s*(?:%|€|\$|hours?|hrs?|minutes?|mins?|euros?|dollars?|percent|people|users)\b)\s*(am|pm|a\.m\.|p\.m\.)?|(?:[.](\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?(?![:\d])(?=\s*(?:$|[?!,;:)\n]|\.(?:\s|$)|(?:or|on|if|my|your|then|tomorrow|today|works?|would|is|should|o'?clock|e[sd]t|c[sd]t|m[sd]t|p[sd]t|et|ct|mt|pt|gmt|utc|bst|cet|cest|eastern|central|mountain|pacific)\b)))/i,
  extract: (context, match) => {
    const hour = Number(match[1]);
    if (hour > 23) return null;
    const minute = Number(match[2] ?? match[4] ?? 0);
    if (minute > 59) return null;
    const out: { hour: number; minute: number; meridiem?: number } = { hour, minute };
    const mer = (match[3] ?? match[5] ?? '').toLowerCase();
    if (mer.startsWith('p')) { out.meridiem = 1; if (hour < 12) out.hour = hour + 12; }
    if (mer.startsWith('a')) { out.meridiem = 0; if (hour === 12) out.hour = 0; }
    const c = context.createParsingComponents(out);
    // No am/pm: the hour's own half of the day (8–11 am), so a day phrase's implied pm ("the day after tomorrow" said
    // at 13:33) is not added to it, and 1–6 pm by the business-hours rule.
    if (!mer && hour >= 8 && hour <= 11) c.imply('meridiem', 0);
    if (!mer && hour >= 1 && hour <= 6) c.imply('meridiem', 1);
    return c;
  },
};

/** The n-th (1-based; -1 = last) `weekday` (0 = Sunday) of a month, as a day of the month. */
function nthWeekday(year: number, month: number, weekday: number, n: number): number {
  if (n > 0) {
    const first = new Date(Date.UTC(year, month - 1, 1)).getUTCDay();
    return 1 + ((weekday - first + 7) % 7) + (n - 1) * 7;
  }
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const last = new Date(Date.UTC(year, month - 1, lastDay)).getUTCDay();
  return lastDay - ((last - weekday + 7) % 7);
}

const HOLIDAY_WEEKDAY: Record<string, number> = { sunday: 0, monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6 };

/** Holidays with a fixed rule (US dates where countries differ): month and day in a given year. */
const HOLIDAYS: { re: RegExp; at: (y: number) => [number, number] }[] = [
  { re: /^thanksgiving/i, at: (y) => [11, nthWeekday(y, 11, 4, 4)] },
  { re: /^christmas\s+eve/i, at: () => [12, 24] },
  { re: /^(?:christmas|xmas)/i, at: () => [12, 25] },
  { re: /^new\s+year'?s\s+eve/i, at: () => [12, 31] },
  { re: /^new\s+year'?s\s+day/i, at: () => [1, 1] },
  { re: /^mother'?s\s+day/i, at: (y) => [5, nthWeekday(y, 5, 0, 2)] },
  { re: /^father'?s\s+day/i, at: (y) => [6, nthWeekday(y, 6, 0, 3)] },
  { re: /^memorial\s+day/i, at: (y) => [5, nthWeekday(y, 5, 1, -1)] },
  { re: /^labor\s+day/i, at: (y) => [9, nthWeekday(y, 9, 1, 1)] },
  { re: /^(?:independence\s+day|(?:the\s+)?(?:fourth|4th)\s+of\s+july)/i, at: () => [7, 4] },
  { re: /^halloween/i, at: () => [10, 31] },
  { re: /^valentine'?s/i, at: () => [2, 14] },
  { re: /^(?:mlk|martin\s+luther\s+king)/i, at: (y) => [1, nthWeekday(y, 1, 1, 3)] },
  { re: /^(?:presidents'?|president'?s|washington'?s\s+birthday)/i, at: (y) => [2, nthWeekday(y, 2, 1, 3)] },
  { re: /^veterans?'?\s+day/i, at: () => [11, 11] },
  { re: /^columbus\s+day/i, at: (y) => [10, nthWeekday(y, 10, 1, 2)] },
];

/**
 * Named holidays ("Thanksgiving", "xmas 2014", "last Christmas", "Memorial Day of next year"): the next one on or
 * after the reference day unless a year or this/next/last says otherwise. Tagged so that a scheduling reading can
 * treat the holiday as a reference point rather than a slot.
 */
const holiday: Parser = {
  pattern: () => /\b(?:(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\s+(after|before)\s+)?(?:(this|next|last|the\s+coming)\s+)?(thanksgiving(?:\s+day)?|christmas\s+eve|christmas(?:\s+day)?|xmas|new\s+year'?s\s+eve|new\s+year'?s\s+day|mother'?s\s+day|father'?s\s+day|memorial\s+day|labor\s+day|independence\s+day|(?:the\s+)?(?:fourth|4th)\s+of\s+july|halloween|valentine'?s(?:\s+day)?|(?:mlk|martin\s+luther\s+king(?:,?\s+jr\.?)?)(?:\s+day)?|(?:presidents'?|president'?s)\s+day|washington'?s\s+birthday|veterans?'?\s+day|columbus\s+day)(?!['’])(?:\s+(?:of\s+)?(next\s+year|last\s+year|this\s+year|(?:19|20)\d{2}))?\b/i,
  extract: (context, match) => {
    const name = match[4] ?? '';
    const rule = HOLIDAYS.find((h) => h.re.test(name));
    if (!rule) return null;
    const offset = typeof context.reference.timezoneOffset === 'number' ? context.reference.timezoneOffset : 0;
    const local = new Date(context.reference.instant.getTime() + offset * 60_000);
    const today = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate());
    const at = (y: number) => { const [m, d] = rule.at(y); return { y, m, d, t: Date.UTC(y, m - 1, d) }; };
    const modifier = (match[3] ?? '').toLowerCase();
    const yearWord = (match[5] ?? '').toLowerCase();
    const thisYear = local.getUTCFullYear();
    let pick = at(thisYear);
    if (/^\d{4}$/.test(yearWord)) pick = at(Number(yearWord));
    else if (yearWord === 'next year') pick = at(thisYear + 1);
    else if (yearWord === 'last year') pick = at(thisYear - 1);
    else if (yearWord === 'this year') pick = at(thisYear);
    else if (modifier === 'last') { if (pick.t >= today) pick = at(thisYear - 1); }
    else if (pick.t < today) pick = at(thisYear + 1);
    // "Monday after Thanksgiving", "the Friday before Christmas": that weekday, the first one past the holiday, a day
    // of its own (no reference point), read forward like the holiday.
    const weekday = HOLIDAY_WEEKDAY[(match[1] ?? '').toLowerCase()];
    if (weekday !== undefined) {
      const dir = /^after$/i.test(match[2] ?? '') ? 1 : -1;
      const from = (p: { t: number }) => { let t = p.t; do t += dir * 86_400_000; while (new Date(t).getUTCDay() !== weekday); return new Date(t); };
      let day = from(pick);
      if (!yearWord && !modifier && day.getTime() < today) day = from(at(pick.y + 1));
      return context.createParsingComponents({ year: day.getUTCFullYear(), month: day.getUTCMonth() + 1, day: day.getUTCDate(), weekday });
    }
    const c = context.createParsingComponents({ year: pick.y, month: pick.m, day: pick.d });
    c.addTag('parser/holiday');
    return c;
  },
};

const HOUR_WORDS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, noon: 12, midday: 12, midnight: 0 };
const MINUTE_WORDS: Record<string, number> = { quarter: 15, half: 30, five: 5, ten: 10, twenty: 20, 'twenty-five': 25, 'twenty five': 25 };

/** "a quarter past 3pm", "half past three", "20 after 2", "quarter to noon", "ten to 4": minutes around an hour. */
const pastTo: Parser = {
  // Not "from 10 till noon", "between 9 to 11": a span of hours, read by chrono as one.
  pattern: () => /(?<!\b(?:from|between)\s+(?:a\s+)?)\b(?:a\s+)?(quarter|half|twenty[-\s]five|twenty|ten|five|\d{1,2})(?:\s+min(?:ute)?s?)?\s+(past|after|to|till|of)\s+(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|noon|midday|midnight)(?:\s*(a\.?m\.?|p\.?m\.?)(?![a-z]))?(?![\d:])/i,
  extract: (_context, match) => {
    const mWord = (match[1] ?? '').toLowerCase();
    const minutes = /^\d+$/.test(mWord) ? Number(mWord) : MINUTE_WORDS[mWord.replace(/\s+/, ' ')] ?? MINUTE_WORDS[mWord];
    const hWord = (match[3] ?? '').toLowerCase();
    let hour = /^\d+$/.test(hWord) ? Number(hWord) : HOUR_WORDS[hWord];
    if (minutes === undefined || hour === undefined || minutes < 1 || minutes > 59 || hour > 23) return null;
    const mer = (match[4] ?? '').toLowerCase();
    const named = /^(?:noon|midday|midnight)$/.test(hWord);
    if (mer.startsWith('p') && hour < 12) hour += 12;
    if (mer.startsWith('a') && hour === 12) hour = 0;
    let minute = minutes;
    if (/^(?:to|till|of)$/i.test(match[2] ?? '')) { hour = (hour + 23) % 24; minute = 60 - minutes; }
    const out: { hour: number; minute: number; meridiem?: number } = { hour, minute };
    if (mer || named || hour >= 13) out.meridiem = hour >= 12 ? 1 : 0;
    return out;
  },
};


const WEEK_COUNTS: Record<string, number> = { a: 1, one: 1, two: 2, three: 3, four: 4, 'a couple of': 2, 'a few': 3, couple: 2 };
const WEEKDAY_INDEX: Record<string, number> = { mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6, sun: 7 };

/**
 * "in two weeks, Thursday", "Thursday in two weeks", "two weeks from now on Thursday": that weekday in the week
 * N weeks after this one (not the Thursday that comes first, nor exactly 14 days on).
 */
const weekdayWeeksAhead: Parser = {
  pattern: () => /\b(?:in\s+(a|one|two|three|four|a\s+couple\s+of|a\s+few|\d)\s+weeks?(?:['’]?\s*time)?,?\s+(?:on\s+(?:the\s+)?)?(mon|tue|wed|thu|fri|sat|sun)[a-z]*|(mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+(?:in\s+(a|one|two|three|four|\d)\s+weeks?(?:['’]?\s*time)?|(a|one|two|three|four|\d)\s+weeks?\s+from\s+(?:now|today)))\b/i,
  extract: (context, match) => {
    const countWord = (match[1] ?? match[4] ?? match[5] ?? '').toLowerCase().replace(/\s+/g, ' ');
    const weeks = /^\d$/.test(countWord) ? Number(countWord) : WEEK_COUNTS[countWord];
    const target = WEEKDAY_INDEX[(match[2] ?? match[3] ?? '').toLowerCase().slice(0, 3)];
    if (!weeks || !target) return null;
    const offset = typeof context.reference.timezoneOffset === 'number' ? context.reference.timezoneOffset : 0;
    const local = new Date(context.reference.instant.getTime() + offset * 60_000);
    const today = ((local.getUTCDay() + 6) % 7) + 1;
    const d = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() - (today - 1) + weeks * 7 + (target - 1)));
    const c = context.createParsingComponents({ day: d.getUTCDate(), month: d.getUTCMonth() + 1, year: d.getUTCFullYear(), weekday: target % 7 });
    return c;
  },
};

/**
 * British "Tuesday week", "Friday week": the weekday a week after the coming one ("Tuesday week" written on a
 * Wednesday is the Tuesday after next; written on a Tuesday, a week today).
 */
const weekdayWeek: Parser = {
  pattern: () => /(?<!(?:last|past|every|each|per)\s+)\b(mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?\s+week(?![a-z])(?!\s+(?:of|after|before|later|earlier|ago|from)\b)/i,
  extract: (context, match) => {
    const target = WEEKDAY_INDEX[(match[1] ?? '').toLowerCase()];
    if (!target) return null;
    const offset = typeof context.reference.timezoneOffset === 'number' ? context.reference.timezoneOffset : 0;
    const local = new Date(context.reference.instant.getTime() + offset * 60_000);
    const today = ((local.getUTCDay() + 6) % 7) + 1;
    const ahead = ((target - today + 7) % 7 || 7) + (target === today ? 0 : 7);
    const d = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() + ahead));
    return context.createParsingComponents({ day: d.getUTCDate(), month: d.getUTCMonth() + 1, year: d.getUTCFullYear(), weekday: target % 7 });
  },
};

function build(base: Chrono): Chrono {
  base.parsers.push(dottedDate, ordinalDay, boundedHour, approxHour, foreignWeekday, foreignClock, holiday, pastTo, weekdayWeeksAhead, weekdayWeek);
  return base;
}

export const monthFirstParser: Chrono = build(chrono.casual.clone());
export const dayFirstParser: Chrono = build(chrono.en.GB.clone());

/**
 * Strict reading, as chrono-node's own `chrono.strict`: only formal, fully written dates and times (an explicit
 * calendar date, with or without a time; a clock time with minutes or am/pm; durations spelled out). A weekday counts
 * only beside a calendar date: "Tuesday" and "Tuesday at 3pm" give nothing. chrono's strict configuration, plus only those additions that are themselves fully specified: dotted dates
 * ("24.11.2024") and 24-hour clocks with minutes or "Uhr" ("10h30", "um 10 Uhr"), and foreign weekdays (kept only beside a calendar date,
 * by chrono's strict weekday-only filter). Not added: "the 3rd", "after 3", holidays, "half past three".
 */
/** Strict 24-hour clocks: with minutes ("10h30", "um 10:30") or "Uhr"; a bare "5h" / "5 h" is as likely an hour count ("5 h ago"). */
const strictForeignClock: Parser = {
  pattern: foreignClock.pattern,
  extract: (context, match) => {
    const minutes = match[2] ?? match[4] ?? match[6];
    if (minutes === undefined && !/uhr/i.test(match[0])) return null;
    return foreignClock.extract(context, match);
  },
};

function buildStrict(base: Chrono): Chrono {
  base.parsers.push(dottedDate, foreignWeekday, strictForeignClock);
  return base;
}

export const monthFirstStrictParser: Chrono = buildStrict(chrono.strict.clone());
export const dayFirstStrictParser: Chrono = buildStrict(new chrono.Chrono(chrono.en.configuration.createConfiguration(true, true)));
export const plainChrono = chrono.casual;
export type ChronoResult = ReturnType<Chrono['parse']>[number];
