import { createHash, randomBytes } from 'node:crypto';
import { HttpResponse } from 'msw';
import { json } from './http-util.js';
import type { Route, RouteContext } from './routes.js';
import type { GoogleEmulatorState } from './state.js';

/**
 * OAuth 2.0 endpoints: the token endpoint (refresh_token, authorization_code with PKCE S256,
 * JWT bearer for service accounts with a `sub`) and an authorization endpoint that consents at
 * once and redirects to the loopback redirect_uri (for `followup auth google` against the emulator).
 * Revoked refresh tokens answer `invalid_grant` as Google does.
 */

const ACCESS_TOKEN_TTL_S = 3599;

function oauthError(error: string, description: string, status = 400): Response {
  return HttpResponse.json({ error, error_description: description }, { status });
}

export function issueAccessToken(state: GoogleEmulatorState, email: string, refreshToken: string | null, nowMs: number): string {
  const token = `ya29.emu-${randomBytes(12).toString('base64url')}`;
  state.oauth.accessTokens.set(token, { email, refreshToken, expiresAt: nowMs + ACCESS_TOKEN_TTL_S * 1000 });
  return token;
}

export function issueRefreshToken(state: GoogleEmulatorState, email: string, scope = ''): string {
  const token = `1//emu-${randomBytes(16).toString('base64url')}`;
  state.oauth.refreshTokens.set(token, { email: email.toLowerCase(), revoked: false, scope });
  return token;
}

async function readForm(request: Request): Promise<URLSearchParams> {
  const text = await request.text();
  if (text.trim().startsWith('{')) {
    try {
      return new URLSearchParams(Object.entries(JSON.parse(text) as Record<string, string>));
    } catch {
      return new URLSearchParams();
    }
  }
  return new URLSearchParams(text);
}

function decodeJwtPayload(assertion: string): Record<string, unknown> | null {
  const part = assertion.split('.')[1];
  if (!part) return null;
  try {
    return JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>;
  } catch {
    return null;
  }
}

async function token(ctx: RouteContext): Promise<Response> {
  const form = await readForm(ctx.request);
  const grant = form.get('grant_type');
  const nowMs = ctx.now().getTime();
  if (grant === 'refresh_token') {
    const rt = form.get('refresh_token') ?? '';
    const record = ctx.state.oauth.refreshTokens.get(rt);
    if (!record || record.revoked) return oauthError('invalid_grant', 'Token has been expired or revoked.');
    return json({ access_token: issueAccessToken(ctx.state, record.email, rt, nowMs), expires_in: ACCESS_TOKEN_TTL_S, token_type: 'Bearer', scope: record.scope });
  }
  if (grant === 'authorization_code') {
    const code = form.get('code') ?? '';
    const pending = ctx.state.oauth.codes.get(code);
    if (!pending) return oauthError('invalid_grant', 'Malformed auth code.');
    ctx.state.oauth.codes.delete(code);
    if (pending.redirectUri !== form.get('redirect_uri')) return oauthError('redirect_uri_mismatch', 'Bad Request');
    if (pending.codeChallenge) {
      const verifier = form.get('code_verifier') ?? '';
      const challenge = createHash('sha256').update(verifier).digest('base64url');
      if (challenge !== pending.codeChallenge) return oauthError('invalid_grant', 'Invalid code verifier.');
    }
    const rt = issueRefreshToken(ctx.state, pending.email, pending.scope);
    return json({
      access_token: issueAccessToken(ctx.state, pending.email, rt, nowMs),
      refresh_token: rt,
      expires_in: ACCESS_TOKEN_TTL_S,
      token_type: 'Bearer',
      scope: pending.scope,
    });
  }
  if (grant === 'urn:ietf:params:oauth:grant-type:jwt-bearer') {
    const payload = decodeJwtPayload(form.get('assertion') ?? '');
    const subject = String(payload?.sub ?? payload?.iss ?? '').toLowerCase();
    if (!payload || !subject) return oauthError('invalid_grant', 'Invalid JWT Signature.');
    if (!ctx.state.users.has(subject)) return oauthError('invalid_grant', 'Invalid email or User ID');
    return json({ access_token: issueAccessToken(ctx.state, subject, null, nowMs), expires_in: ACCESS_TOKEN_TTL_S, token_type: 'Bearer' });
  }
  return oauthError('unsupported_grant_type', `Invalid grant_type: ${grant ?? ''}`);
}

function authorize(ctx: RouteContext): Response {
  const p = ctx.url.searchParams;
  const redirectUri = p.get('redirect_uri');
  if (!redirectUri) return oauthError('invalid_request', 'Missing required parameter: redirect_uri');
  const hint = p.get('login_hint')?.toLowerCase();
  const email = hint && ctx.state.users.has(hint) ? hint : [...ctx.state.users.keys()][0];
  if (!email) return oauthError('access_denied', 'No user in the emulator');
  const method = p.get('code_challenge_method');
  const challenge = p.get('code_challenge');
  if (challenge && method && method !== 'S256') return oauthError('invalid_request', 'Only S256 is supported');
  const code = `4/emu-${randomBytes(12).toString('base64url')}`;
  ctx.state.oauth.codes.set(code, { email, redirectUri, codeChallenge: challenge, scope: p.get('scope') ?? '' });
  const target = new URL(redirectUri);
  target.searchParams.set('code', code);
  if (p.get('state')) target.searchParams.set('state', p.get('state')!);
  target.searchParams.set('scope', p.get('scope') ?? '');
  return new HttpResponse(null, { status: 302, headers: { Location: target.toString() } });
}

export const oauthRoutes: Route[] = [
  { method: 'post', path: '/token', auth: false, api: false, handle: token },
  { method: 'get', path: '/o/oauth2/v2/auth', auth: false, api: false, handle: authorize },
];
