import { TokenBucket } from './token-bucket';

describe('TokenBucket', () => {
  let now = 0;
  const clock = () => now;
  beforeEach(() => {
    now = 1_000_000;
  });

  it('allows the burst at once, then one token per 1/rate seconds', async () => {
    const b = new TokenBucket(0.5, 3, clock);
    for (let i = 0; i < 3; i++) {
      expect(b.waitMs()).toBe(0);
      await b.take();
    }
    expect(b.waitMs()).toBe(2000);
    now += 1000;
    expect(b.waitMs()).toBe(1000);
    now += 1000;
    expect(b.waitMs()).toBe(0);
  });

  it("waits until the channel's replenishment time after a 429, however full it thought it was", () => {
    const b = new TokenBucket(10, 10, clock);
    b.exhaust(now + 5_000);
    expect(b.waitMs()).toBe(5_000);
    now += 5_000;
    expect(b.waitMs()).toBe(100);
  });

  it('follows a new rate from the channel', async () => {
    const b = new TokenBucket(1, 1, clock);
    await b.take();
    b.setRate(0.0056);
    expect(b.waitMs()).toBe(Math.ceil(1000 / 0.0056));
    b.setRate(0);
    expect(b.waitMs()).toBe(Math.ceil(1000 / 0.0056));
  });

  it('serves waiters in order with real time', async () => {
    const b = new TokenBucket(50, 1);
    const order: number[] = [];
    const started = Date.now();
    await Promise.all([1, 2, 3].map((n) => b.take().then(() => order.push(n))));
    expect(order).toEqual([1, 2, 3]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(35);
  });
});
