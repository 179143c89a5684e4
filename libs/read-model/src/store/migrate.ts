import { Migrator, type Kysely } from 'kysely';
import { ReadModelMigrationProvider, type ReadModelDialect } from '../schema/read-model.migrations';

/** Brings a read-model database to the latest migration; throws with the failing migration's error. */
export async function migrateReadModel(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any database: migrations create the tables
  db: Kysely<any>,
  dialect: ReadModelDialect,
  schema?: string,
): Promise<void> {
  // Migrations are written in snake_case: run them without the camelCase plugin.
  // The migration tables are named in the read model's own schema: unqualified, Kysely would find another
  // schema's kysely_migration table while looking, then miss it through search_path.
  const migrator = new Migrator({
    db: db.withoutPlugins(),
    provider: new ReadModelMigrationProvider(dialect),
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(
      `Read-model migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}
