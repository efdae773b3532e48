import { getResponse } from 'msw';
import { createGoogleEmulator, type GoogleEmulator, type GoogleEmulatorOptions } from '../google/emulator.js';
import { googleError, errors } from '../google/http-util.js';
import { createGraphEmulator, type GraphEmulator, type GraphEmulatorOptions } from '../microsoft/index.js';
import { graphError } from '../microsoft/graph-http.js';

/**
 * What the controlled server needs from one emulator family: answer a request, answer an
 * injected status in the family's own error shape, tell whose request it is, expire cursors,
 * and describe its state (sent messages, calendar events) per mailbox.
 */
export interface MailboxSnapshot {
  mailbox: string;
  sent: { messageId: string; to: string[]; subject: string }[];
  events: { id: string; iCalUID: string | null; start: string | null; attendees: string[] }[];
}

export interface EmulatorFamily {
  name: 'google' | 'microsoft';
  dispatch(request: Request): Promise<Response | null>;
  faultAnswer(status: number, retryAfterSeconds?: number): Response;
  mailboxOf(request: Request, path: string): string | null;
  /** Expires the sync cursors of one mailbox (or of all when null). */
  expireCursors(mailbox: string | null): void;
  snapshot(): MailboxSnapshot[];
  /** Push notifications sent, delivered, dropped, duplicated, reordered (GET /__emulator/stats, `push`). */
  pushStats?(): Record<string, number>;
  /** Google: the push subscription of a Pub/Sub topic (POST /__emulator/pubsub). */
  pubsubPush?(topic: string, pushEndpoint: string, oidcToken?: { serviceAccountEmail: string; audience?: string }): void;
  /**
   * Families that bundle requests (Graph `$batch`) hand each inner request to `hook` with the way
   * to answer it, so fault rules reach the requests inside a batch. Absent: no bundling.
   */
  onInnerRequest?(hook: ((inner: Request, next: (inner: Request) => Promise<Response>) => Promise<Response>) | null): void;
}

function bearer(request: Request): string | null {
  const m = /^Bearer\s+(.+)$/i.exec(request.headers.get('authorization') ?? '');
  return m ? m[1]!.trim() : null;
}

function header(raw: string, name: string): string {
  const head = raw.split(/\r?\n\r?\n/, 1)[0] ?? '';
  const unfolded = head.replace(/\r?\n[ \t]+/g, ' ');
  const m = new RegExp(`^${name}:[ \\t]*(.*)$`, 'im').exec(unfolded);
  return m ? m[1]!.trim() : '';
}

function addresses(value: string): string[] {
  return [...value.matchAll(/[^\s<>,";]+@[^\s<>,";]+/g)].map((m) => m[0].toLowerCase());
}

function retryHeaders(retryAfterSeconds?: number): Record<string, string> {
  return retryAfterSeconds !== undefined ? { 'Retry-After': String(retryAfterSeconds) } : {};
}

export function googleFamily(options: GoogleEmulatorOptions = {}): EmulatorFamily & { emulator: GoogleEmulator } {
  const emulator = createGoogleEmulator(options);
  const { state, control } = emulator;
  return {
    name: 'google',
    emulator,
    pushStats: () => emulator.push.stats(),
    pubsubPush: (topic, pushEndpoint, oidcToken) => emulator.push.pubsubPush(topic, pushEndpoint, oidcToken),
    dispatch: (request) => getResponse(emulator.handlers, request).then((r) => r ?? null),
    faultAnswer: (status, retryAfterSeconds) =>
      status === 429
        ? errors.rateLimited(429, 'rateLimitExceeded', retryAfterSeconds)
        : googleError(status, 'Backend Error', { domain: 'global', reason: 'backendError' }, retryHeaders(retryAfterSeconds)),
    mailboxOf: (request) => {
      const token = bearer(request);
      return (token && state.oauth.accessTokens.get(token)?.email) || null;
    },
    expireCursors: (mailbox) => {
      control.expireSyncTokens(mailbox ?? undefined);
      control.expireHistory(mailbox ?? undefined);
    },
    snapshot: () =>
      [...state.users.values()].map((user) => ({
        mailbox: user.email,
        sent: [...user.mailbox.messages.values()]
          .filter((m) => m.labelIds.includes('SENT'))
          .map((m) => ({ messageId: m.messageId, to: addresses(`${header(m.raw, 'To')}, ${header(m.raw, 'Cc')}`), subject: header(m.raw, 'Subject') })),
        events: [...user.calendar.entries.values()]
          .filter((e) => !e.deleted)
          .map(({ event }) => ({
            id: event.id ?? '',
            iCalUID: event.iCalUID ?? null,
            start: event.start?.dateTime ?? event.start?.date ?? null,
            attendees: (event.attendees ?? []).map((a) => (a.email ?? '').toLowerCase()),
          })),
      })),
  };
}

/** The Graph emulator matches absolute URLs, so it is made once the server's address is known. */
export function graphFamily(url: string, options: Omit<GraphEmulatorOptions, 'graphBaseUrl' | 'authorityHost'> = {}): EmulatorFamily & { emulator: GraphEmulator } {
  const emulator = createGraphEmulator({ ...options, graphBaseUrl: url, authorityHost: url });
  const { state, control } = emulator;
  const recipients = (data: Record<string, unknown>, key: string): string[] =>
    ((data[key] as { emailAddress?: { address?: string } }[] | undefined) ?? []).map((r) => (r.emailAddress?.address ?? '').toLowerCase());
  return {
    name: 'microsoft',
    emulator,
    pushStats: () => {
      const d = emulator.router.push.deliveries;
      return { sent: d.filter((x) => x.status !== 'dropped').length, delivered: d.filter((x) => typeof x.status === 'number' && x.status >= 200 && x.status < 300).length, dropped: d.filter((x) => x.status === 'dropped').length, subscriptions: emulator.router.push.subscriptions.size };
    },
    dispatch: (request) => getResponse(emulator.handlers, request).then((r) => r ?? null),
    onInnerRequest: (hook) => {
      emulator.router.batchInner = hook;
    },
    faultAnswer: (status, retryAfterSeconds) => {
      const headers = retryHeaders(retryAfterSeconds);
      if (status === 429) return graphError(429, 'TooManyRequests', 'Please retry again later.', headers);
      if (status === 503) return graphError(503, 'serviceNotAvailable', 'Service Unavailable', headers);
      if (status === 504) return graphError(504, 'GatewayTimeout', 'Gateway Timeout', headers);
      return graphError(status, 'generalException', 'An unspecified error has occurred.', headers);
    },
    mailboxOf: (request, path) => {
      const m = /\/users\/([^/?]+)/i.exec(path);
      if (m) {
        const named = decodeURIComponent(m[1]!).toLowerCase();
        return state.findMailbox(named)?.email ?? named;
      }
      const token = bearer(request);
      const id = token ? state.accessTokens.get(token)?.mailboxId : null;
      return id ? (state.findMailbox(id)?.email ?? null) : null;
    },
    expireCursors: (mailbox) => {
      control.expireDeltaTokens(mailbox && state.findMailbox(mailbox) ? { email: mailbox, mode: '410' } : { mode: '410' });
    },
    snapshot: () =>
      [...state.mailboxes.values()].map((mb) => ({
        mailbox: mb.email,
        sent: control.messages(mb.email, 'sentitems').map((m) => ({
          messageId: m.internetMessageId,
          to: [...recipients(m.data, 'toRecipients'), ...recipients(m.data, 'ccRecipients')],
          subject: String(m.data.subject ?? ''),
        })),
        events: control.events(mb.email).map((e) => ({
          id: e.id,
          iCalUID: (e.data.iCalUId as string | undefined) ?? null,
          start: e.start.toISOString(),
          attendees: ((e.data.attendees as { emailAddress?: { address?: string } }[] | undefined) ?? []).map((a) => (a.emailAddress?.address ?? '').toLowerCase()),
        })),
      })),
  };
}
