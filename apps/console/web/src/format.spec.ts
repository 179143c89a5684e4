import { formatDecimal, formatMoney, formatPartialDate, formatShare } from './format';

describe('console formatting: the reader’s locale, amounts exact', () => {
  it('groups and separates amounts the way each locale writes them', () => {
    expect(formatMoney({ amount: '200000.00', currency: 'USD' }, 'en-GB')).toBe('USD 200,000.00');
    expect(formatDecimal('200000.00', 'de-DE')).toBe('200.000,00');
    expect(formatDecimal('200000.00', 'en-IN')).toBe('2,00,000.00');
    expect(formatDecimal('-20000.5', 'en-GB')).toBe('−20,000.5');
  });

  it('keeps every digit of an amount no floating-point number can hold', () => {
    // 2^53 + 1 and 17 significant fraction digits: a float would round both.
    expect(formatDecimal('9007199254740993.12345678901234567', 'en-GB')).toBe(
      '9,007,199,254,740,993.12345678901234567',
    );
  });

  it('writes a partial date at the precision it has, in the locale', () => {
    expect(formatPartialDate('2015-01-15', 'en-GB')).toBe('15 January 2015');
    expect(formatPartialDate('2015-01-15', 'de-DE')).toBe('15. Januar 2015');
    expect(formatPartialDate('2014-03', 'en-GB')).toBe('March 2014');
    expect(formatPartialDate('2016', 'fr-FR')).toBe('2016');
    expect(formatPartialDate(null, 'en-GB')).toBe('—');
  });

  it('writes a share as a percentage without rounding it through a float', () => {
    expect(formatShare('0.3571', 'en-GB')).toBe('35.71%');
    expect(formatShare('1.2500', 'en-GB')).toBe('125.00%');
    expect(formatShare('0.0005', 'de-DE')).toBe('0,05\u00a0%');
    expect(formatShare(null, 'en-GB')).toBe('—');
  });
});
