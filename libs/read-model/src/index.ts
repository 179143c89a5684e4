export * from './read-model.port';
export { createReadModel, type ReadModelConfig } from './store/create-read-model';
export { KyselyReadModel } from './store/kysely.read-model';
export {
  openSqliteReadModel,
  liveSqliteReadModelPath,
  SQLITE_READ_MODEL_FILE,
} from './store/sqlite.read-model';
export { openPostgresReadModel, dropPostgresSchema, DEFAULT_PG_SCHEMA } from './store/postgres.read-model';
export { projectEvent, ProjectionError, type ProjectEffect } from './projection/project.projection';
export { statsDelta, applyStatsDelta, type StatsDelta } from './projection/stats.projection';
export {
  ProjectionRunner,
  type ProjectionRunnerOptions,
  type ProjectionStatus,
} from './projector/projection-runner';
export { projectLog, type ProjectLogOptions } from './rebuild/project-log';
export { rebuildReadModel, checkReadModel, type RebuildOutcome, type CheckOutcome } from './rebuild/rebuild';
export { diffReadModels, type ReadModelDifference } from './rebuild/read-model.diff';
export { openScratchReadModel, type ScratchReadModel } from './rebuild/scratch.read-model';
export { swapIntoLive } from './rebuild/swap';
export { ReadModelModule } from './nest/read-model.module';
export { readModelConfigFrom } from './store/read-model.config';
