import { checkReadModel, createReadModel } from '@ledger/read-model';
import { processState, until } from './support/process-state';
import { openProjectorCluster, type ProjectorCluster } from './support/projector-cluster';

const TTL_MS = 3000;

/**
 * Two projector processes on the PostgreSQL event store and read model: one leads, one stands by. The
 * leader stops itself (SIGSTOP) with a batch in hand; the standby must take the lease and carry on, and
 * the old leader, resumed afterwards, must have that batch refused by the fencing token.
 */
describe('projector standby takes over from a paused leader (real processes)', () => {
  let cluster: ProjectorCluster;
  beforeAll(async () => {
    cluster = await openProjectorCluster({ name: 'takeover', leaseTtlMs: TTL_MS, idPrefix: 'P' });
  });
  afterAll(() => cluster?.close());

  it('hands over within the lease TTL, and fences the resumed old leader off', async () => {
    const leader = cluster.start({ env: { PROJECTOR_FAILPOINT: 'stop-before-batch:2' } });
    const first = await cluster.untilLeads(leader, 'the first projector to lead');
    const standby = cluster.start();
    await until('the standby to stand for the lease', () => /standing for the lease/.test(standby.output()));
    const readModel = await createReadModel(cluster.fixture.config);
    try {
      const batch1 = await cluster.createProjects(3);
      expect(await readModel.waitForPosition(batch1, 20_000)).toBe(true);

      await cluster.createProjects(3);
      await until(
        'the leader to stop itself before its second batch',
        () => processState(leader.child.pid!) === 'T',
      );
      const second = await cluster.untilLeads(standby, 'the standby to take the lease');
      // Both instants as the processes themselves logged them (this test process may be starved of CPU).
      const stoppedAt = Date.parse(/stopping before positions \S+ at (\S+)/.exec(leader.output())![1]);
      const takenAt = Date.parse(/leader with token \d+ at (\S+)/.exec(standby.output())![1]);
      const takeoverMs = takenAt - stoppedAt;
      expect(second.token).toBe(first.token + 1);

      const head = await cluster.createProjects(3);
      expect(await readModel.waitForPosition(head, 20_000)).toBe(true);

      leader.child.kill('SIGCONT');
      await until('the resumed leader to report its refused batch', () =>
        /no longer held/.test(leader.output()) ? true : null,
      );
      await until('the resumed leader to stand by', () =>
        /lost the lease/.test(leader.output()) ? true : null,
      );
      expect(await cluster.lease()).toMatchObject({ token: second.token, holder: second.holder, live: true });
      expect(await readModel.checkpoint()).toBe(head);
      const check = await checkReadModel(cluster.fixture.config, cluster.store);
      expect(check).toEqual({ position: head, differences: [] });
      process.stdout.write(
        `[fault-figures] projector standby takeover: ${takeoverMs} ms after the leader stopped (LEASE_TTL_MS=${TTL_MS}); resumed leader fenced off\n`,
      );
    } catch (error) {
      process.stdout.write(`leader output:\n${leader.output()}\nstandby output:\n${standby.output()}\n`);
      throw error;
    } finally {
      await readModel.close();
    }
  }, 90_000);
});
