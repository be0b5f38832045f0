// The compliance console in Chromium against the real api (embedded PGlite, demo data): the dashboard per
// channel, the orders behind a metric, the plan-of-action editor, the report CSV, the evidence page and the trend.
// Needs `npm run build` first, like console.e2e.test.ts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startApi, type ApiProcess } from './support/api-process';
import { API_MAIN, launchChromium, requireBuild, SCREENSHOTS, WEB_DIST } from './support/browser';
import { pageWhen } from './support/console-actions';
import { metricCard, readDashboard, type DashboardSnapshot } from './support/compliance';

const STATUS_TEXT: Record<string, string> = {
  OK: 'OK',
  AT_RISK: 'At risk',
  FAILING: 'Failing',
  NOT_APPLICABLE: 'Not applicable',
};
const CHANNELS = ['WALMART', 'AMAZON'] as const;

interface ReportFacts {
  complianceReport: {
    asOf: string;
    metrics: {
      key: string;
      category: string | null;
      label: string;
      threshold: number | null;
      trend: { value: number | null }[];
    }[];
  };
}
const reportFacts = (channel: string) =>
  `{ complianceReport(channel: ${channel}) { asOf metrics { key category label threshold trend(days: 30) { value } } } }`;
const cardIdOf = (metric: { key: string; category: string | null }) =>
  metric.category ? `${metric.key}:${metric.category}` : metric.key;

let api: ApiProcess | undefined;
let browser: Browser | undefined;
let context: BrowserContext;
let page: Page;
const pageErrors: string[] = [];

function screenshot(name: string) {
  return page.screenshot({ path: join(SCREENSHOTS, `compliance-${name}.png`), fullPage: true });
}

async function openDashboard(channel: string): Promise<DashboardSnapshot> {
  await page.goto(`${api!.baseUrl}/compliance/${channel.toLowerCase()}`);
  return dashboardWhen((d) => d.channel === channel && d.cards.length > 0, `the ${channel} dashboard`);
}

function dashboardWhen(ready: (dashboard: DashboardSnapshot) => boolean, what: string, timeoutMs?: number) {
  return pageWhen(
    page,
    () => readDashboard(page),
    (d) => !d.loading && ready(d),
    what,
    timeoutMs,
  );
}

const STATUS_RANK: Record<string, number> = { FAILING: 0, AT_RISK: 1, OK: 2, NOT_APPLICABLE: 3 };
/** A code or an ISO timestamp where people read words: AT_MOST, LATE_SHIPMENT_RATE_30D, 2026-12-03T… */
const RAW_CODE = /\b[A-Z]{2,}_[A-Z0-9_]+\b|\d{4}-\d\d-\d\dT\d\d:/;

function expectedSentence(failing: number, atRisk: number, ok: number): RegExp {
  const parts: string[] = [];
  if (failing > 0) parts.push(`${failing} ${failing === 1 ? 'metric' : 'metrics'} failing`);
  if (atRisk > 0)
    parts.push(failing > 0 ? `${atRisk} at risk` : `${atRisk} ${atRisk === 1 ? 'metric' : 'metrics'} at risk`);
  const first =
    parts.length > 0
      ? parts.join(', ')
      : ok === 0
        ? 'Nothing to measure yet'
        : ok === 1
          ? 'The measured metric meets its standard'
          : `All ${ok} measured metrics meet their standards`;
  return new RegExp(`^${first}(\\.|; Account Health Rating: .+\\.)$`);
}

interface SummarySnapshot {
  sentence: string;
  text: string;
  metrics: { metric: string; status: string; text: string }[];
}

function readSummary(): Promise<SummarySnapshot> {
  return page.getByTestId('compliance-summary').evaluate((band) => ({
    sentence: band.querySelector('[data-testid="compliance-summary-sentence"]')?.textContent ?? '',
    text: (band as HTMLElement).innerText,
    metrics: [...band.querySelectorAll<HTMLElement>('[data-testid="summary-metric"]')].map((li) => ({
      metric: li.dataset.metric ?? '',
      status: li.dataset.status ?? '',
      text: li.innerText,
    })),
  }));
}

/** "Orders against the standard (64)" → 64: the count of the set the orders panel opens on. */
const ordersCount = (button: string) => Number(/\((\d+)\)/.exec(button)?.[1] ?? 0);

beforeAll(async () => {
  requireBuild();
  api = await startApi(API_MAIN, WEB_DIST);
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: api.baseUrl });
  page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await api.openAs(page, api.admin);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await api?.stop();
});

afterEach(() => {
  expect(pageErrors).toEqual([]);
});

test.each(CHANNELS)(
  'the %s dashboard shows every metric of the report, each with its status in words',
  async (channel) => {
    const { complianceReport } = await api!.graphql<ReportFacts>(reportFacts(channel));
    const dashboard = await openDashboard(channel);

    expect(dashboard.cards.map((card) => card.cardId).sort()).toEqual(complianceReport.metrics.map(cardIdOf).sort());
    for (const card of dashboard.cards) {
      const metric = complianceReport.metrics.find((m) => cardIdOf(m) === card.cardId)!;
      expect(card.label).toBe(metric.label);
      expect(card.category).toBe(metric.category);
      expect(card.statusText).toBe(STATUS_TEXT[card.status]);
      expect(card.value).toMatch(/^(\d+(\.\d{1,2})?%|N\/A — no eligible (shipments|orders)|no data)$/);
      expect(card.ratio).toMatch(/^\d+ of \d+$/);
      expect(card.threshold).toMatch(
        metric.threshold === null
          ? /^No published standard$/
          : /^Standard: (at least|above|at most|below) \d+(\.\d+)?%$/,
      );
      expect(card.window).toMatch(/^\d+ days?: \w{3} \d{1,2} \w{3} – \w{3} \d{1,2} \w{3}$/);
      expect(card.policy).not.toBe('');
      expect(card.hasPlanButton).toBe(card.status === 'FAILING' || card.status === 'AT_RISK');
    }
    // Failing first, then at risk, then passing, then the metrics with nothing to measure: not definition order.
    const ranks = dashboard.cards.map((card) => STATUS_RANK[card.status]);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));

    const band = await readSummary();
    const failing = dashboard.cards.filter((card) => card.status === 'FAILING').length;
    const atRisk = dashboard.cards.filter((card) => card.status === 'AT_RISK').length;
    expect(band.sentence).toMatch(
      expectedSentence(failing, atRisk, dashboard.cards.filter((c) => c.status === 'OK').length),
    );
    // The band lists the failing and at-risk metrics in the cards' order, with the standard in words.
    const attention = dashboard.cards.filter((card) => card.status === 'FAILING' || card.status === 'AT_RISK');
    expect(band.metrics.map((m) => [m.metric, m.status])).toEqual(attention.map((card) => [card.metric, card.status]));
    for (const m of band.metrics) expect(m.text).toMatch(/standard: (at least|above|at most|below) \d/);
    expect(band.text).not.toMatch(RAW_CODE);
    await screenshot(channel.toLowerCase());
  },
);

test("Amazon's own account health: fetched with Refresh, its rating in the sentence, the ODR with its parts; Walmart has none", async () => {
  await openDashboard('AMAZON');
  const panel = page.getByTestId('account-health');
  await panel.waitFor();
  const refresh = panel.getByTestId('account-health-refresh').first();
  const before = await panel.getByTestId('account-health-entry').count();
  await refresh.click();
  // The hub creates the report, polls Amazon until it is done, downloads and stores it.
  await pageWhen(
    page,
    async () => ({
      entries: await panel.getByTestId('account-health-entry').count(),
      busy: await refresh.isDisabled(),
    }),
    (s) => s.entries >= Math.max(1, before) && !s.busy,
    'the account health fetched from Amazon',
    60_000,
  );
  const facts = await api!.graphql<{
    complianceReport: {
      accountHealth: {
        accountId: string;
        rating: string;
        orderDefectRate: { rate: number; ordersWithDefects: number; orderCount: number };
      }[];
    };
  }>(
    '{ complianceReport(channel: AMAZON) { accountHealth { accountId rating orderDefectRate { rate ordersWithDefects orderCount } } } }',
  );
  const [health] = facts.complianceReport.accountHealth;
  expect(health).toBeDefined();
  const entry = panel.locator(`[data-testid="account-health-entry"][data-account-id="${health.accountId}"]`);
  const rating = health.rating === 'GREAT' ? 'Great' : 'Warned';
  expect(await entry.getByTestId('account-health-rating').textContent()).toBe(rating);
  expect(await entry.getByTestId('account-health-odr').textContent()).toMatch(/^\d+(\.\d{1,2})?% \(target: below 1%\)/);
  expect(await entry.getByTestId('account-health-odr-parts').textContent()).toMatch(
    new RegExp(
      `^${health.orderDefectRate.ordersWithDefects} orders? with a defect of ${health.orderDefectRate.orderCount}: \\d+ A-to-z claims?, \\d+ chargebacks?, \\d+ negative feedback`,
    ),
  );
  expect(await entry.getByTestId('account-health-fetched').textContent()).toMatch(/^\w{3} \d{1,2}, \d\d:\d\d \S+$/);
  const band = await readSummary();
  expect(band.sentence).toMatch(new RegExp(`; Account Health Rating: .*${rating}.*\\.$`));
  expect(band.text).not.toMatch(RAW_CODE);
  await screenshot('summary-amazon');

  // A metric's orders say why each counts against the standard, with its tracking number.
  const dashboard = await readDashboard(page);
  const failing = dashboard.cards.find((card) => card.status === 'FAILING' && ordersCount(card.ordersButton) > 0);
  if (failing) {
    const card = metricCard(page, failing.cardId);
    await card.getByTestId('metric-orders-toggle').click();
    await card.getByTestId('metric-orders').waitFor();
    const reasons = await card.getByTestId('metric-order-reason').allTextContents();
    expect(reasons.length).toBeGreaterThan(0);
    for (const reason of reasons) expect(reason).toMatch(/^[A-Z][a-z]/);
    for (const reason of reasons) expect(reason).not.toMatch(RAW_CODE);
    expect((await card.getByTestId('metric-order-tracking').allTextContents()).length).toBe(reasons.length);
    await card.getByTestId('metric-orders-toggle').click();
  }

  await openDashboard('WALMART');
  await page.getByTestId('compliance-summary').waitFor();
  expect(await page.getByTestId('account-health').count()).toBe(0);
  expect((await readSummary()).sentence).not.toMatch(/Account Health Rating/);
});

test('choosing an account narrows the report to it, and "all accounts" comes back', async () => {
  const { channelAccounts } = await api!.graphql<{ channelAccounts: { id: string; name: string; channel: string }[] }>(
    '{ channelAccounts { id name channel } }',
  );
  const amazon = channelAccounts.find((account) => account.channel === 'AMAZON')!;
  const { complianceReport } = await api!.graphql<ReportFacts>(
    `{ complianceReport(channel: AMAZON, accountId: "${amazon.id}") { asOf metrics { key category label threshold trend(days: 1) { value } } } }`,
  );
  // The header's Compliance link opens the first channel; the tab switches to Amazon.
  await page.getByTestId('nav-compliance').click();
  await page.waitForURL(/\/compliance\/walmart$/);
  await page.getByTestId('compliance-tab-AMAZON').click();
  await dashboardWhen((d) => d.channel === 'AMAZON' && d.cards.length > 0, 'the Amazon dashboard');
  const expectedOptions = [
    'All Amazon accounts',
    ...channelAccounts.filter((a) => a.channel === 'AMAZON').map((a) => a.name),
  ];
  const account = page.getByTestId('compliance-account');
  await pageWhen(
    page,
    () => account.locator('option').allTextContents(),
    (options) => options.length === expectedOptions.length,
    'the Amazon accounts',
  );
  expect(await account.locator('option').allTextContents()).toEqual(expectedOptions);

  await page.getByTestId('compliance-account').selectOption(amazon.id);
  await page.waitForURL(new RegExp(`/compliance/amazon\\?account=${amazon.id}$`));
  const expected = complianceReport.metrics.map(cardIdOf).sort();
  await dashboardWhen(
    (d) => JSON.stringify(d.cards.map((card) => card.cardId).sort()) === JSON.stringify(expected),
    'the report of one account',
  );

  await page.getByTestId('compliance-account').selectOption('');
  await page.waitForURL(/\/compliance\/amazon$/);
  await dashboardWhen((d) => d.cards.length > 0, 'the report of all accounts');
});

test("a metric's orders page through and open the order", async () => {
  const dashboard = await openDashboard('AMAZON');
  const withOrders = dashboard.cards.filter((card) => ordersCount(card.ordersButton) > 0);
  expect(withOrders.length).toBeGreaterThan(0);
  const picked = withOrders.reduce((most, card) =>
    ordersCount(card.ordersButton) > ordersCount(most.ordersButton) ? card : most,
  );
  const counted = ordersCount(picked.ordersButton);
  const card = metricCard(page, picked.cardId);

  await card.getByTestId('metric-orders-toggle').click();
  const rows = card.getByTestId('metric-order-row');
  await rows.first().waitFor();
  // The card counts records (valid tracking counts shipments); the list holds their distinct orders.
  const total = Number(await card.getByTestId('metric-orders').getAttribute('data-total'));
  expect(total).toBeGreaterThan(0);
  expect(total).toBeLessThanOrEqual(counted);
  if (!picked.cardId.startsWith('VALID_TRACKING_RATE') && !picked.cardId.startsWith('ON_TIME_DELIVERY_RATE'))
    expect(total).toBe(counted);
  expect(await rows.count()).toBe(Math.min(20, total));
  expect(await card.getByTestId('page-range').textContent()).toBe(`1–${Math.min(20, total)} of ${total}`);
  const firstPage = await rows.evaluateAll((elements) => elements.map((row) => (row as HTMLElement).dataset.orderId));
  await screenshot('metric-orders');

  if (total > 20) {
    await card.getByTestId('page-next').click();
    await pageWhen(
      page,
      () => card.getByTestId('page-range').textContent(),
      (range) => range === `21–${Math.min(40, total)} of ${total}`,
      'the second page of orders',
    );
    const secondPage = await rows.evaluateAll((elements) =>
      elements.map((row) => (row as HTMLElement).dataset.orderId),
    );
    expect(secondPage.some((id) => firstPage.includes(id))).toBe(false);
  }

  // Another set of the metric's orders (the numerator, the rest, the open ones) lists its own count.
  const sets = card.getByTestId('metric-order-set');
  if ((await sets.count()) > 1) {
    const other = sets.nth(1);
    const otherSet = await other.getAttribute('data-set');
    const otherCounted = ordersCount((await other.textContent()) ?? '');
    await other.click();
    const [, shown] = await pageWhen(
      page,
      async () => [
        await card.getByTestId('metric-orders').getAttribute('data-set'),
        await card.getByTestId('metric-orders').getAttribute('data-stale'),
      ],
      ([set, stale]) => set === otherSet && stale === 'false',
      `the ${otherSet} orders`,
    );
    expect(shown).toBe('false');
    const otherTotal = Number(await card.getByTestId('metric-orders').getAttribute('data-total'));
    expect(otherTotal).toBeGreaterThan(0);
    expect(otherTotal).toBeLessThanOrEqual(otherCounted);
    expect(await card.getByTestId('page-range').textContent()).toBe(`1–${Math.min(20, otherTotal)} of ${otherTotal}`);
  }

  const link = rows.first().getByTestId('metric-order-link');
  const number = await link.textContent();
  await link.click();
  await page.waitForURL(/\/orders\/(walmart|amazon)\/[^/]+$/);
  await page.getByTestId('order-title').waitFor();
  expect(await page.getByTestId('order-title').textContent()).toBe(number);
});

test('the plan of action drafts from the data, saves with who and when, resets to the draft and copies', async () => {
  const dashboard = await openDashboard('AMAZON');
  const failing = dashboard.cards.find((card) => card.hasPlanButton);
  expect(failing).toBeDefined();
  const card = metricCard(page, failing!.cardId);
  await card.getByTestId('metric-plan-toggle').click();
  const editor = card.getByTestId('poa-editor');
  await editor.waitFor();

  const draft = {
    rootCause: await editor.getByTestId('poa-rootCause').inputValue(),
    correctiveActions: await editor.getByTestId('poa-correctiveActions').inputValue(),
    preventiveMeasures: await editor.getByTestId('poa-preventiveMeasures').inputValue(),
  };
  expect(Object.values(draft).every((text) => text.trim().length > 0)).toBe(true);
  expect(await editor.getAttribute('data-saved')).toBe('false');

  const edited = `${draft.rootCause}\nConfirmed with the warehouse lead.`;
  await editor.getByTestId('poa-rootCause').fill(edited);
  await editor.getByTestId('poa-unsaved').waitFor();
  await editor.getByTestId('poa-save').click();
  await pageWhen(
    page,
    () => editor.getAttribute('data-saved'),
    (saved) => saved === 'true',
    'the saved plan',
  );
  // Saves are recorded like audit entries: the person signed in (the api keeps `user:<e-mail>`).
  expect(await editor.getByTestId('poa-saved-by').textContent()).toBe(api!.admin.email);
  expect(await editor.getByTestId('poa-saved-at').getAttribute('datetime')).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  expect(await editor.getByTestId('poa-unsaved').count()).toBe(0);
  await screenshot('plan-of-action');

  // What the api now holds for the same metric, category and day.
  const asOf = (await readDashboard(page)).asOf!;
  const category = failing!.category === null ? 'null' : JSON.stringify(failing!.category);
  const { planOfAction } = await api!.graphql<{
    planOfAction: { saved: { rootCause: string; updatedBy: string } | null };
  }>(
    `{ planOfAction(channel: AMAZON, metric: ${failing!.metric}, category: ${category}, windowEnd: "${asOf}") { saved { rootCause updatedBy } } }`,
  );
  expect(planOfAction.saved).toEqual({ rootCause: edited, updatedBy: `user:${api!.admin.email}` });

  // A fresh page reads the saved text back.
  await page.reload();
  await dashboardWhen((d) => d.cards.length > 0, 'the dashboard after a reload');
  await card.getByTestId('metric-plan-toggle').click();
  await editor.waitFor();
  expect(await editor.getByTestId('poa-rootCause').inputValue()).toBe(edited);

  await editor.getByTestId('poa-reset').click();
  expect(await editor.getByTestId('poa-rootCause').inputValue()).toBe(draft.rootCause);
  await editor.getByTestId('poa-unsaved').waitFor();

  await editor.getByTestId('poa-copy').click();
  await pageWhen(
    page,
    () => editor.getByTestId('poa-copied').textContent(),
    (text) => text === 'Copied',
    'the copy confirmation',
  );
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain(`Root cause\n${draft.rootCause.trim()}`);
  expect(copied).toContain(`Corrective actions\n${draft.correctiveActions.trim()}`);
  expect(copied).toContain(`Preventive measures\n${draft.preventiveMeasures.trim()}`);
});

test('the report downloads as CSV with the session cookie', async () => {
  const dashboard = await openDashboard('WALMART');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('compliance-csv').click()]);
  const csv = readFileSync(await download.path(), 'utf8');
  const [header, ...rows] = csv.trim().split(/\r?\n/);
  expect(header.split(',').slice(0, 4)).toEqual(['key', 'category', 'label', 'value']);
  expect(download.suggestedFilename()).toMatch(/^compliance-WALMART-all-accounts-.*\.csv$/);
  for (const card of dashboard.cards) expect(rows.some((row) => row.startsWith(`${card.metric},`))).toBe(true);
  expect(await page.getByTestId('compliance-csv-error').count()).toBe(0);
});

test('the evidence page prints the order record without the console around it, and downloads it', async () => {
  const { orders } = await api!.graphql<{ orders: { edges: { node: { id: string; channelOrderId: string } }[] } }>(
    '{ orders(filter: { view: ALL, statuses: [SHIPPED] }, first: 1) { edges { node { id channelOrderId } } } }',
  );
  const order = orders.edges[0].node;
  const { orderEvidence } = await api!.graphql<{
    orderEvidence: { events: unknown[]; shipments: unknown[]; audit: unknown[] };
  }>(`{ orderEvidence(orderId: "${order.id}") { events { kind } shipments { id } audit { action } } }`);

  await page.goto(`${api!.baseUrl}/orders/${order.id}`);
  await page.getByTestId('order-evidence-link').click();
  await page.waitForURL(/\/orders\/[^/]+\/evidence$/);
  const record = page.getByTestId('evidence-record');
  await record.waitFor();
  expect(await page.getByTestId('evidence-title').textContent()).toBe(`Evidence record · ${order.channelOrderId}`);
  expect(await page.getByTestId('evidence-event').count()).toBe(orderEvidence.events.length);
  expect(await page.getByTestId('evidence-shipment').count()).toBe(orderEvidence.shipments.length);
  expect(await page.getByTestId('evidence-audit-entry').count()).toBe(orderEvidence.audit.length);
  expect(orderEvidence.shipments.length).toBeGreaterThan(0);
  await screenshot('evidence');

  await page.emulateMedia({ media: 'print' });
  expect(await page.locator('.app-header').isVisible()).toBe(false);
  expect(await page.getByTestId('evidence-print').isVisible()).toBe(false);
  expect(await record.isVisible()).toBe(true);
  await screenshot('evidence-print');
  await page.emulateMedia({ media: 'screen' });

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('evidence-csv').click()]);
  const csv = readFileSync(await download.path(), 'utf8');
  expect(csv.split(/\r?\n/)[0]).toBe('at,kind,actor,detail');
  expect(csv).toContain(order.channelOrderId);
});

test('the trend draws the daily snapshots with the threshold line', async () => {
  // The hub takes its first snapshots a minute after start (then hourly), back-filling the past days.
  let facts: ReportFacts | undefined;
  const deadline = Date.now() + 150_000;
  while (Date.now() < deadline) {
    facts = await api!.graphql<ReportFacts>(reportFacts('AMAZON'));
    if (facts.complianceReport.metrics.some((m) => m.trend.some((s) => s.value !== null))) break;
    await page.waitForTimeout(2_000);
  }
  const metrics = facts!.complianceReport.metrics;
  const measured = metrics.find((m) => m.trend.some((s) => s.value !== null));
  expect(measured).toBeDefined();

  await openDashboard('AMAZON');
  const card = metricCard(page, cardIdOf(measured!));
  const chart = card.getByTestId('trend-chart');
  await chart.waitFor();
  expect(Number(await chart.getAttribute('data-points'))).toBeGreaterThanOrEqual(
    measured!.trend.filter((s) => s.value !== null).length,
  );
  expect(await chart.getByTestId('trend-threshold').count()).toBe(measured!.threshold === null ? 0 : 1);
  await screenshot('trend');
}, 240_000);
