import type { Lang } from '../language.js';
import { MONTH_EN, WEEKDAY_EN, ordinal, w, type Replacement, type Rule } from './rules.js';

/**
 * Day numbers written in words ("the twenty-second", "el primero de julio", "o dia vinte e dois", "le vingt-trois
 * novembre", "am zweiundzwanzigsten", "de tweeëntwintigste", "il ventidue"), rewritten in figures where they name a
 * day: before a month, after the word for "day", or after a date article with a time after it. The language's own
 * rules then read "el 22", "dia 22", "le 22", "am 22.", "the 22nd" as they read figures. Without this the day was
 * lost and the hour read on the next day it comes. Hours 13–23 written in words before the word for hours
 * ("quatorze heures", "vierzehn Uhr", "alle quindici") are written in figures too.
 */

type Words = Record<string, number>;

/** A replacement that also sees where its match stands in the text (String.replace passes offset and text last). */
const inContext = (fn: (m: string, a: string, b: string, at: number, all: string) => string): Replacement =>
  ((m: string, ...rest: unknown[]) => {
    const all = rest[rest.length - 1] as string;
    const at = rest[rest.length - 2] as number;
    return fn(m, rest[0] as string, rest[1] as string, at, all);
  }) as Replacement;

const add = (into: Words, names: string[], n: number) => { for (const name of names) into[name] = n; };

/** Romance cardinals 1–31: units, teens and the tens joined as each language writes them. */
const ES: Words = {};
['uno|un|primero', 'dos', 'tres', 'cuatro', 'cinco', 'seis', 'siete', 'ocho', 'nueve', 'diez', 'once', 'doce', 'trece', 'catorce', 'quince', 'dieciséis|dieciseis', 'diecisiete', 'dieciocho', 'diecinueve', 'veinte',
  'veintiuno|veintiún|veintiun', 'veintidós|veintidos', 'veintitrés|veintitres', 'veinticuatro', 'veinticinco', 'veintiséis|veintiseis', 'veintisiete', 'veintiocho', 'veintinueve', 'treinta', 'treinta y uno|treinta y un']
  .forEach((names, i) => add(ES, names.split('|'), i + 1));

const PT_UNITS = ['um', 'dois', 'três|tres', 'quatro', 'cinco', 'seis', 'sete', 'oito', 'nove'];
const PT: Words = {};
['um|primeiro', 'dois', 'três|tres', 'quatro', 'cinco', 'seis', 'sete', 'oito', 'nove', 'dez', 'onze', 'doze', 'treze', 'catorze|quatorze', 'quinze', 'dezesseis|dezasseis', 'dezessete|dezassete', 'dezoito', 'dezenove|dezanove', 'vinte']
  .forEach((names, i) => add(PT, names.split('|'), i + 1));
PT_UNITS.forEach((names, i) => add(PT, names.split('|').map((u) => `vinte e ${u}`), 21 + i));
add(PT, ['trinta'], 30); add(PT, ['trinta e um'], 31);

const FR_UNITS = ['un', 'deux', 'trois', 'quatre', 'cinq', 'six', 'sept', 'huit', 'neuf'];
const FR: Words = {};
['un|premier', 'deux', 'trois', 'quatre', 'cinq', 'six', 'sept', 'huit', 'neuf', 'dix', 'onze', 'douze', 'treize', 'quatorze', 'quinze', 'seize', 'dix-sept|dix sept', 'dix-huit|dix huit', 'dix-neuf|dix neuf', 'vingt']
  .forEach((names, i) => add(FR, names.split('|'), i + 1));
FR_UNITS.forEach((u, i) => add(FR, i === 0 ? ['vingt et un', 'vingt-et-un'] : [`vingt-${u}`, `vingt ${u}`], 21 + i));
add(FR, ['trente'], 30); add(FR, ['trente et un', 'trente-et-un'], 31);

const IT: Words = {};
['uno|primo', 'due', 'tre', 'quattro', 'cinque', 'sei', 'sette', 'otto', 'nove', 'dieci', 'undici', 'dodici', 'tredici', 'quattordici', 'quindici', 'sedici', 'diciassette', 'diciotto', 'diciannove', 'venti',
  'ventuno', 'ventidue', 'ventitré|ventitre', 'ventiquattro', 'venticinque', 'ventisei', 'ventisette', 'ventotto', 'ventinove', 'trenta', 'trentuno']
  .forEach((names, i) => add(IT, names.split('|'), i + 1));

/** Germanic and English ordinals 1st–31st (German without its ending, added by the pattern). */
const DE_UNITS = ['ein', 'zwei', 'drei', 'vier', 'fünf', 'sechs', 'sieben', 'acht', 'neun'];
const DE: Words = {};
['erst', 'zweit', 'dritt', 'viert', 'fünft|fuenft', 'sechst', 'siebt|siebent', 'acht', 'neunt', 'zehnt', 'elft', 'zwölft|zwoelft', 'dreizehnt', 'vierzehnt', 'fünfzehnt|fuenfzehnt', 'sechzehnt', 'siebzehnt', 'achtzehnt', 'neunzehnt', 'zwanzigst']
  .forEach((names, i) => add(DE, names.split('|'), i + 1));
DE_UNITS.forEach((u, i) => add(DE, [`${u}undzwanzigst`], 21 + i));
add(DE, ['dreißigst', 'dreissigst'], 30); add(DE, ['einunddreißigst', 'einunddreissigst'], 31);

const NL_UNITS = ['een', 'twee', 'drie', 'vier', 'vijf', 'zes', 'zeven', 'acht', 'negen'];
const NL: Words = {};
['eerste', 'tweede', 'derde', 'vierde', 'vijfde', 'zesde', 'zevende', 'achtste', 'negende', 'tiende', 'elfde', 'twaalfde', 'dertiende', 'veertiende', 'vijftiende', 'zestiende', 'zeventiende', 'achttiende', 'negentiende', 'twintigste']
  .forEach((name, i) => add(NL, [name], i + 1));
NL_UNITS.forEach((u, i) => add(NL, [`${u}ëntwintigste`, `${u}entwintigste`], 21 + i));
add(NL, ['dertigste'], 30); add(NL, ['eenendertigste', 'eenëndertigste'], 31);
/** Dutch cardinals, read as a day only before a month ("tweeëntwintig maart"). */
const NL_CARD: Words = {};
['een|één', 'twee', 'drie', 'vier', 'vijf', 'zes', 'zeven', 'acht', 'negen', 'tien', 'elf', 'twaalf', 'dertien', 'veertien', 'vijftien', 'zestien', 'zeventien', 'achttien', 'negentien', 'twintig']
  .forEach((names, i) => add(NL_CARD, names.split('|'), i + 1));
NL_UNITS.forEach((u, i) => add(NL_CARD, [`${u}ëntwintig`, `${u}entwintig`], 21 + i));
add(NL_CARD, ['dertig'], 30); add(NL_CARD, ['eenendertig'], 31);

const EN_UNITS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth'];
const EN: Words = {};
[...EN_UNITS, 'tenth', 'eleventh', 'twelfth', 'thirteenth', 'fourteenth', 'fifteenth', 'sixteenth', 'seventeenth', 'eighteenth', 'nineteenth', 'twentieth'].forEach((name, i) => add(EN, [name], i + 1));
EN_UNITS.forEach((u, i) => add(EN, [`twenty-${u}`, `twenty ${u}`], 21 + i));
add(EN, ['thirtieth'], 30); add(EN, ['thirty-first', 'thirty first'], 31);

const alternation = (words: Words) => Object.keys(words).sort((a, b) => b.length - a.length).map((k) => k.replace(/ /g, '\\s+')).join('|');
const value = (words: Words, s: string) => words[s.toLowerCase().replace(/\s+/g, ' ')] ?? NaN;

/** A count of things, never a day: "el veinte por ciento", "vingt-deux personnes", "ventidue euro". */
const NOT_A_DAY = '(?!\\s*(?:%|por\\s+ciento|pour\\s+cent|por\\s+cento|per\\s+cento|percent|prozent|procent|€|\\$|euros?|dólares|dollars?|reais|personas|pessoas|personnes|persone|people|personen|mensen|minutos|minutes|minuti|minuten|horas|heures|ore\\b|stunden|uur|días|dias|jours|giorni|tage|dagen|semanas|semaines|settimane|wochen|weken|meses|mois|mesi|monate|maanden|años|anos|ans|anni|jahre|jaar|licen|lizen|usuari|usuári|utilisat|utent|nutzer|gebruiker|users|seats|puestos|postos|posti|places|plätze|plaatsen|options?|opciones|opções|choix|opzioni|optionen|opties|one|ones|slot|choice|week|time|thing|two|three|few|couple|hours?|days?)(?![\\p{L}]))';

/** A time follows ("el dos a las 10", "le huit à 9h", "il tre alle 11", "op de derde om 10 uur", "the second at 3"). */
const TIME_AFTER = "(?=\\s*,?\\s*(?:a\\s+las?|à|às|alle|all['’]|ore|um|om|at|@|vers|verso|sobre|hacia|gegen|rond|around|from|between|de\\s+manhã|pela|por\\s+la|dans\\s+la|in\\s+de|nel|in\\s+the|morning|afternoon|matin|vormittag|nachmittag|'s)(?![\\p{L}])|\\s*,?\\s*\\d)";

/** Rules for one language; `article` is the word that stands before a day ("el", "le", "il", "o"/"no"). */
function romance(words: Words, article: string, dayNoun: string, monthJoin: string): Rule[] {
  // The article carries its own space ("il ", "l'", "l’"): "altre" is no "al tre".
  const W = `(${alternation(words)})`;
  const digits = (s: string) => String(value(words, s));
  return [
    // "el veintitrés de septiembre", "le premier mars", "il primo marzo", "vinte e dois de setembro".
    [w(`${W}(?=\\s+(?:${monthJoin}\\s+)?${MONTH_EN})`), (m, a) => (Number.isFinite(value(words, a)) ? digits(a) : m)],
    // "el martes veintidós", "martedì ventidue", "mardi vingt-deux": a day from 13 on right after its weekday (a smaller
    // one may be the hour: "lunedì dieci" is Monday at ten).
    [w(`(${WEEKDAY_EN}),?\\s+${W}${NOT_A_DAY}`), (m, d, a) => (value(words, a) >= 13 ? `${d} ${value(words, a)}` : m)],
    // "el día veintidós", "no dia primeiro", "il giorno ventidue".
    [w(`(${dayNoun})\\s+${W}${NOT_A_DAY}`), (_m, d, a) => `${d} ${digits(a)}`],
    // "el veintidós a las 10", "le vingt-deux à 14h", "il ventidue alle 11": after its article, a day from 13 on, or any day with a time after it.
    [w(`(${article})${W}${NOT_A_DAY}`), inContext((m, art, a, at, all) => {
      const n = value(words, a);
      const timeAfter = new RegExp(`^${TIME_AFTER}`, 'iu').test(all.slice(at + m.length));
      return Number.isFinite(n) && (timeAfter || (n >= 13 && !/^(?:primero|primeiro|premier|primo)$/i.test(a))) ? `${art.trim()} ${n}` : m;
    })],
  ];
}

const GERMAN_ENDING = '(?:e|en|er|em|es)';

function german(): Rule[] {
  const W = `(${alternation(DE)})${GERMAN_ENDING}`;
  return [
    // "dem ersten Dezember", "zweiundzwanzigsten März": the day with its dot, as German writes it in figures.
    [w(`${W}(?=\\s+${MONTH_EN})`), (m, a) => (Number.isFinite(value(DE, a)) ? `${value(DE, a)}.` : m)],
    // "am zweiundzwanzigsten", "den ersten um 10": not "am ersten Termin" (a noun, capitalised, follows).
    [w(`(am|den|zum|vom|ab\\s+dem|bis\\s+zum)\\s+${W}`), inContext((m, art, a, at, all) => {
      const after = all.slice(at + m.length);
      const noun = /^\s+\p{Lu}/u.test(after) && !new RegExp(`^\\s+(?:${MONTH_EN}|${WEEKDAY_EN})`).test(after);
      return noun || !Number.isFinite(value(DE, a)) ? m : `${art} ${value(DE, a)}.`;
    })],
  ];
}

function dutch(): Rule[] {
  const W = `(${alternation(NL)})`;
  const C = `(${alternation(NL_CARD)})`;
  return [
    [w(`(?:de\\s+)?${W}\\s+(?:van\\s+)?(?=${MONTH_EN})`), (m, a) => (Number.isFinite(value(NL, a)) ? `${value(NL, a)} ` : m)],
    [w(`${C}(?=\\s+${MONTH_EN})`), (m, a) => (Number.isFinite(value(NL_CARD, a)) ? `${value(NL_CARD, a)}` : m)],
    // "op de tweeëntwintigste", "de derde om 10 uur": never "de eerste optie" (a noun after it) or "de tweede" alone.
    [w(`(op\\s+)?de\\s+${W}${NOT_A_DAY}(?!\\s+(?:optie|keuze|voorstel|mogelijkheid|datum|dag|keer|poging|plaats|helft|kwart))`), inContext((m, op, a, at, all) => {
      const n = value(NL, a);
      const timeAfter = new RegExp(`^${TIME_AFTER}`, 'iu').test(all.slice(at + m.length));
      return Number.isFinite(n) && (timeAfter || op || n >= 13) ? `the ${ordinal(String(n))}` : m;
    })],
  ];
}

function english(): Rule[] {
  const W = `(${alternation(EN)})`;
  return [
    // "the twenty-third of June", "the 1st of March": "June 23rd", as the reader joins it to a time on either side
    // ("3pm on the 1st of March" was read as two phrases, the day without its hour).
    [w(`(?:the\\s+)?(?:${W}|(\\d{1,2})(?:st|nd|rd|th))\\s+of\\s+(${MONTH_EN})`), (m, a, d, mo) => {
      const n = a ? value(EN, a) : Number(d);
      return Number.isFinite(n) && n >= 1 && n <= 31 ? `${mo} ${ordinal(String(n))}` : m;
    }],
    // "Tuesday twenty-second", "Friday, the twenty-eighth": the day after its weekday.
    [w(`(${WEEKDAY_EN}),?\\s+(?:the\\s+)?${W}${NOT_A_DAY}`), (m, d, a) => (Number.isFinite(value(EN, a)) ? `${d} the ${ordinal(String(value(EN, a)))}` : m)],
    // "March the twenty-second", "December first".
    [w(`(${MONTH_EN})\\s+(?:the\\s+)?${W}`, 'gu'), (m, mo, a) => (Number.isFinite(value(EN, a)) ? `${mo} ${ordinal(String(value(EN, a)))}` : m)],
    // "the twenty-second at 10", "on the seventh", "Tuesday the second": never "the second one", "the first option".
    [w(`((?:on\\s+)?the)\\s+${W}${NOT_A_DAY}(?!\\s+(?:of|proposal|suggestion|date|dates|floor|century|anniversary|place|half|quarter|round|thing|try|attempt|call|meeting|person|item|line|row|email|message|page|is|works|would|sounds|suits|looks|please|pls|is\\s+fine))`), inContext((m, the, a, at, all) => {
      const n = value(EN, a);
      const after = all.slice(at + m.length);
      const before = all.slice(Math.max(0, at - 12), at);
      const timeAfter = new RegExp(`^${TIME_AFTER}`, 'iu').test(after);
      const dayBefore = new RegExp(`${WEEKDAY_EN},?\\s*$`, 'i').test(before);
      return Number.isFinite(n) && (timeAfter || dayBefore || /^on\s/i.test(the) || n >= 13) ? `${/^on\s/i.test(the) ? 'on ' : ''}the ${ordinal(String(n))}` : m;
    })],
  ];
}

export const DAY_WORD_RULES: Record<Lang, Rule[]> = {
  en: english(),
  es: romance(ES, '(?:el|del|al)\\s+', '(?:el\\s+)?d[ií]a', 'de'),
  pt: romance(PT, '(?:o|no|do|ao)\\s+', '(?:n?o\\s+)?dia', 'de'),
  fr: romance(FR, '(?:le|du|au)\\s+', '(?:le\\s+)?jour', 'de'),
  de: german(),
  nl: dutch(),
  it: romance(IT, "(?:il|dal|al|del|nel)\\s+|l['’]\\s*", '(?:il\\s+)?giorno', 'di'),
};

/** Hours 13–23 in words before the word for hours, or after "at": in figures for the clock rules. */
const HOUR_WORDS: Record<Lang, Words> = {
  en: {}, es: ES, pt: PT, fr: FR, it: IT,
  de: { dreizehn: 13, vierzehn: 14, fünfzehn: 15, fuenfzehn: 15, sechzehn: 16, siebzehn: 17, achtzehn: 18, neunzehn: 19, zwanzig: 20, einundzwanzig: 21, zweiundzwanzig: 22, dreiundzwanzig: 23 },
  nl: { dertien: 13, veertien: 14, vijftien: 15, zestien: 16, zeventien: 17, achttien: 18, negentien: 19, twintig: 20 },
};

export function hourWordRules(lang: Lang): Rule[] {
  const words = Object.fromEntries(Object.entries(HOUR_WORDS[lang]).filter(([, n]) => n >= 13 && n <= 23));
  if (Object.keys(words).length === 0) return [];
  const W = `(${alternation(words)})`;
  return [
    // "quatorze heures trente", "vierzehn Uhr", "quinze horas", "dertien uur".
    [w(`${W}(?=\\s*(?:heures?|h|uhr|uur|horas|hrs|ore)(?![\\p{L}]))`), (m, a) => (Number.isFinite(value(words, a)) ? String(value(words, a)) : m)],
    // "alle quindici", "a las quince", "às quinze", "um vierzehn", "om veertien" (not "quinze para as dez", a quarter to ten).
    [w(`(alle|a\\s+las|às|um|om)\\s+${W}(?!\\s+(?:para|minut|minuten|minutos))`), (m, at, a) => (Number.isFinite(value(words, a)) ? `${at} ${value(words, a)}` : m)],
  ];
}
