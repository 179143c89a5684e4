import { Pool } from 'pg';
import { START, type Position, type WriteFence } from '@ledger/event-store';
import { checkFence } from '@ledger/event-store/postgres';
import type { CheckpointStore } from './checkpoint.store';

/**
 * Relay checkpoints in PostgreSQL (EVENT_STORE=postgres), so a standby relay on another machine resumes
 * where the leader stopped. Each save checks the relay's lease in the same transaction (fencing): a relay
 * that lost its lease while paused cannot move the checkpoint afterwards. A checkpoint never goes back.
 */
export class PostgresCheckpointStore implements CheckpointStore {
  private readonly pool: Pool;
  private readonly table: string;
  private ready: Promise<void> | null = null;

  constructor(
    connectionString: string,
    private readonly schema: string,
    private readonly fence: () => WriteFence | undefined,
  ) {
    if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema))
      throw new Error(`"${schema}" is not a lower-case schema name`);
    this.table = `"${schema}".relay_checkpoints`;
    this.pool = new Pool({
      connectionString,
      max: 2,
      options: '-c idle_in_transaction_session_timeout=5000',
    });
    this.pool.on('error', () => undefined);
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
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const fence = this.fence();
      if (fence) await checkFence(client, fence);
      await client.query(
        `INSERT INTO ${this.table} AS c (name, position, updated_at) VALUES ($1, $2, clock_timestamp())
         ON CONFLICT (name) DO UPDATE SET position = GREATEST(c.position, excluded.position),
           updated_at = excluded.updated_at`,
        [name, position],
      );
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  private ensure(): Promise<void> {
    this.ready ??= (async () => {
      const client = await this.pool.connect();
      try {
        await client.query('BEGIN');
        await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`ledger-schema:${this.schema}`]);
        await client.query(`CREATE SCHEMA IF NOT EXISTS "${this.schema}"`);
        await client.query(
          `CREATE TABLE IF NOT EXISTS ${this.table} (
             name text PRIMARY KEY, position bigint NOT NULL, updated_at timestamptz NOT NULL)`,
        );
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    })().catch((error: unknown) => {
      this.ready = null;
      throw error;
    });
    return this.ready;
  }
}
