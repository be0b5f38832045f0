import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { createSandbox, type Sandbox } from '@order-hub/sandbox';
import { Transactions } from '../src/common/database/transactions';
import { APP_CONFIG } from '../src/config/app-config.token';
import type { AppConfig } from '../src/config/app-config';
import { AuditService } from '../src/modules/audit/audit.service';
import { LeaseLostError, OutboxDeliveryService } from '../src/modules/outbox/outbox-delivery.service';
import { OutboxHubChange } from '../src/modules/outbox/outbox-hub-change';
import { OutboxRepository } from '../src/modules/outbox/outbox.repository';
import { freshRedis, POSTGRES_ADMIN_URL, startWorkerContext } from './support/job-drivers';
import { anAccount, anOrder, insertOrders } from './support/order-fixtures';
import { startTestApp, type TestApp } from './support/test-app';
import { testDatabases } from './support/test-databases';
import { connectSandboxAccount, syncAndWait, type ConnectedAccount } from './support/sync-helpers';
import { validTrackingNumber } from './support/tracking-numbers';
import { until } from './support/wait';
import { LeaseHolder } from '../src/modules/jobs/lease-holder';

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

describe.each(testDatabases())('an outbox hold that lapsed, on %s', (kind) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(kind);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('an attempt whose hold lapsed records nothing: the process that took the row over reads back and decides', async () => {
    const get = <T>(token: unknown) => app.running.app.get<T>(token as never);
    const rows = get<OutboxRepository>(OutboxRepository);
    // Two processes' delivery services (two holders) on the same table.
    const first = get<OutboxDeliveryService>(OutboxDeliveryService);
    const second = new OutboxDeliveryService(
      get<Transactions>(Transactions),
      rows,
      get<OutboxHubChange>(OutboxHubChange),
      get<AuditService>(AuditService),
      new LeaseHolder(),
      get<AppConfig>(APP_CONFIG),
    );
    expect(second.holder).not.toBe(first.holder);
    const account = await anAccount(app, 'WALMART');
    const [orderId] = await insertOrders(app, account, [anOrder()]);
    // Due only in an hour, so the app's own dispatcher leaves it to this test; the test's clock runs ahead.
    const inAnHour = new Date(Date.now() + 3_600_000);
    const created = await rows.create({
      accountId: account.id,
      orderId,
      operation: 'ACKNOWLEDGE',
      payload: { channelOrderId: 'PO-LEASE' },
      idempotencyKey: `lease-lapse-${kind}`,
      status: 'PENDING',
      attempts: 0,
      nextAttemptAt: inAnHour,
      createdBy: 'test',
    });
    const held = await first.claim(created.id, inAnHour);
    expect(held).toMatchObject({ status: 'SENDING', holder: first.holder, attempts: 1 });

    // A heartbeat a second later holds the row a second longer; the second holder's heartbeat leaves it alone.
    const leaseMs = get<AppConfig>(APP_CONFIG).outbox.sendingLeaseMs;
    const beat = new Date(inAnHour.getTime() + 1_000);
    await first.renewLeases(beat);
    await second.renewLeases(new Date(beat.getTime() + 60_000));
    expect((await rows.findById(created.id))?.nextAttemptAt).toEqual(new Date(beat.getTime() + leaseMs));

    // Then the first holder stops renewing (stalled); once its hold lapses the row is pending again and the second
    // takes it.
    const lapsed = new Date(beat.getTime() + leaseMs + 1);
    expect(await second.recoverStuck(new Date(lapsed.getTime() - 2))).toBe(0);
    expect(await second.recoverStuck(lapsed)).toBe(1);
    const taken = await second.claim(created.id, lapsed);
    expect(taken).toMatchObject({ status: 'SENDING', holder: second.holder, attempts: 2 });

    // The stalled holder comes back and tries to record its attempt: refused, nothing written.
    await expect(
      first.settle(held!, { startedAt: new Date(), durationMs: 1, outcome: 'DELIVERED' }, { status: 'DELIVERED' }),
    ).rejects.toBeInstanceOf(LeaseLostError);
    expect(await rows.findById(created.id)).toMatchObject({ status: 'SENDING', holder: second.holder });

    await second.settle(
      taken!,
      { startedAt: new Date(), durationMs: 1, outcome: 'DELIVERED' },
      { status: 'DELIVERED' },
    );
    expect(await rows.findById(created.id)).toMatchObject({ status: 'DELIVERED', holder: null, attempts: 2 });
    const attempts: { attempt: number }[] = await app.ds.query(
      `SELECT attempt FROM outbox_attempt WHERE outbox_id = $1`,
      [created.id],
    );
    expect(attempts).toEqual([{ attempt: 2 }]);
  });
});
