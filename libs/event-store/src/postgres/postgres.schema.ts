import type { Pool } from 'pg';
import { assertSchemaName, inSchemaLock } from './pg-schema-lock';

/** Bump and add a step to MIGRATIONS whenever the layout changes; the `schema_version` table records it. */
export const PG_SCHEMA_VERSION = 1;

/** Quoted, validated schema name: schema names come from configuration and end up in SQL text. */
export function schemaIdent(schema: string): string {
  assertSchemaName(schema);
  return `"${schema}"`;
}

/** NOTIFY channel of one store schema (channel names are identifiers: at most 63 bytes). */
export function notifyChannel(schema: string): string {
  return `ledger_events_${schema}`.slice(0, 63);
}

const migrations = (s: string): Record<number, string> => ({
  1: `
    CREATE TABLE ${s}.events (
      position  bigint  PRIMARY KEY,
      stream_id text    NOT NULL,
      revision  bigint  NOT NULL CHECK (revision >= 0),
      event_id  text    NOT NULL,
      type      text    NOT NULL,
      data      json    NOT NULL,
      metadata  json    NOT NULL,
      UNIQUE (stream_id, revision),
      UNIQUE (stream_id, event_id)
    );
    -- One row: the last position given out. Every appending transaction locks it first and keeps the lock
    -- until COMMIT, which is what makes position order equal commit order (docs/architecture.md).
    CREATE TABLE ${s}.log_head (
      id       smallint PRIMARY KEY CHECK (id = 1),
      position bigint   NOT NULL
    );
    INSERT INTO ${s}.log_head (id, position) VALUES (1, 0);
  `,
});

/**
 * Brings the schema to PG_SCHEMA_VERSION. A transaction-scoped advisory lock keyed on the schema name (the
 * same key for every table the apps create in a schema: leases, relay checkpoints, idempotency) makes
 * several processes starting together migrate one after the other instead of colliding on CREATE.
 */
export async function migrate(pool: Pool, schema: string): Promise<void> {
  const s = schemaIdent(schema);
  await inSchemaLock(pool, schema, async (client) => {
    await client.query(`CREATE TABLE IF NOT EXISTS ${s}.schema_version (version int NOT NULL)`);
    const { rows } = await client.query<{ version: number }>(`SELECT version FROM ${s}.schema_version`);
    const current = rows[0]?.version ?? 0;
    if (current > PG_SCHEMA_VERSION) {
      throw new Error(
        `Event store schema ${schema} has version ${current}; this code knows up to ${PG_SCHEMA_VERSION}`,
      );
    }
    const steps = migrations(s);
    for (let version = current + 1; version <= PG_SCHEMA_VERSION; version++) {
      await client.query(steps[version]);
    }
    if (current === 0) await client.query(`INSERT INTO ${s}.schema_version VALUES ($1)`, [PG_SCHEMA_VERSION]);
    else await client.query(`UPDATE ${s}.schema_version SET version = $1`, [PG_SCHEMA_VERSION]);
  });
}
