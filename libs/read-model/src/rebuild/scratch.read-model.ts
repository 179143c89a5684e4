import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { ReadModelConfig } from '../store/create-read-model';
import type { KyselyReadModel } from '../store/kysely.read-model';
import { DEFAULT_PG_SCHEMA, dropPostgresSchema, openPostgresReadModel } from '../store/postgres.read-model';
import { openSqliteReadModel } from '../store/sqlite.read-model';
import { dropSecondaryIndexes, recreateIndexes } from './deferred-indexes';

/** A fresh, empty read model beside the live one (the "green" copy of a blue/green rebuild). */
export interface ScratchReadModel {
  model: KyselyReadModel;
  /** File path (SQLite) or schema name (PostgreSQL). */
  location: string;
  /** Completes the copy (builds what was deferred while filling it) and closes it: call before a swap. */
  finish(): Promise<void>;
  /** Closes and deletes the copy; safe to call twice and after a swap consumed it. */
  discard(): Promise<void>;
}

export async function openScratchReadModel(
  config: ReadModelConfig,
  purpose: 'rebuild' | 'check',
): Promise<ScratchReadModel> {
  const suffix = `${purpose}_${randomBytes(4).toString('hex')}`;
  let closed = false;
  if (config.readModel === 'postgres') {
    const schema = `${config.readModelSchema ?? DEFAULT_PG_SCHEMA}_${suffix}`;
    const model = await openPostgresReadModel(config.databaseUrl, schema, { scratch: true }).catch(
      async (error: unknown) => {
        await dropPostgresSchema(config.databaseUrl, schema);
        throw error;
      },
    );
    return {
      model,
      location: schema,
      async finish() {
        closed = true;
        await model.close();
      },
      async discard() {
        if (!closed) await model.close();
        closed = true;
        await dropPostgresSchema(config.databaseUrl, schema);
      },
    };
  }
  const file = join(config.dataDir, `read-model.${suffix}.sqlite`);
  const model = await openSqliteReadModel(file, { scratch: true });
  const indexes = await dropSecondaryIndexes(model.db);
  return {
    model,
    location: file,
    async finish() {
      await recreateIndexes(model.db, indexes);
      closed = true;
      await model.close();
    },
    async discard() {
      if (!closed) await model.close();
      closed = true;
      await Promise.all(['', '-wal', '-shm'].map((ext) => rm(file + ext, { force: true })));
    },
  };
}
