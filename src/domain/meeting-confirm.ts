/**
 * Confirm before the meeting (issue 15, item 1; Cal.com's "warn the host before a meeting the invitee
 * never confirmed"). A booked meeting whose prospect has not accepted the invite (needs-action or
 * tentative) `policy.confirmBeforeHours` before its start gets a short confirmation draft in the
 * prospect's business hours, and a warning for the rep (brief, digest). An acceptance or a real reply
 * withdraws it: here (no new draft) and in the send gate (a draft already made). Pure.
 */
import { DateTime } from 'luxon';
import { nextBusinessInstant, type BusinessContext } from './business-time.js';
import { formatWithZone } from './zone-label.js';
import type { FollowUpPolicy } from './policy.js';
import type { Meeting, ReplyKind } from './types.js';
import { isRealReply } from './send-gate.js';

const MS_PER_MINUTE = 60_000;
const MS_PER_HOUR = 60 * MS_PER_MINUTE;
/** A confirmation that could only go out this close to the start is not drafted (the rep is warned). */
export const CONFIRM_MIN_LEAD_MINUTES = 60;

export function meetingConfirmKey(meetingId: string): string {
  return `confirm-meeting:${meetingId}`;
}
/** The meeting of a confirmation draft's key. */
export function meetingOfConfirmKey(reasonKey: string | null): string | null {
  const m = reasonKey ? /^confirm-meeting:(.+)$/.exec(reasonKey) : null;
  return m ? m[1]! : null;
}

export function isUnconfirmed(response: Meeting['prospectResponse']): boolean {
  return response === 'needs_action' || response === 'tentative';
}

export interface ConfirmInput {
  meetings: Pick<Meeting, 'id' | 'start' | 'end' | 'outcome' | 'prospectResponse' | 'title'>[];
  replies: { at: Date; kind: ReplyKind }[];
  policy: FollowUpPolicy;
  /** The prospect's business hours. */
  ctx: BusinessContext;
  now: Date;
}

export type ConfirmPlan =
  | { kind: 'draft'; meetingId: string; reasonKey: string; sendAt: Date; meetingStart: Date; response: Meeting['prospectResponse'] }
  /** Too close to draft, or already drafted: the rep is warned all the same. */
  | { kind: 'warn'; meetingId: string; meetingStart: Date; response: Meeting['prospectResponse'] };

/**
 * For each upcoming meeting inside the confirmation window whose prospect has not accepted and has not
 * written since the window opened: a draft (send time: the window's opening or now, moved into the
 * prospect's business hours, and no later than CONFIRM_MIN_LEAD_MINUTES before the start), else a warning.
 */
export function planMeetingConfirmations(input: ConfirmInput): ConfirmPlan[] {
  const { policy, now, ctx } = input;
  const out: ConfirmPlan[] = [];
  const windowMs = policy.confirmBeforeHours * MS_PER_HOUR;
  for (const m of [...input.meetings].sort((a, b) => a.start.getTime() - b.start.getTime() || (a.id < b.id ? -1 : 1))) {
    if (m.outcome !== 'scheduled' || !isUnconfirmed(m.prospectResponse)) continue;
    const startMs = m.start.getTime();
    if (startMs <= now.getTime() || startMs - now.getTime() > windowMs) continue;
    const opens = startMs - windowMs;
    // A real reply since the window opened (or in the contact window before it) means they are in touch.
    const since = opens - policy.contactWindowMinutes * MS_PER_MINUTE;
    if (input.replies.some((r) => isRealReply(r.kind) && r.at.getTime() >= since && r.at.getTime() <= now.getTime())) continue;
    const sendAt = nextBusinessInstant(new Date(Math.max(opens, now.getTime())), ctx);
    if (sendAt.getTime() > startMs - CONFIRM_MIN_LEAD_MINUTES * MS_PER_MINUTE) {
      out.push({ kind: 'warn', meetingId: m.id, meetingStart: m.start, response: m.prospectResponse });
      continue;
    }
    out.push({ kind: 'draft', meetingId: m.id, reasonKey: meetingConfirmKey(m.id), sendAt, meetingStart: m.start, response: m.prospectResponse });
  }
  return out;
}

/** Plain words for the rep: "Linda has not accepted the invite for Tue 24 Nov, 3:00 PM." */
export function unconfirmedWords(first: string, response: Meeting['prospectResponse'], when: string): string {
  const how = response === 'tentative' ? 'answered the invite only "tentative"' : 'has not answered the invite';
  return `${first} ${how} for ${when}.`;
}

/**
 * The meeting's time as the prospect reads it when the email arrives: "tomorrow at 3:00 PM CET",
 * "today at 10:00 AM EST", "on Thursday, December 3 at 9:00 AM PST".
 */
export function meetingWhenWords(start: Date, readAt: Date, zone: string): string {
  const s = DateTime.fromJSDate(start, { zone });
  const r = DateTime.fromJSDate(readAt, { zone });
  const days = Math.round(s.startOf('day').diff(r.startOf('day'), 'days').days);
  const time = formatWithZone(start, zone, 'h:mm a');
  if (days === 0) return `today at ${time}`;
  if (days === 1) return `tomorrow at ${time}`;
  return `on ${formatWithZone(start, zone, "cccc, LLLL d 'at' h:mm a")}`;
}
