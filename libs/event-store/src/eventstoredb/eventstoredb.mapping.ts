/**
 * Pure conversions between the EventStore port and @eventstore/db-client types. The port speaks plain
 * numbers; the client speaks bigint revisions and {commit, prepare} log positions.
 *
 * Position mapping: the port's Position is the event's *commit* position in the $all log. For every event
 * appended through gRPC (no explicit transactions, which only the legacy TCP API offers) EventStoreDB stores
 * commit === prepare === the event's own log offset, so the number is unique per event, strictly increasing
 * in $all order, and `{commit: n, prepare: n}` rebuilds the exact position to resume from. Limits: log offsets
 * are byte offsets, so the mapping is exact up to Number.MAX_SAFE_INTEGER (8 PiB of log); beyond that it
 * refuses rather than rounding. Positions have gaps (they are byte offsets, not 1, 2, 3).
 */
import { jsonEvent } from '@eventstore/db-client';
import type {
  AppendExpectedRevision,
  CurrentRevision,
  EventData,
  JSONType,
  Position as EsdbPosition,
  RecordedEvent as EsdbRecordedEvent,
} from '@eventstore/db-client';
import type {
  EventMetadata,
  EventToAppend,
  ExpectedRevision,
  Position,
  RecordedEvent,
  Revision,
} from '../event-store.port';
import { START } from '../event-store.port';

/** A bigint the server sent, as a number; refuses values a double cannot hold exactly. */
export function toSafeNumber(value: bigint, what: string): number {
  if (value < 0n || value > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new RangeError(`EventStoreDB ${what} ${value} is outside the safe integer range of the port`);
  }
  return Number(value);
}

export function toEsdbExpectedRevision(expected: ExpectedRevision): AppendExpectedRevision {
  switch (expected) {
    case 'any':
      return 'any';
    case 'no-stream':
      return 'no_stream';
    default:
      return BigInt(expected);
  }
}

export function fromEsdbExpectedRevision(
  expected: AppendExpectedRevision,
): ExpectedRevision | 'stream-exists' {
  switch (expected) {
    case 'any':
      return 'any';
    case 'no_stream':
      return 'no-stream';
    case 'stream_exists':
      return 'stream-exists';
    default:
      return toSafeNumber(expected, 'revision');
  }
}

export function fromEsdbCurrentRevision(current: CurrentRevision): Revision | 'no-stream' {
  return current === 'no_stream' ? 'no-stream' : toSafeNumber(current, 'revision');
}

/** The port number for a log position (see the file comment for why commit alone is enough). */
export function toPortPosition(position: EsdbPosition): Position {
  return toSafeNumber(position.commit, 'commit position');
}

/** Where to resume reading $all: START, or the log position rebuilt from a port number. */
export function toEsdbPosition(position: Position): EsdbPosition | 'start' {
  if (!Number.isSafeInteger(position) || position < START) {
    throw new RangeError(`Position ${position} is not a non-negative safe integer`);
  }
  if (position === START) return 'start';
  const commit = BigInt(position);
  return { commit, prepare: commit };
}

/** A stored event as the port describes it; the position must be known (reads of $all always have one). */
export function toRecordedEvent(event: EsdbRecordedEvent): RecordedEvent {
  if (!event.position) {
    throw new Error(
      `EventStoreDB returned event ${event.id} of ${event.streamId} without a $all position (needs server 22.6 or later)`,
    );
  }
  return {
    eventId: event.id,
    type: event.type,
    data: event.data,
    metadata: toMetadata(event.metadata),
    streamId: event.streamId,
    revision: toSafeNumber(event.revision, 'revision'),
    position: toPortPosition(event.position),
  };
}

/** JSON content type so the server's own projections and UI can read the payload. */
export function toEventData(event: EventToAppend): EventData {
  return jsonEvent({
    id: event.eventId,
    type: event.type,
    data: event.data as JSONType,
    metadata: event.metadata as JSONType,
  });
}

function toMetadata(metadata: unknown): EventMetadata {
  // Events written by other tools may carry no metadata or a non-JSON blob; the port promises an object.
  return metadata !== null &&
    typeof metadata === 'object' &&
    !Array.isArray(metadata) &&
    !(metadata instanceof Uint8Array)
    ? (metadata as EventMetadata)
    : {};
}
