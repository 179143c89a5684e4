import type { ControlledTransaction, Kysely } from 'kysely';
import { PROJECT_STREAM_PREFIX } from '@ledger/domain';
import type { Position, RecordedEvent } from '@ledger/event-store';
import { CheckpointMovedError, type ApplyOptions, type ApplyResult, type ParkedEvent } from '../read-model.port';
import type { ReadModelDatabase } from '../schema/read-model.tables';
import type { ReadModelDialect } from '../schema/read-model.migrations';
import { BatchWriter } from './batch-writer';
import { isPoison } from './poison';

type Trx = ControlledTransaction<ReadModelDatabase>;

/**
 * Applies a batch and moves the checkpoint in ONE transaction: a crash before COMMIT loses both, so the
 * read model never claims a position whose rows are missing. Each event runs under a savepoint so a
 * poison event is parked (with its position and error) and the rest of the batch still lands.
 */
export async function applyBatch(
  db: Kysely<ReadModelDatabase>,
  dialect: ReadModelDialect,
  subscription: string,
  events: RecordedEvent[],
  options: ApplyOptions = {},
): Promise<ApplyResult> {
  const trx = await db.startTransaction().execute();
  try {
    const stored = await lockCheckpoint(trx, dialect, subscription);
    if (options.expectedCheckpoint !== undefined && stored !== options.expectedCheckpoint) {
      throw new CheckpointMovedError(options.expectedCheckpoint, stored);
    }
    let checkpoint = stored;
    let applied = 0;
    const parked: ParkedEvent[] = [];
    const writer = new BatchWriter(trx);
    for (const event of events) {
      // At-least-once delivery: anything at or below the checkpoint is already in these rows.
      if (event.position <= checkpoint) continue;
      // Other streams (audit checkpoints, …) only move the checkpoint, so lag and minPosition reach the head.
      if (!event.streamId.startsWith(PROJECT_STREAM_PREFIX)) {
        checkpoint = event.position;
        continue;
      }
      let record = () => undefined as void;
      const error = await underSavepoint(trx, async () => {
        record = await writer.apply(event);
      });
      if (error === null) {
        record();
        applied += 1;
      } else parked.push(await park(trx, subscription, event, error));
      checkpoint = event.position;
    }
    await writer.flushStats();
    await trx.updateTable('checkpoints').set({ position: checkpoint }).where('name', '=', subscription).execute();
    await options.beforeCommit?.(events);
    await trx.commit().execute();
    return { checkpoint, applied, parked };
  } catch (error) {
    await trx.rollback().execute().catch(() => undefined);
    throw error;
  }
}

async function lockCheckpoint(trx: Trx, dialect: ReadModelDialect, subscription: string): Promise<Position> {
  await trx
    .insertInto('checkpoints')
    .values({ name: subscription, position: 0 })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const query = trx.selectFrom('checkpoints').select('position').where('name', '=', subscription);
  // PostgreSQL: a second projector (or a rebuild swap) waits here instead of interleaving batches.
  const row = await (dialect === 'postgres' ? query.forUpdate() : query).executeTakeFirstOrThrow();
  return Number(row.position);
}

/**
 * Runs `work` under a savepoint; returns null on success, or the error message of a poison event after
 * rolling back to the savepoint. Other errors are rethrown and fail the batch.
 */
export async function underSavepoint(trx: Trx, work: () => Promise<void>): Promise<string | null> {
  const saved = await trx.savepoint('event').execute();
  try {
    await work();
    await saved.releaseSavepoint('event').execute();
    return null;
  } catch (error) {
    await saved.rollbackToSavepoint('event').execute();
    await saved.releaseSavepoint('event').execute();
    if (!isPoison(error)) throw error;
    return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  }
}

async function park(trx: Trx, subscription: string, event: RecordedEvent, error: string): Promise<ParkedEvent> {
  const row: ParkedEvent = {
    position: event.position,
    subscription,
    eventId: event.eventId,
    streamId: event.streamId,
    revision: event.revision,
    type: event.type,
    error,
    attempts: 1,
    parkedAt: new Date().toISOString(),
  };
  await trx
    .insertInto('parkedEvents')
    .values({ ...row, eventJson: JSON.stringify(event) })
    .onConflict((oc) => oc.column('position').doNothing())
    .execute();
  return row;
}
