import type { ComplianceMetric, ComplianceOrderRecord, PackageType } from '@order-hub/types';
import { computeComplianceMetrics, metricContext } from './compliance-report';
import { onTimeDeliveryRate } from './delivery-rate';
import { orderCategories } from './tracking-rate';

const AS_OF = new Date('2026-11-20T00:00:00Z');
const t = (iso: string) => new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso);
const VALID_UPS = '1Z999AA10123456784';
const BAD_CHECK_UPS = '1Z999AA10123456785';

let seq = 0;
function order(o: Partial<ComplianceOrderRecord> & { skus?: [string, string | null][] }): ComplianceOrderRecord {
  seq += 1;
  const { skus, ...rest } = o;
  return {
    id: `o${String(seq).padStart(4, '0')}`,
    channelOrderId: `PO-${seq}`,
    customerOrderId: null,
    fulfillmentMethod: 'MERCHANT',
    orderedAt: t('2026-11-10'),
    shipBy: null,
    acknowledgeBy: null,
    acknowledgedAt: null,
    totalCents: 5000,
    cancellation: null,
    sellerFaultRefundAt: null,
    shipments: [],
    lines: (skus ?? []).map(([sku, category]) => ({ sku, category })),
    ...rest,
  };
}
const shipped = (
  at: string,
  tracking: string | null,
  skus: [string, string | null][],
  extra: Partial<ComplianceOrderRecord> = {},
  type: PackageType = 'PARCEL',
) =>
  order({
    skus,
    shipments: [
      {
        id: `s${seq}`,
        carrier: type === 'PARCEL' ? 'UPS' : 'USPS',
        trackingNumber: tracking,
        shippedAt: t(at),
        package: { type },
        // Scanned as it was handed over: these tests are about categories (carrier scans: tracking-verdict.test.ts).
        carrierScan: { known: true, firstScanAt: t(at), untrackable: false },
      },
    ],
    ...extra,
  });
const many = <T>(n: number, make: () => T) => Array.from({ length: n }, make);

const KITCHEN: [string, string] = ['KTC-1', 'Kitchen'];
const TOYS: [string, string] = ['KID-1', 'Baby & Kids'];
const UNMAPPED: [string, null] = ['ZZZ-1', null];

function vtrs(
  orders: ComplianceOrderRecord[],
  channel: 'AMAZON' | 'WALMART' = 'AMAZON',
  asOf = AS_OF,
): ComplianceMetric[] {
  return computeComplianceMetrics(channel, orders, { asOf }).filter((m) => m.key === 'VALID_TRACKING_RATE');
}
const brief = (m: ComplianceMetric) => ({
  category: m.category,
  numerator: m.numerator,
  denominator: m.denominator,
  status: m.status,
  exclusions: m.exclusions,
});

describe('Amazon valid tracking rate per product category', () => {
  it('orderCategories: distinct, sorted, unmapped and line-less orders are Uncategorized', () => {
    expect(
      orderCategories({
        lines: [
          { sku: 'a', category: 'Toys' },
          { sku: 'b', category: null },
          { sku: 'c', category: 'Toys' },
        ],
      }),
    ).toEqual(['Toys', 'Uncategorized']);
    expect(orderCategories({ lines: [] })).toEqual(['Uncategorized']);
    expect(orderCategories({})).toEqual(['Uncategorized']);
  });

  it.each<[string, () => ComplianceOrderRecord[], ReturnType<typeof brief>[]]>([
    [
      'overall passes while one category fails; a two-category order counts in both',
      () => [
        ...many(40, () => shipped('2026-11-10', VALID_UPS, [KITCHEN])),
        ...many(8, () => shipped('2026-11-10', VALID_UPS, [TOYS])),
        shipped('2026-11-11', BAD_CHECK_UPS, [TOYS]),
        shipped('2026-11-12', null, [TOYS, KITCHEN]),
      ],
      [
        { category: null, numerator: 48, denominator: 50, status: 'OK', exclusions: [] },
        { category: 'Baby & Kids', numerator: 8, denominator: 10, status: 'FAILING', exclusions: [] },
        { category: 'Kitchen', numerator: 40, denominator: 41, status: 'OK', exclusions: [] },
      ],
    ],
    [
      'window edges: only shipments in [asOf − 30 d, asOf) make a category appear',
      () => [
        shipped('2026-10-21T00:00:00Z', VALID_UPS, [KITCHEN]),
        shipped('2026-10-20T23:59:59Z', null, [TOYS]),
        shipped('2026-11-20T00:00:00Z', null, [TOYS]),
        shipped('2026-11-19T23:59:59Z', null, [UNMAPPED]),
      ],
      [
        { category: null, numerator: 1, denominator: 2, status: 'FAILING', exclusions: [] },
        { category: 'Kitchen', numerator: 1, denominator: 1, status: 'OK', exclusions: [] },
        { category: 'Uncategorized', numerator: 0, denominator: 1, status: 'FAILING', exclusions: [] },
      ],
    ],
    [
      'exemptions and channel-fulfilled shipments are left out per category too; a category with only those is N/A',
      () => [
        shipped('2026-11-10', null, [TOYS], { totalCents: 800 }, 'LETTER'),
        shipped('2026-11-10', VALID_UPS, [TOYS], { fulfillmentMethod: 'CHANNEL' }),
        shipped('2026-11-10', VALID_UPS, [KITCHEN]),
      ],
      [
        {
          category: null,
          numerator: 1,
          denominator: 1,
          status: 'OK',
          exclusions: [
            { reason: 'CHANNEL_FULFILLED', count: 1 },
            { reason: 'EXEMPT_LETTER_OR_FLAT', count: 1 },
          ],
        },
        {
          category: 'Baby & Kids',
          numerator: 0,
          denominator: 0,
          status: 'NOT_APPLICABLE',
          exclusions: [
            { reason: 'CHANNEL_FULFILLED', count: 1 },
            { reason: 'EXEMPT_LETTER_OR_FLAT', count: 1 },
          ],
        },
        { category: 'Kitchen', numerator: 1, denominator: 1, status: 'OK', exclusions: [] },
      ],
    ],
  ])('%s', (_name, make, expected) => {
    const metrics = vtrs(make());
    expect(metrics.map(brief)).toEqual(expected);
    expect(metrics.every((m) => m.policyVersion === 'amazon-2025-01-15' && m.threshold === 95)).toBe(true);
  });

  it('lists each category metric right after the overall one, and its own numerator orders', () => {
    const good = shipped('2026-11-10', VALID_UPS, [TOYS]);
    const both = shipped('2026-11-10', VALID_UPS, [TOYS, KITCHEN]);
    const metrics = computeComplianceMetrics('AMAZON', [good, both], { asOf: AS_OF });
    expect(metrics.map((m) => [m.key, m.category])).toEqual([
      ['VALID_TRACKING_RATE', null],
      ['VALID_TRACKING_RATE', 'Baby & Kids'],
      ['VALID_TRACKING_RATE', 'Kitchen'],
      ['LATE_SHIPMENT_RATE_10D', null],
      ['LATE_SHIPMENT_RATE_30D', null],
      ['PRE_FULFILLMENT_CANCEL_RATE', null],
      ['ON_TIME_DELIVERY_RATE', null],
    ]);
    expect(metrics[1].orderIds).toEqual([good.id, both.id].sort());
    expect(metrics[2].orderIds).toEqual([both.id]);
  });

  it('Walmart measures valid tracking for the whole account only', () => {
    expect(
      vtrs([shipped('2026-11-10', VALID_UPS, [TOYS]), shipped('2026-11-10', VALID_UPS, [KITCHEN])], 'WALMART').map(
        brief,
      ),
    ).toEqual([{ category: null, numerator: 2, denominator: 2, status: 'OK', exclusions: [] }]);
  });
});

describe('valid tracking projection', () => {
  const open = (shipBy: string, skus: [string, string | null][], extra: Partial<ComplianceOrderRecord> = {}) =>
    order({ skus, shipBy: t(shipBy), ...extra });

  it.each([
    // 20 valid, 0 invalid, 5 open: 20/25 = 80% if all miss; 20+4 of 25 = 96% ≥ 95 -> 4 must carry valid tracking.
    [20, 0, 5, 80, 'FAILING', 4],
    // 190 valid, 5 invalid, 5 open: 190/200 = 95% -> AT_RISK, none needed.
    [190, 5, 5, 95, 'AT_RISK', 0],
    // 10 valid, 2 invalid, 3 open: even all 3 valid gives 13/15 = 86.7% -> no number is enough.
    [10, 2, 3, (10 * 100) / 15, 'FAILING', null],
  ] as const)(
    '%s valid, %s invalid, %s open -> %s%% if all miss (%s), ship %s with valid tracking',
    (valid, invalid, openCount, ifAllMiss, statusIfAllMiss, mustShip) => {
      const orders = [
        ...many(valid, () => shipped('2026-11-10', VALID_UPS, [KITCHEN])),
        ...many(invalid, () => shipped('2026-11-10', null, [KITCHEN])),
        ...many(openCount, () => open('2026-11-21T20:00:00Z', [KITCHEN])),
      ];
      const [overall, kitchen] = vtrs(orders);
      for (const m of [overall, kitchen]) {
        expect(m.projection).toMatchObject({
          openOrders: openCount,
          statusIfAllMiss,
          mustShipOnTime: mustShip,
          latestShipBy: t('2026-11-21T20:00:00Z'),
        });
        expect(m.projection!.valueIfAllMiss).toBeCloseTo(ifAllMiss, 6);
      }
    },
  );

  it('counts only open orders that will ship into a window: seller-fulfilled, unshipped, not cancelled, ship-by in [asOf, asOf + 30 d)', () => {
    const counted = [open('2026-11-20T00:00:00Z', [TOYS]), open('2026-12-19T23:59:59Z', [TOYS, KITCHEN])];
    const orders = [
      ...many(10, () => shipped('2026-11-10', VALID_UPS, [TOYS])),
      shipped('2026-11-10', VALID_UPS, [KITCHEN]),
      ...counted,
      open('2026-11-19T23:59:59Z', [TOYS]), // already past ship-by
      open('2026-12-20T00:00:00Z', [TOYS]), // beyond the next window
      open('2026-11-22', [TOYS], { fulfillmentMethod: 'CHANNEL' }),
      open('2026-11-22', [TOYS], { cancellation: { at: t('2026-11-18'), initiator: 'SELLER' } }),
      open('2026-11-22', [TOYS], {
        shipments: [
          {
            id: 'early',
            carrier: 'UPS',
            trackingNumber: VALID_UPS,
            shippedAt: t('2026-11-20T05:00:00Z'),
            package: null,
          },
        ],
      }),
      open('2026-11-22', [TOYS], {
        shipments: [
          { id: 'shipped', carrier: 'UPS', trackingNumber: VALID_UPS, shippedAt: t('2026-11-05'), package: null },
        ],
      }),
      open('2026-11-22', [['PET-1', 'Pet Supplies']]), // its category has no shipment in the window: not reported
    ];
    const [overall, toys, kitchen] = vtrs(orders);
    expect([overall.category, toys.category, kitchen.category]).toEqual([null, 'Baby & Kids', 'Kitchen']);
    expect(vtrs(orders)).toHaveLength(3);
    // The one shipped later than asOf is open at asOf.
    expect(overall.projection?.openOrders).toBe(4);
    // By ship-by: the first counted (asOf itself), the one shipped after asOf (11-22), the last counted.
    expect(toys.projection?.openOrderIds).toEqual([counted[0].id, orders[orders.length - 3].id, counted[1].id]);
    expect(kitchen.projection?.openOrderIds).toEqual([counted[1].id]);
  });
});

describe('on-time delivery rate', () => {
  const ctx = (channel: 'AMAZON' | 'WALMART') => metricContext(channel, { asOf: AS_OF });
  const delivered = (deliverBy: string, deliveredAt: (string | null)[], extra: Partial<ComplianceOrderRecord> = {}) =>
    order({
      deliverBy: t(deliverBy),
      shipments: deliveredAt.map((d, i) => ({
        id: `d${seq}-${i}`,
        carrier: 'UPS',
        trackingNumber: VALID_UPS,
        shippedAt: t('2026-11-08'),
        package: null,
        deliveredAt: d ? t(d) : null,
      })),
      ...extra,
    });

  it.each<
    [
      string,
      'AMAZON' | 'WALMART',
      () => ComplianceOrderRecord[],
      {
        numerator: number;
        denominator: number;
        value: number | null;
        status: string;
        exclusions: { reason: string; count: number }[];
      },
    ]
  >([
    [
      'no delivery event at all: N/A, never a guess',
      'AMAZON',
      () => [delivered('2026-11-15', [null]), delivered('2026-11-16', [null])],
      {
        numerator: 0,
        denominator: 0,
        value: null,
        status: 'NOT_APPLICABLE',
        exclusions: [{ reason: 'NO_DELIVERY_EVENT', count: 2 }],
      },
    ],
    [
      'on or before deliver-by counts; a later delivery, a delivery known only after asOf and a part without an event do not',
      'AMAZON',
      () => [
        delivered('2026-11-15T20:00:00Z', ['2026-11-15T20:00:00Z']),
        delivered('2026-11-15T20:00:00Z', ['2026-11-14', '2026-11-15']),
        delivered('2026-11-15T20:00:00Z', ['2026-11-15T20:00:01Z']),
        delivered('2026-11-15T20:00:00Z', ['2026-11-14', null]),
        delivered('2026-11-19', ['2026-11-20T01:00:00Z']),
        delivered('2026-11-15', ['2026-11-14'], { fulfillmentMethod: 'CHANNEL' }),
        order({ deliverBy: t('2026-11-15') }), // never shipped: not a shipped order
      ],
      {
        numerator: 2,
        denominator: 3,
        value: 200 / 3,
        status: 'FAILING',
        exclusions: [
          { reason: 'CHANNEL_FULFILLED', count: 1 },
          { reason: 'NO_DELIVERY_EVENT', count: 2 },
        ],
      },
    ],
    [
      'Amazon window is 14 days by deliver-by: start inclusive, end exclusive',
      'AMAZON',
      () => [
        delivered('2026-11-06T00:00:00Z', ['2026-11-05']),
        delivered('2026-11-05T23:59:59Z', ['2026-11-07']),
        ...many(9, () => delivered('2026-11-10', ['2026-11-09'])),
      ],
      { numerator: 10, denominator: 10, value: 100, status: 'OK', exclusions: [] },
    ],
    [
      'Walmart: 30 days, ≥ 90% (9 of 10 is exactly at the standard: at risk)',
      'WALMART',
      () => [...many(9, () => delivered('2026-10-25', ['2026-10-24'])), delivered('2026-10-25', ['2026-10-26'])],
      { numerator: 9, denominator: 10, value: 90, status: 'AT_RISK', exclusions: [] },
    ],
  ])('%s (%s)', (_name, channel, make, expected) => {
    const m = onTimeDeliveryRate(make(), ctx(channel));
    expect({
      numerator: m.numerator,
      denominator: m.denominator,
      value: m.value === null ? null : Number(m.value.toFixed(6)),
      status: m.status,
      exclusions: m.exclusions,
    }).toEqual({
      ...expected,
      value: expected.value === null ? null : Number(expected.value.toFixed(6)),
    });
  });

  it('a past window uses the older Walmart standard: > 95% before 2026-01-29, so 95% fails then and passes now', () => {
    const year = 365 * 86_400_000;
    const back = (o: ComplianceOrderRecord): ComplianceOrderRecord => ({
      ...o,
      deliverBy: new Date(o.deliverBy!.getTime() - year),
      shipments: o.shipments.map((s) => ({
        ...s,
        shippedAt: new Date(s.shippedAt.getTime() - year),
        deliveredAt: s.deliveredAt && new Date(s.deliveredAt.getTime() - year),
      })),
    });
    const orders = () => [
      ...many(19, () => delivered('2026-11-15', ['2026-11-14'])),
      delivered('2026-11-15', ['2026-11-17']),
    ];
    expect(
      onTimeDeliveryRate(orders().map(back), metricContext('WALMART', { asOf: new Date(AS_OF.getTime() - year) })),
    ).toMatchObject({
      numerator: 19,
      denominator: 20,
      value: 95,
      threshold: 95,
      comparator: 'ABOVE',
      status: 'FAILING',
      policyVersion: 'walmart-2023-06-06',
    });
    expect(onTimeDeliveryRate(orders(), ctx('WALMART'))).toMatchObject({
      value: 95,
      threshold: 90,
      comparator: 'AT_LEAST',
      status: 'OK',
      policyVersion: 'walmart-2026-01-29',
    });
  });

  it('takes its standard from the policy table: Amazon > 90% over 14 days, Walmart ≥ 90% over 30 days', () => {
    expect(onTimeDeliveryRate([], ctx('AMAZON'))).toMatchObject({
      threshold: 90,
      comparator: 'ABOVE',
      windowDays: 14,
      category: null,
      projection: null,
    });
    expect(onTimeDeliveryRate([], ctx('WALMART'))).toMatchObject({
      threshold: 90,
      comparator: 'AT_LEAST',
      windowDays: 30,
    });
  });
});
