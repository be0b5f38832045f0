import { inflateSync } from 'node:zlib';
import { BULK_MAX_ORDERS, type OrderLineStatus } from '@order-hub/types';
import { anAccount, anOrder, insertOrders } from './support/order-fixtures';
import { startTestApp, type TestApp } from './support/test-app';
import { testDatabases } from './support/test-databases';

const SET_BINS = `mutation($accountId: ID!, $rows: [SkuBinInput!]!) {
  setSkuBins(accountId: $accountId, rows: $rows) { set { sku bin } removed }
}`;
const LIST_BINS = `query($accountId: ID!, $first: Int, $after: String) {
  skuBins(accountId: $accountId, first: $first, after: $after) { totalCount edges { node { sku bin } } pageInfo { hasNextPage endCursor } }
}`;
const PICK_LIST = `query($target: BulkTarget!) {
  pickList(target: $target) { sku title bin quantity orders { channelOrderId quantity } }
}`;
const PRINTABLE = `query($target: BulkTarget!) {
  printableOrders(target: $target) { id channelOrderId account { name timeZone } shipTo { name line1 city } lines { sku title quantityOrdered } }
}`;

/** The text of each page of a pdfkit PDF: its content streams inflated, the hex strings of each TJ joined. */
function pdfPages(pdf: Buffer): string[] {
  const pages: string[] = [];
  const raw = pdf.toString('latin1');
  const streams = /\/Length (\d+)[^>]*\/Filter \/FlateDecode[^>]*>>\nstream\n/g;
  for (let m = streams.exec(raw); m; m = streams.exec(raw)) {
    const start = m.index + m[0].length;
    const content = inflateSync(pdf.subarray(start, start + Number(m[1]))).toString('latin1');
    if (!content.includes(' Tf')) continue;
    const lines = [...content.matchAll(/\[([^\]]*)\] TJ/g)].map((tj) =>
      [...tj[1].matchAll(/<([0-9a-f]*)>/gi)].map((h) => Buffer.from(h[1], 'hex').toString('latin1')).join(''),
    );
    pages.push(lines.join('\n'));
  }
  return pages;
}

const pageCount = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type \/Page\b(?!s)/g) ?? []).length;

describe.each(testDatabases())('Printing packing slips and pick lists on %s', (kind) => {
  let app: TestApp;
  let viewer: string;
  let walmartId: string;
  let amazonId: string;
  let ids: { a: string; b: string; c: string; redacted: string };
  const numbers = { a: '', b: '', c: '', redacted: '' };

  const line = (lineNumber: string, sku: string, title: string, quantityOrdered: number, quantityShipped = 0) => ({
    lineNumber,
    sku,
    title,
    quantityOrdered,
    quantityShipped,
    quantityCancelled: 0,
    quantityRefunded: 0,
    unitPriceCents: 1234,
    status: (quantityShipped === quantityOrdered ? 'SHIPPED' : 'ACKNOWLEDGED') as OrderLineStatus,
    cancellationRequested: false,
  });
  const pdf = (path: string, headers: Record<string, string> = { authorization: `Bearer ${viewer}` }) =>
    fetch(`${app.baseUrl}${path}`, { headers });

  beforeAll(async () => {
    app = await startTestApp(kind);
    viewer = (await app.gql(`mutation { createApiToken(input: { name: "viewer", role: VIEWER }) { token } }`)).data!
      .createApiToken.token as string;
    const walmart = await anAccount(app, 'WALMART', 'America/Chicago');
    const amazon = await anAccount(app, 'AMAZON', 'America/New_York');
    walmartId = walmart.id;
    amazonId = amazon.id;
    const shipTo = (name: string, city: string) => ({
      name,
      line1: '12 Elm St',
      city,
      stateOrRegion: 'TX',
      postalCode: '78704',
      countryCode: 'US',
    });
    const a = anOrder({
      shipTo: shipTo('Ada Lovelace', 'Austin'),
      lines: [line('1', 'MUG-BLUE', 'Blue mug', 2), line('2', 'CUP-RED', 'Red cup', 1)],
    });
    const b = anOrder({ shipTo: shipTo('Grace Hopper', 'Dallas'), lines: [line('1', 'MUG-BLUE', 'Blue mug', 1)] });
    const redacted = anOrder({ shipTo: shipTo('Gone Buyer', 'Waco'), lines: [line('1', 'CUP-RED', 'Red cup', 4)] });
    const c = anOrder({
      shipTo: shipTo('Alan Turing', 'Houston'),
      lines: [line('1', 'TEA-GRN', 'Green tea', 3), line('2', 'MUG-BLUE', 'Blue mug', 5, 5)],
    });
    Object.assign(numbers, {
      a: a.channelOrderId,
      b: b.channelOrderId,
      c: c.channelOrderId,
      redacted: redacted.channelOrderId,
    });
    const [ia, ib, ir] = await insertOrders(app, walmart, [a, b, redacted]);
    const [ic] = await insertOrders(app, amazon, [c]);
    ids = { a: ia, b: ib, c: ic, redacted: ir };
    // What the buyer data purge leaves of an order past the channel's retention.
    await app.ds.query(
      `UPDATE "order" SET buyer_data_redacted_at = now(), ship_to = jsonb_set(jsonb_set(ship_to, '{name}', 'null'), '{line1}', 'null'), ship_to_name = NULL WHERE id = $1`,
      [ir],
    );
  });
  afterAll(() => app?.close());

  it('sets, lists and removes bins per SKU; a blank bin removes it; viewers cannot set them', async () => {
    const set = await app.gql(SET_BINS, {
      accountId: walmartId,
      rows: [
        { sku: 'MUG-BLUE', bin: 'B-12' },
        { sku: 'CUP-RED', bin: 'A-3' },
        { sku: 'OLD-SKU', bin: 'Z-1' },
      ],
    });
    expect(set.errors).toBeUndefined();
    expect(set.data!.setSkuBins.set).toEqual([
      { sku: 'CUP-RED', bin: 'A-3' },
      { sku: 'MUG-BLUE', bin: 'B-12' },
      { sku: 'OLD-SKU', bin: 'Z-1' },
    ]);
    const removed = await app.gql(SET_BINS, { accountId: walmartId, rows: [{ sku: 'OLD-SKU', bin: ' ' }] });
    expect(removed.data!.setSkuBins).toEqual({ set: [], removed: ['OLD-SKU'] });
    const list = await app.gql(LIST_BINS, { accountId: walmartId, first: 1 }, viewer);
    expect(list.data!.skuBins.totalCount).toBe(2);
    expect(list.data!.skuBins.edges).toEqual([{ node: { sku: 'CUP-RED', bin: 'A-3' } }]);
    expect(list.data!.skuBins.pageInfo.hasNextPage).toBe(true);

    const refused = await app.gql(SET_BINS, { accountId: walmartId, rows: [{ sku: 'X', bin: 'Y' }] }, viewer);
    expect(refused.errors![0].extensions.code).toBe('FORBIDDEN');
    const tooLong = await app.gql(SET_BINS, { accountId: walmartId, rows: [{ sku: 'X', bin: 'Y'.repeat(33) }] });
    expect(tooLong.errors![0].extensions.code).toBe('BAD_USER_INPUT');
    expect(tooLong.errors![0].message).toBe('rows.0.bin: must be at most 32 characters (blank removes the bin).');
  });

  it('pick list: one row per SKU with the units still to pick and their orders, by bin then SKU (no bin last)', async () => {
    const res = await app.gql(PICK_LIST, { target: { orderIds: [ids.a, ids.b, ids.c, ids.redacted] } }, viewer);
    expect(res.errors).toBeUndefined();
    expect(res.data!.pickList).toEqual([
      {
        sku: 'CUP-RED',
        title: 'Red cup',
        bin: 'A-3',
        quantity: 5,
        orders: [
          { channelOrderId: numbers.a, quantity: 1 },
          { channelOrderId: numbers.redacted, quantity: 4 },
        ],
      },
      {
        sku: 'MUG-BLUE',
        title: 'Blue mug',
        bin: 'B-12',
        // Order c's five blue mugs have shipped: nothing left to pick of them.
        quantity: 3,
        orders: [
          { channelOrderId: numbers.a, quantity: 2 },
          { channelOrderId: numbers.b, quantity: 1 },
        ],
      },
      // Bins are per account: the Amazon account has none for TEA-GRN.
      {
        sku: 'TEA-GRN',
        title: 'Green tea',
        bin: null,
        quantity: 3,
        orders: [{ channelOrderId: numbers.c, quantity: 3 }],
      },
    ]);
  });

  it('packing slips PDF: one page per order with seller, number, zoned date, ship-to and lines, no prices; the read is logged', async () => {
    const before = Number((await app.ds.query(`SELECT count(*)::int AS n FROM buyer_data_access`))[0].n);
    const res = await pdf(`/api/print/packing-slips.pdf?ids=${[ids.a, ids.redacted, ids.c].join(',')}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const body = Buffer.from(await res.arrayBuffer());
    expect(body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pageCount(body)).toBe(3);
    const [first, second, third] = pdfPages(body);
    expect(first).toContain('WALMART test America/Chicago');
    expect(first).toContain(`Order ${numbers.a}`);
    expect(first).toMatch(/Ordered .* (CST|CDT)/);
    expect(first).toContain('Ada Lovelace');
    expect(first).toContain('12 Elm St');
    expect(first).toContain('Austin, TX 78704');
    expect(first).toContain('MUG-BLUE');
    expect(first).toContain('Blue mug');
    expect(first).not.toMatch(/12\.34|\$/);
    expect(second).toContain('Address removed');
    expect(second).toContain('Waco, TX 78704');
    expect(second).not.toContain('Gone Buyer');
    expect(third).toContain('AMAZON test America/New_York');
    expect(third).toMatch(/Ordered .* (EST|EDT)/);

    const logged = await app.ds.query(
      `SELECT order_id, fields, via, actor FROM buyer_data_access ORDER BY occurred_at DESC, order_id LIMIT 10`,
    );
    expect(Number((await app.ds.query(`SELECT count(*)::int AS n FROM buyer_data_access`))[0].n)).toBe(before + 2);
    expect(
      logged
        .slice(0, 2)
        .map((r: { order_id: string }) => r.order_id)
        .sort(),
    ).toEqual([ids.a, ids.c].sort());
    expect(logged[0]).toMatchObject({ fields: 'packingSlip.shipTo', via: 'PDF', actor: 'token:viewer' });
  });

  it('pick list PDF: bins, SKUs and totals in bin order', async () => {
    const res = await pdf(`/api/print/pick-list.pdf?ids=${[ids.a, ids.b, ids.c].join(',')}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const body = Buffer.from(await res.arrayBuffer());
    expect(pageCount(body)).toBe(1);
    const text = pdfPages(body)[0];
    expect(text).toContain('3 orders · 7 units');
    const rows = text.split('\n');
    const at = (s: string) => rows.indexOf(s);
    expect(at('A-3')).toBeGreaterThan(-1);
    expect(at('A-3')).toBeLessThan(at('B-12'));
    expect(at('B-12')).toBeLessThan(at('TEA-GRN'));
    expect(rows[at('B-12') + 1]).toBe('MUG-BLUE');
    expect(rows[at('B-12') + 3]).toBe('3');
  });

  it('refuses without credentials, past 500 orders, for ids that are not orders and when N no longer matches, naming the field', async () => {
    expect((await pdf(`/api/print/pick-list.pdf?ids=${ids.a}`, {})).status).toBe(401);
    // 500 ids do not fit a URL (Node answers 431 past 16 KB): "all N matching" goes as filter and count instead.
    const filter = encodeURIComponent(JSON.stringify({ accountId: walmartId }));
    const matching = await pdf(`/api/print/pick-list.pdf?filter=${filter}&count=3`);
    expect(matching.status).toBe(200);
    expect(pdfPages(Buffer.from(await matching.arrayBuffer()))[0]).toContain('3 orders · 8 units');
    const stale = await pdf(`/api/print/pick-list.pdf?filter=${filter}&count=4`);
    expect(stale.status).toBe(409);
    expect(((await stale.json()) as { message: string }).message).toMatch(/^3 orders match now, not the 4 shown/);
    const badFilter = await pdf(`/api/print/pick-list.pdf?filter=%7Bnope&count=4`);
    expect(((await badFilter.json()) as { message: string }).message).toBe('filter: must be an order filter as JSON.');
    const many = Array.from({ length: BULK_MAX_ORDERS + 1 }, () => crypto.randomUUID());
    const gqlTooMany = await app.gql(PRINTABLE, { target: { orderIds: many } }, viewer);
    expect(gqlTooMany.errors![0].message).toBe('target.orderIds: at most 500 orders at a time.');
    const notUuid = await pdf(`/api/print/packing-slips.pdf?ids=${ids.a},PO-1`);
    expect(((await notUuid.json()) as { message: string }).message).toBe(
      'ids.1: must be order ids returned by the API (UUIDs), comma-separated.',
    );
    const unknown = crypto.randomUUID();
    const missing = await pdf(`/api/print/packing-slips.pdf?ids=${unknown}`);
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as { message: string }).message).toBe(`ids: no such order: ${unknown}.`);
    const none = await pdf(`/api/print/packing-slips.pdf`);
    expect(none.status).toBe(400);
    expect(((await none.json()) as { message: string }).message).toMatch(/^ids: is required/);
  });

  it('printableOrders: a selection in the order given, or all N matching when N is still right; ship-to reads logged', async () => {
    const picked = await app.gql(PRINTABLE, { target: { orderIds: [ids.b, ids.a] } }, viewer);
    expect(picked.errors).toBeUndefined();
    expect(picked.data!.printableOrders.map((o: { channelOrderId: string }) => o.channelOrderId)).toEqual([
      numbers.b,
      numbers.a,
    ]);
    expect(picked.data!.printableOrders[1]).toMatchObject({
      account: { timeZone: 'America/Chicago' },
      shipTo: { name: 'Ada Lovelace', city: 'Austin' },
      lines: [
        { sku: 'MUG-BLUE', quantityOrdered: 2 },
        { sku: 'CUP-RED', quantityOrdered: 1 },
      ],
    });
    const logged = await app.ds.query(
      `SELECT order_id FROM buyer_data_access WHERE via = 'GRAPHQL' AND fields = 'shipTo'`,
    );
    expect(logged.map((r: { order_id: string }) => r.order_id).sort()).toEqual([ids.a, ids.b].sort());

    const all = await app.gql(PRINTABLE, { target: { filter: { accountId: amazonId }, expectedCount: 1 } }, viewer);
    expect(all.data!.printableOrders.map((o: { id: string }) => o.id)).toEqual([ids.c]);
    const stale = await app.gql(PRINTABLE, { target: { filter: { accountId: walmartId }, expectedCount: 2 } }, viewer);
    expect(stale.errors![0].extensions.code).toBe('CONFLICT');
  });
});
