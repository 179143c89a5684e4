import type Database from 'better-sqlite3';
import { performance } from 'node:perf_hooks';
import { writeAppend, writeBatch } from './sqlite.append';
import { commitGroup, type GroupCommitStats, type WriteOutcome } from './sqlite.group-commit';
import type { SqliteQueries } from './sqlite.queries';
import type { AppendRequest } from './sqlite.writer.protocol';

/** How long a verdict on the event loop's load holds before it is measured again. */
const WINDOW_MS = 50;
/** Above this share of the last window spent on other work, the loop is busy and commits go to the thread. */
const BUSY_SHARE = 0.5;

/**
 * Commits a lone append on the calling thread, sparing it the two thread hops of the writer thread; that
 * blocks the event loop for the COMMIT's fsync, so it is done only while the loop is otherwise idle: the
 * share of the last ~50 ms the loop spent on anything but these commits stays under half. Under load the
 * appends go to the writer thread as before. It never waits for another process's write lock (busy_timeout
 * 0 for its BEGIN): when the lock is held it declines, and the writer thread, which may wait, takes over.
 */
export class InlineCommitter {
  private readonly writes = {
    all: (requests: AppendRequest[]) => writeBatch(this.queries, requests),
    one: (request: AppendRequest) => writeAppend(this.queries, request),
  };
  private readonly counters: GroupCommitStats = { commits: 0, appends: 0 };
  private window = { started: performance.now(), utilisation: performance.eventLoopUtilization() };
  private inlineMs = 0;
  private idle = true;

  constructor(
    private readonly db: Database.Database,
    /** Prepared on `db`, the caller's connection. */
    private readonly queries: SqliteQueries,
    private readonly busyTimeoutMs: number,
  ) {}

  /** The append's outcome once committed (or refused), or undefined when it should go to the writer thread. */
  tryCommit(request: AppendRequest): WriteOutcome | undefined {
    if (!this.loopIdle()) return undefined;
    const started = performance.now();
    // Not a prepared statement: SQLite applies busy_timeout when the PRAGMA is compiled, not when it runs.
    this.db.pragma('busy_timeout = 0');
    try {
      const [outcome] = commitGroup(this.db, this.writes, [request]);
      this.counters.commits += 1;
      this.counters.appends += 1;
      return outcome;
    } catch (error) {
      // Nothing was written. The lock is another process's: let the thread wait for it.
      if ((error as { code?: unknown }).code === 'SQLITE_BUSY') return undefined;
      return { ok: false, error };
    } finally {
      this.db.pragma(`busy_timeout = ${Math.trunc(this.busyTimeoutMs)}`);
      this.inlineMs += performance.now() - started;
    }
  }

  stats(): GroupCommitStats {
    return { ...this.counters };
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
