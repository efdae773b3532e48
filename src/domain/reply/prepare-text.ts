import { DateTime } from 'luxon';
import { isMonthFirstZone } from './zones.js';
import { dropMovedFrom } from './move-from.js';

export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

/**
 * The text as the time reader reads it (weekday spellings, bullets, a day number's month). Idempotent: callers that
 * slice the text at a result's index (parseReply) prepare it first, so indexes agree.
 */
export function prepareTimeText(input: string, ref: Date, zone: string): string {
  const spelled = plainDayBeforeMonth(betweenAsSpan(dropMovedFrom(spellWeekdays(unwrapDates(input)))));
  return clockAfterDate(nameMonthOfWeekdayNumber(isMonthFirstZone(zone) ? spelled : dayBeforeMonthName(spelled), ref, zone));
}

/**
 * "June 17" as "17 June", where the zone writes the day first (month-first zones read "June 17" right and keep the
 * writer's words in the phrase reported). chrono's day-first English (en-GB, used for every zone outside the month-first countries)
 * takes a number after a month name for a two-digit year: "June 17 at 10:30" was June 2017 (dropped as past, the hour
 * kept alone and asked about), "back on Monday June 22" the next Monday. A four-digit year after it ("June 17, 2026")
 * is read as written, and so are a range ("August 10 - 22"), a month that already has its day or year before it ("24
 * October 10 o'clock", "2018 March 18") and an hour ("June 10 o'clock"). "Mar" is left alone: it is Tuesday in Spanish,
 * French and Italian.
 */
const MONTH_DAY = /(?<!\d(?:st|nd|rd|th)?\.?,?\s+)\b(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?\s+(\d{1,2})(st|nd|rd|th)?\b(?![.:/]\d|\s*(?:am|pm|[ap]\.m\.|h\b|uhr|uur|o\s*'?\s*clock)|,?\s+\d{4}|\s*[-–]\s*\d)/gi;
export function dayBeforeMonthName(text: string): string {
  return text.replace(MONTH_DAY, (all, month: string, day: string, suffix: string | undefined) => (Number(day) >= 1 && Number(day) <= 31 ? `${day}${suffix ?? ''} ${month}` : all));
}

/**
 * A clock time written straight after a day and its month ("17 June 10.30am", "June 17 10:30", "17 juin 10.30" once
 * the lexicon named the month): chrono took the hour for a two-digit year (17 June 2010, in the past, dropped) and the
 * reply read as no time at all. "at" between them says what the writer meant. A four-digit year is left alone.
 */
const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?';
const DAY_MONTH_CLOCK = new RegExp(`(?<![\\d.,:/])(\\d{1,2}(?:st|nd|rd|th)?\\.?\\s+(?:of\\s+)?${MONTH},?|\\b${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?,?)\\s+(?=\\d{1,2}[.:]\\d{2}(?![\\d.:/]))`, 'giu');
function clockAfterDate(text: string): string {
  return text.replace(DAY_MONTH_CLOCK, '$1 at ');
}

/**
 * "between 1 and 3", "between 13:00 and 15:00" (the lexicon's "tussen 1 en 3", "zwischen 13 und 15 Uhr"): chrono reads
 * a span written "from 1 to 3", but of "between" it took only the first clock time with minutes, or none ("Wednesday
 * between 1 and 3 - grab any slot" read the whole day). Not a count ("between 2 and 3 people").
 */
const CLOCK = '\\d{1,2}(?::\\d{2})?(?:\\s*(?:am|pm|a\\.m\\.|p\\.m\\.))?';
const BETWEEN = new RegExp(`\\bbetween\\s+(${CLOCK})\\s+and\\s+(${CLOCK})(?![\\d:]|\\s*(?:people|persons|guests|attendees|of\\b|weeks?|days?|months?|years?|hours?|hrs?|minutes?|mins?)\\b)`, 'gi');
function betweenAsSpan(text: string): string {
  return text.replace(BETWEEN, 'from $1 to $2');
}

/**
 * The other languages' ordinals before a month, after the lexicon named the month in English: fr "2e"/"2ème" June,
 * es/pt/it "1º (de)" June, nl "19e"/"1ste"/"2de" May. The day number alone, as chrono reads it; left there, the
 * weekday-and-day-number rule below took "Wednesday 19" for a date of its own and wrote "Wednesday 19 Maye May"
 * (or lost the date). English ordinals ("19th May", "1st of June") are read as they are.
 */
const ORDINAL_BEFORE_MONTH = /(?<![\d.,:/])(\d{1,2})(?:ème|eme|ère|er|e|ste|de|\.?º|\.?ª|°)\.?,?\s+(?:(?:de|del|do|da)\s+)?((?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?)(?![a-z])/giu;
function plainDayBeforeMonth(text: string): string {
  return text.replace(ORDINAL_BEFORE_MONTH, '$1 $2');
}

const WRAP_MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?';
/**
 * "on Friday, 19\nMarch at 6:30 PM", "on Monday\n8 March at 10:00", "vrijdag 19\nnovember om 14.00": a mail client
 * wrapped the line inside a date. The line break between a weekday or day number and the day number or month that
 * continues it is a space (same length, so indexes stay).
 */
const WRAPPED_DATE = new RegExp(`((?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|\\d{1,2}(?:st|nd|rd|th)?)\\.?,?)[ \\t]*\\n(?=[ \\t]*(?:\\d{1,2}(?:st|nd|rd|th)?\\.?\\s+(?:of\\s+)?${WRAP_MONTH}(?![a-z])|${WRAP_MONTH}(?![a-z])(?:\\s+\\d{1,2}(?!\\d))?\\s*,?\\s*(?:at|@|\\d)))`, 'gi');
function unwrapDates(text: string): string {
  return text.replace(WRAPPED_DATE, (m: string) => `${m.slice(0, -1)} `);
}

/** "Tues", "Weds", "Thur": weekday spellings chrono does not know (it then reads "Tues morning" as this morning). */
function spellWeekdays(text: string): string {
  return shortForeignWeekday(text
    .replace(/\bTues\b\.?/gi, 'Tuesday')
    .replace(/\bWeds\b\.?/gi, 'Wednesday')
    .replace(/\bThurs?\b\.?/gi, 'Thursday')
    // "thurs aft", "Tuesday arvo": the afternoon, written short after its day.
    .replace(/\b(Monday|Tuesday|Wednesday|Thursday|Friday|today|tomorrow|mon|tue|wed|thu|fri)\s+(?:aft|arvo)\b\.?/gi, '$1 afternoon')
    // A list of options ("- Wed Dec 10, 11:00am" on each line): the dash is a bullet, never a range.
    .replace(/^(\s*)[-*](?=\s)/gm, '$1•')
    // "Friday 2/12 after lunch" (after the lexicon: "after 1pm"): the date's day number is no "12 minutes after 1pm";
    // "Woensdag 8/12 in de namiddag" (after the lexicon: "8/12 in the afternoon"): nor "12 in the afternoon" (noon).
    .replace(/(?<![\d/.])(\d{1,2}\/\d{1,2}(?:\/\d{2,4})?)\s+(after|past|before|(?:in\s+the\s+)?(?:morning|afternoon|evening))\b/gi, '$1, $2')
    // "the 9th (Wed) at 16:00", "19 March (Fri), 3pm": a weekday in brackets after its date is said before it, where
    // the reader joins the two (and the time after them) into one phrase.
    .replace(/(?<![\p{L}\d])((?:the\s+)?\d{1,2}(?:st|nd|rd|th)?(?:\.?\s+(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?)?)\s*\(\s*(mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?\s*\)/giu, (_m, date: string, d: string) => `${WEEKDAYS.find((x) => x.startsWith(d.toLowerCase()))!.replace(/^./, (c) => c.toUpperCase())} ${date}`)
    // "terça (10/03) às 10h": a date in brackets after its weekday belongs to it.
    .replace(/\((\d{1,2}[/.]\d{1,2}(?:[/.]\d{2,4})?)\)/g, ' $1 ')
    // "November 20 in the afternoon": the day number belongs to its month, not to the part of day (chrono read 20:00).
    .replace(/\b((?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?)(\s+(?:in\s+the\s+)?(?:morning|afternoon|evening))\b/gi, '$1,$2'));
}

/** Abbreviated weekdays of the other languages, where no English word reads the same ("mar" is March, left alone). */
const SHORT_DAYS: Record<string, string> = {
  lun: 'Monday', seg: 'Monday', ma: 'Monday', mo: 'Monday',
  di: 'Tuesday', ter: 'Tuesday',
  mer: 'Wednesday', 'mié': 'Wednesday', mie: 'Wednesday', qua: 'Wednesday', wo: 'Wednesday', mi: 'Wednesday',
  gio: 'Thursday', jue: 'Thursday', jeu: 'Thursday', qui: 'Thursday', do: 'Thursday',
  ven: 'Friday', vie: 'Friday', sex: 'Friday', vr: 'Friday', fr: 'Friday',
};
const ENGLISH_LOOKALIKE = /^(?:do|mo|ma|mi|di|fr)$/i;
const SHORT_DAY_TIME = /^(\s*)(lun|seg|ma|mo|di|ter|mer|mié|mie|qua|wo|mi|gio|jue|jeu|qui|do|ven|vie|sex|vr|fr)\.?\s+(?=(?:(?:at|um|om|alle|às|as|à|a\s+las)\s+)?\d{1,2}(?:[:.h]\d{2}|h|u|uhr|uur)?(?![\p{L}\d:.])(?!\s*[ap]\.?m\b))/giu;

/**
 * "Gio 15 ok", "wo 16u ok", "Do 11u prima": a short line opening with an abbreviated weekday and an hour is read in any
 * language, even when the reply is too short to tell which ("Gio 15 ok" was taken for English and read nothing).
 * A clock hour written with "u" ("16u", "10u30") is the Dutch way of writing 16:00 and 10:30.
 */
function shortForeignWeekday(text: string): string {
  return text.split('\n').map((line) => {
    if (line.trim().length > 30) return line;
    return line
      .replace(SHORT_DAY_TIME, (m, sp: string, d: string, at: number, all: string) => {
        // "do 11 works?" is English "let's do 11": the two-letter days that are English words need a foreign clock
        // ("Do 11u", "Do 11 Uhr", "do om 11", "Do 15").
        const rest = all.slice(at + m.length);
        if (ENGLISH_LOOKALIKE.test(d) && !/^(?:(?:um|om)\s+\d|\d{1,2}(?:[:.h]\d{2}|h|u|\s*uhr|\s*uur)(?![\p{L}\d])|(?:1[3-9]|2[0-3])(?!\d))/iu.test(rest)) return m;
        return `${sp}${SHORT_DAYS[d.toLowerCase()] ?? d} `;
      })
      .replace(/(?<![\p{L}\d:.])(\d{1,2})u(\d{2})?(?![\p{L}\d])/gu, (m, h: string, mm: string | undefined) => (Number(h) <= 23 && (Number(h) >= 7 || mm) ? `${h}:${mm ?? '00'}` : m));
  }).join('\n');
}

const WEEKDAY_DAY = /\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)?(?![\d:./-]|\s*(?:am|pm|a\.m|p\.m|h\b|uhr|uur|o'?clock|[A-Za-z]+\s+\d{4})|(?:st|nd|rd|th)?\.?,?\s+(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b)/gi;

/** A clock time said right after a weekday and its number: "… at 5 pm", "…, around 10:30", "… como at 17:00". */
const CLOCK_AFTER = /^\s*,?\s*(?:\p{L}+\s+)?(?:at|around|about|@)\s+\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)?(?![\d/])/iu;

const SHORT_WEEKDAY_HOUR = /\b((?:mon|tue|wed|thu|fri)[a-z]*)\.?,?\s+([1-6])(?![\d:]|\.\d|\s*(?:st|nd|rd|th|am|pm|a\.m|p\.m|h\b|uhr|uur|o'?clock|[A-Za-z]+\s+\d{4}|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)))(?=\s*(?:[?!.,;]|$|(?:works?|ok|okay|good|fine|is\s+(?:good|fine|ok)|then|pm|ish)\b))/gim;

/**
 * (The month check allows the ordinal suffix: "Monday 8th Nov" once read "Monday 8 November" + "th Nov", and lost the day.)
 * "Monday 24", "lunes 24" (after the lexicon: "Monday 24"): a day number after its weekday, as most languages write
 * a date. When that weekday falls on that day within the coming two weeks, the month is named so the reader takes
 * it as a date; otherwise ("Gio 11" said on the 17th: Thursday at 11) it stays an hour.
 */
function nameMonthOfWeekdayNumber(text: string, ref: Date, zone: string): string {
  const today = DateTime.fromJSDate(ref, { zone }).startOf('day');
  // "Monday 8th Nov", "Monday the 15th November", "Friday 21st of November": one date, written as the reader takes it.
  const dated = text.replace(/\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)\.?,?\s+(?:of\s+)?((?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?)(?![a-z])/gi, '$1 $2 $3');
  return dated.replace(WEEKDAY_DAY, (m, day: string, n: string, at: number, all: string) => {
    const weekday = WEEKDAYS.indexOf(day.toLowerCase()) + 1;
    const dayNo = Number(n);
    const date = [today, today.plus({ months: 1 })].map((d) => d.set({ day: dayNo })).find((d) => d.isValid && d.day === dayNo && d >= today && d <= today.plus({ days: 14 }) && d.weekday === weekday);
    if (date) return `${day} ${dayNo} ${date.toFormat('LLLL')}`;
    // "miércoles 19 como a las 5 pm" (after the lexicon: "Wednesday 19 around 5 pm") where the 19th is a Thursday:
    // with its clock time said after it, the number is the day's, not an hour. The next such day is named, and the
    // weekday that disagrees with it is then asked about (weekday-conflict.ts).
    if (!CLOCK_AFTER.test(all.slice(at + m.length))) return m;
    const next = [today, today.plus({ months: 1 })].map((d) => d.set({ day: dayNo })).find((d) => d.isValid && d.day === dayNo && d >= today);
    return next ? `${day} ${dayNo} ${next.toFormat('LLLL')}` : m;
  }).replace(SHORT_WEEKDAY_HOUR, (m, day: string, n: string, at: number, all: string) => {
    // "thurs 4?", "wed 3", "friday 2 works": in a short line, a bare 1–6 after its weekday (no date of it, or it
    // would be named above) is the hour, pm by the business-hours rule, not a day number.
    const from = all.lastIndexOf('\n', at) + 1;
    const end = all.indexOf('\n', at);
    return all.slice(from, end < 0 ? all.length : end).trim().length <= 30 ? `${day} at ${n}` : m;
  });
}
