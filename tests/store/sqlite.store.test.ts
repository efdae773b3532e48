import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSqlite } from '../../src/store/sqlite-driver.js';
import { afterEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/ports/store.js';
import { MIGRATIONS } from '../../src/store/migrations/index.js';
import { openStore } from '../../src/store/open-store.js';
import { aDraft, aProspect, anAccount, anOutboxItem } from './fixtures.js';
import { describeStoreContract } from './store-contract.js';
import type { StoreHarness } from './store-contract.js';

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'followup-store-'));
}

function readAppliedMigrations(path: string): string[] {
  const db = new (loadSqlite())(path, { readonly: true });
  try {
    return db
      .prepare('select name from kysely_migration order by name')
      .all()
      .map((row) => (row as { name: string }).name);
  } finally {
    db.close();
  }
}

/** A fresh database file per test, in a folder that does not exist yet (openStore creates it). */
async function makeSqliteHarness(): Promise<StoreHarness> {
  const dir = tempDir();
  const path = join(dir, 'nested', 'followup.db');
  return {
    open: () => openStore({ sqlitePath: path }),
    appliedMigrations: () => Promise.resolve(readAppliedMigrations(path)),
    destroy: () => Promise.resolve(rmSync(dir, { recursive: true, force: true })),
  };
}

describeStoreContract('SQLite (file)', makeSqliteHarness);

describe('SQLite specifics', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function open(input: Parameters<typeof openStore>[0]): Promise<Store> {
    const store = await openStore(input);
    cleanups.push(() => store.close());
    return store;
  }

  it('opens a private, migrated in-memory database with :memory:', async () => {
    const a = await open({ sqlitePath: ':memory:' });
    const b = await open({ sqlitePath: ':memory:' });
    await a.upsertAccount(anAccount());
    expect(await a.getAccount('acc_1')).toEqual(anAccount());
    expect(await b.getAccount('acc_1')).toBeNull();
  });

  it('creates the folder, uses WAL, and keeps data when the file is reopened', async () => {
    const dir = tempDir();
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const path = join(dir, 'a', 'b', 'followup.db');
    const first = await openStore({ sqlitePath: path });
    await first.upsertAccount(anAccount());
    await first.upsertProspect(aProspect());
    await first.insertDraft(aDraft());
    await first.close();
    expect(existsSync(path)).toBe(true);

    const raw = new (loadSqlite())(path, { readonly: true });
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    raw.close();

    const second = await open({ sqlitePath: path });
    expect(await second.getProspect('pro_1')).toEqual(aProspect());
    expect(await second.getDraft('drf_1')).toEqual(aDraft());
    expect(readAppliedMigrations(path)).toEqual(MIGRATIONS.map((m) => m.name));
  });

  it('defaults to ./data/followup.db under the working directory', async () => {
    const dir = tempDir();
    const previous = process.cwd();
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    process.chdir(dir);
    try {
      const store = await openStore({});
      await store.close();
    } finally {
      process.chdir(previous);
    }
    expect(existsSync(join(dir, 'data', 'followup.db'))).toBe(true);
  });

  it('enforces foreign keys (an outbox row for an unknown draft is refused)', async () => {
    const store = await open({ sqlitePath: ':memory:' });
    await expect(store.enqueueOutbox(anOutboxItem({ draftId: 'ghost' }))).rejects.toThrow(/FOREIGN KEY/i);
    expect(await store.listOutbox({})).toEqual([]);
  });

  it('refuses the PostgreSQL-only schema option', async () => {
    await expect(openStore({ sqlitePath: ':memory:', schema: 'x' })).rejects.toThrow(/PostgreSQL only/);
  });
});
