import { formatGraphDateTime, parseGraphDateTime, toIanaZone } from '../../providers/microsoft/time-zones.js';
import { parseRawEmail } from '../../mail/parse-mime.js';
import { buildMime, headerValue, parseHeaderLines } from './mime.js';
import {
  newId,
  type AccessToken,
  type DeltaRound,
  type EmailAddress,
  type FolderName,
  type GraphState,
  type JsonObject,
  type Mailbox,
  type StoredEvent,
  type StoredMessage,
  type SyncState,
} from './state.js';

/**
 * Graph v1.0 semantics over GraphState: one function from a fetch Request to a Response, used
 * by the msw handler, by the HTTP server and by `$batch` for its inner requests.
 */

export interface FaultRule {
  status: 429 | 503 | 504 | 'timeout';
  method?: string;
  /** Substring of the path after /v1.0 (e.g. "/sendMail", "/messages/"). */
  pathIncludes?: string;
  /** Only for this mailbox (e-mail address). */
  mailbox?: string;
  /** Fire for this many matching requests, then stop (default: unlimited). */
  times?: number;
  /** Fire on every n-th matching request (1 = every one). */
  every?: number;
  retryAfterSeconds?: number;
  /** Process the request, then answer with the fault anyway (a response lost on the way back). */
  afterProcessing?: boolean;
}

export interface FaultConfig {
  /** Added to every Graph request, while it counts as in flight. */
  latencyMs?: number;
  rules?: FaultRule[];
  /** How long a 'timeout' fault hangs before answering 504 (the client should give up sooner). */
  timeoutHangMs?: number;
}

export interface RouterOptions {
  /** Concurrent requests per mailbox before 429 ApplicationThrottled (Graph: 4). */
  concurrencyLimit: number;
  enforceConcurrencyLimit: boolean;
  concurrencyRetryAfterSeconds: number;
  defaultPageSize: number;
  faults: FaultConfig;
}

const JSON_HEADERS = { 'Content-Type': 'application/json' };
const GRAPH_PREFIX = '/v1.0';

export function graphError(status: number, code: string, message: string, headers: Record<string, string> = {}): Response {
  const body = {
    error: { code, message, innerError: { 'request-id': newId('req-', 8), date: new Date().toISOString() } },
  };
  return new Response(JSON.stringify(body), { status, headers: { ...JSON_HEADERS, ...headers } });
}

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { ...JSON_HEADERS, ...headers } });
}

function empty(status: number): Response {
  return new Response(null, { status });
}

class HttpFailure extends Error {
  constructor(readonly response: Response) {
    super('graph failure');
  }
}
const fail = (status: number, code: string, message: string): never => {
  throw new HttpFailure(graphError(status, code, message));
};

function parsePrefer(request: Request): { maxPageSize: number | null; timeZone: string | null } {
  const prefer = request.headers.get('prefer') ?? '';
  const size = /odata\.maxpagesize=(\d+)/i.exec(prefer);
  const zone = /outlook\.timezone="([^"]+)"/i.exec(prefer);
  return { maxPageSize: size ? Number(size[1]) : null, timeZone: zone ? (zone[1] ?? null) : null };
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (ms <= 0) return resolve();
    const t = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(t);
      resolve();
    });
  });
}

/** Parses `a eq 'x' and b eq 'y'` (the only $filter forms the emulator accepts). */
function parseEqFilter(filter: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of filter.split(/\s+and\s+/i)) {
    const m = /^\s*([A-Za-z/]+)\s+eq\s+'((?:[^']|'')*)'\s*$/.exec(part);
    if (!m || !m[1]) fail(400, 'BadRequest', `The emulator does not support this $filter: ${filter}`);
    out[m![1]!.toLowerCase()] = (m![2] ?? '').replace(/''/g, "'");
  }
  return out;
}

function select(obj: JsonObject, selectParam: string | null): JsonObject {
  if (!selectParam) {
    const { internetMessageHeaders: _h, ...rest } = obj;
    return rest;
  }
  const fields = selectParam.split(',').map((f) => f.trim()).filter(Boolean);
  const out: JsonObject = { id: obj.id };
  for (const f of fields) if (f in obj) out[f] = obj[f];
  return out;
}

export class GraphRouter {
  private faultCounters = new Map<FaultRule, { seen: number; fired: number }>();

  constructor(
    private readonly state: GraphState,
    readonly options: RouterOptions,
  ) {}

  resetFaultCounters(): void {
    this.faultCounters.clear();
  }

  async handle(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const path = url.pathname.startsWith(GRAPH_PREFIX) ? url.pathname.slice(GRAPH_PREFIX.length) : url.pathname;
    let mailbox: Mailbox | null = null;
    let response: Response;
    try {
      if (path === '/$batch' && request.method === 'POST') {
        response = await this.batch(request, url);
      } else {
        const token = this.authenticate(request);
        const resolved = this.resolveMailbox(token, path);
        mailbox = resolved.mailbox;
        response = await this.withMailbox(mailbox, request, path, () => this.route(request, url, mailbox!, resolved.prefix, resolved.rest));
      }
    } catch (err) {
      if (err instanceof HttpFailure) response = err.response;
      else response = graphError(500, 'generalException', err instanceof Error ? err.message : String(err));
    }
    this.state.requestLog.push({ method: request.method, path, status: response.status, mailbox: mailbox?.email ?? null });
    return response;
  }

  private authenticate(request: Request): AccessToken {
    const header = request.headers.get('authorization') ?? '';
    const m = /^Bearer\s+(.+)$/i.exec(header);
    if (!m) return fail(401, 'InvalidAuthenticationToken', 'Access token is empty.');
    const token = this.state.accessTokens.get(m[1]!.trim());
    if (!token || token.revoked) return fail(401, 'InvalidAuthenticationToken', 'Access token validation failure. Invalid audience.');
    if (token.expiresAt < Date.now()) return fail(401, 'InvalidAuthenticationToken', 'Lifetime validation failed, the token is expired.');
    return token;
  }

  private resolveMailbox(token: AccessToken, path: string): { mailbox: Mailbox; prefix: string; rest: string } {
    if (path === '/me' || path.startsWith('/me/')) {
      if (!token.mailboxId) fail(400, 'BadRequest', '/me request is only valid with delegated authentication flow.');
      const mailbox = this.state.mailboxes.get(token.mailboxId!);
      if (!mailbox) return fail(404, 'ErrorInvalidUser', 'The requested user is invalid.');
      return { mailbox, prefix: '/me', rest: path.slice(3) };
    }
    const m = /^\/users\/([^/]+)(\/.*)?$/.exec(path);
    if (m) {
      const who = decodeURIComponent(m[1]!);
      const mailbox = this.state.findMailbox(who);
      if (!mailbox) return fail(404, 'ErrorInvalidUser', `The requested user '${who}' is invalid.`);
      if (token.mailboxId && token.mailboxId !== mailbox.id) fail(403, 'ErrorAccessDenied', 'Access is denied. Check credentials and try again.');
      return { mailbox, prefix: `/users/${m[1]}`, rest: m[2] ?? '' };
    }
    return fail(400, 'BadRequest', `Resource not found for the segment '${path.split('/')[1] ?? ''}'.`);
  }

  private async withMailbox(mailbox: Mailbox, request: Request, path: string, fn: () => Promise<Response>): Promise<Response> {
    mailbox.requestCount += 1;
    mailbox.inFlight += 1;
    mailbox.maxInFlight = Math.max(mailbox.maxInFlight, mailbox.inFlight);
    try {
      if (this.options.faults.latencyMs) await sleep(this.options.faults.latencyMs, request.signal);
      if (this.options.enforceConcurrencyLimit && mailbox.inFlight > this.options.concurrencyLimit) {
        return graphError(429, 'ApplicationThrottled', 'Application is over its MailboxConcurrency limit.', {
          'Retry-After': String(this.options.concurrencyRetryAfterSeconds),
        });
      }
      const fault = this.matchFault(request.method, path, mailbox.email);
      if (fault?.afterProcessing) await fn();
      if (fault) {
        if (fault.status === 'timeout') {
          await sleep(this.options.faults.timeoutHangMs ?? 5_000, request.signal);
          return graphError(504, 'GatewayTimeout', 'The request timed out.');
        }
        const headers: Record<string, string> = fault.retryAfterSeconds !== undefined ? { 'Retry-After': String(fault.retryAfterSeconds) } : {};
        if (fault.status === 429) return graphError(429, 'TooManyRequests', 'Please retry again later.', headers);
        if (fault.status === 503) return graphError(503, 'serviceNotAvailable', 'Service Unavailable', headers);
        return graphError(504, 'GatewayTimeout', 'Gateway Timeout', headers);
      }
      return await fn();
    } finally {
      mailbox.inFlight -= 1;
    }
  }

  private matchFault(method: string, path: string, mailbox: string): FaultRule | null {
    for (const rule of this.options.faults.rules ?? []) {
      if (rule.method && rule.method.toUpperCase() !== method.toUpperCase()) continue;
      if (rule.pathIncludes && !path.includes(rule.pathIncludes)) continue;
      if (rule.mailbox && rule.mailbox.toLowerCase() !== mailbox) continue;
      const counter = this.faultCounters.get(rule) ?? { seen: 0, fired: 0 };
      this.faultCounters.set(rule, counter);
      counter.seen += 1;
      if (rule.times !== undefined && counter.fired >= rule.times) continue;
      if (rule.every && counter.seen % rule.every !== 0) continue;
      counter.fired += 1;
      return rule;
    }
    return null;
  }

  // ---------------------------------------------------------------- routing

  private async route(request: Request, url: URL, mailbox: Mailbox, prefix: string, rest: string): Promise<Response> {
    const method = request.method.toUpperCase();
    const seg = rest.split('/').filter(Boolean).map(decodeURIComponent);
    const q = url.searchParams;
    const [a, b, c, d, e, f] = seg;

    if (seg.length === 0 && method === 'GET') {
      return json(200, { id: mailbox.id, displayName: mailbox.name, mail: mailbox.email, userPrincipalName: mailbox.email });
    }
    // Events
    if ((a === 'events' && seg.length <= 2) || (a === 'calendar' && b === 'events' && seg.length <= 3)) {
      const id = a === 'events' ? b : c;
      if (!id && method === 'POST') return this.createEvent(request, mailbox);
      if (id && method === 'GET') return json(200, this.renderEvent(this.getEvent(mailbox, id), parsePrefer(request).timeZone));
      if (id && method === 'PATCH') return this.patchEvent(request, mailbox, id);
      if (id && method === 'DELETE') return this.deleteEvent(mailbox, id);
    }
    if (a === 'calendarView' && b === 'delta' && method === 'GET') return this.calendarDelta(request, url, mailbox, prefix);
    if (a === 'calendarView' && !b && method === 'GET') return this.calendarView(request, q, mailbox);
    if (a === 'calendar' && b === 'getSchedule' && method === 'POST') return this.getSchedule(request, mailbox);
    // Mail
    if (a === 'mailFolders' && b && c === 'messages' && d === 'delta' && method === 'GET') return this.messageDelta(request, url, mailbox, prefix, b);
    if (a === 'mailFolders' && b && c === 'messages' && !d && method === 'GET') return this.listFolder(request, q, mailbox, b);
    if (a === 'messages') {
      if (!b && method === 'POST') return this.createDraft(request, mailbox);
      if (b && !c && method === 'GET') return json(200, this.renderMessage(this.getMessage(mailbox, b), q.get('$select')));
      if (b && c === '$value' && method === 'GET') return this.messageValue(mailbox, b);
      if (b && !c && method === 'PATCH') return this.patchMessage(request, mailbox, b);
      if (b && !c && method === 'DELETE') return this.deleteMessage(mailbox, b);
      if (b && c === 'createReply' && method === 'POST') return this.createReply(request, mailbox, b);
      if (b && c === 'send' && method === 'POST') return this.sendDraft(mailbox, b);
    }
    if (a === 'sendMail' && method === 'POST') return this.sendMail(request, mailbox);
    // Teams
    if (a === 'onlineMeetings' && method === 'GET') {
      if (!b) return this.findOnlineMeeting(q, mailbox);
      const meeting = mailbox.meetings.get(b) ?? fail(404, 'NotFound', 'The online meeting was not found.');
      if (c === 'attendanceReports' && !d) {
        return json(200, {
          value: meeting.reports.map((r) => ({
            id: r.id,
            totalParticipantCount: r.records.length,
            meetingStartDateTime: r.meetingStartDateTime,
            meetingEndDateTime: r.meetingEndDateTime,
            attendanceRecords: [],
          })),
        });
      }
      if (c === 'attendanceReports' && d) {
        const report = meeting.reports.find((r) => r.id === d) ?? fail(404, 'NotFound', 'The attendance report was not found.');
        const records = report.records.map((r, i) => ({
          id: `rec-${i}`,
          emailAddress: r.emailAddress ?? null,
          identity: { id: `idn-${i}`, displayName: r.displayName ?? r.emailAddress ?? null },
          role: r.role ?? 'Attendee',
          totalAttendanceInSeconds: r.totalAttendanceInSeconds ?? 600,
          attendanceIntervals: [],
        }));
        if (e === 'attendanceRecords' && !f) return json(200, { value: records });
        if (!e) {
          const base = { id: report.id, totalParticipantCount: records.length, meetingStartDateTime: report.meetingStartDateTime, meetingEndDateTime: report.meetingEndDateTime };
          const expand = (q.get('$expand') ?? '').includes('attendanceRecords');
          return json(200, { ...base, attendanceRecords: expand ? records : [] });
        }
      }
    }
    return fail(400, 'BadRequest', `Unsupported request: ${method} ${prefix}${rest}`);
  }

  private async readJson(request: Request): Promise<JsonObject> {
    const text = await request.text();
    if (!text) return {};
    try {
      const parsed = JSON.parse(text) as unknown;
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as JsonObject;
    } catch {
      // fall through
    }
    return fail(400, 'BadRequest', 'Unable to read JSON request payload.');
  }

  // ---------------------------------------------------------------- events

  private getEvent(mailbox: Mailbox, id: string): StoredEvent {
    const ev = mailbox.events.get(id);
    if (!ev || ev.deleted) return fail(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
    return ev;
  }

  renderEvent(ev: StoredEvent, zone: string | null = null): JsonObject {
    const iana = (zone && toIanaZone(zone)) || 'UTC';
    const start = formatGraphDateTime(ev.start, iana);
    const end = formatGraphDateTime(ev.end, iana);
    return { ...ev.data, id: ev.id, start: { ...start, timeZone: zone ?? 'UTC' }, end: { ...end, timeZone: zone ?? 'UTC' } };
  }

  private parseWhen(body: JsonObject, key: 'start' | 'end'): Date {
    const v = body[key] as { dateTime?: string; timeZone?: string } | undefined;
    if (!v) return fail(400, 'ErrorInvalidRequest', `Your request can't be completed. The ${key} time is missing.`);
    try {
      return parseGraphDateTime(v);
    } catch (err) {
      return fail(400, 'TimeZoneNotSupportedException', (err as Error).message);
    }
  }

  /** Creates (or, for seeding, inserts) an event; used by POST /events and by seedGraphEmulator. */
  insertEvent(mailbox: Mailbox, body: JsonObject, options: { id?: string; now?: Date } = {}): StoredEvent {
    const start = this.parseWhen(body, 'start');
    const end = this.parseWhen(body, 'end');
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
    const ev: StoredEvent = { id, changedSeq: this.state.nextSeq(mailbox), deleted: false, start, end, data };
    mailbox.events.set(id, ev);
    return ev;
  }

  private async createEvent(request: Request, mailbox: Mailbox): Promise<Response> {
    const body = await this.readJson(request);
    const tx = typeof body.transactionId === 'string' ? body.transactionId : null;
    if (tx) {
      for (const ev of mailbox.events.values()) {
        // A retried POST with the same transactionId returns the event created the first time.
        if (!ev.deleted && ev.data.transactionId === tx) return json(201, this.renderEvent(ev, parsePrefer(request).timeZone));
      }
    }
    const ev = this.insertEvent(mailbox, body);
    for (const a of (ev.data.attendees as { emailAddress?: EmailAddress }[]) ?? []) {
      const address = a.emailAddress?.address;
      if (!address) continue;
      // Graph sends the invitation itself; an outside attendee gets it in the outside world.
      this.state.outbound.push({
        from: mailbox.email,
        to: [address.toLowerCase()],
        subject: String(ev.data.subject ?? ''),
        internetMessageId: `<${newId('', 12)}@emulator.outlook.com>`,
        conversationId: newId('conv-', 12),
        raw: '',
      });
    }
    return json(201, this.renderEvent(ev, parsePrefer(request).timeZone));
  }

  private async patchEvent(request: Request, mailbox: Mailbox, id: string): Promise<Response> {
    const ev = this.getEvent(mailbox, id);
    const body = await this.readJson(request);
    if ('transactionId' in body) fail(400, 'ErrorInvalidRequest', 'transactionId cannot be changed after creation.');
    if (body.start) ev.start = this.parseWhen(body, 'start');
    if (body.end) ev.end = this.parseWhen(body, 'end');
    const { start: _s, end: _e, ...rest } = body;
    Object.assign(ev.data, rest, { lastModifiedDateTime: new Date().toISOString(), changeKey: newId('', 6) });
    ev.changedSeq = this.state.nextSeq(mailbox);
    return json(200, this.renderEvent(ev, parsePrefer(request).timeZone));
  }

  private deleteEvent(mailbox: Mailbox, id: string): Response {
    const ev = this.getEvent(mailbox, id);
    ev.deleted = true;
    ev.changedSeq = this.state.nextSeq(mailbox);
    return empty(204);
  }

  private parseWindow(q: URLSearchParams): { start: Date; end: Date } {
    const s = q.get('startDateTime');
    const e = q.get('endDateTime');
    if (!s || !e) return fail(400, 'ErrorInvalidParameter', 'This request requires a time window specified by the query string parameters StartDateTime and EndDateTime.');
    const start = new Date(s);
    const end = new Date(e);
    if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime())) return fail(400, 'ErrorInvalidParameter', 'Invalid StartDateTime or EndDateTime.');
    return { start, end };
  }

  private calendarView(request: Request, q: URLSearchParams, mailbox: Mailbox): Response {
    const w = this.parseWindow(q);
    const zone = parsePrefer(request).timeZone;
    const value = [...mailbox.events.values()]
      .filter((ev) => !ev.deleted && ev.start < w.end && ev.end > w.start)
      .sort((x, y) => x.start.getTime() - y.start.getTime())
      .map((ev) => this.renderEvent(ev, zone));
    return json(200, { '@odata.context': 'emulator', value });
  }

  private async getSchedule(request: Request, mailbox: Mailbox): Promise<Response> {
    const body = await this.readJson(request);
    const schedules = Array.isArray(body.schedules) ? (body.schedules as string[]) : [];
    if (schedules.length === 0) fail(400, 'ErrorInvalidParameter', 'schedules is required.');
    const start = this.parseWhen({ start: body.startTime }, 'start');
    const end = this.parseWhen({ end: body.endTime }, 'end');
    const interval = Number(body.availabilityViewInterval ?? 30);
    if (interval < 5 || interval > 1440) fail(400, 'ErrorInvalidParameter', 'availabilityViewInterval must be between 5 and 1440.');
    const zone = parsePrefer(request).timeZone;
    const iana = (zone && toIanaZone(zone)) || 'UTC';
    const rank: Record<string, number> = { free: 0, workingElsewhere: 0, tentative: 1, busy: 2, oof: 3 };
    const value = schedules.map((who) => {
      const target = this.state.findMailbox(who);
      if (!target) {
        return { scheduleId: who, availabilityView: '', scheduleItems: [], error: { message: 'The user or group was not found.', responseCode: 'ErrorMailRecipientNotFound' } };
      }
      void mailbox;
      const items = [...target.events.values()].filter(
        (ev) => !ev.deleted && ev.data.isCancelled !== true && ev.data.showAs !== 'free' && ev.start < end && ev.end > start,
      );
      let view = '';
      for (let t = start.getTime(); t < end.getTime(); t += interval * 60_000) {
        const slotEnd = t + interval * 60_000;
        let best = 0;
        for (const ev of items) if (ev.start.getTime() < slotEnd && ev.end.getTime() > t) best = Math.max(best, rank[String(ev.data.showAs)] ?? 2);
        view += String(best);
      }
      return {
        scheduleId: who,
        availabilityView: view,
        scheduleItems: items.map((ev) => ({
          isPrivate: false,
          status: ev.data.showAs ?? 'busy',
          subject: ev.data.subject,
          start: { ...formatGraphDateTime(ev.start, iana), timeZone: zone ?? 'UTC' },
          end: { ...formatGraphDateTime(ev.end, iana), timeZone: zone ?? 'UTC' },
        })),
        workingHours: { daysOfWeek: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'], startTime: '08:00:00.0000000', endTime: '17:00:00.0000000', timeZone: { name: 'UTC' } },
      };
    });
    return json(200, { value });
  }

  // ---------------------------------------------------------------- delta

  private deltaPage(request: Request, url: URL, round: DeltaRound, render: (id: string) => JsonObject | null): Response {
    const size = parsePrefer(request).maxPageSize ?? this.options.defaultPageSize;
    const page = round.remaining.splice(0, Math.max(1, size));
    const value: JsonObject[] = [];
    for (const item of page) {
      if (item.removed) value.push({ id: item.id, '@removed': { reason: 'deleted' } });
      else {
        const rendered = render(item.id);
        value.push(rendered ?? { id: item.id, '@removed': { reason: 'deleted' } });
      }
    }
    const path = round.state.kind === 'calendarView' ? 'calendarView/delta' : `mailFolders/${round.state.folder}/messages/delta`;
    const base = `${url.origin}${GRAPH_PREFIX}${round.state.prefix}/${path}`;
    const body: JsonObject = { '@odata.context': `${url.origin}${GRAPH_PREFIX}/$metadata#Collection(${round.state.kind === 'calendarView' ? 'event' : 'message'})`, value };
    if (round.remaining.length > 0) {
      const skip = newId('', 18);
      this.state.rounds.set(skip, round);
      body['@odata.nextLink'] = `${base}?$skiptoken=${skip}`;
    } else {
      const token = newId('', 18);
      this.state.syncStates.set(token, { ...round.state, sinceSeq: round.endSeq, expired: false });
      body['@odata.deltaLink'] = `${base}?$deltatoken=${token}`;
    }
    return json(200, body);
  }

  /** Looks up the round or sync state named by $skiptoken/$deltatoken; null for an initial call. */
  private continueRound(url: URL, mailbox: Mailbox, initialLocation: string): DeltaRound | null {
    const skip = url.searchParams.get('$skiptoken');
    const delta = url.searchParams.get('$deltatoken');
    if (skip) {
      const round = this.state.rounds.get(skip);
      if (!round || round.state.mailboxId !== mailbox.id) return fail(400, 'syncStateNotFound', 'The sync state generation is not found. The delta request must be synchronized again.');
      this.state.rounds.delete(skip);
      this.checkExpired(round.state, initialLocation);
      return round;
    }
    if (delta) {
      const state = this.state.syncStates.get(delta);
      if (!state || state.mailboxId !== mailbox.id) return fail(410, 'syncStateNotFound', 'The sync state generation is not found. The delta request must be synchronized again.');
      this.checkExpired(state, initialLocation);
      return { state, remaining: [], endSeq: mailbox.seq };
    }
    return null;
  }

  private checkExpired(state: SyncState, initialLocation: string): void {
    if (state.expired === '410') {
      throw new HttpFailure(graphError(410, 'syncStateNotFound', 'The sync state generation is not found. The delta request must be synchronized again.', { Location: initialLocation }));
    }
    if (state.expired === 'syncStateNotFound') fail(400, 'syncStateNotFound', 'The sync state generation is not found. The delta request must be synchronized again.');
    if (state.expired === 'resyncRequired') fail(400, 'resyncRequired', 'The delta token is no longer valid. The client must resynchronize.');
  }

  private calendarDelta(request: Request, url: URL, mailbox: Mailbox, prefix: string): Response {
    const zone = parsePrefer(request).timeZone;
    const render = (id: string) => {
      const ev = mailbox.events.get(id);
      return ev && !ev.deleted ? this.renderEvent(ev, zone) : null;
    };
    const initial = `${url.origin}${GRAPH_PREFIX}${prefix}/calendarView/delta?$deltatoken=`;
    const continued = this.continueRound(url, mailbox, initial);
    if (continued && continued.remaining.length > 0) return this.deltaPage(request, url, continued, render);
    let state: SyncState;
    if (continued) state = continued.state;
    else {
      const window = this.parseWindow(url.searchParams);
      state = { kind: 'calendarView', mailboxId: mailbox.id, prefix, window, sinceSeq: 0, expired: false };
    }
    const w = state.window!;
    const remaining: DeltaRound['remaining'] = [];
    const sorted = [...mailbox.events.values()].sort((x, y) => x.changedSeq - y.changedSeq);
    for (const ev of sorted) {
      if (ev.changedSeq <= state.sinceSeq) continue;
      const inWindow = !ev.deleted && ev.start < w.end && ev.end > w.start;
      if (inWindow) remaining.push({ id: ev.id, removed: false });
      // Removals (deleted, or moved out of the window) are only news for an incremental round.
      else if (state.sinceSeq > 0) remaining.push({ id: ev.id, removed: true });
    }
    return this.deltaPage(request, url, { state, remaining, endSeq: mailbox.seq }, render);
  }

  private messageDelta(request: Request, url: URL, mailbox: Mailbox, prefix: string, folderParam: string): Response {
    const folder = this.state.folderOf(mailbox, folderParam) ?? fail(404, 'ErrorInvalidIdMalformed', 'Id is malformed.');
    const initial = `${url.origin}${GRAPH_PREFIX}${prefix}/mailFolders/${folder}/messages/delta?$deltatoken=`;
    const continued = this.continueRound(url, mailbox, initial);
    const selectParam = continued ? (continued.state.select ?? null) : url.searchParams.get('$select');
    const render = (id: string) => {
      const m = mailbox.messages.get(id);
      return m && !m.deleted && m.folder === folder ? this.renderMessage(m, selectParam) : null;
    };
    if (continued && continued.remaining.length > 0) return this.deltaPage(request, url, continued, render);
    let since: Date | null = null;
    let state: SyncState;
    if (continued) state = continued.state;
    else {
      const filter = url.searchParams.get('$filter');
      if (filter) {
        const m = /^receivedDateTime\s+(ge|gt)\s+(\S+)$/i.exec(filter.trim());
        if (!m) fail(400, 'ErrorInvalidUrlQueryFilter', 'The query filter contains one or more invalid nodes.');
        since = new Date(m![2]!);
      }
      state = { kind: 'messages', mailboxId: mailbox.id, prefix, folder, select: selectParam, sinceSeq: 0, expired: false };
    }
    const remaining: DeltaRound['remaining'] = [];
    const sorted = [...mailbox.messages.values()].sort((x, y) => x.changedSeq - y.changedSeq);
    for (const m of sorted) {
      if (m.changedSeq <= state.sinceSeq) continue;
      const inFolder = !m.deleted && m.folder === folder;
      if (inFolder) {
        if (since && new Date(String(m.data.receivedDateTime)) < since) continue;
        remaining.push({ id: m.id, removed: false });
      } else if (state.sinceSeq > 0) remaining.push({ id: m.id, removed: true });
    }
    return this.deltaPage(request, url, { state, remaining, endSeq: mailbox.seq }, render);
  }

  // ---------------------------------------------------------------- messages

  private getMessage(mailbox: Mailbox, id: string): StoredMessage {
    const m = mailbox.messages.get(id);
    if (!m || m.deleted) return fail(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
    return m;
  }

  renderMessage(m: StoredMessage, selectParam: string | null): JsonObject {
    const full: JsonObject = {
      ...m.data,
      id: m.id,
      parentFolderId: '',
      conversationId: m.conversationId,
      internetMessageId: m.internetMessageId,
      internetMessageHeaders: m.headers,
    };
    full.parentFolderId = this.folderIdOf(m);
    return select(full, selectParam);
  }

  private folderIdOf(m: StoredMessage): string {
    for (const mailbox of this.state.mailboxes.values()) if (mailbox.messages.get(m.id) === m) return mailbox.folderIds[m.folder];
    return '';
  }

  private listFolder(_request: Request, q: URLSearchParams, mailbox: Mailbox, folderParam: string): Response {
    const folder = this.state.folderOf(mailbox, folderParam) ?? fail(404, 'ErrorInvalidIdMalformed', 'Id is malformed.');
    const filter = q.get('$filter');
    const conditions = filter ? parseEqFilter(filter) : {};
    for (const key of Object.keys(conditions)) {
      if (!['internetmessageid', 'conversationid'].includes(key)) fail(400, 'ErrorInvalidUrlQueryFilter', `The emulator cannot filter on ${key}.`);
    }
    const top = Number(q.get('$top') ?? 10);
    const value = [...mailbox.messages.values()]
      .filter((m) => !m.deleted && m.folder === folder)
      .filter((m) => (conditions.internetmessageid === undefined ? true : m.internetMessageId === conditions.internetmessageid))
      .filter((m) => (conditions.conversationid === undefined ? true : m.conversationId === conditions.conversationid))
      .sort((x, y) => String(y.data.receivedDateTime).localeCompare(String(x.data.receivedDateTime)))
      .slice(0, top)
      .map((m) => this.renderMessage(m, q.get('$select')));
    return json(200, { value });
  }

  private messageValue(mailbox: Mailbox, id: string): Response {
    const m = this.getMessage(mailbox, id);
    const raw = m.raw ?? this.buildRaw(m);
    return new Response(raw, { status: 200, headers: { 'Content-Type': 'text/plain' } });
  }

  buildRaw(m: StoredMessage): string {
    const body = (m.data.body as { contentType?: string; content?: string } | undefined) ?? {};
    const addr = (list: unknown) => ((list as { emailAddress: EmailAddress }[] | undefined) ?? []).map((r) => r.emailAddress);
    return buildMime({
      headers: m.headers,
      from: (m.data.from as { emailAddress: EmailAddress } | undefined)?.emailAddress ?? { address: 'unknown@invalid' },
      to: addr(m.data.toRecipients),
      cc: addr(m.data.ccRecipients),
      subject: String(m.data.subject ?? ''),
      date: new Date(String(m.data.sentDateTime ?? m.data.createdDateTime)),
      contentType: body.contentType === 'html' ? 'html' : 'text',
      content: body.content ?? '',
    });
  }

  private checkCustomHeaders(headers: unknown): { name: string; value: string }[] {
    if (headers === undefined || headers === null) return [];
    if (!Array.isArray(headers)) return fail(400, 'ErrorInvalidRequest', 'internetMessageHeaders must be a collection.');
    const out: { name: string; value: string }[] = [];
    for (const h of headers as { name?: unknown; value?: unknown }[]) {
      const name = String(h.name ?? '');
      if (!/^x-/i.test(name)) fail(400, 'InvalidInternetMessageHeader', `The internet message header name '${name}' should start with 'x-' or 'X-'.`);
      out.push({ name, value: String(h.value ?? '') });
    }
    return out;
  }

  /** Stores a message; the shared path for drafts, sent copies, deliveries and seeding. */
  insertMessage(
    mailbox: Mailbox,
    input: {
      folder: FolderName;
      fields: JsonObject;
      conversationId?: string;
      internetMessageId?: string;
      headers?: { name: string; value: string }[];
      raw?: string | null;
      id?: string;
    },
  ): StoredMessage {
    const now = new Date().toISOString();
    const internetMessageId = input.internetMessageId ?? `<${newId('', 15)}@emulator.outlook.com>`;
    const std: { name: string; value: string }[] = input.raw
      ? parseHeaderLines(input.raw)
      : [{ name: 'Message-ID', value: internetMessageId }, ...(input.headers ?? [])];
    const body = (input.fields.body as { content?: string } | undefined)?.content ?? '';
    const data: JsonObject = {
      createdDateTime: now,
      lastModifiedDateTime: now,
      changeKey: newId('', 6),
      categories: [],
      receivedDateTime: now,
      sentDateTime: now,
      hasAttachments: false,
      subject: '',
      bodyPreview: body.replace(/<[^>]+>/g, '').slice(0, 255),
      importance: 'normal',
      isRead: input.folder !== 'inbox',
      isDraft: input.folder === 'drafts',
      body: { contentType: 'text', content: '' },
      toRecipients: [],
      ccRecipients: [],
      bccRecipients: [],
      replyTo: [],
      ...input.fields,
    };
    if (!data.sender && data.from) data.sender = data.from;
    const m: StoredMessage = {
      id: input.id ?? newId('AAMkAGI', 24),
      changedSeq: this.state.nextSeq(mailbox),
      deleted: false,
      folder: input.folder,
      conversationId: input.conversationId ?? newId('AAQkAG', 18),
      internetMessageId,
      raw: input.raw ?? null,
      headers: std,
      data,
    };
    mailbox.messages.set(m.id, m);
    return m;
  }

  private messageFields(body: JsonObject): JsonObject {
    const out: JsonObject = {};
    for (const key of ['subject', 'body', 'toRecipients', 'ccRecipients', 'bccRecipients', 'replyTo', 'importance', 'categories']) {
      if (key in body) out[key] = body[key];
    }
    return out;
  }

  private isMime(request: Request): boolean {
    return (request.headers.get('content-type') ?? '').toLowerCase().startsWith('text/plain');
  }

  /** The MIME variant of POST /messages and /sendMail: a base64 RFC 5322 message as text/plain. */
  private async insertMime(request: Request, mailbox: Mailbox): Promise<StoredMessage> {
    const text = (await request.text()).replace(/\s+/g, '');
    const bytes = Buffer.from(text, 'base64');
    if (!text || bytes.toString('base64').replace(/=+$/, '') !== text.replace(/=+$/, '')) {
      return fail(400, 'ErrorMimeContentInvalidBase64String', 'Invalid base64 string for MIME content.');
    }
    const raw = bytes.toString('utf8');
    let parsed;
    try {
      parsed = await parseRawEmail(raw, 'mime');
    } catch {
      return fail(400, 'ErrorMimeContentInvalid', 'The MIME content is invalid.');
    }
    if (parsed.to.length === 0) fail(400, 'ErrorInvalidRecipients', 'At least one recipient is not valid.');
    const addr = (a: string) => ({ emailAddress: { address: a } });
    return this.insertMessage(mailbox, {
      folder: 'drafts',
      raw,
      ...(parsed.messageId ? { internetMessageId: parsed.messageId } : {}),
      fields: {
        subject: parsed.subject,
        body: parsed.html ? { contentType: 'html', content: parsed.html } : { contentType: 'text', content: parsed.text },
        from: { emailAddress: { name: mailbox.name, address: mailbox.email } },
        toRecipients: parsed.to.map(addr),
        isDraft: true,
      },
    });
  }

  private async createDraft(request: Request, mailbox: Mailbox): Promise<Response> {
    if (this.isMime(request)) return json(201, this.renderMessage(await this.insertMime(request, mailbox), null));
    const body = await this.readJson(request);
    const headers = this.checkCustomHeaders(body.internetMessageHeaders);
    const m = this.insertMessage(mailbox, {
      folder: 'drafts',
      fields: { ...this.messageFields(body), from: { emailAddress: { name: mailbox.name, address: mailbox.email } } },
      ...(typeof body.internetMessageId === 'string' ? { internetMessageId: body.internetMessageId } : {}),
      headers,
    });
    return json(201, this.renderMessage(m, null));
  }

  private async createReply(request: Request, mailbox: Mailbox, id: string): Promise<Response> {
    const original = this.getMessage(mailbox, id);
    const body = await this.readJson(request);
    const message = (body.message as JsonObject | undefined) ?? {};
    if (typeof body.comment === 'string' && message.body) fail(400, 'ErrorInvalidRequest', 'comment and message.body cannot both be specified.');
    const headers = this.checkCustomHeaders(message.internetMessageHeaders);
    const replyTo = (original.data.replyTo as unknown[] | undefined) ?? [];
    const to = replyTo.length > 0 ? replyTo : original.data.from ? [original.data.from] : [];
    const origSubject = String(original.data.subject ?? '');
    const refs = headerValue(original.headers, 'References');
    const threading = [
      { name: 'In-Reply-To', value: original.internetMessageId },
      { name: 'References', value: `${refs ? `${refs} ` : ''}${original.internetMessageId}` },
    ];
    const content = typeof body.comment === 'string' ? body.comment : '';
    const draft = this.insertMessage(mailbox, {
      folder: 'drafts',
      fields: {
        subject: /^re:/i.test(origSubject) ? origSubject : `RE: ${origSubject}`,
        body: { contentType: 'text', content },
        toRecipients: to,
        ...this.messageFields(message),
        from: { emailAddress: { name: mailbox.name, address: mailbox.email } },
      },
      conversationId: original.conversationId,
      ...(typeof message.internetMessageId === 'string' ? { internetMessageId: message.internetMessageId } : {}),
      headers: [...threading, ...headers],
    });
    return json(201, this.renderMessage(draft, null));
  }

  private async patchMessage(request: Request, mailbox: Mailbox, id: string): Promise<Response> {
    const m = this.getMessage(mailbox, id);
    const body = await this.readJson(request);
    if ('internetMessageHeaders' in body) fail(400, 'InvalidInternetMessageHeader', 'Custom internet message headers can only be added when the message is created.');
    if ('internetMessageId' in body) fail(400, 'ErrorInvalidPropertyUpdateSentMessage', 'internetMessageId can only be set when the message is created.');
    const content = ['subject', 'body', 'toRecipients', 'ccRecipients', 'bccRecipients'];
    if (!m.data.isDraft && Object.keys(body).some((k) => content.includes(k))) {
      fail(400, 'ErrorInvalidPropertyUpdateSentMessage', 'Update operation is invalid for property of a sent message.');
    }
    Object.assign(m.data, this.messageFields(body), 'isRead' in body ? { isRead: body.isRead } : {}, {
      lastModifiedDateTime: new Date().toISOString(),
      changeKey: newId('', 6),
    });
    m.changedSeq = this.state.nextSeq(mailbox);
    return json(200, this.renderMessage(m, null));
  }

  private deleteMessage(mailbox: Mailbox, id: string): Response {
    const m = this.getMessage(mailbox, id);
    m.deleted = true;
    m.changedSeq = this.state.nextSeq(mailbox);
    return empty(204);
  }

  /** Puts a sent message in Sent Items and delivers it (to mailboxes here, or to the outside world). */
  private dispatch(mailbox: Mailbox, m: StoredMessage, saveToSentItems: boolean): void {
    const now = new Date().toISOString();
    Object.assign(m.data, { isDraft: false, isRead: true, sentDateTime: now, receivedDateTime: now });
    m.folder = 'sentitems';
    m.changedSeq = this.state.nextSeq(mailbox);
    if (!saveToSentItems) m.deleted = true;
    const raw = m.raw ?? this.buildRaw(m);
    const recipients = [...((m.data.toRecipients as { emailAddress: EmailAddress }[]) ?? []), ...((m.data.ccRecipients as { emailAddress: EmailAddress }[]) ?? [])]
      .map((r) => r.emailAddress.address.toLowerCase());
    const outside: string[] = [];
    for (const address of recipients) {
      const target = this.state.findMailbox(address);
      if (!target) {
        outside.push(address);
        continue;
      }
      this.insertMessage(target, {
        folder: 'inbox',
        fields: { ...m.data, isDraft: false, isRead: false },
        conversationId: m.conversationId,
        internetMessageId: m.internetMessageId,
        raw,
      });
    }
    if (outside.length > 0) {
      this.state.outbound.push({ from: mailbox.email, to: outside, subject: String(m.data.subject ?? ''), internetMessageId: m.internetMessageId, conversationId: m.conversationId, raw });
    }
  }

  private sendDraft(mailbox: Mailbox, id: string): Response {
    const m = this.getMessage(mailbox, id);
    if (!m.data.isDraft) fail(400, 'ErrorInvalidOperation', 'Only draft messages can be sent.');
    const to = (m.data.toRecipients as unknown[] | undefined) ?? [];
    if (to.length === 0) fail(400, 'ErrorInvalidRecipients', 'At least one recipient is not valid.');
    this.dispatch(mailbox, m, true);
    return empty(202);
  }

  private async sendMail(request: Request, mailbox: Mailbox): Promise<Response> {
    if (this.isMime(request)) {
      this.dispatch(mailbox, await this.insertMime(request, mailbox), true);
      return empty(202);
    }
    const body = await this.readJson(request);
    const message = body.message as JsonObject | undefined;
    if (!message) fail(400, 'ErrorInvalidRequest', 'message is required.');
    const headers = this.checkCustomHeaders(message!.internetMessageHeaders);
    const to = (message!.toRecipients as unknown[] | undefined) ?? [];
    if (to.length === 0) fail(400, 'ErrorInvalidRecipients', 'At least one recipient is not valid.');
    const m = this.insertMessage(mailbox, {
      folder: 'drafts',
      fields: { ...this.messageFields(message!), from: { emailAddress: { name: mailbox.name, address: mailbox.email } } },
      ...(typeof message!.internetMessageId === 'string' ? { internetMessageId: message!.internetMessageId } : {}),
      headers,
    });
    // sendMail starts a new conversation; nothing about the message is returned.
    this.dispatch(mailbox, m, body.saveToSentItems !== false);
    return empty(202);
  }

  private findOnlineMeeting(q: URLSearchParams, mailbox: Mailbox): Response {
    const filter = q.get('$filter');
    if (!filter) return fail(400, 'BadRequest', 'Filter on JoinWebUrl is required.');
    const conditions = parseEqFilter(filter);
    const joinUrl = conditions.joinweburl;
    if (joinUrl === undefined) return fail(400, 'BadRequest', 'Only JoinWebUrl filters are supported.');
    const value = [...mailbox.meetings.values()]
      .filter((m) => m.joinWebUrl === joinUrl)
      .map((m) => ({ id: m.id, joinWebUrl: m.joinWebUrl, subject: m.subject, startDateTime: m.startDateTime, endDateTime: m.endDateTime }));
    return json(200, { value });
  }

  // ---------------------------------------------------------------- $batch

  private async batch(request: Request, url: URL): Promise<Response> {
    let body: { requests?: { id?: string; method?: string; url?: string; headers?: Record<string, string>; body?: unknown; dependsOn?: string[] }[] };
    try {
      body = JSON.parse(await request.text()) as typeof body;
    } catch {
      return graphError(400, 'BadRequest', 'Invalid batch payload format.');
    }
    const requests = body.requests;
    if (!Array.isArray(requests) || requests.length === 0) return graphError(400, 'BadRequest', 'Invalid batch payload format.');
    if (requests.length > 20) return graphError(400, 'BadRequest', 'The number of batch requests exceeds 20.');
    const ids = new Set<string>();
    for (const r of requests) {
      const id = String(r.id ?? '').toLowerCase();
      if (!id || ids.has(id)) return graphError(400, 'BadRequest', 'Batch request ids must be unique.');
      ids.add(id);
      if (!r.method || !r.url) return graphError(400, 'BadRequest', 'Each batch request needs a method and a url.');
      if (r.body !== undefined && !Object.keys(r.headers ?? {}).some((h) => h.toLowerCase() === 'content-type')) {
        return graphError(400, 'BadRequest', 'Content-Type header is required when a body is present.');
      }
    }
    const results = new Map<string, { id: string; status: number; headers: Record<string, string>; body?: unknown }>();
    const auth = request.headers.get('authorization');
    const runOne = async (r: (typeof requests)[number]): Promise<void> => {
      const id = String(r.id);
      const failedDep = (r.dependsOn ?? []).find((dep) => (results.get(dep)?.status ?? 0) >= 400);
      if (failedDep) {
        results.set(id, { id, status: 424, headers: {}, body: { error: { code: 'FailedDependency', message: `Dependency ${failedDep} failed.` } } });
        return;
      }
      const rel = String(r.url).startsWith('/') ? String(r.url) : `/${String(r.url)}`;
      const headers = new Headers(r.headers ?? {});
      if (auth) headers.set('authorization', auth);
      const inner = new Request(`${url.origin}${GRAPH_PREFIX}${rel}`, {
        method: String(r.method).toUpperCase(),
        headers,
        ...(r.body !== undefined ? { body: typeof r.body === 'string' ? r.body : JSON.stringify(r.body) } : {}),
      });
      const res = await this.handle(inner);
      const resHeaders: Record<string, string> = {};
      res.headers.forEach((v, k) => (resHeaders[k] = v));
      const type = res.headers.get('content-type') ?? '';
      const buf = Buffer.from(await res.arrayBuffer());
      let resBody: unknown;
      if (buf.length === 0) resBody = undefined;
      else if (type.includes('json')) resBody = JSON.parse(buf.toString('utf8'));
      // Non-JSON bodies (e.g. $value MIME) come back base64-encoded inside the JSON batch response.
      else resBody = buf.toString('base64');
      results.set(id, { id, status: res.status, headers: resHeaders, ...(resBody !== undefined ? { body: resBody } : {}) });
    };
    const sequential = requests.some((r) => (r.dependsOn ?? []).length > 0);
    if (sequential) {
      for (const r of requests) await runOne(r);
    } else {
      // Independent requests run in parallel, at most four at once (the mailbox limit).
      const queue = [...requests];
      await Promise.all(
        Array.from({ length: Math.min(4, queue.length) }, async () => {
          for (let r = queue.shift(); r; r = queue.shift()) await runOne(r);
        }),
      );
    }
    // Responses come back in any order: reversed here so clients cannot rely on the order.
    return json(200, { responses: [...results.values()].reverse() });
  }
}
