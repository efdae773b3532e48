import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from './policy.js';
import { classifyNeedsReply, needsReplyState } from './needs-reply.js';
import type { ReplyKind } from './types.js';

const reply = (visibleText: string, kind: ReplyKind = 'other') => ({ kind, visibleText });

describe('which replies need the rep\'s own answer', () => {
  it.each([
    ['Hi Alex,\n\nCan you send the pricing first?\n\nLinda', 'request', 'Can you send the pricing first?'],
    ['Please call me on Thursday, my cell is 555-0101.', 'call_me', 'Please call me on Thursday, my cell is 555-0101.'],
    ['Honestly this looks too expensive for us right now.', 'objection', 'Honestly this looks too expensive for us right now.'],
    ['Does it work with Salesforce?', 'question', 'Does it work with Salesforce?'],
    ['We talked about it internally and have some thoughts for you.', 'message', 'We talked about it internally and have some thoughts for you.'],
  ])('%s', (text, why, words) => {
    expect(classifyNeedsReply(reply(text), 'replied')).toEqual({ needs: true, why, words });
  });

  it.each([
    ['Thanks!', 'other', 'replied'],
    ['Thanks, talk soon.\n\nLinda', 'other', 'replied'],
    ['Please remove me from your list.', 'optout', 'suppress'],
    ['Not interested, thanks.', 'decline', 'declined'],
    ['I am out of the office until Monday.', 'ooo', 'pause'],
    ['Tuesday at 3pm works for me.', 'proposal', 'book'],
  ] as const)('no: "%s" (%s)', (text, kind, decided) => {
    expect(classifyNeedsReply(reply(text, kind), decided).needs).toBe(false);
  });

  it('a booked time with a question left in it still needs the rep', () => {
    const v = classifyNeedsReply(reply('Tuesday at 3pm works. Can you send the pricing first?', 'proposal'), 'book');
    expect(v).toMatchObject({ needs: true, why: 'request' });
  });

  it('keeps at most 200 characters of the prospect\'s words', () => {
    const v = classifyNeedsReply(reply(`Could you explain ${'the rollout '.repeat(40)}?`), 'replied');
    expect(v.words.length).toBeLessThanOrEqual(200);
  });
});

describe('the reminder after needsReplyHours business hours in the rep\'s zone', () => {
  const repCtx = { zone: 'America/New_York', country: null, policy: DEFAULT_POLICY };
  const base = { repCtx, needsReplyHours: 4 };
  it.each([
    // Monday 10:00 NY + 4 business hours = 14:00.
    ['2026-11-23T15:00:00Z', '2026-11-23T18:59:00Z', '2026-11-23T19:00:00.000Z', false],
    ['2026-11-23T15:00:00Z', '2026-11-23T19:00:00Z', '2026-11-23T19:00:00.000Z', true],
    // Monday 15:00 NY: 2 hours that day, 2 the next morning (Tue 11:00).
    ['2026-11-23T20:00:00Z', '2026-11-24T15:00:00Z', '2026-11-24T16:00:00.000Z', false],
    // Friday 16:00 NY: Monday 12:00 (the weekend does not count).
    ['2026-11-20T21:00:00Z', '2026-11-23T17:00:00Z', '2026-11-23T17:00:00.000Z', true],
    // Saturday: from Monday 9:00, due 13:00.
    ['2026-11-21T15:00:00Z', '2026-11-23T17:00:00Z', '2026-11-23T18:00:00.000Z', false],
  ])('received %s, now %s: remind at %s (due: %s)', (received, now, remindAt, due) => {
    const s = needsReplyState({ ...base, receivedAt: new Date(received), repMessagesAt: [], now: new Date(now) });
    expect(s).toEqual({ status: 'open', remindAt: new Date(remindAt), reminderDue: due });
  });

  it('an answer from the rep after the reply clears it; one before does not', () => {
    const receivedAt = new Date('2026-11-23T15:00:00Z');
    const now = new Date('2026-11-24T15:00:00Z');
    expect(needsReplyState({ ...base, receivedAt, repMessagesAt: [new Date('2026-11-23T16:00:00Z')], now })).toEqual({ status: 'answered', at: new Date('2026-11-23T16:00:00Z') });
    expect(needsReplyState({ ...base, receivedAt, repMessagesAt: [new Date('2026-11-23T14:00:00Z')], now }).status).toBe('open');
  });
});
