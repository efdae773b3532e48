import { describe, expect, it } from 'vitest';
import { trackingFilter } from '../../src/worker/replies.js';

describe('which new messages are fetched in full', () => {
  const isTracked = trackingFilter({
    prospectEmails: ['linda@acme.example'],
    repEmail: 'alex@northwind.example',
    known: [{ threadId: 'thr-linda', messageId: '<sent-1@northwind.example>' }],
  });

  it.each([
    ['a tracked prospect', { from: 'Linda@Acme.example', threadId: 'thr-new' }, true],
    ['the rep (sent mail, native drafts)', { from: 'alex@northwind.example' }, true],
    ['a bounce answering a message we sent', { from: 'mailer-daemon@mx.acme.example', inReplyTo: '<sent-1@northwind.example>' }, true],
    ['an auto-reply in a known thread', { from: 'noreply@acme.example', threadId: 'thr-linda' }, true],
    ['a newsletter in its own thread', { from: 'news@shop.example', threadId: 'thr-other' }, false],
    ['a stranger answering someone else', { from: 'bob@else.example', inReplyTo: '<other@else.example>', threadId: 'thr-x' }, false],
  ])('%s → %s', (_label, hint, expected) => {
    expect(isTracked(hint)).toBe(expected);
  });
});
