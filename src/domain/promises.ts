/**
 * The rep's own promises become next steps (issue 15, item 5; playbook R5, R7). A sentence of the rep's
 * email to a prospect that commits to something ("I'll call you Tuesday at 10", "I'll send the revised
 * proposal by Friday", "let's talk again after the holidays") and names a time is read with the reply
 * parser's own time reading, in the rep's zone, at the email's date. Pure.
 */
import { DateTime } from 'luxon';
// Not the reply/index.js barrel: it loads the language detector (eld, 2 MB) that this does not use.
import { extractTimes } from './reply/times.js';
import { splitReply } from './reply/visible-text.js';
import { matchVagueRange } from './reply/intent.js';
import { nextBusinessInstant, parseClock } from './business-time.js';
import type { FollowUpPolicy } from './policy.js';

export interface RepPromise {
  /** What was promised, in the rep's words ("call you Thursday at 10"). */
  what: string;
  due: Date;
  /** The sentence it was found in. */
  sentence: string;
}

/** A first-person commitment, or a "let's" the rep proposes. */
const COMMITMENT = /\b(?:i'll|i\s+will|i\s+shall|i'm\s+going\s+to|i\s+am\s+going\s+to|i\s+plan\s+to|we'll|we\s+will|we're\s+going\s+to|let's|let\s+us|i\s+can|i\s+promise\s+to|expect\s+(?:it|them|my)|you'll\s+(?:have|get)\s+(?:it|them))\b/i;
/** "I'll be out Friday", "I will not", "I can't": not a promise of a follow-up. */
const NOT_A_PROMISE = /\b(?:i'll|i\s+will|we'll|we\s+will)\s+(?:be\s+(?:out|away|off|travel+ing|on\s+(?:leave|vacation|holiday))|not|never)\b|\bi\s+can(?:'t|not)\b/i;
const LEAD = /^.*?\b(?:i'll|i\s+will|i\s+shall|i'm\s+going\s+to|i\s+am\s+going\s+to|i\s+plan\s+to|we'll|we\s+will|we're\s+going\s+to|let's|let\s+us|i\s+can|i\s+promise\s+to)\s+/i;

function sentencesOf(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+|\n{1,}/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0 && !s.startsWith('>'));
}

function whatOf(sentence: string): string {
  const trimmed = sentence.replace(LEAD, '').replace(/[.!]+$/, '').trim();
  return (trimmed || sentence).slice(0, 200);
}

/**
 * The promises in the rep's email (its visible text: quoted history is left out), with their due
 * times. A day with no time of day ("by Friday") is due at the start of the rep's business hours that
 * day (the next business day when that is a weekend); a vague range ("after the holidays", "next
 * week") at its start, at that hour too; "later this week" the next business morning.
 */
export function findRepPromises(input: { text: string; html?: string | null; sentAt: Date; repZone: string; policy: FollowUpPolicy }): RepPromise[] {
  const { sentAt, repZone } = input;
  const visible = splitReply({ text: input.text, html: input.html ?? null }).visible;
  const out: RepPromise[] = [];
  const startMinutes = parseClock(input.policy.businessHours.start);
  const atDayStart = (d: Date): Date => {
    const day = DateTime.fromJSDate(d, { zone: repZone }).startOf('day');
    // Moved past weekends and holidays: "after the holidays" may start on a Saturday.
    return nextBusinessInstant(day.plus({ minutes: startMinutes }).toJSDate(), { zone: repZone, country: null, policy: input.policy });
  };
  for (const sentence of sentencesOf(visible)) {
    if (!COMMITMENT.test(sentence) || NOT_A_PROMISE.test(sentence)) continue;
    const times = extractTimes(sentence, sentAt, repZone, { forwardDate: true, scheduling: true }).filter(
      (t) => t.excluded === undefined || t.excluded === 'deadline',
    );
    const time = times.find((t) => t.start.getTime() > sentAt.getTime() && t.dated) ?? times.find((t) => t.start.getTime() > sentAt.getTime());
    let due: Date | null = null;
    if (time) {
      due = time.grain === 'day' || time.grain === 'range' ? atDayStart(time.start) : time.start;
    } else {
      const range = matchVagueRange(sentence, sentAt, repZone);
      if (range && range.start.getTime() > sentAt.getTime()) due = atDayStart(range.start);
      else if (range) due = atDayStart(new Date(sentAt.getTime() + 86_400_000));
    }
    if (!due || due.getTime() <= sentAt.getTime()) continue;
    out.push({ what: whatOf(sentence), due, sentence: sentence.slice(0, 300) });
  }
  return out;
}

/** The promise that becomes the prospect's next step: the soonest one of the email. */
export function nextStepFromPromises(promises: readonly RepPromise[]): RepPromise | null {
  return [...promises].sort((a, b) => a.due.getTime() - b.due.getTime())[0] ?? null;
}

/**
 * A due time the rep typed (`prospects next --due`, the prospect page): an ISO time, or words such as
 * "tomorrow 10am", "Friday", "next Tuesday at 3pm", read with the reply parser's time reading in the
 * rep's zone at `now`. A day with no time of day is due at the start of business hours. Null when the
 * words name no time in the future.
 */
export function readDueTime(input: { text: string; now: Date; repZone: string; policy: FollowUpPolicy }): Date | null {
  const text = input.text.trim();
  if (text === '') return null;
  if (/^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.test(text)) {
    const iso = DateTime.fromISO(text.replace(' ', 'T'), { zone: input.repZone });
    return iso.isValid ? iso.toJSDate() : null;
  }
  const times = extractTimes(text, input.now, input.repZone, { forwardDate: true, scheduling: true }).filter((t) => t.excluded === undefined || t.excluded === 'deadline');
  const time = times.find((t) => t.start.getTime() > input.now.getTime());
  if (!time) return null;
  if (time.grain === 'day' || time.grain === 'range') {
    const day = DateTime.fromJSDate(time.start, { zone: input.repZone }).startOf('day').plus({ minutes: parseClock(input.policy.businessHours.start) });
    return nextBusinessInstant(day.toJSDate(), { zone: input.repZone, country: null, policy: input.policy });
  }
  return time.start;
}
