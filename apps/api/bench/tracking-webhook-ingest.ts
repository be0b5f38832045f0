/**
 * Tracking webhook ingest on PostgreSQL, with a year-like mix: BENCH_TRACKING_EVENTS (default 20,000) signed EasyPost
 * `tracker.updated` posts over a few thousand trackers, each tracker posted 6–12 times as its scans arrive (every post
 * the whole tracker so far: pre-transit, scans, out for delivery, delivered), trackers interleaved the way parcels
 * shipped over a day overlap; plus retried deliveries of an event id already posted (BENCH_RETRY_SHARE, 2%) and
 * posts about codes the hub does not follow (BENCH_UNKNOWN_SHARE, 1%). Posted 16 at a time to a listening hub.
 * Measures posts answered/s with p50/p95 answer latency, and how fast the scans land in carrier_event (inbox → job →
 * batched apply). Needs BENCH_DATABASE_URL or TEST_DATABASE_URL; writes its section of docs/benchmarks.md.
 */
import { fork } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir, type CpuInfo } from 'node:os';
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

const POSTS = Number(process.env.BENCH_TRACKING_EVENTS ?? 20_000);
const RETRY_SHARE = Number(process.env.BENCH_RETRY_SHARE ?? 0.02);
const UNKNOWN_SHARE = Number(process.env.BENCH_UNKNOWN_SHARE ?? 0.01);
const CONCURRENCY = 16;
const SECRET = 'whsec_bench_tracking_ingest';
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const PLACES = [
  { city: 'LOUISVILLE', state: 'KY', zip: '40213', country: 'US' },
  { city: 'MEMPHIS', state: 'TN', zip: '38118', country: 'US' },
  { city: 'DALLAS', state: 'TX', zip: '75261', country: 'US' },
  { city: 'HODGKINS', state: 'IL', zip: '60525', country: 'US' },
  { city: 'ONTARIO', state: 'CA', zip: '91761', country: 'US' },
];
/** A profile (node --cpu-prof) of the hub's process during an 8,000-post run; figures of that run, not of this one. */
const WHERE_THE_TIME_GOES = [
  'Where the time goes (profile of the hub process, 8,000 posts of this mix on 2026-12-03, load average 4.1, 556 posts/s;',
  'ms of wall-clock samples a post): talking to PostgreSQL 0.74 (sending 0.46: writev on the loopback socket, which also',
  'waits for the CPU the server process needs; reading results 0.16; TypeORM 0.12); HTTP and Fastify 0.17, helmet 0.07;',
  "the official client's validateWebhook (HMAC, its weight rewrite, JSON.parse) 0.10, mapping to a snapshot 0.03;",
  'inbox JSON.stringify and INSERT 0.05; ingest matching and apply 0.06; garbage collection 0.10; idle 0.42 (waiting for',
  'commits). Bytes sent to PostgreSQL a post: the inbox snapshot 1.6 KB, carrier_event rows 1.5 KB (one INSERT per batch,',
  'rows as json arrays), the tracker UPDATE 0.6 KB; about four posts share one inbox INSERT and commit, and the ingest',
  'applies 100–200 events a transaction (one carrier_event INSERT, one tracker UPDATE, set-based lookups).',
  'Same mix before this round (posting client inside the hub process, a statement per 1,000 carrier_event rows, every',
  'event matched against every recent tracker): 322 posts/s, 311 events/s at load 6.0–7.6.',
].join('\n');
const AUSTIN = { city: 'AUSTIN', state: 'TX', zip: '78704', country: 'US' };

/** A small deterministic generator, so every run posts the same mix. */
function random(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 4_294_967_296;
  };
}

const sign = (body: string) =>
  `hmac-sha256-hex=${createHmac('sha256', Buffer.from(SECRET.normalize('NFKD'), 'utf8'))
    .update(body, 'utf8')
    .digest('hex')}`;

/** A tracker's scans: pre-transit, in transit at facilities, out for delivery, delivered (6–12 in all). */
interface Parcel {
  i: number;
  scans: number;
  shippedAt: number;
}

function detail(p: Parcel, d: number) {
  const status =
    d === 0 ? 'pre_transit' : d === p.scans - 1 ? 'delivered' : d === p.scans - 2 ? 'out_for_delivery' : 'in_transit';
  return {
    object: 'TrackingDetail',
    message: status === 'in_transit' ? `Arrived at facility (${d})` : status,
    description: null,
    status,
    status_detail: status === 'delivered' ? 'arrived_at_destination' : 'arrived_at_facility',
    datetime: new Date(p.shippedAt + d * 7 * HOUR).toISOString(),
    source: 'UPS',
    carrier_code: null,
    tracking_location: status === 'delivered' || status === 'out_for_delivery' ? AUSTIN : PLACES[(p.i + d) % 5],
  };
}

/** The k-th `tracker.updated` of a parcel, as EasyPost posts it: the whole tracker with its first k+1 scans. */
function eventBody(p: Parcel, k: number): string {
  const details = Array.from({ length: k + 1 }, (_, d) => detail(p, d));
  const last = details[details.length - 1];
  const tracker = {
    id: `trk_bench_${p.i}`,
    object: 'Tracker',
    mode: 'test',
    tracking_code: trackingCode(p.i),
    status: last.status,
    status_detail: last.status_detail,
    created_at: new Date(p.shippedAt).toISOString(),
    updated_at: last.datetime,
    signed_by: null,
    weight: null,
    est_delivery_date: new Date(p.shippedAt + 3 * 24 * HOUR).toISOString(),
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
    public_url: `https://track.easypost.com/djE6dHJrX2JlbmNoXy${p.i}`,
    fees: [],
  };
  return JSON.stringify({
    object: 'Event',
    id: `evt_bench_${p.i}_${k}`,
    mode: 'test',
    description: 'tracker.updated',
    previous_attributes: { status: details.length > 1 ? details[details.length - 2].status : 'unknown' },
    pending_urls: [],
    completed_urls: [],
    created_at: last.datetime,
    updated_at: last.datetime,
    status: 'pending',
    result: tracker,
  });
}

/**
 * The posts, in the order they arrive: parcels shipped over a day, each post at the time of its newest scan; a retry
 * repeats an earlier post a little later. Also what the hub should end with: the carrier_event rows of the followed
 * parcels (one STATUS row per scan, and SCANNED, DELIVERY_ATTEMPT and DELIVERED each once).
 */
function workload(posts: number, start: number) {
  const rnd = random(15);
  const fresh = Math.round(posts * (1 - RETRY_SHARE));
  const timed: { at: number; body: string }[] = [];
  const parcels: Parcel[] = [];
  while (timed.length < fresh) {
    const p: Parcel = { i: parcels.length, scans: 6 + Math.floor(rnd() * 7), shippedAt: start + rnd() * 24 * HOUR };
    parcels.push(p);
    for (let k = 0; k < p.scans && timed.length < fresh; k++)
      timed.push({ at: p.shippedAt + k * 7 * HOUR + rnd() * MINUTE, body: eventBody(p, k) });
  }
  const known = parcels.filter((p) => rnd() >= UNKNOWN_SHARE || p.i === 0);
  const knownIds = new Set(known.map((p) => p.i));
  for (let r = fresh; r < posts; r++) {
    const original = timed[Math.floor(rnd() * fresh)];
    timed.push({ at: original.at + (1 + rnd() * 60) * MINUTE, body: original.body });
  }
  timed.sort((a, b) => a.at - b.at);
  // Each followed parcel's posts, as far as the workload got (the last parcel may be cut short).
  const postsOf = new Map<number, number>();
  for (const { body } of timed) {
    const [, i, k] = /"id":"evt_bench_(\d+)_(\d+)"/.exec(body)!.map(Number);
    if (knownIds.has(i)) postsOf.set(i, Math.max(postsOf.get(i) ?? 0, k + 1));
  }
  let rows = 0;
  for (const [i, seen] of postsOf) {
    const p = parcels[i];
    rows += seen + (seen >= 2 ? 1 : 0) + (seen === p.scans ? 2 : 0);
  }
  const retried = posts - fresh;
  const unknownBodies = new Set(
    timed.map((t) => t.body).filter((body) => !knownIds.has(Number(/"id":"evt_bench_(\d+)_/.exec(body)![1]))),
  );
  const unknownPosts = timed.filter((t) => unknownBodies.has(t.body)).length;
  return { bodies: timed.map((t) => t.body), parcels, known, rows, retried, unknownPosts, unknownBodies };
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

function percentile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

interface Posted {
  seconds: number;
  /** CPU the posting client used while posting (its own process). */
  cpuMs: number;
  latencies: number[];
  refused: number;
}

/**
 * EasyPost's side, in a process of its own (its HTTP client must not share the hub's event loop): builds the same
 * posts, signs them beforehand as EasyPost signs on its side, and posts them CONCURRENCY at a time.
 */
async function postAll(url: string, epoch: number): Promise<Posted> {
  const { bodies } = workload(POSTS, epoch);
  const signatures = bodies.map(sign);
  const latencies: number[] = [];
  let refused = 0;
  let next = 0;
  process.send?.('posting');
  const cpuBefore = process.cpuUsage();
  const start = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      for (let n = next++; n < bodies.length; n = next++) {
        const sent = performance.now();
        const res = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-hmac-signature': signatures[n] },
          body: bodies[n],
        });
        await res.arrayBuffer();
        latencies.push(performance.now() - sent);
        if (res.status !== 200) refused += 1;
      }
    }),
  );
  const cpu = process.cpuUsage(cpuBefore);
  return { seconds: (performance.now() - start) / 1000, cpuMs: (cpu.user + cpu.system) / 1000, latencies, refused };
}

/** Runs the posting client; `posting` is called as it sends its first post. */
function postFromClient(url: string, epoch: number, posting: () => void): Promise<Posted> {
  return new Promise((resolve, reject) => {
    const client = fork(__filename, ['post'], { stdio: 'inherit' });
    client.on('message', (m) => (m === 'posting' ? posting() : resolve(m as Posted)));
    client.once('error', reject);
    client.once('exit', (code) => code && reject(new Error(`the posting client exited with ${code}`)));
    client.send({ url, epoch });
  });
}

/**
 * CPU seconds the database's server processes for this database have used (utime + stime from /proc, in clock ticks
 * of 1/100 s); null where /proc is not readable (another host, another OS).
 */
async function databaseCpuSeconds(ds: DataSource): Promise<number | null> {
  const rows: { pid: number }[] = await ds.query(`SELECT pid FROM pg_stat_activity WHERE datname = current_database()`);
  try {
    let ticks = 0;
    for (const { pid } of rows) {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    }
    return ticks / 100;
  } catch {
    return null;
  }
}

/** Share of the machine's cores that were busy between two readings (anyone's work, ours included). */
function machineBusy(before: CpuInfo[], after: CpuInfo[]): number {
  let busy = 0;
  let all = 0;
  after.forEach((cpu, i) => {
    const t = (c: CpuInfo) => c.times.user + c.times.nice + c.times.sys + c.times.irq;
    const idle = cpu.times.idle - before[i].times.idle;
    const used = t(cpu) - t(before[i]);
    busy += used;
    all += used + idle;
  });
  return all ? busy / all : 0;
}

async function main() {
  const adminUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    console.log(
      'BENCH_DATABASE_URL / TEST_DATABASE_URL not set: the tracking ingest benchmark runs on PostgreSQL only',
    );
    return;
  }
  const epoch = Date.now() - 5 * 24 * HOUR;
  const work = workload(POSTS, epoch);
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
    const imports = running.app.get(OrderImportService);
    for (let n = 0; n < work.known.length; n += 1_000)
      await imports.insertNew(
        account,
        work.known.slice(n, n + 1_000).map((p) => order(p.i, new Date(p.shippedAt))),
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

    const before = await count(ds);
    const dbCpuBefore = await databaseCpuSeconds(ds);
    let loadBefore = 0;
    let machineBefore = cpus();
    let cpuBefore = process.cpuUsage();
    let start = performance.now();
    const posted = await postFromClient(url, epoch, () => {
      loadBefore = loadavg()[0];
      machineBefore = cpus();
      cpuBefore = process.cpuUsage();
      start = performance.now();
    });
    const { latencies, refused } = posted;
    const answered = posted.seconds;
    if (refused) throw new Error(`${refused} webhook posts were not answered 200`);
    const expected = before.events + work.rows;
    let now = await count(ds);
    while (now.events < expected || now.pending > 0) {
      if ((performance.now() - start) / 1000 > 900) throw new Error(`ingest stalled at ${JSON.stringify(now)}`);
      await new Promise((r) => setTimeout(r, 50));
      now = await count(ds);
    }
    const landed = (performance.now() - start) / 1000;
    const loadAfter = loadavg()[0];
    const cpu = process.cpuUsage(cpuBefore);
    const hubCpuMs = (cpu.user + cpu.system) / 1000;
    const machine = machineBusy(machineBefore, cpus());
    const dbCpuAfter = await databaseCpuSeconds(ds);
    const dbCpuMs = dbCpuBefore !== null && dbCpuAfter !== null ? (dbCpuAfter - dbCpuBefore) * 1000 : null;
    const perPost = (ms: number) =>
      `${(ms / work.bodies.length).toFixed(2)} ms a post (${((100 * ms) / 1000 / landed).toFixed(0)}% of one core)`;
    const ceiling = (cpuMs: number) => Math.round((cpus().length * 1000) / (cpuMs / work.bodies.length) / 10) * 10;
    const dbCpu = dbCpuMs === null ? 'not measured' : perPost(dbCpuMs);
    const rows = now.events - before.events;
    if (rows !== work.rows) throw new Error(`expected ${work.rows} new carrier_event rows, got ${rows}`);
    const { bodies } = work;
    latencies.sort((a, b) => a - b);
    const applied = new Set(bodies.filter((b) => !work.unknownBodies.has(b))).size;
    const postsPerS = bodies.length / answered;
    const eventsPerS = applied / landed;
    const rowsPerS = rows / landed;
    const p50 = percentile(latencies, 0.5);
    const p95 = percentile(latencies, 0.95);
    console.log(
      `${bodies.length} posts over ${work.parcels.length} trackers (${work.retried} retries, ${work.unknownPosts} unknown): answered ${postsPerS.toFixed(0)}/s (p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms) in ${answered.toFixed(1)} s; ${applied} events applied, ${rows} new carrier_event rows in ${landed.toFixed(1)} s: ${eventsPerS.toFixed(0)} events/s, ${rowsPerS.toFixed(0)} rows/s; hub process CPU ${perPost(hubCpuMs)}, PostgreSQL ${dbCpu}, posting client ${perPost(posted.cpuMs)}; machine ${(100 * machine).toFixed(0)}% busy; load ${loadBefore.toFixed(1)} → ${loadAfter.toFixed(1)}`,
    );
    writeBenchmarkSection(
      'apps/api — tracking webhook ingest (carrier scans)',
      [
        `${bodies.length.toLocaleString('en-US')} signed EasyPost \`tracker.updated\` posts over ${work.parcels.length.toLocaleString('en-US')} trackers, a year-like mix: each tracker posted 6–12 times as`,
        'its scans arrive (every post the whole tracker so far), trackers shipped over one day and interleaved by scan time;',
        `${work.retried} retried deliveries of an event id already posted and ${work.unknownPosts} posts about codes the hub does not follow.`,
        'POSTed 16 at a time to `/webhooks/easypost` on one api process (in-process jobs) on PostgreSQL: signature checked with',
        "the official client's validateWebhook, stored in the inbox by event id, answered, then applied in batches by the ingest job.",
        '"Landed" counts from the first post until every scan is a carrier_event row and the inbox has nothing pending.',
        `Measured on ${new Date().toISOString().slice(0, 10)}, ${cpus().length} cores shared by the api, the posting client and PostgreSQL, Node ${process.version};`,
        `one-minute load average ${loadBefore.toFixed(1)} at the start and ${loadAfter.toFixed(1)} at the end, the cores ${(100 * machine).toFixed(0)}% busy over the run (other work on the machine competes for them).`,
        `The posting client runs in a process of its own. CPU used: the hub's process (route and ingest) ${perPost(hubCpuMs)},`,
        `PostgreSQL's server processes for the hub's database ${dbCpu}, the posting client ${perPost(posted.cpuMs)}.`,
        '',
        '| posts answered/s | answer p50 / p95 | events applied/s | new carrier_event rows/s | target |',
        '|---|---|---|---|---|',
        `| ${postsPerS.toFixed(0)} | ${p50.toFixed(1)} ms / ${p95.toFixed(1)} ms | ${eventsPerS.toFixed(0)} (${applied.toLocaleString('en-US')} in ${landed.toFixed(1)} s) | ${rowsPerS.toFixed(0)} (${rows.toLocaleString('en-US')}) | ≥ 1,000 events/s |`,
        '',
        ...(dbCpuMs === null
          ? []
          : [
              `With the ${cpus().length} cores to themselves, the hub and PostgreSQL at these CPU costs would answer about ${ceiling(hubCpuMs + dbCpuMs).toLocaleString('en-US')} posts/s`,
              `(about ${ceiling(hubCpuMs + dbCpuMs + posted.cpuMs).toLocaleString('en-US')} with this bench's posting client on the same cores); the rate measured is what the share of the cores`,
              'left by the other work on the machine allowed.',
            ]),
        '',
        WHERE_THE_TIME_GOES,
      ].join('\n'),
    );
  } finally {
    await running?.close();
    await scratch.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[2] === 'post') {
  process.once('message', ({ url, epoch }: { url: string; epoch: number }) => {
    postAll(url, epoch).then(
      (posted) => process.send!(posted, () => process.exit(0)),
      (err: unknown) => {
        console.error(err);
        process.exit(1);
      },
    );
  });
} else {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
