/**
 * Orders in seconds (issue 20): how long a new channel order takes to reach the hub's database, with pushes (Walmart
 * ORDER_UPDATES webhooks to /push/:accountId, Amazon ORDER_CHANGE notifications through the sandbox's SQS queue)
 * and with polling only at the default cadences; whether every order arrives when 5% of the pushes are dropped and
 * 5% duplicated; and Amazon's request budget for a seller at 10,000 orders a day. The sandbox's throttles are on.
 *
 * 1. Latency, real time, documented rates: orders arrive one by one at random (Poisson) times, at a 10,000-order-a-day
 *    seller's busiest hour on the push accounts and more sparsely on the polling-only ones, all in one hub.
 * 2. Faults, time compressed: the sandbox's rates and the hub's client budgets ×RATE_SCALE, the poll cadences
 *    ÷TIME_SCALE, so 10,000 orders fit in minutes. Its hub starts first, because an order counts as a missed push
 *    only when it was placed after the subscription and the sandbox dates new Amazon orders five minutes back.
 * 3. Amazon's budget, computed from the model's usage plans, the rules' cadence and getOrder per push measured in 2.
 *
 * PostgreSQL when BENCH_DATABASE_URL / TEST_DATABASE_URL is set, PGlite otherwise. Environment: BENCH_PUSH_PARTS
 * (latency,faults), BENCH_PUSH_LATENCY_SECONDS (180), BENCH_PUSH_FAULT_ORDERS (10000, both channels together),
 * BENCH_PUSH_FAULT_SECONDS (240), BENCH_PUSH_CHANNELS (WALMART,AMAZON). Writes its section of docs/benchmarks.md
 * after a full run (both parts, both channels).
 */
import { cpus, loadavg } from 'node:os';
import { PUSH_MISSED_GRACE_SECONDS, channelProfile } from '@order-hub/rules';
import type { Channel } from '@order-hub/types';
import { writeBenchmarkSection } from './benchmarks-doc';
import { amazonBudget, pollingOnlyShare, type AmazonBudget } from './push-budget';
import {
  arrivals,
  percentile,
  random,
  sleep,
  startPushStack,
  type Arrival,
  type BenchAccount,
  type PushStack,
} from './push-stack';

const PARTS = (process.env.BENCH_PUSH_PARTS ?? 'latency,faults').split(',');
const LATENCY_SECONDS = Number(process.env.BENCH_PUSH_LATENCY_SECONDS ?? 180);
const FAULT_ORDERS = Number(process.env.BENCH_PUSH_FAULT_ORDERS ?? 10_000);
const FAULT_SECONDS = Number(process.env.BENCH_PUSH_FAULT_SECONDS ?? 240);
const ORDERS_PER_DAY = 10_000;
/** The busiest hour of a 10,000-order day: about 2.9 times an average hour (417 orders). */
const BUSIEST_HOUR = 1_200;
/** Polling-only accounts get fewer orders, over the first part of the window, so the last one's poll comes in time. */
const POLL_ONLY_PER_HOUR = 360;
const POLL_ONLY_SHARE_OF_WINDOW = 0.8;
const RATE_SCALE = 100;
const TIME_SCALE = 10;
const DROP = 0.05;
const DUPLICATE = 0.05;
const PUSH_ACTOR = 'system:order-push';
/** Sandbox orders placed "now" (a one-second window), so they are new to the hub. */
const NOW = 1 / 3600;
const CHANNELS = (process.env.BENCH_PUSH_CHANNELS ?? 'WALMART,AMAZON').split(',') as Channel[];
/** The SQS queue is configured when a channel that pushes through one (Amazon) is measured. */
const queue = CHANNELS.includes('AMAZON');

const log = (line: string) => console.log(`[push] ${line}`);
const s = (ms: number) =>
  Number.isNaN(ms)
    ? '–'
    : ms < 1_000
      ? `${Math.round(ms)} ms`
      : ms >= 10_000
        ? `${(ms / 1000).toFixed(0)} s`
        : `${(ms / 1000).toFixed(1)} s`;
const pct = (share: number) => `${(100 * share).toFixed(share < 0.1 ? 1 : 0)}%`;
const n = (v: number) => v.toLocaleString('en-US');

interface Generated {
  id: string;
  /** The sandbox clock when the order was created (the order event's time). */
  at: number;
}

interface LatencyRow {
  channel: Channel;
  mode: 'push' | 'polling only';
  orders: number;
  arrived: number;
  byPush: number;
  p50: number;
  p95: number;
  max: number;
}

/** Orders one at a time at exponential gaps (a Poisson process) of `perHour`, for `seconds`. */
async function arrive(
  stack: PushStack,
  account: BenchAccount,
  perHour: number,
  seconds: number,
  seed: number,
): Promise<Generated[]> {
  const rnd = random(seed);
  const out: Generated[] = [];
  const start = Date.now();
  let due = start;
  for (;;) {
    due += (-Math.log(1 - rnd()) / (perHour / 3600)) * 1000;
    if (due > start + seconds * 1000) return out;
    await sleep(Math.max(0, due - Date.now()));
    const at = stack.sandbox.clock.now().getTime();
    const [id] = stack.sandbox.generateOrders({
      accountId: account.sandboxId,
      count: 1,
      placedWithinHours: NOW,
    }).orderIds;
    out.push({ id, at });
  }
}

/** Waits until every order is in the hub, or `deadline` (ms since the epoch) passes. */
async function waitForArrivals(stack: PushStack, account: BenchAccount, orders: Generated[], deadline: number) {
  const ids = orders.map((o) => o.id);
  let found = await arrivals(stack.ds, account.id, ids);
  while (found.size < ids.length && Date.now() < deadline) {
    await sleep(500);
    found = await arrivals(stack.ds, account.id, ids);
  }
  return found;
}

function latencies(orders: Generated[], found: Map<string, Arrival>) {
  const ms = orders
    .filter((o) => found.has(o.id))
    .map((o) => found.get(o.id)!.at - o.at)
    .sort((a, b) => a - b);
  return { p50: percentile(ms, 0.5), p95: percentile(ms, 0.95), max: ms.length ? ms[ms.length - 1] : NaN };
}

async function latencyPart(adminUrl: string | undefined): Promise<{ rows: LatencyRow[]; database: string }> {
  const stack = await startPushStack({ label: 'latency', seed: 20, throttling: true, adminUrl, queue });
  try {
    const plan: { account: BenchAccount; mode: LatencyRow['mode'] }[] = [];
    for (const channel of CHANNELS) {
      plan.push({ account: await stack.account(channel, `Push ${channel}`, true), mode: 'push' });
      plan.push({ account: await stack.account(channel, `Poll ${channel}`, false), mode: 'polling only' });
    }
    log(
      `latency: ${LATENCY_SECONDS} s of orders, ${BUSIEST_HOUR}/h per push account, ${POLL_ONLY_PER_HOUR}/h per polling-only account`,
    );
    const generated = await Promise.all(
      plan.map(({ account, mode }, i) =>
        mode === 'push'
          ? arrive(stack, account, BUSIEST_HOUR, LATENCY_SECONDS, 101 + i)
          : arrive(stack, account, POLL_ONLY_PER_HOUR, LATENCY_SECONDS * POLL_ONLY_SHARE_OF_WINDOW, 101 + i),
      ),
    );
    const rows: LatencyRow[] = [];
    for (const [i, { account, mode }] of plan.entries()) {
      const orders = generated[i];
      // A poll-only order waits for the next poll (the cadence) and the pull itself; a pushed one should not wait.
      const cadence = channelProfile(account.channel).syncIntervalSeconds * 1000;
      const deadline = Date.now() + (mode === 'push' ? 60_000 : 2 * cadence + 60_000);
      const found = await waitForArrivals(stack, account, orders, deadline);
      const byPush = [...found.values()].filter((a) => a.actor === PUSH_ACTOR).length;
      const row = {
        channel: account.channel,
        mode,
        orders: orders.length,
        arrived: found.size,
        byPush,
        ...latencies(orders, found),
      };
      log(
        `${row.channel} ${row.mode}: ${row.arrived}/${row.orders} arrived (${row.byPush} by push), p50 ${s(row.p50)}, p95 ${s(row.p95)}, max ${s(row.max)}`,
      );
      rows.push(row);
    }
    return { rows, database: stack.database };
  } finally {
    await stack.close();
  }
}

interface FaultSetup {
  stack: PushStack;
  accounts: BenchAccount[];
  subscribedAt: number;
}

/** The fault run's sandbox and hub, time compressed, with both sellers subscribed and the delivery faults set. */
async function prepareFaults(adminUrl: string | undefined): Promise<FaultSetup> {
  const env: Record<string, string> = { CHANNEL_RATE_SCALE: String(RATE_SCALE) };
  for (const c of CHANNELS)
    env[`${c}_SYNC_INTERVAL_SECONDS`] = String(Math.max(5, channelProfile(c).syncIntervalSeconds / TIME_SCALE));
  const stack = await startPushStack({
    label: 'faults',
    seed: 21,
    throttling: { rateScale: RATE_SCALE },
    adminUrl,
    env,
    queue,
  });
  try {
    const accounts = [];
    for (const channel of CHANNELS) accounts.push(await stack.account(channel, `Faults ${channel}`, true));
    const subscribedAt = Date.now();
    for (const a of accounts) {
      if (a.channel === 'AMAZON')
        stack.sandbox.amazonNotificationFaults(a.sandboxId, { drop: DROP, duplicate: DUPLICATE });
      else {
        const res = await stack.sandbox.app.inject({
          method: 'PUT',
          url: '/_sandbox/walmart/webhooks/faults',
          payload: { accountId: a.sandboxId, drop: DROP, duplicate: DUPLICATE },
        });
        if (res.statusCode !== 200) throw new Error(`Walmart webhook faults refused: ${res.body}`);
      }
    }
    return { stack, accounts, subscribedAt };
  } catch (error) {
    await stack.close();
    throw error;
  }
}

interface FaultRow {
  channel: Channel;
  orders: number;
  arrived: number;
  duplicateRows: number;
  /** Orders no push named (dropped on the channel's side), and the sandbox's own count where it keeps one. */
  notAnnounced: number;
  sandboxDropped: number | null;
  sandboxDuplicated: number | null;
  pushEvents: number;
  byPush: number;
  missedCounted: number;
  pushP50: number;
  pushP95: number;
  /** Creation → stored, the slowest order no push announced, and the last-created such order. */
  slowestDropped: number;
  lastDropped: number;
  /** From the last order's creation until the last dropped one was stored. */
  drainAfterLast: number;
  pollMode: string;
}

const STATUS = `{ channelAccounts { id push { missedLast7Days pendingEvents deadLetters pollMode pollIntervalSeconds } } }`;

async function walmartDeliveryFaults(stack: PushStack, sandboxId: string) {
  const res = await stack.sandbox.app.inject({
    method: 'GET',
    url: `/_sandbox/walmart/webhooks/deliveries?accountId=${sandboxId}`,
  });
  const { deliveries } = res.json<{ deliveries: { fault?: string }[] }>();
  return {
    dropped: deliveries.filter((d) => d.fault === 'dropped').length,
    duplicated: deliveries.filter((d) => d.fault === 'duplicated').length,
  };
}

async function faultPart(setup: FaultSetup): Promise<{ rows: FaultRow[]; wallMs: number; getOrderPerPush: number }> {
  const { stack, accounts } = setup;
  // Amazon's sandbox orders are dated five minutes back, Walmart's one: wait until they are dated after the subscription.
  const ready = setup.subscribedAt + (CHANNELS.includes('AMAZON') ? 5 * 60_000 : 60_000) + 10_000;
  if (Date.now() < ready) {
    log(`faults: waiting ${s(ready - Date.now())} until new orders are dated after the subscription`);
    await sleep(ready - Date.now());
  }
  const perChannel = Math.round(FAULT_ORDERS / CHANNELS.length);
  log(
    `faults: ${n(perChannel)} orders per channel over ${FAULT_SECONDS} s, ${pct(DROP)} of pushes dropped, ${pct(DUPLICATE)} duplicated`,
  );
  const generated = new Map<string, Generated[]>(accounts.map((a) => [a.id, []]));
  const start = Date.now();
  const tickMs = 200;
  for (let made = 0; made < perChannel;) {
    const due = Math.min(perChannel, Math.ceil(((Date.now() - start) / (FAULT_SECONDS * 1000)) * perChannel));
    if (due > made) {
      for (const a of accounts) {
        const at = stack.sandbox.clock.now().getTime();
        const { orderIds } = stack.sandbox.generateOrders({
          accountId: a.sandboxId,
          count: due - made,
          placedWithinHours: NOW,
          mix: { intentToCancel: 0 },
        });
        generated.get(a.id)!.push(...orderIds.map((id) => ({ id, at })));
      }
      made = due;
    }
    await sleep(tickMs);
  }
  const lastCreated = Date.now();
  const found = new Map<string, Map<string, Arrival>>();
  const guard = Date.now() + 15 * 60_000;
  for (;;) {
    let missing = 0;
    for (const a of accounts) {
      const got = await arrivals(
        stack.ds,
        a.id,
        generated.get(a.id)!.map((o) => o.id),
      );
      found.set(a.id, got);
      missing += generated.get(a.id)!.length - got.size;
    }
    if (missing === 0 || Date.now() > guard) break;
    log(`faults: ${s(Date.now() - start)}: ${n(missing)} orders not in the hub yet`);
    await sleep(10_000);
  }
  const wallMs = Date.now() - start;
  // A polled order counts as a missed push once no push named it within the grace.
  await sleep((PUSH_MISSED_GRACE_SECONDS + 5) * 1000);
  const status = await stack.gql<{
    channelAccounts: {
      id: string;
      push: { missedLast7Days: number; pollMode: string; pollIntervalSeconds: number } | null;
    }[];
  }>(STATUS);
  const rows: FaultRow[] = [];
  for (const a of accounts) {
    const orders = generated.get(a.id)!;
    const got = found.get(a.id)!;
    const ids = orders.map((o) => o.id);
    const [dup]: { n: number }[] = await stack.ds.query(
      `SELECT count(*)::int AS n FROM (SELECT channel_order_id FROM "order" WHERE account_id = $1
         GROUP BY channel_order_id HAVING count(*) > 1) d`,
      [a.id],
    );
    const announced: { id: string; events: number }[] = await stack.ds.query(
      `SELECT channel_order_id AS id, count(*)::int AS events FROM push_event
       WHERE account_id = $1 AND channel_order_id = ANY($2::text[]) GROUP BY channel_order_id`,
      [a.id, ids],
    );
    const pushed = new Set(announced.map((r) => r.id));
    const dropped = orders.filter((o) => !pushed.has(o.id) && got.has(o.id));
    const late = (o: Generated) => got.get(o.id)!.at - o.at;
    const pushMs = orders
      .filter((o) => got.get(o.id)?.actor === PUSH_ACTOR)
      .map(late)
      .sort((x, y) => x - y);
    const last = dropped.reduce<Generated | null>((m, o) => (!m || o.at >= m.at ? o : m), null);
    const sandboxFaults = a.channel === 'WALMART' ? await walmartDeliveryFaults(stack, a.sandboxId) : null;
    const push = status.channelAccounts.find((c) => c.id === a.id)?.push;
    const row: FaultRow = {
      channel: a.channel,
      orders: orders.length,
      arrived: got.size,
      duplicateRows: dup.n,
      notAnnounced: orders.length - pushed.size,
      sandboxDropped: sandboxFaults?.dropped ?? null,
      sandboxDuplicated: sandboxFaults?.duplicated ?? null,
      pushEvents: announced.reduce((sum, r) => sum + r.events, 0),
      byPush: [...got.values()].filter((v) => v.actor === PUSH_ACTOR).length,
      missedCounted: push?.missedLast7Days ?? NaN,
      pushP50: percentile(pushMs, 0.5),
      pushP95: percentile(pushMs, 0.95),
      slowestDropped: dropped.length ? Math.max(...dropped.map(late)) : NaN,
      lastDropped: last ? late(last) : NaN,
      drainAfterLast: dropped.length ? Math.max(...dropped.map((o) => got.get(o.id)!.at)) - lastCreated : NaN,
      pollMode: push ? `${push.pollMode} every ${push.pollIntervalSeconds} s` : '–',
    };
    log(
      `${row.channel}: ${n(row.arrived)}/${n(row.orders)} in the hub, ${row.orders - row.arrived} missed, ${row.duplicateRows} stored twice; ` +
        `${n(row.notAnnounced)} never pushed (sandbox dropped ${row.sandboxDropped ?? 'n/a'}, duplicated ${row.sandboxDuplicated ?? 'n/a'}), ` +
        `${n(row.missedCounted)} counted as missed pushes; ${n(row.byPush)} stored by push (p50 ${s(row.pushP50)}, p95 ${s(row.pushP95)}); ` +
        `slowest dropped order reconciled after ${s(row.slowestDropped)}, the last one ${s(row.lastDropped)} after its creation; polling ${row.pollMode}`,
    );
    rows.push(row);
  }
  const amazon = rows.find((r) => r.channel === 'AMAZON');
  if (!amazon) return { rows, wallMs, getOrderPerPush: 1 };
  const getOrders = stack.calls.calls.get('amazon.getOrder') ?? 0;
  const throttled = stack.calls.throttled.get('amazon.getOrder') ?? 0;
  const getOrderPerPush = (getOrders - throttled) / Math.max(1, amazon.orders - amazon.notAnnounced);
  log(
    `faults: Amazon getOrder calls ${n(getOrders)} (${n(throttled)} throttled), searchOrders ${n(stack.calls.calls.get('amazon.searchOrders') ?? 0)}: ` +
      `${getOrderPerPush.toFixed(2)} getOrder answered per pushed order`,
  );
  return { rows, wallMs, getOrderPerPush };
}

function budgetLines(b: AmazonBudget): string[] {
  return [
    `Amazon at ${n(b.ordersPerDay)} orders a day (busiest hour ${n(b.busiestHourOrders)}): getOrder ${b.getOrder.rate}/s burst ${b.getOrder.burst}, searchOrders ${b.searchOrders.rate}/s burst ${b.searchOrders.burst}`,
    `(Orders 2026-01-01 model usage plans, shared/docs/reference/amazon-detail.md §1.7); ${b.getOrderPerPush.toFixed(2)} getOrder per new notification (measured);`,
    `reconciliation polls every ${b.reconcileSeconds} s (rules' pollCadence, ${b.normalSeconds} s × 10 capped at 15 min) reading the orders updated since the last poll plus the ${b.overlapSeconds} s overlap, 100 a page.`,
    '',
    '| scenario | getOrder /s | share of 0.5/s | headroom | searchOrders /s | share of 0.0056/s | headroom |',
    '|---|---|---|---|---|---|---|',
    ...b.rows.map(
      (r) =>
        `| ${r.scenario} | ${r.getOrderPerS.toFixed(3)} | ${pct(r.getOrderShare)} | ${pct(1 - r.getOrderShare)} | ${r.searchOrdersPerS.toFixed(4)} | ${pct(r.searchOrdersShare)} | ${pct(1 - r.searchOrdersShare)} |`,
    ),
    '',
    `Polling only at the normal ${b.normalSeconds} s cadence would need ${pct(pollingOnlyShare(b, 1))} (1 change per order) to ${pct(pollingOnlyShare(b, 3))} (3) of searchOrders' rate, and sees a new order ${b.normalSeconds / 2} s later on average.`,
  ];
}

async function main() {
  const adminUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  const loadAtStart = loadavg()[0];
  const started = Date.now();
  // The fault run's hub first: its subscriptions must be older than the sandbox's back-dating of new orders.
  const faults = PARTS.includes('faults') ? await prepareFaults(adminUrl) : null;
  let latency: Awaited<ReturnType<typeof latencyPart>> | null = null;
  let faultResult: Awaited<ReturnType<typeof faultPart>> | null = null;
  try {
    if (PARTS.includes('latency')) latency = await latencyPart(adminUrl);
    if (faults) faultResult = await faultPart(faults);
  } finally {
    await faults?.stack.close();
  }
  const budget = amazonBudget(ORDERS_PER_DAY, BUSIEST_HOUR, faultResult?.getOrderPerPush ?? 1);
  const budgetText = budgetLines(budget);
  for (const line of budgetText) console.log(line);
  const wall = Date.now() - started;
  log(`done in ${s(wall)}; load ${loadAtStart.toFixed(1)} → ${loadavg()[0].toFixed(1)}`);
  if (!latency || !faultResult || CHANNELS.length < 2) return;

  const lines = [
    'Measured by `npm run bench:push -w @order-hub/api`: one api process (in-process jobs) listening on loopback, the',
    "sandbox's throttles on, scheduled pulls running, auto-acknowledge off (acknowledging is outbox work, measured by the",
    `outbox bench). ${latency.database}; ${cpus().length} cores shared with the sandbox and the database, Node ${process.version}, ${new Date().toISOString().slice(0, 10)};`,
    `1-minute load average ${loadAtStart.toFixed(1)} at the start (other work on the machine competes for the cores).`,
    '',
    `**Channel creation → hub database**, real time at the documented rates: for ${LATENCY_SECONDS} s, orders created one at a time at random`,
    `(Poisson) moments, ${n(BUSIEST_HOUR)} an hour on each push account (the busiest hour of a ${n(ORDERS_PER_DAY)}-order day, about 2.9× its average`,
    `hour) and ${POLL_ONLY_PER_HOUR} an hour over the first ${Math.round(LATENCY_SECONDS * POLL_ONLY_SHARE_OF_WINDOW)} s on each polling-only account (fewer samples: each waits for a`,
    "poll at the default cadence, 60 s Walmart, 180 s Amazon). Creation is the sandbox clock when the order was made (the order event's",
    "time); arrival is the hub's insert of the order row. Walmart: ORDER_UPDATES webhook → /push/:accountId → getOrder → upsert;",
    'Amazon: ORDER_CHANGE → SQS queue long-polled by the hub → getOrder → upsert → message deleted. Target: p95 ≤ 5 s with push.',
    "The sandbox dates a new Amazon order five minutes back, so searchOrders lists it at once; Amazon's own two-minute",
    'lag (…Before at least 2 minutes before now) would add to the polling-only Amazon figures.',
    '',
    '| channel | path | orders | arrived (by push) | p50 | p95 | max |',
    '|---|---|---|---|---|---|---|',
    ...latency.rows.map(
      (r) =>
        `| ${r.channel} | ${r.mode} | ${r.orders} | ${r.arrived} (${r.byPush}) | ${s(r.p50)} | ${s(r.p95)} | ${s(r.max)} |`,
    ),
    '',
    `**Lost and repeated pushes**: ${n(FAULT_ORDERS)} orders (${n(FAULT_ORDERS / 2)} per channel) created over ${FAULT_SECONDS} s with the sandbox dropping`,
    `${pct(DROP)} of the pushes and duplicating ${pct(DUPLICATE)} (Walmart deliveries; Amazon notifications into the queue). Time is`,
    `compressed: the sandbox's rates and the hub's client budgets ×${RATE_SCALE} (throttling{rateScale}, CHANNEL_RATE_SCALE), the poll`,
    `cadences ÷${TIME_SCALE} (WALMART_SYNC_INTERVAL_SECONDS=6, AMAZON_SYNC_INTERVAL_SECONDS=18; reconciliation 10× those), the overlap and the`,
    `${PUSH_MISSED_GRACE_SECONDS} s missed-push grace as in production. Wall time ${s(faultResult.wallMs)} from the first order to the last one in the hub.`,
    '"Never pushed" counts the orders no push named (the drops); "counted missed" is the hub\'s own missed-push figure',
    '(sync state, last 7 days). Reconciled: creation → stored, for the orders only a poll brought. That wait is mostly the',
    'time to the next poll, so it scales with the cadence: uncompressed, up to 10 min (Walmart) and 15 min (Amazon) while',
    'polling reconciles, then 60 s / 180 s once a missed push makes the hub suspect a gap.',
    '',
    '| channel | orders | missed | stored twice | never pushed | counted missed | sandbox dropped / duplicated | pushed p50 / p95 | slowest dropped reconciled | last dropped reconciled |',
    '|---|---|---|---|---|---|---|---|---|---|',
    ...faultResult.rows.map(
      (r) =>
        `| ${r.channel} | ${n(r.orders)} | ${r.orders - r.arrived} | ${r.duplicateRows} | ${n(r.notAnnounced)} | ${n(r.missedCounted)} | ${r.sandboxDropped ?? 'not kept'} / ${r.sandboxDuplicated ?? 'not kept'} | ${s(r.pushP50)} / ${s(r.pushP95)} | ${s(r.slowestDropped)} | ${s(r.lastDropped)} |`,
    ),
    '',
    ...budgetText,
  ];
  writeBenchmarkSection('apps/api — orders by push (webhooks and SQS) and reconciliation', lines.join('\n'));
  if (faultResult.rows.some((r) => r.arrived < r.orders || r.duplicateRows > 0)) process.exitCode = 1;
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
