export * from './eventstoredb.event-store';
export * from './eventstoredb.connection-string';
