import Decimal from 'decimal.js';
import { currencyMinorDigits } from './currencies.policy';

/** A plain decimal string: digits, optional fraction, optional leading minus. No exponent, no spaces. */
const DECIMAL_PATTERN = /^-?\d+(\.\d+)?$/;

/** Money is never a float: every helper works on decimal strings through decimal.js. */
const D = Decimal.clone({ precision: 60, rounding: Decimal.ROUND_HALF_EVEN, toExpNeg: -100, toExpPos: 100 });

export function isDecimalString(value: string): boolean {
  return DECIMAL_PATTERN.test(value);
}

function toDecimal(value: string): Decimal {
  if (!isDecimalString(value)) throw new Error(`Not a decimal string: "${value}"`);
  return new D(value);
}

/** Exact a + b as a plain decimal string (no exponent). */
export function addDecimal(a: string, b: string): string {
  return toDecimal(a).plus(toDecimal(b)).toFixed();
}

/** Exact a - b as a plain decimal string (no exponent). */
export function subtractDecimal(a: string, b: string): string {
  return toDecimal(a).minus(toDecimal(b)).toFixed();
}

/** -1, 0 or 1 comparing the values, so "200000" equals "200000.00". */
export function compareDecimal(a: string, b: string): -1 | 0 | 1 {
  return toDecimal(a).comparedTo(toDecimal(b)) as -1 | 0 | 1;
}

/** Number of digits after the decimal point as written ("1.50" has 2). */
export function fractionDigits(value: string): number {
  const dot = value.indexOf('.');
  return dot < 0 ? 0 : value.length - dot - 1;
}

/**
 * The amount written with exactly the currency's minor digits ("200000" USD -> "200000.00").
 * Throws for an unknown currency or an amount that would need rounding: callers validate first.
 */
export function formatAmount(amount: string, currency: string): string {
  const digits = currencyMinorDigits(currency);
  if (digits === null) throw new Error(`Unknown currency "${currency}"`);
  const value = toDecimal(amount);
  if (value.decimalPlaces() > digits) {
    throw new Error(`${amount} ${currency} has more than ${digits} decimal places`);
  }
  return value.toFixed(digits);
}

/** A percentage in its shortest exact form: "100.00" -> "100", "33.50" -> "33.5". */
export function formatPercentage(value: string): string {
  return toDecimal(value).toFixed();
}
