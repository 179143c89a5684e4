import { decideAppend } from '../append.rules';
import type { AppendResult } from '../event-store.port';
import type { SqliteQueries } from './sqlite.queries';
import type { AppendRequest } from './sqlite.writer.protocol';

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
