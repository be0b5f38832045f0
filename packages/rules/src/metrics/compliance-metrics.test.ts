import type {
  CarrierCode,
  ComplianceMetric,
  ComplianceOrderRecord,
  ComplianceShipmentRecord,
  PackageType,
} from '@order-hub/types';
import { computeComplianceMetrics } from './compliance-report';
import { metricStatus } from './metric-status';

const AS_OF = new Date('2026-11-20T00:00:00Z');
const t = (iso: string) => new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso);
const VALID_UPS = '1Z999AA10123456784';
const BAD_CHECK_UPS = '1Z999AA10123456785';

let seq = 0;
function order(o: Partial<ComplianceOrderRecord> & { id?: string }): ComplianceOrderRecord {
  seq += 1;
  return {
    id: o.id ?? `o${String(seq).padStart(4, '0')}`,
    channelOrderId: `PO-${seq}`,
    customerOrderId: null,
    fulfillmentMethod: 'MERCHANT',
    orderedAt: t('2026-11-18'),
    shipBy: null,
    acknowledgeBy: null,
    acknowledgedAt: null,
    totalCents: 5000,
    cancellation: null,
    sellerFaultRefundAt: null,
    shipments: [],
    ...o,
  };
}

function shipment(
  shippedAt: string,
  trackingNumber: string | null = VALID_UPS,
  carrier: CarrierCode = 'UPS',
  packageType: PackageType = 'PARCEL',
): ComplianceShipmentRecord {
  seq += 1;
  // Scanned as it was handed over: these tests are about format, timeliness and exemptions (carrier scans: tracking-verdict.test.ts).
  const scan = { known: true, firstScanAt: t(shippedAt), untrackable: false };
  return {
    id: `s${seq}`,
    carrier,
    trackingNumber,
    shippedAt: t(shippedAt),
    package: { type: packageType },
    carrierScan: scan,
  };
}

const shippedOrder = (
  shippedAt: string,
  trackingNumber: string | null = VALID_UPS,
  extra: Partial<ComplianceOrderRecord> = {},
) => order({ shipments: [shipment(shippedAt, trackingNumber)], ...extra });
const many = (n: number, make: () => ComplianceOrderRecord) => Array.from({ length: n }, make);

function metric(
  channel: 'AMAZON' | 'WALMART',
  key: string,
  orders: ComplianceOrderRecord[],
  asOf = AS_OF,
): ComplianceMetric {
  const found = computeComplianceMetrics(channel, orders, { asOf }).find((m) => m.key === key);
  if (!found) throw new Error(`no ${key}`);
  return found;
}

type Expected = Pick<ComplianceMetric, 'numerator' | 'denominator' | 'status'> & {
  value: number | null;
  exclusions?: ComplianceMetric['exclusions'];
  policyVersion?: string;
};

function expectMetric(actual: ComplianceMetric, expected: Expected) {
  expect({ numerator: actual.numerator, denominator: actual.denominator, status: actual.status }).toEqual({
    numerator: expected.numerator,
    denominator: expected.denominator,
    status: expected.status,
  });
  if (expected.value === null) expect(actual.value).toBeNull();
  else expect(actual.value).toBeCloseTo(expected.value, 6);
  expect(actual.exclusions).toEqual(expected.exclusions ?? []);
  if (expected.policyVersion) expect(actual.policyVersion).toBe(expected.policyVersion);
}

describe('metric status', () => {
  it.each([
    [95, 95, 'AT_LEAST', 'AT_RISK'],
    [96, 95, 'AT_LEAST', 'OK'],
    [94.9, 95, 'AT_LEAST', 'FAILING'],
    [99, 99, 'ABOVE', 'FAILING'],
    [4, 4, 'BELOW', 'FAILING'],
    [3.5, 4, 'BELOW', 'AT_RISK'],
    [3, 4, 'BELOW', 'OK'],
    [2, 2, 'AT_MOST', 'AT_RISK'],
    [null, 2, 'AT_MOST', 'NOT_APPLICABLE'],
  ] as const)('%s against %s %s is %s', (value, percent, comparator, status) => {
    expect(metricStatus(value, { percent, comparator }, 1)).toBe(status);
  });

  it('takes a configurable margin', () => {
    expect(metricStatus(97, { percent: 95, comparator: 'AT_LEAST' }, 3)).toBe('AT_RISK');
    expect(metricStatus(97, { percent: 95, comparator: 'AT_LEAST' }, 2)).toBe('OK');
    expect(
      computeComplianceMetrics(
        'AMAZON',
        many(97, () => shippedOrder('2026-11-10')).concat(many(3, () => shippedOrder('2026-11-10', BAD_CHECK_UPS))),
        { asOf: AS_OF, atRiskMargin: 3 },
      )[0].status,
    ).toBe('AT_RISK');
  });
});

describe('Amazon valid tracking rate (30 days, ≥ 95%)', () => {
  const letter = (totalCents: number, trackingNumber: string | null = null) =>
    order({ totalCents, shipments: [shipment('2026-11-15', trackingNumber, 'USPS', 'LETTER')] });

  it.each<[string, () => ComplianceOrderRecord[], Expected]>([
    [
      'valid, wrong check digit, exempt letter under $10, untracked letter over $10',
      () => [shippedOrder('2026-11-10'), shippedOrder('2026-11-12', BAD_CHECK_UPS), letter(800), letter(1500)],
      {
        numerator: 1,
        denominator: 3,
        value: 100 / 3,
        status: 'FAILING',
        exclusions: [{ reason: 'EXEMPT_LETTER_OR_FLAT', count: 1 }],
      },
    ],
    [
      'N/A with only an exempt letter and a channel-fulfilled shipment',
      () => [letter(800), shippedOrder('2026-11-10', VALID_UPS, { fulfillmentMethod: 'CHANNEL' })],
      {
        numerator: 0,
        denominator: 0,
        value: null,
        status: 'NOT_APPLICABLE',
        exclusions: [
          { reason: 'CHANNEL_FULFILLED', count: 1 },
          { reason: 'EXEMPT_LETTER_OR_FLAT', count: 1 },
        ],
      },
    ],
    [
      'window edges: start inclusive, end exclusive',
      () => [
        shippedOrder('2026-10-21T00:00:00Z'),
        shippedOrder('2026-10-20T23:59:59Z', BAD_CHECK_UPS),
        shippedOrder('2026-11-20T00:00:00Z', BAD_CHECK_UPS),
      ],
      { numerator: 1, denominator: 1, value: 100, status: 'OK' },
    ],
    [
      '19 valid of 20 is exactly 95%: passing, at risk',
      () => [...many(19, () => shippedOrder('2026-11-01')), shippedOrder('2026-11-01', null)],
      { numerator: 19, denominator: 20, value: 95, status: 'AT_RISK' },
    ],
    [
      '18 valid of 20 is 90%: failing',
      () => [...many(18, () => shippedOrder('2026-11-01')), ...many(2, () => shippedOrder('2026-11-01', '123'))],
      { numerator: 18, denominator: 20, value: 90, status: 'FAILING' },
    ],
    [
      'the order number typed as tracking is not valid',
      () => [shippedOrder('2026-11-01', '1Z999AA10123456784', { channelOrderId: '1Z999AA10123456784' })],
      { numerator: 0, denominator: 1, value: 0, status: 'FAILING' },
    ],
  ])('%s', (_name, make, expected) => {
    expectMetric(metric('AMAZON', 'VALID_TRACKING_RATE', make()), { policyVersion: 'amazon-2025-01-15', ...expected });
  });

  it('a past window uses the older policy: before 2016-10-12 any letter was exempt whatever its price', () => {
    const old = order({ totalCents: 1500, shipments: [shipment('2016-05-20', null, 'USPS', 'LETTER')] });
    expectMetric(metric('AMAZON', 'VALID_TRACKING_RATE', [old], t('2016-06-01T00:00:00Z')), {
      numerator: 0,
      denominator: 0,
      value: null,
      status: 'NOT_APPLICABLE',
      exclusions: [{ reason: 'EXEMPT_LETTER_OR_FLAT', count: 1 }],
      policyVersion: 'amazon-2015-01-01',
    });
    const now = order({ totalCents: 1500, shipments: [shipment('2026-11-10', null, 'USPS', 'LETTER')] });
    expectMetric(metric('AMAZON', 'VALID_TRACKING_RATE', [now]), {
      numerator: 0,
      denominator: 1,
      value: 0,
      status: 'FAILING',
      policyVersion: 'amazon-2025-01-15',
    });
  });

  it('lists the orders behind the numerator', () => {
    const good = shippedOrder('2026-11-10', VALID_UPS, { id: 'good' });
    const m = metric('AMAZON', 'VALID_TRACKING_RATE', [good, shippedOrder('2026-11-10', BAD_CHECK_UPS)]);
    expect(m.orderIds).toEqual(['good']);
  });
});

describe('Amazon late shipment rate (10 and 30 days, < 4%)', () => {
  const due = (shipBy: string, shippedAt: string | null, extra: Partial<ComplianceOrderRecord> = {}) =>
    order({ shipBy: t(shipBy), shipments: shippedAt ? [shipment(shippedAt)] : [], ...extra });

  const data = () => [
    due('2026-11-15T20:00:00Z', '2026-11-15T18:00:00Z', { id: 'on-time' }),
    due('2026-11-16T20:00:00Z', '2026-11-17T10:00:00Z', { id: 'late' }),
    due('2026-11-18T20:00:00Z', null, { id: 'overdue' }),
    due('2026-11-17T20:00:00Z', null, { cancellation: { at: t('2026-11-16'), initiator: 'SELLER' } }),
    due('2026-11-15T20:00:00Z', '2026-11-16T20:00:00Z', { fulfillmentMethod: 'CHANNEL' }),
    due('2026-11-01T20:00:00Z', '2026-11-01T10:00:00Z', { id: 'on-time-30d' }),
    due('2026-11-05T20:00:00Z', '2026-11-06T10:00:00Z', { id: 'late-30d' }),
    due('2026-11-10T00:00:00Z', '2026-11-10T00:00:00Z', { id: 'edge-on-time' }),
    due('2026-11-09T23:59:59Z', '2026-11-12T00:00:00Z', { id: 'late-just-before-10d' }),
    due('2026-11-20T20:00:00Z', null, { id: 'open-1' }),
    due('2026-11-21T20:00:00Z', null, { id: 'open-2' }),
    due('2026-11-21T20:00:00Z', '2026-11-19T08:00:00Z', { id: 'shipped-early' }),
    // Shipped after the report's instant: at asOf it was still unshipped, hence overdue.
    due('2026-11-19T20:00:00Z', '2026-11-20T01:00:00Z', { id: 'shipped-after-as-of' }),
  ];

  it('10 days: the late, the overdue; cancelled and channel-fulfilled orders left out', () => {
    const m = metric('AMAZON', 'LATE_SHIPMENT_RATE_10D', data());
    expectMetric(m, {
      numerator: 3,
      denominator: 5,
      value: 60,
      status: 'FAILING',
      exclusions: [
        { reason: 'CANCELLED_BEFORE_SHIPPING', count: 1 },
        { reason: 'CHANNEL_FULFILLED', count: 1 },
      ],
    });
    expect(m.orderIds).toEqual(['late', 'overdue', 'shipped-after-as-of']);
    expect(m.windowDays).toBe(10);
    expect(m.threshold).toBe(4);
    expect(m.comparator).toBe('BELOW');
    expect(m.projection).toMatchObject({
      openOrders: 2,
      mustShipOnTime: null,
      latestShipBy: t('2026-11-21T20:00:00Z'),
      openOrderIds: ['open-1', 'open-2'],
    });
    expect(m.projection!.valueIfAllMiss).toBeCloseTo((5 * 100) / 7, 6);
  });

  it('30 days takes the older ship-bys too', () => {
    const m = metric('AMAZON', 'LATE_SHIPMENT_RATE_30D', data());
    expectMetric(m, {
      numerator: 5,
      denominator: 8,
      value: 62.5,
      status: 'FAILING',
      exclusions: [
        { reason: 'CANCELLED_BEFORE_SHIPPING', count: 1 },
        { reason: 'CHANNEL_FULFILLED', count: 1 },
      ],
    });
  });

  it.each([
    // 30 on time, 9 open: 1 late of 39 is 2.56%, 2 of 39 is 5.13% -> 8 must ship on time.
    [30, 9, 8, (9 * 100) / 39, 'FAILING'],
    // 100 on time, 9 open: 4 late of 109 is 3.67%, 5 is 4.59% -> 5 must ship on time.
    [100, 9, 5, (9 * 100) / 109, 'FAILING'],
    // 300 on time, 9 open: 9 late of 309 is 2.91%, more than a point under 4% -> none need to.
    [300, 9, 0, (9 * 100) / 309, 'OK'],
    // 250 on time: 9 of 259 is 3.47%, within a point of 4% -> at risk.
    [250, 9, 0, (9 * 100) / 259, 'AT_RISK'],
  ] as const)(
    'projection: %s on time and %s open -> ship %s of them on time',
    (onTime, open, mustShip, ifAllMiss, statusIfAllMiss) => {
      const orders = [
        ...many(onTime, () => due('2026-11-15T20:00:00Z', '2026-11-15T10:00:00Z')),
        ...many(open, () => due('2026-11-20T18:00:00Z', null)),
      ];
      const m = metric('AMAZON', 'LATE_SHIPMENT_RATE_10D', orders);
      expectMetric(m, { numerator: 0, denominator: onTime, value: 0, status: 'OK' });
      expect(m.projection).toMatchObject({
        openOrders: open,
        mustShipOnTime: mustShip,
        latestShipBy: t('2026-11-20T18:00:00Z'),
      });
      expect(m.projection!.valueIfAllMiss).toBeCloseTo(ifAllMiss, 6);
      expect(m.projection!.statusIfAllMiss).toBe(statusIfAllMiss);
    },
  );

  it('N/A with no order due in the window', () => {
    expectMetric(metric('AMAZON', 'LATE_SHIPMENT_RATE_10D', [due('2026-11-01T00:00:00Z', null)]), {
      numerator: 0,
      denominator: 0,
      value: null,
      status: 'NOT_APPLICABLE',
    });
  });
});

describe('Amazon pre-fulfillment cancel rate (7 days, < 2.5%)', () => {
  const placed = (extra: Partial<ComplianceOrderRecord> = {}) => order({ orderedAt: t('2026-11-15'), ...extra });
  const sellerCancelled = () => placed({ cancellation: { at: t('2026-11-16'), initiator: 'SELLER' } });

  it.each<[string, () => ComplianceOrderRecord[], Expected]>([
    [
      '1 of 40 is 2.5%: failing',
      () => [sellerCancelled(), ...many(39, () => placed())],
      { numerator: 1, denominator: 40, value: 2.5, status: 'FAILING' },
    ],
    [
      '1 of 50 is 2%: at risk',
      () => [sellerCancelled(), ...many(49, () => placed())],
      { numerator: 1, denominator: 50, value: 2, status: 'AT_RISK' },
    ],
    [
      '1 of 100 is 1%: OK',
      () => [sellerCancelled(), ...many(99, () => placed())],
      { numerator: 1, denominator: 100, value: 1, status: 'OK' },
    ],
    [
      'auto-cancels count, buyer-requested cancels are left out, a cancel after asOf is not yet known',
      () => [
        placed({ cancellation: { at: t('2026-11-17'), initiator: 'AUTO_CANCEL' } }),
        placed({ cancellation: { at: t('2026-11-17'), initiator: 'BUYER' } }),
        placed({ cancellation: { at: t('2026-11-20T00:00:00Z'), initiator: 'SELLER' } }),
        placed({ orderedAt: t('2026-11-12T23:59:59Z'), cancellation: { at: t('2026-11-14'), initiator: 'SELLER' } }),
        placed({ orderedAt: t('2026-11-13T00:00:00Z') }),
        placed({ fulfillmentMethod: 'CHANNEL', cancellation: { at: t('2026-11-16'), initiator: 'SELLER' } }),
      ],
      {
        numerator: 1,
        denominator: 3,
        value: 100 / 3,
        status: 'FAILING',
        exclusions: [
          { reason: 'BUYER_REQUESTED', count: 1 },
          { reason: 'CHANNEL_FULFILLED', count: 1 },
        ],
      },
    ],
    [
      'N/A with no order placed in 7 days',
      () => [placed({ orderedAt: t('2026-11-01') })],
      { numerator: 0, denominator: 0, value: null, status: 'NOT_APPLICABLE' },
    ],
  ])('%s', (_name, make, expected) => {
    const m = metric('AMAZON', 'PRE_FULFILLMENT_CANCEL_RATE', make());
    expectMetric(m, expected);
    expect(m.windowDays).toBe(7);
  });
});

describe('Walmart', () => {
  it('computes its seven metrics, address mismatch last', () => {
    expect(
      computeComplianceMetrics('WALMART', [], { asOf: AS_OF }).map((m) => [m.key, m.status, m.policyVersion]),
    ).toEqual([
      ['VALID_TRACKING_RATE', 'NOT_APPLICABLE', 'walmart-2026-01-29'],
      ['CANCELLATION_RATE', 'NOT_APPLICABLE', 'walmart-2026-01-29'],
      ['REFUND_RATE', 'NOT_APPLICABLE', 'walmart-2026-01-29'],
      ['ON_TIME_SHIPMENT_RATE', 'NOT_APPLICABLE', 'walmart-2026-01-29'],
      ['ACKNOWLEDGEMENT_RATE', 'NOT_APPLICABLE', 'walmart-2026-01-29'],
      ['ON_TIME_DELIVERY_RATE', 'NOT_APPLICABLE', 'walmart-2026-01-29'],
      ['ADDRESS_MISMATCH_RATE', 'NOT_APPLICABLE', 'walmart-2026-01-29'],
    ]);
  });

  const vtr99 = () => [...many(99, () => shippedOrder('2025-11-20')), shippedOrder('2025-11-20', BAD_CHECK_UPS)];

  it('valid tracking: 99 of 100 meets ≥ 99% (2026 policy) but not > 99% (the older one)', () => {
    expectMetric(metric('WALMART', 'VALID_TRACKING_RATE', vtr99(), t('2025-12-01T00:00:00Z')), {
      numerator: 99,
      denominator: 100,
      value: 99,
      status: 'FAILING',
      policyVersion: 'walmart-2023-06-06',
    });
    const now = vtr99().map((o) => ({
      ...o,
      shipments: o.shipments.map((s) => ({ ...s, shippedAt: t('2026-11-10') })),
    }));
    const m = metric('WALMART', 'VALID_TRACKING_RATE', now);
    expectMetric(m, {
      numerator: 99,
      denominator: 100,
      value: 99,
      status: 'AT_RISK',
      policyVersion: 'walmart-2026-01-29',
    });
    expect([m.threshold, m.comparator]).toEqual([99, 'AT_LEAST']);
  });

  it('valid tracking: Walmart exempts no letters', () => {
    const letter = order({ totalCents: 500, shipments: [shipment('2026-11-10', null, 'USPS', 'LETTER')] });
    expectMetric(metric('WALMART', 'VALID_TRACKING_RATE', [letter]), {
      numerator: 0,
      denominator: 1,
      value: 0,
      status: 'FAILING',
    });
  });

  it('cancellation rate counts seller cancels and auto-cancels, not buyer-requested or channel ones (≤ 2%)', () => {
    const orders = [
      order({ cancellation: { at: t('2026-11-19'), initiator: 'AUTO_CANCEL' } }),
      order({ cancellation: { at: t('2026-11-19'), initiator: 'SELLER' } }),
      order({ cancellation: { at: t('2026-11-19'), initiator: 'BUYER' } }),
      order({ cancellation: { at: t('2026-11-19'), initiator: 'CHANNEL' } }),
      ...many(98, () => order({})),
    ];
    expectMetric(metric('WALMART', 'CANCELLATION_RATE', orders), {
      numerator: 2,
      denominator: 100,
      value: 2,
      status: 'AT_RISK',
      exclusions: [
        { reason: 'BUYER_REQUESTED', count: 1 },
        { reason: 'CHANNEL_CANCELLED', count: 1 },
      ],
    });
  });

  it('refund rate: seller-fault refunds known by asOf (≤ 6%)', () => {
    const orders = [
      ...many(7, () => order({ sellerFaultRefundAt: t('2026-11-19') })),
      order({ sellerFaultRefundAt: t('2026-11-21') }),
      ...many(92, () => order({})),
      order({ orderedAt: t('2026-10-01'), sellerFaultRefundAt: t('2026-11-19') }),
    ];
    expectMetric(metric('WALMART', 'REFUND_RATE', orders), {
      numerator: 7,
      denominator: 100,
      value: 7,
      status: 'FAILING',
    });
  });

  it('on-time shipment carries no threshold but is measured and projected', () => {
    const orders = [
      order({ shipBy: t('2026-11-18T20:00:00Z'), shipments: [shipment('2026-11-18T10:00:00Z')] }),
      order({ shipBy: t('2026-11-18T20:00:00Z'), shipments: [shipment('2026-11-19T10:00:00Z')] }),
      order({ shipBy: t('2026-11-20T20:00:00Z') }),
    ];
    const m = metric('WALMART', 'ON_TIME_SHIPMENT_RATE', orders);
    expectMetric(m, { numerator: 1, denominator: 2, value: 50, status: 'NOT_APPLICABLE' });
    expect([m.threshold, m.comparator]).toEqual([null, null]);
    expect(m.projection).toMatchObject({
      openOrders: 1,
      valueIfAllMiss: 100 / 3,
      mustShipOnTime: null,
      statusIfAllMiss: 'NOT_APPLICABLE',
    });
  });

  it('acknowledgement within 4 hours: late and missing count against, not-yet-due and cancelled-first are left out', () => {
    const orders = [
      order({ orderedAt: t('2026-11-19T10:00:00Z'), acknowledgedAt: t('2026-11-19T13:59:59Z') }),
      order({ orderedAt: t('2026-11-19T10:00:00Z'), acknowledgedAt: t('2026-11-19T14:00:01Z') }),
      order({ orderedAt: t('2026-11-19T22:00:00Z') }),
      order({ orderedAt: t('2026-11-18T10:00:00Z') }),
      order({
        orderedAt: t('2026-11-18T10:00:00Z'),
        cancellation: { at: t('2026-11-18T11:00:00Z'), initiator: 'BUYER' },
      }),
      order({
        orderedAt: t('2026-11-18T10:00:00Z'),
        acknowledgeBy: t('2026-11-18T20:00:00Z'),
        acknowledgedAt: t('2026-11-18T19:00:00Z'),
      }),
    ];
    const m = metric('WALMART', 'ACKNOWLEDGEMENT_RATE', orders);
    expectMetric(m, {
      numerator: 2,
      denominator: 4,
      value: 50,
      status: 'NOT_APPLICABLE',
      exclusions: [
        { reason: 'CANCELLED_BEFORE_DUE', count: 1 },
        { reason: 'NOT_YET_DUE', count: 1 },
      ],
    });
    expect(m.label).toBe(
      'Acknowledged within 4 hours (no published rate standard; acknowledgements at an unknown time left out)',
    );
  });

  it('acknowledgement acknowledged at an unknown time (in Seller Center, before the hub saw it): neither late nor on time', () => {
    const orders = [
      order({ orderedAt: t('2026-11-18T10:00:00Z'), acknowledged: true }),
      order({ orderedAt: t('2026-11-18T10:00:00Z'), acknowledged: true, acknowledgedAt: t('2026-11-18T11:00:00Z') }),
      order({ orderedAt: t('2026-11-18T10:00:00Z'), acknowledged: false }),
    ];
    expectMetric(metric('WALMART', 'ACKNOWLEDGEMENT_RATE', orders), {
      numerator: 1,
      denominator: 2,
      value: 50,
      status: 'NOT_APPLICABLE',
      exclusions: [{ reason: 'ACKNOWLEDGED_AT_UNKNOWN', count: 1 }],
    });
  });
});
