import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { AppConfig } from '../config/app-config';
import { FileLeases } from './file.leases';
import { LeaderElection, type LeaseBackend, type LeaderElectionOptions } from './leader-election';
import { PostgresLeases } from './postgres.leases';

/** Unique per process start: a restarted process is a new holder, so its first term gets a new token. */
export const LEASE_HOLDER = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;

/** Clustered deployments (the PostgreSQL event store) elect one writer per role; the embedded one does not. */
export const isClustered = (config: AppConfig): boolean => config.eventStore === 'postgres';

/**
 * Where a role's lease lives: in the database its guarded writes go to, so the fence is checked in the
 * same transaction. `read-model`: DATABASE_URL (projector batches, relay checkpoints); `log`: the event
 * store's database (audit checkpoints are events).
 */
export function leasesFor(config: AppConfig, where: 'read-model' | 'log'): PostgresLeases {
  const url = where === 'log' ? config.eventStoreDatabaseUrl : config.databaseUrl;
  return new PostgresLeases(url, config.leaseSchema);
}

/** The embedded store's leases: lock files in DATA_DIR/leases (one active projector or relay per data dir). */
export const fileLeasesFor = (config: AppConfig): FileLeases => new FileLeases(config.dataDir);

export function electionFor(
  config: AppConfig,
  leases: LeaseBackend,
  role: string,
  hooks: Pick<LeaderElectionOptions, 'onElected' | 'onDeposed' | 'log'>,
): LeaderElection {
  // One holder id per election: two apps in one process (tests, a standalone) must not share a term.
  const holder = `${LEASE_HOLDER}:${randomBytes(3).toString('hex')}`;
  return new LeaderElection({ leases, name: role, holder, ttlMs: config.leaseTtlMs, ...hooks });
}
