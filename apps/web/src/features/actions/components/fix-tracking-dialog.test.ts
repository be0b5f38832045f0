import { order, outboxEntry } from '@/features/shared/test/order-fixtures';
import { confirmedAtOf, formOfShipment } from './fix-tracking-dialog';

type Shipment = ReturnType<typeof order>['shipments'][number];

const shipment = (overrides: Partial<Shipment> = {}): Shipment => ({
  id: 'sh-1',
  source: 'CHANNEL',
  carrier: 'FedEx',
  carrierCode: null,
  service: 'Ground',
  trackingNumber: '123456789012',
  trackingUrl: null,
  shippedAt: '2026-11-21T09:30:00.000Z',
  packageType: 'PARCEL',
  weightOz: null,
  lengthIn: null,
  widthIn: null,
  heightIn: null,
  lines: [{ orderLineId: 'line-1', lineNumber: '1', sku: 'SKU-1', quantity: 2 }],
  tracking: null,
  carrierEvents: [],
  ...overrides,
});

test('an imported shipment takes the carrier its channel name stands for; an unknown name stays Other with the name', () => {
  expect(formOfShipment(shipment())).toMatchObject({
    carrier: 'FEDEX',
    carrierName: '',
    trackingNumber: '123456789012',
    service: 'Ground',
    quantities: { '1': '2' },
  });
  expect(formOfShipment(shipment({ carrier: 'Pitney Bowes' }))).toMatchObject({
    carrier: 'OTHER',
    carrierName: 'Pitney Bowes',
  });
  expect(
    formOfShipment(shipment({ source: 'HUB', carrier: 'UPSMI', carrierCode: 'UPS_MAIL_INNOVATIONS' })).carrier,
  ).toBe('UPS_MAIL_INNOVATIONS');
});

test('a hub shipment counts as confirmed when its SHIP call was delivered; an imported one at its ship date', () => {
  const hub = shipment({ source: 'HUB', carrierCode: 'UPS' });
  const delivered = outboxEntry({
    shipmentId: 'sh-1',
    operation: 'SHIP',
    status: 'DELIVERED',
    deliveredAt: '2026-11-21T10:00:05.000Z',
  });
  expect(confirmedAtOf(order({ outbox: [delivered], shipments: [hub] }), hub).toISOString()).toBe(
    '2026-11-21T10:00:05.000Z',
  );
  expect(confirmedAtOf(order({ shipments: [shipment()] }), shipment()).toISOString()).toBe('2026-11-21T09:30:00.000Z');
});
