import { Pool } from 'pg';
import { validateAppend } from '../append.rules';
import {
  AppendOptions,
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
import type { GroupCommitStats } from '../sqlite/sqlite.group-commit';
import { ChangeNotifier } from '../subscription/change.notifier';
import { PagedSubscription } from '../subscription/paged.subscription';
import { PostgresGroupCommitter } from './postgres.group-commit';
import { PostgresListener } from './postgres.listener';
import { PostgresQueries } from './postgres.queries';
import { migrate, notifyChannel } from './postgres.schema';

export interface PostgresEventStoreOptions {
  connectionString: string;
  /** Schema holding the log; created with its tables on first use. Default `event_store`. */
  schema?: string;
  /** Idle subscriptions re-read this often even without a notification (the fallback). Default 1000 ms. */
  pollIntervalMs?: number;
  /** Rows per subscription page read. Default 500. */
  pageSize?: number;
  /** Most appends in one group commit. Default 1000. */
  maxAppendsPerCommit?: number;
  /** Connections in the pool (one at a time writes; the rest read). Default 5. */
  poolSize?: number;
  /**
   * The server ends a transaction left idle this long. A writer paused inside a commit (SIGSTOP, a long
   * GC pause) holds the log's single write lock: this bounds how long it can stop every other writer.
   * Default 5000 ms.
   */
  idleInTransactionTimeoutMs?: number;
  /** Wait before re-opening a LISTEN connection that broke. Default 1000 ms. */
  listenRetryMs?: number;
  /** Test failpoint: awaited after a commit's rows are written and before its COMMIT. */
  beforeCommit?: () => Promise<void>;
}

const DEFAULT_READ_ALL_LIMIT = 1000;

/**
 * The event store on PostgreSQL, for several processes on several machines. Positions are 1, 2, 3, ...
 * in commit order, without gaps: every appending transaction holds the log's head row locked until it
 * commits (see PostgresGroupCommitter), so a subscriber reading by position never skips an event that a
 * slower transaction commits later.
 */
export class PostgresEventStore implements EventStore {
  private readonly pool: Pool;
  private readonly queries: PostgresQueries;
  private readonly notifier = new ChangeNotifier();
  private readonly listener: PostgresListener;
  private readonly committer: PostgresGroupCommitter;
  private readonly subscriptions = new Set<PagedSubscription>();
  private readonly ready: Promise<void>;
  private readonly pollIntervalMs: number;
  private readonly pageSize: number;
  private readonly accepted = new Set<Promise<AppendResult>>();
  private closed = false;

  constructor(options: PostgresEventStoreOptions) {
    const schema = options.schema ?? 'event_store';
    this.pollIntervalMs = options.pollIntervalMs ?? 1000;
    this.pageSize = options.pageSize ?? 500;
    this.queries = new PostgresQueries(schema);
    this.pool = new Pool({
      connectionString: options.connectionString,
      max: options.poolSize ?? 5,
      options: `-c idle_in_transaction_session_timeout=${options.idleInTransactionTimeoutMs ?? 5000}`,
    });
    // An idle pooled connection that breaks (server restart) must not crash the process; the next query
    // gets a fresh connection.
    this.pool.on('error', () => undefined);
    const channel = notifyChannel(schema);
    this.listener = new PostgresListener(
      options.connectionString,
      channel,
      () => this.notifier.notify(),
      options.listenRetryMs,
    );
    this.committer = new PostgresGroupCommitter({
      pool: this.pool,
      queries: this.queries,
      channel,
      maxAppendsPerCommit: options.maxAppendsPerCommit ?? 1000,
      afterCommit: () => this.notifier.notify(),
      beforeCommit: options.beforeCommit,
    });
    this.ready = migrate(this.pool, schema);
    // A failed migration is reported by every call (and by ready()); it must not be an unhandled rejection.
    this.ready.catch(() => undefined);
  }

  /** Resolves once the schema exists; rejects with the migration's error. */
  whenReady(): Promise<void> {
    return this.ready;
  }

  append(
    streamId: string,
    events: EventToAppend[],
    expectedRevision: ExpectedRevision,
    options: AppendOptions = {},
  ): Promise<AppendResult> {
    if (this.closed) return Promise.reject(new EventStoreClosedError());
    let serialised: { data: string; metadata: string }[];
    try {
      serialised = validateAppend(streamId, events, expectedRevision);
    } catch (error) {
      return Promise.reject(error);
    }
    // Accepted before close(): committed even if close() is called while the schema is being prepared.
    const accepted = this.ready.then(
      () =>
        new Promise<AppendResult>((resolve, reject) => {
          this.committer.enqueue({
            streamId,
            events,
            expected: expectedRevision,
            serialised,
            fence: options.fence,
            resolve,
            reject,
          });
        }),
    );
    this.accepted.add(accepted);
    const forget = () => this.accepted.delete(accepted);
    accepted.then(forget, forget);
    return accepted;
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    await this.open();
    const backwards = options.direction === 'backwards';
    const start = options.fromRevision ?? (backwards ? Number.MAX_SAFE_INTEGER : 0);
    const end = options.toRevision ?? (backwards ? 0 : Number.MAX_SAFE_INTEGER);
    if (options.maxCount !== undefined && options.maxCount <= 0) return [];
    const [low, high] = backwards ? [end, start] : [start, end];
    return this.queries.readStream(this.pool, streamId, low, high, options.maxCount ?? null, backwards);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    await this.open();
    const limit = options.limit ?? DEFAULT_READ_ALL_LIMIT;
    if (limit <= 0) return [];
    return this.queries.readAll(this.pool, options.fromPosition ?? START, options.filter, limit);
  }

  subscribe(options: SubscribeOptions = {}): Subscription {
    this.assertOpen();
    this.listener.start();
    const { filter } = options;
    const subscription: PagedSubscription = new PagedSubscription({
      fromPosition: options.fromPosition ?? START,
      pageSize: this.pageSize,
      notifier: this.notifier,
      pollIntervalMs: this.pollIntervalMs,
      readPage: async (after, limit) => {
        await this.open();
        const { events, head } = await this.queries.page(this.pool, after, filter, limit);
        return { events, scannedTo: events.length === limit ? events[events.length - 1].position : head };
      },
      onClose: () => this.subscriptions.delete(subscription),
    });
    this.subscriptions.add(subscription);
    return subscription;
  }

  async headPosition(): Promise<Position> {
    await this.open();
    return this.queries.headPosition(this.pool);
  }

  /** How many appends shared how many commits (group-commit effectiveness). */
  stats(): GroupCommitStats {
    return this.committer.stats();
  }

  /** Commits appends still queued, ends every subscription and the LISTEN connection. Idempotent. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.allSettled([...this.accepted]);
    await this.committer.idle();
    await Promise.all([...this.subscriptions].map((s) => s.close()));
    await this.listener.stop();
    await this.pool.end();
  }

  private async open(): Promise<void> {
    this.assertOpen();
    await this.ready;
    this.assertOpen();
  }

  private assertOpen(): void {
    if (this.closed) throw new EventStoreClosedError();
  }
}
