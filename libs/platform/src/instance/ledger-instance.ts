import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Pool } from 'pg';
import { inSchemaLock } from '@ledger/event-store/postgres';
import type { AppConfig } from '../config/app-config';

export const LEDGER_INSTANCE = Symbol('LEDGER_INSTANCE');

/**
 * Which ledger this is: an id created once with its event store and kept in it, so it survives restarts
 * and every process sharing the store agrees on it. Two ledgers on one broker tell their events apart by
 * it (event ids are derived within it; the CloudEvents `source` names it).
 */
export interface LedgerInstance {
  id: string;
}

/** CloudEvents `source` of a ledger's events unless RELAY_SOURCE says otherwise. */
export const defaultEventSource = (instance: LedgerInstance): string => `/project-ledger/${instance.id}`;

/** The id kept in the SQLite event store's file, in a table of its own (created by the first process). */
function sqliteInstanceId(file: string): string {
  const db = new Database(file);
  try {
    db.pragma('busy_timeout = 5000');
    db.exec('BEGIN IMMEDIATE');
    db.exec(
      `CREATE TABLE IF NOT EXISTS ledger_instance (
         singleton  INTEGER PRIMARY KEY CHECK (singleton = 1),
         id         TEXT NOT NULL,
         created_at TEXT NOT NULL
       ) STRICT`,
    );
    db.prepare('INSERT OR IGNORE INTO ledger_instance (singleton, id, created_at) VALUES (1, ?, ?)').run(
      randomUUID(),
      new Date().toISOString(),
    );
    db.exec('COMMIT');
    return (db.prepare('SELECT id FROM ledger_instance').get() as { id: string }).id;
  } finally {
    db.close();
  }
}

/**
 * A store without a place of ours for it (EventStoreDB) keeps the id in DATA_DIR instead: processes on one
 * host agree, processes on several hosts each have their own (see docs/deployment.md).
 */
function fileInstanceId(dataDir: string): string {
  const file = join(dataDir, 'instance-id');
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    try {
      writeFileSync(file, `${randomUUID()}\n`, { flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  return readFileSync(file, 'utf8').trim();
}

/** The id kept in the PostgreSQL event store's schema: every replica on every host reads the same one. */
async function postgresInstanceId(connectionString: string, schema: string): Promise<string> {
  const pool = new Pool({ connectionString, max: 1 });
  try {
    return await inSchemaLock(pool, schema, async (client) => {
      await client.query(
        `CREATE TABLE IF NOT EXISTS "${schema}".ledger_instance (
           singleton  smallint    PRIMARY KEY CHECK (singleton = 1),
           id         text        NOT NULL,
           created_at timestamptz NOT NULL
         )`,
      );
      await client.query(
        `INSERT INTO "${schema}".ledger_instance (singleton, id, created_at) VALUES (1, $1, now())
         ON CONFLICT (singleton) DO NOTHING`,
        [randomUUID()],
      );
      const { rows } = await client.query<{ id: string }>(`SELECT id FROM "${schema}".ledger_instance`);
      return rows[0].id;
    });
  } finally {
    await pool.end();
  }
}

type InstanceConfig = Pick<
  AppConfig,
  'eventStore' | 'dataDir' | 'eventStoreDatabaseUrl' | 'databaseUrl' | 'eventStoreSchema'
>;

/**
 * Call after the event store exists (it creates the SQLite file and its schema). An event store handed
 * in from outside (tests) is passed as an EventStoreDB one: its id then lives in DATA_DIR.
 */
export async function loadLedgerInstance(config: InstanceConfig): Promise<LedgerInstance> {
  switch (config.eventStore) {
    case 'sqlite':
      return { id: sqliteInstanceId(join(config.dataDir, 'events.sqlite')) };
    case 'postgres':
      return {
        id: await postgresInstanceId(
          config.eventStoreDatabaseUrl ?? config.databaseUrl,
          config.eventStoreSchema,
        ),
      };
    case 'eventstoredb':
      return { id: fileInstanceId(config.dataDir) };
  }
}
