import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/ports/store.js';
import { createKyselyStore } from '../../src/store/kysely-store.js';
import { runMigrations } from '../../src/store/migrate.js';
import { MIGRATIONS } from '../../src/store/migrations/index.js';
import { openStore } from '../../src/store/open-store.js';
import type { Database } from '../../src/store/schema.js';
import { ImmediateSqliteDialect } from '../../src/store/sqlite-dialect.js';
import { loadSqlite } from '../../src/store/sqlite-driver.js';
import { aMeeting, anAccount, anEvent } from './fixtures.js';

/**
 * Migration 0008 (issue 10, item 4): Google events and meetings, keyed by Google's calendar id
 * alone ("primary" for every rep), move to the account's key `google:<account>:<calendar>`; the
 * calendar cursors move with them, cleared, so the next run resyncs each account in full. Other
 * providers' rows are untouched. On SQLite and PostgreSQL.
 */
const BEFORE = MIGRATIONS.filter((m) => m.name < '0008');
const T = new Date('2030-06-01T12:00:00Z');
const WINDOW = { start: new Date('2020-01-01T00:00:00Z'), end: new Date('2040-01-01T00:00:00Z') };

/** The state a 0.x store was left in by two Google reps and one local rep. */
async function seedOldState(store: Store): Promise<void> {
  await store.upsertAccount(anAccount({ id: 'g1', email: 'g1@northwind.example', provider: 'google' }));
  await store.upsertAccount(anAccount({ id: 'g2', email: 'g2@northwind.example', provider: 'google' }));
  await store.upsertAccount(anAccount({ id: 'l1', email: 'l1@northwind.example', provider: 'local' }));
  await store.upsertEvents('g1', [anEvent({ id: 'e-g1', calendarId: 'primary', title: 'g1 event' })]);
  await store.upsertEvents('g2', [anEvent({ id: 'e-g2', calendarId: 'primary', title: 'g2 event' })]);
  await store.upsertEvents('l1', [anEvent({ id: 'e-l1', calendarId: 'local:l1', title: 'l1 event' })]);
  await store.upsertMeeting(aMeeting({ id: 'mt-old', accountId: 'g1', prospectId: 'p-g1', eventId: 'e-g1', calendarId: 'primary', outcome: 'missed', markedBy: 'rep' }));
  for (const [accountId, key] of [['g1', 'calendar:primary'], ['g2', 'calendar:primary'], ['g1', 'mailbox'], ['l1', 'calendar:local:l1']] as const) {
    await store.saveCursor({ accountId, key, cursor: `tok-${accountId}-${key}`, lastSuccessAt: T, lastAttemptAt: T, lastError: null, notBefore: null });
  }
}

async function expectMigrated(store: Store): Promise<void> {
  expect((await store.listEvents('google:g1:primary', WINDOW)).map((e) => e.title)).toEqual(['g1 event']);
  expect((await store.listEvents('google:g2:primary', WINDOW)).map((e) => e.title)).toEqual(['g2 event']);
  expect(await store.listEvents('primary', WINDOW)).toEqual([]);
  expect((await store.listEvents('local:l1', WINDOW)).map((e) => e.title)).toEqual(['l1 event']);
  // The meeting keeps its id and what the rep marked; only its calendar key moves.
  expect(await store.getMeeting('mt-old')).toMatchObject({ calendarId: 'google:g1:primary', outcome: 'missed', markedBy: 'rep' });
  const cursors = (await store.listCursors()).map((c) => [c.accountId, c.key, c.cursor]).sort();
  expect(cursors).toEqual(
    [
      ['g1', 'calendar:google:g1:primary', null],
      ['g1', 'mailbox', 'tok-g1-mailbox'],
      ['g2', 'calendar:google:g2:primary', null],
      ['l1', 'calendar:local:l1', 'tok-l1-calendar:local:l1'],
    ].sort(),
  );
}

describe('store migration 0008: Google events per account', () => {
  it('on SQLite', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'followup-0008-'));
    try {
      const path = join(dir, 'old.db');
      const db = new Kysely<Database>({ dialect: new ImmediateSqliteDialect({ database: new (loadSqlite())(path) }) });
      await runMigrations(db as unknown as Kysely<unknown>, { migrations: BEFORE });
      const old = createKyselyStore({ db });
      await seedOldState(old);
      await old.close();
      const store = await openStore({ sqlitePath: path });
      try {
        await expectMigrated(store);
      } finally {
        await store.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  const url = process.env.TEST_DATABASE_URL;
  const schemas: string[] = [];
  afterAll(async () => {
    if (!url || schemas.length === 0) return;
    const admin = new pg.Pool({ connectionString: url, max: 1 });
    for (const s of schemas) await admin.query(`drop schema if exists "${s}" cascade`);
    await admin.end();
  });

  it('on PostgreSQL', async () => {
    if (!url) throw new Error('TEST_DATABASE_URL is not set: this test needs PostgreSQL (e.g. postgres://postgres@127.0.0.1:5432/test)');
    const schema = `followup_m0008_${randomBytes(5).toString('hex')}`;
    schemas.push(schema);
    const admin = new pg.Pool({ connectionString: url, max: 1 });
    await admin.query(`create schema "${schema}"`);
    await admin.end();
    const pool = new pg.Pool({ connectionString: url, max: 2, options: `-c search_path=${schema}` });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    await runMigrations(db as unknown as Kysely<unknown>, { migrations: BEFORE, migrationTableSchema: schema });
    const old = createKyselyStore({ db, migrationTableSchema: schema });
    await seedOldState(old);
    await old.close();
    const store = await openStore({ databaseUrl: url, schema, poolSize: 2 });
    try {
      await expectMigrated(store);
    } finally {
      await store.close();
    }
  });
});
