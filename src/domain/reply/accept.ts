import { DateTime } from 'luxon';
import type { ProposedTime } from '../types.js';
import { matchAcceptance, pickOrdinal } from './intent.js';
import { CORRECTION } from './certainty.js';
import type { ExtractedTime } from './times.js';

export interface Acceptance {
  proposals: ProposedTime[];
  ambiguous: boolean;
  alternatives: ProposedTime[];
  rule: string;
}

/** A weekday as written: "Thu", "Thurs", "Thursday", "Thursday's", "Tues." (the full names too, not only "Monday"). */
const WEEKDAY_RE = /\b(mon|tue|wed|thu|fri|sat|sun)(?:day|s|\.|rs|rsday|sday|nesday|urday|r)?(?:'s)?\b/gi;

/**
 * Resolves an acceptance ("yes, that works", "the second one", "Thursday's works") against the
 * slots the worker offered, or the times found in the quoted proposal. Null when nothing matches.
 */
export function resolveAcceptance(visible: string, mentioned0: ExtractedTime[], candidates: (ProposedTime & { zone?: string })[], zone: string, repZone?: string): Acceptance | null {
  if (candidates.length === 0) return null;
  let mentioned = mentioned0;
  const slot = (c: ProposedTime, text: string): ProposedTime => ({ start: c.start, end: c.end, text });
  // "Either of the first two is fine, let's say the Tuesday one": "the first two" names a set of slots, not the first;
  // the slot is chosen after it (by its day or time, below).
  const ord = pickOrdinal(visible.replace(SLOT_SET, ' '), candidates.length);
  if (ord !== null) {
    const c = candidates[ord];
    if (c) return { proposals: [slot(c, 'offered slot ' + (ord + 1))], ambiguous: false, alternatives: [], rule: `acceptance of offered slot #${ord + 1}` };
  }
  mentioned = standingMentions(visible, mentioned);
  const pos = pickByPosition(visible, candidates, zone);
  if (pos) return pos;
  // A weekday or time that matches an offered slot.
  // Only the weekdays of the times still standing: "Thursday doesn't work, Friday 10?" does not choose Thursday's slot.
  const days = [...mentioned.map((t) => t.text).join(' ').matchAll(WEEKDAY_RE)].map((m) => (m[1] ?? '').toLowerCase());
  // "Der Mittwochstermin passt mir", "de donderdagafspraak is prima": a weekday inside a compound names its slot.
  if (days.length === 0) days.push(...compoundWeekdays(visible));
  const byMention = candidates.filter((c) => {
    const d = DateTime.fromJSDate(c.start, { zone });
    const dayOk = days.length === 0 || days.includes(d.toFormat('ccc').toLowerCase());
    // "lets do the 12:30" over a list the rep wrote "(ET)": the clock time as listed, in the list's zone.
    const timeOk = mentioned.every((t) => t.grain !== 'minute' || sameWallTime(t.start, c.start, zone) || (c.zone !== undefined && !t.dated && wall(t.start, zone) === wall(c.start, c.zone)));
    // "The afternoon one on Thursday", "el de la tarde": a part of day alone picks the slot inside its hours, on any day.
    // "The Thursday afternoon option", "el jueves por la tarde": a day's part of day picks the slot inside its hours too.
    const partOk = mentioned.every((t) => !(partOnly(t) || dayPart(t)) || inHours(c.start, t, zone));
    // A dated time must fall on the slot's day ("12/3 at 10am" is not Wednesday's 10am).
    // "Quinta fica ótimo", "Thursday's good": a weekday alone names the offered slot on that weekday, whatever its week.
    // "Donnerstag um 14 Uhr passt" over an offer for Thursday the week after: a weekday and clock time, no date, name that slot.
    const sameDay = mentioned.every((t) => (t.grain === 'minute' && !t.dated) || partOnly(t) || bareWeekday(t) || (weekdayClock(t) && DateTime.fromJSDate(t.start, { zone }).weekday === d.weekday) || DateTime.fromJSDate(t.start, { zone }).hasSame(d, 'day'));
    if (!partOk) return false;
    if (dayOk && timeOk && sameDay) return true;
    // "the 9pm one on Tuesday (8am Wed here)": each time named is the slot as the rep wrote it (the slot's wall clock and
    // day in the rep's zone) or as it falls in the prospect's own zone.
    if (!repZone || repZone === zone || mentioned.length === 0) return false;
    const r = DateTime.fromJSDate(c.start, { zone: repZone });
    const asRep = (t: ExtractedTime) => {
      const l = DateTime.fromJSDate(t.start, { zone });
      return l.hour === r.hour && l.minute === r.minute && (!t.dated || l.weekday === r.weekday);
    };
    const asOwn = (t: ExtractedTime) => sameWallTime(t.start, c.start, zone) && (!t.dated || DateTime.fromJSDate(t.start, { zone }).hasSame(d, 'day'));
    // Only when both readings are named (the prospect converted the slot): "Tuesday at 8pm" alone may be their own 8pm.
    return mentioned.every((t) => t.grain === 'minute' && (asRep(t) || asOwn(t))) && mentioned.some(asRep) && mentioned.some(asOwn);
  });
  const hasSelector = days.length > 0 || mentioned.length > 0;
  if (hasSelector && byMention.length >= 1 && (byMention.length < candidates.length || candidates.length === 1)) {
    const [first, ...rest] = byMention;
    if (first) {
      return { proposals: [slot(first, 'offered slot')], ambiguous: rest.length > 0, alternatives: rest.map((c) => slot(c, 'offered slot')), rule: 'acceptance: the mentioned day/time matches an offered slot' };
    }
  }
  // "La de la tarde, por favor", "Prefiro o horário da manhã", "den am Vormittag bitte": a part of day picks the slots in
  // its hours, when the reply names one part only and does not say it is busy then.
  if (mentioned.every(partOnly)) {
    const part = namedPart(visible);
    const inPart = part ? candidates.filter((c) => slotIn(c.start, part, zone)) : [];
    if (part && inPart.length > 0 && inPart.length < candidates.length) {
      const [first, ...rest] = inPart;
      if (first) return { proposals: [slot(first, `offered slot in the ${part}`)], ambiguous: rest.length > 0, alternatives: rest.map((c) => slot(c, 'offered slot')), rule: `acceptance: the ${part} names an offered slot` };
    }
  }
  if (mentioned.length > 0) return null;
  const yes = matchAcceptance(visible);
  if (!yes) return null;
  if (candidates.length === 1 || /\b(?:either|any)\b/i.test(yes)) {
    const [first, ...rest] = candidates;
    if (!first) return null;
    return { proposals: [slot(first, yes), ...(candidates.length > 1 ? rest.map((c) => slot(c, yes)) : [])], ambiguous: false, alternatives: [], rule: `acceptance "${yes}" of the offered slot${candidates.length > 1 ? 's' : ''}` };
  }
  const [first, ...rest] = candidates;
  if (!first) return null;
  return { proposals: [slot(first, yes)], ambiguous: true, alternatives: rest.map((c) => slot(c, yes)), rule: `acceptance "${yes}" but ${candidates.length} slots were offered: ambiguous` };
}

/** A set of the offered slots: "(either|any|both|one) of the first two", "the last two", "las dos primeras", "die ersten beiden". */
const SLOT_SET = /(?<![\p{L}])(?:(?:either|any|both|one|each)\s+of\s+)?(?:the\s+)?(?:first|last|latter)\s+(?:two|2|three|3)(?![\p{L}])|(?:(?:cualquiera|una|ambas)\s+de\s+)?las\s+(?:dos|2)\s+(?:primeras|últimas|ultimas)|(?:qualquer\s+uma\s+d)?as\s+(?:duas|2)\s+(?:primeiras|últimas|ultimas)|(?:l['’]un\s+des\s+)?(?:les\s+)?(?:deux|2)\s+(?:premiers|premières|derniers|dernières)|(?:einer\s+der\s+)?(?:die\s+)?(?:ersten|letzten)\s+(?:beiden|zwei|2)|(?:een\s+van\s+)?de\s+(?:eerste|laatste)\s+(?:twee|2)|(?:uno\s+dei\s+|una\s+delle\s+)?(?:i|le)\s+(?:primi|prime|ultimi|ultime)\s+(?:due|2)/giu;

/** A line that is only a slot's number ("2 works", "#3 please", "1)"), with at most a yes after it. */
/** "la 2 svp", "la 3 porfa", "die 2 bitte", "3 is goed": the article of "the one" and the copula before a yes, in the seven languages. */
const NUMBER_LINE = /^\s*(?:(?:the|la|el|le|il|l['’]|o|a|die|der|den|de|het|option|opci[óo]n|opção|opcao|optie|opzione|variante|nr\.?|n[º°o]\.?|#)\s*)?([1-9])\s*[).]?(?:\s*(?:works?|is\s+(?:good|fine|great|best|perfect)|ok(?:ay)?|please|pls|plz|for\s+me|fine|good|perfect|great|sounds\s+good|por\s+favor|porfa|porfis|pf|xfa|vale|va\s+bien|me\s+va|me\s+sirve|serve|pode\s+ser|beleza|svp|stp|ça\s+marche|parfait|bitte|passt|geht|graag|prima|goed|perfetto|va\s+bene|grazie|is|ist|est|es|è|é|está|esta)){0,3}\s*[.!👍]*\s*$/iu;
/** A line that is only "the last one" in any of the seven languages, with or without its article. */
const LAST_LINE = /^\s*(?:(?:the|la|el|a|o|le|die|den|der|de|il|l['’])\s*)?(?:last|latter|últim[ao]|ultim[ao]|derni(?:er|ère)|letzte[nr]?|laatste)(?:\s+(?:one|option|slot|time|opción|opção|option|termin|optie|opzione|horário|horario|créneau|moment))?\s*(?:works?|is\s+(?:good|fine|great|best)|ok(?:ay)?|please|pls|por\s+favor|svp|bitte|graag|per\s+favore|grazie)?\s*[.!👍]*\s*$/iu;

/**
 * "2 works", "last one", "la dernière svp": a reply that only names a slot by its place in the offer picks it. A bare
 * number that is also the hour of an offered slot ("3 works" over a 3pm slot) is asked: the slot at that hour first,
 * the numbered one second.
 */
function pickByPosition(visible: string, candidates: ProposedTime[], zone: string): Acceptance | null {
  const lines = visible.split('\n').map((l) => l.trim()).filter(Boolean);
  const slot = (c: ProposedTime, text: string): ProposedTime => ({ start: c.start, end: c.end, text });
  if (candidates.length > 1 && lines.some((l) => LAST_LINE.test(l))) {
    const last = candidates[candidates.length - 1]!;
    return { proposals: [slot(last, `offered slot ${candidates.length}`)], ambiguous: false, alternatives: [], rule: `acceptance of the last offered slot (#${candidates.length})` };
  }
  const n = lines.map((l) => NUMBER_LINE.exec(l)?.[1]).find(Boolean);
  if (!n) return pickByHour(lines, candidates, zone);
  if (candidates.length < 2) return null;
  const i = Number(n) - 1;
  const numbered = candidates[i];
  if (!numbered) return null;
  const atHour = candidates.filter((c) => { const h = DateTime.fromJSDate(c.start, { zone }).hour; return h === Number(n) || h === Number(n) + 12; });
  // "la 3", "a 3", "il 3", "the 3": a singular article names "the third one" (an hour takes the plural, "las 3", "as 3",
  // "le 3" in Italian, or "at"); French "le 3" is both, and stays asked.
  const singular = lines.some((l) => /^\s*(?:the|la|el|il|l['’]|o|a|die|der|den|het|option|opci[óo]n|opção|opcao|optie|opzione|variante|nr\.?|n[º°o]\.?|#)\s*[1-9](?!\d)/iu.test(l) && NUMBER_LINE.test(l));
  if (atHour.length === 0 || singular) return { proposals: [slot(numbered, `offered slot ${i + 1}`)], ambiguous: false, alternatives: [], rule: `acceptance of offered slot #${i + 1} by its number` };
  const [first, ...rest] = [...atHour, ...(atHour.includes(numbered) ? [] : [numbered])];
  if (rest.length === 0) return { proposals: [slot(numbered, `offered slot ${i + 1}`)], ambiguous: false, alternatives: [], rule: `acceptance of offered slot #${i + 1}, at ${n} o'clock too` };
  return { proposals: [slot(first!, 'offered slot')], ambiguous: true, alternatives: rest.map((c) => slot(c, 'offered slot')), rule: `ambiguous: "${n}" is the hour of an offered slot or slot #${i + 1}` };
}

/** A day and its part of day ("Thursday afternoon", "jeudi après-midi" as the lexicon writes it): a window that names the part. */
function dayPart(t: ExtractedTime): boolean {
  return t.grain === 'window' && t.end !== null && t.dated && /\b(?:morning|afternoon|evening)\b/i.test(t.text);
}

const COMPOUND_DAYS: [string, RegExp][] = [
  ['mon', /(?<![\p{L}])(?:montag|maandag)/iu], ['tue', /(?<![\p{L}])(?:dienstag|dinsdag)/iu], ['wed', /(?<![\p{L}])(?:mittwoch|woensdag)/iu],
  ['thu', /(?<![\p{L}])(?:donnerstag|donderdag)/iu], ['fri', /(?<![\p{L}])(?:freitag|vrijdag)/iu], ['sat', /(?<![\p{L}])(?:samstag|zaterdag)/iu],
  ['sun', /(?<![\p{L}])(?:sonntag|zondag)/iu],
];
/** A German or Dutch weekday joined to "Termin", "Option", "afspraak"…: "Mittwochstermin", "Donnerstags-Option", "woensdagoptie". */
const COMPOUND = /(?<![\p{L}])(?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)s?-?(?:termin|slot|option|variante|vorschlag|zeitfenster|afspraak|optie|moment|voorstel|tijdstip)(?![\p{L}])/giu;

/** The weekdays of such compounds, in sentences that refuse nothing ("der Mittwochstermin geht nicht" chooses no slot). */
function compoundWeekdays(visible: string): string[] {
  const out: string[] = [];
  for (const sentence of visible.split(/[.!?\n]+/)) {
    if (REFUSED.test(sentence)) continue;
    for (const m of sentence.matchAll(COMPOUND)) {
      const day = COMPOUND_DAYS.find(([, re]) => re.test(m[0]))?.[0];
      if (day) out.push(day);
    }
  }
  return out;
}

/** A line that is only an hour no slot number can be ("10 works", "11h ok", "14 passt"), with at most a yes after it. */
const HOUR_LINE = new RegExp(NUMBER_LINE.source.replace('([1-9])', '(1[0-9]|2[0-3])(?:h|u|:00)?'), 'iu');

/**
 * "10 works" over slots at 10:00 and 14:00: an hour too large to be a slot's number is the offered slot at that hour.
 * One slot at that hour is picked; several (the same hour on two days) are asked about; none is no reading here.
 */
function pickByHour(lines: string[], candidates: ProposedTime[], zone: string): Acceptance | null {
  const h = lines.map((l) => HOUR_LINE.exec(l)?.[1]).find(Boolean);
  if (!h) return null;
  const atHour = candidates.filter((c) => { const at = DateTime.fromJSDate(c.start, { zone }); return at.minute === 0 && (at.hour === Number(h) || at.hour === Number(h) + 12); });
  const [first, ...rest] = atHour;
  if (!first) return null;
  const slot = (c: ProposedTime): ProposedTime => ({ start: c.start, end: c.end, text: `offered slot at ${h}` });
  if (rest.length === 0) return { proposals: [slot(first)], ambiguous: false, alternatives: [], rule: `acceptance of the offered slot at ${h} o'clock` };
  return { proposals: [slot(first)], ambiguous: true, alternatives: rest.map(slot), rule: `ambiguous: ${rest.length + 1} offered slots are at ${h} o'clock` };
}

/** A part of day named alone ("the afternoon", "in the morning"), read on the reply's own day. */
function partOnly(t: ExtractedTime): boolean {
  return t.grain === 'window' && t.end !== null && /^(?:(?:in|during)\s+)?(?:the\s+)?(?:morning|afternoon|evening)s?$/i.test(t.text.trim());
}

/** Is the slot's wall clock time inside the part of day's hours? By the part's name: a part read on the reply's own day
 * may have been clipped to the time of writing ("the afternoon" written at 3pm still names the 2pm slot). */
function inHours(start: Date, part: ExtractedTime, zone: string): boolean {
  const name = /morning/i.test(part.text) ? 'morning' : /afternoon/i.test(part.text) ? 'afternoon' : 'evening';
  return slotIn(start, name, zone);
}

type Part = 'morning' | 'afternoon' | 'evening';
const PART_HOURS: Record<Part, [number, number]> = { morning: [0, 12], afternoon: [12, 18], evening: [17, 24] };

function slotIn(start: Date, part: Part, zone: string): boolean {
  const h = DateTime.fromJSDate(start, { zone }).hour;
  const [a, b] = PART_HOURS[part];
  return h >= a && h < b;
}

/** Greetings that name a part of day without choosing it: "Boa tarde,", "Buenas tardes", "Good morning", "Goedemiddag". */
const GREETING = /(?<![\p{L}])(?:good\s+(?:morning|afternoon|evening)|buen(?:os|as)\s+(?:días|dias|tardes|noches)|boa\s+(?:tarde|noite)|bom\s+dia|bonjour|bonsoir|bonne\s+(?:après-midi|soirée|journée)|guten\s+(?:morgen|tag|abend)|goede(?:morgen|middag|navond)|buon(?:giorno|pomeriggio|asera)|buona\s+(?:sera|serata|giornata))(?![\p{L}])/giu;
const PART_WORDS: [Part, RegExp][] = [
  ['morning', /(?<![\p{L}])(?:morning|de\s+la\s+mañana|por\s+la\s+mañana|(?:da|de|pela)\s+manhã|manhã|matin|matinée|vormittag\p{L}*|morgens|ochtend|'s\s+ochtends|voormiddag|mattin[ao]|mattinata)(?![\p{L}])/iu],
  ['afternoon', /(?<![\p{L}])(?:afternoon|(?:de|por)\s+la\s+tarde|(?:da|de|pela)\s+tarde|après-midi|apres-midi|nachmittag\p{L}*|middag|namiddag|'s\s+middags|pomeriggio)(?![\p{L}])/iu],
  ['evening', /(?<![\p{L}])(?:evening|(?:de|por)\s+la\s+noche|(?:da|de|à)\s+noite|soir(?:ée)?|abend\p{L}*|avond|'s\s+avonds|(?:di|la|in)\s+serata|(?:di|la)\s+sera|stasera)(?![\p{L}])/iu],
];
/** Being busy or unable then: the part is refused, not chosen. */
const REFUSED = /(?<![\p{L}])(?:not|no|can['’]?t|cannot|busy|booked|never|não|nao|pas|nicht|kein\p{L}*|niet|geen|non|impossible|imposible|impossível|difficile|difícil|complicad\p{L}*|compliqu\p{L}*|schwierig|lastig|ocupad\p{L}*|occupé\p{L}*|besetzt|bezet|impegnat\p{L}*)(?![\p{L}])/iu;

/** The one part of day the reply chooses ("el de la tarde"), or null when it names none, several, or refuses one. */
function namedPart(visible: string): Part | null {
  const text = visible.replace(GREETING, ' ');
  const parts = PART_WORDS.filter(([, re]) => re.test(text)).map(([p]) => p);
  if (parts.length !== 1 || REFUSED.test(text)) return null;
  return parts[0] ?? null;
}

/** A weekday named alone ("Thursday", "on Tue"): no date that ties it to one week. */
function bareWeekday(t: ExtractedTime): boolean {
  return (t.grain === 'day' || t.grain === 'window') && /^(?:on\s+)?(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?$/i.test(t.text.trim());
}

const WD = '(?:on\\s+)?(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\\.?';
const CLOCK = '(?:at\\s+|@\\s*)?\\d{1,2}(?:[:.h]\\d{2})?\\s*(?:am|pm|a\\.m\\.|p\\.m\\.|h)?';
const WEEKDAY_CLOCK = new RegExp(`^(?:${WD},?\\s*${CLOCK}|${CLOCK}\\s*,?\\s*${WD})$`, 'i');

/** A weekday with a clock time and nothing that dates it ("Thursday at 14:00", "on Thu 3pm", "3pm Thursday"). */
function weekdayClock(t: ExtractedTime): boolean {
  return t.grain === 'minute' && WEEKDAY_CLOCK.test(t.text.trim());
}

function wall(d: Date, zone: string): string {
  return DateTime.fromJSDate(d, { zone }).toFormat('HH:mm');
}

function sameWallTime(a: Date, b: Date, zone: string): boolean {
  const x = DateTime.fromJSDate(a, { zone });
  const y = DateTime.fromJSDate(b, { zone });
  return x.hour === y.hour && x.minute === y.minute;
}

/**
 * "Tuesday at 3 works — wait, scratch that … Wed same time?": the times the reply corrects itself ("scratch that",
 * "actually", "mejor", "eigentlich") no longer stand; only those after the last correction choose a slot.
 */
function standingMentions(visible: string, mentioned: ExtractedTime[]): ExtractedTime[] {
  let end = visible.length;
  for (let k = mentioned.length - 1; k > 0; k--) {
    const b = visible.lastIndexOf(mentioned[k]!.text, end - 1);
    if (b < 0) return mentioned;
    const prev = mentioned[k - 1]!;
    const a = visible.lastIndexOf(prev.text, b - 1);
    if (a < 0) return mentioned;
    if (CORRECTION.test(visible.slice(a + prev.text.length, b))) return mentioned.slice(k);
    end = b;
  }
  return mentioned;
}
