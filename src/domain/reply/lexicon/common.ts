import { ENGLISH_MONTHS, ENGLISH_WEEKDAYS, w, type Rule } from './rules.js';

/**
 * Weekday and month names of the seven languages → English. They are unambiguous across these languages,
 * so they are rewritten in every reply, whatever language it was detected as (short replies fool detectors).
 * Portuguese ordinals that double as weekdays ("a segunda opção") are kept when they read as ordinals.
 */
const WEEKDAYS: string[][] = [
  ['lunes', 'lundi', 'montag', 'maandag', 'lunedì', 'lunedi'],
  ['martes', 'mardi', 'dienstag', 'dinsdag', 'martedì', 'martedi', 'terça-feira', 'terca-feira', 'terça', 'terca'],
  ['miércoles', 'miercoles', 'mercredi', 'mittwoch', 'woensdag', 'mercoledì', 'mercoledi', 'quarta-feira', 'quarta'],
  ['jueves', 'jeudi', 'donnerstag', 'donderdag', 'giovedì', 'giovedi', 'quinta-feira', 'quinta'],
  ['viernes', 'vendredi', 'freitag', 'vrijdag', 'venerdì', 'venerdi', 'sexta-feira', 'sexta'],
  ['sábado', 'sabado', 'samedi', 'samstag', 'sonnabend', 'zaterdag', 'sabato'],
  ['domingo', 'dimanche', 'sonntag', 'zondag', 'domenica'],
];

const MONTHS: string[][] = [
  ['enero', 'janvier', 'januar', 'jänner', 'januari', 'gennaio', 'janeiro'],
  ['febrero', 'février', 'fevrier', 'februar', 'februari', 'febbraio', 'fevereiro'],
  ['marzo', 'mars', 'märz', 'maerz', 'maart', 'março'],
  ['abril', 'avril', 'aprile'],
  ['mayo', 'mai', 'mei', 'maggio', 'maio'],
  ['junio', 'juin', 'juni', 'giugno', 'junho'],
  ['julio', 'juillet', 'juli', 'luglio', 'julho'],
  ['agosto', 'août', 'aout', 'augustus'],
  ['septiembre', 'setiembre', 'septembre', 'settembre', 'setembro'],
  ['octubre', 'octobre', 'oktober', 'ottobre', 'outubro'],
  ['noviembre', 'novembre', 'novembro'],
  ['diciembre', 'décembre', 'decembre', 'dezember', 'dicembre', 'dezembro'],
];

/** "a segunda opção", "a quinta": an ordinal, not Monday or Thursday. */
const PT_ORDINAL_AFTER = '(?!\\s+(?:quinzena|metade|opção|opcao|opções|alternativa|sugestão|sugestao|vez|hipótese|proposta|data|hora|horário|horario))';
const PT_ORDINAL_BEFORE = '(?<!(?:^|\\s)(?:a|o)\\s)';

/** Portuguese weekdays named by their ordinal ("segunda", "quinta"): read as weekdays in Portuguese replies only. */
export const PT_WEEKDAY_RULES: Rule[] = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'].map((day, i): Rule => {
  const name = ['segunda', 'terça|terca', 'quarta', 'quinta', 'sexta'][i] ?? '';
  return [w(`${PT_ORDINAL_BEFORE}(?:${name})(?:-feira)?${PT_ORDINAL_AFTER}`), day];
});

const SEASONS: [string, string][] = [
  ['primavera|printemps|frühling|frühjahr|voorjaar', 'spring'], ['zomervakantie|zomerstop|zomerreces|bouwvak|sommerferien|sommerpause|sommerurlaub|grandes\\s+vacances|vacances\\s+d[\'’]été|vacaciones\\s+de\\s+verano|férias\\s+de\\s+verão|vacanze\\s+estive|ferie\\s+estive|pausa\\s+estiva|verano|verão|sommer|zomer', 'summer'],
  ['otoño|outono|autunno|automne|herbst|najaar|herfst', 'autumn'], ['invierno|inverno|hiver', 'winter'],
];

/** Minutes written as words after an hour, in the six other languages. */
const SPELLED_MINUTES: Record<string, number> = {
  diez: 10, dix: 10, dieci: 10, dez: 10, tien: 10, zehn: 10, veinte: 20, vingt: 20, venti: 20, vinte: 20, twintig: 20, zwanzig: 20,
  quince: 15, quinze: 15, quindici: 15, vijftien: 15, fünfzehn: 15, treinta: 30, trente: 30, trenta: 30, trinta: 30, dertig: 30, dreißig: 30,
  'cuarenta y cinco': 45, 'quarante-cinq': 45, 'quarante cinq': 45, quarantacinque: 45, 'quarenta e cinco': 45, veertig: 40, cuarenta: 40, quarante: 40, quaranta: 40, quarenta: 40,
};

export const COMMON_RULES: Rule[] = [
  ...SEASONS.map(([names, season]): Rule => [w(names), season]),
  ...WEEKDAYS.map((names, i): Rule => [w(names.filter((n) => !/^(?:terça|terca|quarta|quinta|sexta)$/.test(n)).sort((a, b) => b.length - a.length).join('|')), ENGLISH_WEEKDAYS[i] ?? '']),
  [w('segunda-feira'), 'Monday'],
  // "quarta nao rola. quinta msm horario?": a Portuguese weekday by its ordinal, opening a clause and followed by a word
  // about that day, in a reply too short for its language to be told (alone, "quinta" is also "fifth").
  ...['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'].map((day, i): Rule => [w(`(?<=(?:^|[\\n.,;:!?])[ \\t]*)(?:${['segunda', 'terça|terca', 'quarta', 'quinta', 'sexta'][i]})(?:-feira)?(?=\\s+(?:n[aã]o|msm|mesmo|às|as\\s+\\d|de\\s+manh[ãa]|à\\s+tarde|de\\s+tarde|pode|d[áa]|fica|funciona|rola|serve|t[áa]|est[áa])(?![\\p{L}]))`, 'gimu'), day]),
  // "lunedi h 10", "giovedì h. 15:30": the hour written after "h" (Italian "ore"), right after a day.
  [w(`(${ENGLISH_WEEKDAYS.join('|')}|domani|oggi|tomorrow|today)\\s*,?\\s+h\\.?\\s?(\\d{1,2})(?:[:.](\\d{2}))?(?![\\d\\p{L}]|[:.]\\d)`), (m: string, d: string, a: string, b?: string) => (Number(a) <= 23 ? `${d} at ${Number(a)}:${b ?? '00'}` : m)],
  // "sagen wir 11", "digamos 10", "disons 15h", "zeg maar 11", "diciamo alle 11": "say" and a bare hour narrow the day said before.
  [w('(?:sagen\\s+wir|digamos|disons|zeg\\s+maar|diciamo)\\s+(?:um\\s+|a\\s+las\\s+|às\\s+|à\\s+|om\\s+|alle\\s+)?(\\d{1,2})(?:[:.h](\\d{2}))?(?![\\d:.])'), (_m: string, a: string, b?: string) => `say at ${Number(a)}:${b ?? '00'}`],
  // ", like 8", ", tipo 8", ", tipo le 14", ", genre 9h", ", zo rond 10", ", ideally 2": after a pause, an approximate hour narrows
  // the day said before it ("el lunes a primera hora, tipo 8"); never "I'd like 3 seats" (no pause before it).
  [new RegExp(`(?<=[,;(–—-]\\s*)(?:like|ideally|preferably|tipo|genre|style|zo\\s+rond|ongeveer|etwa|so\\s+gegen|ungefähr|más\\s+o\\s+menos|mais\\s+ou\\s+menos|circa|verso)\\s+(?:(?:a\\s+)?(?:las|la|le|les|alle|às|as|à|a|om|um)\\s+)?(\\d{1,2})(?:[:.h](\\d{2}))?(?:\\s*(?:h|uhr|uur|u)(?![\\p{L}]))?(?![\\d:.]|\\s*(?:%|€|\\$|people|personas|pessoas|personnes|personen|persone|users|usuari|usuári|utent|utilisat|nutzer|gebruiker|licen|lizenz|seats|puestos|postos|posti|places|plätze|plaatsen|euro|dólar|dollar|reais|minut|mins?\\b|hours?|horas|heures|stunden|uur\\s|ore\\b|weeks?|semanas|semaines|wochen|weken|settimane|days?|días|dias|jours|tage|dagen|giorni))`, 'giu'), (_m: string, a: string, b?: string) => `say at ${Number(a)}:${b ?? '00'}`],
  // "20 Minuten", "30 minutos", "15 minuti", "20 minuten": a length, as the English reader knows it ("next week 20" is no hour).
  [w('(\\d{1,3})\\s*(?:minuten|minutos|minuti|minuto|minutes|minuut|min\\.)'), (_m: string, n: string) => `${n} minutes`],
  [w('(\\d{1,2})\\s*(?:stunden|stunde|uren)(?![\\p{L}])'), (_m: string, n: string) => `${n} hours`],
  // Minutes spelled out after the hour: "alle 14 e trenta", "à 15 heures trente", "a las 3 y cuarto" is read by the
  // language's own rules; "a las 10 y veinte", "às 9 e quinze", "om 10 uur dertig" are the hour and those minutes.
  [w(`(\\d{1,2})(?:\\s*(?:h|heures?|uhr|uur|horas))?\\s+(?:(?:e|et|y|und|en)\\s+|(?<=(?:h|heures?|uhr|uur|horas)\\s+))(${Object.keys(SPELLED_MINUTES).sort((a, b) => b.length - a.length).join('|')})(?![\\p{L}])(?!\\s+(?:persone|personas|pessoas|personnes|personen|people|utenti|usuarios|usuários|utilisateurs|nutzer|gebruikers|licenze|licencias|licenças|licences|lizenzen|licenties|euro|dólares|reais|dollars|%|anni|años|anos|ans|jahre|jaar))`), (m: string, h: string, mins: string) => {
    const minute = SPELLED_MINUTES[mins.toLowerCase().replace(/\\s+/g, ' ')];
    return minute !== undefined && Number(h) <= 23 ? `${Number(h)}:${String(minute).padStart(2, '0')}` : m;
  }],
  // "a las 3 p. m.", "às 10 a. m.": the meridiem with its letters apart, as Spanish and Portuguese style it.
  [w('(\\d{1,2}(?:[:.]\\d{2})?)\\s*([ap])\\.\\s*m\\.?'), (_m: string, t: string, p: string) => `${t.replace('.', ':')} ${p.toLowerCase()}m`],
  ...MONTHS.map((names, i): Rule => [w(names.sort((a, b) => b.length - a.length).join('|')), ENGLISH_MONTHS[i] ?? '']),
  // Vague ranges in the seven languages, as the English matchVagueRange reads: the next quarter, after the holidays,
  // after the summer (the autumn, in the prospect's hemisphere), the French "rentrée" (September), "courant février".
  [w('(?:(?:el|o|no|le|au|im|het|nel|il)\\s+)?(?:próximo|proximo|prochain|nächsten|nächstes|nächste|naechsten|volgende?|prossimo)\\s+(?:trimestre|quartal|kwartaal)|(?:(?:el|le)\\s+)?trimestre\\s+(?:que\\s+viene|prochain|próximo|siguiente)'), 'next quarter'],
  [w('(?:después\\s+de|pasadas|tras)\\s+(?:las\\s+)?(?:fiestas|navidades|navidad)|(?:depois|após)\\s+(?:das|do)\\s+(?:festas|natal)|après\\s+(?:les\\s+)?(?:fêtes|noël)|nach\\s+(?:den\\s+)?(?:feiertagen|festtagen|weihnachten)|na\\s+(?:de\\s+)?(?:feestdagen|kerst)|dopo\\s+(?:le\\s+)?(?:feste|festività|natale)'), 'after the holidays'],
  // After New Year and after Easter, in the seven languages.
  [w('(?:después\\s+de(?:l)?|tras(?:\\s+el)?|pasado\\s+el)\\s+año\\s+nuevo|(?:depois|após)\\s+d[oa]\\s+ano\\s+novo|après\\s+le\\s+nouvel\\s+an|nach\\s+(?:neujahr|dem\\s+jahreswechsel|silvester)|na\\s+(?:nieuwjaar|de\\s+jaarwisseling)|dopo\\s+(?:il\\s+)?capodanno'), 'after the new year'],
  [w('(?:después\\s+de|tras|pasada)\\s+(?:la\\s+)?(?:semana\\s+santa|pascua)|(?:depois|após)\\s+da\\s+páscoa|après\\s+pâques|nach\\s+ostern|na\\s+pasen|dopo\\s+pasqua'), 'after Easter'],
  [w("(?:después\\s+del|tras\\s+el|a\\s+la\\s+vuelta\\s+del)\\s+summer|(?:depois|após)\\s+(?:do\\s+)?summer|après\\s+l['’]été|nach\\s+de[mn]\\s+summer|na\\s+de\\s+summer|dopo\\s+l['’]estate|after\\s+(?:the\\s+)?summer"), 'in the autumn'],
  [w('(?:à|a|dès|des|après|apres)\\s+la\\s+rentr[ée]e'), 'in September'],
  [w(`(courant|dans\\s+le\\s+courant\\s+d(?:[e'’]|u)|au\\s+cours\\s+d(?:[e'’]|u)|durant|pendant|début|fin|mi-?)\\s*(?:(?:du\\s+)?mois\\s+d[e'’]\\s*)?(${ENGLISH_MONTHS.join('|')})`), (_m: string, p: string, month: string) => `${/^début/i.test(p) ? 'early' : /^fin/i.test(p) ? 'late' : /^mi/i.test(p) ? 'mid' : 'in'} ${month}`],
  // "le 3.11 à 15h", "el 3.11 a las 10", "il 3.11 alle 15": a day and month joined by a dot after a date article, with a
  // clock time after it, is a numeric date (read in the country's order), never the time 3:11.
  [w(`(${['le', 'el', 'den', 'il', 'o', 'op', 'am', 'on', 'the', 'del', 'dal', 'au', 'du', 'em', 'no'].join('|')}),?\\s+(\\d{1,2})\\.(\\d{1,2})(?![\\d:]|\\.\\d)(?=\\.?\\s*,?\\s*(?:à|a|a\\s+las|às|as|um|alle|om|ore|at|vers|sobre|hacia|gegen|rond|verso|por\\s+volta\\s+das)\\s+\\d)`), (m: string, word: string, a: string, b: string) => {
    const [x, y] = [Number(a), Number(b)];
    return x >= 1 && y >= 1 && x <= 31 && y <= 12 ? `${word} ${a}/${b}` : m;
  }],
  // "Zou 9-3 om 14.00 uur kunnen?", "il 4-6 alle 10", "el 9-3 a las 11": a day and month joined by a hyphen with a clock
  // time said right after it ("at", "om", "um", "alle", "à", "às") is a numeric date too, whatever stands before it.
  [/(?<![\p{L}\d.:/-])(\d{1,2})-(\d{1,2})(?![\d:.-])(?=,?\s+(?:om|um|à|a|a\s+las|às|as|alle|ore|at)\s+\d)/gu, (m: string, a: string, b: string) => {
    const [x, y] = [Number(a), Number(b)];
    return x >= 1 && y >= 1 && x <= 31 && y <= 12 && x > y ? `${a}/${b}` : m;
  }],
  // "op 17-11 om 13:00", "am 3-12", "le 5-06": a day and month joined by a hyphen after a date preposition is a numeric
  // date (then read in the country's order, as "17/11"), never a range of hours ("9-11 uur", "14-16h" stay).
  [w(`(${['op', 'le', 'am', 'el', 'il', 'em', 'no', 'na', 'den', 'vom', 'del', 'dal', 'au', 'du', 'per', 'tot', 'bis', 'dia', 'día', 'jour', 'giorno', 'dag', 'tag'].join('|')}),?\\s+(\\d{1,2})-(\\d{1,2})(?![\\d:.\\-]|\\s*(?:h|u|uur|uhr|am|pm)(?![\\p{L}]))`), (m: string, word: string, a: string, b: string) => {
    const [x, y] = [Number(a), Number(b)];
    return x >= 1 && y >= 1 && x <= 31 && y <= 31 && (x <= 12 || y <= 12) ? `${word} ${a}/${b}` : m;
  }],
];

/**
 * "venerdì 10.9 alle 14", "Lundi 20.09 est férié", "dinsdag 25.11 om 10 uur": a day and month joined by a dot right
 * after a weekday name is a numeric date (then read in the country's order, as "10/9"), never the time 10:09. A pair
 * that reads as a plain clock time ("Friday 14.30", "vrijdag 10.15") stays a time unless a clock time follows it.
 * Read before each language's own rules, which turn "25.11" into the time 25:11. The German "Montag, 2.8., um 14"
 * (a dot after the month) is read by those rules and left alone here.
 */
const ANY_WEEKDAY = [...WEEKDAYS.flat(), ...ENGLISH_WEEKDAYS, 'segunda', 'segunda-feira'].sort((a, b) => b.length - a.length).join('|');
export const WEEKDAY_DOTTED_DATE_RULES: Rule[] = [
  [w(`(${ANY_WEEKDAY}),?\\s+(\\d{1,2})\\.(\\d{1,2})(?![\\d:.])(\\s*,?\\s*(?:(?:à|a|a\\s+las|às|as|um|alle|om|ore|at)\\s+\\d)?)`), (m: string, day: string, a: string, b: string, after: string) => {
    const [x, y] = [Number(a), Number(b)];
    if (x < 1 || y < 1 || x > 31 || y > 12) return m;
    const clockLike = b.length === 2 && x <= 23 && y % 5 === 0;
    return clockLike && !/\d/.test(after) ? m : `${day} ${a}/${b}${after}`;
  }],
];

/**
 * Short replies fool the detector ("Do 16:00 ok" read as Portuguese): every language's weekday abbreviation is
 * read when a clock time follows it at once ("Do 16:00", "Mié 10h", "Di 14 Uhr", "Wo 10u"), except the ones that are
 * words of the reply's own language ("ma" and "di" in Italian, and all of them in English).
 */
const CROSS_ABBREVIATIONS: string[][] = [
  ['mo', 'ma', 'lun', 'seg'], ['di', 'mar', 'ter'], ['mi', 'wo', 'mié', 'mie', 'mer', 'qua'], ['do', 'jue', 'jeu', 'gio', 'qui'],
  ['fr', 'vr', 'vie', 'ven', 'sex'], ['sa', 'za', 'sáb', 'sab', 'sam'], ['so', 'zo', 'dom', 'dim'],
];
const OWN_WORDS: Record<string, string[]> = { pt: ['sa', 'so'], it: ['ma', 'di', 'so'], es: ['so', 'sa'], fr: ['sa', 'so'], nl: ['so'], de: ['ma'] };
const CLOCK_AFTER = '(?=,?\\s*\\d{1,2}(?:[:.]\\d{2}|\\s*(?:h|u|uhr|uur|am|pm)(?![\\p{L}])))';

/** In a reply read as English, only the abbreviations that are no English word or name ("Gio 16:00 ok", "Mié 10h"). */
const NOT_ENGLISH = new Set(['lun', 'seg', 'ter', 'wo', 'mié', 'mie', 'mer', 'qua', 'jue', 'jeu', 'gio', 'qui', 'vr', 'ven', 'za', 'sáb', 'sab', 'zo']);

/** A clock written with a continental hour mark ("14u", "10h30", "9 Uhr"): never English, so the word before it is no English word either. */
const FOREIGN_CLOCK_AFTER = '(?=,?\\s*\\d{1,2}(?:[:.h]\\d{2})?\\s*(?:h|u|uhr|uur)(?![\\p{L}]))';

/**
 * What follows a weekday abbreviation that opens a clause in a hurried reply: a part of day ("fr vormittag", "ma middag",
 * "gio pomeriggio") or a word that says whether the day works ("mi geht nicht", "do gleiche Zeit?", "jeu ça marche").
 */
const DAY_FOLLOWER = '(?=\\s+(?:in\\s+the\\s+)?(?:morning|afternoon|evening|vormittags?|nachmittags?|morgens|abends?|fr[üu]h|ochtend|middag|namiddag|voormiddag|avond|mattin[ao]|mattinata|pomeriggio|sera|matin|apr[eè]s-midi|aprem|soir|ma[ñn]ana|tarde|noche|manh[ãa]|noite|geht|passt|klappt|gleiche|selbe|gaat|kan|past|lukt|zelfde|hetzelfde|marche|même|va|misma|me\\s+va|mesmo|msm|stessa|stesso|non|no|nicht|niet|pas|não|nao)(?![\\p{L}]))';

/** Abbreviations that open a clause as words of the language ("mi va bene", "qui va", "qua tijd", "do mesmo jeito"). */
const CLAUSE_WORDS: Record<string, string[]> = { it: ['mi', 'qui', 'qua', 'do'], es: ['mi'], fr: ['qui'], pt: ['do'], nl: ['qua', 'ter'], en: ['do', 'ma', 'mi', 'mo', 'di', 'fr'] };

export function crossAbbreviations(lang: string): Rule[] {
  const own = lang === 'en' ? [...new Set(CROSS_ABBREVIATIONS.flat())].filter((n) => !NOT_ENGLISH.has(n)) : OWN_WORDS[lang] ?? [];
  const rules = CROSS_ABBREVIATIONS.map((names, i): Rule => [w(`(?:${names.filter((n) => !own.includes(n)).join('|')})\\.?${CLOCK_AFTER}`), ENGLISH_WEEKDAYS[i] ?? '']);
  // "fr vormittag zw 9 und 12", "ma middag kan ik", "mi geht nicht, do gleiche zeit?": a weekday abbreviation opening the
  // reply or a clause, before a part of day or a word about the day. Weekdays only (the weekend's "sa", "so", "zo" are
  // words), and never one that is a word of the reply's own language.
  const opening = '(?<=(?:^|[\\n.,;:!?])[ \\t]*)';
  const words = [...own, ...(CLAUSE_WORDS[lang] ?? [])];
  rules.push(...CROSS_ABBREVIATIONS.slice(0, 5).map((names, i): Rule => [w(`${opening}(?:${names.filter((n) => !words.includes(n)).join('|')})\\.?${DAY_FOLLOWER}`, 'gimu'), ENGLISH_WEEKDAYS[i] ?? '']));
  // "do 14u?", "di 10h", "mo 9 Uhr" in a reply too short to tell its language: the hour mark settles that the
  // abbreviation is a weekday (Saturday's and Sunday's "sa"/"so" stay out: "so 12 Uhr" is "about noon").
  if (lang !== 'en') return rules;
  return [
    ...rules,
    ...CROSS_ABBREVIATIONS.slice(0, 5).map((names, i): Rule => [w(`(?:${names.join('|')})\\.?${FOREIGN_CLOCK_AFTER}`), ENGLISH_WEEKDAYS[i] ?? '']),
    // …and the hour mark, which the English reader does not know, becomes the clock it means ("Thursday 14u" → "Thursday at 14:00").
    [w(`(${ENGLISH_WEEKDAYS.join('|')}),?\\s+(\\d{1,2})(?:[:.h](\\d{2}))?\\s*(?:h|u|uhr|uur)(\\d{2})?(?![\\p{L}\\d])`), (m: string, d: string, a: string, b?: string, c?: string) => Number(a) <= 23 ? `${d} at ${Number(a)}:${b ?? c ?? '00'}` : m],
  ];
}

/** Abbreviated weekdays ("Gio 11", "Di 14 Uhr", "Mié 10h"): only right before a day number or a time. */
/** "qui msm horario", "jeu même heure", "gio stessa ora": the hour of the time said before, after a short weekday. */
const SAME_HOUR_AFTER = ',?\\s*(?:(?:no|à\\s+la|a\\s+la|à|alla|zur|om|op)\\s+)?(?:msm|mesmo|mesma|misma|mismo|même|stessa|stesso|gleichen|selben|zelfde|hetzelfde)\\s+(?:horário|horario|hora|heure|horaire|ora|orario|uhrzeit|zeit|tijd|tijdstip|uur)(?![\\p{L}])';

export function weekdayAbbreviations(abbrevs: string[][]): Rule[] {
  // Never right after a weekday: "Tue Mar 17", "mardi mar 17" is the month (English "Mar"), not a second weekday.
  const AFTER_WEEKDAY = `(?<!(?:${ENGLISH_WEEKDAYS.map((d) => d.slice(0, 3)).join('|')})[\\p{L}]*\\.?,?\\s+)`;
  // "Mar ore 12", "Gio alle 16", "Mié a las 10", "Do um 10", "ma rond 12 uur": the word for the hour may stand between them.
  // "ven a mezzogiorno", "mié a mediodía": noon in words after it.
  // "ma rond 12 uur", "lun verso le 10": a word for "around" too, but not after Saturday's and Sunday's ("zo rond 12 uur",
  // "so gegen 15 Uhr" are "about noon", "about three").
  return abbrevs.map((names, i): Rule => [w(`${AFTER_WEEKDAY}(?:${names.join('|')})\\.?(?=,?\\s*(?:(?:ore|alle|um|à|a\\s+las|às|om${i < 5 ? '|rond|omstreeks|vers|verso|hacia|vanaf' : ''})\\s+)?\\d|,?\\s*(?:a|al|alle|à|a\\s+las?|om|um|às|ao)\\s+(?:mezzogiorno|mezzod[iì]|mediod[ií]a|midi|mittag|middag|meio-dia)|${SAME_HOUR_AFTER})`), ENGLISH_WEEKDAYS[i] ?? '']);
}

/**
 * Early, late and "first/last hour of" a part of the day in the seven languages, read before each language's own rules
 * (Spanish "a primera hora" alone is first thing in the morning; "a primera hora de la tarde" is the afternoon):
 * the part of day as English names it, so the reader joins it to its day ("mañana a última hora de la tarde").
 */
export const PART_OF_DAY_RULES: Rule[] = [
  [w('a\\s+(?:primera|última|ultima)\\s+hora\\s+de\\s+la\\s+tarde|(?:no|ao)\\s+(?:início|inicio|começo|fim|final)\\s+da\\s+tarde|(?:am|im)\\s+(?:späten|frühen|spaeten|fruehen)\\s+nachmittag|(?:spät|früh)nachmittags?|(?:aan\\s+het\\s+)?(?:eind|begin)\\s+van\\s+de\\s+middag|(?:laat|vroeg)\\s+in\\s+de\\s+middag|(?:nel\\s+)?(?:tardo|primo)\\s+pomeriggio|(?:en\\s+)?(?:fin|début)\\s+d[\'’]après-midi'), 'in the afternoon'],
  [w('a\\s+(?:última|ultima)\\s+hora\\s+de\\s+la\\s+mañana|(?:no|ao)\\s+(?:início|inicio|começo|fim|final)\\s+da\\s+manhã|(?:am|im)\\s+(?:späten|frühen|spaeten|fruehen)\\s+vormittag|(?:aan\\s+het\\s+)?(?:eind|begin)\\s+van\\s+de\\s+ochtend|(?:laat|vroeg)\\s+in\\s+de\\s+ochtend|(?:in\\s+)?tarda\\s+mattinata|(?:di\\s+)?(?:prima\\s+mattina|primo\\s+mattino)|(?:in\\s+)?(?:prima|tarda)\\s+mattinata|(?:en\\s+)?(?:fin|début)\\s+de\\s+matinée'), 'in the morning'],
  // "toda la mañana", "toute la matinée", "de hele ochtend", "tutta la mattina", "a manhã toda": the whole part of day
  // ("mañana" alone would be read as tomorrow).
  [w('toda\\s+la\\s+mañana|la\\s+mañana\\s+entera|toute\\s+la\\s+(?:matinée|matinee)|toute\\s+la\\s+matin(?:ée)?|de\\s+hele\\s+(?:ochtend|voormiddag)|tutta\\s+la\\s+(?:mattina|mattinata)|(?:a\\s+)?manhã\\s+toda|toda\\s+a\\s+manhã|den\\s+ganzen\\s+vormittag'), 'in the morning'],
  [w('toda\\s+la\\s+tarde|la\\s+tarde\\s+entera|tout\\s+l[\'’]après-midi|toute\\s+l[\'’]après-midi|de\\s+hele\\s+(?:middag|namiddag)|tutto\\s+il\\s+pomeriggio|(?:a\\s+)?tarde\\s+toda|toda\\s+a\\s+tarde|den\\s+ganzen\\s+nachmittag'), 'in the afternoon'],
  // "une heure plus tard", "een uur later": an hour later, not one o'clock (the answer moves the offer).
  [w('(une|deux|1|2)\\s+heures?\\s+(plus\\s+tard|plus\\s+t[ôo]t)'), (_m: string, n: string, d: string) => `${/^(?:deux|2)$/i.test(n) ? 'two hours' : 'an hour'} ${/tard/i.test(d) ? 'later' : 'earlier'}`],
  [w('(een|twee|1|2)\\s+uur\\s+(later|eerder|vroeger)'), (_m: string, n: string, d: string) => `${/^(?:twee|2)$/i.test(n) ? 'two hours' : 'an hour'} ${/later/i.test(d) ? 'later' : 'earlier'}`],
  [w('gegen\\s+mittag|um\\s+die\\s+mittagszeit|rond\\s+het\\s+middaguur|verso\\s+mezzogiorno|vers\\s+midi|sobre\\s+el\\s+mediodía|por\\s+volta\\s+do\\s+meio-dia'), 'around noon'],
  // German "so 12 Uhr" (lower case: "about"), never Sunday ("So 12 Uhr" stays a weekday).
  [/(?<![\p{L}])so\s+(?=\d{1,2}(?:[:.]\d{2})?\s*(?:uhr|h)?(?![\p{L}\d]))/gu, 'gegen '],
];
