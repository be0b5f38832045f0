import type { AmazonItem, AmazonOrder } from '../../state/types';
import { iso } from '../validate';

export const INCLUDED_DATA = [
  'BUYER',
  'RECIPIENT',
  'PROCEEDS',
  'EXPENSE',
  'PROMOTION',
  'CANCELLATION',
  'FULFILLMENT',
  'PACKAGES',
  'TAX',
  'PAYMENT',
  'FULFILLMENT_ORDERS',
] as const;
export type IncludedData = (typeof INCLUDED_DATA)[number];

export type FulfillmentStatus = 'PENDING' | 'UNSHIPPED' | 'PARTIALLY_SHIPPED' | 'SHIPPED' | 'CANCELLED';

export function fulfillmentStatus(order: AmazonOrder): FulfillmentStatus {
  const ordered = order.items.reduce((s, i) => s + i.quantity, 0);
  const cancelled = order.items.reduce((s, i) => s + i.quantityCancelled, 0);
  const shipped = order.items.reduce((s, i) => s + i.quantityShipped, 0);
  if (order.cancelled || cancelled === ordered) return 'CANCELLED';
  if (shipped === 0) return 'UNSHIPPED';
  return shipped + cancelled >= ordered ? 'SHIPPED' : 'PARTIALLY_SHIPPED';
}

const money = (amount: number | string) => ({
  amount: typeof amount === 'number' ? amount.toFixed(2) : amount,
  currencyCode: 'USD',
});

function itemTotal(item: AmazonItem): number {
  return (Number(item.unitPrice) + Number(item.unitTax)) * (item.quantity - item.quantityCancelled);
}

function serializeItem(item: AmazonItem, include: Set<IncludedData>) {
  const out: Record<string, unknown> = {
    orderItemId: item.orderItemId,
    quantityOrdered: item.quantity,
    product: {
      asin: item.asin,
      title: item.title,
      sellerSku: item.sellerSku,
      condition: { conditionType: 'New', conditionSubtype: 'New' },
      price: { unitPrice: money(item.unitPrice) },
    },
  };
  if (include.has('FULFILLMENT')) {
    out.fulfillment = {
      quantityFulfilled: item.quantityShipped,
      quantityUnfulfilled: item.quantity - item.quantityShipped - item.quantityCancelled,
    };
  }
  if (include.has('PROCEEDS')) {
    const live = item.quantity - item.quantityCancelled;
    out.proceeds = {
      proceedsTotal: money(itemTotal(item)),
      breakdowns: [
        { type: 'ITEM', subtotal: money(Number(item.unitPrice) * live) },
        { type: 'TAX', subtotal: money(Number(item.unitTax) * live) },
      ],
    };
  }
  if (include.has('CANCELLATION') && (item.buyerRequestedCancel || item.cancelledBy)) {
    out.cancellation = {
      ...(item.buyerRequestedCancel
        ? { cancellationRequest: { requester: 'BUYER', cancelReason: item.buyerRequestedCancel.reason } }
        : {}),
      ...(item.cancelledBy
        ? { cancellationExecution: { cancelledBy: item.cancelledBy, cancelReason: item.cancelReason ?? 'UNKNOWN' } }
        : {}),
    };
  }
  return out;
}

/** Orders API 2026-01-01 `Order`: the base fields always, the rest only when named in `includedData`. */
export function serializeAmazonOrder(order: AmazonOrder, included: readonly IncludedData[] | 'ALL') {
  const include = new Set<IncludedData>(included === 'ALL' ? INCLUDED_DATA : included);
  const out: Record<string, unknown> = {
    orderId: order.orderId,
    createdTime: iso(order.createdTime),
    lastUpdatedTime: iso(order.lastUpdatedTime),
    programs: order.programs,
    salesChannel: { channelName: 'AMAZON', marketplaceId: order.marketplaceId, marketplaceName: 'Amazon.com' },
    orderItems: order.items.map((i) => serializeItem(i, include)),
  };
  if (include.has('BUYER')) out.buyer = { buyerName: order.buyer.name, buyerEmail: order.buyer.email };
  if (include.has('RECIPIENT')) out.recipient = { deliveryAddress: { ...order.address } };
  if (include.has('PROCEEDS')) out.proceeds = { grandTotal: money(order.items.reduce((s, i) => s + itemTotal(i), 0)) };
  if (include.has('FULFILLMENT')) {
    out.fulfillment = {
      fulfillmentStatus: fulfillmentStatus(order),
      fulfilledBy: order.fulfilledBy,
      fulfillmentServiceLevel: order.serviceLevel.toUpperCase(),
      shipByWindow: { earliestDateTime: iso(order.shipBy.earliest), latestDateTime: iso(order.shipBy.latest) },
      deliverByWindow: { earliestDateTime: iso(order.deliverBy.earliest), latestDateTime: iso(order.deliverBy.latest) },
    };
  }
  if (include.has('PACKAGES') && order.fulfilledBy === 'MERCHANT') {
    out.packages = order.packages.map((p) => ({
      packageReferenceId: p.packageReferenceId,
      createdTime: iso(p.createdTime),
      packageStatus: { status: p.status },
      carrier: p.carrierCode === 'Other' ? (p.carrierName ?? 'Other') : p.carrierCode,
      shipTime: iso(p.shipTime),
      ...(p.shippingMethod ? { shippingService: p.shippingMethod } : {}),
      trackingNumber: p.trackingNumber,
      packageItems: p.items.map((i) => ({ orderItemId: i.orderItemId, quantity: i.quantity })),
    }));
  }
  return out;
}
