import { Pool, type PoolClient } from 'pg';
import type { WriteFence } from '@ledger/event-store';
import { TableOnce, assertSchemaName, checkFence } from '@ledger/event-store/postgres';

/** A term of leadership: `token` grows by one at every change of holder (the fencing token). */
export interface LeaseTerm {
  name: string;
  holder: string;
  token: number;
}

export interface LeaseRow extends LeaseTerm {
  /** False once the holder stopped renewing for a whole TTL: anyone may take it. */
  live: boolean;
}

/**
 * Lease rows in PostgreSQL: one row per role (`projector:projects`, `relay:projects.events`, ...).
 * Expiry is judged by the database's clock only, so the holders' clocks never matter. The row is also
 * the fence: a guarded write checks, in its own transaction, that its token is still the current one and
 * unexpired (`checkFence`), holding the row with FOR SHARE so a takeover waits for that commit.
 */
export class PostgresLeases {
  readonly table: string;
  readonly schema: string;
  private readonly pool: Pool;
  private readonly created: TableOnce;

  constructor(connectionString: string, schema: string) {
    assertSchemaName(schema);
    this.table = `"${schema}".leases`;
    this.pool = new Pool({
      connectionString,
      max: 2,
      options: '-c idle_in_transaction_session_timeout=5000',
    });
    this.pool.on('error', () => undefined);
    this.schema = schema;
    this.created = new TableOnce(
      this.pool,
      schema,
      `CREATE TABLE IF NOT EXISTS ${this.table} (
         name       text        PRIMARY KEY,
         holder     text        NOT NULL,
         token      bigint      NOT NULL,
         expires_at timestamptz NOT NULL
       )`,
    );
  }

  /** Takes the lease if it is free, expired or already ours; null when someone else holds it. */
  async tryAcquire(name: string, holder: string, ttlMs: number): Promise<LeaseTerm | null> {
    await this.ensure();
    const { rows } = await this.pool.query<{ token: string }>(
      `INSERT INTO ${this.table} AS l (name, holder, token, expires_at)
       VALUES ($1, $2, 1, clock_timestamp() + $3 * interval '1 millisecond')
       ON CONFLICT (name) DO UPDATE
         SET holder = excluded.holder,
             token = CASE WHEN l.holder = excluded.holder THEN l.token ELSE l.token + 1 END,
             expires_at = excluded.expires_at
         WHERE l.holder = excluded.holder OR l.expires_at < clock_timestamp()
       RETURNING token`,
      [name, holder, ttlMs],
    );
    return rows[0] ? { name, holder, token: Number(rows[0].token) } : null;
  }

  /** Extends our term; false when it was taken over (or has expired and been taken). */
  async renew(term: LeaseTerm, ttlMs: number): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      `UPDATE ${this.table} SET expires_at = clock_timestamp() + $4 * interval '1 millisecond'
       WHERE name = $1 AND holder = $2 AND token = $3 AND expires_at >= clock_timestamp()`,
      [term.name, term.holder, term.token, ttlMs],
    );
    return rowCount === 1;
  }

  /** Gives the lease up at once (graceful shutdown), so a standby need not wait for the TTL. */
  async release(term: LeaseTerm): Promise<void> {
    await this.pool.query(
      `UPDATE ${this.table} SET expires_at = clock_timestamp() - interval '1 millisecond'
       WHERE name = $1 AND holder = $2 AND token = $3`,
      [term.name, term.holder, term.token],
    );
  }

  /** Throws LeaseLostError unless `term` is current and unexpired; run inside the guarded transaction. */
  async fence(client: Pick<PoolClient, 'query'>, term: LeaseTerm): Promise<void> {
    await checkFence(client, this.fenceOf(term));
  }

  /** The fence of a term, to hand to a guarded write (event store append, read-model batch). */
  fenceOf(term: LeaseTerm): WriteFence {
    return { leaseSchema: this.schema, name: term.name, token: term.token };
  }

  async list(): Promise<LeaseRow[]> {
    await this.ensure();
    const { rows } = await this.pool.query<{ name: string; holder: string; token: string; live: boolean }>(
      `SELECT name, holder, token, expires_at >= clock_timestamp() AS live FROM ${this.table} ORDER BY name`,
    );
    return rows.map((r) => ({ name: r.name, holder: r.holder, token: Number(r.token), live: r.live }));
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  /** Creates the schema and table once per process (concurrent creators serialised by an advisory lock). */
  ensure(): Promise<void> {
    return this.created.ensure();
  }
}
