import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { PostgresEventStore, PostgresEventStoreOptions } from '../postgres/postgres.event-store';
import { schemaIdent } from '../postgres/postgres.schema';

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** A schema name no other test uses, so suites running in parallel never see each other's events. */
export function tempSchemaName(prefix = 'es'): string {
  return `${prefix}_${randomBytes(6).toString('hex')}`;
}

export async function dropSchema(schema: string, databaseUrl = TEST_DATABASE_URL): Promise<void> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${schemaIdent(schema)} CASCADE`);
  } finally {
    await client.end();
  }
}

/** A PostgreSQL store on its own fresh schema; `cleanup` closes it and drops the schema. */
export async function tempPostgresStore(
  options: Partial<PostgresEventStoreOptions> = {},
): Promise<{ store: PostgresEventStore; schema: string; cleanup(): Promise<void> }> {
  const schema = options.schema ?? tempSchemaName();
  const store = new PostgresEventStore({
    connectionString: TEST_DATABASE_URL,
    pollIntervalMs: 50,
    ...options,
    schema,
  });
  await store.whenReady();
  return {
    store,
    schema,
    cleanup: async () => {
      await store.close();
      await dropSchema(schema);
    },
  };
}
