import { sqliteFixture } from '../testing/read-model.factories';
import { useReadModelContext } from '../testing/read-model.context';
import { ProjectionRunner } from './projection-runner';

describe('ProjectionRunner lifecycle (SQLite event store and read model)', () => {
  const ctx = useReadModelContext(sqliteFixture);

  // An app closed right after bootstrap stops the runner while it is still reading its checkpoint,
  // before it has a subscription to close; stop() must still end the loop, or shutdown hangs forever.
  it('stops when stop() is called before the first subscription exists', async () => {
    const runner = new ProjectionRunner(ctx().store, ctx().model, { retryDelayMs: 10 });
    runner.start();
    const stopped = runner.stop().then(() => 'stopped');
    const timeout = new Promise<string>((resolve) => setTimeout(() => resolve('hung'), 2000).unref());
    expect(await Promise.race([stopped, timeout])).toBe('stopped');
    expect(runner.status().running).toBe(false);
  });
});
