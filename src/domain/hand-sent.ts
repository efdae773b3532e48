/**
 * Emails the rep sent by hand (issue 15, item 4; Inbox Zero's "follow up when a sent email gets no
 * answer"). The rep's latest email to a prospect, sent from their own mailbox (not one followup sent),
 * with no answer `policy.cadenceBusinessDays[0]` business days later (the cadence's first step after the
 * nudge) gets one follow-up draft, like a missed meeting's nudge. One draft per email, ever; any real
 * reply after the email, a later email to them, a meeting since then, or a next step due after it (a
 * promise in that very email, say) stops it. Pure.
 */
import { addBusinessDays, type BusinessContext } from './business-time.js';
import type { FollowUpPolicy } from './policy.js';
import type { ReplyKind } from './types.js';
import { isRealReply } from './send-gate.js';

export interface SentByRep {
  at: Date;
  /** Message-ID (or the provider id when there is none): the draft's key. */
  key: string;
  subject: string;
  /** True when followup itself sent it (an approved draft): not a hand-sent email. */
  byFollowup: boolean;
}

export interface HandSentInput {
  sent: SentByRep[];
  replies: { at: Date; kind: ReplyKind }[];
  /** Starts of meetings with the prospect (held, scheduled or missed): a meeting since is contact. */
  meetingStarts: Date[];
  /** The prospect's next step, if any: one due after the email is the plan (R5, R7), not silence. */
  nextStepDue?: Date | null;
  /** Draft keys already used (a key is drafted once, ever). */
  usedKeys: ReadonlySet<string>;
  policy: FollowUpPolicy;
  /** The prospect's business hours. */
  ctx: BusinessContext;
  now: Date;
}

export type HandSentPlan =
  | { kind: 'draft'; reasonKey: string; sendAt: Date; sentAt: Date; subject: string }
  | { kind: 'none'; why: 'no_email' | 'answered' | 'later_contact' | 'next_step' | 'not_yet' | 'drafted' };

export function handSentKey(messageKey: string): string {
  return `handsent:${messageKey}`;
}

/** The first step of the cadence after the first nudge, in business days (default 2). */
export function handSentWaitBusinessDays(policy: FollowUpPolicy): number {
  return Math.max(1, policy.cadenceBusinessDays[0] ?? 2);
}

export function planHandSentFollowUp(input: HandSentInput): HandSentPlan {
  const latest = [...input.sent].sort((a, b) => b.at.getTime() - a.at.getTime())[0];
  if (!latest || latest.byFollowup) return { kind: 'none', why: 'no_email' };
  const after = (t: Date) => t.getTime() > latest.at.getTime();
  if (input.replies.some((r) => isRealReply(r.kind) && after(r.at))) return { kind: 'none', why: 'answered' };
  if (input.meetingStarts.some(after)) return { kind: 'none', why: 'later_contact' };
  // "I'll call you Thursday at 10": the rep's own next step is the follow-up; a nudge before it would double up.
  if (input.nextStepDue && after(input.nextStepDue)) return { kind: 'none', why: 'next_step' };
  const key = handSentKey(latest.key);
  if (input.usedKeys.has(key)) return { kind: 'none', why: 'drafted' };
  const due = addBusinessDays(latest.at, handSentWaitBusinessDays(input.policy), input.ctx);
  if (input.now.getTime() < due.getTime()) return { kind: 'none', why: 'not_yet' };
  return { kind: 'draft', reasonKey: key, sendAt: due, sentAt: latest.at, subject: latest.subject };
}
