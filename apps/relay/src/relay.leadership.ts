import type { WriteFence } from '@ledger/event-store';
import {
  electionFor,
  fileLeasesFor,
  isClustered,
  leasesFor,
  type AppConfig,
  type LeaderElection,
} from '@ledger/platform';
import type { CheckpointStore } from './checkpoint.store';
import { PostgresCheckpointStore } from './postgres.checkpoint-store';
import type { Relay } from './relay';
import { relayCheckpointFile, SqliteCheckpointStore } from './sqlite.checkpoint-store';

export interface RelayLeadership {
  checkpoints: CheckpointStore;
  start(relay: Relay): Promise<void>;
  stop(relay: Relay): Promise<void>;
  election: LeaderElection | null;
}

/**
 * Embedded: checkpoints in the data dir, and the relay runs while it holds the lock file of its lease in
 * DATA_DIR/leases (a second relay on the same data directory stands by). Clustered (EVENT_STORE=postgres):
 * checkpoints in PostgreSQL, fenced by the lease `relay:<exchange>:<name>`, and the relay runs only while
 * this process holds that lease; a standby takes over from the shared checkpoint.
 */
export function relayLeadership(config: AppConfig, name: string, log: (m: string) => void): RelayLeadership {
  if (!isClustered(config)) {
    let running: Relay | null = null;
    const election = electionFor(config, fileLeasesFor(config), `relay:${config.relayExchange}:${name}`, {
      // One process per data directory is the rule there: its elections are not news, and a line logged
      // after the start banner would bury it (the banner comes once start-up logs have settled).
      onElected: async () => {
        await running?.start();
      },
      onDeposed: async () => {
        await running?.stop();
      },
    });
    return {
      checkpoints: new SqliteCheckpointStore(relayCheckpointFile(config.dataDir)),
      start: async (relay) => {
        running = relay;
        election.start();
      },
      stop: () => election.stop(),
      election,
    };
  }
  let fence: WriteFence | undefined;
  const checkpoints = new PostgresCheckpointStore(config.databaseUrl, config.leaseSchema, () => fence);
  const leases = leasesFor(config, 'read-model');
  let current: Relay | null = null;
  const election = electionFor(config, leases, `relay:${config.relayExchange}:${name}`, {
    log,
    onElected: async (term) => {
      fence = leases.fenceOf(term);
      await current?.start();
    },
    onDeposed: async () => {
      await current?.stop();
    },
  });
  return {
    checkpoints,
    start: async (relay) => {
      current = relay;
      election.start();
    },
    stop: async () => {
      await election.stop();
      await leases.close();
    },
    election,
  };
}
