/**
 * The full compliance report of one channel (BENCH_CHANNEL, default WALMART: valid tracking, cancellation, refund,
 * on-time shipment, acknowledgement, on-time delivery, address mismatch; AMAZON: valid tracking per category, late
 * shipment over 10 and 30 days, pre-fulfillment cancel, on-time delivery) over 1,000,000 orders on PostgreSQL
 * (BENCH_DATABASE_URL or TEST_DATABASE_URL; a scratch database is created and dropped), with the carrier scans a
 * tracking provider reports. Orders are written straight in SQL (a year of orders, one line each, 98% shipped, 2%
 * cancelled), and every shipment with a tracking number gets a tracker and its carrier events (about 2,700 trackers
 * a day: most scanned six hours after confirmation and delivered two to five days later, 2% never scanned, the
 * provider's refusals for the malformed numbers, 0.5% delivered elsewhere). Reports are as of now with the provider
 * on: the first one checks the window's tracking numbers and counts its settled hours into compliance_hour_count,
 * and is timed apart; the raw facts path (stored counts off) is timed too, and must give the same metrics. Prints
 * p50/p95 and writes them to docs/benchmarks.md.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ChannelEnvironment, type Channel } from '@order-hub/types';
import type { DataSource } from 'typeorm';
import { getDataSourceToken } from '@nestjs/typeorm';
import { createApp } from '../src/bootstrap';
import { loadConfig } from '../src/config/app-config';
import { TrackingProviderSettingsService } from '../src/modules/carrier-tracking/provider/tracking-provider-settings.service';
import { ChannelAccountsService } from '../src/modules/channels/channel-accounts.service';
import { ComplianceDayCountsService } from '../src/modules/compliance/compliance-day-counts.service';
import { ComplianceService } from '../src/modules/compliance/compliance.service';
import { createScratchPostgres } from '../test/support/test-databases';
import { validTrackingNumber } from '../test/support/tracking-numbers';
import { writeBenchmarkSection } from './benchmarks-doc';

const ORDERS = Number(process.env.BENCH_ORDERS ?? 1_000_000);
const CHANNEL: Channel = process.env.BENCH_CHANNEL === 'AMAZON' ? 'AMAZON' : 'WALMART';
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 20);
const RAW_SAMPLES = Number(process.env.BENCH_RAW_SAMPLES ?? 5);
const TARGET_MS = 250;
const CHUNK = 100_000;

async function seed(ds: DataSource, accountId: string, asOf: Date): Promise<{ trackers: number; events: number }> {
  const pool = [
    ...Array.from({ length: 47 }, () => validTrackingNumber('UPS')),
    '1Z999AA10123456785',
    'PENDING',
    '123',
  ];
  for (let from = 1; from <= ORDERS; from += CHUNK) {
    const to = Math.min(ORDERS, from + CHUNK - 1);
    // Order i was placed (i mod 365) days and (i mod 24) hours before asOf; ship-by 1 to 3 days later.
    await ds.query(
      `INSERT INTO "order" (account_id, channel, channel_order_id, ordered_at, status, ship_by, deliver_by, acknowledge_by, acknowledged_at, auto_cancel_at,
                            fulfillment_method, total_cents, currency, raw_payload, version, channel_updated_at)
       SELECT $1, $5, 'BENCH-' || i, t.ordered_at,
              CASE WHEN i % 50 = 0 THEN 'CANCELLED' WHEN t.ship_by > $2 THEN 'ACKNOWLEDGED' ELSE 'SHIPPED' END,
              t.ship_by, t.ship_by + interval '4 days', NULL, t.ordered_at, t.ship_by + interval '9 days',
              CASE WHEN i % 40 = 0 THEN 'CHANNEL' ELSE 'MERCHANT' END, 1500 + i % 5000, 'USD', '{}', 1, t.ordered_at + interval '1 day'
         FROM generate_series($3::int, $4::int) i
        CROSS JOIN LATERAL (SELECT $2::timestamptz - (i % 365) * interval '1 day' - (i % 24) * interval '1 hour' AS ordered_at) o
        CROSS JOIN LATERAL (SELECT o.ordered_at, o.ordered_at + (1 + i % 3) * interval '1 day' AS ship_by) t`,
      [accountId, asOf, from, to, CHANNEL],
    );
  }
  await ds.query(
    `INSERT INTO order_line (order_id, line_number, sku, title, quantity_ordered, quantity_shipped, quantity_cancelled, unit_price_cents, currency, status)
     SELECT id, '1', 'SKU-BENCH', 'Bench item', 1, CASE WHEN status = 'SHIPPED' THEN 1 ELSE 0 END, CASE WHEN status = 'CANCELLED' THEN 1 ELSE 0 END,
            total_cents, 'USD', CASE WHEN status = 'SHIPPED' THEN 'SHIPPED' WHEN status = 'CANCELLED' THEN 'CANCELLED' ELSE 'ACKNOWLEDGED' END
       FROM "order" WHERE account_id = $1`,
    [accountId],
  );
  // Shipped 6 hours before ship-by, or 6 hours after it for about 6 in 100; tracking from a pool with 3 bad numbers in 50.
  await ds.query(
    `INSERT INTO shipment (order_id, carrier, tracking_number, shipped_at, package_type, source)
     SELECT o.id, 'UPS', ($2::text[])[1 + (hashtext(o.id::text) & 2147483647) % 50], o.ship_by - interval '6 hours' + CASE WHEN (hashtext(o.channel_order_id) & 2147483647) % 100 < 6 THEN interval '12 hours' ELSE interval '0 hours' END, 'PARCEL', 'CHANNEL'
       FROM "order" o WHERE o.account_id = $1 AND o.status = 'SHIPPED'`,
    [accountId, pool],
  );
  await ds.query(
    `INSERT INTO shipment_line (shipment_id, order_line_id, quantity) SELECT s.id, l.id, 1 FROM shipment s JOIN order_line l ON l.order_id = s.order_id`,
  );
  const scans = await seedCarrierScans(ds, accountId, asOf);
  await ds.query(`ANALYZE`);
  return scans;
}

/**
 * What the tracking provider reported for every shipment with a number: the malformed ones refused (UNTRACKABLE),
 * 2% never scanned, the rest scanned 6 h after confirmation, attempted (5%) and delivered 2 to 5 days later, 0.5%
 * to another ZIP and 1% with no delivery location; what lies after asOf is not known yet. Carrier events as the
 * tracking module writes them: the first scan, an in-transit status, the attempt and the delivery.
 */
async function seedCarrierScans(
  ds: DataSource,
  accountId: string,
  asOf: Date,
): Promise<{ trackers: number; events: number }> {
  await ds.query(
    `CREATE TEMP TABLE bench_parcel AS
     SELECT s.id AS shipment_id, s.order_id, s.tracking_number, s.shipped_at,
            s.tracking_number IN ('PENDING', '123', '1Z999AA10123456785') AS refused,
            CASE WHEN h.h >= 20 AND s.shipped_at + interval '6 hours' < $2 THEN s.shipped_at + interval '6 hours' END AS scan_at,
            CASE WHEN h.h >= 20 AND h.h % 20 = 1 AND d.at - interval '20 hours' < $2 THEN d.at - interval '20 hours' END AS attempt_at,
            CASE WHEN h.h >= 20 AND d.at < $2 THEN d.at END AS delivered_at,
            CASE WHEN h.h % 200 = 7 THEN 'MISMATCH' WHEN h.h % 100 = 3 THEN 'UNKNOWN' ELSE 'MATCH' END AS address_match
       FROM shipment s JOIN "order" o ON o.id = s.order_id
      CROSS JOIN LATERAL (SELECT (hashtext(s.id::text) & 2147483647) % 1000 AS h) h
      CROSS JOIN LATERAL (SELECT s.shipped_at + interval '2 days' + (h.h % 72) * interval '1 hour' AS at) d
      WHERE o.account_id = $1 AND s.tracking_number IS NOT NULL`,
    [accountId, asOf],
  );
  await ds.query(
    `INSERT INTO shipment_tracker (shipment_id, order_id, provider, provider_tracker_id, tracking_code, carrier, state, status,
                                   first_scan_at, first_attempt_at, delivered_at, delivery_city, delivery_state, delivery_zip, delivery_country,
                                   address_match, untrackable_reason, checked_at, next_poll_at)
     SELECT p.shipment_id, p.order_id, 'EASYPOST', 'trk_' || replace(p.shipment_id::text, '-', ''), p.tracking_number, 'UPS',
            CASE WHEN p.refused THEN 'UNTRACKABLE' WHEN p.delivered_at IS NOT NULL THEN 'DONE' ELSE 'TRACKING' END,
            CASE WHEN p.refused THEN NULL WHEN p.delivered_at IS NOT NULL THEN 'DELIVERED' WHEN p.scan_at IS NOT NULL THEN 'IN_TRANSIT' ELSE 'PRE_TRANSIT' END,
            CASE WHEN NOT p.refused THEN p.scan_at END, CASE WHEN NOT p.refused THEN p.attempt_at END, CASE WHEN NOT p.refused THEN p.delivered_at END,
            CASE WHEN p.delivered_at IS NOT NULL AND NOT p.refused AND p.address_match <> 'UNKNOWN' THEN 'Austin' END,
            CASE WHEN p.delivered_at IS NOT NULL AND NOT p.refused AND p.address_match <> 'UNKNOWN' THEN 'TX' END,
            CASE WHEN p.delivered_at IS NOT NULL AND NOT p.refused AND p.address_match <> 'UNKNOWN' THEN CASE p.address_match WHEN 'MISMATCH' THEN '73301' ELSE '78704' END END,
            CASE WHEN p.delivered_at IS NOT NULL AND NOT p.refused THEN 'US' END,
            CASE WHEN p.delivered_at IS NOT NULL AND NOT p.refused THEN p.address_match END,
            CASE WHEN p.refused THEN 'cannot be matched to a supported carrier' END,
            LEAST($1::timestamptz, COALESCE(p.delivered_at, $1::timestamptz - interval '20 minutes')),
            CASE WHEN NOT p.refused AND p.delivered_at IS NULL THEN $1::timestamptz + interval '1 hour' END
       FROM bench_parcel p`,
    [asOf],
  );
  const events = `SELECT shipment_id, order_id, 'SCANNED', 'SCANNED', 'IN_TRANSIT', scan_at FROM bench_parcel WHERE scan_at IS NOT NULL AND NOT refused
    UNION ALL SELECT shipment_id, order_id, 'STATUS', 'STATUS:IN_TRANSIT:' || to_char(scan_at + interval '12 hours', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), 'IN_TRANSIT', scan_at + interval '12 hours'
      FROM bench_parcel WHERE scan_at + interval '12 hours' < $1 AND NOT refused
    UNION ALL SELECT shipment_id, order_id, 'DELIVERY_ATTEMPT', 'DELIVERY_ATTEMPT', 'AVAILABLE_FOR_PICKUP', attempt_at FROM bench_parcel WHERE attempt_at IS NOT NULL AND NOT refused
    UNION ALL SELECT shipment_id, order_id, 'DELIVERED', 'DELIVERED', 'DELIVERED', delivered_at FROM bench_parcel WHERE delivered_at IS NOT NULL AND NOT refused`;
  await ds.query(
    `INSERT INTO carrier_event (shipment_id, order_id, type, event_key, status, occurred_at, source)
     SELECT e.*, 'TRACKING_PROVIDER' FROM (${events}) e`,
    [asOf],
  );
  const [counts]: { trackers: number; events: number }[] = await ds.query(
    `SELECT (SELECT count(*) FROM shipment_tracker)::int AS trackers, (SELECT count(*) FROM carrier_event)::int AS events`,
  );
  await ds.query(`DROP TABLE bench_parcel`);
  return counts;
}

async function main() {
  const adminUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    console.log('BENCH_DATABASE_URL / TEST_DATABASE_URL not set: compliance bench skipped (it needs PostgreSQL)');
    return;
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'order-hub-bench-'));
  const scratch = await createScratchPostgres(adminUrl);
  const running = await createApp(
    loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', DATABASE_URL: scratch.url, SYNC_ENABLED: 'false' }),
  );
  try {
    const ds = running.app.get<DataSource>(getDataSourceToken());
    const account = await running.app.get(ChannelAccountsService).create(
      {
        channel: CHANNEL,
        name: `Bench ${CHANNEL}`,
        marketplace: CHANNEL === 'WALMART' ? 'US' : 'ATVPDKIKX0DER',
        environment: ChannelEnvironment.SANDBOX,
        baseUrl: 'http://127.0.0.1:4010',
        timeZone: 'America/Los_Angeles',
        credentials: { clientId: 'bench', clientSecret: 'bench' },
      },
      'bench',
    );
    // The provider on (no calls are made: SYNC_ENABLED=false keeps the trackers' poller and registration still).
    await running.app.get(TrackingProviderSettingsService).update({ enabled: true, apiKey: 'EZTK-bench' }, 'bench');
    const asOf = new Date();
    const seedStart = performance.now();
    const scans = await seed(ds, account.id, asOf);
    const seedSeconds = (performance.now() - seedStart) / 1000;
    const service = running.app.get(ComplianceService);
    const dayCounts = running.app.get(ComplianceDayCountsService);
    const report = (at: Date = new Date()) => service.report({ channel: CHANNEL, asOf: at });
    const timed = async (n: number) => {
      const times: number[] = [];
      for (let i = 0; i < n; i++) {
        const t = performance.now();
        await report();
        times.push(performance.now() - t);
      }
      times.sort((x, y) => x - y);
      return (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))];
    };

    const firstStart = performance.now();
    const first = await report();
    const firstMs = performance.now() - firstStart;
    // The first report wrote ~80,000 tracking verdicts; autovacuum would analyze the table within a minute.
    await ds.query('ANALYZE compliance_tracking_check');
    const pick = await timed(SAMPLES);
    dayCounts.enabled = false;
    const rawPick = await timed(RAW_SAMPLES);
    // Same instant both ways: the day counts must give exactly the raw report.
    const at = new Date();
    const raw = await report(at);
    dayCounts.enabled = true;
    const cached = await report(at);
    if (JSON.stringify(cached.metrics) !== JSON.stringify(raw.metrics))
      throw new Error('the report from the day counts differs from the raw report');
    const summary = first.metrics
      .filter((m) => m.category === null)
      .map(
        (m) =>
          `${m.key} ${m.value?.toFixed(2) ?? 'N/A'}% (${m.numerator}/${m.denominator}${m.awaitingFirstScan ? `, ${m.awaitingFirstScan} awaiting a first scan` : ''})`,
      )
      .join(', ');
    console.log(
      `report: first ${firstMs.toFixed(0)} ms, p50 ${pick(0.5).toFixed(1)} ms, p95 ${pick(0.95).toFixed(1)} ms (target ${TARGET_MS} ms); raw facts p50 ${rawPick(0.5).toFixed(0)} ms; seeded in ${seedSeconds.toFixed(1)} s`,
    );
    console.log(summary);
    writeBenchmarkSection(
      `apps/api — complianceReport(channel: ${CHANNEL}) at ${ORDERS.toLocaleString('en-US')} orders with carrier scans`,
      [
        `${ORDERS.toLocaleString('en-US')} ${CHANNEL} orders over a year (one line each; 98% shipped, 2% cancelled, 2.5% channel-fulfilled), written in SQL,`,
        `with the tracking provider on and ${scans.trackers.toLocaleString('en-US')} trackers (about ${Math.round(scans.trackers / 365).toLocaleString('en-US')} a day) and ${scans.events.toLocaleString('en-US')} carrier events: most parcels`,
        `scanned 6 h after confirmation and delivered 2 to 5 days later, 2% never scanned, the malformed numbers refused (UNTRACKABLE), 0.5% delivered to another ZIP.`,
        `ComplianceService.report as of now: the settled hours of each window come from the stored counts (compliance_hour_count); the partial first`,
        `hour, the current one and the open orders from the facts queries (valid tracking stores a shipment still awaiting its first scan by its`,
        `late-origin-scan deadline, which the report compares with its instant, so no settled hour is read live). The first report also checks the window's tracking numbers and counts the`,
        `hours; then ${SAMPLES} sequential reports are timed, and ${RAW_SAMPLES} with the stored counts off (every record read by the facts queries, as for a past asOf).`,
        `The bench checks that both give the same metrics. PostgreSQL 15, ${cpus().length} cores (load average ${loadavg()[0].toFixed(1)} at the end of the run,`,
        `other work shared them), Node ${process.version}, ${new Date().toISOString().slice(0, 10)}.`,
        '',
        '| first report (counts the hours) | p50 | p95 | raw facts p50 | target | seed time |',
        '|---|---|---|---|---|---|',
        `| ${firstMs.toFixed(0)} ms | ${pick(0.5).toFixed(1)} ms | ${pick(0.95).toFixed(1)} ms | ${rawPick(0.5).toFixed(0)} ms | ≤ ${TARGET_MS} ms | ${seedSeconds.toFixed(1)} s |`,
        '',
        `Metrics: ${summary}.`,
        '',
        pick(0.95) <= TARGET_MS
          ? `The p95 meets the ${TARGET_MS} ms target.`
          : `The p95 misses the ${TARGET_MS} ms target by ${(pick(0.95) - TARGET_MS).toFixed(0)} ms.`,
      ].join('\n'),
    );
  } finally {
    await running.close();
    await scratch.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
