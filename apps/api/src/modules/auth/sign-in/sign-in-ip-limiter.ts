import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { Redis } from 'ioredis';
import type { AppConfig } from 'src/config/app-config';
import { InjectConfig } from 'src/config/app-config.token';
import { redisOptions } from 'src/modules/jobs/redis-options';

/** Refused sign-ins (passwords and second-factor codes) one address may make in a window before it is locked. */
export const SIGN_IN_FAILURES_PER_IP = 10;
export const SIGN_IN_IP_WINDOW_MS = 15 * 60_000;
const NAMESPACE = 'order-hub:sign-in-failures:';

/**
 * Counts refused sign-ins per client address in a fixed 15-minute window: once an address has 10, every sign-in
 * from it is refused until the window ends, whatever the account (guessing one password across many accounts).
 * With REDIS_URL the counts live in Redis, shared by every api process; without, in this process.
 */
@Injectable()
export class SignInIpLimiter implements OnModuleDestroy {
  private readonly log = new Logger(SignInIpLimiter.name);
  private readonly redis: Redis | null;
  private readonly memory = new Map<string, { count: number; resetAt: number }>();

  constructor(@InjectConfig() config: AppConfig) {
    this.redis = config.redisUrl
      ? new Redis({
          ...redisOptions(config.redisUrl),
          maxRetriesPerRequest: 1,
          commandTimeout: 1_000,
          lazyConnect: true,
        })
      : null;
    this.redis?.on('error', (err: Error) =>
      this.log.warn(`Sign-in failure counts (Redis) unavailable: ${err.message}`),
    );
  }

  /** Seconds until the address may try again; 0 when it is not locked. */
  async lockedForSeconds(ip: string): Promise<number> {
    const { count, ttlMs } = await this.read(ip);
    return count >= SIGN_IN_FAILURES_PER_IP ? Math.max(1, Math.ceil(ttlMs / 1000)) : 0;
  }

  /** Counts one refused sign-in from the address. */
  async recordFailure(ip: string): Promise<void> {
    if (this.redis) {
      try {
        const key = NAMESPACE + ip;
        // The window starts with the first failure (NX) and is not extended by later ones.
        await this.redis.multi().set(key, 0, 'PX', SIGN_IN_IP_WINDOW_MS, 'NX').incr(key).exec();
        return;
      } catch (err) {
        this.log.warn(`Could not count a refused sign-in in Redis: ${(err as Error).message}`);
      }
    }
    const now = Date.now();
    const entry = this.memory.get(ip);
    if (entry && entry.resetAt > now) entry.count += 1;
    else this.memory.set(ip, { count: 1, resetAt: now + SIGN_IN_IP_WINDOW_MS });
    if (this.memory.size > 10_000) this.sweep(now);
  }

  async onModuleDestroy(): Promise<void> {
    if (!this.redis) return;
    // Never used (no sign-in since start): nothing to say goodbye to.
    if (this.redis.status === 'wait') this.redis.disconnect();
    else await this.redis.quit().catch(() => undefined);
  }

  private async read(ip: string): Promise<{ count: number; ttlMs: number }> {
    if (this.redis) {
      try {
        const key = NAMESPACE + ip;
        const [[, count], [, ttl]] = (await this.redis.multi().get(key).pttl(key).exec()) as [
          [null, string | null],
          [null, number],
        ];
        return { count: Number(count ?? 0), ttlMs: ttl > 0 ? ttl : SIGN_IN_IP_WINDOW_MS };
      } catch (err) {
        this.log.warn(`Could not read refused sign-ins from Redis: ${(err as Error).message}`);
      }
    }
    const entry = this.memory.get(ip);
    const now = Date.now();
    if (!entry || entry.resetAt <= now) return { count: 0, ttlMs: 0 };
    return { count: entry.count, ttlMs: entry.resetAt - now };
  }

  private sweep(now: number): void {
    for (const [ip, entry] of this.memory) if (entry.resetAt <= now) this.memory.delete(ip);
  }
}
