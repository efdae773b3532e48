import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open-store.js';

describe('openStore configuration errors', () => {
  it('names host:port (not the password) and what to do when PostgreSQL is unreachable', async () => {
    const error = await openStore({ databaseUrl: 'postgres://app:s3cr3t-pw@127.0.0.1:1/followup' }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(Error);
    const message = (error as Error).message;
    expect(message).toContain('127.0.0.1:1');
    expect(message).toContain('DATABASE_URL');
    expect(message).toMatch(/server is running/);
    expect(message).not.toContain('s3cr3t-pw');
  });

  it('accepts postgresql:// too (and still explains the failure)', async () => {
    await expect(openStore({ databaseUrl: 'postgresql://u:p4ssword@127.0.0.1:1/db' })).rejects.toThrow(/127\.0\.0\.1:1/);
  });

  it('refuses an unsupported DATABASE_URL instead of silently using SQLite', async () => {
    const attempt = openStore({ databaseUrl: 'mysql://root:hunter22@db:3306/app' });
    await expect(attempt).rejects.toThrow(/postgres:\/\//);
    await expect(attempt).rejects.not.toThrow(/hunter22/);
  });

  it('refuses a schema name that is not a plain identifier', async () => {
    await expect(openStore({ databaseUrl: 'postgres://u@127.0.0.1:1/db', schema: 'x"; drop table y; --' })).rejects.toThrow(
      /invalid schema name/,
    );
  });
});
