import { isPushKey } from '../../worker/push.js';
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { METRICS_TOKEN_ENV, metricsText, runObservedTick } from '../../app/metrics.js';
import type { Runtime } from '../../app/runtime.js';
import type { AccountStore, CursorStore, OpsStore, SessionStore } from '../../ports/store.js';
import { secretsEqual } from '../../security/tokens.js';
import { accountsPage } from '../pages.js';
import { CRON_SECRET_ENV, TICK_TOKEN_ENV } from '../secret.js';
import { APP_CSS } from '../views.js';
import { canSee, render, requireRep, type AppEnv, type WebContext } from '../web.js';

/**
 * Running the service: the health check, the stylesheet, POST /tick for HTTP cron platforms (a
 * bearer token, no session) and the accounts page (each calendar and mailbox, its last sync and
 * what to do). Mounted before the session middleware, so only /accounts, which asks for it, has one.
 */
export function operationRoutes(
  web: WebContext<AccountStore & CursorStore & Pick<OpsStore, 'statusCounts'> & Pick<SessionStore, 'listLiveSessions'>>,
  input: { tick: Pick<Runtime, 'context'>; sessions: MiddlewareHandler<AppEnv> },
): Hono<AppEnv> {
  const { store, config, clock } = web;
  const app = new Hono<AppEnv>();

  // Liveness: the process answers. Readiness: it reaches the store (a load balancer sends traffic
  // only then; a restart does not help when the database is down, so liveness does not ask it).
  app.get('/healthz', (c) => c.json({ ok: true }));
  app.get('/readyz', async (c) => {
    try {
      await store.listAccounts();
      return c.json({ ok: true, store: 'reachable' });
    } catch (err) {
      web.logger.warn({ err: (err as Error).message }, 'readiness: the store is not reachable');
      return c.json({ ok: false, store: 'unreachable', error: 'the store (database) did not answer; check DATABASE_URL or the SQLite path' }, 503);
    }
  });

  app.get('/metrics', async (c) => {
    const refusal = bearerRefusal(c.req.header('authorization'), [config.env.get(METRICS_TOKEN_ENV)], `GET /metrics is off: set ${METRICS_TOKEN_ENV} to a long random value and give it to Prometheus as a bearer token.`);
    if (refusal) return c.text(refusal.text, refusal.status, refusal.status === 401 ? { 'WWW-Authenticate': 'Bearer' } : {});
    return c.body(await metricsText(store, clock()), 200, { 'Content-Type': 'text/plain; version=0.0.4; charset=utf-8' });
  });

  app.get('/assets/app.css', (c) => {
    c.header('Cache-Control', 'public, max-age=3600');
    return c.body(APP_CSS, 200, { 'Content-Type': 'text/css; charset=utf-8' });
  });

  // For HTTP cron platforms: one tick, authorised by a bearer token (no session, no CSRF). POST with
  // FOLLOWUP_TICK_TOKEN; GET too, for Vercel Cron, which calls GET with "Authorization: Bearer $CRON_SECRET".
  const tick = async (c: Context<AppEnv>) => {
    const refusal = bearerRefusal(
      c.req.header('authorization'),
      [config.env.get(TICK_TOKEN_ENV), config.env.get(CRON_SECRET_ENV)],
      `/tick is off: set ${TICK_TOKEN_ENV} (or ${CRON_SECRET_ENV} on Vercel) to a long random value to enable it.`,
    );
    if (refusal) return c.text(refusal.text, refusal.status, refusal.status === 401 ? { 'WWW-Authenticate': 'Bearer' } : {});
    const summary = await runObservedTick(await input.tick.context(clock()));
    return c.json({
      skipped: summary.skippedBecause,
      drafted: summary.drafted.length,
      sent: summary.sent.length,
      booked: summary.booked.length,
      problems: summary.problems,
      alerts: summary.alerts,
    });
  };
  app.post('/tick', tick);
  app.get('/tick', tick);

  app.get('/accounts', input.sessions, requireRep, async (c) => {
    const viewer = c.var.rep!;
    const visible = config.accounts.filter((a) => canSee(viewer, a.id));
    const rows = [];
    // An admin sees how many web sessions each rep has, with a button that ends them.
    const live = viewer.role === 'admin' ? await store.listLiveSessions(clock()) : [];
    for (const a of visible) {
      rows.push({
        config: a,
        account: await store.getAccount(a.id),
        cursors: (await store.listCursors(a.id)).filter((k) => !isPushKey(k.key)),
        ...(viewer.role === 'admin' ? { liveSessions: live.filter((s) => s.accountId === a.id).length } : {}),
      });
    }
    // After "End sessions" (POST /accounts/:id/sessions/end); only a configured account and a count are shown.
    const ended = config.accounts.find((a) => a.id === c.req.query('ended'));
    const n = /^\d{1,6}$/.test(c.req.query('n') ?? '') ? Number(c.req.query('n')) : null;
    const flash = ended && n !== null ? `Ended ${n} session${n === 1 ? '' : 's'} of ${ended.name} (${ended.id}); they must sign in again.` : null;
    return render(c, accountsPage({ viewer, csrf: c.var.csrf, now: clock(), rows, staleAfterMinutes: config.sync.staleAfterMinutes, flash }));
  });

  return app;
}

/** Null when the bearer matches one of the configured tokens; otherwise the refusal to send. */
function bearerRefusal(header: string | undefined, tokens: (string | undefined)[], offText: string): { text: string; status: 401 | 404 } | null {
  const expected = tokens.map((t) => t?.trim()).filter((t): t is string => Boolean(t));
  if (expected.length === 0) return { text: `${offText}\n`, status: 404 };
  const given = /^Bearer\s+(.+)$/i.exec(header ?? '')?.[1]?.trim() ?? '';
  // Compare with every token (no early exit), in constant time each.
  let ok = false;
  for (const e of expected) ok = (given !== '' && secretsEqual(given, e)) || ok;
  return ok ? null : { text: 'Refused: send "Authorization: Bearer <token>".\n', status: 401 };
}
