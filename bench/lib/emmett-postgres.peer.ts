import { Client } from 'pg';
import { guardedLoop, sleep, type PeerOutcome } from './peer-loop';
import { loadPeer, peerVersion, type EmmettModule, type EmmettPostgresModule } from './peers';

const TREE = 'emmett-postgresql';

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
  const emmettPg = loadPeer<EmmettPostgresModule>(TREE, '@event-driven-io/emmett-postgresql');
  const emmett = loadPeer<EmmettModule>(TREE, '@event-driven-io/emmett');
  const pg = loadPeer<typeof import('pg')>(TREE, 'pg');
  if ('missing' in emmettPg) return emmettPg;
  if ('missing' in emmett) return emmett;
  if ('missing' in pg) return pg;
  const label = `Emmett ${peerVersion(TREE, '@event-driven-io/emmett-postgresql')} getPostgreSQLEventStore().appendToStream, pg.Pool (10), synchronous_commit=on`;
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
      if (!stalled) await store.close?.();
      return { ...outcome, durability: `synchronous_commit=${rows[0].synchronous_commit}` };
    } finally {
      // A stalled pool may never drain: dropping the database (FORCE) ends its connections instead.
      if (!stalled) await Promise.race([pool.end(), sleep(5_000)]);
      await admin(databaseUrl, `DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    }
  };
  return { label, append };
}
