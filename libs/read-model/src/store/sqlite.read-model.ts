import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { CamelCasePlugin, Kysely, SqliteDialect } from 'kysely';
import type { ReadModelDatabase } from '../schema/read-model.tables';
import { KyselyReadModel } from './kysely.read-model';
import { migrateReadModel } from './migrate';
import { cachingDatabase } from './statement-cache';

export const SQLITE_READ_MODEL_FILE = 'read-model.sqlite';
/** Path of the live SQLite read model in `dataDir`. A rebuild swaps content into this file, never renames it. */
export function liveSqliteReadModelPath(dataDir: string): string {
  return join(dataDir, SQLITE_READ_MODEL_FILE);
}

export interface SqliteReadModelOptions {
  /**
   * A private copy being built by a rebuild or check, which nobody reads until the swap: no fsync and a
   * journal kept in memory. A crash mid-build leaves a file that is never opened again (its name is random
   * and the build starts over in a new one); the swap copies the rows into the live file inside the live
   * file's own durable transaction, so durability never depends on this copy having reached the disk.
   * The journal stays (in memory), so a batch can still roll back to park a poison event.
   */
  scratch?: boolean;
}

export async function openSqliteReadModel(
  file: string,
  options: SqliteReadModelOptions = {},
): Promise<KyselyReadModel> {
  mkdirSync(dirname(file), { recursive: true });
  const database = new Database(file);
  if (options.scratch) {
    database.pragma('journal_mode = MEMORY');
    database.pragma('synchronous = OFF');
    database.pragma('cache_size = -65536');
  } else {
    database.pragma('journal_mode = WAL');
    // Rows and checkpoint commit together, so a lost tail after power loss is re-projected, never half-applied.
    database.pragma('synchronous = NORMAL');
  }
  database.pragma('busy_timeout = 5000');
  const dialect = new SqliteDialect({ database: cachingDatabase(database) });
  const db = new Kysely<ReadModelDatabase>({ dialect, plugins: [new CamelCasePlugin()] });
  try {
    await migrateReadModel(db, 'sqlite');
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return new KyselyReadModel('sqlite', file, db);
}
