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
  const rows = rowsOf(request, decision.firstRevision, queries.headPosition() + 1);
  for (const row of rows) queries.insertEvent(row);
  return resultOf(rows);
}

/** The rows of an accepted append, numbered from its first revision and position. */
function rowsOf(request: AppendRequest, firstRevision: Revision, firstPosition: number): NewEventRow[] {
  return request.eventIds.map((eventId, i) => ({
    position: firstPosition + i,
    streamId: request.streamId,
    revision: firstRevision + i,
    eventId,
    type: request.types[i],
    data: request.data[i],
    metadata: request.metadata[i],
  }));
}

const resultOf = (rows: NewEventRow[]): AppendResult => {
  const last = rows[rows.length - 1];
  return { nextExpectedRevision: last.revision, position: last.position };
};

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
      const accepted = rowsOf(request, decision.firstRevision, position + 1);
      const written = known ?? new Map<string, StoredEventRef>();
      for (const { eventId, revision, position: at } of accepted)
        written.set(eventId, { eventId, revision, position: at });
      stored.set(streamId, written);
      rows.push(...accepted);
      const result = resultOf(accepted);
      position = result.position;
      revisions.set(streamId, result.nextExpectedRevision);
      return { ok: true, result };
    } catch (error) {
      return { ok: false, error };
    }
  });
  queries.insertEvents(rows);
  return settled;
}
