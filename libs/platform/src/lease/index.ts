export * from './postgres.leases';
export * from './leader-election';
export * from './cluster-leases';
export * from './leadership.registry';
export * from './file.leases';
