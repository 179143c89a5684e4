export { PostgresEventStore } from './postgres.event-store';
export type { PostgresEventStoreOptions } from './postgres.event-store';
export { checkFence, fenceSql } from './postgres.fence';
