import type { NormalizedOrder } from '@order-hub/types';
import { TrackingProviderSettingsService } from '../src/modules/carrier-tracking/provider/tracking-provider-settings.service';
import type { ChannelAccountEntity } from '../src/modules/channels/channel-account.entity';
import { ComplianceDayCountsService } from '../src/modules/compliance/compliance-day-counts.service';
import { ComplianceService, type ReportedMetric } from '../src/modules/compliance/compliance.service';
import { recordCarrierScans, shipmentIdsOf, type CarrierScanSpec } from './support/carrier-scan-fixtures';
import { anAccount, anOrder, insertOrders } from './support/order-fixtures';
import { startTestApp, type TestApp } from './support/test-app';
import { testDatabases } from './support/test-databases';
import { validTrackingNumber } from './support/tracking-numbers';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** A Friday: two business days after Thursday 10:00 is Monday 10:00. */
const AS_OF = new Date('2026-11-20T00:00:00Z');
const WRONG_CHECK_DIGIT = '1Z999AA10123456785';

interface ShipmentCase {
  name: string;
  tracking: string;
  shippedAt: Date;
  scans: CarrierScanSpec;
  deliverBy?: Date;
  fulfillment?: NormalizedOrder['fulfillmentMethod'];
}

function shippedOrder(c: ShipmentCase): NormalizedOrder {
  const base = anOrder();
  return {
    ...base,
    orderedAt: new Date(c.shippedAt.getTime() - DAY),
    acknowledgedAt: new Date(c.shippedAt.getTime() - DAY + HOUR),
    shipBy: new Date(c.shippedAt.getTime() + DAY),
    deliverBy: c.deliverBy ?? null,
    fulfillmentMethod: c.fulfillment ?? 'MERCHANT',
    status: 'SHIPPED',
    channelUpdatedAt: c.shippedAt,
    lines: base.lines.map((l) => ({ ...l, quantityShipped: 1, status: 'SHIPPED' })),
    shipments: [
      {
        carrier: 'UPS',
        service: null,
        trackingNumber: c.tracking,
        trackingUrl: null,
        shippedAt: c.shippedAt,
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

describe.each(testDatabases())('compliance figures from carrier scans on %s', (kind) => {
  let app: TestApp;
  let service: ComplianceService;

  /** The ADMIN's switch on the settings page (an API key stored with it: the provider is active). */
  async function setProvider(enabled: boolean): Promise<void> {
    const view = await app.running.app
      .get(TrackingProviderSettingsService)
      .update({ enabled, apiKey: 'EZTK-compliance-test' }, 'test');
    expect(view.enabled).toBe(enabled);
  }

  /** Orders shipped as the cases say, their carrier scans written as the tracking module writes them; ids by name. */
  async function load(account: ChannelAccountEntity, cases: ShipmentCase[]): Promise<Record<string, string>> {
    const orderIds = await insertOrders(app, account, cases.map(shippedOrder));
    const shipmentIds = await shipmentIdsOf(app, orderIds);
    for (const [i, c] of cases.entries()) await recordCarrierScans(app, shipmentIds[i]!, c.scans);
    return Object.fromEntries(cases.map((c, i) => [c.name, orderIds[i]]));
  }

  const metric = (metrics: ReportedMetric[], key: string) => metrics.find((m) => m.key === key && !m.category)!;

  beforeAll(async () => {
    app = await startTestApp(kind);
    service = app.running.app.get(ComplianceService);
  });
  afterAll(() => app?.close());
  afterEach(() => setProvider(false));

  it('valid tracking counts a carrier scan: a well-formed number never scanned is invalid after the window, awaiting before it', async () => {
    await setProvider(true);
    const account = await anAccount(app, 'WALMART');
    const monday = new Date('2026-11-16T10:00:00Z');
    const thursday = new Date('2026-11-19T10:00:00Z');
    const ids = await load(account, [
      {
        name: 'scanned',
        tracking: validTrackingNumber(),
        shippedAt: monday,
        scans: { tracker: 'TRACKING', firstScanAt: new Date(monday.getTime() + 6 * HOUR) },
      },
      { name: 'neverScanned', tracking: validTrackingNumber(), shippedAt: monday, scans: { tracker: 'TRACKING' } },
      { name: 'awaiting', tracking: validTrackingNumber(), shippedAt: thursday, scans: { tracker: 'TRACKING' } },
      {
        name: 'scansLater',
        tracking: validTrackingNumber(),
        shippedAt: thursday,
        scans: { tracker: 'TRACKING', firstScanAt: new Date(AS_OF.getTime() + 5 * HOUR) },
      },
      { name: 'untrackable', tracking: validTrackingNumber(), shippedAt: monday, scans: { tracker: 'UNTRACKABLE' } },
      { name: 'badFormat', tracking: WRONG_CHECK_DIGIT, shippedAt: monday, scans: { tracker: 'TRACKING' } },
      { name: 'notFollowed', tracking: validTrackingNumber(), shippedAt: monday, scans: {} },
      { name: 'pendingTracker', tracking: validTrackingNumber(), shippedAt: monday, scans: { tracker: 'PENDING' } },
    ]);
    const request = {
      channel: 'WALMART' as const,
      accountId: account.id,
      key: 'VALID_TRACKING_RATE' as const,
      first: 50,
    };
    const orders = async (asOf: Date, set: 'NUMERATOR' | 'DENOMINATOR_ONLY' | 'AWAITING_FIRST_SCAN') =>
      (await service.metricOrderIds({ ...request, asOf, set })).sort();
    const named = (...names: string[]) => names.map((n) => ids[n]).sort();

    const report = await service.report({ channel: 'WALMART', accountId: account.id, asOf: AS_OF });
    expect(metric(report.metrics, 'VALID_TRACKING_RATE')).toMatchObject({
      label: 'Valid tracking rate',
      numerator: 1,
      denominator: 4,
      value: 25,
      awaitingFirstScan: 2,
      exclusions: [{ reason: 'NO_CARRIER_DATA', count: 2 }],
      carrierData: { uses: true },
    });
    expect(metric(report.metrics, 'VALID_TRACKING_RATE').projection!.openOrders).toBe(2);
    expect(await orders(AS_OF, 'NUMERATOR')).toEqual(named('scanned'));
    expect(await orders(AS_OF, 'DENOMINATOR_ONLY')).toEqual(named('neverScanned', 'untrackable', 'badFormat'));
    expect(await orders(AS_OF, 'AWAITING_FIRST_SCAN')).toEqual(named('awaiting', 'scansLater'));

    // Tuesday: Thursday's shipment passed its deadline (Monday 10:00) unscanned; the other scanned on Friday.
    const tuesday = new Date('2026-11-24T00:00:00Z');
    const later = await service.report({ channel: 'WALMART', accountId: account.id, asOf: tuesday });
    expect(metric(later.metrics, 'VALID_TRACKING_RATE')).toMatchObject({
      numerator: 2,
      denominator: 6,
      awaitingFirstScan: 0,
    });
    expect(await orders(tuesday, 'DENOMINATOR_ONLY')).toEqual(
      named('neverScanned', 'awaiting', 'untrackable', 'badFormat'),
    );
    expect(await orders(tuesday, 'AWAITING_FIRST_SCAN')).toEqual([]);
  });

  it('with no provider every scan-based figure says "no carrier data": valid tracking is N/A, never a guess', async () => {
    const account = await anAccount(app, 'WALMART');
    const monday = new Date('2026-11-16T10:00:00Z');
    await load(account, [
      { name: 'followedBefore', tracking: validTrackingNumber(), shippedAt: monday, scans: { tracker: 'TRACKING' } },
      { name: 'plain', tracking: validTrackingNumber(), shippedAt: monday, scans: {} },
      { name: 'badFormat', tracking: WRONG_CHECK_DIGIT, shippedAt: monday, scans: {} },
    ]);
    const report = await service.report({ channel: 'WALMART', accountId: account.id, asOf: AS_OF });
    expect(report.carrierData).toMatchObject({
      enabled: false,
      asOf: null,
      note: 'No carrier data: format check only',
    });
    expect(metric(report.metrics, 'VALID_TRACKING_RATE')).toMatchObject({
      label: 'Valid tracking rate (no carrier data)',
      value: null,
      status: 'NOT_APPLICABLE',
      numerator: 0,
      denominator: 1,
      awaitingFirstScan: 0,
      exclusions: [{ reason: 'NO_CARRIER_DATA', count: 2 }],
      carrierData: { uses: true, asOf: null, note: 'No carrier data: format check only' },
    });
    expect(metric(report.metrics, 'CANCELLATION_RATE').carrierData).toEqual({
      uses: false,
      asOf: null,
      note: 'Not based on carrier scans',
    });
  });

  it('carrier data as of: the oldest last answer among the trackers still followed in the window', async () => {
    await setProvider(true);
    const account = await anAccount(app, 'WALMART');
    const monday = new Date('2026-11-16T10:00:00Z');
    const oldest = new Date('2026-11-19T08:00:00Z');
    await load(account, [
      {
        name: 'a',
        tracking: validTrackingNumber(),
        shippedAt: monday,
        scans: { tracker: 'TRACKING', checkedAt: oldest },
      },
      {
        name: 'b',
        tracking: validTrackingNumber(),
        shippedAt: monday,
        scans: { tracker: 'TRACKING', checkedAt: new Date('2026-11-19T20:00:00Z') },
      },
      // A finished tracker is no longer asked: its age says nothing about the data's freshness.
      {
        name: 'c',
        tracking: validTrackingNumber(),
        shippedAt: monday,
        scans: {
          tracker: 'DONE',
          checkedAt: new Date('2026-11-17T00:00:00Z'),
          deliveredAt: new Date('2026-11-17T00:00:00Z'),
        },
      },
    ]);
    const report = await service.report({ channel: 'WALMART', accountId: account.id, asOf: AS_OF });
    expect(report.carrierData).toMatchObject({
      enabled: true,
      asOf: oldest,
      note: 'Carrier scans as of 19 Nov 08:00 UTC',
    });
    expect(metric(report.metrics, 'VALID_TRACKING_RATE').carrierData).toEqual({
      uses: true,
      asOf: oldest,
      note: 'Carrier scans as of 19 Nov 08:00 UTC',
    });
  });

  it("address mismatch (Walmart): the carrier's delivery location against the ship-to, over tracked deliveries", async () => {
    await setProvider(true);
    const account = await anAccount(app, 'WALMART');
    const shipped = new Date('2026-11-10T10:00:00Z');
    const delivered = new Date('2026-11-12T15:00:00Z');
    const ids = await load(account, [
      {
        name: 'elsewhere',
        tracking: validTrackingNumber(),
        shippedAt: shipped,
        scans: { tracker: 'DONE', firstScanAt: shipped, deliveredAt: delivered, addressMatch: 'MISMATCH' },
      },
      {
        name: 'home1',
        tracking: validTrackingNumber(),
        shippedAt: shipped,
        scans: { tracker: 'DONE', firstScanAt: shipped, deliveredAt: delivered, addressMatch: 'MATCH' },
      },
      {
        name: 'home2',
        tracking: validTrackingNumber(),
        shippedAt: shipped,
        scans: { tracker: 'DONE', firstScanAt: shipped, deliveredAt: delivered, addressMatch: 'MATCH' },
      },
      {
        name: 'home3',
        tracking: validTrackingNumber(),
        shippedAt: shipped,
        scans: { tracker: 'DONE', firstScanAt: shipped, deliveredAt: delivered, addressMatch: 'MATCH' },
      },
      {
        name: 'noLocation',
        tracking: validTrackingNumber(),
        shippedAt: shipped,
        scans: { tracker: 'DONE', firstScanAt: shipped, deliveredAt: delivered, addressMatch: 'UNKNOWN' },
      },
      {
        name: 'inTransit',
        tracking: validTrackingNumber(),
        shippedAt: shipped,
        scans: { tracker: 'TRACKING', firstScanAt: shipped },
      },
      {
        name: 'deliveredLater',
        tracking: validTrackingNumber(),
        shippedAt: shipped,
        scans: {
          tracker: 'DONE',
          firstScanAt: shipped,
          deliveredAt: new Date(AS_OF.getTime() + DAY),
          addressMatch: 'MISMATCH',
        },
      },
      {
        name: 'wfs',
        tracking: validTrackingNumber(),
        shippedAt: shipped,
        fulfillment: 'CHANNEL',
        scans: { tracker: 'DONE', deliveredAt: delivered, addressMatch: 'MISMATCH' },
      },
    ]);
    const report = await service.report({ channel: 'WALMART', accountId: account.id, asOf: AS_OF });
    expect(metric(report.metrics, 'ADDRESS_MISMATCH_RATE')).toMatchObject({
      numerator: 1,
      denominator: 4,
      value: 25,
      threshold: null,
      status: 'NOT_APPLICABLE',
      windowDays: 30,
      exclusions: [{ reason: 'LOCATION_UNKNOWN', count: 1 }],
      carrierData: { uses: true },
    });
    const mismatched = await service.metricOrderIds({
      channel: 'WALMART',
      accountId: account.id,
      asOf: AS_OF,
      key: 'ADDRESS_MISMATCH_RATE',
      first: 10,
    });
    expect(mismatched).toEqual([ids.elsewhere]);
    // Amazon publishes no address-mismatch alarm: no such metric there.
    const amazon = await service.report({ channel: 'AMAZON', asOf: AS_OF });
    expect(amazon.metrics.map((m) => m.key)).not.toContain('ADDRESS_MISMATCH_RATE');
  });

  it('on-time delivery is judged on the first delivery attempt, else the delivery', async () => {
    await setProvider(true);
    const account = await anAccount(app, 'WALMART');
    const shipped = new Date('2026-11-02T10:00:00Z');
    const promised = new Date('2026-11-06T23:00:00Z');
    const late = new Date('2026-11-08T12:00:00Z');
    const ids = await load(account, [
      // Attempted on time, delivered two days after the promise: on time.
      {
        name: 'attempted',
        tracking: validTrackingNumber(),
        shippedAt: shipped,
        deliverBy: promised,
        scans: {
          tracker: 'DONE',
          firstScanAt: shipped,
          attemptAt: new Date('2026-11-06T15:00:00Z'),
          deliveredAt: late,
        },
      },
      {
        name: 'deliveredOnTime',
        tracking: validTrackingNumber(),
        shippedAt: shipped,
        deliverBy: promised,
        scans: { tracker: 'DONE', firstScanAt: shipped, deliveredAt: new Date('2026-11-05T15:00:00Z') },
      },
      {
        name: 'late',
        tracking: validTrackingNumber(),
        shippedAt: shipped,
        deliverBy: promised,
        scans: { tracker: 'DONE', firstScanAt: shipped, deliveredAt: late },
      },
      {
        name: 'noAttempt',
        tracking: validTrackingNumber(),
        shippedAt: shipped,
        deliverBy: promised,
        scans: { tracker: 'TRACKING', firstScanAt: shipped },
      },
    ]);
    const report = await service.report({ channel: 'WALMART', accountId: account.id, asOf: AS_OF });
    expect(metric(report.metrics, 'ON_TIME_DELIVERY_RATE')).toMatchObject({
      numerator: 2,
      denominator: 3,
      exclusions: [{ reason: 'NO_DELIVERY_EVENT', count: 1 }],
      carrierData: { uses: true },
    });
    const onTime = await service.metricOrderIds({
      channel: 'WALMART',
      accountId: account.id,
      asOf: AS_OF,
      key: 'ON_TIME_DELIVERY_RATE',
      first: 10,
    });
    expect(onTime.sort()).toEqual([ids.attempted, ids.deliveredOnTime].sort());
  });

  it("a report as of now moves when a tracker's first scan arrives or it turns untrackable, and agrees with the raw facts", async () => {
    await setProvider(true);
    const account = await anAccount(app, 'WALMART');
    const now = Date.now();
    // Shipped ten days ago: stored hour counts hold them, outside the hours read live.
    const shipped = new Date(now - 10 * DAY);
    const ids = await load(account, [
      { name: 'late', tracking: validTrackingNumber(), shippedAt: shipped, scans: { tracker: 'TRACKING' } },
      { name: 'ok', tracking: validTrackingNumber(), shippedAt: shipped, scans: { tracker: 'TRACKING' } },
      {
        name: 'fresh',
        tracking: validTrackingNumber(),
        shippedAt: new Date(now - 2 * HOUR),
        scans: { tracker: 'TRACKING' },
      },
    ]);
    const [ok] = await shipmentIdsOf(app, [ids.ok]);
    const dayCounts = app.running.app.get(ComplianceDayCountsService);
    const vtr = async (cached: boolean) => {
      dayCounts.enabled = cached;
      try {
        const r = await service.report({ channel: 'WALMART', accountId: account.id });
        const m = metric(r.metrics, 'VALID_TRACKING_RATE');
        return { numerator: m.numerator, denominator: m.denominator, awaiting: m.awaitingFirstScan };
      } finally {
        dayCounts.enabled = true;
      }
    };
    expect(await vtr(true)).toEqual({ numerator: 0, denominator: 2, awaiting: 1 });
    const stored: { n: number }[] = await app.ds.query(
      `SELECT count(*)::int AS n FROM compliance_hour_count WHERE account_id = $1 AND fact_key LIKE 'VALID_TRACKING_RATE:%'`,
      [account.id],
    );
    expect(stored[0].n).toBeGreaterThan(0);

    // The provider reports the first scan: the tracker and the SCANNED event change, the stored hours are dropped.
    await app.ds.query(`UPDATE shipment_tracker SET first_scan_at = $2 WHERE shipment_id = $1`, [
      ok,
      new Date(now - 9 * DAY),
    ]);
    await recordCarrierScans(app, ok!, { firstScanAt: new Date(now - 9 * DAY) });
    expect(await vtr(true)).toEqual({ numerator: 1, denominator: 2, awaiting: 1 });

    // The provider refuses a number (a tracker turning untrackable): still invalid, now for that reason, and the
    // tracker's change alone moves the report.
    await app.ds.query(`UPDATE shipment_tracker SET state = 'UNTRACKABLE' WHERE shipment_id = $1`, [ok]);
    expect(await vtr(true)).toEqual({ numerator: 0, denominator: 2, awaiting: 1 });
    expect(await vtr(false)).toEqual(await vtr(true));

    // Turning the provider off makes the trackers' silence mean nothing: its own stored counts, not the others'.
    await setProvider(false);
    expect(await vtr(true)).toEqual({ numerator: 0, denominator: 1, awaiting: 0 });
    expect(await vtr(false)).toEqual({ numerator: 0, denominator: 1, awaiting: 0 });
  });

  it('GraphQL: each metric says whether it uses carrier data and as of when; the report names the provider', async () => {
    await setProvider(true);
    const account = await anAccount(app, 'WALMART');
    await load(account, [
      {
        name: 'a',
        tracking: validTrackingNumber(),
        shippedAt: new Date('2026-11-16T10:00:00Z'),
        scans: { tracker: 'TRACKING', checkedAt: new Date('2026-11-19T08:00:00Z') },
      },
    ]);
    const res = await app.gql(
      `query ($accountId: ID, $asOf: DateTime) {
        complianceReport(channel: WALMART, accountId: $accountId, asOf: $asOf) {
          carrierData { provider enabled asOf lastError note }
          metrics { key awaitingFirstScan carrierData { usesCarrierData asOf note } }
        }
      }`,
      { accountId: account.id, asOf: AS_OF.toISOString() },
    );
    expect(res.errors).toBeUndefined();
    const report = res.data!.complianceReport;
    expect(report.carrierData).toEqual({
      provider: 'EASYPOST',
      enabled: true,
      asOf: '2026-11-19T08:00:00.000Z',
      lastError: null,
      note: 'Carrier scans as of 19 Nov 08:00 UTC',
    });
    const byKey = Object.fromEntries(report.metrics.map((m: { key: string }) => [m.key, m]));
    expect(byKey.VALID_TRACKING_RATE).toEqual({
      key: 'VALID_TRACKING_RATE',
      awaitingFirstScan: 0,
      carrierData: {
        usesCarrierData: true,
        asOf: '2026-11-19T08:00:00.000Z',
        note: 'Carrier scans as of 19 Nov 08:00 UTC',
      },
    });
    expect(byKey.ADDRESS_MISMATCH_RATE.carrierData.usesCarrierData).toBe(true);
    expect(byKey.ON_TIME_DELIVERY_RATE.carrierData.usesCarrierData).toBe(true);
    expect(byKey.REFUND_RATE.carrierData).toEqual({
      usesCarrierData: false,
      asOf: null,
      note: 'Not based on carrier scans',
    });
  });
});
