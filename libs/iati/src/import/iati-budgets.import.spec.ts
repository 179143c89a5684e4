import { importBudgets } from './iati-budgets.import';

const budget = (
  type: string,
  start: string,
  amount: string,
  valueDate: string,
  currency: string | null = 'USD',
) => ({
  type,
  status: '2',
  periodStart: `${start}-01-01`,
  periodEnd: `${start}-12-31`,
  amount,
  currency,
  valueDate,
  reason: null,
});

describe('importBudgets', () => {
  it('sums original periods and turns each value-date of revised periods into one revision of the total', () => {
    const result = importBudgets(
      [
        budget('1', '2014', '100.00', '2014-01-01'),
        budget('1', '2015', '100.00', '2014-01-01'),
        budget('2', '2015', '150.00', '2015-06-01'),
        budget('2', '2014', '90.00', '2016-01-10'),
        budget('2', '2015', '160.00', '2016-01-10'),
        budget('2', '2015', '170.00', '2016-03-01'),
      ],
      null,
    );
    expect(result.original).toEqual({ amount: '200', currency: 'USD', valueDate: '2014-01-01' });
    expect(result.revisions.map((r) => [r.effectiveDate, r.amount, r.reason])).toEqual([
      ['2015-06-01', '250', 'correction'],
      ['2016-03-01', '260', 'correction'],
    ]);
    expect(result.skipped).toEqual([
      { element: 'budget-revised:2016-01-10', reason: 'the revised budget leaves the total at 250 USD' },
    ]);
  });

  it('uses the default currency and says why unusable budget elements were skipped', () => {
    const result = importBudgets(
      [
        budget('1', '2014', '10', '2014-01-01', null),
        budget('1', '2015', 'ten', '2014-01-01'),
        budget('3', '2015', '1', '2014-01-01'),
      ],
      'EUR',
    );
    expect(result.original).toEqual({ amount: '10', currency: 'EUR', valueDate: '2014-01-01' });
    expect(result.skipped.map((s) => s.element)).toEqual(['budget #2', 'budget #3']);
  });

  it('skips a revision in another currency', () => {
    const result = importBudgets(
      [budget('1', '2014', '10', '2014-01-01'), budget('2', '2014', '12', '2014-06-01', 'EUR')],
      null,
    );
    expect(result.revisions).toEqual([]);
    expect(result.skipped[0].reason).toContain("project's currency USD");
  });
});
