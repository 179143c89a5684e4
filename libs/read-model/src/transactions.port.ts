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
