import { newId, type GraphState, type Mailbox } from './state.js';

/**
 * The Microsoft identity platform (v2.0) endpoints msal-node calls, emulated:
 * `/{tenant}/oauth2/v2.0/token` (client_credentials, device_code, refresh_token),
 * `/{tenant}/oauth2/v2.0/devicecode`, and the discovery documents. OAuth errors use the
 * `{error, error_description, error_codes}` form (invalid_grant for a revoked refresh token).
 */

export interface TokenEndpointOptions {
  /** Client secrets by client id; when a client id is absent, any non-empty secret is accepted. */
  clientSecrets: Record<string, string>;
  /** Device codes are approved at once for this user (e-mail); null = wait for control.approveDeviceCode. */
  deviceCodeAutoApprove: string | null;
  accessTokenTtlSeconds: number;
}

function oauthError(status: number, error: string, description: string, codes: number[] = []): Response {
  return new Response(
    JSON.stringify({ error, error_description: description, error_codes: codes, timestamp: new Date().toISOString(), trace_id: newId('', 8), correlation_id: newId('', 8) }),
    { status, headers: { 'Content-Type': 'application/json' } },
  );
}

function b64url(value: unknown): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}

/** The authority's OpenID metadata and cloud discovery documents, as Azure serves them (built here only). */
function tokenMetadata(authority: string): { authorityMetadata: string; cloudDiscoveryMetadata: string } {
  const host = new URL(authority).host;
  const a = authority.replace(/\/$/, '');
  return {
    authorityMetadata: JSON.stringify({
      token_endpoint: `${a}/oauth2/v2.0/token`,
      authorization_endpoint: `${a}/oauth2/v2.0/authorize`,
      device_authorization_endpoint: `${a}/oauth2/v2.0/devicecode`,
      end_session_endpoint: `${a}/oauth2/v2.0/logout`,
      issuer: `${a}/v2.0`,
      jwks_uri: `${a}/discovery/v2.0/keys`,
      response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
      scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
      token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
      subject_types_supported: ['pairwise'],
      id_token_signing_alg_values_supported: ['RS256'],
      http_logout_supported: true,
      frontchannel_logout_supported: true,
      request_uri_parameter_supported: false,
      claims_supported: ['sub', 'iss', 'aud', 'exp', 'iat', 'name', 'oid', 'tid', 'preferred_username'],
      tenant_region_scope: null,
      cloud_instance_name: host,
      cloud_graph_host_name: host,
      msgraph_host: host,
      rbac_url: `https://${host}`,
    }),
    cloudDiscoveryMetadata: JSON.stringify({
      tenant_discovery_endpoint: `${a}/v2.0/.well-known/openid-configuration`,
      'api-version': '1.1',
      metadata: [{ preferred_network: host, preferred_cache: host, aliases: [host] }],
    }),
  };
}

export class TokenEndpoint {
  constructor(
    private readonly state: GraphState,
    readonly options: TokenEndpointOptions,
  ) {}

  async handle(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const m = /^\/([^/]+)\/(oauth2\/v2\.0\/(token|devicecode)|v2\.0\/\.well-known\/openid-configuration|discovery\/instance)$/.exec(url.pathname);
    if (!m) return oauthError(404, 'invalid_request', `AADSTS90002: unknown endpoint ${url.pathname}`);
    const tenant = m[1]!;
    const authority = `${url.origin}/${tenant}`;
    if (m[2]!.includes('openid-configuration')) {
      return new Response(tokenMetadata(authority).authorityMetadata, { headers: { 'Content-Type': 'application/json' } });
    }
    if (m[2] === 'discovery/instance') {
      return new Response(tokenMetadata(authority).cloudDiscoveryMetadata, { headers: { 'Content-Type': 'application/json' } });
    }
    const form = new URLSearchParams(await request.text());
    const clientId = form.get('client_id') ?? '';
    if (!clientId) return oauthError(400, 'invalid_request', "AADSTS900144: The request body must contain the following parameter: 'client_id'.", [900144]);
    if (m[3] === 'devicecode') {
      const code = {
        deviceCode: newId('dc.', 24),
        userCode: newId('', 6).toUpperCase().replace(/[^A-Z0-9]/g, 'X').slice(0, 8),
        clientId,
        scope: form.get('scope') ?? '',
        approvedFor: this.options.deviceCodeAutoApprove,
        expiresAt: Date.now() + 900_000,
      };
      this.state.deviceCodes.set(code.deviceCode, code);
      return Response.json({
        user_code: code.userCode,
        device_code: code.deviceCode,
        verification_uri: `${url.origin}/devicelogin`,
        expires_in: 900,
        interval: 1,
        message: `To sign in, use a web browser to open the page ${url.origin}/devicelogin and enter the code ${code.userCode} to authenticate.`,
      });
    }
    const grant = form.get('grant_type');
    if (grant === 'client_credentials') {
      const secret = form.get('client_secret') ?? '';
      const expected = this.options.clientSecrets[clientId];
      if (!secret || (expected !== undefined && expected !== secret)) {
        return oauthError(401, 'invalid_client', 'AADSTS7000215: Invalid client secret provided.', [7000215]);
      }
      const token = this.state.issueAccessToken({ mailboxId: null, clientId, ttlSeconds: this.options.accessTokenTtlSeconds });
      return Response.json({ token_type: 'Bearer', expires_in: this.options.accessTokenTtlSeconds, ext_expires_in: this.options.accessTokenTtlSeconds, access_token: token.token });
    }
    if (grant === 'urn:ietf:params:oauth:grant-type:device_code' || grant === 'device_code') {
      const code = this.state.deviceCodes.get(form.get('device_code') ?? '');
      if (!code || code.expiresAt < Date.now()) return oauthError(400, 'expired_token', 'AADSTS70020: The provided value for the input parameter device_code is expired.', [70020]);
      if (!code.approvedFor) return oauthError(400, 'authorization_pending', 'AADSTS70016: OAuth 2.0 device flow error. Authorization is pending.', [70016]);
      const mailbox = this.state.findMailbox(code.approvedFor);
      if (!mailbox) return oauthError(400, 'invalid_grant', 'AADSTS50034: The user account does not exist in this directory.', [50034]);
      this.state.deviceCodes.delete(code.deviceCode);
      return this.userTokens(mailbox, clientId, tenant, authority, code.scope);
    }
    if (grant === 'refresh_token') {
      const refresh = this.state.refreshGrants.get(form.get('refresh_token') ?? '');
      if (!refresh || refresh.revoked) {
        return oauthError(400, 'invalid_grant', 'AADSTS50173: The provided grant has expired due to it being revoked, a fresh auth token is needed.', [50173]);
      }
      const mailbox = this.state.mailboxes.get(refresh.mailboxId);
      if (!mailbox) return oauthError(400, 'invalid_grant', 'AADSTS50034: The user account does not exist in this directory.', [50034]);
      // Refresh tokens rotate: the old one stays valid (as in Entra) until revoked.
      return this.userTokens(mailbox, clientId, tenant, authority, form.get('scope') ?? '');
    }
    return oauthError(400, 'unsupported_grant_type', `AADSTS70003: The app requested an unsupported grant type '${grant ?? ''}'.`, [70003]);
  }

  private userTokens(mailbox: Mailbox, clientId: string, tenant: string, authority: string, scope: string): Response {
    const access = this.state.issueAccessToken({ mailboxId: mailbox.id, clientId, ttlSeconds: this.options.accessTokenTtlSeconds });
    const refresh = this.state.issueRefreshGrant({ mailboxId: mailbox.id, clientId });
    const now = Math.floor(Date.now() / 1000);
    const tid = tenant === 'common' || tenant === 'organizations' ? '9188040d-6c67-4c5b-b112-36a304b66dad' : tenant;
    const idToken = [
      b64url({ typ: 'JWT', alg: 'none' }),
      b64url({ aud: clientId, iss: `${authority}/v2.0`, iat: now, nbf: now, exp: now + 3600, name: mailbox.name, oid: mailbox.id, preferred_username: mailbox.email, sub: mailbox.id, tid, ver: '2.0' }),
      '',
    ].join('.');
    return Response.json({
      token_type: 'Bearer',
      scope: scope.split(' ').filter((s) => !['openid', 'profile', 'offline_access'].includes(s)).join(' ') || 'https://graph.microsoft.com/.default',
      expires_in: this.options.accessTokenTtlSeconds,
      ext_expires_in: this.options.accessTokenTtlSeconds,
      access_token: access.token,
      refresh_token: refresh.token,
      id_token: idToken,
      client_info: b64url({ uid: mailbox.id, utid: tid }),
    });
  }
}
