/**
 * The send gate: one pure decision for one email on its way out (a draft, pending or approved, or its
 * outbox row): send now, hold until a time, or withdraw. The planner uses it when it drafts (prospect
 * stops, send time), the worker calls it again inside the claim, just before the provider call, and
 * on every run for what is still waiting (so a withdrawn draft shows as withdrawn at once).
 *
 * Rules, in order (playbook R2, R4 and "Replies that are not a yes"):
 *  1. opt-out/suppressed, bounced, closed: withdraw.
 *  2. a real reply that followup learnt of after the rep approved (a pending draft: after it was
 *     made) withdraws it: nudges, follow-ups, offers, confirmations were all decided without it.
 *     Approved after the reply, the rep's decision stands.
 *  3. a missed-meeting nudge whose meeting is now held: withdraw.
 *  3b. a confirmation before a meeting (issue 15) whose prospect has accepted the invite, or whose
 *     meeting has started or is no longer scheduled: withdraw.
 *  3c. a booking confirmation ("booked Tuesday at 3 PM") once that meeting has started: withdraw
 *     (approved a week late, it would confirm a meeting that is over).
 *  4. a slot offer whose first slot is now too close: withdraw (the offer would be wrong); a
 *     question about the time whose every reading has passed: withdraw.
 *  5. paused: hold until the pause ends (paused with no end: hold, re-checked daily).
 *  6. not yet due: hold until its time.
 *  7. business hours, weekends and public holidays in the prospect's zone: a time that has passed
 *     moves to the next window. A time the rep set by hand stands (within SEND_GRACE_MINUTES of it).
 *  8. the weekly cap: hold until one more email fits.
 * Mail to the rep (a brief) and mail with no prospect (a digest) only wait for their time.
 */
import { isBusinessInstant, isKnownZone, addBusinessMinutes, nextBusinessInstant } from './business-time.js';
import type { BusinessContext } from './business-time.js';
import { CAP_WINDOW_DAYS, MS_PER_DAY, firstInstantUnderCap, scheduleUnderCap } from './cadence.js';
import type { FollowUpPolicy } from './policy.js';
import type { Meeting, Prospect, ReplyKind, TemplateName, TimeInterval } from './types.js';
import { firstName } from './names.js';
import { formatWithZone } from './zone-label.js';

/** Reply kinds that are not a real answer from the prospect (they never stop a cadence). */
export const NOT_A_REPLY_KINDS: readonly ReplyKind[] = ['ooo', 'bounce'];
/** A time the rep set by hand stands when the email goes out within this long of it. */
export const SEND_GRACE_MINUTES = 60;
/** A slot offer is withdrawn when its first slot starts less than this much business time after now. */
export const SLOT_MIN_NOTICE_BUSINESS_MINUTES = 60;
/** Paused with no end date: look again this long after. */
const OPEN_PAUSE_RECHECK_MS = MS_PER_DAY;
const MS_PER_MINUTE = 60_000;

export interface GateItem {
  /** Idempotency key of the draft ("missed:<meeting>:<step>"); null for mail with no draft (a digest). */
  reasonKey: string | null;
  template: TemplateName | null;
  /** Who receives it: the prospect, or the rep (a brief, a digest). */
  recipient: 'prospect' | 'rep';
  /** When it is planned to go out. */
  sendAt: Date;
  /** The time the rep set by hand (`drafts edit --send-at`, the page's "Change the send time"), if any. */
  repSetTime: Date | null;
  createdAt: Date;
  /** Null while the draft waits for approval. */
  approvedAt: Date | null;
  /** For a slot offer: the slots it offers. */
  offeredSlots?: TimeInterval[] | null;
  /** For a booking confirmation: when the meeting it confirms starts. */
  bookedStart?: Date | null;
  /** For a question about the time ("did you mean ...?"): the readings it asks about. */
  askedTimes?: Date[] | null;
}

export interface GateReply {
  /** When the prospect wrote (the message's date). */
  at: Date;
  /** When followup learnt of it (recorded); the rep could not have seen it earlier. */
  knownAt?: Date | null;
  kind: ReplyKind;
  from?: string | null;
}

export interface GateInput {
  item: GateItem;
  prospect: Pick<Prospect, 'email' | 'name' | 'timeZone' | 'country' | 'status' | 'pausedUntil' | 'statusReason'>;
  rep: { timeZone: string };
  /** The address is on the suppression list (opt-out or bounce). */
  suppressed: boolean;
  /** The prospect's timeline since the draft was made (older entries are ignored by the rules). */
  replies: GateReply[];
  meetings: (Pick<Meeting, 'id' | 'outcome' | 'markedBy'> & Partial<Pick<Meeting, 'prospectResponse' | 'start'>>)[];
  /** When emails to this prospect went out (other than this one): the weekly cap. */
  sentAt: Date[];
  policy: FollowUpPolicy;
  now: Date;
}

export const WITHDRAW_REASONS = ['opted_out', 'bounced', 'closed', 'replied', 'meeting_held', 'slots_stale', 'accepted', 'meeting_started'] as const;
export type WithdrawReason = (typeof WITHDRAW_REASONS)[number];
export const HOLD_REASONS = ['paused', 'not_due', 'business_hours', 'weekly_cap'] as const;
export type HoldReason = (typeof HOLD_REASONS)[number];

export type GateDecision =
  /** `note`: why it goes out at a time the rules alone would not pick (the rep set it). */
  | { kind: 'send'; note: string | null }
  | { kind: 'hold'; until: Date; reason: HoldReason; detail: string }
  | { kind: 'withdraw'; reason: WithdrawReason; detail: string };

export type ProspectStop = { reason: 'suppressed' | 'closed' | 'bounced'; detail: string } | { reason: 'paused'; until: Date | null; detail: string };

/** "Sat 7 Nov, 2:00 AM EST" */
export function gateWords(at: Date, zone: string): string {
  return formatWithZone(at, zone, 'ccc d LLL, h:mm a');
}

export function businessContextOf(prospect: Pick<Prospect, 'timeZone' | 'country'>, policy: FollowUpPolicy, fallbackZone = 'UTC'): BusinessContext {
  const zone = isKnownZone(prospect.timeZone) ? prospect.timeZone : isKnownZone(fallbackZone) ? fallbackZone : 'UTC';
  return { zone, country: prospect.country ?? null, policy };
}

/**
 * Whether the prospect may be emailed at all right now (rule 1 and 5): the same stop the planner
 * applies before drafting. Null when nothing stops it.
 */
export function prospectStop(
  prospect: GateInput['prospect'],
  suppressed: boolean,
  now: Date,
  repZone: string,
): ProspectStop | null {
  const first = firstName(prospect.name, prospect.email);
  const why = prospect.statusReason ? ` (${prospect.statusReason})` : '';
  if (suppressed || prospect.status === 'suppressed') return { reason: 'suppressed', detail: `${first} opted out${why}; never email them again.` };
  if (prospect.status === 'bounced') return { reason: 'bounced', detail: `Email to ${prospect.email} bounced${why}; check the address.` };
  if (prospect.status === 'closed') return { reason: 'closed', detail: `${first} is closed${why}.` };
  const until = prospect.pausedUntil ?? null;
  if (until && until.getTime() > now.getTime()) {
    return { reason: 'paused', until, detail: `${first} is paused until ${gateWords(until, repZone)} (your time)${why}; nothing goes out before then.` };
  }
  if (prospect.status === 'paused' && !until) return { reason: 'paused', until: null, detail: `${first} is paused with no end date${why}.` };
  return null;
}

export function isRealReply(kind: ReplyKind): boolean {
  return !NOT_A_REPLY_KINDS.includes(kind);
}

/** The meeting a missed-meeting nudge belongs to, from its key "missed:<meetingId>:<step>". */
export function meetingOfReasonKey(reasonKey: string | null): string | null {
  const m = reasonKey ? /^missed:(.+):\d+$/.exec(reasonKey) : null;
  return m ? m[1]! : null;
}

/** The first real reply followup learnt of after `since`, if any. */
export function replyAfter(replies: readonly GateReply[], since: Date): GateReply | null {
  const after = replies
    .filter((r) => isRealReply(r.kind) && (r.knownAt ?? r.at).getTime() > since.getTime())
    .sort((a, b) => a.at.getTime() - b.at.getTime());
  return after[0] ?? null;
}

const TEMPLATE_WORDS: Partial<Record<TemplateName, string>> = {
  'slot-proposal': 'the slot offer',
  'confirm-time': 'the question about the time',
  'follow-up': 'the follow-up',
  'follow-up-apology': 'the follow-up',
  'follow-up-ages': 'the follow-up',
  'booking-confirmation': 'the confirmation',
  'meeting-confirm': 'the confirmation before the meeting',
  'hand-sent-follow-up': 'the follow-up',
};

function itemWords(template: TemplateName | null): string {
  return (template && TEMPLATE_WORDS[template]) ?? 'the nudge';
}

/**
 * The earliest time at or after `wanted` that keeps business hours (unless the rep set it) and the
 * weekly cap: what the planner schedules a new draft at, and where a hold moves an item to.
 */
export function placeSendTime(input: { wanted: Date; sentAt: readonly Date[]; ctx: BusinessContext; byRep: boolean }): Date {
  const { wanted, sentAt, ctx, byRep } = input;
  return byRep ? firstInstantUnderCap(wanted, sentAt, ctx.policy.maxEmailsPerWeek) : scheduleUnderCap(wanted, sentAt, ctx.policy.maxEmailsPerWeek, ctx);
}

/** Decides, for one email, whether it goes out now. Pure. */
export function decideSend(input: GateInput): GateDecision {
  const { item, prospect, policy, now } = input;
  const repZone = isKnownZone(input.rep.timeZone) ? input.rep.timeZone : 'UTC';
  if (item.recipient === 'rep') {
    return now.getTime() < item.sendAt.getTime()
      ? { kind: 'hold', until: item.sendAt, reason: 'not_due', detail: `Goes out at ${gateWords(item.sendAt, repZone)}.` }
      : { kind: 'send', note: null };
  }
  const first = firstName(prospect.name, prospect.email);
  const ctx = businessContextOf(prospect, policy, repZone);

  // 1 (and 5 below): the prospect's state.
  const stop = prospectStop(prospect, input.suppressed, now, repZone);
  if (stop && stop.reason !== 'paused') {
    return { kind: 'withdraw', reason: stop.reason === 'suppressed' ? 'opted_out' : stop.reason, detail: stop.detail };
  }

  // 2: a real reply the rep had not seen when deciding.
  // Never earlier than the draft itself (an approval stamped with another clock, `--now` runs).
  const decidedAt = new Date(Math.max((item.approvedAt ?? item.createdAt).getTime(), item.createdAt.getTime()));
  {
    const reply = replyAfter(input.replies, decidedAt);
    if (reply) {
      return {
        kind: 'withdraw',
        reason: 'replied',
        detail: `${first} replied at ${gateWords(reply.at, repZone)}${item.approvedAt ? ', after you approved it' : ''}; ${itemWords(item.template)} was withdrawn. Answer in person.`,
      };
    }
  }

  // 3: the meeting a nudge is about was held after all.
  const meetingId = meetingOfReasonKey(item.reasonKey);
  const meeting = meetingId ? input.meetings.find((m) => m.id === meetingId) : undefined;
  if (meeting && meeting.outcome === 'held') {
    const by = meeting.markedBy ? `marked held by ${meeting.markedBy}` : 'held (attendance shows it)';
    return { kind: 'withdraw', reason: 'meeting_held', detail: `The meeting with ${first} was ${by}; the nudge was withdrawn.` };
  }

  // 3b: a confirmation before a meeting is moot once they accepted, or once the meeting started.
  const confirming = item.reasonKey ? /^confirm-meeting:(.+)$/.exec(item.reasonKey)?.[1] : undefined;
  const confirmed = confirming ? input.meetings.find((m) => m.id === confirming) : undefined;
  if (confirmed) {
    if (confirmed.prospectResponse === 'accepted') {
      return { kind: 'withdraw', reason: 'accepted', detail: `${first} accepted the invite; the confirmation was withdrawn.` };
    }
    if (confirmed.outcome !== 'scheduled' || (confirmed.start && confirmed.start.getTime() <= now.getTime())) {
      return { kind: 'withdraw', reason: 'meeting_started', detail: `The meeting with ${first} has started or is no longer scheduled; the confirmation was withdrawn.` };
    }
  }

  // 3c: a booking confirmation is moot once the meeting it confirms has started.
  if (item.template === 'booking-confirmation' && item.bookedStart && item.bookedStart.getTime() <= now.getTime()) {
    return {
      kind: 'withdraw',
      reason: 'meeting_started',
      detail: `The meeting it confirms (${gateWords(item.bookedStart, ctx.zone)}, ${first}'s time) has started or passed; the confirmation was withdrawn.`,
    };
  }

  // 4: a slot offer must leave the prospect time to answer.
  if (item.template === 'slot-proposal' && item.offeredSlots && item.offeredSlots.length > 0) {
    const earliest = addBusinessMinutes(now, SLOT_MIN_NOTICE_BUSINESS_MINUTES, ctx);
    const firstSlot = [...item.offeredSlots].sort((a, b) => a.start.getTime() - b.start.getTime())[0]!;
    if (firstSlot.start.getTime() < earliest.getTime()) {
      return {
        kind: 'withdraw',
        reason: 'slots_stale',
        detail: `The first slot it offers (${gateWords(firstSlot.start, ctx.zone)}) is too close or has passed; the offer was withdrawn. Offer ${first} new times in person.`,
      };
    }
  }

  // 4 (continued): a question about the time they named is moot once every reading of it has passed.
  if (item.template === 'confirm-time' && item.askedTimes && item.askedTimes.length > 0 && item.askedTimes.every((t) => t.getTime() <= now.getTime())) {
    const named = [...item.askedTimes].sort((a, b) => a.getTime() - b.getTime()).map((t) => gateWords(t, ctx.zone));
    return {
      kind: 'withdraw',
      reason: 'slots_stale',
      detail: `Every time it asks ${first} about (${named.join('; ')}) has passed; the question was withdrawn. Ask ${first} for a new time in person.`,
    };
  }

  // 5: paused.
  if (stop && stop.reason === 'paused') {
    const until = stop.until ? placeSendTime({ wanted: stop.until, sentAt: input.sentAt, ctx, byRep: false }) : new Date(now.getTime() + OPEN_PAUSE_RECHECK_MS);
    return { kind: 'hold', until, reason: 'paused', detail: stop.detail };
  }

  // 6: not yet.
  if (now.getTime() < item.sendAt.getTime()) {
    return { kind: 'hold', until: item.sendAt, reason: 'not_due', detail: `Goes out at ${gateWords(item.sendAt, ctx.zone)} (${first}'s time).` };
  }

  // 7: business hours in the prospect's zone; a time the rep set stands.
  const sinceRepTime = item.repSetTime ? now.getTime() - item.repSetTime.getTime() : null;
  const repTimeStands = sinceRepTime !== null && sinceRepTime >= 0 && sinceRepTime <= SEND_GRACE_MINUTES * MS_PER_MINUTE;
  if (!repTimeStands && !isBusinessInstant(now, ctx)) {
    const until = nextBusinessInstant(now, ctx);
    return {
      kind: 'hold',
      until,
      reason: 'business_hours',
      detail: `It is ${gateWords(now, ctx.zone)} for ${first}, outside their business hours; it goes out ${gateWords(until, ctx.zone)}.`,
    };
  }

  // 8: the weekly cap.
  const windowStart = now.getTime() - CAP_WINDOW_DAYS * MS_PER_DAY;
  const recent = input.sentAt.filter((t) => t.getTime() > windowStart && t.getTime() <= now.getTime());
  if (recent.length >= Math.max(1, policy.maxEmailsPerWeek)) {
    const until = placeSendTime({ wanted: now, sentAt: input.sentAt, ctx, byRep: repTimeStands });
    return {
      kind: 'hold',
      until,
      reason: 'weekly_cap',
      detail: `${first} already got ${recent.length} email(s) in the last 7 days (the cap is ${policy.maxEmailsPerWeek}); it goes out ${gateWords(until, ctx.zone)}.`,
    };
  }

  const note =
    repTimeStands && !isBusinessInstant(now, ctx)
      ? `Sent at ${gateWords(now, ctx.zone)} for ${first}, outside their business hours, because you set that time.`
      : null;
  return { kind: 'send', note };
}

/** Whether a time falls outside the prospect's business hours (the page and command that set it say so). */
export function outsideBusinessHours(at: Date, prospect: Pick<Prospect, 'timeZone' | 'country'>, policy: FollowUpPolicy): string | null {
  const ctx = businessContextOf(prospect, policy);
  if (isBusinessInstant(at, ctx)) return null;
  return `${gateWords(at, ctx.zone)} is outside their business hours (next window: ${gateWords(nextBusinessInstant(at, ctx), ctx.zone)}); it stands because you set it.`;
}
