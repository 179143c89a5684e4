import {
  addMonths,
  comparePartialDates,
  isFullDate,
  isPartialDate,
  lastDayOf,
  utcDateOf,
} from './partial-date';

describe('partial dates', () => {
  it.each(['2014', '2014-01', '2014-12-31', '2000-02-29', '2016-02-29'])('accepts %s', (value) => {
    expect(isPartialDate(value)).toBe(true);
  });
  it.each([
    '201',
    '2014-1',
    '2014-00',
    '2014-13',
    '2014-01-32',
    '1900-02-29',
    '2015-02-29',
    '2014-06-31',
    '2014-01-01T00:00',
  ])('rejects %s', (value) => {
    expect(isPartialDate(value)).toBe(false);
  });
  it('tells full dates from partial ones', () => {
    expect([isFullDate('2014-03-01'), isFullDate('2014-03'), isFullDate('2014')]).toEqual([
      true,
      false,
      false,
    ]);
  });
  it('compares at the precision both dates have', () => {
    expect(comparePartialDates('2016', '2016-05-31')).toBe(0);
    expect(comparePartialDates('2016-04', '2016-05-01')).toBe(-1);
    expect(comparePartialDates('2016-05-02', '2016-05-01')).toBe(1);
    expect(comparePartialDates('2017', '2016-12')).toBe(1);
  });
  it('gives the UTC calendar date of an instant with any offset', () => {
    expect(utcDateOf('2015-03-03T23:30:00-05:00')).toBe('2015-03-04');
    expect(utcDateOf('2015-03-04T01:00:00.123+02:00')).toBe('2015-03-03');
    expect(utcDateOf('2015-03-04T00:00:00Z')).toBe('2015-03-04');
  });
  it('refuses an instant without an offset or a date alone', () => {
    expect(() => utcDateOf('2015-03-04T10:00:00')).toThrow(/ISO-8601/);
    expect(() => utcDateOf('2015-03-04')).toThrow(/ISO-8601/);
  });
});

describe('date arithmetic for the closing window', () => {
  it.each([
    ['2016', '2016-12-31'],
    ['2016-02', '2016-02-29'],
    ['2015-02', '2015-02-28'],
    ['2016-11-15', '2016-11-15'],
  ])('the last day of %s is %s', (date, last) => {
    expect(lastDayOf(date)).toBe(last);
  });

  it.each([
    ['2016-11-30', 12, '2017-11-30'],
    ['2016-02-29', 12, '2017-02-28'],
    ['2016-01-31', 1, '2016-02-29'],
    ['2016-12-31', 1, '2017-01-31'],
  ])('%s plus %i months is %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });
});
