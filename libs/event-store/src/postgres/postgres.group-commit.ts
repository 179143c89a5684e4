import type { Pool, PoolClient } from 'pg';
import { decideAppend, StoredEventRef } from '../append.rules';
import type {
  AppendResult,
  EventToAppend,
  ExpectedRevision,
  Revision,
  WriteFence,
} from '../event-store.port';
import { checkFence } from './postgres.fence';
import type { GroupCommitStats } from '../sqlite/sqlite.group-commit';
import { NewRows, PostgresQueries } from './postgres.queries';

/** One queued append, already validated and serialised. */
export interface PendingAppend {
  streamId: string;
  events: EventToAppend[];
  expected: ExpectedRevision;
  serialised: { data: string; metadata: string }[];
  /** Written only while this lease term is current (checked under the same transaction). */
  fence?: WriteFence;
  resolve(result: AppendResult): void;
  reject(error: unknown): void;
}

export interface PostgresGroupCommitOptions {
  pool: Pool;
  queries: PostgresQueries;
  channel: string;
  maxAppendsPerCommit: number;
  afterCommit(): void;
  /** Test failpoint: runs after the rows are written and before COMMIT (holds the commit open). */
  beforeCommit?: () => Promise<void>;
}

/**
 * Group commit on PostgreSQL: the appends queued while the previous commit was in flight are written in
 * ONE transaction (one WAL flush). The transaction first locks the log's head row, so no other process
 * writes until it commits; under that lock the checks of every append (idempotency, expected revision) are
 * decided in memory, in arrival order, each against what the earlier ones of the same commit wrote. A
 * rejected append is simply left out of the rows, so it fails alone and leaves no hole in the positions.
 */
export class PostgresGroupCommitter {
  private queue: PendingAppend[] = [];
  private running: Promise<void> | null = null;
  private readonly counters: GroupCommitStats = { commits: 0, appends: 0 };

  constructor(private readonly options: PostgresGroupCommitOptions) {}

  enqueue(write: PendingAppend): void {
    this.queue.push(write);
    if (!this.running) this.running = this.drain();
  }

  stats(): GroupCommitStats {
    return { ...this.counters };
  }

  /** Resolves once everything queued so far is committed or rejected. */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private async drain(): Promise<void> {
    // setImmediate: appends issued by other callbacks of the same I/O phase join the first commit too.
    await new Promise<void>((resolve) => setImmediate(resolve));
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, this.options.maxAppendsPerCommit);
      await this.commit(batch);
    }
    this.running = null;
  }

  private async commit(batch: PendingAppend[]): Promise<void> {
    const { pool, queries } = this.options;
    let client: PoolClient | undefined;
    let outcomes: Outcome[];
    try {
      client = await pool.connect();
      await client.query('BEGIN');
      const head = await queries.lockHead(client);
      outcomes = await this.decide(client, batch, head);
      const rows = toRows(batch, outcomes);
      if (rows.positions.length > 0) {
        const last = rows.positions[rows.positions.length - 1];
        await queries.insertAndAdvance(client, rows, last, this.options.channel);
      }
      await this.options.beforeCommit?.();
      await client.query('COMMIT');
    } catch (error) {
      // Whether a failed COMMIT was applied is unknown here: the callers retry with the same event ids,
      // which the idempotency check turns into the original result if it was.
      await client?.query('ROLLBACK').catch(() => undefined);
      client?.release(error instanceof Error ? error : true);
      batch.forEach((write) => write.reject(error));
      return;
    }
    client.release();
    this.counters.commits += 1;
    this.counters.appends += batch.length;
    batch.forEach((write, i) => {
      const outcome = outcomes[i];
      if (outcome.ok) write.resolve(outcome.result);
      else write.reject(outcome.error);
    });
    this.options.afterCommit();
  }

  /** Decides every append of the batch in order, under the head lock, against one read of the streams. */
  private async decide(client: PoolClient, batch: PendingAppend[], head: number): Promise<Outcome[]> {
    const streams = [...new Set(batch.map((w) => w.streamId))];
    const idStreams = batch.flatMap((w) => w.events.map(() => w.streamId));
    const ids = batch.flatMap((w) => w.events.map((e) => e.eventId));
    const state = await this.options.queries.streamState(client, streams, idStreams, ids);
    const fenceErrors = await this.checkFences(client, batch);
    const heads = new Map<string, Revision | 'no-stream'>(state.heads);
    const known = new Map<string, Map<string, StoredEventRef>>();
    for (const [stream, refs] of state.stored) known.set(stream, new Map(refs.map((r) => [r.eventId, r])));
    let position = head;
    return batch.map((write): Outcome => {
      try {
        const fenceError = write.fence && fenceErrors.get(fenceKey(write.fence));
        if (fenceError) throw fenceError;
        const inStream = known.get(write.streamId) ?? new Map<string, StoredEventRef>();
        const stored = write.events.flatMap((e) => inStream.get(e.eventId) ?? []);
        const current = heads.get(write.streamId) ?? 'no-stream';
        const decision = decideAppend(write.streamId, write.events, write.expected, current, stored);
        if (decision.kind === 'duplicate') return { ok: true, result: decision.result, rows: [] };
        const rows = write.events.map((event, i) => ({
          eventId: event.eventId,
          revision: decision.firstRevision + i,
          position: (position += 1),
        }));
        rows.forEach((r) => inStream.set(r.eventId, r));
        known.set(write.streamId, inStream);
        const last = rows[rows.length - 1];
        heads.set(write.streamId, last.revision);
        return { ok: true, result: { nextExpectedRevision: last.revision, position: last.position }, rows };
      } catch (error) {
        return { ok: false, error };
      }
    });
  }

  /** Each distinct fence of the batch checked once; the failures by fence. */
  private async checkFences(client: PoolClient, batch: PendingAppend[]): Promise<Map<string, unknown>> {
    const failures = new Map<string, unknown>();
    const fences = new Map(batch.flatMap((w) => (w.fence ? [[fenceKey(w.fence), w.fence] as const] : [])));
    for (const [key, fence] of fences) {
      await client.query('SAVEPOINT fence');
      try {
        await checkFence(client, fence);
        await client.query('RELEASE fence');
      } catch (error) {
        // A missing lease table is a refused fence too, not a failure of the whole commit.
        await client.query('ROLLBACK TO fence');
        failures.set(key, error);
      }
    }
    return failures;
  }
}

const fenceKey = (fence: WriteFence) => `${fence.leaseSchema}\u0000${fence.name}\u0000${fence.token}`;

type Outcome = { ok: true; result: AppendResult; rows: StoredEventRef[] } | { ok: false; error: unknown };

function toRows(batch: PendingAppend[], outcomes: Outcome[]): NewRows {
  const rows: NewRows = {
    positions: [],
    streamIds: [],
    revisions: [],
    eventIds: [],
    types: [],
    data: [],
    metadata: [],
  };
  batch.forEach((write, i) => {
    const outcome = outcomes[i];
    if (!outcome.ok) return;
    outcome.rows.forEach((row, n) => {
      rows.positions.push(row.position);
      rows.streamIds.push(write.streamId);
      rows.revisions.push(row.revision);
      rows.eventIds.push(row.eventId);
      rows.types.push(write.events[n].type);
      rows.data.push(write.serialised[n].data);
      rows.metadata.push(write.serialised[n].metadata);
    });
  });
  return rows;
}
