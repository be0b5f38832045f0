// Named users in the browser: an admin invites a person from the Users page (the invitation goes out through a
// real SMTP server), the person sets a password and enrols TOTP, signs in, resets a forgotten password, works in
// two tabs and signs out; a session that expired returns to sign-in and then to the page; SSO against a real
// OpenID Connect issuer; a VIEWER cannot reach the admin pages. Needs `npm run build` first.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startOidcIssuer, type OidcTestIssuer } from '../../api/test/support/oidc-issuer';
import { startSmtpSink, type SmtpSink } from '../../api/test/support/smtp-sink';
import { freePort, startApi, type ApiProcess } from './support/api-process';
import { API_MAIN, launchChromium, requireBuild, SCREENSHOTS, WEB_DIST } from './support/browser';
import { pageWhen } from './support/console-actions';
import { newPassword, type Person } from './support/people';
import { onSignIn, signInThroughPages, signOutThroughMenu } from './support/sign-in-page';
import { Authenticator } from './support/totp';

const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };
const SSO_LABEL = 'Sign in with Test Identity';
const SSO_PERSON = { sub: 'sso-sam', email: 'sam.sso@e2e.test', name: 'Sam Single-Sign-On', amr: ['pwd', 'mfa'] };

let api: ApiProcess | undefined;
let smtp: SmtpSink | undefined;
let issuer: OidcTestIssuer | undefined;
let baseUrl: string;
let browser: Browser | undefined;
const pageErrors: string[] = [];

async function newPage(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(`${page.url()}: ${error.message}`));
  return page;
}

async function newTabOwner(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser!.newContext({ viewport: DESKTOP });
  return { context, page: await newPage(context) };
}

/** The page at 1440×900 and at 390×844 (the layout must hold on a phone too). */
async function screenshots(page: Page, name: string) {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
  await page.setViewportSize(PHONE);
  try {
    await page.screenshot({ path: join(SCREENSHOTS, `${name}-390.png`), fullPage: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  } finally {
    await page.setViewportSize(DESKTOP);
  }
}

beforeAll(async () => {
  requireBuild();
  smtp = await startSmtpSink();
  // The issuer must know the hub's callback before the hub starts, so the hub's port is chosen first.
  const port = await freePort();
  baseUrl = `http://127.0.0.1:${port}`;
  issuer = await startOidcIssuer({ redirectUri: `${baseUrl}/auth/oidc/callback`, accounts: [SSO_PERSON] });
  api = await startApi(API_MAIN, WEB_DIST, {
    port,
    env: {
      SMTP_URL: smtp.url,
      MAIL_FROM: 'Order Hub <hub@e2e.test>',
      OIDC_ISSUER: issuer.issuer,
      OIDC_CLIENT_ID: issuer.clientId,
      OIDC_CLIENT_SECRET: issuer.clientSecret,
      OIDC_LABEL: SSO_LABEL,
      OIDC_AUTO_CREATE_ROLE: 'VIEWER',
    },
  });
  browser = await launchChromium();
}, 200_000);

afterAll(async () => {
  // What the api said, for reading after a failure.
  if (api) writeFileSync(join(SCREENSHOTS, 'users-and-sign-in-api.log'), api.output());
  await browser?.close();
  await api?.stop();
  await issuer?.close();
  await smtp?.close();
});

afterEach(() => expect(pageErrors).toEqual([]));

test('the sign-in page offers the password form and the SSO button', async () => {
  const { context, page } = await newTabOwner();
  await page.goto(`${baseUrl}/outbox`);
  await page.waitForURL(onSignIn);
  expect(await page.getByTestId('sign-in-sso').textContent()).toContain(SSO_LABEL);
  await page.getByTestId('sign-in-email').waitFor();
  await screenshots(page, 'sign-in');
  await context.close();
});

/** The person the admin invites; filled in as the scenario goes. */
const dana: Person = {
  id: '',
  email: 'dana.operator@e2e.test',
  name: 'Dana Operator',
  role: 'OPERATOR',
  password: newPassword(),
  authenticator: null,
  recoveryCodes: [],
};
let invitationLink = '';
let admin: { context: BrowserContext; page: Page };
let person: { context: BrowserContext; page: Page };

test('an admin invites a person from the Users page: the link is shown once and e-mailed', async () => {
  admin = await newTabOwner();
  const { page } = admin;
  await api!.openAs(page, api!.admin, '/settings/users');
  await page.getByTestId('users-table').waitFor();

  await page.getByTestId('invite-user').click();
  const dialog = page.getByTestId('invite-dialog');
  await dialog.getByTestId('invite-email').fill(dana.email);
  await dialog.getByTestId('invite-user-name').fill(dana.name);
  await dialog.getByTestId('invite-role').selectOption('OPERATOR');
  await dialog.getByTestId('invite-submit').click();
  await dialog.getByTestId('user-link-emailed').waitFor();
  invitationLink = await dialog.getByTestId('user-link').inputValue();
  expect(invitationLink).toMatch(new RegExp(`^${baseUrl}/invite#.{20,}$`));

  const mail = await smtp!.waitFor((m) => m.to.includes(dana.email));
  expect(mail.text).toContain(invitationLink);
  await dialog.getByTestId('invite-done').click();

  const row = page.locator(`[data-testid="user-row"][data-email="${dana.email}"]`);
  await row.waitFor();
  expect(await row.getByTestId('user-status').textContent()).toBe('Invited');
  await screenshots(page, 'users-page');
});

test('the invited person opens the link, chooses a password and enrols TOTP (MFA is on by default: an Amazon account is connected)', async () => {
  person = await newTabOwner();
  const { page } = person;
  await page.goto(invitationLink);
  await page.getByTestId('invite-page').waitFor();
  await page.getByTestId('new-password').fill(dana.password);
  await page.getByTestId('new-password-confirm').fill(dana.password);
  await page.getByTestId('new-password-submit').click();

  await page.waitForURL((url) => url.pathname === '/mfa/enrol');
  const secret = page.getByTestId('enrol-secret');
  await secret.waitFor();
  dana.authenticator = new Authenticator((await secret.inputValue()).replace(/\s+/g, ''));
  await page.getByTestId('enrol-qr').waitFor();
  await screenshots(page, 'mfa-enrolment');

  await page.getByTestId('mfa-code').fill(await dana.authenticator.code());
  await page.getByTestId('enrol-confirm').click();
  const codes = page.getByTestId('recovery-code');
  await page.getByTestId('recovery-code-list').waitFor();
  dana.recoveryCodes = await codes.allTextContents();
  expect(dana.recoveryCodes).toHaveLength(10);
  expect(dana.recoveryCodes.every((code) => /^[a-z0-9]{4}-[a-z0-9]{4}$/i.test(code.trim()))).toBe(true);
  await screenshots(page, 'mfa-recovery-codes');
  await page.getByTestId('recovery-codes-saved').click();
  await page.waitForURL(`${baseUrl}/`);
  expect(await page.getByTestId('session-name').textContent()).toBe(dana.name);
  expect(await page.getByTestId('session-role').textContent()).toBe('OPERATOR');

  // The admin's list shows the person active, with two-factor sign-in on.
  await admin.page.reload();
  const row = admin.page.locator(`[data-testid="user-row"][data-email="${dana.email}"]`);
  await pageWhen(
    admin.page,
    async () => [await row.getByTestId('user-status').textContent(), await row.getByTestId('user-mfa').textContent()],
    ([status, mfa]) => status === 'Active' && mfa === 'On',
    'Dana active with MFA on',
  );
});

test('the person signs out, then signs in with password and TOTP code', async () => {
  const { page } = person;
  await signOutThroughMenu(page);
  await signInThroughPages(page, dana);
  await page.waitForURL(`${baseUrl}/`);
  expect(await page.getByTestId('session-name').textContent()).toBe(dana.name);
});

test('a forgotten password: the reset link arrives by e-mail, a recovery code stands in for the phone, the new password works', async () => {
  const { page } = person;
  await signOutThroughMenu(page);
  await page.getByTestId('sign-in-forgot').click();
  await page.getByTestId('forgot-password-email').fill(dana.email);
  await page.getByTestId('forgot-password-submit').click();
  await page.getByTestId('forgot-password-sent').waitFor();

  const mail = await smtp!.waitFor((m) => m.to.includes(dana.email) && m.text.includes('/reset-password#'));
  const link = new RegExp(`${baseUrl}/reset-password#[\\w-]+`).exec(mail.text)?.[0];
  expect(link).toBeDefined();
  await page.goto(link!);
  dana.password = newPassword();
  await page.getByTestId('new-password').fill(dana.password);
  await page.getByTestId('new-password-confirm').fill(dana.password);
  await page.getByTestId('new-password-submit').click();
  // The phone is not at hand: one of the recovery codes instead.
  await page.waitForURL((url) => url.pathname === '/sign-in/mfa');
  await page.getByTestId('mfa-use-recovery').click();
  await page.getByTestId('mfa-recovery-code').fill(dana.recoveryCodes.shift()!.trim());
  await page.getByTestId('mfa-submit').click();
  await page.waitForURL(`${baseUrl}/`);

  await signOutThroughMenu(page);
  await signInThroughPages(page, dana);
  await page.waitForURL(`${baseUrl}/`);
  expect(await page.getByTestId('session-name').textContent()).toBe(dana.name);
});

interface OpenOrders {
  orders: { edges: { node: { id: string; channelOrderId: string } }[] };
}

test('an order opened in a second tab needs no new sign-in; each tab acknowledges an order and sees the other’s', async () => {
  const { orders } = await api!.graphql<OpenOrders>(
    '{ orders(filter: { channel: WALMART, statuses: [CREATED] }, first: 2) { edges { node { id channelOrderId } } } }',
  );
  expect(orders.edges.length).toBe(2);
  const [first, second] = orders.edges.map((edge) => edge.node);
  const tab1 = person.page;
  const tab2 = await newPage(person.context);

  const acknowledgeIn = async (tab: Page, order: { id: string }) => {
    await tab.goto(`${baseUrl}/orders/${order.id}`);
    await pageWhen(
      tab,
      () => tab.getByTestId('action-acknowledge').isEnabled(),
      (enabled) => enabled,
      'Acknowledge enabled for an OPERATOR',
    );
    await tab.getByTestId('action-acknowledge').click();
    await tab.getByTestId('action-outcome').waitFor();
  };
  const acknowledgedBy = (tab: Page, order: { id: string }) =>
    pageWhen(
      tab,
      () =>
        tab
          .locator('[data-testid="timeline-outbox"][data-operation="ACKNOWLEDGE"]')
          .evaluateAll((items) => items.map((item) => item.textContent ?? '')),
      (items) => items.some((text) => text.includes(`by ${dana.email}`)),
      `the acknowledgement of ${order.id} by ${dana.email}`,
    );

  await acknowledgeIn(tab2, first);
  expect(await tab2.getByTestId('session-name').textContent()).toBe(dana.name);
  await acknowledgeIn(tab1, second);

  await tab1.goto(`${baseUrl}/orders/${first.id}`);
  await acknowledgedBy(tab1, first);
  await tab2.goto(`${baseUrl}/orders/${second.id}`);
  await acknowledgedBy(tab2, second);
  await tab2.close();
});

test('an expired session goes back to sign-in, then to the page the person was on', async () => {
  const { page } = person;
  const { orders } = await api!.graphql<OpenOrders>('{ orders(first: 1) { edges { node { id channelOrderId } } } }');
  const order = orders.edges[0].node;
  await page.goto(`${baseUrl}/orders/${order.id}`);
  await page.getByTestId('order-title').waitFor();

  // Idle since three hours ago (the idle timeout is two hours): written while the api is down, read once it is up.
  await api!.restartAfter(
    `UPDATE user_session SET last_seen_at = now() - interval '3 hours' WHERE user_id = (SELECT id FROM app_user WHERE email_key = '${dana.email}')`,
  );
  await page.reload();
  await page.waitForURL(onSignIn);
  expect(new URL(page.url()).searchParams.get('next')).toBe(`/orders/${order.id}`);

  await signInThroughPages(page, dana);
  await page.waitForURL(`${baseUrl}/orders/${order.id}`);
  expect(await page.getByTestId('order-title').textContent()).toBe(order.channelOrderId);
});

test('signing out ends the session in every tab of the browser', async () => {
  const { context, page } = person;
  const other = await newPage(context);
  await other.goto(`${baseUrl}/outbox`);
  await other.getByTestId('session-name').waitFor();

  await signOutThroughMenu(page);
  await other.reload();
  await other.waitForURL(onSignIn);
  await context.close();
});

test('a VIEWER reads why, not the page, at the users, API tokens and security settings', async () => {
  const viewer = await api!.addPerson({ email: 'vera.viewer@e2e.test', name: 'Vera Viewer', role: 'VIEWER' });
  const { context, page } = await newTabOwner();
  await api!.openAs(page, viewer, '/');
  for (const [path, pageId, words] of [
    ['/settings/users', 'users-page', 'Only admins can manage users.'],
    ['/settings/api-tokens', 'api-tokens-page', /^Only admins can /],
    ['/settings/security', 'security-page', /^Only admins can /],
  ] as const) {
    await page.goto(`${baseUrl}${path}`);
    await page.getByTestId(pageId).waitFor();
    const notice = page.getByTestId('admin-only');
    await notice.waitFor();
    expect(await notice.textContent()).toMatch(words);
    for (const admins of ['users-table', 'invite-user', 'api-tokens-table', 'token-new', 'require-mfa-form']) {
      expect(await page.getByTestId(admins).count()).toBe(0);
    }
  }
  // Nor does the api answer the pages' questions for a VIEWER.
  const refused = await page.evaluate(async () => {
    const session = (await (await fetch('/auth/session')).json()) as { csrfToken: string };
    const response = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
      body: JSON.stringify({ query: '{ users { email } }' }),
    });
    return ((await response.json()) as { errors?: { extensions?: { code?: string } }[] }).errors?.[0]?.extensions?.code;
  });
  expect(refused).toBe('FORBIDDEN');
  await screenshots(page, 'admin-page-as-viewer');
  await context.close();
});

test('SSO: the button signs in at the OpenID Connect issuer and lands on the page asked for, as a new VIEWER', async () => {
  const { context, page } = await newTabOwner();
  await page.goto(`${baseUrl}/outbox`);
  await page.waitForURL(onSignIn);
  await page.getByTestId('sign-in-sso').click();

  // The issuer's own login page.
  await page.waitForURL((url) => url.origin === issuer!.issuer);
  await page.locator('#login').fill(SSO_PERSON.email);
  await page.locator('button[type="submit"]').click();

  await page.waitForURL(`${baseUrl}/outbox`);
  await page.getByTestId('session-name').waitFor();
  expect(await page.getByTestId('session-name').textContent()).toBe(SSO_PERSON.name);
  expect(await page.getByTestId('session-role').textContent()).toBe('VIEWER');

  // Disabled by an admin: the open tab stops at once, and SSO refuses the next sign-in in words.
  const { users } = await api!.graphql<{ users: { id: string; email: string }[] }>('{ users { id email } }');
  const sam = users.find((user) => user.email === SSO_PERSON.email);
  expect(sam).toBeDefined();
  await api!.graphql(`mutation { disableUser(id: "${sam!.id}") { status } }`);
  await page.reload();
  await page.waitForURL(onSignIn);
  // The issuer remembers the person: it answers at once, and the hub refuses.
  await page.getByTestId('sign-in-sso').click();
  await page.waitForURL((url) => onSignIn(url) && url.searchParams.has('error'));
  const refusal = page.getByTestId('sign-in-sso-error');
  await refusal.waitFor();
  expect(await refusal.textContent()).toMatch(/disabled/i);
  await context.close();
});

test('the admin’s own tab is still signed in after all this', async () => {
  await admin.page.reload();
  await admin.page.getByTestId('users-table').waitFor();
  expect(await admin.page.getByTestId('session-role').textContent()).toBe('ADMIN');
  await admin.context.close();
});
