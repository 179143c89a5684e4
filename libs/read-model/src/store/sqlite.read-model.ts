import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { CamelCasePlugin, Kysely, SqliteDialect } from 'kysely';
import type { ReadModelDatabase } from '../schema/read-model.tables';
import { KyselyReadModel } from './kysely.read-model';
import { migrateReadModel } from './migrate';

export const SQLITE_READ_MODEL_FILE = 'read-model.sqlite';
/** Path of the live SQLite read model in `dataDir`. A rebuild swaps content into this file, never renames it. */
export function liveSqliteReadModelPath(dataDir: string): string {
  return join(dataDir, SQLITE_READ_MODEL_FILE);
}

export async function openSqliteReadModel(file: string): Promise<KyselyReadModel> {
  mkdirSync(dirname(file), { recursive: true });
  const database = new Database(file);
  database.pragma('journal_mode = WAL');
  // Rows and checkpoint commit together, so a lost tail after power loss is re-projected, never half-applied.
  database.pragma('synchronous = NORMAL');
  database.pragma('busy_timeout = 5000');
  const db = new Kysely<ReadModelDatabase>({ dialect: new SqliteDialect({ database }), plugins: [new CamelCasePlugin()] });
  try {
    await migrateReadModel(db, 'sqlite');
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return new KyselyReadModel('sqlite', file, db);
}
