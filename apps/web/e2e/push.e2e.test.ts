// Order pushes in Chromium against the real api (embedded PGlite, demo data, the sandbox in process, PUBLIC_URL the
// api's own address so the sandbox's Walmart can post back): an ADMIN turns pushes on for the Walmart account from
// the Accounts page at phone width by keyboard, sends a test event and sees it as the last event, and an order the
// seller gets afterwards reaches the inbox through its push, with nobody pressing Sync now.
// Needs `npm run build` first (the api's dist and this app's dist).
import { join } from 'node:path';
import { type Browser, type Page } from 'playwright-core';
import { startApi, type ApiProcess } from './support/api-process';
import { API_MAIN, launchChromium, requireBuild, SCREENSHOTS, WEB_DIST } from './support/browser';
import { pageWhen } from './support/console-actions';
import { inboxWhen } from './support/inbox';
import { demoAccount, sandboxControl } from './support/returns';

let api: ApiProcess | undefined;
let browser: Browser | undefined;
let page: Page;
const pageErrors: string[] = [];

const screenshot = (name: string) => page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });

interface PushEventFacts {
  kind: string;
  channelOrderId: string | null;
  orderId: string | null;
  outcome: string;
}

async function pushEvents(accountId: string): Promise<PushEventFacts[]> {
  const { pushEvents } = await api!.graphql<{ pushEvents: { edges: { node: PushEventFacts }[] } }>(
    `query ($accountId: ID!) { pushEvents(accountId: $accountId, first: 50) { edges { node {
        kind channelOrderId orderId outcome } } } }`,
    { accountId },
  );
  return pushEvents.edges.map((edge) => edge.node);
}

/** Polls the api until `ready` holds for the account's pushes. */
async function pushEventsWhen(accountId: string, ready: (events: PushEventFacts[]) => boolean, what: string) {
  const deadline = Date.now() + 30_000;
  let last: PushEventFacts[] = [];
  while (Date.now() < deadline) {
    last = await pushEvents(accountId);
    if (ready(last)) return last;
    await new Promise((done) => setTimeout(done, 250));
  }
  throw new Error(`The hub never recorded ${what}; last seen: ${JSON.stringify(last)}`);
}

beforeAll(async () => {
  requireBuild();
  api = await startApi(API_MAIN, WEB_DIST);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 390, height: 844 } });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await api.openAs(page, api.admin, '/settings/accounts');
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await api?.stop();
});

afterEach(() => expect(pageErrors).toEqual([]));

test('an ADMIN turns Walmart pushes on, a test event shows as the last event, and a new order arrives by its push', async () => {
  const walmart = demoAccount(api!, 'WALMART');
  const row = page.locator(`[data-testid="account-row"][data-account-id="${walmart.hubId}"]`);
  const headline = row.getByTestId('push-headline');
  expect(await headline.textContent()).toMatch(/^Pushes off — polling every \d+ (s|min)$/);

  // At phone width, by keyboard.
  await row.getByTestId('push-open').focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: /^Order pushes · / });
  await dialog.waitFor();
  const box = (await dialog.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(390);
  expect(await dialog.evaluate((el) => el.contains(document.activeElement))).toBe(true);
  await dialog.getByTestId('push-subscribe').focus();
  await page.keyboard.press('Enter');
  await pageWhen(
    page,
    () => dialog.getByTestId('push-dialog-headline').textContent(),
    (text) => text?.startsWith('Pushes on · ') === true,
    'pushes on',
  );
  expect(await dialog.getByTestId('push-webhook-url').inputValue()).toBe(`${api!.baseUrl}/push/${walmart.hubId}`);
  expect(await dialog.getByTestId('push-subscribed').textContent()).toContain(`by ${api!.admin.email}`);
  expect(await dialog.getByTestId('push-last-event').textContent()).toBe('none yet');

  await dialog.getByTestId('push-test').focus();
  await page.keyboard.press('Enter');
  await dialog.getByTestId('push-action-done').waitFor();
  // Walmart posts the test event to the hub; the open panel refreshes on its own.
  await pageWhen(
    page,
    () => dialog.getByTestId('push-last-event').textContent(),
    (text) => text === 'just now',
    'the test event as the last event',
  );
  expect(await dialog.getByTestId('push-last-test').textContent()).toBe('just now');
  await pushEventsWhen(walmart.hubId, (events) => events.some((e) => e.outcome === 'TEST'), 'the test event');
  await screenshot('push-panel-on');
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  expect(await headline.textContent()).toMatch(/^Pushes on · last event just now · \d+ today · 0 missed$/);
  await row.scrollIntoViewIfNeeded();
  await screenshot('push-accounts-phone');

  // The seller gets an order: Walmart pushes PO_CREATED, the hub reads the order and stores it.
  const { orderIds } = await sandboxControl<{ orderIds: string[] }>(api!, '/orders/generate', {
    accountId: walmart.sandboxAccountId,
    count: 1,
    placedWithinHours: 1,
    mix: { channelFulfilled: 0, intentToCancel: 0 },
  });
  const [purchaseOrderId] = orderIds;
  const events = await pushEventsWhen(
    walmart.hubId,
    (list) => list.some((e) => e.channelOrderId === purchaseOrderId && e.outcome === 'STORED'),
    `the push for ${purchaseOrderId} stored`,
  );
  const pushed = events.find((e) => e.channelOrderId === purchaseOrderId && e.outcome === 'STORED')!;
  expect(pushed.kind).toBe('ORDER_CREATED');
  expect(pushed.orderId).not.toBeNull();

  await page.goto(`${api!.baseUrl}/?view=ALL&q=${purchaseOrderId}`);
  await inboxWhen(
    page,
    (inbox) => inbox.rows.some((r) => r.number === purchaseOrderId && r.channel === 'WALMART'),
    `the pushed order ${purchaseOrderId}`,
  );
  await screenshot('push-order-in-inbox');
}, 150_000);
