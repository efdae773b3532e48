import { Hono } from 'hono';
import { html } from 'hono/html';
import type { SessionStore, TokenStore } from '../../ports/store.js';
import { onceKey, signInLink, SIGN_IN_LINK_TTL_MS, verifyToken } from '../../security/tokens.js';
import { spellInstant } from '../../templates/context.js';
import { spendOnce } from '../once.js';
import type { Rep } from '../pages.js';
import { StoreRateLimiter } from '../rate-limit.js';
import { clearSession, writeSession } from '../session.js';
import { signInEmail, type SendMail } from '../sign-in-mail.js';
import { csrfField, messagePage, page, type Html } from '../views.js';
import { field, flashFor, render, type AppEnv, type C, type WebContext } from '../web.js';

/** Sign-in link requests: 3 per address per 15 minutes, 10 per IP per minute (shared by all replicas). */
const SIGN_IN_PER_ADDRESS = { limit: 3, windowMs: 15 * 60_000 };
const SIGN_IN_PER_IP = { limit: 10, windowMs: 60_000 };

type SignInCheck = { ok: true; rep: Rep; nonce: string; exp: number } | { ok: false; status: 400 | 410; message: string };

/**
 * Signing in without a password: ask for a link (emailed through the rep's own mailbox) → open it
 * (GET shows a button, since link scanners prefetch GETs) → press it (POST spends the link once and
 * starts the session). Signing out ends the session.
 */
export function signInRoutes(web: WebContext<Pick<TokenStore, 'consumeOnce' | 'countHit'> & SessionStore>, sendMail: SendMail): Hono<AppEnv> {
  const { store, config, logger, clock, secret, reps } = web;
  const perAddress = new StoreRateLimiter(store, 'sign-in-email', SIGN_IN_PER_ADDRESS);
  const perIp = new StoreRateLimiter(store, 'sign-in-ip', SIGN_IN_PER_IP);
  const repByEmail = (email: string) => [...reps.values()].find((r) => r.email === email.trim().toLowerCase()) ?? null;
  const app = new Hono<AppEnv>();

  app.get('/', (c) => c.redirect(c.var.rep ? '/queue' : '/login', 303));

  app.get('/login', (c) => render(c, loginPage(c, null)));

  app.post('/login', async (c) => {
    const body = await c.req.parseBody();
    const email = field(body, 'email').trim().toLowerCase();
    if (!/^[^\s@]+@[^\s@]+$/.test(email)) return render(c, loginPage(c, 'Enter the email address of your account.'), 400);
    const nowMs = clock().getTime();
    const ip = c.env?.incoming?.socket?.remoteAddress ?? 'unknown';
    const wait = Math.max(await perIp.take(ip, nowMs), await perAddress.take(email, nowMs));
    if (wait > 0) {
      c.header('Retry-After', String(Math.ceil(wait / 1000)));
      return render(c, loginPage(c, `Too many sign-in requests. Wait ${Math.ceil(wait / 60_000)} minute(s) and try again.`), 429);
    }
    const rep = repByEmail(email);
    if (rep) {
      const now = clock();
      const link = signInLink({ baseUrl: web.baseUrl(), secret, accountId: rep.id, now });
      const account = config.accounts.find((a) => a.id === rep.id)!;
      try {
        await sendMail({ accountId: rep.id, email: signInEmail({ rep: account, from: config.web.from, url: link.url, expiresAt: link.expiresAt, nonce: link.nonce }) });
        logger.info({ account: rep.id }, 'sign-in link sent');
      } catch (err) {
        logger.error({ account: rep.id, err: (err as Error).message }, 'sign-in link could not be sent');
      }
    }
    // The same answer whether or not the address is a rep's: the page tells nobody who has an account.
    return render(
      c,
      messagePage({
        title: 'Check your inbox',
        message: `If ${email} belongs to a rep, a sign-in link is on its way to it. The link works once, for 15 minutes.`,
        viewer: null,
        csrf: c.var.csrf,
      }),
    );
  });

  app.get('/login/:token', async (c) => {
    const check = checkSignIn(c.req.param('token'));
    if (!check.ok) return linkRefused(c, check);
    const rep = check.rep;
    return render(
      c,
      page({
        title: 'Sign in',
        viewer: null,
        csrf: c.var.csrf,
        body: html`<h1>Sign in</h1>
<div class="card">
<p>Sign in as <strong>${rep.name}</strong> (${rep.email})?</p>
<form method="post" action="/login/${c.req.param('token')}">${csrfField(c.var.csrf)}<button type="submit" class="primary">Sign in</button></form>
<p class="muted">The link works once and expires ${spellInstant(new Date(check.exp), rep.timeZone)}.</p>
</div>`,
      }),
    );
  });

  app.post('/login/:token', async (c) => {
    const check = checkSignIn(c.req.param('token'));
    if (!check.ok) return linkRefused(c, check);
    const fresh = await spendOnce(store, onceKey('sign-in', check.nonce), new Date(check.exp));
    if (!fresh) {
      return render(
        c,
        messagePage({ title: 'Sign-in link already used', message: 'This sign-in link was already used: each link works once. Ask for a new one.', viewer: null, csrf: c.var.csrf, next: { href: '/login', label: 'Ask for a new link' } }),
        410,
      );
    }
    const session = writeSession(c, secret, clock(), check.rep.id);
    await store.startSession({ sid: session.sid, accountId: check.rep.id, expiresAt: new Date(session.exp) });
    logger.info({ account: check.rep.id }, 'signed in');
    return c.redirect('/queue', 303);
  });

  app.post('/logout', async (c) => {
    // Ended in the store: a copy of the cookie no longer works on any replica.
    await store.endSession(c.var.session.sid, clock());
    clearSession(c);
    return c.redirect('/login?done=signed-out', 303);
  });

  // An admin ends every session of a rep (a lost phone, someone leaving), on every replica.
  app.post('/accounts/:id/sessions/end', async (c) => {
    const viewer = c.var.rep;
    if (!viewer || viewer.role !== 'admin') return c.text('403 Forbidden: only an admin can end a rep\'s sessions. Nothing was changed.', 403);
    const accountId = c.req.param('id');
    if (!reps.has(accountId)) return c.text(`404 Not Found: there is no account "${accountId}". Nothing was changed.`, 404);
    const ended = await store.endAccountSessions(accountId, clock());
    logger.info({ account: accountId, by: viewer.id, ended }, 'sessions ended by an admin');
    // From the accounts page (a browser): back to it, which says how many ended. Otherwise plain text.
    if ((c.req.header('accept') ?? '').includes('text/html')) return c.redirect(`/accounts?ended=${encodeURIComponent(accountId)}&n=${ended}`, 303);
    return c.text(`Ended ${ended} session${ended === 1 ? '' : 's'} of ${accountId}; they must sign in again.`, 200);
  });

  function checkSignIn(token: string): SignInCheck {
    const check = verifyToken(secret, 'sign-in', token, clock());
    if (!check.ok) {
      if (check.reason === 'expired') return { ok: false, status: 410, message: `This sign-in link has expired (links work for ${SIGN_IN_LINK_TTL_MS / 60_000} minutes). Ask for a new one.` };
      return { ok: false, status: 400, message: 'This sign-in link is not valid: it was changed, cut short, or made by another followup server. Ask for a new one.' };
    }
    const rep = reps.get(check.claims.acc);
    if (!rep || typeof check.claims.n !== 'string') return { ok: false, status: 400, message: 'This sign-in link is for an account that is no longer configured.' };
    return { ok: true, rep, nonce: check.claims.n, exp: check.claims.exp };
  }

  return app;
}

function linkRefused(c: C, check: { status: 400 | 410; message: string }): Response | Promise<Response> {
  return render(c, messagePage({ title: 'Sign-in link refused', message: check.message, viewer: null, csrf: c.var.csrf, next: { href: '/login', label: 'Ask for a new link' } }), check.status);
}

function loginPage(c: C, error: string | null): Html {
  return page({
    title: 'Sign in',
    viewer: null,
    csrf: c.var.csrf,
    flash: flashFor(c),
    body: html`<h1>Sign in</h1>
<div class="card">
<p>We email a sign-in link to your own address. It works once, for 15 minutes.</p>
${error ? html`<p class="status-bad" role="alert">${error}</p>` : ''}
<form method="post" action="/login">${csrfField(c.var.csrf)}
<label for="email">Your work email</label>
<input id="email" name="email" type="email" autocomplete="email" required>
<p><button type="submit" class="primary">Email me a sign-in link</button></p>
</form>
</div>`,
  });
}
