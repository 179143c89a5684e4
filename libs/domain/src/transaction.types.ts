import type { Money } from './project.types';

/**
 * IATI TransactionType codes 1-13 under the kebab-case names of their English codelist names, in code
 * order: index + 1 is the IATI code. A spec keeps this list equal to the vendored codelist.
 */
export const TRANSACTION_TYPES = [
  'incoming-funds',
  'outgoing-commitment',
  'disbursement',
  'expenditure',
  'interest-payment',
  'loan-repayment',
  'reimbursement',
  'purchase-of-equity',
  'sale-of-equity',
  'credit-guarantee',
  'incoming-commitment',
  'outgoing-pledge',
  'incoming-pledge',
] as const;
export type TransactionType = (typeof TRANSACTION_TYPES)[number];

export const transactionTypeCode = (type: TransactionType): string =>
  String(TRANSACTION_TYPES.indexOf(type) + 1);

/** The type named by its kebab name or its IATI code ("3" or 3); null when it names none. */
export function transactionTypeOf(value: unknown): TransactionType | null {
  if (typeof value === 'number' || (typeof value === 'string' && /^\d{1,2}$/.test(value))) {
    const code = Number(value);
    return Number.isInteger(code) ? (TRANSACTION_TYPES[code - 1] ?? null) : null;
  }
  return typeof value === 'string' && (TRANSACTION_TYPES as readonly string[]).includes(value)
    ? (value as TransactionType)
    : null;
}

/** The other side of a transaction (IATI provider-org / receiver-org). */
export interface TransactionParty {
  name: string;
  /** IATI organisation identifier. */
  ref: string | null;
  /** That organisation's own id of the activity the money comes from / goes to. */
  activityId: string | null;
}

/** A financial transaction as recorded: never edited, only reversed. */
export interface Transaction {
  /** Unique within the project; how the transaction is named in URLs and reversals. */
  ref: string;
  type: TransactionType;
  /** The day the transaction took place (YYYY-MM-DD); the date it takes effect on. */
  date: string;
  /** Exact amount, > 0, in the currency as given (never converted). */
  value: Money;
  /** Date of the exchange rate a reader should use to convert the value, when the publisher gives one. */
  valueDate: string | null;
  provider: TransactionParty | null;
  receiver: TransactionParty | null;
  description: string | null;
}

/** A transaction in the project's state, with its reversal once there is one. */
export interface LedgerTransaction extends Transaction {
  reversal: { date: string; reason: string } | null;
}
