import { describe, expect, it } from 'vitest';
import { assessMeeting, normaliseName } from './no-show.js';
import type { AttendanceReport, MeetingAssessmentInput } from './no-show.js';
import { DEFAULT_POLICY } from './policy.js';
import type { Meeting } from './types.js';

const START = new Date('2026-11-10T20:00:00Z'); // Tue 3:00 PM in New York
const END = new Date('2026-11-10T20:30:00Z');
const AFTER = new Date('2026-11-10T21:00:00Z');
const prospect = { email: 'Linda.Park@acme.example', name: 'Linda Park' };

function meeting(over: Partial<Meeting> = {}): Meeting {
  return {
    id: 'm1',
    accountId: 'a1',
    prospectId: 'p1',
    eventId: 'e1',
    calendarId: 'c1',
    title: 'Acme / demo',
    start: START,
    end: END,
    outcome: 'scheduled',
    prospectResponse: 'accepted',
    evidence: [],
    markedBy: null,
    conference: null,
    categories: [],
    ...over,
  };
}

function assess(over: Partial<MeetingAssessmentInput> & { m?: Partial<Meeting> } = {}) {
  const { m, ...rest } = over;
  return assessMeeting({
    meeting: meeting(m),
    prospect,
    now: AFTER,
    attendance: null,
    messagesFromProspectAt: [],
    policy: DEFAULT_POLICY,
    ...rest,
  });
}

const report = (participants: AttendanceReport['participants']): AttendanceReport => ({ available: true, participants });

describe('assessMeeting: before the end', () => {
  it.each([
    ['not started', new Date('2026-11-10T19:00:00Z'), 'scheduled'],
    ['running', new Date('2026-11-10T20:29:59Z'), 'scheduled'],
  ] as const)('%s -> %s even with no-show signals', (_l, now, outcome) => {
    const out = assess({ now, m: { prospectResponse: 'needs_action', categories: ['no-show'] } });
    expect(out).toEqual({ outcome, evidence: [] });
  });
  it('a cancelled meeting stays cancelled, before or after its end', () => {
    expect(assess({ now: START, m: { outcome: 'cancelled' } }).outcome).toBe('cancelled');
    expect(assess({ m: { outcome: 'cancelled', categories: ['no-show'] } })).toEqual({ outcome: 'cancelled', evidence: [] });
  });
});

describe('assessMeeting: one kind of evidence', () => {
  it.each([
    // label, input, outcome, [kind, confidence, detail fragment]
    ['rep marked missed', { m: { markedBy: 'rep@x.example', outcome: 'missed' as const } }, 'missed', 'rep_mark', 'certain', 'You marked the call with Linda as a no-show.'],
    ['rep marked held', { m: { markedBy: 'rep@x.example', outcome: 'held' as const } }, 'held', 'rep_mark', 'certain', 'You marked the call with Linda as held.'],
    ['category "no-show"', { m: { categories: ['no-show'] } }, 'missed', 'event_keyword', 'certain', 'tagged "no-show"'],
    ['category "NoShow"', { m: { categories: ['NoShow'] } }, 'missed', 'event_keyword', 'certain', 'tagged "NoShow"'],
    ['category "No Show"', { m: { categories: ['No Show'] } }, 'missed', 'event_keyword', 'certain', 'Linda did not show up'],
    ['category "MISSED"', { m: { categories: ['MISSED'] } }, 'missed', 'event_keyword', 'certain', 'tagged "MISSED"'],
    ['category "Attended"', { m: { categories: ['Attended'] } }, 'held', 'event_keyword', 'certain', 'the call with Linda took place'],
    ['category "held"', { m: { categories: ['held'] } }, 'held', 'event_keyword', 'certain', 'tagged "held"'],
    ['joined with their email', { attendance: report([{ email: 'rep@x.example' }, { email: 'linda.park@ACME.example ' }]) }, 'held', 'conference_attendance', 'certain', 'Linda joined the video call'],
    ['joined by full name', { attendance: report([{ email: 'rep@x.example' }, { displayName: 'LINDA  PARK' }]) }, 'held', 'conference_attendance', 'likely', 'matched by name, not by email'],
    ['joined by first + last name', { attendance: report([{ displayName: 'Linda J. Park (Acme)' }]) }, 'held', 'conference_attendance', 'likely', 'probably Linda'],
    ['joined with accents stripped', { prospect: { email: 'jose@x.example', name: 'José Núñez' }, attendance: report([{ displayName: 'Jose Nunez' }]) }, 'held', 'conference_attendance', 'likely', 'probably José'],
    ['not among signed-in participants', { attendance: report([{ email: 'rep@x.example', displayName: 'Rep' }, { email: 'bob@acme.example', displayName: 'Bob' }]) }, 'missed', 'conference_attendance', 'likely', 'Linda was not among the 2 people who joined the video call; everyone who joined was signed in'],
    ['not among participants, some anonymous', { attendance: report([{ email: 'rep@x.example' }, { displayName: 'Guest 1' }]) }, 'missed', 'conference_attendance', 'possible', 'may have joined under another name'],
    ['never answered, no message', { m: { prospectResponse: 'needs_action' as const } }, 'missed', 'rsvp', 'possible', 'Linda never answered the invite and sent no message around the meeting.'],
    ['declined, no message', { m: { prospectResponse: 'declined' as const } }, 'missed', 'rsvp', 'possible', 'Linda declined the invite and sent no message around the meeting.'],
  ])('%s', (_label, input, outcome, kind, confidence, fragment) => {
    const out = assess(input as Partial<MeetingAssessmentInput> & { m?: Partial<Meeting> });
    expect(out.outcome).toBe(outcome);
    expect(out.evidence).toHaveLength(1);
    expect(out.evidence[0]).toMatchObject({ kind, confidence });
    expect(out.evidence[0]!.detail).toContain(fragment);
  });
});

describe('assessMeeting: no evidence means unknown (never nudge on a guess)', () => {
  it.each([
    ['accepted', { m: { prospectResponse: 'accepted' as const } }],
    ['tentative', { m: { prospectResponse: 'tentative' as const } }],
    ['unrelated category', { m: { categories: ['Customer', 'demo'] } }],
    ['a marked outcome without markedBy is not a rep mark', { m: { outcome: 'missed' as const } }],
    ['markedBy with a non-final outcome', { m: { markedBy: 'rep@x.example', outcome: 'unknown' as const } }],
    ['attendance report unavailable', { attendance: { available: false, participants: [] } }],
    ['nobody joined at all (call may have happened elsewhere)', { attendance: report([]) }],
  ])('%s', (_label, input) => {
    expect(assess(input as Partial<MeetingAssessmentInput> & { m?: Partial<Meeting> })).toEqual({ outcome: 'unknown', evidence: [] });
  });

  it.each([
    ['a message 23 h before the start', new Date('2026-11-09T21:00:00Z'), 'unknown'],
    ['a message 24 h after the end (edge of the window)', new Date('2026-11-11T20:30:00Z'), 'unknown'],
    ['a message just outside the window after', new Date('2026-11-11T20:31:00Z'), 'missed'],
    ['a message 25 h before the start', new Date('2026-11-09T19:00:00Z'), 'missed'],
  ] as const)('no RSVP and %s -> %s', (_label, at, outcome) => {
    expect(assess({ m: { prospectResponse: 'needs_action' }, messagesFromProspectAt: [at] }).outcome).toBe(outcome);
  });

  it('uses the policy window', () => {
    const policy = { ...DEFAULT_POLICY, contactWindowMinutes: 60 };
    const at = new Date('2026-11-10T18:30:00Z'); // 90 min before the start
    expect(assess({ m: { prospectResponse: 'needs_action' }, messagesFromProspectAt: [at], policy }).outcome).toBe('missed');
  });
});

describe('assessMeeting: several kinds, strongest first', () => {
  it('keeps all evidence, ordered rep mark > keyword > attendance > RSVP, and the strongest decides', () => {
    const out = assess({
      m: { markedBy: 'rep@x.example', outcome: 'missed', categories: ['no-show'], prospectResponse: 'needs_action' },
      attendance: report([{ email: 'rep@x.example' }]),
    });
    expect(out.outcome).toBe('missed');
    expect(out.evidence.map((e) => [e.kind, e.confidence])).toEqual([
      ['rep_mark', 'certain'],
      ['event_keyword', 'certain'],
      ['conference_attendance', 'likely'],
      ['rsvp', 'possible'],
    ]);
  });

  it('the rep saying "held" beats a silent RSVP', () => {
    const out = assess({ m: { markedBy: 'rep@x.example', outcome: 'held', prospectResponse: 'declined' } });
    expect(out.outcome).toBe('held');
    expect(out.evidence.map((e) => e.kind)).toEqual(['rep_mark', 'rsvp']);
  });

  it('attendance by email beats an unanswered invite', () => {
    const out = assess({ m: { prospectResponse: 'needs_action' }, attendance: report([{ email: prospect.email }]) });
    expect(out.outcome).toBe('held');
    expect(out.evidence.map((e) => e.kind)).toEqual(['conference_attendance', 'rsvp']);
  });

  it('a "missed" tag beats attendance by name', () => {
    const out = assess({ m: { categories: ['missed'] }, attendance: report([{ displayName: 'Linda Park' }]) });
    expect(out.outcome).toBe('missed');
  });

  it('contradicting tags decide nothing; the next kind decides', () => {
    const out = assess({ m: { categories: ['no-show', 'held'], prospectResponse: 'needs_action' } });
    expect(out.outcome).toBe('missed');
    expect(out.evidence.map((e) => e.kind)).toEqual(['event_keyword', 'event_keyword', 'rsvp']);
    const heldToo = assess({ m: { categories: ['no-show', 'attended'] }, attendance: report([{ email: prospect.email }]) });
    expect(heldToo.outcome).toBe('held');
  });
});

describe('names', () => {
  it('normaliseName drops accents, case and punctuation', () => {
    expect(normaliseName(' José  Núñez-García ')).toBe('jose nunez garcia');
  });
});
