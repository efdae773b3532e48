import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from './policy.js';
import { handSentKey, planHandSentFollowUp, type HandSentInput } from './hand-sent.js';

const ctx = { zone: 'America/New_York', country: null, policy: DEFAULT_POLICY };
// Monday 23 Nov 2026 10:00 NY.
const SENT = new Date('2026-11-23T15:00:00Z');
const input = (over: Partial<HandSentInput> = {}): HandSentInput => ({
  sent: [{ at: SENT, key: '<a@x>', subject: 'Pricing', byFollowup: false }],
  replies: [],
  meetingStarts: [],
  usedKeys: new Set(),
  policy: DEFAULT_POLICY,
  ctx,
  now: new Date('2026-11-25T15:00:00Z'),
  ...over,
});

describe('an email the rep sent by hand, with no answer', () => {
  it('gets one follow-up draft two business days later', () => {
    expect(planHandSentFollowUp(input())).toEqual({ kind: 'draft', reasonKey: handSentKey('<a@x>'), sendAt: new Date('2026-11-25T15:00:00Z'), sentAt: SENT, subject: 'Pricing' });
  });
  it.each([
    ['not yet due', { now: new Date('2026-11-25T14:59:00Z') }, 'not_yet'],
    ['answered', { replies: [{ at: new Date('2026-11-24T10:00:00Z'), kind: 'other' as const }] }, 'answered'],
    ['drafted once already', { usedKeys: new Set([handSentKey('<a@x>')]) }, 'drafted'],
    ['a meeting since', { meetingStarts: [new Date('2026-11-24T15:00:00Z')] }, 'later_contact'],
    ['a next step due after it (the rep promised a call)', { nextStepDue: new Date('2026-11-26T15:00:00Z') }, 'next_step'],
    ['sent by followup', { sent: [{ at: SENT, key: '<a@x>', subject: 'Pricing', byFollowup: true }] }, 'no_email'],
    ['nothing sent', { sent: [] }, 'no_email'],
  ] as const)('none when %s', (_what, over, why) => {
    expect(planHandSentFollowUp(input(over as Partial<HandSentInput>))).toEqual({ kind: 'none', why });
  });
  it('a next step due before the email does not stop it', () => {
    expect(planHandSentFollowUp(input({ nextStepDue: new Date('2026-11-20T15:00:00Z') })).kind).toBe('draft');
  });
  it('an auto-reply is not an answer', () => {
    expect(planHandSentFollowUp(input({ replies: [{ at: new Date('2026-11-24T10:00:00Z'), kind: 'ooo' }] })).kind).toBe('draft');
  });
  it('follows the latest email: a later hand-sent email starts the wait again', () => {
    const later = { at: new Date('2026-11-24T15:00:00Z'), key: '<b@x>', subject: 'More', byFollowup: false };
    expect(planHandSentFollowUp(input({ sent: [input().sent[0]!, later] }))).toEqual({ kind: 'none', why: 'not_yet' });
  });
});
