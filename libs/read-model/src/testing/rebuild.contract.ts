import { rebuildReadModel, checkReadModel } from '../rebuild/rebuild';
import { KyselyReadModel } from '../store/kysely.read-model';
import { ProjectionRunner } from '../projector/projection-runner';
import { appendProjectEvents, budgetRevised, MONGOLIA, projectCreated } from './project-events.fixture';
import type { ReadModelFixtureFactory } from './read-model.factories';
import { useReadModelContext } from './read-model.context';

/** Rebuild, check and crash-recovery behaviour every read-model store must show. */
export function rebuildContract(factory: ReadModelFixtureFactory): void {
  const ctx = useReadModelContext(factory);

  async function seed(): Promise<void> {
    await appendProjectEvents(ctx().store, 'TC.0789', [
      projectCreated(),
      budgetRevised('TC.0789', '200000.00', '250000.00', '50000.00'),
    ]);
    await appendProjectEvents(ctx().store, 'A.1', [projectCreated({ projectId: 'A.1', region: 'Africa' })]);
  }

  it('check finds no difference in a healthy read model', async () => {
    await seed();
    await ctx().project();
    const outcome = await checkReadModel(ctx().fixture.config, ctx().store);
    expect(outcome).toEqual({ position: 3, differences: [] });
  });

  it('check lists rows the log cannot produce and rows that differ; rebuild removes and repairs them', async () => {
    await seed();
    await ctx().project();
    const { db } = ctx().model as KyselyReadModel;
    const { data: a1 } = await ctx().model.getProject('A.1');
    const ghost = {
      ...(await db
        .selectFrom('projects')
        .selectAll()
        .where('projectId', '=', 'A.1')
        .executeTakeFirstOrThrow()),
      projectId: 'GHOST',
    };
    await db.insertInto('projects').values(ghost).execute();
    await db
      .insertInto('projectMemberStates')
      .values({ projectId: 'GHOST', memberState: 'FR', ordinal: 0 })
      .execute();
    expect(a1?.title).toBe(MONGOLIA.title);
    await db.updateTable('projects').set({ title: 'Tampered' }).where('projectId', '=', 'A.1').execute();

    const before = await checkReadModel(ctx().fixture.config, ctx().store);
    expect(before.differences).toEqual([
      expect.objectContaining({
        table: 'projects',
        key: 'A.1',
        kind: 'changed',
        columns: expect.objectContaining({ title: { live: 'Tampered', rebuilt: MONGOLIA.title } }),
      }),
      { table: 'projects', key: 'GHOST', kind: 'unexpected' },
      { table: 'projectMemberStates', key: 'GHOST/FR', kind: 'unexpected' },
    ]);

    const progress: number[] = [];
    const outcome = await rebuildReadModel(ctx().fixture.config, ctx().store, (p) =>
      progress.push(p.position),
    );
    expect(outcome).toEqual({ checkpoint: 3, events: 3 });
    expect(progress[progress.length - 1]).toBe(3);
    // The live handle still works after the swap and sees the rebuilt rows.
    expect((await ctx().model.getProject('A.1')).data?.title).toBe(MONGOLIA.title);
    expect((await ctx().model.getProject('GHOST')).data).toBeNull();
    expect((await checkReadModel(ctx().fixture.config, ctx().store)).differences).toEqual([]);
  });

  it('recovers from a crash between writing rows and commit to exactly what a clean rebuild gives', async () => {
    await seed();
    let crashes = 0;
    const runner = new ProjectionRunner(ctx().store, ctx().model, {
      retryDelayMs: 10,
      beforeCommit: () => {
        if (crashes++ < 2) throw new Error('failpoint: crash before commit');
      },
    });
    runner.start();
    await appendProjectEvents(ctx().store, 'A.1', [
      { type: 'ProjectStarted', data: { projectId: 'A.1', actualStart: '2014' } },
    ]);
    expect(await ctx().model.waitForPosition(4, 20_000)).toBe(true);
    await runner.stop();
    expect(crashes).toBeGreaterThanOrEqual(3);
    expect(runner.status()).toMatchObject({ checkpoint: 4, running: false });
    expect((await checkReadModel(ctx().fixture.config, ctx().store)).differences).toEqual([]);
  });

  it('a running projector follows a rebuild swap and keeps projecting into the new copy', async () => {
    await seed();
    const runner = new ProjectionRunner(ctx().store, ctx().model, { retryDelayMs: 10 });
    runner.start();
    expect(await ctx().model.waitForPosition(3, 20_000)).toBe(true);
    await rebuildReadModel(ctx().fixture.config, ctx().store);
    await appendProjectEvents(ctx().store, 'A.1', [
      { type: 'ProjectStarted', data: { projectId: 'A.1', actualStart: '2014' } },
    ]);
    expect(await ctx().model.waitForPosition(4, 20_000)).toBe(true);
    await runner.stop();
    expect((await ctx().model.getProject('A.1')).data?.status).toBe('active');
    expect((await checkReadModel(ctx().fixture.config, ctx().store)).differences).toEqual([]);
  });

  it('a running projector reports a parked poison event and keeps projecting after it', async () => {
    const parked: number[] = [];
    const runner = new ProjectionRunner(ctx().store, ctx().model, {
      onParked: (events) => parked.push(...events.map((e) => e.position)),
    });
    runner.start();
    await appendProjectEvents(ctx().store, 'B.2', [
      { type: 'ProjectStarted', data: { projectId: 'B.2', actualStart: '2014' } },
    ]);
    await appendProjectEvents(ctx().store, 'A.1', [projectCreated({ projectId: 'A.1' })]);
    expect(await ctx().model.waitForPosition(2, 20_000)).toBe(true);
    await runner.stop();
    expect(parked).toEqual([1]);
    expect((await ctx().model.getProject('A.1')).data?.status).toBe('planned');
  });
}
