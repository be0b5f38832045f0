import type { Channel, ChannelEnvironment, NormalizedOrder } from '@order-hub/types';
import type { z } from 'zod';
import type { ChannelAccountEntity } from './channel-account.entity';
import type { ChannelAdapter } from './channel-adapter';
import type { ChannelPushDescriptor } from './channel-push';
import type { ChannelClientOptions } from './http/rate-buckets';

/**
 * What the api needs to know to connect an account of one channel: each channel folder exports one
 * (`walmart/walmart.channel.ts`, `amazon/amazon.channel.ts`) and channel-registry.ts lists them.
 */
export interface ChannelDescriptor {
  channel: Channel;
  /** What the channel issues a seller; checked when an account is saved, so a sync never starts half-configured. */
  credentials: z.ZodType<Record<string, string>>;
  /** The channel's API root in each environment, used when an account names none. */
  defaultBaseUrl: Record<ChannelEnvironment, string>;
  /**
   * The hosts a PRODUCTION account may send its credentials to: the channel's published API hosts (https, port
   * 443), for `baseUrl` and for each credential that names a URL (Amazon's `lwaEndpoint`), with where they are
   * published. Another host needs a SANDBOX account or ALLOW_CUSTOM_CHANNEL_HOSTS=true.
   */
  publishedHosts: {
    baseUrl: readonly string[];
    credentials: Readonly<Record<string, readonly string[]>>;
    source: string;
  };
  /** How the channel pushes order events; absent when it has none. */
  push?: ChannelPushDescriptor;
  /** A payload the hub stored (`order.raw_payload`) read again by the channel's mapper; throws when it is not one. */
  mapStoredOrder(payload: Record<string, unknown>): NormalizedOrder;
  /** An adapter for the account, from its parsed credentials. */
  createAdapter(
    account: Pick<ChannelAccountEntity, 'baseUrl' | 'marketplace'>,
    credentials: Record<string, string>,
    options: ChannelClientOptions,
  ): ChannelAdapter;
}
