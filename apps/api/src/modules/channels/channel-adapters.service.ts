import { Injectable } from '@nestjs/common';
import { InjectConfig } from '../../config/app-config.token';
import type { AppConfig } from '../../config/app-config';
import { AmazonAdapter } from './amazon/amazon.adapter';
import type { ChannelAdapter } from './channel-adapter';
import type { ChannelAccountEntity } from './channel-account.entity';
import { ChannelAccountsService } from './channel-accounts.service';
import { ChannelError } from './channel-error';
import { parseCredentials } from './channel-credentials';
import { DEFAULT_RETRY_POLICY } from './http/channel-http';
import { WalmartAdapter } from './walmart/walmart.adapter';

/**
 * One adapter per account, kept while the account is unchanged so its token and rate buckets carry over
 * from one pull to the next (a fresh bucket would spend a burst the channel has already counted).
 */
@Injectable()
export class ChannelAdaptersService {
  private readonly cache = new Map<string, { version: number; adapter: ChannelAdapter }>();

  constructor(
    private readonly accounts: ChannelAccountsService,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

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
      throw new ChannelError(account.channel, 'AUTH', `The account's credentials are incomplete: ${credentials.message}. Update them in the account settings.`);
    }
    const policy = { ...DEFAULT_RETRY_POLICY, timeoutMs: this.config.sync.channelTimeoutMs, baseDelayMs: this.config.sync.channelRetryBaseMs };
    const c = credentials.value;
    const scale = this.config.sync.channelRateScale;
    return account.channel === 'WALMART'
      ? new WalmartAdapter(account.baseUrl, { clientId: c.clientId, clientSecret: c.clientSecret }, policy, scale)
      : new AmazonAdapter(
          account.baseUrl,
          account.marketplace,
          { clientId: c.clientId, clientSecret: c.clientSecret, refreshToken: c.refreshToken, lwaEndpoint: c.lwaEndpoint },
          policy,
          scale,
        );
  }
}
