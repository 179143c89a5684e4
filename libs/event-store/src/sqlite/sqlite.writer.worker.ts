/**
 * The store's writer thread: owns the one connection that writes, so BEGIN IMMEDIATE, the inserts and the
 * COMMIT with its fsync never block the event loop that parses requests. Appends arrive already validated
 * and serialised; each flush answers with every append's outcome after its transaction ended.
 * Only relative imports: under ts-node style registration the worker has no path aliases.
 */
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import { writeAppend, writeBatch } from './sqlite.append';
import { GroupCommitter } from './sqlite.group-commit';
import { SqliteQueries } from './sqlite.queries';
import { applyPragmas } from './sqlite.schema';
import {
  AppendRequest,
  FromWriter,
  Outcome,
  toWire,
  ToWriter,
  WriterSettings,
} from './sqlite.writer.protocol';

const port = parentPort!;
const settings = workerData as WriterSettings;
const send = (message: FromWriter) => port.postMessage(message);

function start(): void {
  let db: Database.Database;
  let queries: SqliteQueries;
  try {
    db = new Database(settings.file);
    applyPragmas(db, { busyTimeoutMs: settings.busyTimeoutMs });
    queries = new SqliteQueries(db);
  } catch (error) {
    send({ kind: 'fatal', error: toWire(error) });
    return;
  }
  let outcomes: Outcome[] = [];
  const committer = new GroupCommitter<AppendRequest>(
    db,
    { all: (requests) => writeBatch(queries, requests), one: (request) => writeAppend(queries, request) },
    (committed) => {
      send({ kind: 'flushed', committed, outcomes, stats: committer.stats() });
      outcomes = [];
    },
    settings.maxAppendsPerCommit,
  );
  port.on('message', (message: ToWriter) => {
    if (message.kind === 'close') {
      // Messages arrive in order, so every append sent before close is queued by now.
      committer.flushAll();
      db.close();
      send({ kind: 'closed' });
      port.close();
      return;
    }
    for (const request of message.requests) {
      committer.enqueue({
        request,
        resolve: (result) => outcomes.push({ id: request.id, ok: true, result }),
        reject: (error) => outcomes.push({ id: request.id, ok: false, error: toWire(error) }),
      });
    }
  });
}

start();
