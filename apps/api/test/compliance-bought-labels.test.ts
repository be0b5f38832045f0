import type { NormalizedOrder } from '@order-hub/types';
import { TrackingProviderSettingsService } from '../src/modules/carrier-tracking/provider/tracking-provider-settings.service';
import { recordCarrierScans, shipmentIdsOf } from './support/carrier-scan-fixtures';
import { anAccount, anOrder, insertOrders } from './support/order-fixtures';
import { startTestApp, type TestApp } from './support/test-app';
import { testDatabases } from './support/test-databases';
import { validTrackingNumber } from './support/tracking-numbers';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const REPORT = `query($accountId: ID!) {
  complianceReport(channel: WALMART, accountId: $accountId) {
    metrics { key category value numerator denominator awaitingFirstScan trackingValidByConstruction }
  }
}`;

function shippedOrder(shippedAt: Date): NormalizedOrder {
  const base = anOrder();
  return {
    ...base,
    orderedAt: new Date(shippedAt.getTime() - DAY),
    acknowledgedAt: new Date(shippedAt.getTime() - DAY + HOUR),
    shipBy: new Date(shippedAt.getTime() + DAY),
    status: 'SHIPPED',
    channelUpdatedAt: shippedAt,
    lines: base.lines.map((l) => ({ ...l, quantityShipped: 1, status: 'SHIPPED' })),
    shipments: [
      {
        carrier: 'UPS',
        service: null,
        trackingNumber: validTrackingNumber('UPS'),
        trackingUrl: null,
        shippedAt,
        packageType: 'PARCEL',
        weightOz: null,
        lengthIn: null,
        widthIn: null,
        heightIn: null,
        lines: [{ lineNumber: '1', quantity: 1 }],
        events: [],
      },
    ],
  };
}

describe.each(testDatabases())('valid tracking counts bought labels by construction on %s', (kind) => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp(kind);
    await app.running.app
      .get(TrackingProviderSettingsService)
      .update({ enabled: true, apiKey: 'EZTK-bought-labels-test' }, 'test');
  });
  afterAll(() => app?.close());

  /** A label bought in the hub for the order's shipment, as the labels module stores one. */
  const boughtLabel = async (orderId: string, shipmentId: string, status = 'PURCHASED') => {
    const [s]: { tracking_number: string; account_id: string; shipped_at: Date }[] = await app.ds.query(
      `SELECT s.tracking_number, o.account_id, s.shipped_at FROM shipment s JOIN "order" o ON o.id = s.order_id WHERE s.id = $1`,
      [shipmentId],
    );
    await app.ds.query(
      `INSERT INTO shipping_label (order_id, account_id, shipment_id, source, provider_shipment_id, idempotency_key,
         request_token, rate_id, carrier, carrier_name, service, service_name, tracking_number, amount_cents, currency,
         format, parcel, status, purchased_at, created_by)
       VALUES ($1, $2, $3, 'PROVIDER', $4, $4, 'shp_token', 'rate_1', 'UPS', 'UPS', 'Ground', 'UPS Ground', $5, 912,
         'USD', 'PDF', '{"lengthIn":10,"widthIn":8,"heightIn":4,"weightOz":20}', $6, $7, 'test')`,
      [
        orderId,
        s.account_id,
        status === 'VOIDED' ? null : shipmentId,
        `shp_${shipmentId}`,
        s.tracking_number,
        status,
        s.shipped_at,
      ],
    );
  };

  it('counts shipments with a bought label beside the rate, and still judges them by their scans', async () => {
    const account = await anAccount(app, 'WALMART');
    const longAgo = new Date(Date.now() - 10 * DAY);
    const justNow = new Date(Date.now() - HOUR);
    const ids = await insertOrders(app, account, [
      shippedOrder(longAgo), // label, scanned
      shippedOrder(longAgo), // label, never handed over: no scan by its deadline
      shippedOrder(justNow), // label, still inside its late-origin-scan window
      shippedOrder(longAgo), // tracking typed in, scanned
      shippedOrder(longAgo), // label voided, tracking typed in instead, scanned
    ]);
    const [scanned, neverScanned, awaiting, typed, voided] = (await shipmentIdsOf(app, ids)) as string[];
    const firstScanAt = new Date(longAgo.getTime() + 2 * HOUR);
    await recordCarrierScans(app, scanned, { tracker: 'TRACKING', firstScanAt });
    await recordCarrierScans(app, neverScanned, { tracker: 'TRACKING' });
    await recordCarrierScans(app, awaiting, { tracker: 'TRACKING' });
    await recordCarrierScans(app, typed, { tracker: 'TRACKING', firstScanAt });
    await recordCarrierScans(app, voided, { tracker: 'TRACKING', firstScanAt });
    await boughtLabel(ids[0], scanned);
    await boughtLabel(ids[1], neverScanned);
    await boughtLabel(ids[2], awaiting);
    await boughtLabel(ids[4], voided, 'VOIDED');

    const res = await app.gql(REPORT, { accountId: account.id });
    expect(res.errors).toBeUndefined();
    const metrics = res.data!.complianceReport.metrics as Record<string, unknown>[];
    expect(metrics.find((m) => m.key === 'VALID_TRACKING_RATE' && m.category === null)).toEqual({
      key: 'VALID_TRACKING_RATE',
      category: null,
      // The never-scanned label counts against the rate like any other shipment without a scan by its deadline.
      numerator: 3,
      denominator: 4,
      value: 75,
      awaitingFirstScan: 1,
      trackingValidByConstruction: 3,
    });
    expect(metrics.filter((m) => m.key !== 'VALID_TRACKING_RATE').map((m) => m.trackingValidByConstruction)).toEqual(
      metrics.filter((m) => m.key !== 'VALID_TRACKING_RATE').map(() => null),
    );

    // The report's CSV has the same count in its last column, on the valid tracking rows only.
    const csv = await fetch(`${app.baseUrl}/api/compliance/report.csv?channel=WALMART&accountId=${account.id}`, {
      headers: { authorization: `Bearer ${app.adminToken}` },
    }).then((r) => r.text());
    const [header, ...rows] = csv
      .trim()
      .split(/\r?\n/)
      .map((line) => line.split(','));
    const column = header.indexOf('tracking_valid_by_construction');
    expect(column).toBe(header.length - 1);
    const overall = rows.find((r) => r[0] === 'VALID_TRACKING_RATE' && r[1] === '')!;
    expect(overall[column]).toBe('3');
    expect(rows.filter((r) => r[0] !== 'VALID_TRACKING_RATE').every((r) => r[column] === '')).toBe(true);
  });
});
