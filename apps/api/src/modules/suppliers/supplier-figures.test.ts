import { countFigures, emptyFigures, scorecardSentence, supplierPlanLine } from './supplier-figures';

const H = 3_600_000;
const D = 24 * H;
const now = new Date('2026-12-04T12:00:00Z');
const at = (ms: number) => new Date(now.getTime() + ms);

describe('supplier figures', () => {
  const pos = [
    { supplier_id: 's', tracking_due_at: at(-10 * H), tracking_received_at: at(-11 * H) },
    { supplier_id: 's', tracking_due_at: at(-10 * H), tracking_received_at: at(-9 * H) },
    { supplier_id: 's', tracking_due_at: at(-10 * H), tracking_received_at: null },
    { supplier_id: 's', tracking_due_at: at(5 * H), tracking_received_at: null },
    { supplier_id: 's', tracking_due_at: null, tracking_received_at: at(-H) },
  ];
  // Walmart: late origin scan after 2 business days; 2026-11-20 is a Friday, so its deadline is Tuesday the 24th.
  const shipped = new Date('2026-11-20T15:00:00Z');
  const shipments = [
    {
      supplier_id: 's',
      channel: 'WALMART' as const,
      shipped_at: shipped,
      mcf: false,
      tracked: true,
      first_scan_at: new Date('2026-11-23T10:00:00Z'),
    },
    {
      supplier_id: 's',
      channel: 'WALMART' as const,
      shipped_at: shipped,
      mcf: false,
      tracked: true,
      first_scan_at: new Date('2026-11-26T10:00:00Z'),
    },
    {
      supplier_id: 's',
      channel: 'WALMART' as const,
      shipped_at: shipped,
      mcf: false,
      tracked: true,
      first_scan_at: null,
    },
    // Walmart reports no scans: without a tracker, silence is not "never scanned".
    {
      supplier_id: 's',
      channel: 'WALMART' as const,
      shipped_at: shipped,
      mcf: false,
      tracked: false,
      first_scan_at: null,
    },
    {
      supplier_id: 's',
      channel: 'AMAZON' as const,
      shipped_at: at(-D),
      mcf: false,
      tracked: false,
      first_scan_at: null,
    },
  ];

  it('counts tracking on time, late, missed and waiting, numbers refused, and first scans against the rules', () => {
    const figures = countFigures(pos, shipments, [{ supplier_id: 's', n: 3 }], now).get('s');
    expect(figures).toEqual({
      purchaseOrders: 5,
      trackingReceived: 3,
      onTime: 2,
      late: 1,
      missed: 1,
      waiting: 1,
      rejectedNumbers: 3,
      shipments: 5,
      lateFirstScans: 1,
      neverScanned: 1,
    });
    expect(scorecardSentence('Acme', 30, figures!)).toBe(
      'Acme had 5 purchase orders in the last 30 days: tracking on time for 2, late for 1, never sent for 1 (50% on time); 1 still waiting; 3 numbers held or refused; 1 parcel first scanned late; 1 never scanned.',
    );
    expect(supplierPlanLine('Acme', figures!)).toBe('supplier Acme: 2 of 5 tracking numbers late, 1 never scanned');
  });

  it('says so when a supplier had no purchase orders', () => {
    expect(countFigures([], [], [], now).get('s')).toBeUndefined();
    expect(scorecardSentence('Acme', 30, emptyFigures())).toBe('Acme had no purchase orders in the last 30 days.');
  });
});
