/**
 * Random timelines for one prospect: meetings, marks, replies of every kind (from their address or
 * another one in the thread), approvals, edits, snoozes, rejections, ticks at random instants
 * (weekends, public holidays and DST changes included) and restarts of the worker.
 */
import fc from 'fast-check';

export const ZONES = [
  'America/New_York',
  'America/Los_Angeles',
  'Pacific/Honolulu',
  'Europe/London',
  'Europe/Berlin',
  'Asia/Kolkata',
  'Asia/Tokyo',
  'Australia/Sydney',
] as const;

/** Starting points next to DST changes and public holidays (the events spread over two weeks). */
export const BASES = [
  '2026-03-05T12:00:00Z', // US DST starts Sun 8 Mar
  '2026-03-26T12:00:00Z', // EU DST starts Sun 29 Mar; Good Friday 3 Apr (GB, DE, AU)
  '2026-09-30T12:00:00Z', // German Unity Day Sat 3 Oct; Sydney DST starts Sun 4 Oct
  '2026-10-22T12:00:00Z', // EU DST ends Sun 25 Oct; US ends Sun 1 Nov
  '2026-11-23T12:00:00Z', // Thanksgiving Thu 26 Nov; Japan's Labour Thanksgiving Mon 23 Nov
  '2026-12-21T12:00:00Z', // Christmas, Boxing Day (observed Mon 28 Dec in GB)
] as const;

export const REPLY_KINDS = ['other', 'proposal', 'vague', 'decline', 'optout', 'ooo', 'bounce'] as const;
export type GenReplyKind = (typeof REPLY_KINDS)[number];

/** Minutes after the base. */
export type TimelineEvent =
  | { kind: 'meeting'; at: number; outcome: 'missed' | 'held' | 'unknown' }
  | { kind: 'mark'; at: number; meeting: number; outcome: 'held' | 'missed' }
  | { kind: 'reply'; at: number; reply: GenReplyKind; from: 'primary' | 'alias' }
  | { kind: 'approve'; at: number; pick: number }
  | { kind: 'edit'; at: number; pick: number; sendInMinutes: number }
  | { kind: 'snooze'; at: number; pick: number }
  | { kind: 'reject'; at: number; pick: number }
  | { kind: 'tick'; at: number }
  | { kind: 'restart'; at: number };

export interface Timeline {
  zone: (typeof ZONES)[number];
  base: string;
  /** The promised next step, minutes after the base (negative: already overdue), or none. */
  nextStepDue: number | null;
  /** policy.maxEmailsPerWeek: 1 makes the cap bite often. */
  cap: 1 | 2;
  events: TimelineEvent[];
}

const SPAN_MINUTES = 14 * 24 * 60;
const at = fc.integer({ min: 0, max: SPAN_MINUTES });
const pick = fc.nat({ max: 20 });

const event: fc.Arbitrary<TimelineEvent> = fc.oneof(
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('meeting' as const), at, outcome: fc.constantFrom('missed' as const, 'held' as const, 'unknown' as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('mark' as const), at, meeting: fc.nat({ max: 5 }), outcome: fc.constantFrom('held' as const, 'missed' as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('reply' as const), at, reply: fc.constantFrom(...REPLY_KINDS), from: fc.constantFrom('primary' as const, 'alias' as const) }) },
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('approve' as const), at, pick }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('edit' as const), at, pick, sendInMinutes: fc.integer({ min: -120, max: 4 * 24 * 60 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('snooze' as const), at, pick }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('reject' as const), at, pick }) },
  { weight: 8, arbitrary: fc.record({ kind: fc.constant('tick' as const), at }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('restart' as const), at }) },
);

export function timelineArbitrary(maxEvents = 30): fc.Arbitrary<Timeline> {
  return fc.record({
    zone: fc.constantFrom(...ZONES),
    base: fc.constantFrom(...BASES),
    nextStepDue: fc.option(fc.integer({ min: -200 * 24 * 60, max: 5 * 24 * 60 }), { nil: null }),
    cap: fc.constantFrom(1 as const, 2 as const),
    events: fc.array(event, { minLength: 1, maxLength: maxEvents }).map((evs) => [...evs].sort((a, b) => a.at - b.at)),
  });
}

export function instant(timeline: Timeline, minutes: number): Date {
  return new Date(new Date(timeline.base).getTime() + minutes * 60_000);
}

/** fast-check's numRuns from the environment (TIMELINE_RUNS / TIMELINE_WORKER_RUNS), else the default. */
export function runsFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  const n = raw ? Number.parseInt(raw, 10) : NaN;
  return Number.isFinite(n) && n > 0 ? n : fallback;
}

/**
 * The timeline's events, then a tail: a tick, the rep approving everything still pending, and ticks
 * every 5 hours (what was approved gets its chance to go out, or to be held or withdrawn).
 */
export function withTail(t: Timeline, ticks: number): TimelineEvent[] {
  const last = t.events.at(-1)?.at ?? 0;
  return [
    ...t.events,
    { kind: 'tick', at: last + 300 },
    { kind: 'approve', at: last + 301, pick: 20 },
    ...Array.from({ length: ticks }, (_, i) => ({ kind: 'tick' as const, at: last + (i + 2) * 300 })),
  ];
}
