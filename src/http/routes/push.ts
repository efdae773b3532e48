import { Hono } from 'hono';
import type { CursorStore } from '../../ports/store.js';
import { clientStateMatches, pushClientState } from '../../security/push-secret.js';
import { markSyncSoon, PUSH_STATE_KEY, readPushState } from '../../worker/push.js';
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
  return app;
}
