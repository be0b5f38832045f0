import { createSandbox, type Sandbox } from '@order-hub/sandbox';
import { lateOriginScanAlarms } from '../src/modules/alerts/alarms/shipment-alarms';
import { startTestApp, type TestApp } from './support/test-app';
import { testDatabases } from './support/test-databases';
import { settledOutbox } from './support/outbox-helpers';
import { connectSandboxAccount, syncAndWait, type ConnectedAccount } from './support/sync-helpers';
import { validTrackingNumber } from './support/tracking-numbers';
import { walmartOrderView } from './support/sandbox-views';

interface EventRow {
  channel_order_id: string;
  tracking_number: string;
  type: string;
  source: string;
  occurred_at: Date;
}

describe.each(testDatabases())('carrier events captured from channel imports on %s', (kind) => {
  let sandbox: Sandbox;
  let app: TestApp;
  let walmart: ConnectedAccount;
  let amazon: ConnectedAccount;

  const shipped = async (): Promise<{ channel_order_id: string; tracking_number: string }[]> =>
    app.ds.query(
      `SELECT o.channel_order_id, s.tracking_number FROM shipment s JOIN "order" o ON o.id = s.order_id
        WHERE o.account_id = $1 AND s.tracking_number IS NOT NULL ORDER BY o.channel_order_id`,
      [walmart.hubId],
    );
  const events = async (): Promise<EventRow[]> =>
    app.ds.query(
      `SELECT o.channel_order_id, s.tracking_number, e.type, e.source, e.occurred_at FROM carrier_event e
         JOIN shipment s ON s.id = e.shipment_id JOIN "order" o ON o.id = e.order_id
        WHERE o.account_id = $1 ORDER BY o.channel_order_id, e.type`,
      [walmart.hubId],
    );

  /**
   * Pulls until the hub holds what the sandbox changed: a pull reads changes up to its start in whole seconds, and a
   * scheduled pull may have started before the change, so one more pull can be needed.
   */
  async function syncUntil(done: () => Promise<boolean>, account = walmart) {
    for (let attempt = 0; attempt < 10 && !(await done()); attempt++) {
      await new Promise((r) => setTimeout(r, 500));
      expect((await syncAndWait(app, account.hubId)).lastError).toBeNull();
    }
  }

  beforeAll(async () => {
    sandbox = await createSandbox({ seed: 12, throttling: { rateScale: 1000 } });
    app = await startTestApp(kind, { CHANNEL_RATE_SCALE: '1000', CHANNEL_TIMEOUT_MS: '1500' });
    walmart = await connectSandboxAccount(app, sandbox, 'WALMART', 'Carrier events Walmart');
    amazon = await connectSandboxAccount(app, sandbox, 'AMAZON', 'Carrier events Amazon');
  });
  afterAll(async () => {
    await app?.close();
    await sandbox?.close();
  });

  it('records Walmart deliveries on first import and on a later change, once each, dated by the line status date', async () => {
    // WFS orders placed over a day ago arrive shipped with FedEx tracking.
    const { orderIds } = sandbox.generateOrders({
      accountId: walmart.sandboxAccountId,
      count: 12,
      seed: 3,
      mix: { channelFulfilled: 1 },
      placedWithinHours: 200,
    });
    const first = walmartOrderView(sandbox, orderIds[0]);
    const firstTracking =
      first.orderLines.orderLine[0].orderLineStatuses.orderLineStatus[0].trackingInfo!.trackingNumber;
    const before = sandbox.clock.now().getTime();
    sandbox.packageEvent(firstTracking, 'DELIVERED');
    await syncUntil(async () => (await events()).length > 0);

    const packages = await shipped();
    expect(packages.length).toBeGreaterThan(2);
    expect(await events()).toEqual([
      {
        channel_order_id: first.purchaseOrderId,
        tracking_number: firstTracking,
        type: 'DELIVERED',
        source: 'CHANNEL',
        occurred_at: expect.any(Date),
      },
    ]);
    const [imported] = await events();
    expect(imported.occurred_at.getTime()).toBeGreaterThanOrEqual(before - 1000);

    // A package already in the hub is delivered later: the change brings its event; the first one is not doubled.
    const later = packages.find((p) => p.tracking_number !== firstTracking)!;
    sandbox.packageEvent(later.tracking_number, 'SCANNED');
    sandbox.packageEvent(later.tracking_number, 'DELIVERED');
    sandbox.packageEvent(firstTracking, 'DELIVERED');
    await syncUntil(async () => (await events()).length > 1);
    const after = await events();
    expect(after.map((e) => [e.channel_order_id, e.type])).toEqual(
      [
        [first.purchaseOrderId, 'DELIVERED'],
        [later.channel_order_id, 'DELIVERED'],
      ].sort((a, b) => a[0].localeCompare(b[0])),
    );
    expect(after.find((e) => e.channel_order_id === first.purchaseOrderId)!.occurred_at).toEqual(imported.occurred_at);

    // The WFS orders are channel-fulfilled: on-time delivery leaves them out under that reason rather than guessing.
    const [{ deliver_by }] = await app.ds.query(
      `SELECT max(deliver_by) AS deliver_by FROM "order" WHERE account_id = $1`,
      [walmart.hubId],
    );
    const asOf = new Date(Math.max(new Date(deliver_by).getTime(), Date.now()) + 60_000);
    const report = await app.gql(
      `query($id: ID, $asOf: DateTime) { complianceReport(channel: WALMART, accountId: $id, asOf: $asOf) { metrics { key value status exclusions { reason count } } } }`,
      { id: walmart.hubId, asOf: asOf.toISOString() },
    );
    const otd = report.data!.complianceReport.metrics.find((m: { key: string }) => m.key === 'ON_TIME_DELIVERY_RATE');
    expect(otd).toMatchObject({ value: null, status: 'NOT_APPLICABLE' });
    expect(otd.exclusions.find((x: { reason: string }) => x.reason === 'CHANNEL_FULFILLED')?.count).toBeGreaterThan(0);
  });

  it('records an Amazon package moving and then delivered with no time (Amazon gives none), and leaves on-time delivery to what is known', async () => {
    sandbox.generateOrders({
      accountId: amazon.sandboxAccountId,
      count: 3,
      seed: 8,
      mix: { multiLine: 0, multiQuantity: 0, intentToCancel: 0, channelFulfilled: 0 },
    });
    const pending = (): Promise<{ id: string; deliver_by: Date; line_number: string }[]> =>
      app.ds.query(
        `SELECT o.id, o.deliver_by, l.line_number FROM "order" o JOIN order_line l ON l.order_id = o.id WHERE o.account_id = $1 AND o.status = 'ACKNOWLEDGED' ORDER BY o.channel_order_id`,
        [amazon.hubId],
      );
    await syncUntil(async () => (await pending()).length === 3, amazon);
    const [order] = await pending();
    const tracking = validTrackingNumber('UPS');
    const shipped = await app.gql(
      `mutation($input: ShipmentInput!) { confirmShipment(input: $input) { shipment { id } } }`,
      {
        input: {
          orderId: order.id,
          lines: [{ lineNumber: order.line_number, quantity: 1 }],
          carrier: 'UPS',
          trackingNumber: tracking,
          shippedAt: new Date(sandbox.clock.now().getTime() - 60_000).toISOString(),
        },
      },
    );
    expect(shipped.errors).toBeUndefined();
    expect((await settledOutbox(app, order.id)).map((o) => o.status)).toEqual(['DELIVERED']);
    const shipmentId = shipped.data!.confirmShipment.shipment.id as string;
    const events = async (): Promise<
      { type: string; source: string; description: string; occurred_at: Date | null }[]
    > =>
      app.ds.query(
        `SELECT type, source, description, occurred_at FROM carrier_event WHERE shipment_id = $1 ORDER BY type`,
        [shipmentId],
      );

    // Amazon's Orders API serves a change once it is two minutes old (on the channel's clock).
    const twoMinutesLater = () => sandbox.clock.advance(150_000);
    sandbox.packageEvent(tracking, 'SCANNED');
    twoMinutesLater();
    await syncUntil(async () => (await events()).length > 0, amazon);
    // Stamped with the event's own time, which Amazon's package status does not carry: never the order's lastUpdatedTime.
    expect(await events()).toEqual([
      {
        type: 'SCANNED',
        source: 'CHANNEL',
        description: 'Amazon package status IN_TRANSIT (no time given)',
        occurred_at: null,
      },
    ]);
    sandbox.packageEvent(tracking, 'DELIVERED');
    twoMinutesLater();
    await syncUntil(async () => (await events()).length > 1, amazon);
    expect((await events()).map((e) => e.type)).toEqual(['DELIVERED', 'SCANNED']);

    expect((await events()).map((e) => e.occurred_at)).toEqual([null, null]);

    // As of a minute after the promised delivery: delivered, but when is unknown, so neither on time nor late.
    const asOf = new Date(Math.max(new Date(order.deliver_by).getTime(), sandbox.clock.now().getTime()) + 60_000);
    const report = await app.gql(
      `query($id: ID, $asOf: DateTime) { complianceReport(channel: AMAZON, accountId: $id, asOf: $asOf) { metrics { key value numerator denominator status exclusions { reason count } } } }`,
      {
        id: amazon.hubId,
        asOf: asOf.toISOString(),
      },
    );
    const otd = report.data!.complianceReport.metrics.find((m: { key: string }) => m.key === 'ON_TIME_DELIVERY_RATE');
    expect(otd).toMatchObject({
      value: null,
      numerator: 0,
      denominator: 0,
      status: 'NOT_APPLICABLE',
      exclusions: [{ reason: 'NO_DELIVERY_EVENT', count: 1 }],
    });

    // The untimed scan still shows the parcel moving: no late-origin-scan alarm for it two days on.
    const alarms = await lateOriginScanAlarms(app.ds, new Date(sandbox.clock.now().getTime() + 3 * 86_400_000), {
      providerOn: false,
    });
    expect(alarms.filter((a) => a.orderId === order.id)).toEqual([]);
  });
});
