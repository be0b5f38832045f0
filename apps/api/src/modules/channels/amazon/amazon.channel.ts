import { z } from 'zod';
import { mapAmazonOrder } from './amazon-order.mapper';
import type { AmazonOrder } from './amazon-order.types';
import type { ChannelDescriptor } from 'src/modules/channels/channel-descriptor';
import { requiredCredential } from 'src/modules/channels/credential-field';
import { AmazonAdapter } from './amazon.adapter';
import { amazonPush } from './amazon-push';

export const amazonChannel: ChannelDescriptor = {
  channel: 'AMAZON',
  credentials: z
    .object({
      clientId: requiredCredential('clientId'),
      clientSecret: requiredCredential('clientSecret'),
      refreshToken: requiredCredential('refreshToken'),
      lwaEndpoint: z.string().url({ message: 'lwaEndpoint must be an http(s) URL' }).optional(),
      /** The seller's merchant token (Seller Central › Account info); feeds name it as MerchantIdentifier. */
      sellerId: z.string().trim().min(1, { message: 'sellerId must not be empty' }).optional(),
    })
    .strict(),
  defaultBaseUrl: {
    PRODUCTION: 'https://sellingpartnerapi-na.amazon.com',
    SANDBOX: 'https://sandbox.sellingpartnerapi-na.amazon.com',
  },
  publishedHosts: {
    // One SP-API host per selling region: North America, Europe, Far East.
    baseUrl: ['sellingpartnerapi-na.amazon.com', 'sellingpartnerapi-eu.amazon.com', 'sellingpartnerapi-fe.amazon.com'],
    // Login with Amazon's token endpoint (api.amazon.com serves SP-API in every region; EU and FE have their own).
    credentials: { lwaEndpoint: ['api.amazon.com', 'api.amazon.co.uk', 'api.amazon.co.jp'] },
    source:
      'SP-API endpoints (developer-docs.amazon.com/sp-api/docs/sp-api-endpoints) and LWA token endpoints by region (developer.amazon.com/docs/amazon-data-portability/use-refresh-token.html): shared/docs/reference/amazon-detail.md 1.1 and 1.5',
  },
  push: amazonPush,
  mapStoredOrder: (payload) => mapAmazonOrder(payload as unknown as AmazonOrder),
  createAdapter: (account, c, options) =>
    new AmazonAdapter(
      account.baseUrl,
      { marketplaceId: account.marketplace, sellerId: c.sellerId ?? null },
      { clientId: c.clientId, clientSecret: c.clientSecret, refreshToken: c.refreshToken, lwaEndpoint: c.lwaEndpoint },
      options,
    ),
};
