import { assertSchemaName } from '@ledger/event-store/postgres';
import { CamelCasePlugin, Kysely } from 'kysely';
import { Client, Pool, types } from 'pg';
import type { ReadModelDatabase } from '../schema/read-model.tables';
import { KyselyReadModel } from './kysely.read-model';
import { migrateReadModel } from './migrate';
import { SchemaScopedPostgresDialect } from './schema-scoped.postgres-dialect';

export const DEFAULT_PG_SCHEMA = 'read_model';
const INT8_OID = 20;

export { assertSchemaName };

/**
 * The pool's search_path names the schema rather than pinning its oid, so after a rebuild renames a fresh
 * schema into place every new statement already reads the new copy.
 */
export interface PostgresReadModelOptions {
  /**
   * A copy being built by a rebuild or check: its commits do not wait for the WAL flush
   * (`synchronous_commit=off`). A crash can lose the last few commits of a copy that is discarded anyway,
   * never corrupt it, and the swap's own synchronous commit flushes the WAL up to and including every
   * earlier commit, so what goes live is durable.
   */
  scratch?: boolean;
}

export async function openPostgresReadModel(
  databaseUrl: string,
  schema = DEFAULT_PG_SCHEMA,
  settings: PostgresReadModelOptions = {},
): Promise<KyselyReadModel> {
  assertSchemaName(schema);
  const pool = new Pool({
    connectionString: databaseUrl,
    max: 4,
    // A projector paused (SIGSTOP, long GC) inside a batch would hold the checkpoint row and the lease row
    // locked, stopping its standby too; the server ends such a transaction after 5 s idle instead.
    options: `-c search_path=${schema} -c idle_in_transaction_session_timeout=5000${settings.scratch ? ' -c synchronous_commit=off' : ''}`,
    // Positions and counts are int8; they stay far below 2^53, so numbers are exact and easier to use.
    types: {
      getTypeParser: ((oid: number, format?: string) =>
        oid === INT8_OID ? Number : types.getTypeParser(oid, format as 'text')) as typeof types.getTypeParser,
    },
  });
  // An idle client's error (server restart, network) must not crash the process: the next query reconnects.
  pool.on('error', (error) => process.emitWarning(`read-model pool: ${error.message}`));
  await pool.query(`create schema if not exists "${schema}"`);
  const db = new Kysely<ReadModelDatabase>({
    dialect: new SchemaScopedPostgresDialect({ pool }, schema),
    plugins: [new CamelCasePlugin()],
  });
  try {
    await migrateReadModel(db, 'postgres', schema);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return new KyselyReadModel('postgres', schema, db);
}

/** Runs a few statements on a short-lived connection (schema admin outside any pool). */
export async function withPgClient<T>(databaseUrl: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function dropPostgresSchema(databaseUrl: string, schema: string): Promise<void> {
  assertSchemaName(schema);
  await withPgClient(databaseUrl, (c) => c.query(`drop schema if exists "${schema}" cascade`));
}
