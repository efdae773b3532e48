import { DateTime, FixedOffsetZone } from 'luxon';
import type { ProposedTime } from '../types.js';
import { dayFirstParser, dayFirstStrictParser, monthFirstParser, monthFirstStrictParser, type ChronoResult } from './chrono-setup.js';
import { contextExclusion } from './context.js';
import { carryTimeAcrossOptions, dropUndatedDuplicates, joinDayAndPart, merge, reasonDay, restatedDay, sayChooses, weekdayDayNumber, weekdayOfDateNamed, weekdayOfNextWeek } from './times-join.js';
import { STANDARD_OFFSET, cityNameZone, cityZoneAt, isMonthFirst, offsetAt, standardTimeZone, travelZoneIn, zoneWordAt, zoneWordIn } from './zones.js';
import { prepareTimeText, WEEKDAYS } from './prepare-text.js';
import { weekdayInWeekOf } from './week-of.js';
import { dropConversions } from './conversion.js';

/** A time found in text, in UTC, with how it was read. */
export interface ExtractedTime extends ProposedTime {
  index: number;
  /** minute: a point in time; window: a part of day or bounded hour; day: a whole day. */
  grain: 'minute' | 'window' | 'day' | 'range';
  ambiguous: boolean;
  alternatives: ProposedTime[];
  rules: string[];
  /** False for a time of day with no day named ("at 3"): it falls on the reference day. */
  dated: boolean;
  /** Set when the phrase is read but must not become a proposal ("last Tuesday", "Monday doesn't work"). */
  excluded?: 'past wording' | 'negated' | 'absence' | 'deadline' | 'busy';
}

export const PARTS: { re: RegExp; from: number; to: number; name: string }[] = [
  { re: /\bmorning\b/i, from: 9, to: 12, name: 'morning' },
  { re: /\b(?:lunch|lunchtime|midday|noon)\b/i, from: 12, to: 13, name: 'lunch' },
  { re: /\bafternoon\b/i, from: 13, to: 17, name: 'afternoon' },
  { re: /\b(?:evening|tonight)\b/i, from: 17, to: 20, name: 'evening' },
];

const NUMBER_WORDS: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, couple: 2, few: 3, half: 0.5 };

export interface ExtractOptions {
  /** Apply the scheduling conventions (default: when the text reads as arranging a meeting). */
  scheduling?: boolean;
  /** Read dates forward (default: when scheduling). */
  forwardDate?: boolean;
  /**
   * Like chrono-node's strict mode: only fully specified dates and times (an explicit calendar date, with or without
   * a time; a clock time with minutes or am/pm; spelled-out durations). Weekdays without a calendar date ("Tuesday",
   * "Tuesday at 3pm"), relative words ("tomorrow", "next week"), abbreviated durations ("in 15m"), bare hours
   * ("at 10"), "the 3rd" and holidays give nothing.
   * Default false: the casual reading parseReply uses.
   */
  strict?: boolean;
  /** The zone "your time" means (the rep's, when the prospect writes "2pm your time"). */
  yourZone?: string;
  /** The prospect's country: numeric dates in its order (default: the zone's region). */
  country?: string;
  /** The numeric date order is known (a day-first language in a day-first country): "3/12" is not ambiguous. */
  numericOrderSure?: boolean;
  /** Read numeric dates day first even where the zone writes the month first (French in Quebec); still asked. */
  dayFirst?: boolean;
  /** Zone abbreviations only in capitals ("ist", "et", "est" are words in German, French, Portuguese). */
  strictZoneCase?: boolean;
}

/**
 * Every date/time phrase in `text`, read at `ref` in `zone` (an explicit zone in the phrase wins).
 * Past times are returned too; callers decide (parseReply drops them).
 */
export function extractTimes(input: string, ref: Date, zone: string, options: ExtractOptions = {}): ExtractedTime[] {
  const text = prepareTimeText(input, ref, zone);
  const scheduling = options.scheduling ?? isSchedulingText(text);
  const monthFirst = !options.dayFirst && isMonthFirst(zone, options.country);
  const parser = options.strict ? (monthFirst ? monthFirstStrictParser : dayFirstStrictParser) : monthFirst ? monthFirstParser : dayFirstParser;
  // Dates read forward only when the text is about meeting: "12th of July" in a scheduling reply is the next one.
  const parse = (s: string) => parser.parse(s, { instant: ref, timezone: offsetAt(zone, ref) }, { forwardDate: options.forwardDate ?? scheduling });
  const results = withinSentences(parse(text), text, parse);
  const out: ExtractedTime[] = [];
  for (const r of merge(weekdayDayNumber(results, ref, zone), text)) {
    // "11:00 wäre": a piece that starts inside a clock time (after its colon) is no phrase of its own.
    if (/\d[:.]$/.test(text.slice(0, r.index))) continue;
    // "bel me op 06-12345678": a piece that ends inside a longer run of digits (a phone number) is no phrase either.
    if (/\d$/.test(r.text) && /^\d/.test(text.slice(r.index + r.text.length))) continue;
    // "Ça m'intéresse": chrono's word bounds are ASCII, so a piece may start inside a word after an accented letter.
    if (/\p{L}$/u.test(text.slice(0, r.index))) continue;
    // "con copia a mí": nor one that ends inside a word, before an accented letter ("a m" is no a.m.).
    if (/(?<![\p{L}])[ap]\s?m$/iu.test(r.text) && /^[\u0080-\uFFFF]/.test(text.slice(r.index + r.text.length)) && /^\p{L}/u.test(text.slice(r.index + r.text.length))) continue;
    if (isNoise(r.text, scheduling) || hasImpossibleDay(r.text, text.slice(0, r.index))) continue;
    if (options.strictZoneCase && isPossessiveMon(r.text, text.slice(r.index + r.text.length))) continue;
    const t = scheduling ? readResult(r, text, ref, zone, options) : readAsWritten(r, text, zone);
    const excluded = exclusion(r, text);
    if (t) out.push(excluded ? { ...t, excluded } : t);
  }
  const joined = joinDayAndPart(weekdayOfNextWeek(out, text, ref, zone), text, zone);
  const read = reasonDay(weekdayOfDateNamed(restatedDay(joined, text, zone), text, zone), text, zone);
  return travelling(sayChooses(dropUndatedDuplicates(carryTimeAcrossOptions(weekdayInWeekOf(dropConversions(read, text), text, zone), text, ref, zone), zone), text, zone), text, zone, scheduling);
}

/**
 * "Dienstag 15 Uhr geht. Ich bin dann allerdings für die Messe in New York.": a clock time from a writer who says
 * they will be in another city (said after the time) is that city's wall clock (first) or their home zone's. Both stay
 * plausible: asked.
 */
function travelling(list: ExtractedTime[], text: string, zone: string, scheduling: boolean): ExtractedTime[] {
  if (!scheduling) return list;
  return list.map((t) => {
    if (t.grain !== 'minute' || t.excluded || t.rules.some((r) => /^explicit (?:zone|UTC offset)|"your time"/.test(r))) return t;
    // Said after the time, in the same or the next sentence ("Monday I can't, I'm in Spain. Wednesday at 10:30?" is
    // about Monday).
    const away = travelZoneIn(text.slice(t.index + t.text.length, t.index + t.text.length + 160), zone, t.start);
    if (!away) return t;
    const home = DateTime.fromJSDate(t.start, { zone });
    const there = DateTime.fromObject({ year: home.year, month: home.month, day: home.day, hour: home.hour, minute: home.minute }, { zone: away });
    const shift = there.toMillis() - home.toMillis();
    return { ...t, start: there.toJSDate(), end: t.end ? new Date(t.end.getTime() + shift) : null, ambiguous: true, alternatives: [{ start: t.start, end: t.end, text: t.text }, ...t.alternatives], rules: [...t.rules, `ambiguous: the writer will be in ${away} then: its wall clock, or ${zone}'s`] };
  });
}

/**
 * French "mon assistante", "mon créneau de jeudi": the possessive, which the English reader takes for "Mon" (Monday).
 * Only in a reply not in English (a French Monday is "lundi"); "Mon 10h", "Mon morning" keep a time after the word.
 */
function isPossessiveMon(phrase: string, after: string): boolean {
  return /^mon$/i.test(phrase) && /^\s+\p{L}/u.test(after) && !/^\s+(?:morning|afternoon|evening|at|or|and|works|ok|is|would|the|next|noon|lunch)(?![\p{L}])/iu.test(after);
}

/**
 * chrono-node may join pieces across a full stop ("… all afternoon. Wednesday 11:00?" came back as one phrase, read as
 * Tuesday night). A phrase never spans two sentences: such a result is read again sentence by sentence.
 */
function withinSentences(results: ChronoResult[], text: string, parse: (s: string) => ChronoResult[]): ChronoResult[] {
  // "trucks all morning. tmrw 3:15": a part of day closing a sentence is that sentence's, even when the next one
  // starts in lower case (written on a phone); chrono would read it into the next sentence's time.
  const BREAK = /(?<![\d\p{Lu}])[.!?]+\s+(?=\p{Lu})|(?<=\d)[!?]+\s+|(?<=\b(?:morning|afternoon|evening|tonight|lunch(?:time)?)[.!?]*)[.!?]\s+|\n+/gu;
  const out: ChronoResult[] = [];
  for (const r of results) {
    const cuts = [...r.text.matchAll(BREAK)].map((m) => [m.index ?? 0, (m.index ?? 0) + m[0].length] as const);
    if (cuts.length === 0) { out.push(r); continue; }
    let from = 0;
    for (const [a, b] of [...cuts, [r.text.length, r.text.length] as const]) {
      const piece = r.text.slice(from, a);
      if (piece.trim()) {
        for (const p of parse(piece)) { (p as unknown as { index: number }).index = p.index + r.index + from; out.push(p); }
      }
      from = b;
    }
  }
  return out;
}

/**
 * Words that make a text about arranging a meeting. Only there do followup's scheduling conventions fill what
 * chrono leaves implied (a day = 09:00–17:00, "morning" = 09:00–12:00, bare 1–6 = pm, dates read forward);
 * elsewhere ("the deadline was last night") the phrase is read as written, with chrono-node's own components.
 */
const SCHEDULING_WORDS = /\b(?:meet(?:ing|up)?s?|call(?:s|ed)?|chat|talk|speak|catch(?:\s+|-)up|demo|free|available|availability|works?|suits?|convenient|schedul\w*|book(?:ed)?|slots?|connect|sync|zoom|teams|webex|hangouts?|how\s+about|what\s+about|can\s+we|could\s+we|shall\s+we|let'?s|calendar|invite|appointment|reach\s+me|ring\s+me|good\s+for|fine\s+(?:for|with)|ok(?:ay)?\s+for|termin|treffen|gespräch|anruf|passt|geht|convient|rendez-vous|appel|disponible|réunion|reunión|llamada|me\s+va|verfügbar|dispo|qu[eé]\s+tal|q\s+tal|why\s+not|pourquoi\s+pas)\b|\?/i;

export function isSchedulingText(text: string): boolean {
  return SCHEDULING_WORDS.test(text);
}

/** Outside a scheduling context: chrono-node's reading, certain and implied components as chrono gives them. */
function readAsWritten(r: ChronoResult, text: string, zone: string): ExtractedTime | null {
  const start = r.start.date();
  if (Number.isNaN(start.getTime())) return null;
  const rules = ['read as written (no scheduling context): chrono-node components'];
  let startAt = start;
  const after = text.slice(r.index + r.text.length);
  // A zone word chrono does not know ("Eastern", "CET") after a stated hour: the wall time in that zone.
  const named = !r.start.isCertain('timezoneOffset') && r.start.isCertain('hour') ? zoneWordIn(r.text) ?? zoneWordAt(after)?.zone ?? null : null;
  if (named) {
    const local = DateTime.fromJSDate(start, { zone: FixedOffsetZone.instance(offsetAt(zone, start)) });
    startAt = DateTime.fromObject({ year: local.year, month: local.month, day: local.day, hour: local.hour, minute: local.minute }, { zone: named }).toJSDate();
    rules.push(`explicit zone ${named}`);
  }
  const end = r.end ? r.end.date() : null;
  const hasHour = r.start.isCertain('hour') || r.start.isCertain('minute');
  const coarse = !hasHour && !r.start.isCertain('day') && !r.start.isCertain('weekday');
  const part = PARTS.some((p) => p.re.test(r.text)) || /\bnight\b/i.test(r.text);
  const grain: ExtractedTime['grain'] = hasHour ? 'minute' : coarse && !part && !/\b(?:today|tomorrow|tonight|yesterday|now)\b/i.test(r.text) ? 'range' : part ? 'window' : 'day';
  return { start: startAt, end, text: r.text, index: r.index, grain, ambiguous: false, alternatives: [], rules, dated: isDated(r, r.text) };
}

const NEGATION_AFTER = /^[^.!?;\n]{0,25}?\b(?:(?:i['’]?m|i\s+am|we['’]?re|we\s+are)\s+(?:off|out|away)|n[aã]o\s+rola|(?:geht|passt|klappt)\s+(?:mir\s+)?(?:ned|net|nit)|kan\s+(?:ik\s+)?nie|doesn'?t|does not|won'?t|will not|isn'?t|is not|wouldn'?t|can'?t|cannot|not good|not possible|is out|are out|no good|ne va pas|ne marche pas|ne me convient pas|passt nicht|geht nicht|passt mir nicht|no me va|no puedo|no es posible|no llego|no alcanzo|não consigo|não chego|n'y arrive pas|schaffe ich nicht|schaff ich nicht|lukt (?:me|mij) niet|haal ik niet|red ik niet|non ce la faccio|non riesco|non arrivo|gaat ni(?:et)?|kan (?:ik )?niet|non posso|non va|nn posso|nn riesco|nn ce la faccio|je ne peux pas|não posso|não dá|kann ich nicht|is bad|is (?:tough|tricky|rough|awkward|hard|difficult|a no)|me (?:pilla|viene|va) (?:fatal|mal)|no me cuadra|ne m'arrange pas|passt (?:mir )?schlecht|(?:geht|klappt) schlecht|klappt nicht|komt (?:mij |me )?(?:slecht|niet) uit|mi viene male|non mi va bene|não me dá jeito|(?:public |bank |national )?holidays?|feriado|festivo|festa|feiertag|nationalfeiertag|feestdag|férié|ferie|koningsdag|bevrijdingsdag|hemelvaart(?:sdag)?|pinksteren|bettag|fronleichnam|himmelfahrt|brückentag|je[uû]ne\s+f[ée]d[ée]ral|ascension|toussaint|pentec[ôo]te|ferragosto|corpus\s+christi|tiradentes|carnaval)\b/i;
/** "Tuesday no, Monday ok", "martes no.", "dinsdag nee,", "Monday's out": a bare no right after the day ("na sexta no mesmo horário" is Portuguese "in the"). */
const NO_AFTER = /^\s*,?\s*(?:(?:no|non|nee|nein)(?=\s*(?:[,.;!?]|$))|não(?![\p{L}])|['’]s\s+(?:out|bad|no\s+good|not\s+good|tough|tricky|a\s+(?:no|no-go|nope|bust|write-off))(?![\p{L}-]))/iu;
const NEGATION_BEFORE = /\b(?:not|can'?t do|cannot do|can'?t make|unable to do|except|other than|anything but|nicht|pas|no)\s+(?:on\s+|at\s+)?$/i;
/** "Why not Thursday?", "Pourquoi pas jeudi ?", "Warum nicht Donnerstag?": a proposal, the "not" refuses nothing. */
const WHY_NOT = /(?<![\p{L}])(?:why|pourquoi|warum|wieso|waarom|perch[eé]|por\s*qu[eé]|por\s+que)\s+(?:not|pas|nicht|niet|non|no|não)\s+(?:on\s+|at\s+)?$/iu;
const PAST_WORDS = /\b(?:last|yesterday|ago|earlier today|this past)\b/i;


/** "Tuesday doesn't work", "not Monday", "last Tuesday at 2pm": never proposals. */
function exclusion(r: ChronoResult, text: string): ExtractedTime['excluded'] {
  const before = text.slice(Math.max(0, r.index - 20), r.index);
  const after = text.slice(r.index + r.text.length);
  if (PAST_WORDS.test(r.text) || /\b(?:last|this past)\s+$/i.test(before)) return 'past wording';
  // "I'm away until the 30th": the end of an absence, not a time to meet (the reply is then vague, or an OOO).
  // "trucks all morning.", "client demos all afternoon!": a part of day spent on something else, closing its sentence,
  // tells why not then (not "free all morning").
  if (/^(?:morning|afternoon|evening|day)$/i.test(r.text.trim()) && /\b(?:all|the\s+whole|whole)\s+$/i.test(before) && /^\s*[.!]/.test(after)
    && !/\b(?:free|available|open|works?|fine|good|ok(?:ay)?)\b/i.test(before)) return 'busy';
  if (/\b(?:until|till|til|through|thru)\s+(?:the\s+)?$/i.test(before) || /^(?:until|till|through|thru)\b/i.test(r.text)) return 'absence';
  // "in a couple weeks once our launch is out the door": a negation inside a clause of its own (once, when, because…)
  // is about that clause's subject, not the time.
  // "viernes por favor, el martes no puedo": the next day named opens a clause of its own too.
  const own0 = after.split(/(?<![\p{L}])(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?![\p{L}])/iu)[0] ?? after;
  const own = own0.split(/(?<![\p{L}])(?:once|when|after|until|till|as\s+soon\s+as|because|since|if|before|while|but|and|so|cuando|porque|quand|parce\s+que|wenn|weil|sobald|als|wanneer|omdat|zodra|quando|perché|appena)(?![\p{L}])/iu)[0] ?? own0;
  if (NEGATION_AFTER.test(own) || NO_AFTER.test(after) || (NEGATION_BEFORE.test(before) && !WHY_NOT.test(before))) return 'negated';
  const context = contextExclusion(text, r.index, r.index + r.text.length);
  return context === 'past' ? 'past wording' : context ?? undefined;
}

const MONTH_NAME = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?';
const DAY_AFTER_MONTH = new RegExp(`^${MONTH_NAME}\\s+3[2-9]\\b`, 'i');
const MONTH_START = new RegExp(`^${MONTH_NAME}(?![a-z])`, 'i');

/** "32 August", "August 32": a day number just past 31 next to a month name is a mistyped day, not a date ("Aug 96" stays a year). */
function hasImpossibleDay(phrase: string, before: string): boolean {
  if (DAY_AFTER_MONTH.test(phrase)) return true;
  return MONTH_START.test(phrase) && /(?:^|[^\d:./-])3[2-9](?:st|nd|rd|th)?\s+(?:of\s+)?$/i.test(before);
}

function isNoise(s: string, scheduling: boolean): boolean {
  const digits = s.replace(/\D/g, '');
  const dateShape = /^\s*(?:\d{1,2}[./-]\d{1,2}[./-]\d{4}|\d{4}[./-]\d{1,2}[./-]\d{1,2})\s*$/.test(s);
  if (/^[\d\s()+.-]+$/.test(s) && digits.length >= 7 && !dateShape) return true; // phone numbers, not 31.10.1974 or 2015-03-03
  if (/^\d{4}$/.test(s.trim())) return true; // a bare year
  if (!scheduling) return false;
  // "It takes about 20 minutes", "the demo is 30 minutes": a length, not a time ("in 20 minutes" is one).
  if (BARE_DURATION.test(s.trim())) return true;
  return /^(?:now|today|tonight|sec|second|a sec|the end)$/i.test(s.trim()) && !/tonight/i.test(s);
}

const BARE_DURATION = /^(?:(?:around|about|approx\.?|approximately|roughly|some|just|only)\s+)?(?:\d+(?:[.,]\d+)?|an?|one|two|three|four|five|six|ten|fifteen|twenty|thirty|forty-five|a\s+few|a\s+couple(?:\s+of)?)\s*(?:secs?|seconds?|mins?|minutes?|hrs?|hours?|h|days?|weeks?|months?|years?)\.?$/i;

const YOUR_TIME = /^\s*,?\s*(?:(?:in|on)\s+(?:your|ur|yr)\s+(?:time(?:\s*zone)?|local\s+time|end|side)|(?:your|ur|yr)\s+(?:time(?:\s*zone)?|local\s+time|end|side)|(?:de\s+)?(?:tu|su|seu|sua|votre|ta|Ihrer|deiner|jouw|jullie|uw|vostro|tuo|suo)\s+(?:hora(?:rio)?|horário|fuso|heure|Zeit|tijd|orario|ora)|(?:à|a)\s+(?:votre|vostra|sua)\s+(?:heure|ora|hora)|hora\s+(?:de\s+)?(?:usted|vocês?))(?![\p{L}])/iu;
const YOUR_TIME_IN = /\b(?:your|ur|yr)\s+(?:time(?:\s*zone)?|local\s+time|end|side)\b/i;

/**
 * "3pm EST" in July: New York is on EDT then, so the writer means New York's 3pm (most likely, first) or 3pm at
 * UTC−5 (an hour later there). Both stay plausible: the reading is asked, the other kept as an alternative.
 */
function readResult(r: ChronoResult, text: string, ref: Date, zone: string, options: ExtractOptions): ExtractedTime | null {
  const t0 = readResult0(r, text, ref, zone, options);
  if (!t0 || t0.grain !== 'minute') return t0;
  const t = minutesToOrRange(t0, zone);
  const word = /(?<![A-Za-z])(EST|CST|MST|PST|AKST|AEST|NZST)(?![A-Za-z])/.exec(`${r.text} ${text.slice(r.index + r.text.length, r.index + r.text.length + 8)}`)?.[1];
  const region = t.rules.map((x) => /^explicit zone (.+)$/.exec(x)?.[1]).find(Boolean);
  const std = word ? STANDARD_OFFSET[word.toLowerCase()] : undefined;
  if (!word || !region || std === undefined || offsetAt(region, t.start) === std) return t;
  const local = DateTime.fromJSDate(t.start, { zone: region });
  const alt = DateTime.fromObject({ year: local.year, month: local.month, day: local.day, hour: local.hour, minute: local.minute }, { zone: FixedOffsetZone.instance(std) }).toJSDate();
  if (alt.getTime() === t.start.getTime()) return t;
  return { ...t, ambiguous: true, alternatives: [...t.alternatives, { start: alt, end: null, text: t.text }], rules: [...t.rules, `ambiguous: "${word}" written while ${region} is on daylight time: its wall clock, or UTC${std < 0 ? '−' : '+'}${Math.abs(std / 60)}`] };
}

const MINUTES_TO = /(?<![\p{L}\d:])(ten|five)\s+to\s+(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|noon|midday)(?![\p{L}])/iu;

/**
 * "Thursday ten to twelve": 11:50 as a clock reads it (first), or the hours from ten to twelve. Both stay plausible:
 * the reading is asked, the span's start kept as the other reading.
 */
function minutesToOrRange(t: ExtractedTime, zone: string): ExtractedTime {
  const m = MINUTES_TO.exec(t.text);
  const at = DateTime.fromJSDate(t.start, { zone });
  // "at ten to four" is a clock time; "from ten to twelve" a span (read as one before this).
  if (!m?.[1] || at.minute === 0 || /(?:from|between|at|around|about)\s+$/i.test(t.text.slice(0, m.index))) return t;
  const hour = m[1].toLowerCase() === 'ten' ? 10 : 17;
  const alt = at.set({ hour, minute: 0, second: 0, millisecond: 0 }).toJSDate();
  return { ...t, ambiguous: true, alternatives: [...t.alternatives, { start: alt, end: null, text: t.text }], rules: [...t.rules, `ambiguous: "${m[0]}" is ${at.toFormat('HH:mm')} or the hours from ${hour}:00`] };
}

function readResult0(r: ChronoResult, text: string, ref: Date, zone: string, options: ExtractOptions): ExtractedTime | null {
  const yourZone = options.yourZone;
  const rules: string[] = [];
  const phrase = r.text;
  const after = text.slice(r.index + phrase.length);
  const yours = yourZone && r.start.isCertain('hour') && (YOUR_TIME.test(after) || YOUR_TIME_IN.test(phrase)) ? yourZone : null;
  if (yours) rules.push(`"your time": the rep's zone ${yours}`);
  // "8am Manila time Thursday": the city's time may stand inside the phrase, between the time and its day.
  const inner = /(?:\d|[ap]m)(?=\s+\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+)?\s+time\b)/u.exec(phrase);
  // "8-10am Sydney next Wednesday" (joined across the city's name): the city alone after the clock time.
  const bareCity = /(?:\d|[AaPp][Mm])\s+(\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+)?)\s+(?:on\s+)?(?:[Nn]ext\s+|[Tt]his\s+)?(?:[Mm]on|[Tt]ue|[Ww]ed|[Tt]hu|[Ff]ri|[Ss]at|[Ss]un|[Tt]omorrow|[Tt]oday)/u.exec(phrase);
  const city = r.start.isCertain('hour') ? cityZoneAt(after) ?? (inner ? cityZoneAt(phrase.slice(inner.index + inner[0].length)) : null) ?? (bareCity?.[1] && /^\p{Lu}/u.test(bareCity[1]) ? cityNameZone(bareCity[1]) : null) : null;
  const named0 = yours ?? city ?? zoneWordIn(phrase) ?? (r.start.isCertain('hour') ? zoneWordAt(after, options.strictZoneCase)?.zone : null) ?? null;
  const stdWord = !yours && !city ? /(?<![A-Za-z])(EST|CST|MST|PST|AKST|AEST|NZST)(?![A-Za-z])/.exec(`${phrase} ${after.slice(0, 8)}`)?.[1] : undefined;
  const named = named0 && stdWord ? standardTimeZone(stdWord, named0, zone, ref) : named0;
  let z: string | FixedOffsetZone = zone;
  // "às 14h está" (Portuguese), "15h est" (French): a lower-case word chrono took for a zone.
  const wordNotZone = options.strictZoneCase && /\s(?:est|edt|pst|pdt|cst|cdt|mst|mdt|et|pt|ct|mt|ist|cet|cest|bst|gmt|utc)\s*$/.test(phrase);
  if (named) { z = named; rules.push(`explicit zone ${named}`); }
  else if (r.start.isCertain('timezoneOffset') && !wordNotZone) {
    z = FixedOffsetZone.instance(r.start.get('timezoneOffset') ?? 0);
    rules.push('explicit UTC offset');
  }
  const relative = relativeDuration(phrase);
  if (relative !== null) {
    const start = new Date(ref.getTime() + relative);
    return point(start, phrase, r.index, [`relative "${phrase}"`]);
  }
  const year = r.start.get('year') ?? DateTime.fromJSDate(ref, { zone }).year;
  const month = r.start.get('month') ?? 1;
  let day = r.start.get('day') ?? 1;
  const hasDay = r.start.isCertain('day') || r.start.isCertain('weekday') || /\b(?:today|tomorrow|overmorrow|tonight|day after)\b/i.test(phrase)
    || PARTS.some((p) => p.re.test(phrase)); // "this afternoon": the reference day
  const hasHour = r.start.isCertain('hour') && !/^(?:by)\b/i.test(phrase) ? true : r.start.isCertain('hour');
  const holidayOnly = r.tags().has('parser/holiday') && !hasHour; // "after Thanksgiving": a reference point, not a slot
  if (holidayOnly || (!hasDay && !hasHour) || (/\b(?:week|month|year|quarter|weekend)\b/i.test(phrase) && !hasHour && !r.start.isCertain('weekday'))) {
    // Months, weeks, years: read (for callers that want the instant) but never a proposal; vague ranges are read in intent.ts.
    const start = DateTime.fromObject({ year, month, day: r.start.isCertain('day') ? day : r.start.get('day') ?? 1 }, { zone }).startOf('day');
    return start.isValid ? { start: start.toJSDate(), end: null, text: phrase, index: r.index, grain: 'range', ambiguous: false, alternatives: [], rules: ['month/week/year only: a range, not a proposal'], dated: true } : null;
  }

  let nextAlt: DateTime | null = null;
  const nextWd = /\bnext\s+(mon|tue|wed|thu|fri|sat|sun)[a-z]*\b/i.exec(phrase);
  if (nextWd?.[1]) {
    const read = readNextWeekday(nextWd[1], ref, zone);
    day = read.primary.day;
    const pm = read.primary;
    const base = DateTime.fromObject({ year: pm.year, month: pm.month, day: pm.day }, { zone });
    if (read.alternative) nextAlt = read.alternative;
    rules.push(read.alternative ? '"next <weekday>" within this week: ambiguous' : '"next <weekday>" = the one in the coming week');
    return finish(r, phrase, base, hasHour, z, rules, nextAlt, text, options.numericOrderSure === true);
  }
  let base = DateTime.fromObject({ year, month, day }, { zone: typeof z === 'string' ? z : z });
  const today = DateTime.fromJSDate(ref, { zone }).startOf('day');
  if (r.start.isCertain('weekday') && !r.start.isCertain('day') && base.hasSame(today, 'day') && !/\b(?:today|this)\b/i.test(phrase)) {
    base = base.plus({ days: 7 });
    rules.push('a weekday named on that same weekday = next week');
  }
  return finish(r, phrase, base, hasHour, z, rules, nextAlt, text, options.numericOrderSure === true);
}

function finish(
  r: ChronoResult, phrase: string, date: DateTime, hasHour: boolean, z: string | FixedOffsetZone,
  rules: string[], altDay: DateTime | null, text: string, numericOrderSure: boolean,
): ExtractedTime | null {
  if (!date.isValid) return null;
  let ambiguous = false;
  const numeric = /(?<![\d.])(\d{1,2})\/(\d{1,2})(?:\/\d{2,4})?(?![\d])/.exec(phrase);
  let swapped: DateTime | null = null;
  if (numeric && Number(numeric[1]) <= 12 && Number(numeric[2]) <= 12 && numeric[1] !== numeric[2]) {
    let other = date.set({ month: date.day, day: date.month });
    // Read forward like the first reading: "03/12" said in November is 3 December of this year, not of the next.
    const earlier = other.minus({ years: 1 });
    const today = DateTime.fromJSDate(r.refDate, { zone: date.zone }).startOf('day');
    if (earlier >= today) other = earlier;
    // "05/12" read day first in November: the month-first reading, 12 May, is next year's.
    else if (other < today) other = other.plus({ years: 1 });
    // A weekday named with it settles the order ("Thursday 12/03"), and so does a language that only writes day first.
    const weekday = r.start.isCertain('weekday') ? r.start.get('weekday') : null;
    if (weekday !== null && weekday !== undefined && (date.weekday % 7) === weekday && (other.weekday % 7) !== weekday) {
      rules.push(`numeric date "${numeric[0]}": the weekday named settles the order`);
    } else if (numericOrderSure) {
      rules.push(`numeric date "${numeric[0]}": in the order the prospect's country writes it`);
    } else {
      swapped = other;
      ambiguous = true;
      rules.push(`numeric date "${numeric[0]}": month/day order ambiguous`);
    }
  }
  const wall = (d: DateTime, h: number, m: number) => DateTime.fromObject({ year: d.year, month: d.month, day: d.day, hour: h, minute: m }, { zone: z });
  const part = PARTS.find((p) => p.re.test(phrase));
  const window = (d: DateTime, from: number, to: number) => ({ start: wall(d, from, 0).toJSDate(), end: wall(d, to, 0).toJSDate(), text: phrase });
  const dayKeys = [date, ...(altDay ? [altDay] : []), ...(swapped ? [swapped] : [])];

  if (!hasHour) {
    const [from, to] = part ? [part.from, part.to] : [9, 17];
    rules.push(part ? `part of day "${part.name}" = ${from}:00–${to}:00 window` : 'a day without a time = 09:00–17:00 window');
    const [first, ...rest] = dayKeys.map((d) => window(d, from, to));
    if (!first) return null;
    return { ...first, index: r.index, grain: part ? 'window' : 'day', ambiguous: ambiguous || rest.length > 0, alternatives: rest, rules, dated: true };
  }
  let hour = r.start.get('hour') ?? 0;
  const minute = r.start.get('minute') ?? 0;
  const explicitMeridiem = /\b(?:a\.?m\.?|p\.?m\.?|noon|midnight|uhr|h\d{0,2})\b|\d(?:am|pm|h)\b/i.test(phrase) || /\d{1,2}:\d{2}/.test(phrase) && (hour >= 13 || /\b0\d:/.test(phrase)) || hour >= 13 || hour === 0 && /\b00:/.test(phrase);
  let meridiemAlt: number | null = null;
  const stated = !r.start.isCertain('meridiem') && !r.tags().has('result/relativeDate');
  if (!explicitMeridiem && stated && hour >= 1 && hour <= 12) {
    if (part && part.from >= 12 && hour < 12) { hour += 12; rules.push(`"${part.name}" → pm`); }
    else if (part?.name === 'morning') rules.push('"morning" → am');
    else if (hour >= 1 && hour <= 6) { hour += 12; rules.push('bare hour 1–6 → pm (business hours)'); }
    else if (hour === 7) { hour = 19; meridiemAlt = 7; ambiguous = true; rules.push('bare 7: 7pm and 7am both plausible → ambiguous'); }
    else if (hour >= 8 && hour <= 11) rules.push('bare hour 8–11 → am (business hours)');
  }
  // No day named ("after 3", "at 4"): the next time that hour comes round, read after the meridiem
  // was settled (chrono rolled a bare "3" past 03:00 to tomorrow before it became 15:00).
  if (!isDated(r, phrase) && !r.tags().has('result/relativeDate')) {
    const refLocal = DateTime.fromJSDate(r.refDate, { zone: z });
    let d = refLocal.startOf('day');
    if (wall(d, hour, minute) <= refLocal) d = d.plus({ days: 1 });
    if (!d.hasSame(date, 'day')) rules.push('no day named: the next time that hour comes');
    dayKeys[0] = d;
  }
  // "after 3" is a window; "half past two" / "twenty after 2" is a clock time; "Monday after Thanksgiving, 2pm" a day.
  const bounded = /(?<!\b(?:a\s+)?(?:quarter|half|twenty(?:[-\s]five)?|ten|five|\d{1,2})(?:\s+min(?:ute)?s?)?\s+)(?<!\bday\s+)\b(after|past|before|by)\b(?!\s+tomorrow)/i.exec(phrase.replace(WEEKDAY_BY_HOLIDAY, '$1'))?.[1]?.toLowerCase();
  const mk = (d: DateTime, h: number): ProposedTime => {
    const start = wall(d, h, minute);
    if (bounded === 'after' || bounded === 'past') {
      const endHour = h < 17 ? 17 : Math.min(h + 3, 23);
      return { start: start.toJSDate(), end: wall(d, endHour, 0).toJSDate(), text: phrase };
    }
    if (bounded === 'before' || bounded === 'by') {
      const from = h > 9 ? 9 : Math.max(h - 2, 0);
      return { start: wall(d, from, 0).toJSDate(), end: start.toJSDate(), text: phrase };
    }
    const end = r.end && r.end.isCertain('hour') ? wall(d, adjustEnd(r.end.get('hour') ?? h, h), r.end.get('minute') ?? 0).toJSDate() : null;
    return { start: start.toJSDate(), end, text: phrase };
  };
  if (bounded) rules.push(bounded === 'after' || bounded === 'past' ? `"${bounded} ${hour}" = window from ${hour}:00` : `"${bounded} ${hour}" = window until ${hour}:00`);
  const first = mk(dayKeys[0]!, hour);
  const alts: ProposedTime[] = [];
  if (meridiemAlt !== null) alts.push(mk(dayKeys[0]!, meridiemAlt));
  for (const d of dayKeys.slice(1)) alts.push(mk(d, hour));
  void text;
  return { ...first, index: r.index, grain: bounded ? 'window' : 'minute', ambiguous: ambiguous || alts.length > 0, alternatives: alts, rules: rules.length ? rules : ['explicit date/time'], dated: isDated(r, phrase) };
}

/** "Monday after Thanksgiving": a weekday placed by a holiday (chrono-setup reads it as that day), no "after 2pm" window. */
const WEEKDAY_BY_HOLIDAY = /\b((?:mon|tues|wednes|thurs|fri|satur|sun)day)\s+(?:after|before)\s+(?=\p{L})/giu;

function isDated(r: ChronoResult, phrase: string): boolean {
  return r.start.isCertain('day') || r.start.isCertain('weekday') || /\b(?:today|tomorrow|overmorrow|tonight|day after)\b/i.test(phrase);
}

/** chrono reads "2-4" ends in the same meridiem as written; keep the end after the start. */
function adjustEnd(endHour: number, startHour: number): number {
  if (endHour < startHour && endHour + 12 > startHour && endHour + 12 < 24) return endHour + 12;
  return endHour;
}

function point(start: Date, text: string, index: number, rules: string[]): ExtractedTime {
  return { start, end: null, text, index, grain: 'minute', ambiguous: false, alternatives: [], rules, dated: true };
}

function relativeDuration(phrase: string): number | null {
  const m = /^in\s+(?:about\s+|around\s+)?(\d+|an?|one|two|three|four|five|six|couple|few|half)(?:\s+of)?(?:\s+an?)?\s+(hours?|hrs?|minutes?|mins?)\b/i.exec(phrase.trim());
  if (!m?.[1] || !m[2]) return null;
  const n = /^\d+$/.test(m[1]) ? Number(m[1]) : NUMBER_WORDS[m[1].toLowerCase()] ?? 1;
  return n * (/^h/i.test(m[2]) ? 3_600_000 : 60_000);
}

/** "next Tuesday": the one in the coming week; said earlier the same week it may mean this week's. */
export function readNextWeekday(abbrev: string, ref: Date, zone: string): { primary: DateTime; alternative: DateTime | null } {
  const target = WEEKDAYS.findIndex((w) => w.startsWith(abbrev.toLowerCase())) + 1;
  const now = DateTime.fromJSDate(ref, { zone }).startOf('day');
  let ahead = (target - now.weekday + 7) % 7;
  if (ahead === 0) ahead = 7;
  const nearest = now.plus({ days: ahead });
  if (nearest.weekNumber === now.weekNumber && nearest.weekYear === now.weekYear) {
    return { primary: nearest.plus({ days: 7 }), alternative: nearest };
  }
  return { primary: nearest, alternative: null };
}
