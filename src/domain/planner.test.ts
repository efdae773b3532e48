import { describe, expect, it } from 'vitest';
import { planFollowUps } from './planner.js';
import type { PlanAction, ProspectSnapshot } from './planner.js';
import { DEFAULT_POLICY } from './policy.js';
import type { FollowUpPolicy } from './policy.js';
import type { Meeting, NoShowEvidence, Prospect } from './types.js';

const d = (iso: string): Date => new Date(iso);
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const NEVER_ANSWERED: NoShowEvidence = {
  kind: 'rsvp',
  confidence: 'possible',
  detail: 'Linda never answered the invite and sent no message around the meeting.',
};

// Tue 3 Nov 2026, 3:00-3:30 PM in New York (EST). Wed 11 Nov is Veterans Day, Thu 26 Nov Thanksgiving.
function missedMeeting(over: Partial<Meeting> = {}): Meeting {
  return {
    id: 'm1',
    accountId: 'a1',
    prospectId: 'p1',
    eventId: 'e1',
    calendarId: 'c1',
    title: 'Acme demo',
    start: d('2026-11-03T20:00:00Z'),
    end: d('2026-11-03T20:30:00Z'),
    outcome: 'missed',
    prospectResponse: 'needs_action',
    evidence: [NEVER_ANSWERED],
    markedBy: null,
    conference: null,
    categories: [],
    ...over,
  };
}

function prospect(over: Partial<Prospect> = {}): Prospect {
  return {
    id: 'p1',
    accountId: 'a1',
    email: 'linda@acme.example',
    name: 'Linda Park',
    company: 'Acme',
    timeZone: 'America/New_York',
    country: null,
    hotButton: 'onboarding time',
    materialSent: ['Proposal v2'],
    nextStep: null,
    status: 'open',
    pausedUntil: null,
    statusReason: null,
    ...over,
  };
}

function snapshot(over: Partial<ProspectSnapshot> & { p?: Partial<Prospect> } = {}): ProspectSnapshot {
  const { p, ...rest } = over;
  return {
    prospect: prospect(p),
    rep: { email: 'rep@seller.example', name: 'Sam Rep', timeZone: 'America/New_York' },
    meetings: [],
    drafts: [],
    emails: [],
    replies: [],
    suppressed: false,
    ...rest,
  };
}

const plan = (s: ProspectSnapshot, now: Date, policy: FollowUpPolicy = DEFAULT_POLICY): PlanAction[] => planFollowUps(s, policy, now);
const drafts = (actions: PlanAction[]) => actions.filter((a): a is Extract<PlanAction, { kind: 'draft' }> => a.kind === 'draft');
const skips = (actions: PlanAction[]) => actions.filter((a): a is Extract<PlanAction, { kind: 'skip' }> => a.kind === 'skip');
const summary = (actions: PlanAction[]): string[] =>
  actions.map((a) =>
    a.kind === 'draft'
      ? `draft ${a.reasonKey} ${a.template} ${a.sendAt.toISOString()}`
      : a.kind === 'call_reminder'
        ? `call ${a.reasonKey} ${a.at.toISOString()}`
        : a.kind === 'warn'
          ? `warn ${a.reason} ${a.meetingId}`
          : `skip ${a.reason}`,
  );
const sent = (reasonKey: string, at: string) => ({ at: d(at), reasonKey, status: 'sent' as const });

describe('gates', () => {
  const now = d('2026-11-03T21:00:00Z');
  const busy = { meetings: [missedMeeting()], p: { nextStep: { what: 'send pricing', due: d('2026-10-01T14:00:00Z') } } };
  it.each([
    ['suppressed flag', { suppressed: true }, 'suppressed'],
    ['suppressed status', { p: { ...busy.p, status: 'suppressed' as const } }, 'suppressed'],
    ['closed', { p: { ...busy.p, status: 'closed' as const, statusReason: 'went with a competitor' } }, 'closed'],
    ['bounced', { p: { ...busy.p, status: 'bounced' as const } }, 'bounced'],
    ['paused until later (out of office)', { p: { ...busy.p, status: 'paused' as const, pausedUntil: d('2026-11-09T14:00:00Z') } }, 'paused'],
    ['open but paused until later', { p: { ...busy.p, pausedUntil: d('2026-11-03T21:00:01Z') } }, 'paused'],
    ['paused without an end', { p: { ...busy.p, status: 'paused' as const } }, 'paused'],
  ])('%s -> one skip %s, no drafts', (_label, over, reason) => {
    const out = plan(snapshot({ ...busy, ...over }), now);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ kind: 'skip', reason });
  });

  it('a pause that has ended plans again, never before its end', () => {
    const pausedUntil = d('2026-11-03T21:00:00Z');
    const out = plan(snapshot({ ...busy, p: { ...busy.p, status: 'paused', pausedUntil } }), now);
    expect(drafts(out).length).toBeGreaterThan(0);
    for (const a of drafts(out)) expect(a.sendAt.getTime()).toBeGreaterThanOrEqual(pausedUntil.getTime());
  });

  it('closed detail carries the reason', () => {
    const out = plan(snapshot({ p: { status: 'closed', statusReason: 'went with a competitor' } }), now);
    expect(skips(out)[0]!.detail).toBe('Linda is closed (went with a competitor).');
  });
});

describe('R2: missed meeting cadence', () => {
  it('step 1: call reminder at end + 15 min, nudge at end + 2 h moved into business hours', () => {
    const out = plan(snapshot({ meetings: [missedMeeting()] }), d('2026-11-03T21:00:00Z'));
    expect(out).toEqual([
      {
        kind: 'call_reminder',
        reasonKey: 'call:m1',
        meetingId: 'm1',
        at: d('2026-11-03T20:45:00Z'),
        detail: "Call Linda again: Linda missed Tuesday's 3:00 PM call.",
      },
      {
        kind: 'draft',
        reasonKey: 'missed:m1:1',
        template: 'missed-nudge-1',
        recipient: 'prospect',
        sendAt: d('2026-11-04T14:00:00Z'), // 17:30 is after hours -> Wed 09:00 EST
        reason: "Linda missed Tuesday's 3:00 PM call. Linda never answered the invite and sent no message around the meeting.",
        evidence: [NEVER_ANSWERED],
        vars: { kind: 'nudge', step: 1, meetingStart: d('2026-11-03T20:00:00Z') },
        meetingId: 'm1',
      },
    ]);
  });

  // Each row: nudges already sent (key -> time), now, expected next action.
  const S1 = sent('missed:m1:1', '2026-11-04T14:05:00Z');
  const S2 = sent('missed:m1:2', '2026-11-06T14:05:00Z');
  const S3 = sent('missed:m1:3', '2026-11-16T14:05:00Z');
  const S4 = sent('missed:m1:4', '2026-12-01T14:05:00Z');
  const S5 = sent('missed:m1:5', '2026-12-15T14:05:00Z');
  const S6 = sent('missed:m1:6', '2026-12-29T14:05:00Z');
  it.each([
    ['step 2: +2 business days after step 1 was sent', [S1], '2026-11-04T15:00:00Z', ['draft missed:m1:2 missed-nudge-2 2026-11-06T14:05:00.000Z']],
    ['step 3: +5 business days, Veterans Day skipped', [S1, S2], '2026-11-06T15:00:00Z', ['draft missed:m1:3 missed-nudge-3 2026-11-16T14:05:00.000Z']],
    ['step 4: +10 business days, Thanksgiving skipped', [S1, S2, S3], '2026-11-16T15:00:00Z', ['draft missed:m1:4 missed-nudge-4 2026-12-01T14:05:00.000Z']],
    ['step 5: +14 days', [S1, S2, S3, S4], '2026-12-01T15:00:00Z', ['draft missed:m1:5 missed-nudge-later 2026-12-15T14:05:00.000Z']],
    ['step 6: +14 days', [S1, S2, S3, S4, S5], '2026-12-15T15:00:00Z', ['draft missed:m1:6 missed-nudge-later 2026-12-29T14:05:00.000Z']],
    ['after maxNudges (6): cadence done', [S1, S2, S3, S4, S5, S6], '2027-01-20T15:00:00Z', ['skip cadence_done']],
    ['a step 2 planned late goes out now (in business hours)', [S1], '2026-11-20T15:00:00Z', ['draft missed:m1:2 missed-nudge-2 2026-11-20T15:00:00.000Z']],
  ])('%s', (_label, emails, now, expected) => {
    expect(summary(plan(snapshot({ meetings: [missedMeeting()], emails }), d(now)))).toEqual(expected);
  });

  it('a lower maxNudges ends the cadence sooner', () => {
    const out = plan(snapshot({ meetings: [missedMeeting()], emails: [S1, S2] }), d('2026-11-10T15:00:00Z'), { ...DEFAULT_POLICY, maxNudges: 2 });
    expect(summary(out)).toEqual(['skip cadence_done']);
    expect(skips(out)[0]!.detail).toContain('All 2 nudges');
  });

  it('later steps say how the cadence went', () => {
    const [nudge] = drafts(plan(snapshot({ meetings: [missedMeeting()], emails: [S1] }), d('2026-11-04T15:00:00Z')));
    expect(nudge!.reason).toBe(
      "Linda missed Tuesday's 3:00 PM call. Linda never answered the invite and sent no message around the meeting. Nudge 2 of 6: nudge 1 went out on 4 Nov with no reply.",
    );
    expect(nudge!.vars).toEqual({ kind: 'nudge', step: 2, meetingStart: d('2026-11-03T20:00:00Z') });
  });

  it('an older meeting is named by its date', () => {
    const [nudge] = drafts(plan(snapshot({ meetings: [missedMeeting()], emails: [S1, S2, S3] }), d('2026-11-16T15:00:00Z')));
    expect(nudge!.reason.startsWith('Linda missed the 3:00 PM call on Tue 3 Nov.')).toBe(true);
  });

  it.each([
    ['a real reply after the meeting stops it for good', [{ at: d('2026-11-05T10:00:00Z'), kind: 'other' as const }], ['skip replied']],
    ['a proposal stops it', [{ at: d('2026-11-05T10:00:00Z'), kind: 'proposal' as const }], ['skip replied']],
    ['a decline stops it', [{ at: d('2026-11-05T10:00:00Z'), kind: 'decline' as const }], ['skip replied']],
    ['an out-of-office does not', [{ at: d('2026-11-05T10:00:00Z'), kind: 'ooo' as const }], ['draft missed:m1:2 missed-nudge-2 2026-11-06T14:05:00.000Z']],
    ['a bounce does not', [{ at: d('2026-11-05T10:00:00Z'), kind: 'bounce' as const }], ['draft missed:m1:2 missed-nudge-2 2026-11-06T14:05:00.000Z']],
    ['a reply before the meeting ended does not', [{ at: d('2026-11-03T20:10:00Z'), kind: 'other' as const }], ['draft missed:m1:2 missed-nudge-2 2026-11-06T14:05:00.000Z']],
  ])('%s', (_label, replies, expected) => {
    expect(summary(plan(snapshot({ meetings: [missedMeeting()], emails: [S1], replies }), d('2026-11-05T15:00:00Z')))).toEqual(expected);
  });

  it('the replied skip says when', () => {
    const out = plan(snapshot({ meetings: [missedMeeting()], replies: [{ at: d('2026-11-05T15:00:00Z'), kind: 'other' }] }), d('2026-11-05T16:00:00Z'));
    expect(out).toEqual([{ kind: 'skip', reason: 'replied', detail: "Linda replied on 5 Nov after missing Tuesday's 3:00 PM call; the nudges stopped." }]);
  });

  it.each([
    ['step 1 pending approval', [{ reasonKey: 'missed:m1:1', status: 'pending' as const, sendAt: d('2026-11-04T14:00:00Z'), template: 'missed-nudge-1' as const }], [], ['call call:m1 2026-11-03T20:45:00.000Z', 'skip awaiting_approval']],
    ['step 2 approved, queued in the outbox', [{ reasonKey: 'missed:m1:2', status: 'approved' as const, sendAt: d('2026-11-06T14:05:00Z'), template: 'missed-nudge-2' as const }], [S1, { at: d('2026-11-06T14:05:00Z'), reasonKey: 'missed:m1:2', status: 'queued' as const }], ['skip awaiting_approval']],
    ['step 2 rejected by the rep: cadence ends', [{ reasonKey: 'missed:m1:2', status: 'rejected' as const, sendAt: d('2026-11-06T14:05:00Z'), template: 'missed-nudge-2' as const }], [S1], ['skip cadence_done']],
  ])('%s', (_label, existingDrafts, emails, expected) => {
    expect(summary(plan(snapshot({ meetings: [missedMeeting()], drafts: existingDrafts, emails }), d('2026-11-06T15:00:00Z')))).toEqual(expected);
  });

  it('a step held as uncertain (may have gone out; the rep is asked) counts as sent at its planned time, and the next draft names it', () => {
    const held = { ...S1, status: 'uncertain' as const };
    const [nudge] = drafts(plan(snapshot({ meetings: [missedMeeting()], emails: [held] }), d('2026-11-05T15:00:00Z')));
    expect(nudge).toMatchObject({ reasonKey: 'missed:m1:2', template: 'missed-nudge-2', sendAt: d('2026-11-06T14:05:00Z') });
    expect(nudge!.reason).toMatch(/nudge 1 may or may not have gone out on 4 Nov \(held as uncertain: check it before approving this one\)/);
  });

  it('a step whose draft is marked sent (no outbox row) counts as sent at its send time', () => {
    const out = plan(
      snapshot({ meetings: [missedMeeting()], drafts: [{ reasonKey: 'missed:m1:1', status: 'sent', sendAt: d('2026-11-04T14:00:00Z'), template: 'missed-nudge-1' }] }),
      d('2026-11-04T15:00:00Z'),
    );
    expect(summary(out)).toEqual(['draft missed:m1:2 missed-nudge-2 2026-11-06T14:00:00.000Z']);
  });

  describe('which missed meeting drives the cadence', () => {
    const older = missedMeeting({ id: 'm0', start: d('2026-10-27T20:00:00Z'), end: d('2026-10-27T20:30:00Z') });
    const now = d('2026-11-03T21:00:00Z');
    it('only the latest missed meeting', () => {
      const keys = drafts(plan(snapshot({ meetings: [missedMeeting(), older] }), now)).map((a) => a.reasonKey);
      expect(keys).toEqual(['missed:m1:1']);
    });
    it.each([
      ['a later scheduled meeting', 'scheduled' as const, d('2026-11-20T15:00:00Z'), ['skip nothing_due']],
      ['a later held meeting', 'held' as const, d('2026-11-03T22:00:00Z'), ['skip nothing_due']],
      ['a later meeting of unknown outcome (the prospect came back)', 'unknown' as const, d('2026-11-03T20:45:00Z'), ['skip nothing_due']],
    ])('none when there is %s', (_label, outcome, start, expected) => {
      const later = missedMeeting({ id: 'm2', outcome, start, end: new Date(start.getTime() + HOUR / 2), evidence: [] });
      expect(summary(plan(snapshot({ meetings: [missedMeeting(), later] }), now))).toEqual(expected);
    });
    it('a later cancelled meeting does not stop it', () => {
      const cancelled = missedMeeting({ id: 'm2', outcome: 'cancelled', start: d('2026-11-20T15:00:00Z'), end: d('2026-11-20T15:30:00Z') });
      expect(drafts(plan(snapshot({ meetings: [missedMeeting(), cancelled] }), now)).map((a) => a.reasonKey)).toEqual(['missed:m1:1']);
    });
  });

  it.each([
    [
      'LA prospect: 4:00 PM PST end + 2 h lands on Thanksgiving -> Fri 09:00 PST',
      { timeZone: 'America/Los_Angeles' },
      { start: d('2026-11-25T23:30:00Z'), end: d('2026-11-26T00:00:00Z') },
      '2026-11-27T17:00:00.000Z',
    ],
    [
      'LA prospect: 2:30 PM PST end + 2 h is still business time',
      { timeZone: 'America/Los_Angeles' },
      { start: d('2026-11-24T22:00:00Z'), end: d('2026-11-24T22:30:00Z') },
      '2026-11-25T00:30:00.000Z',
    ],
    [
      'Tokyo prospect: 17:00 JST end -> next morning 09:00 JST',
      { timeZone: 'Asia/Tokyo' },
      { start: d('2026-11-10T07:30:00Z'), end: d('2026-11-10T08:00:00Z') },
      '2026-11-11T00:00:00.000Z',
    ],
    [
      'Sydney prospect: Friday 17:30 AEDT end -> Monday 09:00 AEDT',
      { timeZone: 'Australia/Sydney' },
      { start: d('2026-11-13T06:00:00Z'), end: d('2026-11-13T06:30:00Z') },
      '2026-11-15T22:00:00.000Z',
    ],
    [
      'explicit UK country: no US holiday for a London prospect on Thanksgiving',
      { timeZone: 'Europe/London', country: 'GB' },
      { start: d('2026-11-26T09:00:00Z'), end: d('2026-11-26T09:30:00Z') },
      '2026-11-26T11:30:00.000Z',
    ],
  ])('%s', (_label, p, times, expected) => {
    const m = missedMeeting(times);
    const out = plan(snapshot({ p, meetings: [m] }), new Date(m.end.getTime() + HOUR / 2));
    expect(drafts(out)[0]!.sendAt.toISOString()).toBe(expected);
  });

  it("names the meeting in the REP's zone", () => {
    const out = plan(
      snapshot({ rep: { email: 'rep@seller.example', name: 'Sam', timeZone: 'Europe/London' }, meetings: [missedMeeting()] }),
      d('2026-11-03T21:00:00Z'),
    );
    expect(drafts(out)[0]!.reason.startsWith("Linda missed Tuesday's 8:00 PM call.")).toBe(true);
    expect(drafts(out)[0]!.sendAt.toISOString()).toBe('2026-11-04T14:00:00.000Z'); // still the prospect's hours
  });
});

describe('R3/R5/R7: next step', () => {
  const now = d('2026-11-23T15:00:00Z'); // Mon 10:00 AM EST
  const withDue = (due: Date, what = 'send the revised proposal') => snapshot({ p: { id: 'p9', name: 'Priya Shah', nextStep: { what, due } } });
  const ago = (days: number) => new Date(now.getTime() - days * DAY);

  it.each([
    ['1 hour', HOUR / DAY, 'follow-up', 0],
    ['6.9 days', 6.9, 'follow-up', 6],
    ['7 days exactly', 7, 'follow-up-apology', 7],
    ['30 days', 30, 'follow-up-apology', 30],
    ['183 days exactly', 183, 'follow-up-apology', 183],
    ['183.5 days', 183.5, 'follow-up-ages', 183],
    ['184 days', 184, 'follow-up-ages', 184],
    ['3 years (no gap is too long)', 3 * 365, 'follow-up-ages', 1095],
  ])('overdue by %s -> %s', (_label, days, template, gapDays) => {
    const due = ago(days);
    const out = plan(withDue(due), now);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({
      kind: 'draft',
      reasonKey: `nextstep:p9:${due.toISOString()}`,
      template,
      recipient: 'prospect',
      sendAt: now,
      vars: { kind: 'next_step', gapDays, due, what: 'send the revised proposal' },
    });
  });

  it('the reason says what was promised and when, in plain words', () => {
    const [draft] = drafts(plan(withDue(d('2026-11-11T15:00:00Z')), now));
    expect(draft!.reason).toBe(
      'You promised Priya a follow-up on 11 Nov (send the revised proposal); that was 12 days ago. The draft opens with a short apology, no excuses.',
    );
  });

  it('overdue on a Saturday: sent Monday 09:00 in the prospect zone', () => {
    const sat = d('2026-11-21T15:00:00Z');
    const [draft] = drafts(plan(withDue(d('2026-11-10T15:00:00Z')), sat));
    expect(draft!.sendAt.toISOString()).toBe('2026-11-23T14:00:00.000Z');
  });

  it.each([
    ['due tomorrow 09:00: drafted now, sent at 09:00 (R7)', d('2026-11-24T14:00:00Z'), ['draft nextstep:p9:2026-11-24T14:00:00.000Z follow-up 2026-11-24T14:00:00.000Z']],
    ['due tonight 20:00: sent next morning', d('2026-11-24T01:00:00Z'), ['draft nextstep:p9:2026-11-24T01:00:00.000Z follow-up 2026-11-24T14:00:00.000Z']],
    ['due in 25 hours: nothing yet', d('2026-11-24T16:00:00Z'), ['skip nothing_due']],
  ])('%s', (_label, due, expected) => {
    expect(summary(plan(withDue(due), now))).toEqual(expected);
  });

  const due = d('2026-11-13T15:00:00Z');
  it.each([
    ['an email sent since the due date', { emails: [sent('x', '2026-11-14T15:00:00Z')] }, 0],
    ['a reply since the due date', { replies: [{ at: d('2026-11-15T15:00:00Z'), kind: 'other' as const }] }, 0],
    ['a held meeting since the due date', { meetings: [missedMeeting({ id: 'h', outcome: 'held', start: d('2026-11-16T15:00:00Z'), end: d('2026-11-16T15:30:00Z') })] }, 0],
    ['a meeting of unknown outcome since the due date', { meetings: [missedMeeting({ id: 'u', outcome: 'unknown', evidence: [], start: d('2026-11-16T15:00:00Z'), end: d('2026-11-16T15:30:00Z') })] }, 0],
    ['a missed meeting since the due date (its nudges are the follow-up)', { meetings: [missedMeeting({ start: d('2026-11-16T15:00:00Z'), end: d('2026-11-16T15:30:00Z') })] }, 0],
    ['a cancelled meeting since the due date', { meetings: [missedMeeting({ id: 'c', outcome: 'cancelled', start: d('2026-11-16T15:00:00Z'), end: d('2026-11-16T15:30:00Z') })] }, 1],
    ['a held meeting before the due date', { meetings: [missedMeeting({ id: 'h', outcome: 'held', start: d('2026-11-12T15:00:00Z'), end: d('2026-11-12T15:30:00Z') })] }, 1],
    ['only an out-of-office since', { replies: [{ at: d('2026-11-15T15:00:00Z'), kind: 'ooo' as const }] }, 1],
    ['an email sent before the due date', { emails: [sent('x', '2026-11-12T15:00:00Z')] }, 1],
    ['a queued (unsent) email since', { emails: [{ at: d('2026-11-14T15:00:00Z'), reasonKey: 'x', status: 'queued' as const }] }, 1],
  ])('%s -> %i draft(s)', (_label, over, count) => {
    const s = { ...withDue(due), ...over };
    expect(drafts(plan(s, now)).filter((a) => a.reasonKey.startsWith('nextstep:'))).toHaveLength(count);
  });

  it.each([
    ['a draft', { drafts: [{ reasonKey: `nextstep:p9:${due.toISOString()}`, status: 'rejected' as const, sendAt: due, template: 'follow-up' as const }] }],
    ['an email', { emails: [{ at: d('2026-11-01T00:00:00Z'), reasonKey: `nextstep:p9:${due.toISOString()}`, status: 'queued' as const }] }],
  ])('never drafts a reasonKey that already has %s', (_label, over) => {
    const out = plan({ ...withDue(due), ...over }, now);
    expect(summary(out)).toEqual(['skip nothing_due']);
  });
});

describe('R6: rep brief', () => {
  const now = d('2026-11-23T15:00:00Z');
  const upcoming = (id: string, start: string) =>
    missedMeeting({ id, outcome: 'scheduled', prospectResponse: 'accepted', evidence: [], start: d(start), end: new Date(d(start).getTime() + HOUR / 2) });

  it.each([
    ['in 3 hours: drafted now, sent an hour before', '2026-11-23T18:00:00Z', ['draft brief:b1 rep-brief 2026-11-23T17:00:00.000Z']],
    ['in 30 minutes: now', '2026-11-23T15:30:00Z', ['draft brief:b1 rep-brief 2026-11-23T15:00:00.000Z']],
    ['in 3 hours and a minute: not yet', '2026-11-23T18:01:00Z', ['skip nothing_due']],
    ['in 3 days: not yet', '2026-11-26T15:00:00Z', ['skip nothing_due']],
    ['already started: no brief', '2026-11-23T14:50:00Z', ['skip nothing_due']],
  ])('meeting %s', (_label, start, expected) => {
    expect(summary(plan(snapshot({ meetings: [upcoming('b1', start)] }), now))).toEqual(expected);
  });

  it('goes to the rep with the brief material, and is not re-drafted', () => {
    const s = snapshot({
      meetings: [upcoming('b1', '2026-11-23T17:00:00Z')],
      emails: [sent('x', '2026-11-20T15:00:00Z')],
      p: { nextStep: { what: 'walk through pricing', due: d('2026-11-26T15:00:00Z') } },
    });
    const [brief] = drafts(plan(s, now));
    expect(brief).toMatchObject({ recipient: 'rep', meetingId: 'b1', evidence: [] });
    expect(brief!.vars).toMatchObject({ meetingStart: d('2026-11-23T17:00:00Z'), lastContactAt: d('2026-11-20T15:00:00Z'), promised: 'walk through pricing' });
    const again = plan({ ...s, drafts: [{ reasonKey: 'brief:b1', status: 'pending', sendAt: brief!.sendAt, template: 'rep-brief' }] }, now);
    expect(summary(again)).toEqual(['skip nothing_due']);
  });
});

describe('R4: weekly cap', () => {
  const now = d('2026-11-23T15:00:00Z'); // Mon 10:00 AM EST
  const overdue = { p: { nextStep: { what: 'send pricing', due: d('2026-11-20T15:00:00Z') } } };
  const nextstepSendAt = (over: Partial<ProspectSnapshot>, policy: FollowUpPolicy = DEFAULT_POLICY): string =>
    drafts(plan({ ...snapshot(overdue), ...over }, now, policy))[0]!.sendAt.toISOString();

  it.each([
    ['no emails this week: now', {}, DEFAULT_POLICY, '2026-11-23T15:00:00.000Z'],
    ['one email this week: now', { emails: [sent('a', '2026-11-18T15:00:00Z')] }, DEFAULT_POLICY, '2026-11-23T15:00:00.000Z'],
    ['two emails (Wed, Thu) this week: when the Wednesday one is 7 days old', { emails: [sent('a', '2026-11-18T15:00:00Z'), sent('b', '2026-11-19T15:00:00Z')] }, DEFAULT_POLICY, '2026-11-25T15:00:00.000Z'],
    ['cap 3: now', { emails: [sent('a', '2026-11-18T15:00:00Z'), sent('b', '2026-11-19T15:00:00Z')] }, { ...DEFAULT_POLICY, maxEmailsPerWeek: 3 }, '2026-11-23T15:00:00.000Z'],
    ['window opens after hours: next morning', { emails: [sent('a', '2026-11-17T23:00:00Z'), sent('b', '2026-11-18T23:00:00Z')] }, DEFAULT_POLICY, '2026-11-25T14:00:00.000Z'],
    ['window opens on Thanksgiving: Friday', { emails: [sent('a', '2026-11-19T15:00:00Z'), sent('b', '2026-11-20T14:00:00Z')] }, DEFAULT_POLICY, '2026-11-27T14:00:00.000Z'],
    [
      'queued emails and pending drafts count',
      { emails: [{ at: d('2026-11-18T15:00:00Z'), reasonKey: 'a', status: 'queued' as const }], drafts: [{ reasonKey: 'other', status: 'pending' as const, sendAt: d('2026-11-24T15:00:00Z'), template: 'follow-up' as const }] },
      DEFAULT_POLICY,
      '2026-11-25T15:00:00.000Z',
    ],
    [
      'an approved draft already in the outbox counts once',
      { emails: [sent('x', '2026-11-18T15:00:00Z'), { at: d('2026-11-23T15:00:00Z'), reasonKey: 'q', status: 'queued' as const }], drafts: [{ reasonKey: 'q', status: 'approved' as const, sendAt: d('2026-11-23T15:00:00Z'), template: 'follow-up' as const }] },
      DEFAULT_POLICY,
      '2026-11-25T15:00:00.000Z',
    ],
    [
      'rep briefs, rejected and cancelled drafts do not count',
      {
        emails: [sent('a', '2026-11-19T15:00:00Z')],
        drafts: [
          { reasonKey: 'brief:x', status: 'pending' as const, sendAt: d('2026-11-22T15:00:00Z'), template: 'rep-brief' as const },
          { reasonKey: 'r', status: 'rejected' as const, sendAt: d('2026-11-21T15:00:00Z'), template: 'follow-up' as const },
          { reasonKey: 'c', status: 'cancelled' as const, sendAt: d('2026-11-21T15:00:00Z'), template: 'follow-up' as const },
        ],
      },
      DEFAULT_POLICY,
      '2026-11-23T15:00:00.000Z',
    ],
  ])('%s', (_label, over, policy, expected) => {
    expect(nextstepSendAt(over, policy)).toBe(expected);
  });

  it('says why the draft was held', () => {
    const out = plan({ ...snapshot(overdue), emails: [sent('a', '2026-11-18T15:00:00Z'), sent('b', '2026-11-19T15:00:00Z')] }, now);
    expect(drafts(out)[0]!.reason).toContain('Held until Wed 25 Nov, 10:00 AM (your time) to stay within 2 emails a week.');
  });

  it('drafts planned together share the cap, earliest first', () => {
    // One email sent Wed 4 Nov; an overdue next step (due after it) goes out now, Thu 5 Nov 10:00;
    // nudge 2 (due Fri 6 Nov 09:05) would be the third email in 7 days: it waits until 11 Nov 09:05,
    // which is Veterans Day, so Thu 12 Nov 09:00.
    const s = snapshot({
      meetings: [missedMeeting()],
      emails: [sent('missed:m1:1', '2026-11-04T14:05:00Z')],
      p: { nextStep: { what: 'send pricing', due: d('2026-11-04T16:00:00Z') } },
    });
    expect(summary(plan(s, d('2026-11-05T15:00:00Z')))).toEqual([
      'draft missed:m1:2 missed-nudge-2 2026-11-12T14:00:00.000Z',
      'draft nextstep:p1:2026-11-04T16:00:00.000Z follow-up 2026-11-05T15:00:00.000Z',
    ]);
  });
});

describe('nothing due, determinism', () => {
  const now = d('2026-11-23T15:00:00Z');
  it.each([
    ['no next step', {}, 'Nothing is due for Linda, and there is no next step with a date: set one so nothing slips.'],
    ['next step later', { p: { nextStep: { what: 'call back', due: d('2026-12-01T15:00:00Z') } } }, 'Nothing is due for Linda; the next step (call back) is due Tue 1 Dec, 10:00 AM.'],
  ])('%s', (_label, over, detail) => {
    expect(plan(snapshot(over), now)).toEqual([{ kind: 'skip', reason: 'nothing_due', detail }]);
  });

  it('same input, same output; the snapshot is not changed', () => {
    const s = snapshot({
      meetings: [missedMeeting()],
      emails: [sent('missed:m1:1', '2026-11-04T14:05:00Z')],
      p: { nextStep: { what: 'send pricing', due: d('2026-11-04T16:00:00Z') } },
    });
    const before = JSON.stringify(s);
    const a = plan(s, d('2026-11-05T15:00:00Z'));
    const b = plan(s, d('2026-11-05T15:00:00Z'));
    expect(a).toEqual(b);
    expect(JSON.stringify(s)).toBe(before);
  });
});

describe('issue 15 in the planner', () => {
  const now = d('2026-11-23T15:00:00Z');
  const tomorrow = (response: Meeting['prospectResponse']) =>
    missedMeeting({ id: 't1', outcome: 'scheduled', prospectResponse: response, evidence: [], start: d('2026-11-24T15:00:00Z'), end: d('2026-11-24T15:30:00Z') });

  it('a meeting not accepted a day ahead: a warning and a confirmation draft; accepted: nothing', () => {
    expect(summary(plan(snapshot({ meetings: [tomorrow('needs_action')] }), now))).toEqual([
      'warn unconfirmed_meeting t1',
      'draft confirm-meeting:t1 meeting-confirm 2026-11-23T15:00:00.000Z',
    ]);
    expect(summary(plan(snapshot({ meetings: [tomorrow('accepted')] }), now))).toEqual(['skip nothing_due']);
    // Drafted once: the warning stays, the draft is not made again.
    const again = plan(snapshot({ meetings: [tomorrow('tentative')], drafts: [{ reasonKey: 'confirm-meeting:t1', status: 'pending', sendAt: now, template: 'meeting-confirm' }] }), now);
    expect(summary(again)).toEqual(['warn unconfirmed_meeting t1']);
  });

  it('the brief warns the rep when the prospect has not accepted', () => {
    const soon = missedMeeting({ id: 'b2', outcome: 'scheduled', prospectResponse: 'tentative', evidence: [], start: d('2026-11-23T16:30:00Z'), end: d('2026-11-23T17:00:00Z') });
    const brief = drafts(plan(snapshot({ meetings: [soon] }), now)).find((a) => a.template === 'rep-brief');
    expect(brief?.vars).toMatchObject({ unconfirmed: 'Linda answered the invite only "tentative" for this meeting.' });
  });

  it('a reply waiting for the rep pauses everything but the brief', () => {
    const s = snapshot({ meetings: [missedMeeting()], needsReply: [{ at: d('2026-11-23T14:00:00Z'), words: 'Can you send the pricing first?' }] });
    const out = plan(s, now);
    expect(summary(out)).toEqual(['skip needs_reply']);
    expect(skips(out)[0]!.detail).toContain('"Can you send the pricing first?"');
  });

  it('an email the rep sent by hand gets one follow-up two business days later, unless answered', () => {
    const handSent = { sentByRep: [{ at: d('2026-11-19T15:00:00Z'), key: '<h1@x>', subject: 'Pricing', byFollowup: false }] };
    expect(summary(plan(snapshot(handSent), now))).toEqual(['draft handsent:<h1@x> hand-sent-follow-up 2026-11-23T15:00:00.000Z']);
    expect(summary(plan(snapshot({ ...handSent, replies: [{ at: d('2026-11-20T15:00:00Z'), kind: 'other' }] }), now))).toEqual(['skip nothing_due']);
    expect(summary(plan(snapshot({ ...handSent, drafts: [{ reasonKey: 'handsent:<h1@x>', status: 'sent', sendAt: now, template: 'hand-sent-follow-up' }] }), now))).toEqual(['skip nothing_due']);
  });
});
