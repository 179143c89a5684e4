import { TEST_DATABASE_URL } from '@ledger/event-store/testing/temp-postgres.fixture';
import { checkReadModel, createReadModel } from '@ledger/read-model';
import { reportFigures } from '../faults/support/fault-scale';
import { until } from './support/process-state';
import { openProjectorCluster, type ProjectorCluster } from './support/projector-cluster';
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
  let cluster: ProjectorCluster;
  let partition: TcpPartition;
  beforeAll(async () => {
    cluster = await openProjectorCluster({ name: 'part', leaseTtlMs: TTL_MS, idPrefix: 'NP' });
    partition = await startTcpPartition(Number(new URL(TEST_DATABASE_URL).port || 5432));
  });
  afterAll(async () => {
    await cluster?.close();
    await partition?.close();
  });

  it('lets the standby take over during the partition, and keeps the old leader a standby once healed', async () => {
    const viaForwarder = new URL(TEST_DATABASE_URL);
    viaForwarder.port = String(partition.port);
    const leader = cluster.start({ databaseUrl: viaForwarder.toString() });
    const first = await cluster.untilLeads(leader, 'the projector behind the forwarder to lead', 60_000);
    const standby = cluster.start();
    await until(
      'the standby to stand for the lease',
      () => /standing for the lease/.test(standby.output()),
      60_000,
    );
    const readModel = await createReadModel(cluster.fixture.config);
    try {
      expect(await readModel.waitForPosition(await cluster.createProjects(5), 30_000)).toBe(true);

      const cutAt = Date.now();
      partition.cut();
      // Events keep arriving while the leader is cut off: the standby must project them.
      const duringPartition = await cluster.createProjects(5);
      const second = await cluster.untilLeads(standby, 'the standby to take the lease', 60_000);
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
      const head = await cluster.createProjects(3);
      expect(await readModel.waitForPosition(head, 30_000)).toBe(true);
      expect(await cluster.lease()).toMatchObject({ token: second.token, holder: second.holder, live: true });
      expect(await checkReadModel(cluster.fixture.config, cluster.store)).toEqual({
        position: head,
        differences: [],
      });
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
