export interface BucketLimit {
  /** Tokens added per second. */
  rate: number;
  /** Bucket size: requests that may be made at once after a quiet period. */
  burst: number;
}

export interface TakeResult {
  allowed: boolean;
  /** Whole tokens left after this request. */
  remaining: number;
  /** Milliseconds until the next whole token is available. */
  msUntilNext: number;
}

/** Token bucket as both channels document it: refills continuously at `rate`, holds at most `burst`. */
export class TokenBucket {
  private tokens: number;
  private updatedAt: number;

  constructor(
    readonly limit: BucketLimit,
    now: number,
  ) {
    this.tokens = limit.burst;
    this.updatedAt = now;
  }

  take(now: number): TakeResult {
    this.refill(now);
    const allowed = this.tokens >= 1;
    if (allowed) this.tokens -= 1;
    const missing = this.tokens >= 1 ? 0 : 1 - this.tokens;
    return {
      allowed,
      remaining: Math.floor(this.tokens),
      msUntilNext: Math.ceil((missing / this.limit.rate) * 1000),
    };
  }

  private refill(now: number): void {
    const elapsedSeconds = Math.max(0, now - this.updatedAt) / 1000;
    this.tokens = Math.min(this.limit.burst, this.tokens + elapsedSeconds * this.limit.rate);
    this.updatedAt = now;
  }
}

/** Buckets keyed by account and operation group, created on first use. */
export class BucketRegistry {
  private readonly buckets = new Map<string, TokenBucket>();

  take(key: string, limit: BucketLimit, now: number): TakeResult {
    let bucket = this.buckets.get(key);
    if (!bucket) {
      bucket = new TokenBucket(limit, now);
      this.buckets.set(key, bucket);
    }
    return bucket.take(now);
  }
}
