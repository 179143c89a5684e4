import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import type { ReadModelConfig } from '../store/create-read-model';
import { TABLE_KEYS } from '../store/dump-tables';
import {
  assertSchemaName,
  DEFAULT_PG_SCHEMA,
  openPostgresReadModel,
  withPgClient,
} from '../store/postgres.read-model';
import { liveSqliteReadModelPath, openSqliteReadModel } from '../store/sqlite.read-model';

const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/**
 * Makes a finished rebuild live in one atomic step. The scratch copy must be closed first.
 *
 * SQLite: the content is copied into the live file inside one write transaction (not a file rename):
 * processes that hold the live file open see the new rows at once and never keep writing a replaced
 * inode. PostgreSQL: the schemas are renamed in one transaction; pools address the schema by name.
 * A projector that was running sees the rebuilt checkpoint on its next batch and resubscribes from it.
 */
export async function swapIntoLive(config: ReadModelConfig, scratchLocation: string): Promise<void> {
  if (config.readModel === 'postgres') return swapPostgres(config, scratchLocation);
  return swapSqlite(config, scratchLocation);
}

async function swapSqlite(config: ReadModelConfig, scratchFile: string): Promise<void> {
  const liveFile = liveSqliteReadModelPath(config.dataDir);
  await (await openSqliteReadModel(liveFile)).close(); // same migrations on both sides: same columns
  const db = new Database(liveFile);
  try {
    db.pragma('busy_timeout = 10000');
    db.prepare('attach database ? as rebuilt').run(scratchFile);
    const copy = db.transaction(() => {
      for (const table of Object.keys(TABLE_KEYS).map(snake)) {
        const columns = columnsOf(db, 'main', table);
        db.exec(`delete from main.${table}`);
        // `select *` between identical tables lets SQLite copy records and index entries as they are
        // (its transfer optimisation) instead of re-inserting row by row; columns named when they differ.
        const same = columns === columnsOf(db, 'rebuilt', table);
        db.exec(
          same
            ? `insert into main.${table} select * from rebuilt.${table}`
            : `insert into main.${table} (${columns}) select ${columns} from rebuilt.${table}`,
        );
      }
    });
    copy.immediate();
    db.exec('detach database rebuilt');
  } finally {
    db.close();
  }
}

function columnsOf(db: Database.Database, schema: string, table: string): string {
  return (db.prepare(`pragma ${schema}.table_info(${table})`).all() as { name: string }[])
    .map((c) => `"${c.name}"`)
    .join(', ');
}

async function swapPostgres(config: ReadModelConfig, scratchSchema: string): Promise<void> {
  const live = config.readModelSchema ?? DEFAULT_PG_SCHEMA;
  const retired = `${live}_old_${randomBytes(4).toString('hex')}`;
  for (const name of [live, retired, scratchSchema]) assertSchemaName(name);
  await (await openPostgresReadModel(config.databaseUrl, live)).close(); // the live schema exists before rename
  await withPgClient(config.databaseUrl, async (client) => {
    await client.query('begin');
    try {
      // Waits for the batch a live projector is writing, and holds the next one off until the renames
      // commit: PostgreSQL resolves table names per statement, so a rename landing mid-batch would send
      // the batch's first rows to the retired schema and its checkpoint to the new one.
      await client.query(`lock table "${live}".checkpoints in access exclusive mode`);
      await client.query(`alter schema "${live}" rename to "${retired}"`);
      await client.query(`alter schema "${scratchSchema}" rename to "${live}"`);
      await client.query('commit');
    } catch (error) {
      await client.query('rollback');
      throw error;
    }
    await client.query(`drop schema "${retired}" cascade`);
  });
}
