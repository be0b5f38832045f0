import { order } from '@/features/shared/test/order-fixtures';
import {
  carrierOptions,
  initialShipmentForm,
  liveShipmentViolations,
  type ShipmentFormValues,
  toRulesInput,
  toShipmentInput,
  trackingFormatHint,
} from './shipment-form';

/** A UPS 1Z number whose check digit is right (the rules compute it). */
const UPS_OK = '1Z999AA10123456784';
const NOW = new Date('2026-11-21T12:00:00.000Z');

function form(overrides: Partial<ShipmentFormValues> = {}): ShipmentFormValues {
  return { ...initialShipmentForm(order(), NOW), trackingNumber: UPS_OK, shippedAt: '2026-11-21T09:30', ...overrides };
}

describe('toShipmentInput', () => {
  test('defaults to every open unit, sends the order version and an ISO ship date', () => {
    const input = toShipmentInput(order(), form());
    expect(input).toEqual({
      orderId: 'ord-1',
      expectedVersion: 3,
      lines: [
        { lineNumber: '1', quantity: 2 },
        { lineNumber: '2', quantity: 1 },
      ],
      carrier: 'UPS',
      carrierName: null,
      service: null,
      trackingNumber: UPS_OK,
      trackingUrl: null,
      shippedAt: new Date('2026-11-21T09:30').toISOString(),
      package: null,
    });
  });

  test('leaves out lines at 0 or empty, trims text and sends the name only for OTHER', () => {
    const input = toShipmentInput(
      order(),
      form({
        quantities: { '1': '0', '2': '1' },
        carrier: 'UPS',
        carrierName: 'ignored',
        service: ' Ground ',
        trackingUrl: ' https://t.example/1 ',
      }),
    );
    expect(input.lines).toEqual([{ lineNumber: '2', quantity: 1 }]);
    expect(input.carrierName).toBeNull();
    expect(input.service).toBe('Ground');
    expect(input.trackingUrl).toBe('https://t.example/1');

    expect(toShipmentInput(order(), form({ carrier: 'OTHER', carrierName: ' Pitney ' })).carrierName).toBe('Pitney');
    expect(toShipmentInput(order(), form({ quantities: { '1': '', '2': '1' } })).lines).toEqual([
      { lineNumber: '2', quantity: 1 },
    ]);
  });

  test('sends a package once it is described: a flat, or a parcel with a measure', () => {
    expect(toShipmentInput(order(), form({ packageType: 'FLAT' })).package).toEqual({
      type: 'FLAT',
      weightOz: null,
      lengthIn: null,
      widthIn: null,
      heightIn: null,
    });
    expect(toShipmentInput(order(), form({ weightOz: '12.5' })).package).toMatchObject({
      type: 'PARCEL',
      weightOz: 12.5,
    });
  });

  test('the rules input carries the order snapshot and a Date', () => {
    const input = toRulesInput(order(), form());
    expect(input.channel).toBe('WALMART');
    expect(input.order.channelOrderId).toBe('108829012345678');
    expect(input.order.lines[0]).toMatchObject({ lineNumber: '1', quantityOrdered: 2, quantityShipped: 0 });
    expect(input.shippedAt).toBeInstanceOf(Date);
  });
});

describe('liveShipmentViolations', () => {
  test('a valid UPS number on an acknowledged order breaks nothing', () => {
    expect(liveShipmentViolations(order(), form(), NOW)).toEqual([]);
  });

  test('Amazon Logistics with a TBA number on Walmart is blocked', () => {
    const violations = liveShipmentViolations(
      order(),
      form({ carrier: 'AMAZON_LOGISTICS', trackingNumber: 'TBA303012345678' }),
      NOW,
    );
    expect(violations.some((v) => v.severity === 'BLOCK' && v.code.includes('AMAZON_LOGISTICS'))).toBe(true);
  });

  test('a wrong check digit and too many units are named on their inputs', () => {
    const violations = liveShipmentViolations(
      order(),
      form({ trackingNumber: '1Z999AA10123456785', quantities: { '1': '3', '2': '0' } }),
      NOW,
    );
    expect(violations.find((v) => v.code === 'TRACKING_CHECK_DIGIT')?.field).toBe('trackingNumber');
    expect(violations.some((v) => v.field === 'lines[0].quantity' && v.severity === 'BLOCK')).toBe(true);
  });

  test('a ship date in the future is blocked on shippedAt', () => {
    const violations = liveShipmentViolations(order(), form({ shippedAt: '2026-11-30T09:30' }), NOW);
    expect(violations.find((v) => v.code === 'SHIP_DATE_IN_FUTURE')?.field).toBe('shippedAt');
  });
});

test('every carrier is offered; Walmart does not take Amazon Logistics by name', () => {
  const walmart = carrierOptions('WALMART');
  expect(walmart.map((o) => o.code)).toContain('AMAZON_LOGISTICS');
  expect(walmart.find((o) => o.code === 'AMAZON_LOGISTICS')?.accepted).toBe(false);
  expect(walmart.find((o) => o.code === 'UPS')).toEqual({ code: 'UPS', label: 'UPS', accepted: true });
  expect(carrierOptions('AMAZON').find((o) => o.code === 'AMAZON_LOGISTICS')?.accepted).toBe(true);
});

test('the format hint names the matched format, or the carrier formats before a match', () => {
  expect(trackingFormatHint(UPS_OK, 'UPS')).toMatch(/^UPS 1Z number, check digit correct/);
  expect(trackingFormatHint('', 'UPS')).toMatch(/^UPS formats: UPS 1Z; UPS Mail Innovations/);
  expect(trackingFormatHint('', 'OTHER')).toBeNull();
});
