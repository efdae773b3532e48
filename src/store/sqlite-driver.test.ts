import { describe, expect, it } from 'vitest';
import { loadSqlite, sqliteModuleName } from './sqlite-driver.js';

describe('the SQLite driver', () => {
  it.each([
    ['20.20.2', 'better-sqlite3'],
    ['22.14.0', 'better-sqlite3'],
    ['22.16.0', 'node:sqlite'],
    ['24.21.0', 'node:sqlite'],
  ])('Node %s loads %s', (version, name) => {
    expect(sqliteModuleName(version)).toBe(name);
  });

  it('opens a database with the module for this Node', () => {
    const db = new (loadSqlite())(':memory:');
    try {
      expect(db.prepare('select 41 + 1 as answer').get()).toEqual({ answer: 42 });
    } finally {
      db.close();
    }
  });
});
