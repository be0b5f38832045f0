import { officialExamples, type OfficialExample } from '@order-hub/contracts';
import { safeHttpUrl } from '@order-hub/rules';
import { countryAlpha2 } from './channel-address';
import { minorUnitDigits } from './money';
import { mapMcfTrackingEvents } from './amazon/amazon-mcf';
import { mapAmazonOrder } from './amazon/amazon-order.mapper';
import type { AmazonOrder } from './amazon/amazon-order.types';
import { mapWalmartOrder } from './walmart/walmart-order.mapper';
import type { WalmartOrder } from './walmart/walmart-order.types';

/**
 * Every official example that is an order payload goes through the mappers and comes out with everything the hub
 * models, checked field by field against the example itself (Walmart samples and the examples in its orders model;
 * Amazon Orders 2026-01-01 `examples` and `x-amzn-api-sandbox`; MCF getPackageTrackingDetails).
 */

/** Decimal text or number in minor units, computed here independently of the mapper (string arithmetic). */
function minor(amount: string | number | undefined, currency: string): number {
  if (amount === undefined) return 0;
  const digits = minorUnitDigits(currency);
  const [whole, fraction = ''] = String(typeof amount === 'number' ? amount.toFixed(digits) : amount)
    .replace('-', '')
    .split('.');
  const value = Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, '0').slice(0, digits) || '0');
  return String(amount).startsWith('-') ? -value : value;
}

const walmartOrdersOf = (e: OfficialExample): WalmartOrder[] => {
  const body = e.body as { order?: WalmartOrder; list?: { elements?: { order?: WalmartOrder[] } } };
  return body.order ? [body.order] : (body.list?.elements?.order ?? []);
};

const walmartExamples = officialExamples({ api: 'walmart', model: 'orders', kind: 'response' }).filter(
  (e) => walmartOrdersOf(e).length > 0,
);
const walmartCases = walmartExamples.flatMap((e) =>
  walmartOrdersOf(e).map((po) => [`${e.operationId} ${e.name} PO ${po.purchaseOrderId}`, po] as const),
);

describe('every official Walmart order example maps with nothing the hub models lost', () => {
  it('finds the samples and the model examples of every order-returning operation, replacement orders and a 3PL node among them', () => {
    const orders = walmartCases.map(([, po]) => mapWalmartOrder(po));
    expect(orders.filter((o) => o.orderType === 'REPLACEMENT').every((o) => !!o.originalCustomerOrderId)).toBe(true);
    expect(orders.some((o) => o.orderType === 'REPLACEMENT')).toBe(true);
    expect(orders.filter((o) => o.shipNodeType === '3PLFulfilled').map((o) => o.fulfillmentMethod)).toEqual([
      'MERCHANT',
      'MERCHANT',
    ]);
    expect(new Set(walmartExamples.map((e) => e.operationId))).toEqual(
      new Set([
        'getAllOrders',
        'getAllReleasedOrders',
        'getAnOrder',
        'acknowledgeOrders',
        'cancelOrderLines',
        'refundOrderLines',
        'shippingUpdates',
      ]),
    );
    expect(walmartCases.length).toBeGreaterThanOrEqual(20);
  });

  it.each(walmartCases)('%s', (_name, po) => {
    const o = mapWalmartOrder(po);
    const currency = po.orderLines.orderLine.flatMap((l) => l.charges.charge)[0]?.chargeAmount.currency ?? 'USD';
    const charges = po.orderLines.orderLine.flatMap((l) => l.charges.charge);
    const address = po.shippingInfo.postalAddress;
    expect(o).toMatchObject({
      channelOrderId: po.purchaseOrderId,
      customerOrderId: po.customerOrderId,
      orderedAt: new Date(po.orderDate),
      shipBy: po.shippingInfo.estimatedShipDate === undefined ? null : new Date(po.shippingInfo.estimatedShipDate),
      deliverBy:
        po.shippingInfo.estimatedDeliveryDate === undefined ? null : new Date(po.shippingInfo.estimatedDeliveryDate),
      acknowledgedAt: null,
      shipMethod: po.shippingInfo.methodCode ?? null,
      fulfillmentMethod: po.shipNode?.type === 'WFSFulfilled' ? 'CHANNEL' : 'MERCHANT',
      currency: po.orderSummary?.totalAmount?.currencyUnit ?? currency,
      totalCents: po.orderSummary?.totalAmount
        ? minor(po.orderSummary.totalAmount.currencyAmount, currency)
        : charges.reduce(
            (sum, c) => sum + minor(c.chargeAmount.amount, currency) + minor(c.tax?.taxAmount.amount, currency),
            0,
          ),
      merchandiseCents: charges.reduce((sum, c) => sum + minor(c.chargeAmount.amount, currency), 0),
      orderType: po.orderType ?? null,
      originalCustomerOrderId: po.originalCustomerOrderID ?? null,
      shipNodeType: po.shipNode?.type ?? null,
      channelUpdatedAt: new Date(Math.max(po.orderDate, ...po.orderLines.orderLine.map((l) => l.statusDate))),
      rawPayload: po,
    });
    expect(o.shipTo).toEqual({
      name: address.name,
      line1: address.address1,
      line2: address.address2 ?? null,
      city: address.city,
      stateOrRegion: address.state,
      postalCode: address.postalCode,
      countryCode: countryAlpha2(address.country),
      phone: po.shippingInfo.phone ?? null,
    });
    expect(o.lines.map((l) => l.lineNumber)).toEqual(po.orderLines.orderLine.map((l) => l.lineNumber));
    for (const [i, line] of po.orderLines.orderLine.entries()) {
      const sum = (...statuses: string[]) =>
        line.orderLineStatuses.orderLineStatus
          .filter((s) => statuses.includes(s.status))
          .reduce((n, s) => n + Number(s.statusQuantity.amount), 0);
      const product = line.charges.charge.find((c) => c.chargeType === 'PRODUCT');
      const refundCharges = line.refund?.refundCharges?.refundCharge ?? [];
      expect(o.lines[i]).toMatchObject({
        sku: line.item.sku,
        title: line.item.productName,
        quantityOrdered: Number(line.orderLineQuantity.amount),
        quantityShipped: sum('Shipped', 'Delivered', 'Refund'),
        quantityCancelled: sum('Cancelled'),
        unitPriceCents: Math.round(
          minor(product?.chargeAmount.amount, currency) / Math.max(Number(line.orderLineQuantity.amount), 1),
        ),
        // A reason is the cancelled units' (the ATTRIBUTES example puts a placeholder "xyz" on a Created bucket).
        cancellationReason:
          line.orderLineStatuses.orderLineStatus.find((s) => s.status === 'Cancelled' && s.cancellationReason)
            ?.cancellationReason ?? null,
        refundReason:
          (refundCharges.find((r) => r.charge.chargeType === 'PRODUCT') ?? refundCharges[0])?.refundReason ?? null,
      });
      const productRefund = refundCharges
        .filter((r) => r.charge.chargeType === 'PRODUCT')
        .reduce((n, r) => n + r.charge.chargeAmount.amount, 0);
      if (productRefund < 0 && sum('Shipped', 'Delivered', 'Refund') > 0)
        expect(o.lines[i].quantityRefunded).toBeGreaterThan(0);
      // The line's money as Walmart reports it: every charge with its tax; refund charges are negative.
      const withTax = (c: (typeof line.charges.charge)[number]) =>
        minor(c.chargeAmount.amount, currency) + minor(c.tax?.taxAmount.amount, currency);
      expect(o.lineMoney?.[i]).toEqual({
        lineNumber: line.lineNumber,
        chargeCents: line.charges.charge.reduce((n, c) => n + withTax(c), 0),
        refundedCents: 0 - refundCharges.reduce((n, r) => n + withTax(r.charge), 0),
        productRefundedCents:
          0 -
          refundCharges
            .filter((r) => r.charge.chargeType === 'PRODUCT')
            .reduce((n, r) => n + minor(r.charge.chargeAmount.amount, currency), 0),
      });
    }
    expect(o.lineMoney).toHaveLength(po.orderLines.orderLine.length);
    expect(o.channelPackageReferenceIds).toEqual([]);
    // Every tracked package, with the quantities shipped under it.
    const tracked = po.orderLines.orderLine.flatMap((line) =>
      line.orderLineStatuses.orderLineStatus
        .filter((s) => s.trackingInfo && ['Shipped', 'Delivered', 'Refund'].includes(s.status))
        .map((s) => ({ line, s, t: s.trackingInfo! })),
    );
    expect(new Set(o.shipments.map((s) => s.trackingNumber))).toEqual(new Set(tracked.map((x) => x.t.trackingNumber)));
    for (const { line, s, t } of tracked) {
      const shipment = o.shipments.find(
        (x) => x.trackingNumber === t.trackingNumber && x.shippedAt.getTime() === t.shipDateTime,
      )!;
      expect(shipment).toMatchObject({
        carrier: t.carrierName.carrier ?? t.carrierName.otherCarrier,
        service: t.methodCode ?? null,
        // Kept as a browser reads it (http://www.fedex.com → http://www.fedex.com/); only http(s) links are kept.
        trackingUrl: safeHttpUrl(t.trackingURL),
      });
      expect(shipment.trackingUrl === null).toBe(!t.trackingURL);
      expect(shipment.lines.find((l) => l.lineNumber === line.lineNumber)!.quantity).toBeGreaterThanOrEqual(
        Number(s.statusQuantity.amount),
      );
    }
  });
});

const amazonOrdersOf = (e: OfficialExample): AmazonOrder[] => {
  const body = e.body as { orders?: AmazonOrder[]; order?: AmazonOrder };
  return body.orders ?? (body.order ? [body.order] : []);
};
const amazonExamples = officialExamples({ api: 'amazon', model: 'orders_2026-01-01', kind: 'response' }).filter(
  (e) => e.status === 200,
);
const amazonCases = amazonExamples.flatMap((e) =>
  amazonOrdersOf(e).map((order) => [`${e.operationId} ${e.name} ${order.orderId}`, order] as const),
);

const FULFILMENT: Record<string, string> = {
  PENDING: 'PENDING',
  UNSHIPPED: 'ACKNOWLEDGED',
  PARTIALLY_SHIPPED: 'PARTIALLY_SHIPPED',
  SHIPPED: 'SHIPPED',
  CANCELLED: 'CANCELLED',
};

describe('every official Amazon Orders 2026-01-01 example maps with nothing the hub models lost', () => {
  it('finds the examples and the sandbox examples of searchOrders and getOrder, in several currencies', () => {
    expect(new Set(amazonExamples.map((e) => e.operationId))).toEqual(new Set(['searchOrders', 'getOrder']));
    expect(amazonExamples.some((e) => e.name.startsWith('x-amzn-api-sandbox'))).toBe(true);
    expect(new Set(amazonCases.map(([, o]) => o.proceeds?.grandTotal?.currencyCode))).toEqual(
      new Set(['USD', 'GBP', 'JPY', 'BRL', 'TRY']),
    );
  });

  it.each(amazonCases)('%s', (_name, order) => {
    const o = mapAmazonOrder(order);
    const currency = order.proceeds?.grandTotal?.currencyCode ?? 'USD';
    const delivered =
      (order.packages ?? []).length > 0 && order.packages!.every((p) => p.packageStatus?.status === 'DELIVERED');
    const address = order.recipient?.deliveryAddress;
    const breakdowns = order.proceeds?.breakdowns ?? [];
    expect(o).toMatchObject({
      channelOrderId: order.orderId,
      orderedAt: new Date(order.createdTime),
      channelUpdatedAt: new Date(order.lastUpdatedTime),
      status: delivered ? 'DELIVERED' : FULFILMENT[order.fulfillment!.fulfillmentStatus],
      shipBy: order.fulfillment?.shipByWindow?.latestDateTime
        ? new Date(order.fulfillment.shipByWindow.latestDateTime)
        : null,
      deliverBy: order.fulfillment?.deliverByWindow?.latestDateTime
        ? new Date(order.fulfillment.deliverByWindow.latestDateTime)
        : null,
      shipMethod: order.fulfillment?.fulfillmentServiceLevel ?? null,
      fulfillmentMethod: order.fulfillment?.fulfilledBy === 'AMAZON' ? 'CHANNEL' : 'MERCHANT',
      currency,
      totalCents: minor(order.proceeds?.grandTotal?.amount, currency),
      rawPayload: order,
    });
    if (breakdowns.length)
      expect(o.merchandiseCents).toBe(
        breakdowns
          .filter((b) => ['ITEM', 'SHIPPING'].includes(b.type))
          .reduce((n, b) => n + minor(b.subtotal.amount, currency), 0),
      );
    if (address?.addressLine1) {
      expect(o.shipTo).toMatchObject({
        name: address.name ?? '',
        line1: address.addressLine1,
        city: address.city ?? '',
        stateOrRegion: address.stateOrRegion ?? '',
        postalCode: address.postalCode ?? '',
        countryCode: address.countryCode,
      });
    }
    expect(o.lines.map((l) => l.lineNumber)).toEqual(order.orderItems.map((i) => i.orderItemId));
    for (const [i, item] of order.orderItems.entries()) {
      expect(o.lines[i]).toMatchObject({
        sku: item.product.sellerSku ?? item.product.asin,
        title: item.product.title ?? '',
        quantityOrdered: item.quantityOrdered,
        ...(item.fulfillment?.quantityFulfilled !== undefined
          ? { quantityShipped: item.fulfillment.quantityFulfilled }
          : {}),
        ...(item.product.price?.unitPrice
          ? { unitPriceCents: minor(item.product.price.unitPrice.amount, item.product.price.unitPrice.currencyCode) }
          : {}),
      });
      // Amazon's order carries no refunds: they are issued in Seller Central.
      const proceeds = item.proceeds?.proceedsTotal;
      expect(o.lineMoney?.[i]).toEqual({
        lineNumber: item.orderItemId,
        chargeCents: proceeds ? minor(proceeds.amount, proceeds.currencyCode) : null,
        refundedCents: 0,
        productRefundedCents: 0,
      });
    }
    expect(o.lineMoney).toHaveLength(order.orderItems.length);
    expect(o.channelPackageReferenceIds).toEqual((order.packages ?? []).map((p) => p.packageReferenceId));
    const packages = (order.packages ?? []).filter((p) => p.shipTime || p.trackingNumber);
    expect(o.shipments.map((s) => s.trackingNumber)).toEqual(packages.map((p) => p.trackingNumber ?? null));
    for (const [i, p] of packages.entries()) {
      expect(o.shipments[i]).toMatchObject({
        carrier: p.carrier ?? 'Other',
        service: p.shippingService ?? null,
        lines: (p.packageItems ?? []).map((x) => ({ lineNumber: x.orderItemId, quantity: x.quantity })),
      });
      if (p.shipTime) expect(o.shipments[i].shippedAt).toEqual(new Date(p.shipTime));
      // A package status has no time of its own: any event it gives is untimed, never the order's lastUpdatedTime.
      for (const event of o.shipments[i].events ?? []) expect(event.at).toBeNull();
      if (p.packageStatus?.status === 'DELIVERED')
        expect(o.shipments[i].events?.map((e) => e.type)).toEqual(['DELIVERED']);
    }
  });
});

describe('the official MCF getPackageTrackingDetails examples map every event, oldest first', () => {
  const examples = officialExamples({
    api: 'amazon',
    model: 'fulfillmentOutbound_2020-07-01',
    operationId: 'getPackageTrackingDetails',
    kind: 'response',
  }).filter((e) => e.status === 200);

  it.each(examples.map((e) => [e.name, e] as const))('%s', (_name, e) => {
    const source = (
      e.body as { payload: { trackingEvents: { eventCode: string; eventDate: string; eventDescription: string }[] } }
    ).payload.trackingEvents;
    const events = mapMcfTrackingEvents(e.body);
    expect(events).toHaveLength(source.length);
    expect(new Set(events.map((x) => `${x.eventCode}|${x.eventDate}|${x.eventDescription}`))).toEqual(
      new Set(source.map((x) => `${x.eventCode}|${x.eventDate}|${x.eventDescription}`)),
    );
    expect(events.map((x) => Date.parse(x.eventDate))).toEqual(
      source.map((x) => Date.parse(x.eventDate)).sort((a, b) => a - b),
    );
  });
});
