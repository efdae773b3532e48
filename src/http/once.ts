import type { TokenStore } from '../ports/store.js';

/**
 * Spends a single-use key (a sign-in or approve link's nonce): true the first time, false after.
 * Backed by TokenStore.consumeOnce, which both databases implement with a unique key, so two servers
 * (or a double click) cannot both win. The key is kept until the link would have expired anyway.
 */
export function spendOnce(store: Pick<TokenStore, 'consumeOnce'>, key: string, expiresAt: Date): Promise<boolean> {
  return store.consumeOnce(key, expiresAt);
}
