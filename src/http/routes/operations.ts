import { Hono, type MiddlewareHandler } from 'hono';
import type { Runtime } from '../../app/runtime.js';
import type { AccountStore, CursorStore } from '../../ports/store.js';
import { secretsEqual } from '../../security/tokens.js';
import { runTick } from '../../worker/tick.js';
import { accountsPage } from '../pages.js';
import { TICK_TOKEN_ENV } from '../secret.js';
import { APP_CSS } from '../views.js';
import { canSee, render, requireRep, type AppEnv, type WebContext } from '../web.js';

/**
 * Running the service: the health check, the stylesheet, POST /tick for HTTP cron platforms (a
 * bearer token, no session) and the accounts page (each calendar and mailbox, its last sync and
 * what to do). Mounted before the session middleware, so only /accounts, which asks for it, has one.
 */
export function operationRoutes(
  web: WebContext<AccountStore & CursorStore>,
  input: { tick: Pick<Runtime, 'context'>; sessions: MiddlewareHandler<AppEnv> },
): Hono<AppEnv> {
  const { store, config, clock } = web;
  const app = new Hono<AppEnv>();

  app.get('/healthz', async (c) => {
    try {
      await store.listAccounts();
      return c.json({ ok: true });
    } catch (err) {
      return c.json({ ok: false, error: (err as Error).message }, 503);
    }
  });

  app.get('/assets/app.css', (c) => {
    c.header('Cache-Control', 'public, max-age=3600');
    return c.body(APP_CSS, 200, { 'Content-Type': 'text/css; charset=utf-8' });
  });

  // For HTTP cron platforms: one tick, authorised by a bearer token (no session, no CSRF).
  app.post('/tick', async (c) => {
    const expected = config.env.get(TICK_TOKEN_ENV)?.trim();
    if (!expected) return c.text(`POST /tick is off: set ${TICK_TOKEN_ENV} to a long random value to enable it.\n`, 404);
    const given = /^Bearer\s+(.+)$/i.exec(c.req.header('authorization') ?? '')?.[1]?.trim() ?? '';
    if (!given || !secretsEqual(given, expected)) {
      return c.text(`Refused: send "Authorization: Bearer <${TICK_TOKEN_ENV}>".\n`, 401, { 'WWW-Authenticate': 'Bearer' });
    }
    const summary = await runTick(await input.tick.context(clock()));
    return c.json({
      skipped: summary.skippedBecause,
      drafted: summary.drafted.length,
      sent: summary.sent.length,
      booked: summary.booked.length,
      problems: summary.problems,
      alerts: summary.alerts,
    });
  });

  app.get('/accounts', input.sessions, requireRep, async (c) => {
    const viewer = c.var.rep!;
    const visible = config.accounts.filter((a) => canSee(viewer, a.id));
    const rows = [];
    for (const a of visible) {
      rows.push({ config: a, account: await store.getAccount(a.id), cursors: await store.listCursors(a.id) });
    }
    return render(c, accountsPage({ viewer, csrf: c.var.csrf, now: clock(), rows, staleAfterMinutes: config.sync.staleAfterMinutes }));
  });

  return app;
}
