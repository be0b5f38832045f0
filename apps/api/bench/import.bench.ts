/**
 * Order import end to end: sandbox (throttles off) → adapters over HTTP → mapping → upsert, in orders per
 * second, beside the raw multi-row INSERT rate of the same orders (lines, shipments and audit rows included)
 * measured in the same run. PostgreSQL when BENCH_DATABASE_URL / TEST_DATABASE_URL is set, and PGlite.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createSandbox } from '@order-hub/sandbox';
import { ChannelEnvironment, type Channel, type NormalizedOrder } from '@order-hub/types';
import { DataSource } from 'typeorm';
import { createApp } from '../src/bootstrap';
import { loadConfig } from '../src/config/app-config';
import { ChannelAccountsService } from '../src/modules/channels/channel-accounts.service';
import { ChannelAdaptersService } from '../src/modules/channels/channel-adapters.service';
import { OrderImportService } from '../src/modules/orders/order-import.service';
import { SyncSchedulerService } from '../src/modules/sync/sync-scheduler.service';
import { createScratchPostgres, type ScratchDatabase } from '../test/support/test-databases';
import { writeBenchmarkSection } from './benchmarks-doc';

const ORDERS = Number(process.env.BENCH_IMPORT_ORDERS ?? 10_000);

interface Result {
  database: string;
  channel: Channel;
  orders: number;
  importSeconds: number;
  rawSeconds: number;
}

async function run(kind: 'pglite' | 'postgres'): Promise<Result[]> {
  // Its own sandbox per run: the Amazon part moves the sandbox clock past the two-minute rule.
  const sandbox = await createSandbox({ seed: 4242, throttling: false });
  const dataDir = mkdtempSync(join(tmpdir(), 'order-hub-bench-import-'));
  let scratch: ScratchDatabase | undefined;
  if (kind === 'postgres')
    scratch = await createScratchPostgres(process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL);
  const config = loadConfig({
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    SYNC_ENABLED: 'false',
    CHANNEL_RATE_SCALE: '1000000',
    ...(scratch ? { DATABASE_URL: scratch.url } : { PGLITE_DIR: join(dataDir, 'pglite') }),
  });
  const running = await createApp(config);
  const results: Result[] = [];
  try {
    const accounts = running.app.get(ChannelAccountsService);
    for (const channel of ['WALMART', 'AMAZON'] as const) {
      const seller = sandbox.createAccount(channel, `bench ${kind}`);
      const orderIds = sandbox.generateOrders({
        accountId: seller.accountId,
        count: ORDERS,
        seed: 99,
        mix: { channelFulfilled: 0 },
      }).orderIds;
      if (channel === 'AMAZON') sandbox.clock.advance(3 * 60_000);
      const account = await accounts.create(
        {
          channel,
          name: `bench ${channel}`,
          marketplace: seller.marketplaceId ?? 'US',
          environment: ChannelEnvironment.SANDBOX,
          baseUrl: channel === 'WALMART' ? sandbox.walmartBaseUrl : sandbox.amazonBaseUrl,
          timeZone: 'America/Los_Angeles',
          // Import alone: acknowledging 10,000 new orders is outbox work, measured by the outbox bench.
          autoAcknowledge: false,
          credentials:
            channel === 'WALMART'
              ? { clientId: seller.clientId, clientSecret: seller.clientSecret }
              : {
                  clientId: seller.clientId,
                  clientSecret: seller.clientSecret,
                  refreshToken: seller.refreshToken!,
                  lwaEndpoint: `${sandbox.amazonBaseUrl}/auth/o2/token`,
                },
        },
        'bench',
      );

      const start = performance.now();
      const outcome = await running.app.get(SyncSchedulerService).pullNow(account.id);
      const importSeconds = (performance.now() - start) / 1000;
      if (outcome !== 'DONE') throw new Error(`The pull ended ${outcome}`);
      const imported = await countOrders(running, account.id);
      if (imported !== orderIds.length) throw new Error(`Imported ${imported} of ${orderIds.length} orders`);

      // The same orders, mapped once, written again with the bare multi-row INSERT path into another account.
      const orders = await fetchAll(await running.app.get(ChannelAdaptersService).forAccount(account));
      const copy = await accounts.create({ ...account, name: `bench ${channel} raw`, credentials: {} }, 'bench');
      const rawStart = performance.now();
      await running.app.get(OrderImportService).insertNew(copy, orders, 'bench');
      const rawSeconds = (performance.now() - rawStart) / 1000;
      results.push({
        database: kind === 'pglite' ? 'PGlite (embedded)' : 'PostgreSQL 15',
        channel,
        orders: imported,
        importSeconds,
        rawSeconds,
      });
    }
  } finally {
    await running.close();
    await sandbox.close();
    await scratch?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
  return results;
}

async function countOrders(running: Awaited<ReturnType<typeof createApp>>, accountId: string): Promise<number> {
  const rows: { n: number }[] = await running.app
    .get(DataSource)
    .query('SELECT count(*)::int AS n FROM "order" WHERE account_id = $1', [accountId]);
  return rows[0].n;
}

async function fetchAll(
  adapter: Awaited<ReturnType<ChannelAdaptersService['forAccount']>>,
): Promise<NormalizedOrder[]> {
  const orders: NormalizedOrder[] = [];
  const window = { changedAfter: new Date(Date.now() - 30 * 86_400_000), changedBefore: null as Date | null };
  let cursor: string | null = null;
  do {
    const page = await adapter.listChangedOrders(window, cursor);
    window.changedBefore ??= page.windowEnd;
    orders.push(...page.orders);
    cursor = page.nextCursor;
  } while (cursor);
  return orders;
}

async function main() {
  const kinds: ('pglite' | 'postgres')[] = ['pglite'];
  if (process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL) kinds.push('postgres');
  else console.log('BENCH_DATABASE_URL / TEST_DATABASE_URL not set: PostgreSQL run left out');
  const results: Result[] = [];
  for (const kind of kinds) results.push(...(await run(kind)));
  const rate = (n: number, s: number) => Math.round(n / s);
  for (const r of results) {
    console.log(
      `${r.database} ${r.channel}: ${rate(r.orders, r.importSeconds)} orders/s imported end to end, raw INSERT ${rate(r.orders, r.rawSeconds)} orders/s (${((r.rawSeconds / r.importSeconds) * 100).toFixed(0)}%)`,
    );
  }
  writeBenchmarkSection(
    'apps/api — order import from the sandbox',
    [
      `${ORDERS.toLocaleString('en-US')} generated orders per channel in the sandbox (throttles off, real HTTP on loopback), pulled by`,
      '`pull-orders` through the adapters (token, pages of 200 / 100, mapping, idempotent upsert with audit rows), against',
      'the same orders written again by the bare multi-row INSERT path (orders, lines, shipments, audit; 500 rows per',
      `statement) in the same run. Measured on ${new Date().toISOString().slice(0, 10)}, ${cpus().length} cores, Node ${process.version}; the sandbox shares the process and the cores.`,
      'Target: at least 2,000 orders/s and at least a quarter of the raw rate.',
      '',
      '| database | channel | imported end to end | raw multi-row INSERT | end to end / raw |',
      '|---|---|---|---|---|',
      ...results.map(
        (r) =>
          `| ${r.database} | ${r.channel} | ${rate(r.orders, r.importSeconds).toLocaleString('en-US')} orders/s | ${rate(r.orders, r.rawSeconds).toLocaleString('en-US')} orders/s | ${((r.rawSeconds / r.importSeconds) * 100).toFixed(0)}% |`,
      ),
    ].join('\n'),
  );
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
