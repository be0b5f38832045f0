/**
 * Tracking webhook ingest on PostgreSQL: N signed EasyPost `tracker.updated` events (BENCH_TRACKING_EVENTS, default
 * 20,000) over BENCH_TRACKERS trackers (default 200) are POSTed to a listening hub, 16 at a time, the way EasyPost
 * sends them (each event carries the whole tracker, one scan more than the last). Measures how fast the posts are
 * answered and how fast their scans land in carrier_event (inbox → job → batched apply). Needs BENCH_DATABASE_URL or
 * TEST_DATABASE_URL; writes its section of docs/benchmarks.md.
 */
import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ChannelEnvironment, type NormalizedOrder } from '@order-hub/types';
import { DataSource } from 'typeorm';
import { createApp, type RunningApp } from '../src/bootstrap';
import { loadConfig } from '../src/config/app-config';
import { ShipmentTrackerRepository } from '../src/modules/carrier-tracking/trackers/shipment-tracker.repository';
import { ChannelAccountsService } from '../src/modules/channels/channel-accounts.service';
import { OrderImportService } from '../src/modules/orders/order-import.service';
import { createScratchPostgres } from '../test/support/test-databases';
import { writeBenchmarkSection } from './benchmarks-doc';

const EVENTS = Number(process.env.BENCH_TRACKING_EVENTS ?? 20_000);
const TRACKERS = Number(process.env.BENCH_TRACKERS ?? 200);
const CONCURRENCY = 16;
const SECRET = 'whsec_bench_tracking_ingest';
const MINUTE = 60_000;
const PLACES = [
  { city: 'LOUISVILLE', state: 'KY', zip: '40213', country: 'US' },
  { city: 'MEMPHIS', state: 'TN', zip: '38118', country: 'US' },
  { city: 'DALLAS', state: 'TX', zip: '75261', country: 'US' },
  { city: 'AUSTIN', state: 'TX', zip: '78704', country: 'US' },
];

const sign = (body: string) =>
  `hmac-sha256-hex=${createHmac('sha256', Buffer.from(SECRET.normalize('NFKD'), 'utf8'))
    .update(body, 'utf8')
    .digest('hex')}`;

/** The k-th `tracker.updated` of tracker i, as EasyPost posts it: the whole tracker with k+1 scans. */
function eventBody(i: number, k: number, perTracker: number, shippedAt: number): string {
  const details = Array.from({ length: k + 1 }, (_, d) => {
    const last = d === perTracker - 1;
    const status = d === 0 ? 'pre_transit' : last ? 'delivered' : 'in_transit';
    return {
      object: 'TrackingDetail',
      message: status === 'in_transit' ? `Arrived at facility (${d})` : status,
      description: null,
      status,
      status_detail: status === 'delivered' ? 'arrived_at_destination' : 'arrived_at_facility',
      datetime: new Date(shippedAt + d * 30 * MINUTE).toISOString(),
      source: 'UPS',
      carrier_code: null,
      tracking_location: PLACES[last ? 3 : d % 3],
    };
  });
  const lastDetail = details[details.length - 1];
  const tracker = {
    id: `trk_bench_${i}`,
    object: 'Tracker',
    mode: 'test',
    tracking_code: trackingCode(i),
    status: lastDetail.status,
    status_detail: lastDetail.status_detail,
    created_at: new Date(shippedAt).toISOString(),
    updated_at: lastDetail.datetime,
    signed_by: null,
    weight: null,
    est_delivery_date: new Date(shippedAt + 3 * 24 * 60 * MINUTE).toISOString(),
    shipment_id: null,
    carrier: 'UPS',
    tracking_details: details,
    carrier_detail: {
      object: 'CarrierDetail',
      service: 'Ground',
      origin_location: 'LOUISVILLE KY, 40213',
      destination_location: 'AUSTIN TX, 78704',
      initial_delivery_attempt: null,
    },
    public_url: `https://track.easypost.com/djE6dHJrX2JlbmNoXy${i}`,
    fees: [],
  };
  return JSON.stringify({
    object: 'Event',
    id: `evt_bench_${i}_${k}`,
    mode: 'test',
    description: 'tracker.updated',
    previous_attributes: {},
    pending_urls: [],
    completed_urls: [],
    created_at: lastDetail.datetime,
    updated_at: lastDetail.datetime,
    status: 'pending',
    result: tracker,
  });
}

const trackingCode = (i: number) => `1ZBENCH${String(i).padStart(11, '0')}`;

function order(i: number, shippedAt: Date): NormalizedOrder {
  const orderedAt = new Date(shippedAt.getTime() - 24 * 60 * MINUTE);
  return {
    channelOrderId: `BENCH-TRK-${i}`,
    customerOrderId: null,
    orderedAt,
    status: 'SHIPPED',
    shipBy: shippedAt,
    deliverBy: null,
    acknowledgedAt: orderedAt,
    shipMethod: 'Standard',
    fulfillmentMethod: 'MERCHANT',
    shipTo: {
      name: 'Bench Buyer',
      line1: '1 Bench St',
      city: 'Austin',
      stateOrRegion: 'TX',
      postalCode: '78704',
      countryCode: 'US',
    },
    totalCents: 1999,
    currency: 'USD',
    rawPayload: {},
    lines: [
      {
        lineNumber: '1',
        sku: 'SKU-BENCH',
        title: 'Bench item',
        quantityOrdered: 1,
        quantityShipped: 1,
        quantityCancelled: 0,
        quantityRefunded: 0,
        unitPriceCents: 1999,
        status: 'SHIPPED',
        cancellationRequested: false,
      },
    ],
    shipments: [
      {
        carrier: 'UPS',
        service: null,
        trackingNumber: trackingCode(i),
        trackingUrl: null,
        shippedAt,
        packageType: 'PARCEL',
        weightOz: null,
        lengthIn: null,
        widthIn: null,
        heightIn: null,
        lines: [{ lineNumber: '1', quantity: 1 }],
      },
    ],
    channelUpdatedAt: orderedAt,
    cancellationRequested: false,
  };
}

async function count(ds: DataSource): Promise<{ events: number; pending: number }> {
  const [row]: { events: number; pending: number }[] = await ds.query(
    `SELECT (SELECT count(*)::int FROM carrier_event) AS events,
            (SELECT count(*)::int FROM tracking_webhook_event WHERE processed_at IS NULL) AS pending`,
  );
  return row;
}

async function main() {
  const adminUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    console.log(
      'BENCH_DATABASE_URL / TEST_DATABASE_URL not set: the tracking ingest benchmark runs on PostgreSQL only',
    );
    return;
  }
  const perTracker = Math.ceil(EVENTS / TRACKERS);
  const scratch = await createScratchPostgres(adminUrl);
  const dataDir = mkdtempSync(join(tmpdir(), 'order-hub-bench-tracking-'));
  let running: RunningApp | undefined;
  try {
    running = await createApp(
      loadConfig({
        LOG_LEVEL: 'silent',
        SYNC_ENABLED: 'false',
        RATE_LIMIT_PER_MINUTE: '0',
        AUTH_FAILURE_LIMIT_PER_MINUTE: '0',
        DATA_DIR: dataDir,
        DATABASE_URL: scratch.url,
        EASYPOST_WEBHOOK_SECRET: SECRET,
      }),
    );
    await running.app.listen(0, '127.0.0.1');
    const url = `http://127.0.0.1:${(running.app.getHttpServer().address() as { port: number }).port}/webhooks/easypost`;
    const ds = running.app.get(DataSource);
    const account = await running.app.get(ChannelAccountsService).create(
      {
        channel: 'WALMART',
        name: 'bench',
        marketplace: 'US',
        environment: ChannelEnvironment.SANDBOX,
        baseUrl: 'http://127.0.0.1:9/none',
        timeZone: 'America/Los_Angeles',
        credentials: { clientId: 'id', clientSecret: 'bench-secret-value' },
      },
      'bench',
    );
    const shippedAt = Date.now() - 2 * 24 * 60 * MINUTE;
    await running.app.get(OrderImportService).insertNew(
      account,
      Array.from({ length: TRACKERS }, (_, i) => order(i, new Date(shippedAt))),
      'bench',
    );
    const shipments: { id: string; order_id: string; tracking_number: string }[] = await ds.query(
      `SELECT id, order_id, tracking_number FROM shipment`,
    );
    await running.app.get(ShipmentTrackerRepository).put(
      shipments.map((s) => ({
        shipmentId: s.id,
        orderId: s.order_id,
        provider: 'EASYPOST',
        providerTrackerId: `trk_bench_${Number(s.tracking_number.slice(7))}`,
        trackingCode: s.tracking_number,
        carrier: 'UPS',
        state: 'TRACKING' as const,
      })),
    );

    // Round-robin over the trackers: each tracker's events arrive in order, interleaved with the others'.
    const bodies: string[] = [];
    for (let k = 0; k < perTracker; k++)
      for (let i = 0; i < TRACKERS && bodies.length < EVENTS; i++) bodies.push(eventBody(i, k, perTracker, shippedAt));
    // Signed beforehand, as EasyPost signs on its side: the timed part is the hub's.
    const signatures = bodies.map(sign);
    const before = await count(ds);
    const loadBefore = loadavg()[0];
    const start = performance.now();
    let next = 0;
    let refused = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        for (let n = next++; n < bodies.length; n = next++) {
          const res = await fetch(url, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-hmac-signature': signatures[n] },
            body: bodies[n],
          });
          await res.arrayBuffer();
          if (res.status !== 200) refused += 1;
        }
      }),
    );
    const answered = (performance.now() - start) / 1000;
    if (refused) throw new Error(`${refused} webhook posts were not answered 200`);
    // Every event adds one STATUS row; the first scan, the attempt and the delivery one each per tracker.
    const expected = before.events + bodies.length + 3 * TRACKERS;
    let now = await count(ds);
    while (now.events < expected || now.pending > 0) {
      if ((performance.now() - start) / 1000 > 600) throw new Error(`ingest stalled at ${JSON.stringify(now)}`);
      await new Promise((r) => setTimeout(r, 50));
      now = await count(ds);
    }
    const landed = (performance.now() - start) / 1000;
    const rows = now.events - before.events;
    const postsPerS = bodies.length / answered;
    const eventsPerS = bodies.length / landed;
    const rowsPerS = rows / landed;
    console.log(
      `${bodies.length} webhook events over ${TRACKERS} trackers: answered ${postsPerS.toFixed(0)}/s; applied ${eventsPerS.toFixed(0)} events/s, ${rowsPerS.toFixed(0)} carrier_event rows/s (${rows} rows in ${landed.toFixed(1)} s)`,
    );
    writeBenchmarkSection(
      'apps/api — tracking webhook ingest (carrier scans)',
      [
        `${bodies.length.toLocaleString('en-US')} signed EasyPost \`tracker.updated\` webhooks over ${TRACKERS} trackers (${perTracker} each, every event the whole tracker`,
        'with one scan more than the last, as EasyPost sends them), POSTed 16 at a time to `/webhooks/easypost` on one api process (in-process',
        'jobs) on PostgreSQL 15: signature checked, stored in the inbox by event id, answered, then applied in batches by the ingest job.',
        '"Landed" counts from the first post until every scan is a carrier_event row and the inbox has nothing pending.',
        `Measured on ${new Date().toISOString().slice(0, 10)}, ${cpus().length} cores shared by the api, the posting client and PostgreSQL, Node ${process.version};`,
        `one-minute load average ${loadBefore.toFixed(1)} at the start and ${loadavg()[0].toFixed(1)} at the end (other work on the machine competes for the same cores).`,
        '',
        '| webhooks answered/s | events landed/s | carrier_event rows landed/s | target |',
        '|---|---|---|---|',
        `| ${postsPerS.toFixed(0)} | ${eventsPerS.toFixed(0)} | ${rowsPerS.toFixed(0)} | ≥ 1,000 events/s |`,
      ].join('\n'),
    );
  } finally {
    await running?.close();
    await scratch.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
