// Suppliers in Chromium against the real api (embedded PGlite, demo data): a supplier is added in the console with the
// SKUs of an open Walmart order, and the order's purchase order is sent from the order page; the Waiting for supplier
// tab lists it with its clock in words; the public supplier page (no account, no nav) refuses a number with a wrong
// check digit in the rules' own words and takes a good one; the order then shows the supplier's tracking applied.
// At 390 px the lists and the supplier's page fit the screen. Needs `npm run build` first.
import { checkTrackingNumber } from '@order-hub/rules';
import { type Browser, type Page } from 'playwright-core';
import { startApi, type ApiProcess } from './support/api-process';
import { API_MAIN, launchChromium, requireBuild, WEB_DIST } from './support/browser';
import { pageWhen, validUpsNumber } from './support/console-actions';
import { openWalmartOrders, type OpenWalmartOrder } from './support/mcf';

let api: ApiProcess;
let baseUrl: string;
let browser: Browser | undefined;
let page: Page;
const pageErrors: string[] = [];
let order: OpenWalmartOrder;
let supplierId: string;
let linkUrl: string;
const SUPPLIER = `Acme Toys ${Date.now().toString(36)}`;
const GOOD = validUpsNumber();
/** The same number with its check digit changed: the rules refuse it. */
const BAD = `${GOOD.slice(0, -1)}${(Number(GOOD.at(-1)) + 1) % 10}`;

const fitsWidth = (target: Page) => target.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

beforeAll(async () => {
  requireBuild();
  api = await startApi(API_MAIN, WEB_DIST);
  baseUrl = api.baseUrl;
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await api.openAs(page, api.admin);
  const open = await openWalmartOrders(api);
  expect(open.length).toBeGreaterThan(0);
  order = open[0];
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await api?.stop();
});

afterEach(() => expect(pageErrors).toEqual([]));

test('a supplier is added in the console and given the SKUs of an order', async () => {
  await page.goto(`${baseUrl}/suppliers`);
  await page.getByTestId('supplier-add').click();
  const dialog = page.getByTestId('supplier-dialog');
  await dialog.waitFor();
  // Nothing typed: the name is asked for beside its field, in words.
  await dialog.getByTestId('supplier-save').click();
  expect(await dialog.getByTestId('supplier-name-error').textContent()).toBe('Give the supplier a name.');
  await dialog.getByTestId('supplier-name').fill(SUPPLIER);
  await dialog.getByTestId('supplier-senderAddresses').fill('ship@acme.test');
  await dialog.getByTestId('supplier-poMethod').selectOption('LINK');
  await dialog.getByTestId('supplier-trackingDeadlineHours').fill('6');
  await dialog.getByTestId('supplier-save').click();
  await page.waitForURL(/\/suppliers\/[0-9a-f-]{36}$/);
  supplierId = page.url().split('/').pop()!;
  expect(await page.getByTestId('supplier-name').textContent()).toBe(SUPPLIER);
  expect(await page.getByTestId('supplier-scorecard-sentence').textContent()).not.toBe('');

  await page.getByTestId('skus-edit').click();
  await page.getByTestId('sku-paste').fill(order.skus.join('\n'));
  await page.getByTestId('sku-paste-add').click();
  await page.getByTestId('skus-save').click();
  await page.getByTestId('sku-list').waitFor();
  expect((await page.getByTestId('sku-item').allTextContents()).map((text) => text.split(' ')[0]).sort()).toEqual(
    [...order.skus].sort(),
  );
});

test("the order's purchase order is sent from the order page, and Waiting for supplier shows it with its clock", async () => {
  await page.goto(`${baseUrl}/orders/${order.id}`);
  const section = page.getByTestId('order-supplier');
  await section.waitFor();
  expect(await section.getByTestId('order-supplier-name').textContent()).toContain(SUPPLIER);
  await section.getByTestId('send-po').click();
  const url = section.getByTestId('supplier-link-url');
  await url.waitFor();
  linkUrl = await url.inputValue();
  expect(linkUrl).toMatch(/\/supplier\/[\w.-]{20,}$/);
  expect(await section.getByTestId('order-po-status').textContent()).toBe('Sent, waiting for tracking');

  await page.goto(`${baseUrl}/suppliers?tab=waiting`);
  const row = page
    .getByTestId('waiting-row')
    .filter({ has: page.getByTestId('supplier-order-link').filter({ hasText: order.channelOrderId }) });
  await row.waitFor();
  expect(await row.getByTestId('supplier-clock').textContent()).toMatch(
    /^(due in \d+ (min|h|d)|missed \d+ (min|h|d) ago)$/,
  );
  expect(await row.getByTestId('supplier-clock-due').textContent()).toMatch(/\(by \w{3} \d+, \d\d:\d\d [A-Z]{2,5}\)/);
  expect(await row.getByTestId('waiting-supplier').textContent()).toBe(SUPPLIER);
  expect(Number(await page.getByTestId('nav-suppliers-count').textContent())).toBeGreaterThanOrEqual(1);
});

test("the supplier's page refuses a wrong check digit in the rules' words and takes a good number", async () => {
  // The supplier has no account: a fresh browser with no cookie opens the link.
  const context = await browser!.newContext({ viewport: { width: 390, height: 844 } });
  const supplierPage = await context.newPage();
  supplierPage.on('pageerror', (error) => pageErrors.push(error.message));
  try {
    await supplierPage.goto(linkUrl.replace(/^https?:\/\/[^/]+/, baseUrl));
    expect(await supplierPage.getByTestId('supplier-link-order-number').textContent()).toBe(order.channelOrderId);
    expect(await supplierPage.getByTestId('app-nav').count()).toBe(0);
    expect(await supplierPage.getByTestId('supplier-link-ship-by').textContent()).toMatch(/[A-Z]{2,5}|GMT/);
    expect(await fitsWidth(supplierPage)).toBe(true);

    await supplierPage.getByTestId('supplier-link-carrier').selectOption('UPS');
    await supplierPage.getByTestId('supplier-link-tracking').fill(BAD);
    const words = checkTrackingNumber(BAD, 'UPS').violations.map((v) => v.message);
    expect(words.length).toBeGreaterThan(0);
    const violation = supplierPage.getByTestId('supplier-link-violation').first();
    await violation.waitFor();
    expect(await violation.getAttribute('data-severity')).toBe('BLOCK');
    expect(await supplierPage.getByTestId('supplier-link-violations').textContent()).toContain(words[0]);
    expect(await supplierPage.getByTestId('supplier-link-submit').isDisabled()).toBe(true);

    await supplierPage.getByTestId('supplier-link-tracking').fill(GOOD);
    await pageWhen(
      supplierPage,
      () => supplierPage.locator('[data-testid="supplier-link-violation"][data-severity="BLOCK"]').count(),
      (count) => count === 0,
      'nothing blocking a good number',
    );
    await supplierPage.getByTestId('supplier-link-submit').click();
    const thanks = supplierPage.getByTestId('supplier-link-thanks');
    await thanks.waitFor();
    expect(await thanks.textContent()).toContain(GOOD);
    expect(await fitsWidth(supplierPage)).toBe(true);

    // Opened again, the link says the tracking came; a cut link says it cannot be used, in words.
    await supplierPage.reload();
    await supplierPage.getByTestId('supplier-link-done').waitFor();
    await supplierPage.goto(`${baseUrl}/supplier/not-a-real-token.abc`);
    expect(await supplierPage.getByTestId('supplier-link-refused').textContent()).toContain('This link cannot be used');
  } finally {
    await context.close();
  }
});

test("the order shows the supplier's tracking applied, and the purchase order leaves the waiting list", async () => {
  await page.goto(`${baseUrl}/orders/${order.id}`);
  const section = page.getByTestId('order-supplier');
  await section.waitFor();
  const applied = section.getByTestId('order-intake-row').filter({ hasText: GOOD });
  await applied.waitFor();
  expect(await applied.getAttribute('data-status')).toBe('APPLIED');
  expect(await applied.textContent()).toContain('Supplier link');
  expect(await section.getByTestId('order-po-status').textContent()).toBe('Tracking received');
  expect(await section.getByTestId('supplier-clock').textContent()).toMatch(/^tracking (on time|\d+ (min|h|d) late)$/);
  expect(await page.getByTestId('order-shipment').filter({ hasText: GOOD }).count()).toBe(1);

  await page.goto(`${baseUrl}/suppliers?tab=waiting`);
  await page.getByRole('tabpanel').waitFor();
  await pageWhen(
    page,
    () => page.getByTestId('supplier-order-link').filter({ hasText: order.channelOrderId }).count(),
    (count) => count === 0,
    'the purchase order gone from the waiting list',
  );
  await page.goto(`${baseUrl}/suppliers/${supplierId}`);
  const po = page.getByTestId('purchase-order-row').first();
  await po.waitFor();
  expect(await po.getAttribute('data-status')).toBe('TRACKING_RECEIVED');
});

test('at 390 px the supplier lists fit the screen and the tabs work by keyboard', async () => {
  const narrow = await browser!.newPage({ viewport: { width: 390, height: 844 } });
  narrow.on('pageerror', (error) => pageErrors.push(error.message));
  try {
    await api.signIn(narrow, api.admin);
    await narrow.goto(`${baseUrl}/suppliers`);
    await narrow.getByTestId('supplier-row').first().waitFor();
    expect(await fitsWidth(narrow)).toBe(true);
    await narrow.getByTestId('suppliers-tab-suppliers').focus();
    await narrow.keyboard.press('ArrowRight');
    await narrow.waitForURL(/tab=waiting/);
    expect(await narrow.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'suppliers-tab-waiting',
    );
    await narrow.keyboard.press('ArrowRight');
    await narrow.waitForURL(/tab=review/);
    await narrow.getByTestId('review-empty').or(narrow.getByTestId('review-row').first()).waitFor();
    expect(await fitsWidth(narrow)).toBe(true);
    await narrow.goto(`${baseUrl}/suppliers/${supplierId}`);
    await narrow.getByTestId('supplier-scorecard').waitFor();
    expect(await fitsWidth(narrow)).toBe(true);
  } finally {
    await narrow.close();
  }
});
