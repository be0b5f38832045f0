import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { createSandbox, type Sandbox } from '@order-hub/sandbox';
import { freshRedis, POSTGRES_ADMIN_URL, startWorkerContext } from './support/job-drivers';
import { startTestApp, type TestApp } from './support/test-app';
import { connectSandboxAccount, syncAndWait, type ConnectedAccount } from './support/sync-helpers';
import { validTrackingNumber } from './support/tracking-numbers';
import { until } from './support/wait';

const WORKER = join(__dirname, '..', 'dist', 'src', 'worker.js');
const SHIP = `mutation($input: ShipmentInput!) { confirmShipment(input: $input) { shipment { id } } }`;
const SHIP_ROUTE = '/walmart/v3/orders/:purchaseOrderId/shipping';
const TUNING = {
  CHANNEL_RATE_SCALE: '1000',
  CHANNEL_RETRY_BASE_MS: '20',
  OUTBOX_RETRY_BASE_MS: '50',
  OUTBOX_RETRY_MAX_MS: '500',
  SYNC_ENABLED: 'false',
  LOG_LEVEL: 'silent',
};

interface ShipRow {
  id: string;
  status: string;
  attempts: number;
  holder: string | null;
}

async function shipRows(app: TestApp): Promise<ShipRow[]> {
  return app.ds.query(`SELECT id, status, attempts, holder FROM outbox WHERE operation = 'SHIP' ORDER BY seq`);
}

/** Imports `count` one-unit Walmart orders and confirms a shipment of each over GraphQL. */
async function shipAll(app: TestApp, sandbox: Sandbox, account: ConnectedAccount, count: number): Promise<void> {
  sandbox.generateOrders({
    accountId: account.sandboxAccountId,
    count,
    seed: 9,
    mix: { multiLine: 0, multiQuantity: 0, intentToCancel: 0, channelFulfilled: 0 },
  });
  expect(await syncAndWait(app, account.hubId)).toMatchObject({ lastError: null, ordersImported: count });
  const orders: { id: string; line: string }[] = await app.ds.query(
    `SELECT o.id, l.line_number AS line FROM "order" o JOIN order_line l ON l.order_id = o.id WHERE o.account_id = $1`,
    [account.hubId],
  );
  for (const o of orders) {
    const res = await app.gql(SHIP, {
      input: {
        orderId: o.id,
        lines: [{ lineNumber: o.line, quantity: 1 }],
        carrier: 'UPS',
        trackingNumber: validTrackingNumber('UPS'),
        shippedAt: new Date().toISOString(),
      },
    });
    if (res.errors) throw new Error(JSON.stringify(res.errors));
  }
}

describe('outbox rows in flight are held by heartbeat under their holder’s name', () => {
  let sandbox: Sandbox;
  let app: TestApp;
  let redis: string;
  const children: ChildProcess[] = [];
  const contexts: INestApplicationContext[] = [];

  function spawnWorker(env: Record<string, string>): ChildProcess {
    const child = spawn(process.execPath, [WORKER], {
      env: { PATH: process.env.PATH, DATABASE_URL: app.databaseUrl!, DATA_DIR: app.dataDir, ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    children.push(child);
    return child;
  }

  afterEach(async () => {
    for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
    for (const w of contexts.splice(0)) await w.close();
    await app?.close();
    await sandbox?.close();
  });

  it('a killed worker’s rows wait out no 120 s lease: another worker takes them over within the short hold and delivers them once', async () => {
    const ORDERS = 6;
    redis = await freshRedis(11);
    // The default hold (OUTBOX_SENDING_LEASE_MS unset); calls may take long, so the client's timeout is out of the way.
    const env = { ...TUNING, REDIS_URL: redis, CHANNEL_TIMEOUT_MS: '300000' };
    sandbox = await createSandbox({ seed: 61, throttling: { rateScale: 1000 } });
    app = await startTestApp('postgres', env, POSTGRES_ADMIN_URL);
    const first = spawnWorker(env);
    const account = await connectSandboxAccount(app, sandbox, 'WALMART', 'Lease store');
    // Every ship call of the first worker hangs without an answer (and without being applied) until it is killed.
    const hang = sandbox.injectFault({
      channel: 'WALMART',
      method: 'POST',
      route: SHIP_ROUTE,
      timeout: 1,
      timeoutMs: 600_000,
      times: ORDERS,
    });
    await shipAll(app, sandbox, account, ORDERS);
    const held = await until(
      'the first worker to have every ship call in flight',
      () => shipRows(app),
      (rows) => rows.length === ORDERS && rows.every((r) => r.status === 'SENDING') && hang.affected === ORDERS,
      60_000,
    );
    const deadHolder = held[0].holder!;
    expect(deadHolder).toContain(`:${first.pid}:`);
    expect(new Set(held.map((r) => r.holder))).toEqual(new Set([deadHolder]));

    const killedAt = Date.now();
    first.kill('SIGKILL');
    await new Promise((r) => first.once('exit', r));
    const second = spawnWorker(env);

    // Well before the old 120 s lease (a guard against a hang, not a measurement).
    const done = await until(
      'the second worker to deliver the dead worker’s rows',
      () => shipRows(app),
      (rows) => rows.every((r) => r.status === 'DELIVERED'),
      90_000,
    );
    expect(Date.now() - killedAt).toBeLessThan(120_000);
    expect(second.exitCode).toBeNull();
    expect(done.map((r) => [r.status, r.attempts, r.holder])).toEqual(
      Array.from({ length: ORDERS }, () => ['DELIVERED', 2, null]),
    );
    // Each row's only recorded attempt is the second worker's (the first died before recording its own): it read
    // the order back, found the shipment missing, sent it and saw it applied.
    const attempts: { attempt: number; outcome: string }[] = await app.ds.query(
      `SELECT a.attempt, a.outcome FROM outbox_attempt a JOIN outbox o ON o.id = a.outbox_id WHERE o.operation = 'SHIP'`,
    );
    expect(attempts).toEqual(Array.from({ length: ORDERS }, () => ({ attempt: 2, outcome: 'DELIVERED' })));
    const shipped: string[][] = (
      await app.ds.query(`SELECT channel_order_id AS po FROM "order" WHERE account_id = $1`, [account.hubId])
    ).map((o: { po: string }) =>
      (
        sandbox.orderState('WALMART', o.po).view as {
          order: { orderLines: { orderLine: { orderLineStatuses: { orderLineStatus: { status: string }[] } }[] } };
        }
      ).order.orderLines.orderLine[0].orderLineStatuses.orderLineStatus.map((s) => s.status),
    );
    expect(shipped).toEqual(Array.from({ length: ORDERS }, () => ['Shipped']));
  }, 240_000);

  it('a worker whose channel call outlasts the hold keeps its rows: the heartbeat renews them and no other worker sends them again', async () => {
    const ORDERS = 4;
    redis = await freshRedis(12);
    const env = { ...TUNING, REDIS_URL: redis, OUTBOX_SENDING_LEASE_MS: '1000', CHANNEL_TIMEOUT_MS: '60000' };
    sandbox = await createSandbox({ seed: 62, throttling: { rateScale: 1000 } });
    app = await startTestApp('postgres', env, POSTGRES_ADMIN_URL);
    contexts.push(await startWorkerContext(app, env), await startWorkerContext(app, env));
    const account = await connectSandboxAccount(app, sandbox, 'WALMART', 'Heartbeat store');
    // Each ship call takes four holds' time; without renewal the rows would be released and sent a second time.
    const slow = sandbox.injectFault({
      channel: 'WALMART',
      method: 'POST',
      route: SHIP_ROUTE,
      slow: 1,
      slowMs: 4_000,
      times: ORDERS,
    });
    await shipAll(app, sandbox, account, ORDERS);
    const done = await until(
      'every ship row delivered',
      () => shipRows(app),
      (rows) => rows.length === ORDERS && rows.every((r) => r.status === 'DELIVERED'),
      60_000,
    );
    expect(slow.affected).toBe(ORDERS);
    expect(done.map((r) => r.attempts)).toEqual(Array.from({ length: ORDERS }, () => 1));
    const attempts: { n: number }[] = await app.ds.query(
      `SELECT count(*)::int AS n FROM outbox_attempt a JOIN outbox o ON o.id = a.outbox_id WHERE o.operation = 'SHIP'`,
    );
    expect(attempts).toEqual([{ n: ORDERS }]);
  }, 120_000);
});
