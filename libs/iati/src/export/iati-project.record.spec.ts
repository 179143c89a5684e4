import { budgetRevised, projectCreated, projectStarted } from '@ledger/domain/testing/project.fixtures';
import { matchesFilter, projectRecordFromEvents } from './iati-project.record';

const at = (recordedAt: string) => ({ recordedAt });

describe('projectRecordFromEvents', () => {
  it('folds the events and keeps the budget history the state does not', () => {
    const record = projectRecordFromEvents([
      { ...projectCreated(), metadata: at('2014-01-10T09:00:00Z') },
      { ...projectStarted(), metadata: at('2014-03-01T09:00:00Z') },
      {
        ...budgetRevised({
          previous: '200000.00',
          amount: '250000.00',
          delta: '50000.00',
          effectiveDate: '2015-01-15',
        }),
        metadata: at('2015-01-16T09:00:00Z'),
      },
    ]);
    expect(record?.project).toMatchObject({
      status: 'active',
      budget: { amount: '250000.00', currency: 'USD' },
      initialBudget: { amount: '200000.00', currency: 'USD' },
    });
    expect(record?.revisions).toEqual([
      { amount: '250000.00', currency: 'USD', effectiveDate: '2015-01-15', reason: 'additional-funding' },
    ]);
    expect(record?.lastUpdated).toBe('2015-01-16T09:00:00Z');
  });

  it('keeps only the last revision of a day: IATI tells revisions apart by value-date', () => {
    const record = projectRecordFromEvents([
      projectCreated(),
      budgetRevised({
        previous: '200000.00',
        amount: '210000.00',
        delta: '10000.00',
        effectiveDate: '2015-01-15',
      }),
      budgetRevised({
        previous: '210000.00',
        amount: '220000.00',
        delta: '10000.00',
        effectiveDate: '2015-01-15',
        reason: 'correction',
      }),
    ]);
    expect(record?.revisions).toEqual([
      { amount: '220000.00', currency: 'USD', effectiveDate: '2015-01-15', reason: 'correction' },
    ]);
  });

  it('is null for a stream without events', () => {
    expect(projectRecordFromEvents([])).toBeNull();
  });
});

describe('matchesFilter', () => {
  const record = projectRecordFromEvents([projectCreated()])!;
  it('combines filters with AND and the values of one filter with OR', () => {
    expect(matchesFilter(record, {})).toBe(true);
    expect(matchesFilter(record, { status: ['active', 'planned'], region: ['Asia and Oceania'] })).toBe(true);
    expect(matchesFilter(record, { status: ['planned'], region: ['Europe'] })).toBe(false);
    expect(matchesFilter(record, { projectIds: ['TC.0790'] })).toBe(false);
  });
});
