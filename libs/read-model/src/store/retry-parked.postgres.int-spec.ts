import { PROJECTS_SUBSCRIPTION } from '../read-model.port';
import type { KyselyReadModel } from './kysely.read-model';
import { withPgClient } from './postgres.read-model';
import { appendProjectEvents, projectCreated } from '../testing/project-events.fixture';
import { postgresFixture } from '../testing/read-model.factories';
import { useReadModelContext } from '../testing/read-model.context';
import { waitForLockWaiters } from '../testing/pg-lock-waits';

describe('PostgreSQL retry of a parked event while the projector writes the same project', () => {
  const ctx = useReadModelContext(postgresFixture);

  // A retry read the project row before the projector's batch committed and then wrote its stale copy
  // over the batch's result: the project lost the newer event (here its start) for good.
  it('keeps both the retried event and the batch the projector committed meanwhile', async () => {
    const { config } = ctx().fixture;
    const schema = config.readModelSchema!;
    await appendProjectEvents(ctx().store, 'X.1', [
      projectCreated({ projectId: 'X.1' }),
      {
        type: 'ProjectExtended',
        data: { projectId: 'X.1', previousPlannedEnd: '2016', plannedEnd: '2030', reason: 'delays' },
      },
      { type: 'ProjectStarted', data: { projectId: 'X.1', actualStart: '2014-03' } },
    ]);
    const [created, extended, started] = await ctx().log();
    const model = ctx().model as KyselyReadModel;
    await model.applyBatch(PROJECTS_SUBSCRIPTION, [created]);
    // The extension was parked at position 2 (say a bug since fixed): the checkpoint went past it.
    await model.db.updateTable('checkpoints').set({ position: 2 }).execute();
    await model.db
      .insertInto('parkedEvents')
      .values({
        position: extended.position,
        subscription: PROJECTS_SUBSCRIPTION,
        eventId: extended.eventId,
        streamId: extended.streamId,
        revision: extended.revision,
        type: extended.type,
        eventJson: JSON.stringify(extended),
        error: 'ProjectionError: simulated',
        attempts: 1,
        parkedAt: '2026-01-01T00:00:00.000Z',
      })
      .execute();

    await withPgClient(config.databaseUrl, async (blocker) => {
      // Holds the projector's batch after it wrote the project row, before it commits.
      await blocker.query('begin');
      await blocker.query(`lock table "${schema}".project_changes in exclusive mode`);
      const batch = model.applyBatch(PROJECTS_SUBSCRIPTION, [started], { expectedCheckpoint: 2 });
      await waitForLockWaiters(blocker, 1, 'the batch to wait inside its transaction');
      const retry = model.retryParked(extended.position);
      await waitForLockWaiters(blocker, 2, 'the retry to wait behind the batch');
      await blocker.query('commit');
      await batch;
      expect(await retry).toEqual({ ok: true });
    });

    const { data } = await model.getProject('X.1');
    expect(data).toMatchObject({ status: 'active', actualStart: '2014-03', plannedEnd: '2030' });
    expect((await model.budgetStats('status')).data).toEqual([
      expect.objectContaining({ key: 'active', projects: 1 }),
    ]);
  });
});
