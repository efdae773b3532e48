import { randomBytes } from 'node:crypto';
import { googleError } from './http-util.js';
import { EmulatorSigner, JWKS_PATH } from './oidc.js';
import { readJson, requireUser, type Route, type RouteContext } from './routes.js';
import type { EmulatedCalendar, EmulatedUser, GoogleEmulatorState, Mailbox } from './state.js';

/**
 * Google push (provider-apis.md §1.7, §2.6), delivered over real HTTP:
 * - Calendar `events.watch` / `channels.stop`: a channel on a calendar gets a `sync` message when
 *   made, then `exists` on every change, as a POST with no body and the X-Goog-* headers.
 * - Gmail `users.watch` / `users.stop`: each change of a watched mailbox (filtered by labelIds) is
 *   published to the watch's topic; a topic's push subscription (`pubsubPush(topic, url)`, the
 *   emulator's stand-in for the Cloud console) POSTs the Pub/Sub push JSON to its endpoint. A
 *   successful watch publishes once at once. A subscription with an OIDC token
 *   (`pubsubPush(topic, url, {serviceAccountEmail, audience?})`, as `--push-auth-service-account`)
 *   sends `Authorization: Bearer <JWT>` signed by the emulator's key, whose JWKS is served at
 *   GET /oauth2/v3/certs; the audience defaults to the push endpoint, as Pub/Sub's does.
 * Delivery faults like the Graph emulator's: drop the next N, send each twice, hold and reverse.
 */

export interface GoogleChannel {
  id: string;
  resourceId: string;
  calendarId: string;
  address: string;
  token: string | null;
  expiration: number;
  messageNumber: number;
}

export interface GmailWatch {
  email: string;
  topicName: string;
  labelIds: string[];
  exclude: boolean;
  expiration: number;
}

export interface PubsubOidcToken {
  serviceAccountEmail: string;
  audience: string;
}

export interface GooglePushFaults {
  dropNext: number;
  duplicate: boolean;
  /** Notifications are held until flush() and then sent newest first. */
  reorder: boolean;
}

export interface GooglePushDelivery {
  kind: 'calendar' | 'gmail';
  /** Channel id (calendar) or topic (gmail). */
  target: string;
  url: string;
  status: number | 'dropped' | 'undelivered';
  /** Calendar: X-Goog-Resource-State (sync, exists); gmail: the historyId published. */
  note: string;
}

interface Outgoing {
  kind: 'calendar' | 'gmail';
  target: string;
  note: string;
  url: string;
  headers: Record<string, string>;
  body: string | null;
}

const DEFAULT_TTL_S = 604_800;
const GMAIL_WATCH_MS = 7 * 24 * 3600_000;
const DELIVERY_TIMEOUT_MS = 10_000;

export class GooglePush {
  readonly channels = new Map<string, GoogleChannel>();
  readonly gmailWatches = new Map<string, GmailWatch>();
  /** Pub/Sub push subscriptions: topic → push endpoint. */
  readonly pubsub = new Map<string, string>();
  /** Authenticated push: topic → the OIDC token's service account and audience. */
  readonly pubsubOidc = new Map<string, PubsubOidcToken>();
  /** Signs the pushes' OIDC tokens; its JWKS is at GET /oauth2/v3/certs. */
  readonly signer = new EmulatorSigner();
  readonly faults: GooglePushFaults = { dropNext: 0, duplicate: false, reorder: false };
  readonly deliveries: GooglePushDelivery[] = [];
  readonly counts = { sent: 0, delivered: 0, failed: 0, dropped: 0, duplicated: 0, reordered: 0, undelivered: 0 };
  private held: Outgoing[] = [];
  private readonly pending = new Set<Promise<void>>();

  constructor(
    private readonly state: GoogleEmulatorState,
    private readonly now: () => Date,
  ) {}

  /** Registers the push subscription of a topic (what `gcloud pubsub subscriptions create --push-endpoint` does). */
  pubsubPush(topicName: string, pushEndpoint: string, oidcToken?: { serviceAccountEmail: string; audience?: string }): void {
    this.pubsub.set(topicName, pushEndpoint);
    if (oidcToken) this.pubsubOidc.set(topicName, { serviceAccountEmail: oidcToken.serviceAccountEmail, audience: oidcToken.audience || pushEndpoint });
    else this.pubsubOidc.delete(topicName);
  }

  watchEvents(ctx: RouteContext, cal: EmulatedCalendar, body: Record<string, unknown> | null): Response {
    const id = typeof body?.id === 'string' ? body.id : '';
    const address = typeof body?.address === 'string' ? body.address : '';
    if (!id || id.length > 64 || !/^[A-Za-z0-9\-_+/=]+$/.test(id)) return googleError(400, 'Invalid channel id: 1-64 characters from [A-Za-z0-9-_+/=].', { domain: 'global', reason: 'invalid' });
    if (body?.type !== 'web_hook') return googleError(400, 'Invalid channel type: use web_hook.', { domain: 'global', reason: 'invalid' });
    if (!/^https?:\/\//.test(address)) return googleError(400, 'WebHook callback must be HTTPS: ' + address, { domain: 'global', reason: 'push.webhookUrlNotHttps' });
    if (this.channels.has(id)) return googleError(400, `Channel id ${id} not unique`, { domain: 'global', reason: 'channelIdNotUnique' });
    const now = ctx.now().getTime();
    const params = (body.params ?? {}) as { ttl?: unknown };
    const ttlMs = Math.min(Number(params.ttl ?? DEFAULT_TTL_S) || DEFAULT_TTL_S, DEFAULT_TTL_S) * 1000;
    const asked = Number(body.expiration);
    const expiration = Number.isFinite(asked) && asked > now ? Math.min(asked, now + ttlMs) : now + ttlMs;
    const channel: GoogleChannel = {
      id,
      resourceId: `res-${randomBytes(9).toString('base64url')}`,
      calendarId: cal.id,
      address,
      token: typeof body.token === 'string' ? body.token : null,
      expiration,
      messageNumber: 0,
    };
    this.channels.set(id, channel);
    cal.onChange = () => this.calendarChanged(cal);
    this.sendChannel(channel, 'sync');
    return Response.json({
      kind: 'api#channel',
      id,
      resourceId: channel.resourceId,
      resourceUri: `https://www.googleapis.com/calendar/v3/calendars/${encodeURIComponent(cal.id)}/events?alt=json`,
      ...(channel.token !== null ? { token: channel.token } : {}),
      expiration: String(expiration),
    });
  }

  stopChannel(body: Record<string, unknown> | null): Response {
    const channel = this.channels.get(String(body?.id ?? ''));
    if (!channel || channel.resourceId !== body?.resourceId) return googleError(404, `Channel '${String(body?.id ?? '')}' not found for project`, { domain: 'global', reason: 'notFound' });
    this.channels.delete(channel.id);
    return new Response(null, { status: 204 });
  }

  watchGmail(user: EmulatedUser, body: Record<string, unknown> | null): Response {
    const topicName = typeof body?.topicName === 'string' ? body.topicName : '';
    if (!/^projects\/[^/]+\/topics\/[^/]+$/.test(topicName)) return googleError(400, `Invalid topicName does not match projects/SOME-PROJECT/topics/SOME-TOPIC`, { domain: 'global', reason: 'invalidArgument' });
    const labelIds = Array.isArray(body?.labelIds) ? body.labelIds.map(String) : [];
    const behaviour = String(body?.labelFilterBehavior ?? body?.labelFilterAction ?? 'include');
    const watch: GmailWatch = { email: user.email, topicName, labelIds, exclude: behaviour === 'exclude', expiration: this.now().getTime() + GMAIL_WATCH_MS };
    this.gmailWatches.set(user.email, watch);
    user.mailbox.onHistory = (historyId, labels) => this.mailboxChanged(user.mailbox, historyId, labels);
    this.publish(watch, user.mailbox.historyId);
    return Response.json({ historyId: String(user.mailbox.historyId), expiration: String(watch.expiration) });
  }

  stopGmail(user: EmulatedUser): Response {
    this.gmailWatches.delete(user.email);
    return new Response(null, { status: 204 });
  }

  /** Sends what reordering held back, newest first. */
  flush(): void {
    const held = this.held.reverse();
    this.held = [];
    for (const h of held) this.post(h);
  }

  /** Resolves when every delivery started so far has been answered. */
  async settled(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }

  stats(): GooglePush['counts'] & { channels: number; gmailWatches: number } {
    return { ...this.counts, channels: this.channels.size, gmailWatches: this.gmailWatches.size };
  }

  private calendarChanged(cal: EmulatedCalendar): void {
    const now = this.now().getTime();
    for (const ch of this.channels.values()) if (ch.calendarId === cal.id && ch.expiration > now) this.sendChannel(ch, 'exists');
  }

  private mailboxChanged(box: Mailbox, historyId: number, labels: string[]): void {
    const watch = this.gmailWatches.get(box.email);
    if (!watch || watch.expiration <= this.now().getTime()) return;
    if (watch.labelIds.length > 0) {
      const hit = labels.some((l) => watch.labelIds.includes(l));
      if (hit === watch.exclude) return;
    }
    this.publish(watch, historyId);
  }

  private sendChannel(ch: GoogleChannel, state: 'sync' | 'exists' | 'not_exists'): void {
    ch.messageNumber += 1;
    this.enqueue({
      kind: 'calendar',
      target: ch.id,
      note: state,
      url: ch.address,
      body: null,
      headers: {
        'X-Goog-Channel-ID': ch.id,
        'X-Goog-Message-Number': String(ch.messageNumber),
        'X-Goog-Resource-ID': ch.resourceId,
        'X-Goog-Resource-State': state,
        'X-Goog-Resource-URI': `https://www.googleapis.com/calendar/v3/calendars/${encodeURIComponent(ch.calendarId)}/events?alt=json`,
        'X-Goog-Channel-Expiration': new Date(ch.expiration).toUTCString(),
        ...(ch.token !== null ? { 'X-Goog-Channel-Token': ch.token } : {}),
      },
    });
  }

  private publish(watch: GmailWatch, historyId: number): void {
    const url = this.pubsub.get(watch.topicName);
    if (!url) {
      this.counts.undelivered += 1;
      this.deliveries.push({ kind: 'gmail', target: watch.topicName, url: '', status: 'undelivered', note: String(historyId) });
      return;
    }
    const data = Buffer.from(JSON.stringify({ emailAddress: watch.email, historyId })).toString('base64');
    const messageId = String(this.state.counter++);
    const oidc = this.pubsubOidc.get(watch.topicName);
    const auth: Record<string, string> = oidc ? { authorization: `Bearer ${this.signer.pushToken({ ...oidc, nowMs: this.now().getTime() })}` } : {};
    this.enqueue({
      kind: 'gmail',
      target: watch.topicName,
      note: String(historyId),
      url,
      headers: { 'content-type': 'application/json', ...auth },
      body: JSON.stringify({ message: { data, messageId, message_id: messageId, publishTime: this.now().toISOString() }, subscription: watch.topicName.replace('/topics/', '/subscriptions/') + '-push' }),
    });
  }

  private enqueue(out: Outgoing): void {
    if (this.faults.dropNext > 0) {
      this.faults.dropNext -= 1;
      this.counts.dropped += 1;
      this.deliveries.push({ kind: out.kind, target: out.target, url: out.url, status: 'dropped', note: out.note });
      return;
    }
    if (this.faults.reorder) {
      this.counts.reordered += 1;
      this.held.push(out);
      return;
    }
    this.post(out);
    if (this.faults.duplicate) {
      this.counts.duplicated += 1;
      this.post(out);
    }
  }

  private post(out: Outgoing): void {
    this.counts.sent += 1;
    const p = fetch(out.url, { method: 'POST', headers: out.headers, ...(out.body !== null ? { body: out.body } : {}), signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS) })
      .then(async (r) => {
        await r.arrayBuffer().catch(() => undefined);
        if (r.status >= 200 && r.status < 300) this.counts.delivered += 1;
        else this.counts.failed += 1;
        this.deliveries.push({ kind: out.kind, target: out.target, url: out.url, status: r.status, note: out.note });
      })
      .catch(() => {
        this.counts.failed += 1;
        this.deliveries.push({ kind: out.kind, target: out.target, url: out.url, status: 0, note: out.note });
      })
      .finally(() => this.pending.delete(p));
    this.pending.add(p);
  }
}

const push = (state: GoogleEmulatorState): GooglePush => {
  if (!state.push) throw new Error('emulator: no GooglePush on this state (createGoogleEmulator sets one)');
  return state.push;
};

/** The watch routes; the GooglePush is the state's (one per emulator). */
export function googlePushRoutes(): Route[] {
  const calendarOf = (ctx: RouteContext): EmulatedCalendar | null => {
    const user = requireUser(ctx);
    const raw = decodeURIComponent(ctx.params.calendarId ?? '');
    const cal = ctx.state.calendars.get(raw === 'primary' ? user.email : raw.toLowerCase());
    return cal && cal.owner === user.email ? cal : null;
  };
  const notFound = () => googleError(404, 'Not Found', { domain: 'global', reason: 'notFound' });
  const userOf = (ctx: RouteContext): EmulatedUser | null => {
    const user = requireUser(ctx);
    const asked = decodeURIComponent(ctx.params.userId ?? '');
    return asked === 'me' || asked.toLowerCase() === user.email ? user : null;
  };
  return [
    { method: 'get', path: JWKS_PATH, auth: false, api: false, handle: (ctx) => push(ctx.state).signer.jwksResponse() },
    {
      method: 'post',
      path: '/calendar/v3/calendars/:calendarId/events/watch',
      auth: true,
      api: true,
      handle: async (ctx) => {
        const cal = calendarOf(ctx);
        return cal ? push(ctx.state).watchEvents(ctx, cal, await readJson<Record<string, unknown>>(ctx.request)) : notFound();
      },
    },
    { method: 'post', path: '/calendar/v3/channels/stop', auth: true, api: true, handle: async (ctx) => push(ctx.state).stopChannel(await readJson<Record<string, unknown>>(ctx.request)) },
    {
      method: 'post',
      path: '/gmail/v1/users/:userId/watch',
      auth: true,
      api: true,
      handle: async (ctx) => {
        const user = userOf(ctx);
        return user ? push(ctx.state).watchGmail(user, await readJson<Record<string, unknown>>(ctx.request)) : googleError(403, 'Delegation denied', { domain: 'global', reason: 'forbidden' });
      },
    },
    {
      method: 'post',
      path: '/gmail/v1/users/:userId/stop',
      auth: true,
      api: true,
      handle: (ctx) => {
        const user = userOf(ctx);
        return user ? push(ctx.state).stopGmail(user) : googleError(403, 'Delegation denied', { domain: 'global', reason: 'forbidden' });
      },
    },
  ];
}
