import Decimal from 'decimal.js';
import { plainFixed } from './fixed-decimal';
import { ProjectionError } from './projection.error';

const INTEGER_DIGITS = 24;
const FRACTION_DIGITS = 6;

/**
 * Fixed-width text form of a positive amount ("200000.00" -> "000…200000.000000") so that a byte-wise
 * text sort in SQLite and PostgreSQL orders budgets by value without ever turning money into a float.
 */
export function budgetKey(amount: string): string {
  // A plain unsigned amount is read from its text; anything else (signs, exponents) through decimal.js.
  let fixed = typeof amount === 'string' && amount.charCodeAt(0) !== 45 ? plainFixed(amount) : null;
  if (fixed === null) {
    const value = new Decimal(amount);
    if (!value.isFinite() || value.isNegative())
      throw new ProjectionError(`Budget amount must be a non-negative decimal: "${amount}"`);
    fixed = value.toFixed();
  }
  const [integer, fraction = ''] = fixed.split('.');
  if (integer.length > INTEGER_DIGITS || fraction.length > FRACTION_DIGITS) {
    throw new ProjectionError(`Budget amount out of the sortable range: "${amount}"`);
  }
  return `${integer.padStart(INTEGER_DIGITS, '0')}.${fraction.padEnd(FRACTION_DIGITS, '0')}`;
}
