import { createSandbox, type Sandbox } from '@order-hub/sandbox';
import { ComplianceAlarmsService } from '../src/modules/compliance/compliance-alarms.service';
import { driverName, startDriverApp, testDrivers } from './support/job-drivers';
import { settledOutbox } from './support/outbox-helpers';
import type { TestApp } from './support/test-app';
import { connectSandboxAccount, syncAndWait, type ConnectedAccount } from './support/sync-helpers';
import { validTrackingNumber } from './support/tracking-numbers';
import { until } from './support/wait';

const SHIP = `mutation($input: ShipmentInput!) { confirmShipment(input: $input) { shipment { id } outbox { id operation } } }`;
const RETRY = `mutation($id: ID!, $fix: OutboxFixInput) { retryOutboxEntry(id: $id, fix: $fix) { id status attempts payload refusal } }`;
const ORDER = `query($id: ID!) {
  order(id: $id) { status version lines { lineNumber quantityShipped quantityCancelled quantityRefunded } shipments { id trackingNumber }
    channelRefusals { state operation reason refusedAt entry { id status } } }
}`;
const IN_VIEW = `query($view: OrderView!, $search: String) {
  orders(filter: { view: $view, search: $search }, first: 50) { edges { node { id channelRefusals { state reason } } } }
}`;

type Refusal = {
  state: string;
  operation: string;
  reason: string;
  refusedAt: string;
  entry: { id: string; status: string };
};
type OrderView = {
  status: string;
  lines: { lineNumber: string; quantityShipped: number; quantityCancelled: number; quantityRefunded: number }[];
  shipments: { id: string; trackingNumber: string }[];
  channelRefusals: Refusal[];
};
type WalmartLines = {
  order: {
    orderLines: {
      orderLine: {
        orderLineStatuses: { orderLineStatus: { status: string; trackingInfo?: { trackingNumber: string } }[] };
      }[];
    };
  };
};

describe.each(testDrivers().map((d) => [driverName(d), d] as const))(
  'a channel refusal is never silent (%s)',
  (_name, driver) => {
    let sandbox: Sandbox;
    let app: TestApp;
    let walmart: ConnectedAccount;
    let alarms: ComplianceAlarmsService;

    const orderView = async (id: string): Promise<OrderView> => (await app.gql(ORDER, { id })).data!.order as OrderView;
    const idsIn = async (view: string, search?: string): Promise<string[]> =>
      ((await app.gql(IN_VIEW, { view, search })).data!.orders.edges as { node: { id: string } }[]).map(
        (e) => e.node.id,
      );
    const needsAttentionCount = async (): Promise<number> =>
      (
        (await app.gql(`{ orderViewCounts { view count } }`)).data!.orderViewCounts as { view: string; count: number }[]
      ).find((c) => c.view === 'NEEDS_ATTENTION')!.count;
    const openAlarms = async (orderId: string): Promise<string[]> =>
      (
        await app.ds.query<{ kind: string }[]>(
          `SELECT kind FROM alert WHERE order_id = $1 AND resolved_at IS NULL ORDER BY kind`,
          [orderId],
        )
      ).map((a) => a.kind);

    /** An acknowledged Walmart order with one line of quantity 1 the hub has not acted on; `intentToCancel`: its buyer asked to cancel. */
    async function anOrder(intentToCancel: boolean): Promise<{ id: string; po: string; line: string }> {
      const [row] = await app.ds.query(
        `SELECT o.id, o.channel_order_id AS po, min(l.line_number) AS line FROM "order" o JOIN order_line l ON l.order_id = o.id
        WHERE o.account_id = $1 AND o.cancellation_requested = $2 AND o.status IN ('CREATED', 'ACKNOWLEDGED') AND o.fulfillment_method = 'MERCHANT'
          AND NOT EXISTS (SELECT 1 FROM outbox x WHERE x.order_id = o.id)
        GROUP BY o.id HAVING count(*) = 1 AND sum(l.quantity_ordered) = 1 ORDER BY o.id LIMIT 1`,
        [walmart.hubId, intentToCancel],
      );
      if (!row) throw new Error('No order left for the test');
      return row;
    }

    async function shipAndSettle(order: { id: string; line: string }): Promise<string> {
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
      await settledOutbox(app, order.id);
      return (res.data!.confirmShipment.outbox as { id: string; operation: string }[]).find(
        (r) => r.operation === 'SHIP',
      )!.id;
    }

    beforeAll(async () => {
      sandbox = await createSandbox({ seed: 77, throttling: { rateScale: 1000 } });
      // Two attempts before a row is DEAD, quickly, so the dead-row cases run in seconds.
      app = await startDriverApp(
        driver,
        {
          CHANNEL_RATE_SCALE: '1000',
          OUTBOX_MAX_ATTEMPTS: '2',
          OUTBOX_RETRY_BASE_MS: '20',
          OUTBOX_RETRY_MAX_MS: '50',
          CHANNEL_RETRY_BASE_MS: '10',
        },
        9,
      );
      alarms = app.running.app.get(ComplianceAlarmsService);
      walmart = await connectSandboxAccount(app, sandbox, 'WALMART', 'Refusals Walmart');
      sandbox.generateOrders({
        accountId: walmart.sandboxAccountId,
        count: 12,
        seed: 5,
        mix: { multiLine: 0, multiQuantity: 0, intentToCancel: 0, channelFulfilled: 0 },
      });
      sandbox.generateOrders({
        accountId: walmart.sandboxAccountId,
        count: 5,
        seed: 6,
        mix: { multiLine: 0, multiQuantity: 0, intentToCancel: 1, channelFulfilled: 0 },
      });
      sandbox.clock.advance(3 * 60_000);
      expect((await syncAndWait(app, walmart.hubId)).lastError).toBeNull();
    });
    afterAll(async () => {
      await app?.close();
      await sandbox?.close();
    });

    it('a Walmart shipment the channel refuses is back in Past due with the reason, PAST_SHIP_BY fires on it, and a fix and resend delivers it', async () => {
      const order = await anOrder(true);
      // Its ship-by has just passed: the order is late (Past due, and not Due today: the views are disjoint), so its
      // alarms must be heard once the refusal lands.
      await app.ds.query(`UPDATE "order" SET ship_by = $2 WHERE id = $1`, [order.id, new Date(Date.now() - 60_000)]);
      expect(await idsIn('PAST_DUE', order.po)).toEqual([order.id]);
      expect(await idsIn('DUE_TODAY', order.po)).toEqual([]);

      // The buyer asked to cancel; shipping without the override is Walmart's refusal to make.
      const asked = Date.now();
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
      const shipRow = (res.data!.confirmShipment.outbox as { id: string; operation: string }[]).find(
        (r) => r.operation === 'SHIP',
      )!.id;
      const back = await until(
        'the refused order back in Past due',
        () => app.gql(IN_VIEW, { view: 'PAST_DUE', search: order.po }),
        (r) => (r.data!.orders.edges as { node: { channelRefusals: unknown[] } }[])[0]?.node.channelRefusals.length > 0,
        30_000,
      );
      const backAfterMs = Date.now() - asked;

      const [attempt] = await app.ds.query(
        `SELECT outcome, response_status, attempt FROM outbox_attempt WHERE outbox_id = $1 ORDER BY attempt`,
        [shipRow],
      );
      expect(attempt).toEqual({ outcome: 'FAILED', response_status: 400, attempt: 1 });
      const refused = await orderView(order.id);
      expect(refused.status).toBe('ACKNOWLEDGED');
      expect(refused.lines).toEqual([
        { lineNumber: order.line, quantityShipped: 0, quantityCancelled: 0, quantityRefunded: 0 },
      ]);
      expect(refused.shipments).toEqual([]);
      expect(refused.channelRefusals).toEqual([
        {
          state: 'REJECTED',
          operation: 'SHIP',
          reason: expect.stringMatching(/\S/),
          refusedAt: expect.any(String),
          entry: { id: shipRow, status: 'FAILED' },
        },
      ]);
      expect(back.data!.orders.edges[0].node.channelRefusals[0].reason).toBe(refused.channelRefusals[0].reason);
      for (const view of ['PAST_DUE', 'AT_RISK', 'NEEDS_ATTENTION'])
        expect([view, await idsIn(view, order.po)]).toEqual([view, [order.id]]);
      expect((await idsIn('NEEDS_ATTENTION'))[0]).toBe(order.id);
      expect(await needsAttentionCount()).toBeGreaterThanOrEqual(1);
      // Within one delivery attempt: the refusal and the order's way back are one transaction.
      expect(backAfterMs).toBeLessThan(30_000);
      process.stdout.write(
        `refused shipment back in Past due ${backAfterMs} ms after confirmShipment (attempts: ${attempt.attempt})\n`,
      );

      await alarms.scan(new Date(), false);
      expect(await openAlarms(order.id)).toEqual(
        expect.arrayContaining(['AUTO_CANCEL_RISK', 'OUTBOX_FAILED', 'PAST_SHIP_BY']),
      );

      // The fix goes through the rules again: an Amazon Logistics number is refused, naming the field.
      const blocked = await app.gql(RETRY, {
        id: shipRow,
        fix: { trackingNumber: 'TBA304918275012', intentToCancelOverride: true },
      });
      expect(blocked.errors?.[0]?.extensions.code).toBe('RULE_VIOLATION');
      expect(blocked.errors![0].extensions.violations).toEqual(
        expect.arrayContaining([expect.objectContaining({ field: 'fix.trackingNumber', severity: 'BLOCK' })]),
      );
      // The shipment input checks name the fix's field too (a javascript: URL is never kept).
      const badUrl = await app.gql(RETRY, { id: shipRow, fix: { trackingUrl: 'javascript:alert(1)' } });
      expect(badUrl.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'fix.trackingUrl' });
      expect(badUrl.errors![0].message).toMatch(/^fix\.trackingUrl: /);
      const wrongField = await app.gql(RETRY, { id: shipRow, fix: { reason: 'SELLER_CANCEL_OUT_OF_STOCK' } });
      expect(wrongField.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'fix.reason' });

      const tracking = validTrackingNumber('UPS');
      const resent = await app.gql(RETRY, {
        id: shipRow,
        fix: { trackingNumber: tracking, service: 'Ground', intentToCancelOverride: true },
      });
      expect(resent.errors).toBeUndefined();
      expect(resent.data!.retryOutboxEntry).toMatchObject({
        attempts: 0,
        payload: expect.objectContaining({ trackingNumber: tracking, service: 'Ground', intentToCancelOverride: true }),
      });
      expect((await settledOutbox(app, order.id)).find((r) => r.id === shipRow)!.status).toBe('DELIVERED');
      const delivered = await orderView(order.id);
      expect([delivered.status, delivered.channelRefusals, delivered.shipments.map((s) => s.trackingNumber)]).toEqual([
        'SHIPPED',
        [],
        [tracking],
      ]);
      expect(await idsIn('NEEDS_ATTENTION', order.po)).toEqual([]);
      expect(await idsIn('PAST_DUE', order.po)).toEqual([]);
      const [status] = (sandbox.orderState('WALMART', order.po).view as WalmartLines).order.orderLines.orderLine[0]
        .orderLineStatuses.orderLineStatus;
      expect([status.status, status.trackingInfo?.trackingNumber]).toEqual(['Shipped', tracking]);
      await alarms.scan(new Date(), false);
      expect(await openAlarms(order.id)).toEqual([]);
    });

    it('a Walmart cancellation that went dead gives its units back and stays in Needs attention; a new reason resends it', async () => {
      const order = await anOrder(false);
      sandbox.injectFault({ channel: 'WALMART', method: 'POST', route: '/walmart/v3/orders', error500: 1 });
      const res = await app.gql(
        `mutation($input: CancelOrderLinesInput!) { cancelOrderLines(input: $input) { outbox { id operation } } }`,
        {
          input: {
            orderId: order.id,
            lines: [{ lineNumber: order.line, quantity: 1 }],
            reason: 'SELLER_CANCEL_OUT_OF_STOCK',
          },
        },
      );
      expect(res.errors).toBeUndefined();
      const cancelRow = (res.data!.cancelOrderLines.outbox as { id: string; operation: string }[]).find(
        (r) => r.operation === 'CANCEL',
      )!.id;
      const dead = await settledOutbox(app, order.id);
      sandbox.clearFaults();
      expect(dead.find((r) => r.id === cancelRow)).toMatchObject({ status: 'DEAD', attempts: 2 });
      const refused = await orderView(order.id);
      expect(refused.status).not.toBe('CANCELLED');
      expect(refused.lines[0].quantityCancelled).toBe(0);
      expect(refused.channelRefusals).toEqual([
        expect.objectContaining({
          state: 'REJECTED',
          operation: 'CANCEL',
          reason: expect.stringMatching(/Gave up after 2 attempts/),
        }),
      ]);
      expect(await idsIn('NEEDS_ATTENTION', order.po)).toEqual([order.id]);

      const retired = await app.gql(RETRY, { id: cancelRow, fix: { reason: 'SELLER_CANCEL_CUSTOMER_CHANGE_ORDER' } });
      expect(retired.errors?.[0]?.extensions.code).toBe('RULE_VIOLATION');
      expect(retired.errors![0].extensions.violations).toEqual([
        expect.objectContaining({ field: 'fix.reason', severity: 'BLOCK' }),
      ]);
      const resent = await app.gql(RETRY, { id: cancelRow, fix: { reason: 'SELLER_CANCEL_PRICING_ERROR' } });
      expect(resent.errors).toBeUndefined();
      // RESENT lasts until the outbox delivers it, which a fast worker may already have done: never REJECTED again.
      const afterFix = (await orderView(order.id)).channelRefusals as { state: string }[];
      expect(afterFix.filter((r) => r.state !== 'RESENT')).toEqual([]);
      expect(afterFix.length).toBeLessThanOrEqual(1);
      expect((await settledOutbox(app, order.id)).find((r) => r.id === cancelRow)!.status).toBe('DELIVERED');
      const cancelled = await orderView(order.id);
      expect([cancelled.status, cancelled.lines[0].quantityCancelled, cancelled.channelRefusals]).toEqual([
        'CANCELLED',
        1,
        [],
      ]);
      expect(await idsIn('NEEDS_ATTENTION', order.po)).toEqual([]);
    });

    it('a Walmart refund that went dead takes its refunded units back; a new reason resends it', async () => {
      const order = await anOrder(false);
      await shipAndSettle(order);
      // The unit's whole price: the hub counts the unit refunded while the refund is on its way.
      const [{ unit }] = await app.ds.query<{ unit: number }[]>(
        `SELECT unit_price_cents AS unit FROM order_line WHERE order_id = $1`,
        [order.id],
      );
      sandbox.injectFault({ channel: 'WALMART', method: 'POST', route: '/walmart/v3/orders', error500: 1 });
      const res = await app.gql(
        `mutation($input: RefundOrderLinesInput!) { refundOrderLines(input: $input) { outbox { id } } }`,
        {
          input: { orderId: order.id, lines: [{ lineNumber: order.line, amountCents: unit, reason: 'DamagedItem' }] },
        },
      );
      expect(res.errors).toBeUndefined();
      const refundRow = (res.data!.refundOrderLines.outbox as { id: string }[])[0].id;
      const dead = await settledOutbox(app, order.id);
      sandbox.clearFaults();
      expect(dead.find((r) => r.id === refundRow)!.status).toBe('DEAD');
      const refused = await orderView(order.id);
      expect([refused.lines[0].quantityRefunded, refused.channelRefusals]).toEqual([
        0,
        [expect.objectContaining({ state: 'REJECTED', operation: 'REFUND' })],
      ]);

      const unknown = await app.gql(RETRY, { id: refundRow, fix: { reason: 'NotAReason' } });
      expect(unknown.errors?.[0]?.extensions.code).toBe('RULE_VIOLATION');
      expect(unknown.errors![0].extensions.violations).toEqual([expect.objectContaining({ field: 'fix.reason' })]);
      const resent = await app.gql(RETRY, { id: refundRow, fix: { reason: 'Others' } });
      expect(resent.errors).toBeUndefined();
      expect(resent.data!.retryOutboxEntry.payload.lines[0].reason).toBe('Others');
      expect((await settledOutbox(app, order.id)).find((r) => r.id === refundRow)!.status).toBe('DELIVERED');
      const refunded = await orderView(order.id);
      expect([refunded.lines[0].quantityRefunded, refunded.channelRefusals]).toEqual([1, []]);
    });

    it('a refused shipment does not hold up the cancellation sent instead, and resending it afterwards is refused by the rules', async () => {
      const order = await anOrder(true);
      const shipRow = await shipAndSettle(order);
      expect((await orderView(order.id)).channelRefusals).toEqual([
        expect.objectContaining({ state: 'REJECTED', operation: 'SHIP' }),
      ]);
      const res = await app.gql(
        `mutation($input: CancelOrderLinesInput!) { cancelOrderLines(input: $input) { outbox { id operation } } }`,
        {
          input: {
            orderId: order.id,
            lines: [{ lineNumber: order.line, quantity: 1 }],
            reason: 'CUSTOMER_REQUESTED_SELLER_TO_CANCEL',
          },
        },
      );
      expect(res.errors).toBeUndefined();
      const cancelRow = (res.data!.cancelOrderLines.outbox as { id: string }[])[0].id;
      const settled = await settledOutbox(app, order.id);
      expect(settled.find((r) => r.id === cancelRow)!.status).toBe('DELIVERED');
      expect((await orderView(order.id)).status).toBe('CANCELLED');
      // The rules see the units cancelled: nothing is left to ship, and the row stays as the channel refused it.
      const resent = await app.gql(RETRY, { id: shipRow, fix: { intentToCancelOverride: true } });
      expect(resent.errors?.[0]?.extensions.code).toBe('RULE_VIOLATION');
      expect((await settledOutbox(app, order.id)).find((r) => r.id === shipRow)!.status).toBe('FAILED');
      expect((await orderView(order.id)).lines[0]).toMatchObject({ quantityShipped: 0, quantityCancelled: 1 });
    });

    it('a discarded refusal leaves Needs attention and keeps the order as the channel holds it', async () => {
      const order = await anOrder(true);
      const shipRow = await shipAndSettle(order);
      expect((await orderView(order.id)).channelRefusals).toHaveLength(1);
      const discarded = await app.gql(
        `mutation($id: ID!) { discardOutboxEntry(id: $id, reason: "Buyer cancelled; cancelling instead") { status refusedAt } }`,
        { id: shipRow },
      );
      expect(discarded.data!.discardOutboxEntry).toEqual({ status: 'DEAD', refusedAt: null });
      const after = await orderView(order.id);
      expect([after.status, after.shipments, after.channelRefusals, after.lines[0].quantityShipped]).toEqual([
        'ACKNOWLEDGED',
        [],
        [],
        0,
      ]);
      expect(await idsIn('NEEDS_ATTENTION', order.po)).toEqual([]);
    });
  },
);
