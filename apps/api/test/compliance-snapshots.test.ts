import type { NormalizedOrder } from '@order-hub/types';
import { TrackingProviderSettingsService } from '../src/modules/carrier-tracking/provider/tracking-provider-settings.service';
import type { ChannelAccountEntity } from '../src/modules/channels/channel-account.entity';
import { ComplianceSnapshotService } from '../src/modules/compliance/snapshots/compliance-snapshot.service';
import { JobHandlers } from '../src/modules/jobs/job-handlers';
import { JobName } from '../src/modules/jobs/job-name';
import { recordCarrierScans, shipmentIdsOf } from './support/carrier-scan-fixtures';
import { anAccount, anOrder, insertOrders } from './support/order-fixtures';
import { startTestApp, type TestApp } from './support/test-app';
import { testDatabases } from './support/test-databases';
import { validTrackingNumber } from './support/tracking-numbers';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** 15:00 UTC: today is 2026-11-20, and its snapshot is the report as of now. */
const NOW = new Date('2026-11-20T15:00:00Z');
const at = (ms: number) => new Date(NOW.getTime() + ms);

function shipped(trackingNumber: string | null, shippedAt: Date): NormalizedOrder {
  const base = anOrder({
    orderedAt: new Date(shippedAt.getTime() - DAY),
    shipBy: new Date(shippedAt.getTime() + HOUR),
    status: 'SHIPPED',
  });
  return {
    ...base,
    channelUpdatedAt: base.orderedAt,
    shipments: [
      {
        carrier: 'UPS',
        service: null,
        trackingNumber,
        trackingUrl: null,
        shippedAt,
        packageType: 'PARCEL',
        weightOz: null,
        lengthIn: null,
        widthIn: null,
        heightIn: null,
        lines: [{ lineNumber: '1', quantity: 1 }],
      },
    ],
  };
}

const TREND = `query ($accountId: ID, $asOf: DateTime, $days: Int) {
  complianceReport(channel: WALMART, accountId: $accountId, asOf: $asOf) {
    metrics { key category value numerator denominator threshold status policyVersion trend(days: $days) { day value numerator denominator threshold status policyVersion asOf } } } }`;

describe.each(testDatabases())('compliance snapshots and trends on %s', (kind) => {
  let app: TestApp;
  let snapshots: ComplianceSnapshotService;
  let walmart: ChannelAccountEntity;
  let second: ChannelAccountEntity;
  /** Shipped orders the tracking provider follows, each scanned by the carrier an hour after it was confirmed. */
  async function shipScanned(account: ChannelAccountEntity, orders: NormalizedOrder[]): Promise<void> {
    const shipmentIds = await shipmentIdsOf(app, await insertOrders(app, account, orders));
    for (const [i, order] of orders.entries())
      await recordCarrierScans(app, shipmentIds[i]!, {
        tracker: 'TRACKING',
        firstScanAt: new Date(order.shipments[0].shippedAt.getTime() + HOUR),
      });
  }
  const count = async (): Promise<number> =>
    (await app.ds.query(`SELECT count(*)::int AS n FROM compliance_snapshot`))[0].n;

  beforeAll(async () => {
    app = await startTestApp(kind);
    snapshots = app.running.app.get(ComplianceSnapshotService);
    await app.running.app.get(TrackingProviderSettingsService).update({ enabled: true, apiKey: 'EZTK-test' }, 'test');
    walmart = await anAccount(app, 'WALMART', 'UTC');
    second = await anAccount(app, 'WALMART', 'America/New_York');
    // Valid tracking 10 days ago and today; an invalid number 3 days ago (in the second account).
    await shipScanned(walmart, [
      shipped(validTrackingNumber('UPS'), at(-10 * DAY)),
      shipped(validTrackingNumber('UPS'), at(-2 * HOUR)),
    ]);
    await shipScanned(second, [shipped('1Z999AA10123456785', at(-3 * DAY))]);
  });
  afterAll(() => app?.close());

  it('backfills the last 30 days for the channel and each account, each as of the day end, then keeps today and yesterday fresh', async () => {
    expect(await snapshots.refresh('WALMART', NOW)).toBe(3 * 30);
    const metricsPerReport = (await app.gql(`{ complianceReport(channel: WALMART) { metrics { key } } }`)).data!
      .complianceReport.metrics.length;
    expect(await count()).toBe(3 * 30 * metricsPerReport);

    // An hour later only today and yesterday are rewritten; a missing day is filled in.
    expect(await snapshots.refresh('WALMART', at(HOUR))).toBe(3 * 2);
    await app.ds.query(`DELETE FROM compliance_snapshot WHERE account_id = $1 AND day = '2026-11-10'`, [walmart.id]);
    expect(await snapshots.refresh('WALMART', at(2 * HOUR))).toBe(3 * 2 + 1);
    expect(await count()).toBe(3 * 30 * metricsPerReport);
  });

  it('trend: one snapshot per day, oldest first, each what complianceReport says as of that day end', async () => {
    const res = await app.gql(TREND, { asOf: at(2 * HOUR).toISOString(), days: 30 });
    expect(res.errors).toBeUndefined();
    const vtr = res.data!.complianceReport.metrics.find((m: { key: string }) => m.key === 'VALID_TRACKING_RATE');
    expect(vtr.trend).toHaveLength(30);
    expect(vtr.trend[0].day).toBe('2026-10-22');
    expect(vtr.trend.at(-1)).toMatchObject({
      day: '2026-11-20',
      asOf: at(2 * HOUR).toISOString(),
      value: vtr.value,
      numerator: vtr.numerator,
      denominator: vtr.denominator,
      status: vtr.status,
    });

    // Channel-wide: nothing before the first shipment (N/A), then 1 of 1, then 1 of 2 once the invalid number ships, then 2 of 3.
    const byDay = Object.fromEntries(
      vtr.trend.map((s: { day: string; numerator: number; denominator: number; status: string }) => [
        s.day,
        [s.numerator, s.denominator, s.status],
      ]),
    );
    expect(byDay['2026-11-09']).toEqual([0, 0, 'NOT_APPLICABLE']);
    expect(byDay['2026-11-10']).toEqual([1, 1, 'OK']);
    expect(byDay['2026-11-17']).toEqual([1, 2, 'FAILING']);
    expect(byDay['2026-11-20']).toEqual([2, 3, 'FAILING']);

    for (const day of ['2026-11-10', '2026-11-17']) {
      const asOf = new Date(Date.parse(`${day}T00:00:00Z`) + DAY).toISOString();
      const report = (await app.gql(TREND, { asOf, days: 1 })).data!.complianceReport.metrics;
      for (const m of report) {
        const snapshot = res
          .data!.complianceReport.metrics.find(
            (x: { key: string; category: string | null }) => x.key === m.key && x.category === m.category,
          )
          .trend.find((s: { day: string }) => s.day === day);
        expect(snapshot).toEqual({
          day,
          asOf,
          value: m.value,
          numerator: m.numerator,
          denominator: m.denominator,
          threshold: m.threshold,
          status: m.status,
          policyVersion: m.policyVersion,
        });
        // The trend of a report as of a day end ends with that day.
        expect(m.trend.map((s: { day: string }) => s.day)).toEqual([day]);
      }
    }
  });

  it("an account's trend is that account's snapshots", async () => {
    const res = await app.gql(TREND, { accountId: second.id, asOf: at(2 * HOUR).toISOString(), days: 7 });
    const vtr = res.data!.complianceReport.metrics.find((m: { key: string }) => m.key === 'VALID_TRACKING_RATE');
    expect(
      vtr.trend.map((s: { day: string; numerator: number; denominator: number }) => [
        s.day,
        s.numerator,
        s.denominator,
      ]),
    ).toEqual([
      ['2026-11-14', 0, 0],
      ['2026-11-15', 0, 0],
      ['2026-11-16', 0, 0],
      ['2026-11-17', 0, 1],
      ['2026-11-18', 0, 1],
      ['2026-11-19', 0, 1],
      ['2026-11-20', 0, 1],
    ]);
  });

  it('trend days outside 1–366 are refused, naming the argument', async () => {
    const res = await app.gql(TREND, { days: 0 });
    expect(res.errors![0]).toMatchObject({
      message: 'days: must be at least 1.',
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });

  it('runs as the compliance-snapshots job per channel through the jobs registry', async () => {
    const handler = app.running.app.get(JobHandlers).get(JobName.COMPLIANCE_SNAPSHOTS);
    await expect(handler.handle('EBAY')).rejects.toThrow('compliance-snapshots: unknown channel EBAY');
    // Run now (the real clock), it writes at least today and yesterday for the channel and each account.
    expect(await handler.handle('AMAZON')).toBeGreaterThanOrEqual(2);
  });

  it("rewrites the past days an imported order's history changes (a newly connected account's backfill)", async () => {
    // Placed 9 days before NOW, shipped with valid tracking 8 days before: the snapshots from 2026-11-11 on change.
    await shipScanned(second, [shipped(validTrackingNumber('UPS'), at(-8 * DAY))]);
    // Channel-wide and the second account: 2026-11-11 to 2026-11-20; the first account: today and yesterday.
    expect(await snapshots.refresh('WALMART', at(3 * HOUR))).toBe(10 + 10 + 2);
    const res = await app.gql(TREND, { asOf: at(3 * HOUR).toISOString(), days: 10 });
    const vtr = res.data!.complianceReport.metrics.find((m: { key: string }) => m.key === 'VALID_TRACKING_RATE');
    expect(
      vtr.trend.map((s: { day: string; numerator: number; denominator: number }) => [
        s.day,
        s.numerator,
        s.denominator,
      ]),
    ).toEqual([
      ['2026-11-11', 1, 1],
      ['2026-11-12', 2, 2],
      ['2026-11-13', 2, 2],
      ['2026-11-14', 2, 2],
      ['2026-11-15', 2, 2],
      ['2026-11-16', 2, 2],
      ['2026-11-17', 2, 3],
      ['2026-11-18', 2, 3],
      ['2026-11-19', 2, 3],
      ['2026-11-20', 3, 4],
    ]);
    // Nothing new since: only today and yesterday again.
    expect(await snapshots.refresh('WALMART', at(4 * HOUR))).toBe(3 * 2);
  });
});
