import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_POLICY } from './policy.js';
import { callHoldUid, planCallCadence, type CallCadenceInput, type CallLog } from './call-holds.js';

const repCtx = { zone: 'America/New_York', country: null, policy: DEFAULT_POLICY };
// The meeting: Monday 23 Nov 2026, 10:00-10:30 New York.
const END = new Date('2026-11-23T15:30:00Z');
const input = (over: Partial<CallCadenceInput> = {}): CallCadenceInput => ({
  meeting: { id: 'm1', title: 'Intro call', start: new Date('2026-11-23T15:00:00Z'), end: END, outcome: 'missed' },
  prospect: { id: 'p1', name: 'Linda Park', email: 'linda@acme.example', company: 'Acme', phone: '+1 555 0101', hotButton: 'onboarding time', materialSent: ['Pilot plan'] },
  rep: { name: 'Alex Morgan', timeZone: 'America/New_York' },
  calls: [],
  replies: [],
  nudgeSentAt: null,
  policy: DEFAULT_POLICY,
  repCtx,
  now: new Date('2026-11-23T15:40:00Z'),
  ...over,
});
const starts = (c: ReturnType<typeof planCallCadence>) => (c.kind === 'active' ? c.holds.map((h) => h.start.toISOString()) : c.reason);

describe('call holds after a no-show', () => {
  it('the first hold is 15 minutes after the end, with the number, the context and a script', () => {
    const c = planCallCadence(input());
    expect(starts(c)).toEqual(['2026-11-23T15:45:00.000Z']);
    const hold = c.kind === 'active' ? c.holds[0]! : null;
    expect(hold?.uid).toBe(callHoldUid('m1', 1));
    expect(hold?.title).toBe('Call Linda Park (Acme)');
    expect(hold?.description).toContain('Phone: +1 555 0101');
    expect(hold?.description).toContain("Hi Linda, it's Alex");
    expect(hold?.description).toContain('Something must have come up, and I hope everything is alright.');
    expect(hold?.description).toContain('onboarding time');
  });

  it.each([
    // After the first hold passed: the next one two business days later (Wednesday 10:45).
    ['2026-11-23T16:00:00Z', [], ['2026-11-23T15:45:00.000Z', '2026-11-25T15:45:00.000Z']],
    // A voicemail logged on Tuesday 11:00 moves the next hold two business days on: Thursday is
    // Thanksgiving (a US public holiday), so Friday 11:00.
    ['2026-11-24T16:00:00Z', [{ at: '2026-11-24T16:00:00Z', outcome: 'voicemail' }], ['2026-11-23T15:45:00.000Z', '2026-11-27T16:00:00.000Z']],
    // Wednesday plus two business days over Thanksgiving and the weekend: Monday.
    ['2026-11-27T21:00:00Z', [], ['2026-11-23T15:45:00.000Z', '2026-11-25T15:45:00.000Z', '2026-11-30T15:45:00.000Z']],
    // In Berlin's business calendar Thursday counts: Tuesday 11:00's voicemail gives Thursday 11:00.
    ['2026-11-24T11:00:00Z', [{ at: '2026-11-24T10:00:00Z', outcome: 'voicemail' }], ['2026-11-23T15:45:00.000Z', '2026-11-26T10:00:00.000Z'], 'Europe/Berlin'],
    // A voicemail after hours (17:00 Berlin): two business days on is after hours too, so Friday 09:00.
    ['2026-11-24T17:00:00Z', [{ at: '2026-11-24T16:00:00Z', outcome: 'voicemail' }], ['2026-11-23T15:45:00.000Z', '2026-11-27T08:00:00.000Z'], 'Europe/Berlin'],
  ] as [string, { at: string; outcome: string }[], string[], string?][])('at %s with calls %j: holds %j', (now, calls, expected, zone) => {
    const logs: CallLog[] = calls.map((c) => ({ at: new Date(c.at), outcome: c.outcome as CallLog['outcome'] }));
    const ctx = zone ? { zone, country: null, policy: DEFAULT_POLICY } : repCtx;
    expect(starts(planCallCadence(input({ now: new Date(now), calls: logs, repCtx: ctx })))).toEqual(expected);
  });

  it.each([
    ['reached', { calls: [{ at: new Date('2026-11-23T16:00:00Z'), outcome: 'reached' as const }] }],
    ['held', { meeting: { ...input().meeting, outcome: 'held' as const } }],
    ['replied', { replies: [{ at: new Date('2026-11-23T17:00:00Z'), kind: 'other' as const }] }],
  ])('ends when %s', (reason, over) => {
    expect(starts(planCallCadence(input(over)))).toBe(reason);
  });

  it('the script names the earlier message once the first nudge went out', () => {
    const before = planCallCadence(input());
    const after = planCallCadence(input({ nudgeSentAt: new Date('2026-11-23T17:30:00Z'), now: new Date('2026-11-25T16:00:00Z') }));
    expect(before.kind === 'active' && before.holds[0]!.description).toContain('We had a call planned on Monday.');
    expect(after.kind === 'active' && after.holds[1]!.description).toContain('I sent you a short note after our call on Monday.');
  });

  it('voicemails count toward the cap', () => {
    const calls: CallLog[] = Array.from({ length: DEFAULT_POLICY.maxCalls }, (_, i) => ({ at: new Date(END.getTime() + (i + 1) * 86_400_000), outcome: 'voicemail' }));
    expect(starts(planCallCadence(input({ calls, now: new Date('2026-12-10T15:00:00Z') })))).toBe('cap');
  });

  it('an auto-reply does not end it; a call before the meeting does not count', () => {
    const c = planCallCadence(input({ replies: [{ at: new Date('2026-11-23T17:00:00Z'), kind: 'ooo' }], calls: [{ at: new Date('2026-11-20T15:00:00Z'), outcome: 'reached' }] }));
    expect(c.kind).toBe('active');
  });

  it('is idempotent and bounded: the same input gives the same holds, never more than maxCalls, one at most ahead of now', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60 * 24 * 40 }), fc.array(fc.integer({ min: 0, max: 60 * 24 * 40 }), { maxLength: 8 }), (nowMin, callMins) => {
        const now = new Date(END.getTime() + nowMin * 60_000);
        const calls: CallLog[] = callMins.filter((m) => m <= nowMin).map((m) => ({ at: new Date(END.getTime() + m * 60_000), outcome: 'no-answer' }));
        const a = planCallCadence(input({ now, calls }));
        const b = planCallCadence(input({ now, calls }));
        expect(a).toEqual(b);
        if (a.kind !== 'active') return;
        expect(a.holds.length).toBeLessThanOrEqual(DEFAULT_POLICY.maxCalls);
        expect(a.holds.filter((h) => h.start > now).length).toBeLessThanOrEqual(1);
        expect(new Set(a.holds.map((h) => h.uid)).size).toBe(a.holds.length);
      }),
      { seed: 15, verbose: true },
    );
  });
});
