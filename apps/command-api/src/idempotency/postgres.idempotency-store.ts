import { Pool } from 'pg';
import { TableOnce, assertSchemaName } from '@ledger/event-store/postgres';
import type { IdempotencyStore, StoredResponse } from './idempotency.store';

/**
 * Idempotency records shared by every command-api replica (EVENT_STORE=postgres): a key's first request
 * fixes its fingerprint while it runs (`running` counts the requests with that fingerprint on all
 * replicas), and its response once done. So any replica replays the first response, and a reused key with
 * another body is refused (422) wherever it arrives, also while the first request is still running.
 * A replica that dies mid-request leaves the key held by that fingerprint: the same request may still be
 * retried (the log's command-id check makes it write once); a different one stays refused, as it should.
 */
export class PostgresIdempotencyStore implements IdempotencyStore {
  private readonly pool: Pool;
  private readonly table: string;
  private readonly created: TableOnce;

  constructor(connectionString: string, schema: string) {
    assertSchemaName(schema);
    this.table = `"${schema}".idempotency_keys`;
    this.pool = new Pool({ connectionString, max: 4 });
    this.pool.on('error', () => undefined);
    this.created = new TableOnce(
      this.pool,
      schema,
      `CREATE TABLE IF NOT EXISTS ${this.table} (
         actor text NOT NULL, key text NOT NULL, fingerprint text NOT NULL, running int NOT NULL,
         status int, headers jsonb, body jsonb, created_at timestamptz NOT NULL,
         PRIMARY KEY (actor, key))`,
    );
  }

  async begin(actor: string, key: string, fingerprint: string): Promise<boolean> {
    await this.ensure();
    const { rowCount } = await this.pool.query(
      `INSERT INTO ${this.table} AS k (actor, key, fingerprint, running, created_at)
       VALUES ($1, $2, $3, 1, clock_timestamp())
       ON CONFLICT (actor, key) DO UPDATE SET running = k.running + 1 WHERE k.fingerprint = excluded.fingerprint`,
      [actor, key, fingerprint],
    );
    return rowCount === 1;
  }

  async end(actor: string, key: string, fingerprint: string): Promise<void> {
    await this.pool.query(
      `UPDATE ${this.table} SET running = running - 1
       WHERE actor = $1 AND key = $2 AND fingerprint = $3 AND running > 0`,
      [actor, key, fingerprint],
    );
    // The last request of a key that never finished frees it, as if it had never been sent.
    await this.pool.query(
      `DELETE FROM ${this.table} WHERE actor = $1 AND key = $2 AND running = 0 AND status IS NULL`,
      [actor, key],
    );
  }

  async get(actor: string, key: string): Promise<StoredResponse | null> {
    await this.ensure();
    const { rows } = await this.pool.query<{
      fingerprint: string;
      status: number;
      headers: Record<string, string>;
      body: unknown;
    }>(
      `SELECT fingerprint, status, headers, body FROM ${this.table}
       WHERE actor = $1 AND key = $2 AND status IS NOT NULL`,
      [actor, key],
    );
    return rows[0] ?? null;
  }

  async put(actor: string, key: string, response: StoredResponse, at: Date): Promise<void> {
    await this.pool.query(
      `INSERT INTO ${this.table} AS k (actor, key, fingerprint, running, status, headers, body, created_at)
       VALUES ($1, $2, $3, 0, $4, $5, $6, $7)
       ON CONFLICT (actor, key) DO UPDATE SET status = excluded.status, headers = excluded.headers,
         body = excluded.body WHERE k.fingerprint = excluded.fingerprint AND k.status IS NULL`,
      [
        actor,
        key,
        response.fingerprint,
        response.status,
        JSON.stringify(response.headers),
        JSON.stringify(response.body),
        at,
      ],
    );
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  /** Creates the table once; replicas starting together are serialised by an advisory lock. */
  private ensure(): Promise<void> {
    return this.created.ensure();
  }
}
