import type { RecordedEvent } from '@ledger/event-store';
import { PROJECTS_SUBSCRIPTION, type ReadModel } from '../read-model.port';
import { budgetRevised, projectCreated, recorded } from '../testing/project-events.fixture';
import {
  postgresFixture,
  sqliteFixture,
  type ReadModelFixture,
  type ReadModelFixtureFactory,
} from '../testing/read-model.factories';

/** `projects` lives of ten events each (create, start, seven revisions, complete), interleaved like live traffic. */
function interleavedLog(projects: number): RecordedEvent[] {
  const lives = Array.from({ length: projects }, (_, p) => {
    const id = `P.${p}`;
    const events = [
      projectCreated({
        projectId: id,
        region: p % 2 ? 'Africa' : 'Europe',
        benefitingMemberStates: ['GH', 'KE'],
      }),
    ];
    events.push({ type: 'ProjectStarted', data: { projectId: id, actualStart: '2014' } });
    for (let r = 0; r < 7; r++)
      events.push(budgetRevised(id, `${200000 + r * 10}.00`, `${200000 + (r + 1) * 10}.00`, '10.00'));
    events.push({ type: 'ProjectCompleted', data: { projectId: id, actualEnd: '2016' } });
    return events;
  });
  const log: RecordedEvent[] = [];
  for (let revision = 0; revision < 10; revision++) {
    for (const life of lives)
      log.push(
        recorded(
          life[revision],
          revision,
          log.length + 1,
          `2026-01-01T00:00:${String(revision).padStart(2, '0')}.000Z`,
        ),
      );
  }
  return log;
}

async function applyInBatches(model: ReadModel, log: RecordedEvent[], size: number): Promise<void> {
  for (let at = 0; at < log.length; at += size)
    await model.applyBatch(PROJECTS_SUBSCRIPTION, log.slice(at, at + size));
}

describe.each<[string, ReadModelFixtureFactory]>([
  ['SQLite', sqliteFixture],
  ['PostgreSQL', postgresFixture],
])('bulk batch writer (%s)', (_name, factory) => {
  const fixtures: ReadModelFixture[] = [];
  const models: ReadModel[] = [];
  async function fresh(): Promise<ReadModel> {
    const fixture = await factory();
    fixtures.push(fixture);
    const model = await fixture.open();
    models.push(model);
    return model;
  }
  afterEach(async () => {
    await Promise.all(models.splice(0).map((m) => m.close()));
    await Promise.all(fixtures.splice(0).map((f) => f.cleanup()));
  });

  it('writes a batch larger than one statement to the same rows as small batches do', async () => {
    const log = interleavedLog(130);
    const [whole, small] = [await fresh(), await fresh()];
    expect(await whole.applyBatch(PROJECTS_SUBSCRIPTION, log)).toEqual({
      checkpoint: 1300,
      applied: 1300,
      parked: [],
    });
    await applyInBatches(small, log, 7);
    const [a, b] = [await whole.dump(), await small.dump()];
    expect(a.projectChanges).toHaveLength(1300);
    expect(a.budgetRevisions).toHaveLength(910);
    expect(a.projectMemberStates).toHaveLength(260);
    expect(a).toEqual(b);
    expect((await whole.budgetStats('region')).data).toEqual([
      { key: 'Africa', projects: 65, budget: { currency: 'USD', total: '13004550.00' } },
      { key: 'Europe', projects: 65, budget: { currency: 'USD', total: '13004550.00' } },
    ]);
  });

  it('parks what the projection refuses and what a column refuses in one batch, and lands the rest', async () => {
    const model = await fresh();
    const { projectType: _dropped, ...untyped } = projectCreated({ projectId: 'NO.TYPE' }).data as Record<
      string,
      unknown
    >;
    const log = [
      recorded(projectCreated({ projectId: 'A.1' }), 0, 1),
      recorded({ type: 'ProjectStarted', data: { projectId: 'NEVER.CREATED', actualStart: '2014' } }, 0, 2),
      recorded({ type: 'ProjectCreated', data: untyped }, 0, 3),
      recorded(budgetRevised('A.1', '200000.00', '250000.00', '50000.00'), 1, 4),
      recorded(projectCreated({ projectId: 'D.4', region: 'Africa' }), 0, 5),
    ];
    const result = await model.applyBatch(PROJECTS_SUBSCRIPTION, log);
    expect(result).toMatchObject({ checkpoint: 5, applied: 3 });
    expect(result.parked.map((p) => p.position)).toEqual([2, 3]);
    expect((await model.listParked()).map((p) => p.streamId)).toEqual([
      'project-NEVER.CREATED',
      'project-NO.TYPE',
    ]);
    expect((await model.getProject('A.1')).data?.budget.amount).toBe('250000.00');
    expect((await model.getProject('NO.TYPE')).data).toBeNull();
    expect((await model.changesAfter(0, 10)).map((c) => c.position)).toEqual([1, 4, 5]);
    expect((await model.budgetStats('region')).data).toEqual([
      { key: 'Africa', projects: 1, budget: { currency: 'USD', total: '200000.00' } },
      { key: 'Asia and Oceania', projects: 1, budget: { currency: 'USD', total: '250000.00' } },
    ]);
  });
});
