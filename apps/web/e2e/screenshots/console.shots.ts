// The README's screenshots of the console at a desktop width and on a 390-px phone, against the demo data:
// `npm run build && npm run screenshots -w @order-hub/web` writes them to docs/screenshots/.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startApi, type ApiProcess } from '../support/api-process';
import { API_MAIN, launchChromium, requireBuild, WEB_DIST } from '../support/browser';

const OUT = resolve(__dirname, '../../../../docs/screenshots');
const SIZES = [
  { name: 'desktop', viewport: { width: 1440, height: 900 } },
  { name: 'phone', viewport: { width: 390, height: 844 } },
] as const;

let api: ApiProcess | undefined;
let browser: Browser | undefined;

beforeAll(async () => {
  requireBuild();
  mkdirSync(OUT, { recursive: true });
  api = await startApi(API_MAIN, WEB_DIST);
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await api?.stop();
});

interface NewOrders {
  orders: { edges: { node: { id: string; channelOrderId: string } }[] };
}

async function shoot(page: Page, name: string, size: string) {
  // Let fonts, counts and transitions settle so the picture shows the page as a person sees it.
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(300);
  await page.screenshot({ path: resolve(OUT, `${name}-${size}.png`) });
}

test('inbox, order page, ship dialog, compliance summary, returns and packing slip at both sizes', async () => {
  const { orders } = await api!.graphql<NewOrders>(
    `{ orders(filter: { channel: WALMART, statuses: [CREATED] }, first: 2) { edges { node { id channelOrderId } } } }`,
  );
  const [first, second] = orders.edges.map((e) => e.node);
  expect(first).toBeDefined();
  // Pull the demo sellers' returns now rather than waiting for the schedule, so the Returns page shows them.
  const { channelAccounts } = await api!.graphql<{ channelAccounts: { id: string }[] }>(`{ channelAccounts { id } }`);
  for (const account of channelAccounts)
    await api!.graphql(`mutation ($id: ID!) { refreshReturns(accountId: $id) { lastSuccessAt } }`, { id: account.id });

  for (const size of SIZES) {
    const context = await browser!.newContext({ viewport: size.viewport });
    const page = await context.newPage();
    await api!.openAs(page, api!.admin, '/');
    await page.locator('[data-testid="order-row"]').first().waitFor();
    await shoot(page, 'inbox', size.name);

    await page.goto(`${api!.baseUrl}/orders/walmart/${encodeURIComponent(first.channelOrderId)}`);
    await page.locator('[data-testid="order-actions"]').waitFor();
    await shoot(page, 'order', size.name);

    await page.locator('[data-testid="action-ship"]').click();
    await page.locator('[data-testid="ship-dialog"]').waitFor();
    await shoot(page, 'ship-dialog', size.name);
    await page.keyboard.press('Escape');

    await page.goto(`${api!.baseUrl}/compliance/amazon`);
    await page.locator('[data-testid="compliance-summary"]').waitFor();
    await shoot(page, 'compliance-summary', size.name);

    await page.goto(`${api!.baseUrl}/returns`);
    await page.locator('[data-testid="return-row"]').first().waitFor();
    await shoot(page, 'returns', size.name);

    const ids = [first.id, second?.id].filter(Boolean).join(',');
    await page.goto(`${api!.baseUrl}/print/packing-slips?ids=${ids}`);
    await page.locator('[data-testid="packing-slip"]').first().waitFor();
    await shoot(page, 'packing-slip', size.name);
    await context.close();
  }
});
