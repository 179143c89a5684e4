import Decimal from 'decimal.js';

/** A plain decimal as the domain writes amounts: optional minus, digits, optional fraction digits. */
const PLAIN = /^-?\d+(?:\.\d+)?$/;
const ZERO = 48; // '0'
const MINUS = 45; // '-'

/**
 * `new Decimal(text).toFixed()` (the shortest plain form: no leading zeros, no trailing fraction zeros,
 * "-0" as "0"), computed on the text for the plain amounts events carry: a rebuild normalises one or two
 * amounts per budget revision, and parsing each into a Decimal was a few percent of its time. Anything
 * else (exponents, a bare "1.", non-strings) goes through decimal.js, so results and errors are its own.
 */
export function fixedDecimal(text: string): string {
  return plainFixed(text) ?? new Decimal(text).toFixed();
}

/** What `new Decimal(text).toFixed()` gives when `text` is a plain decimal string; null for anything else. */
export function plainFixed(text: unknown): string | null {
  if (typeof text !== 'string' || !PLAIN.test(text)) return null;
  const negative = text.charCodeAt(0) === MINUS;
  const dot = text.indexOf('.');
  const intEnd = dot < 0 ? text.length : dot;
  let intStart = negative ? 1 : 0;
  while (intStart < intEnd - 1 && text.charCodeAt(intStart) === ZERO) intStart++;
  let fracEnd = text.length;
  if (dot >= 0) while (fracEnd > dot + 1 && text.charCodeAt(fracEnd - 1) === ZERO) fracEnd--;
  const integer = text.slice(intStart, intEnd);
  const fraction = dot >= 0 && fracEnd > dot + 1 ? text.slice(dot + 1, fracEnd) : '';
  if (integer === '0' && fraction === '') return '0';
  return `${negative ? '-' : ''}${integer}${fraction === '' ? '' : `.${fraction}`}`;
}
