import { stableId } from '../domain/ids.js';
import { assessMeeting } from '../domain/no-show.js';
import type { Meeting } from '../domain/types.js';
import { meetingFromEvent, meetingIdFor } from '../domain/meetings.js';
import { firstName } from '../domain/names.js';
import type { AttendanceReport } from '../ports/providers.js';
import type { FollowUpPolicy } from '../domain/policy.js';
import type { AccountStore, BookingStore, EventStore, MeetingStore, ProspectStore, TimelineStore } from '../ports/store.js';
import type { AccountRuntime, TickSummary, WorkerContext } from './context.js';
import { prospectsOf } from './context.js';
import { syncWindow } from './sync.js';
import { nativeDrafts, reviewProspect, type GateStore, type Withdrawal } from './gate.js';

/** Matches synced events to prospects (an attendee's address is a prospect's). */
export async function matchMeetings(ctx: WorkerContext<EventStore & MeetingStore & BookingStore>, rt: AccountRuntime): Promise<void> {
  const cal = rt.providers?.calendar;
  if (!cal) return;
  const byEmail = new Map(prospectsOf(ctx, rt.account.id).map((p) => [p.email.toLowerCase(), p]));
  // No prospect, no attendee to match: the events are not read.
  if (byEmail.size === 0) return;
  const events = await ctx.store.listEvents(cal.calendarId, syncWindow(ctx));
  for (const event of events) {
    if (event.allDay) continue;
    for (const a of event.attendees) {
      const prospect = byEmail.get(a.email.toLowerCase());
      if (!prospect) continue;
      // By id, else by (event, prospect): a meeting recorded under an older calendar key.
      const existing =
        (await ctx.store.getMeeting(meetingIdFor(event.calendarId, event.id, prospect.id))) ??
        (await ctx.store.listMeetings({ prospectId: prospect.id })).find((m) => m.eventId === event.id) ??
        null;
      const booked = (await ctx.store.listBookings(prospect.id)).some((b) => b.status === 'booked' && b.eventId === event.id);
      await ctx.store.upsertMeeting(meetingFromEvent(rt.account.id, event, prospect, existing, booked));
    }
  }
}

/** Settles the outcome of meetings that have ended: held, missed (with evidence) or unknown. */
export async function detectOutcomes(
  ctx: WorkerContext<MeetingStore & ProspectStore & EventStore & GateStore>,
  rt: AccountRuntime,
  summary: TickSummary,
): Promise<void> {
  const { store, now, policy } = ctx;
  // Attendance reports can arrive late: keep re-assessing undecided meetings for two days.
  const recent = new Date(now.getTime() - 2 * 86_400_000);
  // A meeting read as missed from weaker evidence (an unanswered invite) is looked at again too:
  // attendance that arrives later can show it was held, and then its nudges are withdrawn.
  const meetings = await store.listMeetings({ accountId: rt.account.id, endedBefore: now, outcome: ['scheduled', 'unknown', 'missed'] });
  for (const m of meetings) {
    if ((m.outcome === 'unknown' || m.outcome === 'missed') && m.end < recent) continue;
    if (m.outcome === 'missed' && (m.markedBy || !m.conference || !rt.providers?.attendance)) continue;
    const prospect = await store.getProspect(m.prospectId);
    if (!prospect) continue;
    let attendance: AttendanceReport | null = null;
    if (m.conference && rt.providers?.attendance) {
      const event = await store.getEvent(m.calendarId, m.eventId);
      if (event) {
        try {
          attendance = await rt.providers.attendance.attendance(event);
        } catch (err) {
          summary.problems.push({ where: `${rt.account.id} attendance for "${m.title}"`, message: (err as Error).message });
        }
      }
    }
    const messagesFromProspectAt = (await store.listMessages(prospect.id)).filter((x) => x.direction === 'in').map((x) => x.at);
    const result = assessMeeting({ meeting: m, prospect, now, attendance, messagesFromProspectAt, policy });
    if (result.outcome === m.outcome && result.evidence.length === m.evidence.length) continue;
    // A missed meeting changes only when later evidence shows it was held.
    if (m.outcome === 'missed' && result.outcome !== 'held') continue;
    await store.setMeetingOutcome(m.id, { outcome: result.outcome, evidence: result.evidence, markedBy: m.markedBy ?? null });
    if (result.outcome === 'held' || result.outcome === 'missed') {
      await store.addAttempt({
        id: stableId('at', 'meeting', m.id, result.outcome),
        prospectId: prospect.id,
        accountId: rt.account.id,
        at: m.start,
        kind: 'meeting',
        outcome: result.outcome,
        detail: `${m.title}: ${result.outcome}${result.evidence[0] ? ` (${result.evidence[0].detail})` : ''}`,
        refId: m.id,
      });
      summary.detected.push({ prospectEmail: prospect.email, meetingTitle: m.title, outcome: result.outcome, evidence: result.evidence.map((e) => e.detail) });
    }
    if (m.outcome === 'missed' && result.outcome === 'held') await reviewProspect(ctx, prospect, rt.account.timeZone, summary.withdrawn, nativeDrafts(rt, summary));
  }
}

/** The rep's explicit mark (CLI or web page): the strongest evidence there is. */
export async function markMeeting(
  ctx: { store: MeetingStore & ProspectStore & TimelineStore & Pick<AccountStore, 'getAccount'> & GateStore; now: Date; policy: FollowUpPolicy },
  input: { meetingId: string; outcome: 'held' | 'missed'; by: string },
): Promise<Meeting & { withdrawn: Withdrawal[] }> {
  const m = await ctx.store.getMeeting(input.meetingId);
  if (!m) throw new Error(`No meeting with id ${input.meetingId}; list them with \`followup meetings list\`.`);
  const prospect = await ctx.store.getProspect(m.prospectId);
  const who = prospect ? firstName(prospect.name, prospect.email) : 'The prospect';
  const evidence = [
    {
      kind: 'rep_mark' as const,
      confidence: 'certain' as const,
      detail: input.outcome === 'missed' ? `You marked that ${who} did not show up.` : `You marked the meeting as held.`,
    },
  ];
  await ctx.store.setMeetingOutcome(m.id, { outcome: input.outcome, evidence, markedBy: input.by });
  await ctx.store.addAttempt({
    id: stableId('at', 'mark', m.id, input.outcome),
    prospectId: m.prospectId,
    accountId: m.accountId,
    at: ctx.now,
    kind: 'meeting',
    outcome: input.outcome,
    detail: `${m.title}: marked ${input.outcome} by ${input.by}`,
    refId: m.id,
  });
  // Held: the send gate withdraws its missed-meeting nudges now, pending or approved.
  const withdrawn: Withdrawal[] = [];
  if (input.outcome === 'held' && prospect) {
    const rep = await ctx.store.getAccount(m.accountId);
    await reviewProspect(ctx, prospect, rep?.timeZone ?? prospect.timeZone, withdrawn);
  }
  return { ...m, outcome: input.outcome, evidence, markedBy: input.by, withdrawn };
}
