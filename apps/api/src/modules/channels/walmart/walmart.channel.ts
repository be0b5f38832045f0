import { z } from 'zod';
import { mapWalmartOrder } from './walmart-order.mapper';
import type { WalmartOrder } from './walmart-order.types';
import type { ChannelDescriptor } from 'src/modules/channels/channel-descriptor';
import { requiredCredential } from 'src/modules/channels/credential-field';
import { WalmartAdapter } from './walmart.adapter';
import { walmartPush } from './walmart-push';

export const walmartChannel: ChannelDescriptor = {
  channel: 'WALMART',
  credentials: z
    .object({ clientId: requiredCredential('clientId'), clientSecret: requiredCredential('clientSecret') })
    .strict(),
  defaultBaseUrl: { PRODUCTION: 'https://marketplace.walmartapis.com', SANDBOX: 'https://sandbox.walmartapis.com' },
  publishedHosts: {
    baseUrl: ['marketplace.walmartapis.com'],
    credentials: {},
    source:
      'Walmart Marketplace API servers (Orders and Authentication specs, developer.walmart.com/us-marketplace/docs/api-integration-usage): shared/docs/reference/walmart.md "Base URLs"',
  },
  push: walmartPush,
  mapStoredOrder: (payload) => mapWalmartOrder(payload as unknown as WalmartOrder),
  createAdapter: (account, c, options) =>
    new WalmartAdapter(account.baseUrl, { clientId: c.clientId, clientSecret: c.clientSecret }, options),
};
