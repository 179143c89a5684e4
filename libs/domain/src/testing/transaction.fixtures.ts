import type { RecordTransaction, ReverseTransaction } from '../transaction.commands';
import type { TransactionRecorded, TransactionReversed } from '../transaction.events';
import type { Transaction, TransactionType } from '../transaction.types';
import { NOW, PROJECT_ID } from './project.fixtures';

export const transaction = (
  ref: string,
  type: TransactionType,
  amount: string,
  date = '2015-03-01',
  overrides: Partial<Transaction> = {},
): Transaction => ({
  ref,
  type,
  date,
  value: { amount, currency: 'USD' },
  valueDate: null,
  provider: null,
  receiver: null,
  description: null,
  ...overrides,
});

export const transactionRecorded = (t: Transaction): TransactionRecorded => ({
  type: 'TransactionRecorded',
  data: { projectId: PROJECT_ID, ...t },
});
export const transactionReversed = (
  t: Transaction,
  date: string,
  reason = 'Booked twice',
): TransactionReversed => ({
  type: 'TransactionReversed',
  data: { projectId: PROJECT_ID, ref: t.ref, type: t.type, value: { ...t.value }, date, reason },
});

export const recordTransaction = (t: Transaction, now = NOW): RecordTransaction => ({
  type: 'RecordTransaction',
  data: { projectId: PROJECT_ID, ...t },
  now,
});
export const reverseTransaction = (
  ref: string,
  date: string | null = null,
  reason = 'Booked twice',
  now = NOW,
): ReverseTransaction => ({
  type: 'ReverseTransaction',
  data: { projectId: PROJECT_ID, ref, reason, date },
  now,
});
