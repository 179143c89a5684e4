import type Database from 'better-sqlite3';
import type { AppendResult } from '../event-store.port';

/** One queued write and the callbacks that settle it once its transaction ended. */
export interface PendingWrite<R> {
  request: R;
  resolve(result: AppendResult): void;
  reject(error: unknown): void;
}

export type WriteOutcome = { ok: true; result: AppendResult } | { ok: false; error: unknown };

/** How the queued requests are written inside the shared transaction. */
export interface GroupWrites<R> {
  /**
   * Writes the whole group, deciding each request as if it ran alone after the ones before it; returns each
   * one's outcome. Throws only when storing rows it accepted failed (the group is then retried one by one).
   */
  all(requests: R[]): WriteOutcome[];
  /** Writes one request (under its own savepoint); throws to refuse it. */
  one(request: R): AppendResult;
}

export interface GroupCommitStats {
  /** Transactions committed (each is one fsync). */
  commits: number;
  /** Appends that went through those transactions (successful or rejected by their own checks). */
  appends: number;
}

/**
 * Group commit: appends queued during one event-loop turn are written in ONE transaction, so N concurrent
 * appends cost one fsync instead of N. It runs on the store's writer thread, where the queue also fills
 * while a COMMIT waits for its fsync. The group is written with a fixed number of statements
 * (GroupWrites.all): an append refused by its checks writes nothing and rejects only its own promise. Should
 * storing the accepted rows fail, the transaction is rolled back and the group written again one append per
 * SAVEPOINT, so that failure too rejects only the append that caused it. Promises settle only after COMMIT,
 * so nobody is told "stored" before it is durable.
 */
export class GroupCommitter<R> {
  private queue: PendingWrite<R>[] = [];
  private scheduled = false;
  private readonly counters: GroupCommitStats = { commits: 0, appends: 0 };

  constructor(
    private readonly db: Database.Database,
    private readonly writes: GroupWrites<R>,
    /** Called after every flush, committed or not, once each write of it was resolved or rejected. */
    private readonly afterFlush: (committed: boolean) => void,
    /** Caps one transaction, so a huge burst cannot block the event loop in a single synchronous write. */
    private readonly maxAppendsPerCommit = 1000,
  ) {}

  enqueue(write: PendingWrite<R>): void {
    this.queue.push(write);
    this.schedule();
  }

  stats(): GroupCommitStats {
    return { ...this.counters };
  }

  /** Writes everything queued now, commit by commit; close() calls it so no queued append is dropped. */
  flushAll(): void {
    while (this.queue.length > 0) this.flush();
  }

  private schedule(): void {
    if (this.scheduled || this.queue.length === 0) return;
    this.scheduled = true;
    // setImmediate, not a microtask: appends issued by other callbacks in the same I/O phase join too.
    setImmediate(() => {
      this.scheduled = false;
      this.flush();
      this.schedule();
    });
  }

  private flush(): void {
    const batch = this.queue.splice(0, this.maxAppendsPerCommit);
    if (batch.length === 0) return;
    let outcomes: WriteOutcome[];
    try {
      // IMMEDIATE takes the write lock up front (waiting up to busy_timeout for another process), so the
      // revision checks below cannot be invalidated by a concurrent writer before COMMIT.
      this.db.exec('BEGIN IMMEDIATE');
      try {
        outcomes = this.writeGroup(batch);
        this.db.exec('COMMIT');
      } catch (error) {
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
        throw error;
      }
    } catch (error) {
      batch.forEach((write) => write.reject(error));
      this.afterFlush(false);
      return;
    }
    this.counters.commits += 1;
    this.counters.appends += batch.length;
    batch.forEach((write, i) => {
      const outcome = outcomes[i];
      if (outcome.ok) write.resolve(outcome.result);
      else write.reject(outcome.error);
    });
    this.afterFlush(true);
  }

  /** Inside the open transaction: the whole group at once, or, if storing its rows failed, append by append. */
  private writeGroup(batch: PendingWrite<R>[]): WriteOutcome[] {
    try {
      return this.writes.all(batch.map((write) => write.request));
    } catch {
      // Some INSERT of the group failed and may have left rows of the ones before it: start the transaction
      // afresh and write each append under its own savepoint, so the failure stays with its append.
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      this.db.exec('BEGIN IMMEDIATE');
      return batch.map((write) => this.applyOne(write));
    }
  }

  private applyOne(write: PendingWrite<R>): WriteOutcome {
    this.db.exec('SAVEPOINT append');
    try {
      const result = this.writes.one(write.request);
      this.db.exec('RELEASE append');
      return { ok: true, result };
    } catch (error) {
      this.db.exec('ROLLBACK TO append');
      this.db.exec('RELEASE append');
      return { ok: false, error };
    }
  }
}
