import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Signed, expiring tokens for links and cookies: `base64url(JSON payload).base64url(HMAC-SHA256)`.
 * The HMAC covers a purpose label too, so a token minted for one use (a sign-in link) is never
 * accepted for another (an approve link, a session cookie). No I/O, and the caller gives the clock;
 * minting is not pure all the same, since each link carries a random nonce (randomNonce).
 * Single use is not decided here: the caller spends the token's nonce with TokenStore.consumeOnce.
 *
 * Lives in src/security, not src/http: the worker mints approve links for the digest email and
 * the web pages verify them, and the worker may not import the web layer (eslint.config.js).
 */

export const SIGN_IN_LINK_TTL_MS = 15 * 60_000;
export const APPROVE_LINK_TTL_MS = 48 * 3_600_000;
export const SESSION_TTL_MS = 12 * 3_600_000;
export const MIN_SECRET_LENGTH = 32;

export type TokenPurpose = 'sign-in' | 'approve' | 'session' | 'csrf';

export interface SignInClaims {
  /** Account id of the rep. */
  acc: string;
  /** Random nonce: the single-use key. */
  n: string;
  /** Expiry, epoch ms. */
  exp: number;
}

export interface ApproveClaims extends SignInClaims {
  /** Draft id. */
  d: string;
}

export interface SessionClaims {
  /** Session id (random; CSRF tokens derive from it). */
  sid: string;
  /** Account id when signed in; null for a visitor who has not signed in yet. */
  acc: string | null;
  exp: number;
}

interface ClaimsByPurpose {
  'sign-in': SignInClaims;
  approve: ApproveClaims;
  session: SessionClaims;
}

export type TokenCheck<T> = { ok: true; claims: T } | { ok: false; reason: 'malformed' | 'forged' | 'expired' };

export function randomNonce(bytes = 18): string {
  return randomBytes(bytes).toString('base64url');
}

function mac(secret: string, purpose: TokenPurpose, body: string): Buffer {
  return createHmac('sha256', secret).update(`followup:${purpose}:v1\u0000${body}`).digest();
}

export function signToken<P extends keyof ClaimsByPurpose>(secret: string, purpose: P, claims: ClaimsByPurpose[P]): string {
  const body = Buffer.from(JSON.stringify(claims), 'utf8').toString('base64url');
  return `${body}.${mac(secret, purpose, body).toString('base64url')}`;
}

export function verifyToken<P extends keyof ClaimsByPurpose>(
  secret: string,
  purpose: P,
  token: string | null | undefined,
  now: Date,
): TokenCheck<ClaimsByPurpose[P]> {
  if (!token || token.length > 2048) return { ok: false, reason: 'malformed' };
  const [body, sig, extra] = token.split('.');
  if (!body || !sig || extra !== undefined || !/^[\w-]+$/.test(body) || !/^[\w-]+$/.test(sig)) return { ok: false, reason: 'malformed' };
  // Compared as text, not as decoded bytes: the last base64url character carries 2 unused bits, so
  // decoding would accept 4 spellings of one signature. Only the one we mint is valid.
  const expected = Buffer.from(mac(secret, purpose, body).toString('base64url'));
  const given = Buffer.from(sig);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'forged' };
  let claims: unknown;
  try {
    claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  if (typeof claims !== 'object' || claims === null || typeof (claims as { exp?: unknown }).exp !== 'number') {
    return { ok: false, reason: 'malformed' };
  }
  if ((claims as { exp: number }).exp <= now.getTime()) return { ok: false, reason: 'expired' };
  return { ok: true, claims: claims as ClaimsByPurpose[P] };
}

/** The per-session CSRF token: derived from the session id, so nothing is stored. */
export function csrfTokenFor(secret: string, sessionId: string): string {
  return mac(secret, 'csrf', sessionId).toString('base64url');
}

export function isValidCsrf(secret: string, sessionId: string, given: string | null | undefined): boolean {
  if (!given) return false;
  const expected = Buffer.from(csrfTokenFor(secret, sessionId));
  const got = Buffer.from(given);
  return got.length === expected.length && timingSafeEqual(got, expected);
}

/** Constant-time comparison of two secrets (the tick bearer token). */
export function secretsEqual(a: string, b: string): boolean {
  const ha = createHmac('sha256', 'cmp').update(a).digest();
  const hb = createHmac('sha256', 'cmp').update(b).digest();
  return timingSafeEqual(ha, hb);
}

/** Single-use keys as stored with TokenStore.consumeOnce (never the token itself). */
export function onceKey(purpose: 'sign-in' | 'approve', nonce: string): string {
  return `web:${purpose}:${nonce}`;
}

export function signInLink(input: { baseUrl: string; secret: string; accountId: string; now: Date }): { url: string; expiresAt: Date; nonce: string } {
  const exp = input.now.getTime() + SIGN_IN_LINK_TTL_MS;
  const nonce = randomNonce();
  const token = signToken(input.secret, 'sign-in', { acc: input.accountId, n: nonce, exp });
  return { url: `${trimSlash(input.baseUrl)}/login/${token}`, expiresAt: new Date(exp), nonce };
}

export function approveLink(input: { baseUrl: string; secret: string; accountId: string; draftId: string; now: Date }): { url: string; expiresAt: Date } {
  const exp = input.now.getTime() + APPROVE_LINK_TTL_MS;
  const token = signToken(input.secret, 'approve', { acc: input.accountId, d: input.draftId, n: randomNonce(), exp });
  return { url: `${trimSlash(input.baseUrl)}/a/${token}`, expiresAt: new Date(exp) };
}

export function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}
