import { stableId } from '../domain/ids.js';
import { decideReplyAction, type ReplyDecision } from '../domain/reply-decision.js';
import { findFreeSlots } from '../domain/slots.js';
import { nextBusinessInstant } from '../domain/business-time.js';
import type { InboundMessage, ParsedReply, Prospect, ThreadRef, TimeInterval } from '../domain/types.js';
import { bookingFor, chooseBooking } from '../domain/booking.js';
import { replyEffects } from '../domain/reply-effects.js';
import { firstName } from '../domain/names.js';
import { confirmReasonKey, confirmTimeReasonKey, messageKeyOf } from '../domain/reason-keys.js';
import { reviewProspect, nativeDrafts } from './gate.js';
import { isProviderError } from '../ports/errors.js';
import type { MessageRecord } from '../ports/store.js';
import { replySubject } from '../domain/subjects.js';
import { spellInstant } from '../templates/context.js';
import type { AccountRuntime, BookingRequest, TickSummary, WorkerContext } from './context.js';
import { prospectsOf } from './context.js';
import { cancelDrafts, createDraft } from './drafts.js';
import { meetingFromBooking } from '../domain/meetings.js';
import { describeError } from './error-policy.js';
import { MAILBOX_CURSOR, KEEP_CURSOR, withCursor } from './sync.js';
import { addressesOf } from '../domain/types.js';
import { readRepPromises, recordNeedsReply } from './prevent.js';

const MAILBOX_LOOKBACK_MS = 14 * 86_400_000;

/** Reads new mail, records messages of tracked prospects, and acts on each new reply once. */
/** How a mailbox read ended: read (its cursor saved at `now`), not read (an error, a rate-limit
 *  wait, no mailbox), or deferred (something new, left for the replies step of its own). */
export type MailboxRead = 'read' | 'unread' | 'deferred';

export async function readReplies(ctx: WorkerContext, rt: AccountRuntime, summary: TickSummary, options: { deferIfNew?: boolean } = {}): Promise<MailboxRead> {
  const mailbox = rt.providers?.mailbox;
  if (!mailbox) return 'unread';
  let deferred = false;
  const prospects = prospectsOf(ctx, rt.account.id);
  // Every address of a prospect (issue 15: `emails: [...]`) counts as theirs.
  const byEmail = new Map(prospects.flatMap((p) => addressesOf(p).map((e) => [e, p] as const)));
  const repEmail = rt.account.email.toLowerCase();

  const known: MessageRecord[] = [];
  for (const p of prospects) known.push(...(await ctx.store.listMessages(p.id)));
  const isTracked = trackingFilter({ prospectEmails: [...byEmail.keys()], repEmail, known });

  const saved = await withCursor(ctx, rt, MAILBOX_CURSOR, summary, async (state) => {
    const result = await mailbox.fetchNew({ cursor: state?.cursor ?? null, since: new Date(ctx.now.getTime() - MAILBOX_LOOKBACK_MS), isTracked });
    if (options.deferIfNew && result.messages.length > 0) {
      // Something arrived: the replies step of its own reads it (from the same cursor, kept as it was).
      deferred = true;
      return KEEP_CURSOR;
    }
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
  return deferred ? 'deferred' : saved ? 'read' : 'unread';
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
    const fresh = await store.recordMessage(messageRecord(rt, prospect, msg, 'out'));
    // The rep's own promises ("I'll call you Thursday at 10") become the next step (R7).
    if (fresh) await readRepPromises(ctx, rt, prospect, msg);
    return;
  }

  // Acted on already? (A message can come back after a mailbox cursor fallback.)
  // By the provider's id, or by Message-ID for a message that came in before (a Maildir rebuilt by
  // mbsync renames every file, and rows recorded by older versions carry the file name).
  const known = (await store.listMessages(prospect.id)).some(
    (m) => m.accountId === rt.account.id && (m.providerId === msg.providerId || (msg.messageId !== null && m.direction === 'in' && m.messageId === msg.messageId)),
  );
  if (known) return;
  // Only slots the prospect has seen: an offer withdrawn or still waiting was never sent.
  const offer = await store.latestSlotOffer(prospect.id);
  const offeredSlots = offer && (await store.getDraft(offer.draftId))?.status === 'sent' ? offer.slots : [];
  // The reply parser (chrono-node, language tables) loads with the first reply: an idle tick never pays for it.
  const { parseReply } = await import('../domain/reply/index.js');
  const parsed = parseReply({ message: msg, timeZone: prospect.timeZone, offeredSlots, repEmail: rt.account.email, repTimeZone: rt.account.timeZone });
  const decision = decideReplyAction({ parsed, prospect, now: ctx.now, policy: ctx.policy, offeredSlots });
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
  await recordNeedsReply(ctx, rt, prospect, msg, parsed, decision.kind);
  await store.recordMessage({
    ...messageRecord(rt, prospect, msg, 'in'),
    replyKind: parsed.kind,
    parsed,
    visibleText: parsed.visibleText.slice(0, 4000),
    recordedAt: ctx.now,
  });
  // The send gate withdraws the nudges and follow-ups this reply made moot (pending or approved).
  await reviewProspect(ctx, (await store.getProspect(prospect.id)) ?? prospect, rt.account.timeZone, summary.withdrawn, nativeDrafts(rt, summary));
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
  const key = messageKeyOf(msg);
  const plan = replyEffects(decision, rt.account.timeZone);
  let outcome = plan.outcome;
  // The effects are decided in the domain (src/domain/reply-effects.ts); here they are carried out.
  for (const effect of plan.effects) {
    switch (effect.kind) {
      case 'suppress':
        // The address it came from (a prospect may have several); the status change stops the prospect.
        await store.addSuppression({ email: effect.reason === 'opt-out reply' && addressesOf(prospect).includes(msg.from.email.toLowerCase()) ? msg.from.email : prospect.email, reason: effect.reason, at: now });
        break;
      case 'set_status':
        await store.setProspectStatus(prospect.id, { status: effect.status, pausedUntil: effect.pausedUntil, statusReason: effect.statusReason });
        break;
      case 'cancel_pending':
        await cancelDrafts(ctx, rt, prospect.id, { reason: effect.reason }, summary);
        break;
      case 'withdraw_moot':
        // Carried out once the reply is on the timeline (handleMessage), by the send gate.
        break;
      case 'alert':
        summary.alerts.push(effect.message);
        break;
      case 'confirm_time':
        await createDraft(
          ctx,
          {
            rt,
            prospect,
            reasonKey: confirmTimeReasonKey(key),
            template: 'confirm-time',
            recipient: 'prospect',
            sendAt: businessNow(ctx, prospect),
            reason: effect.reasons?.length
              ? `${firstName(prospect.name, prospect.email)} named a time followup is not sure of (${effect.reasons.join('; ')}); confirm before booking.`
              : `${firstName(prospect.name, prospect.email)} named a time that could mean ${effect.alternatives.length} things; confirm before booking.`,
            thread,
            extra: { alternatives: effect.alternatives },
          },
          summary,
        );
        break;
      case 'offer_slots':
        outcome = await offerSlots(ctx, rt, prospect, effect.range, thread, key, summary);
        break;
      case 'book': {
        const request: BookingRequest = { prospectId: prospect.id, candidates: effect.candidates, thread, key, proposal: parsed.proposals[0]?.text ?? '' };
        // On the job engine the booking is its own job (persisted before this reply is recorded).
        outcome = ctx.deferBooking ? await ctx.deferBooking(request) : await book(ctx, rt, prospect, request, summary);
        break;
      }
    }
  }
  return outcome;
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
  const sendAt = businessNow(ctx, prospect);
  const busy = rt.providers ? await rt.providers.calendar.freeBusy(range) : [];
  const slots = findFreeSlots({
    busy,
    range,
    zone: prospect.timeZone,
    country: prospect.country ?? null,
    policy: ctx.policy,
    durationMinutes: ctx.policy.meetingMinutes,
    count: 3,
    now: ctx.now,
    offerAt: sendAt,
    leadBusinessMinutes: ctx.policy.slotLeadHours * 60,
  });
  if (slots.length === 0) {
    summary.alerts.push(`${prospect.name} asked for a time between ${spellInstant(range.start, rt.account.timeZone)} and ${spellInstant(range.end, rt.account.timeZone)} (your time), but you have no free slot then that leaves them ${ctx.policy.slotLeadHours} business hours to answer; answer in person.`);
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
      sendAt,
      reason: `${firstName(prospect.name, prospect.email)} gave a vague answer; offering ${slots.length} free slots.`,
      thread,
      extra: { slots },
    },
    summary,
  );
  if (draft) await ctx.store.saveSlotOffer({ id: stableId('so', draft.id), prospectId: prospect.id, draftId: draft.id, slots, createdAt: ctx.now });
  return `vague: ${slots.length} slots offered in a draft`;
}

/** The `book` step on the job engine: the booking a reply asked for, for a prospect of this account. */
export async function bookRequested(ctx: WorkerContext, rt: AccountRuntime, request: BookingRequest, summary: TickSummary): Promise<string> {
  const prospect = await ctx.store.getProspect(request.prospectId);
  if (!prospect) return 'the prospect is gone: nothing booked';
  return book(ctx, rt, prospect, request, summary);
}

async function book(ctx: WorkerContext, rt: AccountRuntime, prospect: Prospect, request: BookingRequest, summary: TickSummary): Promise<string> {
  const { candidates, thread, key } = request;
  const { store, now, policy } = ctx;
  const cal = rt.providers?.calendar;
  if (!cal) return 'no calendar connected: left to you';
  const idOf = (slot: TimeInterval) => stableId('bk', prospect.id, slot.start.toISOString());
  const span = { start: new Date(Math.min(...candidates.map((c) => c.start.getTime()))), end: new Date(Math.max(...candidates.map((c) => c.end.getTime()))) };
  const started = new Set<string>();
  for (const slot of candidates) {
    const b = await store.getBooking(idOf(slot));
    if (b && b.status !== 'failed') started.add(b.id);
  }
  const choice = chooseBooking({ candidates, busy: await cal.freeBusy(span), started: (slot) => started.has(idOf(slot)) });
  for (const slot of choice.tryInOrder) {
    const booking = bookingFor({
      id: idOf(slot),
      slot,
      prospect,
      rep: { accountId: rt.account.id, email: rt.account.email, name: rt.account.name },
      reminderMinutes: policy.reminderMinutes,
      conference: rt.providers?.conference ?? false,
      thread: { ...thread, subject: replySubject(thread.subject ?? 'Our call') },
    });
    await store.insertBooking({ id: booking.id, accountId: rt.account.id, prospectId: prospect.id, start: slot.start, end: slot.end, timeZone: prospect.timeZone, status: 'pending', eventId: null, sourceMessageId: key, error: null, createdAt: now });
    let result;
    try {
      result = await cal.book(booking);
    } catch (err) {
      // An invite that may have gone out (ProviderError.uncertain; calendars answer inviteHeld
      // instead) is not a taken slot: resume it.
      if (isProviderError(err) && err.code === 'CONFLICT' && !err.uncertain) continue;
      // A transient failure leaves the booking under way: its event may already exist (the local
      // calendar writes it before mailing the invite), so the next run resumes this same booking
      // (same UID, the invite sent once) instead of reading its own event as busy time.
      const retryable = isProviderError(err) && (err.code === 'TRANSIENT' || err.code === 'RATE_LIMITED' || err.uncertain);
      await store.updateBooking(booking.id, { status: retryable ? 'pending' : 'failed', error: describeError(err) });
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
      detail: `Booked ${spellInstant(slot.start, prospect.timeZone)} as ${firstName(prospect.name, prospect.email)} asked ("${request.proposal}"); ${result.inviteHeld ? 'invite held: it may or may not have gone out' : 'invite sent'}.`,
      refId: result.eventId,
    });
    summary.booked.push({ prospectEmail: prospect.email, start: slot.start, timeZone: prospect.timeZone, eventId: result.eventId });
    // The booking of the time they named is not in doubt, only the invite email is: the event
    // stands, the confirmation is drafted as usual, and the rep is asked about that one email.
    if (result.inviteHeld) summary.alerts.push(`Booked ${spellInstant(slot.start, prospect.timeZone)} for ${prospect.name} (${prospect.email}), but could not tell whether the invite went out: ${result.inviteHeld}.`);
    await createDraft(
      ctx,
      {
        rt,
        prospect,
        reasonKey: confirmReasonKey(booking.id),
        template: 'booking-confirmation',
        recipient: 'prospect',
        sendAt: businessNow(ctx, prospect),
        reason: `${firstName(prospect.name, prospect.email)} proposed ${spellInstant(slot.start, prospect.timeZone)}; the meeting is booked and the invite ${result.inviteHeld ? 'held (it may or may not have gone out: check before approving)' : 'sent'}.`,
        thread,
        extra: { booking: { start: slot.start, end: slot.end, timeZone: prospect.timeZone } },
      },
      summary,
    );
    return `booked ${spellInstant(slot.start, prospect.timeZone)}`;
  }
  // Every time they named is taken: offer free slots around the first one instead.
  return offerSlots(ctx, rt, prospect, choice.fallbackRange, thread, key, summary);
}

/** Answers go out now, or at the start of the prospect's next business hours. */
function businessNow(ctx: WorkerContext, prospect: Prospect): Date {
  return nextBusinessInstant(ctx.now, { zone: prospect.timeZone, country: prospect.country ?? null, policy: ctx.policy });
}
