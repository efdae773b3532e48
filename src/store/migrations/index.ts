import type { Kysely, Migration, MigrationProvider } from 'kysely';
import * as init from './0001-init.js';
import * as usedTokens from './0002-used-tokens.js';
import * as nativeDrafts from './0003-native-drafts.js';
import * as rateLimits from './0004-rate-limits.js';
import * as sendGate from './0005-send-gate.js';
import * as webhooks from './0006-webhooks.js';
import * as prevent from './0007-prevent.js';
import * as googleCalendarPerAccount from './0008-google-calendar-per-account.js';
import * as sessions from './0009-sessions.js';

/**
 * Every schema change, oldest first. The store applies the pending ones when it opens
 * (Kysely's Migrator, recorded in the `kysely_migration` table, one transaction per run).
 *
 * To change the schema: add a file `NNNN-what.ts` exporting `up(db)` with portable DDL (it runs on
 * SQLite and PostgreSQL; follow the column conventions in 0001-init.ts), append it here with the next
 * number, and update the row types in ../schema.ts. Never edit or reorder a migration that has
 * shipped: databases in the field have already recorded it. Names must sort in list order
 * (zero-padded numbers); `assertMigrationOrder` checks it at startup.
 */
export interface NamedMigration {
  /** "0001_init": a four-digit sequence, then snake_case words. */
  readonly name: string;
  up(db: Kysely<unknown>): Promise<void>;
}

export const MIGRATIONS: readonly NamedMigration[] = [
  { name: '0001_init', up: init.up },
  { name: '0002_used_tokens', up: usedTokens.up },
  { name: '0003_native_drafts', up: nativeDrafts.up },
  { name: '0004_rate_limits', up: rateLimits.up },
  { name: '0005_send_gate', up: sendGate.up },
  { name: '0006_webhooks', up: webhooks.up },
  { name: '0007_prevent', up: prevent.up },
  { name: '0008_google_calendar_per_account', up: googleCalendarPerAccount.up },
  { name: '0009_sessions', up: sessions.up },
];

const MIGRATION_NAME = /^\d{4}_[a-z0-9_]+$/;

/** Throws if the list is not strictly increasing by name (Kysely runs migrations in name order). */
export function assertMigrationOrder(migrations: readonly NamedMigration[]): void {
  let previous = '';
  for (const migration of migrations) {
    if (!MIGRATION_NAME.test(migration.name)) {
      throw new Error(`store: migration name "${migration.name}" must look like "0002_add_sessions"`);
    }
    if (migration.name <= previous) {
      throw new Error(`store: migration "${migration.name}" must come after "${previous}" (names sort in list order)`);
    }
    previous = migration.name;
  }
}

/** A MigrationProvider over an in-code list (no file system scan: works bundled and serverless). */
export function staticMigrationProvider(migrations: readonly NamedMigration[] = MIGRATIONS): MigrationProvider {
  assertMigrationOrder(migrations);
  return {
    getMigrations(): Promise<Record<string, Migration>> {
      const byName: Record<string, Migration> = {};
      for (const migration of migrations) {
        byName[migration.name] = { up: (db) => migration.up(db) };
      }
      return Promise.resolve(byName);
    },
  };
}
