import { WindowThrottlerStorage } from './window-throttler-storage';

describe('WindowThrottlerStorage', () => {
  let clock = 0;
  const storage = new WindowThrottlerStorage(() => clock);
  afterAll(() => storage.onApplicationShutdown());

  it('counts hits in a window and blocks past the limit until the block ends', async () => {
    clock = 1_000;
    for (let i = 1; i <= 3; i += 1) {
      expect((await storage.increment('ip-a', 60_000, 3, 60_000, 'default')).isBlocked).toBe(false);
    }
    const fourth = await storage.increment('ip-a', 60_000, 3, 60_000, 'default');
    expect(fourth).toMatchObject({ totalHits: 4, isBlocked: true, timeToBlockExpire: 60 });
    clock += 59_000;
    expect((await storage.increment('ip-a', 60_000, 3, 60_000, 'default')).isBlocked).toBe(true);
    clock += 1_000;
    expect(await storage.increment('ip-a', 60_000, 3, 60_000, 'default')).toMatchObject({
      totalHits: 1,
      isBlocked: false,
    });
  });

  it('keeps keys and named limits apart', async () => {
    clock = 500_000;
    await storage.increment('ip-b', 60_000, 1, 60_000, 'default');
    expect((await storage.increment('ip-b', 60_000, 1, 60_000, 'default')).isBlocked).toBe(true);
    expect((await storage.increment('ip-c', 60_000, 1, 60_000, 'default')).isBlocked).toBe(false);
    expect((await storage.increment('ip-b', 60_000, 1, 60_000, 'sign-in')).isBlocked).toBe(false);
  });

  it('starts a fresh window once the old one has passed', async () => {
    clock = 900_000;
    await storage.increment('ip-d', 1_000, 5, 1_000, 'default');
    await storage.increment('ip-d', 1_000, 5, 1_000, 'default');
    clock += 1_000;
    expect((await storage.increment('ip-d', 1_000, 5, 1_000, 'default')).totalHits).toBe(1);
  });
});
