import { describe, expect, it } from 'vitest';
import { meetingFromBooking, meetingFromEvent, meetingIdFor } from './meetings.js';
import type { CalendarEvent, Meeting, Prospect, RsvpResponse } from './types.js';

const prospect: Prospect = {
  id: 'p1', accountId: 'a1', email: 'sara@hooli.example', name: 'Sara Novak', timeZone: 'Europe/Berlin', materialSent: [], status: 'open',
};
const event = (response: RsvpResponse, status: CalendarEvent['status'] = 'confirmed'): CalendarEvent => ({
  id: 'e1', calendarId: 'c1', title: 'Call', start: new Date('2026-11-24T14:00:00Z'), end: new Date('2026-11-24T14:30:00Z'), status,
  attendees: [{ email: 'Sara@Hooli.example', response }], categories: ['no-show'],
});

describe('meetings from events', () => {
  it.each([
    ['needs_action', false, 'needs_action'],
    ['needs_action', true, 'accepted'], // she named the time: her reply was the acceptance
    ['declined', true, 'declined'], // an explicit decline still counts
    ['tentative', false, 'tentative'],
  ] as const)('RSVP %s, booked at her request %s → %s', (response, booked, expected) => {
    expect(meetingFromEvent('a1', event(response), prospect, null, booked).prospectResponse).toBe(expected);
  });

  it('keeps what the rep or an earlier run decided, unless the event is cancelled', () => {
    const existing = { ...meetingFromEvent('a1', event('accepted'), prospect, null), outcome: 'missed', markedBy: 'rep' } as Meeting;
    const again = meetingFromEvent('a1', event('accepted'), prospect, existing);
    expect(again).toMatchObject({ outcome: 'missed', markedBy: 'rep', categories: ['no-show'] });
    expect(meetingFromEvent('a1', event('accepted', 'cancelled'), prospect, existing).outcome).toBe('cancelled');
  });

  it('a booked meeting has the id the synced event will have, and counts as accepted', () => {
    const m = meetingFromBooking({
      calendarId: 'c1',
      eventId: 'e1',
      booking: {
        id: 'bk1', accountId: 'a1', prospectId: 'p1', prospectEmail: prospect.email, prospectName: prospect.name, organizerEmail: 'alex@n.example',
        organizerName: 'Alex', title: 'Call', description: '', start: new Date('2026-11-24T14:00:00Z'), end: new Date('2026-11-24T14:30:00Z'),
        timeZone: 'Europe/Berlin', reminderMinutes: 15, conference: false, thread: { references: [] },
      },
    });
    expect(m.id).toBe(meetingIdFor('c1', 'e1', 'p1'));
    expect(m.id).toBe(meetingFromEvent('a1', event('needs_action'), prospect, null).id);
    expect(m).toMatchObject({ outcome: 'scheduled', prospectResponse: 'accepted' });
  });
});
