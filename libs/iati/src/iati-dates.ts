import { isPartialDate } from '@ledger/domain';

/** How much of a partial date is known; exported as ledger:precision so a round trip keeps "2014" as "2014". */
export type DatePrecision = 'year' | 'month' | 'day';

export function precisionOf(date: string): DatePrecision {
  return date.length === 4 ? 'year' : date.length === 7 ? 'month' : 'day';
}

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** IATI dates are full dates: a partial start date becomes its first day ("2014" -> "2014-01-01"). */
export function firstDayOf(date: string): string {
  if (date.length === 4) return `${date}-01-01`;
  if (date.length === 7) return `${date}-01`;
  return date;
}

/** A partial end date becomes its last day ("2016" -> "2016-12-31", "2016-02" -> "2016-02-29"). */
export function lastDayOf(date: string): string {
  if (date.length === 4) return `${date}-12-31`;
  if (date.length === 7) {
    const [y, m] = date.split('-').map(Number);
    return `${date}-${String(lastDayOfMonth(y, m)).padStart(2, '0')}`;
  }
  return date;
}

/**
 * Reads an IATI iso-date back at the precision the exporter wrote (ledger:precision), or as given.
 * xsd:date allows a time-zone suffix ("2014-01-01Z"), which carries nothing for a calendar date.
 */
export function fromIatiDate(isoDate: string, precision: string | undefined): string | null {
  const date = isoDate.trim().slice(0, 10);
  if (date.length !== 10 || !isPartialDate(date)) return null;
  if (precision === 'year') return date.slice(0, 4);
  if (precision === 'month') return date.slice(0, 7);
  return date;
}

/** Days between two full dates, both included. */
export function daysInclusive(start: string, end: string): number {
  return Math.round((Date.parse(`${end}T00:00:00Z`) - Date.parse(`${start}T00:00:00Z`)) / 86_400_000) + 1;
}

/** The full date `days` after a full date. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
