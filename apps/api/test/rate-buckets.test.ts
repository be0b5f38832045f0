import { MemoryRateBuckets } from '../src/modules/channels/http/rate-buckets';
import { RedisRateBuckets } from '../src/modules/channels/http/redis-rate-buckets';
import { freshRedis } from './support/job-drivers';

describe('channel budgets shared through Redis by every worker process', () => {
  let a: RedisRateBuckets;
  let b: RedisRateBuckets;
  beforeAll(async () => {
    const url = await freshRedis(1);
    // Two processes' views of the same Redis.
    a = new RedisRateBuckets(url);
    b = new RedisRateBuckets(url);
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
  });

  it('lets the burst be spent once across processes, then makes the next caller wait', async () => {
    const mine = a.bucket('acct-1:orders.ship', 0.5, 3);
    const theirs = b.bucket('acct-1:orders.ship', 0.5, 3);
    for (let i = 0; i < 3; i++) await mine.take();
    const wait = await theirs.waitMs();
    expect(wait).toBeGreaterThan(1_000);
    expect(wait).toBeLessThanOrEqual(2_000);
    expect(await b.bucket('acct-2:orders.ship', 0.5, 3).waitMs()).toBe(0);
  });

  it("shares a 429's pause and a rate the channel announced", async () => {
    const mine = a.bucket('acct-3:searchOrders', 5, 20);
    const theirs = b.bucket('acct-3:searchOrders', 5, 20);
    mine.exhaust(Date.now() + 4_000);
    await new Promise((r) => setTimeout(r, 50));
    expect(await theirs.waitMs()).toBeGreaterThan(3_000);

    const other = a.bucket('acct-4:searchOrders', 5, 1);
    await other.take();
    b.bucket('acct-4:searchOrders', 5, 1).setRate(0.0056);
    await new Promise((r) => setTimeout(r, 50));
    expect(await other.waitMs()).toBeGreaterThan(150_000);
  });

  it('keeps the same arithmetic in memory for a single process', async () => {
    const local = new MemoryRateBuckets().bucket('acct:op', 0.5, 2);
    await local.take();
    await local.take();
    expect(await local.waitMs()).toBeGreaterThan(1_000);
  });
});
