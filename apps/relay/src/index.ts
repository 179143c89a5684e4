export * from './relay';
export * from './relay.module';
export * from './checkpoint.store';
export * from './sqlite.checkpoint-store';
export * from './region.directory';
export * from './replay';
export * from './relay.failpoint';
export * from './relay.settings';
