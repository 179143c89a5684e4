import type { Pool, PoolClient } from 'pg';

/** Lower-case PostgreSQL identifiers only: schema names are spliced into SQL text, never bound. */
export const PG_SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export function assertSchemaName(schema: string): void {
  if (!PG_SCHEMA_NAME.test(schema)) throw new Error(`"${schema}" is not a lower-case PostgreSQL schema name`);
}

/** Runs `work` in one transaction on a pooled connection: committed if it returns, rolled back if it throws. */
export async function inTransaction<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/**
 * Runs `work` (CREATE … IF NOT EXISTS, migrations) with the schema created, under a transaction-scoped
 * advisory lock keyed on the schema name: the same key for every table the apps create in a schema (event
 * log, leases, relay checkpoints, idempotency), so processes starting together create one after the other
 * instead of colliding.
 */
export function inSchemaLock<T>(pool: Pool, schema: string, work: (client: PoolClient) => Promise<T>) {
  assertSchemaName(schema);
  return inTransaction(pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`ledger-schema:${schema}`]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    return work(client);
  });
}

/**
 * Creates a table once per owner: the promise is kept so later calls cost nothing, and forgotten on
 * failure so the next call tries again (the database may have been down).
 */
export class TableOnce {
  private ready: Promise<void> | null = null;

  constructor(
    private readonly pool: Pool,
    private readonly schema: string,
    private readonly createSql: string,
  ) {}

  ensure(): Promise<void> {
    this.ready ??= inSchemaLock(this.pool, this.schema, async (client) => {
      await client.query(this.createSql);
    }).catch((error: unknown) => {
      this.ready = null;
      throw error;
    });
    return this.ready;
  }
}
