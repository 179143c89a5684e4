import type { WriteFence } from '@ledger/event-store';
import { electionFor, isClustered, leasesFor, type AppConfig, type LeaderElection } from '@ledger/platform';
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
 * Runs the projection only while this process holds the projector lease (EVENT_STORE=postgres); every
 * batch carries the term's fence. Embedded: the runner simply runs.
 */
export function projectorLeadership(
  config: AppConfig,
  runner: ProjectionRunner,
  setFence: (fence: WriteFence | undefined) => void,
  log: (message: string) => void,
): ProjectorLeadership {
  if (!isClustered(config)) {
    return { start: () => runner.start(), stop: () => runner.stop(), election: null };
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
