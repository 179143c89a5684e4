export * from './event-store.port';
export { SqliteEventStore } from './sqlite/sqlite.event-store';
export type { SqliteEventStoreOptions } from './sqlite/sqlite.event-store';
export type { GroupCommitStats } from './sqlite/sqlite.group-commit';
export { InMemoryEventStore } from './in-memory/in-memory.event-store';
// The contract suite only declares describe/it when called, so importing it outside Jest is harmless.
export * from './testing';
