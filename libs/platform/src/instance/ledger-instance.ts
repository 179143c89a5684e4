import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
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
 * Stores without a place of ours for it (EventStoreDB) keep the id in DATA_DIR instead: processes on one
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

/**
 * Call after the event store exists (it creates the SQLite file and its schema). An event store handed
 * in from outside (tests) is passed as a non-SQLite one: its id then lives in DATA_DIR.
 */
export function loadLedgerInstance(config: Pick<AppConfig, 'eventStore' | 'dataDir'>): LedgerInstance {
  return {
    id:
      config.eventStore === 'sqlite'
        ? sqliteInstanceId(join(config.dataDir, 'events.sqlite'))
        : fileInstanceId(config.dataDir),
  };
}
