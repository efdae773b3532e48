import { planFollowUps, type ProspectSnapshot } from '../domain/planner.js';
import type { Draft, Prospect } from '../domain/types.js';
import { spellInstant } from '../templates/context.js';
import type { AccountRuntime, TickSummary, WorkerContext } from './context.js';
import { prospectsOf } from './context.js';
import { createDraft } from './drafts.js';
import { reviewProspect, nativeDrafts } from './gate.js';
import { rewordForSend } from './reword.js';
import { openNeedsReply, reportNeedsReply } from './prevent.js';
import { meetingWhenWords } from '../domain/meeting-confirm.js';
import { thisWeekHolds } from '../domain/nudge-words.js';
import { businessContextOf } from '../domain/send-gate.js';
import { MAILBOX_CURSOR } from './sync.js';

/** Loads everything the planner needs about one prospect. */
export async function loadSnapshot(ctx: WorkerContext, rt: AccountRuntime, prospect: Prospect): Promise<ProspectSnapshot> {
  const { store } = ctx;
  const [meetings, drafts, outbox, messages, suppressed] = await Promise.all([
    store.listMeetings({ prospectId: prospect.id }),
    store.listDrafts({ prospectId: prospect.id }),
    store.listOutbox({ prospectId: prospect.id }),
    store.listMessages(prospect.id),
    store.isSuppressed(prospect.email),
  ]);
  const reasonByDraft = new Map(drafts.map((d) => [d.id, d.reasonKey]));
  // Message-IDs followup itself sent (the outbox, and native drafts the rep sent from the mail client).
  const ours = new Set([...outbox.map((o) => o.messageId), ...drafts.map((d) => d.messageId)].filter((x): x is string => Boolean(x)));
  return {
    prospect,
    rep: { email: rt.account.email, name: rt.account.name, timeZone: rt.account.timeZone },
    meetings,
    drafts: drafts.map((d) => ({ reasonKey: d.reasonKey, status: d.status, sendAt: d.sendAt, template: d.template })),
    emails: outbox
      // Failed and withdrawn rows never went out and never will.
      .filter((o) => o.status !== 'failed' && o.status !== 'withdrawn')
      .map((o) => ({
        at: o.sentAt ?? o.notBefore,
        reasonKey: o.draftId ? reasonByDraft.get(o.draftId) ?? null : null,
        status: o.status === 'sent' ? ('sent' as const) : o.status === 'uncertain' ? ('uncertain' as const) : ('queued' as const),
      })),
    replies: messages
      .filter((m) => m.direction === 'in' && m.replyKind)
      .map((m) => ({ at: m.at, kind: m.replyKind! })),
    suppressed,
    sentByRep: messages
      .filter((m) => m.direction === 'out')
      .map((m) => ({ at: m.at, key: m.messageId ?? m.providerId, subject: m.subject, byFollowup: m.messageId ? ours.has(m.messageId) : false })),
  };
}

/** Runs the planner for every prospect of the account and turns its actions into drafts. */
export async function planAccount(ctx: WorkerContext, rt: AccountRuntime, summary: TickSummary): Promise<void> {
  // A reply may be waiting in a mailbox this run could not read: no new draft on a guess.
  const unread = await mailboxUnread(ctx, rt);
  if (unread) {
    summary.alerts.push(
      `${rt.account.id}: no new drafts for its prospects this run, because its mailbox could not be read (${unread}) and a reply there could make them wrong. They are drafted once the mailbox is read again; emails already approved still go out.`,
    );
  }
  for (const listed of prospectsOf(ctx, rt.account.id)) {
    const prospect = (await ctx.store.getProspect(listed.id)) ?? listed;
    // The send gate first: what a reply, a held meeting or an opt-out made moot is withdrawn.
    // A pending nudge or confirmation shows the words it would go out with now (src/worker/reword.ts).
    const reword = (d: Draft) => rewordForSend(ctx, rt, d, prospect, new Date(Math.max(ctx.now.getTime(), d.sendAt.getTime())), summary);
    await reviewProspect(ctx, prospect, rt.account.timeZone, summary.withdrawn, nativeDrafts(rt, summary), reword);
    const waiting = await openNeedsReply(ctx, rt, prospect);
    await reportNeedsReply(ctx, rt, prospect, waiting, summary);
    const snapshot = { ...(await loadSnapshot(ctx, rt, prospect)), needsReply: waiting.map((w) => ({ at: w.at, words: w.words })) };
    const actions = planFollowUps(snapshot, ctx.policy, ctx.now);
    for (const action of actions) {
      if (action.kind === 'warn') {
        summary.unconfirmed.push({ prospectEmail: prospect.email, meetingId: action.meetingId, detail: action.detail });
        continue;
      }
      if (action.kind === 'skip') {
        if (action.reason !== 'nothing_due') summary.quiet.push({ prospectEmail: prospect.email, reason: action.reason, detail: action.detail });
        continue;
      }
      if (action.kind === 'call_reminder') {
        await ctx.store.addAttempt({
          id: action.reasonKey,
          prospectId: prospect.id,
          accountId: rt.account.id,
          at: action.at,
          kind: 'call_reminder',
          outcome: 'due',
          detail: action.detail,
          refId: action.meetingId,
        });
        continue;
      }
      if (unread) continue;
      const meeting = action.meetingId ? snapshot.meetings.find((m) => m.id === action.meetingId) ?? null : null;
      const lastIn = snapshot.replies.at(-1);
      await createDraft(
        ctx,
        {
          rt,
          prospect,
          reasonKey: action.reasonKey,
          template: action.template,
          recipient: action.recipient,
          sendAt: action.sendAt,
          reason: action.reason,
          evidence: action.evidence,
          extra: {
            meeting: meeting ? { start: meeting.start, end: meeting.end, title: meeting.title } : null,
            gapDays: action.vars.kind === 'next_step' ? action.vars.gapDays : null,
            step: action.vars.kind === 'nudge' ? action.vars.step : null,
            lastContact: lastIn ? `${spellInstant(lastIn.at, rt.account.timeZone)} (${lastIn.kind} reply)` : null,
            unconfirmed: action.vars.kind === 'brief' ? (action.vars.unconfirmed ?? null) : null,
            meetingWhen: action.vars.kind === 'confirm_meeting' ? meetingWhenWords(action.vars.meetingStart, action.sendAt, prospect.timeZone) : null,
            thisWeek: action.vars.kind === 'nudge' ? thisWeekHolds(action.vars.meetingStart, action.sendAt, businessContextOf(prospect, ctx.policy, rt.account.timeZone)) : null,
            sentEmail: action.vars.kind === 'hand_sent' ? { subject: action.vars.subject, at: action.vars.sentAt } : null,
          },
        },
        summary,
      );
    }
  }
}

/**
 * Why the account's mailbox does not count as read for this run, or null when it does: not
 * connected, its last read failed (this run's mailbox step, or a rate-limit wait), it never read,
 * or its last good read is older than `staleAfterMinutes`. An account without a mailbox has nothing to read.
 */
export async function mailboxUnread(ctx: WorkerContext, rt: AccountRuntime): Promise<string | null> {
  if (!rt.providers) return 'the account is not connected';
  if (!rt.providers.mailbox) return null;
  const pending = ctx.mailboxPending?.get(rt.account.id);
  if (pending) return pending;
  if (ctx.mailboxReadNow?.has(rt.account.id)) return null;
  const cursor = await ctx.store.getCursor(rt.account.id, MAILBOX_CURSOR);
  if (!cursor?.lastSuccessAt) return cursor?.lastError ?? 'it has never been read';
  if (cursor.lastError) return cursor.lastError;
  const minutes = Math.round((ctx.now.getTime() - cursor.lastSuccessAt.getTime()) / 60_000);
  if (minutes > ctx.sync.staleAfterMinutes) return `last read ${minutes} minutes ago`;
  return null;
}
