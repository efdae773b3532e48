import { Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler, sql, type CompiledQuery, type DatabaseConnection, type Driver } from 'kysely';
import { describe, expect, it } from 'vitest';
import { runCompiledOnce } from '../../src/store/queries/compiled-once.js';
import type { Database } from '../../src/store/schema.js';

/** runCompiledOnce: the builder's SQL, each run with its own values; a value not bound is refused. */

function recordingDb(): { db: Kysely<Database>; ran: CompiledQuery[]; compiles: () => number } {
  const ran: CompiledQuery[] = [];
  const connection: DatabaseConnection = {
    executeQuery: async (q) => {
      ran.push(q);
      return { rows: [] };
    },
    streamQuery: () => {
      throw new Error('not used');
    },
  };
  const driver: Driver = {
    init: async () => undefined,
    acquireConnection: async () => connection,
    beginTransaction: async () => undefined,
    commitTransaction: async () => undefined,
    rollbackTransaction: async () => undefined,
    releaseConnection: async () => undefined,
    destroy: async () => undefined,
  };
  let compiles = 0;
  const db = new Kysely<Database>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => driver,
      createIntrospector: (k) => new PostgresIntrospector(k),
      createQueryCompiler: () => {
        const c = new PostgresQueryCompiler();
        const compile = c.compileQuery.bind(c);
        c.compileQuery = (...args) => {
          compiles++;
          return compile(...args);
        };
        return c;
      },
    },
  });
  return { db, ran, compiles: () => compiles };
}

describe('runCompiledOnce', () => {
  it('runs the same SQL as the builder with each run\'s own values, compiling once', async () => {
    const { db, ran, compiles } = recordingDb();
    const build = (v: readonly unknown[]) => db.selectFrom('outbox').selectAll().where('account_id', '=', v[0] as string).where('status', 'in', v.slice(1) as string[]).orderBy('created_at');
    await runCompiledOnce(db, 'outbox', ['rep1', 'approved', 'sending'], build);
    await runCompiledOnce(db, 'outbox', ['rep2', 'sent', 'failed'], build);
    expect(compiles()).toBe(1);
    const direct = build(['rep2', 'sent', 'failed']).compile();
    expect(ran[1]!.sql).toBe(direct.sql);
    expect(ran.map((q) => q.parameters)).toEqual([
      ['rep1', 'approved', 'sending'],
      ['rep2', 'sent', 'failed'],
    ]);
  });

  it('keeps the builder\'s own constants and takes nulls as values', async () => {
    const { db, ran } = recordingDb();
    const build = (v: readonly unknown[]) => db.updateTable('cursors').set({ last_error: v[1] as string | null, cursor: 'fixed' }).where('account_id', '=', v[0] as string);
    await runCompiledOnce(db, 'cursor', ['rep1', 'boom'], build);
    await runCompiledOnce(db, 'cursor', ['rep2', null], build);
    expect(ran.map((q) => q.parameters)).toEqual([
      ['boom', 'fixed', 'rep1'],
      [null, 'fixed', 'rep2'],
    ]);
  });

  it('refuses a statement that writes a value into its SQL instead of binding it', async () => {
    const { db } = recordingDb();
    const build = (v: readonly unknown[]) => db.selectFrom('cursors').selectAll().where(sql.raw(`account_id = '${String(v[0])}'`) as never);
    await expect(runCompiledOnce(db, 'inlined', ['rep1'], build)).rejects.toThrow(/binds 0 of its 1 values/);
  });
});
