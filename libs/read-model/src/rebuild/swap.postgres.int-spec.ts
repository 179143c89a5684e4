import { PROJECTS_SUBSCRIPTION } from '../read-model.port';
import { appendProjectEvents, projectCreated } from '../testing/project-events.fixture';
import { postgresFixture } from '../testing/read-model.factories';
import { useReadModelContext } from '../testing/read-model.context';
import { waitForLockWaiters } from '../testing/pg-lock-waits';
import { withPgClient } from '../store/postgres.read-model';
import { projectLog } from './project-log';
import { openScratchReadModel } from './scratch.read-model';
import { swapIntoLive } from './swap';

describe('PostgreSQL swap while the live projector is inside a batch', () => {
  const ctx = useReadModelContext(postgresFixture);

  // The rename must not land between a batch's statements: PostgreSQL resolves each statement's table
  // names anew, so the batch's first rows would go to the retired schema and its checkpoint to the new
  // one, which would then claim a position whose rows it never received.
  it('never leaves the new copy claiming a position whose rows went to the retired schema', async () => {
    const { config } = ctx().fixture;
    const schema = config.readModelSchema!;
    await appendProjectEvents(ctx().store, 'A.1', [projectCreated({ projectId: 'A.1' })]);
    await ctx().project();
    const scratch = await openScratchReadModel(config, 'rebuild');
    try {
      await projectLog(ctx().store, scratch.model);
      await scratch.finish();
      await appendProjectEvents(ctx().store, 'B.2', [projectCreated({ projectId: 'B.2' })]);
      const [event] = (await ctx().log()).filter((e) => e.position === 2);

      await withPgClient(config.databaseUrl, async (blocker) => {
        // Holds the batch after its project row is written, before its change row and checkpoint.
        await blocker.query('begin');
        await blocker.query(`lock table "${schema}".project_changes in exclusive mode`);
        const batch = ctx().model.applyBatch(PROJECTS_SUBSCRIPTION, [event], { expectedCheckpoint: 1 });
        const settledBatch = batch.then(
          () => 'committed',
          (error: unknown) => `failed: ${String(error)}`,
        );
        await waitForLockWaiters(blocker, 1, 'the batch to wait inside its transaction');
        const swap = swapIntoLive(config, scratch.location);
        await waitForLockWaiters(blocker, 2, 'the swap to wait behind the batch');
        await blocker.query('commit');
        await swap;
        await settledBatch;
      });

      // What a projector does next: resubscribe from the stored checkpoint and catch up.
      await ctx().project();
      expect((await ctx().model.getProject('B.2')).data?.projectId).toBe('B.2');
      expect((await ctx().model.budgetStats('region')).data).toEqual([
        expect.objectContaining({ projects: 2 }),
      ]);
    } finally {
      await scratch.discard();
    }
  });
});
