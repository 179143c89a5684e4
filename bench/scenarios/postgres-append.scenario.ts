import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { PostgresEventStore } from '@ledger/event-store/postgres';
import type { BenchOptions } from '../lib/options';
import { emmettPostgresPeer } from '../lib/emmett-postgres.peer';
import { describeOutcome, failedRun, type PeerOutcome } from '../lib/peer-loop';
import { pairedFigure, targets, type Results } from '../lib/results';

const CLIENTS = [1, 64] as const;
const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const SECTION = '7. PostgreSQL event store';

/** The same event for every contender: one ProjectCreated-sized JSON document per append. */
const eventData = (n: number) => ({
  projectId: `PG.${n}`,
  title: 'Strengthening migration governance in the region',
  budget: { amount: '200000.00', currency: 'USD' },
  benefitingMemberStates: ['Mongolia'],
  plannedStart: '2014',
  plannedEnd: '2016',
});

/** `clients` loops appending one event each to its own streams for `ms`; returns appends/s. */
async function closedLoop(clients: number, ms: number, append: (client: number, n: number) => Promise<void>) {
  let done = 0;
  const until = Date.now() + ms;
  const started = Date.now();
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      for (let n = 0; Date.now() < until; n++) {
        await append(client, n);
        done += 1;
      }
    }),
  );
  return done / ((Date.now() - started) / 1000);
}

async function ledgerStore(schema: string, clients: number, ms: number): Promise<number> {
  const store = new PostgresEventStore({ connectionString: DATABASE_URL, schema });
  await store.whenReady();
  try {
    return await closedLoop(clients, ms, async (client, n) => {
      const data = eventData(n);
      await store.append(
        `project-${client}-${n}`,
        [{ eventId: randomUUID(), type: 'ProjectCreated', data, metadata: { actor: 'bench' } }],
        'no-stream',
      );
    });
  } finally {
    await store.close();
  }
}

/** Baseline: one autocommitted INSERT per append on its own connection per client, synchronous_commit=on. */
async function rawInserts(schema: string, clients: number, ms: number): Promise<number> {
  const setup = new Client({ connectionString: DATABASE_URL });
  await setup.connect();
  await setup.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
  await setup.query(
    `CREATE TABLE IF NOT EXISTS "${schema}".raw_events (position bigserial PRIMARY KEY, stream_id text NOT NULL,
       revision bigint NOT NULL, event_id text NOT NULL, type text NOT NULL, data json NOT NULL,
       metadata json NOT NULL, UNIQUE (stream_id, revision))`,
  );
  await setup.end();
  const connections = await Promise.all(
    Array.from({ length: clients }, async () => {
      const c = new Client({ connectionString: DATABASE_URL, options: '-c synchronous_commit=on' });
      await c.connect();
      return c;
    }),
  );
  try {
    return await closedLoop(clients, ms, async (client, n) => {
      await connections[client].query(
        `INSERT INTO "${schema}".raw_events (stream_id, revision, event_id, type, data, metadata)
         VALUES ($1, 0, $2, 'ProjectCreated', $3, $4)`,
        [`project-${client}-${n}`, randomUUID(), JSON.stringify(eventData(n)), '{"actor":"bench"}'],
      );
    });
  } finally {
    await Promise.all(connections.map((c) => c.end()));
  }
}

async function drop(schema: string) {
  const c = new Client({ connectionString: DATABASE_URL });
  await c.connect();
  await c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await c.end();
}

/**
 * Section 7: appends to the PostgreSQL event store (group commit, head-row lock) against raw single-row
 * INSERTs at the same durability and against Emmett's PostgreSQL event store (when its own npm tree is
 * installed, see ../lib/peers), 1 and 64 clients, same events, same run.
 */
export async function postgresAppendScenario(
  options: BenchOptions,
  results: Results,
  log: (m: string) => void,
): Promise<void> {
  const runs: Record<number, { store: number[]; raw: number[]; emmett: PeerOutcome[] }> = {
    1: { store: [], raw: [], emmett: [] },
    64: { store: [], raw: [], emmett: [] },
  };
  const emmett = emmettPostgresPeer(DATABASE_URL);
  for (let rep = 0; rep < options.reps; rep++) {
    for (const clients of CLIENTS) {
      const schema = `bench_pg_${Date.now().toString(36)}_${clients}`;
      try {
        log(`pg-append: repetition ${rep + 1}/${options.reps}, ${clients} client(s)`);
        runs[clients].store.push(await ledgerStore(schema, clients, options.loadMs));
        runs[clients].raw.push(await rawInserts(schema, clients, options.loadMs));
      } finally {
        await drop(schema);
      }
      if ('append' in emmett) runs[clients].emmett.push(await emmettRun(emmett.append, clients, options));
    }
  }
  for (const clients of CLIENTS) {
    results.add(
      pairedFigure({
        id: `pg.append.${clients}`,
        section: SECTION,
        label: `PostgresEventStore.append, ${clients} client${clients > 1 ? 's' : ''}`,
        unit: 'appends/s',
        runs: runs[clients].store,
        baseline: {
          label: `raw INSERT, ${clients} connection${clients > 1 ? 's' : ''}, 1 txn each, synchronous_commit=on`,
          runs: runs[clients].raw,
        },
      }),
    );
  }
  if (!('append' in emmett)) {
    results.missing(SECTION, "Emmett's PostgreSQL event store (1 and 64 clients)", emmett.missing);
    return;
  }
  for (const clients of CLIENTS) {
    const peer = runs[clients].emmett;
    // A peer that completed nothing, or stalled, has no meaningful rate: its outcome is the finding.
    const incomplete = peer.some((o) => o.appends === 0 || o.stalled);
    results.add(
      pairedFigure({
        id: `pg.append.${clients}.vs-emmett`,
        section: SECTION,
        label: `PostgresEventStore.append vs Emmett, ${clients} client${clients > 1 ? 's' : ''}`,
        unit: 'appends/s',
        runs: runs[clients].store,
        baseline: { label: emmett.label, runs: peer.map((o) => o.perSecond) },
        noRatio: incomplete,
        target: clients === 64 && !incomplete ? targets.ratioAtLeast(2, EMMETT_LEVER) : undefined,
        notes: [
          `Emmett per repetition: ${peer.map(describeOutcome).join('; ')}`,
          ...(incomplete ? ['no ratio: Emmett completed no append, or stalled, in a repetition'] : []),
        ],
      }),
    );
  }
}

/** One run of Emmett's store; a run that could not even start (say, no connection left) is its outcome. */
async function emmettRun(
  append: (clients: number, ms: number, data: typeof eventData) => Promise<PeerOutcome>,
  clients: number,
  options: BenchOptions,
): Promise<PeerOutcome> {
  try {
    return await append(clients, options.loadMs, eventData);
  } catch (error) {
    return failedRun(error, options.loadMs);
  }
}

const EMMETT_LEVER =
  "per commit the store makes six round trips (BEGIN, head-row lock, two look-ups, insert, COMMIT) on a pool of 5 connections (Emmett's pool: 10); next: profile both 64-client runs";
