import type { WriteFence } from '@ledger/event-store';
import {
  electionFor,
  fileLeasesFor,
  isClustered,
  leasesFor,
  type AppConfig,
  type LeaderElection,
} from '@ledger/platform';
import type { ProjectionRunner } from '@ledger/read-model';

export interface ProjectorLeadership {
  start(): void;
  stop(): Promise<void>;
  election: LeaderElection | null;
}

/** The lease name: one active projector per checkpoint row, i.e. per read-model schema and subscription. */
export const projectorRole = (config: AppConfig, runner: ProjectionRunner): string =>
  `projector:${config.readModel === 'postgres' ? config.readModelSchema : 'sqlite'}:${runner.name}`;

/**
 * Runs the projection only while this process holds the projector lease: a lease row with a fence that
 * every batch carries (EVENT_STORE=postgres), or a lock file in DATA_DIR/leases on the embedded store, so
 * a second projector on the same data directory stands by instead of writing beside the first.
 */
export function projectorLeadership(
  config: AppConfig,
  runner: ProjectionRunner,
  setFence: (fence: WriteFence | undefined) => void,
  log: (message: string) => void,
): ProjectorLeadership {
  if (!isClustered(config)) {
    const leases = fileLeasesFor(config);
    const election = electionFor(config, leases, projectorRole(config, runner), {
      // One process per data directory is the rule there: its elections are not news, and a line logged
      // after the start banner would bury it (the banner comes once start-up logs have settled).
      onElected: async () => runner.start(),
      onDeposed: () => runner.stop(),
    });
    return { start: () => election.start(), stop: () => election.stop(), election };
  }
  const leases = leasesFor(config, 'read-model');
  const election = electionFor(config, leases, projectorRole(config, runner), {
    log,
    onElected: async (term) => {
      setFence(leases.fenceOf(term));
      runner.start();
    },
    // The old fence stays: a batch still in flight when the lease was lost is refused, not unguarded.
    onDeposed: () => runner.stop(),
  });
  return {
    start: () => election.start(),
    stop: async () => {
      await election.stop();
      await leases.close();
    },
    election,
  };
}
