// Printing from the inbox: packing slips for a selection (one per order, with the ship-to), the pick list grouped
// by SKU with a bin set in Settings → Bins, the PDF behind "Download PDF", the evidence record's ship-to and lines,
// and one acknowledgement time on the order and evidence pages. Needs `npm run build` first.
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startApi, type ApiProcess } from './support/api-process';
import { API_MAIN, launchChromium, requireBuild, SCREENSHOTS, WEB_DIST } from './support/browser';
import { pageWhen } from './support/console-actions';

let api: ApiProcess | undefined;
let browser: Browser | undefined;
let page: Page;
const pageErrors: string[] = [];
const NEW_WALMART = '/?view=NEW&channel=WALMART';

interface OrderFacts {
  id: string;
  channelOrderId: string;
  account: { id: string; name: string };
  shipTo: { name: string | null; city: string } | null;
  lines: { sku: string; quantityOrdered: number; quantityShipped: number; quantityCancelled: number }[];
}
const ORDER_FACTS = `query ($id: ID!) { order(id: $id) { id channelOrderId account { id name } shipTo { name city } lines { sku quantityOrdered quantityShipped quantityCancelled } } }`;

const orderFacts = async (id: string) => (await api!.graphql<{ order: OrderFacts }>(ORDER_FACTS, { id })).order;

let printed: OrderFacts[] = [];

const screenshot = (name: string) => page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
const text = async (testId: string) => (await page.getByTestId(testId).first().textContent())?.trim() ?? '';

/** The inbox at `path`, once its rows are shown; the ids of the rows on the page. */
async function openInbox(path: string): Promise<string[]> {
  await page.goto(`${api!.baseUrl}${path}`);
  return pageWhen(
    page,
    () => page.$$eval('[data-testid="order-row"]', (rows) => rows.map((row) => row.getAttribute('data-order-id')!)),
    (ids) => ids.length > 0,
    `orders at ${path}`,
  );
}

beforeAll(async () => {
  requireBuild();
  // The demo import is slow on a busy 2-core machine.
  api = await startApi(API_MAIN, WEB_DIST, { timeoutMs: 240_000 });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await api.openAs(page, api.admin, '/');
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await api?.stop();
});

afterEach(() => {
  expect(pageErrors).toEqual([]);
});

test('selected orders print as one packing slip each, with the ship-to and the lines', async () => {
  const ids = (await openInbox(NEW_WALMART)).slice(0, 2);
  for (const id of ids)
    await page.locator(`[data-testid="order-row"][data-order-id="${id}"] [data-testid="select-order"]`).click();
  await page.getByTestId('bulk-print-slips').click();
  await page.waitForURL((url) => url.pathname === '/print/packing-slips');
  await page.getByTestId('packing-slip').nth(1).waitFor();
  expect(await page.title()).toBe('Packing slips · order-hub');

  printed = await Promise.all(ids.map(orderFacts));
  const slips = page.getByTestId('packing-slip');
  expect(await slips.count()).toBe(2);
  for (const [index, order] of printed.entries()) {
    const slip = slips.nth(index);
    expect(await slip.getAttribute('data-order-id')).toBe(order.id);
    expect(await slip.getByTestId('slip-order-number').textContent()).toBe(order.channelOrderId);
    const shipTo = (await slip.getByTestId('slip-ship-to').innerText()).trim();
    expect(shipTo).toContain(order.shipTo!.name!);
    expect(shipTo).toContain(order.shipTo!.city);
    expect(await slip.getByTestId('slip-line').count()).toBe(
      order.lines.filter((l) => l.quantityOrdered > l.quantityCancelled).length,
    );
    expect(await slip.textContent()).not.toContain('$');
  }
  await screenshot('packing-slips-1440');
  await page.setViewportSize({ width: 390, height: 844 });
  await screenshot('packing-slips-390');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.setViewportSize({ width: 1440, height: 900 });
});

test('the PDF behind "Download PDF" answers application/pdf with the session cookie', async () => {
  const href = await page.getByTestId('print-pdf').getAttribute('href');
  expect(href).toMatch(/^\/api\/print\/packing-slips\.pdf\?ids=/);
  const res = await page.request.get(`${api!.baseUrl}${href}`);
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toBe('application/pdf');
  const body = await res.body();
  expect(body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect((body.toString('latin1').match(/\/Type \/Page\b(?!s)/g) ?? []).length).toBe(printed.length);
});

test('a bin set in Settings → Bins shows on the pick list, grouped by SKU with its total', async () => {
  const sku = printed[0].lines[0].sku;
  await page.goto(`${api!.baseUrl}/settings/bins`);
  await page.getByTestId('bins-account').selectOption({ label: printed[0].account.name });
  await page.getByTestId('bins-input').fill(`sku,bin\n${sku}, A-01`);
  await page.getByTestId('bins-save').click();
  const outcome = await pageWhen(
    page,
    async () =>
      (
        await page
          .locator('[data-testid="bins-saved"], [data-testid="error-state"], [data-testid="bins-problem"]')
          .allTextContents()
      ).join(' '),
    (seen) => seen !== '',
    'the outcome of saving the bin',
    60_000,
  );
  expect(outcome).toBe('1 bin saved');
  await page.locator(`[data-testid="bin-row"][data-sku="${sku}"]`).waitFor();

  await page.goto(`${api!.baseUrl}/print/pick-list?ids=${printed.map((o) => o.id).join(',')}`);
  const row = page.locator(`[data-testid="pick-row"][data-sku="${sku}"]`);
  await row.waitFor();
  expect(await page.title()).toBe('Pick list · order-hub');
  expect(await row.getByTestId('pick-bin').textContent()).toBe('A-01');
  const expected = printed
    .flatMap((o) => o.lines)
    .filter((l) => l.sku === sku)
    .reduce((sum, l) => sum + l.quantityOrdered - l.quantityShipped - l.quantityCancelled, 0);
  expect(Number(await row.getByTestId('pick-quantity').textContent())).toBe(expected);
  const skus = await page.$$eval('[data-testid="pick-row"]', (rows) => rows.map((r) => r.getAttribute('data-sku')));
  expect(new Set(skus).size).toBe(skus.length);
  expect(skus[0]).toBe(sku);
  await screenshot('pick-list-1440');
});

test('the evidence record shows the ship-to and a line table', async () => {
  const order = printed[1];
  await page.goto(`${api!.baseUrl}/orders/${order.id}/evidence`);
  await page.getByTestId('evidence-lines').waitFor();
  const shipTo = await page.getByTestId('evidence-ship-to').innerText();
  expect(shipTo).toContain(order.shipTo!.name!);
  expect(shipTo).toContain(order.shipTo!.city);
  const rows = await page.$$eval('[data-testid="evidence-line"]', (trs) =>
    trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)),
  );
  expect(rows.map((r) => r[0])).toEqual(order.lines.map((l) => l.sku));
  expect(rows.map((r) => Number(r[2]))).toEqual(order.lines.map((l) => l.quantityOrdered));
});

test('the order page and the evidence page show the same acknowledgement time, the one the hub recorded', async () => {
  const order = printed[0];
  const acked = await api!.graphql<{ acknowledgeOrders: { outcome: string }[] }>(
    `mutation ($ids: [ID!]!) { acknowledgeOrders(ids: $ids) { outcome } }`,
    { ids: [order.id] },
  );
  expect(acked.acknowledgeOrders[0].outcome).toBe('QUEUED');
  await page.goto(`${api!.baseUrl}/orders/${order.id}`);
  const onOrderPage = page.locator('[data-testid="order-deadlines"] dt:text-is("Acknowledged") + dd');
  const orderTime = await pageWhen(
    page,
    async () => (await onOrderPage.textContent())?.trim() ?? '',
    (t) => t !== '' && t !== '—',
    'an acknowledgement time',
  );
  const { order: recorded } = await api!.graphql<{ order: { acknowledgedAt: string | null } }>(
    `query ($id: ID!) { order(id: $id) { acknowledgedAt } }`,
    { id: order.id },
  );
  expect(recorded.acknowledgedAt).not.toBeNull();
  await page.goto(`${api!.baseUrl}/orders/${order.id}/evidence`);
  await page.getByTestId('evidence-record').waitFor();
  await screenshot('evidence-acknowledged');
  expect(await text('evidence-acknowledged')).toContain(
    `${recorded.acknowledgedAt!.slice(0, 19).replace('T', ' ')} UTC`,
  );
  expect(await text('evidence-acknowledged-zoned')).toBe(orderTime);
});
