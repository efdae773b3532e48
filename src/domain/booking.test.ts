import { describe, expect, it } from 'vitest';
import { bookingDescription, bookingFor, chooseBooking } from './booking.js';

const at = (iso: string) => new Date(iso);
const tue3 = { start: at('2026-11-24T14:00:00Z'), end: at('2026-11-24T14:30:00Z') };
const wed2 = { start: at('2026-11-25T13:00:00Z'), end: at('2026-11-25T13:30:00Z') };

describe('which named time to book', () => {
  it.each([
    ['both free: in the prospect\'s order', [], [tue3, wed2]],
    ['the first is busy: the second', [{ start: at('2026-11-24T13:45:00Z'), end: at('2026-11-24T14:15:00Z') }], [wed2]],
    ['touching the end of a busy block is free', [{ start: at('2026-11-24T13:00:00Z'), end: at('2026-11-24T14:00:00Z') }], [tue3, wed2]],
    ['all busy: none', [{ start: at('2026-11-24T00:00:00Z'), end: at('2026-11-26T00:00:00Z') }], []],
  ])('%s', (_what, busy, expected) => {
    expect(chooseBooking({ candidates: [tue3, wed2], busy, started: () => false }).tryInOrder).toEqual(expected);
  });
  it('a booking already started (a retried run) is finished even though its own event shows busy', () => {
    const busy = [tue3];
    expect(chooseBooking({ candidates: [tue3, wed2], busy, started: (s) => s === tue3 }).tryInOrder).toEqual([tue3, wed2]);
  });
  it('offers slots in the three days from the first named time when none can be booked', () => {
    expect(chooseBooking({ candidates: [tue3, wed2], busy: [], started: () => false }).fallbackRange).toEqual({ start: tue3.start, end: at('2026-11-27T14:00:00Z') });
  });
});

describe('what the invite carries (R6)', () => {
  it('lists the material sent, or says only who booked it', () => {
    expect(bookingDescription({ materialSent: ['Proposal v1', 'Pricing sheet'] })).toBe(
      'Booked by followup at the time you proposed.\n\nWhat we will go through together:\n- Proposal v1\n- Pricing sheet',
    );
    expect(bookingDescription({ materialSent: [] })).toBe('Booked by followup at the time you proposed.');
  });
  it('is titled with both names and the company, in the prospect\'s zone, with the reminder', () => {
    const b = bookingFor({
      id: 'bk_1',
      slot: tue3,
      prospect: { id: 'p1', email: 'sara@hooli.example', name: 'Sara Novak', company: 'Hooli', timeZone: 'Europe/Berlin', materialSent: [] },
      rep: { accountId: 'alex', email: 'alex@northwind.example', name: 'Alex Morgan' },
      reminderMinutes: 15,
      conference: false,
      thread: { references: [] },
    });
    expect(b).toMatchObject({ title: 'Sara Novak / Alex Morgan (Hooli)', timeZone: 'Europe/Berlin', reminderMinutes: 15, start: tue3.start, end: tue3.end, organizerEmail: 'alex@northwind.example' });
  });
});
