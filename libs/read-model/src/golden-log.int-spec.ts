import { asJson, goldenExpected, readGoldenLog } from '@ledger/audit/testing/golden-log';
import { PROJECTS_SUBSCRIPTION } from './read-model.port';
import { postgresFixture, sqliteFixture, type ReadModelFixture } from './testing/read-model.factories';

/**
 * Projecting the golden event log (written by an earlier version, see its README) must give, table by
 * table, the rows the version that wrote it gave, on both stores.
 */
describe.each([
  ['SQLite', sqliteFixture],
  ['PostgreSQL', postgresFixture],
])('golden event log (v1) projected into the %s read model', (_name, factory) => {
  let fixture: ReadModelFixture;
  beforeEach(async () => {
    fixture = await factory();
  });
  afterEach(() => fixture.cleanup());

  it('gives the committed rows, parking nothing', async () => {
    const model = await fixture.open();
    try {
      const { projectEvents } = readGoldenLog();
      await model.applyBatch(PROJECTS_SUBSCRIPTION, projectEvents);
      expect(await model.listParked()).toEqual([]);
      expect(asJson(await model.dump())).toEqual(goldenExpected('read-model.json'));
    } finally {
      await model.close();
    }
  });
});
