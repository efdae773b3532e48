import { empty, fail, json, readJson } from './graph-http.js';
import { newId, type AccessToken, type GraphState, type JsonObject, type Mailbox } from './state.js';

/**
 * Graph change notifications (provider-apis.md §4.6): POST/PATCH/DELETE /subscriptions with the
 * validation handshake (a POST of `?validationToken=` to notificationUrl that must echo it as
 * text/plain within 10 s), then change notifications for new or updated messages and events, and
 * lifecycle notifications on demand. Delivery is over real HTTP with drops, duplicates and
 * reordering injectable (`push` knobs on the state).
 */

export interface StoredSubscription {
  id: string;
  mailboxId: string;
  /** 'messages' or 'events' (the resource's last segment). */
  kind: 'messages' | 'events';
  resource: string;
  changeType: string[];
  notificationUrl: string;
  lifecycleNotificationUrl: string | null;
  clientState: string | null;
  expirationDateTime: Date;
  clientId: string;
}

/** Injected delivery faults: drop the next N, send each notification twice, hold and reverse batches. */
export interface PushFaults {
  dropNext: number;
  duplicate: boolean;
  /** Notifications are held until flushPush() and then sent newest first. */
  reorder: boolean;
}

export const MAX_MINUTES = 10_080;
const MIN_MINUTES = 45;
const VALIDATION_TIMEOUT_MS = 10_000;

export class GraphPush {
  readonly subscriptions = new Map<string, StoredSubscription>();
  readonly faults: PushFaults = { dropNext: 0, duplicate: false, reorder: false };
  /** Every delivery attempt: url, subscription, status (0 = network error), or 'dropped'. */
  readonly deliveries: { subscriptionId: string; url: string; status: number | 'dropped'; body: JsonObject }[] = [];
  private held: { sub: StoredSubscription; body: JsonObject }[] = [];
  private readonly pending = new Set<Promise<void>>();

  constructor(private readonly state: GraphState) {}

  async create(request: Request, token: AccessToken): Promise<Response> {
    const body = await readJson(request);
    const mailbox = this.mailboxFor(token, String(body.resource ?? ''));
    const kind = /(^|\/)messages$/i.test(String(body.resource)) ? 'messages' : /(^|\/)events$/i.test(String(body.resource)) ? 'events' : null;
    if (!kind) return fail(400, 'InvalidRequest', `Unsupported resource '${String(body.resource)}': this emulator knows messages and events.`);
    const notificationUrl = String(body.notificationUrl ?? '');
    if (!/^https?:\/\//.test(notificationUrl)) return fail(400, 'InvalidRequest', 'notificationUrl must be an http(s) URL.');
    const clientState = typeof body.clientState === 'string' ? body.clientState : null;
    if (clientState && clientState.length > 128) return fail(400, 'InvalidRequest', 'clientState is longer than 128 characters.');
    const lifecycle = typeof body.lifecycleNotificationUrl === 'string' ? body.lifecycleNotificationUrl : null;
    for (const url of [notificationUrl, lifecycle]) {
      if (url && !(await validate(url))) return fail(400, 'ValidationError', `Subscription validation request failed. Notification endpoint ${url} must respond with 200 OK and the validation token in text/plain.`);
    }
    const sub: StoredSubscription = {
      id: newId('sub-', 12),
      mailboxId: mailbox.id,
      kind,
      resource: String(body.resource),
      changeType: String(body.changeType ?? 'created').split(','),
      notificationUrl,
      lifecycleNotificationUrl: lifecycle,
      clientState,
      expirationDateTime: clampExpiry(body.expirationDateTime),
      clientId: token.clientId,
    };
    this.subscriptions.set(sub.id, sub);
    return json(201, render(sub));
  }

  async patch(request: Request, id: string): Promise<Response> {
    const sub = this.get(id);
    const body = await readJson(request);
    sub.expirationDateTime = clampExpiry(body.expirationDateTime);
    return json(200, render(sub));
  }

  remove(id: string): Response {
    this.get(id);
    this.subscriptions.delete(id);
    return empty(204);
  }

  /** A change in a mailbox: one notification to every live subscription on that resource. */
  changed(mailbox: Mailbox, kind: 'messages' | 'events', itemId: string, changeType: 'created' | 'updated' | 'deleted'): void {
    const now = Date.now();
    for (const sub of this.subscriptions.values()) {
      if (sub.mailboxId !== mailbox.id || sub.kind !== kind || !sub.changeType.includes(changeType)) continue;
      if (sub.expirationDateTime.getTime() < now) continue;
      const entity = kind === 'messages' ? 'Messages' : 'Events';
      this.enqueue(sub, sub.notificationUrl, {
        value: [
          {
            id: newId('', 10),
            subscriptionId: sub.id,
            subscriptionExpirationDateTime: sub.expirationDateTime.toISOString(),
            clientState: sub.clientState,
            changeType,
            resource: `Users/${mailbox.id}/${entity}/${itemId}`,
            tenantId: 'emulated-tenant',
            resourceData: { '@odata.type': kind === 'messages' ? '#Microsoft.Graph.Message' : '#Microsoft.Graph.Event', '@odata.id': `Users/${mailbox.id}/${entity}/${itemId}`, id: itemId },
          },
        ],
      });
    }
  }

  /** Test hook: a lifecycle notification (reauthorizationRequired, subscriptionRemoved, missed). */
  lifecycle(subscriptionId: string, lifecycleEvent: 'reauthorizationRequired' | 'subscriptionRemoved' | 'missed'): void {
    const sub = this.get(subscriptionId);
    if (lifecycleEvent === 'subscriptionRemoved') this.subscriptions.delete(sub.id);
    this.enqueue(sub, sub.lifecycleNotificationUrl ?? sub.notificationUrl, {
      value: [{ subscriptionId: sub.id, subscriptionExpirationDateTime: sub.expirationDateTime.toISOString(), tenantId: 'emulated-tenant', clientState: sub.clientState, lifecycleEvent }],
    });
  }

  /** Sends what reordering held back, newest first. */
  flush(): void {
    const held = this.held.reverse();
    this.held = [];
    for (const h of held) this.post(h.sub, h.sub.notificationUrl, h.body);
  }

  /** Resolves when every delivery started so far has been answered. */
  async settled(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }

  private enqueue(sub: StoredSubscription, url: string, body: JsonObject): void {
    if (this.faults.dropNext > 0) {
      this.faults.dropNext -= 1;
      this.deliveries.push({ subscriptionId: sub.id, url, status: 'dropped', body });
      return;
    }
    if (this.faults.reorder) {
      this.held.push({ sub, body });
      return;
    }
    this.post(sub, url, body);
    if (this.faults.duplicate) this.post(sub, url, body);
  }

  private post(sub: StoredSubscription, url: string, body: JsonObject): void {
    const p = fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), signal: AbortSignal.timeout(VALIDATION_TIMEOUT_MS) })
      .then(async (r) => {
        await r.arrayBuffer().catch(() => undefined);
        this.deliveries.push({ subscriptionId: sub.id, url, status: r.status, body });
      })
      .catch(() => {
        this.deliveries.push({ subscriptionId: sub.id, url, status: 0, body });
      })
      .finally(() => this.pending.delete(p));
    this.pending.add(p);
  }

  private get(id: string): StoredSubscription {
    const sub = this.subscriptions.get(id);
    if (!sub) return fail(404, 'ResourceNotFound', `The object was not found: subscription ${id}.`);
    return sub;
  }

  private mailboxFor(token: AccessToken, resource: string): Mailbox {
    const m = /^\/?users\/([^/]+)\//i.exec(resource);
    const mailbox = m ? this.state.findMailbox(decodeURIComponent(m[1]!)) : token.mailboxId ? (this.state.mailboxes.get(token.mailboxId) ?? null) : null;
    if (!mailbox) return fail(400, 'InvalidRequest', `No mailbox for resource '${resource}'.`);
    if (token.mailboxId && token.mailboxId !== mailbox.id) fail(403, 'ErrorAccessDenied', 'Access is denied. Check credentials and try again.');
    return mailbox;
  }
}

function clampExpiry(value: unknown): Date {
  const now = Date.now();
  const asked = typeof value === 'string' ? Date.parse(value) : NaN;
  if (Number.isNaN(asked)) return fail(400, 'InvalidRequest', 'expirationDateTime is missing or not a date.');
  if (asked <= now) return fail(400, 'InvalidRequest', 'expirationDateTime is in the past.');
  return new Date(Math.min(Math.max(asked, now + MIN_MINUTES * 60_000), now + MAX_MINUTES * 60_000));
}

function render(sub: StoredSubscription): JsonObject {
  return {
    '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#subscriptions/$entity',
    id: sub.id,
    resource: sub.resource,
    applicationId: sub.clientId,
    changeType: sub.changeType.join(','),
    clientState: sub.clientState,
    notificationUrl: sub.notificationUrl,
    lifecycleNotificationUrl: sub.lifecycleNotificationUrl,
    expirationDateTime: sub.expirationDateTime.toISOString(),
    creatorId: sub.mailboxId,
  };
}

/** The handshake: the endpoint must echo the token, text/plain, 200, within 10 s. */
async function validate(url: string): Promise<boolean> {
  const token = `Validation: Testing client application reachability for subscription Request-Id: ${newId('', 8)}`;
  const sep = url.includes('?') ? '&' : '?';
  try {
    const r = await fetch(`${url}${sep}validationToken=${encodeURIComponent(token)}`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain; charset=utf-8' },
      signal: AbortSignal.timeout(VALIDATION_TIMEOUT_MS),
    });
    const text = await r.text();
    return r.status === 200 && (r.headers.get('content-type') ?? '').startsWith('text/plain') && text === token;
  } catch {
    return false;
  }
}
