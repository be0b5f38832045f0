// Carrier scans in the console (issue 15), in Chromium against the real api (embedded PGlite, demo data, the demo's
// sandbox with its EasyPost simulator): a parcel delivered to another ZIP shows its carrier timeline and the
// mismatch on the order page, and the compliance page says how fresh its carrier data is and shows the address
// mismatch metric. Needs `npm run build` first, like console.e2e.test.ts.
import { join } from 'node:path';
import { type Browser, type Page } from 'playwright-core';
import { startApi, type ApiProcess } from './support/api-process';
import { API_MAIN, launchChromium, requireBuild, SCREENSHOTS, WEB_DIST } from './support/browser';
import { pageWhen, validUpsNumber } from './support/console-actions';
import { metricCard } from './support/compliance';
import { createParcel, deliverWebhooks, type SandboxPlace } from './support/easypost';

const DAY = 24 * 3_600_000;

let api: ApiProcess | undefined;
let baseUrl: string;
let browser: Browser | undefined;
let page: Page;
const pageErrors: string[] = [];

const screenshot = (name: string) =>
  page.screenshot({ path: join(SCREENSHOTS, `carrier-${name}.png`), fullPage: true });

interface OrderFacts {
  order: {
    id: string;
    shipTo: { city: string; stateOrRegion: string; postalCode: string } | null;
    lines: { lineNumber: string; quantityOrdered: number }[];
    shipments: {
      id: string;
      trackingNumber: string | null;
      tracking: {
        state: string;
        status: string | null;
        publicUrl: string | null;
        firstScanAt: string | null;
        deliveredAt: string | null;
        addressMatch: string | null;
        deliveredTo: { city: string | null; state: string | null; zip: string | null } | null;
      } | null;
      carrierEvents: {
        type: string;
        status: string | null;
        occurredAt: string | null;
        location: { city: string | null; state: string | null; zip: string | null } | null;
        source: string;
      }[];
    }[];
  } | null;
}

const orderFacts = (id: string) =>
  api!.graphql<OrderFacts>(`{ order(id: ${JSON.stringify(id)}) {
    id shipTo { city stateOrRegion postalCode } lines { lineNumber quantityOrdered }
    shipments { id trackingNumber
      tracking { state status publicUrl firstScanAt deliveredAt addressMatch deliveredTo { city state zip } }
      carrierEvents { type status occurredAt location { city state zip } source } } } }`);

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

/** The order the scenario ships, and where its parcel really went. */
let delivered: { orderId: string; trackingNumber: string; shipTo: SandboxPlace; deliveredTo: SandboxPlace };

test('a parcel delivered to another ZIP: the order page shows its carrier timeline, places and the mismatch', async () => {
  const { orders } = await api!.graphql<{ orders: { edges: { node: { id: string } }[] } }>(
    '{ orders(filter: { channel: WALMART, statuses: [CREATED, ACKNOWLEDGED] }, first: 20) { edges { node { id } } } }',
  );
  let target: NonNullable<OrderFacts['order']> | null = null;
  for (const { node } of orders.edges) {
    const { order } = await orderFacts(node.id);
    if (order?.shipTo && order.shipments.length === 0 && /^\d{5}/.test(order.shipTo.postalCode)) {
      target = order;
      break;
    }
  }
  if (!target?.shipTo) throw new Error('The demo has no open Walmart order with a US ship-to left to ship');
  const shipTo = {
    city: target.shipTo.city,
    state: target.shipTo.stateOrRegion,
    zip: target.shipTo.postalCode.slice(0, 5),
  };
  // Another ZIP in another city: the carrier's delivery location the rules must call a mismatch.
  const deliveredTo =
    shipTo.zip === '10001'
      ? { city: 'Austin', state: 'TX', zip: '78701' }
      : { city: 'New York', state: 'NY', zip: '10001' };
  const trackingNumber = validUpsNumber();
  // The carrier took the parcel three days ago: by now its whole story (first scan to delivery) has happened.
  await createParcel(api!, {
    carrier: 'UPS',
    trackingCode: trackingNumber,
    shippedAt: new Date(Date.now() - 3 * DAY).toISOString(),
    shipTo,
    fault: { fault: 'DELIVERED_ELSEWHERE', deliveredTo },
  });
  const lines = target.lines.map(
    (line) => `{ lineNumber: ${JSON.stringify(line.lineNumber)}, quantity: ${line.quantityOrdered} }`,
  );
  await api!.graphql(`mutation { confirmShipment(input: {
    orderId: ${JSON.stringify(target.id)}, carrier: UPS, trackingNumber: ${JSON.stringify(trackingNumber)},
    shippedAt: ${JSON.stringify(new Date().toISOString())}, lines: [${lines.join(', ')}] }) { shipment { id } } }`);
  delivered = { orderId: target.id, trackingNumber, shipTo, deliveredTo };

  const { order } = await apiWhen(
    () => orderFacts(target.id),
    (facts) => facts.order?.shipments[0]?.tracking?.addressMatch === 'MISMATCH',
    'the parcel followed to its delivery at another address',
  );
  const shipment = order!.shipments[0];
  const events = shipment.carrierEvents;
  expect(events.map((event) => event.type)).toEqual(expect.arrayContaining(['SCANNED', 'DELIVERED']));

  await page.goto(`${baseUrl}/orders/${target.id}`);
  const card = page.locator(`[data-testid="carrier-shipment"][data-shipment-id="${shipment.id}"]`);
  await card.waitFor();
  expect(await card.getAttribute('data-phase')).toBe('DELIVERED');
  expect(await card.getByTestId('carrier-headline').textContent()).toMatch(/^Delivered/);

  // Every event the api holds, oldest first, in words with its time, place and source: each status change a line,
  // the milestones among them (first scan, delivery) tags on their line.
  const shown = await card.getByTestId('carrier-event').evaluateAll((items) =>
    items.map((item) => ({
      type: (item as HTMLElement).dataset.type ?? '',
      status: (item as HTMLElement).dataset.status || null,
      milestones: ((item as HTMLElement).dataset.milestones ?? '').split(' ').filter(Boolean),
      label: item.querySelector('[data-testid="carrier-event-label"]')?.textContent ?? '',
      time: item.querySelector('time')?.getAttribute('datetime') ?? null,
      place: item.querySelector('[data-testid="carrier-event-place"]')?.textContent ?? '',
      source: item.querySelector('[data-testid="carrier-event-source"]')?.textContent ?? '',
    })),
  );
  const statusLines = (
    list: { type: string; status: string | null; time?: string | null; occurredAt?: string | null }[],
  ) => list.filter((event) => event.type === 'STATUS').map((event) => [event.status, event.time ?? event.occurredAt]);
  expect(statusLines(shown)).toEqual(statusLines(events));
  expect(statusLines(shown).length).toBeGreaterThan(2);
  for (const milestone of events.filter((event) => event.type !== 'STATUS')) {
    const line = shown.find(
      (event) =>
        event.time === milestone.occurredAt &&
        (event.type === milestone.type || event.milestones.includes(milestone.type)),
    );
    expect(line).toBeDefined();
  }
  for (const event of shown) {
    expect(event.label).not.toMatch(/_|[A-Z]{3,}/);
    expect(event.source).toBe('from the carrier, via the tracking provider');
  }
  const deliveredLine = shown.find((event) => event.status === 'DELIVERED')!;
  expect(deliveredLine.label).toBe('Delivered');
  expect(deliveredLine.place).toContain(deliveredTo.zip);
  const firstScan = events.find((event) => event.type === 'SCANNED')!;
  expect(shown.find((event) => event.milestones.includes('SCANNED'))?.time).toBe(firstScan.occurredAt);
  expect(await card.locator('[data-testid="carrier-event-milestone"]', { hasText: 'First carrier scan' }).count()).toBe(
    1,
  );

  const verdict = card.getByTestId('carrier-address-match');
  expect(await verdict.getAttribute('data-match')).toBe('MISMATCH');
  const verdictText = (await verdict.textContent()) ?? '';
  expect(verdictText).toMatch(/^Delivered to another address: /);
  expect(verdictText).toContain(deliveredTo.zip);
  expect(verdictText).toContain(shipTo.zip);
  expect(await card.getByTestId('carrier-first-scan').textContent()).not.toBe('—');

  const link = card.getByTestId('carrier-public-link');
  if (shipment.tracking!.publicUrl) expect(await link.getAttribute('href')).toBe(shipment.tracking!.publicUrl);
  expect(await link.getAttribute('href')).toMatch(/^https?:\/\//);
  await screenshot('order-delivered-elsewhere');
});

test('the carrier timeline reads at 390 px wide without scrolling sideways', async () => {
  await page.setViewportSize({ width: 390, height: 844 });
  try {
    await page.goto(`${baseUrl}/orders/${delivered.orderId}`);
    const panel = page.getByTestId('carrier-tracking');
    await panel.waitFor();
    const overflow = await panel.evaluate((element) => element.scrollWidth - element.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const box = await panel.boundingBox();
    expect(box!.width).toBeLessThanOrEqual(390);
    await panel.screenshot({ path: join(SCREENSHOTS, 'carrier-timeline-390.png') });
  } finally {
    await page.setViewportSize({ width: 1440, height: 900 });
  }
});

interface ComplianceFacts {
  complianceReport: {
    carrierData: {
      provider: string | null;
      enabled: boolean;
      asOf: string | null;
      lastError: string | null;
      note: string;
    };
    metrics: {
      key: string;
      category: string | null;
      numerator: number;
      denominator: number;
      awaitingFirstScan: number;
      carrierData: { usesCarrierData: boolean; asOf: string | null; note: string };
    }[];
  };
}

const complianceFacts = (asOf?: string) =>
  api!.graphql<ComplianceFacts>(`{ complianceReport(channel: WALMART${asOf ? `, asOf: ${JSON.stringify(asOf)}` : ''}) {
    carrierData { provider enabled asOf lastError note }
    metrics { key category numerator denominator awaitingFirstScan carrierData { usesCarrierData asOf note } } } }`);

test('the Walmart compliance page: the carrier data line, each metric’s carrier data, and the address mismatch metric', async () => {
  await apiWhen(
    () => complianceFacts(),
    (facts) =>
      (facts.complianceReport.metrics.find((metric) => metric.key === 'ADDRESS_MISMATCH_RATE')?.numerator ?? 0) > 0,
    'the mismatch counted in the report',
  );

  // The demo's parcels keep moving: hold the page to the report of the instant it shows ("As of").
  const [report, shownRatio] = await pageWhen(
    page,
    async () => {
      await page.goto(`${baseUrl}/compliance/walmart`);
      await page.getByTestId('compliance-carrier-data').waitFor();
      const asOf = (await page.getByTestId('compliance-as-of').getAttribute('data-as-of'))!;
      const facts = await complianceFacts(asOf);
      const ratio = await metricCard(page, 'ADDRESS_MISMATCH_RATE').getByTestId('metric-ratio').textContent();
      const carrierAsOf = await page.getByTestId('compliance-carrier-data').getAttribute('data-as-of');
      return [facts.complianceReport, ratio, carrierAsOf] as const;
    },
    // The provider's last sync moves the carrier data's as-of between the page's read and ours: read both again.
    ([facts, ratio, carrierAsOf]) => {
      const mismatch = facts.metrics.find((metric) => metric.key === 'ADDRESS_MISMATCH_RATE')!;
      return ratio === `${mismatch.numerator} of ${mismatch.denominator}` && carrierAsOf === facts.carrierData.asOf;
    },
    'the address mismatch ratio and carrier data time of the report it says it shows',
    60_000,
  );
  const mismatch = report.metrics.find((metric) => metric.key === 'ADDRESS_MISMATCH_RATE')!;
  expect(mismatch.numerator).toBeGreaterThan(0);
  expect(shownRatio).toBe(`${mismatch.numerator} of ${mismatch.denominator}`);

  const line = page.getByTestId('compliance-carrier-data');
  expect(report.carrierData.enabled).toBe(true);
  expect(report.carrierData.asOf).not.toBeNull();
  expect(await line.textContent()).toMatch(
    // The time names its zone ("Dec 3, 20:31 UTC").
    new RegExp(`^Carrier data as of \\w{3} \\d{1,2}, \\d{2}:\\d{2} [A-Z][\\w+:-]* \\(EasyPost\\)`),
  );
  expect(await line.getAttribute('data-as-of')).toBe(report.carrierData.asOf);

  for (const metric of report.metrics) {
    const card = metricCard(page, metric.category ? `${metric.key}:${metric.category}` : metric.key);
    const carrier = card.getByTestId('metric-carrier-data');
    expect(await carrier.getAttribute('data-uses-carrier-data')).toBe(String(metric.carrierData.usesCarrierData));
    const text = (await carrier.textContent()) ?? '';
    if (!metric.carrierData.usesCarrierData) expect(text).toBe('Not based on carrier scans');
    else if (metric.carrierData.asOf)
      expect(text).toMatch(/^Carrier scans as of \w{3} \d{1,2}, \d{2}:\d{2} [A-Z][\w+:-]*$/);
    else expect(text).toBe(metric.carrierData.note);
  }

  const card = metricCard(page, 'ADDRESS_MISMATCH_RATE');
  expect(await card.getByTestId('metric-value').textContent()).toMatch(/^\d+(\.\d{1,2})?%$/);
  expect(await card.getByTestId('metric-window').textContent()).toMatch(/^30 days: /);
  expect(await card.getByTestId('metric-carrier-data').getAttribute('data-uses-carrier-data')).toBe('true');
  await card.scrollIntoViewIfNeeded();
  await screenshot('compliance-walmart');

  // The metric's orders hold the order whose parcel went elsewhere.
  await card.getByTestId('metric-orders-toggle').click();
  const set = card.locator('[data-testid="metric-order-set"][data-set="NUMERATOR"]');
  if ((await set.count()) > 0) await set.click();
  await pageWhen(
    page,
    () =>
      card
        .getByTestId('metric-order-row')
        .evaluateAll((rows) => rows.map((row) => (row as HTMLElement).dataset.orderId)),
    (ids) => ids.includes(delivered.orderId),
    'the mismatched order among the metric’s orders',
  );
});

test('the inbox’s "Shipped, no scan yet" view counts and lists what the api does', async () => {
  const apiView = async () => {
    const facts = await api!.graphql<{
      orderViewCounts: { view: string; count: number }[];
      orders: { totalCount: number };
    }>('{ orderViewCounts { view count } orders(filter: { view: SHIPPED_NO_SCAN }, first: 1) { totalCount } }');
    return {
      count: facts.orderViewCounts.find((entry) => entry.view === 'SHIPPED_NO_SCAN')?.count ?? -1,
      total: facts.orders.totalCount,
    };
  };
  await page.goto(`${baseUrl}/?view=SHIPPED_NO_SCAN`);
  const tab = page.getByTestId('tab-SHIPPED_NO_SCAN');
  expect(await tab.getAttribute('aria-selected')).toBe('true');
  // Parcels keep scanning in the demo: read the page and the api until they agree.
  const [shown, expected] = await pageWhen(
    page,
    async () => {
      const count = Number(await page.getByTestId('tab-count-SHIPPED_NO_SCAN').textContent());
      const rows = await page.locator('[data-testid="order-row"], [data-testid="orders-empty"]').count();
      return [{ count, rows }, await apiView()] as const;
    },
    ([onPage, inApi]) => onPage.rows > 0 && onPage.count === inApi.count,
    'the api’s count of shipped orders without a scan',
    60_000,
  );
  expect(shown.count).toBe(expected.count);
  expect(expected.count).toBe(expected.total);
  await screenshot('inbox-shipped-no-scan');
});

test('the tracking provider settings page shows what the api holds, secrets only as set or not', async () => {
  const { trackingProvider } = await api!.graphql<{
    trackingProvider: { enabled: boolean; hasApiKey: boolean; hasWebhookSecret: boolean; webhookPath: string };
  }>('{ trackingProvider { enabled hasApiKey hasWebhookSecret webhookPath } }');
  await page.goto(`${baseUrl}/settings/accounts`);
  await page.getByTestId('accounts-tracking-link').click();
  await page.waitForURL(`${baseUrl}/settings/tracking`);
  await page.getByTestId('tracking-provider-form').waitFor();
  expect(await page.getByTestId('field-enabled').isChecked()).toBe(trackingProvider.enabled);
  expect(await page.getByTestId('secret-apiKey-state').textContent()).toBe(
    trackingProvider.hasApiKey ? 'Set' : 'Not set',
  );
  expect(await page.getByTestId('secret-webhookSecret-state').textContent()).toBe(
    trackingProvider.hasWebhookSecret ? 'Set' : 'Not set',
  );
  expect(await page.getByTestId('tracking-webhook-url').textContent()).toBe(
    `${baseUrl}${trackingProvider.webhookPath}`,
  );
  expect(await page.locator('input[type="password"]').count()).toBe(0);
  await screenshot('tracking-settings');

  // By keyboard at 390 px: Replace opens a password input with the focus in it, nothing scrolls sideways.
  await page.setViewportSize({ width: 390, height: 844 });
  try {
    await page.getByTestId('secret-apiKey-replace').focus();
    await page.keyboard.press('Enter');
    const key = page.getByTestId('field-apiKey');
    expect(await key.getAttribute('type')).toBe('password');
    expect(await key.evaluate((element) => element === document.activeElement)).toBe(true);
    for (const id of ['tracking-provider-form', 'tracking-provider-health']) {
      const section = page.getByTestId(id);
      expect(await section.evaluate((element) => element.scrollWidth - element.clientWidth)).toBeLessThanOrEqual(0);
      expect((await section.boundingBox())!.width).toBeLessThanOrEqual(390);
    }
    await screenshot('tracking-settings-390');
  } finally {
    await page.setViewportSize({ width: 1440, height: 900 });
  }
});
