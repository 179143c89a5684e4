import { Client } from 'pg';
import { loadPeer, peerVersion, type EmmettModule, type EmmettPostgresModule } from './peers';

/** What one timed loop of a peer did: stalls and failures are measured outcomes, not crashes of the bench. */
export interface PeerOutcome {
  perSecond: number;
  appends: number;
  failed: number;
  firstError?: string;
  /** Appends were still pending STALL_GRACE_MS after the end of the load phase. */
  stalled: boolean;
  seconds: number;
  /** As the peer's own connections report it (SHOW synchronous_commit). */
  synchronousCommit: string;
}

const STALL_GRACE_MS = 10_000;
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

/**
 * `clients` loops each appending one event to a new stream, the next when the last resolved, for `ms`.
 * Unlike our stores' loops it survives the contender: a failed append is counted and the loop goes on, and
 * when appends are still pending STALL_GRACE_MS after the deadline it reports what completed until then.
 */
async function guardedLoop(
  clients: number,
  ms: number,
  append: (client: number, n: number) => Promise<unknown>,
): Promise<Omit<PeerOutcome, 'synchronousCommit'>> {
  let appends = 0;
  let failed = 0;
  let firstError: string | undefined;
  const started = Date.now();
  const until = started + ms;
  const loops = Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      for (let n = 0; Date.now() < until; n++) {
        try {
          await append(client, n);
          appends += 1;
        } catch (error) {
          failed += 1;
          firstError ??= error instanceof Error ? error.message.split('\n')[0] : String(error);
        }
      }
    }),
  );
  const stalled = await Promise.race([loops.then(() => false), sleep(ms + STALL_GRACE_MS).then(() => true)]);
  const seconds = (Date.now() - started) / 1000;
  return { perSecond: appends / seconds, appends, failed, firstError, stalled, seconds };
}

async function admin(databaseUrl: string, sql: string): Promise<void> {
  const c = new Client({ connectionString: databaseUrl });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

/**
 * Emmett's PostgreSQL event store through its public API (getPostgreSQLEventStore, appendToStream with
 * STREAM_DOES_NOT_EXIST), each run in a database of its own (Emmett creates its tables in `public`), dropped
 * afterwards. Durable: appendToStream resolves after its transaction committed, on connections opened with
 * synchronous_commit=on. The pool is a plain pg.Pool from the peers' tree with pg's default size (10), handed
 * to Emmett so the run can end it; Emmett would create the same pool itself.
 */
export function emmettPostgresPeer(databaseUrl: string):
  | {
      label: string;
      append: (
        clients: number,
        ms: number,
        data: (n: number) => Record<string, unknown>,
      ) => Promise<PeerOutcome>;
    }
  | { missing: string } {
  const emmettPg = loadPeer<EmmettPostgresModule>('@event-driven-io/emmett-postgresql');
  const emmett = loadPeer<EmmettModule>('@event-driven-io/emmett');
  const pg = loadPeer<typeof import('pg')>('pg');
  if ('missing' in emmettPg) return emmettPg;
  if ('missing' in emmett) return emmett;
  if ('missing' in pg) return pg;
  const label = `Emmett ${peerVersion('@event-driven-io/emmett-postgresql')} getPostgreSQLEventStore().appendToStream, pg.Pool (10), synchronous_commit=on`;
  const append = async (clients: number, ms: number, data: (n: number) => Record<string, unknown>) => {
    const database = `bench_emmett_${Date.now().toString(36)}_${clients}`;
    const url = new URL(databaseUrl);
    url.pathname = `/${database}`;
    await admin(databaseUrl, `CREATE DATABASE "${database}"`);
    const pool = new pg.module.Pool({
      connectionString: url.toString(),
      options: '-c synchronous_commit=on',
    });
    // Idle connections are terminated when the database is dropped; that is the end of the run, not an error.
    pool.on('error', () => undefined);
    let stalled = false;
    try {
      const { rows } = await pool.query<{ synchronous_commit: string }>('SHOW synchronous_commit');
      const store = emmettPg.module.getPostgreSQLEventStore(url.toString(), { connectionOptions: { pool } });
      const appendOne = (client: number, n: number) =>
        store.appendToStream(
          `project-${client}-${n}`,
          [{ type: 'ProjectCreated', data: data(n), metadata: { actor: 'bench' } }],
          { expectedStreamVersion: emmett.module.STREAM_DOES_NOT_EXIST },
        );
      // Emmett creates its schema on first use; like our store's whenReady(), that is not measured.
      await appendOne(-1, 0);
      const outcome = await guardedLoop(clients, ms, appendOne);
      stalled = outcome.stalled;
      if (!stalled) await store.close();
      return { ...outcome, synchronousCommit: rows[0].synchronous_commit };
    } finally {
      // A stalled pool may never drain: dropping the database (FORCE) ends its connections instead.
      if (!stalled) await Promise.race([pool.end(), sleep(5_000)]);
      await admin(databaseUrl, `DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    }
  };
  return { label, append };
}
