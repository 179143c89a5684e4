/**
 * The append semantics every adapter shares, as pure functions over what the adapter read from its storage,
 * so the SQLite and in-memory adapters cannot drift apart.
 */
import {
  AppendResult,
  EventIdConflictError,
  EventToAppend,
  ExpectedRevision,
  InvalidAppendError,
  Revision,
  WrongExpectedRevisionError,
} from './event-store.port';

/** Where an already stored event sits. */
export interface StoredEventRef {
  eventId: string;
  revision: Revision;
  position: number;
}

export type AppendDecision =
  { kind: 'write'; firstRevision: Revision } | { kind: 'duplicate'; result: AppendResult };

/** Rejects malformed input before any storage is touched; returns each event's serialised data and metadata. */
export function validateAppend(
  streamId: string,
  events: EventToAppend[],
  expected: ExpectedRevision,
): { data: string; metadata: string }[] {
  const fail = (reason: string): never => {
    throw new InvalidAppendError(String(streamId), reason);
  };
  if (typeof streamId !== 'string' || streamId.trim() === '') fail('stream id must be a non-empty string');
  if (!isExpectedRevision(expected))
    fail(`expected revision ${String(expected)} is not any, no-stream or a revision`);
  if (!Array.isArray(events) || events.length === 0) fail('a batch needs at least one event');
  const ids = new Set<string>();
  return events.map((event, i) => {
    if (typeof event?.eventId !== 'string' || event.eventId.trim() === '') fail(`event ${i} has no eventId`);
    if (ids.has(event.eventId)) fail(`event id ${event.eventId} appears twice in the batch`);
    ids.add(event.eventId);
    if (typeof event.type !== 'string' || event.type.trim() === '') fail(`event ${i} has no type`);
    if (event.metadata === null || typeof event.metadata !== 'object' || Array.isArray(event.metadata)) {
      fail(`event ${i} metadata must be an object`);
    }
    return {
      data: toJson(event.data, () => fail(`event ${i} data is not JSON`)),
      metadata: toJson(event.metadata, () => fail(`event ${i} metadata is not JSON`)),
    };
  });
}

/**
 * Idempotency first (a retried append must not fail its now-stale revision check), then the revision check.
 * `stored` holds the batch's ids already present in the stream; `current` is the stream's last revision.
 */
export function decideAppend(
  streamId: string,
  events: Pick<EventToAppend, 'eventId'>[],
  expected: ExpectedRevision,
  current: Revision | 'no-stream',
  stored: StoredEventRef[],
): AppendDecision {
  if (stored.length === events.length) {
    const last = stored.reduce((a, b) => (b.revision > a.revision ? b : a));
    return { kind: 'duplicate', result: { nextExpectedRevision: last.revision, position: last.position } };
  }
  if (stored.length > 0) {
    const storedIds = new Set(stored.map((s) => s.eventId));
    // In batch order, so every adapter reports the same list whatever order its storage returned.
    throw new EventIdConflictError(
      streamId,
      events.map((e) => e.eventId).filter((id) => storedIds.has(id)),
    );
  }
  const ok = expected === 'any' || expected === current;
  if (!ok) throw new WrongExpectedRevisionError(streamId, expected, current);
  return { kind: 'write', firstRevision: current === 'no-stream' ? 0 : current + 1 };
}

function isExpectedRevision(expected: unknown): expected is ExpectedRevision {
  return (
    expected === 'any' ||
    expected === 'no-stream' ||
    (Number.isSafeInteger(expected) && (expected as number) >= 0)
  );
}

function toJson(value: unknown, onError: () => never): string {
  let json: string | undefined;
  try {
    json = JSON.stringify(value);
  } catch {
    return onError();
  }
  return json === undefined ? onError() : json;
}
