import { stableId } from '../domain/ids.js';
import { decideReplyAction, type ReplyDecision } from '../domain/reply-decision.js';
import { parseReply } from '../domain/reply/index.js';
import { findFreeSlots } from '../domain/slots.js';
import { nextBusinessInstant } from '../domain/business-time.js';
import type { Booking, InboundMessage, ParsedReply, Prospect, ThreadRef, TimeInterval } from '../domain/types.js';
import { isProviderError } from '../ports/errors.js';
import type { MessageRecord } from '../ports/store.js';
import { replySubject } from '../mail/compose.js';
import { spellInstant } from '../templates/context.js';
import type { AccountRuntime, TickSummary, WorkerContext } from './context.js';
import { prospectsOf } from './context.js';
import { cancelDrafts, createDraft } from './drafts.js';
import { meetingFromBooking } from '../domain/meetings.js';
import { describeError } from './error-policy.js';
import { withCursor } from './sync.js';

const NUDGE_TEMPLATES = ['missed-nudge-1', 'missed-nudge-2', 'missed-nudge-3', 'missed-nudge-4', 'missed-nudge-later', 'follow-up', 'follow-up-apology', 'follow-up-ages'];
const MAILBOX_LOOKBACK_MS = 14 * 86_400_000;

/** Reads new mail, records messages of tracked prospects, and acts on each new reply once. */
export async function readReplies(ctx: WorkerContext, rt: AccountRuntime, summary: TickSummary): Promise<void> {
  const mailbox = rt.providers?.mailbox;
  if (!mailbox) return;
  const prospects = prospectsOf(ctx, rt.account.id);
  const byEmail = new Map(prospects.map((p) => [p.email.toLowerCase(), p]));
  const repEmail = rt.account.email.toLowerCase();

  const known: MessageRecord[] = [];
  for (const p of prospects) known.push(...(await ctx.store.listMessages(p.id)));
  const isTracked = trackingFilter({ prospectEmails: [...byEmail.keys()], repEmail, known });

  await withCursor(ctx, rt, 'mailbox', summary, async (state) => {
    const result = await mailbox.fetchNew({ cursor: state?.cursor ?? null, since: new Date(ctx.now.getTime() - MAILBOX_LOOKBACK_MS), isTracked });
    summary.problems.push(...result.problems);
    // Oldest first, so a later reply wins over an earlier one.
    let retryable: unknown = null;
    for (const msg of [...result.messages].sort((a, b) => a.date.getTime() - b.date.getTime())) {
      try {
        await handleMessage(ctx, rt, msg, byEmail, repEmail, summary);
      } catch (err) {
        summary.problems.push({ where: `message ${msg.messageId ?? msg.providerId}`, message: describeError(err) });
        if (isProviderError(err) && (err.code === 'TRANSIENT' || err.code === 'RATE_LIMITED')) retryable ??= err;
      }
    }
    // A reply we could not act on because a provider was briefly unavailable is read again next
    // run (the cursor stays); replies already acted on are skipped then.
    if (retryable) throw retryable;
    return result.cursor;
  });
}

/**
 * Which new messages are worth fetching in full: from a tracked prospect or the rep, or in a thread
 * (or answering a message) already exchanged with one, which is how a bounce or an auto-reply from
 * another address is matched. Anything else stays unread.
 */
export function trackingFilter(input: {
  prospectEmails: string[];
  repEmail: string;
  known: Pick<MessageRecord, 'threadId' | 'messageId'>[];
}): (hint: { from?: string | null; threadId?: string | null; inReplyTo?: string | null }) => boolean {
  const people = new Set([...input.prospectEmails, input.repEmail].map((e) => e.toLowerCase()));
  const threads = new Set(input.known.map((m) => m.threadId).filter((x): x is string => Boolean(x)));
  const messageIds = new Set(input.known.map((m) => m.messageId).filter((x): x is string => Boolean(x)));
  return (hint) =>
    Boolean(
      (hint.from && people.has(hint.from.toLowerCase())) ||
        (hint.threadId && threads.has(hint.threadId)) ||
        (hint.inReplyTo && messageIds.has(hint.inReplyTo)),
    );
}

async function handleMessage(
  ctx: WorkerContext,
  rt: AccountRuntime,
  msg: InboundMessage,
  byEmail: Map<string, Prospect>,
  repEmail: string,
  summary: TickSummary,
): Promise<void> {
  const { store } = ctx;
  const outgoing = msg.from.email.toLowerCase() === repEmail;
  let prospect = outgoing ? msg.to.map((t) => byEmail.get(t.toLowerCase())).find(Boolean) : byEmail.get(msg.from.email.toLowerCase());
  if (!prospect) {
    // A bounce or an auto-reply comes from another address: match it by thread.
    const id = await store.findProspectByThread({ accountId: rt.account.id, threadId: msg.threadId ?? null, messageIds: [msg.inReplyTo, ...msg.references].filter((x): x is string => Boolean(x)) });
    prospect = id ? (await store.getProspect(id)) ?? undefined : undefined;
  }
  if (!prospect) return;
  prospect = (await store.getProspect(prospect.id)) ?? prospect;
  summary.messagesRead += 1;

  if (outgoing) {
    // A native draft the rep sent from Gmail/Outlook: the approval happened there.
    const native = msg.messageId ? await store.findDraftByMessageId(msg.messageId) : null;
    if (native && (await store.markDraftSentByRep(native.id, { at: msg.date }))) {
      await store.addAttempt({
        id: stableId('at', 'sent-by-rep', native.id),
        prospectId: prospect.id,
        accountId: rt.account.id,
        at: msg.date,
        kind: 'email_sent',
        outcome: 'sent',
        detail: `Sent "${msg.subject}" to ${native.to} from the mail client (draft approved there)`,
        refId: native.id,
      });
      summary.sent.push({ to: native.to, subject: msg.subject, messageId: msg.messageId! });
    }
    await store.recordMessage(messageRecord(rt, prospect, msg, 'out'));
    return;
  }

  // Acted on already? (A message can come back after a mailbox cursor fallback.)
  const known = (await store.listMessages(prospect.id)).some((m) => m.accountId === rt.account.id && m.providerId === msg.providerId);
  if (known) return;
  const offer = await store.latestSlotOffer(prospect.id);
  const parsed = parseReply({ message: msg, timeZone: prospect.timeZone, offeredSlots: offer?.slots ?? [], repEmail: rt.account.email, repTimeZone: rt.account.timeZone });
  const decision = decideReplyAction({ parsed, prospect, now: ctx.now, policy: ctx.policy });
  const thread: ThreadRef = {
    threadId: msg.threadId ?? null,
    inReplyTo: msg.messageId,
    references: [...msg.references, ...(msg.messageId ? [msg.messageId] : [])],
    subject: msg.subject,
    replyToProviderId: msg.providerId,
  };
  // Act first, record after: every action is idempotent (stable draft reasons, booking ids,
  // suppressions), so a run killed in between acts again on the next run instead of losing it.
  const action = await actOnReply(ctx, rt, prospect, decision, parsed, thread, msg, summary);
  await store.recordMessage({
    ...messageRecord(rt, prospect, msg, 'in'),
    replyKind: parsed.kind,
    parsed,
    visibleText: parsed.visibleText.slice(0, 4000),
  });
  await store.addAttempt({
    id: stableId('at', 'reply', rt.account.id, msg.providerId),
    prospectId: prospect.id,
    accountId: rt.account.id,
    at: msg.date,
    kind: 'reply_received',
    outcome: parsed.kind,
    detail: `Reply "${msg.subject}" (${parsed.kind}): ${action}`,
    refId: msg.messageId,
  });
  summary.replies.push({ prospectEmail: prospect.email, kind: parsed.kind, action });
}

function messageRecord(rt: AccountRuntime, prospect: Prospect, msg: InboundMessage, direction: 'in' | 'out'): MessageRecord {
  return {
    accountId: rt.account.id,
    prospectId: prospect.id,
    direction,
    providerId: msg.providerId,
    messageId: msg.messageId,
    threadId: msg.threadId ?? null,
    inReplyTo: msg.inReplyTo,
    references: msg.references,
    subject: msg.subject,
    at: msg.date,
  };
}

async function actOnReply(
  ctx: WorkerContext,
  rt: AccountRuntime,
  prospect: Prospect,
  decision: ReplyDecision,
  parsed: ParsedReply,
  thread: ThreadRef,
  msg: InboundMessage,
  summary: TickSummary,
): Promise<string> {
  const { store, now } = ctx;
  const key = msg.messageId ?? msg.providerId;
  switch (decision.kind) {
    case 'suppress':
      await store.addSuppression({ email: prospect.email, reason: 'opt-out reply', at: now });
      await store.setProspectStatus(prospect.id, { status: 'suppressed', pausedUntil: null, statusReason: decision.detail });
      await cancelDrafts(ctx, rt, prospect.id, { reason: decision.detail }, summary);
      return 'suppressed: never emailed again';
    case 'bounce':
      await store.addSuppression({ email: prospect.email, reason: 'bounce', at: now });
      await store.setProspectStatus(prospect.id, { status: 'bounced', pausedUntil: null, statusReason: decision.detail });
      await cancelDrafts(ctx, rt, prospect.id, { reason: decision.detail }, summary);
      summary.alerts.push(decision.detail);
      return 'bounced: stopped, address flagged';
    case 'declined':
      await store.setProspectStatus(prospect.id, { status: 'paused', pausedUntil: null, statusReason: decision.detail });
      await cancelDrafts(ctx, rt, prospect.id, { reason: decision.detail }, summary);
      summary.alerts.push(decision.detail);
      return 'declined: cadence stopped, waiting for your decision';
    case 'pause':
      await store.setProspectStatus(prospect.id, { status: 'paused', pausedUntil: decision.until, statusReason: decision.detail });
      return `paused until ${spellInstant(decision.until, rt.account.timeZone)} (your time)`;
    case 'replied':
      await cancelDrafts(ctx, rt, prospect.id, { reason: 'the prospect replied', templates: NUDGE_TEMPLATES }, summary);
      return 'nudges stopped; answer in person';
    case 'confirm_time':
      await cancelDrafts(ctx, rt, prospect.id, { reason: 'the prospect replied', templates: NUDGE_TEMPLATES }, summary);
      await createDraft(
        ctx,
        {
          rt,
          prospect,
          reasonKey: `confirm-time:${key}`,
          template: 'confirm-time',
          recipient: 'prospect',
          sendAt: businessNow(ctx, prospect),
          reason: decision.reasons?.length
            ? `${prospect.name.split(' ')[0]} named a time followup is not sure of (${decision.reasons.join('; ')}); confirm before booking.`
            : `${prospect.name.split(' ')[0]} named a time that could mean ${decision.alternatives.length} things; confirm before booking.`,
          thread,
          extra: { alternatives: decision.alternatives },
        },
        summary,
      );
      return 'time was ambiguous: confirmation drafted';
    case 'offer_slots':
      await cancelDrafts(ctx, rt, prospect.id, { reason: 'the prospect replied', templates: NUDGE_TEMPLATES }, summary);
      return offerSlots(ctx, rt, prospect, decision.range, thread, key, summary);
    case 'book':
      await cancelDrafts(ctx, rt, prospect.id, { reason: 'the prospect replied', templates: NUDGE_TEMPLATES }, summary);
      return book(ctx, rt, prospect, decision.candidates, parsed, thread, key, summary);
  }
}

async function offerSlots(
  ctx: WorkerContext,
  rt: AccountRuntime,
  prospect: Prospect,
  range: TimeInterval,
  thread: ThreadRef,
  key: string,
  summary: TickSummary,
): Promise<string> {
  const busy = rt.providers ? await rt.providers.calendar.freeBusy(range) : [];
  const slots = findFreeSlots({ busy, range, zone: prospect.timeZone, country: prospect.country ?? null, policy: ctx.policy, durationMinutes: ctx.policy.meetingMinutes, count: 3, now: ctx.now });
  if (slots.length === 0) {
    summary.alerts.push(`${prospect.name} asked for a time between ${range.start.toISOString()} and ${range.end.toISOString()}, but you have no free slot then; answer in person.`);
    return 'no free slot in the range: left to you';
  }
  const draft = await createDraft(
    ctx,
    {
      rt,
      prospect,
      reasonKey: `slots:${key}`,
      template: 'slot-proposal',
      recipient: 'prospect',
      sendAt: businessNow(ctx, prospect),
      reason: `${prospect.name.split(' ')[0]} gave a vague answer; offering ${slots.length} free slots.`,
      thread,
      extra: { slots },
    },
    summary,
  );
  if (draft) await ctx.store.saveSlotOffer({ id: stableId('so', draft.id), prospectId: prospect.id, draftId: draft.id, slots, createdAt: ctx.now });
  return `vague: ${slots.length} slots offered in a draft`;
}

async function book(
  ctx: WorkerContext,
  rt: AccountRuntime,
  prospect: Prospect,
  candidates: TimeInterval[],
  parsed: ParsedReply,
  thread: ThreadRef,
  key: string,
  summary: TickSummary,
): Promise<string> {
  const { store, now, policy } = ctx;
  const cal = rt.providers?.calendar;
  if (!cal) return 'no calendar connected: left to you';
  for (const slot of candidates) {
    const bookingId = stableId('bk', prospect.id, slot.start.toISOString());
    // A booking we already started (a retried run) is finished, not re-checked: its own event
    // would show as busy.
    const started = await store.getBooking(bookingId);
    if (!started || started.status === 'failed') {
      const busy = await cal.freeBusy(slot);
      if (busy.some((b) => b.start < slot.end && b.end > slot.start)) continue;
    }
    const booking: Booking = {
      id: bookingId,
      accountId: rt.account.id,
      prospectId: prospect.id,
      prospectEmail: prospect.email,
      prospectName: prospect.name,
      organizerEmail: rt.account.email,
      organizerName: rt.account.name,
      title: `${prospect.name} / ${rt.account.name}${prospect.company ? ` (${prospect.company})` : ''}`,
      description: bookingDescription(prospect),
      start: slot.start,
      end: slot.end,
      timeZone: prospect.timeZone,
      reminderMinutes: policy.reminderMinutes,
      conference: Boolean(rt.config.google?.conference ?? rt.config.microsoft?.conference),
      thread: { ...thread, subject: replySubject(thread.subject ?? 'Our call') },
    };
    await store.insertBooking({ id: booking.id, accountId: rt.account.id, prospectId: prospect.id, start: slot.start, end: slot.end, timeZone: prospect.timeZone, status: 'pending', eventId: null, sourceMessageId: key, error: null, createdAt: now });
    let result;
    try {
      result = await cal.book(booking);
    } catch (err) {
      if (isProviderError(err) && err.code === 'CONFLICT') continue;
      await store.updateBooking(booking.id, { status: 'failed', error: describeError(err) });
      throw err;
    }
    await store.updateBooking(booking.id, { status: 'booked', eventId: result.eventId });
    // The meeting exists now; the next sync brings the event itself.
    await store.upsertMeeting(meetingFromBooking({ booking, calendarId: cal.calendarId, eventId: result.eventId }));
    await store.addAttempt({
      id: stableId('at', 'booking', booking.id),
      prospectId: prospect.id,
      accountId: rt.account.id,
      at: now,
      kind: 'booking',
      outcome: 'booked',
      detail: `Booked ${spellInstant(slot.start, prospect.timeZone)} as ${prospect.name.split(' ')[0]} asked ("${parsed.proposals[0]?.text ?? ''}"); invite sent.`,
      refId: result.eventId,
    });
    summary.booked.push({ prospectEmail: prospect.email, start: slot.start, timeZone: prospect.timeZone, eventId: result.eventId });
    await createDraft(
      ctx,
      {
        rt,
        prospect,
        reasonKey: `confirm:${booking.id}`,
        template: 'booking-confirmation',
        recipient: 'prospect',
        sendAt: businessNow(ctx, prospect),
        reason: `${prospect.name.split(' ')[0]} proposed ${spellInstant(slot.start, prospect.timeZone)}; the meeting is booked and the invite sent.`,
        thread,
        extra: { booking: { start: slot.start, end: slot.end, timeZone: prospect.timeZone } },
      },
      summary,
    );
    return `booked ${spellInstant(slot.start, prospect.timeZone)}`;
  }
  // Every time they named is taken: offer free slots around the first one instead.
  const first = candidates[0]!;
  return offerSlots(ctx, rt, prospect, { start: first.start, end: new Date(first.start.getTime() + 3 * 86_400_000) }, thread, key, summary);
}

/** R6: the invite carries the material the prospect will need. */
export function bookingDescription(prospect: Prospect): string {
  const lines = ['Booked by followup at the time you proposed.'];
  if (prospect.materialSent.length > 0) {
    lines.push('', 'What we will go through together:', ...prospect.materialSent.map((m) => `- ${m}`));
  }
  return lines.join('\n');
}

/** Answers go out now, or at the start of the prospect's next business hours. */
function businessNow(ctx: WorkerContext, prospect: Prospect): Date {
  return nextBusinessInstant(ctx.now, { zone: prospect.timeZone, country: prospect.country ?? null, policy: ctx.policy });
}
