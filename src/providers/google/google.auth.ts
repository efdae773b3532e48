import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { auth as googleAuth } from '@googleapis/calendar';
import type { AccountConfig, AppConfig } from '../../config.js';
import { ProviderError } from '../../ports/errors.js';
import type { CredentialStore } from '../../ports/store.js';
import { ENCRYPTION_KEY_ENV, open, parseEncryptionKey, seal } from '../../security/crypto.js';
import { normaliseRootUrl, type GoogleAuthClient } from './google.client.js';

/**
 * Google auth: the OAuth installed-app flow (loopback redirect + PKCE) for one rep, a service
 * account with domain-wide delegation for an organisation, refresh tokens sealed at rest.
 * With `rootUrl` (an emulator) every token request goes to `<rootUrl>token`: no real Google contact.
 */

/** Scopes requested, and why (README explains them to admins). */
export const GOOGLE_SCOPES = [
  // Read the rep's events (sync), check free/busy and create booked meetings with the prospect.
  'https://www.googleapis.com/auth/calendar.events',
  'https://www.googleapis.com/auth/calendar.freebusy',
  // Read replies (history + messages), look up sent mail by Message-ID, and create Drafts.
  'https://www.googleapis.com/auth/gmail.modify',
  // Send follow-ups from the rep's own mailbox.
  'https://www.googleapis.com/auth/gmail.send',
  // Read Meet conference records and participants (no-show evidence).
  'https://www.googleapis.com/auth/meetings.space.readonly',
] as const;

export const CREDENTIAL_KIND = 'google';

export function reconnectHint(accountId: string): string {
  return `Run \`followup auth google --account ${accountId}\` to reconnect.`;
}

export function authRevokedError(accountId: string, cause?: unknown, where = 'google auth'): ProviderError {
  return new ProviderError({
    code: 'AUTH_REVOKED',
    where,
    message: `Google access for account "${accountId}" was revoked or has expired. ${reconnectHint(accountId)}`,
    cause,
  });
}

export interface OAuthClientInput {
  clientId: string;
  clientSecret?: string;
  redirectUri?: string;
  rootUrl?: string;
}

export function createOAuthClient(input: OAuthClientInput): InstanceType<typeof googleAuth.OAuth2> {
  const root = normaliseRootUrl(input.rootUrl);
  return new googleAuth.OAuth2({
    clientId: input.clientId,
    // A cached access token (kept across runs) that Google refuses, because its clock and ours
    // differ or the token was revoked early, is refreshed once and the request retried, instead of
    // the account being reported as disconnected.
    forceRefreshOnFailure: true,
    ...(input.clientSecret ? { clientSecret: input.clientSecret } : {}),
    ...(input.redirectUri ? { redirectUri: input.redirectUri } : {}),
    ...(root
      ? {
          endpoints: {
            oauth2TokenUrl: `${root}token`,
            oauth2AuthBaseUrl: `${root}o/oauth2/v2/auth`,
            oauth2RevokeUrl: `${root}revoke`,
            tokenInfoUrl: `${root}tokeninfo`,
          },
        }
      : {}),
  });
}

export interface ServiceAccountKey {
  client_email: string;
  private_key: string;
}

/** Domain-wide delegation: a JWT client acting as `subject` (the rep's address). */
export function createServiceAccountClient(input: { key: ServiceAccountKey; subject: string; rootUrl?: string }): InstanceType<typeof googleAuth.JWT> {
  const client = new googleAuth.JWT({ email: input.key.client_email, key: input.key.private_key, scopes: [...GOOGLE_SCOPES], subject: input.subject });
  const root = normaliseRootUrl(input.rootUrl);
  if (root) {
    // gtoken posts to Google's fixed token URL; send it to the emulator instead.
    client.transporter.interceptors.request.add({
      resolved: async (config) => {
        const url = String(config.url ?? '');
        if (url.startsWith('https://oauth2.googleapis.com/token') || url.startsWith('https://www.googleapis.com/oauth2/v4/token')) {
          config.url = new URL(`${root}token`);
        }
        return config;
      },
    });
  }
  return client;
}

interface StoredGoogleCredential {
  refresh_token: string;
  scope?: string;
  obtained_at?: string;
}

export async function saveRefreshToken(input: { store: Pick<CredentialStore, 'saveCredential'>; accountId: string; refreshToken: string; scope?: string; key: Buffer; now?: Date }): Promise<void> {
  const payload: StoredGoogleCredential = {
    refresh_token: input.refreshToken,
    ...(input.scope ? { scope: input.scope } : {}),
    obtained_at: (input.now ?? new Date()).toISOString(),
  };
  await input.store.saveCredential(input.accountId, CREDENTIAL_KIND, seal(JSON.stringify(payload), input.key, input.accountId));
}

/** Sealed access tokens: kind "google-access", bound to the account id and the kind. */
export const ACCESS_TOKEN_KIND = 'google-access';
/** A cached token with less than this left is not used (a request must not carry a dying token). */
const ACCESS_TOKEN_MARGIN_MS = 60_000;

export async function saveAccessToken(input: { store: Pick<CredentialStore, 'saveCredential'>; accountId: string; key: Buffer; accessToken: string; expiresAt: number }): Promise<void> {
  const payload = JSON.stringify({ access_token: input.accessToken, expiry_date: input.expiresAt });
  await input.store.saveCredential(input.accountId, ACCESS_TOKEN_KIND, seal(payload, input.key, `${input.accountId}:${ACCESS_TOKEN_KIND}`));
}

/** The cached access token if it is still good for more than a minute at `now`, else null. */
export async function loadAccessToken(input: { store: Pick<CredentialStore, 'getCredential'>; accountId: string; key: Buffer; now: number; sealed?: string | null }): Promise<{ accessToken: string; expiresAt: number } | null> {
  const sealed = input.sealed !== undefined ? input.sealed : await input.store.getCredential(input.accountId, ACCESS_TOKEN_KIND);
  if (!sealed) return null;
  try {
    const parsed = JSON.parse(open(sealed, input.key, `${input.accountId}:${ACCESS_TOKEN_KIND}`)) as { access_token?: string; expiry_date?: number };
    if (!parsed.access_token || !parsed.expiry_date || parsed.expiry_date - ACCESS_TOKEN_MARGIN_MS <= input.now) return null;
    return { accessToken: parsed.access_token, expiresAt: parsed.expiry_date };
  } catch {
    return null; // another key, or a damaged entry: mint a new token
  }
}

export async function loadRefreshToken(input: { store: Pick<CredentialStore, 'getCredential'>; accountId: string; key: Buffer; sealed?: string | null }): Promise<string | null> {
  const sealed = input.sealed !== undefined ? input.sealed : await input.store.getCredential(input.accountId, CREDENTIAL_KIND);
  if (!sealed) return null;
  const plain = open(sealed, input.key, input.accountId);
  try {
    const parsed = JSON.parse(plain) as StoredGoogleCredential;
    return parsed.refresh_token ?? null;
  } catch {
    return plain;
  }
}

/** The auth client for an account, from config and the store. Throws MissingKeyError (crypto.ts)
 *  when FOLLOWUP_ENCRYPTION_KEY is missing, ProviderError AUTH_REVOKED when not connected yet. */
export async function createAccountAuth(input: { account: AccountConfig; config: AppConfig; store: CredentialStore }): Promise<GoogleAuthClient> {
  const { account, config, store } = input;
  const g = account.google;
  if (!g) throw new Error(`Account "${account.id}" has provider google but no google section.`);
  if (g.auth === 'service-account') {
    const raw = config.env.get(g.serviceAccountKeyEnv);
    if (!raw) {
      throw new ProviderError({
        code: 'AUTH_REVOKED',
        where: 'google auth',
        message: `${g.serviceAccountKeyEnv} is not set: put the service account's JSON key itself (not a path to it) in that variable.`,
      });
    }
    const key = JSON.parse(raw) as ServiceAccountKey;
    return createServiceAccountClient({ key, subject: account.email, ...(g.rootUrl ? { rootUrl: g.rootUrl } : {}) });
  }
  const key = parseEncryptionKey(config.env.get(ENCRYPTION_KEY_ENV));
  // The refresh token and the cached access token in one read where the store can.
  const both = store.getCredentials ? await store.getCredentials(account.id, [CREDENTIAL_KIND, ACCESS_TOKEN_KIND]) : null;
  const sealed = (kind: string) => (both ? (both.get(kind) ?? null) : undefined);
  const refreshToken = await loadRefreshToken({ store, accountId: account.id, key, sealed: sealed(CREDENTIAL_KIND) });
  if (!refreshToken) {
    throw new ProviderError({
      code: 'AUTH_REVOKED',
      where: 'google auth',
      message: `Account "${account.id}" is not connected to Google yet. ${reconnectHint(account.id).replace('reconnect', 'connect it')}`,
    });
  }
  const clientId = g.clientId ?? (g.rootUrl ? 'followup-emulator' : undefined);
  if (!clientId) throw new Error(`Account "${account.id}": google.clientId is missing (the OAuth client id from Google Cloud console).`);
  const client = createOAuthClient({ clientId, clientSecret: config.env.get(g.clientSecretEnv) ?? (g.rootUrl ? 'emulator' : undefined), ...(g.rootUrl ? { rootUrl: g.rootUrl } : {}) });
  // The access token from an earlier run, while it has more than a minute left: an idle tick then
  // mints none. A new one (refreshed by the client) is sealed back for the next run.
  const cached = await loadAccessToken({ store, accountId: account.id, key, now: Date.now(), sealed: sealed(ACCESS_TOKEN_KIND) });
  client.setCredentials({ refresh_token: refreshToken, ...(cached ? { access_token: cached.accessToken, expiry_date: cached.expiresAt } : {}) });
  client.on('tokens', (tokens) => {
    if (!tokens.access_token || !tokens.expiry_date) return;
    void saveAccessToken({ store, accountId: account.id, key, accessToken: tokens.access_token, expiresAt: tokens.expiry_date }).catch(() => undefined);
  });
  return client;
}

export interface InstalledAppFlowInput {
  clientId: string;
  clientSecret?: string;
  rootUrl?: string;
  loginHint?: string;
  /** Shows the consent URL to the user (print it, open a browser, or fetch it in tests). */
  onAuthUrl: (url: string) => void | Promise<void>;
  timeoutMs?: number;
}

/** OAuth installed-app flow: loopback redirect on 127.0.0.1 (random port), PKCE S256, state check. */
export async function runInstalledAppFlow(input: InstalledAppFlowInput): Promise<{ refreshToken: string; scope: string | null }> {
  const state = randomBytes(16).toString('base64url');
  let resolveCode!: (code: string) => void;
  let rejectCode!: (err: Error) => void;
  const codePromise = new Promise<string>((resolve, reject) => {
    resolveCode = resolve;
    rejectCode = reject;
  });
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname !== '/') {
      res.writeHead(404).end();
      return;
    }
    const error = url.searchParams.get('error');
    if (error || url.searchParams.get('state') !== state || !url.searchParams.get('code')) {
      res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end('Authorization failed. You can close this tab and try again.');
      rejectCode(new Error(error ? `Google authorization was refused (${error}).` : 'Authorization answer did not match this request (state mismatch).'));
      return;
    }
    res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end('Followup is connected to Google. You can close this tab.');
    resolveCode(url.searchParams.get('code')!);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const redirectUri = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const timer = setTimeout(() => rejectCode(new Error('Timed out waiting for the Google consent screen to redirect back.')), input.timeoutMs ?? 5 * 60_000);
  try {
    const client = createOAuthClient({ clientId: input.clientId, ...(input.clientSecret ? { clientSecret: input.clientSecret } : {}), redirectUri, ...(input.rootUrl ? { rootUrl: input.rootUrl } : {}) });
    const { codeVerifier, codeChallenge } = await client.generateCodeVerifierAsync();
    const authUrl = client.generateAuthUrl({
      access_type: 'offline',
      prompt: 'consent',
      scope: [...GOOGLE_SCOPES],
      state,
      code_challenge_method: 'S256' as never,
      code_challenge: codeChallenge,
      ...(input.loginHint ? { login_hint: input.loginHint } : {}),
    });
    await input.onAuthUrl(authUrl);
    const code = await codePromise;
    const { tokens } = await client.getToken({ code, codeVerifier, redirect_uri: redirectUri });
    if (!tokens.refresh_token) {
      throw new Error('Google returned no refresh token. Remove Followup from https://myaccount.google.com/permissions and run the command again.');
    }
    return { refreshToken: tokens.refresh_token, scope: tokens.scope ?? null };
  } finally {
    clearTimeout(timer);
    server.closeAllConnections?.();
    server.close();
  }
}
