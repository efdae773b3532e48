/**
 * A timeline run against the pure domain: the planner, the send gate and the reply decision, with
 * a small in-test state model standing in for the store and the worker's loops (same order as a
 * tick: replies → meeting outcomes → review and plan → send).
 */
import { DateTime } from 'luxon';
import { nextBusinessInstant } from '../../src/domain/business-time.js';
import { planFollowUps, type ProspectSnapshot } from '../../src/domain/planner.js';
import { DEFAULT_POLICY, type FollowUpPolicy } from '../../src/domain/policy.js';
import { decideReplyAction } from '../../src/domain/reply-decision.js';
import { replyEffects } from '../../src/domain/reply-effects.js';
import { decideSend, type GateDecision } from '../../src/domain/send-gate.js';
import { findFreeSlots } from '../../src/domain/slots.js';
import { confirmReasonKey, confirmTimeReasonKey } from '../../src/domain/reason-keys.js';
import type { Meeting, ParsedReply, Prospect, ReplyKind, TemplateName, TimeInterval } from '../../src/domain/types.js';
import type { History, SentEmail } from './invariants.js';
import { instant, withTail, type GenReplyKind, type Timeline } from './timeline.js';

interface MDraft {
  id: string;
  template: TemplateName;
  toProspect: boolean;
  status: 'pending' | 'approved' | 'rejected' | 'cancelled' | 'sent';
  sendAt: Date;
  repSetTime: Date | null;
  createdAt: Date;
  approvedAt: Date | null;
  offeredSlots: TimeInterval[] | null;
  /** A booking confirmation: when the meeting it confirms starts. */
  bookedStart?: Date | null;
  /** A question about the time: the readings it asks about. */
  askedTimes?: Date[] | null;
  /** The outbox row of an approved draft. */
  notBefore: Date | null;
}

interface Model {
  prospect: Prospect;
  meetings: (Meeting & { detected: 'missed' | 'held' | 'unknown' })[];
  drafts: Map<string, MDraft>;
  /** Replies as written; read at the next tick. */
  inbox: { at: Date; kind: GenReplyKind; from: 'primary' | 'alias' }[];
  replies: { at: Date; knownAt: Date; kind: ReplyKind }[];
  suppressed: boolean;
  history: History;
}

const REP = { email: 'alex@northwind.example', name: 'Alex Morgan', timeZone: 'America/New_York' };
const MIN = 60_000;

function parsedReplyOf(kind: GenReplyKind, at: Date, zone: string): ParsedReply {
  const base: ParsedReply = { kind, proposals: [], ambiguous: false, alternatives: [], returnDate: null, visibleText: '', explain: [], certain: true, uncertain: [] };
  const local = DateTime.fromJSDate(at, { zone });
  if (kind === 'proposal') return { ...base, proposals: [{ start: local.plus({ days: 2 }).set({ hour: 14, minute: 0, second: 0, millisecond: 0 }).toJSDate(), end: null, text: 'in two days at 2pm' }] };
  if (kind === 'vague') return { ...base, range: { start: local.plus({ days: 1 }).startOf('day').toJSDate(), end: local.plus({ days: 8 }).startOf('day').toJSDate() } };
  if (kind === 'ooo') return { ...base, returnDate: local.plus({ days: 3 }).toISODate() };
  return base;
}

function snapshot(m: Model): ProspectSnapshot {
  const drafts = [...m.drafts.values()];
  return {
    prospect: m.prospect,
    rep: REP,
    meetings: m.meetings,
    drafts: drafts.map((d) => ({ reasonKey: d.id, status: d.status, sendAt: d.sendAt, template: d.template })),
    emails: drafts
      .filter((d) => d.toProspect && d.notBefore && (d.status === 'approved' || d.status === 'sent'))
      .map((d) => ({ at: d.status === 'sent' ? m.history.sent.find((s) => s.draftId === d.id)!.at : d.notBefore!, reasonKey: d.id, status: d.status === 'sent' ? ('sent' as const) : ('queued' as const) })),
    replies: m.replies.map((r) => ({ at: r.at, kind: r.kind })),
    suppressed: m.suppressed,
  };
}

function gate(m: Model, d: MDraft, now: Date, policy: FollowUpPolicy): GateDecision {
  return decideSend({
    item: { reasonKey: d.id, template: d.template, recipient: d.toProspect ? 'prospect' : 'rep', sendAt: d.notBefore ?? d.sendAt, repSetTime: d.repSetTime, createdAt: d.createdAt, approvedAt: d.approvedAt, offeredSlots: d.offeredSlots, bookedStart: d.bookedStart ?? null, askedTimes: d.askedTimes ?? null },
    prospect: m.prospect,
    rep: { timeZone: REP.timeZone },
    suppressed: m.suppressed,
    replies: m.replies,
    meetings: m.meetings,
    sentAt: m.history.sent.filter((s) => s.toProspect && s.draftId !== d.id).map((s) => s.at),
    policy,
    now,
  });
}

function addDraft(m: Model, d: Omit<MDraft, 'status' | 'repSetTime' | 'approvedAt' | 'notBefore' | 'offeredSlots'> & { offeredSlots?: TimeInterval[] | null }, now: Date, auto = false): void {
  if (m.drafts.has(d.id)) return;
  m.drafts.set(d.id, { ...d, offeredSlots: d.offeredSlots ?? null, status: auto ? 'approved' : 'pending', repSetTime: null, approvedAt: auto ? now : null, notBefore: auto ? d.sendAt : null });
}

function review(m: Model, now: Date, policy: FollowUpPolicy): void {
  for (const d of m.drafts.values()) {
    if (d.status !== 'pending' && d.status !== 'approved') continue;
    if (gate(m, d, now, policy).kind === 'withdraw') d.status = 'cancelled';
  }
}

function readReplies(m: Model, now: Date, policy: FollowUpPolicy, counter: { n: number }): void {
  const threadExists = m.history.sent.some((s) => s.toProspect);
  for (const r of m.inbox.splice(0)) {
    // Another address (or a bounce from a mailer) is tied to the prospect only through the thread.
    if ((r.from === 'alias' || r.kind === 'bounce') && !threadExists) continue;
    const key = `r${counter.n++}`;
    const parsed = parsedReplyOf(r.kind, r.at, m.prospect.timeZone);
    const decision = decideReplyAction({ parsed, prospect: m.prospect, now, policy });
    const ctx = { zone: m.prospect.timeZone, country: null, policy };
    for (const effect of replyEffects(decision, REP.timeZone).effects) {
      if (effect.kind === 'suppress') {
        m.suppressed = true;
        m.history.stops.push(now);
      } else if (effect.kind === 'set_status') {
        m.prospect = { ...m.prospect, status: effect.status, pausedUntil: effect.pausedUntil, statusReason: effect.statusReason };
        if (effect.status === 'bounced' || effect.status === 'suppressed') m.history.stops.push(now);
      } else if (effect.kind === 'cancel_pending') {
        for (const d of m.drafts.values()) if (d.status === 'pending') d.status = 'cancelled';
      } else if (effect.kind === 'confirm_time') {
        addDraft(m, { id: confirmTimeReasonKey(key), template: 'confirm-time', toProspect: true, sendAt: nextBusinessInstant(now, ctx), createdAt: now, askedTimes: [...parsed.proposals, ...parsed.alternatives].map((p) => p.start) }, now);
      } else if (effect.kind === 'offer_slots') {
        const sendAt = nextBusinessInstant(now, ctx);
        const slots = findFreeSlots({ busy: [], range: effect.range, zone: m.prospect.timeZone, policy, durationMinutes: 30, count: 3, now, offerAt: sendAt, leadBusinessMinutes: policy.slotLeadHours * 60 });
        if (slots.length) addDraft(m, { id: `slots:${key}`, template: 'slot-proposal', toProspect: true, sendAt, createdAt: now, offeredSlots: slots }, now);
      } else if (effect.kind === 'book') {
        const slot = effect.candidates[0]!;
        m.meetings.push(meeting(`bk-${key}`, slot.start, 'held', m.prospect.id));
        addDraft(m, { id: confirmReasonKey(`bk-${key}`), template: 'booking-confirmation', toProspect: true, sendAt: nextBusinessInstant(now, ctx), createdAt: now, bookedStart: slot.start }, now);
      }
    }
    m.replies.push({ at: r.at, knownAt: now, kind: parsedReplyOf(r.kind, r.at, m.prospect.timeZone).kind });
    m.history.replies.push({ knownAt: now, kind: r.kind });
    review(m, now, policy);
  }
}

function meeting(id: string, start: Date, detected: 'missed' | 'held' | 'unknown', prospectId: string): Model['meetings'][number] {
  return {
    id, accountId: 'alex', prospectId, eventId: id, calendarId: 'cal', title: 'Call', start, end: new Date(start.getTime() + 30 * MIN),
    outcome: 'scheduled', prospectResponse: 'needs_action', evidence: [], markedBy: null, conference: null, categories: [], detected,
  };
}

function tick(m: Model, now: Date, policy: FollowUpPolicy, counter: { n: number }): void {
  readReplies(m, now, policy, counter);
  for (const mt of m.meetings) {
    if (mt.outcome === 'scheduled' && mt.end <= now) {
      mt.outcome = mt.detected;
      mt.evidence = mt.detected === 'missed' ? [{ kind: 'rsvp', confidence: 'possible', detail: 'never answered the invite' }] : [];
    }
  }
  review(m, now, policy);
  for (const a of planFollowUps(snapshot(m), policy, now)) {
    if (a.kind !== 'draft') continue;
    addDraft(m, { id: a.reasonKey, template: a.template, toProspect: a.recipient === 'prospect', sendAt: a.sendAt, createdAt: now }, now, a.template === 'rep-brief');
  }
  const due = [...m.drafts.values()]
    .filter((d) => d.status === 'approved' && d.notBefore && d.notBefore <= now)
    .sort((a, b) => a.notBefore!.getTime() - b.notBefore!.getTime() || (a.id < b.id ? -1 : 1));
  for (const d of due) {
    const decision = gate(m, d, now, policy);
    if (decision.kind === 'withdraw') d.status = 'cancelled';
    else if (decision.kind === 'hold') d.notBefore = decision.until;
    else {
      d.status = 'sent';
      const sent: SentEmail = { draftId: d.id, reasonKey: d.id, template: d.template, toProspect: d.toProspect, at: now, createdAt: d.createdAt, approvedAt: d.approvedAt, repSetTime: d.repSetTime };
      m.history.sent.push(sent);
    }
  }
}

/** Runs a timeline against the pure domain and returns what happened. */
export function runOnDomain(t: Timeline): History {
  const policy: FollowUpPolicy = { ...DEFAULT_POLICY, maxEmailsPerWeek: t.cap };
  const prospect: Prospect = {
    id: 'p1', accountId: 'alex', email: 'linda@acme.example', name: 'Linda Park', timeZone: t.zone, materialSent: [], status: 'open',
    nextStep: t.nextStepDue === null ? null : { what: 'send the pilot plan', due: instant(t, t.nextStepDue) },
  };
  const m: Model = {
    prospect, meetings: [], drafts: new Map(), inbox: [], replies: [], suppressed: false,
    history: { zone: t.zone, policy, sent: [], replies: [], stops: [], marks: [] },
  };
  const counter = { n: 0 };
  const pending = () => [...m.drafts.values()].filter((d) => d.status === 'pending').sort((a, b) => (a.id < b.id ? -1 : 1));
  for (const e of withTail(t, 16)) {
    const at = instant(t, e.at);
    switch (e.kind) {
      case 'meeting':
        m.meetings.push(meeting(`m${m.meetings.length}`, at, e.outcome, prospect.id));
        break;
      case 'mark': {
        const own = m.meetings.filter((x) => !x.id.startsWith('bk-'));
        const mt = own[e.meeting % Math.max(1, own.length)];
        if (!mt || mt.end > at) break;
        mt.outcome = e.outcome;
        mt.markedBy = 'rep';
        m.history.marks.push({ meetingId: mt.id, outcome: e.outcome, at });
        if (e.outcome === 'held') review(m, at, policy);
        break;
      }
      case 'reply':
        m.inbox.push({ at, kind: e.reply, from: e.from });
        break;
      case 'approve': {
        // A high pick approves everything pending (`drafts approve --all`).
        const chosen = e.pick >= 12 ? pending() : [pending()[e.pick % Math.max(1, pending().length)]];
        for (const d of chosen) if (d) Object.assign(d, { status: 'approved', approvedAt: at, notBefore: d.sendAt });
        break;
      }
      case 'edit': {
        const d = pending()[e.pick % Math.max(1, pending().length)];
        if (d) {
          d.sendAt = new Date(at.getTime() + e.sendInMinutes * MIN);
          d.repSetTime = d.sendAt;
        }
        break;
      }
      case 'snooze': {
        const d = pending()[e.pick % Math.max(1, pending().length)];
        if (d) {
          d.sendAt = new Date(Math.max(d.sendAt.getTime(), at.getTime()) + 86_400_000);
          d.repSetTime = null;
        }
        break;
      }
      case 'reject': {
        const d = pending()[e.pick % Math.max(1, pending().length)];
        if (d) d.status = 'rejected';
        break;
      }
      case 'tick':
        tick(m, at, policy, counter);
        break;
      case 'restart':
        // The model keeps its state, as the store does; the real worker run reopens everything.
        break;
    }
  }
  return m.history;
}
