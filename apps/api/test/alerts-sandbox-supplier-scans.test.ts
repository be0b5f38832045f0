import { createSandbox, type Sandbox } from '@order-hub/sandbox';
import type { ChannelAccountEntity } from '../src/modules/channels/channel-account.entity';
import { ComplianceAlarmsService } from '../src/modules/compliance/compliance-alarms.service';
import { anAccount, anOrder, insertOrders } from './support/order-fixtures';
import { startTestApp, type TestApp } from './support/test-app';
import { testDatabases } from './support/test-databases';
import { validTrackingNumber } from './support/tracking-numbers';
import { until } from './support/wait';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const AUSTIN = { city: 'AUSTIN', state: 'TX', zip: '78704', country: 'US' };

/**
 * Issue 15's "done" against the sandbox's EasyPost: a dropship supplier's CSV carries a well-formed number the carrier
 * never scans (label printed, never handed over) and one parcel the carrier delivers in another city. The hub follows
 * both at the provider, raises LATE_ORIGIN_SCAN and ADDRESS_MISMATCH, and the plan of action names the supplier.
 */
describe.each(testDatabases())('supplier shipments against the sandbox carrier on %s', (kind) => {
  let sandbox: Sandbox;
  let app: TestApp;
  let walmart: ChannelAccountEntity;
  const shippedAt = new Date(Date.now() - 5 * DAY);
  const neverScanned = validTrackingNumber('UPS');
  const elsewhere = validTrackingNumber('UPS');
  const ids: Record<string, string> = {};

  const control = async (path: string, body: unknown) => {
    const res = await fetch(`${sandbox.controlBaseUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`POST ${path}: ${res.status} ${await res.text()}`);
  };
  const shipmentOf = async (orderId: string): Promise<string> =>
    (await app.ds.query(`SELECT id FROM shipment WHERE order_id = $1`, [orderId]))[0].id;
  const openAlerts = async (kind: string) =>
    (
      await app.gql<{ alerts: { edges: { node: { orderId: string; message: string } }[] } }>(
        `query($filter: AlertFilter) { alerts(filter: $filter, first: 20) { edges { node { orderId message } } } }`,
        { filter: { kinds: [kind], statuses: ['OPEN'] } },
      )
    ).data!.alerts.edges.map((e) => e.node);

  beforeAll(async () => {
    sandbox = await createSandbox({ seed: 15, clock: new Date(), throttling: { rateScale: 1000 } });
    app = await startTestApp(kind, {
      EASYPOST_API_KEY: sandbox.easypostApiKey,
      EASYPOST_BASE_URL: sandbox.easypostBaseUrl,
    });
    walmart = await anAccount(app, 'WALMART', 'UTC');
    await control('/easypost/parcels', {
      carrier: 'UPS',
      trackingCode: neverScanned,
      shippedAt: shippedAt.toISOString(),
      shipTo: AUSTIN,
      fault: { fault: 'NO_SCAN' },
    });
    await control('/easypost/parcels', {
      carrier: 'UPS',
      trackingCode: elsewhere,
      shippedAt: shippedAt.toISOString(),
      shipTo: AUSTIN,
      fault: { fault: 'DELIVERED_ELSEWHERE', deliveredTo: { city: 'RENO', state: 'NV', zip: '89501', country: 'US' } },
    });
    const orders = ['DS-NEVER', 'DS-ELSEWHERE'].map((po) =>
      anOrder({
        channelOrderId: po,
        orderedAt: new Date(shippedAt.getTime() - DAY),
        shipBy: new Date(Date.now() + DAY),
      }),
    );
    [ids.never, ids.elsewhere] = await insertOrders(app, walmart, orders);
    // Two uploads of the supplier's file, each followed at the provider before the next: the hub confirmation
    // nudges the tracking job, which registers it.
    for (const [orderId, po, number] of [
      [ids.never, 'DS-NEVER', neverScanned],
      [ids.elsewhere, 'DS-ELSEWHERE', elsewhere],
    ]) {
      const upload = await app.gql(
        `mutation($csv: String!) { confirmShipmentsCsv(csv: $csv, fileName: "northwind-1130.csv", supplier: "Northwind Dropship") { applied } }`,
        { csv: `order,line,quantity,carrier,tracking,shipDate\n${po},1,1,UPS,${number},${shippedAt.toISOString()}\n` },
      );
      expect(upload.errors).toBeUndefined();
      expect(upload.data!.confirmShipmentsCsv.applied).toBe(1);
      await until(
        `${po} followed at the provider`,
        async () =>
          (await app.ds.query(`SELECT state FROM shipment_tracker WHERE order_id = $1`, [orderId]))[0]?.state as
            string | undefined,
        (state) => state === 'TRACKING' || state === 'DONE',
      );
    }
  });
  afterAll(async () => {
    await app?.close();
    await sandbox?.close();
  });

  it('the number that never scans raises LATE_ORIGIN_SCAN naming the supplier; the parcel delivered in Reno raises ADDRESS_MISMATCH', async () => {
    await app.running.app.get(ComplianceAlarmsService).scan(new Date());
    const [late] = await openAlerts('LATE_ORIGIN_SCAN');
    expect(late.orderId).toBe(ids.never);
    expect(late.message).toContain(
      `with UPS ${neverScanned}, from supplier Northwind Dropship's CSV file northwind-1130.csv by token:`,
    );
    expect(late.message).toContain('as heard through the tracking provider (carrier data as of');
    const [mismatch] = await openAlerts('ADDRESS_MISMATCH');
    expect(mismatch.orderId).toBe(ids.elsewhere);
    expect(mismatch.message).toMatch(
      new RegExp(
        `UPS delivered ${elsewhere} at .* in RENO, NV 89501 US, but the order ships to Austin, TX 78704 US\\.`,
      ),
    );
    const [{ address_match }] = await app.ds.query(
      `SELECT address_match FROM shipment_tracker WHERE shipment_id = $1`,
      [await shipmentOf(ids.elsewhere)],
    );
    expect(address_match).toBe('MISMATCH');
  });

  it('counts it as invalid tracking and puts it in the plan of action under the supplier’s file', async () => {
    const res = await app.gql(
      `query($a: ID) { planOfAction(channel: WALMART, accountId: $a, metric: VALID_TRACKING_RATE) {
        metricReport { numerator denominator } causes { cause channelOrderIds } sources { origin neverScanned } draft { rootCause } } }`,
      { a: walmart.id },
    );
    expect(res.errors).toBeUndefined();
    const p = res.data!.planOfAction;
    expect(p.metricReport).toEqual({ numerator: 1, denominator: 2 });
    expect(p.causes).toEqual([{ cause: 'NO_CARRIER_SCAN', channelOrderIds: ['DS-NEVER'] }]);
    expect(p.sources).toEqual([
      {
        origin: expect.stringMatching(/^supplier Northwind Dropship's CSV file northwind-1130\.csv by token:/),
        neverScanned: 1,
      },
    ]);
    expect(p.draft.rootCause).toMatch(
      /1 of 1 invalid shipments never received a carrier scan; it came from supplier Northwind Dropship's CSV file northwind-1130\.csv by token:/,
    );
  });
});
