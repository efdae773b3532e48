import { createHmac, timingSafeEqual } from 'node:crypto';
import { ENCRYPTION_KEY_ENV, parseEncryptionKey } from './crypto.js';

/**
 * The clientState of an account's subscriptions: HMAC-SHA256 of the account id under the
 * encryption key, so nothing extra is stored and a notification for one account cannot be
 * replayed as another's. Compared in constant time.
 */
export function pushClientState(get: (name: string) => string | undefined, accountId: string): string {
  const key = parseEncryptionKey(get(ENCRYPTION_KEY_ENV));
  return createHmac('sha256', key).update(`followup push v1:${accountId}`).digest('base64url');
}

export function clientStateMatches(expected: string, given: unknown): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The shared secret in the Pub/Sub push subscription's URL (`/push/google/gmail?token=…`). */
export const PUBSUB_TOKEN_ENV = 'FOLLOWUP_PUBSUB_TOKEN';
