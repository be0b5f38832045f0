// Returns in Chromium against the real api (embedded PGlite, demo data and its sandbox): a Walmart return made in the
// sandbox and imported shows on /returns with its reason in words and the time left to refund; it is refunded in part
// from the dialog and, once Walmart takes the refund, shows the units refunded. An Amazon return is refunded with an
// edited amount, after an amount above what was paid was flagged beside the line. The order page lists its return;
// at 390 px the page fits as cards; the keyboard alone finds and opens a refund. Needs `npm run build` first.
import { join } from 'node:path';
import { type Browser, type Page } from 'playwright-core';
import { startApi, type ApiProcess } from './support/api-process';
import { API_MAIN, launchChromium, requireBuild, SCREENSHOTS, WEB_DIST } from './support/browser';
import { pageWhen } from './support/console-actions';
import {
  amazonReturnReceived,
  findReturn,
  importReturn,
  sandboxControl,
  shippedOrders,
  walmartReturnReceived,
  type ShippedOrder,
  type StoredReturn,
} from './support/returns';

let api: ApiProcess;
let baseUrl: string;
let browser: Browser | undefined;
let page: Page;
const pageErrors: string[] = [];
let walmartOrder: ShippedOrder;
let walmartReturn: StoredReturn;

const screenshot = (target: Page, name: string) =>
  target.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
const focusedTestId = (target: Page) =>
  target.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.testid ?? null);

/** Opens /returns searched for one RMA and waits for its row. */
async function openReturnRow(target: Page, rma: string, query = '') {
  await target.goto(`${baseUrl}/returns?q=${encodeURIComponent(rma)}${query}`);
  const row = target
    .getByTestId('return-row')
    .filter({ has: target.getByTestId('return-link').filter({ hasText: rma }) });
  await row.waitFor();
  return row;
}

beforeAll(async () => {
  requireBuild();
  api = await startApi(API_MAIN, WEB_DIST);
  baseUrl = api.baseUrl;
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await api.openAs(page, api.admin);

  const made = await walmartReturnReceived(api, await shippedOrders(api, 'WALMART'));
  walmartOrder = made.order;
  walmartReturn = await importReturn(api, walmartOrder.accountId, made.rma);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await api?.stop();
});

afterEach(() => expect(pageErrors).toEqual([]));

test('a received Walmart return reads its reason in words and the time left on the 48-hour clock', async () => {
  const row = await openReturnRow(page, walmartReturn.channelReturnId);
  expect(await row.getAttribute('data-status')).toBe('RECEIVED');
  expect(await row.getByTestId('return-status').textContent()).toBe('Received');
  expect(await row.getByTestId('return-reason').textContent()).toBe('Damaged');
  expect(await row.getByTestId('refund-clock').textContent()).toMatch(/^Refund due in (2 d|1 d( \d+ h)?|\d+ h)$/);
  expect(await row.getByTestId('return-received').textContent()).toMatch(/[A-Z]{2,5}|GMT/);
  expect(await row.getByTestId('return-order').getAttribute('href')).toBe(
    `/orders/walmart/${encodeURIComponent(walmartOrder.channelOrderId)}`,
  );

  await page.getByTestId('returns-view-due').click();
  await page.waitForURL(/view=due/);
  await row.waitFor();
  expect(Number(await page.getByTestId('returns-due-count').textContent())).toBeGreaterThanOrEqual(1);
  expect(Number(await page.getByTestId('nav-returns-count').textContent())).toBeGreaterThanOrEqual(1);
  await screenshot(page, 'returns-refunds-due');
});

test('refunded in part from the dialog: Walmart takes it and the return shows the units refunded', async () => {
  const row = await openReturnRow(page, walmartReturn.channelReturnId);
  await row.getByTestId('return-refund').click();
  const dialog = page.getByTestId('refund-return-dialog');
  await dialog.waitFor();
  expect(await dialog.getByTestId('refund-return-how').textContent()).toMatch(/takes no amount and no reason/);
  expect(await dialog.getByTestId('refund-return-amount').count()).toBe(0);

  // One unit fewer than came back: the first line's last unit, or the other lines when it has one unit.
  const lines = walmartReturn.lines;
  const quantities = dialog.getByTestId('refund-return-quantity');
  const expected = new Map(lines.map((line) => [line.returnLineNumber, line.quantityRefundable]));
  if (lines[0].quantityRefundable >= 2) {
    await quantities.first().fill(String(lines[0].quantityRefundable - 1));
    expected.set(lines[0].returnLineNumber, lines[0].quantityRefundable - 1);
  } else {
    expect(lines.length).toBeGreaterThan(1);
    await quantities.last().fill('0');
    expected.set(lines.at(-1)!.returnLineNumber, 0);
  }
  await dialog.getByTestId('refund-return-confirm').click();
  const sent = page.getByTestId('refund-sent');
  await sent.waitFor();
  expect(await sent.textContent()).toContain('Refund sent to Walmart.');
  await pageWhen(
    page,
    () => page.getByTestId('refund-sent-state').getAttribute('data-status'),
    (status) => status === 'DELIVERED' || status === 'FAILED' || status === 'DEAD',
    'the refund delivered to Walmart',
    60_000,
  );
  expect(await page.getByTestId('refund-sent-state').getAttribute('data-status')).toBe('DELIVERED');
  expect(await page.getByTestId('refund-sent-state').textContent()).toBe('Walmart took the refund.');

  const stored = await pageWhen(
    page,
    () => findReturn(api, walmartReturn.channelReturnId),
    (r) => r !== null && r.lines.some((line) => line.quantityRefunded > 0),
    'the refund recorded on the return',
    30_000,
  );
  for (const line of stored!.lines) expect(line.quantityRefunded).toBe(expected.get(line.returnLineNumber));
  expect(stored!.status).toBe('RECEIVED');

  await page.getByTestId('return-link').filter({ hasText: walmartReturn.channelReturnId }).click();
  await page.waitForURL(/\/returns\/[0-9a-f-]+$/);
  const refunded = page.getByTestId('return-line').first().getByTestId('return-line-refunded');
  await pageWhen(
    page,
    () => refunded.textContent(),
    (text) => text === String(expected.get(lines[0].returnLineNumber)),
    'the refunded units on the return page',
  );
  const calls = page.getByTestId('return-refund-call');
  await calls.first().waitFor();
  expect(await calls.first().getAttribute('data-status')).toBe('DELIVERED');
  await screenshot(page, 'return-detail');
});

test('the order page lists its return with the reason and a link to it, and its timeline tells the return', async () => {
  await page.goto(`${baseUrl}/orders/${walmartOrder.id}`);
  const section = page.getByTestId('order-returns');
  await section.waitFor();
  const row = section.getByTestId('order-return').filter({ hasText: walmartReturn.channelReturnId });
  expect(await row.getByTestId('order-return-reason').textContent()).toBe('Damaged');
  expect(await row.getByTestId('order-return-link').getAttribute('href')).toBe(`/returns/${walmartReturn.id}`);
  const notes = await page
    .getByTestId('timeline-note')
    .filter({ hasText: walmartReturn.channelReturnId })
    .allTextContents();
  expect(notes.map((note) => note.replace(/^.*?\): /, ''))).toEqual([
    'The buyer asked to return it',
    'The item came back',
    'Refunded by you, in part',
  ]);
});

test('an Amazon return: an amount above what was paid is flagged beside the line; an edited amount is refunded', async () => {
  const { order, rma } = await amazonReturnReceived(api, await shippedOrders(api, 'AMAZON'));
  await importReturn(api, order.accountId, rma);

  const row = await openReturnRow(page, rma, '&channel=amazon');
  expect(await row.getByTestId('return-reason').textContent()).toBe('No longer wanted');
  await row.getByTestId('return-refund').click();
  const dialog = page.getByTestId('refund-return-dialog');
  await dialog.waitFor();
  expect(await dialog.getByTestId('refund-return-reason').inputValue()).toBe('CustomerReturn');
  const amount = dialog.getByTestId('refund-return-amount');
  const proposed = Number(await amount.inputValue());
  expect(proposed).toBeGreaterThan(0);

  await amount.fill((proposed + 50).toFixed(2));
  const line = dialog.getByTestId('refund-return-line').first();
  const violation = line.getByTestId('violation');
  await violation.waitFor();
  expect(await violation.getAttribute('data-code')).toBe('RETURN_REFUND_ABOVE_PAID');
  expect(await violation.textContent()).toMatch(/at most \$/);
  expect(await dialog.getByTestId('refund-return-confirm').isDisabled()).toBe(true);

  const edited = Math.max(0.01, proposed - 1).toFixed(2);
  await amount.fill(edited);
  expect(await line.getByTestId('violation').count()).toBe(0);
  expect(await dialog.getByTestId('refund-return-total-money').textContent()).toBe(`$${edited}`);
  await dialog.getByTestId('refund-return-confirm').click();
  await page.getByTestId('refund-sent').waitFor();
  expect(await page.getByTestId('refund-sent').textContent()).toContain('Refund sent to Amazon.');
  // The feed is sent; the sandbox's Amazon finishes a feed three minutes (its clock) after it was created.
  await pageWhen(
    page,
    () => page.getByTestId('refund-sent-state').textContent(),
    (text) => text === 'Sent; waiting for Amazon to confirm.',
    'the adjustment feed sent',
    60_000,
  );
  await sandboxControl(api, '/clock', { advanceMs: 4 * 60_000 });
  await pageWhen(
    page,
    () => page.getByTestId('refund-sent-state').getAttribute('data-status'),
    (status) => status === 'DELIVERED' || status === 'DEAD',
    'the refund taken by Amazon',
    90_000,
  );
  expect(await page.getByTestId('refund-sent-state').textContent()).toBe('Amazon took the refund.');
});

test('the keyboard alone searches, opens a refund and closes it with the focus back on its button', async () => {
  await page.goto(`${baseUrl}/returns`);
  await page.getByTestId('returns-page').waitFor();
  await page.getByTestId('returns-search').focus();
  await page.keyboard.type(walmartReturn.channelReturnId);
  await page.keyboard.press('Enter');
  await page.waitForURL(/q=/);
  const row = page.getByTestId('return-row').filter({ hasText: walmartReturn.channelReturnId });
  await row.waitFor();
  // From the search button onwards, Tab reaches the row's links and then its Refund button.
  await page.getByRole('button', { name: 'Search' }).focus();
  for (let i = 0; i < 20 && (await focusedTestId(page)) !== 'return-refund'; i++) await page.keyboard.press('Tab');
  expect(await focusedTestId(page)).toBe('return-refund');
  await page.keyboard.press('Enter');
  await page.getByTestId('refund-return-dialog').waitFor();
  await pageWhen(
    page,
    () => focusedTestId(page),
    (id) => id === 'refund-return-quantity',
    'focus on the units field',
  );
  await page.keyboard.press('Escape');
  await page.getByTestId('refund-return-dialog').waitFor({ state: 'detached' });
  await pageWhen(
    page,
    () => focusedTestId(page),
    (id) => id === 'return-refund',
    'focus back on Refund…',
  );
});

test('at 390 px the returns are cards and the page is no wider than the screen', async () => {
  const phone = await browser!.newPage({ viewport: { width: 390, height: 844 } });
  try {
    await api.openAs(phone, api.admin, '/returns');
    await phone.locator('.return-card').first().waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const card = (await phone.locator('.return-card').first().boundingBox())!;
    expect(card.x + card.width).toBeLessThanOrEqual(390);
    await screenshot(phone, 'returns-phone');
  } finally {
    await phone.close();
  }
});
