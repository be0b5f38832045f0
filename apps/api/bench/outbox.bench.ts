/**
 * Shipment confirmations delivered per second through the outbox to the sandbox (throttles off), on
 * PostgreSQL: the in-process driver, and BullMQ on Redis with two worker processes. Each confirmation is a
 * Walmart ship call plus its read-back. Needs BENCH_DATABASE_URL or TEST_DATABASE_URL, and REDIS_URL
 * (default redis://127.0.0.1:6379, database 10 is emptied).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createSandbox, type Sandbox } from '@order-hub/sandbox';
import { checkTrackingNumber } from '@order-hub/rules';
import { ChannelEnvironment } from '@order-hub/types';
import { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { createApp, type RunningApp } from '../src/bootstrap';
import { loadConfig } from '../src/config/app-config';
import { AcknowledgeService } from '../src/modules/actions/acknowledge.service';
import { ShipService } from '../src/modules/actions/ship.service';
import { ChannelAccountsService } from '../src/modules/channels/channel-accounts.service';
import { SyncSchedulerService } from '../src/modules/sync/sync-scheduler.service';
import { createScratchPostgres } from '../test/support/test-databases';
import { writeBenchmarkSection } from './benchmarks-doc';

const CONFIRMATIONS = Number(process.env.BENCH_CONFIRMATIONS ?? 2_000);
const WORKER = join(__dirname, '..', 'src', 'worker.js');
const TUNING = { LOG_LEVEL: 'silent', CHANNEL_RATE_SCALE: '1000000', SYNC_ENABLED: 'false' };

interface Result {
  mode: string;
  acceptedPerS: number;
  deliveredPerS: number;
}

async function drained(ds: DataSource): Promise<void> {
  for (;;) {
    const rows: { open: number; bad: number }[] = await ds.query(
      `SELECT count(*) FILTER (WHERE status IN ('PENDING', 'SENDING'))::int AS open, count(*) FILTER (WHERE status IN ('FAILED', 'DEAD'))::int AS bad FROM outbox`,
    );
    const [row] = rows;
    if (row.bad) throw new Error(`${row.bad} outbox rows failed`);
    if (!row.open) return;
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A tracking number with a valid UPS check digit (the rules would refuse anything else). */
function upsNumber(n: number): string {
  const body = `1ZA4W7E9${String(n % 100).padStart(2, '0')}${String(n).padStart(7, '0')}`;
  for (let d = 0; d < 10; d++) if (checkTrackingNumber(body + d, 'UPS').valid) return body + d;
  throw new Error(`no check digit for ${body}`);
}

async function run(mode: 'in-process' | 'bullmq', adminUrl: string, redisUrl: string): Promise<Result> {
  const sandbox: Sandbox = await createSandbox({ seed: 77, throttling: false });
  const scratch = await createScratchPostgres(adminUrl);
  const dataDir = mkdtempSync(join(tmpdir(), 'order-hub-bench-outbox-'));
  const env = {
    ...TUNING,
    DATA_DIR: dataDir,
    DATABASE_URL: scratch.url,
    ...(mode === 'bullmq' ? { REDIS_URL: redisUrl } : {}),
  };
  const workers: ChildProcess[] = [];
  let running: RunningApp | undefined;
  try {
    running = await createApp(loadConfig(env));
    const seller = sandbox.createAccount('WALMART', 'bench');
    sandbox.generateOrders({
      accountId: seller.accountId,
      count: CONFIRMATIONS,
      seed: 3,
      mix: { multiLine: 0, multiQuantity: 0, intentToCancel: 0, channelFulfilled: 0 },
    });
    const account = await running.app.get(ChannelAccountsService).create(
      {
        channel: 'WALMART',
        name: 'bench',
        marketplace: 'US',
        environment: ChannelEnvironment.SANDBOX,
        baseUrl: sandbox.walmartBaseUrl,
        timeZone: 'America/Los_Angeles',
        credentials: { clientId: seller.clientId, clientSecret: seller.clientSecret },
        autoAcknowledge: false,
      },
      'bench',
    );
    if ((await running.app.get(SyncSchedulerService).pullNow(account.id)) !== 'DONE') throw new Error('import failed');
    if (mode === 'bullmq') {
      for (let i = 0; i < 2; i++)
        workers.push(spawn(process.execPath, [WORKER], { env: { PATH: process.env.PATH, ...env }, stdio: 'ignore' }));
    }
    const ds = running.app.get(DataSource);
    const orders: { id: string; line: string }[] = await ds.query(
      `SELECT o.id, l.line_number AS line FROM "order" o JOIN order_line l ON l.order_id = o.id WHERE o.account_id = $1`,
      [account.id],
    );
    await running.app.get(AcknowledgeService).acknowledge(
      orders.map((o) => o.id),
      'bench',
    );
    await drained(ds);

    const ship = running.app.get(ShipService);
    const start = performance.now();
    // Eight operators (or warehouse tools) confirming at once.
    const queue = orders.map((o, i) => ({ ...o, tracking: upsNumber(i + 1) }));
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        for (let o = queue.shift(); o; o = queue.shift()) {
          await ship.confirmShipment(
            {
              orderId: o.id,
              lines: [{ lineNumber: o.line, quantity: 1 }],
              carrier: 'UPS',
              trackingNumber: o.tracking,
              shippedAt: new Date(),
            },
            'bench',
          );
        }
      }),
    );
    const accepted = (performance.now() - start) / 1000;
    await drained(ds);
    const delivered = (performance.now() - start) / 1000;
    return {
      mode: mode === 'in-process' ? 'in-process driver (api process)' : 'BullMQ, 2 worker processes',
      acceptedPerS: orders.length / accepted,
      deliveredPerS: orders.length / delivered,
    };
  } finally {
    for (const w of workers) w.kill('SIGTERM');
    await Promise.all(workers.map((w) => new Promise((r) => (w.exitCode === null ? w.once('exit', r) : r(null)))));
    await running?.close();
    await sandbox.close();
    await scratch.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main() {
  const adminUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    console.log(
      'BENCH_DATABASE_URL / TEST_DATABASE_URL not set: the outbox benchmark runs on PostgreSQL only, left out',
    );
    return;
  }
  const redisUrl = `${(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379').replace(/\/\d+$/, '')}/10`;
  const redis = new Redis(redisUrl);
  await redis.flushdb();
  await redis.quit();
  const results = [await run('in-process', adminUrl, redisUrl), await run('bullmq', adminUrl, redisUrl)];
  for (const r of results)
    console.log(
      `${r.mode}: ${r.deliveredPerS.toFixed(0)} confirmations delivered/s (accepted ${r.acceptedPerS.toFixed(0)}/s)`,
    );
  writeBenchmarkSection(
    'apps/api — shipment confirmations through the outbox',
    [
      `${CONFIRMATIONS.toLocaleString('en-US')} Walmart shipment confirmations (rules, transaction, outbox row), each delivered as a ship call plus a`,
      'read-back of the order, to the sandbox with throttles off, on PostgreSQL 15; eight confirmations are submitted at a time.',
      '"Delivered/s" counts from the first confirmation',
      `to the last DELIVERED row. Measured on ${new Date().toISOString().slice(0, 10)}, ${cpus().length} cores (api, workers, sandbox and PostgreSQL share them), Node ${process.version}.`,
      '',
      '| driver | confirmations accepted/s | confirmations delivered/s |',
      '|---|---|---|',
      ...results.map((r) => `| ${r.mode} | ${r.acceptedPerS.toFixed(0)} | ${r.deliveredPerS.toFixed(0)} |`),
    ].join('\n'),
  );
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
