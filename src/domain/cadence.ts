/**
 * Pacing rules: when each missed-meeting nudge is due (R2) and the weekly email cap (R4). Pure.
 */
import { DateTime } from 'luxon';
import { addBusinessDays, nextBusinessInstant } from './business-time.js';
import type { BusinessContext } from './business-time.js';
import type { TemplateName } from './types.js';

const MS_PER_MINUTE = 60_000;
export const MS_PER_DAY = 24 * 60 * MS_PER_MINUTE;
/** R4: the cap counts emails in any rolling window this long. */
export const CAP_WINDOW_DAYS = 7;

/** The template of nudge `step` (1-based): one per listed step, then the "later" one. */
export function nudgeTemplate(step: number): TemplateName {
  switch (step) {
    case 1:
      return 'missed-nudge-1';
    case 2:
      return 'missed-nudge-2';
    case 3:
      return 'missed-nudge-3';
    case 4:
      return 'missed-nudge-4';
    default:
      return 'missed-nudge-later';
  }
}

export interface NudgeTimingInput {
  /** 1-based. */
  step: number;
  meetingEnd: Date;
  /** When nudge step-1 was sent; required for step >= 2. */
  previousSentAt: Date | null;
  ctx: BusinessContext;
}

/**
 * The earliest send time of a nudge, in the prospect's business hours:
 * step 1: meeting end + nudgeDelayMinutes; step n+1: nudge n's send time + cadenceBusinessDays[n-1]
 * business days; after the listed steps, + cadenceRepeatDays calendar days (same local time).
 */
export function nudgeDueAt(input: NudgeTimingInput): Date {
  const { step, ctx } = input;
  const policy = ctx.policy;
  if (step <= 1) {
    return nextBusinessInstant(new Date(input.meetingEnd.getTime() + policy.nudgeDelayMinutes * MS_PER_MINUTE), ctx);
  }
  if (!input.previousSentAt) throw new RangeError(`nudgeDueAt: step ${step} needs the previous nudge's send time`);
  const businessDays = policy.cadenceBusinessDays[step - 2];
  if (businessDays !== undefined) return addBusinessDays(input.previousSentAt, businessDays, ctx);
  const later = DateTime.fromJSDate(input.previousSentAt, { zone: ctx.zone }).plus({ days: policy.cadenceRepeatDays });
  return nextBusinessInstant(later.toJSDate(), ctx);
}

/**
 * The first instant at or after `at` at which one more email keeps every rolling
 * CAP_WINDOW_DAYS window at `cap` emails or fewer, given the emails already counted (`load`).
 * Two emails share a window when they are less than CAP_WINDOW_DAYS apart.
 * A cap below 1 is treated as 1 (the playbook: "always follow up").
 */
export function firstInstantUnderCap(at: Date, load: readonly Date[], cap: number): Date {
  const limit = Math.max(1, Math.floor(cap));
  const windowMs = CAP_WINDOW_DAYS * MS_PER_DAY;
  const sorted = load.map((d) => d.getTime()).sort((a, b) => a - b);
  let t = at.getTime();
  for (;;) {
    // t is forbidden when `limit` consecutive emails fit in one window together with t:
    // last - window < t < first + window.
    let next: number | null = null;
    for (let i = 0; i + limit - 1 < sorted.length; i++) {
      const first = sorted[i]!;
      const last = sorted[i + limit - 1]!;
      if (last - windowMs < t && t < first + windowMs) next = Math.max(next ?? 0, first + windowMs);
    }
    if (next === null) return new Date(t);
    t = next;
  }
}

/** firstInstantUnderCap, then into business hours, until both hold. */
export function scheduleUnderCap(at: Date, load: readonly Date[], cap: number, ctx: BusinessContext): Date {
  let t = nextBusinessInstant(at, ctx);
  for (;;) {
    const capped = firstInstantUnderCap(t, load, cap);
    const inHours = nextBusinessInstant(capped, ctx);
    if (inHours.getTime() === t.getTime()) return t;
    t = inHours;
  }
}
