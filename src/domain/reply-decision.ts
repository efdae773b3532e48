/**
 * What the worker does with a prospect's reply (playbook R1 and "Replies that are not a yes").
 * Pure: the parsed reply, the prospect, the policy and `now` in; one decision out.
 */
import { DateTime } from 'luxon';
import { addBusinessDays } from './business-time.js';
import type { FollowUpPolicy } from './policy.js';
import type { ParsedReply, Prospect, ProposedTime, TimeInterval } from './types.js';
import { firstName } from './names.js';

export type ReplyDecision =
  /** Book the first candidate that is free in the rep's calendar, in order. */
  | { kind: 'book'; candidates: TimeInterval[]; text: string }
  /** The reading is not certain: ask, spelling out each reading with its full date, time and zone. */
  | { kind: 'confirm_time'; alternatives: TimeInterval[]; reasons?: string[] }
  /** A vague answer or a window: offer 2-3 concrete free slots inside the range. */
  | { kind: 'offer_slots'; range: TimeInterval }
  | { kind: 'pause'; until: Date; detail: string }
  | { kind: 'bounce'; detail: string }
  | { kind: 'suppress'; detail: string }
  | { kind: 'declined'; detail: string }
  /** A real reply with no time in it: the cadence stops and the rep answers in person. */
  | { kind: 'replied'; detail: string };

export interface ReplyDecisionInput {
  parsed: ParsedReply;
  prospect: Pick<Prospect, 'name' | 'timeZone' | 'country'>;
  now: Date;
  policy: FollowUpPolicy;
  /** The slots the rep offered this prospect (the latest slot offer): accepting one books exactly it. */
  offeredSlots?: TimeInterval[];
}

function toInterval(p: ProposedTime, minutes: number): TimeInterval {
  return { start: p.start, end: new Date(p.start.getTime() + minutes * 60_000) };
}

/** The offered slot a proposal is (the parser resolved "the second one works" to it), if any. */
function offeredSlotOf(p: ProposedTime, offered: readonly TimeInterval[]): TimeInterval | null {
  if (!p.end) return null;
  const slot = offered.find((s) => s.start.getTime() === p.start.getTime() && s.end.getTime() === p.end!.getTime());
  return slot ? { start: slot.start, end: slot.end } : null;
}

function uniqueByStart(list: ProposedTime[]): ProposedTime[] {
  return list.filter((p, i) => list.findIndex((q) => q.start.getTime() === p.start.getTime()) === i);
}

export function decideReplyAction(input: ReplyDecisionInput): ReplyDecision {
  const { parsed, prospect, now, policy } = input;
  const who = firstName(prospect.name);
  const ctx = { zone: prospect.timeZone, country: prospect.country ?? null, policy };

  switch (parsed.kind) {
    case 'bounce':
      return { kind: 'bounce', detail: `Mail to ${who} bounced; check the address.` };
    case 'optout':
      return { kind: 'suppress', detail: `${who} asked not to be emailed again.` };
    case 'decline':
      return { kind: 'declined', detail: `${who} said they are not interested: close the prospect or keep it.` };
    case 'ooo': {
      if (parsed.returnDate) {
        const back = DateTime.fromISO(parsed.returnDate, { zone: prospect.timeZone }).startOf('day');
        if (back.isValid) {
          // Back on the return date, plus one business day to catch up (playbook).
          const until = addBusinessDays(back.toJSDate(), 1, ctx);
          if (until > now) return { kind: 'pause', until, detail: `${who} is out of office until ${parsed.returnDate}.` };
        }
      }
      const until = new Date(now.getTime() + policy.oooDefaultPauseDays * 86_400_000);
      return { kind: 'pause', until, detail: `${who} is out of office with no return date; trying again in ${policy.oooDefaultPauseDays} days.` };
    }
    case 'proposal': {
      const future = parsed.proposals.filter((p) => p.start > now);
      const futureAlternatives = parsed.alternatives.filter((p) => p.start > now);
      if (parsed.ambiguous && futureAlternatives.length > 0) {
        return { kind: 'confirm_time', alternatives: futureAlternatives.map((p) => toInterval(p, policy.meetingMinutes)) };
      }
      if (future.length === 0) return { kind: 'replied', detail: `${who} replied with a time that has already passed.` };
      // An offered slot accepted ("the second one works"): book exactly that slot.
      const accepted = future.map((p) => offeredSlotOf(p, input.offeredSlots ?? [])).filter((s): s is TimeInterval => s !== null);
      if (accepted.length > 0 && accepted.length === future.length) {
        return { kind: 'book', candidates: accepted, text: future.map((p) => p.text).join(' / ') };
      }
      const points = future.filter((p) => p.end === null);
      // Book by itself only when the reading is certain (R1): a wrong booking costs more than a question.
      // A reading stored before certainty was recorded carries no flag and keeps the old behaviour.
      if (parsed.certain === false && points.length > 0) {
        const readings = uniqueByStart([...points, ...futureAlternatives]).slice(0, 3);
        return { kind: 'confirm_time', alternatives: readings.map((p) => toInterval(p, policy.meetingMinutes)), reasons: parsed.uncertain };
      }
      // The organisation asked to confirm every time a reply names before booking it.
      if (!policy.bookWithoutAsking && points.length > 0) {
        const readings = uniqueByStart([...points, ...futureAlternatives]).slice(0, 3);
        return { kind: 'confirm_time', alternatives: readings.map((p) => toInterval(p, policy.meetingMinutes)), reasons: ['the policy asks before every booking (bookWithoutAsking: false)'] };
      }
      if (points.length > 0) {
        return { kind: 'book', candidates: points.map((p) => toInterval(p, policy.meetingMinutes)), text: points.map((p) => p.text).join(' / ') };
      }
      // Only windows ("Tuesday morning"): offer concrete slots inside the first one.
      const w = future[0]!;
      return { kind: 'offer_slots', range: { start: w.start, end: w.end ?? new Date(w.start.getTime() + 3 * 3_600_000) } };
    }
    case 'vague': {
      const range = parsed.range && parsed.range.end > now
        ? { start: parsed.range.start > now ? parsed.range.start : now, end: parsed.range.end }
        : { start: now, end: addBusinessDays(now, 5, ctx) };
      return { kind: 'offer_slots', range };
    }
    case 'other':
      return { kind: 'replied', detail: `${who} replied; answer in person (the nudges have stopped).` };
  }
}
