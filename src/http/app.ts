import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { html } from 'hono/html';
import { DateTime } from 'luxon';
import type { Runtime } from '../app/runtime.js';
import type { AccountConfig } from '../config.js';
import { stableId } from '../domain/ids.js';
import type { Draft, Prospect } from '../domain/types.js';
import { ApprovalError, approveDraft, editDraft, rejectDraft } from '../worker/drafts.js';
import { markMeeting } from '../worker/meetings.js';
import { runTick } from '../worker/tick.js';
import { spendOnce } from './once.js';
import { accountsPage, prospectPage, prospectsPage, queuePage, type Rep } from './pages.js';
import { StoreRateLimiter } from './rate-limit.js';
import { resolveWebSecret, TICK_TOKEN_ENV } from './secret.js';
import { clearSession, readSession, writeSession } from './session.js';
import { defaultSendMail, signInEmail, type SendMail } from './sign-in-mail.js';
import {
  csrfTokenFor,
  isValidCsrf,
  onceKey,
  secretsEqual,
  signInLink,
  SIGN_IN_LINK_TTL_MS,
  trimSlash,
  verifyToken,
  type SessionClaims,
} from '../security/tokens.js';
import { APP_CSS, csrfField, FLASH_MESSAGES, messagePage, page, stamp, type Html } from './views.js';
import { spellInstant } from '../templates/context.js';

export interface HttpAppOptions {
  /** The clock (tests pin it). */
  now?: () => Date;
  /** HMAC secret for links, sessions and CSRF; default FOLLOWUP_WEB_SECRET (at least 32 characters). */
  secret?: string;
  /** Public address used in emailed links; default config.web.baseUrl. */
  baseUrl?: string | (() => string);
  /** How sign-in emails leave; default: the rep's own mailbox, or the outbox when it is not connected. */
  sendMail?: SendMail;
}

type Bindings = { incoming?: { socket?: { remoteAddress?: string } } };
type Vars = { session: SessionClaims; rep: Rep | null; csrf: string };
type AppEnv = { Bindings: Bindings; Variables: Vars };
type C = Context<AppEnv>;

/** Sign-in link requests: 3 per address per 15 minutes, 10 per IP per minute (shared by all replicas). */
const SIGN_IN_PER_ADDRESS = { limit: 3, windowMs: 15 * 60_000 };
const SIGN_IN_PER_IP = { limit: 10, windowMs: 60_000 };
const DAY_MS = 86_400_000;
const MAX_FIELD_CHARS = 100_000;

const CSRF_REFUSED =
  'Refused: this form did not carry a valid security token (CSRF protection). Nothing was changed. ' +
  'Reload the page and try again; if a link on another site sent you here, open the queue directly instead.';

/**
 * The approval pages: server-rendered HTML over web-standard Request/Response (Hono), so the same
 * app runs under `followup serve` and on serverless platforms.
 */
export function createHttpApp(runtime: Runtime, options: HttpAppOptions = {}): Hono<AppEnv> {
  const { store, config, logger } = runtime;
  const clock = options.now ?? (() => new Date());
  const secret = options.secret ?? resolveWebSecret({ get: config.env.get });
  const baseUrl = () => trimSlash(typeof options.baseUrl === 'function' ? options.baseUrl() : (options.baseUrl ?? config.web.baseUrl));
  const sendMail = options.sendMail ?? defaultSendMail(runtime, clock);
  const perAddress = new StoreRateLimiter(store, 'sign-in-email', SIGN_IN_PER_ADDRESS);
  const perIp = new StoreRateLimiter(store, 'sign-in-ip', SIGN_IN_PER_IP);

  const reps = new Map<string, Rep>(config.accounts.map((a) => [a.id, repFrom(a)]));
  const repByEmail = (email: string) => [...reps.values()].find((r) => r.email === email.trim().toLowerCase()) ?? null;
  const canSee = (viewer: Rep, accountId: string) => viewer.role === 'admin' || viewer.id === accountId;

  const app = new Hono<AppEnv>();

  // Headers on every answer: no script may run at all, pages are not cached or framed, and the
  // tokens in our URLs never leak through Referer.
  app.use('*', async (c, next) => {
    await next();
    c.header('Content-Security-Policy', "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'no-referrer');
    c.header('X-Frame-Options', 'DENY');
    if (!c.res.headers.has('Cache-Control')) c.header('Cache-Control', 'no-store');
  });

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
    const summary = await runTick(await runtime.context(clock()));
    return c.json({
      skipped: summary.skippedBecause,
      drafted: summary.drafted.length,
      sent: summary.sent.length,
      booked: summary.booked.length,
      problems: summary.problems,
      alerts: summary.alerts,
    });
  });

  // Sessions: every visitor gets one (signed-in or not), so every form carries a CSRF token.
  app.use('*', async (c, next) => {
    const now = clock();
    let session = readSession(c, secret, now);
    if (!session || (session.acc && !reps.has(session.acc))) session = writeSession(c, secret, now, null);
    c.set('session', session);
    c.set('rep', session.acc ? (reps.get(session.acc) ?? null) : null);
    c.set('csrf', csrfTokenFor(secret, session.sid));
    await next();
  });

  // Every state change carries the session's CSRF token (hidden field or X-CSRF-Token header).
  app.use('*', async (c, next) => {
    if (c.req.method !== 'POST') return next();
    const body = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
    const given = (typeof body.csrf === 'string' ? body.csrf : undefined) ?? c.req.header('x-csrf-token');
    if (!isValidCsrf(secret, c.var.session.sid, given)) {
      return render(c, messagePage({ title: 'Refused', message: CSRF_REFUSED, viewer: c.var.rep, csrf: c.var.csrf, next: { href: '/queue', label: 'Open the queue' } }), 403);
    }
    return next();
  });

  const requireRep: MiddlewareHandler<AppEnv> = async (c, next) => {
    if (c.var.rep) return next();
    if (c.req.method === 'GET') return c.redirect('/login', 303);
    return render(c, messagePage({ title: 'Sign in first', message: 'Your session has ended. Sign in again; nothing was changed.', viewer: null, csrf: c.var.csrf, next: { href: '/login', label: 'Sign in' } }), 401);
  };

  app.get('/', (c) => c.redirect(c.var.rep ? '/queue' : '/login', 303));

  // Sign-in: ask for a link → the link (GET shows a button; link scanners prefetch GETs) → POST signs in.
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
      const link = signInLink({ baseUrl: baseUrl(), secret, accountId: rep.id, now });
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
    if (!check.ok) return render(c, messagePage({ title: 'Sign-in link refused', message: check.message, viewer: null, csrf: c.var.csrf, next: { href: '/login', label: 'Ask for a new link' } }), check.status);
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
    if (!check.ok) return render(c, messagePage({ title: 'Sign-in link refused', message: check.message, viewer: null, csrf: c.var.csrf, next: { href: '/login', label: 'Ask for a new link' } }), check.status);
    const fresh = await spendOnce(store, onceKey('sign-in', check.nonce), new Date(check.exp));
    if (!fresh) {
      return render(
        c,
        messagePage({ title: 'Sign-in link already used', message: 'This sign-in link was already used: each link works once. Ask for a new one.', viewer: null, csrf: c.var.csrf, next: { href: '/login', label: 'Ask for a new link' } }),
        410,
      );
    }
    writeSession(c, secret, clock(), check.rep.id);
    logger.info({ account: check.rep.id }, 'signed in');
    return c.redirect('/queue', 303);
  });

  app.post('/logout', (c) => {
    clearSession(c);
    return c.redirect('/login?done=signed-out', 303);
  });

  function checkSignIn(token: string):
    | { ok: true; rep: Rep; nonce: string; exp: number }
    | { ok: false; status: 400 | 410; message: string } {
    const check = verifyToken(secret, 'sign-in', token, clock());
    if (!check.ok) {
      if (check.reason === 'expired') return { ok: false, status: 410, message: `This sign-in link has expired (links work for ${SIGN_IN_LINK_TTL_MS / 60_000} minutes). Ask for a new one.` };
      return { ok: false, status: 400, message: 'This sign-in link is not valid: it was changed, cut short, or made by another followup server. Ask for a new one.' };
    }
    const rep = reps.get(check.claims.acc);
    if (!rep || typeof check.claims.n !== 'string') return { ok: false, status: 400, message: 'This sign-in link is for an account that is no longer configured.' };
    return { ok: true, rep, nonce: check.claims.n, exp: check.claims.exp };
  }

  // One-click approve links from the digest: GET confirms (scanners prefetch GETs), POST approves.
  app.get('/a/:token', async (c) => {
    const check = await checkApprove(c.req.param('token'));
    if (!check.ok) return render(c, messagePage({ title: 'Approve link refused', message: check.message, viewer: c.var.rep, csrf: c.var.csrf, next: { href: '/queue', label: 'Open the queue' } }), check.status);
    const { draft, prospect, owner } = check;
    return render(
      c,
      page({
        title: 'Approve this email?',
        viewer: c.var.rep,
        csrf: c.var.csrf,
        body: html`<h1>Approve this email?</h1>
<div class="card">
<p><strong>${prospect?.name ?? draft.to}</strong>${prospect?.company ? html` <span class="muted">${prospect.company}</span>` : ''}</p>
<p>${draft.reason}</p>
<div class="email"><div class="hdr"><div><span class="muted">To:</span> ${draft.to}</div><div><span class="muted">Subject:</span> ${draft.subject}</div></div><pre class="body">${draft.text}</pre></div>
<p>Goes out ${spellInstant(draft.sendAt < clock() ? clock() : draft.sendAt, owner.timeZone)} (your time).</p>
<form method="post" action="/a/${c.req.param('token')}">${csrfField(c.var.csrf)}<button type="submit" class="primary">Approve and send</button></form>
<p class="muted">To change it first, <a href="/queue#d-${draft.id}">open it in the queue</a>.</p>
</div>`,
      }),
    );
  });

  app.post('/a/:token', async (c) => {
    const check = await checkApprove(c.req.param('token'));
    if (!check.ok) return render(c, messagePage({ title: 'Approve link refused', message: check.message, viewer: c.var.rep, csrf: c.var.csrf, next: { href: '/queue', label: 'Open the queue' } }), check.status);
    const fresh = await spendOnce(store, onceKey('approve', check.nonce), new Date(check.exp));
    if (!fresh) {
      return render(c, messagePage({ title: 'Approve link already used', message: 'This approve link was already used: each link works once. Nothing more was done; see the queue.', viewer: c.var.rep, csrf: c.var.csrf, next: { href: '/queue', label: 'Open the queue' } }), 410);
    }
    const now = clock();
    await approveDraft({ store, now }, { draftId: check.draft.id, by: `${check.owner.email} (digest link)`, rep: check.owner });
    return render(
      c,
      messagePage({
        title: 'Approved',
        message: `Approved: "${check.draft.subject}" to ${check.draft.to} goes out ${spellInstant(check.draft.sendAt < now ? now : check.draft.sendAt, check.owner.timeZone)}.`,
        viewer: c.var.rep,
        csrf: c.var.csrf,
        next: { href: '/queue', label: 'See what else is waiting' },
      }),
    );
  });

  async function checkApprove(token: string): Promise<
    | { ok: true; draft: Draft; prospect: Prospect | null; owner: Rep; nonce: string; exp: number }
    | { ok: false; status: 400 | 409 | 410; message: string }
  > {
    const check = verifyToken(secret, 'approve', token, clock());
    if (!check.ok) {
      if (check.reason === 'expired') return { ok: false, status: 410, message: 'This approve link has expired (links work for 48 hours). Approve the draft from the queue instead.' };
      return { ok: false, status: 400, message: 'This approve link is not valid: it was changed, cut short, or made by another followup server. Use the queue instead.' };
    }
    const { acc, d, n, exp } = check.claims;
    const owner = reps.get(acc);
    const draft = typeof d === 'string' ? await store.getDraft(d) : null;
    if (!owner || !draft || draft.accountId !== acc || typeof n !== 'string') return { ok: false, status: 400, message: 'This approve link does not match any draft of yours.' };
    if (draft.status !== 'pending') return { ok: false, status: 409, message: `Nothing to do: this draft is already ${draft.status}.` };
    return { ok: true, draft, prospect: await store.getProspect(draft.prospectId), owner, nonce: n, exp };
  }

  // The queue and the draft actions.
  app.get('/queue', requireRep, async (c) => {
    const viewer = c.var.rep!;
    const now = clock();
    const drafts = await store.listDrafts({ status: 'pending', ...(viewer.role === 'admin' ? {} : { accountId: viewer.id }) });
    const prospects = new Map<string, Prospect>();
    for (const d of drafts) {
      if (!prospects.has(d.prospectId)) {
        const p = await store.getProspect(d.prospectId);
        if (p) prospects.set(p.id, p);
      }
    }
    return render(c, queuePage({ viewer, csrf: c.var.csrf, now, drafts, prospects, reps, flash: flashFor(c) }));
  });

  /** Loads a draft the viewer may act on; another rep's draft is "not found" (its existence is not revealed). */
  async function ownDraft(c: C): Promise<{ draft: Draft; owner: Rep } | Response> {
    const viewer = c.var.rep!;
    const draft = await store.getDraft(c.req.param('id') ?? '');
    const owner = draft ? reps.get(draft.accountId) : undefined;
    if (!draft || !owner || !canSee(viewer, draft.accountId)) return notFound(c, 'No such draft in your queue (it may belong to another rep).');
    return { draft, owner };
  }

  app.post('/drafts/:id/approve', requireRep, async (c) => {
    const found = await ownDraft(c);
    if (found instanceof Response) return found;
    await approveDraft({ store, now: clock() }, { draftId: found.draft.id, by: c.var.rep!.email, rep: found.owner });
    return c.redirect('/queue?done=approved', 303);
  });

  app.post('/drafts/:id/edit', requireRep, async (c) => {
    const found = await ownDraft(c);
    if (found instanceof Response) return found;
    const body = await c.req.parseBody();
    const subject = field(body, 'subject');
    const text = field(body, 'text').replace(/\r\n?/g, '\n');
    const { draft, owner } = found;
    const changed = subject.trim() !== draft.subject || text !== draft.text;
    if (changed) {
      await editDraft({ store, now: clock() }, {
        draftId: draft.id,
        by: c.var.rep!.email,
        ...(subject.trim() !== draft.subject ? { subject } : {}),
        ...(text !== draft.text ? { text } : {}),
      });
    }
    if (field(body, 'then') === 'approve') {
      await approveDraft({ store, now: clock() }, { draftId: draft.id, by: c.var.rep!.email, rep: owner });
      return c.redirect('/queue?done=approved', 303);
    }
    return c.redirect(`/queue?done=saved#d-${draft.id}`, 303);
  });

  app.post('/drafts/:id/reject', requireRep, async (c) => {
    const found = await ownDraft(c);
    if (found instanceof Response) return found;
    const reason = field(await c.req.parseBody(), 'reason').trim();
    if (!reason) return render(c, messagePage({ title: 'Say why', message: 'Give a reason to reject the draft (it is kept on the prospect\'s timeline). Nothing was changed.', viewer: c.var.rep, csrf: c.var.csrf, next: { href: `/queue#d-${found.draft.id}`, label: 'Back to the draft' } }), 400);
    await rejectDraft({ store, now: clock() }, { draftId: found.draft.id, by: c.var.rep!.email, reason });
    return c.redirect('/queue?done=rejected', 303);
  });

  app.post('/drafts/:id/snooze', requireRep, async (c) => {
    const found = await ownDraft(c);
    if (found instanceof Response) return found;
    const now = clock();
    const base = found.draft.sendAt > now ? found.draft.sendAt : now;
    await editDraft({ store, now }, { draftId: found.draft.id, by: c.var.rep!.email, sendAt: new Date(base.getTime() + DAY_MS) });
    return c.redirect(`/queue?done=snoozed#d-${found.draft.id}`, 303);
  });

  app.post('/drafts/:id/reschedule', requireRep, async (c) => {
    const found = await ownDraft(c);
    if (found instanceof Response) return found;
    const value = field(await c.req.parseBody(), 'sendAt');
    const zone = c.var.rep!.timeZone;
    const at = DateTime.fromISO(value, { zone });
    const now = clock();
    if (!value || !at.isValid) return badRequest(c, 'Pick a date and time to send it.', found.draft.id);
    if (at.toJSDate() < now) return badRequest(c, `That time (${stamp(at.toJSDate(), zone)}) has passed; pick a later one.`, found.draft.id);
    await editDraft({ store, now }, { draftId: found.draft.id, by: c.var.rep!.email, sendAt: at.toJSDate() });
    return c.redirect(`/queue?done=rescheduled#d-${found.draft.id}`, 303);
  });

  app.post('/drafts/approve', requireRep, async (c) => {
    const viewer = c.var.rep!;
    const ids = fields(await c.req.parseBody({ all: true }), 'id');
    if (ids.length === 0) return badRequest(c, 'Tick the drafts to approve first.');
    const now = clock();
    let approved = 0;
    const failed: string[] = [];
    for (const id of ids) {
      const draft = await store.getDraft(id);
      const owner = draft ? reps.get(draft.accountId) : undefined;
      if (!draft || !owner || !canSee(viewer, draft.accountId)) {
        failed.push(`${id}: no such draft in your queue`);
        continue;
      }
      try {
        await approveDraft({ store, now }, { draftId: id, by: viewer.email, rep: owner });
        approved += 1;
      } catch (err) {
        if (!(err instanceof ApprovalError)) throw err;
        failed.push(err.message);
      }
    }
    if (failed.length > 0) {
      return render(c, messagePage({ title: `${approved} approved, ${failed.length} not`, message: failed.join(' '), viewer, csrf: c.var.csrf, next: { href: '/queue', label: 'Back to the queue' } }), approved > 0 ? 200 : 404);
    }
    return c.redirect(`/queue?done=approved&n=${approved}`, 303);
  });

  // Prospects.
  app.get('/prospects', requireRep, async (c) => {
    const viewer = c.var.rep!;
    const prospects = await store.listProspects(viewer.role === 'admin' ? undefined : viewer.id);
    const pending = await store.listDrafts({ status: 'pending', ...(viewer.role === 'admin' ? {} : { accountId: viewer.id }) });
    return render(c, prospectsPage({ viewer, csrf: c.var.csrf, prospects, pending, now: clock() }));
  });

  async function ownProspect(c: C, id: string): Promise<Prospect | Response> {
    const p = await store.getProspect(id);
    if (!p || !canSee(c.var.rep!, p.accountId)) return notFound(c, 'No such prospect among yours (it may belong to another rep).');
    return p;
  }

  app.get('/prospects/:id', requireRep, async (c) => {
    const p = await ownProspect(c, c.req.param('id'));
    if (p instanceof Response) return p;
    const [attempts, messages, meetings, drafts, outbox] = await Promise.all([
      store.listAttempts(p.id),
      store.listMessages(p.id),
      store.listMeetings({ prospectId: p.id }),
      store.listDrafts({ prospectId: p.id, status: 'pending' }),
      store.listOutbox({ prospectId: p.id }),
    ]);
    return render(
      c,
      prospectPage({ viewer: c.var.rep!, owner: reps.get(p.accountId) ?? c.var.rep!, csrf: c.var.csrf, now: clock(), prospect: p, attempts, messages, meetings, drafts, outbox, flash: flashFor(c) }),
    );
  });

  app.post('/prospects/:id/status', requireRep, async (c) => {
    const p = await ownProspect(c, c.req.param('id'));
    if (p instanceof Response) return p;
    const viewer = c.var.rep!;
    const body = await c.req.parseBody();
    const action = field(body, 'action');
    const note = field(body, 'reason').trim();
    const now = clock();
    let until: Date | null = null;
    if (action === 'pause') {
      const day = DateTime.fromISO(field(body, 'until'), { zone: p.timeZone }).startOf('day');
      if (!day.isValid || day.toJSDate() <= now) return badRequest(c, 'Pick a day in the future to pause until.');
      until = day.toJSDate();
    } else if (action !== 'close' && action !== 'resume') {
      return badRequest(c, 'Choose pause, close or resume.');
    }
    const status = action === 'pause' ? 'paused' : action === 'close' ? 'closed' : 'open';
    const words = action === 'pause' ? `Paused by ${viewer.name} until ${until!.toISOString().slice(0, 10)}` : action === 'close' ? `Closed by ${viewer.name}` : `Resumed by ${viewer.name}`;
    const reason = note ? `${words}: ${note}` : words;
    await store.setProspectStatus(p.id, { status, pausedUntil: until, statusReason: action === 'resume' ? null : reason });
    if (status !== 'open') await store.cancelPendingDrafts(p.id, { reason: `prospect ${status} by the rep` });
    await store.addAttempt({
      id: stableId('at', 'status', p.id, status, now.toISOString()),
      prospectId: p.id,
      accountId: p.accountId,
      at: now,
      kind: 'status_change',
      outcome: status,
      detail: reason,
      refId: null,
    });
    return c.redirect(`/prospects/${encodeURIComponent(p.id)}?done=${action === 'pause' ? 'paused' : action === 'close' ? 'closed' : 'resumed'}`, 303);
  });

  app.post('/meetings/:id/mark', requireRep, async (c) => {
    const m = await store.getMeeting(c.req.param('id'));
    if (!m || !canSee(c.var.rep!, m.accountId)) return notFound(c, 'No such meeting among yours (it may belong to another rep).');
    const outcome = field(await c.req.parseBody(), 'outcome');
    if (outcome !== 'held' && outcome !== 'missed') return badRequest(c, 'Mark the meeting as held or missed.');
    await markMeeting({ store, now: clock() }, { meetingId: m.id, outcome, by: c.var.rep!.email });
    return c.redirect(`/prospects/${encodeURIComponent(m.prospectId)}?done=${outcome}`, 303);
  });

  app.get('/accounts', requireRep, async (c) => {
    const viewer = c.var.rep!;
    const visible = config.accounts.filter((a) => canSee(viewer, a.id));
    const rows = [];
    for (const a of visible) {
      rows.push({ config: a, account: await store.getAccount(a.id), cursors: await store.listCursors(a.id) });
    }
    return render(c, accountsPage({ viewer, csrf: c.var.csrf, now: clock(), rows, staleAfterMinutes: config.sync.staleAfterMinutes }));
  });

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

  function notFound(c: C, message: string): Response | Promise<Response> {
    return render(c, messagePage({ title: 'Not found', message, viewer: c.var?.rep ?? null, csrf: c.var?.csrf ?? '', next: { href: '/queue', label: 'Open the queue' } }), 404);
  }

  function badRequest(c: C, message: string, draftId?: string): Response | Promise<Response> {
    return render(c, messagePage({ title: 'Not done', message: `${message} Nothing was changed.`, viewer: c.var.rep, csrf: c.var.csrf, next: { href: draftId ? `/queue#d-${draftId}` : '/queue', label: 'Back' } }), 400);
  }

  return app;
}

function repFrom(a: AccountConfig): Rep {
  return { id: a.id, name: a.name, email: a.email.toLowerCase(), timeZone: a.timeZone, role: a.role };
}

function render(c: C, body: Html, status: 200 | 400 | 401 | 403 | 404 | 409 | 410 | 429 | 500 = 200): Response | Promise<Response> {
  return c.html(body, status);
}

function flashFor(c: C): string | null {
  const done = c.req.query('done');
  if (!done) return null;
  const n = Number.parseInt(c.req.query('n') ?? '', 10);
  if (done === 'approved' && n > 1) return `${n} drafts approved: each goes out at its send time.`;
  return FLASH_MESSAGES[done] ?? null;
}

type Body = Record<string, unknown>;

function field(body: Body, name: string): string {
  const v = body[name];
  const s = Array.isArray(v) ? v[0] : v;
  return typeof s === 'string' ? s.slice(0, MAX_FIELD_CHARS) : '';
}

function fields(body: Body, name: string): string[] {
  const v = body[name];
  const list = Array.isArray(v) ? v : v === undefined ? [] : [v];
  return list.filter((x): x is string => typeof x === 'string').slice(0, 500);
}
