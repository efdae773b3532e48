import { DateTime } from 'luxon';
import { dayFirstParser, monthFirstParser } from './chrono-setup.js';
import { dayBeforeMonthName } from './prepare-text.js';
import { isMonthFirstZone, offsetAt } from './zones.js';

/** Words after which an out-of-office reply states when the person is back. */
const RETURN_CUE =
  /\b(?:back(?:\s+in\s+(?:the\s+)?office)?(?:\s+on)?|return(?:ing)?(?:\s+to\s+(?:the\s+)?office)?(?:\s+on)?|returns(?:\s+on)?|until|till|til|through|thru|zurück(?:\s+am)?|wieder\s+(?:im\s+büro|erreichbar|da)?\s*(?:am|ab)?|bis(?:\s+einschließlich|\s+zum|\s+am)?|ab\s+dem|ab(?=\s+(?:montag|dienstag|mittwoch|donnerstag|freitag|\d))|de\s+retour(?:\s+le)?|retour(?:\s+(?:prévu\s+)?(?:au\s+bureau\s+)?le)?|jusqu'?au|jusqu'?à|à\s+partir\s+du|hasta\s+el|hasta|regreso\s+el|regresaré\s+el|volveré\s+el|de\s+vuelta\s+el|a\s+partir\s+del|fino\s+al|rientro(?:\s+il)?|rientrerò(?:\s+il)?|tornerò(?:\s+il)?|di\s+nuovo\s+in\s+ufficio(?:\s+(?:il|dal|da|dall['’]))?|di\s+ritorno(?:\s+in\s+ufficio)?(?:\s+(?:il|dal|da|dall['’]))?|riapr[a-zàèéìòù]*(?:\s+(?:il|dal|da))?|reabr[a-záéíóúã]*(?:\s+(?:el|o|a|no\s+dia|em|dia))?|(?:nous\s+)?rouvr[a-zéè]*(?:\s+le)?|réouverture(?:\s+le)?|retorno(?:\s+(?:no\s+dia|em|a|dia))?|retornarei(?:\s+(?:no\s+dia|em))?|retornando(?:\s+(?:no\s+dia|na|no|em|a|dia))?|voltando(?:\s+(?:no\s+dia|na|no|em|a|dia))?|regressando(?:\s+(?:na|no|em|a|dia|no\s+dia))?|regressarei(?:\s+(?:na|no|em|a|dia|no\s+dia))?|volto(?:\s+(?:no\s+dia|em|dia|na|no|a))?|de\s+volta(?:\s+(?:no\s+dia|em|a))?|back\s+on|re-?open(?:s|ing)?(?:\s+on)?|me\s+incorpor(?:o|aré)(?:\s+el)?|vanaf|weer\s+(?:op\s+kantoor|aanwezig|bereikbaar)(?:\s+(?:op|vanaf))?|terug(?:\s+op)?|ab(?=\s+(?:next\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|the\s))|vuelvo(?:\s+el)?|me\s+reincorpor(?:o|aré)(?:\s+el)?|volveré|regreso(?:\s+el)?|regresso(?:\s+ao\s+(?:escritório|trabalho))?(?:\s+(?:a|em|no\s+dia|dia|na|no))?|estaré\s+de\s+(?:vuelta|regreso)(?:\s+el)?|je\s+reviens(?:\s+le)?|de\s+retour|wieder\s+da(?:\s+ab)?|ben\s+ik\s+(?:weer\s+)?terug(?:\s+op)?|torno(?:\s+il)?|sarò\s+di\s+nuovo(?:\s+in\s+ufficio)?(?:\s+(?:il|da))?|to(?=\s+\S+(?:\s+\S+){0,2}\s+(?:inclusive|incl\b|included))|(?<=\bfrom\s+(?:[A-Z][a-z]+\.?\s+\d{1,2}(?:st|nd|rd|th)?|\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?[A-Z][a-z]+\.?)\s+)to(?=\s+(?:[A-Z][a-z]+\.?\s+\d{1,2}|\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?[A-Z][a-z]+))|from(?=\s+\d{1,2}\.\d{1,2}\.(?:\d{2,4})?,?\s+(?:I\s+(?:am|will\s+be|['’]ll\s+be)|we\s+(?:are|will\s+be))\s+(?:again\s+)?(?:back|reachable|available|in\s+the\s+office)))\s*/gi;

/**
 * "on annual leave from 11/08 to 20/08 inclusive": a span of leave whose last day is named. ("jusqu'au 5 décembre inclus"
 * stays the 5th, as "until the 5th" does: the own labelled set reads it so.)
 */
// "out of office through the 23rd": "through" names the last day away too.
const SPAN_END_CUE = /^(?:to|through|thru)$/i;

export const MONTHS: Record<string, number> = {
  januar: 1, janvier: 1, enero: 1, jänner: 1, februar: 2, février: 2, fevrier: 2, febrero: 2, märz: 3, maerz: 3, mars: 3, marzo: 3,
  april: 4, avril: 4, abril: 4, mai: 5, mayo: 5, juni: 6, juin: 6, junio: 6, juli: 7, juillet: 7, julio: 7,
  august: 8, août: 8, aout: 8, agosto: 8, september: 9, septembre: 9, septiembre: 9, setiembre: 9, oktober: 10, octobre: 10, octubre: 10,
  november: 11, novembre: 11, noviembre: 11, dezember: 12, décembre: 12, decembre: 12, diciembre: 12,
  // Portuguese, Italian and Dutch.
  janeiro: 1, fevereiro: 2, março: 3, marco: 3, maio: 5, junho: 6, julho: 7, setembro: 9, outubro: 10, novembro: 11, dezembro: 12,
  gennaio: 1, febbraio: 2, aprile: 4, maggio: 5, giugno: 6, luglio: 7, settembre: 9, ottobre: 10, dicembre: 12,
  januari: 1, februari: 2, maart: 3, mei: 5, augustus: 8,
  // English, as the lexicon rewrites the others ("dal 1° December").
  january: 1, february: 2, march: 3, may: 5, june: 6, july: 7, october: 10, december: 12,
};

/**
 * The return date an out-of-office reply states, as YYYY-MM-DD in the prospect's zone, or null.
 * Read relative to the message date; a date already past is rolled into the next year.
 */
export function extractReturnDate(text: string, ref: Date, zone: string): string | null {
  const t = spellDays(text.slice(0, 4_000).replace(/\s+/g, ' '));
  const now = DateTime.fromJSDate(ref, { zone }).startOf('day');
  let best: DateTime | null = null;
  let bestIsBack = false;
  let spanEnd: DateTime | null = null;
  for (const m of t.matchAll(RETURN_CUE)) {
    const cue = m[0].toLowerCase();
    const after = t.slice((m.index ?? 0) + m[0].length, (m.index ?? 0) + m[0].length + 60);
    const isBackCue = /back|return|re-?open|ritorn|riapr|reabr|rouvr|réouverture|incorpor|zurück|wieder|weer|retour|reviens|regres|volver|vuelvo|vuelta|rientr|torner|torno|di nuovo|retorn|volto|voltando|de volta|terug/.test(cue);
    // "Dinsdag 6 april ben ik weer op kantoor", "Am Montag, 4. Januar bin ich wieder da": the day comes before the cue.
    const d = readDate(after, ref, zone, now) ?? (isBackCue ? readDateBefore(sentenceBefore(t, m.index ?? 0), ref, zone, now) : null);
    if (!d) continue;
    // "on annual leave from 11/08 to 20/08 inclusive": the last day away is named; the return is the next working day.
    if (SPAN_END_CUE.test(cue.trim())) {
      let next = d.plus({ days: 1 });
      while (next.weekday > 5) next = next.plus({ days: 1 });
      spanEnd ??= next;
      continue;
    }
    const isBack = /back|return|re-?open|ritorn|riapr|reabr|rouvr|réouverture|^from\b|incorpor|zurück|wieder|weer|retour|reviens|regres|volver|vuelvo|vuelta|rientr|torner|torno|di nuovo|retorn|volto|voltando|de volta|vanaf|terug|^ab\b|à partir|a partir/.test(cue);
    // Prefer "back on X" over "until X"; among equals, the first stated.
    if (!best || (isBack && !bestIsBack)) { best = d; bestIsBack = isBack; }
  }
  // "from 1 December to 12 December inclusive … I'll reply on my return": no return before the leave ends (the back cue
  // read the span's first day).
  if (spanEnd && (!best || best < spanEnd)) best = spanEnd;
  return best ? best.toISODate() : null;
}

/** The sentence up to position i ("… afwezig. Maandag 4 januari ben ik " → "Maandag 4 januari ben ik "). */
function sentenceBefore(t: string, i: number): string {
  const head = t.slice(Math.max(0, i - 60), i);
  const cut = Math.max(head.lastIndexOf('. '), head.lastIndexOf('! '), head.lastIndexOf('? '), head.lastIndexOf('\n'));
  // "met vakantie tot en met vrijdag 6 augustus en ben maandag 9 augustus weer op kantoor": the clause after the last
  // "and" holds the day of return ("tot en met" is one word, "through").
  const sentence = head.slice(cut + 1);
  const joins = [...sentence.matchAll(/\s(?:and|en|und|et|y|e|ed)\s+(?:(?:ben|bin|is|am|are|sono|sarò|estaré|estarei|serai|suis|sou|soy)\s+)?(?=\S)/giu)].filter((j) => !/^\s*en\s+met/i.test(sentence.slice(j.index ?? 0)) && !/tot$/i.test(sentence.slice(0, j.index ?? 0)));
  const last = joins.at(-1);
  const clause = last ? sentence.slice((last.index ?? 0) + last[0].length) : sentence;
  return clause.replace(/^\s*(?:am|on|le|el|il|op|no|na|em)\s+/i, '').trimStart();
}

/** A date written out before the cue: it must hold a day number ("Dinsdag 6 april"), never a bare word ("mon retour"). */
function readDateBefore(s: string, ref: Date, zone: string, now: DateTime): DateTime | null {
  return /\d/.test(s) ? readDate(s, ref, zone, now) : null;
}

function readDate(s: string, ref: Date, zone: string, now: DateTime): DateTime | null {
  const local = readLocalDate(s, now);
  if (local) return local;
  const monthFirst = isMonthFirstZone(zone);
  const r = (monthFirst ? monthFirstParser : dayFirstParser).parse(monthFirst ? s : dayBeforeMonthName(s), { instant: ref, timezone: offsetAt(zone, ref) }, { forwardDate: true })[0];
  if (!r || r.index > 25) return null;
  if (!(r.start.isCertain('day') || r.start.isCertain('weekday') || /tomorrow|monday|tuesday|wednesday|thursday|friday/i.test(r.text))) return null;
  const d = DateTime.fromObject({ year: r.start.get('year') ?? now.year, month: r.start.get('month') ?? 1, day: r.start.get('day') ?? 1 }, { zone });
  return d.isValid ? rollForward(d, now) : null;
}

/** German/French/Spanish dates: "1. Dezember", "1er décembre", "1 de diciembre", "01.12.", "01.12.2025". */
function readLocalDate(s: string, now: DateTime): DateTime | null {
  const head = s.slice(0, 40).toLowerCase();
  const dotted = /^(?:[a-zäöüéèû]+,?\s+(?:den\s+|le\s+|el\s+)?)?(\d{1,2})\.(\d{1,2})\.(\d{2,4})?/.exec(head);
  if (dotted) {
    const year = dotted[3] ? Number(dotted[3].length === 2 ? `20${dotted[3]}` : dotted[3]) : now.year;
    const d = DateTime.fromObject({ year, month: Number(dotted[2]), day: Number(dotted[1]) }, { zone: now.zone });
    if (d.isValid) return dotted[3] ? d : rollForward(d, now);
  }
  // "segunda-feira, dia 6 de setembro", "lunes, día 6 de septiembre": the weekday, then "day" before the date.
  const named = /^(?:[a-zäöüéèûçì-]+,?\s+(?:den\s+|le\s+|el\s+|dia\s+|día\s+|el\s+día\s+|il\s+|op\s+|the\s+)?)?(\d{1,2})(?:\.|er|º|°|ª|st|nd|rd|th)?\s+(?:de\s+)?([a-zäöüéèûç]+)(?:\s+(?:de\s+)?(\d{4}))?/.exec(head);
  if (named?.[2] && MONTHS[named[2]]) {
    const d = DateTime.fromObject({ year: named[3] ? Number(named[3]) : now.year, month: MONTHS[named[2]], day: Number(named[1]) }, { zone: now.zone });
    if (d.isValid) return named[3] ? d : rollForward(d, now);
  }
  // "back on Monday 24", "de retour le lundi 24", "volto dia 24", "back on the 14th": a day of the month alone, the next
  // one to come (this month, or the next when it has passed); never a clock time ("24h", "10 Uhr", "9:30").
  const dayOnly = /^(?:(?:on|le|el|il|op|am|no|dia|día|el\s+día|no\s+dia|den|the)\s+)*(?:([a-zäöüéèûçì-]+),?\s+(?:the\s+|den\s+|le\s+|el\s+|dia\s+|día\s+|el\s+día\s+|il\s+|op\s+)?)?(\d{1,2})(?:st|nd|rd|th|er|\.|º|°|ª)?(?![\d:/]|\.\d|\s*(?:h\b|uhr|u\b|uur|am\b|pm\b|[ap]\.m))/.exec(head);
  // Not a month before or after the number ("March 15", "15 de marzo": read above or by chrono).
  const monthAfter = /^\d{1,2}\S*\s+(?:de\s+)?([a-zäöüéèûç]+)/.exec(head.slice(head.search(/\d/)))?.[1];
  if (dayOnly?.[2] && !(dayOnly[1] && MONTHS[dayOnly[1]] !== undefined) && !(monthAfter && MONTHS[monthAfter] !== undefined)) {
    const day = Number(dayOnly[2]);
    if (day >= 1 && day <= 31) {
      let d = now.set({ day: Math.min(day, now.daysInMonth ?? 31) });
      if (d.day !== day || d < now) {
        const next = now.plus({ months: 1 }).startOf('month');
        d = next.set({ day: Math.min(day, next.daysInMonth ?? 31) });
      }
      if (d.day === day) return d;
    }
  }
  return null;
}

function rollForward(d: DateTime, now: DateTime): DateTime {
  return d < now ? d.plus({ years: 1 }) : d;
}

/** Day numbers written out, 1 to 31, in Spanish, Portuguese, French and Italian ("el lunes diez de enero", "dia nove"). */
const DAY_WORDS: Record<string, number> = Object.fromEntries([
  'uno|un|primero|primer|um|primeiro|premier|primo',
  'dos|dois|duas|deux|due', 'tres|três|trois|tre', 'cuatro|quatro|quatre|quattro', 'cinco|cinq|cinque', 'seis|six|sei',
  'siete|sete|sept|sette', 'ocho|oito|huit|otto', 'nueve|nove|neuf', 'diez|dez|dix|dieci', 'once|onze|undici',
  'doce|doze|douze|dodici', 'trece|treze|treize|tredici', 'catorce|catorze|quatorze|quattordici', 'quince|quinze|quindici',
  'dieciséis|dezesseis|dezasseis|seize|sedici', 'diecisiete|dezessete|dezassete|dix-sept|diciassette',
  'dieciocho|dezoito|dix-huit|diciotto', 'diecinueve|dezenove|dezanove|dix-neuf|diciannove', 'veinte|vinte|vingt|venti',
  'veintiuno|vinte\\s+e\\s+um|vingt\\s+et\\s+un|ventuno', 'veintidós|vinte\\s+e\\s+dois|vingt-deux|ventidue',
  'veintitrés|vinte\\s+e\\s+três|vingt-trois|ventitré|ventitre', 'veinticuatro|vinte\\s+e\\s+quatro|vingt-quatre|ventiquattro',
  'veinticinco|vinte\\s+e\\s+cinco|vingt-cinq|venticinque', 'veintiséis|vinte\\s+e\\s+seis|vingt-six|ventisei',
  'veintisiete|vinte\\s+e\\s+sete|vingt-sept|ventisette', 'veintiocho|vinte\\s+e\\s+oito|vingt-huit|ventotto',
  'veintinueve|vinte\\s+e\\s+nove|vingt-neuf|ventinove', 'treinta|trinta|trente|trenta',
  'treinta\\s+y\\s+uno|trinta\\s+e\\s+um|trente\\s+et\\s+un|trentuno',
].flatMap((alts, i) => alts.split('|').map((w) => [w, i + 1] as const)));
const DAY_WORD_RE = new RegExp(`(?<=(?:^|[\\s,])(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|el|dia|día|le|il),?\\s+)(${Object.keys(DAY_WORDS).sort((a, b) => b.length - a.length).join('|')})(?=\\s+(?:de\\s+|d['’])?(?:${Object.keys(MONTHS).join('|')}|april|august|september|november)(?![\\p{L}])|\\s*[.,;]|\\s*$)`, 'giu');

/** "regreso el lunes diez de enero" → "regreso el lunes 10 de enero": the day number, for the readers below. */
function spellDays(t: string): string {
  return t.replace(DAY_WORD_RE, (w) => {
    const key = Object.keys(DAY_WORDS).find((k) => new RegExp(`^${k}$`, 'iu').test(w));
    return key ? String(DAY_WORDS[key]) : w;
  });
}
