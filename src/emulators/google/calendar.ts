import { decodeToken, encodeToken, errors, intParam, json, noContent, boolParam } from './http-util.js';
import { readJson, requireUser, type Route, type RouteContext } from './routes.js';
import { eventTimeMs, expandSeries, toOutput } from './calendar-recurrence.js';
import { nextSeq, type CalendarEntry, type EmulatedCalendar, type GEvent, type GoogleEmulatorState } from './state.js';

/**
 * Calendar v3: events list (syncToken / pageToken / showDeleted / singleEvents / timeMin /
 * timeMax / privateExtendedProperty / iCalUID), get, insert (client id, 409 duplicate), patch,
 * delete, instances, freeBusy. Every change gets a position in a global change log; a sync
 * token is (calendar, epoch, position) so it returns exactly what changed after it.
 */

const BASE32HEX_ID = /^[a-v0-9]{5,1024}$/;
const FORBIDDEN_WITH_SYNC_TOKEN = ['iCalUID', 'orderBy', 'privateExtendedProperty', 'q', 'sharedExtendedProperty', 'timeMin', 'timeMax', 'updatedMin'];

interface SyncToken {
  c: string;
  e: number;
  p: number;
}
interface PageToken {
  o: number;
  s: number;
}

function overlaps(ev: GEvent, min: number | null, max: number | null): boolean {
  const s = eventTimeMs(ev.start);
  const e = eventTimeMs(ev.end);
  if (s === null || e === null) return true;
  if (min !== null && e <= min) return false;
  if (max !== null && s >= max) return false;
  return true;
}

function isSeriesMaster(entry: CalendarEntry | undefined): boolean {
  return Boolean(entry?.event.recurrence?.length);
}

function resolveCalendar(ctx: RouteContext): EmulatedCalendar | null {
  const user = requireUser(ctx);
  const id = ctx.params.calendarId === 'primary' ? user.email : decodeURIComponent(ctx.params.calendarId ?? '').toLowerCase();
  const cal = ctx.state.calendars.get(id);
  if (!cal) return null;
  return cal.owner === user.email ? cal : null;
}

function listEvents(ctx: RouteContext): Response {
  const cal = resolveCalendar(ctx);
  if (!cal) return errors.notFound();
  const url = ctx.url;
  const syncTokenRaw = url.searchParams.get('syncToken');
  const singleEvents = boolParam(url, 'singleEvents') ?? false;
  const showDeletedParam = boolParam(url, 'showDeleted');
  const maxResults = intParam(url, 'maxResults', 250, 2500);
  const pageTokenRaw = url.searchParams.get('pageToken');
  let sync: SyncToken | null = null;
  if (syncTokenRaw) {
    const bad = FORBIDDEN_WITH_SYNC_TOKEN.find((p) => url.searchParams.has(p));
    if (bad) return errors.badRequest(`The parameter ${bad} cannot be used together with syncToken.`, bad);
    if (showDeletedParam === false) return errors.badRequest('showDeleted=false cannot be used together with syncToken.', 'showDeleted');
    sync = decodeToken<SyncToken>(syncTokenRaw);
    if (!sync || sync.c !== cal.id || sync.e !== cal.epoch || sync.p > ctx.state.counter) return errors.fullSyncRequired();
  }
  const timeMin = url.searchParams.get('timeMin');
  const timeMax = url.searchParams.get('timeMax');
  const minMs = timeMin ? Date.parse(timeMin) : null;
  const maxMs = timeMax ? Date.parse(timeMax) : null;
  if ((timeMin && Number.isNaN(minMs)) || (timeMax && Number.isNaN(maxMs))) return errors.badRequest('Bad Request');
  if (minMs !== null && maxMs !== null && maxMs <= minMs) {
    return errors.badRequest('The specified time range is empty.', 'timeMax');
  }
  const page = pageTokenRaw ? decodeToken<PageToken>(pageTokenRaw) : { o: 0, s: ctx.state.counter };
  if (!page) return errors.badRequest('Invalid page token.', 'pageToken');

  // updatedMin: entries modified since then, deleted ones always included (as Google does).
  const updatedMinRaw = url.searchParams.get('updatedMin');
  const updatedMin = updatedMinRaw ? Date.parse(updatedMinRaw) : null;
  if (updatedMinRaw && Number.isNaN(updatedMin)) return errors.badRequest('Invalid updatedMin.', 'updatedMin');
  const showDeleted = sync || updatedMin !== null ? true : (showDeletedParam ?? false);
  const privateProps = url.searchParams.getAll('privateExtendedProperty').map((kv) => kv.split('=') as [string, string]);
  const iCalUID = url.searchParams.get('iCalUID');
  const orderBy = url.searchParams.get('orderBy');

  const entries = [...cal.entries.values()]
    .filter((e) => (sync ? e.seq > sync.p && e.seq <= page.s : true))
    .sort((a, b) => (sync ? a.seq - b.seq : 0) || a.event.id.localeCompare(b.event.id));
  const items: GEvent[] = [];
  const emitted = new Set<string>();
  const push = (ev: GEvent) => {
    if (emitted.has(ev.id)) return;
    emitted.add(ev.id);
    items.push(ev);
  };
  for (const entry of entries) {
    const ev = entry.event;
    if (singleEvents && isSeriesMaster(entry)) {
      for (const inst of expandSeries(cal, entry)) push(inst);
      continue;
    }
    if (singleEvents && ev.recurringEventId && isSeriesMaster(cal.entries.get(ev.recurringEventId)) && !sync) continue;
    push(toOutput(entry));
  }
  let filtered = items.filter((ev) => {
    if (ev.status === 'cancelled' && !showDeleted && !(ev.recurringEventId && !singleEvents)) return false;
    if (sync) return true;
    if (updatedMin !== null && !(ev.updated && Date.parse(ev.updated) >= updatedMin)) return false;
    if (ev.status !== 'cancelled' && !overlaps(ev, minMs, maxMs)) {
      const master = cal.entries.get(ev.id);
      if (!(master && isSeriesMaster(master) && expandSeries(cal, master).some((i) => overlaps(i, minMs, maxMs)))) return false;
    }
    if (iCalUID && ev.iCalUID !== iCalUID) return false;
    for (const [k, v] of privateProps) if (ev.extendedProperties?.private?.[k] !== v) return false;
    return true;
  });
  if (orderBy === 'startTime') filtered = filtered.sort((a, b) => (eventTimeMs(a.start) ?? 0) - (eventTimeMs(b.start) ?? 0));
  const slice = filtered.slice(page.o, page.o + maxResults);
  const more = page.o + maxResults < filtered.length;
  return json({
    kind: 'calendar#events',
    etag: `"${page.s}"`,
    summary: cal.id,
    updated: ctx.now().toISOString(),
    timeZone: cal.timeZone,
    accessRole: 'owner',
    defaultReminders: [{ method: 'popup', minutes: 10 }],
    items: slice,
    ...(more ? { nextPageToken: encodeToken({ o: page.o + maxResults, s: page.s } satisfies PageToken) } : {}),
    ...(more ? {} : { nextSyncToken: encodeToken({ c: cal.id, e: cal.epoch, p: page.s } satisfies SyncToken) }),
  });
}

/** Finds an event or a (not yet overridden) instance of a series. */
function findEvent(cal: EmulatedCalendar, id: string): { entry: CalendarEntry | null; instance: GEvent | null } {
  const entry = cal.entries.get(id);
  if (entry) return { entry, instance: null };
  const sep = id.lastIndexOf('_');
  if (sep > 0) {
    const master = cal.entries.get(id.slice(0, sep));
    if (master && isSeriesMaster(master)) {
      const instance = expandSeries(cal, master).find((i) => i.id === id) ?? null;
      return { entry: null, instance };
    }
  }
  return { entry: null, instance: null };
}

function getEvent(ctx: RouteContext): Response {
  const cal = resolveCalendar(ctx);
  if (!cal) return errors.notFound();
  const { entry, instance } = findEvent(cal, ctx.params.eventId ?? '');
  if (entry) return json(toOutput(entry));
  if (instance) return json(instance);
  return errors.notFound();
}

export function meetingCodeFor(seed: string): string {
  let h = 2166136261;
  for (const ch of seed) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  let out = '';
  for (let i = 0; i < 10; i++) {
    out += letters[h % 26];
    h = Math.imul(h ^ (i + 7), 2246822519) >>> 0;
  }
  return `${out.slice(0, 3)}-${out.slice(3, 7)}-${out.slice(7)}`;
}

function conferenceFor(requestId: string, eventId: string): Record<string, unknown> {
  const code = meetingCodeFor(`${eventId}:${requestId}`);
  const uri = `https://meet.google.com/${code}`;
  return {
    createRequest: { requestId, conferenceSolutionKey: { type: 'hangoutsMeet' }, status: { statusCode: 'success' } },
    entryPoints: [{ entryPointType: 'video', uri, label: uri.replace('https://', ''), meetingCode: code }],
    conferenceSolution: { key: { type: 'hangoutsMeet' }, name: 'Google Meet', iconUri: '' },
    conferenceId: code,
  };
}

export function insertEventInto(
  state: GoogleEmulatorState,
  cal: EmulatedCalendar,
  body: GEvent,
  input: { now: Date; conferenceDataVersion?: number; sendUpdates?: string | null },
): GEvent {
  const id = body.id ?? `e${(nextSeq(state) * 7919).toString(32)}${Math.random().toString(32).slice(2, 8)}`.replace(/[w-z]/g, 'a');
  const nowIso = input.now.toISOString();
  const owner = state.users.get(cal.owner);
  const { conferenceData: requested, ...rest } = body;
  const event: GEvent = {
    ...rest,
    id,
    status: body.status ?? 'confirmed',
    iCalUID: body.iCalUID ?? `${id}@google.com`,
    created: nowIso,
    updated: nowIso,
    sequence: 0,
    htmlLink: `https://www.google.com/calendar/event?eid=${id}`,
    organizer: body.organizer ?? { email: cal.owner, ...(owner?.name ? { displayName: owner.name } : {}), self: true },
    creator: { email: cal.owner, self: true },
    reminders: body.reminders ?? { useDefault: true },
    ...(body.attendees
      ? { attendees: body.attendees.map((a) => ({ ...a, responseStatus: a.responseStatus ?? 'needsAction' })) }
      : {}),
  };
  const createRequest = (requested as { createRequest?: { requestId?: string } } | undefined)?.createRequest;
  if (requested && input.conferenceDataVersion === 1) {
    if (createRequest) {
      const conf = conferenceFor(createRequest.requestId ?? id, id);
      event.conferenceData = conf;
      event.hangoutLink = `https://meet.google.com/${String(conf.conferenceId)}`;
    } else {
      event.conferenceData = requested;
    }
  }
  cal.entries.set(id, { event, seq: nextSeq(state), deleted: false });
  cal.onChange?.();
  if (input.sendUpdates && input.sendUpdates !== 'none' && event.attendees?.length) {
    cal.invitesSent.push({ eventId: id, to: event.attendees.filter((a) => a.email !== cal.owner).map((a) => a.email), sendUpdates: input.sendUpdates });
  }
  return toOutput(cal.entries.get(id)!);
}

async function insertEvent(ctx: RouteContext): Promise<Response> {
  const cal = resolveCalendar(ctx);
  if (!cal) return errors.notFound();
  const body = await readJson<GEvent>(ctx.request);
  if (!body) return errors.badRequest('Parse Error');
  if (body.id !== undefined && !BASE32HEX_ID.test(body.id)) return errors.badRequest('Invalid resource id value.', 'id');
  if (body.id && cal.entries.has(body.id)) return errors.duplicate();
  if (eventTimeMs(body.start) === null) return errors.badRequest('Missing start time.', 'start');
  if (eventTimeMs(body.end) === null) return errors.badRequest('Missing end time.', 'end');
  if (body.recurrence?.length && !body.start?.timeZone && !body.start?.date) {
    return errors.badRequest('Missing time zone definition for start time.', 'start.timeZone');
  }
  const ev = insertEventInto(ctx.state, cal, body, {
    now: ctx.now(),
    conferenceDataVersion: Number(ctx.url.searchParams.get('conferenceDataVersion') ?? 0),
    sendUpdates: ctx.url.searchParams.get('sendUpdates'),
  });
  return json(ev);
}

export function patchEventIn(
  state: GoogleEmulatorState,
  cal: EmulatedCalendar,
  id: string,
  patch: Partial<GEvent>,
  now: Date,
): GEvent | null {
  const { entry, instance } = findEvent(cal, id);
  const base: CalendarEntry | null = entry ?? (instance ? { event: instance, seq: 0, deleted: false } : null);
  if (!base || base.deleted) return null;
  const before = base.event;
  const next: GEvent = { ...before };
  for (const [key, value] of Object.entries(patch)) {
    if (key === 'id') continue;
    if (key === 'extendedProperties' && value && typeof value === 'object') {
      const ext = value as GEvent['extendedProperties'];
      const merged = { private: { ...before.extendedProperties?.private }, shared: { ...before.extendedProperties?.shared } };
      for (const scope of ['private', 'shared'] as const) {
        for (const [k, v] of Object.entries(ext?.[scope] ?? {})) {
          if (v === null) delete merged[scope][k];
          else merged[scope][k] = v;
        }
      }
      next.extendedProperties = merged;
    } else if (value === null) {
      delete next[key];
    } else {
      next[key] = value;
    }
  }
  const timeOrPeople = ['start', 'end', 'attendees', 'recurrence'].some((k) => k in patch);
  if (timeOrPeople) next.sequence = (before.sequence ?? 0) + 1;
  const remindersOnly = Object.keys(patch).every((k) => k === 'reminders');
  if (!remindersOnly) next.updated = now.toISOString();
  cal.entries.set(id, { event: next, seq: nextSeq(state), deleted: false });
  cal.onChange?.();
  return toOutput(cal.entries.get(id)!);
}

async function patchEvent(ctx: RouteContext): Promise<Response> {
  const cal = resolveCalendar(ctx);
  if (!cal) return errors.notFound();
  const body = await readJson<Partial<GEvent>>(ctx.request);
  if (!body) return errors.badRequest('Parse Error');
  const out = patchEventIn(ctx.state, cal, ctx.params.eventId ?? '', body, ctx.now());
  return out ? json(out) : errors.notFound();
}

export function deleteEventIn(state: GoogleEmulatorState, cal: EmulatedCalendar, id: string, now: Date): 'ok' | 'gone' | 'missing' {
  const { entry, instance } = findEvent(cal, id);
  if (entry?.deleted) return 'gone';
  if (entry && !entry.event.recurringEventId) {
    cal.entries.set(id, { event: { ...entry.event, status: 'cancelled', updated: now.toISOString() }, seq: nextSeq(state), deleted: true });
    cal.onChange?.();
    return 'ok';
  }
  const base = entry?.event ?? instance;
  if (!base) return 'missing';
  if (base.status === 'cancelled') return 'gone';
  // An instance of a series: a cancelled exception, not a deletion of the series.
  cal.entries.set(id, { event: { ...base, status: 'cancelled', updated: now.toISOString() }, seq: nextSeq(state), deleted: false });
  cal.onChange?.();
  return 'ok';
}

function deleteEvent(ctx: RouteContext): Response {
  const cal = resolveCalendar(ctx);
  if (!cal) return errors.notFound();
  const result = deleteEventIn(ctx.state, cal, ctx.params.eventId ?? '', ctx.now());
  if (result === 'missing') return errors.notFound();
  if (result === 'gone') return errors.deleted();
  return noContent();
}

function listInstances(ctx: RouteContext): Response {
  const cal = resolveCalendar(ctx);
  if (!cal) return errors.notFound();
  const master = cal.entries.get(ctx.params.eventId ?? '');
  if (!master || !isSeriesMaster(master)) return errors.notFound();
  const showDeleted = boolParam(ctx.url, 'showDeleted') ?? false;
  const minMs = ctx.url.searchParams.get('timeMin') ? Date.parse(ctx.url.searchParams.get('timeMin')!) : null;
  const maxMs = ctx.url.searchParams.get('timeMax') ? Date.parse(ctx.url.searchParams.get('timeMax')!) : null;
  const all = expandSeries(cal, master).filter((i) => (showDeleted || i.status !== 'cancelled') && (i.status === 'cancelled' || overlaps(i, minMs, maxMs)));
  const maxResults = intParam(ctx.url, 'maxResults', 250, 2500);
  const offset = Number(decodeToken<PageToken>(ctx.url.searchParams.get('pageToken') ?? '')?.o ?? 0);
  const more = offset + maxResults < all.length;
  return json({
    kind: 'calendar#events',
    timeZone: cal.timeZone,
    items: all.slice(offset, offset + maxResults),
    ...(more ? { nextPageToken: encodeToken({ o: offset + maxResults, s: ctx.state.counter }) } : {}),
  });
}

export function busyIntervals(cal: EmulatedCalendar, minMs: number, maxMs: number): { start: string; end: string }[] {
  const spans: [number, number][] = [];
  for (const entry of cal.entries.values()) {
    if (entry.deleted) continue;
    const evs = isSeriesMaster(entry) ? expandSeries(cal, entry) : entry.event.recurringEventId ? [] : [toOutput(entry)];
    for (const ev of evs) {
      if (ev.status === 'cancelled' || ev.transparency === 'transparent') continue;
      const self = ev.attendees?.find((a) => a.email === cal.owner);
      if (self?.responseStatus === 'declined') continue;
      const s = eventTimeMs(ev.start);
      const e = eventTimeMs(ev.end);
      if (s === null || e === null || e <= minMs || s >= maxMs) continue;
      spans.push([Math.max(s, minMs), Math.min(e, maxMs)]);
    }
  }
  spans.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    if (last && span[0] <= last[1]) last[1] = Math.max(last[1], span[1]);
    else merged.push([...span]);
  }
  return merged.map(([s, e]) => ({ start: new Date(s).toISOString(), end: new Date(e).toISOString() }));
}

async function freeBusy(ctx: RouteContext): Promise<Response> {
  const user = requireUser(ctx);
  const body = await readJson<{ timeMin?: string; timeMax?: string; items?: { id: string }[] }>(ctx.request);
  const minMs = Date.parse(body?.timeMin ?? '');
  const maxMs = Date.parse(body?.timeMax ?? '');
  if (Number.isNaN(minMs)) return errors.badRequest('Missing timeMin.', 'timeMin');
  if (Number.isNaN(maxMs)) return errors.badRequest('Missing timeMax.', 'timeMax');
  if (maxMs <= minMs) return errors.badRequest('The specified time range is empty.', 'timeMax');
  const calendars: Record<string, unknown> = {};
  for (const item of body?.items ?? []) {
    const id = item.id === 'primary' ? user.email : item.id.toLowerCase();
    const cal = ctx.state.calendars.get(id);
    calendars[item.id] = cal && cal.owner === user.email ? { busy: busyIntervals(cal, minMs, maxMs) } : { busy: [], errors: [{ domain: 'global', reason: 'notFound' }] };
  }
  return json({ kind: 'calendar#freeBusy', timeMin: body?.timeMin, timeMax: body?.timeMax, calendars });
}

export const calendarRoutes: Route[] = [
  { method: 'get', path: '/calendar/v3/calendars/:calendarId/events', auth: true, api: true, handle: listEvents },
  { method: 'post', path: '/calendar/v3/calendars/:calendarId/events', auth: true, api: true, handle: insertEvent },
  { method: 'get', path: '/calendar/v3/calendars/:calendarId/events/:eventId/instances', auth: true, api: true, handle: listInstances },
  { method: 'get', path: '/calendar/v3/calendars/:calendarId/events/:eventId', auth: true, api: true, handle: getEvent },
  { method: 'patch', path: '/calendar/v3/calendars/:calendarId/events/:eventId', auth: true, api: true, handle: patchEvent },
  { method: 'delete', path: '/calendar/v3/calendars/:calendarId/events/:eventId', auth: true, api: true, handle: deleteEvent },
  { method: 'post', path: '/calendar/v3/freeBusy', auth: true, api: true, handle: freeBusy },
];
