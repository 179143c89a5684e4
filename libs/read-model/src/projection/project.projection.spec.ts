import type { ProjectsTable } from '../schema/read-model.tables';
import { budgetRevised, MONGOLIA, projectCreated, recorded } from '../testing/project-events.fixture';
import { projectEvent, ProjectionError } from './project.projection';

/** Folds recorded events through the projection the way the store does, returning the final effect. */
function given(events: { type: string; data: unknown }[]) {
  let row: ProjectsTable | null = null;
  const effects = events.map((event, i) => {
    const effect = projectEvent(row, recorded(event, i, 10 + i, `2026-01-0${i + 1}T00:00:00.000Z`));
    row = effect.after;
    return effect;
  });
  return { row: row as unknown as ProjectsTable, effects };
}

describe('project projection', () => {
  it('creates a planned project row with its initial budget, member states and revision 0', () => {
    const { row, effects } = given([projectCreated()]);
    expect(row).toMatchObject({
      projectId: 'TC.0789',
      primaId: 'MN10P0001',
      status: 'planned',
      budgetAmount: '200000.00',
      initialBudgetAmount: '200000.00',
      budgetCurrency: 'USD',
      fundingYear: 2014,
      revision: 0,
      lastPosition: 10,
      memberStates: '["MN"]',
    });
    expect(effects[0].memberStates).toEqual([{ projectId: 'TC.0789', memberState: 'MN', ordinal: 0 }]);
  });

  it('follows create, start, revise budget and complete to a completed project with one budget revision', () => {
    const { row, effects } = given([
      projectCreated(),
      { type: 'ProjectStarted', data: { projectId: 'TC.0789', actualStart: '2014-03' } },
      budgetRevised('TC.0789', '200000.00', '250000.00', '50000.00'),
      { type: 'ProjectCompleted', data: { projectId: 'TC.0789', actualEnd: '2016-12' } },
    ]);
    expect(row).toMatchObject({
      status: 'completed',
      actualStart: '2014-03',
      actualEnd: '2016-12',
      budgetAmount: '250000.00',
      initialBudgetAmount: '200000.00',
      budgetRevisionCount: 1,
      revision: 3,
      lastPosition: 13,
      updatedAt: '2026-01-04T00:00:00.000Z',
      createdAt: '2026-01-01T00:00:00.000Z',
    });
    expect(effects[2].budgetRevision).toMatchObject({
      revisionNo: 1,
      previous: '200000.00',
      amount: '250000.00',
      delta: '50000',
      position: 12,
    });
    expect(effects.map((e) => e.change.status)).toEqual(['planned', 'active', 'active', 'completed']);
  });

  it('keeps the suspension reason while suspended and clears it on resume', () => {
    const suspended = given([
      projectCreated(),
      { type: 'ProjectStarted', data: { projectId: 'TC.0789', actualStart: '2014' } },
      { type: 'ProjectSuspended', data: { projectId: 'TC.0789', reason: 'security situation' } },
    ]);
    expect(suspended.row).toMatchObject({ status: 'suspended', statusReason: 'security situation' });
    const resumed = projectEvent(
      suspended.row,
      recorded({ type: 'ProjectResumed', data: { projectId: 'TC.0789', reason: null } }, 3, 20),
    );
    expect(resumed.after).toMatchObject({ status: 'active', statusReason: null });
  });

  it('moves the planned end on extension and records cancellation with its reason', () => {
    const { row } = given([
      projectCreated(),
      {
        type: 'ProjectExtended',
        data: { projectId: 'TC.0789', previousPlannedEnd: '2016', plannedEnd: '2017-06', reason: 'delays' },
      },
      { type: 'ProjectCancelled', data: { projectId: 'TC.0789', reason: 'funding withdrawn' } },
    ]);
    expect(row).toMatchObject({
      plannedEnd: '2017-06',
      status: 'cancelled',
      statusReason: 'funding withdrawn',
    });
  });

  it('orders budgets numerically through a fixed-width key', () => {
    const small = given([projectCreated({ budget: { amount: '9000.5', currency: 'USD' } })]).row;
    const large = given([projectCreated({ budget: { amount: '200000.00', currency: 'USD' } })]).row;
    expect(small.budgetKey < large.budgetKey).toBe(true);
  });

  it('rejects an event for a project that was never created', () => {
    expect(() =>
      projectEvent(
        null,
        recorded({ type: 'ProjectStarted', data: { projectId: 'TC.0789', actualStart: '2014' } }, 0, 1),
      ),
    ).toThrow(ProjectionError);
  });

  it('rejects a second ProjectCreated, an unknown event type and a currency change', () => {
    const { row } = given([projectCreated()]);
    expect(() => projectEvent(row, recorded(projectCreated(), 1, 2))).toThrow(/already exists/);
    expect(() =>
      projectEvent(row, recorded({ type: 'ProjectRenamed', data: { projectId: MONGOLIA.projectId } }, 1, 2)),
    ).toThrow(/Unknown event type/);
    expect(() =>
      projectEvent(row, recorded(budgetRevised('TC.0789', '200000.00', '1000', '-199000', 'EUR'), 1, 2)),
    ).toThrow(/EUR/);
  });
});

describe('project projection of record corrections', () => {
  it('replaces corrected fields, re-keys the title and replaces the member states', () => {
    const { row } = given([projectCreated()]);
    const correction = {
      type: 'ProjectRecordCorrected',
      data: {
        projectId: 'TC.0789',
        correctedEventId: 'e-1',
        correctedRevision: 0,
        values: {
          title: 'Mongolia Border Training',
          region: 'Global',
          benefitingMemberStates: ['MN', 'CN'],
          budgetAmount: '1.00',
        },
        previous: { title: MONGOLIA.title, region: 'Asia and Oceania', benefitingMemberStates: ['MN'] },
        reason: 'typo in the import',
        approvedBy: 'auditor',
      },
    };
    const effect = projectEvent(row, recorded(correction, 1, 42));
    expect(effect.after).toMatchObject({
      title: 'Mongolia Border Training',
      titleKey: 'mongolia border training',
      region: 'Global',
      memberStates: '["MN","CN"]',
      revision: 1,
      lastPosition: 42,
    });
    expect(effect.memberStates?.map((m) => m.memberState)).toEqual(['MN', 'CN']);
    expect(effect.after.budgetAmount).toBe('200000.00');
  });
});
