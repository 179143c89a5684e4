import type { Pool, PoolClient } from 'pg';
import type { StoredEventRef } from '../append.rules';
import type { EventFilter, Position, RecordedEvent, Revision } from '../event-store.port';
import { schemaIdent } from './postgres.schema';

interface EventRow {
  position: string;
  stream_id: string;
  revision: string;
  event_id: string;
  type: string;
  data: unknown;
  metadata: Record<string, unknown>;
}

/** Rows of one commit, column by column (inserted with unnest: one statement whatever the batch size). */
export interface NewRows {
  positions: Position[];
  streamIds: string[];
  revisions: Revision[];
  eventIds: string[];
  types: string[];
  data: string[];
  metadata: string[];
}

const COLUMNS = 'position, stream_id, revision, event_id, type, data, metadata';
// NULL lists mean "no restriction"; the prefix test compares text, so `%` and `_` are literal.
const FILTER = `($2::text[] IS NULL OR EXISTS (SELECT 1 FROM unnest($2::text[]) p WHERE left(stream_id, length(p)) = p))
  AND ($3::text[] IS NULL OR type = ANY($3::text[]))`;

/** The SQL of the PostgreSQL adapter, over one schema. */
export class PostgresQueries {
  private readonly s: string;

  constructor(schema: string) {
    this.s = schemaIdent(schema);
  }

  /** Takes the log's single write lock for the rest of the transaction; returns the last position. */
  async lockHead(client: PoolClient): Promise<Position> {
    const { rows } = await client.query<{ position: string }>(
      `SELECT position FROM ${this.s}.log_head WHERE id = 1 FOR UPDATE`,
    );
    return Number(rows[0].position);
  }

  /** Last revision of each stream (absent: no stream), and which of the given ids each stream holds. */
  async streamState(
    client: PoolClient,
    streamIds: string[],
    idStreams: string[],
    ids: string[],
  ): Promise<{ heads: Map<string, Revision>; stored: Map<string, StoredEventRef[]> }> {
    const heads = await client.query<{ stream_id: string; revision: string }>(
      `SELECT stream_id, MAX(revision) AS revision FROM ${this.s}.events
       WHERE stream_id = ANY($1::text[]) GROUP BY stream_id`,
      [streamIds],
    );
    const found = await client.query<{
      stream_id: string;
      event_id: string;
      revision: string;
      position: string;
    }>(
      `SELECT e.stream_id, e.event_id, e.revision, e.position FROM ${this.s}.events e
       JOIN unnest($1::text[], $2::text[]) AS w(stream_id, event_id)
         ON e.stream_id = w.stream_id AND e.event_id = w.event_id`,
      [idStreams, ids],
    );
    const stored = new Map<string, StoredEventRef[]>();
    for (const r of found.rows) {
      const list = stored.get(r.stream_id) ?? [];
      list.push({ eventId: r.event_id, revision: Number(r.revision), position: Number(r.position) });
      stored.set(r.stream_id, list);
    }
    return { heads: new Map(heads.rows.map((r) => [r.stream_id, Number(r.revision)])), stored };
  }

  /** Inserts a commit's rows, moves the head and queues the NOTIFY (sent by PostgreSQL at COMMIT). */
  async insertAndAdvance(client: PoolClient, rows: NewRows, head: Position, channel: string): Promise<void> {
    await client.query(
      `WITH inserted AS (
         INSERT INTO ${this.s}.events (${COLUMNS})
         SELECT * FROM unnest($1::bigint[], $2::text[], $3::bigint[], $4::text[], $5::text[], $6::json[], $7::json[])
       ), moved AS (
         UPDATE ${this.s}.log_head SET position = $8 WHERE id = 1
       )
       SELECT pg_notify($9, $8::text)`,
      [
        rows.positions,
        rows.streamIds,
        rows.revisions,
        rows.eventIds,
        rows.types,
        rows.data,
        rows.metadata,
        head,
        channel,
      ],
    );
  }

  async headPosition(pool: Pool): Promise<Position> {
    const { rows } = await pool.query<{ position: string }>(
      `SELECT position FROM ${this.s}.log_head WHERE id = 1`,
    );
    return Number(rows[0].position);
  }

  /** Revisions between `low` and `high` inclusive; `limit` null means no limit. */
  async readStream(
    pool: Pool,
    streamId: string,
    low: number,
    high: number,
    limit: number | null,
    backwards: boolean,
  ): Promise<RecordedEvent[]> {
    const { rows } = await pool.query<EventRow>(
      `SELECT ${COLUMNS} FROM ${this.s}.events WHERE stream_id = $1 AND revision BETWEEN $2 AND $3
       ORDER BY revision ${backwards ? 'DESC' : 'ASC'} LIMIT $4`,
      [streamId, low, high, limit],
    );
    return rows.map(toRecorded);
  }

  async readAll(
    pool: Pool,
    after: Position,
    filter: EventFilter | undefined,
    limit: number,
  ): Promise<RecordedEvent[]> {
    const { rows } = await pool.query<EventRow>(
      `SELECT ${COLUMNS} FROM ${this.s}.events WHERE position > $1 AND ${FILTER} ORDER BY position LIMIT $4`,
      [after, listParam(filter?.streamPrefixes), listParam(filter?.eventTypes), limit],
    );
    return rows.map(toRecorded);
  }

  /**
   * One subscription page and the head, read in ONE statement (one snapshot): every position up to that
   * head is committed, so the cursor may move to it even when the filter skipped every row.
   */
  async page(
    pool: Pool,
    after: Position,
    filter: EventFilter | undefined,
    limit: number,
  ): Promise<{ events: RecordedEvent[]; head: Position }> {
    const { rows } = await pool.query<EventRow & { head: string }>(
      `WITH h AS (SELECT position AS head FROM ${this.s}.log_head WHERE id = 1)
       SELECT h.head, e.* FROM h LEFT JOIN LATERAL (
         SELECT ${COLUMNS} FROM ${this.s}.events
         WHERE position > $1 AND position <= h.head AND ${FILTER} ORDER BY position LIMIT $4
       ) e ON true`,
      [after, listParam(filter?.streamPrefixes), listParam(filter?.eventTypes), limit],
    );
    const head = rows.length > 0 ? Number(rows[0].head) : after;
    return { events: rows.filter((r) => r.position !== null).map(toRecorded), head };
  }
}

function listParam(list: string[] | undefined): string[] | null {
  return list && list.length > 0 ? list : null;
}

function toRecorded(row: EventRow): RecordedEvent {
  return {
    eventId: row.event_id,
    type: row.type,
    data: row.data,
    metadata: row.metadata,
    streamId: row.stream_id,
    revision: Number(row.revision),
    position: Number(row.position),
  };
}
