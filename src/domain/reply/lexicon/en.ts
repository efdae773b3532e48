import { WEEKDAY_EN, hm, hourPattern, hourValue, w, type NumberWords, type Rule } from './rules.js';

const N: NumberWords = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12 };
const H = hourPattern(N);
const HOUR_WORD = `(${Object.keys(N).sort((a, b) => b.length - a.length).join('|')})`;
/** Minutes said after an hour in words ("two thirty", "ten o five"). */
const SPOKEN_MINUTES: Record<string, number> = { 'o five': 5, 'oh five': 5, ten: 10, fifteen: 15, twenty: 20, 'twenty five': 25, thirty: 30, 'thirty five': 35, forty: 40, 'forty five': 45, fifty: 50, 'fifty five': 55 };
const h = (s: string) => hourValue(s, N);

/** English idioms the time reader does not know as written: "EOD", "10ish", "3p", "three o'clock", "after lunch". */
export const EN_RULES: Rule[] = [
  // Words shortened on a phone, first, so that the idioms below read them: "tmrw", "2moro" (tomorrow), "2 wks", "next wk"
  // (weeks), "btwn" (between).
  [w('tmrw|tmrow|tmr|2moro|2morrow|tomorow|tommorow|tommorrow'), 'tomorrow'],
  [w('(\\d{1,2}|a|one|two|three|four|next|this|the|that|following)\\s*(wk|wks|wk\\.|wks\\.)(?![\\p{L}])'), (_m, n, u) => `${n} ${/s/i.test(u) ? 'weeks' : 'week'}`],
  [w('btwn|betw\\.?|b/w(?=\\s*\\d)'), 'between'],
  // Other languages' ways of saying the hour, written in English by a non-native writer (or left in a mixed-language
  // reply): "tomorrow 10h?", "at 11h, Lisbon hour" (10:00, 11:00); "at the 14 hours", "to the 11 hours" (à 11 heures,
  // às 14 horas); "at three of the afternoon" (a las tres de la tarde); "at 9 and half" (a las 9 y media). Read as
  // written they were the day's window or the bare hour, booked at the wrong time. Not a length ("a 2h call", "in 3h").
  [/(?<![\p{L}\d:.,/])(?<!(?:for|in|within|takes?|of|lasts?|about|a|an|another|extra|spend|only)\s+)([01]?\d|2[0-3])h(?:([0-5]\d))?(?![\p{L}\d])(?!\s*(?:later|earlier|before|after|ago|long|drive|flight|meeting|call|session|slot|block|window|workshop|event|max|tops|each)(?![\p{L}]))/giu, (m: string, a: string, b: string | undefined) => (Number(a) >= 7 || b ? hm(a, b) : m)],
  [w(`(?:(at|@)\\s+(?:the\\s+)?|(?:to|by)\\s+the\\s+)(\\d{1,2})\\s+(?:hours?|hrs?|o['’]?clock)(?!\\s+(?:later|earlier|before|after|ago|long|from|of|each|per|a\\s+day|in\\s+total))`), (m: string, _at: string | undefined, a: string) => (Number(a) <= 23 ? `at ${hm(a)}` : m)],
  [w(`(?:(at|around|about)\\s+)?${H}\\s+of\\s+the\\s+(morning|afternoon|evening|night)`), (m: string, at: string | undefined, a: string, part: string) => {
    const hour = h(a);
    if (!Number.isFinite(hour) || hour > 12) return m;
    return `${at ?? 'at'} ${hour}${/morning/i.test(part) ? 'am' : 'pm'}`;
  }],
  [w(`(at|around|about|by|@)\\s+${H}\\s+and\\s+(?:a\\s+)?(half|quarter)(?!\\s*(?:an?\\s+)?(?:hours?|hrs?|days?|weeks?|months?|years?|minutes?|mins?|people|times))`), (m: string, at: string, a: string, frac: string) => {
    const hour = h(a);
    return Number.isFinite(hour) && hour <= 23 ? `${at} ${hm(String(hour), /half/i.test(frac) ? '30' : '15')}` : m;
  }],
  // "after tomorrow (Thursday) at 2pm" (pasado mañana, depois de amanhã, dopodomani): the weekday named is the day; with
  // a clock time straight after it and no weekday, the day after tomorrow.
  [w(`(?<!day\\s+)after\\s+tomorrow\\s*(?:\\(\\s*(${WEEKDAY_EN})\\s*\\)|,\\s*(${WEEKDAY_EN}))`), (_m: string, a: string | undefined, b: string | undefined) => `${a ?? b}`],
  [w('(?<!day\\s+)after\\s+tomorrow(?=\\s*(?:at|@)\\s*\\d)'), 'overmorrow'],
  // "Sorry, I mixed the days, I mean Wednesday 3pm": a slip owned, not a past event (whose time would be ignored).
  [w('(?:i|we)\\s+(?:mixed|confused|swapped|mixed\\s+up|got)\\s+(?:up\\s+)?the\\s+(?:days|dates|weekdays)(?:\\s+(?:up|wrong|mixed\\s+up))?'), 'my mistake'],
  // "1500 hrs", "11.00 hrs", "0930h": the 24-hour clock as offices write it (chrono read "1500" as a year, "11.00" as
  // nothing); "the 18th inst." is the 18th of this month.
  [/(?<![\p{L}\d:.,/])(?<!(?:for|took|takes|take|about|over|than|of|have|has|had|spent|spend|logged|total)\s+)([01]\d|2[0-3])[.:]?([0-5]\d)\s*(?:hrs|h)(?![\p{L}\d])(?!\s+(?:of|per|a|each|in\s+total))/giu, (_m: string, a: string, b: string) => hm(a, b)],
  [w('(\\d{1,2}(?:st|nd|rd|th))\\s+inst(?:ant)?\\.?'), (_m: string, d: string) => d],
  // A greeting on the reply's first line ("Morning Sam,", "Afternoon all!", "Good evening,") is no part of day offered.
  [/^(\s*)(?:[Gg]ood\s+)?(?:[Mm]orning|[Aa]fternoon|[Ee]vening)(?=[ \t]*[,!]?[ \t]*(?:\n|$)|[ \t]+(?:all|team|everyone|folks|guys|(?!(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)\p{Lu}[\p{L}'’-]*)[ \t]*[,!:]?[ \t]*(?:\n|$))/u, (_m, lead) => `${lead}Hello`],
  // "Morning! I can do 8:30 tomorrow", "Good morning, Thursday at 10?", "Morning Sam, 8:30 tomorrow?": a greeting that
  // opens the reply with an exclamation, with "good", or with a name, followed by the message on the same line.
  [/^(\s*)(?:(?:[Gg]ood[ \t]+)(?:[Mm]orning|[Aa]fternoon|[Ee]vening)(?=[ \t]*[,!.])|(?:[Mm]orning|[Aa]fternoon|[Ee]vening)(?=[ \t]*!|[ \t]+(?!(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)\p{Lu}[\p{L}'’-]*[ \t]*[,!]))/u, (_m, lead) => `${lead}Hello`],
  // "noonish", "ten-ish": about that hour.
  [w('noon-?ish'), 'around noon'],
  [w(`(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)-?ish`), (_m, a) => `around ${h(a)}`],
  // "EOD Friday, say 5:30", "Thursday end of day, around 5:15": the clock time named after it is the time, not 5pm.
  [w(`(?:end\\s+of\\s+(?:the\\s+)?(?:business\\s+)?day|close\\s+of\\s+(?:business|play)|EOD|COB|EOB)\\s+(?:on\\s+)?(${WEEKDAY_EN}|tomorrow|today)\\s*,?\\s*(?:like|say(?:\\s+at)?|around|about|maybe|ideally|at)\\s+(?=\\d)`), (_m, d) => `${d} at `],
  [w(`(${WEEKDAY_EN}|tomorrow|today)\\s+(?:at\\s+)?(?:end\\s+of\\s+(?:the\\s+)?(?:business\\s+)?day|close\\s+of\\s+(?:business|play)|EOD|COB|EOB)\\s*,?\\s*(?:like|say(?:\\s+at)?|around|about|maybe|ideally|at)\\s+(?=\\d)`), (_m, d) => `${d} at `],
  [w('end\\s+of\\s+(?:the\\s+)?(?:business\\s+)?day|close\\s+of\\s+(?:business|play)|EOD|COB|EOB'), '5pm'],
  // "first thing monday - 8:30?", "After lunch tomorrow? 1:30", "tomorrow morning, say 10:15": a soft part of day with its
  // day, then a clock time in the same breath: the clock time is the time (the part of day only frames it).
  [w(`(first\\s+thing(?:\\s+in\\s+the\\s+morning)?|(?:right\\s+)?after\\s+lunch(?:time)?|before\\s+lunch|(?:in\\s+the\\s+|early\\s+|late\\s+)?(?:morning|afternoon))\\s+(?:on\\s+)?(${WEEKDAY_EN}|tomorrow|today)\\s*(?:[-–—,:;?!]\\s*)*(?:(?:like|say|around|about|maybe|so|ideally|at|@)\\s+)*(\\d{1,2})(?:[:.](\\d{2}))?(\\s*[ap]\\.?m\\.?)?(?![\\d%]|[:.]\\d|\\s*(?:people|persons|users|seats|weeks?|days?|hours?|months?|years?|minutes?|mins?))`), (_m, p, d, a, b, m) => softClock(d, p, a, b, m)],
  [w(`(${WEEKDAY_EN}|tomorrow|today)\\s+(first\\s+thing(?:\\s+in\\s+the\\s+morning)?|(?:right\\s+)?after\\s+lunch(?:time)?|before\\s+lunch|(?:in\\s+the\\s+|early\\s+|late\\s+)?(?:morning|afternoon))\\s*(?:[-–—,:;?!]\\s*)*(?:(?:like|say|around|about|maybe|so|ideally|at|@)\\s+)*(\\d{1,2})(?:[:.](\\d{2}))?(\\s*[ap]\\.?m\\.?)?(?![\\d%]|[:.]\\d|\\s*(?:people|persons|users|seats|weeks?|days?|hours?|months?|years?|minutes?|mins?))`), (_m, d, p, a, b, m) => softClock(d, p, a, b, m)],
  [w('after\\s+lunch(?:time)?'), 'after 1pm'], [w('before\\s+lunch'), 'before 12pm'],
  // "First thing Monday, like 8:30?": the clock time named after it is the time, not 9am.
  [w(`first\\s+thing\\s+(?:on\\s+)?(${WEEKDAY_EN}|tomorrow)\\s*,?\\s*(?:like|say(?:\\s+at)?|around|about|maybe|so|ideally|at)\\s+(?=\\d)`), (_m, d) => `${d} at `],
  [w('first\\s+thing(?:\\s+in\\s+the\\s+morning)?'), '9am'],
  // British "half two" is 2:30 (not "half an hour", "half past two", "half day").
  // …but after "from", "until", "to" it is an end of a span, with no "at" ("from half nine until noon").
  [w(`(?<!(?:from|between|to|and|until|till|through|[-–])\\s+)(?:at\\s+)?half\\s+${H}(?!\\s*(?:past|an?\\s|hour|hours|day|days|of|the|time|o['’]?clock)|[:.]\\d)`), (_m, a) => `at ${h(a)}:30`],
  [w(`half\\s+${H}(?!\\s*(?:past|an?\\s|hour|hours|day|days|of|the|time|o['’]?clock)|[:.]\\d)`), (_m, a) => `${h(a)}:30`],
  // "(the) day after tomorrow": two days on in the prospect's zone (chrono's own reading counts from the UTC date, a day
  // late in a western evening); "overmorrow" is the reader's word for it.
  [w('(?:the\\s+)?day\\s+after\\s+tomorrow'), 'overmorrow'],
  // "between 14 and 16h", "from 9h to 11h": a span of 24-hour hours as French, Spanish or German writers put it in
  // English; the "h" after the last end holds for both ends.
  [w('(from|between)\\s+(\\d{1,2})(?:h(\\d{2})?)?\\s*(till|til|until|to|and|[-–])\\s*(\\d{1,2})h(\\d{2})?'), (m, p, a, am, c, b, bm) => Number(a) < Number(b) && Number(b) <= 23 ? `${p} ${a}:${am ?? '00'} ${/[-–]/.test(c) ? 'to' : c} ${b}:${bm ?? '00'}` : m],
  // "from 10 till noon on Friday": a span of hours ending at noon (never "ten to noon", 11:50).
  [w('(from|between)\\s+(\\d{1,2}(?::\\d{2})?)\\s*(?:till|til|until|to|and|[-–])\\s*(?:noon|midday)'), (_m, _p, a) => `from ${a}${Number(a.split(':')[0]) < 12 ? 'am' : ''} until 12pm`],
  // "three o'clock", "monday 3 o'clock": a clock hour, read as "at 3" so that it joins the day before it; "from one
  // o'clock to three" is a span, its ends without "at" (the span rule below reads it).
  [w(`(?<!(?:from|between|to|and|until|till|through|[-–])\\s+)(?:at\\s+)?${H}\\s*o['’]?\\s*clock`), (_m, a) => `at ${h(a)}`],
  [w(`${H}\\s*o['’]?\\s*clock`), (_m, a) => `${h(a)}`],
  // "from ten to twelve", "between two and four": a span of spelled hours, in figures for the reader.
  [w(`(from|between)\\s+${H}\\s+(to|and|till|until)\\s+${H}(?!\\s*o['’]?\\s*clock|\\s*(?:people|persons|users|seats|weeks?|days?|hours?|months?|years?|minutes?))`), (m, p, a, c, b) => /^\\d+$/.test(a) && /^\\d+$/.test(b) ? m : `${p} ${h(a)} ${c} ${h(b)}`],
  // "monday 10 to noon", "tomorrow 9 till midday": after a day, a span of hours ending at noon (not 11:50).
  [w(`(${WEEKDAY_EN}|tomorrow|today)\\s*,?\\s+(\\d{1,2}(?::\\d{2})?)\\s*(?:till|til|until|to|[-–])\\s*(?:noon|midday)`), (_m, d, a) => `${d} from ${a}${Number(a.split(':')[0]) < 12 ? 'am' : ''} until 12pm`],
  // "thrusday", "wendesday", "firday": a weekday typed one slip away (a letter swapped, missing, extra or wrong).
  [/(?<![\p{L}])(\p{L}{5,11})(?![\p{L}])/gu, (m: string, word: string) => weekdaySlip(word) ?? m],
  // "late morning Tuesday", "early afternoon Thursday": the part of day after its weekday, where the reader joins them.
  [w(`(?:(?:late|early|mid)[-\\s]?)?(morning|afternoon|evening)\\s+(?:on\\s+)?(${WEEKDAY_EN})`), (_m, p, d) => `${d} ${p}`],
  [w('(?:late|early|mid)[-\\s]?(morning|afternoon)'), (_m, p) => p],
  // "Wed @ 4", "@ 10:30": the at sign before a bare hour.
  [/@\s*(\d{1,2}(?::\d{2})?)(?!\d|[\w.-]*\.[a-z])/giu, (_m, a) => `at ${a}`],
  // "Tomorrow 3?", "today 4": a bare hour right after the day, ending the phrase.
  [w('(tomorrow|today)\\s+(\\d{1,2})(?=\\s*(?:[?!.,;]|$|works|ok|is|would|could|pm|am))'), (_m, d, a) => `${d} at ${a}`],
  [w(`(\\d{1,2})(?::(\\d{2}))?\\s*-?ish\\s+(?:on\\s+)?(${WEEKDAY_EN}|tomorrow)`), (_m, a, b, d) => `${d} around ${hm(a, b)}`],
  [w('(\\d{1,2})(?::(\\d{2}))?\\s*-?ish'), (_m, a, b) => `around ${b ? hm(a, b) : a}`],
  // "3p", "10a"; but "el miércoles 20 a las 17h", "de 2 a 5", "dalle 9 a 12": there "a" is a preposition.
  [w('(\\d{1,2})(?::(\\d{2}))?\\s*([ap])(?![\\p{L}.])(?!\\s+(?:las?|los|les?|l[\'’]|el|os|as|o|\\d|mediod[ií]a|meio-dia|mezzogiorno|midi))'), (_m, a, b, m) => `${a}${b ? `:${b}` : ''}${m.toLowerCase()}m`],
  // "3 the same day", "4:30 the same day": a bare hour before "the same day" is a time.
  [/(?<![\w:.])(\d{1,2}(?::\d{2})?)(?=\s+(?:on\s+)?(?:the\s+)?same\s+day\b)/giu, (_m, a) => `at ${a}`],
  // "Earlier that day? 11 or 12 both fine", "the same day: 10 or 11": bare hours right after the offer's day named again.
  [/((?:(?:earlier|later)\s+)?(?:on\s+)?(?:that|the\s+same)\s+day\s*[?:,.!-]*\s*(?:(?:maybe|say|like|how\s+about|what\s+about)\s+)?)(\d{1,2}(?::\d{2})?)(?:(\s*(?:or|and|\/)\s*)(\d{1,2}(?::\d{2})?))?(?![\d:.%]|\s*(?:am|pm|a\.m|p\.m|people|persons|users|seats|weeks?|days?|hours?|months?|years?|minutes?|mins?|th|st|nd|rd)(?![\p{L}]))/giu, (_m, lead, a, sep, b) => `${lead}at ${a}${b ? `${sep}at ${b}` : ''}`],
  // "2pm on the 2nd of Feb?": a clock time before its ordinal date, which the reader takes apart; the date first.
  [/(?<![\w:.])(\d{1,2}(?::\d{2})?\s*(?:am|pm))\s+on\s+the\s+(\d{1,2})(?:st|nd|rd|th)\s+of\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)([a-z]*\.?)/giu, (_m, t, d, mo, rest) => `on ${mo}${rest} ${d} at ${t}`],
  // "25th same time?", "Can't do the 12th. 13th instead?": an ordinal day opening its clause is "the 13th".
  [/(^|[.!?;,:]\s*|\n\s*|[-–—]\s+)(\d{1,2}(?:st|nd|rd|th))(?![\p{L}\d])(?!\s+(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))/giu, (_m, lead, d) => `${lead}the ${d}`],
  // "two weeks from Thursday at 11", "a week from Friday", "three weeks from Monday": that weekday, so many weeks on.
  [w(`(a|one|two|three|four|\\d)\\s+weeks?\\s+from\\s+(?:this\\s+|next\\s+)?(${WEEKDAY_EN})`), (_m, n, d) => `in ${({ a: 1, one: 1, two: 2, three: 3, four: 4 } as Record<string, number>)[n.toLowerCase()] ?? n} weeks, ${d}`],
  // "two weeks from today at 10", "a week from Friday": the same weekday that many weeks on, as "in N weeks" is read.
  [w(`(a|one|two|three|four|\\d)\\s+weeks?\\s+from\\s+(?:today|now)`), (_m, n) => `in ${({ a: 1, one: 1, two: 2, three: 3, four: 4 } as Record<string, number>)[n.toLowerCase()] ?? n} weeks`],
  // "tomorrow 10-12 CT is open", "free thurs 1-3 PT": right after a day, a span of bare hours (no am/pm) is a span of
  // hours, each end by the business-hours rule (1–6 pm, 8–11 am, 12 noon), not a day-long window.
  [w(`(${WEEKDAY_EN}|mon|tues?|wed|thu(?:rs?)?|fri|sat|sun|tomorrow|today)\\s*,?\\s+(?:(?:in\\s+the\\s+)?(?:morning|afternoon)\\s+)?(?:from\\s+)?(\\d{1,2})(?::(\\d{2}))?\\s*[-–]\\s*(\\d{1,2})(?::(\\d{2}))?(?!\\s*(?::|\\d|[-–/.]\\d|am|pm|a\\.m|p\\.m|[ap](?![\\p{L}])|%|people|persons|users|seats|licen[cs]es|weeks?|days?|hours?|months?|years?|minutes?|mins?|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))`), (m, d, a, b, c, e) => {
    const mer = (x: number) => (x >= 1 && x <= 6) || x === 12 ? 'pm' : x >= 8 && x <= 11 ? 'am' : null;
    const [x, y] = [Number(a), Number(c)];
    const [mx, my] = [mer(x), mer(y)];
    if (!mx || !my || (x % 12) + (mx === 'pm' ? 12 : 0) >= (y % 12) + (my === 'pm' ? 12 : 0)) return m;
    return `${d} ${a}${b ? `:${b}` : ''}${mx}-${c}${e ? `:${e}` : ''}${my}`;
  }],
  // "between 1 and 3" with no am/pm: each end by the business-hours rule (1–6 pm, 8–11 am, 12 noon), as one range.
  [w('between\\s+(\\d{1,2})(?::(\\d{2}))?\\s+and\\s+(\\d{1,2})(?::(\\d{2}))?(?!\\s*(?::|\\d|am|pm|a\\.m|p\\.m|%|people|persons|users|seats|licen[cs]es|weeks?|days?|hours?|months?|years?|minutes?|mins?|[-–]))'), (m, a, b, c, d) => {
    const mer = (x: number) => (x >= 1 && x <= 6) || x === 12 ? 'pm' : x >= 8 && x <= 11 ? 'am' : null;
    const [x, y] = [Number(a), Number(c)];
    const [mx, my] = [mer(x), mer(y)];
    if (!mx || !my || x > 12 || y > 12) return m;
    return `${a}${b ? `:${b}` : ''}${mx}-${c}${d ? `:${d}` : ''}${my}`;
  }],
  // "at eleven", "around two thirty", "at ten forty-five": an hour (and its minutes) in words after "at", in figures
  // (chrono leaves "at eleven" unread); not "at ten to four", "at two past", "at eleven people".
  [w(`(at|around|about|say)\\s+${HOUR_WORD}(?:[\\s-]+(${Object.keys(SPOKEN_MINUTES).sort((a, b) => b.length - a.length).map((k) => k.replace(' ', '[\\\\s-]+')).join('|')}))?(?![\\p{L}\\d:])(?!\\s*(?:people|persons|users|seats|licen[cs]es|of\\s|weeks?|days?|hours?|months?|years?|minutes?|mins?|past|to|after|before|till|until|[ap]\\.?m\\.?\\s*-|%))`), (m, p, a, mins) => {
    const hour = h(a);
    const minute = mins ? SPOKEN_MINUTES[mins.toLowerCase().replace(/[\\s-]+/g, ' ')] : 0;
    return Number.isFinite(hour) && minute !== undefined ? `${p} ${hour}:${String(minute).padStart(2, '0')}` : m;
  }],
  [w(`between\\s+(\\d{1,2})(?::(\\d{2}))?\\s*(?:(am|pm)\\s+)?and\\s+(\\d{1,2})(?::(\\d{2}))?\\s*(am|pm)`), (_m, a, b, m1, c, d, m2) => `${a}${b ? `:${b}` : ''}${m1 ?? ''}-${c}${d ? `:${d}` : ''}${m2}`],
];

/** "tomorrow at 1:30pm" for "after lunch tomorrow? 1:30": the clock time on the day, pm when the part of day says so. */
function softClock(day: string, part: string, hour: string, minute: string | undefined, mer: string | undefined): string {
  const pm = !mer && /after|afternoon/i.test(part) && Number(hour) >= 1 && Number(hour) <= 11 ? 'pm' : '';
  return `${day} at ${hour}${minute ? `:${minute}` : ''}${mer ? mer.trim() : pm}`;
}

/** Words one letter from a weekday that are words of their own. */
const NOT_SLIPS = new Set(['sundae', 'sunray', 'mundays', 'tuesdays', 'thursdays', 'fridays', 'saturdays', 'sundays', 'mondays', 'wednesdays']);

const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

/** The weekday a word is one typing slip from (same first letter, not itself a weekday), or null. */
function weekdaySlip(word: string): string | null {
  const lower = word.toLowerCase();
  if (WEEKDAYS.includes(lower) || WEEKDAYS.some((d) => lower === `${d}s`) || NOT_SLIPS.has(lower)) return null;
  // "wensday", "thirsday", "satarday": the long weekdays spelt as they sound, two slips away, still ending in "day".
  const hit = WEEKDAYS.find((d) => d[0] === lower[0] && Math.abs(d.length - lower.length) <= 1 && slips(lower, d) === 1)
    ?? WEEKDAYS.find((d) => d.length >= 8 && lower.length >= 6 && /d[ae]?y$/.test(lower) && d[0] === lower[0] && Math.abs(d.length - lower.length) <= 2 && (slips(lower, d) === 2 || swapThenSlip(lower, d)));
  return hit ? (word[0] === word[0]?.toUpperCase() ? hit[0]!.toUpperCase() + hit.slice(1) : hit) : null;
}

/** "wedsnday": two neighbours swapped, then one more slip (optimal string alignment counts that as three). */
function swapThenSlip(a: string, b: string): boolean {
  for (let i = 0; i + 1 < a.length; i++) {
    if (slips(`${a.slice(0, i)}${a[i + 1]}${a[i]}${a.slice(i + 2)}`, b) === 1) return true;
  }
  return false;
}

/** Optimal string alignment distance (a swap of two neighbours counts once). */
export function slips(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}
