/**
 * The promises of issue 9, checked on what was sent over a whole timeline (the same checks for the
 * pure domain model and for the real worker).
 */
import { isBusinessInstant } from '../../src/domain/business-time.js';
import type { FollowUpPolicy } from '../../src/domain/policy.js';
import { SEND_GRACE_MINUTES, isRealReply, meetingOfReasonKey } from '../../src/domain/send-gate.js';
import type { ReplyKind } from '../../src/domain/types.js';

export interface SentEmail {
  draftId: string;
  reasonKey: string;
  template: string;
  toProspect: boolean;
  at: Date;
  createdAt: Date;
  approvedAt: Date | null;
  /** The time the rep set by hand, if any. */
  repSetTime: Date | null;
}

export interface History {
  zone: string;
  policy: FollowUpPolicy;
  sent: SentEmail[];
  /** Replies as followup learnt of them. */
  replies: { knownAt: Date; kind: ReplyKind }[];
  /** When the address was suppressed, bounced or opted out. */
  stops: Date[];
  /** The rep's marks, in order. */
  marks: { meetingId: string; outcome: 'held' | 'missed'; at: Date }[];
}

const WEEK_MS = 7 * 86_400_000;
const iso = (d: Date) => d.toISOString();

/** Every broken promise, in words (empty when all hold). */
export function brokenPromises(h: History): string[] {
  const out: string[] = [];
  const ctx = { zone: h.zone, country: null, policy: h.policy };
  const toProspect = h.sent.filter((s) => s.toProspect).sort((a, b) => a.at.getTime() - b.at.getTime());

  // Each approved email at most once.
  const seen = new Set<string>();
  for (const s of h.sent) {
    if (seen.has(s.draftId)) out.push(`draft ${s.draftId} sent twice`);
    seen.add(s.draftId);
  }
  for (const s of toProspect) {
    // No email after a real reply, unless the rep approved it after that reply.
    const decided = new Date(Math.max((s.approvedAt ?? s.createdAt).getTime(), s.createdAt.getTime()));
    const reply = h.replies.find((r) => isRealReply(r.kind) && r.knownAt > decided && r.knownAt <= s.at);
    if (reply) out.push(`${s.template} (${s.draftId}) sent ${iso(s.at)} after a ${reply.kind} reply known ${iso(reply.knownAt)}; approved ${s.approvedAt ? iso(s.approvedAt) : 'never'}`);
    // None outside business hours, unless the rep set that time.
    const repTime = s.repSetTime && s.at.getTime() - s.repSetTime.getTime() >= 0 && s.at.getTime() - s.repSetTime.getTime() <= SEND_GRACE_MINUTES * 60_000;
    if (!repTime && !isBusinessInstant(s.at, ctx)) out.push(`${s.template} (${s.draftId}) sent ${iso(s.at)}, outside business hours in ${h.zone}`);
    // None to a suppressed, bounced or opted-out address.
    const stop = h.stops.find((t) => t <= s.at);
    if (stop) out.push(`${s.template} (${s.draftId}) sent ${iso(s.at)} after the address was stopped at ${iso(stop)}`);
    // No nudge for a meeting marked held.
    const meetingId = meetingOfReasonKey(s.reasonKey);
    if (meetingId) {
      const last = h.marks.filter((m) => m.meetingId === meetingId && m.at <= s.at).at(-1);
      if (last?.outcome === 'held') out.push(`nudge ${s.draftId} sent ${iso(s.at)} for meeting ${meetingId}, marked held at ${iso(last.at)}`);
    }
  }
  // Never more than the weekly cap in any rolling 7 days.
  const cap = Math.max(1, h.policy.maxEmailsPerWeek);
  for (let i = 0; i + cap < toProspect.length; i++) {
    const a = toProspect[i]!;
    const b = toProspect[i + cap]!;
    if (b.at.getTime() - a.at.getTime() < WEEK_MS) out.push(`${cap + 1} emails within 7 days: ${iso(a.at)} … ${iso(b.at)}`);
  }
  return out;
}
