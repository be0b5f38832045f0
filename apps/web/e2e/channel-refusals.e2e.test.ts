// A channel's refusal in Chromium against the real api (embedded PGlite, demo data, the sandbox in process): a Walmart
// shipment the sandbox refuses is badged in the inbox and counted under Needs attention in the header, and Fix and
// resend on the order page corrects it (the rules checked again) until Walmart takes it.
// Needs `npm run build` first (the api's dist and this app's dist).
import { join } from 'node:path';
import { type Browser, type Page } from 'playwright-core';
import { startApi, type ApiProcess } from './support/api-process';
import { API_MAIN, launchChromium, requireBuild, SCREENSHOTS, WEB_DIST } from './support/browser';
import { pageWhen, validUpsNumber } from './support/console-actions';

let api: ApiProcess | undefined;
let baseUrl: string;
let browser: Browser | undefined;
let page: Page;
const pageErrors: string[] = [];

const screenshot = (name: string) => page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
const needsAttention = async () =>
  (
    await api!.graphql<{ orderViewCounts: { view: string; count: number }[] }>('{ orderViewCounts { view count } }')
  ).orderViewCounts.find((c) => c.view === 'NEEDS_ATTENTION')!.count;

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

test('a shipment Walmart refuses is badged with its reason and counted under Needs attention; Fix and resend delivers it and clears both', async () => {
  const { orders } = await api!.graphql<{
    orders: {
      edges: {
        node: {
          id: string;
          channelOrderId: string;
          lines: {
            lineNumber: string;
            quantityOrdered: number;
            quantityShipped: number;
            quantityCancelled: number;
            cancellationRequested: boolean;
          }[];
        };
      }[];
    };
  }>(
    `{ orders(filter: { channel: WALMART, statuses: [CREATED, ACKNOWLEDGED] }, first: 200) { edges { node {
        id channelOrderId lines { lineNumber quantityOrdered quantityShipped quantityCancelled cancellationRequested } } } } }`,
  );
  const target = orders.edges
    .map((edge) => edge.node)
    .find(
      (order) =>
        order.lines.length === 1 &&
        order.lines[0].cancellationRequested &&
        order.lines[0].quantityShipped === 0 &&
        order.lines[0].quantityCancelled === 0,
    );
  expect(target).toBeDefined();
  const line = target!.lines[0];
  const before = await needsAttention();

  // Another client confirms it without the buyer's-cancel override: the hub lets it through, Walmart refuses it.
  const sent = validUpsNumber();
  await api!.graphql(
    `mutation { confirmShipment(input: { orderId: "${target!.id}", lines: [{ lineNumber: "${line.lineNumber}", quantity: ${line.quantityOrdered} }], carrier: UPS, trackingNumber: "${sent}", shippedAt: "${new Date().toISOString()}" }) { shipment { id } } }`,
  );
  const deadline = Date.now() + 30_000;
  while ((await needsAttention()) <= before && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
  const count = await needsAttention();
  expect(count).toBe(before + 1);

  await page.goto(`${baseUrl}/?view=NEEDS_ATTENTION`);
  await pageWhen(
    page,
    () => page.getByTestId('nav-needs-attention-count').textContent(),
    (text) => text === String(count),
    'the header count',
  );
  expect(await page.getByTestId('tab-count-NEEDS_ATTENTION').textContent()).toBe(String(count));
  // Newest refusal first.
  const first = page.getByTestId('order-row').first();
  expect(await first.getByTestId('order-number').textContent()).toBe(target!.channelOrderId);
  expect(await first.getByTestId('channel-refused').locator('.badge').textContent()).toBe('Channel refused');
  const reason = (await first.getByTestId('channel-refused-reason').textContent()) ?? '';
  expect(reason.length).toBeGreaterThan(5);
  expect(await first.getByTestId('order-status').locator('[data-status]').getAttribute('data-status')).not.toMatch(
    /SHIPPED/,
  );
  await screenshot('needs-attention-inbox');

  // The outbox queue offers the same fix.
  await page.goto(`${baseUrl}/outbox`);
  const queued = page.getByTestId('outbox-row').filter({ hasText: target!.channelOrderId });
  expect(await queued.getByTestId('outbox-fix').textContent()).toBe('Fix and resend');

  // On the order page, at phone width, by keyboard.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`${baseUrl}/orders/${target!.id}`);
  const panel = page.getByTestId('channel-refusal-panel');
  expect(await panel.getByTestId('channel-refused-reason').textContent()).toBe(reason);
  await panel.getByTestId('refusal-fix').focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Fix and resend shipment' });
  await dialog.waitFor();
  const box = (await dialog.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(390);
  expect(await dialog.evaluate((el) => el.contains(document.activeElement))).toBe(true);
  expect(await dialog.getByTestId('field-trackingNumber').inputValue()).toBe(sent);
  expect(await dialog.getByTestId('fix-resend-refusal').textContent()).toContain(reason);

  // The rules run again on the fix: an Amazon Logistics number is refused beside the field.
  await dialog.getByTestId('field-trackingNumber').fill('TBA304918275012');
  await dialog.getByTestId('field-trackingNumber').press('Enter');
  await dialog.getByTestId('violations-trackingNumber').waitFor();
  await screenshot('fix-and-resend-refused-fix');

  await dialog.getByTestId('field-trackingNumber').fill(validUpsNumber());
  await dialog.getByTestId('field-intentToCancelOverride').focus();
  await page.keyboard.press('Space');
  expect(await dialog.getByTestId('field-intentToCancelOverride').isChecked()).toBe(true);
  await dialog.getByTestId('fix-resend-submit').focus();
  await page.keyboard.press('Enter');
  await dialog.waitFor({ state: 'detached' });

  // Walmart takes it: the badge goes, the order is shipped, and it leaves Needs attention.
  await panel.waitFor({ state: 'detached', timeout: 30_000 });
  await pageWhen(
    page,
    // The badge says "Shipped"; its code is in data-status.
    () => page.getByTestId('order-header').locator('[data-status]').first().getAttribute('data-status'),
    (status) => status === 'SHIPPED',
    'the order shipped',
  );
  expect(await needsAttention()).toBe(before);
  await screenshot('fix-and-resend-delivered');
  await page.setViewportSize({ width: 1440, height: 900 });
}, 120_000);
