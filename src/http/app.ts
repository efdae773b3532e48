import { Hono } from 'hono';
import type { Runtime } from '../app/runtime.js';
import { trimSlash } from '../security/tokens.js';
import { ApprovalError } from '../worker/drafts.js';
import { digestLinkRoutes } from './routes/digest-links.js';
import { draftRoutes } from './routes/drafts.js';
import { operationRoutes } from './routes/operations.js';
import { pushRoutes, storePushSink, type PushSink } from './routes/push.js';
import { prospectRoutes } from './routes/prospects.js';
import { preventRoutes } from './routes/prevent.js';
import { signInRoutes } from './routes/sign-in.js';
import { statsRoutes } from './routes/stats.js';
import { resolveWebSecret } from './secret.js';
import { defaultSendMail, type SendMail } from './sign-in-mail.js';
import { messagePage } from './views.js';
import { isHttps } from './session.js';
import { csrfCheck, originCheck, notFound, render, repFrom, sessions, type AppEnv, type C, type WebContext } from './web.js';

export interface HttpAppOptions {
  /** The clock (tests pin it). */
  now?: () => Date;
  /** HMAC secret for links, sessions and CSRF; default FOLLOWUP_WEB_SECRET (at least 32 characters). */
  secret?: string;
  /** Public address used in emailed links; default config.web.baseUrl. */
  baseUrl?: string | (() => string);
  /** How sign-in emails leave; default: the rep's own mailbox, or the outbox when it is not connected. */
  sendMail?: SendMail;
  /** What a push notification does; default the store's "sync soon" mark (the in-process loop). */
  push?: PushSink;
}

/**
 * The approval pages: server-rendered HTML over web-standard Request/Response (Hono), so the same
 * app runs under `followup serve` and on serverless platforms. One sub-app per part (./routes/):
 * operations, sign-in, digest links, drafts, prospects and meetings; this file puts them in order
 * behind the security headers, the session and the CSRF check.
 */
export function createHttpApp(runtime: Runtime, options: HttpAppOptions = {}): Hono<AppEnv> {
  const { store, config, logger } = runtime;
  const clock = options.now ?? (() => new Date());
  const web: WebContext<typeof store> = {
    store,
    config,
    logger,
    clock,
    secret: options.secret ?? resolveWebSecret({ get: config.env.get }),
    baseUrl: () => trimSlash(typeof options.baseUrl === 'function' ? options.baseUrl() : (options.baseUrl ?? config.web.baseUrl)),
    reps: new Map(config.accounts.map((a) => [a.id, repFrom(a)])),
  };
  const withSession = sessions(web);

  const app = new Hono<AppEnv>();

  // Headers on every answer: no script may run at all, pages are not cached or framed, and the
  // tokens in our URLs never leak through Referer to another site. same-origin, not no-referrer:
  // under no-referrer browsers send `Origin: null` on our own forms, which the Origin check refuses.
  app.use('*', async (c, next) => {
    await next();
    c.header('Content-Security-Policy', "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'same-origin');
    c.header('X-Frame-Options', 'DENY');
    if (!c.res.headers.has('Cache-Control')) c.header('Cache-Control', 'no-store');
    // HTTPS (directly, or behind a proxy that says so): browsers keep to HTTPS from now on.
    if (isHttps(c)) c.header('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
  });
  // Before anything changes state, sessions or not: a request from another site is refused.
  app.use('*', originCheck(web));

  // Before the session: the health check, the stylesheet and POST /tick need none.
  app.route('/', operationRoutes(web, { tick: runtime, sessions: withSession }));
  app.route('/', pushRoutes(web, options.push ?? storePushSink(store, clock)));

  app.use('*', withSession);
  app.use('*', csrfCheck(web));

  app.route('/', signInRoutes(web, options.sendMail ?? defaultSendMail(runtime, clock)));
  app.route('/', digestLinkRoutes(web));
  app.route('/', draftRoutes(web));
  app.route('/', prospectRoutes(web));
  app.route('/', statsRoutes(web));
  app.route('/', preventRoutes(web));

  app.notFound((c) => notFound(c as C, 'There is no page here.'));

  app.onError((err, c) => {
    const ctx = c as C;
    const csrf = ctx.var?.csrf ?? '';
    if (err instanceof ApprovalError) {
      return render(ctx, messagePage({ title: 'Not done', message: err.message, viewer: ctx.var?.rep ?? null, csrf, next: { href: '/queue', label: 'Back to the queue' } }), 409);
    }
    logger.error({ err: err.message, path: new URL(c.req.url).pathname }, 'web request failed');
    return render(ctx, messagePage({ title: 'Something went wrong', message: 'The server could not finish this request; nothing may have changed. Try again, and check the server log if it keeps failing.', viewer: ctx.var?.rep ?? null, csrf }), 500);
  });

  return app;
}
