import { weekdayAbbreviations } from './common.js';
import { ENGLISH_WEEKDAYS, MONTH_EN, WEEKDAY_EN, clock, hm, hourPattern, hourValue, ordinal, w, type NumberWords, type Rule } from './rules.js';

const N: NumberWords = { eins: 1, ein: 1, eine: 1, zwei: 2, drei: 3, vier: 4, fünf: 5, fuenf: 5, sechs: 6, sieben: 7, acht: 8, neun: 9, zehn: 10, elf: 11, zwölf: 12, zwoelf: 12 };
const H = hourPattern(N);
const h = (s: string) => hourValue(s, N);
const COUNT = '(\\d+|zwei|drei|vier|ein\\s+paar)';
const count = (s: string) => ({ zwei: 'two', drei: 'three', vier: 'four' } as Record<string, string>)[s.toLowerCase()] ?? (/paar/i.test(s) ? 'a few' : s);
const DAYS = 'montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag';
const PARTS: Record<string, string> = { vormittag: 'morning', morgen: 'morning', nachmittag: 'afternoon', abend: 'evening', mittag: 'noon' };

/** German date and time words → English ("halb drei" is half past two). */
export const DE_PRE_RULES: Rule[] = [
  // "Donnerstag, so um 17:30", "morgen so um 10": a lower-case "so um" after a word or a comma is "about", not Sunday.
  [/(?<=[,;–-][ \t]*|\p{Ll}[ \t]+)so[ \t]+(?=um[ \t]+\d)/gu, ''],
  ...weekdayAbbreviations([['mo'], ['di'], ['mi'], ['do'], ['fr'], ['sa'], ['so']]),
  // "Viertel nach zehn am Do?", "ab Mi. geht's": a short weekday after "am"/"ab"/"bis"/"nächsten" is the day, hour or not.
  [/(?<![\p{L}])(am|ab|bis|nächsten|naechsten|kommenden|diesen)\s+(Mo|Di|Mi|Do|Fr|Sa|So)\.?(?![\p{L}])/gu, (_m: string, p: string, d: string) => `${p} ${ENGLISH_WEEKDAYS[['Mo', 'Di', 'Mi', 'Do', 'Fr', 'Sa', 'So'].indexOf(d)] ?? d}`],
  // "halb drei am Mittwoch", "um 3 am Donnerstag": "am" after an hour, before its day, is "on" (it read as 2:30 a.m.).
  [/(?<=(?:\d|uhr|eins|zwei|drei|vier|fünf|fuenf|sechs|sieben|acht|neun|zehn|elf|zwölf|zwoelf)\s+)am(?=\s+(?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?![\p{L}]))/giu, 'on'],
  // "Dienstagnachmittag", "Donnerstagvormittag": the weekday and the part of day, written as one word.
  [w(`(${DAYS})(vormittag|nachmittag|morgen|abend|mittag)s?`), (_m, d, p) => `${d} ${PARTS[p.toLowerCase()] ?? p}`],
  // "Freitag früh um 8:30", "Donnerstag abends": the weekday and its part of day as two words.
  [w(`(${DAYS})\\s+(früh|frueh|morgens|vormittags|nachmittags|abends|mittags)`), (_m, d, p) => `${d} ${PARTS[p.toLowerCase().replace(/s$/, '')] ?? 'morning'}`],
];

export const DE_RULES: Rule[] = [
  // "Montag in einer Woche": the Monday of next week. "oder warte", "warte mal": a correction of the time said before.
  [w(`(${WEEKDAY_EN})\\s+in\\s+(?:einer|1)\\s+Woche`), (_m, a) => `${a} next week`],
  [w('(?:oder|nein|ah|äh)\\s+warte|warte\\s+mal'), 'wait'],
  [w('übermorgen|uebermorgen'), 'the day after tomorrow'],
  [w('morgen\\s+(?:früh|frueh|vormittag|morgen)|morgen\\s+am\\s+vormittag'), 'tomorrow morning'],
  [w('morgen\\s+(?:nachmittag|am\\s+nachmittag)'), 'tomorrow afternoon'],
  [w('morgen\\s+(?:abend|am\\s+abend)'), 'tomorrow evening'],
  [w('morgen\\s+mittag'), 'tomorrow at noon'],
  [w('heute\\s+(?:morgen|früh|vormittag)'), 'this morning'], [w('heute\\s+nachmittag'), 'this afternoon'], [w('heute\\s+abend'), 'tonight'],
  [w(`(?:um\\s+)?halb\\s+${H}`), (_m, a) => `at ${clock(h(a) - 1, 30)}`],
  [w(`(?:um\\s+)?viertel\\s+nach\\s+${H}`), (_m, a) => `at ${clock(h(a), 15)}`],
  [w(`(?:um\\s+)?(?:viertel\\s+vor|drei\\s*viertel)\\s+${H}`), (_m, a) => `at ${clock(h(a) - 1, 45)}`],
  // "um viertel zehn" (Austria, the east): a quarter of the way to ten, 09:15.
  [w(`(?:um\\s+)?viertel\\s+${H}`), (_m, a) => `at ${clock(h(a) - 1, 15)}`],
  [w('(?:zu|am|über)\\s+mittag|mittags|zur\\s+mittagszeit|in\\s+der\\s+mittagspause'), 'at noon'],
  [w('nach\\s+dem\\s+mittag(?:essen)?'), 'after lunch'],
  [w('(?:am\\s+|des\\s+)?vormittags?|morgens|am\\s+morgen|in\\s+der\\s+früh'), 'in the morning'],
  [w('(?:am\\s+)?nachmittags?'), 'in the afternoon'], [w('(?:am\\s+)?abends?'), 'in the evening'],
  [w('(?<!guten\\s|goede\\s)morgen'), 'tomorrow'], [w('heute'), 'today'], [w('gestern'), 'yesterday'],
  [w('anfang\\s+(?:der\\s+)?nächsten\\s+woche'), 'early next week'], [w('ende\\s+(?:der\\s+)?nächsten\\s+woche'), 'end of next week'],
  [w('übernächste\\s+woche'), 'the week after next'],
  // "Anfang nächsten Jahres", "Mitte des nächsten Jahres", "im nächsten Jahr": the parts of next year.
  [w('anfang\\s+(?:des\\s+)?(?:nächsten|kommenden)\\s+jahres'), 'early next year'], [w('mitte\\s+(?:des\\s+)?(?:nächsten|kommenden)\\s+jahres'), 'mid next year'],
  [w('ende\\s+(?:des\\s+)?(?:nächsten|kommenden)\\s+jahres'), 'late next year'], [w('(?:im\\s+)?(?:nächsten|kommenden)\\s+jahr'), 'next year'],
  [w('(?:in\\s+der\\s+)?(?:nächsten|kommenden)\\s+woche|(?:nächste|nächster|kommende|kommender)\\s+woche'), 'next week'],
  [w('diese\\s+woche|in\\s+dieser\\s+woche'), 'this week'], [w('letzte\\s+woche|vergangene\\s+woche'), 'last week'],
  [w('(?:im\\s+)?(?:nächsten|nächstem|kommenden|kommendem)\\s+monat'), 'next month'], [w('diesen\\s+monat'), 'this month'],
  [w('ende\\s+(?:des|diesen)\\s+monats'), 'end of this month'], [w('ende\\s+(?:der|dieser)\\s+woche'), 'end of this week'],
  [w(`in\\s+${COUNT}\\s+wochen`), (_m, n) => `in ${count(n)} weeks`],
  [w(`anfang(?=\\s+${MONTH_EN})`), 'early'], [w(`mitte(?=\\s+${MONTH_EN})`), 'mid'], [w(`ende(?=\\s+${MONTH_EN})`), 'late'], [w(`im(?=\\s+${MONTH_EN})`), 'in'],
  [w(`(?:am\\s+)?(?:nächsten|kommenden)\\s+(${WEEKDAY_EN})`), (_m, a) => `next ${a}`],
  [w(`(?:am\\s+)?(?:letzten|vergangenen)\\s+(${WEEKDAY_EN})`), (_m, a) => `last ${a}`],
  [w(`(?:an\\s+)?diesem\\s+(${WEEKDAY_EN})|diesen\\s+(${WEEKDAY_EN})`), (_m, a, b) => `this ${a ?? b}`],
  [w(`(\\d{1,2})\\.\\s*(${MONTH_EN})`), (_m, d, mo) => `${d} ${mo}`],
  [w('(?:am|den|zum)\\s+(\\d{1,2})\\.(?![\\d])'), (_m, d) => `the ${ordinal(d)}`],
  // "Donnerstag, 27. um 10 Uhr", "Mittwoch 3. ginge": a day number with its dot right after the weekday.
  [w(`(${WEEKDAY_EN}),?\\s+(\\d{1,2})\\.(?![\\d])`), (_m, wd, d) => `${wd} the ${ordinal(d)}`],
  [w(`(?:dem|den|vom|zum)\\s+(?=\\d{1,2}\\s+${MONTH_EN})`), ''],
  [w(`(${WEEKDAY_EN}),?\\s+(?:der|den|dem)\\s+(?=\\d)`), (_m, d) => `${d}, `],
  // "zw. 9 und 12": "zwischen" as it is shortened in a hurry.
  [w(`(?:zwischen|zw\\.?)\\s+${H}(?:[:.](\\d{2}))?\\s*(?:uhr\\s+)?und\\s+${H}(?:[:.](\\d{2}))?\\s*(?:uhr)?`), (_m, a, b, c, d) => `between ${hm(String(h(a)), b)} and ${hm(String(h(c)), d)}`],
  [w(`von\\s+${H}(?:[:.](\\d{2}))?\\s*(?:uhr\\s+)?bis\\s+${H}(?:[:.](\\d{2}))?\\s*(?:uhr)?`), (_m, a, b, c, d) => `from ${hm(String(h(a)), b)} to ${hm(String(h(c)), d)}`],
  [w(`gegen\\s+${H}(?:[:.](\\d{2}))?(?:\\s*uhr)?`), (_m, a, b) => `around ${hm(String(h(a)), b)}`],
  [w(`(?:ab|nach)\\s+${H}(?:[:.](\\d{2}))?\\s*uhr|ab\\s+${H}(?:[:.](\\d{2}))?(?![\\p{L}\\d.])(?!\\s+${MONTH_EN})`), (_m, a, b, c, d) => `after ${hm(String(h(a ?? c)), b ?? d)}`],
  [w(`vor\\s+${H}(?:[:.](\\d{2}))?\\s*uhr`), (_m, a, b) => `before ${hm(String(h(a)), b)}`],
  [w(`${H}(?:[:.](\\d{2}))?\\s*uhr`), (_m, a, b) => hm(String(h(a)), b)],
  [w(`um\\s+${H}(?![\\p{L}])`), (_m, a) => `at ${h(a)}`],
  [w('bis\\s+(?:einschließlich|zum|am)|bis'), 'until'], [w('oder'), 'or'],
];
