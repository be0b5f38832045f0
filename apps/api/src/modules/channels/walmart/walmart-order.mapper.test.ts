import { officialExamples } from '@order-hub/contracts';
import { mapWalmartOrder } from './walmart-order.mapper';
import type { WalmartOrder } from './walmart-order.types';

const samples = (name: string): any =>
  officialExamples({ api: 'walmart', model: 'orders' }).find((e) => e.name === `samples/${name}`)!.body;
const sample = (name: string): WalmartOrder => samples(name).order;

describe("mapWalmartOrder on Walmart's own examples", () => {
  it('maps a shipped order: epoch-ms dates, string quantities, money to cents, USA to US, tracking as a shipment', () => {
    const o = mapWalmartOrder(sample('get_order_response_200_ORDER.json'));
    expect(o).toMatchObject({
      channelOrderId: '1815367951431',
      customerOrderId: '4372135469400',
      orderedAt: new Date(1623796407000),
      shipBy: new Date(1623906000000),
      deliverBy: new Date(1624647600000),
      shipMethod: 'Value',
      status: 'SHIPPED',
      fulfillmentMethod: 'MERCHANT',
      totalCents: 534,
      currency: 'USD',
      channelUpdatedAt: new Date(1623835855623),
      cancellationRequested: false,
    });
    expect(o.shipTo).toEqual({
      name: 'Donald Ashley',
      line1: '6600 gazebo drive',
      line2: null,
      city: 'Cedar hill',
      stateOrRegion: 'MO',
      postalCode: '63016',
      countryCode: 'US',
      phone: '3143450432',
    });
    expect(o.lines).toEqual([
      {
        lineNumber: '1',
        sku: 'YHY-FN25200B2',
        title: 'Mac Sports Heavy Duty Steel Double Decker Collapsible Yard Cart Wagon, Purple',
        quantityOrdered: 1,
        quantityShipped: 1,
        quantityCancelled: 0,
        quantityRefunded: 0,
        unitPriceCents: 500,
        status: 'SHIPPED',
        cancellationRequested: false,
        cancellationReason: null,
        refundReason: null,
      },
    ]);
    expect(o.shipments).toEqual([
      expect.objectContaining({
        carrier: 'USPS',
        service: 'Value',
        trackingNumber: '435678956435467',
        shippedAt: new Date(1623835855000),
        lines: [{ lineNumber: '1', quantity: 1 }],
      }),
    ]);
  });

  it('counts a refund with negative amounts as refunded quantity, the line staying shipped on Walmart', () => {
    const o = mapWalmartOrder(sample('refund_response_200.json'));
    expect(o.lines[0]).toMatchObject({
      quantityShipped: 1,
      quantityRefunded: 1,
      unitPriceCents: 1999,
      status: 'REFUNDED',
      refundReason: 'BillingError',
    });
    expect(o.totalCents).toBe(2199);
  });

  it("reports each line's charge and what Walmart refunded on it, product refunds apart; no package references", () => {
    const shipped = mapWalmartOrder(sample('get_order_response_200_ORDER.json'));
    expect(shipped.lineMoney).toEqual([
      { lineNumber: '1', chargeCents: 534, refundedCents: 0, productRefundedCents: 0 },
    ]);
    expect(shipped.channelPackageReferenceIds).toEqual([]);
    const po = sample('refund_response_200.json');
    const refunds = po.orderLines.orderLine[0].refund!.refundCharges!.refundCharge;
    expect(refunds.map((r) => r.charge.chargeType)).toEqual(['PRODUCT', 'SHIPPING']);
    expect(mapWalmartOrder(po).lineMoney).toEqual([
      { lineNumber: '1', chargeCents: 2199, refundedCents: 2199, productRefundedCents: 1999 },
    ]);
  });

  it('acknowledgedAt: the cancel sample is not "acknowledged" at its line statusDate, two months after ship-by; unknown is null', () => {
    const po = sample('cancel_response_200.json');
    expect(po.orderLines.orderLine[0].statusDate - po.shippingInfo.estimatedShipDate!).toBeGreaterThan(50 * 86_400_000);
    expect(mapWalmartOrder(po).acknowledgedAt).toBeNull();
    expect(mapWalmartOrder(sample('get_order_response_200_ORDER.json')).acknowledgedAt).toBeNull();
  });

  it('cancellationReason and refundReason carried at line level from orderLineStatuses and refundCharges', () => {
    const po = sample('refund_response_200.json');
    const line = po.orderLines.orderLine[0];
    const shipping = line.refund!.refundCharges!.refundCharge[1];
    const withReasons: WalmartOrder = {
      ...po,
      orderLines: {
        orderLine: [
          {
            ...line,
            refund: {
              refundCharges: {
                refundCharge: [
                  { ...shipping, refundReason: 'IncorrectShippingPrice' },
                  { ...line.refund!.refundCharges!.refundCharge[0], refundReason: 'CustomerChangedMind' },
                ],
              },
            },
          },
          {
            ...line,
            lineNumber: '2',
            refund: null,
            orderLineStatuses: {
              orderLineStatus: [
                {
                  status: 'Cancelled',
                  statusQuantity: { unitOfMeasurement: 'EACH', amount: '1' },
                  cancellationReason: 'CUSTOMER_REQUESTED_SELLER_TO_CANCEL',
                },
              ],
            },
          },
        ],
      },
    };
    const [refunded, cancelled] = mapWalmartOrder(withReasons).lines;
    expect([refunded.refundReason, refunded.cancellationReason]).toEqual(['CustomerChangedMind', null]);
    expect([cancelled.cancellationReason, cancelled.refundReason, cancelled.status]).toEqual([
      'CUSTOMER_REQUESTED_SELLER_TO_CANCEL',
      null,
      'CANCELLED',
    ]);
  });

  it('orderType REPLACEMENT with originalCustomerOrderID, and a 3PLFulfilled ship node, are imported and stay seller-fulfilled', () => {
    const o = mapWalmartOrder({
      ...sample('get_order_response_200_ORDER.json'),
      orderType: 'REPLACEMENT',
      originalCustomerOrderID: '4372135469399',
      shipNode: { type: '3PLFulfilled', name: 'Acme 3PL', id: '721407' },
    });
    expect(o).toMatchObject({
      orderType: 'REPLACEMENT',
      originalCustomerOrderId: '4372135469399',
      shipNodeType: '3PLFulfilled',
      fulfillmentMethod: 'MERCHANT',
    });
    expect(mapWalmartOrder({ ...sample('get_order_response_200_ORDER.json'), orderType: 'REGULAR' })).toMatchObject({
      orderType: 'REGULAR',
      originalCustomerOrderId: null,
      shipNodeType: 'SellerFulfilled',
    });
  });

  it('merchandiseCents is items and shipping before tax; money in the charge currency', () => {
    const o = mapWalmartOrder(sample('refund_response_200.json'));
    expect([o.merchandiseCents, o.totalCents]).toEqual([2199, 2199]);
    const po = sample('get_order_response_200_ORDER.json');
    const taxed = mapWalmartOrder(po);
    expect(taxed.merchandiseCents).toBeLessThanOrEqual(taxed.totalCents);
  });

  it('takes the order total from orderSummary when Walmart sends it, in its currencyAmount/currencyUnit shape', () => {
    const o = mapWalmartOrder({
      ...sample('get_order_response_200_ORDER.json'),
      orderSummary: { totalAmount: { currencyAmount: 27.99, currencyUnit: 'USD' } },
    });
    expect([o.totalCents, o.currency]).toEqual([2799, 'USD']);
  });

  it('maps every order of the list example, Created lines giving a CREATED order with no acknowledgement', () => {
    const list: { list: { elements: { order: WalmartOrder[] } } } = samples('list_orders_response_200.json');
    const orders = list.list.elements.order.map(mapWalmartOrder);
    expect(orders.length).toBeGreaterThan(0);
    const created = orders.find((o) => o.channelOrderId === '1796277083022')!;
    expect(created).toMatchObject({ status: 'CREATED', acknowledgedAt: null });
    expect(created.lines[0]).toMatchObject({
      lineNumber: '4',
      status: 'CREATED',
      quantityOrdered: 1,
      quantityShipped: 0,
    });
  });
});

describe('mapWalmartOrder on quantity splits', () => {
  const base = sample('get_order_response_200_ORDER.json');
  const withStatuses = (
    statuses: WalmartOrder['orderLines']['orderLine'][number]['orderLineStatuses']['orderLineStatus'],
    extra = {},
  ) => ({
    ...base,
    orderLines: {
      orderLine: [
        {
          ...base.orderLines.orderLine[0],
          orderLineQuantity: { amount: '3' },
          orderLineStatuses: { orderLineStatus: statuses },
          ...extra,
        },
      ],
    },
    shipNode: { type: 'SellerFulfilled' },
  });
  const q = (amount: string) => ({ unitOfMeasurement: 'EACH', amount });
  const tracking = {
    shipDateTime: 1623835855000,
    carrierName: { carrier: 'UPS' },
    trackingNumber: '1Z999AA10123456784',
  };

  it.each([
    [
      'one shipped, two acknowledged',
      [
        { status: 'Shipped', statusQuantity: q('1'), trackingInfo: tracking },
        { status: 'Acknowledged', statusQuantity: q('2') },
      ],
      'PARTIALLY_SHIPPED',
      { quantityShipped: 1, quantityCancelled: 0, status: 'ACKNOWLEDGED' },
    ],
    [
      'one cancelled, two shipped',
      [
        { status: 'Cancelled', statusQuantity: q('1') },
        { status: 'Shipped', statusQuantity: q('2'), trackingInfo: tracking },
      ],
      'SHIPPED',
      { quantityShipped: 2, quantityCancelled: 1, status: 'SHIPPED' },
    ],
    [
      'all cancelled',
      [{ status: 'Cancelled', statusQuantity: q('3') }],
      'CANCELLED',
      { quantityCancelled: 3, status: 'CANCELLED' },
    ],
    [
      'all delivered',
      [{ status: 'Delivered', statusQuantity: q('3'), trackingInfo: tracking }],
      'DELIVERED',
      { quantityShipped: 3, status: 'DELIVERED' },
    ],
    [
      'all created',
      [{ status: 'Created', statusQuantity: q('3') }],
      'CREATED',
      { quantityShipped: 0, status: 'CREATED' },
    ],
  ] as const)('%s', (_name, statuses, orderStatus, line) => {
    const o = mapWalmartOrder(withStatuses(statuses as never));
    expect(o.status).toBe(orderStatus);
    expect(o.lines[0]).toMatchObject(line);
  });

  it("surfaces a buyer's intent to cancel on an open line, and marks WFS orders channel-fulfilled", () => {
    const o = mapWalmartOrder({
      ...withStatuses([{ status: 'Acknowledged', statusQuantity: q('3') }], { intentToCancel: 'Yes' }),
      shipNode: { type: 'WFSFulfilled' },
    });
    expect(o.cancellationRequested).toBe(true);
    expect(o.lines[0].cancellationRequested).toBe(true);
    expect(o.fulfillmentMethod).toBe('CHANNEL');
  });
});

describe('a javascript: tracking URL from a channel is kept and served', () => {
  /** The shipped example with every trackingInfo's URL replaced. */
  const withTrackingUrl = (url: string): WalmartOrder => {
    const order = structuredClone(sample('get_order_response_200_ORDER.json'));
    const visit = (node: unknown): void => {
      if (!node || typeof node !== 'object') return;
      const record = node as Record<string, unknown>;
      if (record.trackingInfo && typeof record.trackingInfo === 'object')
        (record.trackingInfo as Record<string, unknown>).trackingURL = url;
      Object.values(record).forEach(visit);
    };
    visit(order);
    return order;
  };

  it.each(['javascript:alert(document.domain)', 'data:text/html,<script>alert(1)</script>', 'JaVaScRiPt:x'])(
    'drops %j: only http(s) tracking URLs are kept',
    (url) => {
      const o = mapWalmartOrder(withTrackingUrl(url));
      expect(o.shipments.length).toBeGreaterThan(0);
      for (const s of o.shipments) expect(s.trackingUrl).toBeNull();
    },
  );

  it('keeps an https tracking URL', () => {
    const o = mapWalmartOrder(withTrackingUrl('https://tools.usps.com/go/TrackConfirmAction?tLabels=435678956435467'));
    expect(o.shipments[0].trackingUrl).toBe('https://tools.usps.com/go/TrackConfirmAction?tLabels=435678956435467');
  });
});
