import { createHash, generateKeyPairSync } from 'node:crypto';
import Database from 'better-sqlite3';
import { SqliteEventStore } from '@ledger/event-store';
import { rebuildReadModel } from '@ledger/read-model';
import { foldAsOf, signingKeyFrom, verifyStore } from '@ledger/audit';
import { seedStore, type SeedOptions } from '../lib/seed-store';
import { summarise } from '../lib/stats';
import { serveWorker } from './worker-runtime';

interface Timed {
  events: number;
  ms: number;
}

const COLUMNS = 'position, stream_id, revision, event_id, type, data, metadata';

/** Whole-log passes over one seeded event-store file: our code path, and the raw scan it is compared with. */
const handlers = {
  seed: (options: SeedOptions) => seedStore(options),

  /** The projector's rebuild from position 0 into a fresh SQLite read model (blue/green, then swap). */
  async rebuild({ file, dataDir }: { file: string; dataDir: string }): Promise<Timed> {
    const store = new SqliteEventStore({ file });
    try {
      const t0 = performance.now();
      const outcome = await rebuildReadModel({ readModel: 'sqlite', dataDir, databaseUrl: '' }, store);
      return { events: outcome.events, ms: performance.now() - t0 };
    } finally {
      await store.close();
    }
  },

  /** Raw: every row read with better-sqlite3 and its JSON parsed, the least any projection must do. */
  rawScan({ file }: { file: string }): Timed {
    const db = new Database(file, { readonly: true });
    const t0 = performance.now();
    let events = 0;
    for (const row of db
      .prepare(`SELECT ${COLUMNS} FROM events ORDER BY position`)
      .iterate() as IterableIterator<{ data: string; metadata: string }>) {
      JSON.parse(row.data);
      JSON.parse(row.metadata);
      events += 1;
    }
    const ms = performance.now() - t0;
    db.close();
    return { events, ms };
  },

  /** Hash-chain and checkpoint verification of the whole log, as the audit CLI runs it. */
  async verify({ file }: { file: string }): Promise<Timed & { ok: boolean }> {
    const store = new SqliteEventStore({ file });
    try {
      const key = signingKeyFrom(generateKeyPairSync('ed25519').privateKey);
      const t0 = performance.now();
      const result = await verifyStore(store, key, { pageSize: 1000 });
      return { events: result.events, ms: performance.now() - t0, ok: result.ok };
    } finally {
      await store.close();
    }
  },

  /** Raw: one SHA-256 per stored row (over its stored text), the least a chain check must compute. */
  rawHash({ file }: { file: string }): Timed {
    const db = new Database(file, { readonly: true });
    const t0 = performance.now();
    let events = 0;
    for (const row of db
      .prepare(`SELECT ${COLUMNS} FROM events ORDER BY position`)
      .iterate() as IterableIterator<{ data: string; metadata: string }>) {
      createHash('sha256').update(row.data).update(row.metadata).digest('hex');
      events += 1;
    }
    const ms = performance.now() - t0;
    db.close();
    return { events, ms };
  },

  /** As-of state of one long stream: read it through the store and fold what was recorded by `recordedAt`. */
  async asOf({
    file,
    streamId,
    recordedAt,
    times,
  }: {
    file: string;
    streamId: string;
    recordedAt: string;
    times: number;
  }) {
    const store = new SqliteEventStore({ file });
    const db = new Database(file, { readonly: true });
    const rawSelect = db.prepare(`SELECT ${COLUMNS} FROM events WHERE stream_id = ? ORDER BY revision`);
    const ours: number[] = [];
    const raw: number[] = [];
    let revision = -1;
    try {
      for (let i = 0; i < times; i++) {
        const t0 = performance.now();
        const state = foldAsOf(await store.readStream(streamId), { kind: 'recordedAt', value: recordedAt });
        ours.push(performance.now() - t0);
        revision = state?.revision ?? -1;
        const t1 = performance.now();
        for (const row of rawSelect.all(streamId) as { data: string; metadata: string }[]) {
          JSON.parse(row.data);
          JSON.parse(row.metadata);
        }
        raw.push(performance.now() - t1);
      }
    } finally {
      db.close();
      await store.close();
    }
    return { ours: summarise(ours), raw: summarise(raw), oursRuns: ours, rawRuns: raw, revision };
  },
};

serveWorker(handlers);
