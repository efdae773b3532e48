/**
 * The planner's preventive rules (issue 15): a reply waiting for the rep pauses the cadence, a meeting
 * the prospect has not accepted gets a confirmation and a warning, an email the rep sent by hand gets
 * one follow-up. Pure; called by planFollowUps (planner.ts) with its planning state.
 */
import { planMeetingConfirmations, unconfirmedWords } from './meeting-confirm.js';
import { planHandSentFollowUp } from './hand-sent.js';
import type { Candidate, PlanningState } from './planner.js';
import type { PlanAction } from './plan-actions.js';
import { dayAndClock, dayMonth } from './plan-words.js';

export function needsReplySkip(state: PlanningState): PlanAction | null {
  const open = [...(state.snapshot.needsReply ?? [])].sort((a, b) => a.at.getTime() - b.at.getTime());
  const first = open[0];
  if (!first) return null;
  return {
    kind: 'skip',
    reason: 'needs_reply',
    detail: `${state.first} wrote on ${dayAndClock(first.at, state.repZone, state.now)} and waits for your answer: "${first.words}". Nothing else goes out until you reply.`,
  };
}

/** Issue 15: a confirmation draft (and a warning) for each upcoming meeting the prospect has not accepted. */
export function planConfirmations(state: PlanningState, out: PlanAction[]): void {
  const { snapshot, policy, now, first, repZone } = state;
  const plans = planMeetingConfirmations({ meetings: snapshot.meetings, replies: snapshot.replies, policy, ctx: state.ctx, now });
  for (const p of plans) {
    const when = dayAndClock(p.meetingStart, repZone, now);
    const words = unconfirmedWords(first, p.response, `${when} (your time)`);
    const drafted = p.kind === 'draft' && !state.usedKeys.has(p.reasonKey);
    out.push({ kind: 'warn', reason: 'unconfirmed_meeting', meetingId: p.meetingId, detail: `${words}${drafted ? ' A short confirmation is drafted.' : ''}` });
    if (!drafted || p.kind !== 'draft') continue;
    out.push({
      kind: 'draft',
      reasonKey: p.reasonKey,
      template: 'meeting-confirm',
      recipient: 'prospect',
      sendAt: p.sendAt,
      reason: `${words} Asking them to confirm, ${policy.confirmBeforeHours} hours ahead.`,
      evidence: [],
      vars: { kind: 'confirm_meeting', meetingStart: p.meetingStart },
      meetingId: p.meetingId,
    });
  }
}

/** Issue 15: the follow-up of an email the rep sent by hand with no answer. */
export function planHandSent(state: PlanningState, candidates: Candidate[]): void {
  const { snapshot, policy, now, first, repZone } = state;
  if (!snapshot.sentByRep || snapshot.sentByRep.length === 0) return;
  const plan = planHandSentFollowUp({
    sent: snapshot.sentByRep,
    replies: snapshot.replies,
    meetingStarts: snapshot.meetings.filter((m) => m.outcome !== 'cancelled').map((m) => m.start),
    usedKeys: state.usedKeys,
    nextStepDue: snapshot.prospect.nextStep?.due ?? null,
    policy,
    ctx: state.ctx,
    now,
  });
  if (plan.kind !== 'draft') return;
  candidates.push({
    action: {
      kind: 'draft',
      reasonKey: plan.reasonKey,
      template: 'hand-sent-follow-up',
      recipient: 'prospect',
      sendAt: plan.sendAt,
      reason: `You emailed ${first} "${plan.subject}" on ${dayMonth(plan.sentAt, repZone, now)} from your mailbox, and ${first} has not answered. A short follow-up is drafted (once; it stops if they reply).`,
      evidence: [],
      vars: { kind: 'hand_sent', sentAt: plan.sentAt, subject: plan.subject },
      meetingId: null,
    },
  });
}

