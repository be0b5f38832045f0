import { inflateSync } from 'node:zlib';
import { createSandbox, type Sandbox } from '@order-hub/sandbox';
import { PDFDocument } from 'pdf-lib';
import { connectSandboxAccount, syncAndWait, type ConnectedAccount } from './support/sync-helpers';
import { startTestApp, type TestApp } from './support/test-app';
import { testDatabases } from './support/test-databases';

const SHIP_FROM = {
  name: 'Order Hub Warehouse',
  line1: '100 Main St',
  city: 'Columbus',
  stateOrRegion: 'OH',
  postalCode: '43215',
  countryCode: 'US',
  phone: '+1 614-555-0100',
};
const LABEL = `id orderId status carrierName serviceName trackingNumber amountCents currency format purchasedAt`;
const BUY_LABELS = `mutation($input: BuyLabelsInput!) {
  buyLabels(input: $input) { bought { ${LABEL} } failed { orderId orderNumber message } documentUrl }
}`;
const RATES = `query($orderId: ID!) { labelRates(orderId: $orderId) { rates { serviceName amountCents cheapest fastest } } }`;
const VOID = `mutation($id: ID!) { voidLabel(labelId: $id) { id status } }`;
const COST = `query($id: ID!) { order(id: $id) { labelCostCents } }`;
const COSTS = `query($from: DateTime!, $to: DateTime!) { labelCosts(from: $from, to: $to) { channel month labelCount amountCents currency } }`;

/** The text shown in a PDF, in stream order: pdfkit's hex strings in TJ arrays (one per line) and pdf-lib's hex Tj. */
function pdfTexts(pdf: Buffer): string[] {
  const texts: string[] = [];
  const raw = pdf.toString('latin1');
  const hex = (h: string) => Buffer.from(h, 'hex').toString('latin1');
  const streams = /<<([^<>]*)>>\s*stream\r?\n/g;
  for (let m = streams.exec(raw); m; m = streams.exec(raw)) {
    const length = /\/Length (\d+)/.exec(m[1]);
    if (!length || !m[1].includes('/FlateDecode')) continue;
    const start = m.index + m[0].length;
    let content: string;
    try {
      content = inflateSync(pdf.subarray(start, start + Number(length[1]))).toString('latin1');
    } catch {
      continue;
    }
    for (const t of content.matchAll(/\[([^\]]*)\] TJ|<([0-9a-f]*)> Tj/gi))
      texts.push(t[1] !== undefined ? [...t[1].matchAll(/<([0-9a-f]*)>/gi)].map((h) => hex(h[1])).join('') : hex(t[2]));
  }
  return texts;
}

/** The packing slips' "Order <number>" lines, in page order. */
const slipOrderNumbers = (pdf: Buffer) => pdfTexts(pdf).flatMap((t) => /^Order (\S+)$/.exec(t)?.slice(1) ?? []);

describe.each(testDatabases())('Buying labels for a selection and printing them as one PDF on %s', (kind) => {
  let sandbox: Sandbox;
  let app: TestApp;
  let amazon: ConnectedAccount;
  let walmart: ConnectedAccount;
  let walmartOpen: { id: string; channelOrderId: string }[] = [];
  /** Every label bought and not voided, with its order's channel: what the costs must add up to. */
  const kept = new Map<string, { channel: string; amountCents: number }>();
  const keep = (channel: string, labels: { id: string; amountCents: number }[]) =>
    labels.forEach((l) => kept.set(l.id, { channel, amountCents: l.amountCents }));
  let viewer: string;
  let open: { id: string; channelOrderId: string; sku: string }[] = [];
  let late: { id: string; channel_order_id: string };
  const purchases: string[] = [];
  const original = globalThis.fetch;
  let batch: { bought: Record<string, any>[]; failed: Record<string, any>[]; documentUrl: string };

  const download = (url: string, token: string | null = viewer) =>
    fetch(`${app.baseUrl}${url}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

  beforeAll(async () => {
    sandbox = await createSandbox({ seed: 27, throttling: false });
    app = await startTestApp(kind, {
      EASYPOST_API_KEY: sandbox.easypostApiKey,
      EASYPOST_BASE_URL: sandbox.easypostBaseUrl,
    });
    amazon = await connectSandboxAccount(app, sandbox, 'AMAZON', 'Batch Amazon');
    walmart = await connectSandboxAccount(app, sandbox, 'WALMART', 'Batch Walmart');
    sandbox.generateOrders({
      accountId: walmart.sandboxAccountId,
      count: 8,
      seed: 9,
      mix: { multiLine: 0, multiQuantity: 0, intentToCancel: 0, channelFulfilled: 0 },
    });
    // Placed in the last hour and due to ship in 4–6 days, so some rate keeps each promise on any day of the week (a
    // Friday evening's parcel is picked up on Monday).
    sandbox.generateOrders({
      accountId: amazon.sandboxAccountId,
      count: 90,
      seed: 8,
      placedWithinHours: 1,
      shipByHours: [96, 144],
      mix: { multiLine: 0, multiQuantity: 0, intentToCancel: 0, channelFulfilled: 0 },
    });
    // Due within the hour: no carrier collects it by then, so no rate keeps its promise.
    const [lateOrderNumber] = sandbox.generateOrders({
      accountId: amazon.sandboxAccountId,
      count: 1,
      seed: 10,
      placedWithinHours: 0.01,
      shipByHours: [1, 1],
      mix: { multiLine: 0, multiQuantity: 0, intentToCancel: 0, channelFulfilled: 0, prime: 0 },
    }).orderIds;
    sandbox.clock.advance(3 * 60_000);
    expect((await syncAndWait(app, amazon.hubId)).lastError).toBeNull();
    expect((await syncAndWait(app, walmart.hubId)).lastError).toBeNull();
    const walmartRows: { id: string; channel_order_id: string; sku: string }[] = await app.ds.query(
      `SELECT o.id, o.channel_order_id, min(l.sku) AS sku FROM "order" o JOIN order_line l ON l.order_id = o.id
        WHERE o.account_id = $1 AND o.status IN ('CREATED', 'ACKNOWLEDGED') AND o.fulfillment_method = 'MERCHANT'
          AND o.ship_by > now() + interval '2 hours'
        GROUP BY o.id ORDER BY o.channel_order_id`,
      [walmart.hubId],
    );
    walmartOpen = walmartRows.map((r) => ({ id: r.id, channelOrderId: r.channel_order_id }));
    expect(walmartOpen.length).toBeGreaterThanOrEqual(2);
    const rows: { id: string; channel_order_id: string; sku: string; postal: string }[] = await app.ds.query(
      `SELECT o.id, o.channel_order_id, min(l.sku) AS sku, o.ship_to->>'postalCode' AS postal
         FROM "order" o JOIN order_line l ON l.order_id = o.id
        WHERE o.account_id = $1 AND o.status IN ('CREATED', 'ACKNOWLEDGED') AND o.fulfillment_method = 'MERCHANT'
        GROUP BY o.id ORDER BY o.channel_order_id`,
      [amazon.hubId],
    );
    // Alaska, Hawaii and Puerto Rico are off Amazon Shipping's network: keep the batch to the contiguous states.
    late = rows.find((r) => r.channel_order_id === lateOrderNumber)!;
    open = rows
      .filter((r) => r !== late && !/^(99[5-9]|96[7-8]|00[6-9])/.test(r.postal ?? ''))
      .map((r) => ({ id: r.id, channelOrderId: r.channel_order_id, sku: r.sku }));
    expect(open.length).toBeGreaterThanOrEqual(55);
    viewer = (await app.gql(`mutation { createApiToken(input: { name: "v", role: VIEWER }) { token } }`)).data!
      .createApiToken.token;

    const setup = [
      await app.gql(
        `mutation($id: ID!, $address: ShipFromInput!) { setShipFrom(accountId: $id, address: $address) { id } }`,
        { id: amazon.hubId, address: SHIP_FROM },
      ),
      await app.gql(`mutation { savePackagePreset(input: { name: "Small box", lengthIn: 10, widthIn: 8, heightIn: 4,
        boxWeightOz: 5, isDefault: true }) { id } }`),
    ];
    const skus = [...new Set(rows.map((r) => r.sku))].sort();
    setup.push(
      await app.gql(
        `mutation($id: ID!, $rows: [SkuWeightInput!]!) { setSkuWeights(accountId: $id, rows: $rows) { removed } }`,
        // The last order's SKU stays unweighed, so its order cannot be weighed.
        { id: amazon.hubId, rows: skus.filter((s) => s !== open.at(-1)!.sku).map((sku) => ({ sku, weightOz: 14 })) },
      ),
      // Bins in reverse SKU order: the pick order is not the SKU (nor the order number) order.
      await app.gql(
        `mutation($id: ID!, $rows: [SkuBinInput!]!) { setSkuBins(accountId: $id, rows: $rows) { removed } }`,
        {
          id: amazon.hubId,
          rows: skus.map((sku, i) => ({ sku, bin: `A-${String(skus.length - i).padStart(3, '0')}` })),
        },
      ),
    );
    setup.push(
      await app.gql(
        `mutation($id: ID!, $address: ShipFromInput!) { setShipFrom(accountId: $id, address: $address) { id } }`,
        { id: walmart.hubId, address: SHIP_FROM },
      ),
      // Weights are per account: the Walmart SKUs get theirs.
      await app.gql(
        `mutation($id: ID!, $rows: [SkuWeightInput!]!) { setSkuWeights(accountId: $id, rows: $rows) { removed } }`,
        { id: walmart.hubId, rows: [...new Set(walmartRows.map((r) => r.sku))].map((sku) => ({ sku, weightOz: 20 })) },
      ),
    );
    for (const res of setup) expect(res.errors).toBeUndefined();

    globalThis.fetch = async (input, init) => {
      const url = input instanceof Request ? input.url : input.toString();
      const post = (init?.method ?? 'GET').toUpperCase() === 'POST';
      if (post && url.includes('/shipping/v2/shipments') && !url.includes('/cancel') && !url.includes('/rates'))
        purchases.push(url);
      return original(input, init);
    };
  });
  afterAll(async () => {
    globalThis.fetch = original;
    await app?.close();
    await sandbox?.close();
  });

  it('buys 50 labels at the cheapest rates, telling each failure in words while the others go on', async () => {
    const fifty = open.slice(0, 50);
    const unweighed = open.at(-1)!;
    const unknown = '00000000-0000-4000-8000-000000000000';
    const cheapest = (await app.gql(RATES, { orderId: fifty[0].id })).data!.labelRates.rates.find(
      (r: { cheapest: boolean }) => r.cheapest,
    );
    const res = await app.gql(BUY_LABELS, {
      input: { orderIds: [...fifty.map((o) => o.id), unweighed.id, unknown], choice: 'CHEAPEST' },
    });
    expect(res.errors).toBeUndefined();
    batch = res.data!.buyLabels;
    expect(batch.bought).toHaveLength(50);
    expect(batch.bought.map((l) => l.orderId)).toEqual(fifty.map((o) => o.id));
    expect(new Set(batch.bought.map((l) => l.trackingNumber)).size).toBe(50);
    expect(batch.bought.every((l) => l.status === 'PURCHASED' && l.format === 'PDF')).toBe(true);
    expect(batch.bought[0]).toMatchObject({ serviceName: cheapest.serviceName, amountCents: cheapest.amountCents });
    expect(purchases).toHaveLength(50);
    expect(batch.failed).toEqual([
      {
        orderId: unweighed.id,
        orderNumber: unweighed.channelOrderId,
        message: expect.stringMatching(new RegExp(`weight of ${unweighed.sku} is unknown`)),
      },
      { orderId: unknown, orderNumber: null, message: 'No such order.' },
    ]);
    expect(batch.documentUrl).toBe(`/api/labels/batch.pdf?ids=${batch.bought.map((l) => l.id).join(',')}`);
    keep('AMAZON', batch.bought as { id: string; amountCents: number }[]);

    // The same selection again buys nothing more: each order answers the label it has.
    const again = (
      await app.gql(BUY_LABELS, { input: { orderIds: fifty.slice(0, 3).map((o) => o.id), choice: 'CHEAPEST' } })
    ).data!.buyLabels;
    expect(again.bought.map((l: { id: string }) => l.id)).toEqual(batch.bought.slice(0, 3).map((l) => l.id));
    expect(purchases).toHaveLength(50);
  });

  it('prints the 50 labels and their packing slips as one PDF in pick order, and reprints it', async () => {
    const res = await download(batch.documentUrl);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const pdf = Buffer.from(await res.arrayBuffer());
    const doc = await PDFDocument.load(pdf);
    expect(doc.getPageCount()).toBe(100);
    // Each order's 4×6 label, then its letter-size packing slip.
    const sizes = doc.getPages().map((p) => `${Math.round(p.getWidth())}x${Math.round(p.getHeight())}`);
    expect(sizes).toEqual(Array.from({ length: 50 }, () => ['288x432', '612x792']).flat());

    const skuOf = new Map(open.map((o) => [o.channelOrderId, o.sku]));
    const printed = slipOrderNumbers(pdf);
    expect(printed).toHaveLength(50);
    expect(new Set(printed)).toEqual(new Set(open.slice(0, 50).map((o) => o.channelOrderId)));
    // Bins run in reverse SKU order, so the walk is by SKU descending (then order number).
    const walked = [...printed].sort(
      (a, b) =>
        skuOf.get(b)!.localeCompare(skuOf.get(a)!, 'en', { numeric: true }) ||
        a.localeCompare(b, 'en', { numeric: true }),
    );
    expect(printed).toEqual(walked);

    const reprint = await download(batch.documentUrl);
    expect((await PDFDocument.load(Buffer.from(await reprint.arrayBuffer()))).getPageCount()).toBe(100);
    expect((await download(batch.documentUrl, null)).status).toBe(401);
    const logged: { n: number }[] = await app.ds.query(
      `SELECT count(*)::int AS n FROM buyer_data_access WHERE fields = 'label.shipTo,packingSlip.shipTo'`,
    );
    expect(logged[0].n).toBe(100);
  });

  it('buys the fastest rate on time, puts PNG labels on 4×6 pages and says where a ZPL label prints', async () => {
    const onTime: { order: (typeof open)[number]; fastest: { serviceName: string } }[] = [];
    for (const order of open.slice(50, 53)) {
      const rates = (await app.gql(RATES, { orderId: order.id })).data!.labelRates.rates;
      onTime.push({ order, fastest: rates.find((r: { fastest: boolean }) => r.fastest) });
    }
    expect(onTime.every((o) => o.fastest)).toBe(true);
    const lateRates = (await app.gql(RATES, { orderId: late.id })).data!.labelRates.rates;
    expect(lateRates.length).toBeGreaterThan(0);
    expect(lateRates.some((r: { fastest: boolean }) => r.fastest)).toBe(false);
    const [a, b, c] = onTime;
    const png = (
      await app.gql(BUY_LABELS, {
        input: { orderIds: [a.order.id, late.id, b.order.id], choice: 'FASTEST_ON_TIME', format: 'PNG' },
      })
    ).data!.buyLabels;
    expect(png.failed).toEqual([
      {
        orderId: late.id,
        orderNumber: late.channel_order_id,
        message: `No rate for order ${late.channel_order_id} keeps its ship-by and deliver-by promise; pick one on the order.`,
      },
    ]);
    expect(png.bought.map((l: { format: string; serviceName: string }) => [l.format, l.serviceName])).toEqual([
      ['PNG', a.fastest.serviceName],
      ['PNG', b.fastest.serviceName],
    ]);
    const zpl = (await app.gql(BUY_LABELS, { input: { orderIds: [c.order.id], choice: 'CHEAPEST', format: 'ZPL' } }))
      .data!.buyLabels;
    expect(zpl.bought[0].format).toBe('ZPL');
    keep('AMAZON', [...png.bought, ...zpl.bought]);

    const ids = [...png.bought, ...zpl.bought].map((l: { id: string }) => l.id);
    const res = await download(`/api/labels/batch.pdf?ids=${ids.join(',')}`);
    expect(res.status).toBe(200);
    const pdf = Buffer.from(await res.arrayBuffer());
    const doc = await PDFDocument.load(pdf);
    expect(doc.getPageCount()).toBe(6);
    expect(pdfTexts(pdf)).toEqual(
      expect.arrayContaining([`Tracking ${zpl.bought[0].trackingNumber}`, 'print it on a thermal printer']),
    );
    expect(doc.getPages().filter((p) => p.getWidth() === 288 && p.getHeight() === 432)).toHaveLength(3);
  });

  it('buys Walmart labels through the provider and confirms them through the outbox, Amazon ones not, in one batch', async () => {
    const [w1, w2] = walmartOpen;
    const a = open.at(-2)!;
    const res = await app.gql(BUY_LABELS, { input: { orderIds: [w1.id, a.id, w2.id], choice: 'CHEAPEST' } });
    expect(res.errors).toBeUndefined();
    const mixed = res.data!.buyLabels;
    expect(mixed.failed).toEqual([]);
    expect(mixed.bought.map((l: { orderId: string }) => l.orderId)).toEqual([w1.id, a.id, w2.id]);
    const shipRows = async (orderId: string) =>
      (await app.ds.query(`SELECT id FROM outbox WHERE order_id = $1 AND operation = 'SHIP'`, [orderId])).length;
    expect([await shipRows(w1.id), await shipRows(a.id), await shipRows(w2.id)]).toEqual([1, 0, 1]);
    const sources = await Promise.all(
      [w1, a, w2].map(
        async (o) =>
          (await app.gql(`query($id: ID!) { order(id: $id) { labels { source } } }`, { id: o.id })).data!.order.labels,
      ),
    );
    expect(sources).toEqual([[{ source: 'PROVIDER' }], [{ source: 'CHANNEL' }], [{ source: 'PROVIDER' }]]);
    keep('WALMART', [mixed.bought[0], mixed.bought[2]]);
    keep('AMAZON', [mixed.bought[1]]);

    const pdf = await download(mixed.documentUrl);
    expect(pdf.status).toBe(200);
    expect((await PDFDocument.load(Buffer.from(await pdf.arrayBuffer()))).getPageCount()).toBe(6);
  });

  it('refuses a bad or unknown id and a voided label by name', async () => {
    const bad = await download('/api/labels/batch.pdf?ids=nope');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { message: string }).message).toMatch(/^ids: must be label ids/);
    const unknown = await download('/api/labels/batch.pdf?ids=00000000-0000-4000-8000-000000000000');
    expect(((await unknown.json()) as { message: string }).message).toMatch(/^ids: no such label/);

    const voided = batch.bought[49];
    expect((await app.gql(VOID, { id: voided.id })).data!.voidLabel.status).toBe('VOIDED');
    kept.delete(voided.id);
    const res = await download(`/api/labels/batch.pdf?ids=${batch.bought[0].id},${voided.id}`);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { message: string }).message).toBe(
      `ids: only bought labels print; ${voided.trackingNumber} is voided.`,
    );
    const tooMany = await app.gql(BUY_LABELS, {
      input: { orderIds: Array.from({ length: 101 }, () => open[0].id), choice: 'CHEAPEST' },
    });
    expect(tooMany.errors?.[0].message).toBe('input.orderIds: at most 100 orders at a time.');
  });

  it('adds up label costs per order and per channel per month, leaving the voided label out', async () => {
    const first = batch.bought[0];
    expect((await app.gql(COST, { id: first.orderId })).data!.order.labelCostCents).toBe(first.amountCents);
    expect((await app.gql(COST, { id: batch.bought[49].orderId })).data!.order.labelCostCents).toBeNull();
    // The month on the accounts' calendar (America/Los_Angeles, the accounts' default time zone).
    const month = laMonth(new Date(first.purchasedAt));
    const from = new Date(Date.parse(first.purchasedAt) - 10 * 60_000);
    const to = new Date(Date.parse(first.purchasedAt) + 10 * 60_000);
    const costs = await app.gql(COSTS, { from, to });
    const of = (channel: string) => [...kept.values()].filter((l) => l.channel === channel);
    expect(of('AMAZON')).toHaveLength(53);
    expect(costs.data!.labelCosts).toEqual(
      ['AMAZON', 'WALMART'].map((channel) => ({
        channel,
        month,
        labelCount: of(channel).length,
        amountCents: of(channel).reduce((sum, l) => sum + l.amountCents, 0),
        currency: 'USD',
      })),
    );
    const backwards = await app.gql(COSTS, { from: to, to: from });
    expect(backwards.errors?.[0].message).toBe('to: must be after from.');
  });

  it("counts a label in the month of its account's time zone: 21:00 on Nov 30 in Los Angeles is November", async () => {
    const [evening, morning] = [...kept.entries()]
      .filter(([, l]) => l.channel === 'WALMART')
      .map(([id, l]) => ({ id, ...l }));
    // 2026-12-01T05:00Z is Nov 30, 21:00 PST; 2026-12-01T09:00Z is Dec 1, 01:00 PST.
    await app.ds.query(`UPDATE shipping_label SET purchased_at = '2026-12-01T05:00:00Z' WHERE id = $1`, [evening.id]);
    await app.ds.query(`UPDATE shipping_label SET purchased_at = '2026-12-01T09:00:00Z' WHERE id = $1`, [morning.id]);
    const costs = await app.gql(COSTS, { from: '2026-11-30T00:00:00Z', to: '2026-12-02T00:00:00Z' });
    expect(costs.errors).toBeUndefined();
    expect(costs.data!.labelCosts).toEqual([
      { channel: 'WALMART', month: '2026-11', labelCount: 1, amountCents: evening.amountCents, currency: 'USD' },
      { channel: 'WALMART', month: '2026-12', labelCount: 1, amountCents: morning.amountCents, currency: 'USD' },
    ]);
  });
});

function laMonth(at: Date): string {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: 'America/Los_Angeles', year: 'numeric', month: '2-digit' })
    .formatToParts(at)
    .reduce<Record<string, string>>((acc, p) => ({ ...acc, [p.type]: p.value }), {});
  return `${parts.year}-${parts.month}`;
}
