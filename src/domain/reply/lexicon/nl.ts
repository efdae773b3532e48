import { weekdayAbbreviations } from './common.js';
import { MONTH_EN, WEEKDAY_EN, clock, hm, hourPattern, hourValue, ordinal, w, type NumberWords, type Rule } from './rules.js';

const N: NumberWords = { een: 1, één: 1, twee: 2, drie: 3, vier: 4, vijf: 5, zes: 6, zeven: 7, acht: 8, negen: 9, tien: 10, elf: 11, twaalf: 12 };
const H = hourPattern(N);
const h = (s: string) => hourValue(s, N);
const COUNT = '(\\d+|twee|drie|vier|een\\s+paar)';
const count = (s: string) => ({ twee: 'two', drie: 'three', vier: 'four' } as Record<string, string>)[s.toLowerCase()] ?? (/paar/i.test(s) ? 'a few' : s);
const DAYS = 'maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag';
// Flemish "voormiddag" (morning) and "namiddag" (afternoon) too: "dinsdagnamiddag vanaf 13u30".
const PARTS: Record<string, string> = { ochtend: 'morning', morgen: 'morning', voormiddag: 'morning', namiddag: 'afternoon', middag: 'afternoon', avond: 'evening' };

/** Dutch date and time words → English ("half drie" is half past two). */
export const NL_PRE_RULES: Rule[] = [
  ...weekdayAbbreviations([['ma'], ['di'], ['wo'], ['do'], ['vr'], ['za'], ['zo']]),
  [w(`(${DAYS})(ochtend|morgen|voormiddag|namiddag|middag|avond)`), (_m, d, p) => `${d} ${PARTS[p.toLowerCase()] ?? p}`],
  [w("(?:in\\s+de\\s+|'s\\s+)(voormiddag|namiddag)s?"), (_m, p) => `in the ${PARTS[p.toLowerCase()] ?? p}`],
];

export const NL_RULES: Rule[] = [
  // "maandag over een week": the Monday of next week; "dus de 24e": the 24th. "of wacht": a correction.
  [w(`(${WEEKDAY_EN})\\s+over\\s+(?:een|1)\\s+week`), (_m, a) => `${a} next week`],
  [w(`de\\s+(\\d{1,2})(?:e|ste|de)(?![\\p{L}\\d])(?!\\s+${MONTH_EN})`), (_m, d) => `the ${ordinal(d)}`],
  [w('(?:of|nee|oh)\\s+wacht|wacht\\s+(?:even|eens)'), 'wait'],
  [w('overmorgen'), 'the day after tomorrow'],
  [w('morgen\\s*ochtend|morgenvroeg|morgen\\s+vroeg|morgen\\s+in\\s+de\\s+ochtend'), 'tomorrow morning'],
  [w('morgen\\s*middag|morgen\\s+in\\s+de\\s+middag'), 'tomorrow afternoon'], [w('morgen\\s*avond'), 'tomorrow evening'],
  [w('vanochtend|vanmorgen'), 'this morning'], [w('vanmiddag'), 'this afternoon'], [w('vanavond'), 'tonight'],
  // "tien over half drie" (14:40), "vijf voor half tien" (09:25): minutes from the half hour before the hour named.
  [w(`(?:om\\s+)?(vijf|tien|5|10)\\s+(over|voor)\\s+half\\s+${H}`), (_m, n, d, a) => `at ${clock(h(a) - 1, 30 + (/over/i.test(d) ? 1 : -1) * (/^(?:tien|10)$/i.test(n) ? 10 : 5))}`],
  [w(`(?:om\\s+)?(vijf|tien|5|10)\\s+(over|voor)\\s+${H}(?!\\s*(?:uur|u)(?![\\p{L}]))`), (_m, n, d, a) => {
    const m = /^(?:tien|10)$/i.test(n) ? 10 : 5;
    return /over/i.test(d) ? `at ${clock(h(a), m)}` : `at ${clock(h(a) - 1, 60 - m)}`;
  }],
  [w(`(?:om\\s+)?half\\s+${H}(?![\\p{L}])(?!\\s+(?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|${MONTH_EN}))`), (_m, a) => `at ${clock(h(a) - 1, 30)}`],
  [w(`(?:om\\s+)?kwart\\s+over\\s+${H}`), (_m, a) => `at ${clock(h(a), 15)}`],
  [w(`(?:om\\s+)?kwart\\s+voor\\s+${H}`), (_m, a) => `at ${clock(h(a) - 1, 45)}`],
  [w('(?:rond\\s+)?(?:het\\s+)?middaguur|tussen\\s+de\\s+middag|(?:rond\\s+)?lunchtijd'), 'at noon'],
  [w('na\\s+de\\s+lunch'), 'after lunch'],
  [w("'s\\s*ochtends|’s\\s*ochtends|'s\\s*morgens|’s\\s*morgens|in\\s+de\\s+ochtend|'s\\s*ochtend"), 'in the morning'],
  [w("'s\\s*middags|’s\\s*middags|in\\s+de\\s+middag"), 'in the afternoon'],
  [w("'s\\s*avonds|’s\\s*avonds|in\\s+de\\s+avond"), 'in the evening'],
  [w('ochtend'), 'morning'], [w('middag'), 'afternoon'], [w('avond'), 'evening'],
  [w('(?<!goede\\s|guten\\s)morgen'), 'tomorrow'], [w('vandaag'), 'today'], [w('gisteren'), 'yesterday'],
  [w('begin\\s+volgende\\s+week'), 'early next week'], [w('eind\\s+volgende\\s+week'), 'end of next week'],
  [w('(?:de\\s+)?volgende\\s+week|(?:de\\s+)?komende\\s+week|(?:de\\s+)?week\\s+erna'), 'next week'],
  [w('deze\\s+week'), 'this week'], [w('vorige\\s+week|afgelopen\\s+week'), 'last week'],
  [w('volgende\\s+maand|komende\\s+maand'), 'next month'], [w('deze\\s+maand'), 'this month'],
  [w('(?:aan\\s+het\\s+)?eind(?:e)?\\s+van\\s+de\\s+maand'), 'end of this month'], [w('(?:aan\\s+het\\s+)?eind(?:e)?\\s+van\\s+de\\s+week'), 'end of this week'],
  [w(`over\\s+${COUNT}\\s+weken`), (_m, n) => `in ${count(n)} weeks`],
  [w(`begin(?=\\s+${MONTH_EN})`), 'early'], [w(`half(?=\\s+${MONTH_EN})|medio(?=\\s+${MONTH_EN})`), 'mid'], [w(`eind(?:e)?(?=\\s+${MONTH_EN})`), 'late'], [w(`in(?=\\s+${MONTH_EN})`), 'in'],
  [w(`(?:volgende|komende)\\s+(${WEEKDAY_EN})`), (_m, a) => `next ${a}`],
  [w(`(?:vorige|afgelopen)\\s+(${WEEKDAY_EN})`), (_m, a) => `last ${a}`],
  [w(`deze\\s+(${WEEKDAY_EN})`), (_m, a) => `this ${a}`],
  [w(`tussen\\s+${H}(?:[:.](\\d{2}))?\\s*(?:uur\\s+)?en\\s+${H}(?:[:.](\\d{2}))?\\s*(?:uur)?`), (_m, a, b, c, d) => `between ${hm(String(h(a)), b)} and ${hm(String(h(c)), d)}`],
  [w(`van\\s+${H}(?:[:.](\\d{2}))?\\s*(?:uur\\s+)?tot\\s+${H}(?:[:.](\\d{2}))?\\s*(?:uur)?`), (_m, a, b, c, d) => `from ${hm(String(h(a)), b)} to ${hm(String(h(c)), d)}`],
  [w(`(?:rond|omstreeks|rondom)\\s+${H}(?:[:.](\\d{2}))?(?:\\s*uur)?`), (_m, a, b) => `around ${hm(String(h(a)), b)}`],
  [w(`(?:na|vanaf)\\s+${H}(?:[:.](\\d{2}))?\\s*uur`), (_m, a, b) => `after ${hm(String(h(a)), b)}`],
  [w(`voor\\s+${H}(?:[:.](\\d{2}))?\\s*uur`), (_m, a, b) => `before ${hm(String(h(a)), b)}`],
  [w('(\\d{1,2})u(\\d{2})?(?![\\p{L}\\d])'), (_m, a, b) => hm(a, b)],
  [w(`${H}[:.](\\d{2})(?:\\s*uur)?|${H}\\s*uur`), (_m, a, b, c) => hm(String(h(a ?? c)), b)],
  [w(`om\\s+${H}(?![\\p{L}])`), (_m, a) => `at ${h(a)}`],
  [w('tot\\s+en\\s+met|t/m|tot'), 'until'], [w(`of(?=\\s+(?:\\d|om\\s|${WEEKDAY_EN}|tomorrow|the\\s|next\\s|in\\s|at\\s))`), 'or'],
];
