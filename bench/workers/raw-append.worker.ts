import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { applyPragmas, migrate } from '@ledger/event-store/sqlite/sqlite.schema';
import { createProjectBody } from '../lib/project-events';
import { Reservoir, summarise, type LatencySummary } from '../lib/stats';
import { serveWorker } from './worker-runtime';

export type RawPattern = 'serial' | 'writers' | 'batched';

interface RawAppendPayload {
  file: string;
  /** serial: one writer; writers: `clients` writers each committing its own transaction; batched: `clients` rows per transaction. */
  pattern: RawPattern;
  clients: number;
  durationMs: number;
}

export interface RawAppendResult {
  inserts: number;
  perSecond: number;
  latencyMs: LatencySummary;
}

/**
 * The raw baseline: better-sqlite3 inserting the same rows (same table, same JSON sizes) at the same
 * durability (WAL, synchronous=FULL), with no HTTP, validation or event-store rules in between.
 */
function rawAppend({ file, pattern, clients, durationMs }: RawAppendPayload): RawAppendResult {
  const db = new Database(file);
  applyPragmas(db, { busyTimeoutMs: 5000 });
  migrate(db);
  const insert = db.prepare(
    'INSERT INTO events (position, stream_id, revision, event_id, type, data, metadata) VALUES (?, ?, 0, ?, ?, ?, ?)',
  );
  const begin = db.prepare('BEGIN IMMEDIATE');
  const commit = db.prepare('COMMIT');
  let position = (db.prepare('SELECT COALESCE(MAX(position), 0) AS p FROM events').get() as { p: number }).p;
  const row = () => {
    position += 1;
    const projectId = `RAW.${position}`;
    const commandId = randomUUID();
    const metadata = {
      actor: 'publisher',
      correlationId: commandId,
      causationId: commandId,
      commandId,
      commandType: 'CreateProject',
      schemaVersion: 1,
      recordedAt: new Date().toISOString(),
    };
    insert.run(
      position,
      `project-${projectId}`,
      randomUUID(),
      'ProjectCreated',
      JSON.stringify(createProjectBody(projectId, position)),
      JSON.stringify(metadata),
    );
  };
  const latencies = new Reservoir();
  // For `writers`, each writer issues its next insert when its previous one committed; SQLite has one write
  // lock, so the writers take turns and each waits for the commits queued ahead of it.
  const issuedAt = new Array<number>(clients).fill(performance.now());
  const started = performance.now();
  const deadline = started + durationMs;
  let inserts = 0;
  for (let turn = 0; performance.now() < deadline; turn++) {
    const t0 = performance.now();
    const rows = pattern === 'batched' ? clients : 1;
    begin.run();
    for (let i = 0; i < rows; i++) row();
    commit.run();
    const t1 = performance.now();
    inserts += rows;
    if (pattern === 'writers') {
      const writer = turn % clients;
      latencies.add(t1 - issuedAt[writer]);
      issuedAt[writer] = t1;
    } else {
      for (let i = 0; i < rows; i++) latencies.add(t1 - t0);
    }
  }
  const elapsed = performance.now() - started;
  db.close();
  return { inserts, perSecond: (inserts / elapsed) * 1000, latencyMs: summarise(latencies.samples) };
}

serveWorker({ rawAppend });
