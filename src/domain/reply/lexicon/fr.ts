import { weekdayAbbreviations } from './common.js';
import { MONTH_EN, WEEKDAY_EN, clock, hm, hourPattern, hourValue, ordinal, w, withMeridiem, type NumberWords, type Rule } from './rules.js';

const N: NumberWords = { une: 1, deux: 2, trois: 3, quatre: 4, cinq: 5, six: 6, sept: 7, huit: 8, neuf: 9, dix: 10, onze: 11, douze: 12 };
const H = hourPattern(N);
const h = (s: string) => hourValue(s, N);
const COUNT = '(\\d+|deux|trois|quatre|quelques)';
const count = (s: string) => ({ deux: 'two', trois: 'three', quatre: 'four', quelques: 'a few' } as Record<string, string>)[s.toLowerCase()] ?? s;

/** French date and time words → English. */
export const FR_PRE_RULES: Rule[] = weekdayAbbreviations([['lun'], ['mar'], ['mer'], ['jeu'], ['ven'], ['sam'], ['dim']]);

export const FR_RULES: Rule[] = [
  // "lundi en huit": the weekday a week after the coming one, as the British "Monday week" is read.
  // "ou attendez", "ah attends": a correction of the time said before.
  [w(`(${WEEKDAY_EN})\\s+en\\s+huit`), (_m, a) => `${a} week`],
  [w('(?:ou|ah|non|oh)\\s+attend(?:s|ez)'), 'wait'],
  [w('après-demain|après\\s+demain|apres-demain'), 'the day after tomorrow'],
  [w('demain\\s+(?:matin|en\\s+matinée|dans\\s+la\\s+matinée)'), 'tomorrow morning'],
  [w('demain\\s+(?:après-midi|aprem|apres-midi|dans\\s+l\'après-midi)'), 'tomorrow afternoon'],
  [w('demain\\s+soir'), 'tomorrow evening'],
  [w('ce\\s+matin'), 'this morning'], [w('cet\\s+après-midi|cette\\s+après-midi|cet\\s+aprem'), 'this afternoon'], [w('ce\\s+soir'), 'tonight'],
  [w(`(?:à\\s+)?${H}\\s*(?:h|heures?)[ \\t]*(\\d{2})?\\s+(?:du|de\\s+l'|de\\s+la)\\s*(matin|après-midi|soir|aprem)`), (_m, a, b, part) => `at ${withMeridiem(String(h(a)), b, part !== 'matin')}`],
  [w(`(?:à\\s+)?${H}\\s*(?:h|heures?)\\s+et\\s+demie`), (_m, a) => `at ${clock(h(a), 30)}`],
  [w(`(?:à\\s+)?${H}\\s*(?:h|heures?)\\s+et\\s+quart`), (_m, a) => `at ${clock(h(a), 15)}`],
  [w(`(?:à\\s+)?${H}\\s*(?:h|heures?)\\s+moins\\s+le\\s+quart`), (_m, a) => `at ${clock(h(a) - 1, 45)}`],
  [w("(?:à|vers|autour\\s+de)\\s+midi|(?<![-‑'’])midi"), 'at noon'],
  [w('après\\s+(?:le\\s+)?déjeuner|après\\s+manger'), 'after lunch'],
  [w('en\\s+(?:fin|début)\\s+de\\s+matinée|(?:dans\\s+la|en)\\s+matinée|le\\s+matin|du\\s+matin'), 'in the morning'],
  [w("en\\s+(?:fin|début)\\s+d'après-midi|(?:dans\\s+l'|l'|en\\s+)après-midi|l'aprem"), 'in the afternoon'],
  [w('en\\s+soirée|le\\s+soir'), 'in the evening'],
  [w('matin|matinée'), 'morning'], [w('après-midi|aprem'), 'afternoon'], [w('soir'), 'evening'],
  [w('demain'), 'tomorrow'], [w("aujourd'hui|aujourd’hui"), 'today'], [w('hier'), 'yesterday'],
  [w('la\\s+semaine\\s+prochaine|semaine\\s+prochaine|la\\s+semaine\\s+d\'après'), 'next week'],
  [w('début\\s+de\\s+(?:la\\s+)?semaine\\s+prochaine'), 'early next week'], [w('fin\\s+de\\s+(?:la\\s+)?semaine\\s+prochaine'), 'end of next week'],
  [w('cette\\s+semaine'), 'this week'], [w('la\\s+semaine\\s+dernière'), 'last week'],
  [w('le\\s+mois\\s+prochain|mois\\s+prochain'), 'next month'], [w('ce\\s+mois-ci'), 'this month'],
  [w('(?:à\\s+la\\s+)?fin\\s+du\\s+mois'), 'end of this month'], [w('(?:en\\s+)?fin\\s+de\\s+semaine'), 'end of this week'],
  [w(`(?:dans|d'ici)\\s+${COUNT}\\s+semaines`), (_m, n) => `in ${count(n)} weeks`],
  [new RegExp(`(?<![\\p{L}])(?:au\\s+)?début\\s+(?:de\\s+|d['’])?(?=${MONTH_EN})`, 'giu'), 'early '], [new RegExp(`(?<![\\p{L}])(?:à\\s+la\\s+)?mi-(?=${MONTH_EN})`, 'giu'), 'mid '],
  [new RegExp(`(?<![\\p{L}])(?:à\\s+la\\s+)?fin\\s+(?:de\\s+|d['’])?(?=${MONTH_EN})`, 'giu'), 'late '], [w(`en(?=\\s+${MONTH_EN})`), 'in'],
  [w(`(${WEEKDAY_EN})\\s+prochain`), (_m, a) => `next ${a}`], [w(`(${WEEKDAY_EN})\\s+dernier`), (_m, a) => `last ${a}`],
  [w(`ce\\s+(${WEEKDAY_EN})`), (_m, a) => `this ${a}`],
  [w(`(\\d{1,2})(?:er)?\\s+(${MONTH_EN})`), (_m, d, mo) => `${d} ${mo}`],
  [w('le\\s+(\\d{1,2})(?:er)?(?![\\d:./h])'), (_m, d) => `the ${ordinal(d)}`],
  [w(`entre\\s+${H}\\s*(?:h|heures?)?\\s*(\\d{2})?\\s+et\\s+${H}\\s*(?:h|heures?)[ \\t]*(\\d{2})?`), (_m, a, b, c, d) => `between ${hm(String(h(a)), b)} and ${hm(String(h(c)), d)}`],
  [w(`de\\s+${H}\\s*(?:h|heures?)?\\s*(\\d{2})?\\s+à\\s+${H}\\s*(?:h|heures?)[ \\t]*(\\d{2})?`), (_m, a, b, c, d) => `from ${hm(String(h(a)), b)} to ${hm(String(h(c)), d)}`],
  [w(`(?:vers|autour\\s+de|aux\\s+alentours\\s+de)\\s+${H}\\s*(?:h|heures?)[ \\t]*(\\d{2})?`), (_m, a, b) => `around ${hm(String(h(a)), b)}`],
  [w(`(?:à\\s+partir\\s+de|après)\\s+${H}\\s*(?:h|heures?)[ \\t]*(\\d{2})?`), (_m, a, b) => `after ${hm(String(h(a)), b)}`],
  [w(`avant\\s+${H}\\s*(?:h|heures?)[ \\t]*(\\d{2})?`), (_m, a, b) => `before ${hm(String(h(a)), b)}`],
  [w(`${H}\\s*(?:h|heures?)[ \\t]*(\\d{2})?(?![\\p{L}\\d])`), (_m, a, b) => hm(String(h(a)), b)],
  [w('à(?=\\s+\\d)'), 'at'],
  [w("jusqu'au|jusqu’au|jusqu'à|jusqu’à"), 'until'], [w('de\\s+retour\\s+le'), 'back on'], [w(`(?:ou)(?=\\s+(?:\\d|${WEEKDAY_EN}|tomorrow|the\\s|next\\s|in\\s|at\\s|around\\s|after\\s|before\\s|el\\s|la\\s|le\\s|il\\s|o\\s|a\\s|à\\s|às\\s|na\\s|no\\s))`), 'or'],
];
