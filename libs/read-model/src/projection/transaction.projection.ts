import type { ProjectEvent } from '@ledger/domain';
import type { ProjectTransactionsTable } from '../schema/read-model.tables';
import { ProjectionError } from './projection.error';

/** The reversal of an earlier transaction: its row gets these reversal columns. */
export type TransactionReversal = Pick<
  ProjectTransactionsTable,
  'projectId' | 'ref' | 'reversalDate' | 'reversalReason' | 'reversalPosition'
>;

/** The row of a recorded transaction (its reversal columns empty until a reversal names it). */
export function transactionRow(
  d: Extract<ProjectEvent, { type: 'TransactionRecorded' }>['data'],
  position: number,
  at: string,
): ProjectTransactionsTable {
  if (typeof d.ref !== 'string' || !d.value || typeof d.date !== 'string') {
    throw new ProjectionError('TransactionRecorded lacks ref, date or value');
  }
  return {
    projectId: d.projectId,
    ref: d.ref,
    position,
    type: d.type,
    date: d.date,
    amount: d.value.amount,
    currency: d.value.currency,
    valueDate: d.valueDate ?? null,
    providerName: d.provider?.name ?? null,
    providerRef: d.provider?.ref ?? null,
    providerActivityId: d.provider?.activityId ?? null,
    receiverName: d.receiver?.name ?? null,
    receiverRef: d.receiver?.ref ?? null,
    receiverActivityId: d.receiver?.activityId ?? null,
    description: d.description ?? null,
    reversalDate: null,
    reversalReason: null,
    reversalPosition: null,
    recordedAt: at,
  };
}
