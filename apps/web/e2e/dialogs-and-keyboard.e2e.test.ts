// Dialogs and the keyboard in a real browser: the shared dialog takes and keeps the focus and gives it back, cancel
// and refund speak words and confirm their totals, a skip link and page titles, and a phone-width header and ship
// dialog. Needs `npm run build` first.
import { type Browser, type Page } from 'playwright-core';
import { startApi, type ApiProcess } from './support/api-process';
import { API_MAIN, launchChromium, requireBuild, WEB_DIST } from './support/browser';
import { pageWhen } from './support/console-actions';
import { openWalmartOrders, type OpenWalmartOrder } from './support/mcf';

let api: ApiProcess;
let browser: Browser | undefined;
let page: Page;
let open: OpenWalmartOrder[];

const focusedTestId = (target: Page) =>
  target.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.testid ?? null);
const focusInside = (target: Page, testId: string) =>
  target.evaluate(
    (id) => Boolean(document.querySelector(`[data-testid="${id}"]`)?.contains(document.activeElement)),
    testId,
  );

async function openOrder(target: Page, id: string) {
  await target.goto(`${api.baseUrl}/orders/${id}`);
  await pageWhen(target, () => target.getByTestId('action-ship').isEnabled(), Boolean, 'Ship… enabled');
}

beforeAll(async () => {
  requireBuild();
  api = await startApi(API_MAIN, WEB_DIST);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await api.openAs(page, api.admin, '/');
  open = await openWalmartOrders(api);
  expect(open.length).toBeGreaterThan(2);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await api?.stop();
});

test('the first Tab reaches "Skip to content", which moves the focus to the page; each page names its tab', async () => {
  await page.goto(`${api.baseUrl}/`);
  await pageWhen(
    page,
    () => page.title(),
    (title) => title === 'Inbox · order-hub',
    'the inbox title',
  );
  await page.keyboard.press('Tab');
  expect(await focusedTestId(page)).toBe('skip-link');
  expect(await page.getByTestId('skip-link').isVisible()).toBe(true);
  await page.keyboard.press('Enter');
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');

  const titles: string[] = [];
  for (const path of ['/settings/users', '/account', `/orders/${open[0].id}`]) {
    await page.goto(`${api.baseUrl}${path}`);
    titles.push(
      await pageWhen(
        page,
        () => page.title(),
        (title) => !['order-hub', 'Order · order-hub'].includes(title),
        `a title on ${path}`,
      ),
    );
  }
  expect(titles).toEqual([
    'Users · order-hub',
    'Your account · order-hub',
    `Order ${open[0].channelOrderId} · order-hub`,
  ]);
});

test('the ship dialog takes the focus to its first field, keeps it inside on Tab, and Escape gives it back to Ship…', async () => {
  await openOrder(page, open[0].id);
  await page.getByTestId('action-ship').focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByTestId('ship-dialog');
  await dialog.waitFor();
  await pageWhen(
    page,
    () => focusedTestId(page),
    (id) => id === 'field-quantity',
    'focus on the first field',
  );
  expect(await dialog.getAttribute('role')).toBe('dialog');
  expect(await dialog.getAttribute('aria-labelledby')).toBeTruthy();

  const outside: string[] = [];
  for (let i = 0; i < 40; i += 1) {
    await page.keyboard.press('Tab');
    if (!(await focusInside(page, 'ship-dialog'))) outside.push(String(await focusedTestId(page)));
  }
  for (let i = 0; i < 5; i += 1) await page.keyboard.press('Shift+Tab');
  expect(outside).toEqual([]);
  expect(await focusInside(page, 'ship-dialog')).toBe(true);

  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  await pageWhen(
    page,
    () => focusedTestId(page),
    (id) => id === 'action-ship',
    'focus back on Ship…',
  );

  // the labelled close button closes it too, and the focus comes back the same way
  await page.getByTestId('action-ship').click();
  await dialog.waitFor();
  expect(await dialog.getByTestId('dialog-close').getAttribute('aria-label')).toBe(
    `Close Ship ${open[0].channelOrderId}`,
  );
  await dialog.getByTestId('dialog-close').click();
  await dialog.waitFor({ state: 'detached' });
  await pageWhen(
    page,
    () => focusedTestId(page),
    (id) => id === 'action-ship',
    'focus back on Ship… after Close',
  );
});

test('cancel reasons read as words with their effect; a confirmation step shows units and money before sending', async () => {
  const order = open[1];
  await openOrder(page, order.id);
  await page.getByTestId('action-cancel').click();
  const dialog = page.getByTestId('cancel-dialog');
  await dialog.waitFor();
  const options = await dialog
    .getByTestId('cancel-reason')
    .locator('option')
    .evaluateAll((all) => all.map((o) => ({ value: (o as HTMLOptionElement).value, text: o.textContent ?? '' })));
  expect(options.find((o) => o.value === 'SELLER_CANCEL_OUT_OF_STOCK')?.text).toBe(
    'Out of stock — counts against your cancellation rate',
  );
  expect(options.map((o) => o.text).join('\n')).not.toMatch(/SELLER_CANCEL|CUSTOMER_REQUESTED/);
  expect(options.map((o) => o.value)).not.toContain('CUSTOMER_REQUESTED_SELLER_TO_CANCEL');

  await dialog.getByTestId('cancel-reason').selectOption('SELLER_CANCEL_OUT_OF_STOCK');
  expect(await dialog.getByTestId('cancel-reason-effect').textContent()).toMatch(
    /^Counts against your cancellation rate \(must stay at most 2% over 30 days\)\. Walmart also marks the item out of stock/,
  );
  const quantity = dialog.getByTestId('cancel-quantity').first();
  const units = Number(await quantity.getAttribute('max'));
  await quantity.fill(String(units));
  await dialog.getByTestId('cancel-submit').click();

  await dialog.getByTestId('cancel-confirmation').waitFor();
  expect(await dialog.getByTestId('cancel-total-units').textContent()).toBe(units === 1 ? '1 unit' : `${units} units`);
  expect(await dialog.getByTestId('cancel-total-money').textContent()).toMatch(/^\$\d+\.\d{2}$/);
  expect(await dialog.getByTestId('cancel-confirm-effect').textContent()).toMatch(
    /^Counts against your cancellation rate/,
  );
  expect(await focusedTestId(page)).toBe('cancel-confirm');

  // Back returns to the form as it was: nothing was sent
  await dialog.getByTestId('cancel-back').click();
  expect(await dialog.getByTestId('cancel-quantity').first().inputValue()).toBe(String(units));
  const { order: after } = await api.graphql<{ order: { lines: { quantityCancelled: number }[] } }>(
    `query ($id: ID!) { order(id: $id) { lines { quantityCancelled } } }`,
    { id: order.id },
  );
  expect(after.lines.every((line) => line.quantityCancelled === 0)).toBe(true);
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
});

test('a refund above what is left of a line is flagged beside it while typing, in words, and Review stays off', async () => {
  const { orders } = await api.graphql<{
    orders: {
      edges: {
        node: {
          id: string;
          lines: {
            lineNumber: string;
            quantityShipped: number;
            charge: { amountCents: number } | null;
            refunded: { amountCents: number };
          }[];
        };
      }[];
    };
  }>(
    `{ orders(filter: { channel: WALMART, statuses: [SHIPPED, DELIVERED] }, first: 50) { edges { node {
        id lines { lineNumber quantityShipped charge { amountCents } refunded { amountCents } } } } } }`,
  );
  const target = orders.edges
    .map((edge) => edge.node)
    .find((o) => o.lines.length === 1 && o.lines[0].quantityShipped > 0 && o.lines[0].charge !== null);
  expect(target).toBeDefined();
  const line = target!.lines[0];
  const left = line.charge!.amountCents - line.refunded.amountCents;

  await page.goto(`${api.baseUrl}/orders/${target!.id}`);
  await pageWhen(page, () => page.getByTestId('action-refund').isEnabled(), Boolean, 'Refund… enabled');
  await page.getByTestId('action-refund').click();
  const dialog = page.getByTestId('refund-dialog');
  await dialog.waitFor();
  await dialog.getByTestId('refund-reason').selectOption('DamagedItem');
  const amount = dialog.getByTestId('refund-amount').first();
  await amount.pressSequentially(((left + 1) / 100).toFixed(2));
  const flagged = dialog.getByTestId('refund-line').first().getByTestId('violation');
  await flagged.waitFor();
  expect(await flagged.getAttribute('data-code')).toBe('REFUND_ABOVE_CHARGE');
  expect(await flagged.textContent()).toContain(`at most $${(left / 100).toFixed(2)} more`);
  expect(await flagged.textContent()).not.toContain('REFUND_ABOVE_CHARGE');
  expect(await amount.getAttribute('aria-invalid')).toBe('true');
  expect(await dialog.getByTestId('refund-submit').isDisabled()).toBe(true);

  await amount.fill((left / 100).toFixed(2));
  await flagged.waitFor({ state: 'detached' });
  await dialog.getByTestId('refund-submit').click();
  expect(await dialog.getByTestId('refund-total-money').textContent()).toBe(`$${(left / 100).toFixed(2)}`);
  await dialog.getByTestId('refund-back').click();
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
});

test('at 390 px the menu folds behind a Menu button; Escape closes it and gives the focus back', async () => {
  const phone = await browser!.newPage({ viewport: { width: 390, height: 844 } });
  try {
    await api.openAs(phone, api.admin, '/');
    const menu = phone.getByTestId('menu-button');
    const nav = phone.getByTestId('app-nav');
    expect(await menu.isVisible()).toBe(true);
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    expect(await nav.isVisible()).toBe(false);

    await menu.click();
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    await phone.getByTestId('nav-outbox').waitFor({ state: 'visible' });
    const box = (await phone.getByTestId('nav-outbox').boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    await phone.getByTestId('nav-outbox').focus();
    await phone.keyboard.press('Escape');
    expect(await nav.isVisible()).toBe(false);
    expect(await focusedTestId(phone)).toBe('menu-button');

    // following a link closes it
    await menu.click();
    await phone.getByTestId('nav-outbox').click();
    await phone.waitForURL(/\/outbox$/);
    await nav.waitFor({ state: 'hidden' });
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    const header = (await phone.locator('header.app-header').boundingBox())!;
    expect(header.width).toBeLessThanOrEqual(390);
    expect(header.height).toBeLessThan(120);
  } finally {
    await phone.close();
  }
});

test('at 390 px the ship dialog fits: the tracking field and the confirm button are inside the screen', async () => {
  const phone = await browser!.newPage({ viewport: { width: 390, height: 844 } });
  try {
    await api.openAs(phone, api.admin, '/');
    await openOrder(phone, open[2].id);
    await phone.getByTestId('action-ship').click();
    const dialog = phone.getByTestId('ship-dialog');
    await dialog.waitFor();
    const inside = async (testId: string) => {
      const box = (await dialog.getByTestId(testId).boundingBox())!;
      return box.x >= 0 && box.y >= 0 && box.x + box.width <= 390 && box.y + box.height <= 844;
    };
    // the confirm button sits in the sticky action row: on screen without scrolling
    expect(await inside('ship-submit')).toBe(true);
    await dialog.getByTestId('field-trackingNumber').scrollIntoViewIfNeeded();
    expect(await inside('field-trackingNumber')).toBe(true);
    await dialog.getByTestId('field-trackingNumber').fill('1Z999AA10123456784');
    expect(await inside('ship-submit')).toBe(true);
    const dialogBox = (await dialog.boundingBox())!;
    expect(dialogBox.x + dialogBox.width).toBeLessThanOrEqual(390);
    expect(dialogBox.height).toBeLessThanOrEqual(844);
  } finally {
    await phone.close();
  }
});
