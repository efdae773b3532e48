import type { Store } from '../ports/store.js';

/**
 * The store as an account's provider factory sees it while it builds the providers of a job that
 * was taken with the account's sealed credentials (every kind, read in the statement that took
 * the job: src/jobs/pg-engine/fetch.ts): credential reads of that account are answered from them
 * instead of by a query of their own, until `end()` (after the factory): the providers keep this
 * store, and a read after that (a token refreshed later) must see the store itself.
 * Everything else, writes included, is the store's.
 */
export function withSealedCredentials(store: Store, accountId: string, sealed: ReadonlyMap<string, string>): { store: Store; end(): void } {
  let live = false;
  const getCredential = async (id: string, kind: string) => (!live && id === accountId ? (sealed.get(kind) ?? null) : store.getCredential(id, kind));
  const getCredentials = async (id: string, kinds: readonly string[]) => {
    if (live || id !== accountId) return store.getCredentials ? store.getCredentials(id, kinds) : new Map(await Promise.all(kinds.map(async (k) => [k, await store.getCredential(id, k)] as const)).then((xs) => xs.filter((x): x is [string, string] => x[1] !== null)));
    return new Map(kinds.flatMap((k) => (sealed.has(k) ? [[k, sealed.get(k)!] as const] : [])));
  };
  const proxy = new Proxy(store, {
    get(target, prop) {
      if (prop === 'getCredential') return getCredential;
      if (prop === 'getCredentials') return getCredentials;
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
  return { store: proxy, end: () => (live = true) };
}
