import { join } from 'node:path';
import { SqliteEventStore } from '@ledger/event-store';
import {
  appendProjectEvents,
  projectCreated,
} from '../../../libs/read-model/src/testing/project-events.fixture';
import {
  sqliteFixture,
  type ReadModelFixture,
} from '../../../libs/read-model/src/testing/read-model.factories';
import { runProjectorCommand } from './testing/projector-process';

describe('npm run projector -- rebuild | check | parked | retry', () => {
  let fixture: ReadModelFixture;
  let store: SqliteEventStore;
  beforeEach(async () => {
    fixture = await sqliteFixture();
    store = new SqliteEventStore({ file: join(fixture.dataDir, 'events.sqlite') });
  });
  afterEach(async () => {
    await store.close();
    await fixture.cleanup();
  });

  it('rebuilds with a progress line, checks clean, lists and retries a parked event, then check reports the drift', async () => {
    // Position 1 cannot be projected until the ProjectCreated at position 2 is: it gets parked.
    await appendProjectEvents(store, 'LATE', [
      { type: 'ProjectStarted', data: { projectId: 'LATE', actualStart: '2014' } },
    ]);
    await appendProjectEvents(store, 'LATE', [projectCreated({ projectId: 'LATE', primaId: null })]);
    await appendProjectEvents(store, 'TC.0789', [projectCreated()]);

    const rebuilt = await runProjectorCommand(['rebuild'], fixture.config);
    expect(rebuilt).toMatchObject({ code: 0 });
    expect(rebuilt.output).toMatch(/events\/s/);
    expect(rebuilt.output).toContain('rebuilt 3 events up to position 3');

    const clean = await runProjectorCommand(['check'], fixture.config);
    expect(clean).toMatchObject({ code: 0 });
    expect(clean.output).toContain('read model matches a rebuild of the log up to position 3');

    const parked = await runProjectorCommand(['parked'], fixture.config);
    expect(parked.output).toMatch(/^1\tproject-LATE@0\tProjectStarted\tattempts=1\t.*has no ProjectCreated/m);

    const retried = await runProjectorCommand(['retry', '1'], fixture.config);
    expect(retried).toMatchObject({ code: 0 });
    expect(retried.output).toContain('event at position 1 applied and unparked');

    // The retry applied an event out of log order, so a rebuild from the log would differ: check says so.
    const drift = await runProjectorCommand(['check'], fixture.config);
    expect(drift.code).toBe(1);
    expect(drift.output).toMatch(/missing +parkedEvents 1/);
    expect(drift.output).toMatch(/changed +projects LATE/);

    expect((await runProjectorCommand(['retry', 'first'], fixture.config)).code).toBe(2);
  }, 60_000);
});
