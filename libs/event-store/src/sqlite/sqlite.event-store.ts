import Database from 'better-sqlite3';
import { validateAppend } from '../append.rules';
import {
  AppendResult,
  EventStore,
  EventStoreClosedError,
  EventToAppend,
  ExpectedRevision,
  Position,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  START,
  SubscribeOptions,
  Subscription,
} from '../event-store.port';
import { ChangeNotifier } from '../subscription/change.notifier';
import { PagedSubscription } from '../subscription/paged.subscription';
import type { GroupCommitStats } from './sqlite.group-commit';
import { SqliteQueries } from './sqlite.queries';
import { applyPragmas, migrate } from './sqlite.schema';
import { SqliteWriter } from './sqlite.writer';

export interface SqliteEventStoreOptions {
  /** Path of the database file; created with its schema if missing. */
  file: string;
  /** How often idle subscriptions look for appends made by other processes. Default 100 ms. */
  pollIntervalMs?: number;
  /** How long a write waits for another process's write lock before failing. Default 5000 ms. */
  busyTimeoutMs?: number;
  /** Rows per subscription page read; bounds both memory and the time one read blocks the event loop. */
  pageSize?: number;
  /** Most appends written in one group commit (one transaction). Default 1000. */
  maxAppendsPerCommit?: number;
}

const DEFAULT_READ_ALL_LIMIT = 1000;

/**
 * The embedded event store: one SQLite file in WAL mode, safe to share between processes. Reads run on the
 * caller's connection; appends go to a writer thread with its own connection (see sqlite.writer.worker.ts).
 */
export class SqliteEventStore implements EventStore {
  private readonly db: Database.Database;
  private readonly queries: SqliteQueries;
  private readonly notifier = new ChangeNotifier();
  private readonly writer: SqliteWriter;
  private readonly subscriptions = new Set<PagedSubscription>();
  private readonly pollIntervalMs: number;
  private readonly pageSize: number;
  private closed = false;
  private closing: Promise<void> | undefined;

  constructor(options: SqliteEventStoreOptions) {
    this.pollIntervalMs = options.pollIntervalMs ?? 100;
    this.pageSize = options.pageSize ?? 500;
    this.db = new Database(options.file);
    try {
      applyPragmas(this.db, { busyTimeoutMs: options.busyTimeoutMs ?? 5000 });
      migrate(this.db);
      this.queries = new SqliteQueries(this.db);
    } catch (error) {
      this.db.close();
      throw error;
    }
    this.writer = new SqliteWriter(
      {
        file: options.file,
        busyTimeoutMs: options.busyTimeoutMs ?? 5000,
        maxAppendsPerCommit: options.maxAppendsPerCommit ?? 1000,
      },
      () => this.notifier.notify(),
    );
  }

  append(
    streamId: string,
    events: EventToAppend[],
    expectedRevision: ExpectedRevision,
  ): Promise<AppendResult> {
    if (this.closed) return Promise.reject(new EventStoreClosedError());
    let serialised: { data: string; metadata: string }[];
    try {
      serialised = validateAppend(streamId, events, expectedRevision);
    } catch (error) {
      return Promise.reject(error);
    }
    return this.writer.append({
      streamId,
      eventIds: events.map((e) => e.eventId),
      types: events.map((e) => e.type),
      expected: expectedRevision,
      data: serialised.map((s) => s.data),
      metadata: serialised.map((s) => s.metadata),
    });
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    const backwards = options.direction === 'backwards';
    const start = options.fromRevision ?? (backwards ? Number.MAX_SAFE_INTEGER : 0);
    const end = options.toRevision ?? (backwards ? 0 : Number.MAX_SAFE_INTEGER);
    const limit = options.maxCount ?? -1;
    if (options.maxCount !== undefined && options.maxCount <= 0) return [];
    const [low, high] = backwards ? [end, start] : [start, end];
    return this.queries.readStream(streamId, low, high, limit, backwards);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    const limit = options.limit ?? DEFAULT_READ_ALL_LIMIT;
    // SQLite reads a negative LIMIT as "no limit"; the port means "nothing".
    if (limit <= 0) return [];
    return this.queries.readAll(
      options.fromPosition ?? START,
      Number.MAX_SAFE_INTEGER,
      options.filter,
      limit,
    );
  }

  subscribe(options: SubscribeOptions = {}): Subscription {
    this.assertOpen();
    const { filter } = options;
    const subscription: PagedSubscription = new PagedSubscription({
      fromPosition: options.fromPosition ?? START,
      pageSize: this.pageSize,
      notifier: this.notifier,
      pollIntervalMs: this.pollIntervalMs,
      readPage: (after, limit) => {
        // The connection, not `closed`: a page read while close() waits for the writer is still fine.
        if (!this.db.open) throw new EventStoreClosedError();
        // Bound the scan by the head read first: everything up to it is committed, so the cursor can
        // safely move to it even when the filter skipped every row.
        const head = this.queries.headPosition();
        const events = this.queries.readAll(after, head, filter, limit);
        return { events, scannedTo: events.length === limit ? events[events.length - 1].position : head };
      },
      onClose: () => this.subscriptions.delete(subscription),
    });
    this.subscriptions.add(subscription);
    return subscription;
  }

  async headPosition(): Promise<Position> {
    this.assertOpen();
    return this.queries.headPosition();
  }

  /** How many appends shared how many commits (group-commit effectiveness). */
  stats(): GroupCommitStats {
    return this.writer.stats();
  }

  /** Writes appends still queued, ends every subscription, then closes the file. Idempotent. */
  close(): Promise<void> {
    this.closed = true;
    this.closing ??= (async () => {
      // Subscriptions first: they stop at once, instead of reading on while the writer finishes.
      const ended = Promise.all([...this.subscriptions].map((s) => s.close()));
      await this.writer.close();
      await ended;
      this.db.close();
    })();
    return this.closing;
  }

  private assertOpen(): void {
    if (this.closed) throw new EventStoreClosedError();
  }
}
