import { describe, expect, it } from 'vitest';
import { loadSqlite } from './sqlite-driver.js';
import { withStatementCache } from './sqlite-dialect.js';

describe('withStatementCache', () => {
  it('prepares each SQL text once, reuses it, and evicts the least recently used beyond its size', () => {
    const Sqlite = loadSqlite();
    const raw = new Sqlite(':memory:');
    let prepared = 0;
    const counting = { close: () => raw.close(), prepare: (sql: string) => { prepared += 1; return raw.prepare(sql); } };
    const db = withStatementCache(counting, 2);
    db.prepare('create table t (x integer)').run([]);
    const insert = 'insert into t (x) values (?)';
    for (let i = 0; i < 5; i++) db.prepare(insert).run([i]);
    expect(prepared).toBe(2);
    expect(db.prepare('select count(*) as n from t').all([])).toEqual([{ n: 5 }]);
    expect(prepared).toBe(3); // the create statement is now the least recently used: evicted
    db.prepare(insert).run([5]);
    expect(prepared).toBe(3);
    db.prepare('create table u (y integer)').run([]);
    db.prepare('select count(*) as n from t');
    expect(prepared).toBe(5);
    // A statement cached before a schema change still works after it (SQLite re-prepares it).
    const select = 'select * from t where x = ?';
    expect(db.prepare(select).all([1])).toEqual([{ x: 1 }]);
    db.prepare('alter table t add column z text').run([]);
    expect(db.prepare(select).all([1])).toEqual([{ x: 1, z: null }]);
    db.close();
  });
});
