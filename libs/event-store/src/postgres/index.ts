export { PostgresEventStore } from './postgres.event-store';
export type { PostgresEventStoreOptions } from './postgres.event-store';
export { checkFence, fenceSql } from './postgres.fence';
export { PG_SCHEMA_NAME, assertSchemaName, inSchemaLock, inTransaction, TableOnce } from './pg-schema-lock';
