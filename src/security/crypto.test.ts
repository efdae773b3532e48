import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { MissingKeyError, open, parseEncryptionKey, seal } from './crypto.js';

describe('secrets at rest', () => {
  const key = randomBytes(32);

  it('round-trips and never contains the plaintext', () => {
    const sealed = seal('1//refresh-token-value', key, 'acct-1');
    expect(sealed).not.toContain('refresh-token-value');
    expect(open(sealed, key, 'acct-1')).toBe('1//refresh-token-value');
  });

  it('refuses another account (aad) and a wrong key', () => {
    const sealed = seal('secret', key, 'acct-1');
    expect(() => open(sealed, key, 'acct-2')).toThrow(/cannot be decrypted/);
    expect(() => open(sealed, randomBytes(32), 'acct-1')).toThrow(/cannot be decrypted/);
  });

  it('explains a missing or short key', () => {
    expect(() => parseEncryptionKey(undefined)).toThrow(MissingKeyError);
    expect(() => parseEncryptionKey(undefined)).toThrow(/openssl rand -base64 32/);
    expect(() => parseEncryptionKey(Buffer.alloc(16).toString('base64'))).toThrow(/decodes to 16 bytes/);
    expect(parseEncryptionKey('ab'.repeat(32))).toHaveLength(32);
  });
});
