/**
 * Concrete slots to offer a prospect who answered vaguely (playbook R1: "two or three concrete
 * slots taken from the rep's free time, not a guess"). Pure.
 *
 * Slots are inside the PROSPECT's business hours (their zone, their public holidays), never overlap
 * the rep's busy time, start at least one business hour (the worker: policy.slotLeadHours) after the
 * offer goes out, and are spread over different
 * days when the range allows: the first free slot of each day, preferring round hours.
 */
import {
  addBusinessMinutes,
  businessWindow,
  localDateOf,
  localTimeToInstant,
  parseClock,
  plusDays,
} from './business-time.js';
import { DateTime } from 'luxon';
import type { BusinessContext, LocalDate } from './business-time.js';
import type { FollowUpPolicy } from './policy.js';
import type { TimeInterval } from './types.js';

export interface FindFreeSlotsInput {
  /** The rep's busy intervals. */
  busy: TimeInterval[];
  /** Where to look (e.g. the "next week" the prospect named). */
  range: TimeInterval;
  /** The prospect's zone. */
  zone: string;
  country?: string | null;
  policy: FollowUpPolicy;
  durationMinutes: number;
  count: number;
  now: Date;
  /** When the offer goes out (default: now). Slots start at least `leadBusinessMinutes` after it. */
  offerAt?: Date;
  /** Business minutes between the offer and its first slot (default MIN_NOTICE_BUSINESS_MINUTES; the
   *  worker passes policy.slotLeadHours): a prospect needs time to read and answer. */
  leadBusinessMinutes?: number;
  /** Slot starts are aligned to this many minutes past midnight, local time (default 30). */
  stepMinutes?: number;
}

/** Minimum notice: a slot starts at least this much business time after now. */
export const MIN_NOTICE_BUSINESS_MINUTES = 60;
const DEFAULT_STEP_MINUTES = 30;
const MS_PER_MINUTE = 60_000;
/** Never scan more days than this, whatever the range. */
const MAX_SCAN_DAYS = 366;

function overlaps(a: TimeInterval, b: TimeInterval): boolean {
  return a.start.getTime() < b.end.getTime() && b.start.getTime() < a.end.getTime();
}

function compareDates(a: LocalDate, b: LocalDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/** Candidate slots of one day, in order, that are free and within bounds. */
function freeSlotsOfDay(
  date: LocalDate,
  ctx: BusinessContext,
  bounds: { earliest: number; latest: number },
  busy: TimeInterval[],
  durationMs: number,
  stepMinutes: number,
): TimeInterval[] {
  const window = businessWindow(date, ctx);
  if (!window) return [];
  const startMin = parseClock(ctx.policy.businessHours.start);
  const endMin = parseClock(ctx.policy.businessHours.end);
  const out: TimeInterval[] = [];
  const seen = new Set<number>();
  for (let m = Math.ceil(startMin / stepMinutes) * stepMinutes; m < endMin; m += stepMinutes) {
    const start = localTimeToInstant(date, m, ctx.zone);
    const s = start.getTime();
    if (seen.has(s)) continue; // two wall-clock readings of one instant (DST gap)
    seen.add(s);
    const e = s + durationMs;
    if (s < window.start.getTime() || e > window.end.getTime()) continue;
    if (s < bounds.earliest || e > bounds.latest) continue;
    const slot = { start, end: new Date(e) };
    if (busy.some((b) => overlaps(slot, b))) continue;
    out.push(slot);
  }
  return out;
}

function isRoundHour(at: Date, zone: string): boolean {
  const local = DateTime.fromJSDate(at, { zone });
  return local.minute === 0 && local.second === 0 && local.millisecond === 0;
}

/**
 * Up to `count` free slots of `durationMinutes`, chronological. One per day first (the day's first
 * free round hour, else its first free slot); when there are fewer days than `count`, the
 * remaining slots come from the days already used (not overlapping the slots chosen).
 */
export function findFreeSlots(input: FindFreeSlotsInput): TimeInterval[] {
  const { policy, zone, now, range } = input;
  const step = input.stepMinutes ?? DEFAULT_STEP_MINUTES;
  if (!(step > 0) || !(input.durationMinutes > 0) || !(input.count > 0)) return [];
  const ctx: BusinessContext = { zone, country: input.country ?? null, policy };
  const durationMs = input.durationMinutes * MS_PER_MINUTE;
  const offerAt = input.offerAt && input.offerAt.getTime() > now.getTime() ? input.offerAt : now;
  const lead = Math.max(MIN_NOTICE_BUSINESS_MINUTES, input.leadBusinessMinutes ?? 0);
  const notice = addBusinessMinutes(offerAt, lead, ctx).getTime();
  const bounds = { earliest: Math.max(range.start.getTime(), notice), latest: range.end.getTime() };
  if (bounds.latest - bounds.earliest < durationMs) return [];

  const firstDay = localDateOf(new Date(bounds.earliest), zone);
  const lastDay = localDateOf(new Date(bounds.latest), zone);
  const perDay: TimeInterval[][] = [];
  const chosen: TimeInterval[] = [];
  for (let i = 0, day = firstDay; i < MAX_SCAN_DAYS && compareDates(day, lastDay) <= 0; i++, day = plusDays(day, 1)) {
    const free = freeSlotsOfDay(day, ctx, bounds, input.busy, durationMs, step);
    if (free.length === 0) continue;
    perDay.push(free);
    const pick = free.find((s) => isRoundHour(s.start, zone)) ?? free[0]!;
    chosen.push(pick);
    if (chosen.length >= input.count) break;
  }
  // Fewer days than slots wanted: take more from the same days, round hours first.
  for (const preferRound of [true, false]) {
    for (const free of perDay) {
      for (const slot of free) {
        if (chosen.length >= input.count) break;
        if (preferRound && !isRoundHour(slot.start, zone)) continue;
        if (chosen.some((c) => overlaps(c, slot))) continue;
        chosen.push(slot);
      }
    }
  }
  return chosen.sort((a, b) => a.start.getTime() - b.start.getTime());
}
