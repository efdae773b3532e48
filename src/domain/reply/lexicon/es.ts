import { weekdayAbbreviations } from './common.js';
import { slips } from './en.js';
import { MONTH_EN, WEEKDAY_EN, clock, hm, hourPattern, hourValue, ordinal, w, withMeridiem, type NumberWords, type Rule } from './rules.js';

const N: NumberWords = { una: 1, uno: 1, dos: 2, tres: 3, cuatro: 4, cinco: 5, seis: 6, siete: 7, ocho: 8, nueve: 9, diez: 10, once: 11, doce: 12 };
const H = hourPattern(N);
const h = (s: string) => hourValue(s, N);
const COUNT = '(\\d+|dos|tres|cuatro|un par de|unas)';
const count = (s: string) => ({ dos: 'two', tres: 'three', cuatro: 'four', 'un par de': 'two', unas: 'a few' } as Record<string, string>)[s.toLowerCase()] ?? s;

const ES_WEEKDAYS = ['lunes', 'martes', 'miércoles', 'jueves', 'viernes'];
/** The Spanish weekday a word is one typing slip from (same first letter, not itself a weekday), or null. */
function spanishWeekdaySlip(word: string): string | null {
  const lower = word.toLowerCase().replace('miercoles', 'miércoles');
  if (ES_WEEKDAYS.includes(lower)) return null;
  return ES_WEEKDAYS.find((d) => d[0] === lower[0] && slips(lower, d) === 1) ?? null;
}

/** Spanish date and time words → English. */
export const ES_PRE_RULES: Rule[] = [
  // Date words typed without their accent or tilde on a phone ("manana a las 10", "a mediodia", "la proxima semana").
  [w('manana'), 'mañana'], [w('mediodia'), 'mediodía'], [w('medio dia'), 'medio día'], [w('despues'), 'después'],
  [w('proxim([oa]s?)'), (_m: string, e: string) => `próxim${e}`], [w('miercoles'), 'miércoles'], [w('sabado'), 'sábado'],
  // "el vienes", "el juevs": a weekday typed one slip away, after the article that marks it a day ("vienes" alone is "you come").
  [/(?<=(?<![\p{L}])(?:el|este|pr[óo]ximo)\s+)(\p{L}{5,10})(?![\p{L}])/giu, (m: string, word: string) => spanishWeekdaySlip(word) ?? m],
  ...weekdayAbbreviations([['lun'], ['mart', 'mar'], ['miérc', 'mierc', 'mié', 'mie'], ['juev', 'jue'], ['vier', 'vie'], ['sáb', 'sab'], ['dom']]),
];

export const ES_RULES: Rule[] = [
  // "o espera", "espera, mejor…": a correction of the time said before.
  [w('(?:o|no|ah)\\s+espera|espera(?=\\s*,)'), 'wait'],
  [w('pasado mañana'), 'the day after tomorrow'],
  [w('mañana (?:por|en|de) la mañana|mañana temprano'), 'tomorrow morning'],
  [w('mañana (?:por|en|a) la tarde'), 'tomorrow afternoon'],
  [w('mañana (?:por|en|a) la noche'), 'tomorrow evening'],
  [w('esta mañana'), 'this morning'], [w('esta tarde'), 'this afternoon'], [w('esta noche'), 'tonight'],
  // "de 12 a 3 de la tarde", "desde las 10 hasta la 1 de la tarde": a span whose part of day is written once, after its end
  // (the start is in the afternoon too unless it is later than the end: "de 10 a 1 de la tarde" starts in the morning).
  [w(`(?:de|desde)\\s+(?:las?\\s+)?${H}(?:[:.](\\d{2}))?\\s*(?:a|hasta)\\s+(?:las?\\s+)?${H}(?:[:.](\\d{2}))?\\s*(?:h\\s*)?(?:de|por|en)\\s+la\\s+(mañana|tarde|noche)`), (_m, a, b, c, d, part) => {
    const [from, to] = [h(a), h(c)];
    const pm = part !== 'mañana';
    return `from ${withMeridiem(String(from), b, pm && (from === 12 || from <= to))} to ${withMeridiem(String(to), d, pm || to === 12)}`;
  }],
  // "entre las 3 y las 5 de la tarde": the part of day after the range holds for both ends.
  // "entre 12 y 2 de la tarde" (no "las"): from noon; "entre 11 y 1 de la tarde" starts in the morning.
  [w(`entre\\s+(?:las?\\s+)?${H}(?:[:.](\\d{2}))?\\s*y\\s+(?:las?\\s+)?${H}(?:[:.](\\d{2}))?\\s*(?:h\\s*)?(?:de|por|en)\\s+la\\s+(mañana|tarde|noche)`), (_m, a, b, c, d, part) => {
    const [from, to] = [h(a), h(c)];
    const pm = part !== 'mañana';
    return `between ${withMeridiem(String(from), b, pm && (from === 12 || from <= to))} and ${withMeridiem(String(to), d, pm || to === 12)}`;
  }],
  // Not a date's month: "miércoles 26/11 por la tarde" is the 26th of November in the afternoon, not "26/at 11pm".
  [w(`(?<!\\d[/.-])(?:(?:a|sobre|hacia|alrededor\\s+de|a\\s+eso\\s+de)\\s+las?\\s+)?${H}(?:[:.](\\d{2}))?\\s*(?:h\\s*)?(?:de|por|en)\\s+la\\s+(mañana|tarde|noche)`), (_m, a, b, part) => `at ${withMeridiem(String(h(a)), b, part !== 'mañana')}`],
  [w(`(?:(?:a|sobre|hacia|alrededor\\s+de|a\\s+eso\\s+de)\\s+las?\\s+)?${H}\\s+y\\s+media`), (_m, a) => `at ${clock(h(a), 30)}`],
  [w(`(?:(?:a|sobre|hacia|alrededor\\s+de|a\\s+eso\\s+de)\\s+las?\\s+)?${H}\\s+y\\s+cuarto`), (_m, a) => `at ${clock(h(a), 15)}`],
  [w(`(?:(?:a|sobre|hacia|alrededor\\s+de|a\\s+eso\\s+de)\\s+las?\\s+)?${H}\\s+menos\\s+cuarto`), (_m, a) => `at ${clock(h(a) - 1, 45)}`],
  [w('(?:al|a|hacia el|sobre el)\\s+mediodía|mediodía|medio día'), 'at noon'],
  [w('después de (?:comer|almorzar|la comida|el almuerzo)'), 'after lunch'],
  [w('(?:por|en|de|a) la mañana|en la mañana|a primera hora'), 'in the morning'],
  [w('(?:por|en|a) la tarde|a media tarde'), 'in the afternoon'],
  [w('(?:por|en) la noche'), 'in the evening'],
  [w('mañana'), 'tomorrow'], [w('hoy'), 'today'], [w('ayer'), 'yesterday'], [w('anoche'), 'last night'],
  [w('(?:la|esta)\\s+semana\\s+que\\s+viene|la\\s+próxima\\s+semana|la\\s+semana\\s+próxima|próxima\\s+semana'), 'next week'],
  [w('principios de la semana que viene|principios de next week'), 'early next week'],
  [w('esta semana'), 'this week'], [w('la semana pasada'), 'last week'],
  [w('el\\s+mes\\s+que\\s+viene|el\\s+próximo\\s+mes|próximo\\s+mes'), 'next month'], [w('este mes'), 'this month'],
  [w('(?:a\\s+)?finales\\s+de(?:\\s+este)?\\s+mes|(?:a\\s+)?fin\\s+de\\s+mes'), 'end of this month'],
  [w('(?:a\\s+)?finales\\s+de(?:\\s+esta)?\\s+semana'), 'end of this week'],
  [w(`(?:dentro\\s+de|en)\\s+${COUNT}\\s+semanas`), (_m, n) => `in ${count(n)} weeks`],
  [w(`(?:a\\s+)?principios\\s+de(?=\\s+${MONTH_EN})`), 'early'], [w(`(?:a\\s+)?mediados\\s+de(?=\\s+${MONTH_EN})`), 'mid'],
  [w(`(?:a\\s+)?finales\\s+de(?=\\s+${MONTH_EN})`), 'late'], [w(`en(?=\\s+${MONTH_EN})`), 'in'],
  [w(`el\\s+(${WEEKDAY_EN})\\s+que\\s+viene|el\\s+próximo\\s+(${WEEKDAY_EN})`), (_m, a, b) => `next ${a ?? b}`],
  [w(`el\\s+(${WEEKDAY_EN})\\s+pasado`), (_m, a) => `last ${a}`],
  [w(`este\\s+(${WEEKDAY_EN})`), (_m, a) => `this ${a}`],
  // "de 2 a 20 de agosto", "del 3 al 14 de marzo": a span of days of one month (never hours "from 2 to 20").
  [w(`(?:de|del|desde\\s+el)\\s+(\\d{1,2})\\s+(?:a|al|hasta\\s+el)\\s+(\\d{1,2})\\s+de\\s+(${MONTH_EN})(?![\\p{L}])`), (_m, a, b, mo) => `from ${a} ${mo} to ${b} ${mo}`],
  [w(`(\\d{1,2})\\s+de\\s+(${MONTH_EN})(?:\\s+de(?:l)?\\s+(\\d{4}))?`), (_m, d, mo, y) => `${d} ${mo}${y ? ` ${y}` : ''}`],
  [w('(?:el\\s+)?día\\s+(\\d{1,2})(?![\\d:.])'), (_m, d) => `the ${ordinal(d)}`],
  [w('el\\s+(\\d{1,2})(?![\\d:./])'), (_m, d) => `the ${ordinal(d)}`],
  [w('a\\s+la\\s+una'), 'at 1'],
  // "entre las 2 y las 5", and without the articles "entre 2 y 5" (as Portuguese "entre 2 e 5"); not "entre 2 y 5 personas".
  [w(`entre\\s+(?:las\\s+)?${H}(?:[:.](\\d{2}))?\\s*(?:h\\s*)?y\\s+(?:las\\s+)?${H}(?:[:.](\\d{2}))?(?!\\s*(?:[\\d%]|personas|semanas|d[ií]as|meses|años|usuarios|licencias|empleados|minutos))`), (_m, a, b, c, d) => `between ${hm(String(h(a)), b)} and ${hm(String(h(c)), d)}`],
  // Not "de 2 a 20 de agosto": days of a month, not hours.
  [w(`de\\s+${H}(?:[:.](\\d{2}))?\\s*a\\s+${H}(?:[:.](\\d{2}))?\\s*(?:h(?![\\p{L}]))?(?!\\d|\\s*(?:de\\s+)?(?:${MONTH_EN})(?![\\p{L}]))`), (_m, a, b, c, d) => `from ${hm(String(h(a)), b)} to ${hm(String(h(c)), d)}`],
  [w(`(?:sobre|hacia|alrededor\\s+de|a\\s+eso\\s+de|como\\s+a)\\s+las\\s+${H}`), (_m, a) => `around ${h(a)}`],
  // "desde las 8": a clock hour ("after 8:00"), which the reader takes as the start of a window.
  [w(`(?:a\\s+partir\\s+de|después\\s+de|desde)\\s+las\\s+${H}(?:[:.](\\d{2}))?(?:\\s*h)?`), (_m, a, b) => `after ${hm(String(h(a)), b)}`],
  [w(`antes\\s+de\\s+las\\s+${H}`), (_m, a) => `before ${h(a)}`],
  [w(`a\\s+las\\s+${H}(?![\\p{L}\\d])`), (_m, a) => `at ${h(a)}`],
  [w('(\\d{1,2})(?:[:.](\\d{2}))?\\s*(?:h|hs|hrs|horas)(?![\\p{L}])'), (_m, a, b) => hm(a, b)],
  [w('hasta\\s+el|hasta'), 'until'], [w(`(?:o)(?=\\s+(?:\\d|${WEEKDAY_EN}|tomorrow|the\\s|next\\s|in\\s|at\\s|around\\s|after\\s|before\\s|el\\s|la\\s|le\\s|il\\s|o\\s|a\\s|à\\s|às\\s|na\\s|no\\s))`), 'or'],
];
