import type {
  CarrierScanRecord,
  ComplianceMetric,
  ComplianceOrderRecord,
  ComplianceShipmentRecord,
} from '@order-hub/types';
import { policyFor } from '../policy/policy-table';
import { computeComplianceMetrics } from './compliance-report';
import { trackingVerdict, type TrackingVerdict } from './tracking-verdict';

// Friday 00:00 UTC: a shipment confirmed Wednesday 01:00 is still inside its 2 business days, Tuesday's is not.
const AS_OF = new Date('2026-11-20T00:00:00Z');
const t = (iso: string) => new Date(iso);
const VALID_UPS = '1Z999AA10123456784';
const BAD_CHECK_UPS = '1Z999AA10123456785';
const TUESDAY = '2026-11-17T12:00:00Z';
const WEDNESDAY = '2026-11-18T01:00:00Z';
const walmart = policyFor('WALMART', 'US', AS_OF);
const amazon = policyFor('AMAZON', 'US', AS_OF);

const scan = (patch: Partial<CarrierScanRecord> = {}): CarrierScanRecord => ({
  known: true,
  firstScanAt: null,
  untrackable: false,
  ...patch,
});

let seq = 0;
function shipment(patch: Partial<ComplianceShipmentRecord> = {}): ComplianceShipmentRecord {
  seq += 1;
  return {
    id: `s${seq}`,
    carrier: 'UPS',
    trackingNumber: VALID_UPS,
    shippedAt: t(TUESDAY),
    package: { type: 'PARCEL' },
    ...patch,
  };
}
function order(
  shipments: ComplianceShipmentRecord[],
  patch: Partial<ComplianceOrderRecord> = {},
): ComplianceOrderRecord {
  seq += 1;
  return {
    id: `o${String(seq).padStart(4, '0')}`,
    channelOrderId: `PO-${seq}`,
    customerOrderId: null,
    fulfillmentMethod: 'MERCHANT',
    orderedAt: t('2026-11-16T10:00:00Z'),
    shipBy: null,
    acknowledgeBy: null,
    acknowledgedAt: null,
    totalCents: 5000,
    cancellation: null,
    sellerFaultRefundAt: null,
    shipments,
    ...patch,
  };
}
const ORDER = { channelOrderId: 'PO-1', customerOrderId: null };

describe('trackingVerdict', () => {
  it.each<[string, Partial<ComplianceShipmentRecord>, TrackingVerdict]>([
    ['scanned before the report', { carrierScan: scan({ firstScanAt: t('2026-11-17T18:00:00Z') }) }, 'VALID'],
    [
      'scanned only after the report',
      { carrierScan: scan({ firstScanAt: t('2026-11-20T06:00:00Z') }) },
      'NO_CARRIER_SCAN',
    ],
    [
      'a wrong check digit, even scanned',
      { trackingNumber: BAD_CHECK_UPS, carrierScan: scan({ firstScanAt: t(TUESDAY) }) },
      'INVALID_FORMAT',
    ],
    ['no number at all', { trackingNumber: null }, 'INVALID_FORMAT'],
    ['refused by the tracking provider', { carrierScan: scan({ untrackable: true }) }, 'UNTRACKABLE'],
    ['followed, never scanned, deadline passed', { carrierScan: scan() }, 'NO_CARRIER_SCAN'],
    [
      'followed, not scanned yet, inside the deadline',
      { shippedAt: t(WEDNESDAY), carrierScan: scan() },
      'AWAITING_FIRST_SCAN',
    ],
    ['not followed (no provider)', {}, 'NO_CARRIER_DATA'],
    ['not followed, even past the deadline', { carrierScan: scan({ known: false }) }, 'NO_CARRIER_DATA'],
    ['not followed but a delivery is known', { deliveredAt: t('2026-11-19T15:00:00Z') }, 'VALID'],
    [
      'a delivery attempt stands for a scan',
      { carrierScan: scan(), firstDeliveryAttemptAt: t('2026-11-19T15:00:00Z') },
      'VALID',
    ],
    [
      'Amazon Logistics is not on Walmart’s carrier list',
      {
        carrier: 'AMAZON_LOGISTICS',
        trackingNumber: 'TBA123456789000',
        carrierScan: scan({ firstScanAt: t(TUESDAY) }),
      },
      'UNSUPPORTED_CARRIER',
    ],
    [
      'a carrier named for OTHER that Walmart lists',
      {
        carrier: 'OTHER',
        carrierName: 'YunExpress',
        trackingNumber: 'ZK4471900385',
        carrierScan: scan({ firstScanAt: t(TUESDAY) }),
      },
      'VALID',
    ],
    [
      'a carrier named for OTHER that Walmart does not list',
      {
        carrier: 'OTHER',
        carrierName: 'Bob’s Couriers',
        trackingNumber: 'QX7K29RT5M',
        carrierScan: scan({ firstScanAt: t(TUESDAY) }),
      },
      'UNSUPPORTED_CARRIER',
    ],
  ])('Walmart, %s: %s', (_name, patch, verdict) => {
    expect(trackingVerdict(shipment(patch), ORDER, walmart, AS_OF)).toBe(verdict);
  });

  it('Amazon does not require a carrier from its list, only a scan', () => {
    const s = shipment({
      carrier: 'OTHER',
      carrierName: 'Bob’s Couriers',
      trackingNumber: 'QX7K29RT5M',
      carrierScan: scan({ firstScanAt: t(TUESDAY) }),
    });
    expect(trackingVerdict(s, ORDER, amazon, AS_OF)).toBe('VALID');
  });

  it('waits for a weekend shipment until the Tuesday after', () => {
    const saturday = shipment({ shippedAt: t('2026-11-21T09:00:00Z'), carrierScan: scan() });
    expect(trackingVerdict(saturday, ORDER, walmart, t('2026-11-24T08:59:59Z'))).toBe('AWAITING_FIRST_SCAN');
    expect(trackingVerdict(saturday, ORDER, walmart, t('2026-11-24T09:00:00Z'))).toBe('NO_CARRIER_SCAN');
  });
});

function vtr(channel: 'WALMART' | 'AMAZON', orders: ComplianceOrderRecord[], carrierDataAsOf?: Date): ComplianceMetric {
  return computeComplianceMetrics(channel, orders, { asOf: AS_OF, carrierDataAsOf }).find(
    (m) => m.key === 'VALID_TRACKING_RATE' && m.category === null,
  )!;
}
const scanned = () => order([shipment({ carrierScan: scan({ firstScanAt: t('2026-11-17T18:00:00Z') }) })]);
const neverScanned = () => order([shipment({ carrierScan: scan() })]);
const awaiting = () => order([shipment({ shippedAt: t(WEDNESDAY), carrierScan: scan() })]);
const unfollowed = () => order([shipment()]);
const many = (n: number, make: () => ComplianceOrderRecord) => Array.from({ length: n }, make);

describe('valid tracking rate with carrier scans', () => {
  it('counts a well-formed number that never scanned as invalid, and leaves awaiting shipments out of the rate', () => {
    const asOf = t('2026-11-19T23:00:00Z');
    const m = vtr('WALMART', [...many(97, scanned), neverScanned(), ...many(2, awaiting)], asOf);
    expect(m).toMatchObject({
      label: 'Valid tracking rate',
      numerator: 97,
      denominator: 98,
      awaitingFirstScan: 2,
      status: 'FAILING',
      carrierData: { uses: true, asOf, note: 'Carrier scans as of 2026-11-19T23:00:00.000Z' },
    });
    expect(m.value).toBeCloseTo((97 * 100) / 98, 6);
  });

  it('projects the awaiting shipments as ones that must scan in time, with the open orders', () => {
    const open = order([], { shipBy: t('2026-11-21T12:00:00Z') });
    const m = vtr('WALMART', [...many(100, scanned), ...many(2, awaiting), open]);
    expect(m.projection).toMatchObject({ openOrders: 3, mustShipOnTime: 2, openOrderIds: [open.id] });
    expect(m.projection!.valueIfAllMiss).toBeCloseTo((100 * 100) / 103, 6);
  });

  it('excludes shipments it has no carrier data for, and says the rest is measured', () => {
    const m = vtr('WALMART', [...many(3, scanned), ...many(2, unfollowed)]);
    expect(m).toMatchObject({ numerator: 3, denominator: 3, value: 100, status: 'OK' });
    expect(m.exclusions).toEqual([{ reason: 'NO_CARRIER_DATA', count: 2 }]);
    expect(m.carrierData).toEqual({ uses: true, asOf: null, note: 'Carrier scans reported by the channel only' });
  });

  it('is N/A "(no carrier data)" when no well-formed shipment has carrier data, never a format-only rate', () => {
    const bad = order([shipment({ trackingNumber: BAD_CHECK_UPS })]);
    const m = vtr('WALMART', [...many(4, unfollowed), bad]);
    expect(m).toMatchObject({
      label: 'Valid tracking rate (no carrier data)',
      value: null,
      status: 'NOT_APPLICABLE',
      numerator: 0,
      denominator: 1,
      projection: null,
      carrierData: { uses: true, asOf: null, note: 'No carrier data: format check only' },
    });
    expect(m.exclusions).toEqual([{ reason: 'NO_CARRIER_DATA', count: 4 }]);
  });

  it('is measured as soon as one shipment is judged on carrier data, even one still awaiting its scan', () => {
    const m = vtr('AMAZON', [...many(3, unfollowed), awaiting()]);
    expect(m).toMatchObject({
      label: 'Valid tracking rate',
      value: null,
      status: 'NOT_APPLICABLE',
      awaitingFirstScan: 1,
    });
    const withUntrackable = vtr('AMAZON', [
      unfollowed(),
      order([shipment({ carrierScan: scan({ untrackable: true }) })]),
    ]);
    expect(withUntrackable).toMatchObject({ label: 'Valid tracking rate', numerator: 0, denominator: 1, value: 0 });
  });

  it('metrics that do not read scans say so', () => {
    const metrics = computeComplianceMetrics('WALMART', [scanned()], { asOf: AS_OF });
    const cancel = metrics.find((m) => m.key === 'CANCELLATION_RATE')!;
    expect(cancel.carrierData).toEqual({ uses: false, asOf: null, note: 'Not based on carrier scans' });
    expect(cancel.awaitingFirstScan).toBe(0);
    const uses = metrics.filter((m) => m.carrierData.uses).map((m) => m.key);
    expect(uses).toEqual(['VALID_TRACKING_RATE', 'ON_TIME_DELIVERY_RATE', 'ADDRESS_MISMATCH_RATE']);
  });
});

describe('on-time delivery from the first delivery attempt', () => {
  const deliverBy = t('2026-11-18T23:59:00Z');
  const delivered = (patch: Partial<ComplianceShipmentRecord>) =>
    order([shipment({ shippedAt: t('2026-11-14T12:00:00Z'), ...patch })], { deliverBy });
  const otd = (orders: ComplianceOrderRecord[]) =>
    computeComplianceMetrics('WALMART', orders, { asOf: AS_OF }).find((m) => m.key === 'ON_TIME_DELIVERY_RATE')!;

  it('is on time when the first attempt was by the promise, even if the delivery came later', () => {
    const m = otd([
      delivered({ firstDeliveryAttemptAt: t('2026-11-18T15:00:00Z'), deliveredAt: t('2026-11-19T15:00:00Z') }),
      delivered({ firstDeliveryAttemptAt: t('2026-11-19T15:00:00Z'), deliveredAt: t('2026-11-19T16:00:00Z') }),
      delivered({ deliveredAt: t('2026-11-18T10:00:00Z') }),
      delivered({}),
    ]);
    expect(m).toMatchObject({ numerator: 2, denominator: 3, exclusions: [{ reason: 'NO_DELIVERY_EVENT', count: 1 }] });
    expect(m.carrierData.uses).toBe(true);
  });

  it('ignores an attempt after the report and falls back to a delivery before it', () => {
    const later = delivered({
      firstDeliveryAttemptAt: t('2026-11-21T10:00:00Z'),
      deliveredAt: t('2026-11-18T10:00:00Z'),
    });
    expect(otd([later])).toMatchObject({ numerator: 1, denominator: 1 });
  });
});

describe('address mismatch rate (Walmart)', () => {
  const delivered = (
    addressMatch: ComplianceShipmentRecord['addressMatch'],
    patch: Partial<ComplianceShipmentRecord> = {},
  ) => order([shipment({ deliveredAt: t('2026-11-19T15:00:00Z'), addressMatch, ...patch })]);
  const rate = (channel: 'WALMART' | 'AMAZON', orders: ComplianceOrderRecord[]) =>
    computeComplianceMetrics(channel, orders, { asOf: AS_OF }).find((m) => m.key === 'ADDRESS_MISMATCH_RATE');

  it('counts deliveries elsewhere over compared deliveries, leaving unknown locations out', () => {
    const mismatch = delivered('MISMATCH');
    const m = rate('WALMART', [
      mismatch,
      ...many(3, () => delivered('MATCH')),
      delivered('UNKNOWN'),
      delivered(null),
      delivered(undefined),
      delivered('MISMATCH', { deliveredAt: null }),
      delivered('MISMATCH', { deliveredAt: t('2026-11-20T01:00:00Z') }),
      delivered('MISMATCH', { shippedAt: t('2026-10-20T12:00:00Z') }),
      delivered('MISMATCH', {}),
    ]);
    expect(m).toMatchObject({
      label: 'Address mismatch rate (no published standard)',
      numerator: 2,
      denominator: 5,
      value: 40,
      threshold: null,
      status: 'NOT_APPLICABLE',
      windowDays: 30,
      exclusions: [{ reason: 'LOCATION_UNKNOWN', count: 2 }],
    });
    expect(m!.orderIds).toContain(mismatch.id);
  });

  it('leaves channel-fulfilled orders out', () => {
    const wfs = order([shipment({ deliveredAt: t('2026-11-19T15:00:00Z'), addressMatch: 'MISMATCH' })], {
      fulfillmentMethod: 'CHANNEL',
    });
    expect(rate('WALMART', [wfs])).toMatchObject({ numerator: 0, denominator: 0, value: null });
  });

  it('is not an Amazon metric', () => expect(rate('AMAZON', [delivered('MISMATCH')])).toBeUndefined());
});
