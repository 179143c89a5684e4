import { v5 as uuidv5 } from 'uuid';
import type { EventStore, Position, WriteFence } from '@ledger/event-store';
import { CHECKPOINT_EVENT_TYPE, CHECKPOINT_STREAM, CheckpointData, signCheckpoint } from './checkpoint';
import type { SigningKey } from './signing-key';
import { StreamHeads, collectHeads } from './stream-heads';

const CHECKPOINT_NAMESPACE = '8d3c52a4-5f7e-4b8e-a2f1-6c0d9e4b7a13';

export interface WrittenCheckpoint {
  checkpoint: CheckpointData;
  /** Where the checkpoint event itself was stored. */
  eventPosition: Position;
  revision: number;
}

/**
 * Signs the heads at `heads`' position and appends the checkpoint to its stream. The event id derives from
 * (key, position), so two processes checkpointing the same position store it once.
 */
export async function appendCheckpoint(
  store: EventStore,
  key: SigningKey,
  position: Position,
  heads: StreamHeads,
  signedAt: Date,
  /** The checkpointer's lease term: a deposed leader's checkpoint is refused (LeaseLostError). */
  fence?: WriteFence,
): Promise<WrittenCheckpoint> {
  const checkpoint = signCheckpoint(key, {
    position,
    streamCount: heads.size,
    headsDigest: heads.digest(),
    signedAt: signedAt.toISOString(),
  });
  const eventId = uuidv5(`${key.keyId}:${position}`, CHECKPOINT_NAMESPACE);
  const metadata = { actor: 'audit:checkpoint', recordedAt: signedAt.toISOString(), schemaVersion: 1 };
  const result = await store.append(
    CHECKPOINT_STREAM,
    [{ eventId, type: CHECKPOINT_EVENT_TYPE, data: checkpoint, metadata }],
    'any',
    { fence },
  );
  const [stored] = await store.readStream(CHECKPOINT_STREAM, {
    fromRevision: result.nextExpectedRevision,
    maxCount: 1,
  });
  return {
    checkpoint: (stored?.data as CheckpointData) ?? checkpoint,
    eventPosition: result.position,
    revision: result.nextExpectedRevision,
  };
}

/** A checkpoint of the whole log as it is now (reads every event once: meant for on-demand use). */
export async function checkpointNow(
  store: EventStore,
  key: SigningKey,
  now: Date,
): Promise<WrittenCheckpoint> {
  const position = await store.headPosition();
  return appendCheckpoint(store, key, position, await collectHeads(store, position), now);
}

/** The most recent checkpoint stored, if any. */
export async function latestCheckpoint(
  store: EventStore,
): Promise<{ data: CheckpointData; position: Position } | null> {
  const [last] = await store.readStream(CHECKPOINT_STREAM, { direction: 'backwards', maxCount: 1 });
  return last ? { data: last.data as CheckpointData, position: last.position } : null;
}
