/**
 * Soak: ship confirmations for Walmart and Amazon submitted over GraphQL while the sandbox injects faults on every
 * channel call (429, 500, 503, hung requests cut without an answer, and writes answered 2xx but not stored), with
 * BullMQ worker processes delivering the outbox and one of them killed with SIGKILL mid-run (and restarted).
 * Then the sandbox's own copy of every order says whether its confirmation was applied exactly once, and the hub
 * says whether every outbox row is DELIVERED. A second part measures delivery throughput against
 * WORKER_CONCURRENCY under the same faults. Needs PostgreSQL (BENCH_DATABASE_URL or TEST_DATABASE_URL) and Redis
 * (REDIS_URL, default redis://127.0.0.1:6379; database 13 is emptied).
 *
 * Environment: SOAK_CONFIRMATIONS (per channel, default 1000), SOAK_FAULT_RATE (default 0.3), SOAK_SILENT_DROP
 * (default 0.05), SOAK_CONCURRENCY (default: WORKER_CONCURRENCY's default), SOAK_SWEEP (concurrencies, default
 * 2,4,8,16; empty skips the sweep), SOAK_SWEEP_CONFIRMATIONS (per channel, default 150).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createSandbox, type Sandbox } from '@order-hub/sandbox';
import { checkTrackingNumber } from '@order-hub/rules';
import type { Channel } from '@order-hub/types';
import { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { createApp, type RunningApp } from '../src/bootstrap';
import { loadConfig } from '../src/config/app-config';
import { createScratchPostgres } from '../test/support/test-databases';
import { writeBenchmarkSection } from './benchmarks-doc';
import { ApiTokensService } from '../src/modules/auth/api-tokens.service';

export interface SoakOptions {
  /** PostgreSQL server a scratch database is created on (and dropped after). */
  adminUrl: string;
  /** A Redis database of the soak's own (emptied first). */
  redisUrl: string;
  /** The compiled worker entry (dist/src/worker.js). */
  workerScript: string;
  /** Confirmations per channel (one one-unit order each). */
  perChannel: number;
  /** Share of channel calls answered 429, 500, 503 or left hanging (a quarter each). */
  faultRate: number;
  /** Share of the writes that pass which the channel answers 2xx without storing. */
  silentDrop: number;
  workers: number;
  concurrency: number;
  /** Kill one worker with SIGKILL once this share of the shipments is delivered, and start it again. */
  killAt?: number;
  /** Scheduled pulls run throughout (as in production) when true. */
  sync?: boolean;
  /** Gives up (and reports what is left) after this long. */
  guardMs?: number;
  seed?: number;
  log?: (line: string) => void;
}

export interface SoakResult {
  confirmations: number;
  submitErrors: string[];
  /** Confirmations the channel holds exactly once, with the tracking number sent. */
  applied: number;
  /** Confirmations the channel does not hold. */
  lost: number;
  /** Confirmations the channel holds more than once (more units shipped than confirmed, or two packages). */
  duplicated: number;
  /** Shipped once but with another tracking number than the one confirmed. */
  wrong: number;
  /** Hub orders whose shipments are not exactly the one confirmed. */
  hubShipmentMismatches: number;
  outbox: Record<string, number>;
  /** Attempts recorded on SHIP rows, and those whose read-back found a 2xx write missing (silent drops caught). */
  attempts: number;
  readBackMismatches: number;
  faultsInjected: number;
  killedWorker: boolean;
  p50Ms: number;
  p95Ms: number;
  wallMs: number;
  deliveredPerS: number;
  drained: boolean;
}

/** Faults on every call of the channel (reads, writes, token requests): hung calls are cut after 10 s. */
const HANG_MS = 10_000;
const SHIP = `mutation($input: ShipmentInput!) { confirmShipment(input: $input) { shipment { id } } }`;
const SUBMITTERS = 8;

/** A tracking number with a valid UPS check digit (the rules refuse anything else); both channels take UPS. */
function upsNumber(n: number): string {
  const body = `1ZA4W7E9${String(n % 100).padStart(2, '0')}${String(n).padStart(7, '0')}`;
  for (let d = 0; d < 10; d++) if (checkTrackingNumber(body + d, 'UPS').valid) return body + d;
  throw new Error(`no check digit for ${body}`);
}

interface ChannelShipment {
  /** Units the channel's copy shows shipped, and the tracking numbers it holds. */
  units: number;
  tracking: string[];
}

/** How each channel's own copy of an order (the sandbox's internal state) shows its shipments. */
const SHIPPED_ON_CHANNEL: Record<Channel, (internal: unknown) => ChannelShipment> = {
  WALMART: (internal) => {
    const order = internal as {
      lines: { buckets: { status: string; quantity: number; tracking?: { trackingNumber: string } }[] }[];
    };
    const shipped = order.lines.flatMap((l) => l.buckets).filter((b) => b.status === 'Shipped' && b.quantity > 0);
    return {
      units: shipped.reduce((s, b) => s + b.quantity, 0),
      tracking: shipped.map((b) => b.tracking?.trackingNumber ?? ''),
    };
  },
  AMAZON: (internal) => {
    const order = internal as { packages: { trackingNumber: string; items: { quantity: number }[] }[] };
    return {
      units: order.packages.flatMap((p) => p.items).reduce((s, i) => s + i.quantity, 0),
      tracking: order.packages.map((p) => p.trackingNumber),
    };
  },
};

/** Account fields for createChannelAccount, per channel. */
function accountInput(sandbox: Sandbox, channel: Channel, name: string) {
  const creds = sandbox.createAccount(channel, name);
  const credentials: Record<Channel, Record<string, string>> = {
    WALMART: { clientId: creds.clientId, clientSecret: creds.clientSecret },
    AMAZON: {
      clientId: creds.clientId,
      clientSecret: creds.clientSecret,
      refreshToken: creds.refreshToken ?? '',
      sellerId: creds.sellerId,
      lwaEndpoint: `${sandbox.amazonBaseUrl}/auth/o2/token`,
    },
  };
  const baseUrl: Record<Channel, string> = { WALMART: sandbox.walmartBaseUrl, AMAZON: sandbox.amazonBaseUrl };
  return {
    sandboxAccountId: creds.accountId,
    input: {
      channel,
      name,
      environment: 'SANDBOX',
      autoAcknowledge: false,
      baseUrl: baseUrl[channel],
      credentials: credentials[channel],
    },
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function outboxCounts(ds: DataSource): Promise<Record<string, number>> {
  const rows: { status: string; n: number }[] = await ds.query(
    `SELECT status, count(*)::int AS n FROM outbox GROUP BY status ORDER BY status`,
  );
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}

export async function runSoak(options: SoakOptions): Promise<SoakResult> {
  const log = options.log ?? (() => undefined);
  const seed = options.seed ?? 2026;
  const sandbox = await createSandbox({ seed, throttling: { rateScale: 1000 } });
  const scratch = await createScratchPostgres(options.adminUrl);
  const dataDir = mkdtempSync(join(tmpdir(), 'order-hub-soak-'));
  const redis = new Redis(options.redisUrl);
  await redis.flushdb();
  await redis.quit();
  const env: Record<string, string> = {
    DATA_DIR: dataDir,
    DATABASE_URL: scratch.url,
    REDIS_URL: options.redisUrl,
    LOG_LEVEL: 'silent',
    SYNC_ENABLED: options.sync ? 'true' : 'false',
    CHANNEL_RATE_SCALE: '1000',
    CHANNEL_TIMEOUT_MS: '5000',
    WORKER_CONCURRENCY: String(options.concurrency),
    // The soak's own GraphQL traffic is not what the rate limits are for.
    RATE_LIMIT_PER_MINUTE: '0',
  };
  const workers: ChildProcess[] = [];
  const startWorker = (slot: number) => {
    workers[slot] = spawn(process.execPath, [options.workerScript], {
      env: { PATH: process.env.PATH, ...env },
      stdio: 'ignore',
    });
  };
  let running: RunningApp | undefined;
  try {
    running = await createApp(loadConfig(env));
    await running.app.listen(0, '127.0.0.1');
    const { port } = running.app.getHttpServer().address() as { port: number };
    const token = (await running.app.get(ApiTokensService).create('soak admin', 'ADMIN', 'system:soak')).secret;
    const gql = async <T = unknown>(query: string, variables: Record<string, unknown>): Promise<T> => {
      const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await res.json()) as { data?: T; errors?: { message: string }[] };
      if (body.errors) throw new Error(body.errors.map((e) => e.message).join('; '));
      return body.data as T;
    };
    const ds = running.app.get(DataSource);
    for (let i = 0; i < options.workers; i++) startWorker(i);

    // Each channel's orders, imported before the faults start.
    const channels: Channel[] = ['WALMART', 'AMAZON'];
    const orders: { id: string; line: string; channel: Channel; po: string; tracking: string }[] = [];
    for (const channel of channels) {
      const { sandboxAccountId, input } = accountInput(sandbox, channel, `Soak ${channel}`);
      const created = await gql<{ createChannelAccount: { id: string } }>(
        `mutation($input: CreateChannelAccountInput!) { createChannelAccount(input: $input) { id } }`,
        { input },
      );
      const hubId = created.createChannelAccount.id;
      sandbox.generateOrders({
        accountId: sandboxAccountId,
        count: options.perChannel,
        seed: seed + orders.length,
        placedWithinHours: 12,
        mix: { multiLine: 0, multiQuantity: 0, intentToCancel: 0, channelFulfilled: 0 },
      });
      await gql(`mutation($id: ID!) { syncAccount(accountId: $id) { running } }`, { id: hubId });
      for (let waited = 0; ; waited += 250) {
        const [row]: { n: number }[] = await ds.query(`SELECT count(*)::int AS n FROM "order" WHERE account_id = $1`, [
          hubId,
        ]);
        if (row.n === options.perChannel) break;
        if (waited > 120_000) throw new Error(`${channel} import stopped at ${row.n} of ${options.perChannel} orders`);
        await sleep(250);
      }
      const rows: { id: string; line: string; po: string }[] = await ds.query(
        `SELECT o.id, l.line_number AS line, o.channel_order_id AS po FROM "order" o JOIN order_line l ON l.order_id = o.id WHERE o.account_id = $1`,
        [hubId],
      );
      for (const r of rows) orders.push({ ...r, channel, tracking: upsNumber(orders.length + 1) });
    }
    log(`imported ${orders.length} orders; faults on, submitting`);

    const quarter = options.faultRate / 4;
    const faults = channels.map((channel) =>
      sandbox.injectFault({
        channel,
        error429: quarter,
        error500: quarter,
        error503: quarter,
        timeout: quarter,
        timeoutMs: HANG_MS,
        silentDrop: options.silentDrop,
      }),
    );

    // Walmart and Amazon interleaved, eight submitters at once.
    const queue = channels.flatMap((c) => orders.filter((o) => o.channel === c)).sort((a, b) => (a.id < b.id ? -1 : 1));
    const submitErrors: string[] = [];
    const start = performance.now();
    const startedAt = new Date();
    const submitting = Promise.all(
      Array.from({ length: SUBMITTERS }, async () => {
        for (let o = queue.shift(); o; o = queue.shift()) {
          try {
            await gql(SHIP, {
              input: {
                orderId: o.id,
                lines: [{ lineNumber: o.line, quantity: 1 }],
                carrier: 'UPS',
                trackingNumber: o.tracking,
                shippedAt: new Date().toISOString(),
              },
            });
          } catch (err) {
            submitErrors.push(`${o.channel} ${o.po}: ${(err as Error).message}`);
          }
        }
      }),
    );

    let killedWorker = false;
    const guard = Date.now() + (options.guardMs ?? 60 * 60_000);
    let counts: Record<string, number> = {};
    let drained = false;
    let lastLog = 0;
    let submitted = false;
    void submitting.then(() => (submitted = true));
    for (;;) {
      await sleep(250);
      counts = await outboxCounts(ds);
      const [ship]: { delivered: number }[] = await ds.query(
        `SELECT count(*) FILTER (WHERE status = 'DELIVERED')::int AS delivered FROM outbox WHERE operation = 'SHIP'`,
      );
      if (!killedWorker && options.killAt !== undefined && ship.delivered >= options.killAt * orders.length) {
        const victim = workers[0];
        log(`SIGKILL worker pid ${victim.pid} at ${ship.delivered} shipments delivered`);
        victim.kill('SIGKILL');
        await new Promise((r) =>
          victim.exitCode === null && victim.signalCode === null ? victim.once('exit', r) : r(null),
        );
        killedWorker = true;
        await sleep(1_000);
        startWorker(0);
      }
      if (Date.now() - lastLog > 10_000) {
        lastLog = Date.now();
        log(`${Math.round((performance.now() - start) / 1000)} s: outbox ${JSON.stringify(counts)}`);
      }
      if (submitted && !counts.PENDING && !counts.SENDING) {
        drained = true;
        break;
      }
      if (Date.now() > guard) break;
    }
    await submitting;
    const wallMs = performance.now() - start;
    for (const f of faults) sandbox.clearFaults(f.id);

    // The sandbox's own state, order by order.
    let applied = 0;
    let lost = 0;
    let duplicated = 0;
    let wrong = 0;
    for (const o of orders) {
      const shipped = SHIPPED_ON_CHANNEL[o.channel](sandbox.orderState(o.channel, o.po).internal);
      if (shipped.units === 0) lost += 1;
      else if (shipped.units > 1 || shipped.tracking.length > 1) duplicated += 1;
      else if (shipped.tracking[0] !== o.tracking) wrong += 1;
      else applied += 1;
    }
    const [hub]: { n: number }[] = await ds.query(
      `SELECT count(*)::int AS n FROM "order" o WHERE (SELECT count(*) FROM shipment s WHERE s.order_id = o.id) <> 1`,
    );
    const [attempts]: { attempts: number; mismatches: number }[] = await ds.query(
      `SELECT count(*)::int AS attempts, count(*) FILTER (WHERE a.outcome = 'READ_BACK_MISMATCH')::int AS mismatches
         FROM outbox_attempt a JOIN outbox o ON o.id = a.outbox_id WHERE o.operation = 'SHIP'`,
    );
    const [latency]: { p50: number | null; p95: number | null; last: Date | null }[] = await ds.query(
      `SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM delivered_at - created_at) * 1000) AS p50,
              percentile_cont(0.95) WITHIN GROUP (ORDER BY extract(epoch FROM delivered_at - created_at) * 1000) AS p95,
              max(delivered_at) AS last
         FROM outbox WHERE operation = 'SHIP' AND status = 'DELIVERED'`,
    );
    const deliveredMs = latency.last ? new Date(latency.last).getTime() - startedAt.getTime() : wallMs;
    return {
      confirmations: orders.length,
      submitErrors,
      applied,
      lost,
      duplicated,
      wrong,
      hubShipmentMismatches: hub.n,
      outbox: counts,
      attempts: attempts.attempts,
      readBackMismatches: attempts.mismatches,
      faultsInjected: faults.reduce((s, f) => s + f.affected, 0),
      killedWorker,
      p50Ms: Math.round(Number(latency.p50 ?? NaN)),
      p95Ms: Math.round(Number(latency.p95 ?? NaN)),
      wallMs: Math.round(wallMs),
      deliveredPerS: orders.length / (deliveredMs / 1000),
      drained,
    };
  } finally {
    for (const w of workers) if (w && w.exitCode === null && w.signalCode === null) w.kill('SIGTERM');
    await Promise.all(
      workers.map(
        (w) => new Promise((r) => (!w || w.exitCode !== null || w.signalCode !== null ? r(null) : w.once('exit', r))),
      ),
    );
    await running?.close();
    await sandbox.close();
    await scratch.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const seconds = (ms: number) => (ms >= 10_000 ? `${(ms / 1000).toFixed(0)} s` : `${(ms / 1000).toFixed(1)} s`);

async function main() {
  const adminUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    console.log('BENCH_DATABASE_URL / TEST_DATABASE_URL not set: the soak runs on PostgreSQL only, left out');
    return;
  }
  const redisUrl = `${(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379').replace(/\/\d+$/, '')}/13`;
  const workerScript = join(__dirname, '..', 'src', 'worker.js');
  const defaults = loadConfig({ DATA_DIR: tmpdir() });
  const perChannel = Number(process.env.SOAK_CONFIRMATIONS ?? 1_000);
  const faultRate = Number(process.env.SOAK_FAULT_RATE ?? 0.3);
  const silentDrop = Number(process.env.SOAK_SILENT_DROP ?? 0.05);
  const concurrency = Number(process.env.SOAK_CONCURRENCY ?? defaults.workerConcurrency);
  const sweep = (process.env.SOAK_SWEEP ?? '2,4,8,16').split(',').filter(Boolean).map(Number);
  const sweepPerChannel = Number(process.env.SOAK_SWEEP_CONFIRMATIONS ?? 150);
  const log = (line: string) => console.log(`[soak] ${line}`);
  const loadAtStart = loadavg()[0];
  const base = { adminUrl, redisUrl, workerScript, workers: 2, faultRate, silentDrop, log };

  const sweepResults: { concurrency: number; result: SoakResult }[] = [];
  for (const c of sweep) {
    log(`sweep: WORKER_CONCURRENCY=${c}, ${2 * sweepPerChannel} confirmations`);
    sweepResults.push({
      concurrency: c,
      result: await runSoak({ ...base, perChannel: sweepPerChannel, concurrency: c }),
    });
  }

  log(`soak: ${2 * perChannel} confirmations, WORKER_CONCURRENCY=${concurrency}, one worker killed`);
  const soak = await runSoak({ ...base, perChannel, concurrency, killAt: 0.3, sync: true });
  const figures = [
    ['confirmations submitted', soak.confirmations.toLocaleString('en-US')],
    ['submissions refused', String(soak.submitErrors.length)],
    ['applied exactly once (sandbox state)', soak.applied.toLocaleString('en-US')],
    ['lost', String(soak.lost)],
    ['duplicated', String(soak.duplicated)],
    ['applied with another tracking number', String(soak.wrong)],
    ['hub orders without exactly one shipment', String(soak.hubShipmentMismatches)],
    [
      'outbox rows by status',
      Object.entries(soak.outbox)
        .map(([s, n]) => `${s} ${n.toLocaleString('en-US')}`)
        .join(', '),
    ],
    ['faults injected (calls affected)', soak.faultsInjected.toLocaleString('en-US')],
    [
      'SHIP attempts / silent drops caught by read-back',
      `${soak.attempts.toLocaleString('en-US')} / ${soak.readBackMismatches}`,
    ],
    ['worker killed with SIGKILL and restarted', soak.killedWorker ? 'yes (at 30% delivered)' : 'no'],
    ['submission → delivery p50 / p95', `${seconds(soak.p50Ms)} / ${seconds(soak.p95Ms)}`],
    ['wall time (first submission → last delivery)', seconds(soak.wallMs)],
  ];
  for (const [k, v] of figures) console.log(`${k}: ${v}`);
  if (soak.submitErrors.length) console.log(soak.submitErrors.slice(0, 10).join('\n'));
  for (const { concurrency: c, result: r } of sweepResults)
    console.log(
      `WORKER_CONCURRENCY=${c}: ${r.deliveredPerS.toFixed(1)} confirmations delivered/s, p50 ${seconds(r.p50Ms)}, p95 ${seconds(r.p95Ms)}, lost ${r.lost}, duplicated ${r.duplicated}`,
    );

  writeBenchmarkSection(
    'apps/api — soak: ship confirmations under channel faults and a killed worker',
    [
      `${soak.confirmations.toLocaleString('en-US')} ship confirmations (${perChannel.toLocaleString('en-US')} Walmart, ${perChannel.toLocaleString('en-US')} Amazon; one one-unit order each, generated`,
      'in the sandbox and imported first), submitted over GraphQL by eight clients at once, on PostgreSQL 15 with Redis and',
      `two BullMQ worker processes (WORKER_CONCURRENCY=${concurrency}), scheduled pulls running. The sandbox answers ${Math.round(faultRate * 100)}% of every`,
      `channel call (reads, writes, token requests) with 429, 500, 503 or a hung request cut after ${HANG_MS / 1000} s (a quarter each;`,
      `CHANNEL_TIMEOUT_MS=5000), and ${Math.round(silentDrop * 100)}% of the writes that pass with a 2xx it does not store. One worker is killed`,
      'with SIGKILL once 30% of the shipments are delivered and started again. "Applied exactly once" is read from the',
      "sandbox's own copy of each order: one unit shipped, one package or shipment, the tracking number confirmed.",
      `Measured on ${new Date().toISOString().slice(0, 10)}, ${cpus().length} cores (api, workers, sandbox, PostgreSQL and Redis share them; 1-minute load`,
      `average ${loadAtStart.toFixed(1)} when the script started), Node ${process.version}.`,
      '',
      '| figure | value |',
      '|---|---|',
      ...figures.map(([k, v]) => `| ${k} | ${v} |`),
      '',
      `Throughput against WORKER_CONCURRENCY (two workers, ${(2 * sweepPerChannel).toLocaleString('en-US')} confirmations per run, same faults, no`,
      'worker killed, no scheduled pulls). "Delivered/s" counts from the first submission to the last DELIVERED row.',
      '',
      '| WORKER_CONCURRENCY | confirmations delivered/s | submission → delivery p50 | p95 | lost / duplicated |',
      '|---|---|---|---|---|',
      ...sweepResults.map(
        ({ concurrency: c, result: r }) =>
          `| ${c} | ${r.deliveredPerS.toFixed(1)} | ${seconds(r.p50Ms)} | ${seconds(r.p95Ms)} | ${r.lost} / ${r.duplicated} |`,
      ),
      '',
      'Under these faults a delivery job spends most of its time waiting: a hung call holds it for CHANNEL_TIMEOUT_MS, a',
      "5xx sends it into backoff, and an injected 429 pauses the account's calls of that operation (one rate bucket per",
      'account and operation, shared by the workers). More jobs per worker keep the channel busy meanwhile, which is why',
      'WORKER_CONCURRENCY defaults to 16; past that, the channel budget and the backoff of the unlucky rows set the pace.',
    ].join('\n'),
  );
  if (soak.lost || soak.duplicated || soak.wrong || !soak.drained) process.exitCode = 1;
}

if (require.main === module) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
