// The alerts page in Chromium against the real api (embedded PGlite, demo data): filters and paging over the
// alerts connection, acknowledging, and a channel warning logged, alarmed on its 24-hour clock and answered.
// Needs `npm run build` first (the api's dist and this app's dist).
import { join } from 'node:path';
import { type Browser, type Page } from 'playwright-core';
import { startApi, type ApiProcess } from './support/api-process';
import { API_MAIN, launchChromium, requireBuild, SCREENSHOTS, WEB_DIST } from './support/browser';
import { pageWhen } from './support/console-actions';

const HOUR = 3_600_000;

let api: ApiProcess | undefined;
let baseUrl: string;
let browser: Browser | undefined;
let page: Page;
const pageErrors: string[] = [];

const screenshot = (name: string) => page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
/** The datetime-local value of `date` in this machine's time zone (the browser's too). */
const localInput = (date: Date) => {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
};
const shownAlerts = () =>
  page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[data-testid="alert-item"]')].map((item) => ({
      kind: item.dataset.alertKind ?? '',
      severity: item.dataset.severity ?? '',
      status: item.dataset.status ?? '',
      message: item.querySelector('[data-testid="alert-message"]')?.textContent ?? '',
    })),
  );

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

test('a channel warning is logged with its field errors, alarms at 4 h left, is acknowledged, answered, and its alert resolves', async () => {
  await page.getByTestId('nav-alerts').click();
  await page.waitForURL(`${baseUrl}/alerts`);
  // The demo's first alarm scan (a minute after start) can hold the embedded database for a while.
  await page
    .locator('[data-testid="warning-list"], [data-testid="warnings-empty"]')
    .first()
    .waitFor({ timeout: 90_000 });

  await page.getByTestId('warning-log').click();
  const form = page.getByTestId('warning-form');
  await form.getByTestId('warning-account').selectOption({ label: 'Demo Walmart US (Walmart)' });
  await form.getByTestId('warning-save').click();
  expect(await form.getByTestId('warning-error-message').textContent()).toMatch(/Paste the text/);
  expect(await form.getByTestId('warning-error-subject').textContent()).toMatch(/metric or say what it is about/);

  // The server refuses a receipt time in the future and names the field; the form shows it beside the input.
  await form.getByTestId('warning-metric').selectOption('VALID_TRACKING_RATE');
  await form.getByTestId('warning-subject').fill('e2e: category Home');
  await form.getByTestId('warning-message').fill('Your Valid Tracking Rate is below 99%. Respond within 24 hours.');
  await form.getByTestId('warning-received-at').fill(localInput(new Date(Date.now() + 3 * HOUR)));
  await form.getByTestId('warning-save').click();
  expect(await form.getByTestId('warning-error-receivedAt').textContent()).toMatch(/cannot be in the future/);

  // Received 21 h ago: under 4 h left, so its alarm opens at once.
  await form.getByTestId('warning-received-at').fill(localInput(new Date(Date.now() - 21 * HOUR)));
  await form.getByTestId('warning-save').click();
  await form.waitFor({ state: 'detached' });
  const item = page.getByTestId('warning-item').filter({ hasText: 'e2e: category Home' });
  await item.waitFor();
  expect(await item.getAttribute('data-state')).toBe('DUE_SOON');
  expect(await item.getByTestId('warning-time-left').textContent()).toMatch(/^[23] h \d+ min left$/);

  await page.getByTestId('alerts-kind').selectOption('CHANNEL_WARNING_DUE');
  await pageWhen(
    page,
    shownAlerts,
    (alerts) => alerts.length === 1 && alerts[0].message.includes('about VALID_TRACKING_RATE: e2e: category Home'),
    'the warning alert',
  );
  expect(new URL(page.url()).searchParams.get('kind')).toBe('CHANNEL_WARNING_DUE');
  expect((await shownAlerts())[0]).toMatchObject({ kind: 'CHANNEL_WARNING_DUE', severity: 'HIGH', status: 'OPEN' });
  await screenshot('alerts-channel-warning');

  await page.getByTestId('alert-acknowledge').click();
  await pageWhen(page, shownAlerts, (alerts) => alerts[0]?.status === 'ACKNOWLEDGED', 'the alert acknowledged');
  expect(await page.getByTestId('alert-acknowledged').textContent()).toMatch(/^Seen by /);

  await item.getByTestId('warning-response-note').fill('Answered in Seller Center, case 4242.');
  await item.getByTestId('warning-respond').click();
  await item.getByTestId('warning-response').waitFor();
  expect(await item.getAttribute('data-state')).toBe('ANSWERED');
  expect(await item.getByTestId('warning-response').textContent()).toMatch(
    /Answered by .*: Answered in Seller Center, case 4242\./,
  );

  // Answered: the alarm resolved, so the unresolved list no longer has it and the resolved one does.
  await page.getByTestId('alerts-empty').waitFor();
  await page.getByTestId('alerts-status-RESOLVED').check();
  await pageWhen(
    page,
    shownAlerts,
    (alerts) => alerts.some((a) => a.status === 'RESOLVED' && a.message.includes('e2e: category Home')),
    'the resolved alert',
  );
  await screenshot('alerts-channel-warning-answered');
});

test('filters narrow the list as the api does, and paging walks the alerts newest first without repeats', async () => {
  // The demo's alarm scan runs a minute after start: wait until it has raised its deadline alarms (two equal reads).
  const unresolved = '{ statuses: [OPEN, ACKNOWLEDGED] }';
  const deadline = Date.now() + 120_000;
  let total = 0;
  let previous = -1;
  while (Date.now() < deadline && !(total > 25 && total === previous)) {
    previous = total;
    await page.waitForTimeout(3_000);
    total = (
      await api!.graphql<{ alerts: { totalCount: number } }>(
        `{ alerts(filter: ${unresolved}, first: 1) { totalCount } }`,
      )
    ).alerts.totalCount;
  }
  expect(total).toBeGreaterThan(25);

  // The page and the api agree on the filtered list (read again if a scan changed it in between).
  const rangeTotal = async () =>
    Number(((await page.getByTestId('alerts-range').textContent()) ?? '').split(' of ')[1]);
  let shown: Awaited<ReturnType<typeof shownAlerts>> = [];
  let pageTotal = -1;
  let apiTotal = -2;
  for (let attempt = 0; attempt < 5 && pageTotal !== apiTotal; attempt++) {
    if (attempt > 0) await page.waitForTimeout(3_000);
    await page.goto(`${baseUrl}/alerts?channel=WALMART&kind=PAST_SHIP_BY`);
    shown = await pageWhen(page, shownAlerts, (alerts) => alerts.length > 0, 'past-ship-by alerts');
    pageTotal = await rangeTotal();
    apiTotal = (
      await api!.graphql<{ alerts: { totalCount: number } }>(
        `{ alerts(filter: { statuses: [OPEN, ACKNOWLEDGED], channel: WALMART, kinds: ["PAST_SHIP_BY"] }, first: 1) { totalCount } }`,
      )
    ).alerts.totalCount;
  }
  expect(pageTotal).toBe(apiTotal);
  expect(shown.every((a) => a.kind === 'PAST_SHIP_BY' && a.message.startsWith('Walmart order'))).toBe(true);
  expect(shown.length).toBe(Math.min(25, pageTotal));

  await page.goto(`${baseUrl}/alerts?status=any`);
  await pageWhen(
    page,
    () => page.getByTestId('alerts-range').textContent(),
    (range) => /^1–25 of \d+$/.test(range ?? ''),
    'the first page',
  );
  const first = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[data-testid="alert-message"]')].map((m) => m.textContent),
  );
  await page.getByTestId('alerts-next').click();
  const range = await pageWhen(
    page,
    () => page.getByTestId('alerts-range').textContent(),
    (text) => (text ?? '').startsWith('26–'),
    'the second page',
  );
  const second = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[data-testid="alert-message"]')].map((m) => m.textContent),
  );
  expect(second.length).toBeGreaterThan(0);
  expect(second.filter((message) => first.includes(message))).toEqual([]);
  expect(range).toMatch(/^26–\d+ of \d+$/);
  await page.getByTestId('alerts-prev').click();
  await pageWhen(
    page,
    () => page.getByTestId('alerts-range').textContent(),
    (text) => (text ?? '').startsWith('1–'),
    'the first page again',
  );
  await screenshot('alerts-paged');
});
