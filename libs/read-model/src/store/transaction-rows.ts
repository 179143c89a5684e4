import type { Kysely } from 'kysely';
import type { TransactionReversal } from '../projection/project.projection';
import { ProjectionError } from '../projection/projection.error';
import type { ProjectTransactionsTable, ReadModelDatabase } from '../schema/read-model.tables';
import type { BulkTable } from './bulk-insert';

export const TRANSACTIONS: BulkTable<ProjectTransactionsTable> = {
  table: 'projectTransactions',
  columns: [
    'projectId',
    'ref',
    'position',
    'type',
    'date',
    'amount',
    'currency',
    'valueDate',
    'providerName',
    'providerRef',
    'providerActivityId',
    'receiverName',
    'receiverRef',
    'receiverActivityId',
    'description',
    'reversalDate',
    'reversalReason',
    'reversalPosition',
    'recordedAt',
  ],
};

/** Marks a stored transaction reversed; a reversal of a row the read model lacks is poison (parked). */
export async function applyReversal(
  db: Kysely<ReadModelDatabase>,
  reversal: TransactionReversal,
): Promise<void> {
  const { projectId, ref, ...columns } = reversal;
  const result = await db
    .updateTable('projectTransactions')
    .set(columns)
    .where('projectId', '=', projectId)
    .where('ref', '=', ref)
    .where('reversalPosition', 'is', null)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1)
    throw new ProjectionError(
      `Reversal of transaction ${ref} of project ${projectId}, which is not stored unreversed`,
    );
}
