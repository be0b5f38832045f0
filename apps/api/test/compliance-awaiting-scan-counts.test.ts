import { lateOriginScanDeadline } from '@order-hub/rules';
import type { NormalizedOrder } from '@order-hub/types';
import { TrackingProviderSettingsService } from '../src/modules/carrier-tracking/provider/tracking-provider-settings.service';
import { ComplianceDayCountsService } from '../src/modules/compliance/compliance-day-counts.service';
import { ComplianceService, type ReportedMetric } from '../src/modules/compliance/compliance.service';
import { recordCarrierScans, shipmentIdsOf } from './support/carrier-scan-fixtures';
import { anAccount, anOrder, insertOrders } from './support/order-fixtures';
import { startTestApp, type TestApp } from './support/test-app';
import { testDatabases } from './support/test-databases';
import { validTrackingNumber } from './support/tracking-numbers';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

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

/** The latest confirmation instant whose late-origin-scan deadline (business days, Walmart) is exactly `deadline`. */
function shippedForDeadline(deadline: Date): Date {
  for (let days = 1; days <= 7; days++) {
    const shipped = new Date(deadline.getTime() - days * DAY);
    if (lateOriginScanDeadline('WALMART', shipped).getTime() === deadline.getTime()) return shipped;
  }
  throw new Error(`no confirmation instant has its late-origin-scan deadline at ${deadline.toISOString()}`);
}

describe.each(testDatabases())('valid tracking stored counts across a late-origin-scan deadline on %s', (kind) => {
  let app: TestApp;
  let service: ComplianceService;
  let dayCounts: ComplianceDayCountsService;

  beforeAll(async () => {
    app = await startTestApp(kind);
    service = app.running.app.get(ComplianceService);
    dayCounts = app.running.app.get(ComplianceDayCountsService);
    await app.running.app
      .get(TrackingProviderSettingsService)
      .update({ enabled: true, apiKey: 'EZTK-awaiting-test' }, 'test');
  });
  afterAll(() => app?.close());
  afterEach(() => jest.restoreAllMocks());

  it('a shipment passing its deadline unscanned turns invalid in the stored counts, with no row changing and no recount', async () => {
    const account = await anAccount(app, 'WALMART');
    // Days ago, in an hour the report reads from compliance_hour_count; its deadline is 20 minutes from now.
    const shipped = shippedForDeadline(new Date(Date.now() + 20 * MINUTE));
    const orderIds = await insertOrders(app, account, [shippedOrder(shipped), shippedOrder(shipped)]);
    const [awaiting, scanned] = await shipmentIdsOf(app, orderIds);
    await recordCarrierScans(app, awaiting!, { tracker: 'TRACKING' });
    await recordCarrierScans(app, scanned!, { tracker: 'TRACKING', firstScanAt: new Date(shipped.getTime() + HOUR) });

    /** The report as of `asOf` from the stored counts and from the raw facts: they must agree exactly. */
    const bothWays = async (asOf: Date): Promise<ReportedMetric> => {
      const cached = await service.report({ channel: 'WALMART', accountId: account.id, asOf });
      dayCounts.enabled = false;
      const raw = await service.report({ channel: 'WALMART', accountId: account.id, asOf });
      dayCounts.enabled = true;
      expect(cached.metrics).toEqual(raw.metrics);
      return cached.metrics.find((m) => m.key === 'VALID_TRACKING_RATE' && m.category === null)!;
    };
    const storedHour = async (): Promise<string[]> => {
      const rows: { computed_at: Date }[] = await app.ds.query(
        `SELECT computed_at FROM compliance_hour_count WHERE account_id = $1 AND fact_key LIKE 'VALID_TRACKING_RATE%' AND hour = $2`,
        [account.id, new Date(Math.floor(shipped.getTime() / HOUR) * HOUR)],
      );
      return rows.map((r) => new Date(r.computed_at).toISOString());
    };

    const before = await bothWays(new Date());
    expect(before).toMatchObject({ numerator: 1, denominator: 1, awaitingFirstScan: 1 });
    const counted = await storedHour();
    expect(counted).toHaveLength(1);

    // An hour later, by the clock the stored counts go by: the deadline has passed and nothing was written.
    const realNow = Date.now.bind(Date);
    jest.spyOn(Date, 'now').mockImplementation(() => realNow() + HOUR);
    const after = await bothWays(new Date(Date.now()));
    expect(after).toMatchObject({ numerator: 1, denominator: 2, value: 50, awaitingFirstScan: 0 });
    expect(await storedHour()).toEqual(counted);
  });
});
