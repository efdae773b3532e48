import { http, type RequestHandler } from 'msw';
import { parseRawEmail } from '../../mail/parse-mime.js';
import { GraphRouter, type FaultConfig, type FaultRule } from './graph-router.js';
import { GraphState, newId, type AttendanceRecordInput, type Mailbox, type StoredEvent, type StoredMessage, type SyncState } from './state.js';
import { TokenEndpoint } from './token-endpoint.js';

export { serveGraphEmulator, type ServedGraphEmulator } from './serve.js';
export { seedGraphEmulator } from './seed.js';
export type { FaultConfig, FaultRule } from './graph-router.js';
export type { GraphState, Mailbox, StoredEvent, StoredMessage } from './state.js';

/**
 * A stateful Microsoft Graph v1.0 emulator as msw handlers: events, calendarView delta,
 * getSchedule, mail folders and delta, createReply/send, sendMail, drafts, Teams attendance,
 * JSON $batch, and the identity platform's token endpoint. See README.md in
 * src/providers/microsoft for what is emulated and which behaviours are assumptions.
 */
export interface GraphEmulatorOptions {
  /** Where the Graph client is pointed (default https://graph.microsoft.com). */
  graphBaseUrl?: string;
  /** Where msal is pointed (default https://login.microsoftonline.com). */
  authorityHost?: string;
  mailboxes?: { email: string; name?: string; id?: string }[];
  faults?: FaultConfig;
  /** Graph's per-mailbox concurrency limit (4); beyond it: 429 ApplicationThrottled. */
  concurrencyLimit?: number;
  enforceConcurrencyLimit?: boolean;
  concurrencyRetryAfterSeconds?: number;
  /** Page size of delta rounds when the client sends no `Prefer: odata.maxpagesize`. */
  defaultPageSize?: number;
  clientSecrets?: Record<string, string>;
  /** Approve device-code sign-ins at once as this user (e-mail). */
  deviceCodeAutoApprove?: string | null;
  accessTokenTtlSeconds?: number;
}

export type DeltaExpiryMode = Exclude<SyncState['expired'], false>;

export interface GraphEmulatorControl {
  addMailbox(input: { email: string; name?: string; id?: string }): Mailbox;
  mailbox(email: string): Mailbox;
  /** A delegated access token for this user, without going through OAuth. */
  issueToken(email: string, ttlSeconds?: number): string;
  /** An app-only access token (client credentials). */
  issueAppToken(clientId?: string): string;
  /** Revokes the user's refresh tokens and access tokens (invalid_grant / 401 from now on). */
  revokeGrant(email: string): void;
  /** Expires the user's access tokens (the next call must refresh). */
  expireAccessTokens(email: string): void;
  approveDeviceCode(userCode: string, email: string): void;
  /** Makes every saved delta/skip token of the mailbox (or all) invalid, answered with `mode`. */
  expireDeltaTokens(input?: { email?: string; kind?: SyncState['kind']; mode?: DeltaExpiryMode }): number;
  setFaults(faults: FaultConfig): void;
  addFault(rule: FaultRule): void;
  clearFaults(): void;
  setConcurrencyLimit(input: { limit?: number; enforce?: boolean; retryAfterSeconds?: number }): void;
  /** Most concurrent requests ever seen for the mailbox. */
  maxConcurrency(email: string): number;
  requestCount(email: string): number;
  resetCounters(): void;
  /** An inbound message arrives in the user's inbox (a prospect's reply). Threads by In-Reply-To/References or threadKey. */
  deliverRaw(email: string, raw: string, input?: { threadKey?: string; folder?: 'inbox' | 'sentitems'; receivedAt?: Date }): Promise<StoredMessage>;
  /** An attendee answers an invitation (RSVP hook). */
  setAttendeeResponse(email: string, eventId: string, attendee: string, response: 'none' | 'accepted' | 'declined' | 'tentativelyAccepted' | 'notResponded'): void;
  updateEvent(email: string, eventId: string, patch: { start?: Date; end?: Date; subject?: string; isCancelled?: boolean }): void;
  deleteEvent(email: string, eventId: string): void;
  /** Adds a Teams attendance report to the online meeting of an event. */
  addAttendanceReport(email: string, eventId: string, records: AttendanceRecordInput[]): void;
  /** Messages in a folder (not deleted). */
  messages(email: string, folder: 'inbox' | 'drafts' | 'sentitems'): StoredMessage[];
  /** The RFC 5322 source of a stored message (what `$value` returns). */
  mime(message: StoredMessage): string;
  events(email: string): StoredEvent[];
}

export interface GraphEmulator {
  handlers: RequestHandler[];
  state: GraphState;
  control: GraphEmulatorControl;
  router: GraphRouter;
  tokens: TokenEndpoint;
  options: Required<Pick<GraphEmulatorOptions, 'graphBaseUrl' | 'authorityHost'>>;
}

export function createGraphEmulator(options: GraphEmulatorOptions = {}): GraphEmulator {
  const graphBaseUrl = (options.graphBaseUrl ?? 'https://graph.microsoft.com').replace(/\/$/, '');
  const authorityHost = (options.authorityHost ?? 'https://login.microsoftonline.com').replace(/\/$/, '');
  const state = new GraphState();
  for (const m of options.mailboxes ?? []) state.addMailbox(m);
  const router = new GraphRouter(state, {
    concurrencyLimit: options.concurrencyLimit ?? 4,
    enforceConcurrencyLimit: options.enforceConcurrencyLimit ?? true,
    concurrencyRetryAfterSeconds: options.concurrencyRetryAfterSeconds ?? 1,
    defaultPageSize: options.defaultPageSize ?? 50,
    faults: options.faults ?? {},
  });
  const tokens = new TokenEndpoint(state, {
    clientSecrets: options.clientSecrets ?? {},
    deviceCodeAutoApprove: options.deviceCodeAutoApprove ?? null,
    accessTokenTtlSeconds: options.accessTokenTtlSeconds ?? 3600,
  });

  const handlers: RequestHandler[] = [
    http.all(`${graphBaseUrl}/v1.0/*`, ({ request }) => router.handle(request)),
    http.all(`${authorityHost}/*`, ({ request }) => tokens.handle(request)),
  ];

  const mailbox = (email: string): Mailbox => {
    const m = state.findMailbox(email);
    if (!m) throw new Error(`graph emulator: no mailbox ${email}`);
    return m;
  };
  const event = (email: string, id: string): { mb: Mailbox; ev: StoredEvent } => {
    const mb = mailbox(email);
    const ev = mb.events.get(id);
    if (!ev || ev.deleted) throw new Error(`graph emulator: no event ${id} in ${email}`);
    return { mb, ev };
  };
  const threadKeys = new Map<string, string>();

  const control: GraphEmulatorControl = {
    addMailbox: (input) => state.addMailbox(input),
    mailbox,
    issueToken: (email, ttl) => state.issueAccessToken({ mailboxId: mailbox(email).id, clientId: 'emulator', ttlSeconds: ttl ?? 3600 }).token,
    issueAppToken: (clientId = 'emulator') => state.issueAccessToken({ mailboxId: null, clientId }).token,
    revokeGrant(email) {
      const id = mailbox(email).id;
      for (const g of state.refreshGrants.values()) if (g.mailboxId === id) g.revoked = true;
      for (const t of state.accessTokens.values()) if (t.mailboxId === id) t.revoked = true;
    },
    expireAccessTokens(email) {
      const id = mailbox(email).id;
      for (const t of state.accessTokens.values()) if (t.mailboxId === id) t.expiresAt = 0;
    },
    approveDeviceCode(userCode, email) {
      for (const c of state.deviceCodes.values()) if (c.userCode === userCode) c.approvedFor = email;
    },
    expireDeltaTokens(input = {}) {
      const id = input.email ? mailbox(input.email).id : null;
      let n = 0;
      const states = [...state.syncStates.values(), ...[...state.rounds.values()].map((r) => r.state)];
      for (const s of states) {
        if (id && s.mailboxId !== id) continue;
        if (input.kind && s.kind !== input.kind) continue;
        s.expired = input.mode ?? '410';
        n += 1;
      }
      return n;
    },
    setFaults(faults) {
      router.options.faults = faults;
      router.resetFaultCounters();
    },
    addFault(rule) {
      router.options.faults = { ...router.options.faults, rules: [...(router.options.faults.rules ?? []), rule] };
    },
    clearFaults() {
      router.options.faults = {};
      router.resetFaultCounters();
    },
    setConcurrencyLimit(input) {
      if (input.limit !== undefined) router.options.concurrencyLimit = input.limit;
      if (input.enforce !== undefined) router.options.enforceConcurrencyLimit = input.enforce;
      if (input.retryAfterSeconds !== undefined) router.options.concurrencyRetryAfterSeconds = input.retryAfterSeconds;
    },
    maxConcurrency: (email) => mailbox(email).maxInFlight,
    requestCount: (email) => mailbox(email).requestCount,
    resetCounters() {
      for (const m of state.mailboxes.values()) {
        m.maxInFlight = 0;
        m.requestCount = 0;
      }
      state.requestLog.length = 0;
    },
    async deliverRaw(email, raw, input = {}) {
      const mb = mailbox(email);
      const parsed = await parseRawEmail(raw, 'deliver');
      const folder = input.folder ?? 'inbox';
      const known = [parsed.inReplyTo, ...parsed.references].filter((x): x is string => Boolean(x));
      let conversationId: string | undefined;
      if (input.threadKey) conversationId = threadKeys.get(input.threadKey);
      if (!conversationId) {
        for (const m of mb.messages.values()) if (known.includes(m.internetMessageId)) conversationId = m.conversationId;
      }
      conversationId ??= newId('AAQkAG', 18);
      if (input.threadKey && !threadKeys.has(input.threadKey)) threadKeys.set(input.threadKey, conversationId);
      const when = (input.receivedAt ?? parsed.date).toISOString();
      const addr = (a: string) => ({ emailAddress: { address: a } });
      return router.insertMessage(mb, {
        folder,
        conversationId,
        internetMessageId: parsed.messageId ?? `<${newId('', 12)}@emulator.invalid>`,
        raw,
        fields: {
          subject: parsed.subject,
          body: parsed.html ? { contentType: 'html', content: parsed.html } : { contentType: 'text', content: parsed.text },
          from: { emailAddress: { name: parsed.from.name ?? undefined, address: parsed.from.email } },
          toRecipients: parsed.to.map(addr),
          receivedDateTime: when,
          sentDateTime: when,
          createdDateTime: when,
          isRead: folder !== 'inbox',
          isDraft: false,
        },
      });
    },
    setAttendeeResponse(email, eventId, attendee, response) {
      const { mb, ev } = event(email, eventId);
      const list = (ev.data.attendees as { emailAddress?: { address?: string }; status?: unknown }[]) ?? [];
      const a = list.find((x) => x.emailAddress?.address?.toLowerCase() === attendee.toLowerCase());
      if (!a) throw new Error(`graph emulator: ${attendee} is not an attendee of ${eventId}`);
      a.status = { response, time: new Date().toISOString() };
      ev.changedSeq = state.nextSeq(mb);
    },
    updateEvent(email, eventId, patch) {
      const { mb, ev } = event(email, eventId);
      if (patch.start) ev.start = patch.start;
      if (patch.end) ev.end = patch.end;
      if (patch.subject !== undefined) ev.data.subject = patch.subject;
      if (patch.isCancelled !== undefined) ev.data.isCancelled = patch.isCancelled;
      ev.data.lastModifiedDateTime = new Date().toISOString();
      ev.changedSeq = state.nextSeq(mb);
    },
    deleteEvent(email, eventId) {
      const { mb, ev } = event(email, eventId);
      ev.deleted = true;
      ev.changedSeq = state.nextSeq(mb);
    },
    addAttendanceReport(email, eventId, records) {
      const { mb, ev } = event(email, eventId);
      const joinUrl = (ev.data.onlineMeeting as { joinUrl?: string } | null)?.joinUrl;
      const meeting = [...mb.meetings.values()].find((m) => m.joinWebUrl === joinUrl);
      if (!meeting) throw new Error(`graph emulator: event ${eventId} is not an online meeting`);
      meeting.reports.push({ id: newId('rpt-', 9), meetingStartDateTime: ev.start.toISOString(), meetingEndDateTime: ev.end.toISOString(), records });
    },
    mime: (message) => message.raw ?? router.buildRaw(message),
    messages: (email, folder) => [...mailbox(email).messages.values()].filter((m) => !m.deleted && m.folder === folder),
    events: (email) => [...mailbox(email).events.values()].filter((e) => !e.deleted),
  };

  return { handlers, state, control, router, tokens, options: { graphBaseUrl, authorityHost } };
}
