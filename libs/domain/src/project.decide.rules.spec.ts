import { given } from './testing/decider.spec-helper';
import {
  HISTORIES,
  budgetRevised,
  completeProject,
  extendProject,
  projectBudgetHistory,
  projectCreated,
  projectExtended,
  projectStarted,
  reviseBudget,
  startProject,
} from './testing/project.fixtures';

describe('starting', () => {
  it('accepts a start on the day of the command', () => {
    given(HISTORIES.planned)
      .when(startProject('2020-06-15', '2020-06-15T00:00:01Z'))
      .then([projectStarted('2020-06-15')]);
  });

  it('rejects a start dated after the command time', () => {
    given(HISTORIES.planned)
      .when(startProject('2020-06-16', '2020-06-15T23:59:59Z'))
      .thenRejects('PROJECT.START_IN_FUTURE', /2020-06-16/);
  });

  it('compares the start at the precision given: a start month that is this month is not in the future', () => {
    given(HISTORIES.planned)
      .when(startProject('2020-06', '2020-06-01T00:00:00Z'))
      .then([projectStarted('2020-06')]);
  });

  it('rejects a start year after the current year', () => {
    given(HISTORIES.planned)
      .when(startProject('2021', '2020-12-31T23:59:59Z'))
      .thenRejects('PROJECT.START_IN_FUTURE');
  });

  it('judges "today" in UTC, whatever offset the command time is written with', () => {
    // 2020-06-15T23:30-05:00 is already 2020-06-16 in UTC
    given(HISTORIES.planned)
      .when(startProject('2020-06-16', '2020-06-15T23:30:00-05:00'))
      .then([projectStarted('2020-06-16')]);
  });
});

describe('completing', () => {
  it('rejects an end before the actual start', () => {
    given([projectCreated(), projectStarted('2014-03-10')])
      .when(completeProject('2014-03-09'))
      .thenRejects('PROJECT.END_BEFORE_START', /started on 2014-03-10/);
  });

  it('accepts an end in the same month as a day-precise start (common precision)', () => {
    given([projectCreated(), projectStarted('2014-03-10')])
      .when(completeProject('2014-03'))
      .then([{ type: 'ProjectCompleted', data: { projectId: 'TC.0789', actualEnd: '2014-03' } }]);
  });

  it('rejects an end after the command time', () => {
    given(HISTORIES.active)
      .when(completeProject('2020-07', '2020-06-15T12:00:00Z'))
      .thenRejects('PROJECT.END_IN_FUTURE');
  });

  it('rejects completing a project that never started', () => {
    given(HISTORIES.planned)
      .when(completeProject())
      .thenRejects('PROJECT.NOT_ACTIVE', /planned and has not started/);
  });
});

describe('revising the budget', () => {
  it('records previous, new amount and a negative delta exactly', () => {
    given(HISTORIES.active)
      .when(reviseBudget({ amount: '194999.50', reason: 'underspend' }))
      .then([
        budgetRevised({
          previous: '200000.00',
          amount: '194999.50',
          delta: '-5000.50',
          reason: 'underspend',
        }),
      ]);
  });

  it('normalises amounts to the currency minor digits', () => {
    given(HISTORIES.active)
      .when(reviseBudget({ amount: '250000' }))
      .then([budgetRevised({ previous: '200000.00', amount: '250000.00', delta: '50000.00' })]);
  });

  it('works in a currency without minor units', () => {
    given([projectCreated({ budget: { amount: '3000000', currency: 'JPY' } })])
      .when(reviseBudget({ amount: '2500000', currency: 'JPY' }))
      .then([budgetRevised({ previous: '3000000', amount: '2500000', delta: '-500000', currency: 'JPY' })]);
  });

  it('rejects an amount equal to the current one, compared as decimals', () => {
    given(HISTORIES.active)
      .when(reviseBudget({ amount: '200000' }))
      .thenRejects('PROJECT.BUDGET_UNCHANGED', /200000.00 USD/);
  });

  it('compares with the latest revision, not the initial budget', () => {
    given(projectBudgetHistory(['250000.00']))
      .when(reviseBudget({ amount: '250000.00' }))
      .thenRejects('PROJECT.BUDGET_UNCHANGED');
  });

  it('rejects a revision in another currency', () => {
    given(HISTORIES.active)
      .when(reviseBudget({ amount: '180000.00', currency: 'EUR' }))
      .thenRejects('PROJECT.CURRENCY_MISMATCH', /USD/);
  });

  it('takes the effective date from the command when given', () => {
    given(HISTORIES.active)
      .when(reviseBudget({ amount: '210000.00', effectiveDate: '2015-01-01', note: 'Board decision 12' }))
      .then([
        budgetRevised({
          previous: '200000.00',
          amount: '210000.00',
          delta: '10000.00',
          effectiveDate: '2015-01-01',
          note: 'Board decision 12',
        }),
      ]);
  });

  it('defaults the effective date to the UTC date of the command time', () => {
    given(HISTORIES.active)
      .when(reviseBudget({ amount: '210000.00' }, '2015-03-03T23:30:00-05:00'))
      .then([
        budgetRevised({
          previous: '200000.00',
          amount: '210000.00',
          delta: '10000.00',
          effectiveDate: '2015-03-04',
        }),
      ]);
  });
});

describe('extending', () => {
  it('rejects a new end equal to the current one', () => {
    given(HISTORIES.active).when(extendProject('2016')).thenRejects('PROJECT.EXTENSION_NOT_LATER', /2016/);
  });

  it('rejects a new end that is the same year at a finer precision', () => {
    given(HISTORIES.active).when(extendProject('2016-12-31')).thenRejects('PROJECT.EXTENSION_NOT_LATER');
  });

  it('rejects an earlier end', () => {
    given(HISTORIES.active).when(extendProject('2015-06')).thenRejects('PROJECT.EXTENSION_NOT_LATER');
  });

  it('measures a second extension from the previous extension', () => {
    given([...HISTORIES.active, projectExtended('2016', '2017-06')])
      .when(extendProject('2017-09'))
      .then([projectExtended('2017-06', '2017-09')]);
  });
});
