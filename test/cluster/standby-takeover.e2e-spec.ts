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
import { processState, until } from './support/process-state';

const TTL_MS = 3000;

/**
 * Two projector processes on the PostgreSQL event store and read model: one leads, one stands by. The
 * leader stops itself (SIGSTOP) with a batch in hand; the standby must take the lease and carry on, and
 * the old leader, resumed afterwards, must have that batch refused by the fencing token.
 */
describe('projector standby takes over from a paused leader (real processes)', () => {
  let fixture: ReadModelFixture;
  let store: PostgresEventStore;
  let leases: PostgresLeases;
  const schemas = { log: tempSchemaName('es'), leases: tempSchemaName('lease') };
  const processes: ProjectorProcess[] = [];
  beforeAll(async () => {
    fixture = await postgresFixture();
    store = new PostgresEventStore({ connectionString: TEST_DATABASE_URL, schema: schemas.log });
    await store.whenReady();
    leases = new PostgresLeases(TEST_DATABASE_URL, schemas.leases);
  });
  afterAll(async () => {
    for (const p of processes) {
      p.child.kill('SIGCONT');
      p.child.kill('SIGKILL');
      await p.exited;
    }
    await store.close();
    await leases.close();
    await fixture.cleanup();
    await dropSchema(schemas.log);
    await dropSchema(schemas.leases);
  });

  const start = (env: Record<string, string> = {}) => {
    const p = startProjectorProcess(['run'], fixture.config, {
      EVENT_STORE: 'postgres',
      EVENT_STORE_DATABASE_URL: TEST_DATABASE_URL,
      EVENT_STORE_SCHEMA: schemas.log,
      LEASE_SCHEMA: schemas.leases,
      LEASE_TTL_MS: String(TTL_MS),
      ...env,
    });
    processes.push(p);
    return p;
  };
  const lease = async () => (await leases.list()).find((l) => l.name.startsWith('projector:')) ?? null;
  const holderPid = (holder: string) => Number(holder.split(':')[1]);
  const createProjects = async (from: number, to: number) => {
    let position = 0;
    for (let i = from; i <= to; i++) {
      const id = `P.${i}`;
      position = await appendProjectEvents(store, id, [projectCreated({ projectId: id, primaId: null })]);
    }
    return position;
  };

  it('hands over within the lease TTL, and fences the resumed old leader off', async () => {
    const leader = start({ PROJECTOR_FAILPOINT: 'stop-before-batch:2' });
    const first = await until('the first projector to lead', async () => {
      const l = await lease();
      return l && l.live && holderPid(l.holder) === leader.child.pid ? l : null;
    });
    const standby = start();
    await until('the standby to stand for the lease', () => /standing for the lease/.test(standby.output()));
    const readModel = await createReadModel(fixture.config);
    try {
      const batch1 = await createProjects(1, 3);
      expect(await readModel.waitForPosition(batch1, 20_000)).toBe(true);

      await createProjects(4, 6);
      await until(
        'the leader to stop itself before its second batch',
        () => processState(leader.child.pid!) === 'T',
      );
      const second = await until('the standby to take the lease', async () => {
        const l = await lease();
        return l && l.live && holderPid(l.holder) === standby.child.pid ? l : null;
      });
      // Both instants as the processes themselves logged them (this test process may be starved of CPU).
      const stoppedAt = Date.parse(/stopping before positions \S+ at (\S+)/.exec(leader.output())![1]);
      const takenAt = Date.parse(/leader with token \d+ at (\S+)/.exec(standby.output())![1]);
      const takeoverMs = takenAt - stoppedAt;
      expect(second.token).toBe(first.token + 1);

      const head = await createProjects(7, 9);
      expect(await readModel.waitForPosition(head, 20_000)).toBe(true);

      leader.child.kill('SIGCONT');
      await until('the resumed leader to report its refused batch', () =>
        /no longer held/.test(leader.output()) ? true : null,
      );
      await until('the resumed leader to stand by', () =>
        /lost the lease/.test(leader.output()) ? true : null,
      );
      expect(await lease()).toMatchObject({ token: second.token, holder: second.holder, live: true });
      expect(await readModel.checkpoint()).toBe(head);
      const check = await checkReadModel(fixture.config, store);
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
