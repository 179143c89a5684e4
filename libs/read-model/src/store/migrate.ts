import { Migrator, type Kysely } from 'kysely';
import { ReadModelMigrationProvider, type ReadModelDialect } from '../schema/read-model.migrations';

/** Brings a read-model database to the latest migration; throws with the failing migration's error. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any database: migrations create the tables
export async function migrateReadModel(db: Kysely<any>, dialect: ReadModelDialect): Promise<void> {
  // Migrations are written in snake_case: run them without the camelCase plugin.
  const migrator = new Migrator({ db: db.withoutPlugins(), provider: new ReadModelMigrationProvider(dialect) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`Read-model migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}
