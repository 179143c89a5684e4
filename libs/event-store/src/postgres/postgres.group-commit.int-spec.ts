import { WrongExpectedRevisionError } from '../event-store.port';
import { events, range } from '../testing/contract.fixtures';
import { tempPostgresStore } from '../testing/temp-postgres.fixture';

describe('PostgresEventStore group commit', () => {
  let ctx: Awaited<ReturnType<typeof tempPostgresStore>>;
  beforeEach(async () => {
    ctx = await tempPostgresStore();
  });
  afterEach(() => ctx.cleanup());

  it('writes 64 concurrent appends to different streams in far fewer than 64 commits', async () => {
    const results = await Promise.all(
      range(1, 64).map((i) => ctx.store.append(`project-${i}`, events(2), 'no-stream')),
    );
    const stats = ctx.store.stats();
    expect(stats.appends).toBe(64);
    expect(stats.commits).toBeLessThanOrEqual(4);
    expect(results.map((r) => r.position).sort((a, b) => a - b)).toEqual(range(1, 64).map((i) => i * 2));
    expect(await ctx.store.headPosition()).toBe(128);
  });

  it('rejects only the conflicting append of a shared commit, leaving no hole in the positions', async () => {
    await ctx.store.append('project-conflict', events(1), 'no-stream');
    const attempts = await Promise.allSettled(
      range(1, 64).map((i) =>
        i === 32
          ? ctx.store.append('project-conflict', events(3), 5)
          : ctx.store.append(`project-${i}`, events(1), 'no-stream'),
      ),
    );
    const rejected = attempts.flatMap((a, i) =>
      a.status === 'rejected' ? [{ i: i + 1, reason: a.reason as unknown }] : [],
    );
    expect(rejected).toHaveLength(1);
    expect(rejected[0].i).toBe(32);
    expect(rejected[0].reason).toBeInstanceOf(WrongExpectedRevisionError);
    expect((await ctx.store.readAll()).map((e) => e.position)).toEqual(range(1, 64));
  });

  it('orders appends to one stream within a shared commit, each checked against the earlier ones', async () => {
    const [first, second, third, retry] = await Promise.allSettled([
      ctx.store.append('project-a', events(1), 'no-stream'),
      ctx.store.append('project-a', events(1), 0),
      ctx.store.append('project-a', events(1), 0),
      ctx.store.append('project-b', events(1), 'no-stream'),
    ]);
    expect(first).toMatchObject({ status: 'fulfilled', value: { nextExpectedRevision: 0 } });
    expect(second).toMatchObject({ status: 'fulfilled', value: { nextExpectedRevision: 1 } });
    expect(third).toMatchObject({ status: 'rejected', reason: { expected: 0, actual: 1 } });
    expect(retry).toMatchObject({ status: 'fulfilled', value: { position: 3 } });
    expect(ctx.store.stats().commits).toBe(1);
  });

  it('commits appends still queued when close() is called', async () => {
    const pending = ctx.store.append('project-a', events(2), 'no-stream');
    await ctx.store.close();
    await expect(pending).resolves.toEqual({ nextExpectedRevision: 1, position: 2 });
    const again = await tempPostgresStore({ schema: ctx.schema });
    expect(await again.store.headPosition()).toBe(2);
    await again.store.close();
  });
});
