import { PostgresLeases } from '@ledger/platform';
import { checkReadModel, createReadModel } from '@ledger/read-model';
import { PostgresEventStore } from '@ledger/event-store/postgres';
import {
  dropSchema,
  tempSchemaName,
  TEST_DATABASE_URL,
} from '@ledger/event-store/testing/temp-postgres.fixture';
import {
  appendProjectEvents,
  projectCreated,
} from '../../libs/read-model/src/testing/project-events.fixture';
import {
  postgresFixture,
  type ReadModelFixture,
} from '../../libs/read-model/src/testing/read-model.factories';
import {
  startProjectorProcess,
  type ProjectorProcess,
} from '../../apps/projector/src/testing/projector-process';
import { reportFigures } from '../faults/support/fault-scale';
import { until } from './support/process-state';
import { startTcpPartition, type TcpPartition } from './support/tcp-partition';

const TTL_MS = 3000;

/**
 * Two projector processes on the PostgreSQL store and read model; the leader reaches PostgreSQL only
 * through a forwarder the test cuts like a network partition (a killed process is the chaos test's
 * case; here the leader lives on, cut off). The standby must take over while the leader is cut off, the
 * read model must keep up, the cut-off leader must stand down by itself before the partition ends, and
 * once healed it must stay a standby with nothing of its written.
 */
describe('projector leader cut off from PostgreSQL (real processes, partition by a forwarder)', () => {
  let fixture: ReadModelFixture;
  let store: PostgresEventStore;
  let leases: PostgresLeases;
  let partition: TcpPartition;
  const schemas = { log: tempSchemaName('part_es'), leases: tempSchemaName('part_lease') };
  const processes: ProjectorProcess[] = [];
  beforeAll(async () => {
    fixture = await postgresFixture();
    store = new PostgresEventStore({ connectionString: TEST_DATABASE_URL, schema: schemas.log });
    await store.whenReady();
    leases = new PostgresLeases(TEST_DATABASE_URL, schemas.leases);
    partition = await startTcpPartition(Number(new URL(TEST_DATABASE_URL).port || 5432));
  });
  afterAll(async () => {
    for (const p of processes) p.child.kill('SIGKILL');
    await Promise.all(processes.map((p) => p.exited));
    await partition?.close();
    await store?.close();
    await leases?.close();
    await fixture?.cleanup();
    await dropSchema(schemas.log);
    await dropSchema(schemas.leases);
  });

  const start = (databaseUrl: string) => {
    const p = startProjectorProcess(
      ['run'],
      { ...fixture.config, databaseUrl },
      {
        EVENT_STORE: 'postgres',
        EVENT_STORE_DATABASE_URL: databaseUrl,
        EVENT_STORE_SCHEMA: schemas.log,
        LEASE_SCHEMA: schemas.leases,
        LEASE_TTL_MS: String(TTL_MS),
      },
    );
    processes.push(p);
    return p;
  };
  const lease = async () => (await leases.list()).find((l) => l.name.startsWith('projector:')) ?? null;
  const holderPid = (holder: string) => Number(holder.split(':')[1]);
  let next = 1;
  const createProjects = async (count: number) => {
    let position = 0;
    for (let n = 0; n < count; n++, next++) {
      const id = `NP.${next}`;
      position = await appendProjectEvents(store, id, [projectCreated({ projectId: id, primaId: null })]);
    }
    return position;
  };

  it('lets the standby take over during the partition, and keeps the old leader a standby once healed', async () => {
    const viaForwarder = new URL(TEST_DATABASE_URL);
    viaForwarder.port = String(partition.port);
    const leader = start(viaForwarder.toString());
    const first = await until(
      'the projector behind the forwarder to lead',
      async () => {
        const l = await lease();
        return l && l.live && holderPid(l.holder) === leader.child.pid ? l : null;
      },
      60_000,
    );
    const standby = start(TEST_DATABASE_URL);
    await until(
      'the standby to stand for the lease',
      () => /standing for the lease/.test(standby.output()),
      60_000,
    );
    const readModel = await createReadModel(fixture.config);
    try {
      expect(await readModel.waitForPosition(await createProjects(5), 30_000)).toBe(true);

      const cutAt = Date.now();
      partition.cut();
      // Events keep arriving while the leader is cut off: the standby must project them.
      const duringPartition = await createProjects(5);
      const second = await until(
        'the standby to take the lease',
        async () => {
          const l = await lease();
          return l && l.live && holderPid(l.holder) === standby.child.pid ? l : null;
        },
        60_000,
      );
      const takenAt = Date.parse(/leader with token \d+ at (\S+)/.exec(standby.output())![1]);
      expect(second.token).toBe(first.token + 1);
      expect(await readModel.waitForPosition(duringPartition, 30_000)).toBe(true);
      // The cut-off leader cannot renew (its queries hang): it must stand down by itself, not lead on
      // unaware until the partition ends (at most a TTL after its last renewal, plus a tick; a busy
      // machine adds to that, hence the generous bound).
      await until(
        'the cut-off leader to stand down',
        () => /lost the lease/.test(leader.output()),
        10 * TTL_MS,
      );
      const stoodDownAt = Date.parse(/lost the lease \(token \d+\) at (\S+);/.exec(leader.output())![1]);

      partition.heal();
      // What the old leader held back during the partition now reaches PostgreSQL; the fence refuses it.
      await new Promise((resolve) => setTimeout(resolve, 2 * TTL_MS));
      expect(leader.output().match(/leader with token/g)).toHaveLength(1);
      const head = await createProjects(3);
      expect(await readModel.waitForPosition(head, 30_000)).toBe(true);
      expect(await lease()).toMatchObject({ token: second.token, holder: second.holder, live: true });
      expect(await checkReadModel(fixture.config, store)).toEqual({ position: head, differences: [] });
      reportFigures('projector leader cut off from PostgreSQL', {
        takeover_ms: takenAt - cutAt,
        old_leader_stood_down_ms: stoodDownAt - cutAt,
        lease_ttl_ms: TTL_MS,
      });
    } catch (error) {
      process.stdout.write(`leader output:\n${leader.output()}\nstandby output:\n${standby.output()}\n`);
      throw error;
    } finally {
      await readModel.close();
    }
  }, 240_000);
});
