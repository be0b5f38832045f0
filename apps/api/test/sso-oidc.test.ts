import { APP_CONFIG } from '../src/config/app-config.token';
import { ConfigError, loadConfig, type AppConfig } from '../src/config/app-config';
import { safeReturnTo } from '../src/modules/auth/sso/return-to';
import { AuditEventEntity } from '../src/modules/audit/audit-event.entity';
import { CookieJar, completeLoginOverHttp, startOidcIssuer, type OidcTestIssuer } from './support/oidc-issuer';
import { startTestApp, type TestApp } from './support/test-app';
import { testDatabases } from './support/test-databases';

const SESSION_COOKIE = 'order_hub_session';
const STATE_MESSAGE = "The sign-in response did not match this browser's request (state): start again.";
const NONCE_MESSAGE = "The sign-in response did not match this browser's request (nonce): start again.";
const ISSUER_MESSAGE =
  'The sign-in response did not come from the identity provider this hub trusts (issuer): start again.';

const ACCOUNTS = [
  { sub: 'alice-sub', email: 'Alice@Example.com', name: 'Alice Ops', amr: ['pwd'] },
  { sub: 'ada-sub', email: 'ada@example.com', name: 'Ada Admin', amr: ['pwd', 'mfa'] },
  { sub: 'adam-sub', email: 'adam@example.com', name: 'Adam Admin', amr: ['pwd'] },
  { sub: 'bob-sub', email: 'bob@example.com', name: 'Bob Gone' },
  { sub: 'carol-sub', email: 'carol@example.com', name: 'Carol New' },
  { sub: 'dan-sub', email: 'dan@example.com', name: 'Dan Unverified', emailVerified: false },
];

/** The sign-in page's error, as the hub's redirect carries it. */
function errorOf(location: string): string | null {
  return new URL(location, 'http://hub.invalid').searchParams.get('error');
}

describe('safeReturnTo', () => {
  it.each([
    ['/orders/42?tab=events#top', '/orders/42?tab=events#top'],
    ['//evil.example/x', '/'],
    ['https://evil.example/x', '/'],
    ['/\\evil.example', '/'],
    ['/\t/evil.example', '/'],
    ['evil.example', '/'],
    ['/auth/oidc/start', '/'],
    ['/sign-in?next=/x', '/'],
    [undefined, '/'],
  ])('%j → %j', (input, expected) => {
    expect(safeReturnTo(input)).toBe(expected);
  });
});

describe.each(testDatabases())('single sign-on with OpenID Connect on %s', (kind) => {
  let issuer: OidcTestIssuer;
  let app: TestApp;
  let config: AppConfig;
  const start = (returnTo = '/') => `${app.baseUrl}/auth/oidc/start?returnTo=${encodeURIComponent(returnTo)}`;

  async function invite(email: string, role: string): Promise<string> {
    const res = await app.gql(`mutation($input: InviteUserInput!) { inviteUser(input: $input) { user { id } } }`, {
      input: { email, name: email.split('@')[0], role },
    });
    expect(res.errors).toBeUndefined();
    return res.data!.inviteUser.user.id as string;
  }

  /** GET /auth/session and a GraphQL `me` with the browser's session cookie, as the console does. */
  async function whoIsSignedIn(jar: CookieJar) {
    const cookie = `${SESSION_COOKIE}=${jar.get(app.baseUrl, SESSION_COOKIE)}`;
    const session = await fetch(`${app.baseUrl}/auth/session`, { headers: { cookie } });
    expect(session.status).toBe(200);
    const body = (await session.json()) as { status: string; csrfToken: string; user: { email: string } };
    const me = await fetch(`${app.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': body.csrfToken },
      body: JSON.stringify({ query: '{ me { name role sessionStatus user { email name status } } }' }),
    });
    const graphql = (await me.json()) as { data?: { me: Record<string, unknown> }; errors?: unknown };
    return { session: body, me: graphql.data?.me ?? null, errors: graphql.errors };
  }

  const auditEvents = (action: string) =>
    app.ds.getRepository(AuditEventEntity).find({ where: { action }, order: { occurredAt: 'ASC' } });

  beforeAll(async () => {
    issuer = await startOidcIssuer({ accounts: ACCOUNTS });
    app = await startTestApp(kind, {
      OIDC_ISSUER: issuer.issuer,
      OIDC_CLIENT_ID: issuer.clientId,
      OIDC_CLIENT_SECRET: issuer.clientSecret,
      OIDC_LABEL: 'Sign in with Example SSO',
    });
    await issuer.setRedirectUri(`${app.baseUrl}/auth/oidc/callback`);
    config = app.running.app.get<AppConfig>(APP_CONFIG);
    await invite('alice@example.com', 'OPERATOR');
    await invite('ada@example.com', 'ADMIN');
    await invite('adam@example.com', 'ADMIN');
    const bob = await invite('bob@example.com', 'VIEWER');
    expect(
      (await app.gql(`mutation($id: ID!) { disableUser(id: $id) { status } }`, { id: bob })).errors,
    ).toBeUndefined();
  });
  afterAll(async () => {
    await app?.close();
    await issuer?.close();
  });

  it('offers the SSO button on the sign-in page', async () => {
    const options = await (await fetch(`${app.baseUrl}/auth/options`)).json();
    expect(options).toMatchObject({ passwordSignIn: true, sso: { label: 'Sign in with Example SSO' } });
  });

  it('signs an invited person in through the issuer and back to the page they asked for, as themselves', async () => {
    const outcome = await completeLoginOverHttp(start('/orders/42?tab=events'), 'alice@example.com');
    expect(outcome.status).toBe(302);
    expect(outcome.location).toBe('/orders/42?tab=events');
    // The flow's cookie is spent: the same answer cannot be used twice from this browser.
    expect(outcome.jar.get(app.baseUrl, 'order_hub_oidc')).toBeUndefined();

    const signedIn = await whoIsSignedIn(outcome.jar);
    expect(signedIn.session).toMatchObject({ status: 'SIGNED_IN', user: { email: 'alice@example.com' } });
    expect(signedIn.errors).toBeUndefined();
    expect(signedIn.me).toEqual({
      name: 'alice@example.com',
      role: 'OPERATOR',
      sessionStatus: 'SIGNED_IN',
      user: { email: 'alice@example.com', name: 'alice', status: 'ACTIVE' },
    });

    const [event] = (await auditEvents('user.signed_in')).filter((e) => e.actor === 'user:alice@example.com');
    expect(event.after).toMatchObject({ method: 'SSO', status: 'SIGNED_IN', secondFactorByIssuer: false });
  });

  it("counts the issuer's MFA as the second factor (amr), and asks an ADMIN without it to set one up", async () => {
    const withMfa = await completeLoginOverHttp(start('/settings/users'), 'ada@example.com');
    expect(withMfa.location).toBe('/settings/users');
    expect((await whoIsSignedIn(withMfa.jar)).session.status).toBe('SIGNED_IN');

    const withoutMfa = await completeLoginOverHttp(start('/settings/users'), 'adam@example.com');
    expect(withoutMfa.location).toBe('/mfa/enrol?next=%2Fsettings%2Fusers');
    const pending = await whoIsSignedIn(withoutMfa.jar);
    expect(pending.session.status).toBe('MFA_ENROLMENT_REQUIRED');
    expect(pending.me).toMatchObject({ sessionStatus: 'MFA_ENROLMENT_REQUIRED' });
  });

  it('refuses a person the hub does not know, in words, when automatic creation is off', async () => {
    const outcome = await completeLoginOverHttp(start('/orders'), 'carol@example.com');
    expect(outcome.location.startsWith('/sign-in?error=')).toBe(true);
    expect(errorOf(outcome.location)).toBe(
      'No user of this hub has the e-mail address carol@example.com: ask an admin to invite you, then sign in with SSO again.',
    );
    expect(new URL(outcome.location, 'http://x').searchParams.get('next')).toBe('/orders');
    expect(outcome.jar.get(app.baseUrl, SESSION_COOKIE)).toBeUndefined();
    const users = await app.gql(`{ users { email } }`);
    expect(users.data!.users.map((u: { email: string }) => u.email)).not.toContain('carol@example.com');
    const refused = (await auditEvents('user.sso_refused')).find((e) => e.after?.email === 'carol@example.com');
    expect(refused?.after).toMatchObject({ reason: 'unknown-user', subject: 'carol-sub', issuer: issuer.issuer });
  });

  it('refuses an e-mail address the issuer has not verified', async () => {
    const outcome = await completeLoginOverHttp(start(), 'dan@example.com');
    expect(errorOf(outcome.location)).toBe(
      'The identity provider has not verified the e-mail address dan@example.com: verify it there, or ask an admin to invite you.',
    );
  });

  it('creates a person on first sign-in with the default role when OIDC_AUTO_CREATE_ROLE is set', async () => {
    config.sso!.autoCreateRole = 'VIEWER';
    try {
      const outcome = await completeLoginOverHttp(start('/'), 'carol@example.com');
      expect(outcome.location).toBe('/');
      const signedIn = await whoIsSignedIn(outcome.jar);
      expect(signedIn.me).toMatchObject({
        role: 'VIEWER',
        user: { email: 'carol@example.com', name: 'Carol New', status: 'ACTIVE' },
      });
    } finally {
      config.sso!.autoCreateRole = null;
    }
    // Known now (by the issuer's subject): signs in again with creation off.
    const again = await completeLoginOverHttp(start('/'), 'carol@example.com');
    expect(again.location).toBe('/');
  });

  it('refuses a disabled person, in words', async () => {
    const outcome = await completeLoginOverHttp(start(), 'bob@example.com');
    expect(errorOf(outcome.location)).toBe('Your user on this hub is disabled: ask an admin to enable it.');
    expect(outcome.jar.get(app.baseUrl, SESSION_COOKIE)).toBeUndefined();
    const refused = (await auditEvents('user.sso_refused')).find((e) => e.after?.email === 'bob@example.com');
    expect(refused?.after).toMatchObject({ reason: 'disabled-user' });
  });

  it('refuses an answer whose state was tampered with', async () => {
    const outcome = await completeLoginOverHttp(start(), 'alice@example.com', {
      rewriteCallbackUrl: (url) => url.searchParams.set('state', 'forged-state'),
    });
    expect(errorOf(outcome.location)).toBe(STATE_MESSAGE);
    expect(outcome.jar.get(app.baseUrl, SESSION_COOKIE)).toBeUndefined();
  });

  it("refuses another sign-in's answer replayed into this browser (state), and an answer with no flow at all", async () => {
    let stolen = '';
    await completeLoginOverHttp(start(), 'alice@example.com', {
      // The victim's browser never delivers its answer: the attacker has it.
      rewriteCallbackUrl: (url) => {
        stolen = url.toString();
        url.searchParams.delete('code');
      },
    });
    const attacker = new CookieJar();
    await attacker.fetch(start());
    const replayed = await attacker.fetch(stolen);
    expect(errorOf(replayed.headers.get('location')!)).toBe(STATE_MESSAGE);
    expect(attacker.get(app.baseUrl, SESSION_COOKIE)).toBeUndefined();

    const noFlow = await fetch(stolen, { redirect: 'manual' });
    expect(errorOf(noFlow.headers.get('location')!)).toBe(STATE_MESSAGE);
  });

  it('refuses an ID token carrying a nonce other than the one this browser sent', async () => {
    const outcome = await completeLoginOverHttp(start(), 'alice@example.com', {
      rewriteAuthorizationUrl: (url) => url.searchParams.set('nonce', 'nonce-of-another-flow'),
    });
    expect(errorOf(outcome.location)).toBe(NONCE_MESSAGE);
    expect(outcome.jar.get(app.baseUrl, SESSION_COOKIE)).toBeUndefined();
    expect((await auditEvents('user.sso_refused')).some((e) => e.after?.reason === 'nonce')).toBe(true);
  });

  it('refuses an answer naming another issuer', async () => {
    const other = await startOidcIssuer({ accounts: ACCOUNTS });
    try {
      const outcome = await completeLoginOverHttp(start(), 'alice@example.com', {
        rewriteCallbackUrl: (url) => url.searchParams.set('iss', other.issuer),
      });
      expect(errorOf(outcome.location)).toBe(ISSUER_MESSAGE);
      expect(outcome.jar.get(app.baseUrl, SESSION_COOKIE)).toBeUndefined();
    } finally {
      await other.close();
    }
  });

  it.each(['//evil.example/phish', 'https://evil.example/phish', '/\\evil.example'])(
    'sends the browser to / instead of returnTo=%s',
    async (returnTo) => {
      const outcome = await completeLoginOverHttp(start(returnTo), 'alice@example.com');
      expect(outcome.location).toBe('/');
      expect(outcome.jar.get(app.baseUrl, SESSION_COOKIE)).toBeDefined();
    },
  );
});

describe('SSO configuration', () => {
  const load = (env: Record<string, string>) => () =>
    loadConfig({ PGLITE_DIR: 'memory', CREDENTIALS_KEY: KEY, ...env });
  const KEY = Buffer.alloc(32, 1).toString('base64');

  it.each([
    [{ OIDC_ISSUER: 'http://idp.example.com' }, 'OIDC_ISSUER must be the issuer URL'],
    [{ OIDC_ISSUER: 'https://idp.example.com' }, 'OIDC_CLIENT_ID must be set when OIDC_ISSUER is'],
    [{ OIDC_CLIENT_ID: 'hub' }, 'OIDC_CLIENT_ID needs OIDC_ISSUER'],
    [
      { OIDC_ISSUER: 'https://idp.example.com', OIDC_CLIENT_ID: 'hub', OIDC_AUTO_CREATE_ROLE: 'ADMIN' },
      'OIDC_AUTO_CREATE_ROLE must be VIEWER or OPERATOR',
    ],
  ])('stops on %j naming the variable and the rule', (env, message) => {
    expect(load(env)).toThrow(ConfigError);
    expect(load(env)).toThrow(`Invalid configuration: ${message}`);
  });

  it('reads the issuer, client and defaults', () => {
    expect(load({ OIDC_ISSUER: 'https://idp.example.com', OIDC_CLIENT_ID: 'hub' })().sso).toEqual({
      issuer: 'https://idp.example.com',
      clientId: 'hub',
      clientSecret: null,
      label: 'Sign in with SSO',
      autoCreateRole: null,
    });
  });
});

describe('single sign-on, OIDC_ISSUER written with a trailing slash', () => {
  let issuer: OidcTestIssuer;
  let app: TestApp;
  beforeAll(async () => {
    issuer = await startOidcIssuer({ accounts: ACCOUNTS });
    // The issuer calls itself http://127.0.0.1:<port>, without the slash.
    app = await startTestApp('pglite', {
      OIDC_ISSUER: `${issuer.issuer}/`,
      OIDC_CLIENT_ID: issuer.clientId,
      OIDC_CLIENT_SECRET: issuer.clientSecret,
      OIDC_AUTO_CREATE_ROLE: 'OPERATOR',
    });
    await issuer.setRedirectUri(`${app.baseUrl}/auth/oidc/callback`);
  });
  afterAll(async () => {
    await app?.close();
    await issuer?.close();
  });

  it('still signs people in: both spellings name the same issuer', async () => {
    const outcome = await completeLoginOverHttp(`${app.baseUrl}/auth/oidc/start`, 'carol@example.com');
    expect(outcome.location).toBe('/');
    expect(outcome.jar.get(app.baseUrl, SESSION_COOKIE)).toBeDefined();
  });
});

describe('single sign-on with an issuer that cannot be reached', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp('pglite', { OIDC_ISSUER: 'http://127.0.0.1:9', OIDC_CLIENT_ID: 'hub' });
  });
  afterAll(() => app?.close());

  it('sends the browser back to the sign-in page saying what to check, and sets no cookie', async () => {
    const res = await fetch(`${app.baseUrl}/auth/oidc/start?returnTo=/orders`, { redirect: 'manual' });
    expect(res.status).toBe(302);
    expect(errorOf(res.headers.get('location')!)).toBe(
      'The identity provider at http://127.0.0.1:9 could not be reached or answered unexpectedly: try again in a minute, or ask an admin to check OIDC_ISSUER.',
    );
    expect(res.headers.getSetCookie()).toEqual([]);
  });
});

describe('single sign-on, not set up', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp('pglite');
  });
  afterAll(() => app?.close());

  it('has no SSO button, and its routes send the browser back to the sign-in page in words', async () => {
    expect(await (await fetch(`${app.baseUrl}/auth/options`)).json()).toMatchObject({ sso: null });
    const res = await fetch(`${app.baseUrl}/auth/oidc/start?returnTo=/orders`, { redirect: 'manual' });
    expect(res.status).toBe(302);
    expect(errorOf(res.headers.get('location')!)).toBe(
      'Single sign-on is not set up on this hub: sign in with your e-mail and password.',
    );
  });
});
