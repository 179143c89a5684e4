/**
 * Numbers and dates in the reader's locale. Amounts are decimal strings and stay exact: the integer part
 * is grouped as a BigInt (Intl formats BigInt exactly) and the fraction is kept digit for digit. An amount
 * is never turned into a floating-point number for display.
 */
/** The reader's locale (the browser's first language); a parameter in the functions below, for tests. */
const readerLocale = (): string => (typeof navigator === 'undefined' ? 'en' : navigator.language || 'en');

export function formatDecimal(amount: string, locale = readerLocale()): string {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(amount);
  if (!match) return amount;
  const [, sign, whole, fraction] = match;
  const grouped = new Intl.NumberFormat(locale).format(BigInt(whole));
  const separator =
    new Intl.NumberFormat(locale).formatToParts(1.5).find((p) => p.type === 'decimal')?.value ?? '.';
  return `${sign === '-' ? '−' : ''}${grouped}${fraction ? separator + fraction : ''}`;
}

/**
 * A share as a percentage, exactly: `0.3571` → "35.71%" (en-GB). The decimal point moves two places in
 * the string, so no digit is lost to a float.
 */
export function formatShare(share: string | null | undefined, locale = readerLocale()): string {
  const match = /^(-?)(\d+)(?:\.(\d*))?$/.exec(share ?? '');
  if (!match) return share ?? '—';
  const [, sign, whole, fraction = ''] = match;
  const digits = fraction.padEnd(2, '0');
  const percent = `${sign}${`${whole}${digits.slice(0, 2)}`.replace(/^0+(?=\d)/, '')}`;
  const rest = digits.slice(2);
  const sample = new Intl.NumberFormat(locale, { style: 'percent' }).format(0.5);
  return sample.replace(/[\d٠-٩]+/, formatDecimal(rest ? `${percent}.${rest}` : percent, locale));
}

export const formatMoney = (money: { amount: string; currency: string }, locale = readerLocale()): string =>
  `${money.currency} ${formatDecimal(money.amount, locale)}`;

export const formatCount = (value: number, locale = readerLocale()): string =>
  new Intl.NumberFormat(locale).format(value);

/** A partial date (`2014`, `2014-03`, `2014-03-01`) at the precision it has. */
export function formatPartialDate(value: string | null | undefined, locale = readerLocale()): string {
  if (!value) return '—';
  const [year, month, day] = value.split('-').map(Number);
  const date = new Date(Date.UTC(year, (month ?? 1) - 1, day ?? 1));
  const options: Intl.DateTimeFormatOptions = { timeZone: 'UTC', year: 'numeric' };
  if (month) options.month = 'long';
  if (day) options.day = 'numeric';
  return new Intl.DateTimeFormat(locale, options).format(date);
}

/** An instant (recordedAt) in the reader's time zone. */
export function formatInstant(value: string | null | undefined, locale = readerLocale()): string {
  if (!value) return '—';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium' }).format(date);
}

/**
 * The height of a bar for a chart: charts need a number to draw, so this is the one place an amount
 * becomes approximate. Labels, tooltips and the tables beside each chart always show the exact string.
 */
export const chartValue = (amount: string): number => Number(amount.split('.')[0]);

export const shortHash = (hash: string | undefined): string => (hash ? `${hash.slice(0, 12)}…` : '—');

/** A value as shown in diffs and fact lists. */
export function formatValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value)) return value.map(formatValue).join(', ');
  if (typeof value === 'object') {
    const money = value as { amount?: unknown; currency?: unknown };
    if (typeof money.amount === 'string' && typeof money.currency === 'string')
      return formatMoney({ amount: money.amount, currency: money.currency });
    return JSON.stringify(value);
  }
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string' && /^\d{4}(-\d{2}){0,2}$/.test(value)) return formatPartialDate(value);
  return String(value);
}

const FIELD_LABELS: Record<string, string> = {
  projectId: 'Project ID',
  primaId: 'Prima ID',
  projectType: 'Project type',
  fundingYear: 'Funding year',
  plannedStart: 'Planned start',
  plannedEnd: 'Planned end',
  actualStart: 'Actual start',
  actualEnd: 'Actual end',
  initialBudget: 'First approved budget',
  budgetRevisionCount: 'Budget revisions',
  benefitingMemberStates: 'Member states',
  statusReason: 'Status reason',
};

/** A field name of the project as people say it: `actualStart` → "Actual start". */
export const fieldLabel = (field: string): string =>
  FIELD_LABELS[field] ?? field.charAt(0).toUpperCase() + field.slice(1);
