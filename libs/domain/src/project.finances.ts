import Decimal from 'decimal.js';
import { SPENT_SHARE_DECIMALS, SUMMARY_TYPES } from './finance.policy';
import { formatAmount } from './money';
import type { Money } from './project.types';
import type { Transaction, TransactionType } from './transaction.types';

/** The money of one project in one currency; every amount is a decimal string with the currency's digits. */
export interface FinanceSummary {
  currency: string;
  /** Current budget when the budget is in this currency, else null (no exchange rate is invented). */
  budget: string | null;
  incomingCommitment: string;
  incomingFunds: string;
  committed: string;
  disbursed: string;
  /** Disbursements and expenditure: money that left the project. */
  spent: string;
  /** budget - spent, or null without a budget in this currency. */
  remaining: string | null;
  /** spent ÷ budget (4 decimals, half-even), or null without a budget in this currency. */
  spentShare: string | null;
  /** Latest date of a transaction in this currency that stands (not reversed), or null. */
  lastTransactionDate: string | null;
}

/** Only `reversal` matters here: a transaction counts until a reversal that has taken effect undoes it. */
type Counted = Pick<Transaction, 'type' | 'date' | 'value'> & { reversal: unknown };

const Dec = Decimal.clone({
  precision: 60,
  rounding: Decimal.ROUND_HALF_EVEN,
  toExpNeg: -100,
  toExpPos: 100,
});
const FIGURES = Object.keys(SUMMARY_TYPES) as (keyof typeof SUMMARY_TYPES)[];

/**
 * The financial summary of a project, one row per currency (the budget's first, then alphabetical).
 * Reversed transactions count for nothing: the reversal subtracts exactly what the original added.
 */
export function summariseFinances(budget: Money, transactions: readonly Counted[]): FinanceSummary[] {
  const standing = transactions.filter((t) => t.reversal === null || t.reversal === undefined);
  const currencies = [...new Set(standing.map((t) => t.value.currency))]
    .filter((c) => c !== budget.currency)
    .sort();
  return [budget.currency, ...currencies].map((currency) => {
    const inCurrency = standing.filter((t) => t.value.currency === currency);
    const sum = (types: readonly TransactionType[]) =>
      inCurrency
        .filter((t) => types.includes(t.type))
        .reduce((acc, t) => acc.plus(t.value.amount), new Dec(0));
    const totals = Object.fromEntries(FIGURES.map((f) => [f, sum(SUMMARY_TYPES[f])])) as Record<
      (typeof FIGURES)[number],
      Decimal
    >;
    const fmt = (d: Decimal) => formatAmount(d.toFixed(), currency);
    const hasBudget = currency === budget.currency;
    const spent = totals.spent;
    const dates = inCurrency.map((t) => t.date).sort();
    return {
      currency,
      budget: hasBudget ? fmt(new Dec(budget.amount)) : null,
      incomingCommitment: fmt(totals.incomingCommitment),
      incomingFunds: fmt(totals.incomingFunds),
      committed: fmt(totals.committed),
      disbursed: fmt(totals.disbursed),
      spent: fmt(spent),
      remaining: hasBudget ? fmt(new Dec(budget.amount).minus(spent)) : null,
      spentShare: hasBudget ? spent.div(budget.amount).toFixed(SPENT_SHARE_DECIMALS) : null,
      lastTransactionDate: dates.length > 0 ? dates[dates.length - 1] : null,
    };
  });
}
