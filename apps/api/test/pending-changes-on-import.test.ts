import { createSandbox, type Sandbox } from '@order-hub/sandbox';
import { settledOutbox } from './support/outbox-helpers';
import { startTestApp, type TestApp } from './support/test-app';
import { testDatabases } from './support/test-databases';
import { connectSandboxAccount, syncAndWait, type ConnectedAccount } from './support/sync-helpers';
import { validTrackingNumber } from './support/tracking-numbers';
import { until } from './support/wait';

const SHIP = `mutation($input: ShipmentInput!) {
  confirmShipment(input: $input) { shipment { id } outbox { id operation } }
}`;

type WalmartView = {
  order: {
    orderLines: {
      orderLine: { orderLineStatuses: { orderLineStatus: { status: string; statusQuantity: { amount: string } }[] } }[];
    };
  };
};

describe.each(testDatabases())('an import while the hub has changes on their way to the channel (%s)', (kind) => {
  let sandbox: Sandbox;
  let app: TestApp;
  let walmart: ConnectedAccount;

  const shippedAtWalmart = (po: string) =>
    (sandbox.orderState('WALMART', po).view as WalmartView).order.orderLines.orderLine
      .flatMap((l) => l.orderLineStatuses.orderLineStatus)
      .filter((s) => s.status === 'Shipped')
      .reduce((sum, s) => sum + Number(s.statusQuantity.amount), 0);

  const hubOrder = async (id: string) =>
    (
      await app.ds.query(
        `SELECT o.status, (SELECT count(*)::int FROM shipment s WHERE s.order_id = o.id) AS shipments,
                (SELECT sum(l.quantity_shipped)::int FROM order_line l WHERE l.order_id = o.id) AS shipped
           FROM "order" o WHERE o.id = $1`,
        [id],
      )
    )[0] as { status: string; shipments: number; shipped: number };

  const shipRow = async (orderId: string) =>
    (
      await app.ds.query(`SELECT id, status, attempts FROM outbox WHERE order_id = $1 AND operation = 'SHIP'`, [
        orderId,
      ])
    )[0] as { id: string; status: string; attempts: number };

  beforeAll(async () => {
    sandbox = await createSandbox({ seed: 52, throttling: { rateScale: 1000 } });
    // Retries come quickly, so the row settles soon once Walmart keeps what it is sent.
    app = await startTestApp(kind, {
      CHANNEL_RATE_SCALE: '1000',
      OUTBOX_RETRY_BASE_MS: '200',
      OUTBOX_RETRY_MAX_MS: '1000',
      OUTBOX_MAX_ATTEMPTS: '100',
    });
    walmart = await connectSandboxAccount(app, sandbox, 'WALMART', 'In-flight Walmart');
    sandbox.generateOrders({
      accountId: walmart.sandboxAccountId,
      count: 6,
      seed: 7,
      mix: { multiLine: 0, multiQuantity: 0, intentToCancel: 0, channelFulfilled: 0, prime: 0 },
      placedWithinHours: 1,
    });
    expect((await syncAndWait(app, walmart.hubId)).lastError).toBeNull();
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await sandbox?.close();
  });

  it('a scheduled pull never reopens a shipped order while its SHIP row is undelivered: the order stays SHIPPED, a second shipment of the unit is refused, and the read-back settles it', async () => {
    const [order] = await app.ds.query(
      `SELECT o.id, o.channel_order_id AS po, min(l.line_number) AS line FROM "order" o JOIN order_line l ON l.order_id = o.id
        WHERE o.account_id = $1 AND o.status = 'CREATED' AND NOT o.cancellation_requested
        GROUP BY o.id HAVING count(*) = 1 AND sum(l.quantity_ordered) = 1 LIMIT 1`,
      [walmart.hubId],
    );
    // Walmart answers the shipment 200 and keeps nothing, every time, until the fault is lifted.
    const drop = sandbox.injectFault({
      channel: 'WALMART',
      method: 'POST',
      route: `/walmart/v3/orders/${order.po}/shipping`,
      silentDrop: 1,
    });
    const input = (trackingNumber: string) => ({
      orderId: order.id,
      lines: [{ lineNumber: order.line, quantity: 1 }],
      carrier: 'UPS',
      trackingNumber,
      shippedAt: new Date().toISOString(),
    });
    const first = await app.gql(SHIP, { input: input(validTrackingNumber('UPS')) });
    expect(first.errors).toBeUndefined();
    // The acknowledgement went through (Walmart's copy changed since the last pull); the shipment was dropped.
    await until(
      'the shipment dropped at least once',
      () => shipRow(order.id),
      (r) => r.attempts >= 1 && drop.affected >= 1,
    );
    expect(['PENDING', 'SENDING']).toContain((await shipRow(order.id)).status);
    expect(shippedAtWalmart(order.po)).toBe(0);

    // Scheduled pulls until one has imported Walmart's copy (changed by the acknowledgement, without the shipment).
    await until(
      "a pull imported Walmart's newer copy of the order",
      async () => {
        expect((await syncAndWait(app, walmart.hubId)).lastError).toBeNull();
        const [row] = await app.ds.query(
          `SELECT count(*)::int AS n FROM audit_event WHERE order_id = $1 AND action = 'order.updated'`,
          [order.id],
        );
        return row.n as number;
      },
      (n) => n >= 1,
    );
    expect(['PENDING', 'SENDING']).toContain((await shipRow(order.id)).status);
    expect(await hubOrder(order.id)).toEqual({ status: 'SHIPPED', shipments: 1, shipped: 1 });

    const second = await app.gql(SHIP, { input: input(validTrackingNumber('UPS')) });
    expect(second.errors?.[0]?.extensions.code).toBe('RULE_VIOLATION');
    expect((second.errors![0].extensions.violations as { code: string }[]).map((v) => v.code)).toContain(
      'QUANTITY_EXCEEDS_OPEN',
    );

    // Walmart keeps what it is sent again: the read-back finds the shipment, and the next pull agrees.
    sandbox.clearFaults(drop.id);
    const rows = await settledOutbox(app, order.id, 60_000);
    expect(rows.map((r) => [r.operation, r.status])).toEqual([
      ['ACKNOWLEDGE', 'DELIVERED'],
      ['SHIP', 'DELIVERED'],
    ]);
    expect((await syncAndWait(app, walmart.hubId)).lastError).toBeNull();
    expect(await hubOrder(order.id)).toEqual({ status: 'SHIPPED', shipments: 1, shipped: 1 });
    expect(shippedAtWalmart(order.po)).toBe(1);
  });
});
