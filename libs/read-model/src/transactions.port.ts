import type { FinanceSummary, Money, TransactionParty, TransactionType } from '@ledger/domain';

/** One recorded transaction as the query API serves it. */
export interface TransactionView {
  ref: string;
  type: TransactionType;
  /** IATI TransactionType code of `type`. */
  typeCode: string;
  date: string;
  value: Money;
  valueDate: string | null;
  provider: TransactionParty | null;
  receiver: TransactionParty | null;
  description: string | null;
  /** Set once the transaction is reversed: it then counts in no figure of the financial summary. */
  reversal: { date: string; reason: string } | null;
  position: number;
  recordedAt: string;
}

/** Where a page of transactions continues: the last row's date and ref. */
export interface TransactionKeyset {
  date: string;
  ref: string;
}

export interface TransactionQuery {
  type?: TransactionType;
  /** Inclusive YYYY-MM-DD bounds on the transaction date. */
  from?: string;
  to?: string;
  /** An organisation identifier or exact name, matched against provider and receiver. */
  organisation?: string;
  limit: number;
  after?: TransactionKeyset;
}

export interface TransactionPage {
  items: TransactionView[];
  next: TransactionKeyset | null;
}

export type { FinanceSummary };

/** How money statistics group transactions: by the project's region, or by the funder who provided it. */
export const MONEY_STATS_DIMENSIONS = ['region', 'funder', 'sector'] as const;
export type MoneyStatsDimension = (typeof MONEY_STATS_DIMENSIONS)[number];

/** Exact totals of standing (not reversed) transactions of one group in one currency. */
export interface MoneyStat {
  key: string;
  currency: string;
  /** Projects with at least one counted transaction in the group and currency. */
  projects: number;
  incomingCommitment: string;
  incomingFunds: string;
  committed: string;
  disbursed: string;
  spent: string;
}
