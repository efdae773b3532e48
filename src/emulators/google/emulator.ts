import { http, type HttpHandler } from 'msw';
import { calendarRoutes, deleteEventIn, insertEventInto, patchEventIn } from './calendar.js';
import { sleep, takeFault, toActive, type ActiveFault, type FaultRule } from './faults.js';
import { addMessage, gmailRoutes, sendDraftIn } from './gmail.js';
import { bearerToken, errors } from './http-util.js';
import { meetRoutes } from './meet.js';
import { googlePushRoutes, GooglePush } from './push.js';
import { issueAccessToken, issueRefreshToken, oauthRoutes } from './oauth.js';
import type { Route, RouteContext } from './routes.js';
import {
  createState,
  ensureUser,
  type ConferenceRecord,
  type EmulatedCalendar,
  type EmulatedUser,
  type GAttendee,
  type GEvent,
  type GoogleEmulatorState,
  type MeetParticipant,
  type StoredMessage,
} from './state.js';

export interface GoogleEmulatorOptions {
  /** The emulator's clock (token expiry, internalDate, `updated`). */
  now?: () => Date;
  /** Delay before every API answer. */
  latencyMs?: number;
  faults?: FaultRule[];
  /** Per-user requests per second above which the emulator answers 403 userRateLimitExceeded. */
  userRateLimitPerSecond?: number;
  /** How long a `timeout` fault holds a request (default 30 s; the client's timeout fires first). */
  hangMs?: number;
  users?: { email: string; name?: string; timeZone?: string }[];
}

export interface GoogleEmulatorControl {
  addUser(input: { email: string; name?: string; timeZone?: string }): EmulatedUser;
  /** A refresh token for this user, as if the user had consented. */
  issueRefreshToken(email: string, scope?: string): string;
  issueAccessToken(email: string): string;
  /** Revokes every refresh token (and their access tokens) of a user: the next refresh gets invalid_grant. */
  revokeUser(email: string): void;
  /** Invalidates every sync token of a calendar (or of all calendars): the next incremental sync gets 410. */
  expireSyncTokens(calendarId?: string): void;
  /** Makes every stored history id too old: the next history.list gets 404. */
  expireHistory(email?: string): void;
  insertEvent(calendarId: string, event: Omit<GEvent, 'id'> & { id?: string }, options?: { conferenceDataVersion?: number }): GEvent;
  patchEvent(calendarId: string, eventId: string, patch: Partial<GEvent>): GEvent | null;
  deleteEvent(calendarId: string, eventId: string): void;
  /** An attendee answers the invitation. */
  setResponse(calendarId: string, eventId: string, attendeeEmail: string, status: NonNullable<GAttendee['responseStatus']>): void;
  /** A message arrives in the user's INBOX (threaded by References/In-Reply-To unless threadId is given). */
  deliverMessage(email: string, raw: string, input?: { threadId?: string; date?: Date; labelIds?: string[] }): StoredMessage;
  /** A message the user sent earlier (SENT label). */
  addSentMessage(email: string, raw: string, input?: { threadId?: string; date?: Date }): StoredMessage;
  /** The rep pressed Send on a draft in Gmail. */
  sendDraft(email: string, draftId: string): StoredMessage | null;
  /** Messages in a user's SENT label. */
  sent(email: string): StoredMessage[];
  drafts(email: string): { id: string; message: StoredMessage }[];
  addConferenceRecord(input: { meetingCode: string; startTime: Date; endTime?: Date | null; participants: MeetParticipant[] }): ConferenceRecord;
  injectFault(rule: FaultRule): ActiveFault;
  clearFaults(): void;
  faults(): ActiveFault[];
  calendar(idOrEmail: string): EmulatedCalendar;
}

export interface GoogleEmulator {
  handlers: HttpHandler[];
  state: GoogleEmulatorState;
  /** Watch channels, Gmail watches, Pub/Sub push endpoints, delivery faults and counts. */
  push: GooglePush;
  control: GoogleEmulatorControl;
  /** Same handlers in the order msw tries them (for the HTTP server). */
  routes: Route[];
  options: GoogleEmulatorOptions;
}

// The watch routes first: POST …/events/watch must not be read as an event id.
export const ALL_ROUTES: Route[] = [...oauthRoutes, ...googlePushRoutes(), ...calendarRoutes, ...gmailRoutes, ...meetRoutes];

export function createGoogleEmulator(options: GoogleEmulatorOptions = {}): GoogleEmulator {
  const state = createState();
  const now = options.now ?? (() => new Date());
  state.push = new GooglePush(state, now);
  let faults: ActiveFault[] = (options.faults ?? []).map(toActive);
  for (const u of options.users ?? []) ensureUser(state, u.email, u.name, u.timeZone);

  const authenticate = (request: Request): EmulatedUser | null => {
    const token = bearerToken(request);
    const record = token ? state.oauth.accessTokens.get(token) : undefined;
    if (!record || record.expiresAt <= now().getTime()) return null;
    if (record.refreshToken && state.oauth.refreshTokens.get(record.refreshToken)?.revoked) return null;
    return state.users.get(record.email) ?? null;
  };

  const overQuota = (user: EmulatedUser, at: number): boolean => {
    const limit = options.userRateLimitPerSecond;
    if (!limit) return false;
    let count = 0;
    for (let i = state.requests.length - 1; i >= 0; i--) {
      const r = state.requests[i]!;
      if (r.at <= at - 1000) break;
      if (r.user === user.email && r.status !== 403) count++;
    }
    return count >= limit;
  };

  const faultResponse = async (fault: ActiveFault, signal: AbortSignal | undefined): Promise<Response | null> => {
    if (fault.latencyMs) await sleep(fault.latencyMs, signal);
    if (fault.timeout) {
      await sleep(options.hangMs ?? 30_000, signal);
      return errors.backend(503);
    }
    if (!fault.status) return null;
    if (fault.status === 429) return errors.rateLimited(429, 'rateLimitExceeded', fault.retryAfterSeconds);
    if (fault.status === 403) {
      const reason = fault.reason === 'userRateLimitExceeded' ? 'userRateLimitExceeded' : 'rateLimitExceeded';
      return errors.rateLimited(403, reason, fault.retryAfterSeconds);
    }
    return errors.backend(fault.status);
  };

  /** The injected fault's answer for this request before (or, `after`, instead of) its own; null when none fires. */
  const injected = async (key: string, after: boolean, signal: AbortSignal | undefined): Promise<Response | null> => {
    const fault = takeFault(faults, key, after);
    return fault ? faultResponse(fault, signal) : null;
  };

  const dispatch = async (route: Route, request: Request, params: Record<string, string>): Promise<Response> => {
    const url = new URL(request.url);
    const key = `${route.method.toUpperCase()} ${url.pathname}`;
    const at = Date.now();
    let user: EmulatedUser | null = null;
    const log = (status: number) => state.requests.push({ at, method: route.method.toUpperCase(), path: url.pathname, user: user?.email ?? null, status });
    if (route.api && options.latencyMs) await sleep(options.latencyMs, request.signal);
    if (route.auth) {
      user = authenticate(request);
      if (!user) {
        log(401);
        return errors.unauthorized();
      }
    }
    if (route.api) {
      if (user && overQuota(user, at)) {
        log(403);
        return errors.rateLimited(403, 'userRateLimitExceeded');
      }
      const refused = await injected(key, false, request.signal);
      if (refused) {
        log(refused.status);
        return refused;
      }
    }
    const ctx: RouteContext = { request, url, params, user, state, now };
    const res = await route.handle(ctx);
    // A fault "after" the handler: the work is done, but the answer is lost on the way back.
    const answer = (route.api ? await injected(key, true, request.signal) : null) ?? res;
    log(answer.status);
    return answer;
  };

  const handlers = ALL_ROUTES.map((route) =>
    http[route.method](`*${route.path}`, ({ request, params }) =>
      dispatch(route, request, Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)]))),
    ),
  );

  const calendarOf = (idOrEmail: string): EmulatedCalendar => {
    const cal = state.calendars.get(idOrEmail.toLowerCase());
    if (!cal) throw new Error(`emulator: no calendar ${idOrEmail}; add the user first`);
    return cal;
  };
  const userOf = (email: string): EmulatedUser => {
    const u = state.users.get(email.toLowerCase());
    if (!u) throw new Error(`emulator: no user ${email}; add the user first`);
    return u;
  };

  const control: GoogleEmulatorControl = {
    addUser: (u) => ensureUser(state, u.email, u.name, u.timeZone),
    issueRefreshToken: (email, scope) => {
      userOf(email);
      return issueRefreshToken(state, email, scope);
    },
    issueAccessToken: (email) => issueAccessToken(state, userOf(email).email, null, now().getTime()),
    revokeUser: (email) => {
      for (const record of state.oauth.refreshTokens.values()) if (record.email === email.toLowerCase()) record.revoked = true;
      for (const [token, record] of state.oauth.accessTokens) if (record.email === email.toLowerCase()) state.oauth.accessTokens.delete(token);
    },
    expireSyncTokens: (calendarId) => {
      for (const cal of state.calendars.values()) if (!calendarId || cal.id === calendarId.toLowerCase()) cal.epoch += 1;
    },
    expireHistory: (email) => {
      for (const u of state.users.values()) {
        if (email && u.email !== email.toLowerCase()) continue;
        // Every id handed out so far becomes too old; ids from now on are valid.
        u.mailbox.historyId += 1;
        u.mailbox.minHistoryId = u.mailbox.historyId;
      }
    },
    insertEvent: (calendarId, event, opts) =>
      insertEventInto(state, calendarOf(calendarId), event as GEvent, { now: now(), conferenceDataVersion: opts?.conferenceDataVersion ?? (event.conferenceData ? 1 : 0) }),
    patchEvent: (calendarId, eventId, patch) => patchEventIn(state, calendarOf(calendarId), eventId, patch, now()),
    deleteEvent: (calendarId, eventId) => {
      deleteEventIn(state, calendarOf(calendarId), eventId, now());
    },
    setResponse: (calendarId, eventId, attendeeEmail, status) => {
      const cal = calendarOf(calendarId);
      const entry = cal.entries.get(eventId);
      if (!entry) throw new Error(`emulator: no event ${eventId}`);
      const attendees = (entry.event.attendees ?? []).map((a) =>
        a.email.toLowerCase() === attendeeEmail.toLowerCase() ? { ...a, responseStatus: status } : a,
      );
      patchEventIn(state, cal, eventId, { attendees }, now());
    },
    deliverMessage: (email, raw, input) =>
      addMessage(state, userOf(email).mailbox, {
        raw,
        labelIds: input?.labelIds ?? ['INBOX', 'UNREAD'],
        threadId: input?.threadId ?? null,
        byReferences: true,
        forceThread: Boolean(input?.threadId),
        internalDate: input?.date?.getTime(),
        now: now(),
      }),
    addSentMessage: (email, raw, input) =>
      addMessage(state, userOf(email).mailbox, {
        raw,
        labelIds: ['SENT'],
        threadId: input?.threadId ?? null,
        byReferences: true,
        forceThread: Boolean(input?.threadId),
        internalDate: input?.date?.getTime(),
        now: now(),
      }),
    sendDraft: (email, draftId) => sendDraftIn(state, userOf(email).mailbox, draftId, now()),
    sent: (email) => [...userOf(email).mailbox.messages.values()].filter((m) => m.labelIds.includes('SENT')),
    drafts: (email) => {
      const box = userOf(email).mailbox;
      return [...box.drafts.values()].map((d) => ({ id: d.id, message: box.messages.get(d.messageId)! }));
    },
    addConferenceRecord: (input) => {
      const id = `rec-${state.conferenceRecords.length + 1}-${input.meetingCode.replace(/-/g, '')}`;
      const name = `conferenceRecords/${id}`;
      const record: ConferenceRecord = {
        name,
        startTime: input.startTime.toISOString(),
        ...(input.endTime ? { endTime: input.endTime.toISOString(), expireTime: new Date(input.endTime.getTime() + 30 * 86_400_000).toISOString() } : {}),
        space: `spaces/${input.meetingCode.replace(/-/g, '')}`,
        meetingCode: input.meetingCode,
        participants: input.participants.map((p, i) => ({ ...p, name: `${name}/participants/p${i + 1}` })),
      };
      state.conferenceRecords.push(record);
      return record;
    },
    injectFault: (rule) => {
      const active = toActive(rule);
      faults.push(active);
      return active;
    },
    clearFaults: () => {
      faults = [];
    },
    faults: () => faults,
    calendar: calendarOf,
  };
  return { handlers, state, push: state.push, control, routes: ALL_ROUTES, options };
}
