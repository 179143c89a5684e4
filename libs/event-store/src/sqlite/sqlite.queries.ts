import type Database from 'better-sqlite3';
import type { EventFilter, Position, RecordedEvent, Revision } from '../event-store.port';
import type { StoredEventRef } from '../append.rules';

interface EventRow {
  position: number;
  stream_id: string;
  revision: number;
  event_id: string;
  type: string;
  data: string;
  metadata: string;
}

export interface NewEventRow {
  position: Position;
  streamId: string;
  revision: Revision;
  eventId: string;
  type: string;
  data: string;
  metadata: string;
}

const COLUMNS = 'position, stream_id, revision, event_id, type, data, metadata';
// An absent filter list is passed as NULL; prefix match via substr avoids LIKE's wildcard escaping.
const FILTER = `
  (@prefixes IS NULL OR EXISTS (SELECT 1 FROM json_each(@prefixes) p WHERE substr(stream_id, 1, length(p.value)) = p.value))
  AND (@types IS NULL OR type IN (SELECT value FROM json_each(@types)))`;

/** Prepared statements over one connection; every method is synchronous and touches a bounded row count. */
export class SqliteQueries {
  private readonly head: Database.Statement<[], { head: number }>;
  private readonly streamHead: Database.Statement<[string], { revision: number | null }>;
  private readonly storedIds: Database.Statement<
    [string, string],
    { event_id: string; revision: number; position: number }
  >;
  private readonly insert: Database.Statement<NewEventRow>;
  private readonly forwards: Database.Statement<[string, number, number, number], EventRow>;
  private readonly backwards: Database.Statement<[string, number, number, number], EventRow>;
  private readonly all: Database.Statement<Record<string, unknown>, EventRow>;

  constructor(db: Database.Database) {
    this.head = db.prepare('SELECT COALESCE(MAX(position), 0) AS head FROM events');
    this.streamHead = db.prepare('SELECT MAX(revision) AS revision FROM events WHERE stream_id = ?');
    this.storedIds = db.prepare(
      'SELECT event_id, revision, position FROM events WHERE stream_id = ? AND event_id IN (SELECT value FROM json_each(?))',
    );
    this.insert = db.prepare(
      `INSERT INTO events (${COLUMNS}) VALUES (@position, @streamId, @revision, @eventId, @type, @data, @metadata)`,
    );
    this.forwards = db.prepare(
      `SELECT ${COLUMNS} FROM events WHERE stream_id = ? AND revision BETWEEN ? AND ? ORDER BY revision ASC LIMIT ?`,
    );
    this.backwards = db.prepare(
      `SELECT ${COLUMNS} FROM events WHERE stream_id = ? AND revision BETWEEN ? AND ? ORDER BY revision DESC LIMIT ?`,
    );
    this.all = db.prepare(
      `SELECT ${COLUMNS} FROM events WHERE position > @after AND position <= @upTo AND ${FILTER} ORDER BY position LIMIT @limit`,
    );
  }

  headPosition(): Position {
    return this.head.get()!.head;
  }

  streamRevision(streamId: string): Revision | 'no-stream' {
    return this.streamHead.get(streamId)?.revision ?? 'no-stream';
  }

  storedEvents(streamId: string, eventIds: string[]): StoredEventRef[] {
    return this.storedIds
      .all(streamId, JSON.stringify(eventIds))
      .map((r) => ({ eventId: r.event_id, revision: r.revision, position: r.position }));
  }

  insertEvent(row: NewEventRow): void {
    this.insert.run(row);
  }

  /** Revisions between `low` and `high` inclusive; a limit of -1 means no limit. */
  readStream(
    streamId: string,
    low: number,
    high: number,
    limit: number,
    backwards: boolean,
  ): RecordedEvent[] {
    return (backwards ? this.backwards : this.forwards).all(streamId, low, high, limit).map(toRecorded);
  }

  readAll(after: Position, upTo: Position, filter: EventFilter | undefined, limit: number): RecordedEvent[] {
    return this.all
      .all({
        after,
        upTo,
        limit,
        prefixes: listParam(filter?.streamPrefixes),
        types: listParam(filter?.eventTypes),
      })
      .map(toRecorded);
  }
}

function listParam(list: string[] | undefined): string | null {
  return list && list.length > 0 ? JSON.stringify(list) : null;
}

function toRecorded(row: EventRow): RecordedEvent {
  return {
    eventId: row.event_id,
    type: row.type,
    data: JSON.parse(row.data),
    metadata: JSON.parse(row.metadata),
    streamId: row.stream_id,
    revision: row.revision,
    position: row.position,
  };
}
