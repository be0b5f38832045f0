import { z } from 'zod';
import { mapAmazonOrder } from './amazon-order.mapper';
import type { AmazonOrder } from './amazon-order.types';
import type { ChannelDescriptor } from 'src/modules/channels/channel-descriptor';
import { requiredCredential } from 'src/modules/channels/credential-field';
import { AmazonAdapter } from './amazon.adapter';

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
  mapStoredOrder: (payload) => mapAmazonOrder(payload as unknown as AmazonOrder),
  createAdapter: (account, c, options) =>
    new AmazonAdapter(
      account.baseUrl,
      { marketplaceId: account.marketplace, sellerId: c.sellerId ?? null },
      { clientId: c.clientId, clientSecret: c.clientSecret, refreshToken: c.refreshToken, lwaEndpoint: c.lwaEndpoint },
      options,
    ),
};
