import { Pool } from 'pg';
import { START, type Position, type WriteFence } from '@ledger/event-store';
import { TableOnce, assertSchemaName, checkFence, inTransaction } from '@ledger/event-store/postgres';
import type { CheckpointStore } from './checkpoint.store';

/**
 * Relay checkpoints in PostgreSQL (EVENT_STORE=postgres), so a standby relay on another machine resumes
 * where the leader stopped. Each save checks the relay's lease in the same transaction (fencing): a relay
 * that lost its lease while paused cannot move the checkpoint afterwards. A checkpoint never goes back.
 */
export class PostgresCheckpointStore implements CheckpointStore {
  private readonly pool: Pool;
  private readonly table: string;
  private readonly created: TableOnce;

  constructor(
    connectionString: string,
    schema: string,
    private readonly fence: () => WriteFence | undefined,
  ) {
    assertSchemaName(schema);
    this.table = `"${schema}".relay_checkpoints`;
    this.pool = new Pool({
      connectionString,
      max: 2,
      options: '-c idle_in_transaction_session_timeout=5000',
    });
    this.pool.on('error', () => undefined);
    this.created = new TableOnce(
      this.pool,
      schema,
      `CREATE TABLE IF NOT EXISTS ${this.table} (
         name text PRIMARY KEY, position bigint NOT NULL, updated_at timestamptz NOT NULL)`,
    );
  }

  async load(name: string): Promise<Position> {
    await this.ensure();
    const { rows } = await this.pool.query<{ position: string }>(
      `SELECT position FROM ${this.table} WHERE name = $1`,
      [name],
    );
    return rows[0] ? Number(rows[0].position) : START;
  }

  async save(name: string, position: Position): Promise<void> {
    await this.ensure();
    await inTransaction(this.pool, async (client) => {
      const fence = this.fence();
      if (fence) await checkFence(client, fence);
      await client.query(
        `INSERT INTO ${this.table} AS c (name, position, updated_at) VALUES ($1, $2, clock_timestamp())
         ON CONFLICT (name) DO UPDATE SET position = GREATEST(c.position, excluded.position),
           updated_at = excluded.updated_at`,
        [name, position],
      );
    });
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  private ensure(): Promise<void> {
    return this.created.ensure();
  }
}
