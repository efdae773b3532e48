import type { Booking, BookingResult, CalendarEvent, TimeInterval } from '../../domain/types.js';
import { ProviderError, isProviderError, type InputProblem } from '../../ports/errors.js';
import type { CallHold } from '../../domain/call-holds.js';
import type { CalendarProvider, CalendarSyncInput, CalendarSyncResult } from '../../ports/providers.js';
import { GraphSession } from './graph.client.js';
import { toCalendarEvent, toGraphEventBody, transactionIdFor, type GraphEvent } from './graph.mapper.js';
import { formatGraphDateTime, parseGraphDateTime } from './graph-time.mapper.js';

/**
 * CalendarProvider over Graph: calendarView/delta over the sync window (nextLink → deltaLink,
 * `@removed` → deletedIds), getSchedule for free/busy, POST /events with a transactionId for
 * idempotent booking.
 */
export const DELTA_PAGE_SIZE = 100;
const DAY_MS = 86_400_000;

/** The opaque cursor: the deltaLink plus the window it was opened for (the link encodes it). */
interface CalendarCursor {
  v: 1;
  deltaLink: string;
  start: string;
  end: string;
}

function parseCursor(cursor: string, where: string): CalendarCursor {
  try {
    const c = JSON.parse(cursor) as CalendarCursor;
    if (c.v === 1 && typeof c.deltaLink === 'string' && c.deltaLink.includes('/calendarView/delta') && new URL(c.deltaLink)) return c;
  } catch {
    // fall through
  }
  throw new ProviderError({ code: 'CURSOR_EXPIRED', message: 'the stored calendar cursor is not a Graph delta link; a full resync is needed', where });
}

export class GraphCalendarProvider implements CalendarProvider {
  readonly calendarId: string;

  constructor(
    private readonly session: GraphSession,
    private readonly options: { calendarId: string; repEmail: string; conference: boolean; pageSize?: number },
  ) {
    this.calendarId = options.calendarId;
  }

  async sync(input: CalendarSyncInput): Promise<CalendarSyncResult> {
    const where = 'microsoft calendar calendarView.delta';
    let cursor = input.cursor ? parseCursor(input.cursor, where) : null;
    // A delta link is bound to the window it was opened with. When the wanted window has moved
    // past it (days later), start a new round for the new window: a full sync the worker reconciles.
    if (cursor && (input.window.end.getTime() > Date.parse(cursor.end) + DAY_MS || input.window.start.getTime() < Date.parse(cursor.start) - DAY_MS)) {
      cursor = null;
    }
    const full = cursor === null;
    const window = full ? input.window : { start: new Date(cursor!.start), end: new Date(cursor!.end) };
    let link: string = full
      ? this.session.path(`/calendarView/delta?startDateTime=${encodeURIComponent(window.start.toISOString())}&endDateTime=${encodeURIComponent(window.end.toISOString())}`)
      : GraphSession.relativeLink(cursor!.deltaLink);
    const upserted = new Map<string, CalendarEvent>();
    const deleted = new Set<string>();
    const problems: InputProblem[] = [];
    const pageSize = this.options.pageSize ?? DELTA_PAGE_SIZE;
    for (;;) {
      const page = await this.session.request(where, (c) =>
        c.api(link).header('Prefer', `odata.maxpagesize=${pageSize}`).get() as Promise<{ value?: GraphEvent[]; '@odata.nextLink'?: string; '@odata.deltaLink'?: string }>,
      );
      for (const item of page.value ?? []) {
        if (!item.id) continue;
        if (item['@removed']) {
          upserted.delete(item.id);
          if (!full) deleted.add(item.id);
          continue;
        }
        try {
          const event = toCalendarEvent(item, this.calendarId);
          upserted.set(event.id, event);
          deleted.delete(event.id);
        } catch (err) {
          problems.push({ where: `event ${item.id}`, message: (err as Error).message });
        }
      }
      input.onProgress?.(upserted.size);
      if (page['@odata.nextLink']) {
        link = GraphSession.relativeLink(page['@odata.nextLink']);
        continue;
      }
      const deltaLink = page['@odata.deltaLink'];
      if (!deltaLink) throw new ProviderError({ code: 'UNKNOWN', message: 'a delta page had neither nextLink nor deltaLink', where });
      const next: CalendarCursor = { v: 1, deltaLink, start: window.start.toISOString(), end: window.end.toISOString() };
      return { full, upserted: [...upserted.values()], deletedIds: [...deleted], cursor: JSON.stringify(next), problems };
    }
  }

  async freeBusy(window: TimeInterval): Promise<TimeInterval[]> {
    const response = await this.session.request('microsoft calendar getSchedule', (c) =>
      c.api(this.session.path('/calendar/getSchedule')).header('Prefer', 'outlook.timezone="UTC"').post({
        schedules: [this.options.repEmail],
        startTime: formatGraphDateTime(window.start, 'UTC'),
        endTime: formatGraphDateTime(window.end, 'UTC'),
        availabilityViewInterval: 15,
      }) as Promise<{ value?: { scheduleItems?: { status?: string; start: { dateTime: string; timeZone: string }; end: { dateTime: string; timeZone: string } }[]; error?: { message?: string } }[] }>,
    );
    const schedule = response.value?.[0];
    if (schedule?.error) {
      throw new ProviderError({ code: 'INVALID_REQUEST', message: schedule.error.message ?? 'getSchedule failed', where: 'microsoft calendar getSchedule' });
    }
    return (schedule?.scheduleItems ?? [])
      .filter((i) => i.status !== 'free' && i.status !== 'workingElsewhere')
      .map((i) => ({ start: parseGraphDateTime(i.start), end: parseGraphDateTime(i.end) }))
      .map((i) => ({ start: new Date(Math.max(i.start.getTime(), window.start.getTime())), end: new Date(Math.min(i.end.getTime(), window.end.getTime())) }))
      .filter((i) => i.end > i.start)
      .sort((a, b) => a.start.getTime() - b.start.getTime());
  }

  async book(booking: Booking): Promise<BookingResult> {
    const tx = transactionIdFor(booking.id);
    // A booking retried later (after a crash, or long after Graph forgot the transactionId) finds its event first.
    const existing = await this.findBooked(booking, tx);
    if (existing) return { eventId: existing.id!, created: false, conferenceUrl: existing.onlineMeeting?.joinUrl ?? null };
    const busy = await this.freeBusy({ start: booking.start, end: booking.end });
    if (busy.length > 0) {
      throw new ProviderError({
        code: 'CONFLICT',
        message: `the rep is not free at ${booking.start.toISOString()}: another meeting overlaps that time`,
        where: 'microsoft calendar book',
      });
    }
    const created = await this.session.request('microsoft calendar events.create', (c) =>
      c.api(this.session.path('/events')).post(toGraphEventBody(booking, { conference: booking.conference || this.options.conference })) as Promise<GraphEvent>,
    );
    if (!created.id) throw new ProviderError({ code: 'UNKNOWN', message: 'Graph created an event without an id', where: 'microsoft calendar events.create' });
    return { eventId: created.id, created: true, conferenceUrl: created.onlineMeeting?.joinUrl ?? null };
  }

  private async findBooked(booking: Booking, tx: string): Promise<GraphEvent | null> {
    const page = await this.session.request('microsoft calendar calendarView', (c) =>
      c
        .api(this.session.path('/calendarView'))
        .query({ startDateTime: booking.start.toISOString(), endDateTime: booking.end.toISOString() })
        .top(50)
        .get() as Promise<{ value?: GraphEvent[] }>,
    );
    return (page.value ?? []).find((e) => e.transactionId === tx) ?? null;
  }

  /** Issue 15: a call hold; Graph's transactionId (derived from the UID) makes a retried create return the first event. */
  async placeHold(hold: CallHold): Promise<{ eventId: string; created: boolean }> {
    const found = await this.findHold(hold);
    if (found) return { eventId: found.id!, created: false };
    const created = await this.session.request('microsoft calendar events.create', (c) =>
      c.api(this.session.path('/events')).post({
        subject: hold.title,
        body: { contentType: 'text', content: hold.description },
        start: formatGraphDateTime(hold.start, hold.timeZone),
        end: formatGraphDateTime(hold.end, hold.timeZone),
        showAs: 'busy',
        isReminderOn: true,
        reminderMinutesBeforeStart: 0,
        categories: ['followup call hold'],
        transactionId: transactionIdFor(`hold:${hold.uid}`),
      }) as Promise<GraphEvent>,
    );
    if (!created.id) throw new ProviderError({ code: 'UNKNOWN', message: 'Graph created an event without an id', where: 'microsoft calendar events.create' });
    return { eventId: created.id, created: true };
  }

  async removeHold(hold: Pick<CallHold, 'uid' | 'start' | 'end'>): Promise<void> {
    const found = await this.findHold(hold);
    if (!found?.id) return;
    try {
      await this.session.request('microsoft calendar events.delete', (c) => c.api(this.session.path(`/events/${encodeURIComponent(found.id!)}`)).delete() as Promise<unknown>);
    } catch (err) {
      if (isProviderError(err) && err.code === 'NOT_FOUND') return;
      throw err;
    }
  }

  private async findHold(hold: Pick<CallHold, 'uid' | 'start' | 'end'>): Promise<GraphEvent | null> {
    const tx = transactionIdFor(`hold:${hold.uid}`);
    const page = await this.session.request('microsoft calendar calendarView', (c) =>
      c
        .api(this.session.path('/calendarView'))
        .query({ startDateTime: hold.start.toISOString(), endDateTime: hold.end.toISOString() })
        .top(50)
        .get() as Promise<{ value?: GraphEvent[] }>,
    );
    return (page.value ?? []).find((e) => e.transactionId === tx) ?? null;
  }
}
