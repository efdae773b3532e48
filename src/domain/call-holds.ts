/**
 * Call tasks after a no-show (issue 15, item 2; playbook R2 and R4): holds on the rep's calendar, the
 * first `policy.callReminderMinutes` (15) after the missed meeting's end, then one every
 * `policy.callEveryBusinessDays` business days in the rep's zone ("call every day to catch them at
 * their desk, leave a message a couple of times a week"), up to `policy.maxCalls` calls.
 *
 * A logged call ("reached" | "voicemail" | "no-answer") date-stamps the outcome; "reached" ends the
 * cadence, voicemails and no-answers count toward the cap. The cadence also ends when the meeting is
 * marked held or the prospect writes (any real reply): its holds still ahead are then removed.
 * Each hold has a stable UID (meeting and step), so placing it twice changes nothing. Pure.
 */
import { DateTime } from 'luxon';
import { addBusinessDays, nextBusinessInstant, type BusinessContext } from './business-time.js';
import { stableId } from './ids.js';
import type { FollowUpPolicy } from './policy.js';
import type { Meeting, Prospect, ReplyKind } from './types.js';
import { isRealReply } from './send-gate.js';
import { firstName } from './names.js';
import { formatWithZone } from './zone-label.js';

export const CALL_OUTCOMES = ['reached', 'voicemail', 'no-answer'] as const;
export type CallOutcome = (typeof CALL_OUTCOMES)[number];

/** A hold lasts this long on the rep's calendar. */
export const CALL_HOLD_MINUTES = 15;
const MS_PER_MINUTE = 60_000;

export interface CallLog {
  at: Date;
  outcome: CallOutcome;
  note?: string | null;
}

/** A call hold as the domain plans it; a CalendarProvider writes it (idempotent on uid). */
export interface CallHold {
  /** Stable: the same meeting and step give the same UID on every run and every provider. */
  uid: string;
  meetingId: string;
  prospectId: string;
  step: number;
  start: Date;
  end: Date;
  /** "Call Linda Park (Acme)". */
  title: string;
  /** Phone, context and a short script, in plain text. */
  description: string;
  /** The rep's zone: the event is written in it. */
  timeZone: string;
}

export function callHoldUid(meetingId: string, step: number): string {
  return `${stableId('hold', meetingId, String(step))}@hold.followup`;
}

export interface CallCadenceInput {
  meeting: Pick<Meeting, 'id' | 'start' | 'end' | 'outcome' | 'title'>;
  prospect: Pick<Prospect, 'id' | 'name' | 'email' | 'company' | 'phone' | 'hotButton' | 'materialSent'>;
  rep: { name: string; company?: string | null; timeZone: string };
  /** Calls logged since the meeting (older ones are ignored). */
  calls: CallLog[];
  replies: { at: Date; kind: ReplyKind }[];
  /** When the first nudge after the meeting went out, if it has ("the earlier message" in the script). */
  nudgeSentAt: Date | null;
  policy: FollowUpPolicy;
  /** The rep's business hours (later holds fall in them). */
  repCtx: BusinessContext;
  now: Date;
}

export type CallCadence =
  /** `holds`: every hold that should be on the calendar now (past ones stay as history). */
  | { kind: 'active'; holds: CallHold[]; callsMade: number }
  | { kind: 'ended'; reason: 'reached' | 'held' | 'replied' | 'cap'; detail: string; callsMade: number };

/** The call cadence of one missed meeting. */
export function planCallCadence(input: CallCadenceInput): CallCadence {
  const { meeting, prospect, policy, now } = input;
  const first = firstName(prospect.name, prospect.email);
  const since = meeting.end.getTime();
  const calls = input.calls.filter((c) => c.at.getTime() >= since).sort((a, b) => a.at.getTime() - b.at.getTime());
  const callsMade = calls.length;
  if (meeting.outcome === 'held') return { kind: 'ended', reason: 'held', detail: `The meeting with ${first} was marked held; no more call holds.`, callsMade };
  const reached = calls.find((c) => c.outcome === 'reached');
  if (reached) return { kind: 'ended', reason: 'reached', detail: `You reached ${first}; the missed-meeting calls are done.`, callsMade };
  const reply = input.replies.find((r) => isRealReply(r.kind) && r.at.getTime() > since);
  if (reply) return { kind: 'ended', reason: 'replied', detail: `${first} wrote back; no more call holds.`, callsMade };
  if (meeting.outcome !== 'missed') return { kind: 'active', holds: [], callsMade };
  const max = Math.max(1, policy.maxCalls);
  if (callsMade >= max) {
    return { kind: 'ended', reason: 'cap', detail: `${callsMade} calls to ${first} with no answer (the cap is ${max}); keep emailing or set a new next step.`, callsMade };
  }

  // Step 1: 15 minutes after the end. Each later step: a cadence interval after the previous hold, or
  // after the last logged call when that came later (a call made early moves the next hold on).
  const holds: CallHold[] = [];
  let start = new Date(since + policy.callReminderMinutes * MS_PER_MINUTE);
  for (let step = 1; step <= max; step++) {
    holds.push(callHold({ ...input, step, start }));
    // Planned up to the first hold still ahead: the ones after it depend on what the rep logs.
    if (holds[holds.length - 1]!.start.getTime() > now.getTime()) break;
    const base = calls.filter((c) => c.at.getTime() >= start.getTime()).at(-1)?.at ?? start;
    start = addBusinessDays(base, Math.max(1, policy.callEveryBusinessDays), input.repCtx);
  }
  return { kind: 'active', holds, callsMade };
}

function callHold(input: CallCadenceInput & { step: number; start: Date }): CallHold {
  const { meeting, prospect, rep, step } = input;
  const start = step === 1 ? input.start : nextBusinessInstant(input.start, input.repCtx);
  return {
    uid: callHoldUid(meeting.id, step),
    meetingId: meeting.id,
    prospectId: prospect.id,
    step,
    start,
    end: new Date(start.getTime() + CALL_HOLD_MINUTES * MS_PER_MINUTE),
    title: `Call ${prospect.name}${prospect.company ? ` (${prospect.company})` : ''}`,
    description: callScript(input),
    timeZone: rep.timeZone,
  };
}

/** The hold's text: the number, the context and a short script in the playbook's words. */
export function callScript(input: CallCadenceInput & { step: number }): string {
  const { meeting, prospect, rep, step } = input;
  const first = firstName(prospect.name, prospect.email);
  const repFirst = firstName(rep.name);
  const when = formatWithZone(meeting.start, rep.timeZone, "cccc d LLLL 'at' h:mm a");
  const weekday = DateTime.fromJSDate(meeting.start, { zone: rep.timeZone }).setLocale('en-US').toFormat('cccc');
  const lines = [
    `Phone: ${prospect.phone ?? 'not known (add "phone:" to the prospect in prospects.yaml)'}`,
    `Email: ${prospect.email}`,
    '',
    'Context:',
    `- ${first} missed "${meeting.title}" on ${when} (your time).`,
    ...(input.calls.length > 0 ? [`- Call ${step} of up to ${input.policy.maxCalls}; earlier: ${input.calls.map((c) => c.outcome).join(', ')}.`] : [`- Call ${step} of up to ${input.policy.maxCalls}.`]),
    ...(prospect.hotButton ? [`- What matters most to them: ${prospect.hotButton}.`] : []),
    ...(prospect.materialSent.length > 0 ? [`- Material sent: ${prospect.materialSent.join(', ')}.`] : []),
    '',
    'Script:',
    [
      `"Hi ${first}, it's ${repFirst}${rep.company ? ` from ${rep.company}` : ''}.`,
      input.nudgeSentAt
        ? `I sent you a short note after our call on ${weekday}.`
        : `We had a call planned on ${weekday}.`,
      'Something must have come up, and I hope everything is alright.',
      'Is there another day this week we can connect?"',
    ].join(' '),
    '',
    'Voicemail: leave your name, number and one line on why you are calling; no guilt, nothing about the missed call.',
    `Log it: followup calls log ${prospect.email} reached|voicemail|no-answer --note "..."`,
  ];
  return lines.join('\n');
}
