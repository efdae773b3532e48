import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { CallHold } from '../../domain/call-holds.js';
import { buildHoldObject, holdFileName } from '../local/hold.writer.js';
import ICAL from 'ical.js';
import type { Booking, BookingResult, CalendarEvent, TimeInterval } from '../../domain/types.js';
import { isProviderError, ProviderError, type InputProblem } from '../../ports/errors.js';
import type { CalendarProvider, CalendarSyncInput, CalendarSyncResult, MailSender } from '../../ports/providers.js';
import type { Logger } from '../../log.js';
import { busyIntervals, mergeSpans } from '../local/freebusy.mapper.js';
import { overlaps } from '../local/ics-recurrence.mapper.js';
import { readCalendarEvents, type ReadEvent } from '../local/ics-event.mapper.js';
import { parseIcs } from '../local/ics.parser.js';
import { buildInviteEmail, inviteMessageId } from '../local/invite-email.writer.js';
import { bookingUid, buildCalendarObject, buildInvite } from '../local/itip.writer.js';
import { bookingFileName, mayEnterWindow, rangeCovering } from '../local/vdir-calendar.adapter.js';
import type { FileState } from '../local/vdir-cursor.mapper.js';
import type { CaldavClient, DavObject } from './caldav.client.js';

/**
 * CalendarProvider over CalDAV. Sync: sync-collection (RFC 6578) when the calendar offers it,
 * otherwise the CTag and every object's ETag; only changed objects are fetched (multiget), and
 * objects whose events may enter a moved window. The .ics text is read by the local family's
 * reader (VTIMEZONE, Windows zone names, recurrences, duplicate UIDs). Booking: PUT with
 * If-None-Match: *, then the iTIP invite by email, once (its Message-ID is checked in Sent).
 */
export interface CaldavCalendarOptions {
  calendarId: string;
  client: CaldavClient;
  floatingZone: string;
  repEmail: string;
  sender: MailSender;
  now: () => Date;
  logger: Logger;
}

const PREFIX = 'd1.';
const MAX_PROBLEMS_PER_OBJECT = 5;

interface DavCursor {
  /** Calendar URL the cursor belongs to. */
  cal: string;
  /** 'sync': t is a sync token; 'etag': t is the CTag and every object's ETag is in o. */
  mode: 'sync' | 'etag';
  t: string | null;
  w: [number, number];
  /** Per object path: k = ETag, ids reported, sp = span. */
  o: Record<string, FileState>;
}

export class CaldavCalendarAdapter implements CalendarProvider {
  readonly calendarId: string;

  constructor(private readonly options: CaldavCalendarOptions) {
    this.calendarId = options.calendarId;
  }

  async sync(input: CalendarSyncInput): Promise<CalendarSyncResult> {
    const { client } = this.options;
    const cal = await client.calendar();
    const previous = input.cursor === null ? null : this.decode(input.cursor, cal.url);
    const window = input.window;
    const next: DavCursor = { cal: cal.url, mode: cal.supportsSync ? 'sync' : 'etag', t: null, w: [window.start.getTime(), window.end.getTime()], o: {} };
    const toRead = new Map<string, 'changed' | 'window'>();
    const removed = new Set<string>();

    if (previous?.mode === 'sync' && cal.supportsSync) {
      const changes = await client.changesSince(previous.t);
      next.t = changes.token;
      next.o = { ...previous.o };
      for (const href of changes.removed) removed.add(href);
      for (const c of changes.changed) if (previous.o[c.href]?.k !== c.etag) toRead.set(c.href, 'changed');
    } else if (previous) {
      const ctag = await client.ctag();
      next.mode = 'etag';
      next.t = ctag;
      next.o = { ...previous.o };
      if (ctag === null || ctag !== previous.t) {
        const etags = await client.listEtags();
        for (const href of Object.keys(previous.o)) if (!etags.has(href)) removed.add(href);
        for (const [href, etag] of etags) if (previous.o[href]?.k !== etag) toRead.set(href, 'changed');
      }
    } else if (cal.supportsSync) {
      const all = await client.changesSince(null);
      next.t = all.token;
      for (const c of all.changed) toRead.set(c.href, 'changed');
    } else {
      next.mode = 'etag';
      next.t = await client.ctag();
      for (const href of (await client.listEtags()).keys()) toRead.set(href, 'changed');
    }
    if (previous) {
      for (const [href, state] of Object.entries(previous.o)) {
        if (!toRead.has(href) && !removed.has(href) && mayEnterWindow(state, previous.w, window)) toRead.set(href, 'window');
      }
    }

    const upserted = new Map<string, CalendarEvent>();
    const deleted = new Set<string>();
    const problems: InputProblem[] = [];
    for (const href of removed) {
      for (const id of previous?.o[href]?.ids ?? []) deleted.add(id);
      delete next.o[href];
    }
    const objects = await client.multiget([...toRead.keys()]);
    const got = new Set(objects.map((o) => o.href));
    for (const [href, mode] of toRead) {
      if (!got.has(href) && mode === 'changed') {
        // Gone between the listing and the fetch.
        for (const id of previous?.o[href]?.ids ?? []) deleted.add(id);
        delete next.o[href];
      }
    }
    for (const object of objects) {
      const mode = toRead.get(object.href) ?? 'changed';
      next.o[object.href] = this.readObject(object, mode, previous?.o[object.href] ?? null, window, { upserted, deleted, problems });
    }
    for (const id of upserted.keys()) deleted.delete(id);
    this.options.logger.debug({ calendar: this.calendarId, read: objects.length, upserted: upserted.size, deleted: deleted.size }, 'CalDAV calendar synced');
    return {
      full: previous === null,
      upserted: [...upserted.values()].sort((a, b) => a.start.getTime() - b.start.getTime() || a.id.localeCompare(b.id)),
      deletedIds: [...deleted].sort(),
      cursor: PREFIX + deflateRawSync(Buffer.from(JSON.stringify(next), 'utf8')).toString('base64url'),
      problems,
    };
  }

  /** The server's free-busy-query where it offers one, else the calendar's own events. */
  async freeBusy(window: TimeInterval): Promise<TimeInterval[]> {
    const { client } = this.options;
    const vfreebusy = await client.freeBusyQuery(window);
    if (vfreebusy !== null) return busyFromVfreebusy(vfreebusy, window);
    const events: ReadEvent[] = [];
    for (const object of await client.query(window)) {
      if (!object.data) continue;
      const parsed = parseIcs(Buffer.from(object.data, 'utf8'));
      events.push(...readCalendarEvents(parsed, { calendarId: this.calendarId, floatingZone: this.options.floatingZone, range: window }).events);
    }
    return busyIntervals(events, window, this.options.repEmail);
  }

  async book(booking: Booking): Promise<BookingResult> {
    const { client, now, logger } = this.options;
    const eventId = bookingUid(booking);
    const dtstamp = now();
    const put = await client.createIfAbsent(bookingFileName(booking.id), buildCalendarObject(booking, { sequence: 0, dtstamp, scheduleAgent: 'CLIENT' }));
    if (put.result === 'exists') {
      // 412: something is already at that name. Ours (a retry) is fine; anything else is not overwritten.
      const existing = await client.get(put.href);
      const uid = existing ? firstUid(existing) : null;
      if (uid !== eventId) {
        throw new ProviderError({ code: 'CONFLICT', where: client.where('PUT'), message: `${put.href} already holds another event (UID ${uid ?? 'unknown'}); the booking was not written over it` });
      }
    }
    const inviteHeld = await this.sendInviteOnce(booking, dtstamp);
    logger.info({ booking: booking.id, created: put.result === 'created', inviteHeld: Boolean(inviteHeld) }, put.result === 'created' ? 'booked into the CalDAV calendar' : 'booking already on the CalDAV calendar');
    return { eventId, created: put.result === 'created', conferenceUrl: null, ...(inviteHeld ? { inviteHeld } : {}) };
  }

  /** Issue 15: a call hold, PUT with If-None-Match under a name derived from its UID (a retry changes nothing). */
  async placeHold(hold: CallHold): Promise<{ eventId: string; created: boolean }> {
    const put = await this.options.client.createIfAbsent(holdFileName(hold.uid), buildHoldObject(hold, this.options.now()));
    return { eventId: hold.uid, created: put.result === 'created' };
  }

  async removeHold(hold: Pick<CallHold, 'uid'>): Promise<void> {
    await this.options.client.removeIfPresent(holdFileName(hold.uid));
  }

  /**
   * The invite goes out once: its Message-ID is looked up in Sent first. When the sender cannot
   * tell whether it went out, it is held (never resent on its own) and the answer, a sentence for
   * the rep, says so; the event stands. Null: sent.
   */
  private async sendInviteOnce(booking: Booking, dtstamp: Date): Promise<string | null> {
    const { sender, logger } = this.options;
    const messageId = inviteMessageId(booking);
    const held = (why: string) => `the invite email ${messageId} to ${booking.prospectEmail} ${why}, so it may or may not have gone out. It is held, not resent: check that ${booking.prospectEmail} got it, and send it by hand if not`;
    const found = await sender.findSent(messageId);
    if (found) return null;
    if (found === null) {
      logger.warn({ booking: booking.id }, 'an earlier invite attempt stopped midway and cannot be told sent or not; it is held in Sent, not resent');
      return held('was being sent by a run that stopped midway');
    }
    const ics = buildInvite(booking, { method: 'REQUEST', sequence: 0, dtstamp });
    try {
      await sender.send(buildInviteEmail(booking, ics));
    } catch (err) {
      if (isProviderError(err) && err.uncertain) return held('lost its connection after the mail server may have taken it');
      throw err;
    }
    return null;
  }

  private readObject(
    object: DavObject,
    mode: 'changed' | 'window',
    old: FileState | null,
    window: TimeInterval,
    out: { upserted: Map<string, CalendarEvent>; deleted: Set<string>; problems: InputProblem[] },
  ): FileState {
    const where = `${this.options.client.where()} ${object.href}`;
    if (!object.data) {
      out.problems.push({ where, message: 'the server sent no calendar data for this object; skipped' });
      return { k: object.etag ?? '', ids: old?.ids ?? [], sp: old?.sp ?? null };
    }
    const parsed = parseIcs(Buffer.from(object.data, 'utf8'));
    const oldIds = new Set(old?.ids ?? []);
    const read = readCalendarEvents(parsed, { calendarId: this.calendarId, floatingZone: this.options.floatingZone, range: rangeCovering(window, oldIds) });
    if (mode === 'changed') {
      const messages = [...parsed.problems, ...read.problems];
      for (const message of messages.slice(0, MAX_PROBLEMS_PER_OBJECT)) out.problems.push({ where, message });
      const present = new Set(read.events.map((r) => r.event.id));
      for (const id of oldIds) if (!present.has(id)) out.deleted.add(id);
    }
    const tracked = read.events.filter((r) => overlaps(r.event.start, r.event.end, window) || (oldIds.has(r.event.id) && r.kind !== 'instance'));
    for (const { event } of tracked) if (mode === 'changed' || !oldIds.has(event.id)) out.upserted.set(event.id, event);
    const sp = read.span ? ([read.span.start, read.span.end] as [number, number | null]) : null;
    return { k: object.etag ?? '', ids: tracked.map((r) => r.event.id), sp };
  }

  private decode(text: string, calUrl: string): DavCursor {
    const expired = (why: string) => new ProviderError({ code: 'CURSOR_EXPIRED', where: this.options.client.where(), message: `sync cursor ${why}; a full sync is needed` });
    if (!text.startsWith(PREFIX)) throw expired('is not a CalDAV cursor of this version');
    let value: DavCursor;
    try {
      value = JSON.parse(inflateRawSync(Buffer.from(text.slice(PREFIX.length), 'base64url')).toString('utf8')) as DavCursor;
    } catch {
      throw expired('is damaged');
    }
    if (!value || typeof value.o !== 'object' || !Array.isArray(value.w)) throw expired('is damaged');
    if (value.cal !== calUrl) throw expired(`belongs to another calendar (${value.cal})`);
    return value;
  }
}

function firstUid(ics: string): string | null {
  const parsed = parseIcs(Buffer.from(ics, 'utf8'));
  for (const root of parsed.calendars) {
    const uid = root.getFirstSubcomponent('vevent')?.getFirstPropertyValue('uid');
    if (uid) return String(uid).trim();
  }
  return null;
}

/** FREEBUSY periods (BUSY, BUSY-TENTATIVE, BUSY-UNAVAILABLE) clipped to the window and merged. */
export function busyFromVfreebusy(text: string, window: TimeInterval): TimeInterval[] {
  const spans: [number, number][] = [];
  const root = new ICAL.Component(ICAL.parse(text) as unknown[]);
  for (const fb of root.getAllSubcomponents('vfreebusy')) {
    for (const prop of fb.getAllProperties('freebusy')) {
      const type = String(prop.getParameter('fbtype') ?? 'BUSY').toUpperCase();
      if (type === 'FREE') continue;
      for (const value of prop.getValues() as ICAL.Period[]) {
        const start = value.start.toJSDate().getTime();
        const end = value.getEnd().toJSDate().getTime();
        const s = Math.max(start, window.start.getTime());
        const e = Math.min(end, window.end.getTime());
        if (e > s) spans.push([s, e]);
      }
    }
  }
  return mergeSpans(spans);
}
