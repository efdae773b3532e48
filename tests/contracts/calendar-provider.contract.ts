import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Booking, CalendarEvent, RsvpResponse, TimeInterval } from '../../src/domain/types.js';
import { ProviderError } from '../../src/ports/errors.js';
import type { CalendarProvider, CalendarSyncResult } from '../../src/ports/providers.js';
import type { CallHold } from '../../src/domain/call-holds.js';

/**
 * The CalendarProvider contract: every implementation (local vdir, Google, Microsoft, the
 * in-memory fake) runs this suite through a harness that can change the calendar behind the
 * provider's back, the way a rep or another client would.
 *
 * Usage:
 *   describeCalendarProviderContract('local vdir', async () => makeLocalCalendarHarness());
 */

export interface HarnessEventInput {
  uid: string;
  title: string;
  start: Date;
  end: Date;
  attendees: { email: string; response: RsvpResponse }[];
  categories?: string[];
  /** IANA zone the event is written in (default: UTC). */
  timeZone?: string;
}

export interface BookedEventView {
  id: string;
  start: Date;
  end: Date;
  /** Attendee email addresses, lower case. */
  attendees: string[];
  /** Minutes before start of the event's reminder, null when it has none. */
  reminderMinutes: number | null;
}

export interface CalendarHarness {
  provider: CalendarProvider;
  /** Creates an event as another client would; returns the provider's id for it. */
  addEvent(e: HarnessEventInput): Promise<string>;
  updateEvent(id: string, patch: { title?: string; start?: Date; end?: Date }): Promise<void>;
  deleteEvent(id: string): Promise<void>;
  /** Makes the next incremental sync fail with CURSOR_EXPIRED. */
  expireCursor(): Promise<void>;
  /** Events created through provider.book, read back from the calendar itself. */
  listBookedEvents(): Promise<BookedEventView[]>;
  cleanup(): Promise<void>;
}

/** A fixed week well away from any real clock (Monday 2030-06-03). */
const DAY_MS = 86_400_000;
const MONDAY = Date.parse('2030-06-03T00:00:00Z');
export const CONTRACT_WINDOW: TimeInterval = {
  start: new Date(MONDAY - 7 * DAY_MS),
  end: new Date(MONDAY + 21 * DAY_MS),
};
const at = (day: number, hhmm: string): Date => new Date(MONDAY + day * DAY_MS + Date.parse(`1970-01-01T${hhmm}:00Z`));

const PROSPECT = 'pat.prospect@client.example';

function snapshot(result: CalendarSyncResult): { id: string; title: string; start: string; end: string }[] {
  return result.upserted
    .map((e) => ({ id: e.id, title: e.title, start: e.start.toISOString(), end: e.end.toISOString() }))
    .sort((a, b) => a.id.localeCompare(b.id));
}

function byId(result: CalendarSyncResult, id: string): CalendarEvent | undefined {
  return result.upserted.find((e) => e.id === id);
}

function makeBooking(overrides: Partial<Booking> = {}): Booking {
  const start = at(2, '14:00');
  return {
    id: 'bk_contract0000000000001',
    accountId: 'acct-contract',
    prospectId: 'prospect-contract',
    prospectEmail: PROSPECT,
    prospectName: 'Pat Prospect',
    organizerEmail: 'rep@followup.example',
    organizerName: 'Robin Rep',
    title: 'Intro call: Client Co x Followup',
    description: 'Agenda: pricing, rollout; next steps.\nSecond line.',
    start,
    end: new Date(start.getTime() + 30 * 60_000),
    timeZone: 'America/New_York',
    reminderMinutes: 15,
    conference: false,
    thread: { inReplyTo: '<reply-1@client.example>', references: ['<first@followup.local>', '<reply-1@client.example>'], subject: 'Quick question' },
    ...overrides,
  };
}

export function describeCalendarProviderContract(name: string, makeHarness: () => Promise<CalendarHarness>): void {
  describe(`CalendarProvider contract: ${name}`, () => {
    let h: CalendarHarness;
    const sync = (cursor: string | null) => h.provider.sync({ cursor, window: CONTRACT_WINDOW });

    beforeEach(async () => {
      h = await makeHarness();
    });
    afterEach(async () => {
      await h.cleanup();
    });

    it('a full sync returns the events inside the window, with attendees and categories', async () => {
      const inside = await h.addEvent({
        uid: 'contract-inside',
        title: 'Discovery call',
        start: at(1, '09:00'),
        end: at(1, '09:30'),
        attendees: [{ email: PROSPECT, response: 'accepted' }],
        categories: ['no-show'],
        timeZone: 'Europe/Berlin',
      });
      const outside = await h.addEvent({
        uid: 'contract-outside',
        title: 'Far away',
        start: new Date(MONDAY + 90 * DAY_MS),
        end: new Date(MONDAY + 90 * DAY_MS + 3_600_000),
        attendees: [],
      });

      const result = await sync(null);
      expect(result.full).toBe(true);
      expect(typeof result.cursor).toBe('string');
      expect(result.cursor.length).toBeGreaterThan(0);
      const ids = result.upserted.map((e) => e.id);
      expect(ids).toContain(inside);
      expect(ids).not.toContain(outside);

      const event = byId(result, inside)!;
      expect(event.title).toBe('Discovery call');
      expect(event.start.toISOString()).toBe(at(1, '09:00').toISOString());
      expect(event.end.toISOString()).toBe(at(1, '09:30').toISOString());
      expect(event.calendarId).toBe(h.provider.calendarId);
      expect(event.status).toBe('confirmed');
      const prospect = event.attendees.find((a) => a.email.toLowerCase() === PROSPECT);
      expect(prospect?.response).toBe('accepted');
      expect(event.categories).toContain('no-show');
    });

    it('an incremental sync returns only what changed', async () => {
      const a = await h.addEvent({ uid: 'contract-a', title: 'A', start: at(1, '10:00'), end: at(1, '11:00'), attendees: [] });
      const b = await h.addEvent({ uid: 'contract-b', title: 'B', start: at(2, '10:00'), end: at(2, '11:00'), attendees: [] });
      const first = await sync(null);

      const quiet = await sync(first.cursor);
      expect(quiet.full).toBe(false);
      expect(quiet.upserted).toEqual([]);
      expect(quiet.deletedIds).toEqual([]);

      await h.updateEvent(a, { title: 'A (moved)', start: at(3, '15:00'), end: at(3, '16:00') });
      const c = await h.addEvent({ uid: 'contract-c', title: 'C', start: at(4, '10:00'), end: at(4, '10:45'), attendees: [] });
      const next = await sync(quiet.cursor);
      expect(next.full).toBe(false);
      const ids = next.upserted.map((e) => e.id).sort();
      expect(ids).toEqual([a, c].sort());
      expect(ids).not.toContain(b);
      const moved = byId(next, a)!;
      expect(moved.title).toBe('A (moved)');
      expect(moved.start.toISOString()).toBe(at(3, '15:00').toISOString());
      expect(next.deletedIds).toEqual([]);

      const after = await sync(next.cursor);
      expect(after.upserted).toEqual([]);
    });

    it('a deleted event arrives as a deleted id', async () => {
      const a = await h.addEvent({ uid: 'contract-del', title: 'To delete', start: at(1, '12:00'), end: at(1, '13:00'), attendees: [] });
      const keep = await h.addEvent({ uid: 'contract-keep', title: 'Keep', start: at(1, '14:00'), end: at(1, '15:00'), attendees: [] });
      const first = await sync(null);
      await h.deleteEvent(a);
      const next = await sync(first.cursor);
      expect(next.deletedIds).toContain(a);
      expect(next.deletedIds).not.toContain(keep);
      expect(next.upserted.map((e) => e.id)).not.toContain(a);
    });

    it('an expired cursor throws CURSOR_EXPIRED, and a full sync after it matches a clean full sync', async () => {
      await h.addEvent({ uid: 'contract-x1', title: 'X1', start: at(1, '08:00'), end: at(1, '08:30'), attendees: [] });
      await h.addEvent({ uid: 'contract-x2', title: 'X2', start: at(5, '08:00'), end: at(5, '08:30'), attendees: [{ email: PROSPECT, response: 'declined' }] });
      const clean = await sync(null);
      await h.expireCursor();

      const error = await sync(clean.cursor).then(
        () => null,
        (err: unknown) => err,
      );
      expect(error).toBeInstanceOf(ProviderError);
      expect((error as ProviderError).code).toBe('CURSOR_EXPIRED');

      const resync = await sync(null);
      expect(resync.full).toBe(true);
      expect(snapshot(resync)).toEqual(snapshot(clean));
      // The cursor from the resync works again.
      const after = await sync(resync.cursor);
      expect(after.upserted).toEqual([]);
    });

    it('a garbled cursor throws CURSOR_EXPIRED', async () => {
      const error = await sync('not-a-cursor').then(
        () => null,
        (err: unknown) => err,
      );
      expect(error).toBeInstanceOf(ProviderError);
      expect((error as ProviderError).code).toBe('CURSOR_EXPIRED');
    });

    it('freeBusy reports the events as busy time and leaves the rest free', async () => {
      await h.addEvent({ uid: 'contract-fb', title: 'Busy', start: at(2, '09:00'), end: at(2, '10:00'), attendees: [{ email: PROSPECT, response: 'accepted' }] });
      const busy = await h.provider.freeBusy({ start: at(2, '00:00'), end: at(3, '00:00') });
      const covers = busy.some((i) => i.start.getTime() <= at(2, '09:00').getTime() && i.end.getTime() >= at(2, '10:00').getTime());
      expect(covers).toBe(true);
      const free = await h.provider.freeBusy({ start: at(6, '00:00'), end: at(7, '00:00') });
      expect(free).toEqual([]);
    });

    it('book is idempotent on booking.id and writes the exact instant, the prospect and a 15-minute reminder', async () => {
      const booking = makeBooking();
      const first = await h.provider.book(booking);
      expect(first.created).toBe(true);
      expect(first.eventId).toBeTruthy();
      const second = await h.provider.book(booking);
      expect(second.created).toBe(false);
      expect(second.eventId).toBe(first.eventId);

      const booked = await h.listBookedEvents();
      expect(booked).toHaveLength(1);
      const event = booked[0]!;
      expect(event.id).toBe(first.eventId);
      expect(event.start.toISOString()).toBe(booking.start.toISOString());
      expect(event.end.toISOString()).toBe(booking.end.toISOString());
      expect(event.attendees.map((a) => a.toLowerCase())).toContain(PROSPECT);
      expect(event.reminderMinutes).toBe(15);

      const synced = await sync(null);
      const mapped = byId(synced, first.eventId);
      expect(mapped?.start.toISOString()).toBe(booking.start.toISOString());
      expect(mapped?.attendees.map((a) => a.email.toLowerCase())).toContain(PROSPECT);
    });

    it('placeHold puts a call hold on the calendar once per uid, at the exact instant, busy; removeHold takes it off', async () => {
      const start = at(3, '15:45');
      const hold: CallHold = {
        uid: 'hold_contract0001@followup',
        meetingId: 'm-contract',
        prospectId: 'prospect-contract',
        step: 1,
        start,
        end: new Date(start.getTime() + 15 * 60_000),
        title: 'Call Pat Prospect (Client Co)',
        description: 'Phone: +1 555 0101\nScript: "Hi Pat, it\'s Robin."',
        timeZone: 'America/New_York',
      };
      const first = await h.provider.placeHold(hold);
      expect(first.created).toBe(true);
      const second = await h.provider.placeHold(hold);
      expect(second).toEqual({ eventId: first.eventId, created: false });

      const synced = await sync(null);
      const holds = synced.upserted.filter((e) => e.title === hold.title);
      expect(holds).toHaveLength(1);
      expect(holds[0]!.id).toBe(first.eventId);
      expect(holds[0]!.start.toISOString()).toBe(hold.start.toISOString());
      expect(holds[0]!.end.toISOString()).toBe(hold.end.toISOString());
      expect(holds[0]!.attendees.map((a) => a.email.toLowerCase())).not.toContain(PROSPECT);
      const busy = await h.provider.freeBusy({ start: hold.start, end: hold.end });
      expect(busy.some((b) => b.start < hold.end && b.end > hold.start)).toBe(true);

      await h.provider.removeHold(hold);
      await h.provider.removeHold(hold);
      const after = await sync(null);
      expect(after.upserted.filter((e) => e.title === hold.title)).toEqual([]);
    });
  });
}
