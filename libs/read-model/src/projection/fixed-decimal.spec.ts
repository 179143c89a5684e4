import Decimal from 'decimal.js';
import fc from 'fast-check';
import { budgetKey } from './budget-key';
import { fixedDecimal } from './fixed-decimal';
import { ProjectionError } from './projection.error';

/** Amount-like text: signs, leading and trailing zeros, long digit runs, exponents, stray characters. */
const digits = fc.string({ unit: fc.constantFrom('0', '0', '0', '1', '5', '9'), maxLength: 32 });
// Exponents stay small: decimal.js writes 1e999999 out in full.
const exponent = fc.oneof(
  fc.constant(''),
  fc.integer({ min: -40, max: 40 }).map((e) => `e${e}`),
);
const amountText = fc.oneof(
  fc
    .tuple(fc.constantFrom('', '-', '+', ' '), digits, fc.constantFrom('', '.', '.'), digits, exponent)
    .map((parts) => parts.join('')),
  fc.constantFrom('-0', '-0.00', '0', '0.0', '.5', '1.', '', 'NaN', 'Infinity', '-1e3', '1_000'),
  fc.string(),
);

/** The same call against decimal.js directly: its value or its error message. */
function outcome(run: () => string): string {
  try {
    return `ok ${run()}`;
  } catch (error) {
    return `${(error as Error).constructor.name} ${(error as Error).message}`;
  }
}

/** budgetKey as it was before the plain-text fast path: decimal.js for every amount. */
function decimalBudgetKey(amount: string): string {
  const value = new Decimal(amount);
  if (!value.isFinite() || value.isNegative())
    throw new ProjectionError(`Budget amount must be a non-negative decimal: "${amount}"`);
  const [integer, fraction = ''] = value.toFixed().split('.');
  if (integer.length > 24 || fraction.length > 6) {
    throw new ProjectionError(`Budget amount out of the sortable range: "${amount}"`);
  }
  return `${integer.padStart(24, '0')}.${fraction.padEnd(6, '0')}`;
}

describe('amounts read from their text give what decimal.js gives', () => {
  it('fixedDecimal: the same text, or the same error, for any amount-like text', () => {
    fc.assert(
      fc.property(amountText, (text) => {
        expect(outcome(() => fixedDecimal(text))).toBe(outcome(() => new Decimal(text).toFixed()));
      }),
      { numRuns: 5000 },
    );
  });

  it('budgetKey: the same key, or the same error, for any amount-like text', () => {
    fc.assert(
      fc.property(amountText, (text) => {
        expect(outcome(() => budgetKey(text))).toBe(outcome(() => decimalBudgetKey(text)));
      }),
      { numRuns: 5000 },
    );
  });

  it.each([
    ['200000.00', '200000'],
    ['00012.3400', '12.34'],
    ['-0.00', '0'],
    ['-1000.50', '-1000.5'],
    ['0.000001', '0.000001'],
  ])('fixedDecimal(%s) is %s', (text, fixed) => {
    expect(fixedDecimal(text)).toBe(fixed);
  });

  it('non-strings go through decimal.js', () => {
    expect(fixedDecimal(1.5 as unknown as string)).toBe('1.5');
    expect(outcome(() => budgetKey(undefined as unknown as string))).toBe(
      outcome(() => decimalBudgetKey(undefined as unknown as string)),
    );
  });
});
