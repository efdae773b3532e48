import { Hono } from 'hono';
import type { CursorStore } from '../../ports/store.js';
import { clientStateMatches, pushClientState, PUBSUB_TOKEN_ENV } from '../../security/push-secret.js';
import { bearerToken, GOOGLE_JWKS_URL, sharedJwks, verifyPushToken, type PushTokenCheck } from '../../security/google-oidc.js';
import { GMAIL_WATCH_RESOURCE } from '../../ports/providers.js';
import { accountsMarkedSyncSoon, markSyncSoon, PUSH_STATE_KEY, readPushState } from '../../worker/push.js';
import type { AppEnv, WebContext } from '../web.js';

/**
 * POST /push/microsoft: Graph change and lifecycle notifications (provider-apis.md §4.6).
 * - `?validationToken=…`: the handshake; echoed as text/plain, 200, at once.
 * - otherwise a `{value:[…]}` batch: each entry must carry this account's clientState (HMAC of the
 *   account id) and one of its known subscription ids, or it is ignored. A valid one only asks for
 *   that account's sync (`syncSoon`: the pg-boss singleton job on PostgreSQL, the "sync soon" mark
 *   on SQLite); duplicates collapse there. Answered 202 within Graph's 3 seconds: nothing slow here.
 * - lifecycle events: `reauthorizationRequired` and `subscriptionRemoved` make the next pass renew
 *   or recreate the subscription; all of them (and `missed`) ask for a sync.
 */
export interface PushSink {
  syncSoon(accountId: string, reason: string): Promise<void>;
}

export function storePushSink(store: CursorStore, clock: () => Date): PushSink {
  return { syncSoon: (accountId, reason) => markSyncSoon(store, accountId, clock(), reason) };
}

/**
 * PostgreSQL (`serve` as a job-engine worker): the mark (so the pass does not skip the provider
 * sync) and the account's sync job, whose pg-boss singleton key makes duplicates one job. The web
 * server answers before the engine has started: a notification in that window leaves only its
 * mark, and `attach` enqueues every marked account once the engine is there (marks left by an
 * earlier process too), so none waits for the next scheduled tick.
 */
export interface SyncEnqueuer {
  enqueueSync(accountId: string, reason: string): Promise<boolean>;
}

export function enginePushSink(store: CursorStore, accountIds: string[], clock: () => Date = () => new Date()): { sink: PushSink; attach(engine: SyncEnqueuer): Promise<string[]> } {
  let engine: SyncEnqueuer | null = null;
  return {
    sink: {
      async syncSoon(accountId, reason) {
        // The mark first, then the engine: an `attach` after this read finds the mark.
        await markSyncSoon(store, accountId, clock(), reason);
        await engine?.enqueueSync(accountId, reason);
      },
    },
    async attach(e) {
      engine = e;
      const due = await accountsMarkedSyncSoon(store, accountIds);
      for (const id of due) await e.enqueueSync(id, 'push notification from before the worker started');
      return due;
    },
  };
}

interface Notification {
  subscriptionId?: unknown;
  clientState?: unknown;
  changeType?: unknown;
  lifecycleEvent?: unknown;
}

export function pushRoutes(web: WebContext<CursorStore & object>, sink: PushSink): Hono<AppEnv> {
  const { store, config, logger } = web;
  const app = new Hono<AppEnv>();
  const known = new Set(config.accounts.map((a) => a.id));

  app.post('/push/microsoft', async (c) => {
    const validationToken = c.req.query('validationToken');
    if (validationToken !== undefined) return c.text(validationToken, 200, { 'Content-Type': 'text/plain; charset=utf-8' });
    const accountId = c.req.query('account') ?? '';
    if (!known.has(accountId)) return c.text('unknown account', 202);
    let body: { value?: Notification[] };
    try {
      body = (await c.req.json()) as { value?: Notification[] };
    } catch {
      return c.text('the body is not JSON', 400);
    }
    let expected: string;
    try {
      expected = pushClientState(config.env.get, accountId);
    } catch {
      logger.warn({ account: accountId }, 'push notification ignored: FOLLOWUP_ENCRYPTION_KEY is not set, so its clientState cannot be checked');
      return c.text('not configured', 202);
    }
    const subs = await readPushState(store, accountId);
    let accepted = 0;
    let lifecycle: string | null = null;
    for (const n of Array.isArray(body.value) ? body.value : []) {
      if (!clientStateMatches(expected, n.clientState)) continue;
      if (!subs.some((s) => s.id === n.subscriptionId)) continue;
      accepted += 1;
      if (n.lifecycleEvent === 'reauthorizationRequired' || n.lifecycleEvent === 'subscriptionRemoved') lifecycle = n.lifecycleEvent;
      else if (typeof n.lifecycleEvent === 'string') lifecycle ??= n.lifecycleEvent;
    }
    if (accepted === 0) {
      logger.warn({ account: accountId }, 'push notification ignored: wrong clientState or an unknown subscription');
      return c.body(null, 202);
    }
    if (lifecycle === 'reauthorizationRequired' || lifecycle === 'subscriptionRemoved') {
      // The next pass renews (PATCH) an expired entry, and recreates one Graph no longer knows.
      const cursor = await store.getCursor(accountId, PUSH_STATE_KEY);
      if (cursor) {
        const aged = subs.map((s) => ({ resource: s.resource, id: s.id, expiresAt: new Date(0).toISOString() }));
        await store.saveCursor({ ...cursor, cursor: JSON.stringify(aged) });
      }
    }
    await sink.syncSoon(accountId, lifecycle ? `lifecycle ${lifecycle}` : 'change notification');
    return c.body(null, 202);
  });

  /**
   * POST /push/google/calendar?account=<id>: a Calendar watch channel's notification
   * (provider-apis.md §1.7): no body, X-Goog-* headers. The channel id must be one of the
   * account's live channels and X-Goog-Channel-Token its token (HMAC of the account id, compared in
   * constant time); otherwise ignored with a warning. `sync` (sent when a channel is made) is a
   * no-op; `exists`/`not_exists` ask for the account's sync. Answered 200 at once.
   */
  app.post('/push/google/calendar', async (c) => {
    const accountId = c.req.query('account') ?? '';
    const channelId = c.req.header('x-goog-channel-id') ?? '';
    const state = c.req.header('x-goog-resource-state') ?? '';
    if (!known.has(accountId)) {
      logger.warn({ account: accountId.slice(0, 80) }, 'google calendar notification ignored: unknown account');
      return c.body(null, 200);
    }
    let expected: string;
    try {
      expected = pushClientState(config.env.get, accountId);
    } catch {
      logger.warn({ account: accountId }, 'google calendar notification ignored: FOLLOWUP_ENCRYPTION_KEY is not set, so its channel token cannot be checked');
      return c.body(null, 200);
    }
    const tokenOk = clientStateMatches(expected, c.req.header('x-goog-channel-token'));
    // `sync` comes while events.watch is still answering, before the channel is stored: a no-op
    // whichever channel it names, so it is not checked further (and not logged as unknown).
    if (tokenOk && state === 'sync') return c.body(null, 200);
    const subs = await readPushState(store, accountId);
    if (!tokenOk || !subs.some((s) => s.id === channelId && s.resource.startsWith('calendars/'))) {
      logger.warn({ account: accountId, channel: channelId.slice(0, 80) }, 'google calendar notification ignored: wrong channel token or an unknown channel');
      return c.body(null, 200);
    }
    if (state === 'sync') return c.body(null, 200);
    await sink.syncSoon(accountId, `calendar ${state || 'notification'}`);
    return c.body(null, 200);
  });

  /**
   * POST /push/google/gmail?token=<secret>: a Pub/Sub push of a Gmail watch notification
   * (provider-apis.md §2.6): `{message:{data: base64({emailAddress, historyId}), messageId,
   * publishTime}, subscription}`. The push subscription's URL carries FOLLOWUP_PUBSUB_TOKEN
   * (compared in constant time): without it, 403 and nothing else. With push.gmailAudience set,
   * the OIDC token Pub/Sub sends (`Authorization: Bearer`, see security/google-oidc.ts) must also
   * be valid: 401 otherwise (503 while Google's keys cannot be read). Either check alone is
   * enough to take pushes; with both set, both must pass. A valid message asks for the
   * sync of the account with that address, if it has a Gmail watch; anything else is acked (204)
   * and ignored with a warning, so Pub/Sub does not redeliver it for days.
   */
  const audience = config.push.gmailAudience;
  const jwks = audience ? sharedJwks(config.push.gmailJwksUrl ?? GOOGLE_JWKS_URL) : null;
  app.post('/push/google/gmail', async (c) => {
    const secret = config.env.get(PUBSUB_TOKEN_ENV)?.trim();
    if (!secret && !audience) {
      logger.warn(`gmail notification refused: neither ${PUBSUB_TOKEN_ENV} nor push.gmailAudience is set, so the push cannot be authenticated`);
      return c.text('not configured', 403);
    }
    if (secret && !clientStateMatches(secret, c.req.query('token'))) {
      logger.warn('gmail notification refused: wrong or missing ?token= (the Pub/Sub push subscription URL must carry it)');
      return c.text('forbidden', 403);
    }
    if (audience && jwks) {
      let check: PushTokenCheck;
      try {
        check = await verifyPushToken(bearerToken(c.req.header('authorization')), { audience, ...(config.push.gmailServiceAccount ? { serviceAccount: config.push.gmailServiceAccount } : {}) }, jwks);
      } catch (err) {
        // Google's keys could not be read: not the sender's fault; Pub/Sub retries a 5xx.
        logger.warn({ err: (err as Error).message }, 'gmail notification not checked: the JWKS cannot be read; Pub/Sub will retry');
        return c.text('cannot check the token now', 503);
      }
      if (!check.ok) {
        logger.warn({ reason: check.reason }, 'gmail notification refused: the Pub/Sub OIDC token is missing or not valid');
        return c.text('unauthorized', 401, { 'WWW-Authenticate': 'Bearer' });
      }
    }
    let email = '';
    try {
      const body = (await c.req.json()) as { message?: { data?: unknown } };
      const data = typeof body.message?.data === 'string' ? body.message.data : '';
      const decoded = JSON.parse(Buffer.from(data.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('utf8')) as { emailAddress?: unknown };
      email = typeof decoded.emailAddress === 'string' ? decoded.emailAddress.toLowerCase() : '';
    } catch {
      logger.warn('gmail notification ignored: the body is not a Pub/Sub push of a Gmail notification');
      return c.body(null, 204);
    }
    const account = config.accounts.find((a) => a.provider === 'google' && a.email.toLowerCase() === email);
    const subs = account ? await readPushState(store, account.id) : [];
    if (!account || !subs.some((s) => s.resource === GMAIL_WATCH_RESOURCE)) {
      logger.warn({ account: account?.id ?? null }, 'gmail notification ignored: no account with a Gmail watch has that address');
      return c.body(null, 204);
    }
    await sink.syncSoon(account.id, 'gmail notification');
    return c.body(null, 204);
  });
  return app;
}
