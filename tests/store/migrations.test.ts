import { describe, expect, it } from 'vitest';
import { MIGRATIONS, assertMigrationOrder, staticMigrationProvider } from '../../src/store/migrations/index.js';

describe('migration list', () => {
  it('is in name order, with well-formed names', () => {
    expect(() => assertMigrationOrder(MIGRATIONS)).not.toThrow();
    expect(MIGRATIONS[0]?.name).toBe('0001_init');
  });

  it('refuses a list whose names would run out of order or are malformed', () => {
    const up = () => Promise.resolve();
    expect(() => assertMigrationOrder([{ name: '0002_b', up }, { name: '0001_a', up }])).toThrow(/must come after/);
    expect(() => assertMigrationOrder([{ name: '0001_a', up }, { name: '0001_a', up }])).toThrow(/must come after/);
    expect(() => assertMigrationOrder([{ name: '2_sessions', up }])).toThrow(/must look like/);
  });

  it('gives Kysely every migration by name', async () => {
    const byName = await staticMigrationProvider().getMigrations();
    expect(Object.keys(byName)).toEqual(MIGRATIONS.map((m) => m.name));
  });
});
