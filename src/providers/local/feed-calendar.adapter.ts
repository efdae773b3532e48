import { createHash } from 'node:crypto';
import type { CallHold } from '../../domain/call-holds.js';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { Booking, BookingResult, CalendarEvent, TimeInterval } from '../../domain/types.js';
import { ProviderError, type InputProblem } from '../../ports/errors.js';
import type { CalendarProvider, CalendarSyncInput, CalendarSyncResult } from '../../ports/providers.js';
import type { Logger } from '../../log.js';
import { busyIntervals, mergeSpans } from './freebusy.mapper.js';
import { readCalendarEvents, type ReadEvent } from './ics-event.mapper.js';
import { parseIcs } from './ics.parser.js';
import { fetchFeed, type FeedValidators } from './ics-feed.client.js';

/**
 * An account's calendar plus read-only iCalendar feeds (`feeds:` in the config). Feed events are
 * synced with the calendar's own (same calendar id, ids prefixed per feed) so they count for
 * meeting matching, and they count as busy time; bookings go to the account's calendar only, so
 * a feed is never written. A feed that cannot be fetched is a problem naming it; the calendar's
 * own sync goes on. Unchanged feeds cost one 304 (ETag / Last-Modified).
 */
const PREFIX = 'f1.';
/** Feed events are read this far past the window, so the moving window rarely needs a refetch. */
const READ_AHEAD_MS = 7 * 86_400_000;

interface FeedState {
  e: string | null;
  m: string | null;
  /** [start, end] ms of the range the ids were read for. */
  r: [number, number];
  ids: string[];
}

interface FeedsCursor {
  /** The wrapped calendar's cursor. */
  i: string;
  f: Record<string, FeedState>;
}

export class FeedCalendarAdapter implements CalendarProvider {
  readonly calendarId: string;
  /** Feed events read in this tick (the adapter lives for one tick), for freeBusy. */
  private readonly read = new Map<string, ReadEvent[]>();

  constructor(
    private readonly input: { inner: CalendarProvider; feeds: string[]; floatingZone: string; repEmail: string; logger: Logger },
  ) {
    this.calendarId = input.inner.calendarId;
  }

  async sync(sync: CalendarSyncInput): Promise<CalendarSyncResult> {
    const previous = sync.cursor === null ? null : this.decode(sync.cursor);
    const inner = await this.input.inner.sync({ ...sync, cursor: previous?.i ?? null });
    const full = inner.full;
    const upserted = [...inner.upserted];
    const deletedIds = [...inner.deletedIds];
    const problems: InputProblem[] = [...inner.problems];
    const next: FeedsCursor = { i: inner.cursor, f: {} };
    const range: [number, number] = [sync.window.start.getTime(), sync.window.end.getTime() + READ_AHEAD_MS];
    for (const url of this.input.feeds) {
      const old = full ? null : (previous?.f[url] ?? null);
      const covered = old !== null && old.r[0] <= sync.window.start.getTime() && old.r[1] >= sync.window.end.getTime();
      try {
        const got = await fetchFeed(url, covered ? { etag: old.e, lastModified: old.m } : null);
        if (got.status === 'unchanged') {
          next.f[url] = old!;
          continue;
        }
        const events = this.readFeed(url, got.body, { start: new Date(range[0]), end: new Date(range[1]) }, problems);
        const ids = new Set(events.map((r) => r.event.id));
        upserted.push(...events.map((r) => r.event));
        for (const id of old?.ids ?? []) if (!ids.has(id)) deletedIds.push(id);
        next.f[url] = { ...validators(got.validators), r: range, ids: [...ids] };
      } catch (err) {
        problems.push({ where: `feed ${url}`, message: `${err instanceof ProviderError ? err.message.replace(/^[^:]*: /, '') : (err as Error).message}; its events are kept as last read` });
        if (old) next.f[url] = old;
        else if (full) this.input.logger.warn({ feed: url }, 'feed unavailable during a full sync');
      }
    }
    return { full, upserted, deletedIds, cursor: PREFIX + deflateRawSync(Buffer.from(JSON.stringify(next))).toString('base64url'), problems };
  }

  async freeBusy(window: TimeInterval): Promise<TimeInterval[]> {
    const own = await this.input.inner.freeBusy(window);
    const events: ReadEvent[] = [];
    for (const url of this.input.feeds) {
      let read = this.read.get(url);
      if (!read) {
        try {
          const got = await fetchFeed(url, null);
          read = got.status === 'changed' ? this.readFeed(url, got.body, { start: window.start, end: new Date(window.end.getTime() + READ_AHEAD_MS) }, []) : [];
        } catch (err) {
          this.input.logger.warn({ feed: url, error: (err as Error).message }, 'feed unavailable for free/busy');
          read = [];
        }
      }
      events.push(...read);
    }
    return mergeSpans([...own, ...busyIntervals(events, window, this.input.repEmail)].map((i) => [i.start.getTime(), i.end.getTime()] as const));
  }

  /** Bookings go to the account's own calendar; feeds are never written. */
  book(booking: Booking): Promise<BookingResult> {
    return this.input.inner.book(booking);
  }

  /** Call holds, like bookings, go to the account's own calendar. */
  placeHold(hold: CallHold): Promise<{ eventId: string; created: boolean }> {
    return this.input.inner.placeHold(hold);
  }

  removeHold(hold: Pick<CallHold, 'uid' | 'start' | 'end'>): Promise<void> {
    return this.input.inner.removeHold(hold);
  }

  private readFeed(url: string, body: Buffer, range: TimeInterval, problems: InputProblem[]): ReadEvent[] {
    const parsed = parseIcs(body);
    const result = readCalendarEvents(parsed, { calendarId: this.calendarId, floatingZone: this.input.floatingZone, range });
    for (const message of [...parsed.problems, ...result.problems].slice(0, 5)) problems.push({ where: `feed ${url}`, message });
    const tag = `feed-${createHash('sha256').update(url).digest('hex').slice(0, 8)}`;
    const events = result.events
      .filter((r) => r.event.end.getTime() > range.start.getTime() && r.event.start.getTime() < range.end.getTime())
      .map((r) => ({ ...r, event: { ...r.event, id: `${tag}-${r.event.id}` } satisfies CalendarEvent }));
    this.read.set(url, events);
    return events;
  }

  private decode(text: string): FeedsCursor {
    const expired = (why: string) => new ProviderError({ code: 'CURSOR_EXPIRED', where: `calendar ${this.calendarId} with feeds`, message: `sync cursor ${why}; a full sync is needed` });
    if (!text.startsWith(PREFIX)) throw expired('was made before feeds were added');
    try {
      const value = JSON.parse(inflateRawSync(Buffer.from(text.slice(PREFIX.length), 'base64url')).toString('utf8')) as FeedsCursor;
      if (typeof value.i !== 'string' || !value.f || typeof value.f !== 'object') throw new Error('shape');
      return value;
    } catch {
      throw expired('is damaged');
    }
  }
}

function validators(v: FeedValidators): { e: string | null; m: string | null } {
  return { e: v.etag, m: v.lastModified };
}
