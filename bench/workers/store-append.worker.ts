import { randomUUID } from 'node:crypto';
import { SqliteEventStore } from '@ledger/event-store';
import { createProjectBody } from '../lib/project-events';
import { Reservoir, summarise, type LatencySummary } from '../lib/stats';
import { serveWorker } from './worker-runtime';

interface StoreAppendPayload {
  file: string;
  writers: number;
  durationMs: number;
}

export interface StoreAppendResult {
  appends: number;
  perSecond: number;
  latencyMs: LatencySummary;
  appendsPerCommit: number;
}

/**
 * The store alone (no HTTP): `writers` logical writers, each appending one ProjectCreated event (the same row
 * as the raw baseline) to a new stream and issuing its next append when the last one was acknowledged,
 * i.e. committed and fsynced.
 */
async function storeAppend({ file, writers, durationMs }: StoreAppendPayload): Promise<StoreAppendResult> {
  const store = new SqliteEventStore({ file });
  const latencies = new Reservoir();
  let appends = 0;
  let n = 0;
  const append = () => {
    n += 1;
    const projectId = `STORE.${n}`;
    const commandId = randomUUID();
    return store.append(
      `project-${projectId}`,
      [
        {
          eventId: randomUUID(),
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
      'no-stream',
    );
  };
  // Warm the writer thread up (its start is not what is measured).
  await append();
  const before = store.stats();
  const started = performance.now();
  const deadline = started + durationMs;
  await Promise.all(
    Array.from({ length: writers }, async () => {
      while (performance.now() < deadline) {
        const t0 = performance.now();
        await append();
        latencies.add(performance.now() - t0);
        appends += 1;
      }
    }),
  );
  const elapsed = performance.now() - started;
  const after = store.stats();
  await store.close();
  return {
    appends,
    perSecond: (appends / elapsed) * 1000,
    latencyMs: summarise(latencies.samples),
    appendsPerCommit: (after.appends - before.appends) / Math.max(1, after.commits - before.commits),
  };
}

serveWorker({ storeAppend });
