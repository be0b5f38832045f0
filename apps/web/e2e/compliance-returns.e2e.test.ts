// The compliance page's Returns and refunds panel in Chromium against the real api (embedded PGlite, demo data and its
// sandbox, where a buyer returns a delivered Walmart order): what it says matches the report's returns section, in
// words, on both channels; at 390 px it fits without scrolling sideways, and the keyboard alone opens the returned
// orders. Needs `npm run build` first, like console.e2e.test.ts.
import { join } from 'node:path';
import { type Browser, type Page } from 'playwright-core';
import { startApi, type ApiProcess } from './support/api-process';
import { API_MAIN, launchChromium, requireBuild, SCREENSHOTS, WEB_DIST } from './support/browser';
import { demoAccount, importReturn, sandboxControl } from './support/returns';

interface ReturnsSection {
  complianceReport: {
    returns: {
      windowDays: number;
      returnRate: { returned: number; delivered: number; percent: number | null; status: string } | null;
      refundsByCategory: { category: string; label: string; count: number }[];
      byReason: { reasonCode: string | null; label: string; count: number }[];
      refundedByChannel: { count: number; returns: { id: string; channelReturnId: string }[] };
    };
  };
}
const SECTION = (channel: string) => `{ complianceReport(channel: ${channel}) { returns { windowDays
  returnRate { returned delivered percent status }
  refundsByCategory { category label count }
  byReason { reasonCode label count }
  refundedByChannel { count returns { id channelReturnId } } } } }`;
/** A code or an ISO timestamp where people read words: SELLER_FAULT, NO_LONGER_WANTED, 2026-12-03T… */
const RAW_CODE = /\b[A-Z]{2,}_[A-Z0-9_]+\b|\d{4}-\d\d-\d\dT\d\d:/;

let api: ApiProcess;
let browser: Browser | undefined;
let page: Page;
const pageErrors: string[] = [];
let returnedOrder: { id: string; channelOrderId: string };

interface DeliveredOrders {
  orders: {
    edges: {
      node: {
        id: string;
        channelOrderId: string;
        fulfillmentMethod: string;
        account: { id: string };
        lines: { lineNumber: string; quantityShipped: number }[];
      };
    }[];
  };
}

/** A buyer returns one unit of the first delivered seller-fulfilled Walmart order that has one left; it is received now. */
async function returnDeliveredWalmartOrder(): Promise<{ id: string; channelOrderId: string }> {
  const { orders } = await api.graphql<DeliveredOrders>(
    `{ orders(filter: { channel: WALMART, statuses: [DELIVERED] }, first: 50) { edges { node {
        id channelOrderId fulfillmentMethod account { id } lines { lineNumber quantityShipped } } } } }`,
  );
  const account = demoAccount(api, 'WALMART');
  for (const { node } of orders.edges) {
    const line = node.lines.find((l) => l.quantityShipped > 0);
    if (node.fulfillmentMethod !== 'MERCHANT' || !line) continue;
    const made = await sandboxControl<{ returnOrderId: string }>(api, '/walmart/returns', {
      accountId: account.sandboxAccountId,
      purchaseOrderId: node.channelOrderId,
      lines: [{ lineNumber: line.lineNumber, quantity: 1, reason: 'DAMAGED' }],
    }).catch(() => null);
    if (!made) continue;
    await sandboxControl(api, `/walmart/returns/${made.returnOrderId}/deliver`, {});
    await importReturn(api, node.account.id, made.returnOrderId);
    return { id: node.id, channelOrderId: node.channelOrderId };
  }
  throw new Error('No delivered Walmart order could be returned');
}

beforeAll(async () => {
  requireBuild();
  api = await startApi(API_MAIN, WEB_DIST);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await api.openAs(page, api.admin);
  returnedOrder = await returnDeliveredWalmartOrder();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await api?.stop();
});

afterEach(() => {
  expect(pageErrors).toEqual([]);
});

async function openPanel(channel: string) {
  await page.goto(`${api.baseUrl}/compliance/${channel.toLowerCase()}`);
  const panel = page.getByTestId('returns-panel');
  await panel.waitFor({ timeout: 60_000 });
  return panel;
}

test.each(['WALMART', 'AMAZON'])('the %s panel says what the report says, in words', async (channel) => {
  const { returns } = (await api.graphql<ReturnsSection>(SECTION(channel))).complianceReport;
  const panel = await openPanel(channel);
  expect(await panel.getByTestId('returns-window').innerText()).toMatch(
    new RegExp(`^${returns.windowDays} days: \\w{3} \\d{1,2} \\w{3} – \\w{3} \\d{1,2} \\w{3}$`),
  );
  const rate = panel.getByTestId('returns-rate');
  if (channel === 'WALMART') expect(returns.returnRate!.returned).toBeGreaterThanOrEqual(1);
  if (returns.returnRate) {
    expect(await rate.getAttribute('data-status')).toBe(returns.returnRate.status);
    expect(await panel.getByTestId('returns-rate-ratio').innerText()).toMatch(
      new RegExp(
        `^${returns.returnRate.returned} orders? returned of ${returns.returnRate.delivered} delivered orders?\\. Standard: at most 6%\\.$`,
      ),
    );
  } else {
    expect(await rate.count()).toBe(0);
  }
  const categories = await panel.getByTestId('returns-category').allInnerTexts();
  expect(categories.map((c) => c.split(':')[0])).toEqual(returns.refundsByCategory.map((c) => c.label));
  returns.refundsByCategory.forEach((c, i) => expect(categories[i]).toContain(`${c.count} return`));
  const reasons = panel.getByTestId('returns-reason');
  expect(await reasons.count()).toBe(returns.byReason.length);
  for (const [i, r] of returns.byReason.entries())
    expect(await reasons.nth(i).locator('td').first().innerText()).toBe(r.label);
  expect(await panel.getByTestId('returns-refunded-by-channel').getAttribute('data-count')).toBe(
    String(returns.refundedByChannel.count),
  );
  const links = panel.getByTestId('returns-refunded-by-channel-return').getByRole('link');
  expect(await links.count()).toBe(returns.refundedByChannel.returns.length);
  for (const [i, r] of returns.refundedByChannel.returns.entries())
    expect(await links.nth(i).getAttribute('href')).toBe(`/returns/${r.id}`);
  expect(await panel.innerText()).not.toMatch(RAW_CODE);
  await panel.screenshot({ path: join(SCREENSHOTS, `compliance-returns-${channel.toLowerCase()}.png`) });
});

test('at 390 px the panel fits, and the keyboard opens the returned orders', async () => {
  await page.setViewportSize({ width: 390, height: 844 });
  try {
    const panel = await openPanel('WALMART');
    const overflow = await panel.evaluate((element) => element.scrollWidth - element.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect((await panel.boundingBox())!.width).toBeLessThanOrEqual(390);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    // The returned order is among the return rate's evidence, behind a disclosure the keyboard opens.
    const disclosure = panel.getByTestId('returns-rate-orders');
    await disclosure.locator('summary').focus();
    await page.keyboard.press('Enter');
    expect(await disclosure.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    const link = disclosure.getByRole('link', { name: `Order ${returnedOrder.channelOrderId}` });
    expect(await link.getAttribute('href')).toBe(`/orders/${returnedOrder.id}`);
    await panel.screenshot({ path: join(SCREENSHOTS, 'compliance-returns-390.png') });
  } finally {
    await page.setViewportSize({ width: 1440, height: 900 });
  }
});
