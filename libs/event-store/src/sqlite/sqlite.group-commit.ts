import type Database from 'better-sqlite3';
import type { AppendResult } from '../event-store.port';

/** One queued append: `apply` writes it inside the shared transaction and returns its result or throws. */
export interface PendingWrite {
  apply(): AppendResult;
  resolve(result: AppendResult): void;
  reject(error: unknown): void;
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
 * while a COMMIT waits for its fsync. Each append runs inside its own SAVEPOINT, so one that fails its
 * checks rolls back only itself and rejects only its own promise. Promises settle only after COMMIT, so
 * nobody is told "stored" before it is durable.
 */
export class GroupCommitter {
  private queue: PendingWrite[] = [];
  private scheduled = false;
  private readonly counters: GroupCommitStats = { commits: 0, appends: 0 };

  constructor(
    private readonly db: Database.Database,
    /** Called after every flush, committed or not, once each write of it was resolved or rejected. */
    private readonly afterFlush: (committed: boolean) => void,
    /** Caps one transaction, so a huge burst cannot block the event loop in a single synchronous write. */
    private readonly maxAppendsPerCommit = 1000,
  ) {}

  enqueue(write: PendingWrite): void {
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
    const outcomes: ({ ok: true; result: AppendResult } | { ok: false; error: unknown })[] = [];
    try {
      // IMMEDIATE takes the write lock up front (waiting up to busy_timeout for another process), so the
      // revision checks below cannot be invalidated by a concurrent writer before COMMIT.
      this.db.exec('BEGIN IMMEDIATE');
      try {
        for (const write of batch) outcomes.push(this.applyOne(write));
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

  private applyOne(write: PendingWrite): { ok: true; result: AppendResult } | { ok: false; error: unknown } {
    this.db.exec('SAVEPOINT append');
    try {
      const result = write.apply();
      this.db.exec('RELEASE append');
      return { ok: true, result };
    } catch (error) {
      this.db.exec('ROLLBACK TO append');
      this.db.exec('RELEASE append');
      return { ok: false, error };
    }
  }
}
