import { readSharedSpec } from '../../../../test/support/shared-specs';
import { mapAmazonOrder } from './amazon-order.mapper';
import type { AmazonOrder } from './amazon-order.types';

type Spec = { paths: Record<string, { get: { responses: { 200: { examples: { 'application/json': any } } } } }> };
const spec = () => readSharedSpec<Spec>('amazon', 'orders_2026-01-01.json');
const searchExample = (): AmazonOrder => spec().paths['/orders/2026-01-01/orders'].get.responses[200].examples['application/json'].orders[0];
const getExample = (): AmazonOrder => spec().paths['/orders/2026-01-01/orders/{orderId}'].get.responses[200].examples['application/json'].order;

describe('mapAmazonOrder on the examples inside Amazon\'s Orders 2026-01-01 model', () => {
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
    expect(o.shipTo).toMatchObject({ name: 'John Smith', line1: '123 Main Street', line2: 'Suite 456', line3: null, city: 'Seattle', countryCode: 'US' });
    expect(o.lines.map((l) => [l.lineNumber, l.sku, l.quantityOrdered, l.quantityShipped, l.unitPriceCents, l.status])).toEqual([
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
    expect(o).toMatchObject({ channelOrderId: '202-1234567-8901234', currency: 'GBP', totalCents: 10397, status: 'SHIPPED' });
    expect(o.lines[0]).toMatchObject({ quantityOrdered: 3, quantityShipped: 3, unitPriceCents: 2999 });
  });
});

describe('mapAmazonOrder on fulfilment states', () => {
  const unshipped = (): AmazonOrder => {
    const o = searchExample();
    return {
      ...o,
      fulfillment: { ...o.fulfillment!, fulfillmentStatus: 'UNSHIPPED' },
      packages: [],
      orderItems: o.orderItems.map((i) => ({ ...i, cancellation: undefined, fulfillment: { quantityFulfilled: 0, quantityUnfulfilled: i.quantityOrdered } })),
    };
  };

  it.each([
    ['PENDING', 'PENDING', null],
    ['UNSHIPPED', 'ACKNOWLEDGED', '2024-12-25T10:30:00Z'],
    ['CANCELLED', 'CANCELLED', '2024-12-25T10:30:00Z'],
  ])('%s becomes %s', (amazonStatus, status, acknowledgedAt) => {
    const o = mapAmazonOrder({ ...unshipped(), fulfillment: { ...unshipped().fulfillment!, fulfillmentStatus: amazonStatus } });
    expect(o.status).toBe(status);
    expect(o.acknowledgedAt).toEqual(acknowledgedAt ? new Date(acknowledgedAt) : null);
    if (status === 'CANCELLED') expect(o.lines.every((l) => l.quantityCancelled === l.quantityOrdered && l.status === 'CANCELLED')).toBe(true);
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
