import { VIOLATION_CODES } from '@order-hub/rules';
import { ComplianceMetricKey } from '@order-hub/types';
import { ALARM_KINDS } from 'src/modules/compliance/compliance-alarms.service';
import { controlsFor, HUB_CONTROLS } from './hub-controls';
import {
  draftPlanOfAction,
  formatHours,
  groupCauses,
  groupSources,
  trackingCause,
  type AffectedOrder,
  type PlanMetric,
} from './plan-of-action-draft';

const VTR: PlanMetric = {
  key: 'VALID_TRACKING_RATE',
  label: 'Valid tracking rate',
  category: null,
  value: 90,
  threshold: 95,
  comparator: 'AT_LEAST',
  windowStart: new Date('2026-10-22T00:00:00Z'),
  windowEnd: new Date('2026-11-21T00:00:00Z'),
  policyVersion: 'amazon-2026-01-01',
};
const at = (iso: string) => new Date(iso);
const order = (n: number) => ({ orderId: `id-${n}`, channelOrderId: `PO-${n}` });

describe('trackingCause', () => {
  const po = { channelOrderId: '111-0000000-0000001', customerOrderId: null };
  it.each([
    ['no number', 'UPS', null, 'NO_TRACKING'],
    ['blank number', 'UPS', '  ', 'NO_TRACKING'],
    ['valid UPS number', 'UPS', '1Z999AA10123456784', null],
    ['UPS layout with a wrong check digit', 'UPS', '1Z999AA10123456785', 'INVALID_FORMAT'],
    ['made-up number', 'FEDEX', 'ABC', 'INVALID_FORMAT'],
    ['valid UPS number confirmed as USPS', 'USPS', '1Z999AA10123456784', 'WRONG_CARRIER'],
  ] as const)('%s → %s', (_, carrier, trackingNumber, cause) => {
    expect(trackingCause({ carrier, trackingNumber }, po)).toBe(cause);
  });
});

describe('groupCauses', () => {
  it('counts each order once per cause and reason, with the date range and the most hours late', () => {
    const affected: AffectedOrder[] = [
      { ...order(2), cause: 'LATE_SHIPMENT', at: at('2026-11-02T10:00:00Z'), lateHours: 5 },
      { ...order(1), cause: 'LATE_SHIPMENT', at: at('2026-11-01T10:00:00Z'), lateHours: 30 },
      { ...order(3), cause: 'CANCELLATION', at: at('2026-11-03T10:00:00Z'), reason: 'OUT_OF_STOCK' },
      { ...order(4), cause: 'CANCELLATION', at: at('2026-11-04T10:00:00Z'), reason: 'AUTO_CANCELLED_BY_CHANNEL' },
      { ...order(5), cause: 'CANCELLATION', at: at('2026-11-05T10:00:00Z'), reason: 'OUT_OF_STOCK' },
      // Two invalid shipments of one order: one order.
      { ...order(6), cause: 'INVALID_FORMAT', at: at('2026-11-06T10:00:00Z') },
      { ...order(6), cause: 'INVALID_FORMAT', at: at('2026-11-07T10:00:00Z') },
    ];
    expect(groupCauses(affected)).toEqual([
      {
        cause: 'INVALID_FORMAT',
        reason: null,
        orderCount: 1,
        orderIds: ['id-6'],
        channelOrderIds: ['PO-6'],
        firstAt: at('2026-11-06T10:00:00Z'),
        lastAt: at('2026-11-07T10:00:00Z'),
        maxLateHours: null,
      },
      {
        cause: 'LATE_SHIPMENT',
        reason: null,
        orderCount: 2,
        orderIds: ['id-1', 'id-2'],
        channelOrderIds: ['PO-1', 'PO-2'],
        firstAt: at('2026-11-01T10:00:00Z'),
        lastAt: at('2026-11-02T10:00:00Z'),
        maxLateHours: 30,
      },
      {
        cause: 'CANCELLATION',
        reason: 'OUT_OF_STOCK',
        orderCount: 2,
        orderIds: ['id-3', 'id-5'],
        channelOrderIds: ['PO-3', 'PO-5'],
        firstAt: at('2026-11-03T10:00:00Z'),
        lastAt: at('2026-11-05T10:00:00Z'),
        maxLateHours: null,
      },
      {
        cause: 'CANCELLATION',
        reason: 'AUTO_CANCELLED_BY_CHANNEL',
        orderCount: 1,
        orderIds: ['id-4'],
        channelOrderIds: ['PO-4'],
        firstAt: at('2026-11-04T10:00:00Z'),
        lastAt: at('2026-11-04T10:00:00Z'),
        maxLateHours: null,
      },
    ]);
  });
});

describe('draftPlanOfAction', () => {
  it('states the metric, each cause with its orders, counts and dates, and the controls in place', () => {
    const affected: AffectedOrder[] = [
      { ...order(1), cause: 'NO_TRACKING', at: at('2026-11-01T10:00:00Z') },
      { ...order(2), cause: 'WRONG_CARRIER', at: at('2026-11-03T10:00:00Z') },
      { ...order(3), cause: 'WRONG_CARRIER', at: at('2026-11-05T10:00:00Z') },
      { ...order(3), cause: 'LATE_SUPPLIER_TRACKING', at: at('2026-11-06T10:00:00Z'), lateHours: 50 },
    ];
    const draft = draftPlanOfAction(VTR, affected, controlsFor('VALID_TRACKING_RATE'));
    expect(draft.affectedOrders).toBe(3);
    expect(draft.rootCause).toBe(
      [
        'Valid tracking rate was 90.00% for 2026-10-22 to 2026-11-20 against the standard of at least 95% (policy amazon-2026-01-01). 3 order(s) counted against it:',
        '- Shipped without a tracking number: 1 order(s), on 2026-11-01: PO-1.',
        '- Tracking number belongs to another carrier than the one confirmed: 2 order(s), 2026-11-03 to 2026-11-05: PO-2, PO-3.',
        '- Tracking added or changed after the ship-by date (late from the supplier): 1 order(s), on 2026-11-06, up to 2 d 2 h late: PO-3.',
      ].join('\n'),
    );
    expect(draft.correctiveActions.split('\n')).toHaveLength(3);
    expect(draft.correctiveActions).toContain(
      'Correct the carrier confirmed on the 2 shipment(s) whose tracking number belongs to another carrier (PO-2, PO-3).',
    );
    expect(draft.preventiveMeasures.split('\n')[0]).toBe('Controls in place in the order hub:');
    expect(draft.controls.map((c) => c.code)).toEqual([
      'SHIP_TIME_TRACKING_VALIDATION',
      'TRACKING_REUSE_CHECK',
      'CARRIER_RESTRICTIONS',
      'CARRIER_SCAN_ALARMS',
      'CHANNEL_CALL_MONITORING',
      'METRIC_ALARM',
    ]);
  });

  it('never names a cause with no orders', () => {
    const draft = draftPlanOfAction(
      VTR,
      [{ ...order(1), cause: 'INVALID_FORMAT', at: at('2026-11-01T10:00:00Z') }],
      [],
    );
    const mentioned = [
      'without a tracking number',
      'another carrier',
      'after the ship-by',
      'Shipped after',
      'Cancelled',
      'Refunded',
      'Acknowledged',
    ];
    for (const text of mentioned) expect(`${draft.rootCause}\n${draft.correctiveActions}`).not.toContain(text);
    expect(draft.causes.map((c) => c.cause)).toEqual(['INVALID_FORMAT']);
    expect(draft.preventiveMeasures).toBe('No hub control covers this metric yet.');
  });

  it('says so when the data shows no order against the metric, and when nothing was measured', () => {
    const draft = draftPlanOfAction({ ...VTR, value: null }, [], []);
    expect(draft.causes).toEqual([]);
    expect(draft.rootCause).toBe(
      "Valid tracking rate was not measurable (nothing counted) for 2026-10-22 to 2026-11-20 against the standard of at least 95% (policy amazon-2026-01-01). The hub's data shows no order counted against it in this window.",
    );
    expect(draft.correctiveActions).toBe('No order in the data needs correcting.');
  });

  it('lists at most ten order numbers per cause', () => {
    const affected = Array.from({ length: 12 }, (_, i) => ({
      ...order(i + 10),
      cause: 'LATE_SHIPMENT' as const,
      at: at('2026-11-01T10:00:00Z'),
      lateHours: 1,
    }));
    const draft = draftPlanOfAction(
      {
        ...VTR,
        key: 'LATE_SHIPMENT_RATE_10D',
        label: 'Late shipment rate (10 days)',
        comparator: 'BELOW',
        threshold: 4,
      },
      affected,
      [],
    );
    expect(draft.rootCause).toContain(
      '12 order(s), on 2026-11-01, up to 1 h late: PO-10, PO-11, PO-12, PO-13, PO-14, PO-15, PO-16, PO-17, PO-18, PO-19 and 2 more.',
    );
  });

  it.each([
    [0.2, '1 h'],
    [47, '47 h'],
    [50, '2 d 2 h'],
  ])('formats %s hours late as %s', (hours, text) => expect(formatHours(hours)).toBe(text));
});

describe('sources of invalid tracking', () => {
  const acme = { key: 'CSV:Acme:acme-1201.csv', label: "supplier Acme's CSV file acme-1201.csv" };
  const console_ = { key: 'HUB:token:ops', label: 'the console or API (token:ops)' };
  const shipment = (n: number, cause: AffectedOrder['cause'], origin: typeof acme): AffectedOrder => ({
    ...order(n),
    cause,
    at: at('2026-11-10T10:00:00Z'),
    shipmentId: `s-${n}`,
    origin,
  });
  // Seed 003: the supplier's well-formed numbers never scanned; two typos were keyed in the console.
  const affected = [
    ...Array.from({ length: 12 }, (_, i) => shipment(i + 1, 'NO_CARRIER_SCAN', acme)),
    shipment(13, 'INVALID_FORMAT', console_),
    shipment(14, 'NO_TRACKING', console_),
    // Late tracking is not a defect of the number: not in the sources.
    { ...shipment(13, 'LATE_SUPPLIER_TRACKING', console_), lateHours: 3 },
  ];

  it('groups each defective shipment once under where it came from, most first', () => {
    expect(groupSources(affected)).toEqual([
      {
        origin: acme.label,
        shipments: 12,
        invalidFormat: 0,
        untrackable: 0,
        neverScanned: 12,
        deliveredElsewhere: 0,
        channelOrderIds: Array.from({ length: 12 }, (_, i) => `PO-${i + 1}`),
      },
      {
        origin: console_.label,
        shipments: 2,
        invalidFormat: 2,
        untrackable: 0,
        neverScanned: 0,
        deliveredElsewhere: 0,
        channelOrderIds: ['PO-13', 'PO-14'],
      },
    ]);
  });

  it('says it in the root cause as a reviewer reads it', () => {
    const lines = draftPlanOfAction(VTR, affected, []).rootCause.split('\n');
    expect(lines.slice(lines.indexOf('Where these shipments came from:') + 1)).toEqual([
      "12 of 14 invalid shipments never received a carrier scan; all came from supplier Acme's CSV file acme-1201.csv.",
      "2 of 14 invalid shipments failed the carrier's format or had no number; all came from the console or API (token:ops).",
      "- Supplier Acme's CSV file acme-1201.csv: 12 shipment(s) (12 never scanned): PO-1, PO-2, PO-3, PO-4, PO-5, PO-6, PO-7, PO-8, PO-9, PO-10 and 2 more.",
      '- The console or API (token:ops): 2 shipment(s) (2 invalid format): PO-13, PO-14.',
    ]);
  });

  it('has nothing to say when no shipment says where it came from', () => {
    const draft = draftPlanOfAction(VTR, [{ ...order(1), cause: 'LATE_SHIPMENT', at: at('2026-11-01T00:00:00Z') }], []);
    expect(draft.sources).toEqual([]);
    expect(draft.rootCause).not.toContain('Where these shipments came from');
  });
});

describe('hub controls', () => {
  it('name only violation codes and alarm kinds the code has', () => {
    for (const control of HUB_CONTROLS) {
      for (const code of control.violationCodes ?? []) expect(VIOLATION_CODES).toContain(code);
      for (const kind of control.alarmKinds ?? []) expect(ALARM_KINDS).toContain(kind);
      expect((control.violationCodes?.length ?? 0) + (control.alarmKinds?.length ?? 0)).toBeGreaterThan(0);
    }
  });

  it('cover every metric with at least the metric alarm', () => {
    for (const key of Object.values(ComplianceMetricKey))
      expect(controlsFor(key).map((c) => c.code)).toContain('METRIC_ALARM');
  });
});
