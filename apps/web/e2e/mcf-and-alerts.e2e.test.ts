// MCF and alerts in Chromium against the real api (embedded PGlite, demo data and its sandbox): a SKU Amazon does not
// know is mapped from the refusal that names it and the order resent; the MCF queue's order columns and tab counts;
// "Ship…" off on an order Amazon fulfils; alerts grouped by kind and marked seen at once; a resolved alert leaving
// the page without a reload. Needs `npm run build` first (the api's dist and this app's dist).
import { join } from 'node:path';
import { type Browser, type Page } from 'playwright-core';
import { startApi, type ApiProcess } from './support/api-process';
import { API_MAIN, launchChromium, requireBuild, SCREENSHOTS, WEB_DIST } from './support/browser';
import { pageWhen } from './support/console-actions';
import { openWalmartOrders, stockMcf, type OpenWalmartOrder } from './support/mcf';

const HOUR = 3_600_000;

let api: ApiProcess | undefined;
let baseUrl: string;
let browser: Browser | undefined;
let page: Page;
const pageErrors: string[] = [];
let mapped: OpenWalmartOrder;

const screenshot = (name: string) => page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });

async function routeFromOrderPage(orderId: string): Promise<void> {
  await pageWhen(
    page,
    () => page.getByTestId('route-mcf-account').locator('option').allTextContents(),
    (names) => names.includes('Demo Amazon US'),
    'the Amazon account to route to',
  );
  await pageWhen(
    page,
    () => page.getByTestId('route-mcf-submit').isEnabled(),
    (enabled) => enabled,
    `Fulfil with Amazon MCF enabled on ${orderId}`,
  );
  await page.getByTestId('route-mcf-submit').click();
}

beforeAll(async () => {
  requireBuild();
  api = await startApi(API_MAIN, WEB_DIST);
  baseUrl = api.baseUrl;
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await api.openAs(page, api.admin);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await api?.stop();
});

afterEach(() => expect(pageErrors).toEqual([]));

test('an InvalidSKU refusal links to the SKU map with the SKU filled in; mapped, the order is resent and Amazon takes it', async () => {
  const single = (await openWalmartOrders(api!)).filter((order) => order.skus.length === 1);
  expect(single.length).toBeGreaterThanOrEqual(1);
  mapped = single[0];
  const sku = mapped.skus[0];
  const amazonSku = `AMZ-${sku}`.slice(0, 40);

  await page.goto(`${baseUrl}/orders/${mapped.id}`);
  await routeFromOrderPage(mapped.id);
  const outcome = page.getByTestId('route-mcf-outcome');
  await outcome.waitFor();
  expect(await outcome.getAttribute('data-outcome')).toBe('NOT_ROUTED');
  expect(await page.getByTestId('route-mcf-reason').textContent()).toContain(`${sku}: InvalidSKU`);

  await stockMcf(api!, [amazonSku], 12);
  await outcome.getByTestId('map-sku-link').click();
  await page.waitForURL(/\/settings\/mcf-skus\?/);
  expect(await page.getByTestId('sku-map-seller-sku').inputValue()).toBe(sku);
  expect(await page.title()).toBe('MCF SKU map · order-hub');
  await page.getByTestId('sku-map-amazon-sku').fill(amazonSku);
  await page.getByTestId('sku-map-save').click();
  await page.getByTestId('sku-map-saved').waitFor();
  const row = page.locator(`[data-testid="sku-map-row"][data-sku="${sku}"]`);
  await row.waitFor();
  expect(await row.getByTestId('sku-map-stock').textContent()).toBe('12 units');
  await screenshot('mcf-sku-map');

  await page.goBack();
  await page.waitForURL(`${baseUrl}/orders/${mapped.id}`);
  await routeFromOrderPage(mapped.id);
  await page.getByTestId('mcf-order').waitFor({ timeout: 20_000 });
  await pageWhen(
    page,
    () => page.getByTestId('mcf-status').first().textContent(),
    (text) => text !== null && text !== 'NOT ROUTED',
    'the order with Amazon',
  );
  const { order } = await api!.graphql<{ order: { mcfOrder: { status: string } } }>(
    `query($id: ID!) { order(id: $id) { mcfOrder { status } } }`,
    { id: mapped.id },
  );
  expect(order.mcfOrder.status).not.toBe('NOT_ROUTED');
});

test('"Ship…" is off on an order routed to Amazon MCF', async () => {
  await page.goto(`${baseUrl}/orders/${mapped.id}`);
  await page.getByTestId('order-actions').waitFor();
  expect(await page.getByTestId('action-ship').isDisabled()).toBe(true);
  expect(await page.getByTestId('ship-unavailable').textContent()).toMatch(/MCF|Amazon/);
});

test('the MCF queue shows the Walmart order number, customer and ship-by, with a count on each tab', async () => {
  const { mcfQueueCounts: counts } = await api!.graphql<{ mcfQueueCounts: Record<string, number> }>(
    '{ mcfQueueCounts { pending processing held shipped operator } }',
  );
  await page.goto(`${baseUrl}/mcf`);
  await page.getByTestId('mcf-tab-count-pending').waitFor();
  for (const tab of ['pending', 'processing', 'held', 'shipped', 'operator'])
    expect(Number(await page.getByTestId(`mcf-tab-count-${tab}`).textContent())).toBe(counts[tab]);

  // The routed order is in Pending or has moved on: find its tab and its row.
  const tabs = ['pending', 'processing', 'shipped'];
  let found = false;
  for (const tab of tabs) {
    await page.getByTestId(`mcf-tab-${tab}`).click();
    const link = page.getByTestId('mcf-queue-order').filter({ hasText: mapped.channelOrderId });
    await page.locator('[data-testid="mcf-queue-table"], [data-testid="mcf-queue-empty"]').first().waitFor();
    if ((await link.count()) === 0) continue;
    found = true;
    const row = page.getByTestId('mcf-queue-row').filter({ has: link });
    expect(await row.getByTestId('mcf-queue-customer').textContent()).not.toBe('—');
    expect(await row.getByTestId('mcf-queue-ship-by').textContent()).toMatch(/[A-Z]{2,5}|GMT/);
    expect(await link.getAttribute('href')).toBe(`/orders/walmart/${encodeURIComponent(mapped.channelOrderId)}`);
    break;
  }
  expect(found).toBe(true);
  await screenshot('mcf-queue');
});

test('alerts are grouped by kind with counts, and a whole kind is marked seen at once', async () => {
  const { channelAccounts } = await api!.graphql<{ channelAccounts: { id: string; channel: string }[] }>(
    '{ channelAccounts { id channel } }',
  );
  const walmart = channelAccounts.find((account) => account.channel === 'WALMART')!;
  for (const subject of ['e2e group A', 'e2e group B'])
    await api!.graphql(`mutation($input: LogChannelWarningInput!) { logChannelWarning(input: $input) { id } }`, {
      input: {
        channel: 'WALMART',
        accountId: walmart.id,
        subject,
        message: `Respond within 24 hours (${subject}).`,
        receivedAt: new Date(Date.now() - 21 * HOUR).toISOString(),
      },
    });
  await page.goto(`${baseUrl}/alerts`);
  const group = page.locator('[data-testid="alert-group"][data-alert-kind="CHANNEL_WARNING_DUE"]');
  await group.waitFor({ timeout: 60_000 });
  const { alertKindCounts } = await api!.graphql<{
    alertKindCounts: { kind: string; count: number; unseen: number }[];
  }>(`{ alertKindCounts(filter: { statuses: [OPEN, ACKNOWLEDGED] }) { kind count unseen } }`);
  const due = alertKindCounts.find((g) => g.kind === 'CHANNEL_WARNING_DUE')!;
  expect(due.unseen).toBeGreaterThanOrEqual(2);
  expect(await group.getByTestId('alert-group-filter').textContent()).toContain(String(due.count));
  await screenshot('alerts-grouped');

  await group.getByTestId('alert-group-mark-seen').click();
  await group.getByTestId('alert-group-mark-seen').waitFor({ state: 'detached' });
  await group.getByTestId('alert-group-filter').click();
  await page.waitForURL(/kind=CHANNEL_WARNING_DUE/);
  await pageWhen(
    page,
    () => page.getByTestId('alert-item').evaluateAll((items) => items.map((i) => (i as HTMLElement).dataset.status)),
    (statuses) => statuses.length >= 2 && statuses.every((s) => s === 'ACKNOWLEDGED'),
    'every channel warning alert marked seen',
  );
  expect(await page.getByTestId('alert-acknowledged').first().textContent()).toMatch(/^Seen by /);
});

test('an alert that resolves leaves the alerts page without a reload', async () => {
  const { channelAccounts } = await api!.graphql<{ channelAccounts: { id: string; channel: string }[] }>(
    '{ channelAccounts { id channel } }',
  );
  const walmart = channelAccounts.find((account) => account.channel === 'WALMART')!;
  const { logChannelWarning: logged } = await api!.graphql<{
    logChannelWarning: { id: string; alertId: string | null };
  }>(`mutation($input: LogChannelWarningInput!) { logChannelWarning(input: $input) { id alertId } }`, {
    input: {
      channel: 'WALMART',
      accountId: walmart.id,
      subject: 'e2e resolves',
      message: 'Respond within 24 hours (e2e resolves).',
      receivedAt: new Date(Date.now() - 21 * HOUR).toISOString(),
    },
  });
  await page.goto(`${baseUrl}/alerts?kind=CHANNEL_WARNING_DUE`);
  const item = page.getByTestId('alert-item').filter({ hasText: 'e2e resolves' });
  await item.waitFor({ timeout: 60_000 });
  const before = await page.evaluate(() => performance.timeOrigin);

  await api!.graphql(`mutation($id: ID!, $note: String!) { respondToChannelWarning(id: $id, note: $note) { id } }`, {
    id: logged.id,
    note: 'Answered in Seller Center.',
  });
  await item.waitFor({ state: 'detached', timeout: 30_000 });
  // The same document: no reload happened.
  expect(await page.evaluate(() => performance.timeOrigin)).toBe(before);
});
