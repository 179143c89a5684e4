import { join } from 'node:path';
import { SqliteEventStore } from '@ledger/event-store';
import { checkReadModel, createReadModel, type ReadModel } from '@ledger/read-model';
import {
  appendProjectEvents,
  budgetRevised,
  projectCreated,
} from '../../../libs/read-model/src/testing/project-events.fixture';
import {
  postgresFixture,
  sqliteFixture,
  type ReadModelFixture,
  type ReadModelFixtureFactory,
} from '../../../libs/read-model/src/testing/read-model.factories';
import { startProjectorProcess } from './testing/projector-process';

async function waitFor(readModel: ReadModel, position: number, timeoutMs: number): Promise<boolean> {
  return readModel.waitForPosition(position, timeoutMs);
}

describe.each<[string, ReadModelFixtureFactory]>([
  ['SQLite', sqliteFixture],
  ['PostgreSQL', postgresFixture],
])('projector process killed between writing rows and COMMIT (%s)', (_name, factory) => {
  let fixture: ReadModelFixture;
  let store: SqliteEventStore;
  beforeEach(async () => {
    fixture = await factory();
    store = new SqliteEventStore({ file: join(fixture.dataDir, 'events.sqlite') });
  });
  afterEach(async () => {
    await store.close();
    await fixture.cleanup();
  });

  it('leaves no rows and no checkpoint behind, and a restart ends equal to a clean rebuild', async () => {
    for (let i = 1; i <= 10; i++) {
      const id = `P.${i}`;
      await appendProjectEvents(store, id, [
        projectCreated({ projectId: id, primaId: null, fundingYear: 2010 + i }),
        { type: 'ProjectStarted', data: { projectId: id, actualStart: '2014' } },
        // 200000 + i × 10000 each: 2550000.00 in all
        budgetRevised(id, '200000.00', `${200000 + i * 10000}.00`, `${i * 10000}.00`),
      ]);
    }
    const head = await store.headPosition();

    const crashed = startProjectorProcess(['run'], fixture.config, {
      PROJECTOR_FAILPOINT: 'exit-before-commit',
    });
    expect(await crashed.exited).toBe(86);
    expect(crashed.output()).toContain('exiting before COMMIT');

    const readModel = await createReadModel(fixture.config);
    try {
      expect(await readModel.checkpoint()).toBe(0);
      expect((await readModel.getProject('P.1')).data).toBeNull();
      expect((await readModel.budgetStats('status')).data).toEqual([]);

      const restarted = startProjectorProcess(['run'], fixture.config);
      expect(await waitFor(readModel, head, 20_000)).toBe(true);
      restarted.child.kill('SIGTERM');
      expect(await restarted.exited).toBe(0);
      expect(restarted.output()).toContain(`projector stopped at position ${head}`);
      expect((await readModel.budgetStats('status')).data).toEqual([
        { key: 'active', projects: 10, budget: { currency: 'USD', total: '2550000.00' } },
      ]);
    } finally {
      await readModel.close();
    }
    expect(await checkReadModel(fixture.config, store)).toEqual({ position: head, differences: [] });
  }, 60_000);
});
