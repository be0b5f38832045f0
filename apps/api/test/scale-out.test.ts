import type { INestApplicationContext } from '@nestjs/common';
import { createSandbox, type Sandbox } from '@order-hub/sandbox';
import { freshRedis, POSTGRES_ADMIN_URL, startWorkerContext } from './support/job-drivers';
import { startTestApp, type TestApp } from './support/test-app';
import { connectSandboxAccount, hubOrderIds, syncState, waitForPull } from './support/sync-helpers';

describe('scale-out: api processes enqueue pull-orders on BullMQ, worker processes run them', () => {
  let sandbox: Sandbox;
  let app: TestApp;
  const workers: INestApplicationContext[] = [];
  let env: Record<string, string>;

  async function startWorker(): Promise<INestApplicationContext> {
    const worker = await startWorkerContext(app, env);
    workers.push(worker);
    return worker;
  }

  beforeAll(async () => {
    env = {
      REDIS_URL: await freshRedis(7),
      SYNC_ENABLED: 'true',
      CHANNEL_RATE_SCALE: '1000',
      WALMART_SYNC_INTERVAL_SECONDS: '5',
      LOG_LEVEL: 'silent',
    };
    sandbox = await createSandbox({ seed: 77, throttling: { rateScale: 1000 } });
    app = await startTestApp('postgres', env, POSTGRES_ADMIN_URL);
  });
  afterAll(async () => {
    for (const w of workers) await w.close();
    await app?.close();
    await sandbox?.close();
  });

  it('leaves the pull to the workers, and two workers import every order exactly once', async () => {
    const account = await connectSandboxAccount(app, sandbox, 'WALMART', 'Scale-out store');
    const generated = sandbox.generateOrders({ accountId: account.sandboxAccountId, count: 1500, seed: 3 }).orderIds;
    const asked = Date.now();
    await app.gql(`mutation($id: ID!) { syncAccount(accountId: $id) { running } }`, { id: account.hubId });

    // No worker yet: the api only queued the job.
    await new Promise((r) => setTimeout(r, 1500));
    expect(await syncState(app, account.hubId)).toMatchObject({ lastStartedAt: null, ordersImported: 0 });

    await startWorker();
    await startWorker();
    const state = await waitForPull(app, account.hubId, asked, 60_000);
    expect(state).toMatchObject({ lastError: null, ordersImported: 1500, phase: 'INCREMENTAL' });
    expect(await hubOrderIds(app, account.hubId)).toEqual([...generated].sort());

    // Both workers keep scheduling every second; later pulls find nothing new and import nothing twice.
    const more = sandbox.generateOrders({
      accountId: account.sandboxAccountId,
      count: 20,
      seed: 4,
      placedWithinHours: 0.001,
    }).orderIds;
    const deadline = Date.now() + 30_000;
    while ((await syncState(app, account.hubId)).ordersImported < 1520 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 200));
    expect(await hubOrderIds(app, account.hubId)).toEqual([...generated, ...more].sort());
    const [audit] = await app.ds.query(
      `SELECT count(*)::int AS imports, count(DISTINCT entity_id)::int AS orders FROM audit_event WHERE action = 'order.imported' AND order_id IN (SELECT id FROM "order" WHERE account_id = $1)`,
      [account.hubId],
    );
    expect(audit).toEqual({ imports: 1520, orders: 1520 });
  });
});
