import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from './policy.js';
import { decideSend, meetingOfReasonKey, outsideBusinessHours, type GateInput } from './send-gate.js';

const d = (iso: string): Date => new Date(iso);

/** Linda, New York; her nudge for meeting m1, made Tue 3 Nov 2026 and approved Wed 4 Nov 14:00Z. */
function input(over: Partial<Omit<GateInput, 'item' | 'prospect'>> & { item?: Partial<GateInput['item']>; prospect?: Partial<GateInput['prospect']> } = {}): GateInput {
  return {
    policy: DEFAULT_POLICY,
    suppressed: false,
    replies: [],
    meetings: [{ id: 'm1', outcome: 'missed', markedBy: null }],
    sentAt: [],
    rep: { timeZone: 'America/New_York' },
    now: d('2026-11-04T15:00:00Z'),
    ...over,
    item: {
      reasonKey: 'missed:m1:1',
      template: 'missed-nudge-1',
      recipient: 'prospect',
      sendAt: d('2026-11-04T14:00:00Z'),
      repSetTime: null,
      createdAt: d('2026-11-03T23:00:00Z'),
      approvedAt: d('2026-11-04T14:00:00Z'),
      ...over.item,
    },
    prospect: {
      email: 'linda@acme.example',
      name: 'Linda Park',
      timeZone: 'America/New_York',
      country: null,
      status: 'open',
      pausedUntil: null,
      statusReason: null,
      ...over.prospect,
    },
  };
}

describe('send gate: replies', () => {
  it('sends an approved nudge when nothing has changed', () => {
    expect(decideSend(input())).toEqual({ kind: 'send', note: null });
  });
  it('withdraws a nudge when Linda replied after it was approved, and says when', () => {
    const r = decideSend(input({ replies: [{ at: d('2026-11-04T14:30:00Z'), kind: 'other', from: 'linda@acme.example' }] }));
    expect(r).toMatchObject({ kind: 'withdraw', reason: 'replied' });
    expect(r.kind === 'withdraw' && r.detail).toBe('Linda replied at Wed 4 Nov, 9:30 AM EST, after you approved it; the nudge was withdrawn. Answer in person.');
  });
  it('a reply from another of her addresses counts the same (the rule looks at the timeline, not the sender)', () => {
    const r = decideSend(input({ replies: [{ at: d('2026-11-04T14:30:00Z'), kind: 'proposal', from: 'l.park@gmail.example' }] }));
    expect(r.kind).toBe('withdraw');
  });
  it('keeps the rep\'s decision when they approved after the reply', () => {
    const r = decideSend(input({ replies: [{ at: d('2026-11-04T13:00:00Z'), knownAt: d('2026-11-04T13:10:00Z'), kind: 'other' }] }));
    expect(r.kind).toBe('send');
  });
  it('a reply written before the approval but read after it withdraws (the rep could not have seen it)', () => {
    const r = decideSend(input({ replies: [{ at: d('2026-11-04T13:00:00Z'), knownAt: d('2026-11-04T14:20:00Z'), kind: 'other' }] }));
    expect(r).toMatchObject({ kind: 'withdraw', reason: 'replied' });
  });
  it('an approval stamped before the draft was made (another clock) counts from when it was made', () => {
    // The slot offer answers a reply read at 16:10; the rep approved it with a clock saying 15:00.
    const r = decideSend(input({
      item: { template: 'slot-proposal', reasonKey: 'slots:x', createdAt: d('2026-11-04T16:10:00Z'), approvedAt: d('2026-11-04T15:00:00Z'), sendAt: d('2026-11-04T16:10:00Z') },
      now: d('2026-11-04T16:20:00Z'),
      replies: [{ at: d('2026-11-04T16:00:00Z'), knownAt: d('2026-11-04T16:10:00Z'), kind: 'vague' }],
    }));
    expect(r.kind).toBe('send');
  });
  it('a pending draft is moot when a reply came after it was made', () => {
    const r = decideSend(input({ item: { approvedAt: null }, replies: [{ at: d('2026-11-04T02:00:00Z'), kind: 'vague' }] }));
    expect(r).toMatchObject({ kind: 'withdraw', reason: 'replied' });
    expect(r.kind === 'withdraw' && r.detail).not.toContain('after you approved');
  });
  it.each([['ooo'], ['bounce']] as const)('a %s message is not a real reply', (kind) => {
    expect(decideSend(input({ replies: [{ at: d('2026-11-04T14:30:00Z'), kind }] })).kind).toBe('send');
  });
  it.each([
    ['follow-up-apology', 'withdraw'],
    ['slot-proposal', 'withdraw'],
    ['confirm-time', 'withdraw'],
    ['booking-confirmation', 'withdraw'],
  ] as const)('a later reply and a %s: %s', (template, kind) => {
    const r = decideSend(input({ item: { template, reasonKey: `x:${template}` }, replies: [{ at: d('2026-11-04T14:30:00Z'), kind: 'other' }] }));
    expect(r.kind).toBe(kind);
  });
});

describe('send gate: meetings', () => {
  it('withdraws the nudge of a meeting the rep marked held', () => {
    const r = decideSend(input({ meetings: [{ id: 'm1', outcome: 'held', markedBy: 'alex (cli)' }] }));
    expect(r).toEqual({ kind: 'withdraw', reason: 'meeting_held', detail: 'The meeting with Linda was marked held by alex (cli); the nudge was withdrawn.' });
  });
  it('withdraws it when attendance later shows the meeting was held', () => {
    expect(decideSend(input({ meetings: [{ id: 'm1', outcome: 'held', markedBy: null }] }))).toMatchObject({ kind: 'withdraw', reason: 'meeting_held' });
  });
  it('leaves nudges of other meetings alone', () => {
    expect(decideSend(input({ meetings: [{ id: 'm1', outcome: 'missed', markedBy: null }, { id: 'm2', outcome: 'held', markedBy: null }] })).kind).toBe('send');
  });
  it('reads the meeting from the reason key', () => {
    expect(meetingOfReasonKey('missed:mt_abc:3')).toBe('mt_abc');
    expect(meetingOfReasonKey('nextstep:p1:2026-11-04T10:00:00.000Z')).toBeNull();
    expect(meetingOfReasonKey(null)).toBeNull();
  });
});

describe('send gate: booking confirmations', () => {
  const confirmation = (bookedStart: Date | null) => ({ reasonKey: 'confirm:bk1', template: 'booking-confirmation' as const, bookedStart });
  it('sends the confirmation of a meeting still ahead', () => {
    expect(decideSend(input({ item: confirmation(d('2026-11-05T20:00:00Z')) })).kind).toBe('send');
  });
  it('withdraws it once the meeting it confirms has started (approved a week late)', () => {
    const r = decideSend(input({ now: d('2026-11-11T15:00:00Z'), item: confirmation(d('2026-11-05T20:00:00Z')) }));
    expect(r).toEqual({
      kind: 'withdraw',
      reason: 'meeting_started',
      detail: "The meeting it confirms (Thu 5 Nov, 3:00 PM EST, Linda's time) has started or passed; the confirmation was withdrawn.",
    });
  });
  it('withdraws it at the very start of the meeting', () => {
    expect(decideSend(input({ now: d('2026-11-05T20:00:00Z'), item: confirmation(d('2026-11-05T20:00:00Z')) }))).toMatchObject({ kind: 'withdraw', reason: 'meeting_started' });
  });
  it('leaves other templates with a past time alone (the rule is about what a confirmation says)', () => {
    expect(decideSend(input({ now: d('2026-11-10T15:00:00Z'), item: { ...confirmation(d('2026-11-05T20:00:00Z')), template: 'follow-up' } })).kind).toBe('send');
  });
});

describe('send gate: a question about the time they named', () => {
  const question = (askedTimes: Date[]) => ({ reasonKey: 'confirm-time:<r1@acme.example>', template: 'confirm-time' as const, askedTimes });
  it('sends it while one of its readings is still ahead', () => {
    expect(decideSend(input({ now: d('2026-11-05T15:00:00Z'), item: question([d('2026-11-05T14:00:00Z'), d('2026-11-06T20:00:00Z')]) })).kind).toBe('send');
  });
  it('withdraws it once every reading has passed, and says to ask in person', () => {
    const r = decideSend(input({ now: d('2026-11-10T15:00:00Z'), item: question([d('2026-11-06T20:00:00Z'), d('2026-11-05T20:00:00Z')]) }));
    expect(r).toEqual({
      kind: 'withdraw',
      reason: 'slots_stale',
      detail: 'Every time it asks Linda about (Thu 5 Nov, 3:00 PM EST; Fri 6 Nov, 3:00 PM EST) has passed; the question was withdrawn. Ask Linda for a new time in person.',
    });
  });
});

describe('send gate: business hours in the prospect\'s zone', () => {
  // [zone, now (UTC), expected hold until (UTC) or 'send', what]
  const cases: [string, string, string, string][] = [
    ['America/New_York', '2026-11-07T07:00:00Z', '2026-11-09T14:00:00Z', 'Saturday 02:00 EST → Monday 09:00 EST'],
    ['America/New_York', '2026-11-09T03:00:00Z', '2026-11-09T14:00:00Z', 'Sunday night 22:00 EST → Monday 09:00'],
    ['America/New_York', '2026-11-09T14:00:00Z', 'send', 'Monday 09:00 EST sharp'],
    ['America/New_York', '2026-11-09T22:00:00Z', '2026-11-10T14:00:00Z', 'Monday 17:00 EST (end is exclusive) → Tuesday'],
    ['America/New_York', '2026-11-26T15:00:00Z', '2026-11-27T14:00:00Z', 'Thanksgiving → Friday'],
    ['America/New_York', '2026-11-02T13:30:00Z', '2026-11-02T14:00:00Z', 'DST ended Sunday: Monday 08:30 EST, window opens at 14:00Z'],
    ['America/New_York', '2026-03-09T12:30:00Z', '2026-03-09T13:00:00Z', 'DST began Sunday: Monday 08:30 EDT, window opens at 13:00Z'],
    ['America/Los_Angeles', '2026-11-06T23:30:00Z', 'send', 'west: Friday 15:30 PST'],
    ['America/Los_Angeles', '2026-11-07T02:00:00Z', '2026-11-09T17:00:00Z', 'west: Friday 18:00 PST → Monday 09:00 PST'],
    ['Pacific/Honolulu', '2026-11-07T18:00:00Z', '2026-11-09T19:00:00Z', 'far west: Saturday 08:00 HST → Monday'],
    ['Europe/London', '2026-03-30T07:30:00Z', '2026-03-30T08:00:00Z', 'BST began Sunday: Monday 08:30 BST → 09:00 BST'],
    ['Europe/London', '2026-12-25T10:00:00Z', '2026-12-29T09:00:00Z', 'Christmas Friday, weekend, Boxing Day observed Monday → Tuesday'],
    ['Europe/Berlin', '2026-10-03T08:00:00Z', '2026-10-05T07:00:00Z', 'east: Saturday (German Unity Day) → Monday 09:00 CEST'],
    ['Asia/Tokyo', '2026-11-06T09:30:00Z', '2026-11-09T00:00:00Z', 'far east: Friday 18:30 JST → Monday 09:00 JST'],
    ['Asia/Tokyo', '2026-11-05T23:59:00Z', '2026-11-06T00:00:00Z', 'far east: Friday 08:59 JST (Thursday in UTC) → 09:00 JST'],
    ['Asia/Kolkata', '2026-11-06T03:30:00Z', 'send', 'half-hour zone: Friday 09:00 IST sharp'],
    ['Asia/Kolkata', '2026-11-06T03:29:00Z', '2026-11-06T03:30:00Z', 'half-hour zone: Friday 08:59 IST'],
    ['Australia/Sydney', '2026-10-03T22:30:00Z', '2026-10-04T22:00:00Z', 'south-east: DST begins Sunday 4 Oct at 02:00; Sunday 09:30 AEDT → Monday 09:00 AEDT'],
    ['Australia/Sydney', '2026-10-04T22:00:00Z', 'send', 'Monday 09:00 AEDT (state holidays are not national ones)'],
  ];
  it.each(cases)('%s at %s → %s (%s)', (zone, now, expected, _what) => {
    const r = decideSend(input({ now: d(now), prospect: { timeZone: zone }, item: { sendAt: d('2026-01-01T00:00:00Z') } }));
    if (expected === 'send') return expect(r).toEqual({ kind: 'send', note: null });
    expect(r).toMatchObject({ kind: 'hold', reason: 'business_hours', until: d(expected) });
  });

  it('says in the prospect\'s own time why it waits', () => {
    const r = decideSend(input({ now: d('2026-11-07T07:00:00Z'), item: { sendAt: d('2026-11-04T14:00:00Z') } }));
    expect(r.kind === 'hold' && r.detail).toBe("It is Sat 7 Nov, 2:00 AM EST for Linda, outside their business hours; it goes out Mon 9 Nov, 9:00 AM EST.");
  });

  it('a time the rep set by hand stands, and the decision says so', () => {
    const sat2am = d('2026-11-07T07:00:00Z');
    const r = decideSend(input({ now: new Date(sat2am.getTime() + 10 * 60_000), item: { sendAt: sat2am, repSetTime: sat2am } }));
    expect(r).toEqual({ kind: 'send', note: 'Sent at Sat 7 Nov, 2:10 AM EST for Linda, outside their business hours, because you set that time.' });
  });
  it('a rep-set time long past (the worker was down) moves into business hours like any other', () => {
    const r = decideSend(input({ now: d('2026-11-07T12:00:00Z'), item: { sendAt: d('2026-11-07T07:00:00Z'), repSetTime: d('2026-11-07T07:00:00Z') } }));
    expect(r).toMatchObject({ kind: 'hold', reason: 'business_hours', until: d('2026-11-09T14:00:00Z') });
  });
  it('a rep-set time held by the weekly cap does not carry its exception to the later time', () => {
    const sat2am = d('2026-11-07T07:00:00Z');
    const held = decideSend(input({ now: sat2am, item: { sendAt: sat2am, repSetTime: sat2am }, sentAt: [d('2026-11-02T15:00:00Z'), d('2026-11-03T15:00:00Z')] }));
    expect(held).toMatchObject({ kind: 'hold', reason: 'weekly_cap' });
    // When the cap frees (Mon 9 Nov, 15:00Z = 10:00 EST) it is business hours anyway; at 02:00 Tuesday it would wait.
    const later = decideSend(input({ now: d('2026-11-10T07:00:00Z'), item: { sendAt: d('2026-11-10T07:00:00Z'), repSetTime: sat2am } }));
    expect(later).toMatchObject({ kind: 'hold', reason: 'business_hours', until: d('2026-11-10T14:00:00Z') });
  });
  it('the page and command that set a time outside business hours say so', () => {
    expect(outsideBusinessHours(d('2026-11-07T07:00:00Z'), { timeZone: 'America/New_York' }, DEFAULT_POLICY)).toBe(
      'Sat 7 Nov, 2:00 AM EST is outside their business hours (next window: Mon 9 Nov, 9:00 AM EST); it stands because you set it.',
    );
    expect(outsideBusinessHours(d('2026-11-09T15:00:00Z'), { timeZone: 'America/New_York' }, DEFAULT_POLICY)).toBeNull();
  });
  it('mail to the rep (a brief) goes at its time, whatever the hour', () => {
    const r = decideSend(input({ now: d('2026-11-07T07:00:00Z'), item: { recipient: 'rep', template: 'rep-brief', reasonKey: 'brief:m2', sendAt: d('2026-11-07T06:00:00Z') } }));
    expect(r.kind).toBe('send');
  });
});

describe('send gate: the prospect\'s state and the weekly cap', () => {
  it.each([
    [{ suppressed: true }, {}, 'opted_out'],
    [{}, { status: 'suppressed' as const }, 'opted_out'],
    [{}, { status: 'bounced' as const, statusReason: 'mailbox unknown' }, 'bounced'],
    [{}, { status: 'closed' as const }, 'closed'],
  ])('withdraws: %j %j → %s', (over, prospect, reason) => {
    expect(decideSend(input({ ...over, prospect }))).toMatchObject({ kind: 'withdraw', reason });
  });
  it('holds a paused prospect until the pause ends, in business hours', () => {
    // Paused until Sat 7 Nov (out of office): the first window after is Monday 09:00 EST.
    const r = decideSend(input({ prospect: { status: 'paused', pausedUntil: d('2026-11-07T05:00:00Z') } }));
    expect(r).toMatchObject({ kind: 'hold', reason: 'paused', until: d('2026-11-09T14:00:00Z') });
  });
  it('holds a prospect paused with no end and looks again a day later', () => {
    expect(decideSend(input({ prospect: { status: 'paused', pausedUntil: null } }))).toMatchObject({ kind: 'hold', reason: 'paused', until: d('2026-11-05T15:00:00Z') });
  });
  it('holds until one more email fits in the rolling week', () => {
    const r = decideSend(input({ sentAt: [d('2026-10-30T15:00:00Z'), d('2026-11-02T15:00:00Z')] }));
    // The oldest leaves the window on Fri 6 Nov 15:00Z (10:00 EST).
    expect(r).toMatchObject({ kind: 'hold', reason: 'weekly_cap', until: d('2026-11-06T15:00:00Z') });
  });
  it('sends when the cap has room', () => {
    expect(decideSend(input({ sentAt: [d('2026-10-20T15:00:00Z'), d('2026-11-02T15:00:00Z')] })).kind).toBe('send');
  });
  it('a cap hold that ends on a weekend moves to Monday', () => {
    const r = decideSend(input({ sentAt: [d('2026-10-31T15:00:00Z'), d('2026-11-02T15:00:00Z')] }));
    expect(r).toMatchObject({ kind: 'hold', reason: 'weekly_cap', until: d('2026-11-09T14:00:00Z') });
  });
  it('holds a draft that is not due yet', () => {
    expect(decideSend(input({ item: { sendAt: d('2026-11-05T14:00:00Z') } }))).toMatchObject({ kind: 'hold', reason: 'not_due', until: d('2026-11-05T14:00:00Z') });
  });
});

describe('send gate: slot offers', () => {
  const offer = (start: string) => ({ item: { template: 'slot-proposal' as const, reasonKey: 'slots:x', offeredSlots: [{ start: d(start), end: new Date(d(start).getTime() + 30 * 60_000) }] } });
  it('sends an offer whose first slot is well ahead', () => {
    expect(decideSend(input(offer('2026-11-06T15:00:00Z'))).kind).toBe('send');
  });
  it('withdraws an offer whose first slot is now under an hour of business time away', () => {
    expect(decideSend(input(offer('2026-11-04T15:30:00Z')))).toMatchObject({ kind: 'withdraw', reason: 'slots_stale' });
  });
});
