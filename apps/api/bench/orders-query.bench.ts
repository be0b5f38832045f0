/**
 * The inbox at a million orders (issue 17's targets), on PostgreSQL (BENCH_DATABASE_URL or TEST_DATABASE_URL names the
 * server; a scratch database is created and dropped): a year of history written in SQL (orders-year-generator), then
 * each inbox request over HTTP as the console sends it, p50/p95 over BENCH_SAMPLES runs after a warm-up: every view's
 * page with approximateCount, the tab counts (orderViewCounts), searches (customer-name fragment, SKU fragment, whole
 * tracking number, whole order number), and the DUE_TODAY page beside the same page and count in bare SQL (ratio).
 * Prints the figures and the plans (EXPLAIN ANALYZE of the SQL the api ran) and writes docs/benchmarks.md.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ChannelEnvironment, type Channel } from '@order-hub/types';
import { DataSource, type Logger } from 'typeorm';
import { createApp } from '../src/bootstrap';
import { loadConfig } from '../src/config/app-config';
import { ChannelAccountsService } from '../src/modules/channels/channel-accounts.service';
import { ApiTokensService } from '../src/modules/auth/api-tokens.service';
import { createScratchPostgres } from '../test/support/test-databases';
import { writeBenchmarkSection } from './benchmarks-doc';
import { seedYearOfOrders, type BenchAccount } from './orders-year-generator';

const ORDERS = Number(process.env.BENCH_ORDERS ?? 1_000_000);
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 100);
const WARMUP = 10;

/** What the console's inbox asks for each view (without the exact totalCount, which the console does not show). */
const INBOX = `query Inbox($filter: OrderFilter, $sort: OrderSort, $first: Int) {
  orders(filter: $filter, sort: $sort, first: $first) {
    approximateCount { count exact }
    pageInfo { endCursor hasNextPage }
    edges {
      matches { field value }
      node {
        id channel channelOrderId account { id name timeZone } orderedAt shipBy status fulfillmentMethod shipMethod
        shipMethodLabel expedited shipToState cancellationRequested total { amountCents currency }
        lines { id sku quantityOrdered } shipments { id trackingNumber }
      }
    }
  }
}`;

/** The measured page: DUE_TODAY's first 50 with the exact count, the account's name and the lines. */
const PAGE = `query Page {
  orders(filter: { view: DUE_TODAY }, first: 50) {
    totalCount
    edges { node { id channelOrderId status shipBy account { name } lines { sku quantityOrdered } } }
  }
}`;

const COUNTS = `{ orderViewCounts { view count exact } }`;

interface Figure {
  name: string;
  target: number;
  p50: number;
  p95: number;
  detail: string;
}

type Post = (query: string, variables?: Record<string, unknown>) => Promise<Record<string, unknown>>;

async function main() {
  const adminUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error('Set BENCH_DATABASE_URL or TEST_DATABASE_URL: this bench measures PostgreSQL.');
  const scratch = await createScratchPostgres(adminUrl);
  const dataDir = mkdtempSync(join(tmpdir(), 'order-hub-bench-'));
  const running = await createApp(
    loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', RATE_LIMIT_PER_MINUTE: '0', DATABASE_URL: scratch.url }),
  );
  try {
    const ds = running.app.get(DataSource);
    const now = new Date();
    const accounts = await createAccounts(running.app.get(ChannelAccountsService));
    const seedStart = performance.now();
    await seedYearOfOrders(ds, accounts, ORDERS, now, (done) => process.stdout.write(`\rseeded ${done} orders`));
    await ds.query('VACUUM ANALYZE');
    const seedSeconds = (performance.now() - seedStart) / 1000;
    const sizes = await tableSizes(ds);
    console.log(`\n${JSON.stringify(sizes)} in ${seedSeconds.toFixed(0)} s`);

    const { secret: token } = await running.app.get(ApiTokensService).create('bench', 'VIEWER', 'bench');
    await running.app.listen(0, '127.0.0.1');
    const { port } = running.app.getHttpServer().address() as { port: number };
    const post: Post = async (query, variables = {}) => {
      const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await res.json()) as { data?: Record<string, unknown>; errors?: unknown };
      if (!body.data || body.errors) throw new Error(`Query failed: ${JSON.stringify(body.errors)}`);
      return body.data;
    };
    const terms = await searchTerms(ds);
    const figures: Figure[] = [];
    const plans: string[] = [];
    const measureInbox = async (name: string, filter: Record<string, unknown>, target: number, sort?: unknown) => {
      const { figure, plan } = await measure(
        ds,
        name,
        target,
        () => post(INBOX, { filter, sort, first: 50 }),
        describePage,
      );
      figures.push(figure);
      plans.push(plan);
    };
    for (const view of ['NEW', 'DUE_TODAY', 'PAST_DUE', 'AT_RISK', 'NEEDS_ATTENTION', 'SHIPPED_NO_SCAN', 'ALL']) {
      await measureInbox(`orders(view: ${view}, first: 50)`, { view }, 25);
    }
    await measureInbox(`orders(view: DUE_TODAY) sorted by customer`, { view: 'DUE_TODAY' }, 25, {
      field: 'CUSTOMER',
      direction: 'ASC',
    });
    const counts = await measure(ds, 'orderViewCounts (tab badges)', 10, () => post(COUNTS), describeCounts);
    figures.push(counts.figure);
    plans.push(counts.plan);
    await measureInbox(`search: customer-name fragment "${terms.name}"`, { view: 'ALL', search: terms.name }, 50);
    await measureInbox(`search: SKU fragment "${terms.sku}"`, { view: 'ALL', search: terms.sku }, 50);
    await measureInbox(`search: whole tracking number`, { view: 'ALL', search: terms.tracking }, 50);
    await measureInbox(`search: whole order number`, { view: 'ALL', search: terms.orderNumber }, 50);

    const gql = await measure(ds, 'DUE_TODAY page + totalCount, GraphQL', 25, () => post(PAGE), describeTotal);
    const raw = await measure(
      ds,
      'same page + count, bare SQL',
      25,
      () => rawPage(ds, now),
      () => 'pg, 3 statements',
    );
    figures.push(gql.figure, raw.figure);
    plans.push(gql.plan);
    const ratio = gql.figure.p50 / raw.figure.p50;

    for (const f of figures)
      console.log(`${f.name}: p50 ${ms(f.p50)}, p95 ${ms(f.p95)} (target p95 ${f.target} ms) ${f.detail}`);
    console.log(`GraphQL / bare SQL (p50): ${ratio.toFixed(2)}×`);
    console.log(plans.join('\n\n'));
    writeDoc(figures, ratio, sizes, seedSeconds, plans);
  } finally {
    await running.close();
    await scratch.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function createAccounts(service: ChannelAccountsService): Promise<BenchAccount[]> {
  const accounts: BenchAccount[] = [];
  for (const channel of ['WALMART', 'AMAZON'] as Channel[]) {
    for (const timeZone of ['America/Los_Angeles', 'America/New_York']) {
      const a = await service.create(
        {
          channel,
          name: `Bench ${channel} ${timeZone}`,
          marketplace: channel === 'WALMART' ? 'US' : 'ATVPDKIKX0DER',
          environment: ChannelEnvironment.SANDBOX,
          baseUrl: 'http://127.0.0.1:9/none',
          timeZone,
          credentials: { clientId: 'bench', clientSecret: 'bench-secret' },
        },
        'bench',
      );
      accounts.push({ id: a.id, channel: channel });
    }
  }
  return accounts;
}

/** Search terms taken from the data: a surname without its first letter, a product-colour-size SKU fragment, numbers. */
async function searchTerms(ds: DataSource) {
  const [o]: { name: string; channel_order_id: string }[] = await ds.query(
    `SELECT ship_to_name AS name, channel_order_id FROM "order" WHERE ship_to_name IS NOT NULL ORDER BY ordered_at DESC OFFSET (SELECT count(*) / 200 FROM "order") LIMIT 1`,
  );
  const [s]: { tracking_number: string }[] = await ds.query(
    `SELECT tracking_number FROM shipment ORDER BY shipped_at DESC OFFSET (SELECT count(*) / 50 FROM shipment) LIMIT 1`,
  );
  const [l]: { sku: string }[] = await ds.query(`SELECT sku FROM order_line ORDER BY id LIMIT 1`);
  return {
    name: o.name.split(' ')[1].slice(1).toLowerCase(),
    orderNumber: o.channel_order_id,
    tracking: s.tracking_number.toLowerCase(),
    sku: l.sku.split('-').slice(1).join('-'),
  };
}

/**
 * Times `run` (warm-up, then SAMPLES sequential runs) and, with the SQL the api ran in one extra run captured from
 * TypeORM's logger, the plan of its slowest statement.
 */
async function measure(
  ds: DataSource,
  name: string,
  target: number,
  run: () => Promise<unknown>,
  describe: (result: unknown) => string,
): Promise<{ figure: Figure; plan: string }> {
  let result: unknown;
  for (let i = 0; i < WARMUP; i++) result = await run();
  const times: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const t = performance.now();
    await run();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const pick = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))];
  const plan = await orderPlans(ds, run);
  return {
    figure: { name, target, p50: pick(0.5), p95: pick(0.95), detail: describe(result) },
    plan: `### ${name}\n\n${plan}`,
  };
}

/**
 * Runs `run` once with TypeORM's logger capturing the api's SQL, then EXPLAIN ANALYZEs what it ran against the order
 * table (the page and the counts), each plan shortened (id lists elided).
 */
async function orderPlans(ds: DataSource, run: () => Promise<unknown>): Promise<string> {
  const captured: { query: string; parameters?: unknown[] }[] = [];
  const original = ds.logger;
  const capture: Logger = {
    logQuery: (query, parameters) => void captured.push({ query, parameters }),
    logQueryError: () => {},
    logQuerySlow: () => {},
    logSchemaBuild: () => {},
    logMigration: () => {},
    log: () => {},
  };
  Object.assign(ds, { logger: capture });
  try {
    await run();
  } finally {
    Object.assign(ds, { logger: original });
  }
  const plans: string[] = [];
  for (const q of captured.filter((c) => /^SELECT .*FROM "order" "o"/s.test(c.query))) {
    const rows: { 'QUERY PLAN': string }[] = await ds.query(`EXPLAIN (ANALYZE, COSTS OFF) ${q.query}`, q.parameters);
    const plan = rows
      .map((r) => r['QUERY PLAN'])
      .filter((l) => !/^\s*(Buffers|Planning:|Sort Method|Batches|Heap Blocks)/.test(l))
      .join('\n')
      .replace(/'\{[^}]{60,}\}'/g, "'{…}'");
    const sql = q.query.replace(/\s+/g, ' ').replace(/^SELECT .*? FROM "order" "o"/, 'SELECT … FROM "order" "o"');
    plans.push(`${sql.slice(0, 700)}\n\n${plan}`);
  }
  return plans.map((p) => '```\n' + p + '\n```').join('\n\n') || '(no SQL on the order table)';
}

/** The DUE_TODAY page and its count as one would write them by hand, with the page's lines and accounts. */
async function rawPage(ds: DataSource, now: Date) {
  const where = `o.status IN ('CREATED', 'ACKNOWLEDGED', 'PARTIALLY_SHIPPED') AND o.fulfillment_method <> 'CHANNEL'
    AND o.ship_by >= $1 AND o.ship_by < (SELECT (date_trunc('day', $1::timestamptz AT TIME ZONE a.time_zone) + interval '1 day') AT TIME ZONE a.time_zone FROM channel_account a WHERE a.id = o.account_id)`;
  const page: { id: string; account_id: string }[] = await ds.query(
    `SELECT o.* FROM "order" o WHERE ${where} ORDER BY o.ship_by, o.id LIMIT 51`,
    [now],
  );
  const ids = page.map((p) => p.id);
  await ds.query(`SELECT * FROM order_line WHERE order_id = ANY($1) ORDER BY line_number`, [ids]);
  await ds.query(`SELECT count(*)::int FROM "order" o WHERE ${where}`, [now]);
  return page;
}

const describePage = (r: unknown) => {
  const c = (r as { orders: { approximateCount: { count: number; exact: boolean } } }).orders.approximateCount;
  return `(${c.exact ? '' : 'about '}${c.count.toLocaleString('en-US')} orders)`;
};
const describeTotal = (r: unknown) => `(${(r as { orders: { totalCount: number } }).orders.totalCount} orders)`;
const describeCounts = (r: unknown) =>
  `(${(r as { orderViewCounts: { view: string; count: number; exact: boolean }[] }).orderViewCounts
    .map((c) => `${c.view} ${c.exact ? '' : '~'}${c.count.toLocaleString('en-US')}`)
    .join(', ')})`;

async function tableSizes(ds: DataSource) {
  const rows: { t: string; n: number }[] = await ds.query(
    `SELECT 'orders' AS t, count(*)::int AS n FROM "order" UNION ALL SELECT 'open', count(*)::int FROM "order" WHERE status IN ('CREATED', 'ACKNOWLEDGED', 'PARTIALLY_SHIPPED') AND fulfillment_method <> 'CHANNEL'
     UNION ALL SELECT 'lines', count(*)::int FROM order_line UNION ALL SELECT 'shipments', count(*)::int FROM shipment`,
  );
  return Object.fromEntries(rows.map((r) => [r.t, r.n])) as Record<string, number>;
}

const ms = (n: number) => `${n.toFixed(1)} ms`;

function writeDoc(
  figures: Figure[],
  ratio: number,
  sizes: Record<string, number>,
  seedSeconds: number,
  plans: string[],
) {
  const n = (x: number) => x.toLocaleString('en-US');
  writeBenchmarkSection(
    'apps/api — the inbox at 1,000,000 orders (issue 17)',
    [
      `PostgreSQL, ${n(sizes.orders)} orders over a year (${n(sizes.open)} open, ${n(sizes.lines)} lines, ${n(sizes.shipments)} shipments`,
      'with trackers; four accounts in two time zones; written in SQL by bench/orders-year-generator.ts in',
      `${seedSeconds.toFixed(0)} s). Each request over HTTP with an API token, as the console sends it, ${WARMUP} warm-up then`,
      `${SAMPLES} timed, one at a time. Measured on ${new Date().toISOString().slice(0, 10)}, ${cpus().length} cores, Node ${process.version}.`,
      "Inbox pages select approximateCount (exact for every view but a large ALL, which is the planner's estimate, shown",
      'as "about N"); totalCount stays exact and is only in the last two rows.',
      '',
      '| request | p50 | p95 | target p95 | met | result |',
      '|---|---|---|---|---|---|',
      ...figures.map(
        (f) =>
          `| ${f.name} | ${ms(f.p50)} | ${ms(f.p95)} | ${f.target} ms | ${f.p95 <= f.target ? 'yes' : 'no'} | ${f.detail} |`,
      ),
      '',
      `GraphQL / bare SQL for the same DUE_TODAY page and count (p50): **${ratio.toFixed(2)}×** (target ≤ 2×).`,
      '',
      'Plans: the SQL each request ran on the order table (page, counts), EXPLAIN ANALYZE after the timed runs.',
      '',
      ...plans.map((p) => p.replace(/^### /, '#### ')),
    ].join('\n'),
  );
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
