import { PostgresLeases, type LeaseRow } from '@ledger/platform';
import { PostgresEventStore } from '@ledger/event-store/postgres';
import {
  dropSchema,
  tempSchemaName,
  TEST_DATABASE_URL,
} from '@ledger/event-store/testing/temp-postgres.fixture';
import {
  appendProjectEvents,
  projectCreated,
} from '../../../libs/read-model/src/testing/project-events.fixture';
import {
  postgresFixture,
  type ReadModelFixture,
} from '../../../libs/read-model/src/testing/read-model.factories';
import {
  startProjectorProcess,
  type ProjectorProcess,
} from '../../../apps/projector/src/testing/projector-process';
import { until } from './process-state';

/**
 * Projector processes sharing one PostgreSQL event store, read model and lease table, each in schemas of
 * its own test. `close` kills every process it started (a paused one too) and drops the schemas.
 */
export interface ProjectorCluster {
  fixture: ReadModelFixture;
  store: PostgresEventStore;
  leases: PostgresLeases;
  /** Starts `projector run`; `databaseUrl` is how this process reaches PostgreSQL (a forwarder, say). */
  start(options?: { databaseUrl?: string; env?: Record<string, string> }): ProjectorProcess;
  /** The projector's lease row, or null before anyone took it. */
  lease(): Promise<LeaseRow | null>;
  /** Waits until `p` holds a live lease and returns it. */
  untilLeads(p: ProjectorProcess, what: string, timeoutMs?: number): Promise<LeaseRow>;
  /** Appends a ProjectCreated for `count` new projects `<idPrefix>.1`, `.2`, ...; returns the last position. */
  createProjects(count: number): Promise<number>;
  close(): Promise<void>;
}

export async function openProjectorCluster(options: {
  name: string;
  leaseTtlMs: number;
  idPrefix: string;
}): Promise<ProjectorCluster> {
  const schemas = {
    log: tempSchemaName(`${options.name}_es`),
    leases: tempSchemaName(`${options.name}_lease`),
  };
  const fixture = await postgresFixture();
  const store = new PostgresEventStore({ connectionString: TEST_DATABASE_URL, schema: schemas.log });
  await store.whenReady();
  const leases = new PostgresLeases(TEST_DATABASE_URL, schemas.leases);
  const processes: ProjectorProcess[] = [];
  const holderPid = (holder: string) => Number(holder.split(':')[1]);
  let next = 1;
  const cluster: ProjectorCluster = {
    fixture,
    store,
    leases,
    start({ databaseUrl = TEST_DATABASE_URL, env = {} } = {}) {
      const p = startProjectorProcess(
        ['run'],
        { ...fixture.config, databaseUrl },
        {
          EVENT_STORE: 'postgres',
          EVENT_STORE_DATABASE_URL: databaseUrl,
          EVENT_STORE_SCHEMA: schemas.log,
          LEASE_SCHEMA: schemas.leases,
          LEASE_TTL_MS: String(options.leaseTtlMs),
          ...env,
        },
      );
      processes.push(p);
      return p;
    },
    lease: async () => (await leases.list()).find((l) => l.name.startsWith('projector:')) ?? null,
    untilLeads: (p, what, timeoutMs) =>
      until(
        what,
        async () => {
          const l = await cluster.lease();
          return l && l.live && holderPid(l.holder) === p.child.pid ? l : null;
        },
        timeoutMs,
      ),
    async createProjects(count) {
      let position = 0;
      for (let n = 0; n < count; n++, next++) {
        const id = `${options.idPrefix}.${next}`;
        position = await appendProjectEvents(store, id, [projectCreated({ projectId: id, primaId: null })]);
      }
      return position;
    },
    async close() {
      for (const p of processes) {
        p.child.kill('SIGCONT');
        p.child.kill('SIGKILL');
      }
      await Promise.all(processes.map((p) => p.exited));
      await store.close();
      await leases.close();
      await fixture.cleanup();
      await dropSchema(schemas.log);
      await dropSchema(schemas.leases);
    },
  };
  return cluster;
}
