import type {
  AcknowledgePayload,
  CancelPayload,
  McfCancelPayload,
  McfCreatePayload,
  OutboxOperation,
  OutboxPayload,
  RefundPayload,
  ShipPayload,
  UpdateTrackingPayload,
} from '@order-hub/types';
import type { ChangeWindow, ChannelAdapter, OrderPage } from 'src/modules/channels/channel-adapter';
import { ChannelError } from 'src/modules/channels/channel-error';
import { mapChannelOrders } from 'src/modules/channels/map-channel-orders';
import type { ChannelCall, ChannelWriter, ReadBack } from 'src/modules/channels/channel-writer';
import type { ChannelClientOptions } from 'src/modules/channels/http/rate-buckets';
import { AmazonAccountHealth } from './amazon-account-health';
import {
  adjustmentErrors,
  amazonPaymentAdjustmentFeed,
  PAYMENT_ADJUSTMENT_FEED_TYPE,
} from './amazon-payment-adjustment';
import type { PollOptions } from './amazon-report-runner';
import { AmazonReturnsReport } from './amazon-returns-report';
import { AmazonMcf } from './amazon-mcf';
import { amazonReadBack } from './amazon-read-back';
import { amazonCancelFeed, amazonConfirmShipmentBody, processingReportErrors } from './amazon-write-requests';
import { AmazonClient, type AmazonCredentials } from './amazon-client';
import { AmazonPushClient } from './amazon-push';
import { AmazonShipping } from './amazon-shipping';
import { mapAmazonOrder } from './amazon-order.mapper';
import type { AmazonOrder } from './amazon-order.types';

/** Datasets the hub's model needs: the ship-to, fulfilment windows, packages, money and buyer cancellations. */
const INCLUDED_DATA = ['RECIPIENT', 'FULFILLMENT', 'PACKAGES', 'PROCEEDS', 'CANCELLATION'].join(',');
const PAGE_SIZE = 100;

const FEEDS = '/feeds/2021-06-30';
const FEED_CONTENT_TYPE = 'text/xml; charset=UTF-8';

/** The currency of each marketplace's adjustments (BaseCurrencyCode); the hub's accounts are US unless named. */
const MARKETPLACE_CURRENCY: Record<string, string> = {
  ATVPDKIKX0DER: 'USD',
  A2EUQ1WTGCTBG2: 'CAD',
  A1F83G8C2ARO7P: 'GBP',
  A1PA6795UKMFR9: 'EUR',
  A13V1IB3VIYZZH: 'EUR',
  APJ6JRA9NG5V4: 'EUR',
  A1RKKUPIHCS9HS: 'EUR',
  A1VC38T7YXB528: 'JPY',
  A21TJRUUN4KGV: 'INR',
};

export class AmazonAdapter implements ChannelAdapter, ChannelWriter {
  readonly channel = 'AMAZON' as const;
  readonly client: AmazonClient;
  readonly mcf: AmazonMcf;
  /** The seller's account health report (Reports API). */
  readonly accountHealth: AmazonAccountHealth;
  /** The seller's returns (the returns report by return date): what makes this adapter a ReturnsReader. */
  readonly returns: AmazonReturnsReport;
  /** The seller's ORDER_CHANGE and FULFILLMENT_ORDER_STATUS notifications (Notifications API, SQS). */
  readonly push: AmazonPushClient;
  /** Amazon Buy Shipping (Shipping API v2): labels whose purchase confirms the shipment on Amazon. */
  readonly labels: AmazonShipping;

  private readonly marketplaceId: string;
  /** The seller's merchant token: the feeds' MerchantIdentifier (not the marketplace id). */
  private readonly sellerId: string | null;

  constructor(
    baseUrl: string,
    seller: { marketplaceId: string; sellerId: string | null },
    credentials: AmazonCredentials,
    options: ChannelClientOptions = {},
    /** How long and how often to wait for a report (tests shorten it). */
    reportPoll?: PollOptions,
  ) {
    this.marketplaceId = seller.marketplaceId;
    this.sellerId = seller.sellerId;
    this.client = new AmazonClient(baseUrl.replace(/\/+$/, ''), credentials, options);
    this.mcf = new AmazonMcf(this.client, this.marketplaceId);
    this.labels = new AmazonShipping(this.client, credentials.clientSecret);
    this.accountHealth = new AmazonAccountHealth(this.client, this.marketplaceId, reportPoll);
    this.returns = new AmazonReturnsReport(this.client, this.marketplaceId, reportPoll);
    this.push = new AmazonPushClient(this.client, this.sellerId);
  }

  listWaitMs(): Promise<number> {
    return this.client.waitMs('searchOrders');
  }

  /** Amazon has no acknowledgement step; nothing is sent. */
  acknowledge(_p: AcknowledgePayload): Promise<ChannelCall> {
    return Promise.resolve({ request: { method: 'NONE', path: '' }, status: 204, body: null });
  }

  ship(p: ShipPayload): Promise<ChannelCall> {
    return this.confirm(p);
  }

  /** A corrected confirmation: the same packageReferenceId with the new tracking replaces the package. */
  updateTracking(p: UpdateTrackingPayload): Promise<ChannelCall> {
    return this.confirm(p);
  }

  /** Cancellation through the Feeds API; the feedId is followed up by the read-back. */
  cancel(p: CancelPayload): Promise<ChannelCall> {
    return this.submitFeed('POST_ORDER_ACKNOWLEDGEMENT_DATA', (sellerId) => amazonCancelFeed(p, sellerId));
  }

  /**
   * A refund (of a return, or of an order's lines) through the order adjustments feed; the feedId is followed up by
   * the read-back, which reads the feed's processing report.
   */
  refund(p: RefundPayload): Promise<ChannelCall> {
    return this.submitFeed(PAYMENT_ADJUSTMENT_FEED_TYPE, (sellerId) =>
      amazonPaymentAdjustmentFeed(p, sellerId, MARKETPLACE_CURRENCY[this.marketplaceId] ?? 'USD'),
    );
  }

  /** Amazon has no returns refund call: a return is refunded as an order refund (REFUND, the adjustment feed). */
  refundReturn(): Promise<ChannelCall> {
    return Promise.reject(
      new ChannelError(
        'AMAZON',
        'INVALID_REQUEST',
        'Amazon has no returns refund call; the hub refunds an Amazon return as an order refund (order adjustments feed)',
      ),
    );
  }

  /** Creating an order Amazon already has answers 200 again: the id is the idempotency key. */
  async mcfCreate(p: McfCreatePayload): Promise<ChannelCall> {
    const res = await this.client.post('createFulfillmentOrder', this.mcf.paths.create, p);
    return { request: { method: 'POST', path: this.mcf.paths.create, body: p }, status: res.status, body: res.body };
  }

  async mcfCancel(p: McfCancelPayload): Promise<ChannelCall> {
    const path = this.mcf.paths.cancel(p.sellerFulfillmentOrderId);
    const res = await this.client.put('cancelFulfillmentOrder', path);
    return { request: { method: 'PUT', path }, status: res.status, body: res.body };
  }

  async readBack(operation: OutboxOperation, payload: OutboxPayload, channelRef: string | null): Promise<ReadBack> {
    if (operation === 'MCF_CREATE' || operation === 'MCF_CANCEL')
      return this.mcfReadBack(operation, payload as McfCancelPayload);
    if (operation === 'RETURN_REFUND')
      return {
        state: 'REJECTED',
        detail: 'Amazon has no returns refund call; the hub refunds an Amazon return as an order refund',
      };
    // Amazon's Orders API shows no refunds: the adjustment feed's processing report is the only proof.
    if (operation === 'REFUND')
      return channelRef
        ? this.feedOutcome(channelRef, adjustmentErrors)
        : { state: 'NOT_APPLIED', detail: 'no order adjustments feed sent yet' };
    if (operation === 'CANCEL' && channelRef) {
      const feed = await this.feedOutcome(channelRef, processingReportErrors);
      if (feed.state !== 'APPLIED') return feed;
    }
    return amazonReadBack(
      operation,
      payload,
      await this.getOrder((payload as { channelOrderId: string }).channelOrderId),
    );
  }

  async fetchOrder(channelOrderId: string): Promise<Pick<OrderPage, 'orders' | 'rejected'> | null> {
    try {
      return mapChannelOrders([await this.getOrder(channelOrderId)], mapAmazonOrder, (o) => o?.orderId);
    } catch (err) {
      if (err instanceof ChannelError && err.kind === 'NOT_FOUND') return null;
      throw err;
    }
  }

  async getOrder(orderId: string): Promise<AmazonOrder> {
    const res = await this.client.get(
      'getOrder',
      `/orders/2026-01-01/orders/${encodeURIComponent(orderId)}?includedData=${INCLUDED_DATA}`,
    );
    return (res.body as { order: AmazonOrder }).order;
  }

  private async mcfReadBack(operation: 'MCF_CREATE' | 'MCF_CANCEL', p: McfCancelPayload): Promise<ReadBack> {
    const order = await this.mcf.get(p.sellerFulfillmentOrderId);
    if (!order)
      return { state: 'NOT_APPLIED', detail: `Amazon has no fulfillment order ${p.sellerFulfillmentOrderId}` };
    if (operation === 'MCF_CREATE') return { state: 'APPLIED', detail: order.status };
    const status = order.status.toUpperCase();
    if (status === 'CANCELLED') return { state: 'APPLIED' };
    if (['PROCESSING', 'COMPLETE', 'COMPLETEPARTIALLED', 'COMPLETE_PARTIALLED'].includes(status))
      return { state: 'REJECTED', detail: `Amazon is already ${order.status}: the parcel will ship` };
    return { state: 'NOT_APPLIED', detail: `still ${order.status}` };
  }

  private async confirm(p: ShipPayload): Promise<ChannelCall> {
    const path = `/orders/v0/orders/${encodeURIComponent(p.channelOrderId)}/shipmentConfirmation`;
    const body = amazonConfirmShipmentBody(p, this.marketplaceId);
    const res = await this.client.post('confirmShipment', path, body);
    return { request: { method: 'POST', path, body }, status: res.status, body: res.body };
  }

  /**
   * An XML feed through the Feeds API: createFeedDocument, upload the document, createFeed. The header names the
   * seller by its merchant token, so an account without one is refused before anything is sent.
   */
  private async submitFeed(feedType: string, build: (sellerId: string) => string): Promise<ChannelCall> {
    if (!this.sellerId) {
      throw new ChannelError(
        'AMAZON',
        'INVALID_REQUEST',
        "The account has no Amazon seller id: add its merchant token (Seller Central > Account info) as the credential sellerId; Amazon's order feeds name the seller by it",
        {
          operation: 'createFeedDocument',
          field: 'credentials.sellerId',
        },
      );
    }
    const doc = await this.client.post('createFeedDocument', `${FEEDS}/documents`, { contentType: FEED_CONTENT_TYPE });
    const { feedDocumentId, url } = doc.body as { feedDocumentId: string; url: string };
    const upload = await fetch(url, {
      method: 'PUT',
      headers: { 'content-type': FEED_CONTENT_TYPE },
      body: build(this.sellerId),
      signal: AbortSignal.timeout(20_000),
    });
    if (!upload.ok)
      throw new ChannelError(
        'AMAZON',
        upload.status >= 500 ? 'SERVER' : 'INVALID_REQUEST',
        `Feed document upload refused: HTTP ${upload.status} ${await upload.text()}`,
        { status: upload.status, operation: 'uploadFeedDocument' },
      );
    const body = { feedType, marketplaceIds: [this.marketplaceId], inputFeedDocumentId: feedDocumentId };
    const feed = await this.client.post('createFeed', `${FEEDS}/feeds`, body);
    const feedId = (feed.body as { feedId: string }).feedId;
    return {
      request: { method: 'POST', path: `${FEEDS}/feeds`, body },
      status: feed.status,
      body: feed.body,
      channelRef: feedId,
    };
  }

  /** A feed still queued or processing is IN_PROGRESS; its processing report's errors reject it. */
  private async feedOutcome(feedId: string, errorsOf: (report: string) => string[]): Promise<ReadBack> {
    const feed = (await this.client.get('getFeed', `${FEEDS}/feeds/${encodeURIComponent(feedId)}`)).body as {
      processingStatus: string;
      resultFeedDocumentId?: string;
    };
    if (feed.processingStatus === 'IN_QUEUE' || feed.processingStatus === 'IN_PROGRESS')
      return { state: 'IN_PROGRESS', detail: `feed ${feedId} ${feed.processingStatus}` };
    if (feed.processingStatus !== 'DONE' || !feed.resultFeedDocumentId)
      return {
        state: 'REJECTED',
        detail: `Amazon ${feed.processingStatus === 'CANCELLED' ? 'cancelled' : 'could not process'} feed ${feedId} (${feed.processingStatus})`,
      };
    const doc = (
      await this.client.get('getFeedDocument', `${FEEDS}/documents/${encodeURIComponent(feed.resultFeedDocumentId)}`)
    ).body as { url: string };
    const report = await (await fetch(doc.url, { signal: AbortSignal.timeout(20_000) })).text();
    const errors = errorsOf(report);
    return errors.length ? { state: 'REJECTED', detail: errors.join('; ') } : { state: 'APPLIED' };
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
    const body = res.body as {
      orders?: AmazonOrder[];
      pagination?: { nextToken?: string };
      lastUpdatedBefore?: string;
    };
    return {
      ...mapChannelOrders(body.orders ?? [], mapAmazonOrder, (o) => o?.orderId),
      nextCursor: body.pagination?.nextToken ?? null,
      pagesEstimated: null,
      windowEnd:
        window.changedBefore ??
        (body.lastUpdatedBefore ? new Date(body.lastUpdatedBefore) : new Date(Date.now() - 2 * 60_000)),
    };
  }
}
