import type { NormalizedOrder } from '@order-hub/types';
import { ComplianceAlarmsService } from '../src/modules/compliance/compliance-alarms.service';
import { recordCarrierScans, shipmentIdsOf } from './support/carrier-scan-fixtures';
import { anAccount, anOrder, insertOrders } from './support/order-fixtures';
import { startTestApp, type TestApp } from './support/test-app';
import { testDatabases } from './support/test-databases';
import { validTrackingNumber } from './support/tracking-numbers';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const AS_OF = new Date('2026-11-20T00:00:00Z');
const WRONG_CHECK_DIGIT = '1Z999AA10123456785';

/** One order of one SKU, shipped `daysAgo` before AS_OF with that tracking number, or still open with a ship-by after AS_OF. */
function order(
  sku: string,
  shipment: { daysAgo: number; tracking: string } | { shipByHoursAfter: number },
): NormalizedOrder {
  const base = anOrder();
  if (!('tracking' in shipment)) {
    const orderedAt = new Date(AS_OF.getTime() - 6 * HOUR);
    return {
      ...base,
      orderedAt,
      channelUpdatedAt: orderedAt,
      acknowledgedAt: orderedAt,
      shipBy: new Date(AS_OF.getTime() + shipment.shipByHoursAfter * HOUR),
      lines: [{ ...base.lines[0], sku }],
    };
  }
  const shippedAt = new Date(AS_OF.getTime() - shipment.daysAgo * DAY);
  const orderedAt = new Date(shippedAt.getTime() - DAY);
  return {
    ...base,
    orderedAt,
    channelUpdatedAt: orderedAt,
    acknowledgedAt: orderedAt,
    shipBy: new Date(shippedAt.getTime() + DAY),
    status: 'SHIPPED',
    lines: [{ ...base.lines[0], sku, quantityShipped: 1, status: 'SHIPPED' }],
    shipments: [
      {
        carrier: 'UPS',
        service: null,
        trackingNumber: shipment.tracking,
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
const times = <T>(n: number, make: (i: number) => T) => Array.from({ length: n }, (_, i) => make(i));

const REPORT = `query($accountId: ID, $asOf: DateTime) {
  complianceReport(channel: AMAZON, accountId: $accountId, asOf: $asOf) {
    metrics { key category value numerator denominator threshold comparator status
      projection { openOrders valueIfAllMiss statusIfAllMiss mustShipOnTime latestShipBy }
      orders(first: 100) { totalCount edges { node { id } } } }
  }
}`;

describe.each(testDatabases())('done means: one Amazon category under 95% valid tracking on %s', (kind) => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp(kind);
  });
  afterAll(() => app?.close());

  it('shows that category failing with its projection while the account passes, and the alarm is raised before the window closes', async () => {
    const account = await anAccount(app, 'AMAZON', 'America/New_York');
    const operator = (await app.gql(`mutation { createApiToken(input: { name: "ops", role: OPERATOR }) { token } }`))
      .data!.createApiToken.token as string;
    const mapped = await app.gql(
      `mutation($id: ID!, $entries: [SkuCategoryInput!]!) { setSkuCategories(accountId: $id, entries: $entries) { set { sku } } }`,
      {
        id: account.id,
        entries: [
          { sku: 'KTC-WB32', category: 'Kitchen' },
          { sku: 'KID-BPDN', category: 'Baby & Kids' },
        ],
      },
      operator,
    );
    expect(mapped.errors).toBeUndefined();

    // Kitchen: 200 valid. Baby & Kids: 18 valid and one with a wrong check digit (94.74%), and 30 still to ship.
    const kitchen = times(200, (i) =>
      order('KTC-WB32', { daysAgo: 1 + (i % 25), tracking: validTrackingNumber('UPS') }),
    );
    const kidsValid = times(18, (i) =>
      order('KID-BPDN', { daysAgo: 2 + (i % 20), tracking: validTrackingNumber('UPS') }),
    );
    const kidsInvalid = order('KID-BPDN', { daysAgo: 3, tracking: WRONG_CHECK_DIGIT });
    const kidsOpen = times(30, (i) => order('KID-BPDN', { shipByHoursAfter: 4 + i }));
    const all = [...kitchen, ...kidsValid, kidsInvalid, ...kidsOpen];
    const ids = await insertOrders(app, account, all);
    // Amazon reports each package's first carrier scan: every parcel scanned six hours after it was confirmed.
    const shipmentIds = await shipmentIdsOf(app, ids);
    for (const [i, o] of all.entries())
      if (o.shipments.length)
        await recordCarrierScans(app, shipmentIds[i]!, {
          firstScanAt: new Date(o.shipments[0].shippedAt.getTime() + 6 * HOUR),
        });
    const kidsValidIds = ids.slice(200, 218);

    const res = await app.gql(REPORT, { accountId: account.id, asOf: AS_OF.toISOString() });
    expect(res.errors).toBeUndefined();
    const vtr = res.data!.complianceReport.metrics.filter((m: { key: string }) => m.key === 'VALID_TRACKING_RATE');
    expect(vtr.map((m: { category: string | null }) => m.category)).toEqual([null, 'Baby & Kids', 'Kitchen']);
    const [overall, kids, kitchenVtr] = vtr;

    expect(overall).toMatchObject({
      numerator: 218,
      denominator: 219,
      status: 'OK',
      threshold: 95,
      comparator: 'AT_LEAST',
    });
    expect(kitchenVtr).toMatchObject({ numerator: 200, denominator: 200, value: 100, status: 'OK' });
    expect(kids).toMatchObject({ numerator: 18, denominator: 19, status: 'FAILING' });
    expect(kids.value).toBeCloseTo((18 * 100) / 19, 9);
    // If all 30 ship without valid tracking: 18 of 49. To get back to ≥ 95%: (18 + k) / 49 ≥ 95% → k = 29 (47/49 = 95.9%; 46/49 = 93.9%).
    expect(kids.projection).toMatchObject({
      openOrders: 30,
      statusIfAllMiss: 'FAILING',
      mustShipOnTime: 29,
      latestShipBy: new Date(AS_OF.getTime() + 33 * HOUR).toISOString(),
    });
    expect(kids.projection.valueIfAllMiss).toBeCloseTo((18 * 100) / 49, 9);
    expect(kids.orders.totalCount).toBe(18);
    expect(kids.orders.edges.map((e: { node: { id: string } }) => e.node.id).sort()).toEqual([...kidsValidIds].sort());

    // The alarm, run as of the same instant: the category's condition opens (the account-wide rate raises none),
    // while every open order can still ship in time.
    await app.running.app.get(ComplianceAlarmsService).scan(AS_OF);
    const alerts: { condition_key: string; severity: string; message: string }[] = await app.ds.query(
      `SELECT condition_key, severity, message FROM alert WHERE account_id = $1 AND kind = 'COMPLIANCE_METRIC' AND resolved_at IS NULL ORDER BY condition_key`,
      [account.id],
    );
    expect(alerts.map((a) => [a.condition_key, a.severity])).toEqual([
      [`metric:${account.id}:VALID_TRACKING_RATE:Baby & Kids`, 'HIGH'],
    ]);
    expect(alerts[0].message).toContain('Baby & Kids');
    expect(new Date(kids.projection.latestShipBy).getTime()).toBeGreaterThan(AS_OF.getTime());
  });
});
