import { createSandbox, type Sandbox } from '@order-hub/sandbox';
import { settledOutbox } from './support/outbox-helpers';
import type { TestApp } from './support/test-app';
import { startTestApp } from './support/test-app';
import { testDatabases } from './support/test-databases';
import { connectSandboxAccount, syncAndWait, type ConnectedAccount } from './support/sync-helpers';
import { validTrackingNumber } from './support/tracking-numbers';

const SHIP = `mutation($input: ShipmentInput!) {
  confirmShipment(input: $input) { shipment { id trackingNumber } outbox { id operation } }
}`;
const TRACK = `mutation($id: ID!, $input: TrackingUpdateInput!) {
  updateTracking(shipmentId: $id, input: $input) { shipment { id trackingNumber } outbox { id operation } }
}`;
const CANCEL = `mutation($input: CancelOrderLinesInput!) { cancelOrderLines(input: $input) { orderId outbox { id operation } } }`;
const REFUND = `mutation($input: RefundOrderLinesInput!) { refundOrderLines(input: $input) { orderId outbox { id operation } } }`;
const ACK = `mutation($ids: [ID!]!) { acknowledgeOrders(ids: $ids) { orderId outcome message } }`;
const ROUTE = `mutation($ids: [ID!]!, $mcf: ID) { routeOrdersToMcf(orderIds: $ids, mcfAccountId: $mcf) { orderId outcome reason } }`;
const RETRY = `mutation($id: ID!, $fix: OutboxFixInput) { retryOutboxEntry(id: $id, fix: $fix) { id payload } }`;

/** One shipping time for the whole suite, so a request sent twice is the same request. */
const SHIPPED_AT = new Date().toISOString();

type WalmartView = {
  order: {
    orderLines: {
      orderLine: {
        orderLineStatuses: { orderLineStatus: { status: string; statusQuantity: { amount: string } }[] };
        refund?: { refundCharges?: { refundCharge: unknown[] } };
      }[];
    };
  };
};

describe.each(testDatabases())('identical action requests and races on one order (%s)', (kind) => {
  let sandbox: Sandbox;
  let app: TestApp;
  let walmart: ConnectedAccount;
  let amazon: ConnectedAccount;
  let amazonSeller: ConnectedAccount;

  /** An imported Walmart order with one line of quantity 1, untouched by the hub so far. */
  async function anOrder(
    status: 'CREATED' | 'ACKNOWLEDGED',
    buyerAskedToCancel = false,
  ): Promise<{ id: string; po: string; line: string; version: number; sku: string }> {
    const [row] = await app.ds.query(
      `SELECT o.id, o.channel_order_id AS po, o.version, min(l.line_number) AS line, min(l.sku) AS sku
         FROM "order" o JOIN order_line l ON l.order_id = o.id
        WHERE o.account_id = $1 AND o.status = $2 AND o.fulfillment_method = 'MERCHANT' AND o.cancellation_requested = $3
          AND NOT EXISTS (SELECT 1 FROM outbox x WHERE x.order_id = o.id AND x.operation <> 'ACKNOWLEDGE')
        GROUP BY o.id HAVING count(*) = 1 AND sum(l.quantity_ordered) = 1 LIMIT 1`,
      [walmart.hubId, status, buyerAskedToCancel],
    );
    if (!row) throw new Error(`No untouched ${status} order left`);
    return row;
  }

  /** Counts the writes Walmart receives for the order from now on (a fault that only counts). */
  function walmartWrites(po: string): () => number {
    const fault = sandbox.injectFault({
      channel: 'WALMART',
      method: 'POST',
      route: `/walmart/v3/orders/${po}/`,
      slow: 1,
      slowMs: 0,
    });
    return () => fault.affected;
  }

  const walmartLine = (po: string) =>
    (sandbox.orderState('WALMART', po).view as WalmartView).order.orderLines.orderLine[0];
  const statusQuantity = (po: string, status: string) =>
    walmartLine(po)
      .orderLineStatuses.orderLineStatus.filter((s) => s.status === status)
      .reduce((sum, s) => sum + Number(s.statusQuantity.amount), 0);
  const outboxCount = async (orderId: string, operation: string) =>
    (
      await app.ds.query(`SELECT count(*)::int AS n FROM outbox WHERE order_id = $1 AND operation = $2`, [
        orderId,
        operation,
      ])
    )[0].n as number;

  function shipInput(order: { id: string; line: string }, tracking: string, extra: Record<string, unknown> = {}) {
    return {
      orderId: order.id,
      lines: [{ lineNumber: order.line, quantity: 1 }],
      carrier: 'UPS',
      trackingNumber: tracking,
      shippedAt: SHIPPED_AT,
      ...extra,
    };
  }

  beforeAll(async () => {
    sandbox = await createSandbox({ seed: 41, throttling: { rateScale: 1000 } });
    app = await startTestApp(kind, { CHANNEL_RATE_SCALE: '1000' });
    walmart = await connectSandboxAccount(app, sandbox, 'WALMART', 'Replays Walmart');
    const creds = sandbox.createAccount('AMAZON', 'Replays MCF');
    const created = await app.gql(
      `mutation($input: CreateChannelAccountInput!) { createChannelAccount(input: $input) { id } }`,
      {
        input: {
          channel: 'AMAZON',
          name: 'Replays MCF',
          environment: 'SANDBOX',
          baseUrl: sandbox.amazonBaseUrl,
          credentials: {
            clientId: creds.clientId,
            clientSecret: creds.clientSecret,
            refreshToken: creds.refreshToken,
            lwaEndpoint: `${sandbox.amazonBaseUrl}/auth/o2/token`,
          },
        },
      },
    );
    amazon = { hubId: created.data!.createChannelAccount.id, sandboxAccountId: creds.accountId };
    sandbox.generateOrders({
      accountId: walmart.sandboxAccountId,
      count: 30,
      seed: 4,
      mix: { multiLine: 0, multiQuantity: 0, intentToCancel: 0, channelFulfilled: 0, prime: 0 },
      placedWithinHours: 1,
    });
    sandbox.generateOrders({
      accountId: walmart.sandboxAccountId,
      count: 2,
      seed: 5,
      mix: { multiLine: 0, multiQuantity: 0, intentToCancel: 1, channelFulfilled: 0, prime: 0 },
      placedWithinHours: 1,
    });
    amazonSeller = await connectSandboxAccount(app, sandbox, 'AMAZON', 'Replays Amazon seller');
    sandbox.generateOrders({
      accountId: amazonSeller.sandboxAccountId,
      count: 4,
      seed: 6,
      mix: { multiLine: 0, multiQuantity: 0, intentToCancel: 0, channelFulfilled: 0, prime: 0 },
      placedWithinHours: 1,
    });
    for (const a of [walmart, amazonSeller]) expect((await syncAndWait(app, a.hubId)).lastError).toBeNull();
    const skus: { sku: string }[] = await app.ds.query(
      `SELECT DISTINCT l.sku FROM order_line l JOIN "order" o ON o.id = l.order_id WHERE o.account_id = $1`,
      [walmart.hubId],
    );
    for (const { sku } of skus) sandbox.setMcfInventory(amazon.sandboxAccountId, sku, 100);
    // Orders acknowledged up front, as a warehouse finds them; the rest stay Created.
    const created2: { id: string }[] = await app.ds.query(
      `SELECT id FROM "order" WHERE account_id = $1 AND status = 'CREATED' AND NOT cancellation_requested ORDER BY id LIMIT 14`,
      [walmart.hubId],
    );
    await app.gql(ACK, { ids: created2.map((c) => c.id) });
    for (const c of created2) await settledOutbox(app, c.id);
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await sandbox?.close();
  });

  describe('the documented replay of an identical request is reachable: the rules no longer run before the idempotency lookup', () => {
    it('confirmShipment sent again answers the first shipment and outbox rows (not QUANTITY_EXCEEDS_OPEN); Walmart ships once', async () => {
      const order = await anOrder('ACKNOWLEDGED');
      const writes = walmartWrites(order.po);
      const input = shipInput(order, validTrackingNumber('UPS'), { expectedVersion: order.version });
      const first = await app.gql(SHIP, { input });
      expect(first.errors).toBeUndefined();
      await settledOutbox(app, order.id);
      const again = await app.gql(SHIP, { input });
      expect(again.errors).toBeUndefined();
      expect(again.data).toEqual(first.data);
      await settledOutbox(app, order.id);
      expect(writes()).toBe(1);
      expect(statusQuantity(order.po, 'Shipped')).toBe(1);
      expect(await outboxCount(order.id, 'SHIP')).toBe(1);
    });

    it('confirmShipment of an Amazon order sent again answers the first shipment (not QUANTITY_EXCEEDS_OPEN); Amazon confirms once', async () => {
      const [order] = await app.ds.query(
        `SELECT o.id, o.channel_order_id AS po, o.version, min(l.line_number) AS line FROM "order" o JOIN order_line l ON l.order_id = o.id
          WHERE o.account_id = $1 AND o.status = 'ACKNOWLEDGED' AND o.fulfillment_method = 'MERCHANT'
          GROUP BY o.id HAVING count(*) = 1 AND sum(l.quantity_ordered) = 1 LIMIT 1`,
        [amazonSeller.hubId],
      );
      const fault = sandbox.injectFault({
        channel: 'AMAZON',
        method: 'POST',
        route: `/amazon/orders/v0/orders/${order.po}/shipmentConfirmation`,
        slow: 1,
        slowMs: 0,
      });
      const input = shipInput(order, validTrackingNumber('USPS'), { carrier: 'USPS', expectedVersion: order.version });
      const first = await app.gql(SHIP, { input });
      expect(first.errors).toBeUndefined();
      await settledOutbox(app, order.id);
      const again = await app.gql(SHIP, { input });
      expect(again.errors).toBeUndefined();
      expect(again.data).toEqual(first.data);
      await settledOutbox(app, order.id);
      expect(fault.affected).toBe(1);
      expect(await outboxCount(order.id, 'SHIP')).toBe(1);
      sandbox.clearFaults(fault.id);
    });

    it('confirmShipment of a never-acknowledged order sent again answers both rows it queued (acknowledge and ship)', async () => {
      const order = await anOrder('CREATED');
      const writes = walmartWrites(order.po);
      const input = shipInput(order, validTrackingNumber('UPS'));
      const first = await app.gql(SHIP, { input });
      expect(first.data!.confirmShipment.outbox.map((o: { operation: string }) => o.operation)).toEqual([
        'ACKNOWLEDGE',
        'SHIP',
      ]);
      await settledOutbox(app, order.id);
      const again = await app.gql(SHIP, { input });
      expect(again.errors).toBeUndefined();
      expect(again.data).toEqual(first.data);
      await settledOutbox(app, order.id);
      expect(writes()).toBe(2);
    });

    it('updateTracking sent again answers the first correction; a correction back to an earlier number is sent', async () => {
      const order = await anOrder('ACKNOWLEDGED');
      const shipped = await app.gql(SHIP, { input: shipInput(order, validTrackingNumber('UPS')) });
      const shipmentId = shipped.data!.confirmShipment.shipment.id;
      await settledOutbox(app, order.id);
      const writes = walmartWrites(order.po);
      const second = validTrackingNumber('UPS');
      const fix = { carrier: 'UPS', trackingNumber: second };
      const first = await app.gql(TRACK, { id: shipmentId, input: fix });
      expect(first.errors).toBeUndefined();
      await settledOutbox(app, order.id);
      const again = await app.gql(TRACK, { id: shipmentId, input: fix });
      expect(again.errors).toBeUndefined();
      expect(again.data).toEqual(first.data);
      await settledOutbox(app, order.id);
      expect(writes()).toBe(1);
      expect(await outboxCount(order.id, 'UPDATE_TRACKING')).toBe(1);
      // Corrected again, then back to the second number: a new correction each time, sent to Walmart.
      const third = await app.gql(TRACK, {
        id: shipmentId,
        input: { carrier: 'UPS', trackingNumber: validTrackingNumber('UPS') },
      });
      expect(third.errors).toBeUndefined();
      await settledOutbox(app, order.id);
      const back = await app.gql(TRACK, { id: shipmentId, input: fix });
      expect(back.errors).toBeUndefined();
      expect(back.data!.updateTracking.outbox[0].id).not.toBe(first.data!.updateTracking.outbox[0].id);
      await settledOutbox(app, order.id);
      expect(writes()).toBe(3);
      const [shipment] = await app.ds.query(`SELECT tracking_number FROM shipment WHERE id = $1`, [shipmentId]);
      expect(shipment.tracking_number).toBe(second);
    });

    it('cancelOrderLines sent again answers the first cancellation (not QUANTITY_EXCEEDS_OPEN); Walmart cancels once', async () => {
      const order = await anOrder('ACKNOWLEDGED');
      const writes = walmartWrites(order.po);
      const input = {
        orderId: order.id,
        lines: [{ lineNumber: order.line, quantity: 1 }],
        reason: 'SELLER_CANCEL_OUT_OF_STOCK',
        expectedVersion: order.version,
      };
      const first = await app.gql(CANCEL, { input });
      expect(first.errors).toBeUndefined();
      await settledOutbox(app, order.id);
      const again = await app.gql(CANCEL, { input });
      expect(again.errors).toBeUndefined();
      expect(again.data).toEqual(first.data);
      await settledOutbox(app, order.id);
      expect(writes()).toBe(1);
      expect(statusQuantity(order.po, 'Cancelled')).toBe(1);
    });

    it('refundOrderLines sent again answers the first refund; Walmart refunds once', async () => {
      const order = await anOrder('ACKNOWLEDGED');
      await app.gql(SHIP, { input: shipInput(order, validTrackingNumber('UPS')) });
      await settledOutbox(app, order.id);
      const writes = walmartWrites(order.po);
      const input = {
        orderId: order.id,
        lines: [{ lineNumber: order.line, amountCents: 150, reason: 'DamagedItem' }],
      };
      const first = await app.gql(REFUND, { input });
      expect(first.errors).toBeUndefined();
      await settledOutbox(app, order.id);
      const again = await app.gql(REFUND, { input });
      expect(again.errors).toBeUndefined();
      expect(again.data).toEqual(first.data);
      await settledOutbox(app, order.id);
      expect(writes()).toBe(1);
      expect(walmartLine(order.po).refund?.refundCharges?.refundCharge).toHaveLength(1);
    });

    it('acknowledgeOrders sent again answers QUEUED again; Walmart is acknowledged once', async () => {
      const order = await anOrder('CREATED');
      const writes = walmartWrites(order.po);
      const first = await app.gql(ACK, { ids: [order.id] });
      expect(first.data!.acknowledgeOrders).toEqual([{ orderId: order.id, outcome: 'QUEUED', message: null }]);
      await settledOutbox(app, order.id);
      const again = await app.gql(ACK, { ids: [order.id] });
      expect(again.data).toEqual(first.data);
      expect(writes()).toBe(1);
      expect(await outboxCount(order.id, 'ACKNOWLEDGE')).toBe(1);
    });

    it('routeOrdersToMcf sent again answers ROUTED again (not "Already with MCF"); Amazon gets one create', async () => {
      const order = await anOrder('ACKNOWLEDGED');
      const fault = sandbox.injectFault({
        channel: 'AMAZON',
        method: 'POST',
        route: '/amazon/fba/outbound/2020-07-01/fulfillmentOrders',
        slow: 1,
        slowMs: 0,
      });
      const first = await app.gql(ROUTE, { ids: [order.id], mcf: amazon.hubId });
      expect(first.data!.routeOrdersToMcf).toEqual([{ orderId: order.id, outcome: 'ROUTED', reason: null }]);
      await settledOutbox(app, order.id);
      const calls = fault.affected; // the preview and the create
      const again = await app.gql(ROUTE, { ids: [order.id], mcf: amazon.hubId });
      expect(again.data).toEqual(first.data);
      await settledOutbox(app, order.id);
      expect(fault.affected).toBe(calls);
      expect(await outboxCount(order.id, 'MCF_CREATE')).toBe(1);
      sandbox.clearFaults(fault.id);
    });

    it('retryOutboxEntry sent again answers the entry as the first resend left it (not CONFLICT); Walmart gets one resend', async () => {
      const order = await anOrder('CREATED', true);
      // The buyer asked to cancel: Walmart refuses a shipment without the override.
      await app.gql(SHIP, { input: shipInput(order, validTrackingNumber('UPS')) });
      const failed = (await settledOutbox(app, order.id)).find((r) => r.operation === 'SHIP')!;
      expect(failed.status).toBe('FAILED');
      const writes = walmartWrites(order.po);
      const fix = { intentToCancelOverride: true };
      const first = await app.gql(RETRY, { id: failed.id, fix });
      expect(first.errors).toBeUndefined();
      expect((await settledOutbox(app, order.id)).find((r) => r.id === failed.id)!.status).toBe('DELIVERED');
      const again = await app.gql(RETRY, { id: failed.id, fix });
      expect(again.errors).toBeUndefined();
      expect(again.data).toEqual(first.data);
      expect(writes()).toBe(1);
      expect(statusQuantity(order.po, 'Shipped')).toBe(1);
    });
  });

  describe('races on one order answer CONFLICT or the first answer, never INTERNAL', () => {
    it('150 concurrent confirmations of one never-acknowledged order: one shipment, the others CONFLICT (no unique violation on outbox.idempotency_key)', async () => {
      const order = await anOrder('CREATED');
      const results = await Promise.all(
        Array.from({ length: 150 }, () =>
          app.gql(SHIP, {
            input: shipInput(order, validTrackingNumber('UPS'), { expectedVersion: order.version }),
          }),
        ),
      );
      const codes = results.map((r) => r.errors?.[0]?.extensions.code ?? 'OK');
      expect(codes.filter((c) => c === 'OK')).toHaveLength(1);
      expect(codes.filter((c) => c !== 'OK' && c !== 'CONFLICT')).toEqual([]);
      await settledOutbox(app, order.id);
      const [counts] = await app.ds.query(
        `SELECT (SELECT count(*)::int FROM shipment WHERE order_id = $1) AS shipments, (SELECT count(*)::int FROM outbox WHERE order_id = $1) AS rows`,
        [order.id],
      );
      expect(counts).toEqual({ shipments: 1, rows: 2 });
      expect(statusQuantity(order.po, 'Shipped')).toBe(1);
    });

    it('150 concurrent copies of one confirmation all answer the same shipment; Walmart ships once', async () => {
      const order = await anOrder('CREATED');
      const writes = walmartWrites(order.po);
      const input = shipInput(order, validTrackingNumber('UPS'), { expectedVersion: order.version });
      const results = await Promise.all(Array.from({ length: 150 }, () => app.gql(SHIP, { input })));
      expect(results.filter((r) => r.errors).map((r) => r.errors)).toEqual([]);
      expect(new Set(results.map((r) => r.data!.confirmShipment.shipment.id)).size).toBe(1);
      await settledOutbox(app, order.id);
      expect(writes()).toBe(2); // acknowledge, then ship
      expect(statusQuantity(order.po, 'Shipped')).toBe(1);
    });

    it('a stale expectedVersion answers CONFLICT, not RULE_VIOLATION, and not the replay of a different request', async () => {
      const order = await anOrder('ACKNOWLEDGED');
      const tracking = validTrackingNumber('UPS');
      const first = await app.gql(SHIP, { input: shipInput(order, tracking, { expectedVersion: order.version }) });
      expect(first.errors).toBeUndefined();
      // Another unit under another number, at the version the operator saw before the shipment.
      const other = await app.gql(SHIP, {
        input: shipInput(order, validTrackingNumber('UPS'), { expectedVersion: order.version }),
      });
      expect(other.errors?.[0]?.extensions.code).toBe('CONFLICT');
      // The same number and lines but another service, at that stale version: not the same request.
      const changed = await app.gql(SHIP, {
        input: shipInput(order, tracking, { expectedVersion: order.version, service: 'Ground' }),
      });
      expect(changed.errors?.[0]?.extensions.code).toBe('CONFLICT');
      for (const [mutation, input] of [
        [
          CANCEL,
          { orderId: order.id, lines: [{ lineNumber: order.line, quantity: 1 }], reason: 'SELLER_CANCEL_OUT_OF_STOCK' },
        ],
        [REFUND, { orderId: order.id, lines: [{ lineNumber: order.line, amountCents: 100, reason: 'DamagedItem' }] }],
      ] as const) {
        const stale = await app.gql(mutation, { input: { ...input, expectedVersion: order.version } });
        expect(stale.errors?.[0]?.extensions.code).toBe('CONFLICT');
      }
      await settledOutbox(app, order.id);
    });

    it('concurrent cancellations of one unit: one is taken, the others CONFLICT', async () => {
      const order = await anOrder('ACKNOWLEDGED');
      const results = await Promise.all(
        ['SELLER_CANCEL_OUT_OF_STOCK', 'SELLER_CANCEL_PRICING_ERROR', 'SELLER_CANCEL_OUT_OF_STOCK'].map((reason, i) =>
          app.gql(CANCEL, {
            input: {
              orderId: order.id,
              lines: [{ lineNumber: order.line, quantity: 1 }],
              reason,
              expectedVersion: i === 2 ? order.version : null,
            },
          }),
        ),
      );
      const codes = results.map((r) => r.errors?.[0]?.extensions.code ?? 'OK');
      expect(codes.filter((c) => c === 'OK')).toHaveLength(1);
      expect(codes.filter((c) => c !== 'OK' && c !== 'CONFLICT' && c !== 'RULE_VIOLATION')).toEqual([]);
      await settledOutbox(app, order.id);
      expect(await outboxCount(order.id, 'CANCEL')).toBe(1);
    });
  });
});
