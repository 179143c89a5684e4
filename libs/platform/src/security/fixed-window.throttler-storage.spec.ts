import { FixedWindowThrottlerStorage } from './fixed-window.throttler-storage';

describe('FixedWindowThrottlerStorage', () => {
  let now = 1_000_000;
  let storage: FixedWindowThrottlerStorage;
  beforeEach(() => {
    now = 1_000_000;
    storage = new FixedWindowThrottlerStorage(() => now);
  });
  afterEach(() => storage.onModuleDestroy());

  const hit = (key = 'k', limit = 3) => storage.increment(key, 60_000, limit, 0, 'key');

  it('admits up to the limit in a window, then blocks with the seconds left', async () => {
    for (let i = 1; i <= 3; i++)
      expect(await hit()).toMatchObject({ totalHits: i, isBlocked: false, timeToBlockExpire: 0 });
    now += 20_000;
    expect(await hit()).toMatchObject({ isBlocked: true, timeToExpire: 40, timeToBlockExpire: 40 });
  });

  it('opens again when the window ends, and refused requests do not extend the block', async () => {
    for (let i = 0; i < 10; i++) await hit();
    now += 60_000;
    expect(await hit()).toMatchObject({ totalHits: 1, isBlocked: false });
  });

  it('counts each key and each throttler separately', async () => {
    for (let i = 0; i < 3; i++) await hit('a');
    expect((await hit('a')).isBlocked).toBe(true);
    expect((await hit('b')).isBlocked).toBe(false);
    expect((await storage.increment('a', 60_000, 3, 0, 'address')).isBlocked).toBe(false);
  });
});
