import { stableId } from './ids.js';
import type { Booking, CalendarEvent, Meeting, Prospect } from './types.js';

/** Meetings: events with a prospect on them, one per (calendar, event, prospect). */
export function meetingIdFor(calendarId: string, eventId: string, prospectId: string): string {
  return stableId('mt', calendarId, eventId, prospectId);
}

/**
 * A meeting from an event and the prospect on it; keeps what the rep or an earlier tick decided.
 * A meeting booked at the time the prospect named counts as accepted even if they never press
 * "accept" on the invite: their reply was the acceptance (it is not no-show evidence).
 */
export function meetingFromEvent(
  accountId: string,
  event: CalendarEvent,
  prospect: Prospect,
  existing: Meeting | null,
  bookedByProspect = false,
): Meeting {
  const attendee = event.attendees.find((a) => a.email.toLowerCase() === prospect.email.toLowerCase());
  const response = attendee?.response ?? 'needs_action';
  const cancelled = event.status === 'cancelled';
  return {
    // An existing meeting keeps its id (drafts and the timeline refer to it), also when the
    // store's key for its calendar changed (store migration 0008).
    id: existing?.id ?? meetingIdFor(event.calendarId, event.id, prospect.id),
    accountId,
    prospectId: prospect.id,
    eventId: event.id,
    calendarId: event.calendarId,
    title: event.title,
    start: event.start,
    end: event.end,
    outcome: cancelled ? 'cancelled' : existing && existing.outcome !== 'cancelled' ? existing.outcome : 'scheduled',
    prospectResponse: bookedByProspect && response === 'needs_action' ? 'accepted' : response,
    evidence: existing?.evidence ?? [],
    markedBy: existing?.markedBy ?? null,
    conference: event.conference ?? null,
    categories: event.categories,
  };
}

/** The meeting a booking made, known before the next sync brings its event. */
export function meetingFromBooking(input: { booking: Booking; calendarId: string; eventId: string }): Meeting {
  const { booking, calendarId, eventId } = input;
  return {
    id: meetingIdFor(calendarId, eventId, booking.prospectId),
    accountId: booking.accountId,
    prospectId: booking.prospectId,
    eventId,
    calendarId,
    title: booking.title,
    start: booking.start,
    end: booking.end,
    outcome: 'scheduled',
    // They named this time: their reply is the acceptance.
    prospectResponse: 'accepted',
    evidence: [],
    markedBy: null,
    conference: null,
    categories: [],
  };
}
