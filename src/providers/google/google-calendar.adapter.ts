import type { calendar_v3 } from '@googleapis/calendar';
import type { Booking, BookingResult, CalendarEvent, TimeInterval } from '../../domain/types.js';
import type { CallHold } from '../../domain/call-holds.js';
import { ProviderError, isProviderError } from '../../ports/errors.js';
import type { CalendarProvider, CalendarSyncInput, CalendarSyncResult } from '../../ports/providers.js';
import type { GoogleCall } from './google-call.client.js';
import { bookingEventId, conferenceUrlOf, googleCalendarKey, toBookingEvent, toCalendarEvent } from './google.mapper.js';

const PAGE_SIZE = 250;

/**
 * CalendarProvider over Calendar v3: incremental sync per calendar with syncToken (all pages,
 * showDeleted, singleEvents so recurring instances carry recurringEventId/originalStartTime);
 * 410 → CURSOR_EXPIRED. Booking checks free/busy, then inserts with a client-chosen id derived
 * from booking.id, so a retried insert gets 409 and is answered with the existing event.
 */
export class GoogleCalendarAdapter implements CalendarProvider {
  /**
   * Where this account's events are kept in the store: `google:<account>:<calendar>`. Google's own
   * id ("primary" for every rep) is the same for every account, so keying the store by it made
   * each account's full sync delete the events of the others.
   */
  readonly calendarId: string;

  constructor(
    private readonly api: calendar_v3.Calendar,
    private readonly call: GoogleCall,
    /** The id Google knows the calendar by ("primary", or a shared calendar's address). */
    private readonly googleCalendarId: string,
    private readonly defaultZone: string,
    accountId: string,
  ) {
    this.calendarId = googleCalendarKey(accountId, googleCalendarId);
  }

  async sync(input: CalendarSyncInput): Promise<CalendarSyncResult> {
    const full = input.cursor === null;
    const upserted = new Map<string, CalendarEvent>();
    const deleted = new Set<string>();
    let pageToken: string | undefined;
    let nextSyncToken: string | null = null;
    let done = 0;
    do {
      const params: calendar_v3.Params$Resource$Events$List = {
        calendarId: this.googleCalendarId,
        singleEvents: true,
        showDeleted: true,
        maxResults: PAGE_SIZE,
        ...(full ? { timeMin: input.window.start.toISOString(), timeMax: input.window.end.toISOString() } : { syncToken: input.cursor! }),
        ...(pageToken ? { pageToken } : {}),
      };
      // A refused or expired token is CURSOR_EXPIRED from the error mapper (400 at syncToken, or 410).
      const page = await this.call('calendar events.list', async () => (await this.api.events.list(params)).data);
      const zone = page.timeZone ?? this.defaultZone;
      for (const item of page.items ?? []) {
        if (!item.id) continue;
        const event = item.status === 'cancelled' ? null : toCalendarEvent(item, this.calendarId, zone);
        if (event) {
          upserted.set(event.id, event);
          deleted.delete(event.id);
        } else if (item.status === 'cancelled') {
          deleted.add(item.id);
          upserted.delete(item.id);
        }
      }
      done += page.items?.length ?? 0;
      input.onProgress?.(done);
      pageToken = page.nextPageToken ?? undefined;
      nextSyncToken = page.nextSyncToken ?? null;
    } while (pageToken);
    if (!nextSyncToken) {
      throw new ProviderError({ code: 'UNKNOWN', where: 'google calendar events.list', message: 'the last page carried no nextSyncToken' });
    }
    return { full, upserted: [...upserted.values()], deletedIds: [...deleted], cursor: nextSyncToken, problems: [] };
  }

  async freeBusy(window: TimeInterval): Promise<TimeInterval[]> {
    const data = await this.call('calendar freebusy.query', async () =>
      (await this.api.freebusy.query({ requestBody: { timeMin: window.start.toISOString(), timeMax: window.end.toISOString(), items: [{ id: this.googleCalendarId }] } })).data,
    );
    const entry = data.calendars?.[this.googleCalendarId];
    if (entry?.errors?.length) {
      throw new ProviderError({ code: 'NOT_FOUND', where: 'google calendar freebusy.query', message: `calendar ${this.googleCalendarId}: ${entry.errors.map((e) => e.reason).join(', ')}` });
    }
    return (entry?.busy ?? [])
      .filter((b) => b.start && b.end)
      .map((b) => ({ start: new Date(b.start!), end: new Date(b.end!) }))
      .sort((a, b) => a.start.getTime() - b.start.getTime());
  }

  private async existing(eventId: string): Promise<calendar_v3.Schema$Event | null> {
    try {
      return await this.call('calendar events.get', async () => (await this.api.events.get({ calendarId: this.googleCalendarId, eventId })).data);
    } catch (err) {
      if (isProviderError(err) && (err.code === 'NOT_FOUND' || err.code === 'CURSOR_EXPIRED')) return null;
      throw err;
    }
  }

  private alreadyBooked(ev: calendar_v3.Schema$Event, eventId: string): BookingResult {
    if (ev.status === 'cancelled') {
      throw new ProviderError({
        code: 'CONFLICT',
        where: 'google calendar events.insert',
        message: 'This meeting was booked before and then deleted from the calendar; it was not booked again.',
      });
    }
    return { eventId, created: false, conferenceUrl: conferenceUrlOf(ev) };
  }

  async book(booking: Booking): Promise<BookingResult> {
    const eventId = bookingEventId(booking.id);
    // A retry of a booking that already went through: answer with the event (its own busy time
    // would otherwise look like a conflict).
    const before = await this.existing(eventId);
    if (before) return this.alreadyBooked(before, eventId);

    const busy = await this.freeBusy({ start: booking.start, end: booking.end });
    if (busy.some((b) => b.start < booking.end && b.end > booking.start)) {
      throw new ProviderError({
        code: 'CONFLICT',
        where: 'google calendar freebusy.query',
        message: `The rep is already busy between ${booking.start.toISOString()} and ${booking.end.toISOString()}; nothing was booked.`,
      });
    }
    try {
      const created = await this.call('calendar events.insert', async () =>
        (
          await this.api.events.insert({
            calendarId: this.googleCalendarId,
            sendUpdates: 'all',
            ...(booking.conference ? { conferenceDataVersion: 1 } : {}),
            requestBody: toBookingEvent(booking),
          })
        ).data,
      );
      return { eventId: created.id ?? eventId, created: true, conferenceUrl: conferenceUrlOf(created) };
    } catch (err) {
      if (isProviderError(err) && err.code === 'CONFLICT') {
        // The insert went through on an earlier attempt whose answer was lost.
        const found = await this.existing(eventId);
        if (found) return this.alreadyBooked(found, eventId);
      }
      throw err;
    }
  }

  /** Issue 15: a call hold, with a client-chosen event id derived from its UID (a retried insert gets 409). */
  async placeHold(hold: CallHold): Promise<{ eventId: string; created: boolean }> {
    const eventId = bookingEventId(`hold:${hold.uid}`);
    if (await this.existing(eventId)) return { eventId, created: false };
    try {
      await this.call('calendar events.insert', async () =>
        (
          await this.api.events.insert({
            calendarId: this.googleCalendarId,
            sendUpdates: 'none',
            requestBody: {
              id: eventId,
              summary: hold.title,
              description: hold.description,
              start: { dateTime: hold.start.toISOString(), timeZone: hold.timeZone },
              end: { dateTime: hold.end.toISOString(), timeZone: hold.timeZone },
              transparency: 'opaque',
              reminders: { useDefault: false, overrides: [{ method: 'popup', minutes: 0 }] },
              extendedProperties: { private: { followupHold: hold.uid } },
            },
          })
        ).data,
      );
      return { eventId, created: true };
    } catch (err) {
      if (isProviderError(err) && err.code === 'CONFLICT') return { eventId, created: false };
      throw err;
    }
  }

  async removeHold(hold: Pick<CallHold, 'uid'>): Promise<void> {
    const eventId = bookingEventId(`hold:${hold.uid}`);
    try {
      await this.call('calendar events.delete', async () => {
        await this.api.events.delete({ calendarId: this.googleCalendarId, eventId, sendUpdates: 'none' });
      });
    } catch (err) {
      if (isProviderError(err) && (err.code === 'NOT_FOUND' || err.code === 'CURSOR_EXPIRED')) return;
      throw err;
    }
  }
}
