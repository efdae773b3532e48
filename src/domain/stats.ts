/**
 * Outcomes, computed from the timeline alone (the append-only attempts every part of followup
 * writes). Pure: the attempts and `now` are arguments; the same history always gives the same numbers.
 *
 * What each number means (README, "Stats"):
 *  - no-show rate: meetings missed / meetings whose outcome is known (held + missed). A meeting's
 *    last word counts (a rep's mark after a detection replaces it).
 *  - rebook rate: missed meetings followed by a booking for the same prospect / missed meetings;
 *    the time to rebook runs from the missed meeting's start to that booking.
 *  - reply rate per template and per cadence step: emails sent to the prospect that got a reply
 *    (any reply but an out-of-office or a bounce) before the next email to that prospect.
 *  - time to the rep's action: from a prospect's reply to the rep's next approval, rejection,
 *    edit, status change or meeting mark for that prospect.
 *  - overdue follow-ups: drafts still waiting for the rep at `now`, by age.
 *  - bookings from replies: straight away, or after a confirmation question (confirm-time drafted
 *    for that prospect since the previous booking).
 */
import type { Attempt } from './types.js';

export interface StatsInput {
  attempts: readonly Attempt[];
  now: Date;
  /** Only what happened at or after this instant (a meeting by its start). */
  since?: Date | null;
  /** Only these reps' accounts; absent: everyone in `attempts`. */
  accountIds?: readonly string[] | null;
}

export interface Rate {
  count: number;
  of: number;
  /** count / of, rounded to 4 decimals; null when `of` is 0. */
  rate: number | null;
}

export interface ReplyRateRow extends Rate {
  key: string;
}

export interface Stats {
  since: string | null;
  now: string;
  accounts: string[] | null;
  meetings: { held: number; missed: number; noShow: Rate };
  rebook: Rate & { medianHoursToRebook: number | null };
  replyRateByTemplate: ReplyRateRow[];
  replyRateByStep: ReplyRateRow[];
  repAction: { replies: number; acted: number; medianHours: number | null; p90Hours: number | null };
  overdue: { total: number; byAge: { bucket: OverdueBucket; count: number }[] };
  bookings: { total: number; direct: number; afterConfirmation: number };
}

export const OVERDUE_BUCKETS = ['under 1 day', '1-3 days', '3-7 days', 'over 7 days'] as const;
export type OverdueBucket = (typeof OVERDUE_BUCKETS)[number];

const MS_PER_HOUR = 3_600_000;
const MS_PER_DAY = 24 * MS_PER_HOUR;
/** Replies that say nothing about the email they answer. */
const NOT_A_REPLY = new Set(['ooo', 'bounce']);
/** Notes written when the rep (not the worker) acts on a draft or a prospect. */
const REP_NOTE_OUTCOMES = new Set(['approved', 'edited']);

export function rate(count: number, of: number): Rate {
  return { count, of, rate: of === 0 ? null : Math.round((count / of) * 10_000) / 10_000 };
}

/** The median (or another quantile, 0..1) of a list, by linear interpolation; null when empty. */
export function quantile(values: readonly number[], q: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

const hours = (ms: number) => Math.round((ms / MS_PER_HOUR) * 100) / 100;

/** The cadence step a template stands for: "missed-nudge-2" is step 2; "follow-up" step 1. */
export function cadenceStep(template: string): string {
  const m = /-(\d+)$/.exec(template);
  if (m) return `step ${m[1]}`;
  if (template.endsWith('-later')) return 'later';
  return 'step 1';
}

function byTime(a: Attempt, b: Attempt): number {
  return a.at.getTime() - b.at.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function isRepAction(a: Attempt): boolean {
  if (a.kind === 'draft_rejected' || a.kind === 'status_change') return true;
  if (a.kind === 'meeting') return /marked (held|missed) by/.test(a.detail);
  if (a.kind === 'note' && a.outcome && REP_NOTE_OUTCOMES.has(a.outcome)) return !a.detail.includes('approved by auto');
  return false;
}

/** Every number above, for the attempts given. */
export function computeStats(input: StatsInput): Stats {
  const since = input.since?.getTime() ?? Number.NEGATIVE_INFINITY;
  const wanted = input.accountIds ? new Set(input.accountIds) : null;
  const all = input.attempts.filter((a) => !wanted || wanted.has(a.accountId)).slice().sort(byTime);
  const inRange = (a: Attempt) => a.at.getTime() >= since && a.at.getTime() <= input.now.getTime();
  const byProspect = new Map<string, Attempt[]>();
  for (const a of all) byProspect.set(a.prospectId, [...(byProspect.get(a.prospectId) ?? []), a]);

  // Drafts: template by draft id, and what became of each.
  const templateOf = new Map<string, string>();
  const closedDrafts = new Set<string>();
  for (const a of all) {
    if (a.kind === 'draft_created' && a.refId && a.outcome) templateOf.set(a.refId, a.outcome);
    if (a.refId && (a.kind === 'email_sent' || a.kind === 'draft_rejected' || (a.kind === 'note' && (a.outcome === 'approved' || a.outcome === 'withdrawn')))) {
      closedDrafts.add(a.refId);
    }
  }

  // Meetings: the last word on each meeting.
  const meetingOutcome = new Map<string, Attempt>();
  const meetingStart = new Map<string, number>();
  for (const a of all) {
    if (a.kind !== 'meeting' || (a.outcome !== 'held' && a.outcome !== 'missed')) continue;
    const meetingId = a.refId ?? a.id;
    // A detection is stamped at the meeting's start; a mark at the time of marking.
    if (!/marked (held|missed) by/.test(a.detail)) meetingStart.set(meetingId, a.at.getTime());
    meetingOutcome.set(meetingId, a);
  }
  let held = 0;
  let missed = 0;
  let rebooked = 0;
  const rebookHours: number[] = [];
  for (const [meetingId, a] of meetingOutcome) {
    const start = meetingStart.get(meetingId) ?? a.at.getTime();
    if (start < since || start > input.now.getTime()) continue;
    if (a.outcome === 'held') held += 1;
    else {
      missed += 1;
      const booking = (byProspect.get(a.prospectId) ?? []).find((x) => x.kind === 'booking' && x.at.getTime() > start);
      if (booking) {
        rebooked += 1;
        rebookHours.push(hours(booking.at.getTime() - start));
      }
    }
  }

  // Reply rates: each email to a prospect is answered by the first real reply before the next email.
  const sentByTemplate = new Map<string, { count: number; of: number }>();
  const sentByStep = new Map<string, { count: number; of: number }>();
  const repActionHours: number[] = [];
  let repliesInRange = 0;
  const bookings = { total: 0, direct: 0, afterConfirmation: 0 };
  for (const list of byProspect.values()) {
    list.forEach((a, i) => {
      if (a.kind === 'email_sent' && inRange(a)) {
        const template = (a.refId && templateOf.get(a.refId)) ?? null;
        if (!template || template === 'rep-brief') return;
        let replied = false;
        for (const b of list.slice(i + 1)) {
          if (b.kind === 'email_sent') break;
          if (b.kind === 'reply_received' && !NOT_A_REPLY.has(b.outcome ?? '')) {
            replied = true;
            break;
          }
        }
        for (const [map, key] of [
          [sentByTemplate, template],
          [sentByStep, cadenceStep(template)],
        ] as const) {
          const row = map.get(key) ?? { count: 0, of: 0 };
          row.of += 1;
          if (replied) row.count += 1;
          map.set(key, row);
        }
      }
      if (a.kind === 'reply_received' && inRange(a) && !NOT_A_REPLY.has(a.outcome ?? '')) {
        repliesInRange += 1;
        const action = list.slice(i + 1).find((b) => b.at.getTime() >= a.at.getTime() && isRepAction(b));
        if (action) repActionHours.push(hours(action.at.getTime() - a.at.getTime()));
      }
      if (a.kind === 'booking' && inRange(a)) {
        bookings.total += 1;
        const previousBooking = list.slice(0, i).reverse().find((b) => b.kind === 'booking');
        const asked = list
          .slice(0, i)
          .some((b) => b.kind === 'draft_created' && b.outcome === 'confirm-time' && (!previousBooking || b.at.getTime() >= previousBooking.at.getTime()));
        if (asked) bookings.afterConfirmation += 1;
        else bookings.direct += 1;
      }
    });
  }

  // Overdue: drafts waiting for the rep now.
  const byAge = new Map<OverdueBucket, number>(OVERDUE_BUCKETS.map((b) => [b, 0]));
  let overdueTotal = 0;
  for (const a of all) {
    if (a.kind !== 'draft_created' || !a.refId || closedDrafts.has(a.refId) || a.at.getTime() > input.now.getTime()) continue;
    if (a.outcome === 'rep-brief') continue;
    const ageDays = (input.now.getTime() - a.at.getTime()) / MS_PER_DAY;
    const bucket: OverdueBucket = ageDays < 1 ? 'under 1 day' : ageDays < 3 ? '1-3 days' : ageDays < 7 ? '3-7 days' : 'over 7 days';
    byAge.set(bucket, (byAge.get(bucket) ?? 0) + 1);
    overdueTotal += 1;
  }

  const rows = (map: Map<string, { count: number; of: number }>): ReplyRateRow[] =>
    [...map.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([key, v]) => ({ key, ...rate(v.count, v.of) }));

  return {
    since: input.since ? input.since.toISOString() : null,
    now: input.now.toISOString(),
    accounts: input.accountIds ? [...input.accountIds] : null,
    meetings: { held, missed, noShow: rate(missed, held + missed) },
    rebook: { ...rate(rebooked, missed), medianHoursToRebook: quantile(rebookHours, 0.5) },
    replyRateByTemplate: rows(sentByTemplate),
    replyRateByStep: rows(sentByStep),
    repAction: { replies: repliesInRange, acted: repActionHours.length, medianHours: quantile(repActionHours, 0.5), p90Hours: quantile(repActionHours, 0.9) },
    overdue: { total: overdueTotal, byAge: OVERDUE_BUCKETS.map((bucket) => ({ bucket, count: byAge.get(bucket) ?? 0 })) },
    bookings,
  };
}
