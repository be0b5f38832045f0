import type { RetryPolicy } from '../http/channel-http';
import type { ChangeWindow, ChannelAdapter, OrderPage } from '../channel-adapter';
import { AmazonClient, type AmazonCredentials } from './amazon-client';
import { mapAmazonOrder } from './amazon-order.mapper';
import type { AmazonOrder } from './amazon-order.types';

/** Datasets the hub's model needs: the ship-to, fulfilment windows, packages, money and buyer cancellations. */
const INCLUDED_DATA = ['RECIPIENT', 'FULFILLMENT', 'PACKAGES', 'PROCEEDS', 'CANCELLATION'].join(',');
const PAGE_SIZE = 100;

export class AmazonAdapter implements ChannelAdapter {
  readonly channel = 'AMAZON' as const;
  readonly client: AmazonClient;

  constructor(
    baseUrl: string,
    private readonly marketplaceId: string,
    credentials: AmazonCredentials,
    policy?: RetryPolicy,
    rateScale = 1,
  ) {
    this.client = new AmazonClient(baseUrl.replace(/\/+$/, ''), credentials, policy, rateScale);
  }

  listWaitMs(): number {
    return this.client.waitMs('searchOrders');
  }

  async listChangedOrders(window: ChangeWindow, cursor: string | null): Promise<OrderPage> {
    const query = new URLSearchParams({
      marketplaceIds: this.marketplaceId,
      lastUpdatedAfter: window.changedAfter.toISOString(),
      includedData: INCLUDED_DATA,
      maxResultsPerPage: String(PAGE_SIZE),
    });
    // Left out, Amazon applies "two minutes ago" by its own clock and says which instant it used.
    if (window.changedBefore) query.set('lastUpdatedBefore', window.changedBefore.toISOString());
    if (cursor) query.set('paginationToken', cursor);
    const res = await this.client.get('searchOrders', `/orders/2026-01-01/orders?${query.toString()}`);
    const body = res.body as { orders?: AmazonOrder[]; pagination?: { nextToken?: string }; lastUpdatedBefore?: string };
    return {
      orders: (body.orders ?? []).map(mapAmazonOrder),
      nextCursor: body.pagination?.nextToken ?? null,
      pagesEstimated: null,
      windowEnd: window.changedBefore ?? (body.lastUpdatedBefore ? new Date(body.lastUpdatedBefore) : new Date(Date.now() - 2 * 60_000)),
    };
  }
}
