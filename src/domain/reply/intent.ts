import { DateTime } from 'luxon';
import { diwali } from './lunar.js';

/** Opt-out, decline, acceptance and vague-range cues in the prospect's own (visible) text. */

const OPTOUT: RegExp[] = [
  /\b(?:please\s+)?remove\s+(?:me|my\s+(?:e-?mail|address|name)|us)\b/i,
  /\bunsubscribe\b/i,
  /\bstop\s+(?:e-?mailing|emailing|contacting|sending|messaging|writing|calling|reaching out)\b/i,
  /\b(?:take|get)\s+me\s+off\b/i,
  /\b(?:do\s+not|don'?t|never)\s+(?:e-?mail|contact|message|write to)\s+(?:me|us)\b/i,
  /\bopt(?:\s|-)?(?:me\s+)?out\b/i,
  /\bno\s+(?:more|further)\s+(?:e-?mails|emails|messages|contact)\b/i,
  /\b(?:bitte\s+)?(?:keine\s+(?:weiteren\s+)?(?:e-?mails|nachrichten)|austragen|abmelden|aus\s+(?:ihrem|dem)\s+verteiler)\b/i,
  /\b(?:désabonn|desabonn|désinscri|ne\s+plus\s+(?:me\s+)?(?:contacter|écrire|envoyer)|retirez-moi|supprimez-moi)/i,
  /\b(?:dar(?:me)?\s+de\s+baja|no\s+me\s+(?:contacte|escriba|envíe)|elimin(?:e|en|ar)me|sáquenme|quítenme)/i,
];

const DECLINE: RegExp[] = [
  /\bnot\s+(?:really\s+|currently\s+|at\s+all\s+)?interested\b/i,
  /\bno\s+(?:thanks|thank\s+you)\b/i,
  /\b(?:we|i)(?:'ve|\s+have)?\s+(?:already\s+)?(?:went|gone|decided\s+to\s+go|chose|chosen|picked|signed|selected)\s+(?:with|on|for)?\s*(?:another|a\s+different|other|a\s+competitor|someone\s+else)/i,
  /\b(?:going|go)\s+(?:with|in)\s+(?:another|a\s+different)\s+(?:vendor|direction|provider|solution|tool)/i,
  /\bnot\s+(?:a\s+(?:good\s+)?fit|the\s+right\s+fit|a\s+priority|something\s+we\s+need|looking\s+(?:for|to))\b/i,
  /\b(?:we'?ll|we\s+will|i'?ll|i\s+will)\s+pass\b(?!\s+(?:it|this|that|these|those|your|the|them|him|her|along|over|through|by|word|a|an|my|our)\b|\s+on\s+(?:to|your|the|my|our|his|her)\b)/i,
  /\b(?:no|don'?t\s+have\s+(?:the|a|any))\s+budget\b/i,
  /\b(?:please\s+)?close\s+(?:this|the\s+file|my\s+file)\s*out\b|\bnot\s+moving\s+forward\b|\bwon'?t\s+be\s+moving\s+forward\b/i,
  /\b(?:kein|nicht)\s+interess|\bkein\s+bedarf\b/i,
  /\bpas\s+intéress|\bpas\s+interess|\bnon\s+merci\b/i,
  /\bno\s+(?:estamos|estoy)\s+interesad|\bno\s+nos\s+interesa|\bno,?\s+gracias\b/i,
];

/** "yes, that works", "sounds good", "the second one", "Thursday's works", and the same in the other six languages. */
const ACCEPT = new RegExp(`(?<![\\p{L}])(?:${[
  "yes|yep|yeah|sure|ok(?:ay)?|perfect|great(?!\\s+(?:\\p{L}+\\s+)?(?:meeting|seeing|talking|chatting|speaking|to\\s+(?:meet|see)))|sounds\\s+good|works\\s+(?:for\\s+me|great|fine|well)|that\\s+works|(?:that|this|it)(?:'s|\\s+is)\\s+(?:fine|good|great|perfect)|see\\s+you\\s+then|confirmed|let'?s\\s+do\\s+(?:it|that)|(?:either|any)\\s+(?:one\\s+)?(?:works|is\\s+fine|of\\s+(?:those|them|these))|book\\s+(?:it|me\\s+in)|'s\\s+works|would\\s+work|suits\\s+me",
  "sí|si,|perfecto|de\\s+acuerdo|vale|me\\s+va\\s+bien|me\\s+viene\\s+bien|me\\s+sirve|cualquiera",
  "sim|perfeito|combinado|pode\\s+ser|funciona|está\\s+ótimo|fechado|qualquer\\s+uma",
  "oui|parfait|ça\\s+me\\s+va|ça\\s+marche|d'accord|ça\\s+me\\s+convient|me\\s+convient|n'importe\\s+lequel",
  "ja|gerne|passt|einverstanden|geht\\s+klar|perfekt|beide",
  "prima|akkoord|is\\s+goed|komt\\s+goed\\s+uit|schikt|allebei",
  "perfetto|va\\s+bene|d'accordo|benissimo|ok\\s+per\\s+me|qualsiasi",
].join('|')})(?![\\p{L}])`, 'iu');

const ORD = (words: string) => new RegExp(`(?<![\\p{L}])(?:${words})(?![\\p{L}])`, 'iu');
const ORDINAL: { re: RegExp; pick: (n: number) => number }[] = [
  { re: ORD("(?:first|1st)(?=\\s+(?:works|would\\s+work|is\\s+(?:fine|good|best|perfect|great|better)|suits|please|pls|for\\s+me|sounds\\s+good|it\\s+is))|the\\s+(?:first|1st)(?:\\s+(?:one|option|slot|time|suggestion))?|(?:first|1st)\\s+(?:one|option|slot|time|suggestion)|option\\s*(?:#\\s*)?(?:1|one|a)|(?:opci[óo]n|opção|opcao|optie|opzione|variante)\\s*(?:n[º°o.]?\\s*|#\\s*)?1(?![\\d])|#1|the\\s+former|the\\s+earlier\\s+one|(?:la|el)\\s+primer[ao]?(?:\\s+opción)?|(?:a|o)\\s+primeir[ao](?:\\s+opção)?|(?:le|la)\\s+premi(?:er|ère)(?:\\s+(?:créneau|option|proposition))?|(?:die|den|der)\\s+erste(?:n)?(?:\\s+(?:option|termin|vorschlag))?|de\\s+eerste(?:\\s+(?:optie|tijd))?|(?:la|il)\\s+prim[ao](?:\\s+(?:opzione|proposta))?"), pick: () => 0 },
  { re: ORD("(?:second|2nd)(?=\\s+(?:works|would\\s+work|is\\s+(?:fine|good|best|perfect|great|better)|suits|please|pls|for\\s+me|sounds\\s+good|it\\s+is))|the\\s+(?:second|2nd)(?:\\s+(?:one|option|slot|time|suggestion))?|(?:second|2nd)\\s+(?:one|option|slot|time|suggestion)|option\\s*(?:#\\s*)?(?:2|two|b)|(?:opci[óo]n|opção|opcao|optie|opzione|variante)\\s*(?:n[º°o.]?\\s*|#\\s*)?2(?![\\d])|#2|(?:la|el)\\s+segund[ao](?:\\s+opción)?|(?:a|o)\\s+segund[ao](?:\\s+opção)?|(?:le|la)\\s+(?:deuxième|second(?:e)?)(?:\\s+(?:créneau|option|proposition))?|(?:die|den|der)\\s+zweite(?:n)?(?:\\s+(?:option|termin|vorschlag))?|de\\s+tweede(?:\\s+(?:optie|tijd))?|(?:la|il)\\s+second[ao](?:\\s+(?:opzione|proposta))?"), pick: () => 1 },
  { re: ORD("(?:third|3rd)(?=\\s+(?:works|would\\s+work|is\\s+(?:fine|good|best|perfect|great|better)|suits|please|pls|for\\s+me|sounds\\s+good|it\\s+is))|(?:the\\s+)?(?:third|3rd)\\s+(?:one|option|slot|time|suggestion)|option\\s*(?:#\\s*)?(?:3|three|c)|(?:opci[óo]n|opção|opcao|optie|opzione|variante)\\s*(?:n[º°o.]?\\s*|#\\s*)?3(?![\\d])|#3|(?:la|el)\\s+tercer[ao]?(?:\\s+opción)?|(?:a|o)\\s+terceir[ao](?:\\s+opção)?|(?:le|la)\\s+troisième(?:\\s+(?:créneau|option|proposition))?|(?:die|den|der)\\s+dritte(?:n)?(?:\\s+(?:option|termin|vorschlag))?|de\\s+derde(?:\\s+(?:optie|tijd))?|(?:la|il)\\s+terz[ao](?:\\s+(?:opzione|proposta))?"), pick: () => 2 },
  { re: ORD("the\\s+(?:last|latter|later)(?:\\s+(?:one|option|slot))?|the\\s+latter|(?:la|el)\\s+últim[ao]|(?:a|o)\\s+últim[ao]|(?:le|la)\\s+derni(?:er|ère)|(?:die|den|der)\\s+letzte(?:n)?|de\\s+laatste|(?:la|il|l')\\s*ultim[ao]"), pick: (n) => n - 1 },
];

export function matchOptOut(text: string): string | null {
  return firstMatch(OPTOUT, text);
}

export function matchDecline(text: string): string | null {
  return firstMatch(DECLINE, text);
}

export function matchAcceptance(text: string): string | null {
  return ACCEPT.exec(text)?.[0] ?? null;
}

export function pickOrdinal(text: string, count: number): number | null {
  for (const o of ORDINAL) {
    if (o.re.test(text)) {
      const i = o.pick(count);
      return i >= 0 && i < count ? i : null;
    }
  }
  return null;
}

function firstMatch(list: RegExp[], text: string): string | null {
  for (const re of list) {
    const m = re.exec(text);
    if (m) return m[0];
  }
  return null;
}

/** "the week of the 14th" and its six translations, with the day number (and a month, when named after it). */
/** "sometime after the 15th", "any time after June 3", "whenever after the 20th": a range that opens after that day. */
export const SOMETIME_AFTER = /(?<![\p{L}])(?:some\s*time|any\s*time|any\s+day|whenever|at\s+some\s+point)\s+(?:after|from)\s+(?:the\s+)?(?:(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\p{L}*\.?\s+)?(\d{1,2})(?:st|nd|rd|th)?(?!\s*(?:[:.h]\d|am\b|pm\b|o['’]?clock))(?:\s+(?:of\s+)?(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\p{L}*)?(?![\p{L}\d])/iu;
// "w/c 12th April", "week commencing the 3rd", "w/b 6 May" (British): the week that starts that day.
export const WEEK_OF = /(?<![\p{L}])(?:week\s+of|w\/[cb]|week\s+(?:commencing|beginning|starting)(?:\s+on)?|semana\s+del?|semana\s+do(?:\s+dia)?|semaine\s+du|woche\s+vom|week\s+van|settimana\s+del)\s+(?:the\s+)?(?:(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\p{L}*\.?\s+)?(\d{1,2})(?:st|nd|rd|th|\.)?(?:\s+(?:of\s+)?(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\p{L}*)?(?![\p{L}\d])/iu;

const MONTH_NAMES = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** Month abbreviations of the seven languages ("dez", "déc", "okt", "out", "mrt", "giu"…), by month number. */
const SHORT_MONTHS: Record<string, number> = {
  jan: 1, janv: 1, ene: 1, gen: 1, feb: 2, févr: 2, fevr: 2, fév: 2, fev: 2, mär: 3, mrz: 3, mar: 3, mars: 3, mrt: 3,
  apr: 4, avr: 4, abr: 4, mai: 5, may: 5, mei: 5, mag: 5, jun: 6, juin: 6, giu: 6, jul: 7, juil: 7, lug: 7, aug: 8,
  août: 8, aout: 8, ago: 8, sep: 9, sept: 9, set: 9, okt: 10, oct: 10, out: 10, ott: 10, nov: 11, dez: 12, déc: 12,
  dec: 12, dic: 12,
};

export interface VagueRange { start: Date; end: Date; text: string }

/** "sometime next week", "in January", "later this month", "next quarter": a range to offer slots in. */
export function matchVagueRange(text: string, ref: Date, zone: string, accept: (start: number, end: number) => boolean = () => true): VagueRange | null {
  const now = DateTime.fromJSDate(ref, { zone });
  const day = now.startOf('day');
  const rules: { re: RegExp; range: (m: RegExpExecArray) => [DateTime, DateTime] | null }[] = [
    { re: /\bearly\s+next\s+week\b/i, range: () => { const s = day.startOf('week').plus({ weeks: 1 }); return [s, s.plus({ days: 3 })]; } },
    { re: /\b(?:late(?:r)?\s+next\s+week|end\s+of\s+next\s+week)\b/i, range: () => { const s = day.startOf('week').plus({ weeks: 1, days: 2 }); return [s, s.plus({ days: 3 })]; } },
    { re: /\b(?:next|the\s+following|the\s+coming)\s+week\b|\bweek\s+after\s+next\b|\bthe\s+week\s+after\b(?!\s+(?:next|that|the))/i, range: (m) => { const w = /after next/i.test(m[0]) ? 2 : 1; const s = day.startOf('week').plus({ weeks: w }); return [s, s.plus({ days: 5 })]; } },
    { re: /\b(?:later\s+(?:this|in\s+the)\s+week|this\s+week|end\s+of\s+(?:the|this)\s+week)\b/i, range: () => [now, day.startOf('week').plus({ days: 5 })] },
    // "in two or three weeks" and its translations: "dans deux ou trois semaines", "en un par de semanas", "em duas
    // semanas", "in zwei Wochen", "over een paar weken", "tra due settimane".
    { re: /(?<![\p{L}])(?:in\s+(?:a\s+couple\s+(?:of\s+)?|two\s+|2\s+|a\s+few\s+|few\s+)(?:or\s+(?:three|3)\s+)?weeks|in\s+a\s+week\s+or\s+(?:two|three)|(?:dans|d['’]ici)\s+(?:deux|2|quelques|une?\s+couple\s+de)\s+(?:ou\s+(?:trois|3)\s+)?semaines|(?:dans|d['’]ici)\s+une\s+semaine\s+ou\s+deux|(?:en|dentro\s+de)\s+(?:dos|2|unas|un\s+par\s+de|una\s+o)\s+(?:o\s+(?:tres|3)\s+)?(?:dos\s+)?semanas|(?:em|daqui\s+a)\s+(?:duas|2|algumas|umas|uma\s+ou|umas\s+duas)\s+(?:ou\s+(?:três|3)\s+)?(?:duas\s+)?semanas|in\s+(?:zwei|2|ein\s+paar|einigen|ein(?:\s+bis|,)\s+zwei)\s+(?:(?:bis|until|oder)\s+(?:drei|3)\s+)?wochen|over\s+(?:twee|2|een\s+paar|enkele)\s+(?:(?:à|a|of)\s+(?:drie|3)\s+)?weken|over\s+een\s+week\s+of\s+(?:twee|drie|2|3)|(?:tra|fra)\s+(?:due|2|qualche|un\s+paio\s+di)\s+(?:o\s+(?:tre|3)\s+)?settiman[ae])(?![\p{L}])/iu, range: () => { const s = day.startOf('week').plus({ weeks: 2 }); return [s, s.plus({ days: 5 })]; } },
    // "in the coming weeks", "dans les prochaines semaines", "en las próximas semanas", "nas próximas semanas", "in den
    // nächsten Wochen", "in de komende weken", "nelle prossime settimane": the three weeks from next Monday.
    { re: /(?<![\p{L}])(?:(?:in|over|during)\s+the\s+(?:coming|next\s+(?:few|couple(?:\s+of)?)|following)\s+weeks|(?:(?:in|over|during|within)\s+)?(?:the\s+)?next\s+(?:few|couple(?:\s+of)?|two|2|two\s+or\s+three)\s+weeks|in\s+the\s+weeks\s+ahead|(?:(?:in|over|during|within)\s+the\s+)?next\s+weeks|(?:dans|au\s+cours)\s+(?:les|des)\s+(?:prochaines\s+semaines|semaines\s+(?:à\s+venir|qui\s+viennent))|(?:dans\s+les|au\s+cours\s+des)\s+(?:deux|2)\s+prochaines\s+semaines|(?:en|durante)\s+las\s+(?:próximas|proximas|siguientes)\s+(?:dos\s+|2\s+)?semanas|(?:nas|durante\s+as)\s+(?:próximas|proximas)\s+(?:duas\s+|2\s+)?semanas|in\s+den\s+(?:nächsten|kommenden|folgenden)\s+(?:zwei\s+|2\s+)?wochen|(?:in|over)\s+de\s+(?:komende|volgende)\s+(?:twee\s+|2\s+)?weken|nelle\s+(?:prossime|successive)\s+(?:due\s+|2\s+)?settimane)(?![\p{L}])/iu, range: () => { const s = day.startOf('week').plus({ weeks: 1 }); return [s, s.plus({ weeks: 3 })]; } },
    // "binnenkort eens bellen", "demnächst mal telefonieren", "sometime soon", "prossimamente ci sentiamo": soon, with a
    // call named, is the two weeks from next Monday ("Talk soon" as a sign-off is not: it names no call to come).
    { re: /(?<![\p{L}])(?:some\s*time\s+soon(?:ish)?|soon(?:ish)?\s+(?:for\s+)?(?:a\s+)?(?:call|chat)|binnenkort\s+(?:eens\s+|een\s+keer\s+|even\s+)?(?:bellen|spreken|afspreken|bijpraten)|(?:demnächst|bald)\s+(?:mal\s+|einmal\s+)?(?:telefonieren|sprechen|zusammensetzen|austauschen)|prochainement|próximamente|proximamente|prossimamente)(?![\p{L}])/iu, range: () => { const s = day.startOf('week').plus({ weeks: 1 }); return [s, s.plus({ weeks: 2 })]; } },
    { re: /\b(?:later\s+(?:this|in\s+the)\s+month|end\s+of\s+(?:the\s+|this\s+)?month|this\s+month)\b/i, range: () => [now, day.startOf('month').plus({ months: 1 })] },
    // "Hablamos más adelante en el mes", "mais para a frente no mês", "plus tard dans le mois", "später im Monat", "later
    // deze maand", "più avanti nel mese": the rest of this month.
    { re: /(?<![\p{L}])(?:más\s+adelante\s+(?:en\s+el|este|en\s+este)\s+mes|mais\s+(?:para|pra)\s+(?:a\s+)?frente\s+(?:no|neste)\s+mês|plus\s+tard\s+(?:dans\s+le|ce)\s+mois|später\s+(?:im|in\s+diesem)\s+monat|later\s+(?:deze|in\s+de|van\s+de)\s+maand|più\s+avanti\s+(?:nel|questo|in\s+questo)\s+mese)(?![\p{L}])/iu, range: () => [now, day.startOf('month').plus({ months: 1 })] },
    // "the second half of the month", "la segunda quincena de enero", "la deuxième quinzaine", "zweite Monatshälfte",
    // "tweede helft van de maand", "seconda metà del mese", "primeira quinzena de março": half a month, this one or named.
    { re: /(?<![\p{L}])(?:(?:the\s+)?(first|second|latter|1st|2nd)\s+half\s+of\s+(?:the\s+|this\s+|next\s+)?(?:month\s+(?:of\s+)?)?|(?:la\s+|a\s+)?(primera|segunda|primeira|première|premiere|deuxième|deuxieme|seconde)\s+(?:quincena|quinzena|quinzaine)(?:\s+(?:del?|do|da)(?:\s+(?:mes|mês|mois)(?:\s+(?:del?|d['’]))?)?)?\s*|(?:in\s+der\s+|die\s+)?(erste|ersten|zweite|zweiten)\s+(?:monatshälfte|hälfte\s+(?:des|vom)\s+(?:monats|\p{L}+))\s*|(?:in\s+)?(?:de\s+)?(eerste|tweede)\s+helft\s+van\s+(?:de\s+maand\s*)?|(?:nella\s+|la\s+)?(prima|seconda)\s+(?:metà|meta|quindicina)\s+(?:del\s+mese\s*|di\s*)?)(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)?\p{L}*(?![\p{L}])(?!\s*(?:\d|(?:the\s+|this\s+|next\s+|fiscal\s+)?(?:year|fy|fiscal)(?![\p{L}])))/iu, range: (m) => {
      // "the second half of the year": a half-year, not half a month.
      if (/(?:year|fiscal|fy)$/i.test(m[0])) return null;
      const first = /^(?:first|1st|primera|primeira|première|premiere|erste|ersten|eerste|prima)$/i.test(m[1] ?? m[2] ?? m[3] ?? m[4] ?? m[5] ?? '');
      const month = m[6] ? MONTH_NAMES.indexOf(m[6].toLowerCase().slice(0, 3)) + 1 : 0;
      let s = month ? DateTime.fromObject({ year: now.year, month, day: 1 }, { zone }) : day.startOf('month');
      if (month && s.plus({ months: 1 }) <= now) s = s.plus({ years: 1 });
      let [a, b] = first ? [s, s.set({ day: 16 })] : [s.set({ day: 16 }), s.plus({ months: 1 })];
      if (!month && b <= now) { const n = s.plus({ months: 1 }); [a, b] = first ? [n, n.set({ day: 16 })] : [n.set({ day: 16 }), n.plus({ months: 1 })]; }
      return [a < now ? now : a, b];
    } },
    { re: /\b(?:next|the\s+following)\s+month\b|\bin\s+a\s+(?:month|few\s+weeks)\b/i, range: () => { const s = day.startOf('month').plus({ months: 1 }); return [s, s.plus({ months: 1 })]; } },
    // "check back after Q3 closes", "después del cierre del trimestre", "depois do fecho do trimestre", "après la clôture
    // du trimestre", "nach dem Quartalsabschluss", "na de kwartaalafsluiting", "dopo la chiusura del trimestre": the
    // first three weeks of the quarter after the one closing (the current one when none is named).
    { re: /(?<![\p{L}])(?:(?:after|once|when)\s+(?:the\s+)?(?:(?:end|close)\s+of\s+(?:the\s+)?)?(?:q([1-4])|quarter)(?:[\s-]+(?:end|close))?(?:\s+(?:closes|is\s+closed|ends|is\s+over|wraps(?:\s+up)?|is\s+done))?|(?:después\s+del|tras\s+el|pasado\s+el)\s+cierre\s+del\s+(?:trimestre|q([1-4]))|(?:depois\s+do|após\s+o)\s+(?:fecho|fechamento|encerramento)\s+do\s+(?:trimestre|q([1-4]))|après\s+la\s+(?:clôture|fin)\s+du\s+(?:trimestre|q([1-4]))|nach\s+(?:dem\s+)?(?:quartalsabschluss|quartalsende|(?:abschluss|ende)\s+(?:des\s+)?(?:quartals|q([1-4])))|na\s+(?:de\s+)?(?:kwartaalafsluiting|(?:afsluiting|het\s+einde)\s+van\s+(?:het\s+kwartaal|q([1-4])))|dopo\s+(?:la\s+)?(?:chiusura|fine)\s+del\s+(?:trimestre|q([1-4])))(?![\p{L}])/iu, range: (m) => {
      const named = m.slice(1).find(Boolean);
      const q = named ? Number(named) : Math.floor((now.month - 1) / 3) + 1;
      let s = DateTime.fromObject({ year: now.year, month: (q % 4) * 3 + 1, day: 1 }, { zone });
      if (q === 4) s = s.plus({ years: 1 });
      // "after Q3 closes" written in November: the quarter just gone is still closing (its books, its numbers), so the
      // near future, not next year's Q3; an older quarter ("after Q1 closes" in November) is next year's.
      if (s <= now.minus({ weeks: 3 }) && s.plus({ months: 3 }) > now) return [now, now.plus({ weeks: 3 })];
      while (s <= now.minus({ weeks: 3 })) s = s.plus({ years: 1 });
      return [s < now ? now : s, s.plus({ weeks: 3 })];
    } },
    { re: /\b(?:next|the\s+following)\s+quarter\b|\bq([1-4])\b/i, range: (m) => {
      const q = m[1] ? Number(m[1]) : Math.floor((now.month - 1) / 3) + 2;
      let s = DateTime.fromObject({ year: now.year, month: ((q - 1) % 4) * 3 + 1, day: 1 }, { zone });
      if (q > 4) s = s.plus({ years: 1 });
      if (s.plus({ months: 3 }) <= now) s = s.plus({ years: 1 });
      return [s, s.plus({ months: 3 })];
    } },
    { re: /\b(?:after\s+the\s+holidays|after\s+(?:the\s+)?new\s+year(?:['’]s(?:\s+day)?)?|in\s+the\s+new\s+y(?:ea)?r|early\s+next\s+y(?:ea)?r|beginning\s+of\s+next\s+year)\b/i, range: () => { const s = DateTime.fromObject({ year: now.year + 1, month: 1, day: 1 }, { zone }).plus({ days: 1 }); return [s, s.plus({ months: 1 })]; } },
    { re: /\b(?:(?:in|during|early|late|mid|end\s+of|beginning\s+of|sometime\s+in)\s+|mid-)(?:early\s+|late\s+|mid-?)?(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b/i, range: (m) => {
      const month = MONTH_NAMES.indexOf((m[1] ?? '').toLowerCase().slice(0, 3)) + 1;
      if (month < 1) return null;
      let s = DateTime.fromObject({ year: now.year, month, day: 1 }, { zone });
      if (s.plus({ months: 1 }) <= now) s = s.plus({ years: 1 });
      return [s < now ? now : s, s.plus({ months: 1 })];
    } },
    // "September sometime?", "October at some point", "maybe March then": a month named with "sometime" after it.
    { re: /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\s+(?:sometime|some\s+time|at\s+some\s+point|perhaps|maybe|then\s+perhaps|then\s+maybe)\b/i, range: (m) => {
      const month = MONTH_NAMES.indexOf((m[1] ?? '').toLowerCase().slice(0, 3)) + 1;
      if (month < 1) return null;
      let s = DateTime.fromObject({ year: now.year, month, day: 1 }, { zone });
      if (s.plus({ months: 1 }) <= now) s = s.plus({ years: 1 });
      return [s < now ? now : s, s.plus({ months: 1 })];
    } },
  ];
  // "Sometime after the 15th, send me a few options": the two weeks after that day, not the day itself.
  rules.unshift({ re: SOMETIME_AFTER, range: (m) => {
    const d = Number(m[2]);
    const name = m[1] ?? m[3];
    const month = name ? MONTH_NAMES.indexOf(name.toLowerCase().slice(0, 3)) + 1 : 0;
    let date = DateTime.fromObject({ year: now.year, month: month || now.month, day: d }, { zone });
    if (!date.isValid) return null;
    if (date < day) date = month ? date.plus({ years: 1 }) : date.plus({ months: 1 });
    if (!date.isValid || date.day !== d) return null;
    const s = date.plus({ days: 1 });
    return [s, s.plus({ days: 14 })];
  } });
  // "the week of the 14th", "la semana del 14", "semaine du 14", "Woche vom 14.", "week van 14 november": that week.
  rules.unshift({ re: WEEK_OF, range: (m) => {
    const d = Number(m[2]);
    const name = m[1] ?? m[3];
    const month = name ? MONTH_NAMES.indexOf(name.toLowerCase().slice(0, 3)) + 1 : 0;
    let date = DateTime.fromObject({ year: now.year, month: month || now.month, day: d }, { zone });
    if (!date.isValid) return null;
    if (date.endOf('week') < day) date = month ? date.plus({ years: 1 }) : date.plus({ months: 1 });
    if (!date.isValid || date.day !== d) return null;
    const s = date.startOf('week');
    return [s < now ? now : s, s.plus({ days: 5 })];
  } });
  // "after Easter", "nach Ostern", "après Pâques": the three weeks after Easter Monday.
  rules.push({ re: /\bafter\s+easter\b/i, range: () => {
    let e = easterSunday(now.year, zone);
    if (e.plus({ days: 1 }) < now) e = easterSunday(now.year + 1, zone);
    const s = e.plus({ days: 2 });
    return [s, s.plus({ weeks: 3 })];
  } });
  // "after thanksgiving pls", "connect after Diwali week", "depois do Carnaval", "pas avant la rentrée": a holiday's end
  // opens a range to talk in (the two or three weeks after it).
  const after = (start: (y: number) => DateTime | null, weeks: number) => () => {
    let s = start(now.year);
    if (!s || s < now) s = start(now.year + 1);
    return s ? [s < now ? now : s, s.plus({ weeks })] as [DateTime, DateTime] : null;
  };
  // "a principios de mes te escribo", "early next month", "no início do mês", "début du mois prochain", "Anfang nächsten
  // Monats", "begin volgende maand", "all'inizio del mese": the first ten days of the month to come (of this one, said
  // in its first days without "next").
  rules.push({ re: /(?<![\p{L}])(?:(?:at\s+the\s+)?(?:start|beginning)\s+of\s+(?:the\s+|next\s+)?month|early\s+next\s+month|a\s+(?:principios|comienzos|inicios)\s+de(?:l)?\s+(?:(?:próximo|proximo|siguiente)\s+)?(?:mes|next\s+month)|(?:no|ao)\s+(?:início|inicio|começo|comeco)\s+do\s+(?:(?:próximo|proximo)\s+)?(?:mês|mes|next\s+month)|(?:en\s+|au\s+)?début\s+(?:de\s+|du\s+)?(?:mois(?:\s+prochain)?|prochain\s+mois|next\s+month)|anfang\s+(?:des\s+)?(?:(?:nächsten|kommenden)\s+)?(?:monats|next\s+month)|monatsanfang|(?:aan\s+het\s+)?begin\s+(?:van\s+de\s+)?(?:volgende\s+)?(?:maand|next\s+month)|(?:all['’]|a\s+)?inizio\s+(?:del\s+)?(?:prossimo\s+)?(?:mese|next\s+month)|ai\s+primi\s+del\s+(?:prossimo\s+)?mese)(?![\p{L}])/iu, range: (m) => {
    const next = /next|próximo|proximo|siguiente|prochain|nächsten|kommenden|volgende|prossimo/i.test(m[0]) || now.day > 5;
    const s = day.startOf('month').plus({ months: next ? 1 : 0 });
    return [s < now ? now : s, s.plus({ days: 10 })];
  } });
  // "next wk sometime?", "nxt wk", "la otra semana vemos" (Mexico): next week.
  rules.push({ re: /(?<![\p{L}])(?:ne?xt\s+(?:wk|week)|la\s+otra\s+semana(?!\s+(?:pasada|que\s+pas\p{L}*)))(?![\p{L}])/iu, range: () => { const s = day.startOf('week').plus({ weeks: 1 }); return [s, s.plus({ days: 5 })]; } });
  // "melde mich anfang nov", "début déc", "begin dec", "a mediados de oct", "no início de out": a month abbreviated in
  // the prospect's language after its own early / mid / late (the lexicon writes only full month names in English).
  rules.push({ re: /(?<![\p{L}])(?:(?:anfang|mitte|ende|début|debut|fin|begin|half|eind|inizio|metà|(?:a\s+)?(?:principios|mediados|finales)\s+de|(?:no\s+|em\s+)?(?:início|inicio|começo|comeco|meados|final|fim)\s+de)\s+|mi-)(\p{L}{3,4})\.?(?![\p{L}])/iu, range: (m) => {
    const month = SHORT_MONTHS[(m[1] ?? '').toLowerCase()];
    if (!month) return null;
    let s = DateTime.fromObject({ year: now.year, month, day: 1 }, { zone });
    if (s.plus({ months: 1 }) <= now) s = s.plus({ years: 1 });
    return [s < now ? now : s, s.plus({ months: 1 })];
  } });
  // "October would be better", "Oktober wäre besser", "octobre serait mieux", "octubre me vendría mejor", "outubro seria
  // melhor", "oktober komt beter uit", "ottobre sarebbe meglio": a month alone, preferred, is a range to offer slots in.
  rules.push({ re: /(?<![\p{L}])(january|february|march|april|may|june|july|august|september|october|november|december)\s+(?:would|could|might|will|is|['’]s|sounds|looks|wäre|ist|serait|sera|me\s+(?:va|iría|iria|vendría|vendria|viene)|sería|seria|fica|fosse|komt|sarebbe|andrebbe)\s+(?:be\s+|really\s+|much\s+|way\s+|viel\s+|eher\s+|bien\s+|mucho\s+|muito\s+|veel\s+|molto\s+)?(?:better|best|easier|ideal|besser|günstiger|mieux|idéal|mejor|melhor|beter\s+uit|meglio)(?![\p{L}])/iu, range: (m) => {
    const month = MONTH_NAMES.indexOf((m[1] ?? '').toLowerCase().slice(0, 3)) + 1;
    if (month < 1) return null;
    let s = DateTime.fromObject({ year: now.year, month, day: 1 }, { zone });
    if (s.plus({ months: 1 }) <= now) s = s.plus({ years: 1 });
    return [s < now ? now : s, s.plus({ months: 1 })];
  } });
  // "talvez no proximo mes", "el mes que viene", "le mois prochain", "nächsten Monat", "volgende maand", "il prossimo
  // mese", typed with or without accents: next month (the lexicon writes only the accented forms in English).
  rules.push({ re: /(?<![\p{L}])(?:(?:no|el|le|il|im|en|para\s+o|para\s+el|o|al)\s+pr[oó]xim[oa]\s+m[eê]s|m[eê]s\s+que\s+(?:vem|viene)|(?:le\s+)?mois\s+prochain|n[aä]chsten\s+monat|volgende\s+maand|(?:il\s+)?prossimo\s+mese)(?![\p{L}])/iu, range: () => { const s = day.startOf('month').plus({ months: 1 }); return [s, s.plus({ months: 1 })]; } });
  // "begin volgend jaar", "a principios del año que viene", "no início do próximo ano", "début de l'année prochaine",
  // "Anfang nächsten Jahres", "all'inizio del prossimo anno": the new year's first month, as "early next year".
  rules.push({ re: /(?<![\p{L}])(?:begin\s+(?:van\s+)?(?:het\s+)?volgend(?:e)?\s+jaar|(?:a\s+)?(?:principios|comienzos|inicios)\s+del\s+(?:año\s+que\s+viene|(?:próximo|proximo|siguiente)\s+año)|(?:no\s+)?(?:início|inicio|começo|comeco)\s+do\s+(?:(?:próximo|proximo)\s+ano|ano\s+que\s+vem)|(?:au\s+)?d[ée]but\s+(?:de\s+)?l['’]ann[ée]e\s+prochaine|anfang\s+(?:des\s+)?(?:nächsten|kommenden)\s+jahres|(?:all['’])?inizio\s+(?:del\s+)?(?:prossimo\s+anno|anno\s+prossimo))(?![\p{L}])/iu, range: () => { const s = DateTime.fromObject({ year: now.year + 1, month: 1, day: 1 }, { zone }).plus({ days: 1 }); return [s, s.plus({ months: 1 })]; } });
  // "towards the end of the year", "a finales de año", "no final do ano", "en fin d'année", "Ende des Jahres", "eind van
  // het jaar", "verso fine anno": the year's last weeks before the holidays (next year's, once they have begun).
  rules.push({ re: /(?<![\p{L}])(?:(?:the\s+)?end\s+of\s+(?:the|this)\s+year|year[-\s]end|later\s+this\s+year|(?:a\s+)?finales\s+de(?:l)?\s+año|(?:no\s+)?(?:final|fim)\s+do\s+ano|(?:en\s+|à\s+la\s+)?fin\s+(?:d['’]|de\s+l['’])ann[ée]e|ende\s+(?:des|dieses)\s+jahres|jahresende|(?:eind|einde)\s+(?:van\s+)?(?:het|dit)\s+jaar|(?:verso\s+)?(?:la\s+)?fine\s+(?:dell['’]\s*)?anno)(?![\p{L}])/iu, range: () => {
    let s = DateTime.fromObject({ year: now.year, month: 11, day: 1 }, { zone });
    let e = DateTime.fromObject({ year: now.year, month: 12, day: 20 }, { zone });
    if (e <= now) { s = s.plus({ years: 1 }); e = e.plus({ years: 1 }); }
    return [s < now ? now : s, e];
  } });
  // "Anfang des nächsten Quartals", "early next quarter", "début du prochain trimestre", "a principios del próximo
  // trimestre", "no início do próximo trimestre", "begin volgend kwartaal", "all'inizio del prossimo trimestre": the first
  // three weeks of the quarter to come.
  rules.push({ re: /(?<![\p{L}])(?:(?:early|(?:the\s+)?(?:start|beginning)\s+of)\s+(?:the\s+)?next\s+quarter|anfang\s+(?:des\s+)?(?:nächsten|kommenden)\s+quartals|d[ée]but\s+du\s+(?:prochain\s+trimestre|trimestre\s+prochain)|(?:a\s+)?(?:principios|comienzos|inicios)\s+del\s+(?:próximo|proximo|siguiente)\s+trimestre|(?:no\s+)?(?:início|inicio|começo|comeco)\s+do\s+(?:próximo|proximo)\s+trimestre|begin\s+(?:van\s+)?(?:het\s+)?volgend(?:e)?\s+kwartaal|(?:all['’])?inizio\s+del\s+prossimo\s+trimestre)(?![\p{L}])/iu, range: () => {
    const s = DateTime.fromObject({ year: now.year, month: (Math.floor((now.month - 1) / 3) * 3) + 1, day: 1 }, { zone }).plus({ months: 3 });
    return [s, s.plus({ weeks: 3 })];
  } });
  // "After the trade fair I'll have more time", "Nach der Messe gern", "reprendre contact après le salon", "Risentiamoci
  // dopo la fiera", "después de la feria", "depois da feira", "na de beurs": after an event named without its date. Its
  // date is unknown; fairs and conferences are named in the weeks before them, so the range is the month that starts two
  // weeks from next Monday (the worker offers slots in it, and the rep can move them).
  rules.push({ re: /(?<![\p{L}])(?:(?:after|post|once)\s+(?:the|this|our|that)\s+(?:[\p{L}-]+\s+){0,2}(?:trade\s+(?:show|fair)|fair|conference|expo|exhibition|summit|congress|convention|show)|nach\s+(?:der|dem)\s+(?:[\p{L}-]+\s+){0,2}(?:messe|konferenz|kongress|tagung|ausstellung)|après\s+(?:le|la|l['’])\s*(?:[\p{L}-]+\s+){0,2}(?:salon|conférence|congrès|foire|exposition)|(?:después|despues)\s+de\s+(?:la|el)\s+(?:[\p{L}-]+\s+){0,2}(?:feria|conferencia|congreso|exposición)|(?:depois|após)\s+d[ao]\s+(?:[\p{L}-]+\s+){0,2}(?:feira|conferência|congresso|exposição)|na\s+(?:de|het)\s+(?:[\p{L}-]+\s+){0,2}(?:beurs|congres|conferentie|vakbeurs)|dopo\s+(?:la|il|l['’])\s*(?:[\p{L}-]+\s+){0,2}(?:fiera|salone|conferenza|congresso|esposizione))(?![\p{L}])/iu, range: () => { const s = day.startOf('week').plus({ weeks: 3 }); return [s, s.plus({ weeks: 4 })]; } });
  // "para a semana falamos" (Portugal): next week.
  rules.push({ re: /(?<![\p{L}])para\s+a\s+semana(?!\s+(?:passada|toda|inteira|que\s+passou))(?![\p{L}])/iu, range: () => { const s = day.startOf('week').plus({ weeks: 1 }); return [s, s.plus({ days: 5 })]; } });
  // "Ne riparliamo dopo Ferragosto", "after the summer holidays", "après les vacances d'été", "nach den Sommerferien", "na
  // de zomervakantie", "después de las vacaciones de verano": the weeks after the summer break (16 August after
  // Ferragosto, 1 September after the holidays; 1 February south of the equator).
  rules.push({ re: /(?<![\p{L}])(?:dopo|passato)\s+(?:il\s+)?ferragosto(?![\p{L}])/iu, range: after((y) => DateTime.fromObject({ year: y, month: 8, day: 16 }, { zone }), 3) });
  rules.push({ re: /(?<![\p{L}])(?:after\s+the\s+summer\s+(?:holidays?|break|vacations?)|(?:après|después\s+de(?:l)?|depois\s+d[ao]s?|nach|dopo|na)\s+(?:(?:les|las|los|as|os|den|der|dem|le|la|il|el|de|het)\s+)?summer|después\s+de\s+(?:las\s+)?vacaciones\s+de\s+verano|depois\s+das\s+férias\s+de\s+verão|après\s+les\s+(?:grandes\s+vacances|vacances\s+d['’]été)|nach\s+den\s+(?:sommerferien|betriebsferien)|nach\s+dem\s+sommerurlaub|na\s+(?:de\s+)?(?:zomervakantie|bouwvak(?:antie)?|het\s+bouwverlof)|dopo\s+le\s+(?:ferie\s+(?:estive|d['’]agosto)|vacanze\s+estive))(?![\p{L}])/iu, range: after((y) => (SOUTHERN.test(zone) ? DateTime.fromObject({ year: y, month: 2, day: 1 }, { zone }) : DateTime.fromObject({ year: y, month: 9, day: 1 }, { zone })), 3) });
  // "Melden Sie sich im neuen Jahr nochmal", "hablamos en el año nuevo", "sentiamoci nel nuovo anno": the new year as
  // the English "in the new year" reads it (January, from the 2nd).
  rules.push({ re: /(?<![\p{L}])(?:im\s+neuen\s+jahr|(?:en|para)\s+el\s+(?:año\s+nuevo|nuevo\s+año)|(?:no|em|para\s+o)\s+ano\s+novo|(?:au|après\s+le)\s+nouvel\s+an|(?:dans\s+la|en)\s+nouvelle\s+année|in\s+het\s+nieuwe\s+jaar|(?:nel|con\s+il)\s+nuovo\s+anno|(?:nel|con\s+l['’])\s*anno\s+nuovo)(?![\p{L}])/iu, range: after((y) => DateTime.fromObject({ year: y, month: 1, day: 2 }, { zone }), 4) });
  // "Retomemos después de Reyes", "dopo la Befana", "après l'Épiphanie", "nach Dreikönig", "na Driekoningen": the three
  // weeks after Epiphany (6 January).
  rules.push({ re: /(?<![\p{L}])(?:(?:después\s+de|pasad[oa]s?|tras)\s+(?:los\s+)?reyes|(?:depois|após)\s+(?:d[oe]s?\s+)?(?:reis|epifania)|après\s+(?:l['’]\s*épiphanie|les\s+rois)|nach\s+(?:dem\s+)?dreikönig(?:stag)?|nach\s+den\s+heiligen\s+drei\s+königen|na\s+driekoningen|dopo\s+(?:la\s+)?(?:befana|epifania)|dopo\s+l['’]\s*epifania|after\s+(?:the\s+)?epiphany)(?![\p{L}])/iu, range: after((y) => DateTime.fromObject({ year: y, month: 1, day: 7 }, { zone }), 3) });
  rules.push({ re: /(?<![\p{L}])(?:after|post)\s+(?:the\s+)?thanksgiving(?![\p{L}])/iu, range: after((y) => {
    const nov1 = DateTime.fromObject({ year: y, month: 11, day: 1 }, { zone });
    return nov1.plus({ days: ((4 - nov1.weekday + 7) % 7) + 21 + 4 });
  }, 2) });
  rules.push({ re: /(?<![\p{L}])(?:after|post)\s+(?:the\s+)?(?:diwali|deepavali)(?![\p{L}])/iu, range: after((y) => {
    const d = diwali(y);
    return DateTime.fromObject({ year: y, month: d[0], day: d[1] }, { zone }).plus({ days: 7 }).startOf('week');
  }, 2) });
  rules.push({ re: /(?<![\p{L}])(?:after|depois\s+d[oa]|após\s+o|passado\s+o|después\s+del?|pasado\s+el|après\s+(?:le\s+)?|nach\s+(?:dem\s+)?|na\s+|dopo\s+(?:il\s+)?)\s*carn(?:aval|ival|evale|eval)(?![\p{L}])/iu, range: after((y) => easterSunday(y, zone).minus({ days: 46 }), 3) });
  // The end of a school or works holiday named in the prospect's words: "nach der Sommerpause", "dopo la pausa estiva",
  // "na de meivakantie", "nach den Pfingstferien", "after the Christmas holidays", "na de herfstvakantie", "après les
  // vacances de Pâques". The dates vary by region; the range only says when to offer slots: three weeks from a typical
  // first day back. (The lexicon writes "Sommerpause", "pausa estiva" as "summer": the summer rule above reads them.)
  const easterPlus = (days: number) => (y: number) => easterSunday(y, zone).plus({ days });
  const fixed = (month: number, d: number) => (y: number) => DateTime.fromObject({ year: y, month, day: d }, { zone });
  const HOLIDAY_ENDS: [RegExp, (y: number) => DateTime][] = [
    [/(?:after\s+the\s+easter\s+(?:holidays?|break|vacations?)|nach\s+den\s+osterferien|na\s+de\s+paasvakantie|après\s+les\s+vacances\s+de\s+pâques|dopo\s+le\s+vacanze\s+di\s+pasqua|después\s+de\s+semana\s+santa|depois\s+da\s+semana\s+santa)/, easterPlus(9)],
    [/(?:na\s+de\s+meivakantie)/, fixed(5, 11)],
    // Quebec's construction holiday ("après les vacances de la construction"): the last two weeks of July.
    [/(?:après\s+les\s+vacances\s+de\s+la\s+construction|after\s+the\s+construction\s+holiday)/, fixed(8, 4)],
    [/(?:nach\s+den\s+pfingstferien|after\s+the\s+whitsun\s+(?:holidays?|break))/, easterPlus(63)],
    [/(?:after\s+the\s+(?:christmas|xmas)\s+(?:holidays?|break|vacations?)|nach\s+den\s+weihnachtsferien|na\s+de\s+kerst(?:vakantie)?|après\s+les\s+vacances\s+de\s+noël|dopo\s+le\s+vacanze\s+di\s+natale|después\s+de\s+las\s+vacaciones\s+de\s+navidad|depois\s+das\s+férias\s+de\s+natal)/, fixed(1, 7)],
    [/(?:after\s+(?:the\s+)?half[-\s]term|nach\s+den\s+herbstferien|na\s+de\s+herfstvakantie|après\s+les\s+vacances\s+de\s+la\s+toussaint)/, fixed(11, 3)],
  ];
  for (const [re, start] of HOLIDAY_ENDS) rules.push({ re: new RegExp(`(?<![\\p{L}])${re.source}(?![\\p{L}])`, 'iu'), range: after(start, 3) });
  rules.push({ re: /(?<![\p{L}])(?:après|pas\s+avant|dès|à)\s+la\s+rentrée(?![\p{L}])/iu, range: after((y) => DateTime.fromObject({ year: y, month: 9, day: 1 }, { zone }), 4) });
  rules.push({ re: /\b(?:in|this|next|the|during|early|late|over|by|around|sometime\s+in|na|no|en|au|à|l'|im|in\s+het|in\s+de|nel|in)\s+(?:the\s+)?(spring|summer|autumn|fall|winter)\b/i, range: (m) => seasonRange((m[1] ?? '').toLowerCase(), now, zone) });
  // Every occurrence is tried: "this week is packed, next month maybe" skips the busy week for the month.
  for (const r of rules) {
    for (const m of text.matchAll(new RegExp(r.re.source, r.re.flags.includes('g') ? r.re.flags : `${r.re.flags}g`))) {
      if (!accept(m.index ?? 0, (m.index ?? 0) + m[0].length)) continue;
      const range = r.range(m as RegExpExecArray);
      if (range) return { start: range[0].toJSDate(), end: range[1].toJSDate(), text: m[0] };
    }
  }
  return null;
}

/** Easter Sunday of a year (the anonymous Gregorian computus). */
function easterSunday(year: number, zone: string): DateTime {
  const a = year % 19; const b = Math.floor(year / 100); const c = year % 100;
  const d = Math.floor(b / 4); const e = b % 4; const f = Math.floor((b + 8) / 25); const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30; const i = Math.floor(c / 4); const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7; const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31); const day = ((h + l - 7 * m + 114) % 31) + 1;
  return DateTime.fromObject({ year, month, day }, { zone });
}

const SEASON_START: Record<string, number> = { spring: 3, summer: 6, autumn: 9, fall: 9, winter: 12 };
const SOUTHERN = /^(?:America\/(?:Sao_Paulo|Argentina|Buenos_Aires|Santiago|Montevideo|Asuncion|La_Paz)|Australia\/|Pacific\/Auckland|Africa\/Johannesburg)/;

/** The next (or current) spring, summer, autumn or winter in the prospect's hemisphere: three months. */
function seasonRange(name: string, now: DateTime, zone: string): [DateTime, DateTime] | null {
  let month = SEASON_START[name];
  if (!month) return null;
  if (SOUTHERN.test(zone)) month = ((month + 5) % 12) + 1;
  let s = DateTime.fromObject({ year: now.year, month, day: 1 }, { zone });
  while (s.plus({ months: 3 }) <= now) s = s.plus({ years: 1 });
  if (s.minus({ years: 1 }).plus({ months: 3 }) > now) s = s.minus({ years: 1 });
  return [s < now ? now : s, s.plus({ months: 3 })];
}

/**
 * Interest with the times left to the rep: "Happy to chat. What times do you have?", "send me a few times", "¿qué
 * horarios tienes?", "quais horários você tem?", "quels créneaux avez-vous ?", "welche Termine hätten Sie?", "welke
 * tijden heb je?", "che orari avete?", and the availability asked for ("quelles sont vos disponibilités ?", "what's your
 * availability?"). A vague answer with no range: the worker offers slots in the days ahead.
 */
const ASKS_FOR_TIMES = /(?<![\p{L}])(?:(?:what|which)\s+(?:times?|slots?|days?|dates?)\s+(?:\p{L}+\s+){0,2}(?:do\s+you\s+have|are\s+(?:open|free|available)|work\s+(?:for|on)\s+your|suit\s+you|would\s+(?:work|suit))|(?:send|give|shoot)\s+(?:me|us|over)\s+(?:a\s+few|some|a\s+couple\s+(?:of\s+)?|your)\s+(?:times|slots|options|availability)|when\s+(?:are\s+you|would\s+you\s+be)\s+(?:free|available)|what\s+does\s+your\s+(?:calendar|availability|schedule)\s+look\s+like|when\s+(?:works|suits|is\s+(?:good|best|convenient)|would\s+(?:work|suit|be\s+(?:good|best|convenient))|(?:works|suits)\s+best)(?:\s+(?:best|better))?\s+(?:for\s+)?(?:you|your\s+(?:side|end|team))|(?:cuándo|cuando)\s+(?:te|le|os|les)\s+(?:va|viene|vendría|iría|queda)\s+(?:bien|mejor)|quando\s+(?:é\s+que\s+)?(?:te|lhe|vos|lhes)\s+(?:dá\s+jeito|convém|fica\s+(?:bem|bom|melhor))|quando\s+(?:fica|seria)\s+(?:bom|melhor)\s+para\s+(?:você|vocês|ti|o\s+senhor|a\s+senhora)|quand\s+(?:est-ce\s+que\s+)?(?:ça|cela)\s+(?:vous|t['’])\s*(?:convient|convi|arrange)\p{L}*|quand\s+(?:êtes-vous|es-tu|seriez-vous|serais-tu)\s+disponible|wann\s+(?:passt|ginge|würde|wäre|geht)(?:\s+es)?\s+(?:ihnen|dir|euch)|wann\s+(?:hätten|haben)\s+sie\s+zeit|wann\s+hast\s+du\s+zeit|wanneer\s+(?:komt\s+het\s+(?:jou|u|jullie)\s+(?:\p{L}+\s+)?uit|past\s+het\s+(?:jou|u|jullie)|schikt\s+het\s+(?:jou|u|jullie)|(?:heb|hebt|heeft)\s+(?:je|jij|u)\s+tijd)|quando\s+(?:ti|le|vi)\s+(?:va\s+bene|andrebbe\s+bene|è\s+comodo|farebbe\s+comodo)|quando\s+(?:sei|è|siete|saresti|sarebbe)\s+disponibil\p{L}+|(?:qué|que)\s+(?:horarios?|huecos?|días|fechas)\s+(?:\p{L}+\s+){0,2}(?:tienes|tiene|tenéis|tienen|te\s+vienen|le\s+vienen|propones|propone)|(?:quais|que)\s+(?:horários?|horarios?|dias|datas)\s+(?:\p{L}+\s+){0,2}(?:você\s+tem|vocês\s+têm|tem|tens|sugere|sugeres|propõe)|(?:quels?|quelles?)\s+(?:créneaux|horaires|disponibilités|jours|dates)\s+(?:\p{L}+\s+){0,2}(?:avez-vous|as-tu|proposez-vous|vous\s+conviennent|auriez-vous)|(?:welche|was\s+für)\s+(?:termine|zeiten|zeitfenster|slots|tage)\s+(?:\p{L}+\s+){0,2}(?:haben|hätten|hast|hättest|schlagen|passen)|(?:welke|wat\s+voor)\s+(?:tijden|tijdstippen|momenten|dagen|data|slots)\s+(?:\p{L}+\s+){0,2}(?:heb|hebt|heeft|hebben|stel|past|passen|schikken)|(?:che|quali)\s+(?:orari|giorni|date|slot|disponibilità)\s+(?:\p{L}+\s+){0,2}(?:hai|ha|avete|proponi|propone|proponete)|what(?:['’]s|\s+is)\s+your\s+availability|(?:give|allow)\s+me\s+(?:a\s+few|some|a\s+couple\s+(?:of\s+)?|two|2|three|3)\s+days\s+to\s+(?:check|look\s+at|see|review|go\s+through)\s+(?:my|the|our)\s+(?:agenda|calendar|diary|schedule)|(?:dame|deme|denme)\s+unos\s+días\s+para\s+(?:mirar|revisar|ver)\s+(?:la|mi)\s+agenda|(?:me\s+)?(?:dá|dê|deem)(?:-me)?\s+uns\s+dias\s+para\s+(?:ver|olhar|checar)\s+(?:a|minha)\s+agenda|laissez-moi\s+quelques\s+jours\s+pour\s+(?:regarder|vérifier|consulter)\s+(?:mon|l['’])\s*agenda|geben\s+sie\s+mir\s+ein\s+paar\s+tage,?\s+(?:um\s+)?(?:den|meinen)\s+kalender|geef\s+me\s+een\s+paar\s+dagen\s+om\s+(?:mijn|de)\s+agenda|(?:mi\s+dia|dammi|datemi)\s+qualche\s+giorno\s+per\s+(?:guardare|controllare|vedere)\s+(?:l['’]|la\s+mia\s+)\s*agenda|what\s+availability\s+do\s+you\s+have|cu[aá]l\s+es\s+(?:tu|su)\s+disponibilidad|qu[eé]\s+disponibilidad\s+(?:tienes|tiene|tenéis)|qual\s+(?:é\s+)?(?:a\s+)?(?:sua|tua)\s+disponibilidade|que\s+disponibilidade\s+(?:você\s+)?tem|quelles\s+sont\s+(?:vos|tes)\s+disponibilités|quelle\s+est\s+(?:votre|ta)\s+disponibilité|wie\s+(?:ist|sieht)\s+(?:ihre|deine)\s+verfügbarkeit|wat\s+is\s+(?:je|jouw|uw)\s+beschikbaarheid|qual\s*(?:è|e['’])\s+(?:la\s+)?(?:tua|sua|vostra)\s+disponibilità|che\s+disponibilità\s+(?:hai|ha|avete))(?![\p{L}])/iu;

/**
 * A part of the day preferred in general, with no day named: "Mornings are generally better for me", "afternoons
 * work best", "las mañanas me van mejor", "de manhã é melhor", "le matin de préférence", "vormittags passt es mir
 * meistens besser", "'s ochtends komt het beter uit", "di mattina è meglio". Interest, with the day left to the rep: a
 * vague answer with no range (the worker offers slots). Read in the prospect's own words: the lexicon turns the part of
 * day into a time.
 */
const PREFERS_PART_OF_DAY = new RegExp([
  '(?:mornings?|afternoons?|evenings?|early\\s+(?:in\\s+the\\s+)?(?:mornings?|day)|late\\s+afternoons?)\\s+(?:are|is|tend\\s+to\\s+be|would\\s+be|usually|generally|normally|typically|work|suit)\\s+(?:\\p{L}+\\s+){0,2}(?:better|best|easier|ideal|preferable)',
  '(?:i\\s+)?prefer\\s+(?:the\\s+)?(?:mornings?|afternoons?)',
  // "early in the afternoon one of these days", "one of these days in the morning": a part of day, the day left open.
  '(?:(?:early|late)\\s+)?(?:in\\s+the\\s+)?(?:mornings?|afternoons?|evenings?)\\s+(?:on\\s+)?(?:one\\s+of\\s+these\\s+days|some\\s+day|any\\s+day)|(?:one\\s+of\\s+these\\s+days|some\\s+day)\\s+(?:(?:early|late)\\s+)?in\\s+the\\s+(?:morning|afternoon|evening)',
  '(?:las|por\\s+las)\\s+(?:mañanas|tardes)\\s+(?:\\p{L}+\\s+){0,2}(?:mejor|prefiero|me\\s+(?:van|vienen)\\s+mejor)',
  '(?:de|pela|à)\\s+(?:manhã|tarde)\\s+(?:\\p{L}+\\s+){0,2}(?:é\\s+melhor|prefiro|fica\\s+melhor)',
  "(?:le\\s+matin|l['’]après-midi|en\\s+matinée|en\\s+fin\\s+de\\s+journée)\\s+(?:\\p{L}+\\s+){0,2}(?:de\\s+préférence|plutôt|c['’]est\\s+mieux|m['’]arrange(?:nt)?\\s+mieux|me\\s+convien(?:t|nent)\\s+mieux)",
  '(?:vormittags|nachmittags|morgens|früh\\s+am\\s+morgen)\\s+(?:\\p{L}+\\s+){0,4}(?:besser|am\\s+besten|lieber)',
  "(?:['’]s\\s+(?:ochtends|middags)|in\\s+de\\s+ochtend|ochtenden|middagen)\\s+(?:\\p{L}+\\s+){0,3}(?:beter|het\\s+best|liever|voorkeur)",
  '(?:di\\s+mattina|la\\s+mattina|al\\s+mattino|di\\s+pomeriggio|il\\s+pomeriggio)\\s+(?:\\p{L}+\\s+){0,2}(?:è\\s+meglio|preferisco|va\\s+meglio|meglio)',
].map((p) => `(?:${p})`).join('|').replace(/^/, '(?<![\\p{L}])(?:').concat(')(?![\\p{L}])'), 'iu');

/** The phrase when the reply prefers a part of the day with no day named, or null. */
export function prefersPartOfDay(text: string): string | null {
  return PREFERS_PART_OF_DAY.exec(text.slice(0, 5_000))?.[0] ?? null;
}

/** The phrase when the reply leaves the times to the rep ("What times do you have?"), or null. */
export function asksForTimes(text: string): string | null {
  return ASKS_FOR_TIMES.exec(text.slice(0, 5_000))?.[0] ?? null;
}
