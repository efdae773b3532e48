import {
  ConfidentialClientApplication,
  PublicClientApplication,
  type AccountInfo,
  type Configuration,
  type ICachePlugin,
  type INetworkModule,
  type NetworkResponse,
} from '@azure/msal-node';
import type { AccountConfig, AppConfig } from '../../config.js';
import { ProviderError } from '../../ports/errors.js';
import type { CredentialStore } from '../../ports/store.js';
import { ENCRYPTION_KEY_ENV, open, parseEncryptionKey, seal } from '../../security/crypto.js';
import type { AccessTokenSource } from './graph.client.js';
import { reconnectHint } from './graph-error.mapper.js';

/**
 * Sign-in to Microsoft 365 with @azure/msal-node.
 * - device-code (one rep, delegated permissions): `followup auth microsoft --account <id>` runs
 *   the device code flow; msal's token cache is serialized, sealed with AES-256-GCM (aad = the
 *   account id) and kept in the store (credential kind "microsoft"). Later runs refresh silently.
 * - client-credentials (an organisation, application permissions): a client secret from the
 *   environment variable named in the config; requests then go to /users/{address}.
 * A revoked or expired grant becomes ProviderError AUTH_REVOKED naming the command to reconnect,
 * and marks only that account disconnected.
 *
 * Against an emulator (`microsoft.authorityHost` set) msal never discovers anything: the
 * authority and cloud-discovery metadata are given inline, and an http:// emulator is reached
 * through a fetch-based network client (msal itself only accepts https authorities).
 */
export const CREDENTIAL_KIND = 'microsoft';
export const MICROSOFT_DEFAULT_AUTHORITY_HOST = 'https://login.microsoftonline.com';
export const GRAPH_APP_SCOPE = 'https://graph.microsoft.com/.default';
/** Delegated permissions asked for at sign-in (see README.md for why each one). */
export const DELEGATED_SCOPES = [
  'offline_access',
  'User.Read',
  'Calendars.ReadWrite',
  'Mail.ReadWrite',
  'Mail.Send',
  'OnlineMeetings.Read',
  'OnlineMeetingArtifact.Read.All',
];

type MicrosoftSection = NonNullable<AccountConfig['microsoft']>;

export interface MicrosoftAuthInput {
  account: Pick<AccountConfig, 'id' | 'email'> & { microsoft?: MicrosoftSection };
  config: Pick<AppConfig, 'env'>;
  store: CredentialStore;
}

function section(input: MicrosoftAuthInput): MicrosoftSection {
  const s = input.account.microsoft;
  if (!s) throw new Error(`account "${input.account.id}" has no "microsoft" section in the config`);
  return s;
}

/** A fetch-based msal network client; `rewrite` maps the https authority to an http emulator. */
export function fetchNetworkClient(rewrite: (url: string) => string = (u) => u): INetworkModule {
  const send = async <T>(url: string, init: RequestInit): Promise<NetworkResponse<T>> => {
    const res = await fetch(rewrite(url), init);
    const text = await res.text();
    const headers: Record<string, string> = {};
    res.headers.forEach((v, k) => (headers[k] = v));
    let body: unknown = {};
    try {
      body = text ? JSON.parse(text) : {};
    } catch {
      body = { error: 'invalid_response', error_description: text.slice(0, 200) };
    }
    return { status: res.status, headers, body: body as T };
  };
  return {
    sendGetRequestAsync: <T>(url: string, options?: { headers?: Record<string, string> }) => send<T>(url, { method: 'GET', ...(options?.headers ? { headers: options.headers } : {}) }),
    sendPostRequestAsync: <T>(url: string, options?: { headers?: Record<string, string>; body?: string }) =>
      send<T>(url, { method: 'POST', ...(options?.headers ? { headers: options.headers } : {}), ...(options?.body !== undefined ? { body: options.body } : {}) }),
  };
}

/**
 * msal's auth + system options for this account. With another authority host (the emulator, a
 * national cloud) msal trusts that host and reads its OpenID metadata from it, as it does from
 * Azure's; an http:// host (the emulator) is reached through a network client that rewrites
 * msal's https:// URLs.
 */
export function msalAuthOptions(s: MicrosoftSection): { auth: Configuration['auth']; system: Configuration['system'] } {
  if (!s.clientId) throw new Error('microsoft.clientId is missing from the config: register an app in Entra ID (see README) and put its Application (client) ID there.');
  const host = (s.authorityHost ?? MICROSOFT_DEFAULT_AUTHORITY_HOST).replace(/\/$/, '');
  const hostUrl = new URL(host);
  const httpsHost = `https://${hostUrl.host}`;
  const authority = `${httpsHost}/${s.tenantId}`;
  if (!s.authorityHost) return { auth: { clientId: s.clientId, authority }, system: {} };
  const rewrite = hostUrl.protocol === 'http:' ? (url: string) => (url.startsWith(httpsHost) ? `http://${hostUrl.host}${url.slice(httpsHost.length)}` : url) : undefined;
  return {
    auth: { clientId: s.clientId, authority, knownAuthorities: [hostUrl.host] },
    system: { networkClient: fetchNetworkClient(rewrite) },
  };
}

function encryptionKey(input: MicrosoftAuthInput): Buffer {
  return parseEncryptionKey(input.config.env.get(ENCRYPTION_KEY_ENV));
}

/** msal token cache kept sealed in the store, bound to the account id. */
export function sealedCachePlugin(input: MicrosoftAuthInput): ICachePlugin {
  const accountId = input.account.id;
  return {
    async beforeCacheAccess(ctx) {
      const sealed = await input.store.getCredential(accountId, CREDENTIAL_KIND);
      if (sealed) ctx.tokenCache.deserialize(open(sealed, encryptionKey(input), accountId));
    },
    async afterCacheAccess(ctx) {
      if (ctx.cacheHasChanged) await input.store.saveCredential(accountId, CREDENTIAL_KIND, seal(ctx.tokenCache.serialize(), encryptionKey(input), accountId));
    },
  };
}

const TRANSIENT_AUTH_CODES = new Set(['network_error', 'endpoints_resolution_error', 'temporarily_unavailable', 'server_error', 'request_timeout']);

/** An msal failure → ProviderError (AUTH_REVOKED unless it is plainly a network problem). */
export function mapAuthError(err: unknown, accountId: string, where: string): ProviderError {
  if (err instanceof ProviderError) return err;
  const code = String((err as { errorCode?: string } | null)?.errorCode ?? '');
  if (TRANSIENT_AUTH_CODES.has(code)) {
    return new ProviderError({ code: 'TRANSIENT', message: `sign-in service unreachable (${code})`, where, cause: err });
  }
  return new ProviderError({
    code: 'AUTH_REVOKED',
    message: `Microsoft 365 sign-in is no longer valid${code ? ` (${code})` : ''}. ${reconnectHint(accountId)}`,
    where,
    cause: err,
  });
}

export class MicrosoftTokenSource implements AccessTokenSource {
  private forceRefresh = false;
  private readonly pca: PublicClientApplication | null;
  private readonly cca: ConfidentialClientApplication | null;

  constructor(
    private readonly input: MicrosoftAuthInput,
    private readonly onRevoked: (error: ProviderError) => Promise<void> = async () => {},
  ) {
    const s = section(input);
    const { auth, system } = msalAuthOptions(s);
    if (s.auth === 'client-credentials') {
      const secret = input.config.env.get(s.clientSecretEnv);
      if (!secret) {
        throw new Error(`${s.clientSecretEnv} is not set: it must hold the client secret of the Entra app "${s.clientId}" (see README, Microsoft 365).`);
      }
      this.cca = new ConfidentialClientApplication({ auth: { ...auth, clientSecret: secret }, ...(system ? { system } : {}) });
      this.pca = null;
    } else {
      this.pca = new PublicClientApplication({ auth, ...(system ? { system } : {}), cache: { cachePlugin: sealedCachePlugin(input) } });
      this.cca = null;
    }
  }

  /** True for application permissions (requests go to /users/{address}, not /me). */
  get appOnly(): boolean {
    return this.cca !== null;
  }

  /** After a 401 from Graph: the next token is fetched anew (a revoked grant then fails for real). */
  refresh(): void {
    this.forceRefresh = true;
  }

  async getToken(): Promise<string> {
    const where = 'microsoft auth';
    try {
      const force = this.forceRefresh;
      this.forceRefresh = false;
      if (this.cca) {
        const r = await this.cca.acquireTokenByClientCredential({ scopes: [GRAPH_APP_SCOPE], skipCache: force });
        if (!r?.accessToken) throw new Error('no access token');
        return r.accessToken;
      }
      const account = await this.account();
      if (!account) {
        throw new ProviderError({ code: 'AUTH_REVOKED', message: `Microsoft 365 is not connected for this account. ${reconnectHint(this.input.account.id)}`, where });
      }
      const r = await this.pca!.acquireTokenSilent({ account, scopes: DELEGATED_SCOPES.filter((s) => s !== 'offline_access'), forceRefresh: force });
      return r.accessToken;
    } catch (err) {
      const mapped = mapAuthError(err, this.input.account.id, where);
      if (mapped.code === 'AUTH_REVOKED') await this.onRevoked(mapped);
      throw mapped;
    }
  }

  private async account(): Promise<AccountInfo | null> {
    const accounts = await this.pca!.getTokenCache().getAllAccounts();
    const email = this.input.account.email.toLowerCase();
    return accounts.find((a) => a.username.toLowerCase() === email) ?? accounts[0] ?? null;
  }

  /** `followup auth microsoft`: the device code flow; the sealed cache is saved by the plugin. */
  async signInWithDeviceCode(onMessage: (message: string) => void): Promise<{ username: string }> {
    if (!this.pca) throw new Error('this account uses client credentials (application permissions): no sign-in is needed, only the client secret.');
    const result = await this.pca.acquireTokenByDeviceCode({
      scopes: DELEGATED_SCOPES.filter((s) => s !== 'offline_access'),
      deviceCodeCallback: (r) => onMessage(r.message),
    });
    if (!result?.account) throw new Error('sign-in finished without an account');
    return { username: result.account.username };
  }
}
