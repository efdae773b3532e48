import type { Store } from '../ports/store.js';

/**
 * Spends a single-use key (a sign-in or approve link's nonce): true the first time, false after.
 * Backed by Store.consumeOnce, which both databases implement with a unique key, so two servers
 * (or a double click) cannot both win. The key is kept until the link would have expired anyway.
 */
export function spendOnce(store: Store, key: string, expiresAt: Date): Promise<boolean> {
  return store.consumeOnce(key, expiresAt);
}
