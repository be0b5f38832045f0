/**
 * The client side of a channel's usage plan: `rate` tokens per second up to `burst`. Callers wait for a
 * token instead of being throttled; a 429 empties the bucket until the channel's replenishment time.
 */
export class TokenBucket {
  private tokens: number;
  private updatedAt: number;
  private blockedUntil = 0;
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private rate: number,
    private readonly burst: number,
    private readonly now: () => number = Date.now,
  ) {
    this.tokens = burst;
    this.updatedAt = now();
  }

  /** Resolves when a token is taken. Waiters are served in order. */
  take(): Promise<void> {
    const turn = this.queue.then(() => this.takeNow());
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  /** Milliseconds until a token would be free (0 when one is). */
  waitMs(): number {
    this.refill();
    const blocked = Math.max(0, this.blockedUntil - this.now());
    const short = this.tokens >= 1 ? 0 : Math.ceil(((1 - this.tokens) / this.rate) * 1000);
    return Math.max(blocked, short);
  }

  /** The channel granted another rate (`x-amzn-RateLimit-Limit`). */
  setRate(rate: number): void {
    if (!(rate > 0) || rate === this.rate) return;
    this.refill();
    this.rate = rate;
  }

  /** The channel said no: nothing until `untilMs` (epoch ms), then refill from empty. */
  exhaust(untilMs: number): void {
    this.refill();
    this.tokens = 0;
    this.blockedUntil = Math.max(this.blockedUntil, untilMs);
    this.updatedAt = Math.max(this.updatedAt, untilMs);
  }

  private async takeNow(): Promise<void> {
    for (let wait = this.waitMs(); wait > 0; wait = this.waitMs()) await sleep(wait);
    this.tokens -= 1;
  }

  private refill(): void {
    const now = this.now();
    if (now <= this.updatedAt) return;
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.updatedAt) / 1000) * this.rate);
    this.updatedAt = now;
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
