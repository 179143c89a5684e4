import type { ReadModel } from '../read-model.port';
import { DEFAULT_PG_SCHEMA, openPostgresReadModel } from './postgres.read-model';
import { liveSqliteReadModelPath, openSqliteReadModel } from './sqlite.read-model';

/** The settings the read model needs; AppConfig from @ledger/platform satisfies it. */
export interface ReadModelConfig {
  readModel: 'sqlite' | 'postgres';
  dataDir: string;
  databaseUrl: string;
  /** PostgreSQL schema holding the live read model (default `read_model`). */
  readModelSchema?: string;
}

/** Opens (and migrates) the live read model the config names. */
export function createReadModel(config: ReadModelConfig): Promise<ReadModel> {
  return config.readModel === 'postgres'
    ? openPostgresReadModel(config.databaseUrl, config.readModelSchema ?? DEFAULT_PG_SCHEMA)
    : openSqliteReadModel(liveSqliteReadModelPath(config.dataDir));
}
