/**
 * The shell around the send gate (src/domain/send-gate.ts): loads what it needs about one email and
 * its prospect, calls it, and carries out a withdrawal (draft and outbox row, the timeline, the run
 * summary). Used inside the send claim, on every run for what is still waiting, and right after the
 * rep marks a meeting held.
 */
import { stableId } from '../domain/ids.js';
import { bookingOfConfirmKey, confirmTimeReasonKey, messageKeyOf } from '../domain/reason-keys.js';
import { decideSend, type GateDecision, type GateInput, type GateItem } from '../domain/send-gate.js';
import type { FollowUpPolicy } from '../domain/policy.js';
import type { Draft, OutboxItem, Prospect } from '../domain/types.js';
import type { BookingStore, DraftStore, MeetingStore, MessageStore, OutboxStore, SlotOfferStore, SuppressionStore, TimelineStore } from '../ports/store.js';
import type { InputProblem } from '../ports/errors.js';
import type { ProviderSet } from '../ports/providers.js';

/** The rep's mail client drafts (native drafts), and where to report a copy that could not be removed. */
export type NativeDrafts = { port: NonNullable<ProviderSet['drafts']>; problems: InputProblem[] } | null | undefined;

/** The store roles the gate reads (the prospect's timeline) and writes (a withdrawal). */
export type GateStore = SuppressionStore & MessageStore & MeetingStore & OutboxStore & SlotOfferStore & BookingStore & DraftStore & TimelineStore;

export interface GateShell {
  store: GateStore;
  policy: FollowUpPolicy;
  now: Date;
}

/** One withdrawal, for the run summary. */
export interface Withdrawal {
  prospectEmail: string;
  draftId: string;
  template: string;
  detail: string;
}

/** The prospect's side of the gate: state, suppression, replies, meetings, emails sent. */
export interface GateTimeline {
  prospect: Prospect;
  suppressed: boolean;
  replies: GateInput['replies'];
  meetings: GateInput['meetings'];
  sent: { id: string; at: Date; status: OutboxItem['status'] }[];
  slotOffer: { draftId: string; slots: { start: Date; end: Date }[] } | null;
  /** The prospect's bookings: when the meeting a booking confirmation confirms starts. */
  bookings: { id: string; start: Date }[];
  /** Per reply (its confirm-time question's reason key, confirmTimeReasonKey): the times a question about it asks (every reading). */
  askedTimes: Map<string, Date[]>;
}

export async function loadGateTimeline(
  store: SuppressionStore & MessageStore & MeetingStore & OutboxStore & SlotOfferStore & BookingStore,
  prospect: Prospect,
): Promise<GateTimeline> {
  const [suppressed, messages, meetings, outbox, offer, bookings] = await Promise.all([
    store.isSuppressed(prospect.email),
    store.listMessages(prospect.id),
    store.listMeetings({ prospectId: prospect.id }),
    store.listOutbox({ prospectId: prospect.id, status: ['sent', 'sending'] }),
    store.latestSlotOffer(prospect.id),
    store.listBookings(prospect.id),
  ]);
  return {
    prospect,
    suppressed,
    replies: messages
      .filter((m) => m.direction === 'in' && m.replyKind)
      .map((m) => ({ at: m.at, knownAt: m.recordedAt ?? null, kind: m.replyKind! })),
    meetings: meetings.map((m) => ({ id: m.id, outcome: m.outcome, markedBy: m.markedBy ?? null, prospectResponse: m.prospectResponse, start: m.start })),
    sent: outbox.map((o) => ({ id: o.id, at: o.sentAt ?? o.notBefore, status: o.status })),
    slotOffer: offer ? { draftId: offer.draftId, slots: offer.slots } : null,
    bookings: bookings.map((b) => ({ id: b.id, start: b.start })),
    askedTimes: new Map(
      messages
        .filter((m) => m.direction === 'in' && m.parsed)
        .map((m) => [confirmTimeReasonKey(messageKeyOf(m)), [...m.parsed!.proposals, ...m.parsed!.alternatives].map((p) => p.start)]),
    ),
  };
}

/** When the meeting a booking confirmation confirms starts (null when its booking is not found). */
function bookedStartOf(reasonKey: string, timeline: GateTimeline | null): Date | null {
  const bookingId = bookingOfConfirmKey(reasonKey);
  if (bookingId === null) return null;
  return timeline?.bookings.find((b) => b.id === bookingId)?.start ?? null;
}

export function gateItemOfDraft(draft: Draft, timeline: GateTimeline | null, sendAt = draft.sendAt): GateItem {
  const toProspect = timeline ? draft.to.toLowerCase() === timeline.prospect.email.toLowerCase() : false;
  return {
    reasonKey: draft.reasonKey,
    template: draft.template,
    recipient: toProspect ? 'prospect' : 'rep',
    sendAt,
    repSetTime: draft.sendAtByRep ? draft.sendAt : null,
    createdAt: draft.createdAt,
    approvedAt: draft.status === 'pending' ? null : (draft.approvedAt ?? draft.createdAt),
    offeredSlots: timeline?.slotOffer?.draftId === draft.id ? timeline.slotOffer.slots : null,
    bookedStart: draft.template === 'booking-confirmation' ? bookedStartOf(draft.reasonKey, timeline) : null,
    askedTimes: draft.template === 'confirm-time' ? (timeline?.askedTimes.get(draft.reasonKey) ?? null) : null,
  };
}

/**
 * The gate's decision for one draft (and its outbox row, when approved). `otherBatch`: outbox ids
 * claimed together with this one, which are not yet sent and do not count towards the cap.
 */
export function gateDraft(
  shell: Pick<GateShell, 'policy' | 'now'>,
  input: { draft: Draft; timeline: GateTimeline; repZone: string; sendAt?: Date; selfOutboxId?: string | null; otherBatch?: ReadonlySet<string> },
): GateDecision {
  const { draft, timeline } = input;
  const sentAt = timeline.sent
    .filter((s) => s.id !== input.selfOutboxId && !(s.status === 'sending' && input.otherBatch?.has(s.id)))
    .map((s) => s.at);
  return decideSend({
    item: gateItemOfDraft(draft, timeline, input.sendAt ?? draft.sendAt),
    prospect: timeline.prospect,
    rep: { timeZone: input.repZone },
    suppressed: timeline.suppressed,
    replies: timeline.replies,
    meetings: timeline.meetings,
    sentAt,
    policy: shell.policy,
    now: shell.now,
  });
}

/**
 * Withdraws a draft (and its queued email) and puts the reason on the timeline. A copy kept in the
 * rep's mail client (native drafts) is removed too, when the account's providers are at hand.
 */
export async function withdraw(
  shell: GateShell,
  draft: Draft,
  detail: string,
  prospectEmail: string,
  out: Withdrawal[],
  native?: NativeDrafts,
): Promise<boolean> {
  if (!(await shell.store.withdrawDraft(draft.id, { reason: detail }))) return false;
  if (draft.nativeDraftId && native) {
    try {
      await native.port.deleteDraft(draft.nativeDraftId);
    } catch (err) {
      native.problems.push({ where: 'drafts folder', message: `could not remove the withdrawn draft to ${draft.to} (${(err as Error).message}); delete it by hand, it must not be sent.` });
    }
  }
  await shell.store.addAttempt({
    id: stableId('at', 'withdrawn', draft.id),
    prospectId: draft.prospectId,
    accountId: draft.accountId,
    at: shell.now,
    kind: 'note',
    outcome: 'withdrawn',
    detail,
    refId: draft.id,
  });
  out.push({ prospectEmail, draftId: draft.id, template: draft.template, detail });
  return true;
}

/**
 * Runs the gate over a prospect's waiting drafts (pending, and approved but not yet sent) and
 * withdraws what it says must not go out. Holds are left to the moment of sending. `reword`, when
 * given, is called with each pending draft that stays (the planner's run words them for now).
 */
export async function reviewProspect(
  shell: GateShell,
  prospect: Prospect,
  repZone: string,
  out: Withdrawal[],
  native?: NativeDrafts,
  reword?: (draft: Draft) => Promise<unknown>,
): Promise<void> {
  const waiting = await shell.store.listDrafts({ prospectId: prospect.id, status: ['pending', 'approved'] });
  if (waiting.length === 0) return;
  const timeline = await loadGateTimeline(shell.store, prospect);
  for (const draft of waiting) {
    const decision = gateDraft(shell, { draft, timeline, repZone });
    if (decision.kind === 'withdraw') await withdraw(shell, draft, decision.detail, prospect.email, out, native);
    else if (reword && draft.status === 'pending') await reword(draft);
  }
}

/** The account's native drafts port, reporting into the run's problems. */
export function nativeDrafts(rt: { providers: ProviderSet | null }, summary: { problems: InputProblem[] }): NativeDrafts {
  return rt.providers?.drafts ? { port: rt.providers.drafts, problems: summary.problems } : null;
}
