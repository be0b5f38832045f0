/**
 * `orders(view: DUE_TODAY, first: 50)` over HTTP with 100,000 generated orders, on embedded PGlite and on
 * PostgreSQL (BENCH_DATABASE_URL or TEST_DATABASE_URL names the server; a scratch database is created and
 * dropped). Prints p50/p95 and writes them to docs/benchmarks.md.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ChannelEnvironment, type Channel } from '@order-hub/types';
import { createApp } from '../src/bootstrap';
import { loadConfig } from '../src/config/app-config';
import { ChannelAccountsService } from '../src/modules/channels/channel-accounts.service';
import { generateSyntheticOrders } from '../test/support/synthetic/synthetic-orders';
import { OrderImportService } from '../src/modules/orders/order-import.service';
import { ApiTokensService } from '../src/modules/auth/api-tokens.service';
import { createScratchPostgres, type ScratchDatabase } from '../test/support/test-databases';
import { writeBenchmarkSection } from './benchmarks-doc';

const ORDERS = Number(process.env.BENCH_ORDERS ?? 100_000);
const WARMUP = 20;
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 300);
const BATCH = 5_000;
const QUERY = `query Due($after: String) {
  orders(filter: { view: DUE_TODAY }, first: 50, after: $after) {
    totalCount
    pageInfo { endCursor hasNextPage }
    edges { node { id channelOrderId status shipBy account { name } lines { sku quantityOrdered } } }
  }
}`;

interface Result {
  database: string;
  seedSeconds: number;
  dueToday: number;
  p50: number;
  p95: number;
  max: number;
}

async function run(kind: 'pglite' | 'postgres'): Promise<Result> {
  const dataDir = mkdtempSync(join(tmpdir(), 'order-hub-bench-'));
  let scratch: ScratchDatabase | undefined;
  if (kind === 'postgres')
    scratch = await createScratchPostgres(process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL);
  const config = loadConfig({
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    // One token asks as fast as it can: the per-token rate limit would answer 429 (it measures the query, not it).
    RATE_LIMIT_PER_MINUTE: '0',
    ...(scratch ? { DATABASE_URL: scratch.url } : { PGLITE_DIR: join(dataDir, 'pglite') }),
  });
  const running = await createApp(config);
  try {
    const seedStart = performance.now();
    await seed(running.app.get(ChannelAccountsService), running.app.get(OrderImportService));
    const seedSeconds = (performance.now() - seedStart) / 1000;
    const { secret: token } = await running.app.get(ApiTokensService).create('bench', 'VIEWER', 'bench');

    await running.app.listen(0, '127.0.0.1');
    const { port } = running.app.getHttpServer().address() as { port: number };
    const post = async () => {
      const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: QUERY }),
      });
      const body = (await res.json()) as {
        data?: { orders: { totalCount: number; edges: unknown[] } };
        errors?: unknown;
      };
      if (!body.data || body.errors) throw new Error(`Query failed: ${JSON.stringify(body.errors)}`);
      return body.data.orders;
    };
    const first = await post();
    if (first.edges.length !== 50) throw new Error(`Expected a full page, got ${first.edges.length} orders`);
    for (let i = 0; i < WARMUP; i++) await post();
    const times: number[] = [];
    for (let i = 0; i < SAMPLES; i++) {
      const t = performance.now();
      await post();
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    const pick = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))];
    return {
      database: kind === 'pglite' ? 'PGlite (embedded)' : 'PostgreSQL 15',
      seedSeconds,
      dueToday: first.totalCount,
      p50: pick(0.5),
      p95: pick(0.95),
      max: times[times.length - 1],
    };
  } finally {
    await running.close();
    await scratch?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function seed(accounts: ChannelAccountsService, ingest: OrderImportService) {
  const now = new Date();
  const channels: Channel[] = ['WALMART', 'AMAZON'];
  for (const [i, channel] of channels.entries()) {
    const account = await accounts.create(
      {
        channel,
        name: `Bench ${channel}`,
        marketplace: channel === 'WALMART' ? 'US' : 'ATVPDKIKX0DER',
        environment: ChannelEnvironment.SANDBOX,
        baseUrl: 'http://127.0.0.1:4010',
        timeZone: 'America/Los_Angeles',
        credentials: { clientId: 'bench', clientSecret: 'bench' },
      },
      'bench',
    );
    const perAccount = Math.floor(ORDERS / channels.length);
    for (let done = 0; done < perAccount; done += BATCH) {
      const orders = generateSyntheticOrders(channel, Math.min(BATCH, perAccount - done), 1000 * i + done, now);
      await ingest.insertNew(account, orders, 'bench');
    }
  }
}

async function main() {
  const kinds: ('pglite' | 'postgres')[] = ['pglite'];
  if (process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL) kinds.push('postgres');
  else console.log('BENCH_DATABASE_URL / TEST_DATABASE_URL not set: PostgreSQL run skipped');
  const results: Result[] = [];
  for (const kind of kinds) {
    const r = await run(kind);
    results.push(r);
    console.log(
      `${r.database}: p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms, max ${r.max.toFixed(1)} ms (DUE_TODAY ${r.dueToday} of ${ORDERS}, seeded in ${r.seedSeconds.toFixed(1)} s)`,
    );
  }
  const ms = (n: number) => n.toFixed(1);
  writeBenchmarkSection(
    'apps/api — orders(view: DUE_TODAY, first: 50) over HTTP',
    [
      `${ORDERS.toLocaleString('en-US')} generated orders over two accounts (demo generator: ~1.4 lines each, shipments, audit events).`,
      `One client, sequential requests: ${WARMUP} warm-up, then ${SAMPLES} timed. The query selects \`totalCount\`, the page,`,
      "each order's account and lines (DataLoaders). Measured on " +
        `${new Date().toISOString().slice(0, 10)}, ${cpus().length} cores, Node ${process.version}.`,
      '',
      '| database | orders in DUE_TODAY | p50 | p95 | max | seed time |',
      '|---|---|---|---|---|---|',
      ...results.map(
        (r) =>
          `| ${r.database} | ${r.dueToday.toLocaleString('en-US')} | ${ms(r.p50)} ms | ${ms(r.p95)} ms | ${ms(r.max)} ms | ${r.seedSeconds.toFixed(1)} s |`,
      ),
    ].join('\n'),
  );
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
