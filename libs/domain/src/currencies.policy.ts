/**
 * ISO 4217 currencies we accept, with their number of minor-unit digits (policy: extend as needed).
 * The digits decide how amounts are written: USD "200000.00", JPY "200000", KWD "200000.000".
 * Source: the ISO 4217 list (column "minor unit").
 */
export const CURRENCY_MINOR_DIGITS: Readonly<Record<string, number>> = Object.freeze({
  USD: 2,
  EUR: 2,
  GBP: 2,
  CHF: 2,
  CAD: 2,
  AUD: 2,
  NZD: 2,
  SEK: 2,
  NOK: 2,
  DKK: 2,
  CNY: 2,
  INR: 2,
  BRL: 2,
  MXN: 2,
  ZAR: 2,
  MNT: 2,
  EGP: 2,
  KES: 2,
  NGN: 2,
  THB: 2,
  PHP: 2,
  TRY: 2,
  JPY: 0,
  KRW: 0,
  VND: 0,
  CLP: 0,
  ISK: 0,
  UGX: 0,
  XOF: 0,
  XAF: 0,
  KWD: 3,
  BHD: 3,
  OMR: 3,
  JOD: 3,
  TND: 3,
  LYD: 3,
  IQD: 3,
});

/** Number of minor-unit digits of a known currency, or null when the currency is not in the table. */
export function currencyMinorDigits(currency: string): number | null {
  return Object.prototype.hasOwnProperty.call(CURRENCY_MINOR_DIGITS, currency)
    ? CURRENCY_MINOR_DIGITS[currency]
    : null;
}
