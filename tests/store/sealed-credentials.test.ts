import { describe, expect, it } from 'vitest';
import { withSealedCredentials } from '../../src/app/sealed-credentials.js';
import { createMemoryStore } from '../../src/store/memory-store.js';

/** The store a provider factory sees while it builds from credentials taken with the job. */
describe('withSealedCredentials', () => {
  it('answers the account\'s credential reads from what came with the job until end(), then from the store', async () => {
    const store = createMemoryStore();
    for (const id of ['rep1', 'rep2']) await store.upsertAccount({ id, email: `${id}@northwind.example`, name: id, timeZone: 'Europe/Berlin', provider: 'google', role: 'rep', status: 'connected', statusDetail: null });
    await store.saveCredential('rep1', 'google', 'sealed-in-store');
    await store.saveCredential('rep2', 'google', 'other-account');
    const read = withSealedCredentials(store, 'rep1', new Map([['google', 'sealed-with-job'], ['google-access', 'access-with-job']]));
    expect(await read.store.getCredentials!('rep1', ['google', 'google-access', 'microsoft'])).toEqual(new Map([['google', 'sealed-with-job'], ['google-access', 'access-with-job']]));
    expect(await read.store.getCredential('rep1', 'microsoft')).toBeNull();
    // Another account, and writes, are the store's.
    expect(await read.store.getCredential('rep2', 'google')).toBe('other-account');
    await read.store.saveCredential('rep1', 'google-access', 'refreshed');
    expect(await store.getCredential('rep1', 'google-access')).toBe('refreshed');
    read.end();
    // Kept by the providers after that: reads see the store as it is now.
    expect(await read.store.getCredential('rep1', 'google')).toBe('sealed-in-store');
    expect(await read.store.getCredentials!('rep1', ['google-access'])).toEqual(new Map([['google-access', 'refreshed']]));
  });
});
