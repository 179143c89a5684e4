import type { Money } from './project.types';
import type { Transaction, TransactionType } from './transaction.types';

export type TransactionRecorded = {
  type: 'TransactionRecorded';
  data: { projectId: string } & Transaction;
};

/**
 * Undoes a recorded transaction from `date` on. Carries the original's type and value so a reader can
 * subtract it without looking the original up.
 */
export type TransactionReversed = {
  type: 'TransactionReversed';
  data: {
    projectId: string;
    /** The reversed transaction's ref. */
    ref: string;
    type: TransactionType;
    value: Money;
    /** The day the reversal takes effect (YYYY-MM-DD). */
    date: string;
    reason: string;
  };
};

export type TransactionEvent = TransactionRecorded | TransactionReversed;
