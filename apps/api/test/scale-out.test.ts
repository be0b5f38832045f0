import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { createSandbox, type Sandbox } from '@order-hub/sandbox';
import { Redis } from 'ioredis';
import { loadConfig } from '../src/config/app-config';
import { startDatabase } from '../src/database/start-database';
import { WorkerModule } from '../src/worker.module';
import { startTestApp, type TestApp } from './support/test-app';
import { connectSandboxAccount, hubOrderIds, syncState, waitForPull } from './support/sync-helpers';

// Scale-out needs a PostgreSQL server and Redis (.ci/run starts both on 127.0.0.1); a Redis database of its own.
const POSTGRES = process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const REDIS = `${(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379').replace(/\/\d+$/, '')}/7`;

describe('scale-out: api processes enqueue pull-orders on BullMQ, worker processes run them', () => {
  let sandbox: Sandbox;
  let app: TestApp;
  const workers: INestApplicationContext[] = [];
  const env = { REDIS_URL: REDIS, SYNC_ENABLED: 'true', CHANNEL_RATE_SCALE: '1000', WALMART_SYNC_INTERVAL_SECONDS: '5', LOG_LEVEL: 'silent' };

  async function startWorker(): Promise<INestApplicationContext> {
    const config = loadConfig({ ...env, DATABASE_URL: app.databaseUrl!, DATA_DIR: app.dataDir });
    const worker = await NestFactory.createApplicationContext(WorkerModule.register(config, await startDatabase(config)), { logger: false });
    await worker.init();
    workers.push(worker);
    return worker;
  }

  beforeAll(async () => {
    const redis = new Redis(REDIS, { lazyConnect: true });
    await redis.connect().catch((err: Error) => {
      throw new Error(`Redis at ${REDIS} is needed for the scale-out test (.ci/run starts it): ${err.message}`);
    });
    await redis.flushdb();
    await redis.quit();
    sandbox = await createSandbox({ seed: 77, throttling: { rateScale: 1000 } });
    app = await startTestApp('postgres', env, POSTGRES);
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
    const more = sandbox.generateOrders({ accountId: account.sandboxAccountId, count: 20, seed: 4, placedWithinHours: 0.001 }).orderIds;
    const deadline = Date.now() + 30_000;
    while ((await syncState(app, account.hubId)).ordersImported < 1520 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    expect(await hubOrderIds(app, account.hubId)).toEqual([...generated, ...more].sort());
    const [audit] = await app.ds.query(
      `SELECT count(*)::int AS imports, count(DISTINCT entity_id)::int AS orders FROM audit_event WHERE action = 'order.imported' AND order_id IN (SELECT id FROM "order" WHERE account_id = $1)`,
      [account.hubId],
    );
    expect(audit).toEqual({ imports: 1520, orders: 1520 });
  });
});
