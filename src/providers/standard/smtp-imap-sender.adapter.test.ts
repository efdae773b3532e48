import { describe, expect, it } from 'vitest';
import { HELD_FLAG, PENDING_FLAG, SENDING_FLAG, stateOf } from './smtp-imap-sender.adapter.js';

/** What the Sent copies of one Message-ID say after a crash: the table recovery decides from. */
const copy = (uid: number, ...flags: string[]) => ({ uid, flags: new Set(['\\Seen', ...flags]) });

describe('stateOf (Sent copies → sent / not sent / cannot tell)', () => {
  it.each([
    ['no copy: never submitted', [], true, 'none'],
    ['a plain copy: sent', [copy(1)], true, 'sent'],
    ['pending only: SMTP never started', [copy(1, PENDING_FLAG)], true, 'pending'],
    ['pending + sending: cannot tell', [copy(1, PENDING_FLAG, SENDING_FLAG)], true, 'sending'],
    ['held: the rep was asked', [copy(1, PENDING_FLAG, HELD_FLAG)], true, 'held'],
    ['a server-saved plain copy beside our pending one: sent', [copy(1, PENDING_FLAG, SENDING_FLAG), copy(2)], true, 'sent'],
    ['no keywords on this server: a \\Draft copy cannot be told', [copy(1, '\\Draft')], false, 'held'],
    ['no keywords: a plain copy is sent', [copy(1)], false, 'sent'],
  ] as const)('%s', (_label, copies, keywords, expected) => {
    expect(stateOf([...copies], keywords).state).toBe(expected);
  });
});
