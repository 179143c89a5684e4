import { randomUUID } from 'node:crypto';
import { PROJECTS_SUBSCRIPTION } from '../read-model.port';
import { appendProjectEvents, budgetRevised, projectCreated } from './project-events.fixture';
import type { ReadModelFixtureFactory } from './read-model.factories';
import { useReadModelContext } from './read-model.context';

/** Projection, checkpoint and parking behaviour every read-model store must show. */
export function projectionContract(factory: ReadModelFixtureFactory): void {
  const ctx = useReadModelContext(factory);

  it('projects the Mongolia lifecycle into project, budget revision, member state and statistics rows', async () => {
    const { store, model } = ctx();
    await appendProjectEvents(store, 'TC.0789', [
      projectCreated(),
      { type: 'ProjectStarted', data: { projectId: 'TC.0789', actualStart: '2014-03' } },
      budgetRevised('TC.0789', '200000.00', '250000.00', '50000.00'),
      { type: 'ProjectCompleted', data: { projectId: 'TC.0789', actualEnd: '2016-12' } },
    ]);
    await ctx().project();
    const { data: project, position } = await model.getProject('TC.0789');
    expect(position).toBe(4);
    expect(project).toMatchObject({
      status: 'completed',
      budget: { amount: '250000.00', currency: 'USD' },
      initialBudget: { amount: '200000.00', currency: 'USD' },
      benefitingMemberStates: ['MN'],
      revision: 3,
      lastPosition: 4,
    });
    const revisions = await model.budgetRevisions('TC.0789');
    expect(revisions.data).toEqual([
      expect.objectContaining({
        revisionNo: 1,
        previous: '200000.00',
        amount: '250000.00',
        delta: '50000.00',
      }),
    ]);
    const byStatus = await model.budgetStats('status');
    expect(byStatus.data).toEqual([
      { key: 'completed', projects: 1, budget: { currency: 'USD', total: '250000.00' } },
    ]);
  });

  it('writes the checkpoint with the rows: a failure before commit leaves neither behind', async () => {
    const { store, model } = ctx();
    await appendProjectEvents(store, 'TC.0789', [projectCreated()]);
    const events = await ctx().log();
    const failpoint = () => {
      throw new Error('crash between rows and commit');
    };
    await expect(
      model.applyBatch(PROJECTS_SUBSCRIPTION, events, { beforeCommit: failpoint }),
    ).rejects.toThrow('crash');
    expect(await model.checkpoint()).toBe(0);
    expect((await model.getProject('TC.0789')).data).toBeNull();
    expect((await model.budgetStats('region')).data).toEqual([]);
    await model.applyBatch(PROJECTS_SUBSCRIPTION, events);
    expect((await model.getProject('TC.0789')).data?.status).toBe('planned');
  });

  it('skips redelivered events at or below the checkpoint', async () => {
    const { store, model } = ctx();
    await appendProjectEvents(store, 'TC.0789', [
      projectCreated(),
      budgetRevised('TC.0789', '200000.00', '210000.00', '10000.00'),
    ]);
    const events = await ctx().log();
    await model.applyBatch(PROJECTS_SUBSCRIPTION, events);
    const again = await model.applyBatch(PROJECTS_SUBSCRIPTION, events);
    expect(again).toEqual({ checkpoint: 2, applied: 0, parked: [] });
    expect((await model.budgetStats('region')).data).toEqual([
      { key: 'Asia and Oceania', projects: 1, budget: { currency: 'USD', total: '210000.00' } },
    ]);
  });

  it('refuses a batch when the checkpoint moved under the projector', async () => {
    const { store, model } = ctx();
    await appendProjectEvents(store, 'TC.0789', [projectCreated()]);
    await expect(
      model.applyBatch(PROJECTS_SUBSCRIPTION, await ctx().log(), { expectedCheckpoint: 7 }),
    ).rejects.toThrow(/Checkpoint moved/);
    expect(await model.checkpoint()).toBe(0);
  });

  it('parks a poison event with its position and error and still projects the rest of the batch', async () => {
    const { store, model } = ctx();
    await appendProjectEvents(store, 'A.1', [projectCreated({ projectId: 'A.1' })]);
    await appendProjectEvents(store, 'B.2', [
      { type: 'ProjectStarted', data: { projectId: 'B.2', actualStart: '2014' } },
    ]);
    await appendProjectEvents(store, 'C.3', [projectCreated({ projectId: 'C.3', title: 'Third' })]);
    const result = await model.applyBatch(PROJECTS_SUBSCRIPTION, await ctx().log());
    expect(result.checkpoint).toBe(3);
    expect(result.parked.map((p) => p.position)).toEqual([2]);
    const parked = await model.listParked();
    expect(parked).toEqual([
      expect.objectContaining({ position: 2, streamId: 'project-B.2', type: 'ProjectStarted', attempts: 1 }),
    ]);
    expect(parked[0].error).toMatch(/B\.2 has no ProjectCreated/);
    expect((await model.getProject('C.3')).data?.title).toBe('Third');
    expect((await model.getProject('B.2')).data).toBeNull();
  });

  it('retries a parked event: a retry that fails again counts the attempt, one that succeeds unparks it', async () => {
    const { store, model } = ctx();
    // The stream's first event cannot be applied until the ProjectCreated that follows it is projected.
    await appendProjectEvents(store, 'LATE', [
      { type: 'ProjectStarted', data: { projectId: 'LATE', actualStart: '2014' } },
    ]);
    const parked = (await model.applyBatch(PROJECTS_SUBSCRIPTION, await ctx().log())).parked[0];
    expect(await model.retryParked(parked.position)).toEqual({
      ok: false,
      error: expect.stringMatching(/no ProjectCreated/),
    });
    expect((await model.listParked())[0].attempts).toBe(2);
    await appendProjectEvents(store, 'LATE', [projectCreated({ projectId: 'LATE' })]);
    await ctx().project();
    expect(await model.retryParked(parked.position)).toEqual({ ok: true });
    expect(await model.listParked()).toEqual([]);
    expect((await model.getProject('LATE')).data?.status).toBe('active');
    expect(await model.retryParked(parked.position)).toEqual({ ok: false, error: 'not-parked' });
  });

  it('records one change per applied event, in position order', async () => {
    const { store, model } = ctx();
    await appendProjectEvents(store, 'TC.0789', [
      projectCreated(),
      { type: 'ProjectStarted', data: { projectId: 'TC.0789', actualStart: '2014' } },
    ]);
    await ctx().project();
    expect(await model.changesAfter(0, 10)).toEqual([
      expect.objectContaining({
        position: 1,
        projectId: 'TC.0789',
        eventType: 'ProjectCreated',
        status: 'planned',
        revision: 0,
      }),
      expect.objectContaining({ position: 2, eventType: 'ProjectStarted', status: 'active', revision: 1 }),
    ]);
    expect(await model.changesAfter(1, 10)).toHaveLength(1);
  });

  it('waits for a position: false after the timeout, true as soon as a commit reaches it', async () => {
    const { store, model } = ctx();
    expect(await model.waitForPosition(1, 50)).toBe(false);
    await appendProjectEvents(store, 'TC.0789', [projectCreated()]);
    const waiting = model.waitForPosition(1, 20_000);
    await ctx().project();
    expect(await waiting).toBe(true);
  });

  it('a second instance on the same database (another process) sees the commit by polling the checkpoint', async () => {
    const { store, fixture } = ctx();
    const other = await fixture.open();
    try {
      await appendProjectEvents(store, 'TC.0789', [projectCreated()]);
      const waiting = other.waitForPosition(1, 20_000);
      await ctx().project();
      expect(await waiting).toBe(true);
      expect((await other.getProject('TC.0789')).data?.status).toBe('planned');
    } finally {
      await other.close();
    }
  });

  it('applies an auditor correction: member states replaced, statistics moved to the corrected region', async () => {
    const { store, model } = ctx();
    await appendProjectEvents(store, 'TC.0789', [
      projectCreated(),
      {
        type: 'ProjectRecordCorrected',
        data: {
          projectId: 'TC.0789',
          correctedEventId: 'e-0',
          correctedRevision: 0,
          values: { region: 'Global', coverage: 'multi-national', benefitingMemberStates: ['MN', 'KZ'] },
          previous: { region: 'Asia and Oceania', coverage: 'national', benefitingMemberStates: ['MN'] },
          reason: 'imported with the wrong region',
          approvedBy: 'auditor-1',
        },
      },
    ]);
    await ctx().project();
    expect((await model.getProject('TC.0789')).data).toMatchObject({
      region: 'Global',
      benefitingMemberStates: ['MN', 'KZ'],
    });
    const inKazakhstan = await model.listProjects({
      filter: { memberState: 'KZ' },
      sort: { field: 'title', descending: false },
      limit: 10,
    });
    expect(inKazakhstan.data.items.map((p) => p.projectId)).toEqual(['TC.0789']);
    expect((await model.budgetStats('region')).data).toEqual([
      { key: 'Global', projects: 1, budget: { currency: 'USD', total: '200000.00' } },
    ]);
  });

  it('moves the checkpoint over events of other streams without projecting them', async () => {
    const { store, model } = ctx();
    await appendProjectEvents(store, 'TC.0789', [projectCreated()]);
    await store.append(
      'audit-checkpoints',
      [{ eventId: randomUUID(), type: 'AuditCheckpointSigned', data: {}, metadata: {} }],
      'any',
    );
    const all = await store.readAll();
    expect(await model.applyBatch(PROJECTS_SUBSCRIPTION, all)).toEqual({
      checkpoint: 2,
      applied: 1,
      parked: [],
    });
    expect(await model.changesAfter(0, 10)).toHaveLength(1);
  });

  it('parks an event whose data a column refuses (NOT NULL) and keeps the rest', async () => {
    const { store, model } = ctx();
    const { projectType: _dropped, ...withoutType } = projectCreated({ projectId: 'NO.TYPE' }).data as Record<
      string,
      unknown
    >;
    await store.append(
      'project-NO.TYPE',
      [{ eventId: randomUUID(), type: 'ProjectCreated', data: withoutType, metadata: {} }],
      'any',
    );
    await appendProjectEvents(store, 'TC.0789', [projectCreated()]);
    const result = await model.applyBatch(PROJECTS_SUBSCRIPTION, await ctx().log());
    expect(result).toMatchObject({
      checkpoint: 2,
      applied: 1,
      parked: [{ position: 1, streamId: 'project-NO.TYPE' }],
    });
    expect(result.parked[0].error).toMatch(/null/i);
    expect((await model.getProject('NO.TYPE')).data).toBeNull();
    expect((await model.budgetStats('projectType')).data).toEqual([
      { key: 'TCMMCB', projects: 1, budget: { currency: 'USD', total: '200000.00' } },
    ]);
  });
}
