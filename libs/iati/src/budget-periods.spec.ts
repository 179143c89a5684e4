import fc from 'fast-check';
import { addDecimal } from '@ledger/domain';
import { calendarYearPeriods, splitBudget } from './budget-periods';
import { daysInclusive } from './iati-dates';

describe('splitBudget', () => {
  it('splits the Mongolia budget over 2014-2016 by days, the remainder to the last year', () => {
    expect(splitBudget('200000.00', 'USD', '2014-01-01', '2016-12-31')).toEqual([
      { start: '2014-01-01', end: '2014-12-31', amount: '66605.83' },
      { start: '2015-01-01', end: '2015-12-31', amount: '66605.83' },
      { start: '2016-01-01', end: '2016-12-31', amount: '66788.34' },
    ]);
  });

  it('keeps a budget within one year as a single period', () => {
    expect(splitBudget('1000', 'JPY', '2020-03-01', '2020-09-30')).toEqual([
      { start: '2020-03-01', end: '2020-09-30', amount: '1000' },
    ]);
  });

  it('always adds up exactly and never gives a period longer than one calendar year', () => {
    const day = fc
      .date({
        min: new Date('2000-01-01T00:00:00Z'),
        max: new Date('2030-12-31T00:00:00Z'),
        noInvalidDate: true,
      })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(
        day,
        day,
        fc.integer({ min: 1, max: 10 ** 9 }),
        fc.constantFrom('USD', 'JPY', 'KWD'),
        (a, b, cents, currency) => {
          const [start, end] = a <= b ? [a, b] : [b, a];
          const amount =
            currency === 'JPY'
              ? String(cents)
              : currency === 'KWD'
                ? (cents / 1000).toFixed(3)
                : (cents / 100).toFixed(2);
          const periods = splitBudget(amount, currency, start, end);
          expect(periods.reduce((sum, p) => addDecimal(sum, p.amount), '0')).toBe(addDecimal(amount, '0'));
          for (const p of periods) {
            expect(p.start.slice(0, 4)).toBe(p.end.slice(0, 4));
            expect(daysInclusive(p.start, p.end)).toBeLessThanOrEqual(366);
            expect(p.amount.startsWith('-')).toBe(false);
          }
          expect(periods[0].start).toBe(start);
          expect(periods[periods.length - 1].end).toBe(end);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('calendarYearPeriods', () => {
  it('cuts a mid-year span at each 31 December', () => {
    expect(calendarYearPeriods('2014-03-15', '2015-06-30')).toEqual([
      { start: '2014-03-15', end: '2014-12-31' },
      { start: '2015-01-01', end: '2015-06-30' },
    ]);
  });
});
