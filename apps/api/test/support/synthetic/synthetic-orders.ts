import {
  FulfillmentMethod,
  OrderLineStatus,
  OrderStatus,
  PackageType,
  type Channel,
  type NormalizedOrder,
  type NormalizedOrderLine,
  type NormalizedShipment,
  type PostalAddress,
} from '@order-hub/types';
import { CITIES, FIRST_NAMES, LAST_NAMES, PRODUCTS, STREETS } from './catalog';
import { Random } from '@order-hub/sandbox';

const HOUR = 3_600_000;

/** Status mix per channel: mostly work to do, enough history to look real. */
const STATUS_WEIGHTS: Record<Channel, Partial<Record<OrderStatus, number>>> = {
  WALMART: { CREATED: 18, ACKNOWLEDGED: 32, PARTIALLY_SHIPPED: 4, SHIPPED: 28, DELIVERED: 12, CANCELLED: 6 },
  AMAZON: { PENDING: 3, ACKNOWLEDGED: 45, PARTIALLY_SHIPPED: 4, SHIPPED: 30, DELIVERED: 12, CANCELLED: 6 },
};

const CARRIERS = [
  { carrier: 'UPS', service: 'Ground', tracking: (r: Random) => `1Z${r.digits(3)}W${r.int(10, 99)}${r.digits(10)}` },
  { carrier: 'USPS', service: 'Ground Advantage', tracking: (r: Random) => `9400${r.digits(18)}` },
  { carrier: 'FedEx', service: 'Home Delivery', tracking: (r: Random) => r.digits(12) },
] as const;

/**
 * Deterministic synthetic orders for one account, for benchmarks and tests that need volume without a channel;
 * spread around `now` so every inbox view has work in it:
 * new orders, orders due later today, overdue ones inside the auto-cancel grace, shipped history.
 */
export function generateSyntheticOrders(channel: Channel, count: number, seed: number, now: Date): NormalizedOrder[] {
  const r = new Random(seed);
  return Array.from({ length: count }, () => demoOrder(channel, r, now));
}

function demoOrder(channel: Channel, r: Random, now: Date): NormalizedOrder {
  const status = r.weighted(STATUS_WEIGHTS[channel] as Record<OrderStatus, number>);
  const open = status === 'CREATED' || status === 'ACKNOWLEDGED' || status === 'PARTIALLY_SHIPPED';
  // Open orders are recent (some already late); finished ones reach back two weeks. Whole ms only.
  const ageHours = status === 'CREATED' ? r.int(0, 30) : open ? r.int(1, 96) : r.int(24, 336);
  const orderedAt = new Date(Math.floor(now.getTime() / 1000) * 1000 - ageHours * HOUR - r.int(0, 3599) * 1000);
  const shipBy = new Date(orderedAt.getTime() + r.int(20, 60) * HOUR);
  const deliverBy = new Date(shipBy.getTime() + r.int(2, 5) * 24 * HOUR);
  const channelFulfilled = status !== 'CREATED' && r.next() < 0.05;

  const lines = demoLines(channel, status, r);
  const shipments = demoShipments(lines, orderedAt, now, r);
  const totalCents = lines.reduce((sum, l) => sum + l.unitPriceCents * l.quantityOrdered, 0);
  const shipTo = demoAddress(r);
  const channelOrderId =
    channel === 'WALMART' ? `${r.int(1, 9)}${r.digits(12)}` : `${r.int(111, 114)}-${r.digits(7)}-${r.digits(7)}`;
  const customerOrderId = channel === 'WALMART' ? `${r.int(1, 9)}${r.digits(14)}` : null;
  const shipMethod =
    channel === 'WALMART'
      ? r.pick(['Standard', 'Standard', 'Express', 'Value'])
      : r.pick(['Standard', 'Expedited', 'SecondDay']);

  return {
    channelOrderId,
    customerOrderId,
    orderedAt,
    status,
    shipBy,
    deliverBy,
    acknowledgedAt:
      status === 'CREATED' || status === 'PENDING' ? null : new Date(orderedAt.getTime() + r.int(5, 200) * 60_000),
    shipMethod,
    fulfillmentMethod: channelFulfilled ? FulfillmentMethod.CHANNEL : FulfillmentMethod.MERCHANT,
    shipTo,
    totalCents,
    currency: 'USD',
    rawPayload: rawPayloadOf(channel, {
      channelOrderId,
      customerOrderId,
      orderedAt,
      shipBy,
      deliverBy,
      shipMethod,
      shipTo,
      lines,
      status,
      channelFulfilled,
    }),
    lines,
    // What the channel's mapper reads from that payload: Walmart's line charge; Amazon's copy carries no proceeds.
    lineMoney: lines.map((l) => ({
      lineNumber: l.lineNumber,
      chargeCents: channel === 'WALMART' ? l.unitPriceCents : null,
      refundedCents: 0,
      productRefundedCents: 0,
    })),
    shipments,
    channelUpdatedAt: new Date(Math.max(orderedAt.getTime(), ...shipments.map((sh) => sh.shippedAt.getTime()))),
    cancellationRequested: lines.some((l) => l.cancellationRequested),
  };
}

function demoLines(channel: Channel, status: OrderStatus, r: Random): NormalizedOrderLine[] {
  const count = r.weighted({ 1: 70, 2: 22, 3: 8 });
  const products = new Set<(typeof PRODUCTS)[number]>();
  while (products.size < Number(count)) products.add(r.pick(PRODUCTS));
  return [...products].map((p, i) => {
    const ordered = r.next() < 0.8 ? 1 : r.int(2, 4);
    const shipped =
      status === 'SHIPPED' || status === 'DELIVERED'
        ? ordered
        : status === 'PARTIALLY_SHIPPED' && i === 0
          ? ordered
          : 0;
    const cancelled = status === 'CANCELLED' ? ordered : 0;
    return {
      lineNumber: channel === 'WALMART' ? String(i + 1) : r.digits(14),
      sku: p.sku,
      title: p.title,
      quantityOrdered: ordered,
      quantityShipped: shipped,
      quantityCancelled: cancelled,
      quantityRefunded: 0,
      unitPriceCents: p.priceCents,
      status: lineStatus(status, shipped, cancelled, ordered),
      cancellationRequested: false,
    };
  });
}

function lineStatus(order: OrderStatus, shipped: number, cancelled: number, ordered: number): OrderLineStatus {
  if (cancelled === ordered) return OrderLineStatus.CANCELLED;
  if (order === 'DELIVERED') return OrderLineStatus.DELIVERED;
  if (shipped === ordered) return OrderLineStatus.SHIPPED;
  return order === 'CREATED' || order === 'PENDING' ? OrderLineStatus.CREATED : OrderLineStatus.ACKNOWLEDGED;
}

function demoShipments(lines: NormalizedOrderLine[], orderedAt: Date, now: Date, r: Random): NormalizedShipment[] {
  const shipped = lines.filter((l) => l.quantityShipped > 0);
  if (shipped.length === 0) return [];
  const c = r.pick(CARRIERS);
  const small = shipped.length === 1 && shipped[0].quantityShipped === 1 && r.next() < 0.2;
  return [
    {
      carrier: c.carrier,
      service: c.service,
      trackingNumber: c.tracking(r),
      trackingUrl: null,
      // Never in the future: the newest shipped orders are a few hours old.
      shippedAt: new Date(Math.min(orderedAt.getTime() + r.int(4, 40) * HOUR, now.getTime() - 600_000)),
      packageType: small ? PackageType.FLAT : PackageType.PARCEL,
      weightOz: small ? 3 : r.int(8, 90),
      lengthIn: small ? 12 : r.int(8, 20),
      widthIn: small ? 9 : r.int(6, 14),
      heightIn: small ? 0.5 : r.int(2, 10),
      lines: shipped.map((l) => ({ lineNumber: l.lineNumber, quantity: l.quantityShipped })),
    },
  ];
}

function demoAddress(r: Random): PostalAddress {
  const place = r.pick(CITIES);
  return {
    name: `${r.pick(FIRST_NAMES)} ${r.pick(LAST_NAMES)}`,
    line1: `${r.int(100, 9899)} ${r.pick(STREETS)}`,
    line2: r.next() < 0.2 ? `Apt ${r.int(1, 40)}` : null,
    city: place.city,
    stateOrRegion: place.state,
    postalCode: place.zip,
    countryCode: 'US',
    phone: `${r.int(200, 989)}555${r.digits(4)}`,
  };
}

interface PayloadFacts {
  channelOrderId: string;
  customerOrderId: string | null;
  orderedAt: Date;
  shipBy: Date;
  deliverBy: Date;
  shipMethod: string;
  shipTo: PostalAddress;
  lines: NormalizedOrderLine[];
  status: OrderStatus;
  channelFulfilled: boolean;
}

/** A payload in the channel's own shape, so the order page shows what a real import would keep. */
function rawPayloadOf(channel: Channel, f: PayloadFacts): Record<string, unknown> {
  if (channel === 'WALMART') {
    return {
      purchaseOrderId: f.channelOrderId,
      customerOrderId: f.customerOrderId,
      orderDate: f.orderedAt.getTime(),
      shippingInfo: {
        estimatedShipDate: f.shipBy.getTime(),
        estimatedDeliveryDate: f.deliverBy.getTime(),
        methodCode: f.shipMethod,
        postalAddress: {
          name: f.shipTo.name,
          address1: f.shipTo.line1,
          address2: f.shipTo.line2,
          city: f.shipTo.city,
          state: f.shipTo.stateOrRegion,
          postalCode: f.shipTo.postalCode,
          country: 'USA',
        },
      },
      orderLines: {
        orderLine: f.lines.map((l) => ({
          lineNumber: l.lineNumber,
          item: { productName: l.title, sku: l.sku },
          charges: {
            charge: [
              {
                chargeType: 'PRODUCT',
                chargeName: 'ItemPrice',
                chargeAmount: { currency: 'USD', amount: l.unitPriceCents / 100 },
              },
            ],
          },
          orderLineQuantity: { unitOfMeasurement: 'EACH', amount: String(l.quantityOrdered) },
        })),
      },
      shipNode: { type: f.channelFulfilled ? 'WFSFulfilled' : 'SellerFulfilled' },
    };
  }
  return {
    orderId: f.channelOrderId,
    createdTime: f.orderedAt.toISOString(),
    salesChannel: { channelName: 'Amazon.com', marketplaceId: 'ATVPDKIKX0DER' },
    fulfillment: {
      fulfillmentStatus: f.status === 'ACKNOWLEDGED' ? 'UNSHIPPED' : f.status,
      fulfilledBy: f.channelFulfilled ? 'AMAZON' : 'MERCHANT',
      fulfillmentServiceLevel: f.shipMethod,
      shipByWindow: { latest: f.shipBy.toISOString() },
      deliverByWindow: { latest: f.deliverBy.toISOString() },
    },
    orderItems: f.lines.map((l) => ({
      orderItemId: l.lineNumber,
      quantityOrdered: l.quantityOrdered,
      product: { sku: l.sku, title: l.title },
    })),
  };
}
