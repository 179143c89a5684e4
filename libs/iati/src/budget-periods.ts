import Decimal from 'decimal.js';
import { currencyMinorDigits } from '@ledger/domain';
import { daysInclusive } from './iati-dates';

/** One IATI budget period: at most one year (the standard's rule), with its share of the amount. */
export interface BudgetPeriod {
  start: string;
  end: string;
  amount: string;
}

const D = Decimal.clone({ precision: 60, rounding: Decimal.ROUND_DOWN, toExpNeg: -100, toExpPos: 100 });

/** Calendar years from `start` to `end` (full dates, start <= end): the first and last may be partial years. */
export function calendarYearPeriods(start: string, end: string): { start: string; end: string }[] {
  const periods: { start: string; end: string }[] = [];
  let from = start;
  while (from <= end) {
    const yearEnd = `${from.slice(0, 4)}-12-31`;
    const to = yearEnd < end ? yearEnd : end;
    periods.push({ start: from, end: to });
    from = `${Number(from.slice(0, 4)) + 1}-01-01`;
  }
  return periods;
}

/**
 * Splits an amount over calendar-year periods evenly by days: each period gets amount x days / total days,
 * rounded down to the currency's minor digits, in exact decimals; the last period gets the remainder, so
 * the periods always add up to the amount exactly.
 */
export function splitBudget(amount: string, currency: string, start: string, end: string): BudgetPeriod[] {
  const digits = currencyMinorDigits(currency);
  if (digits === null) throw new Error(`Unknown currency "${currency}"`);
  const periods = calendarYearPeriods(start, end);
  const total = new D(amount);
  const totalDays = daysInclusive(start, end);
  let allocated = new D(0);
  return periods.map((period, index) => {
    const share =
      index === periods.length - 1
        ? total.minus(allocated)
        : total
            .times(daysInclusive(period.start, period.end))
            .dividedBy(totalDays)
            .toDecimalPlaces(digits, Decimal.ROUND_DOWN);
    allocated = allocated.plus(share);
    return { ...period, amount: share.toFixed(digits) };
  });
}

/** A period of at most twelve months: it ends before the same day of the next year. */
export function withinTwelveMonths(start: string, end: string): boolean {
  const nextYear = `${String(Number(start.slice(0, 4)) + 1).padStart(4, '0')}${start.slice(4)}`;
  return end < nextYear;
}
