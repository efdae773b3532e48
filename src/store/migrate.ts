import { Migrator } from 'kysely';
import type { Kysely } from 'kysely';
import { MIGRATIONS, staticMigrationProvider } from './migrations/index.js';
import type { NamedMigration } from './migrations/index.js';

export interface MigrateOptions {
  /**
   * PostgreSQL: the schema holding the migration tables (the store's schema). Required there:
   * without it Kysely's introspection looks for `kysely_migration` in every schema of the database
   * and would take another schema's table for ours.
   */
  migrationTableSchema?: string;
  migrations?: readonly NamedMigration[];
}

/** Applies pending migrations in order; throws, naming the failed migration, if one fails. */
export async function runMigrations(db: Kysely<unknown>, options: MigrateOptions = {}): Promise<string[]> {
  const migrations = options.migrations ?? MIGRATIONS;
  if (await upToDate(db, migrations, options.migrationTableSchema)) return [];
  const migrator = new Migrator({
    db,
    provider: staticMigrationProvider(migrations),
    ...(options.migrationTableSchema ? { migrationTableSchema: options.migrationTableSchema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error !== undefined) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName;
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`store: ${failed ? `migration ${failed} failed` : 'migrations could not run'}: ${message}`, {
      cause: error,
    });
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/**
 * Whether the store has run exactly these migrations: then the migrator (its lock table, its
 * advisory lock, its transaction and two introspections of the database's tables: about a dozen
 * round trips on PostgreSQL) has nothing to do. Anything else, an error included (no table yet),
 * leaves it to the migrator, which applies what is missing or says what is wrong.
 */
async function upToDate(db: Kysely<unknown>, migrations: readonly NamedMigration[], schema: string | undefined): Promise<boolean> {
  try {
    const from = schema ? db.withSchema(schema) : db;
    const rows = (await from.selectFrom('kysely_migration' as never).select('name' as never).execute()) as { name: string }[];
    const done = new Set(rows.map((r) => r.name));
    return done.size === migrations.length && migrations.every((m) => done.has(m.name));
  } catch {
    return false;
  }
}
