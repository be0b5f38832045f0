import { Logger } from '@nestjs/common';
import { Redis } from 'ioredis';
import { redisOptions } from 'src/modules/jobs/redis-options';
import type { RateBucket, RateBuckets } from './rate-buckets';
import { sleep } from './token-bucket';

/**
 * One Lua script does refill, take, block and rate change atomically on a hash per bucket, so several
 * worker processes spend one account's channel budget together. Returns the wait in ms (0: token taken).
 * ARGV: now, default rate, burst, action (take | peek | exhaust | rate), value (until ms or new rate).
 */
const SCRIPT = `
local b = redis.call('HMGET', KEYS[1], 'tokens', 'ts', 'rate', 'blocked')
local now = tonumber(ARGV[1])
local rate = tonumber(b[3]) or tonumber(ARGV[2])
local burst = tonumber(ARGV[3])
local tokens = tonumber(b[1]) or burst
local ts = tonumber(b[2]) or now
local blocked = tonumber(b[4]) or 0
if now > ts then tokens = math.min(burst, tokens + (now - ts) / 1000 * rate); ts = now end
local action = ARGV[4]
if action == 'exhaust' then
  local untilMs = tonumber(ARGV[5])
  tokens = 0
  if untilMs > blocked then blocked = untilMs end
  if untilMs > ts then ts = untilMs end
elseif action == 'rate' then
  rate = tonumber(ARGV[5])
end
local wait = 0
if blocked > now then wait = blocked - now elseif tokens < 1 then wait = math.ceil((1 - tokens) / rate * 1000) end
if action == 'take' and wait == 0 then tokens = tokens - 1 end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'ts', tostring(ts), 'rate', tostring(rate), 'blocked', tostring(blocked))
redis.call('PEXPIRE', KEYS[1], 86400000)
return wait
`;

type BucketRedis = Redis & {
  bucket(key: string, now: number, rate: number, burst: number, action: string, value: number): Promise<number>;
};

/** Buckets in Redis (REDIS_URL): the budget of an account is shared by every process that calls its channel. */
export class RedisRateBuckets implements RateBuckets {
  private readonly log = new Logger('RateBuckets');
  private readonly redis: BucketRedis;

  constructor(
    url: string,
    private readonly prefix = 'order-hub:rate:',
  ) {
    this.redis = new Redis({ ...redisOptions(url), maxRetriesPerRequest: 3 }) as BucketRedis;
    this.redis.defineCommand('bucket', { numberOfKeys: 1, lua: SCRIPT });
  }

  bucket(key: string, rate: number, burst: number): RateBucket {
    const redisKey = this.prefix + key;
    const call = (action: string, value = 0) => this.redis.bucket(redisKey, Date.now(), rate, burst, action, value);
    const report = (err: unknown) => this.log.warn(`Rate bucket ${key}: ${(err as Error).message}`);
    return {
      take: async () => {
        for (let wait = await call('take'); wait > 0; wait = await call('take')) await sleep(wait);
      },
      waitMs: () => call('peek'),
      setRate: (newRate) => void call('rate', newRate).catch(report),
      exhaust: (untilMs) => void call('exhaust', untilMs).catch(report),
    };
  }

  async close(): Promise<void> {
    await this.redis.quit().catch(() => undefined);
  }
}
