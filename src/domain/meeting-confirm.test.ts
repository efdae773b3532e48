import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from './policy.js';
import { meetingWhenWords, planMeetingConfirmations } from './meeting-confirm.js';
import type { Meeting, ReplyKind } from './types.js';

const ctx = { zone: 'Europe/Berlin', country: null, policy: DEFAULT_POLICY };
function meeting(start: string, response: Meeting['prospectResponse'], outcome: Meeting['outcome'] = 'scheduled') {
  const s = new Date(start);
  return { id: 'm1', title: 'Intro', start: s, end: new Date(s.getTime() + 30 * 60_000), outcome, prospectResponse: response };
}
const plan = (m: ReturnType<typeof meeting>, now: string, replies: { at: Date; kind: ReplyKind }[] = []) =>
  planMeetingConfirmations({ meetings: [m], replies, policy: DEFAULT_POLICY, ctx, now: new Date(now) });

describe('a confirmation before a meeting the prospect has not accepted', () => {
  // Tuesday 24 Nov 2026 15:00 Berlin (14:00 UTC).
  const START = '2026-11-24T14:00:00Z';
  it.each([
    ['needs_action', '2026-11-23T14:00:00Z', 'draft', '2026-11-23T14:00:00.000Z'],
    ['tentative', '2026-11-23T15:30:00Z', 'draft', '2026-11-23T15:30:00.000Z'],
    // 24 h before is Monday 15:00 Berlin; run at 06:00 Berlin: not yet in the window.
    ['needs_action', '2026-11-23T05:00:00Z', 'none', null],
    // Run Monday 20:00 Berlin (after hours): drafted for Tuesday 09:00 Berlin.
    ['needs_action', '2026-11-23T19:00:00Z', 'draft', '2026-11-24T08:00:00.000Z'],
    // Tuesday 14:30 Berlin: too close to draft, the rep is warned.
    ['needs_action', '2026-11-24T13:30:00Z', 'warn', null],
    ['accepted', '2026-11-23T14:00:00Z', 'none', null],
    ['declined', '2026-11-23T14:00:00Z', 'none', null],
  ] as const)('%s at %s: %s %s', (response, now, kind, sendAt) => {
    const out = plan(meeting(START, response), now);
    if (kind === 'none') return expect(out).toEqual([]);
    expect(out).toHaveLength(1);
    expect(out[0]!.kind).toBe(kind);
    if (out[0]!.kind === 'draft') expect(out[0]!.sendAt.toISOString()).toBe(sendAt);
  });

  it('a reply from the prospect since the window opened withdraws it', () => {
    expect(plan(meeting(START, 'needs_action'), '2026-11-23T15:00:00Z', [{ at: new Date('2026-11-23T14:30:00Z'), kind: 'other' }])).toEqual([]);
    // An auto-reply is not a reply.
    expect(plan(meeting(START, 'needs_action'), '2026-11-23T15:00:00Z', [{ at: new Date('2026-11-23T14:30:00Z'), kind: 'ooo' }])).toHaveLength(1);
  });

  it('a meeting that is not scheduled (held, missed, cancelled) gets nothing', () => {
    expect(plan(meeting(START, 'needs_action', 'cancelled'), '2026-11-23T14:00:00Z')).toEqual([]);
  });

  it.each([
    ['2026-11-24T14:00:00Z', '2026-11-23T14:00:00Z', 'tomorrow at 3:00 PM CET'],
    ['2026-11-24T14:00:00Z', '2026-11-24T08:00:00Z', 'today at 3:00 PM CET'],
    ['2026-11-26T14:00:00Z', '2026-11-23T14:00:00Z', 'on Thursday, November 26 at 3:00 PM CET'],
  ])('the meeting %s read at %s is "%s"', (start, readAt, words) => {
    expect(meetingWhenWords(new Date(start), new Date(readAt), 'Europe/Berlin')).toBe(words);
  });
});
