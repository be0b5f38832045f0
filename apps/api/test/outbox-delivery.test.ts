import { createSandbox, type Sandbox } from '@order-hub/sandbox';
import { driverName, startDriverApp, testDrivers } from './support/job-drivers';
import type { TestApp } from './support/test-app';
import { connectSandboxAccount, syncAndWait, type ConnectedAccount } from './support/sync-helpers';
import { validTrackingNumber } from './support/tracking-numbers';

const CONFIRMATIONS = 1_000;
const SHIP = `mutation($input: ShipmentInput!) { confirmShipment(input: $input) { shipment { id } } }`;

type Line = {
  orderLineStatuses: {
    orderLineStatus: {
      status: string;
      statusQuantity: { amount: string };
      trackingInfo?: { trackingNumber: string };
    }[];
  };
};

/** Waits until no outbox row is PENDING or SENDING; returns the count per status. */
async function drain(app: TestApp, timeoutMs: number): Promise<Record<string, number>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const rows: { status: string; n: number }[] = await app.ds.query(
      `SELECT status, count(*)::int AS n FROM outbox GROUP BY status`,
    );
    const counts = Object.fromEntries(rows.map((r) => [r.status, r.n]));
    if (!counts.PENDING && !counts.SENDING) return counts;
    if (Date.now() > deadline) throw new Error(`The outbox did not drain: ${JSON.stringify(counts)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe.each(testDrivers().map((d) => [driverName(d), d] as const))(
  'outbox delivery under channel faults (%s)',
  (_name, driver) => {
    let sandbox: Sandbox;
    let app: TestApp;
    let walmart: ConnectedAccount;

    beforeAll(async () => {
      sandbox = await createSandbox({ seed: 1234, throttling: { rateScale: 1000 } });
      app = await startDriverApp(
        driver,
        {
          CHANNEL_RATE_SCALE: '1000',
          CHANNEL_TIMEOUT_MS: '1000',
          CHANNEL_RETRY_BASE_MS: '20',
          OUTBOX_RETRY_BASE_MS: '50',
          OUTBOX_RETRY_MAX_MS: '1000',
        },
        3,
      );
      walmart = await connectSandboxAccount(app, sandbox, 'WALMART', 'Storm store');
      sandbox.generateOrders({
        accountId: walmart.sandboxAccountId,
        count: CONFIRMATIONS,
        seed: 9,
        mix: { multiLine: 0, multiQuantity: 0, intentToCancel: 0, channelFulfilled: 0 },
      });
      expect((await syncAndWait(app, walmart.hubId)).lastError).toBeNull();
    });
    afterAll(async () => {
      await app?.close();
      await sandbox?.close();
    });

    it(`delivers ${CONFIRMATIONS} shipment confirmations exactly once through 30% errors, timeouts and silent drops`, async () => {
      const orders: { id: string; po: string; line: string }[] = await app.ds.query(
        `SELECT o.id, o.channel_order_id AS po, l.line_number AS line FROM "order" o JOIN order_line l ON l.order_id = o.id WHERE o.account_id = $1 ORDER BY o.id`,
        [walmart.hubId],
      );
      expect(orders).toHaveLength(CONFIRMATIONS);
      // Writes: 30% refused or lost in flight, and 5% of the rest answered 2xx but never stored. Reads: 10% 5xx.
      sandbox.injectFault({
        channel: 'WALMART',
        method: 'POST',
        route: '/walmart/v3/orders',
        error429: 0.12,
        error500: 0.08,
        error503: 0.06,
        timeout: 0.04,
        timeoutMs: 1500,
        silentDrop: 0.05,
      });
      sandbox.injectFault({
        channel: 'WALMART',
        method: 'GET',
        route: '/walmart/v3/orders',
        error500: 0.05,
        error503: 0.05,
      });

      const tracking = new Map<string, string>();
      const queue = [...orders];
      await Promise.all(
        Array.from({ length: 8 }, async () => {
          for (let o = queue.shift(); o; o = queue.shift()) {
            const number = validTrackingNumber('UPS');
            tracking.set(o.po, number);
            const res = await app.gql(SHIP, {
              input: {
                orderId: o.id,
                lines: [{ lineNumber: o.line, quantity: 1 }],
                carrier: 'UPS',
                trackingNumber: number,
                shippedAt: new Date().toISOString(),
              },
            });
            if (res.errors) throw new Error(JSON.stringify(res.errors));
          }
        }),
      );

      const counts = await drain(app, 540_000);
      sandbox.clearFaults();
      expect(counts).toEqual({ DELIVERED: 2 * CONFIRMATIONS });

      // The channel's own state: every line shipped once, under the number the operator gave.
      for (const o of orders) {
        const lines = (sandbox.orderState('WALMART', o.po).view as { order: { orderLines: { orderLine: Line[] } } })
          .order.orderLines.orderLine;
        const shipped = lines[0].orderLineStatuses.orderLineStatus.filter((s) => s.status === 'Shipped');
        expect([o.po, shipped.map((s) => [s.statusQuantity.amount, s.trackingInfo?.trackingNumber])]).toEqual([
          o.po,
          [['1', tracking.get(o.po)]],
        ]);
      }
      // The faults really happened, and were survived by retries and read-backs.
      const outcomes: { outcome: string; n: number }[] = await app.ds.query(
        `SELECT outcome, count(*)::int AS n FROM outbox_attempt GROUP BY outcome`,
      );
      const byOutcome = Object.fromEntries(outcomes.map((r) => [r.outcome, r.n]));
      expect(byOutcome.RETRY).toBeGreaterThan(100);
      expect(byOutcome.READ_BACK_MISMATCH).toBeGreaterThan(10);
      expect(byOutcome.FAILED ?? 0).toBe(0);
      // About 2–4 minutes per driver on 2 cores (embedded PGlite the slowest); the margin is for a busy machine.
    }, 600_000);
  },
);
