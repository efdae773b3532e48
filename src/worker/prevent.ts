/**
 * Issue 15 in the shell: replies that need the rep, the rep's promises, call holds and call logs,
 * next steps set by hand. The rules are pure (src/domain/needs-reply.ts, promises.ts, call-holds.ts);
 * this file loads, calls them and carries the results out.
 */
import { classifyNeedsReply, needsReplyKey, needsReplyReminderKey, needsReplyState, NEEDS_REPLY_WHY_WORDS, type NeedsReplyWhy } from '../domain/needs-reply.js';
import { planCallCadence, type CallLog, type CallOutcome } from '../domain/call-holds.js';
import { stableId } from '../domain/ids.js';
import { missedNudgeKey } from '../domain/plan-actions.js';
import { firstName } from '../domain/names.js';
import type { InboundMessage, NextStep, ParsedReply, Prospect } from '../domain/types.js';
import type { NextStepRecord } from '../ports/store.js';
import type { FollowUpPolicy } from '../domain/policy.js';
import { spellInstant } from '../templates/context.js';
import type { AccountRuntime, TickSummary, WorkerContext } from './context.js';
import { prospectsOf } from './context.js';
import { describeError } from './error-policy.js';

/** After a reply is acted on: a reply the worker could not answer by itself waits for the rep. */
export async function recordNeedsReply(
  ctx: WorkerContext,
  rt: AccountRuntime,
  prospect: Prospect,
  msg: InboundMessage,
  parsed: ParsedReply,
  decided: string,
): Promise<void> {
  const verdict = classifyNeedsReply(parsed, decided);
  if (!verdict.needs || !verdict.why) return;
  const key = msg.messageId ?? msg.providerId;
  await ctx.store.addAttempt({
    id: stableId('at', needsReplyKey(key)),
    prospectId: prospect.id,
    accountId: rt.account.id,
    at: msg.date,
    kind: 'needs_reply',
    outcome: verdict.why,
    detail: verdict.words,
    refId: key,
  });
}

export interface OpenNeedsReply {
  at: Date;
  why: NeedsReplyWhy;
  words: string;
  key: string;
  remindAt: Date;
  reminderDue: boolean;
}

/** The prospect's replies still waiting for the rep's own answer (any message the rep sent since clears one). */
export async function openNeedsReply(ctx: WorkerContext, rt: AccountRuntime, prospect: Prospect): Promise<OpenNeedsReply[]> {
  return needsReplyOf(ctx.store, { prospect, repZone: rt.account.timeZone, policy: ctx.policy, now: ctx.now });
}

/** The same, for any reader of the store (the queue page). */
export async function needsReplyOf(
  store: Pick<WorkerContext['store'], 'listAttempts' | 'listMessages' | 'listOutbox'>,
  input: { prospect: Prospect; repZone: string; policy: FollowUpPolicy; now: Date },
): Promise<OpenNeedsReply[]> {
  const { prospect } = input;
  const [attempts, messages, outbox] = await Promise.all([
    store.listAttempts(prospect.id),
    store.listMessages(prospect.id),
    store.listOutbox({ prospectId: prospect.id, status: 'sent' }),
  ]);
  const repMessagesAt = [
    ...messages.filter((m) => m.direction === 'out').map((m) => m.at),
    ...outbox.map((o) => o.sentAt ?? o.notBefore),
  ];
  const repCtx = { zone: input.repZone, country: null, policy: input.policy };
  const out: OpenNeedsReply[] = [];
  for (const a of attempts) {
    if (a.kind !== 'needs_reply' || a.outcome === 'reminded') continue;
    const state = needsReplyState({ receivedAt: a.at, repMessagesAt, repCtx, needsReplyHours: input.policy.needsReplyHours, now: input.now });
    if (state.status !== 'open') continue;
    out.push({ at: a.at, why: (a.outcome ?? 'message') as NeedsReplyWhy, words: a.detail, key: a.refId ?? a.id, remindAt: state.remindAt, reminderDue: state.reminderDue });
  }
  return out.sort((x, y) => x.at.getTime() - y.at.getTime());
}

/** Lists what waits for the rep in the run summary (first) and reminds once when the hours have passed. */
export async function reportNeedsReply(ctx: WorkerContext, rt: AccountRuntime, prospect: Prospect, open: OpenNeedsReply[], summary: TickSummary): Promise<void> {
  for (const item of open) {
    let remind = false;
    if (item.reminderDue) {
      remind = await ctx.store.addAttempt({
        id: stableId('at', needsReplyReminderKey(item.key)),
        prospectId: prospect.id,
        accountId: rt.account.id,
        at: item.remindAt,
        kind: 'needs_reply',
        outcome: 'reminded',
        detail: `Reminder: ${firstName(prospect.name, prospect.email)} ${NEEDS_REPLY_WHY_WORDS[item.why]} ${ctx.policy.needsReplyHours} business hours ago and has no answer from you yet.`,
        refId: item.key,
      });
    }
    summary.needsReply.push({ prospectEmail: prospect.email, name: prospect.name, at: item.at, why: NEEDS_REPLY_WHY_WORDS[item.why], words: item.words, remind: item.reminderDue });
    if (remind) summary.alerts.push(`Reminder: ${prospect.name} ${NEEDS_REPLY_WHY_WORDS[item.why]} on ${spellInstant(item.at, rt.account.timeZone)} and waits for your answer: "${item.words}"`);
  }
}

/** The rep's own email to a prospect: its promises become the prospect's next step (R7). */
export async function readRepPromises(ctx: WorkerContext, rt: AccountRuntime, prospect: Prospect, msg: InboundMessage): Promise<void> {
  // Loaded with the first message read, not at start-up: the reply parser (chrono-node, the
  // language tables) is the largest part of an idle `run --once` otherwise (README, "A lean package").
  const { findRepPromises, nextStepFromPromises } = await import('../domain/promises.js');
  const promises = findRepPromises({ text: msg.text, html: msg.html ?? null, sentAt: msg.date, repZone: rt.account.timeZone, policy: ctx.policy });
  const promise = nextStepFromPromises(promises);
  if (!promise) return;
  const key = msg.messageId ?? msg.providerId;
  await setNextStep(ctx.store, {
    id: stableId('ns', prospect.id, key),
    accountId: rt.account.id,
    prospectId: prospect.id,
    what: promise.what,
    due: promise.due,
    source: 'email',
    messageId: key,
    subject: msg.subject,
    foundAt: msg.date,
  }, rt.account.timeZone);
}

/** Records a next step and makes it the prospect's; on the timeline with where it came from. */
export async function setNextStep(store: WorkerContext['store'], record: NextStepRecord, repZone: string): Promise<boolean> {
  const added = await store.addNextStep(record);
  if (!added) return false;
  const prospect = await store.getProspect(record.prospectId);
  const latest = effectiveNextStep(await store.listNextSteps(record.prospectId));
  if (prospect && latest) await store.upsertProspect({ ...prospect, nextStep: latest });
  const from = record.source === 'email' ? `found in your email "${record.subject ?? ''}" of ${spellInstant(record.foundAt, repZone)}` : 'set by you';
  await store.addAttempt({
    id: stableId('at', 'next-step', record.id),
    prospectId: record.prospectId,
    accountId: record.accountId,
    at: record.foundAt,
    kind: 'next_step',
    outcome: record.source,
    detail: `Next step: ${record.what}, due ${spellInstant(record.due, repZone)} (your time); ${from}.`,
    refId: record.messageId,
  });
  return true;
}

/** The latest next step set (by the rep or found in an email) wins over the prospects file's. */
export function effectiveNextStep(records: readonly NextStepRecord[]): NextStep | null {
  const latest = [...records].sort((a, b) => a.foundAt.getTime() - b.foundAt.getTime()).at(-1);
  return latest ? { what: latest.what, due: latest.due } : null;
}

/** Calls the rep logged, from the timeline. */
export function callLogsOf(attempts: { kind: string; at: Date; outcome?: string | null; detail: string }[]): CallLog[] {
  return attempts.filter((a) => a.kind === 'call' && a.outcome).map((a) => ({ at: a.at, outcome: a.outcome as CallOutcome, note: a.detail }));
}

/** `calls log` and the page's button: the outcome, date-stamped on the timeline. */
export async function logCall(store: WorkerContext['store'], input: { prospect: Prospect; outcome: CallOutcome; note: string | null; at: Date; by: string }): Promise<void> {
  const words = { reached: 'Reached', voicemail: 'Left a voicemail for', 'no-answer': 'No answer from' }[input.outcome];
  await store.addAttempt({
    id: stableId('at', 'call', input.prospect.id, input.at.toISOString(), input.outcome),
    prospectId: input.prospect.id,
    accountId: input.prospect.accountId,
    at: input.at,
    kind: 'call',
    outcome: input.outcome,
    detail: `${words} ${input.prospect.name} (logged by ${input.by})${input.note ? `: ${input.note}` : ''}`,
    refId: null,
  });
}

/** After a no-show: the call holds on the rep's calendar, placed once each, removed when the cadence ends. */
export async function syncCallHolds(ctx: WorkerContext, rt: AccountRuntime, summary: TickSummary): Promise<void> {
  const cal = rt.providers?.calendar;
  if (!cal) return;
  const repCtx = { zone: rt.account.timeZone, country: null, policy: ctx.policy };
  for (const listed of prospectsOf(ctx, rt.account.id)) {
    const prospect = (await ctx.store.getProspect(listed.id)) ?? listed;
    const meetings = await ctx.store.listMeetings({ prospectId: prospect.id });
    const placed = await ctx.store.listCallHolds({ prospectId: prospect.id });
    const relevant = meetings.filter((m) => m.outcome === 'missed' || placed.some((h) => h.meetingId === m.id));
    if (relevant.length === 0) continue;
    const [attempts, messages, drafts, sent] = await Promise.all([
      ctx.store.listAttempts(prospect.id),
      ctx.store.listMessages(prospect.id),
      ctx.store.listDrafts({ prospectId: prospect.id, status: 'sent' }),
      ctx.store.listOutbox({ prospectId: prospect.id, status: 'sent' }),
    ]);
    // "The earlier message" of the script: the first nudge after the meeting, once it went out.
    const nudgeSentAt = (meetingId: string): Date | null => {
      const draft = drafts.find((d) => d.reasonKey === missedNudgeKey(meetingId, 1));
      if (!draft) return null;
      return sent.find((o) => o.draftId === draft.id)?.sentAt ?? draft.sendAt;
    };
    const calls = callLogsOf(attempts);
    const replies = messages.filter((m) => m.direction === 'in' && m.replyKind).map((m) => ({ at: m.at, kind: m.replyKind! }));
    let added = 0;
    let removed = 0;
    const notes: string[] = [];
    for (const meeting of relevant) {
      const cadence = planCallCadence({
        meeting,
        prospect,
        rep: { name: rt.account.name, timeZone: rt.account.timeZone },
        calls,
        replies,
        nudgeSentAt: nudgeSentAt(meeting.id),
        policy: ctx.policy,
        repCtx,
        now: ctx.now,
      });
      const mine = placed.filter((h) => h.meetingId === meeting.id && h.status === 'placed');
      try {
        if (cadence.kind === 'ended') {
          for (const h of mine.filter((x) => x.end.getTime() > ctx.now.getTime())) {
            await cal.removeHold(h);
            await ctx.store.saveCallHold({ ...h, status: 'removed', updatedAt: ctx.now });
            await ctx.store.addAttempt({
              id: stableId('at', 'hold-removed', h.uid),
              prospectId: prospect.id,
              accountId: rt.account.id,
              at: ctx.now,
              kind: 'call_hold',
              outcome: 'removed',
              detail: `Call hold ${h.step} (${spellInstant(h.start, rt.account.timeZone)}) taken off your calendar: ${cadence.detail}`,
              refId: meeting.id,
            });
            removed++;
          }
          if (removed > 0) notes.push(cadence.detail);
          continue;
        }
        for (const hold of cadence.holds) {
          if (placed.some((h) => h.uid === hold.uid)) continue;
          const result = await cal.placeHold(hold);
          await ctx.store.saveCallHold({ uid: hold.uid, accountId: rt.account.id, prospectId: prospect.id, meetingId: meeting.id, step: hold.step, start: hold.start, end: hold.end, status: 'placed', eventId: result.eventId, updatedAt: ctx.now });
          await ctx.store.addAttempt({
            id: stableId('at', 'hold', hold.uid),
            prospectId: prospect.id,
            accountId: rt.account.id,
            at: hold.start,
            kind: 'call_hold',
            outcome: 'placed',
            detail: `Call hold ${hold.step} on your calendar at ${spellInstant(hold.start, rt.account.timeZone)}: ${hold.title}${prospect.phone ? `, ${prospect.phone}` : ''}.`,
            refId: meeting.id,
          });
          added++;
        }
      } catch (err) {
        summary.problems.push({ where: `call holds for ${prospect.email}`, message: describeError(err) });
      }
    }
    if (added > 0 || removed > 0) {
      summary.callHolds.push({ prospectEmail: prospect.email, placed: added, removed, detail: notes.join(' ') || `${added} call hold(s) on your calendar.` });
    }
  }
}
