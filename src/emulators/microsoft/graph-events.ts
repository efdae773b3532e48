import { changedSince, continueRound, deltaPage, type GraphContext } from './graph-delta.js';
import { empty, fail, GRAPH_PREFIX, json, parsePrefer, readJson } from './graph-http.js';
import { emulatorZone, readGraphTime, writeGraphTime } from './graph-time.js';
import { newId, type EmailAddress, type JsonObject, type Mailbox, type StoredEvent, type SyncState } from './state.js';

/** Calendar: events (create, read, update, delete), calendarView and its delta, getSchedule. */

export function getEvent(mailbox: Mailbox, id: string): StoredEvent {
  const ev = mailbox.events.get(id);
  if (!ev || ev.deleted) return fail(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
  return ev;
}

/** An event as Graph returns it, its times written in `zone` (a Prefer: outlook.timezone value) or UTC. */
export function renderEvent(ev: StoredEvent, zone: string | null = null): JsonObject {
  const iana = (zone && emulatorZone(zone)) || 'UTC';
  const start = writeGraphTime(ev.start, iana);
  const end = writeGraphTime(ev.end, iana);
  return { ...ev.data, id: ev.id, start: { ...start, timeZone: zone ?? 'UTC' }, end: { ...end, timeZone: zone ?? 'UTC' } };
}

function parseWhen(body: JsonObject, key: 'start' | 'end'): Date {
  const v = body[key] as { dateTime?: string; timeZone?: string } | undefined;
  if (!v) return fail(400, 'ErrorInvalidRequest', `Your request can't be completed. The ${key} time is missing.`);
  try {
    return readGraphTime(v);
  } catch (err) {
    return fail(400, 'TimeZoneNotSupportedException', (err as Error).message);
  }
}

/** Creates (or, for seeding, inserts) an event; used by POST /events and by seedGraphEmulator. */
export function insertEvent(ctx: GraphContext, mailbox: Mailbox, body: JsonObject, options: { id?: string; now?: Date } = {}): StoredEvent {
  const start = parseWhen(body, 'start');
  const end = parseWhen(body, 'end');
  if (end.getTime() < start.getTime()) fail(400, 'ErrorInvalidRequest', 'The end time must be after the start time.');
  const now = (options.now ?? new Date()).toISOString();
  const id = options.id ?? newId('AAMkAGE', 18);
  const attendees = Array.isArray(body.attendees) ? (body.attendees as JsonObject[]) : [];
  const isOnline = body.isOnlineMeeting === true;
  const content = ((body.body as JsonObject | undefined)?.content as string | undefined) ?? '';
  const data: JsonObject = {
    '@odata.etag': `W/"${newId('', 6)}"`,
    createdDateTime: now,
    lastModifiedDateTime: now,
    changeKey: newId('', 6),
    categories: body.categories ?? [],
    transactionId: body.transactionId ?? null,
    originalStartTimeZone: (body.start as JsonObject).timeZone ?? 'UTC',
    originalEndTimeZone: (body.end as JsonObject).timeZone ?? 'UTC',
    iCalUId: body.iCalUId ?? newId('040000008200E00074C5B7101A82E008', 16),
    reminderMinutesBeforeStart: body.reminderMinutesBeforeStart ?? 15,
    isReminderOn: body.isReminderOn ?? true,
    hasAttachments: false,
    subject: body.subject ?? '',
    bodyPreview: content.replace(/<[^>]+>/g, '').slice(0, 255),
    importance: 'normal',
    sensitivity: 'normal',
    isAllDay: body.isAllDay ?? false,
    isCancelled: body.isCancelled ?? false,
    isOrganizer: body.isOrganizer ?? true,
    responseRequested: body.responseRequested ?? true,
    seriesMasterId: null,
    showAs: body.showAs ?? 'busy',
    type: 'singleInstance',
    webLink: `https://outlook.office365.com/owa/?itemid=${id}`,
    onlineMeetingUrl: null,
    isOnlineMeeting: isOnline,
    onlineMeetingProvider: isOnline ? (body.onlineMeetingProvider ?? 'teamsForBusiness') : 'unknown',
    allowNewTimeProposals: true,
    responseStatus: { response: 'organizer', time: '0001-01-01T00:00:00Z' },
    body: body.body ?? { contentType: 'html', content: '' },
    location: body.location ?? { displayName: '' },
    attendees: attendees.map((a) => ({
      type: a.type ?? 'required',
      status: (a.status as JsonObject | undefined) ?? { response: 'none', time: '0001-01-01T00:00:00Z' },
      emailAddress: a.emailAddress,
    })),
    organizer: body.organizer ?? { emailAddress: { name: mailbox.name, address: mailbox.email } },
    onlineMeeting: null,
  };
  if (data.transactionId === null) delete data.transactionId;
  if (isOnline) {
    const joinUrl =
      ((body.onlineMeeting as JsonObject | undefined)?.joinUrl as string | undefined) ??
      `https://teams.microsoft.com/l/meetup-join/19%3ameeting_${newId('', 12)}%40thread.v2/0`;
    data.onlineMeeting = { joinUrl, conferenceId: String(Math.floor(Math.random() * 1e9)), tollNumber: null };
    const meetingId = newId('MSo', 18);
    mailbox.meetings.set(meetingId, {
      id: meetingId,
      joinWebUrl: joinUrl,
      subject: String(body.subject ?? ''),
      startDateTime: start.toISOString(),
      endDateTime: end.toISOString(),
      reports: [],
    });
  }
  const ev: StoredEvent = { id, changedSeq: ctx.state.nextSeq(mailbox), deleted: false, start, end, data };
  mailbox.events.set(id, ev);
  ctx.state.onChange(mailbox, 'events', id, 'created');
  return ev;
}

export async function createEvent(ctx: GraphContext, request: Request, mailbox: Mailbox): Promise<Response> {
  const body = await readJson(request);
  const tx = typeof body.transactionId === 'string' ? body.transactionId : null;
  if (tx) {
    for (const ev of mailbox.events.values()) {
      // A retried POST with the same transactionId returns the event created the first time.
      if (!ev.deleted && ev.data.transactionId === tx) return json(201, renderEvent(ev, parsePrefer(request).timeZone));
    }
  }
  const ev = insertEvent(ctx, mailbox, body);
  for (const a of (ev.data.attendees as { emailAddress?: EmailAddress }[]) ?? []) {
    const address = a.emailAddress?.address;
    if (!address) continue;
    // Graph sends the invitation itself; an outside attendee gets it in the outside world.
    ctx.state.outbound.push({
      from: mailbox.email,
      to: [address.toLowerCase()],
      subject: String(ev.data.subject ?? ''),
      internetMessageId: `<${newId('', 12)}@emulator.outlook.com>`,
      conversationId: newId('conv-', 12),
      raw: '',
    });
  }
  return json(201, renderEvent(ev, parsePrefer(request).timeZone));
}

export async function patchEvent(ctx: GraphContext, request: Request, mailbox: Mailbox, id: string): Promise<Response> {
  const ev = getEvent(mailbox, id);
  const body = await readJson(request);
  if ('transactionId' in body) fail(400, 'ErrorInvalidRequest', 'transactionId cannot be changed after creation.');
  if (body.start) ev.start = parseWhen(body, 'start');
  if (body.end) ev.end = parseWhen(body, 'end');
  const { start: _s, end: _e, ...rest } = body;
  Object.assign(ev.data, rest, { lastModifiedDateTime: new Date().toISOString(), changeKey: newId('', 6) });
  ev.changedSeq = ctx.state.nextSeq(mailbox);
  ctx.state.onChange(mailbox, 'events', ev.id, 'updated');
  return json(200, renderEvent(ev, parsePrefer(request).timeZone));
}

export function deleteEvent(ctx: GraphContext, mailbox: Mailbox, id: string): Response {
  const ev = getEvent(mailbox, id);
  ev.deleted = true;
  ev.changedSeq = ctx.state.nextSeq(mailbox);
  return empty(204);
}

function parseWindow(q: URLSearchParams): { start: Date; end: Date } {
  const s = q.get('startDateTime');
  const e = q.get('endDateTime');
  if (!s || !e) return fail(400, 'ErrorInvalidParameter', 'This request requires a time window specified by the query string parameters StartDateTime and EndDateTime.');
  const start = new Date(s);
  const end = new Date(e);
  if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime())) return fail(400, 'ErrorInvalidParameter', 'Invalid StartDateTime or EndDateTime.');
  return { start, end };
}

export function calendarView(request: Request, q: URLSearchParams, mailbox: Mailbox): Response {
  const w = parseWindow(q);
  const zone = parsePrefer(request).timeZone;
  const value = [...mailbox.events.values()]
    .filter((ev) => !ev.deleted && ev.start < w.end && ev.end > w.start)
    .sort((x, y) => x.start.getTime() - y.start.getTime())
    .map((ev) => renderEvent(ev, zone));
  return json(200, { '@odata.context': 'emulator', value });
}

const AVAILABILITY_RANK: Record<string, number> = { free: 0, workingElsewhere: 0, tentative: 1, busy: 2, oof: 3 };

export async function getSchedule(ctx: GraphContext, request: Request): Promise<Response> {
  const body = await readJson(request);
  const schedules = Array.isArray(body.schedules) ? (body.schedules as string[]) : [];
  if (schedules.length === 0) fail(400, 'ErrorInvalidParameter', 'schedules is required.');
  const start = parseWhen({ start: body.startTime }, 'start');
  const end = parseWhen({ end: body.endTime }, 'end');
  const interval = Number(body.availabilityViewInterval ?? 30);
  if (interval < 5 || interval > 1440) fail(400, 'ErrorInvalidParameter', 'availabilityViewInterval must be between 5 and 1440.');
  const zone = parsePrefer(request).timeZone;
  const iana = (zone && emulatorZone(zone)) || 'UTC';
  const value = schedules.map((who) => {
    const target = ctx.state.findMailbox(who);
    if (!target) {
      return { scheduleId: who, availabilityView: '', scheduleItems: [], error: { message: 'The user or group was not found.', responseCode: 'ErrorMailRecipientNotFound' } };
    }
    const items = [...target.events.values()].filter(
      (ev) => !ev.deleted && ev.data.isCancelled !== true && ev.data.showAs !== 'free' && ev.start < end && ev.end > start,
    );
    let view = '';
    for (let t = start.getTime(); t < end.getTime(); t += interval * 60_000) {
      const slotEnd = t + interval * 60_000;
      let best = 0;
      for (const ev of items) if (ev.start.getTime() < slotEnd && ev.end.getTime() > t) best = Math.max(best, AVAILABILITY_RANK[String(ev.data.showAs)] ?? 2);
      view += String(best);
    }
    return {
      scheduleId: who,
      availabilityView: view,
      scheduleItems: items.map((ev) => ({
        isPrivate: false,
        status: ev.data.showAs ?? 'busy',
        subject: ev.data.subject,
        start: { ...writeGraphTime(ev.start, iana), timeZone: zone ?? 'UTC' },
        end: { ...writeGraphTime(ev.end, iana), timeZone: zone ?? 'UTC' },
      })),
      workingHours: { daysOfWeek: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'], startTime: '08:00:00.0000000', endTime: '17:00:00.0000000', timeZone: { name: 'UTC' } },
    };
  });
  return json(200, { value });
}

export function calendarDelta(ctx: GraphContext, request: Request, url: URL, mailbox: Mailbox, prefix: string): Response {
  const zone = parsePrefer(request).timeZone;
  const render = (id: string) => {
    const ev = mailbox.events.get(id);
    return ev && !ev.deleted ? renderEvent(ev, zone) : null;
  };
  const initial = `${url.origin}${GRAPH_PREFIX}${prefix}/calendarView/delta?$deltatoken=`;
  const continued = continueRound(ctx, url, mailbox, initial);
  if (continued && continued.remaining.length > 0) return deltaPage(ctx, request, url, continued, render);
  let state: SyncState;
  if (continued) state = continued.state;
  else {
    const window = parseWindow(url.searchParams);
    state = { kind: 'calendarView', mailboxId: mailbox.id, prefix, window, sinceSeq: 0, expired: false };
  }
  const w = state.window!;
  const remaining = changedSince(mailbox.events.values(), state.sinceSeq, (ev) => !ev.deleted && ev.start < w.end && ev.end > w.start);
  return deltaPage(ctx, request, url, { state, remaining, endSeq: mailbox.seq }, render);
}
