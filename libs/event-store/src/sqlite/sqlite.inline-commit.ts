import Database from 'better-sqlite3';
import { performance } from 'node:perf_hooks';
import type { GroupCommitStats, WriteOutcome } from './sqlite.group-commit';
import { writeAppend } from './sqlite.append';
import { SqliteQueries } from './sqlite.queries';
import { applyPragmas } from './sqlite.schema';
import type { AppendRequest } from './sqlite.writer.protocol';

/** How long a verdict on the event loop's load holds before it is measured again. */
const WINDOW_MS = 50;
/** Above this share of the last window spent on other work, the loop is busy and commits go to the thread. */
const BUSY_SHARE = 0.5;

/**
 * Commits a lone append on the calling thread, sparing it the two thread hops of the writer thread. That
 * blocks the event loop for the COMMIT's fsync, so it is done only while the loop is otherwise idle: the
 * share of the last ~50 ms the loop spent on anything but these commits stays under half. Under load the
 * appends go to the writer thread as before. Its own connection never waits for another process's write
 * lock (busy_timeout 0): when the lock is held it declines, and the writer thread, which may wait, takes over.
 */
export class InlineCommitter {
  private readonly db: Database.Database;
  private readonly queries: SqliteQueries;
  private readonly counters: GroupCommitStats = { commits: 0, appends: 0 };
  private window = { started: performance.now(), utilisation: performance.eventLoopUtilization() };
  private inlineMs = 0;
  private idle = true;

  constructor(file: string) {
    this.db = new Database(file);
    try {
      applyPragmas(this.db, { busyTimeoutMs: 0 });
      this.queries = new SqliteQueries(this.db);
    } catch (error) {
      this.db.close();
      throw error;
    }
  }

  /** The append's outcome once committed (or refused), or undefined when it should go to the writer thread. */
  tryCommit(request: AppendRequest): WriteOutcome | undefined {
    if (!this.db.open || !this.loopIdle()) return undefined;
    const started = performance.now();
    try {
      this.db.exec('BEGIN IMMEDIATE');
    } catch (error) {
      // The lock is another process's (nothing was written): let the thread wait for it.
      if ((error as { code?: unknown }).code === 'SQLITE_BUSY') return undefined;
      return { ok: false, error };
    }
    try {
      // Alone in its transaction: a refusal or a failed insert rolls back the whole of it.
      const result = writeAppend(this.queries, request);
      this.db.exec('COMMIT');
      this.counters.commits += 1;
      return { ok: true, result };
    } catch (error) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      return { ok: false, error };
    } finally {
      // Like the writer thread's, `appends` counts refused appends too; `commits` only what was committed.
      this.counters.appends += 1;
      this.inlineMs += performance.now() - started;
    }
  }

  stats(): GroupCommitStats {
    return { ...this.counters };
  }

  close(): void {
    this.db.close();
  }

  private loopIdle(): boolean {
    const now = performance.now();
    if (now - this.window.started < WINDOW_MS) return this.idle;
    const utilisation = performance.eventLoopUtilization();
    const { active } = performance.eventLoopUtilization(utilisation, this.window.utilisation);
    const other = Math.max(0, active - this.inlineMs);
    this.idle = other / (now - this.window.started) < BUSY_SHARE;
    this.window = { started: now, utilisation };
    this.inlineMs = 0;
    return this.idle;
  }
}
