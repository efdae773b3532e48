import { DateTime } from 'luxon';
import type { ProposedTime } from '../types.js';
import { matchAcceptance, pickOrdinal } from './intent.js';
import type { ExtractedTime } from './times.js';

export interface Acceptance {
  proposals: ProposedTime[];
  ambiguous: boolean;
  alternatives: ProposedTime[];
  rule: string;
}

const WEEKDAY_RE = /\b(mon|tue|wed|thu|fri|sat|sun)(?:day|s|\.)?(?:'s)?\b/gi;

/**
 * Resolves an acceptance ("yes, that works", "the second one", "Thursday's works") against the
 * slots the worker offered, or the times found in the quoted proposal. Null when nothing matches.
 */
export function resolveAcceptance(visible: string, mentioned: ExtractedTime[], candidates: (ProposedTime & { zone?: string })[], zone: string, repZone?: string): Acceptance | null {
  if (candidates.length === 0) return null;
  const slot = (c: ProposedTime, text: string): ProposedTime => ({ start: c.start, end: c.end, text });
  const ord = pickOrdinal(visible, candidates.length);
  if (ord !== null) {
    const c = candidates[ord];
    if (c) return { proposals: [slot(c, 'offered slot ' + (ord + 1))], ambiguous: false, alternatives: [], rule: `acceptance of offered slot #${ord + 1}` };
  }
  // A weekday or time that matches an offered slot.
  const days = [...visible.matchAll(WEEKDAY_RE)].map((m) => (m[1] ?? '').toLowerCase());
  const byMention = candidates.filter((c) => {
    const d = DateTime.fromJSDate(c.start, { zone });
    const dayOk = days.length === 0 || days.includes(d.toFormat('ccc').toLowerCase());
    // "lets do the 12:30" over a list the rep wrote "(ET)": the clock time as listed, in the list's zone.
    const timeOk = mentioned.every((t) => t.grain !== 'minute' || sameWallTime(t.start, c.start, zone) || (c.zone !== undefined && !t.dated && wall(t.start, zone) === wall(c.start, c.zone)));
    // "The afternoon one on Thursday", "el de la tarde": a part of day alone picks the slot inside its hours, on any day.
    const partOk = mentioned.every((t) => !partOnly(t) || inHours(c.start, t, zone));
    // A dated time must fall on the slot's day ("12/3 at 10am" is not Wednesday's 10am).
    const sameDay = mentioned.every((t) => (t.grain === 'minute' && !t.dated) || partOnly(t) || DateTime.fromJSDate(t.start, { zone }).hasSame(d, 'day'));
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

/** A part of day named alone ("the afternoon", "in the morning"), read on the reply's own day. */
function partOnly(t: ExtractedTime): boolean {
  return t.grain === 'window' && t.end !== null && /^(?:(?:in|during)\s+)?(?:the\s+)?(?:morning|afternoon|evening)s?$/i.test(t.text.trim());
}

/** Is the slot's wall clock time inside the part of day's hours? */
function inHours(start: Date, part: ExtractedTime, zone: string): boolean {
  const m = (d: Date) => { const x = DateTime.fromJSDate(d, { zone }); return x.hour * 60 + x.minute; };
  return part.end !== null && m(start) >= m(part.start) && m(start) < m(part.end);
}

function wall(d: Date, zone: string): string {
  return DateTime.fromJSDate(d, { zone }).toFormat('HH:mm');
}

function sameWallTime(a: Date, b: Date, zone: string): boolean {
  const x = DateTime.fromJSDate(a, { zone });
  const y = DateTime.fromJSDate(b, { zone });
  return x.hour === y.hour && x.minute === y.minute;
}
