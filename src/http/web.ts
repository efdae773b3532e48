import type { Context, MiddlewareHandler } from 'hono';
import type { AccountConfig, AppConfig } from '../config.js';
import type { Logger } from '../log.js';
import { csrfTokenFor, isValidCsrf, type SessionClaims } from '../security/tokens.js';
import type { Rep } from './pages.js';
import { isHttps, readSession, writeSession } from './session.js';
import type { SessionStore } from '../ports/store.js';
import { FLASH_MESSAGES, messagePage, type Html } from './views.js';

/**
 * What every sub-app of the approval pages shares: the store roles it uses, the clock, the signing
 * secret, the reps, and the helpers that answer in the same words everywhere.
 */
export interface WebContext<S extends object = object> {
  store: S;
  config: AppConfig;
  logger: Logger;
  clock: () => Date;
  secret: string;
  /** Public address used in emailed links, without a trailing slash. */
  baseUrl: () => string;
  reps: Map<string, Rep>;
}

type Bindings = { incoming?: { socket?: { remoteAddress?: string } } };
type Vars = { session: SessionClaims; rep: Rep | null; csrf: string };
export type AppEnv = { Bindings: Bindings; Variables: Vars };
export type C = Context<AppEnv>;

const MAX_FIELD_CHARS = 100_000;

const CSRF_REFUSED =
  'Refused: this form did not carry a valid security token (CSRF protection). Nothing was changed. ' +
  'Reload the page and try again; if a link on another site sent you here, open the queue directly instead.';

export function repFrom(a: AccountConfig): Rep {
  return { id: a.id, name: a.name, email: a.email.toLowerCase(), timeZone: a.timeZone, role: a.role };
}

/** A rep sees their own drafts, prospects and accounts; an admin sees everyone's. */
export function canSee(viewer: Rep, accountId: string): boolean {
  return viewer.role === 'admin' || viewer.id === accountId;
}

/** Every visitor gets a session (signed-in or not), so every form carries a CSRF token. */
export function sessions(web: WebContext<Pick<SessionStore, 'isSessionLive'>>): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const now = web.clock();
    let session = readSession(c, web.secret, now);
    // A signed-in session counts only while the store has it (signed out or revoked: ended everywhere).
    const ended = !!session?.acc && !(await web.store.isSessionLive(session.sid, now));
    if (!session || ended || (session.acc && !web.reps.has(session.acc))) session = writeSession(c, web.secret, now, null);
    c.set('session', session);
    c.set('rep', session.acc ? (web.reps.get(session.acc) ?? null) : null);
    c.set('csrf', csrfTokenFor(web.secret, session.sid));
    await next();
  };
}

/** Every state change carries the session's CSRF token (hidden field or X-CSRF-Token header). */
export const ORIGIN_REFUSED =
  'This request came from another site (its Origin is not this server), so it was refused and nothing was changed. Open followup at its own address and try again.';

/**
 * Every state-changing request must come from a page of this server: its Origin (or, when a
 * browser sends none, its Referer) must be this server's own origin or web.baseUrl's. A request
 * with neither header is not from a browser page; the CSRF token still guards it.
 */
export function originCheck(web: WebContext): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (['GET', 'HEAD', 'OPTIONS'].includes(c.req.method)) return next();
    const claimed = c.req.header('origin') ?? refererOrigin(c.req.header('referer'));
    if (claimed === undefined) return next();
    const url = new URL(c.req.url);
    const proto = isHttps(c) ? 'https:' : url.protocol;
    const host = c.req.header('x-forwarded-host')?.split(',')[0]?.trim() || c.req.header('host') || url.host;
    const allowed = new Set([`${proto}//${host}`, originOf(web.baseUrl())]);
    if (allowed.has(claimed)) return next();
    return c.text(`403 Forbidden: ${ORIGIN_REFUSED}`, 403);
  };
}

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return '';
  }
}

function refererOrigin(referer: string | undefined): string | undefined {
  if (!referer) return undefined;
  return originOf(referer) || 'null';
}

export function csrfCheck(web: WebContext): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (c.req.method !== 'POST') return next();
    const body = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
    const given = (typeof body.csrf === 'string' ? body.csrf : undefined) ?? c.req.header('x-csrf-token');
    if (!isValidCsrf(web.secret, c.var.session.sid, given)) {
      return render(c, messagePage({ title: 'Refused', message: CSRF_REFUSED, viewer: c.var.rep, csrf: c.var.csrf, next: { href: '/queue', label: 'Open the queue' } }), 403);
    }
    return next();
  };
}

export const requireRep: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (c.var.rep) return next();
  if (c.req.method === 'GET') return c.redirect('/login', 303);
  return render(c, messagePage({ title: 'Sign in first', message: 'Your session has ended. Sign in again; nothing was changed.', viewer: null, csrf: c.var.csrf, next: { href: '/login', label: 'Sign in' } }), 401);
};

export function render(c: C, body: Html, status: 200 | 400 | 401 | 403 | 404 | 409 | 410 | 429 | 500 = 200): Response | Promise<Response> {
  return c.html(body, status);
}

export function notFound(c: C, message: string): Response | Promise<Response> {
  return render(c, messagePage({ title: 'Not found', message, viewer: c.var?.rep ?? null, csrf: c.var?.csrf ?? '', next: { href: '/queue', label: 'Open the queue' } }), 404);
}

export function badRequest(c: C, message: string, draftId?: string): Response | Promise<Response> {
  return render(c, messagePage({ title: 'Not done', message: `${message} Nothing was changed.`, viewer: c.var.rep, csrf: c.var.csrf, next: { href: draftId ? `/queue#d-${draftId}` : '/queue', label: 'Back' } }), 400);
}

/** A link's refusal, with the way on: the queue, or a new sign-in link. */
export function refused(c: C, title: string, message: string, status: 400 | 409 | 410, next: { href: string; label: string }): Response | Promise<Response> {
  return render(c, messagePage({ title, message, viewer: c.var.rep, csrf: c.var.csrf, next }), status);
}

export function flashFor(c: C): string | null {
  const done = c.req.query('done');
  if (!done) return null;
  const n = Number.parseInt(c.req.query('n') ?? '', 10);
  if (done === 'approved' && n > 1) return `${n} drafts approved: each goes out at its send time.`;
  return FLASH_MESSAGES[done] ?? null;
}

type Body = Record<string, unknown>;

export function field(body: Body, name: string): string {
  const v = body[name];
  const s = Array.isArray(v) ? v[0] : v;
  return typeof s === 'string' ? s.slice(0, MAX_FIELD_CHARS) : '';
}

export function fields(body: Body, name: string): string[] {
  const v = body[name];
  const list = Array.isArray(v) ? v : v === undefined ? [] : [v];
  return list.filter((x): x is string => typeof x === 'string').slice(0, 500);
}
