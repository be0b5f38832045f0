import { createSandbox, type Sandbox } from '@order-hub/sandbox';
import { settledOutbox } from './support/outbox-helpers';
import { driverName, startDriverApp, testDrivers } from './support/job-drivers';
import type { TestApp } from './support/test-app';
import { connectSandboxAccount, syncAndWait, type ConnectedAccount } from './support/sync-helpers';
import { validTrackingNumber } from './support/tracking-numbers';

const SHIP = `mutation($input: ShipmentInput!) {
  confirmShipment(input: $input) { shipment { id carrier trackingNumber source } warnings { code severity } outbox { id operation status } }
}`;

/** The rows of an order's outbox other than its acknowledgement, as [operation, status]. */
const actions = (rows: { operation: string; status: string }[]) =>
  rows.filter((r) => r.operation !== 'ACKNOWLEDGE').map((r) => [r.operation, r.status]);

type WalmartView = {
  order: {
    orderLines: {
      orderLine: {
        lineNumber: string;
        orderLineStatuses: {
          orderLineStatus: {
            status: string;
            statusQuantity: { amount: string };
            trackingInfo?: { trackingNumber: string };
          }[];
        };
      }[];
    };
  };
};

describe.each(testDrivers().map((d) => [driverName(d), d] as const))(
  'order actions through the outbox, against the sandbox (%s)',
  (_name, driver) => {
    let sandbox: Sandbox;
    let app: TestApp;
    let walmart: ConnectedAccount;
    let amazon: ConnectedAccount;
    let viewer: string;

    /** An imported order of the account in the given status, with one line of quantity 1. */
    async function anOrder(
      account: ConnectedAccount,
      status: string,
    ): Promise<{ id: string; channelOrderId: string; lineNumber: string; version: number }> {
      const rows = await app.ds.query(
        `SELECT o.id, o.channel_order_id, o.version, min(l.line_number) AS line_number FROM "order" o JOIN order_line l ON l.order_id = o.id
        WHERE o.account_id = $1 AND o.status = $2 AND o.fulfillment_method = 'MERCHANT' AND NOT o.cancellation_requested
          AND NOT EXISTS (SELECT 1 FROM outbox x WHERE x.order_id = o.id AND x.operation <> 'ACKNOWLEDGE')
        GROUP BY o.id HAVING count(*) = 1 AND sum(l.quantity_ordered) = 1 LIMIT 1`,
        [account.hubId, status],
      );
      if (!rows[0]) throw new Error(`No ${status} order left in ${account.hubId}`);
      return {
        id: rows[0].id,
        channelOrderId: rows[0].channel_order_id,
        lineNumber: rows[0].line_number,
        version: rows[0].version,
      };
    }

    const walmartLines = (po: string) =>
      (sandbox.orderState('WALMART', po).view as WalmartView).order.orderLines.orderLine;

    beforeAll(async () => {
      sandbox = await createSandbox({ seed: 31, throttling: { rateScale: 1000 } });
      app = await startDriverApp(driver, { CHANNEL_RATE_SCALE: '1000' }, 10);
      walmart = await connectSandboxAccount(app, sandbox, 'WALMART', 'Actions Walmart');
      amazon = await connectSandboxAccount(app, sandbox, 'AMAZON', 'Actions Amazon');
      sandbox.generateOrders({
        accountId: walmart.sandboxAccountId,
        count: 60,
        seed: 1,
        mix: { multiLine: 0, multiQuantity: 0, intentToCancel: 0, channelFulfilled: 0.1 },
      });
      sandbox.generateOrders({
        accountId: walmart.sandboxAccountId,
        count: 3,
        seed: 3,
        mix: { multiLine: 0, multiQuantity: 0, intentToCancel: 1, channelFulfilled: 0 },
      });
      sandbox.generateOrders({
        accountId: amazon.sandboxAccountId,
        count: 30,
        seed: 2,
        mix: { multiLine: 0, multiQuantity: 0, intentToCancel: 0, channelFulfilled: 0 },
      });
      sandbox.clock.advance(3 * 60_000);
      for (const a of [walmart, amazon]) expect((await syncAndWait(app, a.hubId)).lastError).toBeNull();
      viewer = (await app.gql(`mutation { createApiToken(input: { name: "bi", role: VIEWER }) { token } }`)).data!
        .createApiToken.token;
      // Half the Walmart orders acknowledged up front, as a warehouse would find them.
      // Orders whose buyer asked to cancel stay as they are, for the test of Walmart's refusal.
      const created: { id: string }[] = await app.ds.query(
        `SELECT id FROM "order" WHERE account_id = $1 AND status = 'CREATED' AND fulfillment_method = 'MERCHANT' AND NOT cancellation_requested ORDER BY id LIMIT 25`,
        [walmart.hubId],
      );
      const acked = await app.gql(`mutation($ids: [ID!]!) { acknowledgeOrders(ids: $ids) { outcome } }`, {
        ids: created.map((c) => c.id),
      });
      expect(acked.data!.acknowledgeOrders.every((a: { outcome: string }) => a.outcome === 'QUEUED')).toBe(true);
      for (const c of created) await settledOutbox(app, c.id);
    });
    afterAll(async () => {
      await app?.close();
      await sandbox?.close();
    });

    it('acknowledges Walmart orders through the outbox, and says why for the others', async () => {
      const order = await anOrder(walmart, 'CREATED');
      const az = await anOrder(amazon, 'ACKNOWLEDGED');
      const res = await app.gql(`mutation($ids: [ID!]!) { acknowledgeOrders(ids: $ids) { orderId outcome message } }`, {
        ids: [order.id, az.id, '00000000-0000-4000-8000-000000000000'],
      });
      expect(res.data!.acknowledgeOrders).toEqual([
        { orderId: order.id, outcome: 'QUEUED', message: null },
        { orderId: az.id, outcome: 'NOT_NEEDED', message: null },
        {
          orderId: '00000000-0000-4000-8000-000000000000',
          outcome: 'REFUSED',
          message: expect.stringMatching(/does not exist/),
        },
      ]);
      expect(await settledOutbox(app, order.id)).toEqual([
        expect.objectContaining({ operation: 'ACKNOWLEDGE', status: 'DELIVERED' }),
      ]);
      expect(walmartLines(order.channelOrderId)[0].orderLineStatuses.orderLineStatus.map((s) => s.status)).toEqual([
        'Acknowledged',
      ]);
    });

    it('ships a Walmart order that was never acknowledged: acknowledge first, then ship, both read back from Walmart', async () => {
      const order = await anOrder(walmart, 'CREATED');
      const tracking = validTrackingNumber('UPS');
      const res = await app.gql(SHIP, {
        input: {
          orderId: order.id,
          lines: [{ lineNumber: order.lineNumber, quantity: 1 }],
          carrier: 'UPS',
          service: 'Standard',
          trackingNumber: tracking,
          shippedAt: new Date().toISOString(),
        },
      });
      expect(res.errors).toBeUndefined();
      expect(res.data!.confirmShipment.shipment).toMatchObject({
        carrier: 'UPS',
        trackingNumber: tracking,
        source: 'HUB',
      });
      expect(res.data!.confirmShipment.outbox.map((o: { operation: string }) => o.operation)).toEqual([
        'ACKNOWLEDGE',
        'SHIP',
      ]);
      expect((await settledOutbox(app, order.id)).map((o) => [o.operation, o.status])).toEqual([
        ['ACKNOWLEDGE', 'DELIVERED'],
        ['SHIP', 'DELIVERED'],
      ]);
      const [status] = walmartLines(order.channelOrderId)[0].orderLineStatuses.orderLineStatus;
      expect([status.status, status.trackingInfo?.trackingNumber]).toEqual(['Shipped', tracking]);
      const [hub] = await app.ds.query(`SELECT status FROM "order" WHERE id = $1`, [order.id]);
      expect(hub.status).toBe('SHIPPED');
    });

    it.each([
      [
        'an Amazon Logistics carrier',
        { carrier: 'AMAZON_LOGISTICS', trackingNumber: 'TBA304918275012' },
        'AMAZON_LOGISTICS_ON_WALMART',
      ],
      [
        'a TBA number under another carrier',
        {
          carrier: 'OTHER',
          carrierName: 'Amazon Shipping',
          trackingNumber: 'TBA304918275012',
          trackingUrl: 'https://track.amazon.com/x',
        },
        'AMAZON_LOGISTICS_ON_WALMART',
      ],
      ['a wrong UPS check digit', { carrier: 'UPS', trackingNumber: '1ZA4W7E90065360731' }, 'TRACKING_CHECK_DIGIT'],
      ['a placeholder number', { carrier: 'USPS', trackingNumber: '12345' }, 'TRACKING_PLACEHOLDER'],
    ])('refuses %s on a Walmart order with RULE_VIOLATION, and records nothing', async (_name, shipment, code) => {
      const order = await anOrder(walmart, 'ACKNOWLEDGED');
      const res = await app.gql(SHIP, {
        input: {
          orderId: order.id,
          lines: [{ lineNumber: order.lineNumber, quantity: 1 }],
          shippedAt: new Date().toISOString(),
          ...shipment,
        },
      });
      expect(res.errors?.[0]?.extensions.code).toBe('RULE_VIOLATION');
      expect((res.errors![0].extensions.violations as { code: string }[]).map((v) => v.code)).toContain(code);
      const [counts] = await app.ds.query(
        `SELECT (SELECT count(*)::int FROM shipment WHERE order_id = $1) AS shipments, (SELECT count(*)::int FROM outbox WHERE order_id = $1 AND operation <> 'ACKNOWLEDGE') AS outbox, (SELECT version FROM "order" WHERE id = $1) AS version`,
        [order.id],
      );
      expect(counts).toEqual({ shipments: 0, outbox: 0, version: order.version });
    });

    it('confirms an Amazon shipment per package and corrects its tracking, each read back from Amazon', async () => {
      const order = await anOrder(amazon, 'ACKNOWLEDGED');
      const first = validTrackingNumber('USPS');
      const res = await app.gql(SHIP, {
        input: {
          orderId: order.id,
          lines: [{ lineNumber: order.lineNumber, quantity: 1 }],
          carrier: 'USPS',
          trackingNumber: first,
          shippedAt: new Date().toISOString(),
        },
      });
      expect(res.errors).toBeUndefined();
      expect((await settledOutbox(app, order.id)).map((o) => o.status)).toEqual(['DELIVERED']);
      const second = validTrackingNumber('UPS');
      const fix = await app.gql(
        `mutation($id: ID!, $input: TrackingUpdateInput!) { updateTracking(shipmentId: $id, input: $input) { shipment { trackingNumber carrier } outbox { operation } } }`,
        {
          id: res.data!.confirmShipment.shipment.id,
          input: { carrier: 'UPS', trackingNumber: second },
        },
      );
      expect(fix.errors).toBeUndefined();
      expect(fix.data!.updateTracking.shipment).toEqual({ trackingNumber: second, carrier: 'UPS' });
      expect((await settledOutbox(app, order.id)).map((o) => [o.operation, o.status])).toEqual([
        ['SHIP', 'DELIVERED'],
        ['UPDATE_TRACKING', 'DELIVERED'],
      ]);
      const packages = (
        sandbox.orderState('AMAZON', order.channelOrderId).view as { order: { packages: { trackingNumber: string }[] } }
      ).order.packages;
      expect(packages.map((p) => p.trackingNumber)).toEqual([second]);
    });

    it('cancels Walmart lines with a current reason, and names a retired one', async () => {
      const order = await anOrder(walmart, 'ACKNOWLEDGED');
      const retired = await app.gql(
        `mutation($input: CancelOrderLinesInput!) { cancelOrderLines(input: $input) { orderId } }`,
        {
          input: {
            orderId: order.id,
            lines: [{ lineNumber: order.lineNumber, quantity: 1 }],
            reason: 'SELLER_CANCEL_CUSTOMER_CHANGE_ORDER',
          },
        },
      );
      expect(retired.errors?.[0]?.extensions.code).toBe('RULE_VIOLATION');
      expect(retired.errors![0].extensions.violations).toEqual([
        expect.objectContaining({ code: 'CANCEL_REASON_RETIRED', field: 'input.reason' }),
      ]);
      const res = await app.gql(
        `mutation($input: CancelOrderLinesInput!) { cancelOrderLines(input: $input) { outbox { operation } } }`,
        {
          input: {
            orderId: order.id,
            lines: [{ lineNumber: order.lineNumber, quantity: 1 }],
            reason: 'SELLER_CANCEL_OUT_OF_STOCK',
          },
        },
      );
      expect(res.errors).toBeUndefined();
      expect(actions(await settledOutbox(app, order.id))).toEqual([['CANCEL', 'DELIVERED']]);
      expect(walmartLines(order.channelOrderId)[0].orderLineStatuses.orderLineStatus.map((s) => s.status)).toEqual([
        'Cancelled',
      ]);
      const [hub] = await app.ds.query(`SELECT status FROM "order" WHERE id = $1`, [order.id]);
      expect(hub.status).toBe('CANCELLED');
    });

    it('refuses the retired Walmart cancel code "Cancelled by MP Partner" and names the current ones', async () => {
      const order = await anOrder(walmart, 'ACKNOWLEDGED');
      const res = await app.gql(
        `mutation($input: CancelOrderLinesInput!) { cancelOrderLines(input: $input) { orderId } }`,
        {
          input: {
            orderId: order.id,
            lines: [{ lineNumber: order.lineNumber, quantity: 1 }],
            reason: 'Cancelled by MP Partner',
          },
        },
      );
      expect(res.errors?.[0]?.extensions.code).toBe('RULE_VIOLATION');
      const [v] = res.errors![0].extensions.violations as { code: string; field: string; message: string }[];
      expect(v).toMatchObject({ code: 'CANCEL_REASON_RETIRED', field: 'input.reason' });
      expect(v.message).toContain('SELLER_CANCEL_OUT_OF_STOCK');
      expect(actions(await settledOutbox(app, order.id))).toEqual([]);
    });

    it('takes CUSTOMER_REQUESTED_SELLER_TO_CANCEL only on a line the buyer asked to cancel (CANCEL_REASON_REQUIRES_BUYER_REQUEST otherwise)', async () => {
      const reason = 'CUSTOMER_REQUESTED_SELLER_TO_CANCEL';
      const mutation = `mutation($input: CancelOrderLinesInput!) { cancelOrderLines(input: $input) { outbox { operation } } }`;
      const unasked = await anOrder(walmart, 'ACKNOWLEDGED');
      const refused = await app.gql(mutation, {
        input: { orderId: unasked.id, lines: [{ lineNumber: unasked.lineNumber, quantity: 1 }], reason },
      });
      expect(refused.errors?.[0]?.extensions.code).toBe('RULE_VIOLATION');
      expect(refused.errors![0].extensions.violations).toEqual([
        expect.objectContaining({
          code: 'CANCEL_REASON_REQUIRES_BUYER_REQUEST',
          field: 'input.reason',
          severity: 'BLOCK',
        }),
      ]);
      expect(actions(await settledOutbox(app, unasked.id))).toEqual([]);

      const [asked] = await app.ds.query(
        `SELECT o.id, o.channel_order_id, min(l.line_number) AS line_number FROM "order" o JOIN order_line l ON l.order_id = o.id
        WHERE o.account_id = $1 AND l.cancellation_requested AND o.status IN ('CREATED', 'ACKNOWLEDGED') AND o.fulfillment_method = 'MERCHANT'
        GROUP BY o.id HAVING count(*) = 1 AND sum(l.quantity_ordered) = 1 ORDER BY o.id LIMIT 1`,
        [walmart.hubId],
      );
      const res = await app.gql(mutation, {
        input: { orderId: asked.id, lines: [{ lineNumber: asked.line_number, quantity: 1 }], reason },
      });
      expect(res.errors).toBeUndefined();
      expect(actions(await settledOutbox(app, asked.id))).toContainEqual(['CANCEL', 'DELIVERED']);
      expect(walmartLines(asked.channel_order_id)[0].orderLineStatuses.orderLineStatus.map((s) => s.status)).toEqual([
        'Cancelled',
      ]);
    });

    it('cancels an Amazon item through the acknowledgement feed, delivered once the feed is processed', async () => {
      const order = await anOrder(amazon, 'ACKNOWLEDGED');
      const res = await app.gql(
        `mutation($input: CancelOrderLinesInput!) { cancelOrderLines(input: $input) { outbox { operation } } }`,
        {
          input: { orderId: order.id, lines: [{ lineNumber: order.lineNumber, quantity: 1 }], reason: 'NoInventory' },
        },
      );
      expect(res.errors).toBeUndefined();
      // Amazon processes feeds in minutes: the row waits IN_PROGRESS until the sandbox clock moves on.
      await new Promise((r) => setTimeout(r, 500));
      sandbox.clock.advance(4 * 60_000);
      expect((await settledOutbox(app, order.id)).map((o) => [o.operation, o.status])).toEqual([
        ['CANCEL', 'DELIVERED'],
      ]);
    });

    it('refunds a shipped Walmart line, never above what was charged', async () => {
      const order = await anOrder(walmart, 'ACKNOWLEDGED');
      await app.gql(SHIP, {
        input: {
          orderId: order.id,
          lines: [{ lineNumber: order.lineNumber, quantity: 1 }],
          carrier: 'UPS',
          trackingNumber: validTrackingNumber('UPS'),
          shippedAt: new Date().toISOString(),
        },
      });
      await settledOutbox(app, order.id);
      const refund = (amountCents: number) =>
        app.gql(
          `mutation($input: RefundOrderLinesInput!) { refundOrderLines(input: $input) { outbox { operation status } } }`,
          {
            input: { orderId: order.id, lines: [{ lineNumber: order.lineNumber, amountCents, reason: 'DamagedItem' }] },
          },
        );
      const tooMuch = await refund(10_000_000);
      expect(tooMuch.errors?.[0]?.extensions.code).toBe('RULE_VIOLATION');
      expect(tooMuch.errors![0].extensions.violations).toEqual([
        expect.objectContaining({ code: 'REFUND_ABOVE_CHARGE', field: 'input.lines[0].amountCents' }),
      ]);
      expect((await refund(150)).errors).toBeUndefined();
      expect(actions(await settledOutbox(app, order.id))).toEqual([
        ['SHIP', 'DELIVERED'],
        ['REFUND', 'DELIVERED'],
      ]);
    });

    it('lets one of two concurrent confirmations of the same units through; the other is refused, never shipped twice', async () => {
      const order = await anOrder(walmart, 'ACKNOWLEDGED');
      const input = (tracking: string) => ({
        orderId: order.id,
        lines: [{ lineNumber: order.lineNumber, quantity: 1 }],
        carrier: 'UPS',
        trackingNumber: tracking,
        shippedAt: new Date().toISOString(),
      });
      const results = await Promise.all([
        app.gql(SHIP, { input: input(validTrackingNumber('UPS')) }),
        app.gql(SHIP, { input: input(validTrackingNumber('UPS')) }),
      ]);
      const refused = results.filter((r) => r.errors);
      expect(results.filter((r) => !r.errors)).toHaveLength(1);
      expect(refused).toHaveLength(1);
      expect(['CONFLICT', 'RULE_VIOLATION']).toContain(refused[0].errors![0].extensions.code);
      const [counts] = await app.ds.query(`SELECT count(*)::int AS shipments FROM shipment WHERE order_id = $1`, [
        order.id,
      ]);
      expect(counts.shipments).toBe(1);
      expect(actions(await settledOutbox(app, order.id))).toEqual([['SHIP', 'DELIVERED']]);
    });

    it('answers CONFLICT when the order changed since the version the operator saw', async () => {
      const order = await anOrder(walmart, 'ACKNOWLEDGED');
      await app.ds.query(`UPDATE "order" SET version = version + 1 WHERE id = $1`, [order.id]);
      const res = await app.gql(SHIP, {
        input: {
          orderId: order.id,
          expectedVersion: order.version,
          lines: [{ lineNumber: order.lineNumber, quantity: 1 }],
          carrier: 'UPS',
          trackingNumber: validTrackingNumber('UPS'),
          shippedAt: new Date().toISOString(),
        },
      });
      expect(res.errors?.[0]?.extensions.code).toBe('CONFLICT');
    });

    it('confirms shipments from a CSV file row by row, each applied whole or refused with its reasons', async () => {
      const [a, b] = [await anOrder(walmart, 'ACKNOWLEDGED'), await anOrder(amazon, 'ACKNOWLEDGED')];
      const good = validTrackingNumber('UPS');
      const csv = [
        'Order Number,Line,Qty,Carrier,Tracking Number',
        `${a.channelOrderId},${a.lineNumber},1,UPS,${good}`,
        `${b.channelOrderId},${b.lineNumber},1,USPS,12345`,
        `999-0000000-0000000,1,1,UPS,${validTrackingNumber('UPS')}`,
        `${a.channelOrderId},${a.lineNumber},two,UPS,${validTrackingNumber('UPS')}`,
      ].join('\n');
      const res = await app.gql(
        `mutation($csv: String!) { confirmShipmentsCsv(csv: $csv) { applied refused rows { row orderNumber ok shipmentId error violations { code } } } }`,
        { csv },
      );
      expect(res.errors).toBeUndefined();
      const report = res.data!.confirmShipmentsCsv;
      expect([report.applied, report.refused]).toEqual([1, 3]);
      expect(report.rows.map((r: { row: number; ok: boolean }) => [r.row, r.ok])).toEqual([
        [2, true],
        [3, false],
        [4, false],
        [5, false],
      ]);
      expect(report.rows[1].violations.map((v: { code: string }) => v.code)).toContain('TRACKING_PLACEHOLDER');
      expect(report.rows[2].error).toMatch(/999-0000000-0000000 is not an order in the hub/);
      expect(report.rows[3].error).toMatch(/"two" is not a whole number/);
      expect(actions(await settledOutbox(app, a.id))).toEqual([['SHIP', 'DELIVERED']]);
      const [untouched] = await app.ds.query(`SELECT count(*)::int AS n FROM shipment WHERE order_id = $1`, [b.id]);
      expect(untouched.n).toBe(0);

      const noHeader = await app.gql(`mutation { confirmShipmentsCsv(csv: "order,line\\n1,2") { applied } }`);
      expect(noHeader.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'csv' });
    });

    it('keeps a shipment Walmart refuses as FAILED with its message; retry sends it again, discard undoes it', async () => {
      const [order] = await app.ds.query(
        `SELECT o.id, min(l.line_number) AS line FROM "order" o JOIN order_line l ON l.order_id = o.id
        WHERE o.account_id = $1 AND o.cancellation_requested AND o.status IN ('CREATED', 'ACKNOWLEDGED') AND o.fulfillment_method = 'MERCHANT' GROUP BY o.id HAVING count(*) = 1 LIMIT 1`,
        [walmart.hubId],
      );
      // The buyer asked to cancel; shipping without the override is Walmart's refusal to make.
      const res = await app.gql(SHIP, {
        input: {
          orderId: order.id,
          lines: [{ lineNumber: order.line, quantity: 1 }],
          carrier: 'UPS',
          trackingNumber: validTrackingNumber('UPS'),
          shippedAt: new Date().toISOString(),
        },
      });
      expect(res.errors).toBeUndefined();
      const settled = await settledOutbox(app, order.id);
      const failed = settled.find((o) => o.operation === 'SHIP')!;
      expect(failed).toMatchObject({ status: 'FAILED', lastError: expect.stringMatching(/intent to cancel/) });
      const queue = await app.gql(
        `{ outboxEntries(statuses: [FAILED]) { edges { node { id lastError attemptLog { outcome responseStatus } } } } }`,
      );
      const entry = queue
        .data!.outboxEntries.edges.map((e: { node: { id: string } }) => e.node)
        .find((n: { id: string }) => n.id === failed.id);
      expect(entry.attemptLog).toEqual([expect.objectContaining({ outcome: 'FAILED', responseStatus: 400 })]);

      const retried = await app.gql(`mutation($id: ID!) { retryOutboxEntry(id: $id) { status attempts } }`, {
        id: failed.id,
      });
      expect(retried.data!.retryOutboxEntry).toEqual({ status: 'PENDING', attempts: 0 });
      expect((await settledOutbox(app, order.id)).find((o) => o.id === failed.id)!.status).toBe('FAILED');

      const noReason = await app.gql(`mutation($id: ID!) { discardOutboxEntry(id: $id, reason: " ") { status } }`, {
        id: failed.id,
      });
      expect(noReason.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
      const discarded = await app.gql(
        `mutation($id: ID!) { discardOutboxEntry(id: $id, reason: "Buyer cancelled; cancelling instead") { status discardReason } }`,
        { id: failed.id },
      );
      expect(discarded.data!.discardOutboxEntry).toEqual({
        status: 'DEAD',
        discardReason: 'Buyer cancelled; cancelling instead',
      });
      const [after] = await app.ds.query(
        `SELECT status, (SELECT count(*)::int FROM shipment WHERE order_id = $1) AS shipments, (SELECT sum(quantity_shipped)::int FROM order_line WHERE order_id = $1) AS shipped FROM "order" WHERE id = $1`,
        [order.id],
      );
      expect(after).toEqual({ status: 'ACKNOWLEDGED', shipments: 0, shipped: 0 });
    });

    it('needs the OPERATOR role for every action', async () => {
      const id = '00000000-0000-4000-8000-000000000000';
      const mutations = [
        [`mutation { acknowledgeOrders(ids: ["${id}"]) { outcome } }`],
        [
          SHIP,
          {
            input: {
              orderId: id,
              lines: [{ lineNumber: '1', quantity: 1 }],
              carrier: 'UPS',
              trackingNumber: '1',
              shippedAt: new Date().toISOString(),
            },
          },
        ],
        [
          `mutation { updateTracking(shipmentId: "${id}", input: { carrier: UPS, trackingNumber: "1" }) { outbox { id } } }`,
        ],
        [
          `mutation { cancelOrderLines(input: { orderId: "${id}", lines: [{ lineNumber: "1", quantity: 1 }], reason: "x" }) { orderId } }`,
        ],
        [
          `mutation { refundOrderLines(input: { orderId: "${id}", lines: [{ lineNumber: "1", amountCents: 1, reason: "x" }] }) { orderId } }`,
        ],
        [`mutation { confirmShipmentsCsv(csv: "order,line,quantity,carrier,tracking") { applied } }`],
        [`mutation { retryOutboxEntry(id: "${id}") { id } }`],
        [`mutation { discardOutboxEntry(id: "${id}", reason: "x") { id } }`],
      ] as const;
      for (const [query, variables] of mutations) {
        const res = await app.gql(query, variables ?? {}, viewer);
        expect([query.slice(0, 40), res.errors?.[0]?.extensions.code]).toEqual([query.slice(0, 40), 'FORBIDDEN']);
      }
    });
  },
);
