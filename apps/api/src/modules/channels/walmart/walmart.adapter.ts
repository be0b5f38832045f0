import type {
  AcknowledgePayload,
  CancelPayload,
  OutboxOperation,
  OutboxPayload,
  RefundPayload,
  ReturnRefundPayload,
  ShipPayload,
  UpdateTrackingPayload,
} from '@order-hub/types';
import type { RawResponse } from 'src/modules/channels/http/channel-http';
import type { ChannelClientOptions } from 'src/modules/channels/http/rate-buckets';
import type { ChangeWindow, ChannelAdapter, OrderPage } from 'src/modules/channels/channel-adapter';
import type { ChannelCall, ChannelWriter, ReadBack } from 'src/modules/channels/channel-writer';
import { ChannelError } from 'src/modules/channels/channel-error';
import { mapChannelOrders } from 'src/modules/channels/map-channel-orders';
import { walmartReadBack } from './walmart-read-back';
import type { ReturnsReader } from 'src/modules/channels/returns-reader';
import { walmartReturnReadBack } from './walmart-return-read-back';
import { WalmartReturns } from './walmart-returns';
import { WalmartPushClient } from './walmart-push';
import {
  walmartCancelBody,
  walmartRefundBody,
  walmartReturnRefundBody,
  walmartShipBody,
} from './walmart-write-requests';
import { WalmartClient, type WalmartCredentials } from './walmart-client';
import { mapWalmartOrder } from './walmart-order.mapper';
import { followCursor, isNoOrders, walmartDate, wholeSecond } from './walmart-list';
import type { WalmartOrder } from './walmart-order.types';

export { isNoOrders, walmartDate } from './walmart-list';

const PAGE_SIZE = 200;
/** Walmart lists orders created in the last 180 days only. */
const CREATED_HORIZON_MS = 179 * 86_400_000;
/**
 * Seller-fulfilled orders first, then those routed to the seller's third-party logistics node (still the seller's to
 * ship), then WFS ones (imported read-only as channel-fulfilled). Walmart lists one node type per query.
 */
const SHIP_NODES = ['SellerFulfilled', '3PLFulfilled', 'WFSFulfilled'] as const;
type ShipNode = (typeof SHIP_NODES)[number];

interface Cursor {
  node: ShipNode;
  /** Walmart's own `nextCursor` query string, or null for the node's first page. */
  next: string | null;
}

interface ListResponse {
  list?: {
    meta?: { totalCount?: number; limit?: number; nextCursor?: string | null };
    elements?: { order?: WalmartOrder[] };
  };
}

export class WalmartAdapter implements ChannelAdapter, ChannelWriter, ReturnsReader {
  readonly channel = 'WALMART' as const;
  readonly client: WalmartClient;
  /** The seller's returns (Returns API). */
  readonly returns: WalmartReturns;
  /** The seller's ORDER_UPDATES webhook subscription (Notifications API). */
  readonly push: WalmartPushClient;

  constructor(baseUrl: string, credentials: WalmartCredentials, options: ChannelClientOptions = {}) {
    this.client = new WalmartClient(baseUrl.replace(/\/+$/, ''), credentials, options);
    this.returns = new WalmartReturns(this.client);
    this.push = new WalmartPushClient(this.client);
  }

  listWaitMs(): Promise<number> {
    return this.client.waitMs('orders.list');
  }

  async listChangedOrders(requested: ChangeWindow, cursor: string | null): Promise<OrderPage> {
    // Walmart's date filters have whole seconds: the bound is what is sent, not the instant asked for.
    const window = {
      changedAfter: requested.changedAfter,
      changedBefore: wholeSecond(requested.changedBefore ?? new Date()),
    };
    const at: Cursor = cursor ? (JSON.parse(cursor) as Cursor) : { node: SHIP_NODES[0], next: null };
    const path = at.next ? followCursor('/v3/orders', at.next) : `/v3/orders?${this.query(window, at.node)}`;
    const res = await this.client.get('orders.list', path).catch((err: unknown) => {
      if (isNoOrders(err)) return null;
      throw err;
    });
    const list = (res?.body as ListResponse | null)?.list;
    const { orders, rejected } = mapChannelOrders(
      list?.elements?.order ?? [],
      mapWalmartOrder,
      (o) => o?.purchaseOrderId,
    );
    const next = list?.meta?.nextCursor || null;
    const nodeIndex = SHIP_NODES.indexOf(at.node);
    const nextCursor: Cursor | null = next
      ? { node: at.node, next }
      : nodeIndex + 1 < SHIP_NODES.length
        ? { node: SHIP_NODES[nodeIndex + 1], next: null }
        : null;
    const total = list?.meta?.totalCount;
    return {
      orders,
      rejected,
      nextCursor: nextCursor && JSON.stringify(nextCursor),
      pagesEstimated: typeof total === 'number' ? Math.ceil(total / PAGE_SIZE) : null,
      windowEnd: window.changedBefore,
    };
  }

  acknowledge(p: AcknowledgePayload): Promise<ChannelCall> {
    return this.write('orders.acknowledge', `/v3/orders/${encodeURIComponent(p.channelOrderId)}/acknowledge`);
  }

  async ship(p: ShipPayload | UpdateTrackingPayload): Promise<ChannelCall> {
    return this.write(
      'orders.ship',
      `/v3/orders/${encodeURIComponent(p.channelOrderId)}/shipping`,
      walmartShipBody(p, await this.sellerOrderIds(p.channelOrderId)),
    );
  }

  updateTracking(p: UpdateTrackingPayload): Promise<ChannelCall> {
    return this.ship(p);
  }

  /** The seller order id Walmart holds per line (its own copy is the truth; the hub does not store it). */
  private async sellerOrderIds(purchaseOrderId: string): Promise<Map<string, string>> {
    const order = await this.getOrder(purchaseOrderId);
    const ids = order.orderLines.orderLine.map(
      (l) => [l.lineNumber, (l as { sellerOrderId?: string | null }).sellerOrderId] as const,
    );
    return new Map(ids.filter((e): e is readonly [string, string] => typeof e[1] === 'string' && e[1] !== ''));
  }

  cancel(p: CancelPayload): Promise<ChannelCall> {
    return this.write(
      'orders.cancel',
      `/v3/orders/${encodeURIComponent(p.channelOrderId)}/cancel`,
      walmartCancelBody(p),
    );
  }

  async refund(p: RefundPayload): Promise<ChannelCall> {
    const order = await this.getOrder(p.channelOrderId);
    const lines = p.lines.map((l) => ({
      ...l,
      order: order.orderLines.orderLine.find((o) => o.lineNumber === l.lineNumber),
    }));
    return this.write(
      'orders.refund',
      `/v3/orders/${encodeURIComponent(p.channelOrderId)}/refund`,
      walmartRefundBody(p.channelOrderId, lines, p.comments),
    );
  }

  /** Refunds a return's units; Walmart computes the amounts from the return's charges. */
  async refundReturn(p: ReturnRefundPayload): Promise<ChannelCall> {
    const body = walmartReturnRefundBody(p);
    return this.write('returns.refund', `/v3/returns/${encodeURIComponent(p.channelReturnId)}/refund`, body);
  }

  mcfCreate(): Promise<ChannelCall> {
    return Promise.reject(
      new ChannelError(
        'WALMART',
        'INVALID_REQUEST',
        'Multi-Channel Fulfillment orders are created on an Amazon account',
      ),
    );
  }

  mcfCancel(): Promise<ChannelCall> {
    return this.mcfCreate();
  }

  async readBack(operation: OutboxOperation, payload: OutboxPayload): Promise<ReadBack> {
    if (operation === 'MCF_CREATE' || operation === 'MCF_CANCEL')
      return { state: 'REJECTED', detail: 'Multi-Channel Fulfillment orders live on an Amazon account' };
    if (operation === 'RETURN_REFUND') {
      const p = payload as ReturnRefundPayload;
      return walmartReturnReadBack(p, await this.returns.get(p.channelReturnId));
    }
    return walmartReadBack(
      operation,
      payload,
      await this.getOrder((payload as { channelOrderId: string }).channelOrderId),
    );
  }

  async fetchOrder(channelOrderId: string): Promise<Pick<OrderPage, 'orders' | 'rejected'> | null> {
    try {
      return mapChannelOrders([await this.getOrder(channelOrderId)], mapWalmartOrder, (o) => o?.purchaseOrderId);
    } catch (err) {
      if (err instanceof ChannelError && err.kind === 'NOT_FOUND') return null;
      throw err;
    }
  }

  async getOrder(purchaseOrderId: string): Promise<WalmartOrder> {
    const res = await this.client.get(
      'orders.get',
      `/v3/orders/${encodeURIComponent(purchaseOrderId)}?replacementInfo=true`,
    );
    return (res.body as { order: WalmartOrder }).order;
  }

  private async write(operation: string, path: string, body?: unknown): Promise<ChannelCall> {
    const res: RawResponse = await this.client.post(operation, path, body);
    return {
      request: { method: 'POST', path, ...(body === undefined ? {} : { body }) },
      status: res.status,
      body: res.body,
    };
  }

  private query(window: { changedAfter: Date; changedBefore: Date }, node: ShipNode): string {
    return new URLSearchParams({
      // Walmart defaults createdStartDate to 7 days ago, which would hide older orders changed in the window.
      createdStartDate: walmartDate(new Date(window.changedBefore.getTime() - CREATED_HORIZON_MS)),
      lastModifiedStartDate: walmartDate(window.changedAfter),
      lastModifiedEndDate: walmartDate(window.changedBefore),
      shipNodeType: node,
      // Adds orderType and originalCustomerOrderID, so a replacement order is known as one.
      replacementInfo: 'true',
      limit: String(PAGE_SIZE),
    }).toString();
  }
}
