import { evolve, foldProject, initialState } from './project.evolve';
import type { ProjectSnapshot, ProjectState } from './project.state';
import {
  budgetRevised,
  projectCancelled,
  projectCompleted,
  projectCreated,
  projectExtended,
  projectResumed,
  projectStarted,
  projectSuspended,
} from './testing/project.fixtures';

const snapshot = (state: ProjectState): ProjectSnapshot => {
  if (state.status === 'none') throw new Error('expected an existing project');
  return state;
};

describe('evolve', () => {
  it('starts from a project that does not exist', () => {
    expect(initialState).toEqual({ status: 'none' });
    expect(foldProject([])).toEqual({ status: 'none' });
  });

  it('creates a planned project whose initial and current budgets are the approved budget', () => {
    const state = snapshot(foldProject([projectCreated()]));
    expect(state).toMatchObject({
      projectId: 'TC.0789',
      primaId: 'MN10P0001',
      status: 'planned',
      initialBudget: { amount: '200000.00', currency: 'USD' },
      budget: { amount: '200000.00', currency: 'USD' },
      budgetRevisionCount: 0,
      actualStart: null,
      actualEnd: null,
      statusReason: null,
      benefitingMemberStates: ['MN'],
    });
  });

  it('records the actual start and makes the project active', () => {
    const state = snapshot(foldProject([projectCreated(), projectStarted('2014-03')]));
    expect([state.status, state.actualStart]).toEqual(['active', '2014-03']);
  });

  it('records the actual end and makes the project completed', () => {
    const state = snapshot(foldProject([projectCreated(), projectStarted(), projectCompleted('2016-11')]));
    expect([state.status, state.actualEnd]).toEqual(['completed', '2016-11']);
  });

  it('moves the current budget but keeps the initial one', () => {
    const state = snapshot(
      foldProject([
        projectCreated(),
        budgetRevised({ previous: '200000.00', amount: '250000.00', delta: '50000.00' }),
        budgetRevised({ previous: '250000.00', amount: '244999.50', delta: '-5000.50' }),
      ]),
    );
    expect(state.initialBudget.amount).toBe('200000.00');
    expect(state.budget).toEqual({ amount: '244999.50', currency: 'USD' });
    expect(state.budgetRevisionCount).toBe(2);
  });

  it('keeps the suspension reason while suspended and clears it on resume', () => {
    const suspended = snapshot(foldProject([projectCreated(), projectStarted(), projectSuspended('Floods')]));
    expect([suspended.status, suspended.statusReason]).toEqual(['suspended', 'Floods']);
    const resumed = snapshot(evolve(suspended, projectResumed('Roads open')));
    expect([resumed.status, resumed.statusReason]).toEqual(['active', null]);
  });

  it('records why a project was cancelled', () => {
    const state = snapshot(foldProject([projectCreated(), projectCancelled('Donor withdrew')]));
    expect([state.status, state.statusReason]).toEqual(['cancelled', 'Donor withdrew']);
  });

  it('moves the planned end on extension and keeps the status', () => {
    const state = snapshot(foldProject([projectCreated(), projectExtended('2016', '2017-06')]));
    expect([state.status, state.plannedEnd, state.plannedStart]).toEqual(['planned', '2017-06', '2014']);
  });

  it('never mutates the state it is given', () => {
    const before = foldProject([projectCreated(), projectStarted()]);
    const copy = structuredClone(before);
    evolve(before, budgetRevised({ previous: '200000.00', amount: '1.00', delta: '-199999.00' }));
    evolve(before, projectSuspended());
    expect(before).toEqual(copy);
  });

  it('does not share the member-state list with the event', () => {
    const created = projectCreated();
    const state = snapshot(evolve(initialState, created));
    state.benefitingMemberStates.push('KZ');
    expect(created.data.benefitingMemberStates).toEqual(['MN']);
  });

  it('refuses a stream whose first event is not ProjectCreated', () => {
    expect(() => foldProject([projectStarted()])).toThrow(/before ProjectCreated/);
  });

  it('refuses a second ProjectCreated in one stream', () => {
    expect(() => foldProject([projectCreated(), projectCreated()])).toThrow(/already exists/);
  });
});
