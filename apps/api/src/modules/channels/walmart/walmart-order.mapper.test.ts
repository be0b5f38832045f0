import { readSharedSpec } from '../../../../test/support/shared-specs';
import { mapWalmartOrder } from './walmart-order.mapper';
import type { WalmartOrder } from './walmart-order.types';

const sample = (name: string) => readSharedSpec<{ order: WalmartOrder }>('walmart', 'samples', name).order;

describe('mapWalmartOrder on Walmart\'s own examples', () => {
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
    expect(o.lines[0]).toMatchObject({ quantityShipped: 1, quantityRefunded: 1, unitPriceCents: 1999, status: 'REFUNDED' });
    expect(o.totalCents).toBe(2199);
  });

  it("takes the order total from orderSummary when Walmart sends it, in its currencyAmount/currencyUnit shape", () => {
    const o = mapWalmartOrder({ ...sample('get_order_response_200_ORDER.json'), orderSummary: { totalAmount: { currencyAmount: 27.99, currencyUnit: 'USD' } } });
    expect([o.totalCents, o.currency]).toEqual([2799, 'USD']);
  });

  it('maps every order of the list example, Created lines giving a CREATED order with no acknowledgement', () => {
    const list = readSharedSpec<{ list: { elements: { order: WalmartOrder[] } } }>('walmart', 'samples', 'list_orders_response_200.json');
    const orders = list.list.elements.order.map(mapWalmartOrder);
    expect(orders.length).toBeGreaterThan(0);
    const created = orders.find((o) => o.channelOrderId === '1796277083022')!;
    expect(created).toMatchObject({ status: 'CREATED', acknowledgedAt: null });
    expect(created.lines[0]).toMatchObject({ lineNumber: '4', status: 'CREATED', quantityOrdered: 1, quantityShipped: 0 });
  });
});

describe('mapWalmartOrder on quantity splits', () => {
  const base = sample('get_order_response_200_ORDER.json');
  const withStatuses = (statuses: WalmartOrder['orderLines']['orderLine'][number]['orderLineStatuses']['orderLineStatus'], extra = {}) => ({
    ...base,
    orderLines: { orderLine: [{ ...base.orderLines.orderLine[0], orderLineQuantity: { amount: '3' }, orderLineStatuses: { orderLineStatus: statuses }, ...extra }] },
    shipNode: { type: 'SellerFulfilled' },
  });
  const q = (amount: string) => ({ unitOfMeasurement: 'EACH', amount });
  const tracking = { shipDateTime: 1623835855000, carrierName: { carrier: 'UPS' }, trackingNumber: '1Z999AA10123456784' };

  it.each([
    ['one shipped, two acknowledged', [{ status: 'Shipped', statusQuantity: q('1'), trackingInfo: tracking }, { status: 'Acknowledged', statusQuantity: q('2') }], 'PARTIALLY_SHIPPED', { quantityShipped: 1, quantityCancelled: 0, status: 'ACKNOWLEDGED' }],
    ['one cancelled, two shipped', [{ status: 'Cancelled', statusQuantity: q('1') }, { status: 'Shipped', statusQuantity: q('2'), trackingInfo: tracking }], 'SHIPPED', { quantityShipped: 2, quantityCancelled: 1, status: 'SHIPPED' }],
    ['all cancelled', [{ status: 'Cancelled', statusQuantity: q('3') }], 'CANCELLED', { quantityCancelled: 3, status: 'CANCELLED' }],
    ['all delivered', [{ status: 'Delivered', statusQuantity: q('3'), trackingInfo: tracking }], 'DELIVERED', { quantityShipped: 3, status: 'DELIVERED' }],
    ['all created', [{ status: 'Created', statusQuantity: q('3') }], 'CREATED', { quantityShipped: 0, status: 'CREATED' }],
  ] as const)('%s', (_name, statuses, orderStatus, line) => {
    const o = mapWalmartOrder(withStatuses(statuses as never));
    expect(o.status).toBe(orderStatus);
    expect(o.lines[0]).toMatchObject(line);
  });

  it('surfaces a buyer\'s intent to cancel on an open line, and marks WFS orders channel-fulfilled', () => {
    const o = mapWalmartOrder({ ...withStatuses([{ status: 'Acknowledged', statusQuantity: q('3') }], { intentToCancel: 'Yes' }), shipNode: { type: 'WFSFulfilled' } });
    expect(o.cancellationRequested).toBe(true);
    expect(o.lines[0].cancellationRequested).toBe(true);
    expect(o.fulfillmentMethod).toBe('CHANNEL');
  });
});
