// Hold tracking until it scans, and the evidence record's carrier facts (issue 15), in Chromium against the real api
// (embedded PGlite, demo data, the demo's sandbox with its EasyPost simulator): an ADMIN turns the hold on in the
// account form, a confirmation made through the api is held with its release deadline on the order page, an
// OPERATOR sends it now by keyboard and Walmart gets it only then; a supplier's CSV shipment shows where it came
// from and its carrier timeline on the evidence page. Needs `npm run build` first, like console.e2e.test.ts.
import { join } from 'node:path';
import { type Browser, type Locator, type Page } from 'playwright-core';
import { startApi, type ApiProcess } from './support/api-process';
import { signOutThroughMenu } from './support/sign-in-page';
import { API_MAIN, launchChromium, requireBuild, SCREENSHOTS, WEB_DIST } from './support/browser';
import { pageWhen, validUpsNumber } from './support/console-actions';
import { createParcel, deliverWebhooks } from './support/easypost';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const WALMART_ACCOUNT = 'Demo Walmart US';

let api: ApiProcess | undefined;
let baseUrl: string;
let browser: Browser | undefined;
let page: Page;
const pageErrors: string[] = [];

const screenshot = (name: string) =>
  page.screenshot({ path: join(SCREENSHOTS, `tracking-hold-${name}.png`), fullPage: true });

interface OpenOrder {
  id: string;
  channelOrderId: string;
  shipBy: string | null;
  fulfillmentMethod: string;
  shipTo: { city: string; stateOrRegion: string; postalCode: string } | null;
  lines: { lineNumber: string; quantityOrdered: number }[];
  shipments: { id: string }[];
  account: { timeZone: string };
}

interface Hold {
  shipmentId: string;
  outboxEntryId: string;
  trackingNumber: string;
  releaseBy: string;
  releasedAt: string | null;
  releaseReason: string | null;
}

/** Open Walmart orders the seller ships, with nothing shipped yet and a US ship-to, ship-by furthest away first. */
async function openWalmartOrders(): Promise<OpenOrder[]> {
  const { orders } = await api!.graphql<{ orders: { edges: { node: { id: string } }[] } }>(
    '{ orders(filter: { channel: WALMART, statuses: [CREATED, ACKNOWLEDGED] }, first: 50) { edges { node { id } } } }',
  );
  const found: OpenOrder[] = [];
  for (const { node } of orders.edges) {
    const { order } = await api!.graphql<{ order: OpenOrder | null }>(`{ order(id: ${JSON.stringify(node.id)}) {
      id channelOrderId shipBy fulfillmentMethod shipTo { city stateOrRegion postalCode } lines { lineNumber quantityOrdered }
      shipments { id } account { timeZone } } }`);
    if (
      order?.fulfillmentMethod === 'MERCHANT' &&
      order.shipTo &&
      order.shipments.length === 0 &&
      /^\d{5}/.test(order.shipTo.postalCode)
    )
      found.push(order);
  }
  return found.sort((a, b) => Date.parse(b.shipBy ?? '') - Date.parse(a.shipBy ?? ''));
}

const orderHolds = async (orderId: string) =>
  (
    await api!.graphql<{
      order: { trackingHolds: Hold[]; outbox: { id: string; operation: string; status: string; attempts: number }[] };
    }>(`{ order(id: ${JSON.stringify(orderId)}) {
      trackingHolds { shipmentId outboxEntryId trackingNumber releaseBy releasedAt releaseReason }
      outbox { id operation status attempts } } }`)
  ).order;

/** Polls the api until `ready` holds, posting the sandbox's due webhooks on the way. */
async function apiWhen<T>(read: () => Promise<T>, ready: (value: T) => boolean, what: string, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  while (Date.now() < deadline) {
    last = await read();
    if (ready(last)) return last;
    await deliverWebhooks(api!);
    await new Promise((done) => setTimeout(done, 1_000));
  }
  throw new Error(`The api never had ${what}; last seen: ${JSON.stringify(last)}`);
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

let held: { order: OpenOrder; hold: Hold } | undefined;

test('an ADMIN turns on "Hold tracking until it scans" for the Walmart account in its edit form', async () => {
  const accounts = async () =>
    (
      await api!.graphql<{ channelAccounts: { name: string; holdTrackingUntilScan: boolean }[] }>(
        '{ channelAccounts { name holdTrackingUntilScan } }',
      )
    ).channelAccounts;
  expect((await accounts()).find((account) => account.name === WALMART_ACCOUNT)?.holdTrackingUntilScan).toBe(false);

  await page.goto(`${baseUrl}/settings/accounts`);
  const row = page.locator(`[data-testid="account-row"][data-account-name="${WALMART_ACCOUNT}"]`);
  await row.getByTestId('edit-account-button').click();
  const form = page.getByTestId('edit-account');
  const hold = form.getByTestId('field-holdTrackingUntilScan');
  expect(await hold.isChecked()).toBe(false);
  expect(await form.getByText('Hold tracking until it scans').count()).toBe(1);
  await hold.check();
  await form.getByTestId('account-save').click();
  await form.waitFor({ state: 'detached' });

  const saved = await apiWhen(
    accounts,
    (list) => list.find((account) => account.name === WALMART_ACCOUNT)?.holdTrackingUntilScan === true,
    'the hold turned on',
    20_000,
  );
  // Only the account edited.
  expect(saved.filter((account) => account.holdTrackingUntilScan).map((account) => account.name)).toEqual([
    WALMART_ACCOUNT,
  ]);
});

test('a confirmation through the api is held: the order page shows the hold and its release deadline', async () => {
  // Far enough from ship-by that the deadline (ship-by less the policy's margin) is hours away.
  const order = (await openWalmartOrders()).find((o) => o.shipBy && Date.parse(o.shipBy) > Date.now() + 6 * HOUR);
  if (!order) throw new Error('The demo has no open Walmart order with ship-by more than 6 hours away');
  const trackingNumber = validUpsNumber();
  // The label is printed but the parcel never reaches the carrier: nothing releases the hold but the deadline.
  await createParcel(api!, {
    carrier: 'UPS',
    trackingCode: trackingNumber,
    shippedAt: new Date().toISOString(),
    shipTo: {
      city: order.shipTo!.city,
      state: order.shipTo!.stateOrRegion,
      zip: order.shipTo!.postalCode.slice(0, 5),
    },
    fault: { fault: 'NO_SCAN' },
  });
  const lines = order.lines.map(
    (line) => `{ lineNumber: ${JSON.stringify(line.lineNumber)}, quantity: ${line.quantityOrdered} }`,
  );
  const { confirmShipment } = await api!.graphql<{ confirmShipment: { shipment: { id: string } } }>(
    `mutation { confirmShipment(input: {
      orderId: ${JSON.stringify(order.id)}, carrier: UPS, trackingNumber: ${JSON.stringify(trackingNumber)},
      shippedAt: ${JSON.stringify(new Date().toISOString())}, lines: [${lines.join(', ')}] }) { shipment { id } } }`,
  );
  const facts = await orderHolds(order.id);
  expect(facts.trackingHolds).toHaveLength(1);
  const hold = facts.trackingHolds[0];
  expect(hold).toMatchObject({ shipmentId: confirmShipment.shipment.id, trackingNumber, releasedAt: null });
  expect(Date.parse(hold.releaseBy)).toBeLessThan(Date.parse(order.shipBy!));
  expect(Date.parse(hold.releaseBy)).toBeGreaterThan(Date.now());
  // Walmart has not been told: the held SHIP call has made no attempt.
  const ship = facts.outbox.find((entry) => entry.id === hold.outboxEntryId)!;
  expect(ship).toMatchObject({ operation: 'SHIP', attempts: 0 });
  expect(ship.status).not.toBe('DELIVERED');
  held = { order, hold };

  await page.goto(`${baseUrl}/orders/${order.id}`);
  const shown = page.locator(`[data-testid="tracking-hold"][data-shipment-id="${hold.shipmentId}"]`);
  await shown.waitFor();
  expect(await shown.getAttribute('data-released')).toBe('false');
  expect(await shown.textContent()).toContain(trackingNumber);
  const releaseBy = shown.getByTestId('tracking-hold-release-by');
  expect(await releaseBy.getAttribute('datetime')).toBe(hold.releaseBy);
  // In the account's zone, named: "Dec 4, 14:00 PST".
  const expected = new Intl.DateTimeFormat('en-US', {
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: order.account.timeZone,
  }).format(new Date(hold.releaseBy));
  expect(await releaseBy.textContent()).toContain(expected);
  expect(await shown.getByTestId('tracking-hold-state').textContent()).toMatch(
    /^Sent to the channel at the first scan, or by .+ \(in \d+ (min|h|d)\)$/,
  );
  // An ADMIN may confirm too; the button is there and enabled.
  expect(await shown.getByTestId('tracking-hold-confirm').isDisabled()).toBe(false);
  await screenshot('held');
});

test('an OPERATOR presses "Confirm now" by keyboard: the hold shows as released by an operator and Walmart gets it', async () => {
  if (!held) throw new Error('No held shipment from the previous test');
  const { order, hold } = held;
  const operator = await api!.addPerson({ email: 'operator@e2e.test', name: 'E2E Operator', role: 'OPERATOR' });
  await signOutThroughMenu(page);
  await api!.signIn(page, operator);

  await page.setViewportSize({ width: 390, height: 844 });
  try {
    await page.goto(`${baseUrl}/orders/${order.id}`);
    const shown = page.locator(`[data-testid="tracking-hold"][data-shipment-id="${hold.shipmentId}"]`);
    await shown.waitFor();
    const panel = page.getByTestId('tracking-holds');
    expect(await panel.evaluate((element) => element.scrollWidth - element.clientWidth)).toBeLessThanOrEqual(0);
    expect((await panel.boundingBox())!.width).toBeLessThanOrEqual(390);
    const confirm = shown.getByTestId('tracking-hold-confirm');
    await pageWhen(
      page,
      () => confirm.isDisabled(),
      (disabled) => !disabled,
      'Confirm now enabled for an OPERATOR',
    );
    await confirm.focus();
    await page.keyboard.press('Enter');

    await pageWhen(
      page,
      () => shown.getAttribute('data-released'),
      (released) => released === 'true',
      'the hold released',
    );
    expect(await shown.getByTestId('tracking-hold-state').textContent()).toMatch(
      /^Sent to the channel by an operator \(Confirm now\), \w{3} \d{1,2}, \d{2}:\d{2} /,
    );
    expect(await shown.getByTestId('tracking-hold-confirm').count()).toBe(0);
    await screenshot('released-390');
  } finally {
    await page.setViewportSize({ width: 1440, height: 900 });
  }

  const after = await orderHolds(order.id);
  expect(after.trackingHolds.find((h) => h.shipmentId === hold.shipmentId)).toMatchObject({
    releaseReason: 'MANUAL',
    releasedAt: expect.any(String),
  });
  // Released, the SHIP call goes to Walmart.
  await apiWhen(
    () => orderHolds(order.id),
    (facts) => facts.outbox.find((entry) => entry.id === hold.outboxEntryId)?.status === 'DELIVERED',
    'the released confirmation delivered to Walmart',
    60_000,
  );
});

interface EvidenceFacts {
  orderEvidence: {
    shipments: {
      id: string;
      trackingNumber: string | null;
      origin: string;
      tracking: { firstScanAt: string | null; deliveredAt: string | null; addressMatch: string | null } | null;
      events: { type: string; status: string | null; occurredAt: string; location: string | null }[];
    }[];
  };
}

test('a supplier’s CSV shipment on the evidence page: where it came from and the carrier timeline with places', async () => {
  const order = (await openWalmartOrders()).find((o) => o.id !== held?.order.id);
  if (!order) throw new Error('The demo has no other open Walmart order to ship');
  const trackingNumber = validUpsNumber();
  // The carrier took the parcel three days ago: by now its whole story (first scan to delivery) has happened.
  await createParcel(api!, {
    carrier: 'UPS',
    trackingCode: trackingNumber,
    shippedAt: new Date(Date.now() - 3 * DAY).toISOString(),
    shipTo: { city: order.shipTo!.city, state: order.shipTo!.stateOrRegion, zip: order.shipTo!.postalCode.slice(0, 5) },
  });

  // The OPERATOR uploads the supplier's file, naming the supplier.
  const csv = [
    'order,line,quantity,carrier,tracking',
    ...order.lines.map(
      (line) => `${order.channelOrderId},${line.lineNumber},${line.quantityOrdered},UPS,${trackingNumber}`,
    ),
  ].join('\n');
  await page.goto(`${baseUrl}/shipments/upload`);
  await page.getByTestId('shipments-upload-page').waitFor();
  await page
    .getByTestId('csv-file')
    .setInputFiles({ name: 'acme-1203.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await pageWhen(
    page,
    () => page.getByTestId('csv-file-name').inputValue(),
    (name) => name === 'acme-1203.csv',
    'the file name taken from the file',
  );
  // By keyboard at 390 px: from the file name past the list of the hub's suppliers to a supplier's name typed as it
  // is (none of the hub's), then to Upload; nothing scrolls sideways.
  await page.setViewportSize({ width: 390, height: 844 });
  try {
    const upload = page.getByTestId('shipments-upload-page');
    expect(await upload.evaluate((element) => element.scrollWidth - element.clientWidth)).toBeLessThanOrEqual(0);
    expect((await upload.boundingBox())!.width).toBeLessThanOrEqual(390);
    const focused = (locator: Locator) => locator.evaluate((element) => element === document.activeElement);
    await page.getByTestId('csv-file-name').focus();
    await page.keyboard.press('Tab');
    expect(await focused(page.getByLabel('From supplier (optional)'))).toBe(true);
    await page.keyboard.press('Tab');
    expect(await focused(page.getByLabel('Supplier (optional)', { exact: true }))).toBe(true);
    await page.keyboard.type('Acme Supply');
    await upload.screenshot({ path: join(SCREENSHOTS, 'tracking-hold-csv-upload-390.png') });
  } finally {
    await page.setViewportSize({ width: 1440, height: 900 });
  }
  await page.getByTestId('csv-upload').click();
  await pageWhen(
    page,
    // The summary, and on a refusal the rows' reasons (so a failure says why).
    async () => {
      const why = await page.locator('[data-testid="csv-results"], [data-testid="error-state"]').allTextContents();
      return `${await page.getByTestId('csv-summary').textContent()} ${why.join(' ')}`;
    },
    (summary) => summary.startsWith(`${order.lines.length} applied · 0 refused`),
    'every row applied',
  );

  const evidence = await apiWhen(
    () =>
      api!.graphql<EvidenceFacts>(`{ orderEvidence(orderId: ${JSON.stringify(order.id)}) { shipments {
      id trackingNumber origin tracking { firstScanAt deliveredAt addressMatch }
      events { type status occurredAt location } } } }`),
    (facts) =>
      facts.orderEvidence.shipments.some((s) => s.trackingNumber === trackingNumber && s.tracking?.deliveredAt),
    'the CSV shipment followed to its delivery',
  );
  const shipment = evidence.orderEvidence.shipments.find((s) => s.trackingNumber === trackingNumber)!;
  expect(shipment.origin).toContain('Acme Supply');
  expect(shipment.origin).toContain('acme-1203.csv');

  await page.goto(`${baseUrl}/orders/${order.id}/evidence`);
  const card = page.locator(`[data-testid="evidence-shipment"][data-shipment-id="${shipment.id}"]`);
  await card.waitFor();
  expect(await card.getByTestId('evidence-shipment-origin').textContent()).toBe(shipment.origin);
  expect(await card.getByTestId('evidence-tracking-headline').getAttribute('data-phase')).toBe('DELIVERED');
  expect(await card.getByTestId('evidence-first-scan').textContent()).toMatch(/^\w{3} \d{1,2}, \d{2}:\d{2} /);
  expect(await card.getByTestId('evidence-address-match').getAttribute('data-match')).toBe(
    shipment.tracking!.addressMatch,
  );

  // The order page's timeline: each status line the api holds, in words, oldest first, with its place.
  const shown = await card.getByTestId('carrier-event').evaluateAll((items) =>
    items.map((item) => ({
      type: (item as HTMLElement).dataset.type ?? '',
      status: (item as HTMLElement).dataset.status || null,
      time: item.querySelector('time')?.getAttribute('datetime') ?? null,
      label: item.querySelector('[data-testid="carrier-event-label"]')?.textContent ?? '',
      place: item.querySelector('[data-testid="carrier-event-place"]')?.textContent ?? '',
    })),
  );
  const statusLines = shipment.events.filter((event) => event.type === 'STATUS');
  expect(statusLines.length).toBeGreaterThan(2);
  expect(shown.filter((line) => line.type === 'STATUS').map((line) => [line.status, line.time])).toEqual(
    statusLines.map((event) => [event.status, event.occurredAt]),
  );
  for (const line of shown) expect(line.label).not.toMatch(/_|[A-Z]{3,}/);
  const deliveredEvent = statusLines.find((event) => event.status === 'DELIVERED')!;
  expect(shown.find((line) => line.status === 'DELIVERED')?.place).toBe(` · ${deliveredEvent.location}`);
  await card.scrollIntoViewIfNeeded();
  await screenshot('evidence');

  // At 390 px the shipment's facts and timeline fit without scrolling sideways.
  await page.setViewportSize({ width: 390, height: 844 });
  try {
    await card.waitFor();
    expect(await card.evaluate((element) => element.scrollWidth - element.clientWidth)).toBeLessThanOrEqual(0);
    await card.screenshot({ path: join(SCREENSHOTS, 'tracking-hold-evidence-390.png') });
  } finally {
    await page.setViewportSize({ width: 1440, height: 900 });
  }
});
