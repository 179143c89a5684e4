import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ReadModel } from '../read-model.port';
import { createReadModel, type ReadModelConfig } from '../store/create-read-model';
import { dropPostgresSchema, withPgClient } from '../store/postgres.read-model';

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** An isolated read-model location: its own temp dir (SQLite) or its own schema (PostgreSQL). */
export interface ReadModelFixture {
  name: 'sqlite' | 'postgres';
  config: ReadModelConfig;
  dataDir: string;
  open(): Promise<ReadModel>;
  /** Drops the schema / deletes the directory, including any rebuild copies left behind. */
  cleanup(): Promise<void>;
}

export type ReadModelFixtureFactory = () => Promise<ReadModelFixture>;

export const sqliteFixture: ReadModelFixtureFactory = async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'read-model-'));
  const config: ReadModelConfig = { readModel: 'sqlite', dataDir, databaseUrl: TEST_DATABASE_URL };
  return {
    name: 'sqlite',
    config,
    dataDir,
    open: () => createReadModel(config),
    cleanup: () => rm(dataDir, { recursive: true, force: true }),
  };
};

export const postgresFixture: ReadModelFixtureFactory = async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'read-model-pg-'));
  const schema = `rm_${randomBytes(6).toString('hex')}`;
  const config: ReadModelConfig = {
    readModel: 'postgres',
    dataDir,
    databaseUrl: TEST_DATABASE_URL,
    readModelSchema: schema,
  };
  return {
    name: 'postgres',
    config,
    dataDir,
    open: () => createReadModel(config),
    async cleanup() {
      await dropPostgresSchema(TEST_DATABASE_URL, schema);
      // Rebuild and check copies are named after the live schema; drop any a failed test left behind.
      await withPgClient(TEST_DATABASE_URL, async (client) => {
        const { rows } = await client.query<{ name: string }>(
          'select nspname as name from pg_namespace where nspname like $1',
          [`${schema}\\_%`],
        );
        for (const { name } of rows) await dropPostgresSchema(TEST_DATABASE_URL, name);
      });
      await rm(dataDir, { recursive: true, force: true });
    },
  };
};
