import { createHash } from 'node:crypto';
import type { CallHold } from '../../domain/call-holds.js';
import { buildHoldObject, holdFileName } from './hold.writer.js';
import type { Booking, BookingResult, CalendarEvent, TimeInterval } from '../../domain/types.js';
import { isProviderError, type InputProblem } from '../../ports/errors.js';
import type { CalendarProvider, CalendarSyncInput, CalendarSyncResult, MailSender } from '../../ports/providers.js';
import type { Logger } from '../../log.js';
import { decodeCalendarCursor, encodeCalendarCursor, type CalendarCursor, type FileState } from './vdir-cursor.mapper.js';
import { busyIntervals } from './freebusy.mapper.js';
import { overlaps } from './ics-recurrence.mapper.js';
import { readCalendarEvents, type ReadEvent } from './ics-event.mapper.js';
import { parseIcs, type ParsedIcs } from './ics.parser.js';
import { buildInviteEmail, inviteMessageId } from './invite-email.writer.js';
import { bookingUid, buildCalendarObject, buildInvite } from './itip.writer.js';
import type { VdirClient, VdirFile } from './vdir.client.js';

export interface VdirCalendarOptions {
  calendarId: string;
  client: VdirClient;
  /** The rep's zone: floating times and all-day dates are read in it. */
  floatingZone: string;
  /** The rep's address: events the rep declined are not busy time. */
  repEmail: string;
  /** Sends the iTIP invite of a booked meeting. */
  sender: MailSender;
  now: () => Date;
  logger: Logger;
}

/** Reading one file for a sync: why it is read decides what is reported. */
type ReadMode = 'full' | 'changed' | 'window';

const PROGRESS_EVERY_FILES = 200;
/** A badly broken export can hold thousands of findings; the rep needs the first few. */
const MAX_PROBLEMS_PER_FILE = 5;
/** A "sending" invite marker older than this belongs to an attempt that stopped. */
const INVITE_CLAIM_STALE_MS = 10 * 60_000;

/**
 * CalendarProvider over a vdir. Sync re-reads only files whose version changed since the
 * cursor (and, when the window moved, files that may have events newly inside it); freeBusy
 * reads every file (parsed files are cached by version); book writes `<booking.id>.ics` and
 * mails the prospect an iTIP REQUEST.
 */
/** How far past a free/busy window's start the folder is read, so later offers reuse the read. */
const BUSY_READ_AHEAD_MS = 31 * 86_400_000;

export class VdirCalendarAdapter implements CalendarProvider {
  readonly calendarId: string;
  private readonly parsedCache = new Map<string, { version: string; parsed: ParsedIcs }>();
  /**
   * Events read for free/busy over a wide window, reused by later calls inside it. The adapter lives
   * for one tick, and a tick that offers slots to many prospects would otherwise list and expand the
   * whole folder once per offer. Dropped when this adapter writes a booking.
   */
  private busyCache: { window: TimeInterval; events: ReadEvent[] } | null = null;

  constructor(private readonly options: VdirCalendarOptions) {
    this.calendarId = options.calendarId;
  }

  async sync(input: CalendarSyncInput): Promise<CalendarSyncResult> {
    const { client } = this.options;
    const dir = await client.identity();
    const previous = input.cursor === null ? null : decodeCalendarCursor(input.cursor, { cal: this.calendarId, dir });
    const files = await client.list();
    const window = input.window;
    const next: CalendarCursor = { cal: this.calendarId, dir, w: [window.start.getTime(), window.end.getTime()], f: {} };
    const upserted = new Map<string, CalendarEvent>();
    const deleted = new Set<string>();
    const problems: InputProblem[] = [];
    /** Which file each reported id came from: the same UID in two files is reported once. */
    const owner = new Map<string, string>();

    const toRead: { file: VdirFile; old: FileState | null; mode: ReadMode }[] = [];
    for (const file of files) {
      const old = previous?.f[file.name] ?? null;
      if (!previous) toRead.push({ file, old: null, mode: 'full' });
      else if (!old || old.k !== file.version) toRead.push({ file, old, mode: 'changed' });
      else if (mayEnterWindow(old, previous.w, window)) toRead.push({ file, old, mode: 'window' });
      else {
        next.f[file.name] = old;
        for (const id of old.ids) owner.set(id, file.name);
      }
    }
    const present = new Set(files.map((f) => f.name));
    for (const [name, state] of Object.entries(previous?.f ?? {})) {
      if (!present.has(name)) for (const id of state.ids) deleted.add(id);
    }
    for (const name of this.parsedCache.keys()) if (!present.has(name)) this.parsedCache.delete(name);

    let done = 0;
    for (const { file, old, mode } of toRead) {
      const state = await this.syncFile({ file, old, mode, window, owner, upserted, deleted, problems });
      if (state) next.f[file.name] = state;
      else if (old) for (const id of old.ids) deleted.add(id); // vanished since listing
      done += 1;
      if (done % PROGRESS_EVERY_FILES === 0) input.onProgress?.(done);
    }
    if (toRead.length >= PROGRESS_EVERY_FILES) input.onProgress?.(done);

    for (const id of upserted.keys()) deleted.delete(id);
    this.options.logger.debug({ calendar: this.calendarId, files: files.length, read: toRead.length, upserted: upserted.size, deleted: deleted.size, problems: problems.length }, 'local calendar synced');
    return {
      full: previous === null,
      upserted: [...upserted.values()].sort((a, b) => a.start.getTime() - b.start.getTime() || a.id.localeCompare(b.id)),
      deletedIds: [...deleted].sort(),
      cursor: encodeCalendarCursor(next),
      problems,
    };
  }

  async freeBusy(window: TimeInterval): Promise<TimeInterval[]> {
    const cached = this.busyCache;
    if (cached && cached.window.start <= window.start && cached.window.end >= window.end) {
      return busyIntervals(cached.events, window, this.options.repEmail);
    }
    const wide = { start: window.start, end: new Date(Math.max(window.end.getTime(), window.start.getTime() + BUSY_READ_AHEAD_MS)) };
    const events: ReadEvent[] = [];
    for (const file of await this.options.client.list()) {
      const parsed = await this.parse(file);
      if (!parsed) continue;
      events.push(...readCalendarEvents(parsed, this.readOptions(wide)).events);
    }
    this.busyCache = { window: wide, events };
    return busyIntervals(events, window, this.options.repEmail);
  }

  async book(booking: Booking): Promise<BookingResult> {
    const { client, now, logger } = this.options;
    const eventId = bookingUid(booking);
    const dtstamp = now();
    // Known by its UID, never by its file name: vdirsyncer may have renamed the file, and a second
    // file with the same UID makes vdirsyncer abort the whole collection.
    const existing = await this.fileWithUid(eventId, bookingFileName(booking.id));
    const created = existing ? false : await client.create(bookingFileName(booking.id), buildCalendarObject(booking, { sequence: 0, dtstamp }));
    this.busyCache = null;
    const inviteHeld = await this.sendInviteOnce(booking, dtstamp);
    logger.info({ booking: booking.id, created, inviteHeld: Boolean(inviteHeld) }, created ? 'booked into the calendar folder' : 'booking already in the calendar folder');
    return { eventId, created, conferenceUrl: null, ...(inviteHeld ? { inviteHeld } : {}) };
  }

  /** Issue 15: a call hold is a file named after its UID; creating it twice keeps the first. */
  async placeHold(hold: CallHold): Promise<{ eventId: string; created: boolean }> {
    const created = await this.options.client.create(holdFileName(hold.uid), buildHoldObject(hold, this.options.now()));
    this.busyCache = null;
    return { eventId: hold.uid, created };
  }

  async removeHold(hold: Pick<CallHold, 'uid'>): Promise<void> {
    await this.options.client.remove(holdFileName(hold.uid));
    this.busyCache = null;
  }

  /** The calendar file holding this UID (ours by name first, then any file), or null. */
  private async fileWithUid(uid: string, preferred: string): Promise<string | null> {
    const { client } = this.options;
    const files = await client.list();
    if (files.some((f) => f.name === preferred)) return preferred;
    const line = new RegExp(`^UID:${uid.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\r?$`, 'm');
    for (const f of files) {
      const bytes = await client.read(f.name);
      if (bytes && line.test(bytes.toString('utf8'))) return f.name;
    }
    return null;
  }

  /**
   * Sends the invite exactly once across retries, crashes and overlapping ticks. A hidden
   * marker next to the event says "sending since <time>", "sent", or "held": whoever creates it
   * sends; a failed send removes it so the retry can claim it; a "sending" marker older than
   * INVITE_CLAIM_STALE_MS is an attempt that stopped midway, taken over only when the sender
   * can tell (findSent false) that the invite did not go out. When the sender cannot tell (a
   * connection lost after the server may have taken it), the marker becomes "held": the invite
   * is never resent on its own, and the answer (a sentence for the rep) says so. Null: sent.
   */
  private async sendInviteOnce(booking: Booking, dtstamp: Date): Promise<string | null> {
    const { client, sender, now, logger } = this.options;
    const marker = `${bookingFileName(booking.id)}.invite`;
    const messageId = inviteMessageId(booking);
    const held = (why: string) => `the invite email ${messageId} to ${booking.prospectEmail} ${why}, so it may or may not have gone out. It is held, not resent: check that ${booking.prospectEmail} got it, and send it by hand if not`;
    const state = await client.readMarker(marker);
    if (state?.startsWith('sent')) return null;
    if (state?.startsWith('held')) return held('was held earlier (its connection was lost or its attempt stopped midway)');
    if (state) {
      const since = Date.parse(state.replace(/^sending\s+/, ''));
      if (Number.isFinite(since) && now().getTime() - since < INVITE_CLAIM_STALE_MS) {
        // Another attempt claimed the invite and has not finished (most often a worker killed
        // mid-send, its book job retried at once on PostgreSQL). Answering "sent" recorded the
        // booking done with its invite neither sent nor held; failing the booking as transient
        // left the prospect's time unbooked once the retries ran out (chaos, SMTP/PostgreSQL).
        // The booking is done; the invite is sent only if the Sent copy shows it went out, and
        // otherwise held and named to the rep (never resent while another attempt may be sending).
        if (await sender.findSent(messageId)) {
          await client.writeMarker(marker, `sent ${now().toISOString()}`);
          return null;
        }
        logger.warn({ booking: booking.id }, 'another attempt claimed this invite and has not finished; held, not resent');
        await client.writeMarker(marker, `held ${now().toISOString()}`);
        return held('was claimed by another attempt that has not finished (a worker stopped mid-send?)');
      }
      const found = await sender.findSent(messageId);
      if (found === null) {
        logger.warn({ booking: booking.id }, 'an earlier invite attempt stopped midway and this transport cannot tell whether it went out; held, not resent');
        await client.writeMarker(marker, `held ${now().toISOString()}`);
        return held('was being sent by a run that stopped midway');
      }
      if (found) {
        await client.writeMarker(marker, `sent ${now().toISOString()}`);
        return null;
      }
      await client.writeMarker(marker, `sending ${now().toISOString()}`);
    } else {
      if (await sender.findSent(messageId)) {
        await client.writeMarker(marker, `sent ${now().toISOString()}`);
        return null;
      }
      if (!(await client.createMarker(marker, `sending ${now().toISOString()}`))) return null; // another tick won
    }
    try {
      const ics = buildInvite(booking, { method: 'REQUEST', sequence: 0, dtstamp });
      await sender.send(buildInviteEmail(booking, ics));
    } catch (err) {
      if (isProviderError(err) && err.uncertain) {
        // Lost after the server may have taken it: held for the rep, never resent by a later run.
        // The event is written and stays: only the email is in doubt.
        await client.writeMarker(marker, `held ${now().toISOString()}`);
        logger.warn({ booking: booking.id, error: err.message }, 'invite held as uncertain; the booking stands');
        return held('lost its connection after the mail server may have taken it');
      }
      await client.removeMarker(marker);
      throw err;
    }
    await client.writeMarker(marker, `sent ${now().toISOString()}`);
    return null;
  }

  /** Reads one file for a sync; returns its new cursor state, or null when it vanished. */
  private async syncFile(input: {
    file: VdirFile;
    old: FileState | null;
    mode: ReadMode;
    window: TimeInterval;
    owner: Map<string, string>;
    upserted: Map<string, CalendarEvent>;
    deleted: Set<string>;
    problems: InputProblem[];
  }): Promise<FileState | null> {
    const { file, old, mode, window } = input;
    let parsed: ParsedIcs | null;
    try {
      parsed = await this.parse(file);
    } catch (err) {
      input.problems.push({ where: file.name, message: `cannot be read (${(err as Error).message}); check its permissions. It will be tried again next sync` });
      // Keep what was known, with a version that makes the next sync try again.
      return { k: '', ids: old?.ids ?? [], sp: old?.sp ?? null };
    }
    if (!parsed) return null;
    const oldIds = new Set(old?.ids ?? []);
    const read = readCalendarEvents(parsed, this.readOptions(rangeCovering(window, oldIds)));
    if (mode !== 'window') {
      const messages = [...parsed.problems, ...read.problems];
      for (const message of messages.slice(0, MAX_PROBLEMS_PER_FILE)) input.problems.push({ where: file.name, message });
      if (messages.length > MAX_PROBLEMS_PER_FILE) {
        input.problems.push({ where: file.name, message: `and ${messages.length - MAX_PROBLEMS_PER_FILE} more problems of this kind in the file; the events that could be read were kept` });
      }
      const existing = new Set(read.events.map((r) => r.event.id));
      for (const id of oldIds) if (!existing.has(id)) input.deleted.add(id);
    }
    // Tracked: what is in the window, plus single events and overrides reported before
    // (they may have moved out of the window; the worker must learn their new time).
    const tracked = read.events.filter((r) => overlaps(r.event.start, r.event.end, window) || (oldIds.has(r.event.id) && r.kind !== 'instance'));
    const ids: string[] = [];
    const duplicates = new Map<string, string[]>();
    for (const { event } of tracked) {
      const other = input.owner.get(event.id);
      if (other && other !== file.name) {
        duplicates.set(other, [...(duplicates.get(other) ?? []), event.id]);
        continue;
      }
      input.owner.set(event.id, file.name);
      ids.push(event.id);
      if (mode !== 'window' || !oldIds.has(event.id)) input.upserted.set(event.id, event);
    }
    if (mode !== 'window') {
      for (const [other, dupes] of duplicates) {
        const what = dupes.length === 1 ? `event ${dupes[0]} is` : `${dupes.length} events (${dupes[0]}, ...) are`;
        input.problems.push({ where: file.name, message: `${what} also in ${other}; skipped here (each UID belongs in one file)` });
      }
    }
    const sp = read.span ? ([read.span.start, read.span.end] as [number, number | null]) : null;
    return { k: file.version, ids, sp };
  }

  /** Parsed file from the cache (keyed by version), or read now; null when it vanished. */
  private async parse(file: VdirFile): Promise<ParsedIcs | null> {
    const cached = this.parsedCache.get(file.name);
    if (cached?.version === file.version) return cached.parsed;
    const bytes = await this.options.client.read(file.name);
    if (!bytes) {
      this.parsedCache.delete(file.name);
      return null;
    }
    const parsed = parseIcs(bytes);
    this.parsedCache.set(file.name, { version: file.version, parsed });
    return parsed;
  }

  private readOptions(range: TimeInterval) {
    return { calendarId: this.calendarId, floatingZone: this.options.floatingZone, range };
  }
}

/** `<booking.id>.ics`; ids with characters unsafe in file names are hashed. */
export function bookingFileName(bookingId: string): string {
  if (/^[A-Za-z0-9_@-][A-Za-z0-9._@-]{0,200}$/.test(bookingId)) return `${bookingId}.ics`;
  return `${createHash('sha256').update(bookingId).digest('hex').slice(0, 40)}.ics`;
}

/**
 * Series instances are produced only inside the range read, so the range must also cover
 * the instances reported before (their ids end in the RECURRENCE-ID): otherwise an instance
 * that is merely outside the new window would look deleted.
 */
export function rangeCovering(window: TimeInterval, ids: Set<string>): TimeInterval {
  let start = window.start.getTime();
  let end = window.end.getTime();
  for (const id of ids) {
    const at = instantOfInstanceId(id);
    if (at === null) continue;
    // A day either side: all-day ids carry a date, whose midnight depends on the zone.
    start = Math.min(start, at - DAY_MS);
    end = Math.max(end, at + DAY_MS);
  }
  return { start: new Date(start), end: new Date(end) };
}

const DAY_MS = 86_400_000;

function instantOfInstanceId(id: string): number | null {
  const m = /_(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})Z)?$/.exec(id);
  if (!m) return null;
  const [, y, mo, d, h = '0', mi = '0', s = '0'] = m;
  return Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
}

/** Whether an unchanged file may have events inside the new window that were outside the
 *  old one (the window moves with the clock). */
export function mayEnterWindow(state: FileState, oldWindow: [number, number], window: TimeInterval): boolean {
  if (!state.sp) return false;
  const [spanStart, spanEnd] = state.sp;
  const start = window.start.getTime();
  const end = window.end.getTime();
  const pieces: [number, number][] = [
    [start, Math.min(end, oldWindow[0])],
    [Math.max(start, oldWindow[1]), end],
  ];
  return pieces.some(([s, e]) => e > s && spanStart < e && (spanEnd === null || spanEnd > s));
}
