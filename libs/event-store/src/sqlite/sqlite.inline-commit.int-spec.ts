import Database from 'better-sqlite3';
import { setTimeout as sleep } from 'node:timers/promises';
import { tempDir } from '../testing/temp-sqlite.fixture';
import { InlineCommitter } from './sqlite.inline-commit';
import { applyPragmas, migrate } from './sqlite.schema';
import type { AppendRequest } from './sqlite.writer.protocol';

/** Keeps the event loop busy for `ms`, yielding every few milliseconds as request handling would. */
async function busyLoop(ms: number): Promise<void> {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    const slice = performance.now() + 5;
    while (performance.now() < slice) {
      // spin
    }
    await new Promise((resolve) => setImmediate(resolve));
  }
}

describe('InlineCommitter (a lone append committed on the calling thread)', () => {
  let tmp: Awaited<ReturnType<typeof tempDir>>;
  let db: Database.Database;
  let inline: InlineCommitter;
  let n = 0;
  const request = (streamId: string): AppendRequest => ({
    id: ++n,
    streamId,
    eventIds: [`event-${n}`],
    types: ['SomethingHappened'],
    expected: 'no-stream',
    data: ['{"n":1}'],
    metadata: ['{}'],
  });

  beforeEach(async () => {
    tmp = await tempDir();
    db = new Database(tmp.file);
    applyPragmas(db, { busyTimeoutMs: 5000 });
    migrate(db);
    inline = new InlineCommitter(tmp.file);
  });
  afterEach(async () => {
    inline.close();
    db.close();
    await tmp.remove();
  });

  it('commits durably and reports the outcome while the loop is idle', async () => {
    expect(inline.tryCommit(request('project-a'))).toEqual({
      ok: true,
      result: { nextExpectedRevision: 0, position: 1 },
    });
    const refused = inline.tryCommit({ ...request('project-a'), expected: 5 });
    expect(refused).toMatchObject({ ok: false, error: { expected: 5, actual: 0 } });
    expect(inline.stats()).toEqual({ commits: 1, appends: 2 });
    const reader = new Database(tmp.file, { readonly: true });
    expect(reader.prepare('SELECT COUNT(*) AS n FROM events').get()).toEqual({ n: 1 });
    reader.close();
  });

  it('declines while the event loop is busy with other work, and commits again once it is idle', async () => {
    await busyLoop(150);
    expect(inline.tryCommit(request('project-busy'))).toBeUndefined();
    await sleep(150);
    expect(inline.tryCommit(request('project-idle'))).toMatchObject({ ok: true });
    expect(inline.stats().commits).toBe(1);
  });

  it('declines at once, writing nothing, while another connection holds the write lock', async () => {
    const other = new Database(tmp.file);
    try {
      other.exec('BEGIN IMMEDIATE');
      const started = performance.now();
      expect(inline.tryCommit(request('project-locked'))).toBeUndefined();
      // Well under the 5 s busy timeout: the event loop never waits for another process's lock.
      expect(performance.now() - started).toBeLessThan(1000);
      other.exec('ROLLBACK');
      expect(inline.tryCommit(request('project-locked'))).toMatchObject({ ok: true });
    } finally {
      other.close();
    }
  });
});
