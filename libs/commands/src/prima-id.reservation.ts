import { v5 as uuidv5 } from 'uuid';
import { WrongExpectedRevisionError, type EventMetadata, type EventStore } from '@ledger/event-store';

/** Reservation streams: `prima-<Prima ID>`. Not project streams: projector and relay skip them. */
export const PRIMA_STREAM_PREFIX = 'prima-';
export const PRIMA_RESERVED = 'PrimaIdReserved';
export const PRIMA_RELEASED = 'PrimaIdReleased';

const NAMESPACE = '3f6f0d3e-8a7b-4a51-9c55-2d7e1b0c9a44';
const ATTEMPTS = 5;

export type Reservation =
  { kind: 'held'; fresh: boolean; revision: number } | { kind: 'taken'; holder: string };

/**
 * Prima ID uniqueness in the write path, on every store: the Prima ID's own stream holds who reserved it.
 * A reservation is an append with the expected revision read (no-stream for a new Prima ID), so of two
 * creates racing for one Prima ID, on any replica, exactly one wins; the other sees the winner's project.
 * The event id derives from the command id, so a retried command finds its own reservation.
 */
export async function reservePrimaId(
  store: EventStore,
  primaId: string,
  projectId: string,
  commandId: string,
  metadata: EventMetadata,
): Promise<Reservation> {
  const streamId = PRIMA_STREAM_PREFIX + primaId;
  for (let attempt = 1; ; attempt++) {
    const [last] = await store.readStream(streamId, { direction: 'backwards', maxCount: 1 });
    const holder = last?.type === PRIMA_RESERVED ? (last.data as { projectId: string }).projectId : null;
    if (holder !== null && holder !== projectId) return { kind: 'taken', holder };
    if (holder === projectId) return { kind: 'held', fresh: false, revision: last!.revision };
    try {
      const { nextExpectedRevision } = await store.append(
        streamId,
        [
          {
            eventId: uuidv5(`${commandId}:reserve:${last?.revision ?? -1}`, NAMESPACE),
            type: PRIMA_RESERVED,
            data: { primaId, projectId },
            metadata,
          },
        ],
        last ? last.revision : 'no-stream',
      );
      return { kind: 'held', fresh: true, revision: nextExpectedRevision };
    } catch (error) {
      if (!(error instanceof WrongExpectedRevisionError) || attempt >= ATTEMPTS) throw error;
    }
  }
}

/** Frees a reservation this command made for a project it then did not create (refused, invalid, …). */
export async function releasePrimaId(
  store: EventStore,
  primaId: string,
  commandId: string,
  revision: number,
  metadata: EventMetadata,
): Promise<void> {
  await store
    .append(
      PRIMA_STREAM_PREFIX + primaId,
      [
        {
          eventId: uuidv5(`${commandId}:release:${revision}`, NAMESPACE),
          type: PRIMA_RELEASED,
          data: { primaId },
          metadata,
        },
      ],
      revision,
    )
    // Someone else moved the stream on: the reservation is no longer ours to free.
    .catch((error: unknown) => {
      if (!(error instanceof WrongExpectedRevisionError)) throw error;
    });
}
