import type { EventStore, Position } from '@ledger/event-store';
import { PROJECTS_SUBSCRIPTION, type ReadModel } from '../read-model.port';

/**
 * Events per transaction when replaying into a private copy: nobody waits for its commits, so bigger
 * batches only save per-batch work (checkpoint, statistics buckets, statement count).
 */
export const REPLAY_BATCH_SIZE = 5000;

export interface ProjectLogOptions {
  /** Stop after this position (inclusive); default: the head when projection started. */
  toPosition?: Position;
  /** Events read and applied per transaction (default REPLAY_BATCH_SIZE). */
  batchSize?: number;
  onProgress?: (progress: { position: Position; head: Position; events: number }) => void;
}

/** Replays the log from the target's checkpoint into `target`, batch by batch, up to `toPosition`. */
export async function projectLog(
  store: EventStore,
  target: ReadModel,
  options: ProjectLogOptions = {},
): Promise<Position> {
  const head = options.toPosition ?? (await store.headPosition());
  const batchSize = options.batchSize ?? REPLAY_BATCH_SIZE;
  let position = await target.checkpoint(PROJECTS_SUBSCRIPTION);
  let events = 0;
  while (position < head) {
    const page = await store.readAll({ fromPosition: position, limit: batchSize });
    const wanted = page.filter((event) => event.position <= head);
    if (wanted.length === 0) break;
    const result = await target.applyBatch(PROJECTS_SUBSCRIPTION, wanted);
    position = result.checkpoint;
    events += wanted.length;
    options.onProgress?.({ position, head, events });
    if (wanted.length < page.length) break;
  }
  return position;
}
