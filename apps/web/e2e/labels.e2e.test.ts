// Buying labels in the hub, in a real browser against the built api and its sandbox: the ship-from address set in
// Settings → Shipping labels; an Amazon order bought through Buy Shipping (cheapest rate, Amazon confirms: no second
// confirmation queued), its label PDF opened; "Buy labels" on a selection, printed as one PDF; a Walmart order bought
// through the provider after the address check, then voided from the order page, which puts it back in the queue. At
// 390 px and by keyboard.
// Needs `npm run build` first.
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startApi, type ApiProcess } from './support/api-process';
import { API_MAIN, launchChromium, requireBuild, SCREENSHOTS, WEB_DIST } from './support/browser';
import { pageWhen } from './support/console-actions';

let api: ApiProcess | undefined;
let browser: Browser | undefined;
let page: Page;
const pageErrors: string[] = [];

interface Account {
  id: string;
  name: string;
  channel: 'AMAZON' | 'WALMART';
}

interface OpenOrder {
  id: string;
  channelOrderId: string;
  status: string;
  shipBy: string | null;
  account: { id: string };
  lines: { quantityOrdered: number; quantityShipped: number; quantityCancelled: number }[];
}

interface OrderFacts {
  status: string;
  labels: { id: string; status: string; trackingNumber: string | null; confirmedByChannel: boolean }[];
  outbox: { operation: string; status: string }[];
  shipments: { trackingNumber: string }[];
}

const ORDER_FACTS = `query ($id: ID!) { order(id: $id) { status labels { id status trackingNumber confirmedByChannel }
  outbox { operation status } shipments { trackingNumber } } }`;
const orderFacts = async (id: string) => (await api!.graphql<{ order: OrderFacts }>(ORDER_FACTS, { id })).order;

const SHIP_FROM = {
  name: 'Order Hub Warehouse',
  line1: '100 Harbor Blvd',
  city: 'Secaucus',
  stateOrRegion: 'NJ',
  postalCode: '07094',
  countryCode: 'US',
  phone: '2015550100',
};

const PARCEL = { lengthIn: '12', widthIn: '9', heightIn: '4', weightOz: '20' };

const screenshot = (name: string) => page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });

/** An open merchant-fulfilled order of the channel, ship-by still ahead, the buyer not asking to cancel. */
async function openOrder(channel: 'AMAZON' | 'WALMART'): Promise<OpenOrder> {
  const { orders } = await api!.graphql<{ orders: { edges: { node: OpenOrder }[] } }>(
    `query ($filter: OrderFilter) { orders(filter: $filter, first: 50) { edges { node { id channelOrderId status shipBy
      account { id } lines { quantityOrdered quantityShipped quantityCancelled } } } } }`,
    {
      filter: {
        channel,
        fulfillment: ['MERCHANT'],
        buyerRequestedCancel: false,
        statuses: ['CREATED', 'ACKNOWLEDGED'],
      },
    },
  );
  const now = Date.now();
  const open = orders.edges
    .map((edge) => edge.node)
    .filter((order) => order.shipBy !== null && Date.parse(order.shipBy) > now + 3_600_000)
    .filter((order) =>
      order.lines.some((line) => line.quantityOrdered > line.quantityShipped + line.quantityCancelled),
    );
  const order = open.find((o) => o.status === 'ACKNOWLEDGED') ?? open[0];
  if (!order) throw new Error(`The demo has no open ${channel} order with ship-by ahead`);
  if (order.status === 'CREATED') {
    await api!.graphql(`mutation ($ids: [ID!]!) { acknowledgeOrders(ids: $ids) { outcome } }`, { ids: [order.id] });
  }
  return order;
}

/** Opens the order, then the ship dialog on "Buy label"; waits for the carriers' rates. */
async function openBuyLabel(order: OpenOrder) {
  await page.goto(`${api!.baseUrl}/orders/${order.id}`);
  await page.getByTestId('action-ship').click();
  await page.getByTestId('ship-mode-label').click();
  // The default preset's box is proposed; the demo's SKUs have no weights, so the package is weighed and typed.
  await pageWhen(
    page,
    () => page.getByTestId('label-lengthIn').inputValue(),
    (v) => v === '12',
    'the preset box',
  );
  for (const [field, value] of Object.entries(PARCEL)) await page.getByTestId(`label-${field}`).fill(value);
  await page.getByTestId('label-get-rates').click();
  const shown = await pageWhen(
    page,
    async () =>
      (await page.getByTestId('label-rate').count()) > 0
        ? 'rates'
        : ((await page.locator('[data-testid="buy-label"] [data-testid="error-state"]').allTextContents()).join(' ') ??
          ''),
    (seen) => seen !== '',
    'the rates or why there are none',
    60_000,
  );
  expect(shown).toBe('rates');
}

/**
 * Clicks Buy and waits for the tracking number; the hub's "try again" (the provider did not answer, nothing bought)
 * is answered as an operator would, once, by clicking Buy again. Any other error fails the test with its words.
 */
async function buyLabel(): Promise<string> {
  const shown = () =>
    pageWhen(
      page,
      async () => ({
        tracking: (await page.getByTestId('label-tracking').allTextContents()).join(''),
        error: (await page.locator('[data-testid="buy-label"] [data-testid="error-message"]').allTextContents()).join(
          ' ',
        ),
      }),
      (seen) => seen.tracking !== '' || seen.error !== '',
      'the bought label or an error',
      60_000,
    );
  await page.getByTestId('label-buy').click();
  let seen = await shown();
  if (seen.error !== '' && /try again/i.test(seen.error)) {
    await page.getByTestId('label-buy').click();
    seen = await shown();
  }
  expect(seen.error).toBe('');
  return seen.tracking;
}

beforeAll(async () => {
  requireBuild();
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

test('the ship-from address is set per account in Settings → Shipping labels, a bad ZIP refused in words', async () => {
  const { channelAccounts } = await api!.graphql<{ channelAccounts: Account[] }>(
    '{ channelAccounts { id name channel } }',
  );
  await page.goto(`${api!.baseUrl}/settings/accounts`);
  await page.getByTestId('accounts-labels-link').click();
  await page.getByTestId('label-settings-page').waitFor();
  for (const account of channelAccounts) {
    const card = page.locator(`[data-testid="ship-from-account"][data-account-id="${account.id}"]`);
    await card.getByTestId('ship-from-edit').click();
    for (const [field, value] of Object.entries(SHIP_FROM)) await card.getByTestId(`ship-from-${field}`).fill(value);
    await card.getByTestId('ship-from-postalCode').fill('0709');
    await card.getByTestId('ship-from-save').click();
    expect(await card.getByTestId('ship-from-postalCode-error').textContent()).toBe(
      'ZIP code must be 5 digits, or ZIP+4 (12345-6789).',
    );
    await card.getByTestId('ship-from-postalCode').fill(SHIP_FROM.postalCode);
    await card.getByTestId('ship-from-save').click();
    await card.getByTestId('ship-from-address').waitFor();
    expect(await card.getByTestId('ship-from-address').innerText()).toContain('Secaucus, NJ 07094');
  }
  const { channelAccounts: saved } = await api!.graphql<{
    channelAccounts: { id: string; shipFrom: { postalCode: string } | null }[];
  }>('{ channelAccounts { id shipFrom { postalCode } } }');
  expect(saved.map((a) => a.shipFrom?.postalCode)).toEqual(channelAccounts.map(() => '07094'));

  // The default package preset, by keyboard-reachable form fields.
  await page.getByTestId('package-preset-add').click();
  await page.getByTestId('preset-name').fill('Medium box');
  await page.getByTestId('preset-lengthIn').fill('12');
  await page.getByTestId('preset-widthIn').fill('9');
  await page.getByTestId('preset-heightIn').fill('0');
  await page.getByTestId('preset-boxWeightOz').fill('4');
  await page.getByTestId('preset-isDefault').check();
  await page.getByTestId('preset-save').click();
  expect(await page.getByTestId('preset-heightIn-error').textContent()).toBe('Height must be more than 0.');
  await page.getByTestId('preset-heightIn').fill('4');
  await page.getByTestId('preset-save').press('Enter');
  await page.getByTestId('package-preset').first().waitFor();
  expect(await page.getByTestId('package-preset').first().textContent()).toContain('12 × 9 × 4 in');
  const { packagePresets } = await api!.graphql<{ packagePresets: { name: string; isDefault: boolean }[] }>(
    '{ packagePresets { name isDefault } }',
  );
  expect(packagePresets).toEqual([{ name: 'Medium box', isDefault: true }]);
});

test('an Amazon order ships with the cheapest Buy Shipping label; Amazon confirms, the hub queues no second confirmation', async () => {
  const order = await openOrder('AMAZON');
  await openBuyLabel(order);
  expect(await page.getByTestId('label-quote-parcel').textContent()).toContain('12 × 9 × 4 in, 1 lb 4 oz');
  const rows = page.getByTestId('label-rate');
  const cheapest = page.locator('[data-testid="label-rate"][data-cheapest="true"]');
  expect(await cheapest.count()).toBe(1);
  const amounts = await page.$$eval('[data-testid="label-rate-amount"]', (cells) =>
    cells.map((cell) => Number(cell.textContent.replace(/[^0-9.]/g, ''))),
  );
  // By keyboard: the rates are one radio group; arrows move the choice, the cheapest is chosen on purpose.
  await rows.first().getByTestId('label-rate-choose').focus();
  if ((await rows.count()) > 1) {
    await page.keyboard.press('ArrowDown');
    expect(await rows.nth(1).getByTestId('label-rate-choose').isChecked()).toBe(true);
  }
  await cheapest.getByTestId('label-rate-choose').check();
  const cheapestAmount = Number(
    (await cheapest.getByTestId('label-rate-amount').textContent())!.replace(/[^0-9.]/g, ''),
  );
  const onTime = await page.$$eval('[data-testid="label-rate"]', (trs) =>
    trs.map((tr) => (tr as HTMLElement).dataset.onTime === 'true'),
  );
  const onTimeAmounts = amounts.filter((_, index) => onTime[index]);
  expect(cheapestAmount).toBe(Math.min(...(onTimeAmounts.length > 0 ? onTimeAmounts : amounts)));
  // Every rate that misses the promise says why in words.
  for (const problem of await page.getByTestId('label-rate-problem').allTextContents())
    expect(problem).toMatch(/\w+ \w+/);

  await screenshot('labels-rates-1440');
  await page.setViewportSize({ width: 390, height: 844 });
  await screenshot('labels-rates-390');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.setViewportSize({ width: 1440, height: 900 });

  const tracking = await buyLabel();
  expect(await page.getByTestId('label-bought').textContent()).toContain('no second confirmation');

  // Print opens the label: a PDF served with the session's cookie.
  const [popup] = await Promise.all([page.waitForEvent('popup'), page.getByTestId('label-print').click()]);
  const documentUrl = popup.url();
  await popup.close();
  expect(new URL(documentUrl).pathname).toMatch(/^\/api\/labels\/[^/]+\/document$/);
  const pdf = await page.request.get(documentUrl);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  const body = await pdf.body();
  expect(body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect((body.toString('latin1').match(/\/Type\s*\/Page\b(?!s)/g) ?? []).length).toBeGreaterThanOrEqual(1);

  await page.getByTestId('label-done').click();
  const status = page.locator('[data-testid="order-header"] .status');
  await pageWhen(
    page,
    () => status.getAttribute('data-status'),
    (s) => s === 'SHIPPED',
    'the order shipped',
  );
  const row = page.getByTestId('order-label');
  await row.waitFor();
  expect(await row.getByTestId('order-label-tracking').textContent()).toBe(tracking.trim());
  expect(await row.getByTestId('order-label-status').textContent()).toContain('Bought');
  await screenshot('labels-amazon-order');

  const facts = await orderFacts(order.id);
  expect(facts.status).toBe('SHIPPED');
  expect(facts.labels).toEqual([expect.objectContaining({ status: 'PURCHASED', confirmedByChannel: true })]);
  expect(facts.shipments.map((s) => s.trackingNumber)).toContain(tracking.trim());
  expect(facts.outbox.filter((entry) => entry.operation === 'SHIP')).toEqual([]);
});

test('"Buy labels" on a selection of Amazon orders buys each at the cheapest rate and prints them as one PDF', async () => {
  const { orders } = await api!.graphql<{
    orders: {
      edges: { node: Omit<OpenOrder, 'lines'> & { lines: { sku: string }[]; cancellationRequested: boolean } }[];
    };
  }>(
    `query ($filter: OrderFilter) { orders(filter: $filter, first: 100) { edges { node { id channelOrderId status shipBy
      cancellationRequested account { id } lines { sku quantityOrdered quantityShipped quantityCancelled } } } } }`,
    { filter: { channel: 'AMAZON', fulfillment: ['MERCHANT'], statuses: ['CREATED', 'ACKNOWLEDGED'] } },
  );
  await page.goto(`${api!.baseUrl}/?view=ALL&channel=AMAZON`);
  const shown = await pageWhen(
    page,
    () => page.$$eval('[data-testid="order-row"]', (rows) => rows.map((row) => row.getAttribute('data-order-id')!)),
    (ids) => ids.length > 0,
    'Amazon orders',
  );
  const two = orders.edges
    .map((edge) => edge.node)
    .filter((o) => shown.includes(o.id) && !o.cancellationRequested)
    .filter((o) => o.shipBy !== null && Date.parse(o.shipBy) > Date.now() + 3_600_000)
    .slice(0, 2);
  expect(two).toHaveLength(2);
  // Weighed SKUs: each order's package is proposed from its preset and the catalog's weights.
  for (const order of two) {
    const res = await api!.graphql<{ setSkuWeights: unknown }>(
      `mutation ($id: ID!, $rows: [SkuWeightInput!]!) { setSkuWeights(accountId: $id, rows: $rows) { __typename } }`,
      { id: order.account.id, rows: order.lines.map((line) => ({ sku: line.sku, weightOz: 8 })) },
    );
    expect(res.setSkuWeights).toBeTruthy();
  }
  for (const order of two)
    await page.locator(`[data-testid="order-row"][data-order-id="${order.id}"] [data-testid="select-order"]`).click();
  await page.getByTestId('bulk-buy-labels').click();
  const dialog = page.getByTestId('bulk-labels-dialog');
  await dialog.waitFor();
  expect(await dialog.getByTestId('bulk-labels-choice-CHEAPEST').isChecked()).toBe(true);
  await dialog.getByTestId('bulk-labels-buy').click();
  const summary = await pageWhen(
    page,
    async () => (await dialog.getByTestId('bulk-labels-summary').allTextContents()).join(''),
    (text) => text !== '',
    'the batch summary',
    90_000,
  );
  expect(summary).toMatch(/^Bought 2 labels for \$\d+\.\d\d\.$/);

  const [popup] = await Promise.all([page.waitForEvent('popup'), dialog.getByTestId('bulk-labels-print').click()]);
  const documentUrl = popup.url();
  await popup.close();
  const pdf = await page.request.get(documentUrl);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  const body = await pdf.body();
  expect(body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  // One file (its pages, two labels and their slips in pick order, are counted by the api's batch test with a parser).
  expect(body.subarray(-8).toString('latin1')).toContain('%%EOF');
  await dialog.getByTestId('bulk-labels-close').click();
  for (const order of two) {
    const facts = await orderFacts(order.id);
    expect(facts.labels.map((l) => [l.status, l.confirmedByChannel])).toEqual([['PURCHASED', true]]);
    expect(facts.outbox.filter((o) => o.operation === 'SHIP')).toEqual([]);
  }
});

test('a Walmart order: the address checked, a provider label bought, then voided from the order page: back in the queue', async () => {
  const order = await openOrder('WALMART');
  // The account holds tracking until the carrier's first scan, so the confirmation waits while the label can be voided.
  await api!.graphql(
    `mutation ($id: ID!, $input: UpdateChannelAccountInput!) { updateChannelAccount(id: $id, input: $input) { id } }`,
    { id: order.account.id, input: { holdTrackingUntilScan: true } },
  );
  await openBuyLabel(order);
  // Never an Amazon carrier on a Walmart order.
  const carriers = await page.$$eval('[data-testid="label-rate"]', (trs) =>
    trs.map((tr) => (tr as HTMLElement).dataset.carrier),
  );
  expect(carriers).not.toContain('AMAZON_LOGISTICS');
  await page.getByTestId('label-address-check').waitFor();
  if ((await page.getByTestId('label-address-suggested').count()) > 0) {
    expect(await page.getByTestId('label-buy').isDisabled()).toBe(true);
    await page.getByTestId('label-address-accept').check();
  }
  await buyLabel();
  await page.getByTestId('label-done').click();

  const status = page.locator('[data-testid="order-header"] .status');
  await pageWhen(
    page,
    () => status.getAttribute('data-status'),
    (s) => s === 'SHIPPED',
    'the order shipped',
  );
  const shipped = await orderFacts(order.id);
  expect(shipped.labels).toEqual([expect.objectContaining({ status: 'PURCHASED', confirmedByChannel: false })]);
  expect(shipped.outbox.map((entry) => entry.operation)).toContain('SHIP');

  // Void, asked once more, by keyboard.
  const row = page.getByTestId('order-label');
  await row.getByTestId('label-void').focus();
  await page.keyboard.press('Enter');
  await page.getByTestId('label-void-confirmation').waitFor();
  await page.keyboard.press('Enter');
  const confirmation = page.getByTestId('label-void-confirmation');
  const refusal = await pageWhen(
    page,
    async () =>
      (await confirmation.count()) === 0
        ? 'closed'
        : ((await confirmation.getByTestId('error-message').allTextContents()).join(' ') ?? ''),
    (seen) => seen !== '',
    'the void done or refused',
    60_000,
  );
  expect(refusal).toBe('closed');
  await pageWhen(
    page,
    () => status.getAttribute('data-status'),
    (s) => s !== null && s !== 'SHIPPED',
    'the order back in the queue',
    60_000,
  );
  await pageWhen(
    page,
    () => row.getAttribute('data-status'),
    (s) => s === 'VOIDED' || s === 'VOID_REQUESTED',
    'the label voided',
  );
  const voided = await orderFacts(order.id);
  expect(['ACKNOWLEDGED', 'CREATED']).toContain(voided.status);
  expect(voided.shipments).toEqual([]);
  expect(voided.labels[0].status).toMatch(/^VOID/);
  await screenshot('labels-walmart-voided');
});
