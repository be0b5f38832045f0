import { officialExamples } from '@order-hub/contracts';
import { mapAmazonOrder } from './amazon-order.mapper';
import type { AmazonOrder } from './amazon-order.types';

const example = (operationId: string): any =>
  officialExamples({ api: 'amazon', model: 'orders_2026-01-01', operationId, kind: 'response' }).find(
    (e) => e.name === 'examples.application/json',
  )!.body;
const searchExample = (): AmazonOrder => example('searchOrders').orders[0];
const getExample = (): AmazonOrder => example('getOrder').order;

describe("mapAmazonOrder on the examples inside Amazon's Orders 2026-01-01 model", () => {
  it('maps the searchOrders example: ship-by/deliver-by windows, decimal money, items, a delivered package', () => {
    const o = mapAmazonOrder(searchExample());
    expect(o).toMatchObject({
      channelOrderId: '123-4567890-1234567',
      customerOrderId: null,
      orderedAt: new Date('2024-12-25T10:30:00Z'),
      channelUpdatedAt: new Date('2024-12-25T14:45:00Z'),
      shipBy: new Date('2024-12-27T23:59:59Z'),
      deliverBy: new Date('2024-12-30T23:59:59Z'),
      status: 'DELIVERED',
      fulfillmentMethod: 'MERCHANT',
      shipMethod: 'STANDARD',
      totalCents: 15499,
      currency: 'USD',
    });
    expect(o.shipTo).toMatchObject({
      name: 'John Smith',
      line1: '123 Main Street',
      line2: 'Suite 456',
      line3: null,
      city: 'Seattle',
      countryCode: 'US',
    });
    expect(
      o.lines.map((l) => [l.lineNumber, l.sku, l.quantityOrdered, l.quantityShipped, l.unitPriceCents, l.status]),
    ).toEqual([
      ['12345678901234', 'ECHO-DOT-4-CHARCOAL', 2, 2, 4999, 'DELIVERED'],
      ['12345678901235', expect.any(String), 1, 1, 4999, 'DELIVERED'],
    ]);
    expect(o.shipments).toEqual([
      expect.objectContaining({
        carrier: 'UPS',
        service: 'UPS Ground',
        trackingNumber: '1Z999AA1234567890',
        shippedAt: new Date('2024-12-25T14:00:00Z'),
        lines: [
          { lineNumber: '12345678901234', quantity: 2 },
          { lineNumber: '12345678901235', quantity: 1 },
        ],
      }),
    ]);
    // The example's buyer request was already executed by the merchant, so nothing is left to answer.
    expect(o.cancellationRequested).toBe(false);
  });

  it('maps the getOrder example in its own currency', () => {
    const o = mapAmazonOrder(getExample());
    expect(o).toMatchObject({
      channelOrderId: '202-1234567-8901234',
      currency: 'GBP',
      totalCents: 10397,
      status: 'SHIPPED',
    });
    expect(o.lines[0]).toMatchObject({ quantityOrdered: 3, quantityShipped: 3, unitPriceCents: 2999 });
  });
});

describe('mapAmazonOrder money', () => {
  it('Amazon money: minor units by currency (JPY has none, KWD three)', () => {
    const o = searchExample();
    const yen = (amount: string) => ({ amount, currencyCode: 'JPY' });
    const jp = mapAmazonOrder({
      ...o,
      proceeds: {
        grandTotal: yen('15499'),
        breakdowns: [
          { type: 'ITEM', subtotal: yen('14997') },
          { type: 'TAX', subtotal: yen('502') },
        ],
      },
      orderItems: o.orderItems.map((i) => ({ ...i, product: { ...i.product, price: { unitPrice: yen('4999') } } })),
    });
    expect([jp.currency, jp.totalCents, jp.merchandiseCents, jp.lines[0].unitPriceCents]).toEqual([
      'JPY',
      15499,
      14997,
      4999,
    ]);
    const kw = mapAmazonOrder({
      ...o,
      proceeds: { grandTotal: { amount: '12.345', currencyCode: 'KWD' } },
      orderItems: o.orderItems.map((i) => ({
        ...i,
        product: { ...i.product, price: { unitPrice: { amount: '1.250', currencyCode: 'KWD' } } },
      })),
    });
    expect([kw.totalCents, kw.lines[0].unitPriceCents]).toEqual([12345, 1250]);
  });

  it('Amazon money: the item price before tax (merchandiseCents) is apart from the total, which includes tax and tip', () => {
    const o = mapAmazonOrder(searchExample());
    // grandTotal 154.99 = ITEM 149.97 + TAX 0.02 + DELIVERY_TIP 5.00: the letter/flat exemption compares 149.97.
    expect([o.totalCents, o.merchandiseCents]).toEqual([15499, 14997]);
    const fromItems = mapAmazonOrder({
      ...searchExample(),
      proceeds: { grandTotal: { amount: '154.99', currencyCode: 'USD' } },
    });
    expect(fromItems.merchandiseCents).toBe(9998 + 4999);
    const none = searchExample();
    expect(
      mapAmazonOrder({
        ...none,
        proceeds: undefined,
        orderItems: none.orderItems.map((i) => ({ ...i, proceeds: undefined })),
      }).merchandiseCents,
    ).toBeNull();
  });
});

describe('mapAmazonOrder on fulfilment states', () => {
  const unshipped = (): AmazonOrder => {
    const o = searchExample();
    return {
      ...o,
      fulfillment: { ...o.fulfillment!, fulfillmentStatus: 'UNSHIPPED' },
      packages: [],
      orderItems: o.orderItems.map((i) => ({
        ...i,
        cancellation: undefined,
        fulfillment: { quantityFulfilled: 0, quantityUnfulfilled: i.quantityOrdered },
      })),
    };
  };

  it.each([
    ['PENDING', 'PENDING', null],
    ['UNSHIPPED', 'ACKNOWLEDGED', '2024-12-25T10:30:00Z'],
    ['CANCELLED', 'CANCELLED', '2024-12-25T10:30:00Z'],
  ])('%s becomes %s', (amazonStatus, status, acknowledgedAt) => {
    const o = mapAmazonOrder({
      ...unshipped(),
      fulfillment: { ...unshipped().fulfillment!, fulfillmentStatus: amazonStatus },
    });
    expect(o.status).toBe(status);
    expect(o.acknowledgedAt).toEqual(acknowledgedAt ? new Date(acknowledgedAt) : null);
    if (status === 'CANCELLED')
      expect(o.lines.every((l) => l.quantityCancelled === l.quantityOrdered && l.status === 'CANCELLED')).toBe(true);
  });

  it('Amazon cancellation execution: who cancelled (AMAZON → CHANNEL, BUYER, MERCHANT → SELLER) and the reason, on cancelled lines only', () => {
    const o = unshipped();
    const cancelled = mapAmazonOrder({
      ...o,
      fulfillment: { ...o.fulfillment!, fulfillmentStatus: 'CANCELLED' },
      orderItems: o.orderItems.map((i, n) => ({
        ...i,
        cancellation: {
          cancellationExecution: { cancelledBy: ['AMAZON', 'BUYER'][n], cancelReason: 'Payment declined' },
        },
      })),
    });
    expect(cancelled.lines.map((l) => [l.cancelledBy, l.cancellationReason])).toEqual([
      ['CHANNEL', 'Payment declined'],
      ['BUYER', 'Payment declined'],
    ]);
    expect(mapAmazonOrder(searchExample()).lines.map((l) => l.cancelledBy)).toEqual([null, null]);
  });

  it("charges each line its proceeds total, refunds none (the order carries no refunds), and keeps the packages' references", () => {
    const o = mapAmazonOrder(searchExample());
    expect(o.lineMoney).toEqual([
      { lineNumber: '12345678901234', chargeCents: 10000, refundedCents: 0, productRefundedCents: 0 },
      { lineNumber: '12345678901235', chargeCents: 4999, refundedCents: 0, productRefundedCents: 0 },
    ]);
    expect(o.channelPackageReferenceIds).toEqual(['PKG-2024-001']);
    const order = searchExample();
    const [first, ...rest] = order.orderItems;
    const unpriced = { ...order, orderItems: [{ ...first, proceeds: undefined }, ...rest], packages: undefined };
    expect(mapAmazonOrder(unpriced)).toMatchObject({
      lineMoney: [expect.objectContaining({ chargeCents: null }), expect.objectContaining({ chargeCents: 4999 })],
      channelPackageReferenceIds: [],
    });
  });

  it('surfaces an open buyer cancellation request, and marks AFN orders channel-fulfilled', () => {
    const o = unshipped();
    o.orderItems[0].cancellation = { cancellationRequest: { requester: 'BUYER', cancelReason: 'Ordered by mistake' } };
    o.fulfillment!.fulfilledBy = 'AMAZON';
    const mapped = mapAmazonOrder(o);
    expect(mapped.cancellationRequested).toBe(true);
    expect(mapped.lines[0].cancellationRequested).toBe(true);
    expect(mapped.fulfillmentMethod).toBe('CHANNEL');
  });
});
