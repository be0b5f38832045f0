import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { InjectConfig } from 'src/config/app-config.token';
import type { AppConfig } from 'src/config/app-config';
import type { ChannelAdapter } from './channel-adapter';
import type { ChannelAccountEntity } from './channel-account.entity';
import { ChannelAccountsService } from './channel-accounts.service';
import { ChannelError } from './channel-error';
import { parseCredentials } from './channel-credentials';
import { channelDescriptor } from './channel-registry';
import { DEFAULT_RETRY_POLICY } from './http/channel-http';
import { MemoryRateBuckets } from './http/rate-buckets';
import { RedisRateBuckets } from './http/redis-rate-buckets';

/**
 * One adapter per account, kept while the account is unchanged so its token and rate buckets carry over
 * from one pull to the next (a fresh bucket would spend a burst the channel has already counted).
 */
@Injectable()
export class ChannelAdaptersService implements OnApplicationShutdown {
  private readonly cache = new Map<string, { version: number; adapter: ChannelAdapter }>();
  /** With REDIS_URL, every process spends an account's channel budget from the same buckets. */
  private readonly rateBuckets: MemoryRateBuckets | RedisRateBuckets;

  constructor(
    private readonly accounts: ChannelAccountsService,
    @InjectConfig() private readonly config: AppConfig,
  ) {
    this.rateBuckets = config.redisUrl ? new RedisRateBuckets(config.redisUrl) : new MemoryRateBuckets();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.rateBuckets instanceof RedisRateBuckets) await this.rateBuckets.close();
  }

  async forAccount(account: ChannelAccountEntity): Promise<ChannelAdapter> {
    const version = account.updatedAt.getTime();
    const cached = this.cache.get(account.id);
    if (cached && cached.version === version) return cached.adapter;
    const adapter = this.build(account, await this.accounts.credentialsOf(account.id));
    this.cache.set(account.id, { version, adapter });
    return adapter;
  }

  private build(account: ChannelAccountEntity, stored: Record<string, string> | null): ChannelAdapter {
    const credentials = parseCredentials(account.channel, stored ?? {});
    if (!credentials.ok) {
      throw new ChannelError(
        account.channel,
        'AUTH',
        `The account's credentials are incomplete: ${credentials.message}. Update them in the account settings.`,
      );
    }
    const options = {
      policy: {
        ...DEFAULT_RETRY_POLICY,
        timeoutMs: this.config.sync.channelTimeoutMs,
        baseDelayMs: this.config.sync.channelRetryBaseMs,
      },
      rateScale: this.config.sync.channelRateScale,
      rateBuckets: this.rateBuckets,
      bucketKey: account.id,
    };
    return channelDescriptor(account.channel).createAdapter(account, credentials.value, options);
  }
}
