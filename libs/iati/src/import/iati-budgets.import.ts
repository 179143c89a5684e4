import {
  BUDGET_REASONS,
  addDecimal,
  compareDecimal,
  isDecimalString,
  isFullDate,
  type BudgetReason,
} from '@ledger/domain';
import { BUDGET_TYPE } from '../iati.codes';
import type { IatiBudgetInput } from './iati-activity.input';

/** Reason given to revisions from files that do not say why (IATI has no budget-revision reason). */
export const DEFAULT_IMPORT_BUDGET_REASON: BudgetReason = 'correction';

export interface ImportedRevision {
  amount: string;
  currency: string;
  effectiveDate: string;
  reason: BudgetReason;
}

export interface ImportedBudgets {
  original: { amount: string; currency: string; valueDate: string | null } | null;
  revisions: ImportedRevision[];
  /** Why budget elements were not used (one line per element or group). */
  skipped: { element: string; reason: string }[];
}

interface Usable {
  key: string;
  amount: string;
  currency: string;
  valueDate: string | null;
  reason: string | null;
}

const periodKey = (b: IatiBudgetInput) => `${b.periodStart}/${b.periodEnd}`;
const sum = (values: Iterable<string>) => [...values].reduce((a, b) => addDecimal(a, b), '0');

/**
 * Original (type 1) budgets, summed over their periods, are the create budget. Revised (type 2) budgets are
 * grouped by value-date, oldest first; each group replaces the amounts of the periods it names, and the new
 * total is one revision effective on that value-date. So a file that revises every year and one that
 * revises a single year both read as the totals the publisher meant.
 */
export function importBudgets(
  budgets: readonly IatiBudgetInput[],
  defaultCurrency: string | null,
): ImportedBudgets {
  const skipped: ImportedBudgets['skipped'] = [];
  const usable = (b: IatiBudgetInput, i: number): Usable | null => {
    const element = `budget #${i + 1}`;
    const currency = b.currency ?? defaultCurrency;
    const amount = b.amount?.replace(/^\+/, '') ?? null;
    if (!b.periodStart || !b.periodEnd) skipped.push({ element, reason: 'no period-start or period-end' });
    else if (amount === null || !isDecimalString(amount) || amount.startsWith('-'))
      skipped.push({ element, reason: `value "${b.amount ?? ''}" is not a non-negative decimal amount` });
    else if (currency === null)
      skipped.push({ element, reason: 'no currency on the value and no default-currency' });
    else return { key: periodKey(b), amount, currency, valueDate: b.valueDate, reason: b.reason };
    return null;
  };
  const originals: Usable[] = [];
  const revised: Usable[] = [];
  budgets.forEach((b, i) => {
    if (b.type !== BUDGET_TYPE.original && b.type !== BUDGET_TYPE.revised) {
      skipped.push({
        element: `budget #${i + 1}`,
        reason: `budget type "${b.type}" is neither 1 Original nor 2 Revised`,
      });
      return;
    }
    const u = usable(b, i);
    if (u) (b.type === BUDGET_TYPE.original ? originals : revised).push(u);
  });
  if (originals.length === 0) return { original: null, revisions: [], skipped };
  const currency = originals[0].currency;
  if (originals.some((o) => o.currency !== currency)) {
    skipped.push({ element: 'budget', reason: 'original budgets are in more than one currency' });
    return { original: null, revisions: [], skipped };
  }
  const periods = new Map(originals.map((o) => [o.key, o.amount]));
  const valueDates = originals
    .flatMap((o) => (o.valueDate && isFullDate(o.valueDate) ? [o.valueDate] : []))
    .sort();
  const original = { amount: sum(periods.values()), currency, valueDate: valueDates[0] ?? null };
  return { original, revisions: revisionsOf(revised, periods, original.amount, currency, skipped), skipped };
}

function revisionsOf(
  revised: Usable[],
  periods: Map<string, string>,
  originalTotal: string,
  currency: string,
  skipped: ImportedBudgets['skipped'],
): ImportedRevision[] {
  const groups = new Map<string, Usable[]>();
  for (const r of revised) {
    if (!r.valueDate || !isFullDate(r.valueDate)) {
      skipped.push({
        element: 'budget (revised)',
        reason: `value-date "${r.valueDate ?? ''}" is not a date, so the revision has no effective date`,
      });
      continue;
    }
    groups.set(r.valueDate, [...(groups.get(r.valueDate) ?? []), r]);
  }
  const revisions: ImportedRevision[] = [];
  let total = originalTotal;
  for (const [valueDate, group] of [...groups.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const element = `budget-revised:${valueDate}`;
    if (group.some((g) => g.currency !== currency)) {
      skipped.push({ element, reason: `revised budget not in the project's currency ${currency}` });
      continue;
    }
    for (const g of group) periods.set(g.key, g.amount);
    const next = sum(periods.values());
    if (compareDecimal(next, total) === 0) {
      skipped.push({ element, reason: `the revised budget leaves the total at ${total} ${currency}` });
      continue;
    }
    const reason = BUDGET_REASONS.find((r) => r === group[0].reason) ?? DEFAULT_IMPORT_BUDGET_REASON;
    revisions.push({ amount: next, currency, effectiveDate: valueDate, reason });
    total = next;
  }
  return revisions;
}
