import { describe, expect, it } from 'vitest';
import { bookingEventId, toBookingEvent, toCalendarEvent, toRsvpResponse } from './google.mapper.js';

describe('google mappers', () => {
  it('maps attendee responseStatus to the domain', () => {
    expect(toRsvpResponse('accepted')).toBe('accepted');
    expect(toRsvpResponse('declined')).toBe('declined');
    expect(toRsvpResponse('tentative')).toBe('tentative');
    expect(toRsvpResponse('needsAction')).toBe('needs_action');
    expect(toRsvpResponse(undefined)).toBe('needs_action');
  });

  it('derives a stable base32hex event id from the booking id', () => {
    const id = bookingEventId('bk_1');
    expect(id).toMatch(/^[a-v0-9]{32}$/);
    expect(bookingEventId('bk_1')).toBe(id);
    expect(bookingEventId('bk_2')).not.toBe(id);
  });

  it('maps an instance, an all-day event in the calendar zone, and a Meet conference', () => {
    const ev = toCalendarEvent(
      {
        id: 'abc_20300603T090000Z',
        summary: 'Weekly',
        start: { dateTime: '2030-06-03T11:00:00+02:00' },
        end: { dateTime: '2030-06-03T11:30:00+02:00' },
        recurringEventId: 'abc',
        originalStartTime: { dateTime: '2030-06-03T09:00:00Z' },
        attendees: [{ email: 'Pat@Client.example', responseStatus: 'tentative' }],
        conferenceData: { conferenceId: 'abc-defg-hij', conferenceSolution: { key: { type: 'hangoutsMeet' } }, entryPoints: [{ entryPointType: 'video', uri: 'https://meet.google.com/abc-defg-hij' }] },
      },
      'primary',
      'UTC',
    )!;
    expect(ev.start.toISOString()).toBe('2030-06-03T09:00:00.000Z');
    expect(ev.recurringEventId).toBe('abc');
    expect(ev.originalStart?.toISOString()).toBe('2030-06-03T09:00:00.000Z');
    expect(ev.attendees[0]).toMatchObject({ email: 'pat@client.example', response: 'tentative' });
    expect(ev.conference).toEqual({ provider: 'meet', id: 'abc-defg-hij', joinUrl: 'https://meet.google.com/abc-defg-hij' });
    const allDay = toCalendarEvent({ id: 'x1234', start: { date: '2030-06-03' }, end: { date: '2030-06-04' } }, 'primary', 'Europe/Berlin')!;
    expect(allDay.allDay).toBe(true);
    expect(allDay.start.toISOString()).toBe('2030-06-02T22:00:00.000Z');
    expect(toCalendarEvent({ id: 'gone1', status: 'cancelled' }, 'primary', 'UTC')).toBeNull();
  });

  it('writes a booking in the prospect zone with a popup reminder, the prospect and a Meet request', () => {
    const body = toBookingEvent({
      id: 'bk_1', accountId: 'a', prospectId: 'p', prospectEmail: 'pat@client.example', prospectName: 'Pat', organizerEmail: 'rep@x', organizerName: 'Rep',
      title: 'Intro', description: 'Material: deck', start: new Date('2030-06-05T18:00:00Z'), end: new Date('2030-06-05T18:30:00Z'),
      timeZone: 'America/New_York', reminderMinutes: 15, conference: true, thread: { references: [] },
    });
    expect(body.start).toEqual({ dateTime: '2030-06-05T14:00:00-04:00', timeZone: 'America/New_York' });
    expect(body.reminders).toEqual({ useDefault: false, overrides: [{ method: 'popup', minutes: 15 }] });
    expect(body.attendees).toEqual([{ email: 'pat@client.example', displayName: 'Pat' }]);
    expect(body.extendedProperties?.private?.followupBooking).toBe('bk_1');
    expect(body.conferenceData?.createRequest?.conferenceSolutionKey?.type).toBe('hangoutsMeet');
    expect(body.description).toBe('Material: deck');
  });
});
