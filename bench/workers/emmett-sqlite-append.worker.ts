import { randomUUID } from 'node:crypto';
import { join, dirname } from 'node:path';
import { createProjectBody } from '../lib/project-events';
import { guardedLoop, type PeerOutcome } from '../lib/peer-loop';
import { loadPeer, type EmmettModule, type EmmettSqliteModule } from '../lib/peers';
import { serveWorker } from './worker-runtime';

const TREE = 'emmett-sqlite';

interface EmmettSqliteAppendPayload {
  file: string;
  writers: number;
  durationMs: number;
}

/** The peer's sqlite3 binding, for the durability probe only. */
interface Sqlite3Module {
  VERSION: string;
  Database: new (file: string) => {
    exec(sql: string, done: (error: Error | null) => void): void;
    get(sql: string, done: (error: Error | null, row: Record<string, unknown>) => void): void;
    close(done: () => void): void;
  };
}

function load<T>(name: string): T {
  const loaded = loadPeer<T>(TREE, name);
  if ('missing' in loaded) throw new Error(loaded.missing);
  return loaded.module;
}

/**
 * What durability Emmett's connections get: a fresh connection of the same sqlite3 binding, switched to WAL as
 * Emmett switches its own, reports its synchronous level (2 = FULL: every COMMIT syncs the WAL).
 */
async function durability(probeFile: string): Promise<string> {
  const sqlite3 = load<Sqlite3Module>('sqlite3');
  const db = new sqlite3.Database(probeFile);
  try {
    await new Promise<void>((resolve, reject) =>
      db.exec('PRAGMA journal_mode = WAL', (e) => (e ? reject(e) : resolve())),
    );
    const row = await new Promise<Record<string, unknown>>((resolve, reject) =>
      db.get('PRAGMA synchronous', (e, r) => (e ? reject(e) : resolve(r))),
    );
    const level = ['OFF', 'NORMAL', 'FULL', 'EXTRA'][Number(row.synchronous)] ?? String(row.synchronous);
    return `journal_mode=WAL, synchronous=${level}, SQLite ${sqlite3.VERSION}`;
  } finally {
    await new Promise<void>((resolve) => db.close(() => resolve()));
  }
}

/**
 * Emmett's SQLite event store through its public API (getSQLiteEventStore({ fileName }), appendToStream with
 * STREAM_DOES_NOT_EXIST): `writers` logical writers each appending the same ProjectCreated event as the
 * store-append worker to a new stream, the next when the last resolved.
 *
 * Durable configuration: one store instance per writer. Emmett 0.38.5 has no connection-mode option; a store
 * opens a connection for a call and closes it afterwards, and calls that overlap on one instance share that
 * connection, where a call that finds a transaction open joins it and resolves without its own COMMIT
 * (acknowledged before commit). With one instance per writer every append runs BEGIN IMMEDIATE … COMMIT on a
 * connection of its own and resolves after that COMMIT (WAL, synchronous=FULL: see durability()).
 */
async function emmettSqliteAppend({
  file,
  writers,
  durationMs,
}: EmmettSqliteAppendPayload): Promise<PeerOutcome> {
  const { getSQLiteEventStore } = load<EmmettSqliteModule>('@event-driven-io/emmett-sqlite');
  const { STREAM_DOES_NOT_EXIST } = load<EmmettModule>('@event-driven-io/emmett');
  const level = await durability(join(dirname(file), 'probe.sqlite'));
  const stores = Array.from({ length: writers }, () => getSQLiteEventStore({ fileName: file }));
  let n = 0;
  const append = (writer: number) => {
    n += 1;
    const projectId = `EMMETT.${n}`;
    const commandId = randomUUID();
    return stores[writer].appendToStream(
      `project-${projectId}`,
      [
        {
          type: 'ProjectCreated',
          data: createProjectBody(projectId, n),
          metadata: {
            actor: 'publisher',
            correlationId: commandId,
            causationId: commandId,
            commandId,
            commandType: 'CreateProject',
            schemaVersion: 1,
            recordedAt: new Date().toISOString(),
          },
        },
      ],
      { expectedStreamVersion: STREAM_DOES_NOT_EXIST },
    );
  };
  // Each store creates Emmett's schema on its first use (not measured, as our store's writer start is not).
  for (let writer = 0; writer < writers; writer++) await append(writer);
  // Emmett writes every failed append to console.error; the loop counts them and keeps the first message.
  console.error = () => undefined;
  const outcome = await guardedLoop(writers, durationMs, append);
  return { ...outcome, durability: level };
}

serveWorker({ emmettSqliteAppend });
