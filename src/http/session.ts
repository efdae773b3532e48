import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { randomNonce, SESSION_TTL_MS, signToken, verifyToken, type SessionClaims } from '../security/tokens.js';

/**
 * Sessions live in one signed cookie (no server-side table): `{ sid, acc, exp }` with an HMAC.
 * Visitors who have not signed in get a session too (acc null), so the sign-in and approve-link
 * forms carry a CSRF token like every other form. Signing in always mints a new sid (no fixation).
 */
export const SESSION_COOKIE = 'followup_session';
/** A visitor's (not signed-in) session: long enough to fill a form. */
const VISITOR_TTL_MS = 2 * 3_600_000;

export function isHttps(c: Context): boolean {
  if (new URL(c.req.url).protocol === 'https:') return true;
  // Served directly over TLS (node's https server): the socket says so.
  if ((c.env as { incoming?: { socket?: { encrypted?: boolean } } } | undefined)?.incoming?.socket?.encrypted) return true;
  return (c.req.header('x-forwarded-proto') ?? '').split(',')[0]?.trim().toLowerCase() === 'https';
}

export function readSession(c: Context, secret: string, now: Date): SessionClaims | null {
  const check = verifyToken(secret, 'session', getCookie(c, SESSION_COOKIE), now);
  if (!check.ok) return null;
  const { sid, acc, exp } = check.claims;
  if (typeof sid !== 'string' || sid.length < 16 || (acc !== null && typeof acc !== 'string')) return null;
  return { sid, acc, exp };
}

export function writeSession(c: Context, secret: string, now: Date, accountId: string | null): SessionClaims {
  const ttl = accountId ? SESSION_TTL_MS : VISITOR_TTL_MS;
  const claims: SessionClaims = { sid: randomNonce(), acc: accountId, exp: now.getTime() + ttl };
  setCookie(c, SESSION_COOKIE, signToken(secret, 'session', claims), {
    path: '/',
    httpOnly: true,
    sameSite: 'Lax',
    secure: isHttps(c),
    maxAge: Math.floor(ttl / 1000),
  });
  return claims;
}

export function clearSession(c: Context): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/', secure: isHttps(c) });
}
