import { weekdayAbbreviations } from './common.js';
import { MONTH_EN, WEEKDAY_EN, clock, hm, hourPattern, hourValue, ordinal, w, withMeridiem, type NumberWords, type Rule } from './rules.js';

const N: NumberWords = { una: 1, due: 2, tre: 3, quattro: 4, cinque: 5, sei: 6, sette: 7, otto: 8, nove: 9, dieci: 10, undici: 11, dodici: 12 };
const H = hourPattern(N);
const h = (s: string) => hourValue(s, N);
const COUNT = '(\\d+|due|tre|quattro|qualche)';
const count = (s: string) => ({ due: 'two', tre: 'three', quattro: 'four', qualche: 'a few' } as Record<string, string>)[s.toLowerCase()] ?? s;
const ALLE = "(?:alle|all'|verso\\s+le|intorno\\s+alle)";

/** Italian date and time words → English. */
export const IT_PRE_RULES: Rule[] = weekdayAbbreviations([['lun'], ['mart', 'mar'], ['merc', 'mer'], ['giov', 'gio'], ['ven'], ['sab'], ['dom']]);

export const IT_RULES: Rule[] = [
  // "o aspetta", "anzi aspetta": a correction of the time said before.
  [w('(?:o|no|ah|anzi)\\s+aspett[ai]|aspett[ai](?=\\s*,)'), 'wait'],
  [w('dopodomani|dopo\\s+domani'), 'the day after tomorrow'],
  [w('domani\\s+mattina|domattina|domani\\s+in\\s+mattinata'), 'tomorrow morning'],
  [w('domani\\s+(?:pomeriggio|nel\\s+pomeriggio)'), 'tomorrow afternoon'], [w('domani\\s+sera'), 'tomorrow evening'],
  [w('stamattina|stamani|questa\\s+mattina'), 'this morning'], [w('oggi\\s+pomeriggio|questo\\s+pomeriggio'), 'this afternoon'], [w('stasera|questa\\s+sera'), 'tonight'],
  // "tra le 3 e le 5 del pomeriggio": the part of day after the range holds for both ends.
  [w(`(?:tra|fra)\\s+le\\s+${H}(?:[:.](\\d{2}))?\\s+e\\s+le\\s+${H}(?:[:.](\\d{2}))?\\s+(?:del|di|della)\\s+(mattina|pomeriggio|sera)`), (_m, a, b, c, d, part) => `between ${withMeridiem(String(h(a)), b, part !== 'mattina')} and ${withMeridiem(String(h(c)), d, part !== 'mattina')}`],
  // Not a date's month: "mercoledì 26/11 di pomeriggio" is the 26th of November in the afternoon.
  [w(`(?<!\\d[/.-])(?:${ALLE}\\s*)?${H}(?:[:.](\\d{2}))?\\s+(?:del|di|della)\\s+(mattina|pomeriggio|sera)`), (_m, a, b, part) => `at ${withMeridiem(String(h(a)), b, part !== 'mattina')}`],
  [w(`(?:${ALLE}\\s*)?${H}\\s+e\\s+mezz[ao]`), (_m, a) => `at ${clock(h(a), 30)}`],
  [w(`(?:${ALLE}\\s*)?${H}\\s+e\\s+un\\s+quarto`), (_m, a) => `at ${clock(h(a), 15)}`],
  [w(`(?:${ALLE}\\s*)?${H}\\s+meno\\s+un\\s+quarto`), (_m, a) => `at ${clock(h(a) - 1, 45)}`],
  [w(`(?:${ALLE}\\s*)?${H}\\s+e\\s+tre\\s+quarti`), (_m, a) => `at ${clock(h(a), 45)}`],
  [w('(?:a|verso)\\s+mezzogiorno|mezzogiorno'), 'at noon'], [w("(?:all')?ora\\s+di\\s+pranzo"), 'at lunch'], [w('dopo\\s+(?:il\\s+)?pranzo'), 'after lunch'],
  [w('(?:in|di|la|nella)\\s+mattinata|(?:di|la|in|nella)\\s+mattina'), 'in the morning'],
  [w('(?:nel|di|il|nel\\s+primo|nel\\s+tardo)\\s+pomeriggio'), 'in the afternoon'], [w('(?:di|la|in)\\s+serata|(?:di|la)\\s+sera'), 'in the evening'],
  [w('mattina|mattinata'), 'morning'], [w('pomeriggio'), 'afternoon'], [w('sera'), 'evening'],
  [w('domani'), 'tomorrow'], [w('oggi'), 'today'], [w('ieri'), 'yesterday'],
  [w('(?:la\\s+)?settimana\\s+prossima|(?:la\\s+)?prossima\\s+settimana|settimana\\s+che\\s+viene'), 'next week'],
  [w('inizio\\s+next\\s+week'), 'early next week'],
  [w('questa\\s+settimana'), 'this week'], [w('(?:la\\s+)?settimana\\s+scorsa'), 'last week'],
  [w('(?:il\\s+)?mese\\s+prossimo|(?:il\\s+)?prossimo\\s+mese'), 'next month'], [w('questo\\s+mese'), 'this month'],
  [w('(?:a\\s+)?fine\\s+mese'), 'end of this month'], [w('(?:a\\s+)?fine\\s+settimana'), 'end of this week'],
  [w(`(?:tra|fra)\\s+${COUNT}\\s+settimane`), (_m, n) => `in ${count(n)} weeks`],
  [w(`(?:a|ad|all')?\\s*inizio(?=\\s+${MONTH_EN})|(?:ai\\s+)?primi\\s+di(?=\\s+${MONTH_EN})`), 'early'], [w(`(?:a\\s+)?metà(?=\\s+${MONTH_EN})`), 'mid'],
  [w(`(?:a\\s+)?fine(?=\\s+${MONTH_EN})`), 'late'], [w(`(?:a|ad|in)(?=\\s+${MONTH_EN})`), 'in'],
  [w(`(${WEEKDAY_EN})\\s+prossimo|(?:il\\s+)?prossimo\\s+(${WEEKDAY_EN})`), (_m, a, b) => `next ${a ?? b}`],
  [w(`(${WEEKDAY_EN})\\s+scors[oa]`), (_m, a) => `last ${a}`],
  [w(`quest[oa]\\s+(${WEEKDAY_EN})`), (_m, a) => `this ${a}`],
  [w('(?:il|l\'|lo)\\s*(\\d{1,2})(?![\\d:./])(?!\\s+(?:gennaio|January|February|March|April|May|June|July|August|September|October|November|December))'), (_m, d) => `the ${ordinal(d)}`],
  [w(`tra\\s+le\\s+${H}(?:[:.](\\d{2}))?\\s+e\\s+le\\s+${H}(?:[:.](\\d{2}))?`), (_m, a, b, c, d) => `between ${hm(String(h(a)), b)} and ${hm(String(h(c)), d)}`],
  [w(`dalle\\s+${H}(?:[:.](\\d{2}))?\\s+alle\\s+${H}(?:[:.](\\d{2}))?`), (_m, a, b, c, d) => `from ${hm(String(h(a)), b)} to ${hm(String(h(c)), d)}`],
  [w(`(?:verso\\s+le|intorno\\s+alle|sulle)\\s+${H}(?:[:.](\\d{2}))?`), (_m, a, b) => `around ${hm(String(h(a)), b)}`],
  [w(`(?:dopo\\s+le|dalle)\\s+${H}(?:[:.](\\d{2}))?`), (_m, a, b) => `after ${hm(String(h(a)), b)}`],
  [w(`prima\\s+delle\\s+${H}(?:[:.](\\d{2}))?`), (_m, a, b) => `before ${hm(String(h(a)), b)}`],
  [w("all'una"), 'at 1'],
  [w(`alle\\s+(?:ore\\s+)?${H}(?:[:.](\\d{2}))?(?![\\p{L}\\d])`), (_m, a, b) => `at ${b ? hm(String(h(a)), b) : h(a)}`],
  // "quella delle 16", "lo slot delle 10:30": the one at that hour (of a list offered).
  [w(`(quell[ao]|slot|opzione|orario)\\s+delle\\s+(?:ore\\s+)?${H}(?:[:.](\\d{2}))?(?![\\p{L}\\d])`), (_m, q, a, b) => `${q} at ${b ? hm(String(h(a)), b) : h(a)}`],
  [w('ore\\s+(\\d{1,2})(?:[:.](\\d{2}))?(?![\\p{L}\\d])'), (_m, a, b) => `at ${hm(a, b)}`],
  [w('fino\\s+al|fino\\s+a'), 'until'], [w(`(?:oppure|o)(?=\\s+(?:\\d|${WEEKDAY_EN}|tomorrow|the\\s|next\\s|in\\s|at\\s|around\\s|after\\s|before\\s|el\\s|la\\s|le\\s|il\\s|o\\s|a\\s|à\\s|às\\s|na\\s|no\\s))`), 'or'],
];
