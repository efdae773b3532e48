import { PT_WEEKDAY_RULES, weekdayAbbreviations } from './common.js';
import { MONTH_EN, WEEKDAY_EN, clock, hm, hourPattern, hourValue, ordinal, w, withMeridiem, type NumberWords, type Rule } from './rules.js';

const N: NumberWords = { uma: 1, um: 1, duas: 2, dois: 2, três: 3, tres: 3, quatro: 4, cinco: 5, seis: 6, sete: 7, oito: 8, nove: 9, dez: 10, onze: 11, doze: 12 };
const H = hourPattern(N);
const h = (s: string) => hourValue(s, N);
const COUNT = '(\\d+|duas|dois|três|tres|quatro|algumas)';
const count = (s: string) => ({ duas: 'two', dois: 'two', três: 'three', tres: 'three', quatro: 'four', algumas: 'a few' } as Record<string, string>)[s.toLowerCase()] ?? s;
const AS = '(?:às|as|a|à)';

/** Portuguese date and time words → English. */
// "5.ª feira", "2ª-feira", "6a feira": the weekday by its number (2 is Monday), never a trade fair ("feira").
export const PT_PRE_RULES: Rule[] = [[w('([2-6])\\.?\\s?[ªºa]\\.?[\\s-]*feira'), (_m: string, n: string) => ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'][Number(n) - 2] ?? _m],
  ...weekdayAbbreviations([['seg'], ['ter'], ['qua'], ['qui'], ['sex'], ['sáb', 'sab'], ['dom']]), ...PT_WEEKDAY_RULES];

export const PT_RULES: Rule[] = [
  // "ou espera", "espera aí": a correction of the time said before.
  [w('(?:ou|não|ah)\\s+espera|espera\\s+a[ií]'), 'wait'],
  // "ao fim da tarde, pelas 18h", "pelas 10h30": "pelas" before a clock time is about that time, said as "at".
  [w('(?:lá\\s+)?pel[ao]s?(?=\\s+\\d{1,2}(?:[:h]|\\s*horas(?![\\p{L}])))'), 'at'],
  [w('depois\\s+de\\s+amanhã|depois\\s+de\\s+amanha'), 'the day after tomorrow'],
  [w('amanhã\\s+(?:de|pela|na parte da)\\s+manhã|amanhã\\s+cedo'), 'tomorrow morning'],
  [w('amanhã\\s+(?:à|pela|de)\\s+tarde'), 'tomorrow afternoon'],
  [w('amanhã\\s+(?:à|pela|de)\\s+noite'), 'tomorrow evening'],
  [w('hoje\\s+(?:de|pela)\\s+manhã|esta\\s+manhã|nesta\\s+manhã|hoje\\s+cedo'), 'this morning'],
  [w('hoje\\s+(?:à|pela)\\s+tarde|esta\\s+tarde|nesta\\s+tarde'), 'this afternoon'],
  [w('hoje\\s+(?:à|pela)\\s+noite|esta\\s+noite'), 'tonight'],
  // "entre as 3 e as 5 da tarde": the part of day after the range holds for both ends.
  [w(`entre\\s+(?:as\\s+|a\\s+)?${H}(?:[:h](\\d{2}))?\\s*(?:h(?:oras)?\\s*)?e\\s+(?:as\\s+|a\\s+)?${H}(?:[:h](\\d{2}))?\\s*(?:h(?:oras)?\\s*)?(?:da|de)\\s+(manhã|tarde|noite)`), (_m, a, b, c, d, part) => `between ${withMeridiem(String(h(a)), b, part !== 'manhã')} and ${withMeridiem(String(h(c)), d, part !== 'manhã')}`],
  // Not a date's month: "quarta 26/11 de tarde" is the 26th of November in the afternoon.
  [w(`(?<!\\d[/.-])(?:(?:${AS}|por\\s+volta\\s+das|lá\\s+pelas|perto\\s+das)\\s+)?${H}(?:[:h](\\d{2}))?\\s*(?:h(?:oras)?\\s*)?(?:da|de)\\s+(manhã|tarde|noite)`), (_m, a, b, part) => `at ${withMeridiem(String(h(a)), b, part !== 'manhã')}`],
  [w(`(?:${AS}\\s+)?${H}\\s+e\\s+meia`), (_m, a) => `at ${clock(h(a), 30)}`],
  [w(`(?:${AS}\\s+)?${H}\\s+e\\s+(?:quinze|um\\s+quarto)`), (_m, a) => `at ${clock(h(a), 15)}`],
  // "às dez menos um quarto", "quinze para as dez", "um quarto para as dez": a quarter to ten, 09:45.
  [w(`(?:${AS}\\s+)?${H}\\s+menos\\s+(?:um\\s+)?(?:quarto|quinze)`), (_m, a) => `at ${clock(h(a) - 1, 45)}`],
  [w(`(?:${AS}\\s+)?(?:quinze|um\\s+quarto)\\s+para\\s+(?:as\\s+|a\\s+)?${H}`), (_m, a) => `at ${clock(h(a) - 1, 45)}`],
  [w('(?:ao|por volta do)\\s+meio[-\\s]dia|meio[-\\s]dia'), 'at noon'],
  [w('depois\\s+do\\s+almoço|após\\s+o\\s+almoço'), 'after lunch'],
  [w('(?:de|pela|na parte da|durante a)\\s+manhã'), 'in the morning'],
  [w('(?:à|pela|de|na parte da|durante a)\\s+tarde|no\\s+período\\s+da\\s+tarde'), 'in the afternoon'],
  [w('(?:à|pela|de)\\s+noite'), 'in the evening'],
  [w('amanhã|amanha'), 'tomorrow'], [w('hoje'), 'today'], [w('ontem'), 'yesterday'],
  [w('(?:na\\s+)?(?:próxima\\s+semana|semana\\s+que\\s+vem)|(?:na\\s+)?proxima\\s+semana'), 'next week'],
  [w('(?:n)?esta\\s+semana'), 'this week'], [w('(?:na\\s+)?semana\\s+passada'), 'last week'],
  [w('(?:no\\s+)?(?:próximo\\s+mês|mês\\s+que\\s+vem)'), 'next month'], [w('(?:n)?este\\s+mês'), 'this month'],
  [w('(?:no\\s+)?(?:fim|final)\\s+do\\s+mês'), 'end of this month'], [w('(?:no\\s+)?(?:fim|final)\\s+da\\s+semana'), 'end of this week'],
  [w(`(?:daqui\\s+a|em|dentro\\s+de)\\s+${COUNT}\\s+semanas`), (_m, n) => `in ${count(n)} weeks`],
  [w(`(?:no\\s+)?(?:início|inicio|começo)\\s+de(?=\\s+${MONTH_EN})`), 'early'], [w(`(?:em\\s+)?meados\\s+de(?=\\s+${MONTH_EN})`), 'mid'],
  [w(`(?:no\\s+)?(?:fim|final)\\s+de(?=\\s+${MONTH_EN})`), 'late'], [w(`(?:lá\\s+para|lá\\s+por|por\\s+volta\\s+de|mais\\s+ou\\s+menos\\s+em|em)(?=\\s+${MONTH_EN})`), 'in'],
  [w(`(?:na\\s+|no\\s+)?próxim[ao]\\s+(${WEEKDAY_EN})|(?:na\\s+|no\\s+)?(${WEEKDAY_EN})\\s+que\\s+vem`), (_m, a, b) => `next ${a ?? b}`],
  [w(`(?:na\\s+|no\\s+)?(${WEEKDAY_EN})\\s+passad[ao]`), (_m, a) => `last ${a}`],
  [w(`(?:n)?est[ae]\\s+(${WEEKDAY_EN})`), (_m, a) => `this ${a}`],
  // "de 2 a 20 de agosto", "del 3 al 14 de marzo": a span of days of one month (never hours "from 2 to 20").
  [w(`(?:de|do|desde\\s+o)\\s+(\\d{1,2})\\s+(?:a|ao|até(?:\\s+(?:o|ao))?)\\s+(\\d{1,2})\\s+de\\s+(${MONTH_EN})(?![\\p{L}])`), (_m, a, b, mo) => `from ${a} ${mo} to ${b} ${mo}`],
  [w(`(\\d{1,2})\\s+de\\s+(${MONTH_EN})(?:\\s+de\\s+(\\d{4}))?`), (_m, d, mo, y) => `${d} ${mo}${y ? ` ${y}` : ''}`],
  [w('(?:no\\s+)?dia\\s+(\\d{1,2})(?![\\d:./])'), (_m, d) => `the ${ordinal(d)}`],
  [w(`${AS}\\s+uma(?![\\p{L}])`), 'at 1'],
  [w(`entre\\s+(?:as\\s+)?${H}(?:[:h](\\d{2}))?\\s*h?\\s+e\\s+(?:as\\s+)?${H}(?:[:h](\\d{2}))?\\s*h?`), (_m, a, b, c, d) => `between ${hm(String(h(a)), b)} and ${hm(String(h(c)), d)}`],
  [w(`das\\s+${H}(?:[:h](\\d{2}))?\\s*h?\\s+(?:às|as)\\s+${H}(?:[:h](\\d{2}))?\\s*h?`), (_m, a, b, c, d) => `from ${hm(String(h(a)), b)} to ${hm(String(h(c)), d)}`],
  [w(`(?:por\\s+volta\\s+d(?:as|a)|lá\\s+pel[ao]s|perto\\s+d[ao]s)\\s+${H}`), (_m, a) => `around ${h(a)}`],
  [w(`(?:a\\s+partir\\s+d[ao]s|depois\\s+d[ao]s|após\\s+as)\\s+${H}(?:(?:[:.]|h)(\\d{2}))?h?`), (_m, a, b) => (b || /h$/i.test(_m) ? `after ${hm(String(h(a)), b)}` : `after ${h(a)}`)],
  [w(`antes\\s+d[ao]s\\s+${H}`), (_m, a) => `before ${h(a)}`],
  [w('(\\d{1,2})\\s*h[ \\t]*(\\d{2})(?![\\d])|(\\d{1,2})(?:[:](\\d{2}))?\\s*(?:h|hs|horas)(?![\\p{L}])'), (_m, a, b, c, d) => hm(a ?? c, b ?? d)],
  [w(`(?:às|as)\\s+${H}(?![\\p{L}])`), (_m, a) => `at ${h(a)}`],
  [w('até\\s+(?:o\\s+)?(?:dia\\s+)?|ate\\s+o\\s+dia'), 'until '], [w(`(?:ou)(?=\\s+(?:\\d|${WEEKDAY_EN}|tomorrow|the\\s|next\\s|in\\s|at\\s|around\\s|after\\s|before\\s|el\\s|la\\s|le\\s|il\\s|o\\s|a\\s|à\\s|às\\s|na\\s|no\\s))`), 'or'],
];
