import type { TransactionType } from './transaction.types';

/**
 * Months after a project ended during which transactions may still be recorded against it (policy): final
 * expenditure reports and late invoices arrive after the end, but a closed record must eventually stay closed.
 * A completed project ended on its actual end date; a cancelled one carries no end date of its own, so its
 * window counts from its planned end.
 */
export const CLOSING_WINDOW_MONTHS = 12;

/**
 * Which transaction types make up each figure of the financial summary (policy, following how IATI's own
 * tools read "spend": disbursements plus expenditure). Reimbursement (7) is a kind of disbursement in the
 * IATI codelist. Types not listed (interest, loans, equity, guarantees, pledges) are listed as transactions
 * but counted in no figure.
 */
export const SUMMARY_TYPES = {
  incomingCommitment: ['incoming-commitment'],
  incomingFunds: ['incoming-funds'],
  committed: ['outgoing-commitment'],
  disbursed: ['disbursement', 'reimbursement'],
  spent: ['disbursement', 'reimbursement', 'expenditure'],
} as const satisfies Record<string, readonly TransactionType[]>;

/** Decimal places of spentShare (spent ÷ budget), rounded half-even. */
export const SPENT_SHARE_DECIMALS = 4;
