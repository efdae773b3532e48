import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kysely, PostgresDialect, type LogEvent } from 'kysely';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { runMigrations } from '../../src/store/migrate.js';
import { MIGRATIONS } from '../../src/store/migrations/index.js';
import type { Database } from '../../src/store/schema.js';
import { ImmediateSqliteDialect } from '../../src/store/sqlite-dialect.js';
import { loadSqlite } from '../../src/store/sqlite-driver.js';

/**
 * Every worker process opens the store, and on PostgreSQL the migrator cost about a dozen round
 * trips (its lock table, an advisory lock, a transaction, two introspections of every table) even
 * with nothing to do. A store that has run exactly the known migrations is now one read; one
 * that lacks a migration still gets it, and one that ran a migration this version does not know
 * is still refused by the migrator.
 */
async function check(db: Kysely<Database>, sql: string[], schema?: string): Promise<void> {
  const opts = (migrations = MIGRATIONS) => ({ migrations, ...(schema ? { migrationTableSchema: schema } : {}) });
  const k = db as unknown as Kysely<unknown>;
  // A store one migration behind: the migrator runs and applies it.
  expect((await runMigrations(k, opts(MIGRATIONS.slice(0, -1)))).length).toBe(MIGRATIONS.length - 1);
  expect(await runMigrations(k, opts())).toEqual([MIGRATIONS.at(-1)!.name]);
  // Up to date: one statement, no migrator.
  sql.length = 0;
  expect(await runMigrations(k, opts())).toEqual([]);
  expect(sql, sql.join('\n')).toHaveLength(1);
  expect(sql[0]).toMatch(/kysely_migration/);
  // A migration this version does not know (a newer version ran): still the migrator's error.
  const up = () => Promise.resolve();
  await expect(runMigrations(k, opts(MIGRATIONS.slice(0, -1).concat([{ name: '0999_other', up }])))).rejects.toThrow(/0999_other|corrupted|migrat/i);
}

const logTo = (sql: string[]) => (event: LogEvent) => void sql.push(event.query.sql);

describe('opening an up-to-date store runs no migrator', () => {
  it('on SQLite', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'followup-migrate-'));
    const sql: string[] = [];
    const db = new Kysely<Database>({ dialect: new ImmediateSqliteDialect({ database: new (loadSqlite())(join(dir, 'm.db')) }), log: logTo(sql) });
    try {
      await check(db, sql);
    } finally {
      await db.destroy();
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
    const schema = `followup_mig_${randomBytes(5).toString('hex')}`;
    schemas.push(schema);
    const admin = new pg.Pool({ connectionString: url, max: 1 });
    await admin.query(`create schema "${schema}"`);
    await admin.end();
    const sql: string[] = [];
    const pool = new pg.Pool({ connectionString: url, max: 2, options: `-c search_path=${schema}` });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), log: logTo(sql) });
    try {
      await check(db, sql, schema);
    } finally {
      await db.destroy();
    }
  });
});
