import Database from 'better-sqlite3';
import { EventIdConflictError, WrongExpectedRevisionError } from '../event-store.port';
import { anEvent, events, range } from '../testing/contract.fixtures';
import { tempDir } from '../testing/temp-sqlite.fixture';
import { SqliteEventStore } from './sqlite.event-store';

describe('SqliteEventStore group commit', () => {
  let tmp: Awaited<ReturnType<typeof tempDir>>;
  let store: SqliteEventStore;
  beforeEach(async () => {
    tmp = await tempDir();
    store = new SqliteEventStore({ file: tmp.file });
  });
  afterEach(async () => {
    await store.close();
    await tmp.remove();
  });

  it('writes 64 concurrent appends to different streams in far fewer than 64 commits', async () => {
    const results = await Promise.all(
      range(1, 64).map((i) => store.append(`project-${i}`, events(2), 'no-stream')),
    );
    const stats = store.stats();
    expect(stats.appends).toBe(64);
    expect(stats.commits).toBeLessThanOrEqual(4);
    expect(results.map((r) => r.position).sort((a, b) => a - b)).toEqual(range(1, 64).map((i) => i * 2));
    expect(await store.headPosition()).toBe(128);
  });

  it('splits a burst larger than maxAppendsPerCommit over several commits, in arrival order', async () => {
    const own = await tempDir();
    const capped = new SqliteEventStore({ file: own.file, maxAppendsPerCommit: 10 });
    try {
      const results = await Promise.all(
        range(1, 25).map((i) => capped.append(`project-${i}`, events(1), 'no-stream')),
      );
      expect(results.map((r) => r.position)).toEqual(range(1, 25));
      expect(capped.stats()).toEqual({ commits: 3, appends: 25 });
    } finally {
      await capped.close();
      await own.remove();
    }
  });

  it('gives appends awaited one after another a commit each (nothing to share)', async () => {
    for (const i of range(1, 3)) await store.append(`project-${i}`, events(1), 'no-stream');
    expect(store.stats()).toEqual({ commits: 3, appends: 3 });
  });

  it('rejects only the conflicting append of a shared commit and keeps the others', async () => {
    await store.append('project-conflict', events(1), 'no-stream');
    const before = store.stats().commits;
    const attempts = await Promise.allSettled(
      range(1, 64).map((i) =>
        i === 32
          ? store.append('project-conflict', events(3), 5)
          : store.append(`project-${i}`, events(1), 'no-stream'),
      ),
    );
    const rejected = attempts.flatMap((a, i) =>
      a.status === 'rejected' ? [{ i: i + 1, reason: a.reason as unknown }] : [],
    );
    expect(rejected).toHaveLength(1);
    expect(rejected[0].i).toBe(32);
    expect(rejected[0].reason).toBeInstanceOf(WrongExpectedRevisionError);
    expect(rejected[0].reason).toMatchObject({ expected: 5, actual: 0 });
    expect(store.stats().commits - before).toBeLessThanOrEqual(4);
    // The rolled-back append left no hole: 1 earlier event + 63 single-event appends, positions 1..64.
    const all = await store.readAll();
    expect(all.map((e) => e.position)).toEqual(range(1, 64));
    expect(await store.readStream('project-conflict')).toHaveLength(1);
  });

  it('rejects every append of a commit that cannot get the write lock in time, and recovers once it is free', async () => {
    const impatient = new SqliteEventStore({ file: tmp.file, busyTimeoutMs: 50 });
    const other = new Database(tmp.file);
    try {
      other.exec('BEGIN IMMEDIATE');
      const attempts = await Promise.allSettled([
        impatient.append('project-a', events(1), 'no-stream'),
        impatient.append('project-b', events(1), 'no-stream'),
      ]);
      expect(attempts.map((a) => a.status)).toEqual(['rejected', 'rejected']);
      expect(attempts[0]).toMatchObject({ reason: { code: 'SQLITE_BUSY' } });
      other.exec('ROLLBACK');
      await expect(impatient.append('project-a', events(1), 'no-stream')).resolves.toEqual({
        nextExpectedRevision: 0,
        position: 1,
      });
    } finally {
      other.close();
      await impatient.close();
    }
  });

  it('orders appends to one stream within a shared commit, each checked against what the earlier ones wrote', async () => {
    const [first, second, third] = await Promise.allSettled([
      store.append('project-a', events(1), 'no-stream'),
      store.append('project-a', events(1), 0),
      store.append('project-a', events(1), 0),
    ]);
    expect(first).toMatchObject({ status: 'fulfilled', value: { nextExpectedRevision: 0 } });
    expect(second).toMatchObject({ status: 'fulfilled', value: { nextExpectedRevision: 1 } });
    expect(third).toMatchObject({ status: 'rejected', reason: { expected: 0, actual: 1 } });
    expect(store.stats().commits).toBe(1);
  });

  it('within a shared commit, a retried append is idempotent and a reused event id conflicts, as if run one by one', async () => {
    const [a, b] = [anEvent(), anEvent()];
    const [first, retry, reuse, other] = await Promise.allSettled([
      store.append('project-a', [a, b], 'no-stream'),
      store.append('project-a', [a, b], 'no-stream'),
      store.append('project-a', [anEvent(), b], 'any'),
      store.append('project-b', [a], 'no-stream'),
    ]);
    expect(first).toEqual({ status: 'fulfilled', value: { nextExpectedRevision: 1, position: 2 } });
    expect(retry).toEqual(first);
    expect(reuse).toMatchObject({ status: 'rejected', reason: { storedEventIds: [b.eventId] } });
    expect((reuse as PromiseRejectedResult).reason).toBeInstanceOf(EventIdConflictError);
    // Event ids are unique per stream, not across streams.
    expect(other).toEqual({ status: 'fulfilled', value: { nextExpectedRevision: 0, position: 3 } });
    expect(store.stats().commits).toBe(1);
    expect((await store.readAll()).map((e) => [e.streamId, e.revision])).toEqual([
      ['project-a', 0],
      ['project-a', 1],
      ['project-b', 0],
    ]);
  });

  it('rejects only the append whose rows cannot be stored and keeps the others of its commit', async () => {
    // A trigger stands in for a failure the checks cannot foresee (a constraint, a full disk for one row).
    const admin = new Database(tmp.file);
    admin.exec(
      "CREATE TRIGGER poison BEFORE INSERT ON events WHEN NEW.stream_id = 'project-poison' BEGIN SELECT RAISE(ABORT, 'poisoned row'); END",
    );
    admin.close();
    const attempts = await Promise.allSettled(
      range(1, 8).map((i) =>
        store.append(i === 4 ? 'project-poison' : `project-${i}`, events(2), 'no-stream'),
      ),
    );
    expect(attempts.map((a) => a.status)).toEqual([
      ...Array(3).fill('fulfilled'),
      'rejected',
      ...Array(4).fill('fulfilled'),
    ]);
    expect(attempts[3]).toMatchObject({ reason: { message: 'poisoned row' } });
    expect(store.stats()).toEqual({ commits: 1, appends: 8 });
    // Positions stay dense: the refused append took none.
    const all = await store.readAll();
    expect(all.map((e) => e.position)).toEqual(range(1, 14));
    expect(new Set(all.map((e) => e.streamId)).has('project-poison')).toBe(false);
    const positions = attempts.flatMap((a) => (a.status === 'fulfilled' ? [a.value.position] : []));
    expect(positions).toEqual([2, 4, 6, 8, 10, 12, 14]);
  });
});
