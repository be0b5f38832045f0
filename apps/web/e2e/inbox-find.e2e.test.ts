// Finding orders in the console: search across every view with why each order matched, the disjoint
// New / Due today / Past due tabs, sorting, filters, readable order addresses, the keyboard, and a phone run
// from sign-in to a shipped order. Needs `npm run build` first.
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startApi, type ApiProcess } from './support/api-process';
import { API_MAIN, launchChromium, requireBuild, SCREENSHOTS, WEB_DIST } from './support/browser';
import { pageWhen, validUpsNumber } from './support/console-actions';
import { inboxWhen, type InboxSnapshot } from './support/inbox';
import { signInThroughPages } from './support/sign-in-page';

let api: ApiProcess | undefined;
let browser: Browser | undefined;
let page: Page;
const pageErrors: string[] = [];

const shot = (target: Page, name: string) =>
  target.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });

interface OrderFacts {
  id: string;
  channel: string;
  channelOrderId: string;
  status: string;
  cancellationRequested: boolean;
  total: { amountCents: number };
  shipments: { trackingNumber: string | null }[];
}
const ORDER_FIELDS =
  'id channel channelOrderId status cancellationRequested total { amountCents } shipments { trackingNumber }';

async function ordersOf(
  filter: Record<string, unknown>,
  first = 200,
): Promise<{ orders: OrderFacts[]; total: number }> {
  const { orders } = await api!.graphql<{ orders: { totalCount: number; edges: { node: OrderFacts }[] } }>(
    `query ($filter: OrderFilter, $first: Int) { orders(filter: $filter, first: $first) { totalCount edges { node { ${ORDER_FIELDS} } } } }`,
    { filter, first },
  );
  return { orders: orders.edges.map((edge) => edge.node), total: orders.totalCount };
}

/** The inbox once settled, with `path` opened first. */
async function openInbox(path: string, ready: (inbox: InboxSnapshot) => boolean, what: string) {
  await page.goto(`${api!.baseUrl}${path}`);
  return inboxWhen(page, ready, what);
}

beforeAll(async () => {
  requireBuild();
  api = await startApi(API_MAIN, WEB_DIST);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await api.openAs(page, api.admin, '/');
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await api?.stop();
});

afterEach(() => {
  expect(pageErrors).toEqual([]);
});

test('searching from "Due today" finds a shipped order by its tracking number, in all views, saying why', async () => {
  const shipped = (await ordersOf({ statuses: ['SHIPPED', 'DELIVERED'] })).orders.find((order) =>
    order.shipments.some((shipment) => shipment.trackingNumber),
  );
  expect(shipped).toBeDefined();
  const tracking = shipped!.shipments.find((shipment) => shipment.trackingNumber)!.trackingNumber!;

  await openInbox('/?view=DUE_TODAY', (inbox) => inbox.search.includes('view=DUE_TODAY'), 'Due today');
  await page.getByTestId('search-box').fill(tracking);
  const found = await inboxWhen(
    page,
    (inbox) => inbox.search.includes('q=') && inbox.rows.some((row) => row.number === shipped!.channelOrderId),
    `the order with tracking ${tracking}`,
  );
  const row = found.rows.find((candidate) => candidate.number === shipped!.channelOrderId)!;
  expect(row.matches).toContain(`Tracking number ${tracking}`);
  expect(await page.getByTestId('search-scope').textContent()).toContain('Results in all views');
  // No tab claims the list while it shows every view's results; All counts the match.
  expect(await page.locator('[role="tab"][aria-selected="true"]').count()).toBe(0);
  expect(found.counts.ALL).toBeGreaterThanOrEqual(1);
  expect(found.counts.DUE_TODAY).toBe(0);
  await shot(page, 'inbox-search-all-views');
});

test('New, Due today and Past due are disjoint, and each tab lists its own orders', async () => {
  const views = ['NEW', 'DUE_TODAY', 'PAST_DUE'] as const;
  const ids = new Map<string, Set<string>>();
  for (const view of views) ids.set(view, new Set((await ordersOf({ view })).orders.map((order) => order.id)));
  for (const [i, a] of views.entries()) {
    for (const b of views.slice(i + 1)) {
      const both = [...ids.get(a)!].filter((id) => ids.get(b)!.has(id));
      expect({ views: [a, b], both }).toEqual({ views: [a, b], both: [] });
    }
  }

  const pastDue = await openInbox(
    '/?view=PAST_DUE',
    (inbox) => inbox.search.includes('view=PAST_DUE') && inbox.rows.length === Math.min(50, inbox.counts.PAST_DUE),
    'Past due',
  );
  expect(pastDue.counts.PAST_DUE).toBe(ids.get('PAST_DUE')!.size);
  expect(pastDue.rows.every((row) => row.late)).toBe(true);
  const due = await openInbox(
    '/?view=DUE_TODAY',
    (inbox) => inbox.search.includes('view=DUE_TODAY') && inbox.rows.length === Math.min(50, inbox.counts.DUE_TODAY),
    'Due today',
  );
  expect(due.counts.DUE_TODAY).toBe(ids.get('DUE_TODAY')!.size);
  // Due today is not yet late: the 45-hour-late orders of the old tab are in Past due only.
  expect(due.rows.some((row) => row.late)).toBe(false);
});

/** The totals column as shown, in cents. */
const shownTotals = () =>
  page
    .locator('[data-testid="order-row"] td.num')
    .evaluateAll((cells) => cells.map((cell) => Math.round(Number(cell.textContent.replace(/[^0-9.]/g, '')) * 100)));

test('a column header sorts the list on the server, and says so to assistive technology', async () => {
  await openInbox('/?view=ALL', (inbox) => inbox.search.includes('view=ALL') && inbox.rows.length > 0, 'All');
  await page.getByTestId('sort-TOTAL').click();
  await inboxWhen(page, (inbox) => inbox.search.includes('sort=total'), 'sorted by total');
  expect(await page.getByTestId('column-TOTAL').getAttribute('aria-sort')).toBe('ascending');
  // The address changes at the click, the rows when the server's sorted page arrives.
  const ascending = await pageWhen(page, shownTotals, (t) => t.every((v, i) => i === 0 || t[i - 1] <= v), 'ascending');
  expect(ascending).toEqual([...ascending].sort((a, b) => a - b));

  await page.getByTestId('sort-TOTAL').click();
  await inboxWhen(page, (inbox) => inbox.search.includes('sort=-total'), 'sorted by total, largest first');
  expect(await page.getByTestId('column-TOTAL').getAttribute('aria-sort')).toBe('descending');
  const descending = await pageWhen(
    page,
    shownTotals,
    (t) => t.every((v, i) => i === 0 || t[i - 1] >= v),
    'descending',
  );
  expect(descending).toEqual([...descending].sort((a, b) => b - a));
  // The largest total of all orders heads the list, not just the largest of the first page.
  const { orders } = await api!.graphql<{ orders: { edges: { node: { total: { amountCents: number } } }[] } }>(
    '{ orders(filter: { view: ALL }, sort: { field: TOTAL, direction: DESC }, first: 1) { edges { node { total { amountCents } } } } }',
  );
  expect(descending[0]).toBe(orders.edges[0].node.total.amountCents);
});

test('filters narrow the list to orders whose buyer asked to cancel, kept in the address', async () => {
  const asked = await ordersOf({ view: 'ALL', buyerRequestedCancel: true });
  await openInbox('/?view=ALL', (inbox) => inbox.search.includes('view=ALL') && inbox.rows.length > 0, 'All');
  await page.getByTestId('filters-toggle').click();
  // The box follows the address, which the click changes: click, then wait for the list it asks for.
  await page.getByTestId('filter-buyerRequestedCancel').click();
  const narrowed = await inboxWhen(
    page,
    (inbox) => inbox.search.includes('buyer-cancel=1') && inbox.rows.length === Math.min(50, asked.total),
    'orders whose buyer asked to cancel',
  );
  expect(narrowed.rows.map((row) => row.number).sort()).toEqual(
    asked.orders
      .slice(0, 50)
      .map((order) => order.channelOrderId)
      .sort(),
  );
  if (narrowed.rows.length > 0) {
    expect(await page.locator('[data-testid="order-row"]:not(:has([data-testid="buyer-cancel-badge"]))').count()).toBe(
      0,
    );
  }
  expect(await page.getByTestId('filters-toggle').textContent()).toBe('Filters (1)');
  await page.reload();
  await inboxWhen(page, (inbox) => inbox.rows.length === Math.min(50, asked.total), 'the filter after reload');
  expect(await page.getByTestId('filter-buyerRequestedCancel').isChecked()).toBe(true);
  await page.getByTestId('filters-clear').click();
  await inboxWhen(page, (inbox) => !inbox.search.includes('buyer-cancel'), 'the filter cleared');
});

test('chosen columns are remembered after a reload, and a saved view keeps filters, columns and sort with its count', async () => {
  await openInbox('/?view=ALL', (inbox) => inbox.search.includes('view=ALL') && inbox.rows.length > 0, 'All');
  const saved = page.waitForResponse(
    (response) =>
      response.url().includes('/graphql') && (response.request().postData() ?? '').includes('setInboxColumns'),
  );
  await page.getByTestId('column-chooser').click();
  await page.getByTestId('column-option-SHIP_TO_STATE').click();
  await page.keyboard.press('Escape');
  await page.getByTestId('column-SHIP_TO_STATE').waitFor();
  expect((await saved).ok()).toBe(true);
  await page.reload();
  await inboxWhen(page, (inbox) => inbox.rows.length > 0, 'the inbox after reload');
  await page.getByTestId('column-SHIP_TO_STATE').waitFor();

  // A view of orders shipped to one state, sorted by total: its sidebar count is the number of such orders.
  const state = await page
    .locator('[data-testid="order-row"] td')
    .evaluateAll((cells) =>
      cells.map((cell) => cell.textContent?.trim() ?? '').find((text) => /^[A-Z]{2}$/.test(text)),
    );
  expect(state).toBeDefined();
  const inState = await ordersOf({ view: 'ALL', shipToStates: [state] });
  await page.getByTestId('filters-toggle').click();
  await page.getByTestId('filter-state').fill(state!);
  await page.getByTestId('filter-state').press('Enter');
  await inboxWhen(
    page,
    (inbox) => inbox.search.includes(`state=${state}`) && inbox.rows.length === Math.min(50, inState.total),
    `orders to ${state}`,
  );
  await page.getByTestId('sort-TOTAL').click();
  await inboxWhen(page, (inbox) => inbox.search.includes('sort=total'), 'sorted by total');
  await page.getByTestId('save-view-button').click();
  await page.getByTestId('save-view-name').fill(`Shipped to ${state}`);
  await page.getByTestId('save-view-submit').click();
  const link = page.locator(`[data-testid="saved-view-link"][data-view-name="Shipped to ${state}"]`);
  await link.waitFor();
  expect(await link.getByTestId('saved-view-count').textContent()).toMatch(
    new RegExp(`^${inState.total.toLocaleString('en-US')}\\b`),
  );

  await page.goto(`${api!.baseUrl}/?view=NEW`);
  await inboxWhen(page, (inbox) => inbox.search.includes('view=NEW'), 'New');
  await link.click();
  await inboxWhen(
    page,
    (inbox) =>
      inbox.search.includes(`state=${state}`) && inbox.search.includes('sort=total') && inbox.search.includes('saved='),
    'the saved view opened',
  );
  expect(await page.getByTestId('column-TOTAL').getAttribute('aria-sort')).toBe('ascending');
  await page.getByTestId('column-SHIP_TO_STATE').waitFor();
  await shot(page, 'inbox-saved-view');
});

test('the keyboard moves through the list and opens an order at its readable address; unknown ones say so', async () => {
  const inbox = await openInbox(
    '/?view=ALL',
    (state) => state.search.includes('view=ALL') && state.rows.length > 2,
    'All',
  );
  for (const key of ['j', 'j', 'k', 'j']) await page.keyboard.press(key);
  const current = page.locator('[data-testid="order-row"][aria-current="true"]');
  const focus = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 120));
  expect({ focus, current: await current.count() }).toEqual({ focus, current: 1 });
  expect(await current.getByTestId('order-number').textContent()).toBe(inbox.rows[1].number);

  await page.keyboard.press('?');
  const help = page.getByTestId('shortcuts-help');
  await help.waitFor();
  expect(await help.textContent()).toContain('Ship the order you are on');
  await page.keyboard.press('Escape');
  await help.waitFor({ state: 'detached' });

  await page.keyboard.press('/');
  expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('search-box');
  // Typed into the search box, j is a letter, not a move.
  await page.keyboard.type('j');
  expect(await page.getByTestId('search-box').inputValue()).toBe('j');
  await page.getByTestId('search-box').fill('');
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await inboxWhen(page, (state) => !state.search.includes('q='), 'the search cleared');

  await page.keyboard.press('Enter');
  const number = inbox.rows[1].number;
  await page.waitForURL(
    (url) => url.pathname === `/orders/${inbox.rows[1].channel.toLowerCase()}/${encodeURIComponent(number)}`,
  );
  await page.getByTestId('order-title').waitFor();
  expect(await page.getByTestId('order-title').textContent()).toBe(number);
  expect(await page.title()).toBe(`Order ${number} · order-hub`);
  expect(await page.getByTestId('order-shipping-summary').textContent()).not.toMatch(/MERCHANT|[A-Z]{4,}/);

  for (const path of [
    '/orders/walmart/0000000000000',
    '/orders/00000000-0000-4000-8000-000000000000',
    '/orders/not-an-id',
  ]) {
    await page.goto(`${api!.baseUrl}${path}`);
    await page.getByTestId('order-not-found').waitFor();
    expect(await page.getByTestId('order-not-found').textContent()).toContain('No such order');
    expect(await page.getByTestId('retry-button').count()).toBe(0);
    expect(await page.getByTestId('error-state').count()).toBe(0);
  }
  await page.getByTestId('order-not-found-inbox').click();
  await page.waitForURL(`${api!.baseUrl}/`);
});

test('on a 390-px phone: sign in, find an order by search, ship it with the dialog fully on screen', async () => {
  const target = (await ordersOf({ view: 'NEW', channel: 'WALMART', fulfillment: ['MERCHANT'] })).orders.find(
    (order) => !order.cancellationRequested,
  );
  expect(target).toBeDefined();
  const phone = await browser!.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const phoneErrors: string[] = [];
  phone.on('pageerror', (error) => phoneErrors.push(error.message));
  try {
    await phone.goto(`${api!.baseUrl}/`);
    await phone.waitForURL((url) => url.pathname === '/sign-in');
    await signInThroughPages(phone, api!.admin);
    await phone.waitForURL(`${api!.baseUrl}/`);
    await phone.getByTestId('search-box').fill(target!.channelOrderId);
    const card = phone.locator('[data-testid="order-row"]', {
      has: phone.locator(`[data-testid="order-number"]:text-is("${target!.channelOrderId}")`),
    });
    await card.waitFor();
    expect(await card.evaluate((element) => element.tagName)).toBe('LI');
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await shot(phone, 'inbox-390');

    await card.getByTestId('order-number').click();
    await phone.waitForURL((url) => url.pathname.startsWith('/orders/walmart/'));
    await phone.getByTestId('action-ship').click();
    const dialog = phone.getByTestId('ship-dialog');
    await dialog.waitFor();
    await dialog.getByTestId('field-carrier').selectOption('UPS');
    await dialog.getByTestId('field-trackingNumber').fill(validUpsNumber());
    await pageWhen(
      phone,
      () => dialog.getByTestId('server-check').textContent(),
      (text) => text === 'Checked with the server.',
      'the server check',
    );
    for (const testId of ['field-trackingNumber', 'ship-submit']) {
      const box = await dialog.getByTestId(testId).boundingBox();
      expect(box).not.toBeNull();
      // The box itself is in the message when an edge is off-screen.
      expect({
        box,
        testId,
        left: box!.x >= 0,
        right: box!.x + box!.width <= 390,
        top: box!.y >= 0,
        bottom: box!.y + box!.height <= 844,
      }).toEqual({
        box,
        testId,
        left: true,
        right: true,
        top: true,
        bottom: true,
      });
    }
    await shot(phone, 'ship-dialog-390');
    await dialog.getByTestId('ship-submit').click();
    await dialog.waitFor({ state: 'detached' });
    await phone.getByTestId('action-outcome').waitFor();
    const after = await ordersOf({ view: 'ALL', search: target!.channelOrderId });
    expect(after.orders.find((order) => order.id === target!.id)?.status).toMatch(/SHIPPED/);
    expect(phoneErrors).toEqual([]);
  } finally {
    await phone.close();
  }
});
