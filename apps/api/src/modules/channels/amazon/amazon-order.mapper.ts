import {
  FulfillmentMethod,
  OrderLineStatus,
  OrderStatus,
  PackageType,
  type NormalizedLineMoney,
  type NormalizedOrder,
  type NormalizedOrderLine,
  type NormalizedShipment,
  type PostalAddress,
  type ShipmentCarrierEvent,
} from '@order-hub/types';
import { countryAlpha2 } from 'src/modules/channels/channel-address';
import { toCents } from 'src/modules/channels/money';
import type { AmazonOrder, AmazonOrderItem } from './amazon-order.types';

const STATUS: Record<string, OrderStatus> = {
  PENDING_AVAILABILITY: OrderStatus.PENDING,
  PENDING: OrderStatus.PENDING,
  UNFULFILLABLE: OrderStatus.PENDING,
  UNSHIPPED: OrderStatus.ACKNOWLEDGED,
  PARTIALLY_SHIPPED: OrderStatus.PARTIALLY_SHIPPED,
  SHIPPED: OrderStatus.SHIPPED,
  CANCELLED: OrderStatus.CANCELLED,
};

/** Maps one Amazon order (Orders API 2026-01-01, with RECIPIENT, FULFILLMENT and PACKAGES included). Pure. */
export function mapAmazonOrder(order: AmazonOrder): NormalizedOrder {
  const fulfillmentStatus = order.fulfillment?.fulfillmentStatus ?? 'PENDING';
  const packages = order.packages ?? [];
  const delivered = packages.length > 0 && packages.every((p) => p.packageStatus?.status === 'DELIVERED');
  let status = STATUS[fulfillmentStatus] ?? OrderStatus.PENDING;
  if (status === OrderStatus.SHIPPED && delivered) status = OrderStatus.DELIVERED;
  const currency =
    order.proceeds?.grandTotal?.currencyCode ?? order.orderItems[0]?.product.price?.unitPrice?.currencyCode ?? 'USD';
  const lines = order.orderItems.map((item) => mapItem(item, status, currency));
  const createdAt = new Date(order.createdTime);
  return {
    channelOrderId: order.orderId,
    customerOrderId: null,
    orderedAt: createdAt,
    status,
    shipBy: date(order.fulfillment?.shipByWindow?.latestDateTime),
    deliverBy: date(order.fulfillment?.deliverByWindow?.latestDateTime),
    // Amazon has no acknowledgement step: an order that can be worked counts as acknowledged when placed.
    acknowledgedAt: status === OrderStatus.PENDING ? null : createdAt,
    shipMethod: order.fulfillment?.fulfillmentServiceLevel ?? null,
    fulfillmentMethod:
      order.fulfillment?.fulfilledBy === 'AMAZON' ? FulfillmentMethod.CHANNEL : FulfillmentMethod.MERCHANT,
    shipTo: addressOf(order),
    totalCents: order.proceeds?.grandTotal
      ? toCents(order.proceeds.grandTotal.amount, currency)
      : lines.reduce((sum, l) => sum + l.unitPriceCents * l.quantityOrdered, 0),
    currency,
    merchandiseCents: merchandiseOf(order, currency),
    rawPayload: order as unknown as Record<string, unknown>,
    lines,
    shipments: packages
      .filter((p) => p.shipTime || p.trackingNumber)
      .map((p): NormalizedShipment => ({
        carrier: p.carrier ?? 'Other',
        service: p.shippingService ?? null,
        trackingNumber: p.trackingNumber ?? null,
        trackingUrl: null,
        shippedAt: new Date(p.shipTime ?? order.lastUpdatedTime),
        packageType: PackageType.PARCEL,
        weightOz: null,
        lengthIn: null,
        widthIn: null,
        heightIn: null,
        lines: (p.packageItems ?? []).map((i) => ({ lineNumber: i.orderItemId, quantity: i.quantity })),
        events: packageEvents(p.packageStatus?.status),
      })),
    channelUpdatedAt: new Date(order.lastUpdatedTime),
    cancellationRequested: lines.some((l) => l.cancellationRequested),
    // A new ship confirmation needs a packageReferenceId the order does not hold yet.
    channelPackageReferenceIds: packages.map((p) => p.packageReferenceId),
    lineMoney: order.orderItems.map((item) => lineMoney(item, currency)),
  };
}

/**
 * What the item was charged: its proceeds total (item, shipping and tax, less promotions), null when Amazon does not
 * give it. The order carries no refunds (the hub's own go through the order adjustments feed, proven by its processing
 * report; others show in the returns report and financial events), so nothing counts as refunded here.
 */
function lineMoney(item: AmazonOrderItem, currency: string): NormalizedLineMoney {
  const total = item.proceeds?.proceedsTotal;
  return {
    lineNumber: item.orderItemId,
    chargeCents: total ? toCents(total.amount, total.currencyCode || currency) : null,
    refundedCents: 0,
    productRefundedCents: 0,
  };
}

function mapItem(item: AmazonOrderItem, orderStatus: OrderStatus, currency: string): NormalizedOrderLine {
  const ordered = item.quantityOrdered;
  const shipped =
    item.fulfillment?.quantityFulfilled ?? (orderStatus === 'SHIPPED' || orderStatus === 'DELIVERED' ? ordered : 0);
  const cancelled =
    orderStatus === OrderStatus.CANCELLED || item.cancellation?.cancellationExecution ? ordered - shipped : 0;
  const unitPriceCents = item.product.price?.unitPrice
    ? toCents(item.product.price.unitPrice.amount, item.product.price.unitPrice.currencyCode || currency)
    : Math.round(toCents(item.proceeds?.proceedsTotal?.amount, currency) / Math.max(ordered, 1));
  return {
    lineNumber: item.orderItemId,
    sku: item.product.sellerSku ?? item.product.asin ?? item.orderItemId,
    title: item.product.title ?? '',
    quantityOrdered: ordered,
    quantityShipped: shipped,
    quantityCancelled: cancelled,
    quantityRefunded: 0,
    unitPriceCents,
    status: lineStatus(orderStatus, ordered, shipped, cancelled),
    cancellationRequested:
      item.cancellation?.cancellationRequest?.requester === 'BUYER' &&
      !item.cancellation.cancellationExecution &&
      shipped + cancelled < ordered,
    cancellationReason: cancelled > 0 ? (item.cancellation?.cancellationExecution?.cancelReason ?? null) : null,
    cancelledBy:
      cancelled > 0 ? (CANCELLED_BY[item.cancellation?.cancellationExecution?.cancelledBy ?? ''] ?? null) : null,
  };
}

/** Amazon `cancellationExecution.cancelledBy` in the hub's terms (the compliance attribution's). */
const CANCELLED_BY: Record<string, 'BUYER' | 'SELLER' | 'CHANNEL'> = {
  BUYER: 'BUYER',
  MERCHANT: 'SELLER',
  AMAZON: 'CHANNEL',
};

/** Proceeds categories that make up the price of the goods with shipping, before tax (Amazon's letter/flat exemption). */
const MERCHANDISE = new Set(['ITEM', 'SHIPPING']);

/** Items and shipping before tax, from the order's proceeds breakdown or else its items'; null when Amazon gives neither. */
function merchandiseOf(order: AmazonOrder, currency: string): number | null {
  const sum = (rows: { type: string; subtotal: { amount: string } }[]) =>
    rows.filter((b) => MERCHANDISE.has(b.type)).reduce((total, b) => total + toCents(b.subtotal.amount, currency), 0);
  if (order.proceeds?.breakdowns?.length) return sum(order.proceeds.breakdowns);
  const items = order.orderItems.map((i) => i.proceeds?.breakdowns ?? []);
  return items.some((b) => b.length > 0) ? items.reduce((total, b) => total + sum(b), 0) : null;
}

function lineStatus(order: OrderStatus, ordered: number, shipped: number, cancelled: number): OrderLineStatus {
  if (cancelled === ordered) return OrderLineStatus.CANCELLED;
  if (shipped + cancelled === ordered)
    return order === OrderStatus.DELIVERED ? OrderLineStatus.DELIVERED : OrderLineStatus.SHIPPED;
  return order === OrderStatus.PENDING ? OrderLineStatus.CREATED : OrderLineStatus.ACKNOWLEDGED;
}

function addressOf(order: AmazonOrder): PostalAddress | null {
  const a = order.recipient?.deliveryAddress;
  if (!a?.addressLine1) return null;
  return {
    name: a.name ?? '',
    line1: a.addressLine1,
    line2: a.addressLine2 || null,
    line3: a.addressLine3 || null,
    city: a.city ?? '',
    stateOrRegion: a.stateOrRegion ?? '',
    postalCode: a.postalCode ?? '',
    countryCode: countryAlpha2(a.countryCode),
    phone: a.phone ?? null,
  };
}

/**
 * Amazon's package status carries no time of its own, so its events have none: the order's lastUpdatedTime is the
 * order's last change (a later refund moves it), not the scan's or the delivery's. A scan with no time still proves the
 * parcel moved; a delivery with no time is left out of on-time delivery, never guessed.
 */
function packageEvents(status: string | undefined): ShipmentCarrierEvent[] {
  if (status === 'IN_TRANSIT')
    return [{ type: 'SCANNED', at: null, description: 'Amazon package status IN_TRANSIT (no time given)' }];
  if (status === 'DELIVERED')
    return [{ type: 'DELIVERED', at: null, description: 'Amazon package status DELIVERED (no time given)' }];
  return [];
}

function date(iso: string | undefined): Date | null {
  return iso ? new Date(iso) : null;
}
