import type { Transaction } from './transaction.types';

export type RecordTransaction = {
  type: 'RecordTransaction';
  data: { projectId: string } & Transaction;
  now: string;
};
/** `date` null: the reversal takes effect on the command's day. */
export type ReverseTransaction = {
  type: 'ReverseTransaction';
  data: { projectId: string; ref: string; reason: string; date: string | null };
  now: string;
};

export type TransactionCommand = RecordTransaction | ReverseTransaction;
