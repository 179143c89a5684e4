import type { ReadModelConfig } from './create-read-model';
import { assertSchemaName } from './postgres.read-model';

/**
 * The read-model settings of an app config, plus READ_MODEL_SCHEMA (the PostgreSQL schema of the live
 * copy, default `read_model`) until the platform config carries it. A bad name stops start-up.
 */
export function readModelConfigFrom(
  config: Omit<ReadModelConfig, 'readModelSchema'> & { readModelSchema?: string },
  env: NodeJS.ProcessEnv = process.env,
): ReadModelConfig {
  const readModelSchema = config.readModelSchema ?? (env.READ_MODEL_SCHEMA || undefined);
  if (readModelSchema !== undefined) {
    try {
      assertSchemaName(readModelSchema);
    } catch {
      throw new Error(
        `READ_MODEL_SCHEMA: must be a lower-case PostgreSQL identifier such as read_model (got "${readModelSchema}")`,
      );
    }
  }
  return {
    readModel: config.readModel,
    dataDir: config.dataDir,
    databaseUrl: config.databaseUrl,
    readModelSchema,
  };
}
