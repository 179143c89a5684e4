import { sql, type ControlledTransaction, type Kysely } from 'kysely';
import { PROJECT_STREAM_PREFIX } from '@ledger/domain';
import { LeaseLostError, type Position, type RecordedEvent, type WriteFence } from '@ledger/event-store';
import {
  CheckpointMovedError,
  type ApplyOptions,
  type ApplyResult,
  type ParkedEvent,
} from '../read-model.port';
import type { ReadModelDatabase } from '../schema/read-model.tables';
import type { ReadModelDialect } from '../schema/read-model.migrations';
import { BatchWriter } from './batch-writer';
import { BulkBatchWriter } from './bulk-batch-writer';
import { isPoison } from './poison';

type Trx = ControlledTransaction<ReadModelDatabase>;

type Progress = Pick<ApplyResult, 'applied' | 'parked'>;
type BatchWork = (trx: Trx, subscription: string, events: RecordedEvent[]) => Promise<Progress>;

/** The bulk writer could not write the batch because of its data: redo it event by event. */
class BulkWriteRefused extends Error {}

/**
 * Applies a batch and moves the checkpoint in ONE transaction: a crash before COMMIT loses both, so the
 * read model never claims a position whose rows are missing. The batch is first written in bulk (one
 * transaction, a few multi-row statements). Only when the database refuses a row because of an event's
 * data is that transaction rolled back and the batch redone with a savepoint per event, so the poison
 * event is parked (with its position and error) and the rest of the batch still lands.
 */
export async function applyBatch(
  db: Kysely<ReadModelDatabase>,
  dialect: ReadModelDialect,
  subscription: string,
  events: RecordedEvent[],
  options: ApplyOptions = {},
): Promise<ApplyResult> {
  try {
    return await inTransaction(db, dialect, subscription, events, options, (...args) =>
      inBulk(dialect, ...args),
    );
  } catch (error) {
    if (!(error instanceof BulkWriteRefused)) throw error;
    return inTransaction(db, dialect, subscription, events, options, eventByEvent);
  }
}

async function inTransaction(
  db: Kysely<ReadModelDatabase>,
  dialect: ReadModelDialect,
  subscription: string,
  events: RecordedEvent[],
  options: ApplyOptions,
  work: BatchWork,
): Promise<ApplyResult> {
  const trx = await db.startTransaction().execute();
  try {
    // The fence first: a deposed projector is told so, whatever else changed meanwhile.
    if (options.fence && dialect === 'postgres') await checkFence(trx, options.fence);
    const stored = await lockCheckpoint(trx, dialect, subscription);
    if (options.expectedCheckpoint !== undefined && stored !== options.expectedCheckpoint) {
      throw new CheckpointMovedError(options.expectedCheckpoint, stored);
    }
    // At-least-once delivery: anything at or below the checkpoint is already in these rows.
    let checkpoint = stored;
    const fresh: RecordedEvent[] = [];
    for (const event of events) {
      if (event.position <= checkpoint) continue;
      fresh.push(event);
      checkpoint = event.position;
    }
    const { applied, parked } = await work(trx, subscription, fresh);
    await trx
      .updateTable('checkpoints')
      .set({ position: checkpoint })
      .where('name', '=', subscription)
      .execute();
    await options.beforeCommit?.(events);
    await trx.commit().execute();
    return { checkpoint, applied, parked };
  } catch (error) {
    await trx
      .rollback()
      .execute()
      .catch(() => undefined);
    throw error;
  }
}

/** The lease row stays shared-locked until COMMIT: a takeover waits for this batch or finds it refused. */
async function checkFence(trx: Trx, fence: WriteFence): Promise<void> {
  const { rows } = await sql`SELECT 1 FROM ${sql.id(fence.leaseSchema, 'leases')}
    WHERE name = ${fence.name} AND token = ${fence.token} AND expires_at >= clock_timestamp() FOR SHARE`.execute(
    trx,
  );
  if (rows.length === 0) throw new LeaseLostError({ name: fence.name, token: fence.token });
}

/** Other streams (audit checkpoints, …) only move the checkpoint, so lag and minPosition reach the head. */
const isProjectEvent = (event: RecordedEvent) => event.streamId.startsWith(PROJECT_STREAM_PREFIX);

async function inBulk(
  dialect: ReadModelDialect,
  trx: Trx,
  subscription: string,
  events: RecordedEvent[],
): Promise<Progress> {
  const projectEvents = events.filter(isProjectEvent);
  const writer = new BulkBatchWriter(trx, dialect);
  await writer.load(projectEvents);
  const parked: ParkedEvent[] = [];
  for (const event of projectEvents) {
    const error = writer.apply(event);
    if (error !== null) parked.push(await park(trx, subscription, event, error));
  }
  try {
    await writer.flush();
  } catch (error) {
    if (isPoison(error)) throw new BulkWriteRefused(String(error));
    throw error;
  }
  return { applied: projectEvents.length - parked.length, parked };
}

async function eventByEvent(trx: Trx, subscription: string, events: RecordedEvent[]): Promise<Progress> {
  let applied = 0;
  const parked: ParkedEvent[] = [];
  const writer = new BatchWriter(trx);
  for (const event of events.filter(isProjectEvent)) {
    let record = () => undefined as void;
    const error = await underSavepoint(trx, async () => {
      record = await writer.apply(event);
    });
    if (error === null) {
      record();
      applied += 1;
    } else parked.push(await park(trx, subscription, event, error));
  }
  await writer.flushStats();
  return { applied, parked };
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

async function park(
  trx: Trx,
  subscription: string,
  event: RecordedEvent,
  error: string,
): Promise<ParkedEvent> {
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
