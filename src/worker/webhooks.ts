import { createHmac } from 'node:crypto';
import { WEBHOOK_MAX_ATTEMPTS, webhookRetryDelayMs, type WebhookEventType } from '../domain/webhook-events.js';
import type { OpsStore, ProspectStore, WebhookDelivery } from '../ports/store.js';
import type { TickSummary } from './context.js';
import { describeError } from './error-policy.js';

export interface WebhookEndpoint {
  url: string;
  /** HMAC-SHA256 key; null when its environment variable is not set (the endpoint is skipped and reported). */
  secret: string | null;
  secretEnv: string;
  /** Event types sent there; empty: all. */
  events: readonly WebhookEventType[];
}

export interface WebhookSettings {
  endpoints: readonly WebhookEndpoint[];
  /** The HTTP client (tests may pass their own; default: global fetch). */
  fetch?: typeof fetch;
  /** Per request, milliseconds. */
  timeoutMs?: number;
}

/** Events delivered per tick at most (the rest wait for the next one). */
const BATCH = 100;
const DEFAULT_TIMEOUT_MS = 10_000;

/**
 * `X-Followup-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`. A receiver
 * recomputes it with the shared secret, compares in constant time and refuses old timestamps.
 */
export function signWebhook(secret: string, body: string, unixSeconds: number): string {
  const mac = createHmac('sha256', secret).update(`${unixSeconds}.${body}`).digest('hex');
  return `t=${unixSeconds},v1=${mac}`;
}

export function webhookBody(d: WebhookDelivery, prospectEmail: string | null): string {
  return JSON.stringify({
    id: d.id,
    type: d.type,
    occurredAt: d.occurredAt.toISOString(),
    accountId: d.accountId,
    prospect: { id: d.prospectId, email: prospectEmail },
    detail: d.detail,
    refId: d.refId,
  });
}

/**
 * Delivers due webhook events to every endpoint that wants them. An event is done when every such
 * endpoint answered 2xx; a failure is retried later (1, 2, 4 … minutes, at most 6 hours), only to
 * the endpoints that have not answered yet, with the same event id (receivers de-duplicate on it).
 * After WEBHOOK_MAX_ATTEMPTS failures the event is given up and the rep told.
 */
export async function deliverWebhooks(
  ctx: { store: Pick<OpsStore, 'listWebhooksDue' | 'updateWebhook' | 'discardPendingWebhooks'> & Pick<ProspectStore, 'getProspect'>; now: Date; deadlineMs?: number },
  settings: WebhookSettings | undefined,
  summary: TickSummary,
): Promise<void> {
  const endpoints = settings?.endpoints ?? [];
  if (endpoints.length === 0) {
    await ctx.store.discardPendingWebhooks();
    return;
  }
  for (const e of endpoints) {
    if (!e.secret) summary.problems.push({ where: 'webhooks', message: `${e.url}: no signing secret; set ${e.secretEnv} (events for it wait until then).` });
  }
  const doFetch = settings?.fetch ?? fetch;
  const due = await ctx.store.listWebhooksDue(ctx.now, BATCH);
  for (const d of due) {
    if (ctx.deadlineMs !== undefined && Date.now() > ctx.deadlineMs) break;
    const wanted = endpoints.filter((e) => e.events.length === 0 || e.events.includes(d.type));
    const prospect = await ctx.store.getProspect(d.prospectId);
    const body = webhookBody(d, prospect?.email ?? null);
    const delivered = [...d.delivered];
    const errors: string[] = [];
    for (const e of wanted) {
      if (delivered.includes(e.url)) continue;
      if (!e.secret) {
        errors.push(`${e.url}: no secret`);
        continue;
      }
      try {
        const res = await doFetch(e.url, {
          method: 'POST',
          headers: {
            'Content-Type': 'application/json',
            'User-Agent': 'followup-webhooks/1',
            'X-Followup-Event': d.type,
            'X-Followup-Event-Id': d.id,
            'X-Followup-Signature': signWebhook(e.secret, body, Math.floor(Date.now() / 1000)),
          },
          body,
          signal: AbortSignal.timeout(settings?.timeoutMs ?? DEFAULT_TIMEOUT_MS),
        });
        if (res.ok) delivered.push(e.url);
        else errors.push(`${e.url}: HTTP ${res.status}`);
        await res.body?.cancel().catch(() => undefined);
      } catch (err) {
        errors.push(`${e.url}: ${describeError(err)}`);
      }
    }
    if (errors.length === 0) {
      await ctx.store.updateWebhook(d.id, { status: 'delivered', attempts: d.attempts + 1, nextAttemptAt: ctx.now, delivered, lastError: null });
      continue;
    }
    const attempts = d.attempts + 1;
    const givenUp = attempts >= WEBHOOK_MAX_ATTEMPTS;
    await ctx.store.updateWebhook(d.id, {
      status: givenUp ? 'failed' : 'pending',
      attempts,
      nextAttemptAt: new Date(ctx.now.getTime() + webhookRetryDelayMs(attempts)),
      delivered,
      lastError: errors.join('; '),
    });
    if (givenUp) summary.alerts.push(`Webhook ${d.type} ${d.id} could not be delivered after ${attempts} attempts (${errors.join('; ')}); it will not be retried.`);
  }
}
