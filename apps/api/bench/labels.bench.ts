/**
 * Buying labels (issue 21): how long an operator waits for the rates and for the label, per channel, against the
 * sandbox with its documented throttles on (Amazon Shipping API v2 usage plans; the EasyPost simulator); how long a
 * batch of 100 Amazon labels takes with its one PDF of labels and packing slips; and that nothing is bought twice.
 *
 * PostgreSQL when BENCH_DATABASE_URL / TEST_DATABASE_URL is set, PGlite otherwise. BENCH_LABELS_SINGLE (20 per
 * channel), BENCH_LABELS_BATCH (100). Writes its section of docs/benchmarks.md.
 */
import { cpus, loadavg } from 'node:os';
import type { Channel } from '@order-hub/types';
import { writeBenchmarkSection } from './benchmarks-doc';
import { percentile, startPushStack, type BenchAccount, type PushStack } from './push-stack';

const SINGLE = Number(process.env.BENCH_LABELS_SINGLE ?? 20);
const BATCH = Number(process.env.BENCH_LABELS_BATCH ?? 100);
const PARCEL = { lengthIn: 12, widthIn: 9, heightIn: 4, weightOz: 20 };
const SHIP_FROM = {
  name: 'Order Hub Warehouse',
  line1: '100 Harbor Blvd',
  city: 'Secaucus',
  stateOrRegion: 'NJ',
  postalCode: '07094',
  countryCode: 'US',
};
const SINGLE_LINE = { multiLine: 0, multiQuantity: 0, intentToCancel: 0, channelFulfilled: 0 };

const log = (line: string) => console.log(`[labels] ${line}`);
const ms = (n: number) => `${Math.round(n)} ms`;

interface Rate {
  rateId: string;
  cheapest: boolean;
}

async function openOrders(stack: PushStack, account: BenchAccount, count: number): Promise<string[]> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    await stack.gql(`mutation($id: ID!) { syncAccount(accountId: $id) { running } }`, { id: account.id });
    const rows: { id: string }[] = await stack.ds.query(
      `SELECT id FROM "order" WHERE account_id = $1 AND status IN ('CREATED', 'ACKNOWLEDGED')
          AND fulfillment_method = 'MERCHANT' AND ship_by > now() + interval '2 hours' ORDER BY channel_order_id`,
      [account.id],
    );
    if (rows.length >= count) return rows.slice(0, count).map((r) => r.id);
    if (Date.now() > deadline) throw new Error(`${account.channel}: ${rows.length} open orders, ${count} wanted`);
    await new Promise((r) => setTimeout(r, 2_000));
  }
}

async function prepare(stack: PushStack, channel: Channel, orders: number): Promise<{ ids: string[] }> {
  const account = await stack.account(channel, `Labels ${channel}`, false);
  // Placed in the last hour, so their ship-by is ahead; a few more than needed (some are channel-fulfilled or late).
  stack.sandbox.generateOrders({
    accountId: account.sandboxId,
    count: Math.ceil(orders * 1.3),
    seed: 7,
    placedWithinHours: 1,
    mix: SINGLE_LINE,
  });
  stack.sandbox.clock.advance(60_000);
  await stack.gql(
    `mutation($id: ID!, $address: ShipFromInput!) { setShipFrom(accountId: $id, address: $address) { id } }`,
    {
      id: account.id,
      address: SHIP_FROM,
    },
  );
  const ids = await openOrders(stack, account, orders);
  const skus: { sku: string }[] = await stack.ds.query(
    `SELECT DISTINCT l.sku FROM order_line l JOIN "order" o ON o.id = l.order_id WHERE o.account_id = $1`,
    [account.id],
  );
  await stack.gql(
    `mutation($id: ID!, $rows: [SkuWeightInput!]!) { setSkuWeights(accountId: $id, rows: $rows) { removed } }`,
    {
      id: account.id,
      rows: skus.map(({ sku }) => ({ sku, weightOz: 8 })),
    },
  );
  return { ids };
}

async function main() {
  const adminUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  const stack = await startPushStack({
    label: 'labels',
    seed: 21,
    throttling: true,
    queue: false,
    adminUrl,
    env: (sandbox) => ({ EASYPOST_API_KEY: sandbox.easypostApiKey, EASYPOST_BASE_URL: sandbox.easypostBaseUrl }),
  });
  try {
    await stack.gql(`mutation($input: PackagePresetInput!) { savePackagePreset(input: $input) { id } }`, {
      input: { name: 'Medium box', lengthIn: 12, widthIn: 9, heightIn: 4, boxWeightOz: 4, isDefault: true },
    });
    const single: Record<string, { rates: number[]; buy: number[] }> = {};
    const prepared: Record<string, string[]> = {};
    for (const channel of ['AMAZON', 'WALMART'] as Channel[]) {
      prepared[channel] = (await prepare(stack, channel, channel === 'AMAZON' ? SINGLE + BATCH : SINGLE)).ids;
      const times = { rates: [] as number[], buy: [] as number[] };
      for (const orderId of prepared[channel].slice(0, SINGLE)) {
        let t = performance.now();
        const { labelRates } = await stack.gql<{ labelRates: { requestToken: string; rates: Rate[] } }>(
          `query($orderId: ID!, $parcel: LabelParcelInput) { labelRates(orderId: $orderId, parcel: $parcel) {
            requestToken rates { rateId cheapest } } }`,
          { orderId, parcel: PARCEL },
        );
        times.rates.push(performance.now() - t);
        const rate = labelRates.rates.find((r) => r.cheapest) ?? labelRates.rates[0];
        const input = { orderId, requestToken: labelRates.requestToken, rateId: rate.rateId, parcel: PARCEL };
        t = performance.now();
        // A double click: the same request twice at once buys one label.
        const [a, b] = await Promise.all(
          [0, 1].map(() =>
            stack.gql<{ buyLabel: { id: string; status: string } }>(
              `mutation($input: BuyLabelInput!) { buyLabel(input: $input) { id status } }`,
              { input },
            ),
          ),
        );
        times.buy.push(performance.now() - t);
        if (a.buyLabel.id !== b.buyLabel.id || a.buyLabel.status !== 'PURCHASED')
          throw new Error(`${channel}: a double click gave ${a.buyLabel.id} and ${b.buyLabel.id}`);
      }
      single[channel] = times;
      log(
        `${channel}: rates p50 ${ms(
          percentile(
            [...times.rates].sort((x, y) => x - y),
            0.5,
          ),
        )}, buy p50 ${ms(
          percentile(
            [...times.buy].sort((x, y) => x - y),
            0.5,
          ),
        )}`,
      );
    }

    const batchIds = prepared.AMAZON.slice(SINGLE, SINGLE + BATCH);
    let t = performance.now();
    const { buyLabels } = await stack.gql<{
      buyLabels: { bought: { id: string }[]; failed: { message: string }[]; documentUrl: string | null };
    }>(
      `mutation($input: BuyLabelsInput!) { buyLabels(input: $input) { bought { id } failed { message } documentUrl } }`,
      { input: { orderIds: batchIds, choice: 'CHEAPEST' } },
    );
    const batchMs = performance.now() - t;
    const { port } = stack.running.app.getHttpServer().address() as { port: number };
    const token = (
      await stack.gql<{ createApiToken: { token: string } }>(
        `mutation { createApiToken(input: { name: "bench labels pdf", role: VIEWER }) { token } }`,
      )
    ).createApiToken.token;
    t = performance.now();
    const pdf = await fetch(`http://127.0.0.1:${port}${buyLabels.documentUrl}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const bytes = (await pdf.arrayBuffer()).byteLength;
    const pdfMs = performance.now() - t;
    const labelRows: { n: number }[] = await stack.ds.query(
      `SELECT count(*)::int AS n FROM shipping_label WHERE status = 'PURCHASED'`,
    );
    const expected = SINGLE * 2 + buyLabels.bought.length;
    if (labelRows[0].n !== expected) throw new Error(`${labelRows[0].n} labels stored, ${expected} expected`);

    const row = (channel: string) => {
      const r = [...single[channel].rates].sort((x, y) => x - y);
      const b = [...single[channel].buy].sort((x, y) => x - y);
      return `| ${channel === 'AMAZON' ? 'Amazon (Buy Shipping)' : 'Walmart (EasyPost)'} | ${SINGLE} | ${ms(percentile(r, 0.5))} | ${ms(percentile(r, 0.95))} | ${ms(percentile(b, 0.5))} | ${ms(percentile(b, 0.95))} |`;
    };
    const failedNote = buyLabels.failed[0] ? `: ${buyLabels.failed[0].message}` : '';
    const body = [
      `\`npm run bench:labels -w @order-hub/api\` on ${stack.database}, ${cpus().length} cores (load ${loadavg()[0].toFixed(1)} at the end),`,
      'against the sandbox with its documented throttles on. Each purchase was clicked twice at once (the buy time is',
      "the slower answer: the second click waits for the first one's label) and each bought one label",
      `(${labelRows[0].n} labels stored for ${expected} purchases).`,
      '',
      '| channel | labels | rates p50 | rates p95 | buy p50 | buy p95 |',
      '| --- | ---: | ---: | ---: | ---: | ---: |',
      row('AMAZON'),
      row('WALMART'),
      '',
      `Batch: ${buyLabels.bought.length} of ${BATCH} Amazon labels bought at the cheapest rate in ${(batchMs / 1000).toFixed(1)} s`,
      `(${buyLabels.failed.length} failed${failedNote}); their one PDF of labels and packing slips (${(bytes / 1024).toFixed(0)} KiB)`,
      `served in ${ms(pdfMs)}.`,
    ].join('\n');
    console.log(body);
    writeBenchmarkSection('Labels (issue 21)', body);
  } finally {
    await stack.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
