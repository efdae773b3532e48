/**
 * The store contract on the in-memory store: the same suite as SQLite and PostgreSQL, so tests that
 * run the worker or domain rules on it can trust it behaves like them. Every store a test opens
 * shares one MemoryDatabase, as two workers share one database file.
 */
import { describe, expect, it } from 'vitest';
import { createMemoryStore, MemoryDatabase } from '../../src/store/memory-store.js';
import { aDraft, anAccount, anOutboxItem, aProspect } from './fixtures.js';
import { describeStoreContract } from './store-contract.js';

describeStoreContract('in memory', async () => {
  const database = new MemoryDatabase();
  return {
    open: async () => createMemoryStore(database),
    destroy: async () => undefined,
  };
});

describe('in-memory store: the constraints a database enforces', () => {
  it('refuses a prospect of an unknown account, and two prospects with one address in an account', async () => {
    const store = createMemoryStore();
    await expect(store.upsertProspect(aProspect())).rejects.toThrow(/foreign key/);
    await store.upsertAccount(anAccount());
    await store.upsertProspect(aProspect());
    await expect(store.upsertProspect(aProspect({ id: 'pro_2' }))).rejects.toThrow(/prospects_account_email_uq/);
  });

  it('refuses an outbox row for a draft that does not exist, and credentials of an unknown account', async () => {
    const store = createMemoryStore();
    await expect(store.enqueueOutbox(anOutboxItem({ draftId: 'drf_missing' }))).rejects.toThrow(/foreign key/);
    await expect(store.saveCredential('acc_1', 'google', 'v1:x')).rejects.toThrow(/foreign key/);
  });

  it('returns copies: changing a value read from the store changes nothing stored', async () => {
    const store = createMemoryStore();
    await store.upsertAccount(anAccount());
    await store.upsertProspect(aProspect());
    await store.insertDraft(aDraft());
    const draft = await store.getDraft('drf_1');
    draft!.evidence.push({ kind: 'rep_mark', confidence: 'certain', detail: 'changed outside' });
    draft!.sendAt.setTime(0);
    expect(await store.getDraft('drf_1')).toEqual(aDraft());
  });
});
