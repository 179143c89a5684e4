export * from './confirm-window';
export * from './backoff';
export * from './topology';
export * from './sqlite.inbox';
export * from './event-consumer';
