// Mail and notifications in Chromium against the real api (embedded PGlite, demo data) and a real Dovecot IMAP server:
// a mailbox connected from Settings → Mailbox (a refused password said beside it first); a Walmart buyer e-mail put
// in its inbox is read by "Read now" and listed on /messages with its clock in words and Walmart's reply link; it is
// marked answered with a note. An older one is answered by the seller's reply seen in Sent, and the compliance
// page's Seller response rate says what the report says. A
// notification rule is made: a bad webhook URL is refused in words, the signing secret shows once, and "Send test"
// reaches a local receiver with a valid signature. At 390 px the pages fit. Needs `npm run build` first.
import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { type Browser, type Page } from 'playwright-core';
import { startImapServer, type ImapServer } from '../../api/test/support/imap-server';
import { renderMailFixture } from '../../api/test/support/mail-fixtures';
import { startApi, type ApiProcess } from './support/api-process';
import { API_MAIN, launchChromium, requireBuild, SCREENSHOTS, WEB_DIST } from './support/browser';

/** A code or an ISO timestamp where people read words. */
const RAW_CODE =
  /\b(BUYER_MESSAGE|DUE_SOON|OVERDUE|ANSWERED|PERFORMANCE_ALERT|PENDING|RETRYING)\b|\d{4}-\d\d-\d\dT\d\d:/;
const HOUR = 3_600_000;

let api: ApiProcess;
let imap: ImapServer;
let browser: Browser | undefined;
let page: Page;
const pageErrors: string[] = [];
let order: { id: string; channelOrderId: string; customerOrderId: string | null };

/** A webhook receiver: what it got, with the headers. */
const received: { headers: IncomingHttpHeaders; body: string }[] = [];
let receiver: Server;
let receiverUrl: string;

const screenshot = (target: Page, name: string) =>
  target.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });

interface WalmartOrders {
  orders: { edges: { node: { id: string; channelOrderId: string; customerOrderId: string | null } }[] };
}

beforeAll(async () => {
  requireBuild();
  imap = await startImapServer({ user: 'support@oakandtwine.example', password: 'right-password' });
  receiver = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      received.push({ headers: request.headers, body });
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((done) => receiver.listen(0, '127.0.0.1', done));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/order-hub`;
  api = await startApi(API_MAIN, WEB_DIST);
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await api.openAs(page, api.admin);
  const { orders } = await api.graphql<WalmartOrders>(
    '{ orders(filter: { channel: WALMART }, first: 1) { edges { node { id channelOrderId customerOrderId } } } }',
  );
  order = orders.edges[0].node;
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await api?.stop();
  await imap?.close();
  receiver?.closeAllConnections();
  await new Promise((done) => receiver?.close(done));
});

afterEach(() => {
  expect(pageErrors).toEqual([]);
});

test('a mailbox is connected from the settings: a refused password is said beside it, then the status in words', async () => {
  await page.goto(`${api.baseUrl}/settings/mailbox`);
  await page.getByTestId('mailbox-connect').click();
  await page.getByLabel('Name', { exact: true }).fill('Support inbox');
  await page.getByLabel('Host', { exact: true }).fill(imap.host);
  await page.getByLabel('Port', { exact: true }).fill(String(imap.port));
  await page.getByLabel('Use TLS', { exact: true }).uncheck();
  await page.getByLabel('User', { exact: true }).fill(imap.user);
  await page.getByLabel('Password', { exact: true }).fill('wrong-password');
  await page.getByTestId('mailbox-save').click();
  const refused = page.getByTestId('mailbox-error-password');
  await refused.waitFor({ timeout: 30_000 });
  expect(await refused.innerText()).not.toMatch(RAW_CODE);
  expect((await refused.innerText()).length).toBeGreaterThan(10);
  await page.getByLabel('Password', { exact: true }).fill(imap.password);
  await page.getByTestId('mailbox-save').click();
  const card = page.getByTestId('mailbox');
  await card.waitFor({ timeout: 30_000 });
  expect(await card.getByTestId('mailbox-status').innerText()).toContain('junk “Junk”');
  await screenshot(page, 'settings-mailbox');
});

test('a Walmart buyer e-mail is read and listed with its clock and the reply link; marked answered with a note', async () => {
  const receivedAt = new Date(Date.now() - 37 * HOUR);
  await imap.append(
    'INBOX',
    renderMailFixture('walmart-buyer-message', {
      ORDER: order.channelOrderId,
      CUSTOMER_ORDER: order.customerOrderId ?? order.channelOrderId,
      SUBJECT: `Question about order ${order.channelOrderId}`,
      DATE: receivedAt,
    }),
    receivedAt,
  );
  await readNow(1);

  await page.goto(`${api.baseUrl}/messages`);
  const row = page.getByTestId('buyer-message').filter({ hasText: order.channelOrderId });
  await row.waitFor({ timeout: 30_000 });
  const { buyerMessages } = await api.graphql<{
    buyerMessages: { edges: { node: { id: string; hoursLeft: number; state: string; replyUrl: string } }[] };
  }>('{ buyerMessages(filter: { kind: BUYER_MESSAGE }) { edges { node { id hoursLeft state replyUrl } } } }');
  const message = buyerMessages.edges[0].node;
  expect(message.state).toBe('DUE_SOON');
  expect(await row.getByTestId('buyer-message-clock').innerText()).toBe(
    `answer within ${Math.floor(message.hoursLeft)} h`,
  );
  expect(await row.getByTestId('buyer-message-reply').getAttribute('href')).toBe(message.replyUrl);
  expect(await row.getByTestId('buyer-message-order').getAttribute('href')).toBe(`/orders/${order.id}`);
  expect(await row.innerText()).not.toMatch(RAW_CODE);
  expect(await page.getByTestId('nav-messages-count').innerText()).toBe('1');
  await screenshot(page, 'messages-buyer');

  // The mail read shows the evidence, in words.
  await page.getByTestId('messages-tab-mail').click();
  const mail = page.getByTestId('mail-message').filter({ hasText: order.channelOrderId });
  await mail.waitFor();
  expect(await mail.innerText()).toContain('Buyer message');
  expect(await mail.innerText()).not.toMatch(RAW_CODE);

  // Keyboard: Mark answered opens the dialog on its note, Escape closes it and gives the focus back.
  await page.getByTestId('messages-tab-buyer').click();
  const mark = row.getByTestId('buyer-message-mark-answered');
  await mark.focus();
  await page.keyboard.press('Enter');
  const note = page.getByTestId('mark-answered-note');
  await note.waitFor();
  expect(await note.evaluate((element) => element === document.activeElement)).toBe(true);
  await page.keyboard.press('Escape');
  await page.getByTestId('mark-answered-dialog').waitFor({ state: 'detached' });
  expect(await mark.evaluate((element) => element === document.activeElement)).toBe(true);
  await page.keyboard.press('Enter');
  await note.fill('Answered on Seller Center with the tracking link');
  await page.getByTestId('mark-answered-save').click();
  await page.getByTestId('mark-answered-dialog').waitFor({ state: 'detached' });
  await row
    .getByTestId('buyer-message-clock')
    .filter({ hasText: /^answered$/ })
    .waitFor();
  expect(await row.getByTestId('buyer-message-answered').innerText()).toContain(
    'Answered on Seller Center with the tracking link',
  );

  // The order page lists it in its Messages section.
  await page.goto(`${api.baseUrl}/orders/${order.id}`);
  const section = page.getByTestId('order-messages');
  await section.waitFor({ timeout: 30_000 });
  expect(await section.getByTestId('buyer-message-clock').innerText()).toBe('answered');
});

/** "Read now" on the mailbox, then waits until the hub has read `count` messages in all. */
async function readNow(count: number) {
  await page.goto(`${api.baseUrl}/settings/mailbox`);
  await page.getByTestId('mailbox-read-now').click();
  await page
    .getByTestId('mailbox-messages-read')
    .filter({ hasText: count === 1 ? '1 message read' : `${count} messages read` })
    .waitFor({ timeout: 60_000 });
}

test("a reply seen in Sent answers a message in time, and the compliance page's Seller response rate says what the report says", async () => {
  // A message received 50 h ago is past Walmart's 48 h: it counts in the rate. The seller's reply, sent 40 h ago,
  // is seen in the Sent folder and answers it in time.
  const receivedAt = new Date(Date.now() - 50 * HOUR);
  const messageId = '<e2e-late-1@relay.walmart.com>';
  await imap.append(
    'INBOX',
    renderMailFixture('walmart-buyer-message', {
      ORDER: order.channelOrderId,
      CUSTOMER_ORDER: order.customerOrderId ?? order.channelOrderId,
      SUBJECT: `Damaged item in order ${order.channelOrderId}`,
      MESSAGE_ID: messageId,
      DATE: receivedAt,
    }),
    receivedAt,
  );
  await readNow(2);
  const repliedAt = new Date(Date.now() - 40 * HOUR);
  await imap.append(
    'Sent',
    renderMailFixture('seller-reply', {
      ORDER: order.channelOrderId,
      SUBJECT: `Re: Damaged item in order ${order.channelOrderId}`,
      IN_REPLY_TO: messageId,
      DATE: repliedAt,
    }),
    repliedAt,
  );
  await readNow(3);
  await page.goto(`${api.baseUrl}/messages`);
  const row = page.getByTestId('buyer-message').filter({ hasText: 'Damaged item' });
  await row.waitFor({ timeout: 30_000 });
  expect(await row.getByTestId('buyer-message-clock').innerText()).toBe('answered');
  expect(await row.getByTestId('buyer-message-answered').innerText()).toContain('by your reply seen in Sent');

  const { complianceReport } = await api.graphql<{
    complianceReport: { sellerResponse: { due: number; onTime: number; rate: number | null } };
  }>('{ complianceReport(channel: WALMART) { sellerResponse { due onTime rate } } }');
  expect(complianceReport.sellerResponse).toEqual({ due: 1, onTime: 1, rate: 100 });
  await page.goto(`${api.baseUrl}/compliance/walmart`);
  const tile = page.getByTestId('seller-response');
  await tile.waitFor({ timeout: 60_000 });
  expect(await tile.getByTestId('seller-response-rate').innerText()).toBe('100%');
  expect(await tile.getByTestId('seller-response-ratio').innerText()).toBe('1 of 1 message answered in time.');
  expect(await tile.innerText()).not.toMatch(RAW_CODE);
  await tile.screenshot({ path: join(SCREENSHOTS, 'compliance-seller-response.png') });
});

test('a notification rule: a bad webhook URL refused in words, the secret shown once, a signed test delivered', async () => {
  await page.goto(`${api.baseUrl}/settings/notifications`);
  await page.getByTestId('rule-add').click();
  await page.getByLabel('Name', { exact: true }).fill('Buyers waiting');
  await page.getByLabel('Buyer message not answered in time', { exact: true }).check();
  await page.getByLabel('Webhook URL', { exact: true }).fill('hooks.example.com/order-hub');
  await page.getByTestId('rule-save').click();
  const refused = page.getByTestId('rule-error-webhookUrl');
  expect(await refused.innerText()).toMatch(/starts with https:\/\//);
  await page.getByLabel('Webhook URL', { exact: true }).fill(receiverUrl);
  await page.getByTestId('rule-save').click();
  const secretInput = page.getByTestId('webhook-secret-value');
  await secretInput.waitFor({ timeout: 30_000 });
  const secret = await secretInput.inputValue();
  expect(secret.length).toBeGreaterThanOrEqual(16);
  const card = page.getByTestId('rule').filter({ hasText: 'Buyers waiting' });
  expect(await card.getByTestId('rule-alerts').innerText()).toBe(
    'Buyer message not answered in time; high and critical',
  );
  await page.getByTestId('webhook-secret-done').click();
  await page.reload();
  await card.waitFor();
  expect(await page.getByTestId('webhook-secret').count()).toBe(0);
  expect(await page.content()).not.toContain(secret);

  await card.getByTestId('rule-test').click();
  const result = card.getByTestId('rule-test-result');
  await result.waitFor({ timeout: 30_000 });
  expect(await result.innerText()).toMatch(new RegExp(`^Webhook ${receiverUrl.replace(/[/.]/g, '\\$&')}: Sent `));
  expect(received).toHaveLength(1);
  const { headers, body } = received[0];
  const timestamp = headers['x-orderhub-timestamp'] as string;
  const expected = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
  expect(headers['x-orderhub-signature']).toBe(`v1=${expected}`);
  const log = page.getByTestId('delivery').first();
  await log.waitFor();
  expect(await page.getByTestId('deliveries').innerText()).not.toMatch(RAW_CODE);
  await screenshot(page, 'settings-notifications');
});

test('at 390 px the messages, the notification settings and the mailbox settings fit the screen', async () => {
  const phone = await browser!.newPage({ viewport: { width: 390, height: 844 } });
  phone.on('pageerror', (error) => pageErrors.push(error.message));
  try {
    await api.signIn(phone, api.admin);
    for (const [path, testId] of [
      ['/messages', 'buyer-message'],
      ['/messages?tab=mail', 'mail-message'],
      ['/settings/notifications', 'rule'],
      ['/settings/mailbox', 'mailbox'],
    ] as const) {
      await phone.goto(`${api.baseUrl}${path}`);
      const first = phone.getByTestId(testId).first();
      await first.waitFor({ timeout: 30_000 });
      expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      const box = (await first.boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(390);
      // Nothing inside a card runs past its edge (a relay address is one long token).
      expect(await first.evaluate((element) => element.scrollWidth - element.clientWidth)).toBeLessThanOrEqual(0);
    }
    await phone.goto(`${api.baseUrl}/messages`);
    await phone.getByTestId('buyer-message').first().waitFor();
    await screenshot(phone, 'messages-390');
  } finally {
    await phone.close();
  }
});
