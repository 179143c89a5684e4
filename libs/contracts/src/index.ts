export * from './event-kinds';
export * from './integration-events';
export * from './project-event.table';
export * from './to-integration-event';
export * from './event-message';
export * from './integration-event.validator';
export * from './schemas/project-events.schemas';
export { JSON_SCHEMA_DIALECT, SCHEMA_ID_BASE } from './schemas/common.schema';
export * from './asyncapi/asyncapi.document';
