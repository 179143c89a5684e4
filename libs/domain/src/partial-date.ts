/** Partial dates: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, as project pages often know only the year. */
const PARTIAL_DATE_PATTERN = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

/** True for `YYYY`, `YYYY-MM` or `YYYY-MM-DD` naming a real calendar date (no 2015-02-29). */
export function isPartialDate(value: string): boolean {
  const match = PARTIAL_DATE_PATTERN.exec(value);
  if (!match) return false;
  const [, y, m, d] = match;
  const year = Number(y);
  if (m === undefined) return true;
  const month = Number(m);
  if (month < 1 || month > 12) return false;
  if (d === undefined) return true;
  const day = Number(d);
  return day >= 1 && day <= daysInMonth(year, month);
}

/** True for a full calendar date `YYYY-MM-DD`. */
export function isFullDate(value: string): boolean {
  return value.length === 10 && isPartialDate(value);
}

/**
 * -1, 0 or 1 comparing two partial dates at the precision both have: "2016" equals "2016-05",
 * "2016-04" is before "2016-05-01". Both must be valid partial dates.
 */
export function comparePartialDates(a: string, b: string): -1 | 0 | 1 {
  const length = Math.min(a.length, b.length);
  const left = a.slice(0, length);
  const right = b.slice(0, length);
  return left < right ? -1 : left > right ? 1 : 0;
}

const INSTANT_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * The UTC calendar date (YYYY-MM-DD) of an ISO-8601 instant such as a command's `now`.
 * Throws on a malformed instant: `now` comes from the caller's clock, never from users.
 */
export function utcDateOf(instant: string): string {
  // Parsing a given string is deterministic; the domain still never reads the clock.
  const millis = INSTANT_PATTERN.test(instant) ? Date.parse(instant) : Number.NaN;
  if (Number.isNaN(millis)) throw new Error(`Not an ISO-8601 instant: "${instant}"`);
  return new Date(millis).toISOString().slice(0, 10);
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The last day a partial date covers: "2016" -> "2016-12-31", "2016-02" -> "2016-02-29". */
export function lastDayOf(date: string): string {
  const match = PARTIAL_DATE_PATTERN.exec(date);
  if (!match || !isPartialDate(date)) throw new Error(`Not a partial date: "${date}"`);
  const [, y, m, d] = match;
  if (d !== undefined) return date;
  const month = m === undefined ? 12 : Number(m);
  return `${y}-${pad(month)}-${pad(daysInMonth(Number(y), month))}`;
}

/** A full date moved by whole months, kept inside the target month: 2016-02-29 + 12 months = 2017-02-28. */
export function addMonths(date: string, months: number): string {
  if (!isFullDate(date)) throw new Error(`Not a full date: "${date}"`);
  const [y, m, d] = date.split('-').map(Number);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return `${pad(year, 4)}-${pad(month)}-${pad(Math.min(d, daysInMonth(year, month)))}`;
}
