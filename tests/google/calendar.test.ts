import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CalendarEvent, Booking } from '../../src/domain/types.js';
import { ProviderError } from '../../src/ports/errors.js';
import type { CalendarProvider, CalendarSyncResult } from '../../src/ports/providers.js';
import { createMswServer, freshEmulator, providersFor, REP } from './harness.js';

const server = createMswServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

const WINDOW = { start: new Date('2030-05-01T00:00:00Z'), end: new Date('2030-08-01T00:00:00Z') };
const at = (iso: string) => ({ dateTime: iso, timeZone: 'UTC' });

/** Applies sync results to a local copy, as the worker's store would. */
function apply(local: Map<string, CalendarEvent>, result: CalendarSyncResult): void {
  if (result.full) {
    const seen = new Set(result.upserted.map((e) => e.id));
    for (const id of [...local.keys()]) if (!seen.has(id)) local.delete(id);
  }
  for (const id of result.deletedIds) local.delete(id);
  for (const e of result.upserted) local.set(e.id, e);
}
const view = (local: Map<string, CalendarEvent>) =>
  [...local.values()].map((e) => `${e.id}|${e.title}|${e.start.toISOString()}|${e.attendees.map((a) => a.response).join(',')}`).sort();

async function syncOnce(provider: CalendarProvider, cursor: string | null) {
  return provider.sync({ cursor, window: WINDOW });
}

function booking(overrides: Partial<Booking> = {}): Booking {
  return {
    id: 'bk_sara_1', accountId: 'acct-google', prospectId: 'sara', prospectEmail: 'sara@prospect.example', prospectName: 'Sara',
    organizerEmail: REP, organizerName: 'Robin Rep', title: 'Call with Sara', description: 'Material: pricing deck',
    start: new Date('2030-06-05T15:00:00Z'), end: new Date('2030-06-05T15:30:00Z'), timeZone: 'Europe/Madrid',
    reminderMinutes: 15, conference: true, thread: { references: [] }, ...overrides,
  };
}

describe('Google calendar adapter against the emulator', () => {
  it('resumes after a 410 with the same final state as a clean full sync', async () => {
    const emu = freshEmulator(server);
    const { calendar } = providersFor(emu);
    const ids = Array.from({ length: 6 }, (_, i) =>
      emu.control.insertEvent(REP, { summary: `E${i}`, start: at(`2030-06-0${i + 1}T09:00:00Z`), end: at(`2030-06-0${i + 1}T10:00:00Z`), attendees: [{ email: 'p@x.example' }] }).id,
    );
    const local = new Map<string, CalendarEvent>();
    const first = await syncOnce(calendar, null);
    apply(local, first);
    // Changes happen, then the token expires before the worker syncs again.
    emu.control.deleteEvent(REP, ids[0]!);
    emu.control.patchEvent(REP, ids[1]!, { summary: 'E1 moved', start: at('2030-06-10T09:00:00Z'), end: at('2030-06-10T10:00:00Z') });
    emu.control.setResponse(REP, ids[2]!, 'p@x.example', 'declined');
    emu.control.expireSyncTokens();
    const error = await syncOnce(calendar, first.cursor).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect((error as ProviderError).code).toBe('CURSOR_EXPIRED');
    const resync = await syncOnce(calendar, null);
    apply(local, resync);

    const clean = new Map<string, CalendarEvent>();
    apply(clean, await syncOnce(providersFor(emu).calendar, null));
    expect(view(local)).toEqual(view(clean));
    expect(local.has(ids[0]!)).toBe(false);
    expect(view(local)).toContain(`${ids[2]}|E2|2030-06-03T09:00:00.000Z|declined`);
    // And the new cursor is incremental again.
    const quiet = await syncOnce(calendar, resync.cursor);
    expect(quiet).toMatchObject({ full: false, upserted: [], deletedIds: [] });
  });

  it('follows every page of a full and of an incremental sync', async () => {
    const emu = freshEmulator(server);
    const { calendar } = providersFor(emu);
    for (let i = 0; i < 620; i++) {
      const start = new Date(Date.parse('2030-06-01T00:00:00Z') + i * 3_600_000);
      emu.control.insertEvent(REP, { summary: `slot ${i}`, start: at(start.toISOString()), end: at(new Date(start.getTime() + 1_800_000).toISOString()) });
    }
    const pages: number[] = [];
    const first = await calendar.sync({ cursor: null, window: WINDOW, onProgress: (n) => pages.push(n) });
    expect(first.upserted).toHaveLength(620);
    expect(pages).toEqual([250, 500, 620]);
    const calEntries = [...emu.control.calendar(REP).entries.values()];
    for (const entry of calEntries.slice(0, 300)) emu.control.patchEvent(REP, entry.event.id, { summary: `${entry.event.summary} (edited)` });
    const next = await syncOnce(calendar, first.cursor);
    expect(next.upserted).toHaveLength(300);
    expect(next.upserted.every((e) => e.title.endsWith('(edited)'))).toBe(true);
  });

  it('expands recurring events into instances with recurringEventId and originalStart; a cancelled occurrence arrives as deleted', async () => {
    const emu = freshEmulator(server);
    const { calendar } = providersFor(emu);
    const master = emu.control.insertEvent(REP, {
      summary: 'Weekly check-in',
      start: { dateTime: '2030-06-03T09:00:00Z', timeZone: 'Europe/London' },
      end: { dateTime: '2030-06-03T09:30:00Z', timeZone: 'Europe/London' },
      recurrence: ['RRULE:FREQ=WEEKLY;COUNT=4'],
      attendees: [{ email: 'p@x.example', responseStatus: 'accepted' }],
    });
    const first = await syncOnce(calendar, null);
    const instances = first.upserted.filter((e) => e.recurringEventId === master.id);
    expect(instances).toHaveLength(4);
    expect(instances.map((e) => e.originalStart?.toISOString())).toEqual([
      '2030-06-03T09:00:00.000Z', '2030-06-10T09:00:00.000Z', '2030-06-17T09:00:00.000Z', '2030-06-24T09:00:00.000Z',
    ]);
    expect(first.upserted.find((e) => e.id === master.id)).toBeUndefined();
    const second = instances[1]!;
    emu.control.deleteEvent(REP, second.id);
    const next = await syncOnce(calendar, first.cursor);
    expect(next.deletedIds).toEqual([second.id]);
    expect(next.upserted).toEqual([]);
  });

  it('books with a Meet link, the prospect, the reminder and the description; a busy slot is a CONFLICT', async () => {
    const emu = freshEmulator(server);
    const { calendar } = providersFor(emu);
    const result = await calendar.book(booking());
    expect(result.created).toBe(true);
    expect(result.conferenceUrl).toMatch(/^https:\/\/meet\.google\.com\/[a-z]{3}-[a-z]{4}-[a-z]{3}$/);
    const stored = emu.control.calendar(REP).entries.get(result.eventId)!.event;
    expect(stored.start).toEqual({ dateTime: '2030-06-05T17:00:00+02:00', timeZone: 'Europe/Madrid' });
    expect(stored.description).toBe('Material: pricing deck');
    expect(stored.attendees?.map((a) => a.email)).toEqual(['sara@prospect.example']);
    expect(stored.reminders?.overrides).toEqual([{ method: 'popup', minutes: 15 }]);
    expect(emu.control.calendar(REP).invitesSent).toEqual([{ eventId: result.eventId, to: ['sara@prospect.example'], sendUpdates: 'all' }]);

    const clash = await calendar.book(booking({ id: 'bk_other', start: new Date('2030-06-05T15:15:00Z'), end: new Date('2030-06-05T15:45:00Z') })).catch((e: unknown) => e);
    expect(clash).toBeInstanceOf(ProviderError);
    expect((clash as ProviderError).code).toBe('CONFLICT');
    expect((clash as ProviderError).message).toMatch(/already busy/);
  });

  it('a retried insert whose first answer was lost does not double-book', async () => {
    const emu = freshEmulator(server);
    const { calendar } = providersFor(emu);
    emu.control.injectFault({ match: 'POST /calendar/v3/calendars/primary/events', status: 503, after: true, times: 1 });
    const result = await calendar.book(booking({ conference: false }));
    const booked = [...emu.control.calendar(REP).entries.values()].filter((e) => e.event.extendedProperties?.private?.followupBooking === 'bk_sara_1');
    expect(booked).toHaveLength(1);
    expect(result.eventId).toBe(booked[0]!.event.id);
    // And a later retry of the whole booking (worker crash) answers created:false.
    expect(await calendar.book(booking({ conference: false }))).toMatchObject({ eventId: result.eventId, created: false });
  });

  it('reads Meet attendance for the event; no record means not available', async () => {
    const emu = freshEmulator(server);
    const { calendar, attendance } = providersFor(emu);
    const result = await calendar.book(booking());
    const event = (await syncOnce(calendar, null)).upserted.find((e) => e.id === result.eventId)!;
    expect(event.conference?.provider).toBe('meet');
    expect(await attendance!.attendance(event)).toEqual({ available: false, participants: [] });
    emu.control.addConferenceRecord({
      meetingCode: event.conference!.id,
      startTime: new Date('2030-06-05T15:01:00Z'),
      endTime: new Date('2030-06-05T15:20:00Z'),
      participants: [
        { signedinUser: { user: 'users/123', displayName: 'Robin Rep' } },
        { anonymousUser: { displayName: 'Sara (guest)' } },
        { phoneUser: { displayName: '+34 *** *** 123' } },
      ],
    });
    expect(await attendance!.attendance(event)).toEqual({
      available: true,
      participants: [
        { email: null, displayName: 'Robin Rep' },
        { email: null, displayName: 'Sara (guest)' },
        { email: null, displayName: '+34 *** *** 123' },
      ],
    });
  });
});
