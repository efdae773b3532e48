import { DateTime } from 'luxon';
import type { LanguageGuess } from './language.js';
import type { ExtractedTime } from './times.js';
import { sameTimeAfter } from './offer-anchor.js';
import { unknownZoneWordAt } from './zones.js';

/** "Tuesday at 3 — actually, make it 4", "14u kan, of wacht, … 16u dan?", "Nee, Moment – …": words that replace the time said before. */
export const CORRECTION = /(?<![\p{L}])(?:actually|sorry,?\s+i\s+meant|i\s+meant|i\s+mean(?=\s+(?:on\s+|the\s+)?(?:mon|tue|wed|thu|fri|sat|sun|next|\d))|my\s+(?:mistake|bad)|(?:ah|oh|ach|och|o)\s+(?:non|no|nee|neen|nein)|make\s+(?:it|that)|correction|scratch\s+that|wait|on\s+second\s+thought|en\s+realidad|mejor\s+(?:dicho|a\s+las|el|la|los|las|por|en)|bueno\s+no|perdón|na\s+verdade|na\s+vdd|aliás|melhor|en\s+fait|plutôt|pardon|eigentlich|doch\s+lieber|doch\s+nicht|toch\s+niet|(?:ah|ai)\s+n[ãa]o|pera(?=\s*[,.!…])|korrektur|eigenlijk|liever|correctie|anzi|invece|meglio|scusa|(?:(?:of|oh|nee|ah|ach|oh)\s+)?(?:wacht(?:\s+even)?|warte(?:\s+mal)?|attends|attendez|aspetta|espera|moment(?:\s+mal)?)(?=\s*[,.!…–—-]))(?![\p{L}])/iu;

/** The day said first is not possible after all: "no", "we're closed", "I'm off", "geschlossen", "fermés", "chiuso"… */
const WITHDRAWN = /(?<![\p{L}])(?:my\s+mistake|no|not|nee|nein|closed|off|can['’]?t|cannot|won['’]?t|busy|conflict|clash|holiday|conflicto|conflito|conflitto|konflikt|bank\s+holiday|cerrad[oa]s?|cerramos|cerrado|festivo|fechad[oa]s?|feriado|não|nao|fermée?s?|férié|pas|geschlossen|nicht|feiertag|gesloten|niet|feestdag|chius[oi]|festa|non)(?![\p{L}])/iu;

/** Another person's availability: "Marcus can only do", "Rick is only available", "notre DAF n'est disponible que", "Onze CFO kan alleen". */
const OTHERS_FREE = /(?<![\p{L}])(?:can\s+only\s+(?:do|make|meet)|(?:is|are)\s+only\s+(?:available|free)|(?:is|are)\s+(?:free|available)|only\s+has|n['’]est\s+disponible\s+que|ne\s+peut\s+que|(?:est|sont)\s+(?:disponibles?|libres?)|kan\s+alleen|is\s+alleen\s+(?:beschikbaar|vrij)|is\s+(?:beschikbaar|vrij)|kann\s+nur|ist\s+nur|hat\s+nur|ist\s+(?:frei|verfügbar)|s[óo]lo\s+puede|s[óo]lo\s+est[áa]\s+(?:disponible|libre)|est[áa]\s+(?:disponible|libre)|s[óo]\s+pode|s[óo]\s+est[áa]\s+(?:dispon[íi]vel|livre)|est[áa]\s+(?:dispon[íi]vel|livre)|pu[òo]\s+solo|[èe]\s+(?:disponibile|libero|libera)(?:\s+solo)?)(?![\p{L}])/iu;
/** The writer's own word: "I am free", "I can", "let's take", "I suggest we", "de mon côté, je peux", "ik kan zelf", "ich kann". */
const OWN_TIME = /(?<![\p{L}])(?:i\s*(?:am|['’]m)\s+(?:free|available)|i\s+can|i\s+(?:suggest|propose)|let['’]s|we\s+(?:go\s+ahead|take|do)|de\s+mon\s+c[ôo]t[ée]|je\s+(?:peux|suis\s+(?:libre|disponible)|propose)|faisons|ik\s+kan|laten\s+we|ich\s+(?:kann|bin\s+(?:frei|verfügbar)|schlage)|(?:yo\s+)?puedo|por\s+mi\s+parte|propongo|(?:eu\s+)?posso|da\s+minha\s+parte|proponho|(?:io\s+)?posso|da\s+parte\s+mia)(?![\p{L}])/iu;
/** A first-person subject right before the verb ("ik kan alleen", "I can only"): the writer's own, not another's. */
const FIRST_PERSON_END = /(?<![\p{L}])(?:i|we|je|nous|ik|wij|ich|wir|yo|eu|io|noi)\s+$/iu;

/** The clause a time stands in, up to the time: from the last full stop, semicolon, line break or comma before it. */
function clauseBefore(text: string, index: number): string {
  const from = Math.max(...['.', ';', '!', '?', '\n', ','].map((c) => text.lastIndexOf(c, index - 1))) + 1;
  return text.slice(from, index);
}

function othersTime(text: string, t: ExtractedTime): boolean {
  const clause = clauseBefore(text, t.index);
  const m = OTHERS_FREE.exec(clause);
  return m !== null && !FIRST_PERSON_END.test(clause.slice(0, m.index)) && !OWN_TIME.test(clause);
}

/**
 * "Marcus can only do Thursday … Let's take the Wednesday 1:00 PM slot", "notre DAF n'est disponible que le lundi
 * matin … De mon côté, je peux le mercredi 10 novembre vers 9h30": several people's availability, then the writer's
 * own time. The writer's time comes first; the others' days stay after it.
 */
function ownTimeFirst(times: ExtractedTime[], text: string): ExtractedTime[] {
  const first = times[0];
  if (!first || !othersTime(text, first)) return times;
  const i = times.findIndex((t, k) => k > 0 && !t.excluded && t.dated && OWN_TIME.test(clauseBefore(text, t.index)));
  if (i < 0) return times;
  const own = times[i]!;
  return [{ ...own, rules: [...own.rules, 'the writer\'s own time, after other people\'s availability'] }, ...times.filter((_, k) => k !== i)];
}

/** The times in the order the prospect means them: a corrected time goes after its correction. */
export function orderCorrections(times0: ExtractedTime[], text: string, zone: string): ExtractedTime[] {
  const times = ownTimeFirst(times0, text);
  if (times.length < 2) return times;
  const [first, ...rest] = times;
  const idx0 = rest.findIndex((t) => CORRECTION.test(text.slice((first?.index ?? 0) + (first?.text.length ?? 0), t.index)));
  if (!first || idx0 < 0) return times;
  const idx = restatedDaySkipped(rest, idx0, first, zone);
  let fixed = rest[idx]!;
  // "Monday at 10 works. Oh no, Monday I have a board meeting, Tuesday same time then": a day with "same time" after a
  // correction takes the hour of the time it corrects (no quoted offer needed).
  if ((fixed.grain === 'day' || fixed.grain === 'window') && fixed.dated && first.grain === 'minute' && first.dated
    && sameTimeAfter(text.slice(fixed.index + fixed.text.length))) {
    const from = DateTime.fromJSDate(first.start, { zone });
    const start = DateTime.fromJSDate(fixed.start, { zone }).set({ hour: from.hour, minute: from.minute, second: 0, millisecond: 0 });
    fixed = { ...fixed, start: start.toJSDate(), end: null, grain: 'minute', rules: [...fixed.rules, `"same time": the hour of "${first.text}", said before it`] };
  }
  // "Wednesday 17th? Actually no, we're closed that day. Make it Thursday 18th at 11": the day said first is withdrawn
  // and the new time names its own day and hour; a counter-proposal, read as surely as "Tuesday doesn't work, Wednesday
  // at 11?". ("Tuesday at 3pm. Actually, make it 4pm" only adjusts, and is asked.)
  const gap = text.slice(first.index + first.text.length, fixed.index);
  const carried = fixed.rules.some((r) => r.startsWith('"same time": the hour of'));
  // ("terça às 15h… não, pera, terça tenho dentista. quarta 15h?": a time on another day after a withdrawal, too; the
  // day said first named again after the correction, as the reason, withdraws it as well.)
  const withdrawn = fixed.dated && fixed.grain === 'minute' && (first.grain !== 'minute' || carried || first.dated) && (WITHDRAWN.test(gap) || idx !== idx0)
    && !DateTime.fromJSDate(fixed.start, { zone }).hasSame(DateTime.fromJSDate(first.start, { zone }), 'day');
  if (withdrawn) return [{ ...fixed, rules: [...fixed.rules, 'replaces the day said before it, which the reply withdraws'] }, ...rest.filter((_, i) => i !== idx)];
  // "Tuesday at 3pm works. Actually, make it 4pm": the new time is on the day said before.
  if (!fixed.dated && first.dated && fixed.grain === 'minute') {
    const day = DateTime.fromJSDate(first.start, { zone });
    const t = DateTime.fromJSDate(fixed.start, { zone });
    fixed = { ...fixed, start: day.set({ hour: t.hour, minute: t.minute, second: 0, millisecond: 0 }).toJSDate(), dated: true };
  }
  const rules = [...fixed.rules, 'corrects the time said before it: conflicting second time'];
  return [{ ...fixed, rules }, first, ...rest.filter((_, i) => i !== idx)];
}

/**
 * "Martedì alle 12. Anzi no, martedì c'è sciopero, facciamo mercoledì alla stessa ora": after the correction, the day
 * said first is named again (the one withdrawn, as the reason why); the correction is the other day after it.
 */
function restatedDaySkipped(rest: ExtractedTime[], idx: number, first: ExtractedTime, zone: string): number {
  const t = rest[idx]!;
  const day = (x: ExtractedTime) => DateTime.fromJSDate(x.start, { zone });
  if (t.grain !== 'day' && t.grain !== 'window') return idx;
  if (!day(t).hasSame(day(first), 'day')) return idx;
  const next = rest.findIndex((x, k) => k > idx && x.dated && !x.excluded && !day(x).hasSame(day(first), 'day'));
  return next < 0 ? idx : next;
}

export interface CertaintyInput {
  times: ExtractedTime[];
  text: string;
  ref: Date;
  zone: string;
  language: LanguageGuess;
  hasRepZone: boolean;
  /** The first start read in the runner-up language, when it differs. */
  other: Date | null;
}

/**
 * Reasons the reading of the proposed times is not certain enough to book without asking. Empty = certain.
 * Only the first proposal is booked by itself (the others are fallbacks), so its reading decides.
 */
export function assessCertainty(input: CertaintyInput): string[] {
  const { times, text, ref, zone } = input;
  const reasons: string[] = [];
  const first = times[0];
  if (!first) return reasons;
  for (const rule of first.rules) {
    if (/ambiguous/.test(rule)) reasons.push(`ambiguous: ${rule}`);
    if (/conflicting second time/.test(rule)) reasons.push('conflicting second time: a later time corrects an earlier one');
  }
  const after = text.slice(first.index + first.text.length, first.index + first.text.length + 12);
  const unknown = unknownZoneWordAt(after);
  if (unknown) reasons.push(`unknown zone: "${unknown}" is not a zone followup knows; read in the prospect's zone`);
  if (/\b(?:your|ur|yr)\s+(?:time|local\s+time|end|side)\b/i.test(text) && !input.hasRepZone) reasons.push('unknown zone: "your time" but the rep\'s zone is not known');
  if (!first.dated) reasons.push('ambiguous: no day named, read as the next time that hour comes');
  const start = DateTime.fromJSDate(first.start, { zone });
  const now = DateTime.fromJSDate(ref, { zone });
  if (start.diff(now, 'days').days > 300) reasons.push('could be past: a date without a year, read as next year');
  // "the 15th" said on the 17th: next month's, or a slip for a day just gone.
  if (/^(?:on\s+)?the\s+\d{1,2}(?:st|nd|rd|th)\b/i.test(first.text) && start.month !== now.month && now.day - start.day >= 1 && now.day - start.day <= 3) {
    reasons.push(`could be past: "${first.text}" has passed this month, read as next month's`);
  }
  // Two different times on the same day, not offered as options ("at 2 ... 3pm is better").
  const second = times[1];
  if (second && !reasons.some((r) => r.startsWith('conflicting')) && second.grain === 'minute' && first.grain === 'minute') {
    const gap = text.slice(first.index + first.text.length, second.index);
    const sameDay = DateTime.fromJSDate(second.start, { zone }).hasSame(start, 'day');
    // "8:45? before my 9:30": a time of the prospect's own ("my 9:30") is what the proposal fits around, not a second one.
    const own = /(?<![\p{L}])(?:my|mein(?:em|en)?|mon|ma|mi|mis|meu|minha|mijn|mio|mia)\s*$/iu.test(text.slice(Math.max(0, second.index - 12), second.index));
    if (sameDay && !own && !/(?:^|[^\p{L}])(?:or|either|otherwise|alternatively|also|and|ou|o|oder|of|oppure|y|e|en|und|et)(?![\p{L}])|[,/|]|\n|[-–—]/iu.test(gap)) {
      reasons.push('conflicting second time: two times on the same day, not offered as options');
    }
  }
  if (input.other) {
    reasons.push(`low-confidence language: read as ${input.language.runnerUp} it would start ${input.other.toISOString()}`);
  }
  return reasons;
}
