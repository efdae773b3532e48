import { generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';

/**
 * The emulator's stand-in for Google's token signing: an RSA key made on first use, its public
 * half served as a JWKS at GET /oauth2/v3/certs (as www.googleapis.com does, with a Cache-Control
 * max-age), and RS256 JWTs signed with it, as Pub/Sub's authenticated push sends them.
 */
export const JWKS_PATH = '/oauth2/v3/certs';
export const JWKS_MAX_AGE_S = 3600;

export class EmulatorSigner {
  #key: { kid: string; privateKey: KeyObject; publicKey: KeyObject } | null = null;
  /** The service account's numeric id, as Google puts it in `sub` and `azp`. */
  readonly #subject = `1${randomBytes(8).readBigUInt64BE().toString().padStart(20, '0')}`;

  get kid(): string {
    return this.#keys().kid;
  }

  #keys(): { kid: string; privateKey: KeyObject; publicKey: KeyObject } {
    if (!this.#key) {
      const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
      this.#key = { kid: randomBytes(10).toString('hex'), privateKey, publicKey };
    }
    return this.#key;
  }

  jwks(): { keys: Record<string, unknown>[] } {
    const { kid, publicKey } = this.#keys();
    return { keys: [{ ...publicKey.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' }] };
  }

  jwksResponse(): Response {
    return Response.json(this.jwks(), { headers: { 'Cache-Control': `public, max-age=${JWKS_MAX_AGE_S}, must-revalidate, no-transform` } });
  }

  /** A compact RS256 JWT of these claims (header kid = the emulator's key unless given). */
  sign(claims: Record<string, unknown>, header: { kid?: string } = {}): string {
    const { kid, privateKey } = this.#keys();
    const enc = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
    const input = `${enc({ alg: 'RS256', kid: header.kid ?? kid, typ: 'JWT' })}.${enc(claims)}`;
    return `${input}.${sign('RSA-SHA256', Buffer.from(input), privateKey).toString('base64url')}`;
  }

  /** The OIDC token Pub/Sub attaches to a push for this subscription, valid for an hour. */
  pushToken(input: { audience: string; serviceAccountEmail: string; nowMs: number }): string {
    const iat = Math.floor(input.nowMs / 1000);
    return this.sign({
      aud: input.audience,
      azp: this.#subject,
      email: input.serviceAccountEmail,
      email_verified: true,
      exp: iat + 3600,
      iat,
      iss: 'https://accounts.google.com',
      sub: this.#subject,
    });
  }
}
