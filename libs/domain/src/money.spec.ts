import { addDecimal, compareDecimal, formatAmount, isDecimalString, subtractDecimal } from './money';

describe('decimal money helpers', () => {
  it('adds exactly where floats would not', () => {
    expect(addDecimal('0.1', '0.2')).toBe('0.3');
    expect(addDecimal('99999999999999.99', '0.01')).toBe('100000000000000');
  });
  it('subtracts to a negative result', () => {
    expect(subtractDecimal('194999.50', '200000.00')).toBe('-5000.5');
  });
  it('compares by value, not by spelling', () => {
    expect(compareDecimal('200000', '200000.00')).toBe(0);
    expect(compareDecimal('9.99', '10')).toBe(-1);
    expect(compareDecimal('10.01', '10')).toBe(1);
  });
  it('writes an amount with the currency minor digits', () => {
    expect(formatAmount('200000', 'USD')).toBe('200000.00');
    expect(formatAmount('-5000.5', 'USD')).toBe('-5000.50');
    expect(formatAmount('3000000.000', 'JPY')).toBe('3000000');
    expect(formatAmount('1.5', 'KWD')).toBe('1.500');
  });
  it('refuses to round: an amount too precise for its currency is an error', () => {
    expect(() => formatAmount('1.005', 'USD')).toThrow(/more than 2 decimal places/);
  });
  it('refuses a currency it does not know', () => {
    expect(() => formatAmount('1', 'ZZZ')).toThrow(/Unknown currency/);
  });
  it('accepts only plain decimal strings', () => {
    expect(['1', '-1.50', '0.001'].map(isDecimalString)).toEqual([true, true, true]);
    expect(['1e3', '1.', '.5', '+1', ' 1', 'Infinity'].map(isDecimalString)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
    expect(() => addDecimal('1e3', '1')).toThrow(/Not a decimal string/);
  });
});
