import { formatLateness, metricOrderReason, trackingLine, type ReasonOrder } from './metric-order-reason';

const order = (over: Partial<ReasonOrder> = {}): ReasonOrder => ({
  shipBy: '2026-11-20T18:00:00Z',
  acknowledgeBy: null,
  acknowledgedAt: null,
  shipments: [],
  lines: [{ cancellationReason: null, quantityCancelled: 0, refundReason: null, quantityRefunded: 0 }],
  ...over,
});

test('lateness reads in minutes, hours and days', () => {
  expect(formatLateness(45 * 60_000)).toBe('45 min');
  expect(formatLateness((5 * 60 + 12) * 60_000)).toBe('5 h 12 min');
  expect(formatLateness(2 * 3_600_000)).toBe('2 h');
  expect(formatLateness(51 * 60 * 60_000)).toBe('2 days 3 h');
});

test('an order against the standard says why, per metric', () => {
  const late = order({ shipments: [{ carrier: 'UPS', trackingNumber: '1Z', shippedAt: '2026-11-20T23:12:00Z' }] });
  expect(metricOrderReason('LATE_SHIPMENT_RATE_30D', 'NUMERATOR', 'NUMERATOR', late)).toBe(
    'Shipped 5 h 12 min after its ship-by',
  );
  expect(metricOrderReason('ON_TIME_SHIPMENT_RATE', 'DENOMINATOR_ONLY', 'DENOMINATOR_ONLY', order())).toBe(
    'Not shipped by its ship-by',
  );
  expect(metricOrderReason('VALID_TRACKING_RATE', 'DENOMINATOR_ONLY', 'DENOMINATOR_ONLY', late)).toBe(
    'Tracking number without a carrier scan in time',
  );
  expect(
    metricOrderReason(
      'VALID_TRACKING_RATE',
      'DENOMINATOR_ONLY',
      'DENOMINATOR_ONLY',
      order({ shipments: [{ carrier: 'USPS', trackingNumber: null, shippedAt: '2026-11-20T10:00:00Z' }] }),
    ),
  ).toBe('Shipped without a tracking number');
  const cancelled = order({
    lines: [{ cancellationReason: 'NO_INVENTORY', quantityCancelled: 1, refundReason: null, quantityRefunded: 0 }],
  });
  expect(metricOrderReason('PRE_FULFILLMENT_CANCEL_RATE', 'NUMERATOR', 'NUMERATOR', cancelled)).toBe(
    'Cancelled by the seller: No inventory',
  );
  const acked = order({ acknowledgeBy: '2026-11-20T10:00:00Z', acknowledgedAt: '2026-11-20T10:45:00Z' });
  expect(metricOrderReason('ACKNOWLEDGEMENT_RATE', 'DENOMINATOR_ONLY', 'DENOMINATOR_ONLY', acked)).toBe(
    'Acknowledged 45 min after its deadline',
  );
});

test('the other sets say what they are', () => {
  expect(metricOrderReason('VALID_TRACKING_RATE', 'NUMERATOR', 'DENOMINATOR_ONLY', order())).toBe('Meets the standard');
  expect(metricOrderReason('LATE_SHIPMENT_RATE_10D', 'OPEN', 'NUMERATOR', order(), 'UTC')).toBe(
    'Open; ship by Fri 20 Nov',
  );
  expect(metricOrderReason('VALID_TRACKING_RATE', 'AWAITING_FIRST_SCAN', 'DENOMINATOR_ONLY', order())).toBe(
    "Awaiting the carrier's first scan",
  );
});

test('the tracking column names the carrier and number, or nothing', () => {
  expect(
    trackingLine(
      order({
        shipments: [{ carrier: 'UPS', trackingNumber: '1Z999AA10123456784', shippedAt: '2026-11-20T10:00:00Z' }],
      }),
    ),
  ).toBe('UPS 1Z999AA10123456784');
  expect(trackingLine(order())).toBeNull();
});
