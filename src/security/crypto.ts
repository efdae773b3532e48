import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * Secrets at rest (refresh tokens, token caches) are sealed with AES-256-GCM.
 * The key comes from the environment only (FOLLOWUP_ENCRYPTION_KEY: 32 bytes as base64 or hex),
 * is never logged and never stored beside the data.
 */
export const ENCRYPTION_KEY_ENV = 'FOLLOWUP_ENCRYPTION_KEY';
const VERSION = 'v1';

export class MissingKeyError extends Error {
  override readonly name = 'MissingKeyError';
}

export function parseEncryptionKey(value: string | undefined): Buffer {
  if (!value) {
    throw new MissingKeyError(
      `${ENCRYPTION_KEY_ENV} is not set. Tokens are encrypted at rest and need a 32-byte key: ` +
        `generate one with \`openssl rand -base64 32\` and export ${ENCRYPTION_KEY_ENV}=<that value>.`,
    );
  }
  const trimmed = value.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(trimmed) ? Buffer.from(trimmed, 'hex') : Buffer.from(trimmed, 'base64');
  if (key.length !== 32) {
    throw new MissingKeyError(
      `${ENCRYPTION_KEY_ENV} must be 32 bytes (base64 or 64 hex characters); it decodes to ${key.length} bytes. ` +
        'Generate one with `openssl rand -base64 32`.',
    );
  }
  return key;
}

/** Seals plaintext; `aad` binds the ciphertext to its owner (e.g. the account id). */
export function seal(plaintext: string, key: Buffer, aad = ''): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [VERSION, iv.toString('base64url'), tag.toString('base64url'), body.toString('base64url')].join('.');
}

export function open(sealed: string, key: Buffer, aad = ''): string {
  const [version, iv, tag, body] = sealed.split('.');
  if (version !== VERSION || !iv || !tag || body === undefined) {
    throw new Error('Stored secret is not in the expected format; reconnect the account to store it again.');
  }
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  decipher.setAAD(Buffer.from(aad, 'utf8'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  try {
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    throw new Error(
      `Stored secret cannot be decrypted: ${ENCRYPTION_KEY_ENV} is not the key it was sealed with. ` +
        'Restore the original key, or reconnect the account.',
    );
  }
}
