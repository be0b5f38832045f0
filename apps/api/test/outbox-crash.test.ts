import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createSandbox, type Sandbox } from '@order-hub/sandbox';
import { freshRedis, POSTGRES_ADMIN_URL } from './support/job-drivers';
import { startTestApp, type TestApp } from './support/test-app';
import { connectSandboxAccount, syncState, type ConnectedAccount } from './support/sync-helpers';
import { validTrackingNumber } from './support/tracking-numbers';
import { until } from './support/wait';

const WORKER = join(__dirname, '..', 'dist', 'src', 'worker.js');
const ORDERS = 300;
const SHIP = `mutation($input: ShipmentInput!) { confirmShipment(input: $input) { shipment { id } } }`;
const TUNING = {
  CHANNEL_RATE_SCALE: '1000',
  CHANNEL_TIMEOUT_MS: '1000',
  CHANNEL_RETRY_BASE_MS: '20',
  OUTBOX_RETRY_BASE_MS: '50',
  OUTBOX_RETRY_MAX_MS: '1000',
  OUTBOX_SENDING_LEASE_MS: '3000',
};

async function statusCounts(app: TestApp): Promise<Record<string, number>> {
  const rows: { status: string; n: number }[] = await app.ds.query(
    `SELECT status, count(*)::int AS n FROM outbox GROUP BY status`,
  );
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}

describe('a worker killed with SIGKILL in the middle of delivery', () => {
  let sandbox: Sandbox;
  let app: TestApp;
  let account: ConnectedAccount;
  const workers: ChildProcess[] = [];
  let redis: string;

  function startWorker(): ChildProcess {
    const child = spawn(process.execPath, [WORKER], {
      env: {
        PATH: process.env.PATH,
        DATABASE_URL: app.databaseUrl!,
        REDIS_URL: redis,
        DATA_DIR: app.dataDir,
        LOG_LEVEL: 'silent',
        ...TUNING,
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    workers.push(child);
    return child;
  }

  beforeAll(async () => {
    redis = await freshRedis(8);
    sandbox = await createSandbox({ seed: 55, throttling: { rateScale: 1000 } });
    app = await startTestApp('postgres', { REDIS_URL: redis, SYNC_ENABLED: 'true', ...TUNING }, POSTGRES_ADMIN_URL);
    account = await connectSandboxAccount(app, sandbox, 'WALMART', 'Crash store');
    sandbox.generateOrders({
      accountId: account.sandboxAccountId,
      count: ORDERS,
      seed: 5,
      mix: { multiLine: 0, multiQuantity: 0, intentToCancel: 0, channelFulfilled: 0 },
    });
  });
  afterAll(async () => {
    for (const w of workers) if (w.exitCode === null) w.kill('SIGKILL');
    await app?.close();
    await sandbox?.close();
  });

  it('loses nothing and sends nothing twice: a new worker recovers the rows the dead one held', async () => {
    const first = startWorker();
    await until(
      'import by the worker',
      () => syncState(app, account.hubId),
      (s) => s.ordersImported === ORDERS,
      60_000,
    );

    // Slow writes keep calls in flight when the worker dies; some writes are silently dropped as well.
    sandbox.injectFault({
      channel: 'WALMART',
      method: 'POST',
      route: '/walmart/v3/orders',
      slow: 1,
      slowMs: 150,
      silentDrop: 0.05,
    });
    const orders: { id: string; po: string; line: string }[] = await app.ds.query(
      `SELECT o.id, o.channel_order_id AS po, l.line_number AS line FROM "order" o JOIN order_line l ON l.order_id = o.id WHERE o.account_id = $1`,
      [account.hubId],
    );
    const tracking = new Map<string, string>();
    for (const o of orders) {
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

    await until(
      'some deliveries',
      () => statusCounts(app),
      (c) => (c.DELIVERED ?? 0) >= 100,
      60_000,
    );
    first.kill('SIGKILL');
    await new Promise((r) => first.once('exit', r));
    const atKill = await statusCounts(app);
    expect(atKill.DELIVERED).toBeLessThan(2 * ORDERS);

    startWorker();
    const final = await until(
      'the outbox to drain',
      () => statusCounts(app),
      (c) => !c.PENDING && !c.SENDING,
      180_000,
    );
    sandbox.clearFaults();
    expect(final).toEqual({ DELIVERED: 2 * ORDERS });
    for (const o of orders) {
      const line = (
        sandbox.orderState('WALMART', o.po).view as {
          order: {
            orderLines: {
              orderLine: {
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
        }
      ).order.orderLines.orderLine[0];
      const shipped = line.orderLineStatuses.orderLineStatus.filter((s) => s.status === 'Shipped');
      expect([o.po, shipped.map((s) => [s.statusQuantity.amount, s.trackingInfo?.trackingNumber])]).toEqual([
        o.po,
        [['1', tracking.get(o.po)]],
      ]);
    }
  }, 300_000);
});
