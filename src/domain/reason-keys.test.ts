import { describe, expect, it } from 'vitest';
import { bookingOfConfirmKey, confirmReasonKey, confirmTimeReasonKey, messageKeyOf, messageOfConfirmTimeKey } from './reason-keys.js';
import { meetingConfirmKey } from './meeting-confirm.js';

describe('reason keys of the drafts a reply leads to', () => {
  const bookingIds = ['bk_0123456789abcdef0123', 'bk1', 'a:b:c'];
  const messageKeys = ['<r1@acme.example>', '<CAF=x+y:z@mail.gmail.com>', '18c2f0a1b2c3d4e5', 'reply-1.eml'];

  it.each(bookingIds)('a booking confirmation key round-trips (%s)', (id) => {
    const key = confirmReasonKey(id);
    expect(key).toBe(`confirm:${id}`);
    expect(bookingOfConfirmKey(key)).toBe(id);
    expect(messageOfConfirmTimeKey(key)).toBeNull();
  });

  it.each(messageKeys)('a confirm-time question key round-trips (%s)', (mk) => {
    const key = confirmTimeReasonKey(mk);
    expect(key).toBe(`confirm-time:${mk}`);
    expect(messageOfConfirmTimeKey(key)).toBe(mk);
    expect(bookingOfConfirmKey(key)).toBeNull();
  });

  it.each([
    ['missed:m1:1'],
    [meetingConfirmKey('m1')],
    ['confirm:'],
    ['confirm-time:'],
    ['needs-reply:<r1@acme.example>'],
    [''],
  ])('other keys are neither (%s)', (key) => {
    expect(bookingOfConfirmKey(key)).toBeNull();
    expect(messageOfConfirmTimeKey(key)).toBeNull();
  });

  it('null is neither', () => {
    expect(bookingOfConfirmKey(null)).toBeNull();
    expect(messageOfConfirmTimeKey(null)).toBeNull();
  });

  it('a message is keyed by its Message-ID, else by the provider id', () => {
    expect(messageKeyOf({ messageId: '<r1@acme.example>', providerId: 'p1' })).toBe('<r1@acme.example>');
    expect(messageKeyOf({ messageId: null, providerId: 'p1' })).toBe('p1');
  });
});
