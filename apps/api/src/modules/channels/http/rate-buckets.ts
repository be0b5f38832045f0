import { TokenBucket } from './token-bucket';

/** A channel usage plan as the client keeps it: take a token before a call, follow what the channel says. */
export interface RateBucket {
  take(): Promise<void>;
  /** Milliseconds until a token would be free (0 when one is). */
  waitMs(): Promise<number>;
  setRate(rate: number): void;
  exhaust(untilMs: number): void;
}

/** Where buckets live: this process's memory, or Redis so every worker of an account shares one. */
export interface RateBuckets {
  bucket(key: string, rate: number, burst: number): RateBucket;
}

/** Buckets in process memory: enough while one process talks to each account. */
export class MemoryRateBuckets implements RateBuckets {
  private readonly buckets = new Map<string, RateBucket>();

  bucket(key: string, rate: number, burst: number): RateBucket {
    let bucket = this.buckets.get(key);
    if (!bucket) {
      const local = new TokenBucket(rate, burst);
      bucket = {
        take: () => local.take(),
        waitMs: () => Promise.resolve(local.waitMs()),
        setRate: (r) => local.setRate(r),
        exhaust: (u) => local.exhaust(u),
      };
      this.buckets.set(key, bucket);
    }
    return bucket;
  }
}

/** How a channel client is tuned: its retry policy, budget scale, and where its budgets live. */
export interface ChannelClientOptions {
  policy?: import('./channel-http').RetryPolicy;
  /** Multiplies every budget (CHANNEL_RATE_SCALE). */
  rateScale?: number;
  rateBuckets?: RateBuckets;
  /** Names this account's buckets (its id), so processes sharing Redis share its budget. */
  bucketKey?: string;
}

/** One client's buckets, by budget group, made on first use from its plan table (scaled, under the account's key). */
export class ClientBudgets {
  private readonly buckets = new Map<string, RateBucket>();
  private readonly store: RateBuckets;

  constructor(
    private readonly options: ChannelClientOptions,
    private readonly planOf: (group: string) => { rate: number; burst: number },
  ) {
    this.store = options.rateBuckets ?? new MemoryRateBuckets();
  }

  bucket(group: string): RateBucket {
    let bucket = this.buckets.get(group);
    if (!bucket) {
      const plan = this.planOf(group);
      bucket = this.store.bucket(`${this.options.bucketKey ?? 'local'}:${group}`, this.scaled(plan.rate), plan.burst);
      this.buckets.set(group, bucket);
    }
    return bucket;
  }

  /** A rate as this client spends it (CHANNEL_RATE_SCALE applied). */
  scaled(rate: number): number {
    return rate * (this.options.rateScale ?? 1);
  }
}
