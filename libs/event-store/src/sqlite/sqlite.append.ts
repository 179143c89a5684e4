import { decideAppend, type StoredEventRef } from '../append.rules';
import type { AppendResult, Revision } from '../event-store.port';
import type { NewEventRow, SqliteQueries } from './sqlite.queries';
import type { AppendRequest } from './sqlite.writer.protocol';

export type Settled = { ok: true; result: AppendResult } | { ok: false; error: unknown };

/** Writes one append inside the open group-commit transaction (under its own savepoint); throws to refuse it. */
export function writeAppend(queries: SqliteQueries, request: AppendRequest): AppendResult {
  const { streamId, eventIds, expected } = request;
  const stored = queries.storedEvents(streamId, eventIds);
  const current = queries.streamRevision(streamId);
  const decision = decideAppend(
    streamId,
    eventIds.map((eventId) => ({ eventId })),
    expected,
    current,
    stored,
  );
  if (decision.kind === 'duplicate') return decision.result;
  let position = queries.headPosition();
  let revision = decision.firstRevision - 1;
  eventIds.forEach((eventId, i) => {
    position += 1;
    revision += 1;
    queries.insertEvent({
      position,
      streamId,
      revision,
      eventId,
      type: request.types[i],
      data: request.data[i],
      metadata: request.metadata[i],
    });
  });
  return { nextExpectedRevision: revision, position };
}

/**
 * Writes a whole group of appends inside the open transaction with a fixed number of statements: one read of
 * every stream's revision, one of the batch's event ids already stored, one of the head, and multi-row
 * INSERTs of every accepted event. Each append is decided in arrival order against what was read plus what
 * the appends before it in the batch wrote, which is exactly what it would have read had each run alone
 * one after another. A refused append only settles as refused; it writes nothing. Throws only if storing
 * accepted rows fails; the caller then rolls the transaction back and retries the appends one by one.
 */
export function writeBatch(queries: SqliteQueries, requests: AppendRequest[]): Settled[] {
  const revisions = queries.streamRevisions([...new Set(requests.map((r) => r.streamId))]);
  const stored = queries.storedEventsOf(
    requests.flatMap((r) => r.eventIds.map((id): [string, string] => [r.streamId, id])),
  );
  let position = queries.headPosition();
  const rows: NewEventRow[] = [];
  const settled = requests.map((request): Settled => {
    const { streamId, eventIds } = request;
    try {
      const known = stored.get(streamId);
      const refs = known ? eventIds.flatMap((id) => known.get(id) ?? []) : [];
      const current: Revision | 'no-stream' = revisions.get(streamId) ?? 'no-stream';
      const decision = decideAppend(
        streamId,
        eventIds.map((eventId) => ({ eventId })),
        request.expected,
        current,
        refs,
      );
      if (decision.kind === 'duplicate') return { ok: true, result: decision.result };
      let revision = decision.firstRevision - 1;
      const written = known ?? new Map<string, StoredEventRef>();
      eventIds.forEach((eventId, i) => {
        position += 1;
        revision += 1;
        rows.push({
          position,
          streamId,
          revision,
          eventId,
          type: request.types[i],
          data: request.data[i],
          metadata: request.metadata[i],
        });
        written.set(eventId, { eventId, revision, position });
      });
      stored.set(streamId, written);
      revisions.set(streamId, revision);
      return { ok: true, result: { nextExpectedRevision: revision, position } };
    } catch (error) {
      return { ok: false, error };
    }
  });
  queries.insertEvents(rows);
  return settled;
}
