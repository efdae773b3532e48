import { describe, expect, it } from 'vitest';
import { ProviderError } from '../../ports/errors.js';
import { decodeCalendarCursor, encodeCalendarCursor, type CalendarCursor } from './vdir-cursor.mapper.js';
import { decodeMailboxCursor, encodeMailboxCursor } from './maildir-cursor.mapper.js';

const cursor: CalendarCursor = {
  cal: 'local:rep1',
  dir: '2049:1234',
  w: [1, 2],
  f: { 'a.ics': { k: '1:2:3', ids: ['a', 'b_20250310T080000Z'], sp: [0, null] } },
};

describe('sync cursors', () => {
  it('round-trip and stay compact', () => {
    const text = encodeCalendarCursor(cursor);
    expect(text.startsWith('c1.')).toBe(true);
    expect(decodeCalendarCursor(text, { cal: 'local:rep1', dir: '2049:1234' })).toEqual(cursor);
    const big: CalendarCursor = { ...cursor, f: Object.fromEntries(Array.from({ length: 2000 }, (_, i) => [`event-${i}-0123456789abcdef.ics`, { k: `17000000000000000${i}:1234:${i}`, ids: [`event-${i}-0123456789abcdef@example.com`], sp: [i, i + 1] }])) };
    expect(encodeCalendarCursor(big).length).toBeLessThan(JSON.stringify(big).length / 2);
  });

  it.each([
    ['garbage', /not a local-calendar cursor/],
    ['c1.!!!', /damaged/],
    [encodeCalendarCursor({ ...cursor, dir: 'other' }), /folder that has since been replaced/],
    [encodeCalendarCursor({ ...cursor, cal: 'local:rep2' }), /another calendar/],
  ])('rejects %s as CURSOR_EXPIRED', (text, message) => {
    try {
      decodeCalendarCursor(text, { cal: 'local:rep1', dir: '2049:1234' });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ProviderError);
      expect((err as ProviderError).code).toBe('CURSOR_EXPIRED');
      expect((err as ProviderError).message).toMatch(message);
    }
  });

  it('mailbox cursors round-trip and say why they cannot be used', () => {
    const text = encodeMailboxCursor({ dir: 'd', t: 5, seen: ['x'] });
    expect(decodeMailboxCursor(text, 'd')).toEqual({ dir: 'd', t: 5, seen: ['x'] });
    expect(decodeMailboxCursor(text, 'other')).toEqual({ invalid: 'was made for a Maildir that has since been replaced' });
    expect(decodeMailboxCursor('m1.zzz', 'd')).toEqual({ invalid: 'is damaged' });
  });
});
