/**
 * The follow-up planner (playbook R2-R7). Pure: state, policy and `now` in, actions out.
 *
 * For one prospect it decides, in this order:
 *  - gates: suppressed / closed / bounced / paused prospects get one skip and nothing else;
 *  - R2: the nudge cadence of the latest missed meeting (and a call-again reminder);
 *  - R3, R5, R7: the promised next step, overdue (tone by gap) or due within a day;
 *  - R6: a brief for the rep before each upcoming meeting;
 *  - R4: every prospect-bound draft is moved later if it would break the weekly cap.
 * Every draft carries an idempotency key (reasonKey); a key already used is never planned again.
 */
import { nextBusinessInstant } from './business-time.js';
import type { BusinessContext } from './business-time.js';
import { MS_PER_DAY, nudgeDueAt, nudgeTemplate } from './cadence.js';
import { isRealReply, placeSendTime, prospectStop } from './send-gate.js';
import { firstName } from './names.js';
import type { FollowUpPolicy } from './policy.js';
import type { Meeting } from './types.js';
import {
  briefKey,
  callReminderKey,
  missedNudgeKey,
  nextStepKey,
  type DraftAction,
  type PlanAction,
  type ProspectSnapshot,
} from './plan-actions.js';
import { ago, clock, dayAndClock, dayMonth, meetingRef, plural, validZone } from './plan-words.js';
import { needsReplySkip, planConfirmations, planHandSent } from './plan-prevent.js';
import { isUnconfirmed, unconfirmedWords } from './meeting-confirm.js';

export * from './plan-actions.js';
export { NOT_A_REPLY_KINDS } from './send-gate.js';

/** R6: a brief is drafted when its send time is at most this close (a brief is read just before the
 *  meeting; drafted days ahead it would only clutter the outbox and go stale). */
export const BRIEF_LEAD_HOURS = 2;
/** R7: a next step due within this many hours is drafted now and scheduled for its due time. */
export const NEXT_STEP_LEAD_HOURS = 24;

const MS_PER_MINUTE = 60_000;
const MS_PER_HOUR = 60 * MS_PER_MINUTE;

// ---------------------------------------------------------------------------------------------
// Planning

export interface PlanningState {
  snapshot: ProspectSnapshot;
  policy: FollowUpPolicy;
  now: Date;
  ctx: BusinessContext;
  repZone: string;
  first: string;
  usedKeys: Set<string>;
}

/** The send gate's prospect stop (suppressed, closed, bounced, paused), as the planner's skip. */
function gate(snapshot: ProspectSnapshot, now: Date, repZone: string): PlanAction | null {
  const stop = prospectStop(snapshot.prospect, snapshot.suppressed, now, repZone);
  return stop ? { kind: 'skip', reason: stop.reason, detail: stop.detail } : null;
}

/**
 * The send time of a step: the email's send time, else (a draft marked sent) its planned time.
 * An email held as uncertain (it may have gone out; the rep is asked about that one email) counts
 * as sent at its planned time, so the cadence goes on with a draft the rep approves, instead of
 * stopping for good when the rep does not answer; the draft says which email is held.
 */
function sentAt(snapshot: ProspectSnapshot, key: string): Date | null {
  const email = snapshot.emails.find((e) => e.reasonKey === key && (e.status === 'sent' || e.status === 'uncertain'));
  if (email) return email.at;
  const draft = snapshot.drafts.find((d) => d.reasonKey === key && d.status === 'sent');
  return draft ? draft.sendAt : null;
}

const LATER_CONTACT_OUTCOMES: readonly Meeting['outcome'][] = ['held', 'scheduled', 'unknown'];

/** The latest ended missed meeting, unless a later meeting (held, scheduled or not known missed) supersedes it. */
function drivingMissedMeeting(snapshot: ProspectSnapshot, now: Date): Meeting | null {
  const missed = snapshot.meetings
    .filter((m) => m.outcome === 'missed' && m.end.getTime() <= now.getTime())
    .sort((a, b) => b.start.getTime() - a.start.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const latest = missed[0];
  if (!latest) return null;
  const superseded = snapshot.meetings.some(
    (m) => m.id !== latest.id && LATER_CONTACT_OUTCOMES.includes(m.outcome) && m.start.getTime() > latest.start.getTime(),
  );
  return superseded ? null : latest;
}

export interface Candidate {
  action: DraftAction;
}

function planMissedCadence(state: PlanningState, actions: PlanAction[], candidates: Candidate[]): void {
  const { snapshot, policy, now, first, repZone } = state;
  const meeting = drivingMissedMeeting(snapshot, now);
  if (!meeting) return;
  const ref = meetingRef(meeting.start, repZone, now);

  const reply = snapshot.replies
    .filter((r) => isRealReply(r.kind) && r.at.getTime() > meeting.end.getTime())
    .sort((a, b) => a.at.getTime() - b.at.getTime())[0];
  if (reply) {
    actions.push({
      kind: 'skip',
      reason: 'replied',
      detail: `${first} replied on ${dayMonth(reply.at, repZone, now)} after missing ${ref}; the nudges stopped.`,
    });
    return;
  }

  // The first step whose email has not been sent.
  let step = 1;
  let previousSentAt: Date | null = null;
  for (;;) {
    const at = sentAt(snapshot, missedNudgeKey(meeting.id, step));
    if (!at) break;
    previousSentAt = at;
    step++;
  }

  if (step === 1) {
    actions.push({
      kind: 'call_reminder',
      reasonKey: callReminderKey(meeting.id),
      meetingId: meeting.id,
      at: new Date(meeting.end.getTime() + policy.callReminderMinutes * MS_PER_MINUTE),
      detail: `Call ${first} again: ${first} missed ${ref}.`,
    });
  }

  const maxNudges = Math.max(0, policy.maxNudges);
  if (step > maxNudges) {
    actions.push({
      kind: 'skip',
      reason: 'cadence_done',
      detail: `All ${plural(maxNudges, 'nudge')} after ${ref} went out with no reply from ${first}. Call them, keep the prospect open with a new next step, or close it.`,
    });
    return;
  }

  const key = missedNudgeKey(meeting.id, step);
  const draft = snapshot.drafts.find((d) => d.reasonKey === key);
  const queued = snapshot.emails.find((e) => e.reasonKey === key);
  if (queued || (draft && (draft.status === 'pending' || draft.status === 'approved'))) {
    const waiting = queued || draft?.status === 'approved' ? 'is approved and waiting to be sent' : 'is waiting for your approval';
    actions.push({
      kind: 'skip',
      reason: 'awaiting_approval',
      detail: `Nudge ${step} to ${first} after ${ref} ${waiting}; the next one is planned once it has gone out.`,
    });
    return;
  }
  if (draft) {
    // Rejected or cancelled by the rep: their decision ends this cadence.
    actions.push({
      kind: 'skip',
      reason: 'cadence_done',
      detail: `Nudge ${step} to ${first} after ${ref} was ${draft.status}; no further nudges for that meeting.`,
    });
    return;
  }

  const due = nudgeDueAt({ step, meetingEnd: meeting.end, previousSentAt, ctx: state.ctx });
  const evidenceWords = meeting.evidence[0] ? ` ${meeting.evidence[0].detail}` : '';
  const progress =
    step === 1
      ? ''
      : snapshot.emails.some((e) => e.reasonKey === missedNudgeKey(meeting.id, step - 1) && e.status === 'uncertain')
        ? ` Nudge ${step} of ${maxNudges}: nudge ${step - 1} may or may not have gone out on ${dayMonth(previousSentAt!, repZone, now)} (held as uncertain: check it before approving this one).`
        : ` Nudge ${step} of ${maxNudges}: nudge ${step - 1} went out on ${dayMonth(previousSentAt!, repZone, now)} with no reply.`;
  candidates.push({
    action: {
      kind: 'draft',
      reasonKey: key,
      template: nudgeTemplate(step),
      recipient: 'prospect',
      sendAt: due,
      reason: `${first} missed ${ref}.${evidenceWords}${progress}`,
      evidence: meeting.evidence,
      vars: { kind: 'nudge', step, meetingStart: meeting.start },
      meetingId: meeting.id,
    },
  });
}

/**
 * A meeting since the due date means the rep acted on the next step: held, probably held (unknown),
 * or missed (its nudge cadence is then the follow-up; a second email about the same promise would
 * double up).
 */
const MEETING_COUNTS_AS_CONTACT: readonly Meeting['outcome'][] = ['held', 'unknown', 'missed'];

function hasContactSince(snapshot: ProspectSnapshot, since: Date, now: Date): boolean {
  const s = since.getTime();
  const n = now.getTime();
  const inRange = (at: Date): boolean => at.getTime() >= s && at.getTime() <= n;
  return (
    snapshot.emails.some((e) => e.status === 'sent' && inRange(e.at)) ||
    snapshot.replies.some((r) => isRealReply(r.kind) && inRange(r.at)) ||
    snapshot.meetings.some((m) => MEETING_COUNTS_AS_CONTACT.includes(m.outcome) && inRange(m.start))
  );
}

/** R3 tone by gap (in days, fractional). */
export function toneForGap(gapDays: number, policy: FollowUpPolicy): 'follow-up' | 'follow-up-apology' | 'follow-up-ages' {
  if (gapDays < policy.apologyAfterDays) return 'follow-up';
  if (gapDays <= policy.agesAfterDays) return 'follow-up-apology';
  return 'follow-up-ages';
}

function planNextStep(state: PlanningState, candidates: Candidate[]): void {
  const { snapshot, policy, now, first, repZone } = state;
  const nextStep = snapshot.prospect.nextStep;
  if (!nextStep) return;
  const key = nextStepKey(snapshot.prospect.id, nextStep.due);
  if (state.usedKeys.has(key)) return;
  const dueMs = nextStep.due.getTime();
  const nowMs = now.getTime();
  const promised = `You promised ${first} a follow-up on ${dayMonth(nextStep.due, repZone, now)} (${nextStep.what})`;

  if (dueMs <= nowMs) {
    if (hasContactSince(snapshot, nextStep.due, now)) return;
    const gapMs = nowMs - dueMs;
    const gapDays = gapMs / MS_PER_DAY;
    const template = toneForGap(gapDays, policy);
    const tone =
      template === 'follow-up'
        ? ''
        : template === 'follow-up-apology'
          ? ' The draft opens with a short apology, no excuses.'
          : " It has been ages: the draft apologises and asks about their challenges today.";
    candidates.push({
      action: {
        kind: 'draft',
        reasonKey: key,
        template,
        recipient: 'prospect',
        sendAt: nextBusinessInstant(now, state.ctx),
        reason: `${promised}; that was ${ago(gapMs)}.${tone}`,
        evidence: [],
        vars: { kind: 'next_step', gapDays: Math.floor(gapDays), due: nextStep.due, what: nextStep.what },
        meetingId: null,
      },
    });
    return;
  }

  if (dueMs - nowMs <= NEXT_STEP_LEAD_HOURS * MS_PER_HOUR) {
    const sendAt = nextBusinessInstant(nextStep.due, state.ctx);
    candidates.push({
      action: {
        kind: 'draft',
        reasonKey: key,
        template: 'follow-up',
        recipient: 'prospect',
        sendAt,
        reason: `${promised}, at ${clock(nextStep.due, repZone)}. The draft is ready now and scheduled for ${dayAndClock(sendAt, repZone, now)}, your time.`,
        evidence: [],
        vars: { kind: 'next_step', gapDays: 0, due: nextStep.due, what: nextStep.what },
        meetingId: null,
      },
    });
  }
}

function lastContact(snapshot: ProspectSnapshot, now: Date, first: string, repZone: string): { at: Date; words: string } | null {
  const n = now.getTime();
  const seen: { at: Date; words: string }[] = [];
  for (const e of snapshot.emails) {
    if (e.status === 'sent' && e.at.getTime() <= n) seen.push({ at: e.at, words: `You emailed ${first} on ${dayMonth(e.at, repZone, now)}.` });
  }
  for (const r of snapshot.replies) {
    if (isRealReply(r.kind) && r.at.getTime() <= n) seen.push({ at: r.at, words: `${first} wrote on ${dayMonth(r.at, repZone, now)}.` });
  }
  for (const m of snapshot.meetings) {
    if (m.outcome === 'held' && m.end.getTime() <= n) seen.push({ at: m.start, words: `You met ${first} on ${dayMonth(m.start, repZone, now)}.` });
  }
  seen.sort((a, b) => b.at.getTime() - a.at.getTime());
  return seen[0] ?? null;
}

function planBriefs(state: PlanningState, actions: PlanAction[]): void {
  const { snapshot, policy, now, first, repZone } = state;
  const upcoming = snapshot.meetings
    .filter(
      (m) =>
        m.outcome === 'scheduled' &&
        m.start.getTime() > now.getTime() &&
        m.start.getTime() - policy.briefMinutesBefore * MS_PER_MINUTE - now.getTime() <= BRIEF_LEAD_HOURS * MS_PER_HOUR,
    )
    .sort((a, b) => a.start.getTime() - b.start.getTime() || (a.id < b.id ? -1 : 1));
  const contact = lastContact(snapshot, now, first, repZone);
  for (const m of upcoming) {
    const key = briefKey(m.id);
    if (state.usedKeys.has(key)) continue;
    const sendAt = new Date(Math.max(m.start.getTime() - policy.briefMinutesBefore * MS_PER_MINUTE, now.getTime()));
    actions.push({
      kind: 'draft',
      reasonKey: key,
      template: 'rep-brief',
      recipient: 'rep',
      sendAt,
      reason: `Your brief for the call with ${first} on ${dayAndClock(m.start, repZone, now)}: hot button, material sent, last contact and what was promised.`,
      evidence: [],
      vars: {
        kind: 'brief',
        meetingStart: m.start,
        meetingTitle: m.title,
        lastContactAt: contact?.at ?? null,
        lastContact: contact?.words ?? null,
        promised: snapshot.prospect.nextStep?.what ?? null,
        unconfirmed: isUnconfirmed(m.prospectResponse) ? unconfirmedWords(first, m.prospectResponse, 'this meeting') : null,
      },
      meetingId: m.id,
    });
  }
}

/** R4: move prospect-bound drafts (earliest first) so no rolling week holds more than the cap. */
function applyWeeklyCap(state: PlanningState, candidates: Candidate[]): void {
  const { snapshot, policy, now, repZone } = state;
  const emailKeys = new Set(snapshot.emails.map((e) => e.reasonKey).filter((k): k is string => !!k));
  const load: Date[] = [
    ...snapshot.emails.map((e) => e.at),
    ...snapshot.drafts
      .filter(
        (d) =>
          (d.status === 'pending' || d.status === 'approved') && d.template !== 'rep-brief' && !emailKeys.has(d.reasonKey),
      )
      .map((d) => d.sendAt),
  ];
  const pausedUntil = snapshot.prospect.pausedUntil?.getTime() ?? 0;
  const ordered = [...candidates].sort(
    (a, b) => a.action.sendAt.getTime() - b.action.sendAt.getTime() || (a.action.reasonKey < b.action.reasonKey ? -1 : 1),
  );
  for (const c of ordered) {
    // Never in the past, never before a pause ends, always in business hours.
    const earliest = new Date(Math.max(c.action.sendAt.getTime(), now.getTime(), pausedUntil));
    const wanted = nextBusinessInstant(earliest, state.ctx);
    // The send gate's own placement: business hours in the prospect's zone and the weekly cap.
    const sendAt = placeSendTime({ wanted, sentAt: load, ctx: state.ctx, byRep: false });
    if (sendAt.getTime() !== wanted.getTime()) {
      c.action.reason += ` Held until ${dayAndClock(sendAt, repZone, now)} (your time) to stay within ${plural(policy.maxEmailsPerWeek, 'email')} a week.`;
    }
    c.action.sendAt = sendAt;
    load.push(sendAt);
  }
}

function nothingDueDetail(state: PlanningState): string {
  const { snapshot, now, first, repZone } = state;
  const ns = snapshot.prospect.nextStep;
  if (!ns) return `Nothing is due for ${first}, and there is no next step with a date: set one so nothing slips.`;
  if (ns.due.getTime() > now.getTime()) {
    return `Nothing is due for ${first}; the next step (${ns.what}) is due ${dayAndClock(ns.due, repZone, now)}.`;
  }
  if (state.usedKeys.has(nextStepKey(snapshot.prospect.id, ns.due))) {
    return `Nothing new for ${first}; the follow-up for the next step (${ns.what}) is already drafted.`;
  }
  return `Nothing is due for ${first}; you have been in touch since the next step (${ns.what}) was due on ${dayMonth(ns.due, repZone, now)}. Set a new one.`;
}

/** Plan the follow-ups owed to one prospect. Deterministic: same snapshot, policy and now, same actions. */
export function planFollowUps(snapshot: ProspectSnapshot, policy: FollowUpPolicy, now: Date): PlanAction[] {
  const first = firstName(snapshot.prospect.name, snapshot.prospect.email);
  const repZone = validZone(snapshot.rep.timeZone, snapshot.prospect.timeZone);
  const stop = gate(snapshot, now, repZone);
  if (stop) return [stop];

  const state: PlanningState = {
    snapshot,
    policy,
    now,
    ctx: {
      zone: validZone(snapshot.prospect.timeZone, snapshot.rep.timeZone),
      country: snapshot.prospect.country ?? null,
      policy,
    },
    repZone,
    first,
    usedKeys: new Set([
      ...snapshot.drafts.map((d) => d.reasonKey),
      ...snapshot.emails.map((e) => e.reasonKey).filter((k): k is string => !!k),
    ]),
  };

  const actions: PlanAction[] = [];
  const candidates: Candidate[] = [];
  const waiting = needsReplySkip(state);
  if (waiting) {
    // The prospect waits for the rep's own answer: the cadence pauses until the rep writes.
    const out: PlanAction[] = [waiting];
    planBriefs(state, out);
    return out;
  }
  planMissedCadence(state, actions, candidates);
  planNextStep(state, candidates);
  if (candidates.length === 0 && !drivingMissedMeeting(snapshot, now)) planHandSent(state, candidates);
  applyWeeklyCap(state, candidates);
  // Cadence actions first (reminder, nudge or skip), then the next step, then briefs.
  const nudge = candidates.find((c) => c.action.reasonKey.startsWith('missed:'));
  const out: PlanAction[] = [];
  for (const a of actions) {
    if (a.kind === 'call_reminder') out.push(a);
  }
  if (nudge) out.push(nudge.action);
  for (const a of actions) {
    if (a.kind === 'skip') out.push(a);
  }
  for (const c of candidates) if (c !== nudge) out.push(c.action);
  planConfirmations(state, out);
  planBriefs(state, out);

  if (out.length === 0) return [{ kind: 'skip', reason: 'nothing_due', detail: nothingDueDetail(state) }];
  return out;
}
