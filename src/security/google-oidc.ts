import { createPublicKey, verify, type JsonWebKey, type KeyObject } from 'node:crypto';

/**
 * The OIDC token Pub/Sub sends with a push when its subscription has an authenticated push
 * service account: `Authorization: Bearer <JWT>`, RS256, signed by Google, whose public keys are
 * at GOOGLE_JWKS_URL (a JWKS, cached as long as its Cache-Control max-age says). The claims
 * checked: `iss` (accounts.google.com, with or without https://), `aud` (the subscription's
 * audience, by default its push endpoint URL), `exp` (and `nbf` when present) with a small clock
 * skew, and, when configured, `email` (the push service account) with `email_verified`.
 * node:crypto only: a JWK becomes a KeyObject with createPublicKey.
 */
export const GOOGLE_JWKS_URL = 'https://www.googleapis.com/oauth2/v3/certs';
export const GOOGLE_ISSUERS = ['accounts.google.com', 'https://accounts.google.com'];
/** How far a clock may be off: a token is taken up to this long after its `exp`. */
export const CLOCK_SKEW_S = 60;
/** When the JWKS says nothing about caching. */
const DEFAULT_MAX_AGE_S = 300;
/** An unknown `kid` re-reads the JWKS (Google rotated its keys), but not more often than this. */
const MIN_REFRESH_MS = 30_000;
const FETCH_TIMEOUT_MS = 5_000;

export class JwksUnavailableError extends Error {
  override readonly name = 'JwksUnavailableError';
}

/** The keys of one JWKS URL, fetched once and kept until their max-age runs out. */
export class JwksCache {
  #keys = new Map<string, KeyObject>();
  #expiresAt = 0;
  #fetchedAt = -Infinity;
  #inflight: Promise<void> | null = null;
  /** How many times the JWKS was fetched (tests, logs). */
  fetches = 0;

  constructor(
    readonly url: string,
    private readonly fetchFn: typeof fetch = (input, init) => fetch(input, init),
    private readonly now: () => number = Date.now,
  ) {}

  /** The key with this `kid`, or null when the JWKS has none. Throws JwksUnavailableError when it cannot be read. */
  async key(kid: string): Promise<KeyObject | null> {
    const t = this.now();
    if (t >= this.#expiresAt || (!this.#keys.has(kid) && t - this.#fetchedAt >= MIN_REFRESH_MS)) await this.#refresh();
    return this.#keys.get(kid) ?? null;
  }

  #refresh(): Promise<void> {
    this.#inflight ??= this.#load().finally(() => (this.#inflight = null));
    return this.#inflight;
  }

  async #load(): Promise<void> {
    this.fetches += 1;
    let body: { keys?: unknown };
    let cacheControl: string | null;
    try {
      const res = await this.fetchFn(this.url, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      cacheControl = res.headers.get('cache-control');
      body = (await res.json()) as { keys?: unknown };
    } catch (err) {
      throw new JwksUnavailableError(`cannot read the JWKS at ${this.url} (${(err as Error).message})`);
    }
    const keys = new Map<string, KeyObject>();
    for (const jwk of Array.isArray(body.keys) ? (body.keys as (JsonWebKey & { kid?: unknown; use?: unknown })[]) : []) {
      if (typeof jwk.kid !== 'string' || jwk.kty !== 'RSA' || (jwk.use !== undefined && jwk.use !== 'sig')) continue;
      try {
        keys.set(jwk.kid, createPublicKey({ key: jwk, format: 'jwk' }));
      } catch {
        // A key node cannot read is left out; tokens signed with it are refused as an unknown kid.
      }
    }
    const t = this.now();
    this.#keys = keys;
    this.#fetchedAt = t;
    this.#expiresAt = t + maxAgeSeconds(cacheControl) * 1000;
  }
}

/** `max-age` of a Cache-Control header (0 with no-store / no-cache), DEFAULT_MAX_AGE_S without one. */
export function maxAgeSeconds(cacheControl: string | null): number {
  if (!cacheControl) return DEFAULT_MAX_AGE_S;
  if (/(^|,)\s*no-(store|cache)\b/i.test(cacheControl)) return 0;
  const m = /(^|,)\s*max-age\s*=\s*"?(\d+)"?/i.exec(cacheControl);
  return m ? Number(m[2]) : DEFAULT_MAX_AGE_S;
}

export interface PushTokenExpectations {
  audience: string;
  /** The push subscription's service account; unset = any Google-signed token for the audience. */
  serviceAccount?: string;
}

export type PushTokenCheck = { ok: true; claims: Record<string, unknown> } | { ok: false; reason: string };

function decodePart(part: string): Record<string, unknown> | null {
  try {
    const value = JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as unknown;
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** The token of an `Authorization: Bearer …` header, or null. */
export function bearerToken(header: string | undefined | null): string | null {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return m ? m[1]! : null;
}

/**
 * Checks a Pub/Sub push OIDC token. Answers why it is refused (for the log), never throws for a
 * bad token; throws JwksUnavailableError when Google's keys cannot be read.
 */
export async function verifyPushToken(token: string | null, expected: PushTokenExpectations, jwks: JwksCache, nowMs: number = Date.now()): Promise<PushTokenCheck> {
  if (!token) return { ok: false, reason: 'no Authorization: Bearer token' };
  const parts = token.split('.');
  if (parts.length !== 3 || parts.some((p) => !/^[A-Za-z0-9_-]*$/.test(p))) return { ok: false, reason: 'not a JWT' };
  const [h, p, s] = parts as [string, string, string];
  const header = decodePart(h);
  const claims = decodePart(p);
  if (!header || !claims) return { ok: false, reason: 'not a JWT' };
  if (header.alg !== 'RS256') return { ok: false, reason: `algorithm ${String(header.alg)} (only RS256 is taken)` };
  if (typeof header.kid !== 'string') return { ok: false, reason: 'no kid in the header' };
  const key = await jwks.key(header.kid);
  if (!key) return { ok: false, reason: `unknown signing key ${header.kid.slice(0, 64)}` };
  if (!verify('RSA-SHA256', Buffer.from(`${h}.${p}`), key, Buffer.from(s, 'base64url'))) return { ok: false, reason: 'bad signature' };
  if (typeof claims.iss !== 'string' || !GOOGLE_ISSUERS.includes(claims.iss)) return { ok: false, reason: `issuer ${String(claims.iss).slice(0, 80)} is not Google` };
  const aud = claims.aud;
  if (!(aud === expected.audience || (Array.isArray(aud) && aud.includes(expected.audience)))) return { ok: false, reason: `audience ${JSON.stringify(aud)?.slice(0, 120)} is not the configured one` };
  const now = nowMs / 1000;
  if (typeof claims.exp !== 'number' || claims.exp + CLOCK_SKEW_S < now) return { ok: false, reason: 'expired' };
  if (typeof claims.nbf === 'number' && claims.nbf - CLOCK_SKEW_S > now) return { ok: false, reason: 'not valid yet (nbf)' };
  if (expected.serviceAccount !== undefined) {
    const email = typeof claims.email === 'string' ? claims.email.toLowerCase() : '';
    if (email !== expected.serviceAccount.toLowerCase() || claims.email_verified !== true) return { ok: false, reason: `signed for ${email || 'no email'}, not the configured service account` };
  }
  return { ok: true, claims };
}

const caches = new Map<string, JwksCache>();

/** One cache per JWKS URL for the process (a warm serverless instance keeps it between requests). */
export function sharedJwks(url: string): JwksCache {
  let cache = caches.get(url);
  if (!cache) caches.set(url, (cache = new JwksCache(url)));
  return cache;
}
