import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchOptions } from '../lib/options';
import { describeOutcome, failedRun, type PeerOutcome } from '../lib/peer-loop';
import { peerMissing, peerVersion } from '../lib/peers';
import { pairedFigure, targets, type Results } from '../lib/results';
import { WorkerProcess } from '../lib/worker-process';
import type { RawAppendResult, RawPattern } from '../workers/raw-append.worker';
import type { StoreAppendResult } from '../workers/store-append.worker';

const SECTION = '1b. Store append (library, no HTTP)';

async function inProcess<T>(
  worker: string,
  kind: string,
  payload: Record<string, unknown>,
  role: string,
  results: Results,
): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-store-'));
  const process = WorkerProcess.start(worker);
  try {
    const value = await process.call<T>(kind, { ...payload, file: join(dir, 'events.sqlite') });
    results.rss(role, await process.stop());
    return value;
  } finally {
    process.kill();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The SQLite store appending through its own API (validation, revision checks, group commit on the writer
 * thread) against raw better-sqlite3 writing the same rows at the same durability, back to back per repetition.
 */
export async function storeScenario(
  options: BenchOptions,
  results: Results,
  log: (m: string) => void,
): Promise<void> {
  const ours: Record<number, StoreAppendResult[]> = { 1: [], 64: [] };
  const raw: Record<RawPattern, RawAppendResult[]> = { serial: [], writers: [], batched: [] };
  const emmett: Record<number, PeerOutcome[]> = { 1: [], 64: [] };
  const emmettMissing = peerMissing('emmett-sqlite', '@event-driven-io/emmett-sqlite');
  for (let rep = 0; rep < options.reps; rep++) {
    log(`store: repetition ${rep + 1}/${options.reps}`);
    for (const writers of [1, 64]) {
      ours[writers].push(
        await inProcess<StoreAppendResult>(
          'store-append.worker',
          'storeAppend',
          { writers, durationMs: options.loadMs },
          'SQLite store appending (library)',
          results,
        ),
      );
      if (!emmettMissing) emmett[writers].push(await emmettRun(writers, options, results));
    }
    for (const [pattern, clients] of [
      ['serial', 1],
      ['batched', 64],
    ] as const) {
      raw[pattern].push(
        await inProcess<RawAppendResult>(
          'raw-append.worker',
          'rawAppend',
          { pattern, clients, durationMs: options.loadMs },
          'raw better-sqlite3 writer',
          results,
        ),
      );
    }
  }
  results.add(
    pairedFigure({
      id: 'store.append.1',
      section: SECTION,
      label: 'SQLite store, 1 writer (acknowledged after COMMIT + fsync)',
      unit: 'events/s',
      runs: ours[1].map((r) => r.perSecond),
      latencies: ours[1].map((r) => r.latencyMs),
      baseline: {
        label: 'raw better-sqlite3, 1 row per transaction, same thread',
        runs: raw.serial.map((r) => r.perSecond),
        latencies: raw.serial.map((r) => r.latencyMs),
      },
      target: targets.ratioAtLeast(
        0.9,
        'one append waits for a message to the writer thread and back (two thread hops, 120-165 us of CPU more than committing in-thread on this loaded machine) on top of its fsync; committing a lone append on the calling thread helped here but showed no gain through HTTP, so was not kept (docs/performance.md, 1b); next: cheaper hops (a SharedArrayBuffer ring with Atomics.wait), measured through HTTP too',
      ),
    }),
  );
  results.add(
    pairedFigure({
      id: 'store.append.64',
      section: SECTION,
      label: 'SQLite store, 64 writers (acknowledged after COMMIT + fsync)',
      unit: 'events/s',
      runs: ours[64].map((r) => r.perSecond),
      latencies: ours[64].map((r) => r.latencyMs),
      baseline: {
        label: 'raw better-sqlite3, 64 rows per transaction (group-commit ceiling)',
        runs: raw.batched.map((r) => r.perSecond),
        latencies: raw.batched.map((r) => r.latencyMs),
      },
      target: targets.ratioAtLeast(
        0.9,
        'a group is written with a fixed number of statements (three reads, multi-row INSERTs), but each commit cycle still sends the appends to the writer thread and the outcomes back (two thread wake-ups around its fsync, each waiting for a core on a loaded machine); next: one flat message per group (column arrays) instead of an object per append',
      ),
      notes: [`appends per commit: ${ours[64].map((r) => r.appendsPerCommit.toFixed(1)).join(', ')}`],
    }),
  );
  if (emmettMissing) {
    results.missing(SECTION, "Emmett's SQLite event store (1 and 64 writers)", emmettMissing);
    return;
  }
  for (const writers of [1, 64]) {
    const peer = emmett[writers];
    // A peer that completed nothing, or stalled, has no meaningful rate: its outcome is the finding.
    const incomplete = peer.some((o) => o.appends === 0 || o.stalled);
    results.add(
      pairedFigure({
        id: `store.append.${writers}.vs-emmett`,
        section: SECTION,
        label: `SQLite store vs Emmett's SQLite store, ${writers} writer${writers > 1 ? 's' : ''}`,
        unit: 'events/s',
        runs: ours[writers].map((r) => r.perSecond),
        latencies: ours[writers].map((r) => r.latencyMs),
        baseline: {
          label: `Emmett ${peerVersion('emmett-sqlite', '@event-driven-io/emmett-sqlite')} getSQLiteEventStore({ fileName }).appendToStream, one store per writer (sqlite3 binding, WAL, synchronous=FULL)`,
          runs: peer.map((o) => o.perSecond),
        },
        noRatio: incomplete,
        notes: [
          `Emmett per repetition: ${peer.map(describeOutcome).join('; ')}`,
          ...(incomplete ? ['no ratio: Emmett completed no append, or stalled, in a repetition'] : []),
        ],
      }),
    );
  }
}

/** One run of Emmett's SQLite store in its own process; a process that dies is reported as its outcome. */
async function emmettRun(writers: number, options: BenchOptions, results: Results): Promise<PeerOutcome> {
  try {
    return await inProcess<PeerOutcome>(
      'emmett-sqlite-append.worker',
      'emmettSqliteAppend',
      { writers, durationMs: options.loadMs },
      "Emmett's SQLite store appending (library)",
      results,
    );
  } catch (error) {
    return failedRun(error, options.loadMs);
  }
}
