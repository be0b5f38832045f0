import { createSandbox, type Sandbox } from '@order-hub/sandbox';
import { settledOutbox, type OutboxView } from './support/outbox-helpers';
import { driverName, startDriverApp, testDrivers } from './support/job-drivers';
import type { TestApp } from './support/test-app';
import { connectSandboxAccount, syncAndWait, type ConnectedAccount } from './support/sync-helpers';
import { validTrackingNumber } from './support/tracking-numbers';

const SHIP = `mutation($input: ShipmentInput!) { confirmShipment(input: $input) { outbox { id } } }`;
const REFUND_RETURN = `mutation($input: RefundReturnInput!) {
  refundReturn(input: $input) {
    return { id status version lines { returnLineNumber quantityRefunded quantityRefundable } }
    outbox { id operation status }
    warnings { code field severity }
  }
}`;
const RETURN_FIELDS = `id channel channelReturnId status refundedBy version orderId
  lines { returnLineNumber lineNumber quantity quantityRefunded quantityRefundable refundedBy unitPriceCents unitTaxCents proposedRefundCents }`;

interface ReturnView {
  id: string;
  channel: string;
  channelReturnId: string;
  status: string;
  refundedBy: string | null;
  version: number;
  orderId: string | null;
  lines: {
    returnLineNumber: string;
    lineNumber: string | null;
    quantity: number;
    quantityRefunded: number;
    quantityRefundable: number;
    refundedBy: string | null;
    unitPriceCents: number | null;
    unitTaxCents: number | null;
    proposedRefundCents: number;
  }[];
}

interface ShippedOrder {
  id: string;
  channelOrderId: string;
  lineNumber: string;
  quantity: number;
}

type Violations = { code: string; field: string; severity: string }[];

describe.each(testDrivers().map((d) => [driverName(d), d] as const))(
  'refunding returns through the outbox, against the sandbox (%s)',
  (_name, driver) => {
    let sandbox: Sandbox;
    let app: TestApp;
    let walmart: ConnectedAccount;
    let amazon: ConnectedAccount;

    async function control<T>(path: string, body: Record<string, unknown> = {}): Promise<T> {
      const res = await fetch(`${sandbox.controlBaseUrl}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
      return (await res.json()) as T;
    }

    /** An open single-line order of the account with at least `minQuantity` units, shipped whole through the hub. */
    async function shippedOrder(account: ConnectedAccount, minQuantity: number): Promise<ShippedOrder> {
      const [row] = await app.ds.query(
        `SELECT o.id, o.channel_order_id, min(l.line_number) AS line_number, sum(l.quantity_ordered)::int AS quantity
           FROM "order" o JOIN order_line l ON l.order_id = o.id
          WHERE o.account_id = $1 AND o.status IN ('CREATED', 'ACKNOWLEDGED') AND o.fulfillment_method = 'MERCHANT'
            AND NOT o.cancellation_requested
            AND NOT EXISTS (SELECT 1 FROM outbox x WHERE x.order_id = o.id AND x.operation <> 'ACKNOWLEDGE')
          GROUP BY o.id HAVING count(*) = 1 AND sum(l.quantity_ordered) >= $2 ORDER BY o.id LIMIT 1`,
        [account.hubId, minQuantity],
      );
      if (!row) throw new Error(`No open order of ${minQuantity}+ units left in ${account.hubId}`);
      const order = {
        id: row.id as string,
        channelOrderId: row.channel_order_id as string,
        lineNumber: row.line_number as string,
        quantity: row.quantity as number,
      };
      const shipped = await app.gql(SHIP, {
        input: {
          orderId: order.id,
          lines: [{ lineNumber: order.lineNumber, quantity: order.quantity }],
          carrier: 'UPS',
          trackingNumber: validTrackingNumber('UPS'),
          shippedAt: new Date().toISOString(),
        },
      });
      expect(shipped.errors).toBeUndefined();
      expect((await settledOutbox(app, order.id)).every((r) => r.status === 'DELIVERED')).toBe(true);
      return order;
    }

    async function refreshReturns(account: ConnectedAccount): Promise<void> {
      const res = await app.gql(`mutation($id: ID!) { refreshReturns(accountId: $id) { lastError returnsImported } }`, {
        id: account.hubId,
      });
      expect(res.errors).toBeUndefined();
      expect(res.data!.refreshReturns.lastError).toBeNull();
    }

    async function returnsOf(orderId: string): Promise<ReturnView[]> {
      const res = await app.gql(
        `query($orderId: ID!) { returns(filter: { orderId: $orderId }) { edges { node { ${RETURN_FIELDS} } } } }`,
        { orderId },
      );
      expect(res.errors).toBeUndefined();
      return (res.data!.returns.edges as { node: ReturnView }[]).map((e) => e.node);
    }

    /**
     * The order's return once a refresh has brought it in as `ready` says. Walmart's window ends on the last whole
     * second, so a change made within the current second comes with the next pull: refreshed until it is there.
     */
    async function imported(
      account: ConnectedAccount,
      orderId: string,
      ready: (r: ReturnView) => boolean = () => true,
    ): Promise<ReturnView> {
      const deadline = Date.now() + 15_000;
      for (;;) {
        await refreshReturns(account);
        const found = (await returnsOf(orderId)).find(ready);
        if (found) return found;
        if (Date.now() > deadline) throw new Error(`No return of order ${orderId} came in`);
        await new Promise((r) => setTimeout(r, 250));
      }
    }

    async function returnById(id: string): Promise<ReturnView> {
      const res = await app.gql(`query($id: ID!) { return(id: $id) { ${RETURN_FIELDS} } }`, { id });
      expect(res.errors).toBeUndefined();
      return res.data!.return as ReturnView;
    }

    const refundReturn = (input: Record<string, unknown>) => app.gql(REFUND_RETURN, { input });

    const outboxCount = async (orderId: string): Promise<number> =>
      (await app.ds.query(`SELECT count(*)::int AS n FROM outbox WHERE order_id = $1`, [orderId]))[0].n;

    /** A Walmart order shipped through the hub, returned whole by the buyer and received now; the hub's copy of the return. */
    async function receivedWalmartReturn(minQuantity: number, deliver = true): Promise<[ShippedOrder, ReturnView]> {
      const order = await shippedOrder(walmart, minQuantity);
      const created = await control<{ returnOrderId: string }>('/walmart/returns', {
        accountId: walmart.sandboxAccountId,
        purchaseOrderId: order.channelOrderId,
        lines: [{ lineNumber: order.lineNumber, quantity: order.quantity, reason: 'DAMAGED' }],
      });
      if (deliver) await control(`/walmart/returns/${created.returnOrderId}/deliver`);
      const ret = await imported(walmart, order.id, (r) => !deliver || r.status === 'RECEIVED');
      return [order, ret];
    }

    beforeAll(async () => {
      sandbox = await createSandbox({ seed: 47, throttling: { rateScale: 1000 } });
      app = await startDriverApp(driver, { CHANNEL_RATE_SCALE: '1000' }, 4);
      walmart = await connectSandboxAccount(app, sandbox, 'WALMART', 'Returns Walmart');
      amazon = await connectSandboxAccount(app, sandbox, 'AMAZON', 'Returns Amazon');
      for (const [account, seed] of [
        [walmart, 1],
        [amazon, 2],
      ] as const)
        sandbox.generateOrders({
          accountId: account.sandboxAccountId,
          count: 30,
          seed,
          mix: { multiLine: 0, multiQuantity: 0.7, intentToCancel: 0, channelFulfilled: 0 },
        });
      for (const a of [walmart, amazon]) expect((await syncAndWait(app, a.hubId)).lastError).toBeNull();
    }, 300_000);
    afterAll(async () => {
      await app?.close();
      await sandbox?.close();
    }, 180_000);

    it('refunds a received Walmart return in two parts, each read back from Walmart; the return ends REFUNDED by the seller', async () => {
      const [order, ret] = await receivedWalmartReturn(2);
      expect(ret).toMatchObject({ channel: 'WALMART', status: 'RECEIVED', orderId: order.id, refundedBy: null });
      const [line] = ret.lines;
      expect(line).toMatchObject({ quantity: order.quantity, quantityRefunded: 0, quantityRefundable: order.quantity });

      const input = {
        returnId: ret.id,
        expectedVersion: ret.version,
        lines: [{ returnLineNumber: line.returnLineNumber, quantity: 1 }],
      };
      const first = await refundReturn(input);
      expect(first.errors).toBeUndefined();
      expect(first.data!.refundReturn.outbox).toMatchObject({ operation: 'RETURN_REFUND' });
      // The same request again (a lost answer retried) answers the first; Walmart is asked once.
      const again = await refundReturn(input);
      expect(again.data!.refundReturn.outbox.id).toBe(first.data!.refundReturn.outbox.id);
      const rows = await settledOutbox(app, order.id);
      expect(rows.filter((r) => r.operation === 'RETURN_REFUND').map((r) => r.status)).toEqual(['DELIVERED']);

      const part = await returnById(ret.id);
      expect(part.status).toBe('RECEIVED');
      expect(part.version).toBeGreaterThan(ret.version);
      expect(part.lines[0]).toMatchObject({
        quantityRefunded: 1,
        quantityRefundable: order.quantity - 1,
        refundedBy: 'SELLER',
      });

      const rest = await refundReturn({
        returnId: ret.id,
        expectedVersion: part.version,
        lines: [{ returnLineNumber: line.returnLineNumber, quantity: order.quantity - 1 }],
      });
      expect(rest.errors).toBeUndefined();
      expect(
        (await settledOutbox(app, order.id)).filter((r) => r.operation === 'RETURN_REFUND').map((r) => r.status),
      ).toEqual(['DELIVERED', 'DELIVERED']);
      const done = await returnById(ret.id);
      expect(done).toMatchObject({ status: 'REFUNDED', refundedBy: 'SELLER' });
      expect(done.lines[0]).toMatchObject({ quantityRefunded: order.quantity, quantityRefundable: 0 });

      // Walmart's own copy: the purchase order line carries the refunds of the returned units.
      const view = sandbox.orderState('WALMART', order.channelOrderId).view as {
        order: { orderLines: { orderLine: { refund?: { refundCharges: { refundCharge: unknown[] } } }[] } };
      };
      expect(view.order.orderLines.orderLine[0].refund?.refundCharges.refundCharge.length).toBeGreaterThan(0);

      // A later import keeps what the hub recorded.
      await refreshReturns(walmart);
      const reimported = await returnById(ret.id);
      expect(reimported.lines[0].quantityRefunded).toBe(order.quantity);

      // The same units again, on purpose (at the newer version): refused before anything is sent.
      const before = await outboxCount(order.id);
      const twice = await refundReturn({
        returnId: ret.id,
        expectedVersion: reimported.version,
        lines: [{ returnLineNumber: line.returnLineNumber, quantity: 1 }],
      });
      expect(twice.errors?.[0]?.extensions.code).toBe('RULE_VIOLATION');
      expect(twice.errors![0].extensions.violations).toEqual([
        expect.objectContaining({ code: 'RETURN_REFUND_ALREADY_REFUNDED', field: 'input.lines[0].quantity' }),
      ]);
      expect(await outboxCount(order.id)).toBe(before);
    }, 180_000);

    it('refuses a second refund of units whose refund is still on its way, before anything is sent', async () => {
      const [order, ret] = await receivedWalmartReturn(1);
      const line = ret.lines[0];
      const all = await refundReturn({
        returnId: ret.id,
        lines: [{ returnLineNumber: line.returnLineNumber, quantity: line.quantity }],
      });
      expect(all.errors).toBeUndefined();
      // Another request for the same units (a second operator), while the first may still be on its way.
      const second = await refundReturn({
        returnId: ret.id,
        lines: [{ returnLineNumber: line.returnLineNumber, quantity: 1 }],
        reason: 'DAMAGED',
      });
      expect(second.errors?.[0]?.extensions.code).toBe('RULE_VIOLATION');
      expect((second.errors![0].extensions.violations as Violations).map((v) => [v.code, v.field])).toEqual([
        ['RETURN_REFUND_ALREADY_REFUNDED', 'input.lines[0].quantity'],
        ['RETURN_REFUND_REASON_NOT_TAKEN', 'input.reason'],
      ]);
      expect(
        (await settledOutbox(app, order.id)).filter((r) => r.operation === 'RETURN_REFUND').map((r) => r.status),
      ).toEqual(['DELIVERED']);
    }, 180_000);

    it('refuses a line not returned, more units than came back and an amount Walmart sets itself, naming each field', async () => {
      const [order, ret] = await receivedWalmartReturn(1);
      const line = ret.lines[0];
      const before = await outboxCount(order.id);
      const cases: [Record<string, unknown>, string, string][] = [
        [{ returnLineNumber: '99', quantity: 1 }, 'RETURN_REFUND_LINE_NOT_RETURNED', 'input.lines[0].returnLineNumber'],
        [
          { returnLineNumber: line.returnLineNumber, quantity: line.quantity + 1 },
          'RETURN_REFUND_ABOVE_RETURNED',
          'input.lines[0].quantity',
        ],
        [
          { returnLineNumber: line.returnLineNumber, quantity: 0 },
          'RETURN_REFUND_QUANTITY_INVALID',
          'input.lines[0].quantity',
        ],
        [
          { returnLineNumber: line.returnLineNumber, quantity: 1, amountCents: 100 },
          'RETURN_REFUND_AMOUNT_NOT_TAKEN',
          'input.lines[0].amountCents',
        ],
      ];
      for (const [requested, code, field] of cases) {
        const res = await refundReturn({ returnId: ret.id, lines: [requested] });
        expect([code, res.errors?.[0]?.extensions.code]).toEqual([code, 'RULE_VIOLATION']);
        expect(res.errors![0].extensions.violations).toEqual([expect.objectContaining({ code, field })]);
      }
      const unknown = await refundReturn({
        returnId: '00000000-0000-4000-8000-000000000000',
        lines: [{ returnLineNumber: '1', quantity: 1 }],
      });
      expect(unknown.errors?.[0]?.extensions.code).toBe('NOT_FOUND');
      const stale = await refundReturn({
        returnId: ret.id,
        expectedVersion: ret.version - 1,
        lines: [{ returnLineNumber: line.returnLineNumber, quantity: 1 }],
      });
      expect(stale.errors?.[0]?.extensions.code).toBe('CONFLICT');
      const viewer = (await app.gql(`mutation { createApiToken(input: { name: "bi", role: VIEWER }) { token } }`)).data!
        .createApiToken.token as string;
      const forbidden = await app.gql(
        REFUND_RETURN,
        { input: { returnId: ret.id, lines: [{ returnLineNumber: line.returnLineNumber, quantity: 1 }] } },
        viewer,
      );
      expect(forbidden.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
      expect(await outboxCount(order.id)).toBe(before);
      expect((await returnById(ret.id)).lines[0].quantityRefunded).toBe(0);
    }, 180_000);

    it('refuses a refund of units not yet back at the return center before anything is sent; once received it is applied', async () => {
      const [order, ret] = await receivedWalmartReturn(1, false);
      expect(['REQUESTED', 'IN_TRANSIT']).toContain(ret.status);
      const line = ret.lines[0];
      const input = { returnId: ret.id, lines: [{ returnLineNumber: line.returnLineNumber, quantity: line.quantity }] };
      const before = await outboxCount(order.id);
      const early = await refundReturn(input);
      expect(early.errors![0].extensions.violations).toEqual([
        expect.objectContaining({ code: 'RETURN_REFUND_NOT_RECEIVED', field: 'input.lines[0].returnLineNumber' }),
      ]);
      expect(await outboxCount(order.id)).toBe(before);

      await control(`/walmart/returns/${ret.channelReturnId}/deliver`);
      const received = await imported(walmart, order.id, (r) => r.id === ret.id && r.status === 'RECEIVED');
      const applied = await refundReturn({ ...input, expectedVersion: received.version });
      expect(applied.errors).toBeUndefined();
      expect((await settledOutbox(app, order.id)).find((r) => r.operation === 'RETURN_REFUND')?.status).toBe(
        'DELIVERED',
      );
      expect(await returnById(ret.id)).toMatchObject({ status: 'REFUNDED', refundedBy: 'SELLER' });
    }, 180_000);

    it('a return refunded in Seller Center before the hub sent its refund: read back first, nothing is refunded twice, and the return ends refunded', async () => {
      const [order, ret] = await receivedWalmartReturn(1);
      const line = ret.lines[0];
      await control(`/walmart/returns/${ret.channelReturnId}/refund`);
      const res = await refundReturn({
        returnId: ret.id,
        lines: [{ returnLineNumber: line.returnLineNumber, quantity: line.quantity }],
      });
      expect(res.errors).toBeUndefined();
      // Walmart would refuse a second refund of the same units ("already fully refunded"): DELIVERED means the read-back
      // found Walmart's refund and nothing was sent.
      const entry = (await settledOutbox(app, order.id)).find((r) => r.operation === 'RETURN_REFUND') as OutboxView;
      expect(entry).toMatchObject({ status: 'DELIVERED', lastError: null });
      expect(await returnById(ret.id)).toMatchObject({ status: 'REFUNDED' });
      expect((await returnById(ret.id)).lines[0]).toMatchObject({
        quantityRefunded: line.quantity,
        quantityRefundable: 0,
      });
    }, 180_000);

    it('refunds an Amazon return from the returns report through the adjustment feed, read back from its processing report', async () => {
      const order = await shippedOrder(amazon, 1);
      const created = await control<{ rma: string; sku: string }>('/amazon/returns', {
        accountId: amazon.sandboxAccountId,
        orderId: order.channelOrderId,
        quantity: 1,
        reason: 'CR-DEFECTIVE',
      });
      await control(`/amazon/returns/${created.rma}/deliver`, { accountId: amazon.sandboxAccountId });
      const ret = await imported(amazon, order.id);
      expect(ret).toMatchObject({ channel: 'AMAZON', status: 'RECEIVED', orderId: order.id });
      const [line] = ret.lines;
      expect(line).toMatchObject({ lineNumber: order.lineNumber, quantity: 1, quantityRefundable: 1 });
      expect(line.proposedRefundCents).toBeGreaterThan(0);

      const before = await outboxCount(order.id);
      const unknownReason = await refundReturn({
        returnId: ret.id,
        reason: 'Goodwill',
        lines: [{ returnLineNumber: line.returnLineNumber, quantity: 1 }],
      });
      expect(unknownReason.errors![0].extensions.violations).toEqual([
        expect.objectContaining({ code: 'REFUND_REASON_UNKNOWN', field: 'input.reason' }),
      ]);
      const abovePaid = await refundReturn({
        returnId: ret.id,
        lines: [{ returnLineNumber: line.returnLineNumber, quantity: 1, amountCents: line.proposedRefundCents + 1 }],
      });
      expect(abovePaid.errors![0].extensions.violations).toEqual([
        expect.objectContaining({ code: 'RETURN_REFUND_ABOVE_PAID', field: 'input.lines[0].amountCents' }),
      ]);
      expect(await outboxCount(order.id)).toBe(before);

      const res = await refundReturn({
        returnId: ret.id,
        lines: [{ returnLineNumber: line.returnLineNumber, quantity: 1 }],
      });
      expect(res.errors).toBeUndefined();
      expect(res.data!.refundReturn.outbox).toMatchObject({ operation: 'REFUND' });
      const [payload] = await app.ds.query(`SELECT payload FROM outbox WHERE id = $1`, [
        res.data!.refundReturn.outbox.id,
      ]);
      expect(payload.payload).toMatchObject({
        returnId: ret.id,
        lines: [
          {
            lineNumber: order.lineNumber,
            quantity: 1,
            reason: 'CustomerReturn',
            amountCents: line.proposedRefundCents,
          },
        ],
      });
      // Amazon processes the feed over minutes: the row waits IN_PROGRESS until the sandbox clock moves on.
      await new Promise((r) => setTimeout(r, 500));
      sandbox.clock.advance(4 * 60_000);
      expect((await settledOutbox(app, order.id)).filter((r) => r.operation === 'REFUND').map((r) => r.status)).toEqual(
        ['DELIVERED'],
      );
      const done = await returnById(ret.id);
      expect(done).toMatchObject({ status: 'REFUNDED', refundedBy: 'SELLER' });
      expect(done.lines[0]).toMatchObject({ quantityRefunded: 1, quantityRefundable: 0 });
    }, 180_000);

    it("refunds Amazon order lines through the adjustment feed; an unknown reason is refused, and Amazon's refusal of more than the item's price is visible", async () => {
      const order = await shippedOrder(amazon, 1);
      const refund = (amountCents: number, reason: string) =>
        app.gql(
          `mutation($input: RefundOrderLinesInput!) { refundOrderLines(input: $input) { outbox { id operation } } }`,
          { input: { orderId: order.id, lines: [{ lineNumber: order.lineNumber, amountCents, reason }] } },
        );
      const unknown = await refund(100, 'DamagedItem');
      expect(unknown.errors?.[0]?.extensions.code).toBe('RULE_VIOLATION');
      expect(unknown.errors![0].extensions.violations).toEqual([
        expect.objectContaining({ code: 'REFUND_REASON_UNKNOWN', field: 'input.lines[0].reason' }),
      ]);
      const ok = await refund(100, 'GeneralAdjustment');
      expect(ok.errors).toBeUndefined();
      await new Promise((r) => setTimeout(r, 500));
      sandbox.clock.advance(4 * 60_000);
      expect((await settledOutbox(app, order.id)).filter((r) => r.operation === 'REFUND').map((r) => r.status)).toEqual(
        ['DELIVERED'],
      );

      // What is left of the charge (price and tax) passes the hub's ceiling, but sent as the item's price it is more
      // than Amazon refunds of the item: Amazon's processing report refuses it, and the order shows it in its words.
      const [line] = await app.ds.query(
        `SELECT charge_cents, unit_price_cents, quantity_shipped FROM order_line WHERE order_id = $1`,
        [order.id],
      );
      expect(line.charge_cents).toBeGreaterThan(line.unit_price_cents * line.quantity_shipped);
      const over = await refund(line.charge_cents - 100, 'GeneralAdjustment');
      expect(over.errors).toBeUndefined();
      await new Promise((r) => setTimeout(r, 500));
      sandbox.clock.advance(4 * 60_000);
      const rows = (await settledOutbox(app, order.id)).filter((r) => r.operation === 'REFUND');
      expect(rows.map((r) => r.status)).toEqual(['DELIVERED', 'FAILED']);
      expect(rows[1].lastError).toMatch(/exceeds the amount that can be refunded/);
      // The ceiling counts the refund Amazon took, so the whole charge again is refused before anything is sent.
      const again = await refund(line.charge_cents, 'GeneralAdjustment');
      expect(again.errors![0].extensions.violations).toEqual([
        expect.objectContaining({ code: 'REFUND_ABOVE_CHARGE', field: 'input.lines[0].amountCents' }),
      ]);
    }, 180_000);
  },
);
