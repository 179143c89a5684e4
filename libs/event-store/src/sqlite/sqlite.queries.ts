import type Database from 'better-sqlite3';
import type { EventFilter, Position, RecordedEvent, Revision } from '../event-store.port';
import type { StoredEventRef } from '../append.rules';

/**
 * A stored event as its statement returns it in raw mode: the values in COLUMNS order. Event reads are raw,
 * so better-sqlite3 builds no object per row (keyed by column name) only to have toRecorded build another.
 */
type EventRow = [
  position: number,
  streamId: string,
  revision: number,
  eventId: string,
  type: string,
  data: string,
  metadata: string,
];

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
const ROW_PARAMS = '(?, ?, ?, ?, ?, ?, ?)';
/** Rows per multi-row INSERT at most (7 parameters each, far below SQLite's 32,766). */
const MAX_ROWS_PER_INSERT = 256;
// An absent filter list is passed as NULL; prefix match via substr avoids LIKE's wildcard escaping.
const FILTER = `
  (@prefixes IS NULL OR EXISTS (SELECT 1 FROM json_each(@prefixes) p WHERE substr(stream_id, 1, length(p.value)) = p.value))
  AND (@types IS NULL OR type IN (SELECT value FROM json_each(@types)))`;

/**
 * Stream reads are prepared with their LIMIT written in: with `ORDER BY revision LIMIT ?` an empty-stream read
 * measured 15–30 µs against 1–2 µs for the same statement with its limit in the text (better-sqlite3 12.11,
 * 20k rows; the command path reads a stream for every command). The few limits in use (none, 1 for a head,
 * a page) each get their own statement, up to this many; any other limit is bound as before.
 */
const LIMITED_STATEMENTS = 16;
const streamRead = (order: 'ASC' | 'DESC') =>
  `SELECT ${COLUMNS} FROM events WHERE stream_id = ? AND revision BETWEEN ? AND ? ORDER BY revision ${order}`;

/** Prepared statements over one connection; every method is synchronous and touches a bounded row count. */
export class SqliteQueries {
  private readonly head: Database.Statement<[], { head: number }>;
  private readonly streamHead: Database.Statement<[string], { revision: number | null }>;
  private readonly storedIds: Database.Statement<
    [string, string],
    { event_id: string; revision: number; position: number }
  >;
  private readonly insert: Database.Statement<NewEventRow>;
  private readonly streamHeads: Database.Statement<[string], { streamId: string; revision: number | null }>;
  private readonly storedPairs: Database.Statement<
    [string],
    { stream_id: string; event_id: string; revision: number; position: number }
  >;
  /** Multi-row INSERTs by row count; counts are powers of two, so at most log2(MAX_ROWS_PER_INSERT) + 1. */
  private readonly inserts = new Map<number, Database.Statement<unknown[]>>();
  private readonly streamReads = new Map<string, Database.Statement<[string, number, number], EventRow>>();
  private readonly boundForwards: Database.Statement<[string, number, number, number], EventRow>;
  private readonly boundBackwards: Database.Statement<[string, number, number, number], EventRow>;
  private readonly all: Database.Statement<Record<string, unknown>, EventRow>;

  constructor(private readonly db: Database.Database) {
    this.head = db.prepare('SELECT COALESCE(MAX(position), 0) AS head FROM events');
    this.streamHead = db.prepare('SELECT MAX(revision) AS revision FROM events WHERE stream_id = ?');
    this.storedIds = db.prepare(
      'SELECT event_id, revision, position FROM events WHERE stream_id = ? AND event_id IN (SELECT value FROM json_each(?))',
    );
    // A subquery per stream, so each MAX is one index seek whatever the stream's length.
    this.streamHeads = db.prepare(
      'SELECT s.value AS streamId, (SELECT MAX(revision) FROM events WHERE stream_id = s.value) AS revision FROM json_each(?) s',
    );
    // Pairs [streamId, eventId]; each is one seek on the (stream_id, event_id) unique index.
    this.storedPairs = db.prepare(
      `SELECT e.event_id, e.stream_id, e.revision, e.position FROM json_each(?) p
         JOIN events e ON e.stream_id = p.value ->> 0 AND e.event_id = p.value ->> 1`,
    );
    this.insert = db.prepare(
      `INSERT INTO events (${COLUMNS}) VALUES (@position, @streamId, @revision, @eventId, @type, @data, @metadata)`,
    );
    this.boundForwards = db
      .prepare<[string, number, number, number], EventRow>(`${streamRead('ASC')} LIMIT ?`)
      .raw();
    this.boundBackwards = db
      .prepare<[string, number, number, number], EventRow>(`${streamRead('DESC')} LIMIT ?`)
      .raw();
    this.all = db
      .prepare<[Record<string, unknown>], EventRow>(
        `SELECT ${COLUMNS} FROM events WHERE position > @after AND position <= @upTo AND ${FILTER} ORDER BY position LIMIT @limit`,
      )
      .raw();
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

  /** Each stream's last revision; a stream absent from the map has no events. */
  streamRevisions(streamIds: string[]): Map<string, Revision> {
    const revisions = new Map<string, Revision>();
    for (const row of this.streamHeads.all(JSON.stringify(streamIds))) {
      if (row.revision !== null) revisions.set(row.streamId, row.revision);
    }
    return revisions;
  }

  /** Which of the [streamId, eventId] pairs are stored, by stream then event id. */
  storedEventsOf(pairs: [string, string][]): Map<string, Map<string, StoredEventRef>> {
    const stored = new Map<string, Map<string, StoredEventRef>>();
    for (const row of this.storedPairs.all(JSON.stringify(pairs))) {
      let ofStream = stored.get(row.stream_id);
      if (!ofStream) stored.set(row.stream_id, (ofStream = new Map()));
      ofStream.set(row.event_id, { eventId: row.event_id, revision: row.revision, position: row.position });
    }
    return stored;
  }

  insertEvent(row: NewEventRow): void {
    this.insert.run(row);
  }

  /** All rows in as few statements as their count's binary digits (one for 64 rows, two for 65). */
  insertEvents(rows: NewEventRow[]): void {
    let from = 0;
    while (from < rows.length) {
      const count = Math.min(MAX_ROWS_PER_INSERT, 2 ** Math.floor(Math.log2(rows.length - from)));
      const params: unknown[] = [];
      for (let i = from; i < from + count; i++) {
        const r = rows[i];
        params.push(r.position, r.streamId, r.revision, r.eventId, r.type, r.data, r.metadata);
      }
      this.multiInsert(count).run(params);
      from += count;
    }
  }

  private multiInsert(count: number): Database.Statement<unknown[]> {
    let statement = this.inserts.get(count);
    if (!statement) {
      const values = Array.from({ length: count }, () => ROW_PARAMS).join(', ');
      statement = this.db.prepare(`INSERT INTO events (${COLUMNS}) VALUES ${values}`);
      this.inserts.set(count, statement);
    }
    return statement;
  }

  /** Revisions between `low` and `high` inclusive; a limit of -1 means no limit. */
  readStream(
    streamId: string,
    low: number,
    high: number,
    limit: number,
    backwards: boolean,
  ): RecordedEvent[] {
    const order = backwards ? 'DESC' : 'ASC';
    const statement = limitedStatement(this.streamReads, `${order} ${limit}`, limit, (limitSql) =>
      this.db.prepare<[string, number, number], EventRow>(`${streamRead(order)} ${limitSql}`).raw(),
    );
    const rows = statement
      ? statement.all(streamId, low, high)
      : (backwards ? this.boundBackwards : this.boundForwards).all(streamId, low, high, limit);
    return rows.map(toRecorded);
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

/**
 * The statement for `limit` (-1: none) from `cache`, prepared on first use with the limit in its text; null
 * (use the statement with a bound limit) for a limit that is not a safe integer or past the cache's size.
 */
function limitedStatement<S>(
  cache: Map<string, S>,
  key: string,
  limit: number,
  prepare: (limitSql: string) => S,
): S | null {
  const cached = cache.get(key);
  if (cached) return cached;
  if (!Number.isSafeInteger(limit) || cache.size >= LIMITED_STATEMENTS) return null;
  const statement = prepare(limit < 0 ? '' : `LIMIT ${limit}`);
  cache.set(key, statement);
  return statement;
}

function listParam(list: string[] | undefined): string | null {
  return list && list.length > 0 ? JSON.stringify(list) : null;
}

function toRecorded(row: EventRow): RecordedEvent {
  return {
    eventId: row[3],
    type: row[4],
    data: JSON.parse(row[5]),
    metadata: JSON.parse(row[6]),
    streamId: row[1],
    revision: row[2],
    position: row[0],
  };
}
