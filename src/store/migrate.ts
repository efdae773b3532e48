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
  const migrator = new Migrator({
    db,
    provider: staticMigrationProvider(options.migrations ?? MIGRATIONS),
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
