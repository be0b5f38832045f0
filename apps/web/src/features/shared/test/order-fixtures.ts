import type { OrderDetail } from '../api/orders.graphql';
import type { OutboxEntryView } from '../api/outbox-entry.graphql';

type Line = OrderDetail['lines'][number];
type Shipment = OrderDetail['shipments'][number];

export function orderLine(overrides: Partial<Line> = {}): Line {
  return {
    id: `line-${overrides.lineNumber ?? '1'}`,
    lineNumber: '1',
    sku: 'SKU-1',
    title: 'Widget',
    quantityOrdered: 2,
    quantityShipped: 0,
    quantityCancelled: 0,
    quantityRefunded: 0,
    unitPrice: { amountCents: 1299, currency: 'USD' },
    status: 'ACKNOWLEDGED',
    cancellationRequested: false,
    charge: { amountCents: 2 * 1299 + 599, currency: 'USD' },
    refunded: { amountCents: 0, currency: 'USD' },
    ...overrides,
  };
}

/** A seller shipment confirmed through the hub, not followed at a carrier. */
export function shipment(overrides: Partial<Shipment> = {}): Shipment {
  return {
    id: 'sh-1',
    source: 'HUB',
    carrier: 'UPS',
    carrierCode: 'UPS',
    service: 'Ground',
    trackingNumber: '1Z999AA10123456784',
    trackingUrl: null,
    shippedAt: '2026-12-01T15:00:00.000Z',
    packageType: 'PARCEL',
    weightOz: null,
    lengthIn: null,
    widthIn: null,
    heightIn: null,
    lines: [{ orderLineId: 'line-1', lineNumber: '1', sku: 'SKU-1', quantity: 2 }],
    tracking: null,
    carrierEvents: [],
    ...overrides,
  };
}

/** An acknowledged Walmart order (US policy), two lines, nothing shipped. */
export function order(overrides: Partial<OrderDetail> = {}): OrderDetail {
  return {
    id: 'ord-1',
    channel: 'WALMART',
    channelOrderId: '108829012345678',
    customerOrderId: '2000012345678',
    status: 'ACKNOWLEDGED',
    fulfillmentMethod: 'MERCHANT',
    cancellationRequested: false,
    mcfOrder: null,
    shipMethod: 'STANDARD',
    orderedAt: '2026-11-20T10:00:00.000Z',
    acknowledgedAt: '2026-11-20T10:05:00.000Z',
    shipBy: '2026-11-22T10:00:00.000Z',
    deliverBy: null,
    acknowledgeBy: null,
    autoCancelAt: null,
    updatedAt: '2026-11-20T10:05:00.000Z',
    buyerDataRedactedAt: null,
    buyerDataRetentionDays: 30,
    version: 3,
    total: { amountCents: 3897, currency: 'USD' },
    account: {
      id: 'acc-w',
      name: 'Walmart US',
      marketplace: 'US',
      environment: 'SANDBOX',
      timeZone: 'America/Chicago',
    },
    shipTo: null,
    lines: [orderLine({ lineNumber: '1' }), orderLine({ lineNumber: '2', sku: 'SKU-2', quantityOrdered: 1 })],
    shipments: [],
    trackingHolds: [],
    auditEvents: [],
    outbox: [],
    channelRefusals: [],
    rawPayload: {},
    ...overrides,
  };
}

export function outboxEntry(overrides: Partial<OutboxEntryView> = {}): OutboxEntryView {
  return {
    id: 'ob-1',
    orderId: 'ord-1',
    shipmentId: null,
    channel: 'WALMART',
    operation: 'SHIP',
    status: 'PENDING',
    payload: { channelOrderId: '108829012345678' },
    attempts: 0,
    nextAttemptAt: '2026-11-20T11:00:00.000Z',
    lastError: null,
    lastErrorCode: null,
    createdBy: 'token:ops',
    createdAt: '2026-11-20T11:00:00.000Z',
    deliveredAt: null,
    discardReason: null,
    refusedAt: null,
    refusal: null,
    attemptLog: [],
    ...overrides,
  };
}
