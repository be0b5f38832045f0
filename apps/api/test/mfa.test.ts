import { generate } from 'otplib';
import { ApiRole, UserStatus } from '@order-hub/types';
import { hashPassword } from '../src/modules/auth/passwords/password';
import { emailKeyOf } from '../src/modules/users/email-address';
import { UsersRepository } from '../src/modules/users/users.repository';
import { startTestApp, type TestApp } from './support/test-app';
import { testDatabases } from './support/test-databases';

const PASSWORD = 'correct horse battery 42';
const COOKIE = 'order_hub_session';
const STEP_SECONDS = 30;

interface Answer<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

/**
 * One browser: the session cookie and the CSRF token its sign-in answered with, from its own client address (the
 * app trusts X-Forwarded-For here, so one browser's refused codes do not lock the others' address).
 */
class Browser {
  private cookie: string | null = null;
  csrfToken: string | null = null;

  constructor(
    private readonly app: TestApp,
    private readonly ip: string,
  ) {}

  async post<T = any>(path: string, body: unknown, { csrf = true } = {}): Promise<Answer<T>> {
    const res = await fetch(`${this.app.baseUrl}${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-forwarded-for': this.ip,
        ...(this.cookie ? { cookie: `${COOKIE}=${this.cookie}` } : {}),
        ...(csrf && this.csrfToken ? { 'x-csrf-token': this.csrfToken } : {}),
      },
      body: JSON.stringify(body),
    });
    for (const header of res.headers.getSetCookie()) {
      const [name, value] = header.split(';')[0].split('=');
      if (name === COOKIE) this.cookie = value;
    }
    const text = await res.text();
    const parsed = (text ? JSON.parse(text) : null) as T;
    const token = (parsed as { csrfToken?: string } | null)?.csrfToken;
    if (token) this.csrfToken = token;
    return { status: res.status, body: parsed, headers: res.headers };
  }

  signIn(email: string, password = PASSWORD) {
    return this.post('/auth/sign-in', { email, password }, { csrf: false });
  }

  async session(): Promise<Answer> {
    const res = await fetch(`${this.app.baseUrl}/auth/session`, {
      headers: { cookie: `${COOKIE}=${this.cookie ?? ''}`, 'x-forwarded-for': this.ip },
    });
    return { status: res.status, body: await res.json(), headers: res.headers };
  }

  async gql(query: string, variables: Record<string, unknown> = {}) {
    const { body } = await this.post<{ data: any; errors?: { message: string; extensions: { code: string } }[] }>(
      '/graphql',
      { query, variables },
    );
    return body;
  }
}

/** The code an authenticator app shows for the given time step (steps of 30 s since 1970). */
function codeAt(secret: string, step: number): Promise<string> {
  return generate({ secret, epoch: step * STEP_SECONDS });
}

const currentStep = () => Math.floor(Date.now() / 1000 / STEP_SECONDS);

/** Six digits the app shows at none of the steps a check around now could accept. */
async function wrongCode(secret: string): Promise<string> {
  const near = await Promise.all([-1, 0, 1, 2].map((d) => codeAt(secret, currentStep() + d)));
  let n = 0;
  while (near.includes(String(n).padStart(6, '0'))) n++;
  return String(n).padStart(6, '0');
}

const ENROL = `mutation { startTotpEnrolment { secret otpauthUrl qrSvg } }`;
const CONFIRM = `mutation($code: String!) { confirmTotpEnrolment(code: $code) { codes } }`;
const REGENERATE = `mutation($code: String!) { regenerateRecoveryCodes(code: $code) { codes } }`;
const SETTINGS = `query { securitySettings { requireMfa requireMfaDefault effectiveRequireMfa reason updatedBy } }`;
const UPDATE_SETTINGS = `mutation($input: UpdateSecuritySettingsInput!) {
  updateSecuritySettings(input: $input) { requireMfa requireMfaDefault effectiveRequireMfa reason updatedBy }
}`;

describe.each(testDatabases())('MFA (TOTP, recovery codes, require MFA) on %s', (kind) => {
  let app: TestApp;
  let ipCounter = 0;
  const browser = () => new Browser(app, `10.0.${kind === 'pglite' ? 1 : 2}.${++ipCounter}`);

  async function createPerson(email: string, role: ApiRole): Promise<string> {
    const users = app.running.app.get(UsersRepository);
    const user = await users.insert({
      email,
      emailKey: emailKeyOf(email),
      name: email.split('@')[0],
      role,
      status: UserStatus.ACTIVE,
      passwordHash: await hashPassword(PASSWORD),
      createdBy: 'test',
    });
    return user.id;
  }

  /** Signs in and sets up TOTP; returns the secret, the recovery codes and the step the first code used. */
  async function enrol(email: string) {
    const b = browser();
    const signedIn = await b.signIn(email);
    expect(signedIn.body.status).toBe('MFA_ENROLMENT_REQUIRED');
    const started = await b.gql(ENROL);
    expect(started.errors).toBeUndefined();
    const { secret } = started.data.startTotpEnrolment as { secret: string };
    const step = currentStep();
    const confirmed = await b.gql(CONFIRM, { code: await codeAt(secret, step) });
    expect(confirmed.errors).toBeUndefined();
    return { secret, codes: confirmed.data.confirmTotpEnrolment.codes as string[], step, browser: b };
  }

  beforeAll(async () => {
    app = await startTestApp(kind, { TRUST_PROXY: 'true' });
  });
  afterAll(() => app?.close());

  describe('an ADMIN', () => {
    const email = `admin.${kind}@example.com`;
    let secret: string;
    let recoveryCodes: string[];
    let lastStep: number;

    beforeAll(() => createPerson(email, ApiRole.ADMIN));

    it('without TOTP must set it up first, and reaches only `me` and the enrolment until then', async () => {
      const b = browser();
      const signedIn = await b.signIn(email);
      expect(signedIn.status).toBe(200);
      expect(signedIn.body.status).toBe('MFA_ENROLMENT_REQUIRED');

      const me = await b.gql(`query { me { name role sessionStatus mfaRequired } }`);
      expect(me.errors).toBeUndefined();
      expect(me.data.me).toEqual({
        name: email,
        role: 'ADMIN',
        sessionStatus: 'MFA_ENROLMENT_REQUIRED',
        mfaRequired: true,
      });
      const settings = await b.gql(SETTINGS);
      expect(settings.errors?.[0].extensions.code).toBe('MFA_REQUIRED');
      expect(settings.errors?.[0].message).toBe('Finish signing in with your second factor first.');
      const regenerate = await b.gql(REGENERATE, { code: '123456' });
      expect(regenerate.errors?.[0].extensions.code).toBe('MFA_REQUIRED');

      const started = await b.gql(ENROL);
      expect(started.errors).toBeUndefined();
      secret = started.data.startTotpEnrolment.secret;
      expect(secret).toMatch(/^[A-Z2-7]{32}$/);
      expect(started.data.startTotpEnrolment.otpauthUrl).toBe(
        `otpauth://totp/Order%20hub:${encodeURIComponent(email)}?secret=${secret}&issuer=Order%20hub`,
      );
      expect(started.data.startTotpEnrolment.qrSvg).toMatch(/^<svg[^>]*>.*<\/svg>\s*$/s);
      // Kept encrypted: neither the base32 text nor its bytes are in the row.
      const [row] = await app.ds.query(
        `SELECT encode(totp_secret_encrypted, 'escape') AS s, totp_enabled_at FROM app_user WHERE email_key = $1`,
        [email],
      );
      expect(row.s).not.toContain(secret);
      expect(row.totp_enabled_at).toBeNull();

      const wrong = await b.gql(CONFIRM, { code: await wrongCode(secret) });
      expect(wrong.errors?.[0]).toMatchObject({ message: 'code: Wrong code.', extensions: { code: 'BAD_USER_INPUT' } });
      const malformed = await b.gql(CONFIRM, { code: '12ab56' });
      expect(malformed.errors?.[0].message).toBe('code: must be the 6 digits your authenticator app shows.');

      lastStep = currentStep();
      const confirmed = await b.gql(CONFIRM, { code: await codeAt(secret, lastStep) });
      expect(confirmed.errors).toBeUndefined();
      recoveryCodes = confirmed.data.confirmTotpEnrolment.codes;
      expect(recoveryCodes).toHaveLength(10);
      for (const code of recoveryCodes) expect(code).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}$/);
      const [stored] = await app.ds.query(`SELECT recovery_code_hashes::text AS h FROM app_user WHERE email_key = $1`, [
        email,
      ]);
      for (const code of recoveryCodes) expect(stored.h).not.toContain(code);

      // The session that enrolled has given its second factor: it works at once.
      expect((await b.session()).body.status).toBe('SIGNED_IN');
      const after = await b.gql(SETTINGS);
      expect(after.errors).toBeUndefined();
      const audit = await app.ds.query(`SELECT actor FROM audit_event WHERE action = 'user.mfa_enrolled'`);
      expect(audit).toContainEqual({ actor: `user:${email}` });
    });

    it('cannot start a second enrolment once one is set up', async () => {
      const b = browser();
      // Refused to a session that has only given its password (a stolen password cannot replace the app).
      expect((await b.signIn(email)).body.status).toBe('MFA_REQUIRED');
      const refused = await b.gql(ENROL);
      expect(refused.errors?.[0]).toMatchObject({
        extensions: { code: 'CONFLICT' },
        message: expect.stringMatching(/already set up.*ask an admin to reset your MFA/),
      });
    });

    it('signs in with MFA_REQUIRED, then /auth/mfa with a good code; a code already used is refused', async () => {
      const b = browser();
      const signedIn = await b.signIn(email);
      expect(signedIn.body.status).toBe('MFA_REQUIRED');
      expect((await b.gql(SETTINGS)).errors?.[0].extensions.code).toBe('MFA_REQUIRED');

      const noCsrf = await b.post('/auth/mfa', { code: await codeAt(secret, lastStep + 1) }, { csrf: false });
      expect(noCsrf).toMatchObject({
        status: 403,
        body: { message: 'The request is missing its CSRF token: reload the page.' },
      });
      const missing = await b.post('/auth/mfa', {});
      expect(missing).toMatchObject({ status: 400, body: { field: 'code', message: 'code: is required, as text.' } });

      // The code that confirmed the enrolment was seen: it cannot sign in, nor can one before it.
      const replayed = await b.post('/auth/mfa', { code: await codeAt(secret, lastStep) });
      expect(replayed).toMatchObject({ status: 401, body: { message: 'Wrong code.' } });
      const older = await b.post('/auth/mfa', { code: await codeAt(secret, lastStep - 1) });
      expect(older).toMatchObject({ status: 401, body: { message: 'Wrong code.' } });

      lastStep += 1;
      const good = await b.post('/auth/mfa', { code: await codeAt(secret, lastStep) });
      expect(good.status).toBe(200);
      expect(good.body).toMatchObject({ status: 'SIGNED_IN', user: { email, role: 'ADMIN', mfaEnabled: true } });
      expect(good.body.csrfToken).toEqual(expect.any(String));
      expect((await b.gql(SETTINGS)).errors).toBeUndefined();

      // Another browser, the same code a moment later: refused.
      const other = browser();
      await other.signIn(email);
      const again = await other.post('/auth/mfa', { code: await codeAt(secret, lastStep) });
      expect(again).toMatchObject({ status: 401, body: { message: 'Wrong code.' } });
      expect((await other.session()).body.status).toBe('MFA_REQUIRED');

      // The refused codes counted toward the lockout; the good one cleared the count.
      const [user] = await app.ds.query(`SELECT failed_sign_ins FROM app_user WHERE email_key = $1`, [email]);
      expect(user.failed_sign_ins).toBe(1);
    });

    it('signs in with a recovery code once; the same code a second time is refused', async () => {
      const b = browser();
      await b.signIn(email);
      const used = await b.post('/auth/mfa', { code: recoveryCodes[0] });
      expect(used.status).toBe(200);
      expect(used.body).toMatchObject({ status: 'SIGNED_IN', recoveryCodesLeft: 9 });

      const other = browser();
      await other.signIn(email);
      const again = await other.post('/auth/mfa', { code: recoveryCodes[0] });
      expect(again).toMatchObject({ status: 401, body: { message: 'Wrong code.' } });
      // As typed from paper: capitals, a space instead of the dash.
      const typed = recoveryCodes[1].toUpperCase().replace('-', ' ');
      const next = await other.post('/auth/mfa', { code: typed });
      expect(next.body).toMatchObject({ status: 'SIGNED_IN', recoveryCodesLeft: 8 });
      const audit = await app.ds.query(
        `SELECT after->>'kind' AS kind FROM audit_event WHERE action = 'user.second_factor_passed' ORDER BY occurred_at, id`,
      );
      expect(audit.map((a: { kind: string }) => a.kind)).toEqual(['TOTP', 'RECOVERY_CODE', 'RECOVERY_CODE']);
    });

    it('cannot enrol through an API token that acts for no person', async () => {
      const created = await app.gql(
        `mutation { createApiToken(input: { name: "integration", role: VIEWER }) { token } }`,
      );
      const res = await app.gql(ENROL, {}, created.data!.createApiToken.token as string);
      expect(res.errors?.[0]).toMatchObject({
        extensions: { code: 'FORBIDDEN' },
        message: expect.stringMatching(/belongs to a person/),
      });
    });
  });

  describe('wrong codes', () => {
    const email = `locked.${kind}@example.com`;

    it('lock the account like wrong passwords: the fifth in a row locks it, whatever the next code', async () => {
      await createPerson(email, ApiRole.ADMIN);
      const { secret, step } = await enrol(email);
      const b = browser();
      expect((await b.signIn(email)).body.status).toBe('MFA_REQUIRED');
      for (let i = 0; i < 5; i++) {
        const wrong = await b.post('/auth/mfa', { code: await wrongCode(secret) });
        expect(wrong).toMatchObject({ status: 401, body: { message: 'Wrong code.' } });
      }
      const good = await b.post('/auth/mfa', { code: await codeAt(secret, step + 1) });
      expect(good.status).toBe(429);
      expect(good.body).toEqual({
        message: 'Too many failed sign-ins: try again in 1 minute.',
        retryAfterSeconds: expect.any(Number),
      });
      expect(Number(good.headers.get('retry-after'))).toBeGreaterThan(0);
      expect((await b.session()).body.status).toBe('MFA_REQUIRED');
      const events = await app.ds.query(
        `SELECT action FROM audit_event WHERE action IN ('user.sign_in_failed', 'user.locked') AND after->>'email' = $1`,
        [email],
      );
      expect(events.filter((e: { action: string }) => e.action === 'user.sign_in_failed')).toHaveLength(5);
      expect(events.filter((e: { action: string }) => e.action === 'user.locked')).toHaveLength(1);
    });

    it('cannot be raced: the same good code from two browsers at once signs in only one', async () => {
      const racer = `racer.${kind}@example.com`;
      await createPerson(racer, ApiRole.ADMIN);
      const { secret, step } = await enrol(racer);
      const [a, b] = [browser(), browser()];
      await a.signIn(racer);
      await b.signIn(racer);
      const code = await codeAt(secret, step + 1);
      const answers = await Promise.all([a.post('/auth/mfa', { code }), b.post('/auth/mfa', { code })]);
      expect(answers.map((x) => x.status).sort()).toEqual([200, 401]);
    });

    it('need a session: without one, /auth/mfa answers that it ended', async () => {
      const b = browser();
      const res = await b.post('/auth/mfa', { code: '123456' });
      expect(res).toMatchObject({ status: 401, body: { message: 'Your session has ended: sign in again.' } });
    });
  });

  describe('"require MFA" for everyone', () => {
    const operatorEmail = `operator.${kind}@example.com`;
    let amazonAccountId: string;

    beforeAll(() => createPerson(operatorEmail, ApiRole.OPERATOR));

    it('is off by default with no channel asking for it: an OPERATOR signs in without a second factor', async () => {
      const settings = await app.gql(SETTINGS);
      expect(settings.data!.securitySettings).toEqual({
        requireMfa: null,
        requireMfaDefault: false,
        effectiveRequireMfa: false,
        reason: 'Off by default: no connected channel asks for it. ADMIN always signs in with a second factor.',
        updatedBy: null,
      });
      const b = browser();
      expect((await b.signIn(operatorEmail)).body.status).toBe('SIGNED_IN');
      const me = await b.gql(`query { me { sessionStatus mfaRequired } }`);
      expect(me.data.me).toEqual({ sessionStatus: 'SIGNED_IN', mfaRequired: false });
      // Not an ADMIN's page.
      expect((await b.gql(SETTINGS)).errors?.[0].extensions.code).toBe('FORBIDDEN');
      const change = await b.gql(UPDATE_SETTINGS, { input: { requireMfa: false } });
      expect(change.errors?.[0].extensions.code).toBe('FORBIDDEN');
    });

    it('is on by default once an Amazon account is connected (its Data Protection Policy asks for MFA)', async () => {
      const created = await app.gql(
        `mutation($input: CreateChannelAccountInput!) { createChannelAccount(input: $input) { id } }`,
        {
          input: {
            channel: 'AMAZON',
            name: 'Amazon US',
            credentials: { clientId: 'amzn-client', clientSecret: 'amzn-secret', refreshToken: 'Atzr|refresh' },
          },
        },
      );
      expect(created.errors).toBeUndefined();
      amazonAccountId = created.data!.createChannelAccount.id;
      const settings = await app.gql(SETTINGS);
      expect(settings.data!.securitySettings).toMatchObject({
        requireMfa: null,
        requireMfaDefault: true,
        effectiveRequireMfa: true,
        reason: expect.stringMatching(/^On by default: .*connected Amazon account .*buyers' data/),
      });
      const b = browser();
      expect((await b.signIn(operatorEmail)).body.status).toBe('MFA_ENROLMENT_REQUIRED');
      expect((await b.gql(`query { channelAccounts { id } }`)).errors?.[0].extensions.code).toBe('MFA_REQUIRED');
    });

    it('turned off by an admin lets the OPERATOR in without one, and the change is audited', async () => {
      const off = await app.gql(UPDATE_SETTINGS, { input: { requireMfa: false } });
      expect(off.errors).toBeUndefined();
      expect(off.data!.updateSecuritySettings).toMatchObject({
        requireMfa: false,
        requireMfaDefault: true,
        effectiveRequireMfa: false,
        reason: expect.stringMatching(
          /^Off: chosen by (token|user):.*, although the data protection policy of a connected Amazon account/,
        ),
      });
      const b = browser();
      expect((await b.signIn(operatorEmail)).body.status).toBe('SIGNED_IN');
      const audit = await app.ds.query(
        `SELECT actor, before, after FROM audit_event WHERE action = 'security.require_mfa_changed' ORDER BY occurred_at, id`,
      );
      expect(audit).toEqual([
        { actor: expect.stringMatching(/^(token|user):/), before: { requireMfa: null }, after: { requireMfa: false } },
      ]);
      // Saving the same value again changes nothing and records nothing.
      await app.gql(UPDATE_SETTINGS, { input: { requireMfa: false } });
      const [{ n }] = await app.ds.query(
        `SELECT count(*)::int AS n FROM audit_event WHERE action = 'security.require_mfa_changed'`,
      );
      expect(n).toBe(1);
    });

    it('back to the default, then the Amazon account disabled: off by default again', async () => {
      const reset = await app.gql(UPDATE_SETTINGS, { input: { requireMfa: null } });
      expect(reset.data!.updateSecuritySettings).toMatchObject({ requireMfa: null, effectiveRequireMfa: true });
      await app.gql(`mutation($id: ID!) { disableChannelAccount(id: $id) { id } }`, { id: amazonAccountId });
      const settings = await app.gql(SETTINGS);
      expect(settings.data!.securitySettings).toMatchObject({ requireMfaDefault: false, effectiveRequireMfa: false });
    });

    it('turned on by an admin: the OPERATOR’s next sign-in needs enrolment; then codes as for anyone', async () => {
      const signedInBefore = browser();
      expect((await signedInBefore.signIn(operatorEmail)).body.status).toBe('SIGNED_IN');

      const on = await app.gql(UPDATE_SETTINGS, { input: { requireMfa: true } });
      expect(on.data!.updateSecuritySettings).toMatchObject({
        requireMfa: true,
        effectiveRequireMfa: true,
        reason: expect.stringMatching(/^On: chosen by (token|user):/),
      });

      // A session already open is held back at once, not only the next sign-in.
      expect((await signedInBefore.session()).body.status).toBe('MFA_ENROLMENT_REQUIRED');

      const { secret, codes, step, browser: b } = await enrol(operatorEmail);
      expect(codes).toHaveLength(10);
      expect((await b.session()).body.status).toBe('SIGNED_IN');

      const wrong = await b.gql(REGENERATE, { code: codes[0].replace(/^./, (c) => (c === 'a' ? 'b' : 'a')) });
      expect(wrong.errors?.[0]).toMatchObject({ message: 'code: Wrong code.', extensions: { code: 'BAD_USER_INPUT' } });
      const regenerated = await b.gql(REGENERATE, { code: await codeAt(secret, step + 1) });
      expect(regenerated.errors).toBeUndefined();
      const fresh = regenerated.data.regenerateRecoveryCodes.codes as string[];
      expect(fresh).toHaveLength(10);
      expect(fresh).not.toContain(codes[0]);

      // The old codes stopped working; a new one signs in.
      const next = browser();
      expect((await next.signIn(operatorEmail)).body.status).toBe('MFA_REQUIRED');
      expect((await next.post('/auth/mfa', { code: codes[1] })).status).toBe(401);
      expect((await next.post('/auth/mfa', { code: fresh[0] })).body.status).toBe('SIGNED_IN');
    });

    it('after an admin resets the person’s MFA, they count as not enrolled and set it up again', async () => {
      const before = browser();
      expect((await before.signIn(operatorEmail)).body.status).toBe('MFA_REQUIRED');
      const [{ id }] = await app.ds.query(`SELECT id FROM app_user WHERE email_key = $1`, [operatorEmail]);
      const reset = await app.gql(`mutation($id: ID!) { resetUserMfa(id: $id) { mfaEnabled } }`, { id });
      expect(reset.errors).toBeUndefined();
      expect(reset.data!.resetUserMfa.mfaEnabled).toBe(false);
      expect((await before.session()).status).toBe(401);

      const b = browser();
      expect((await b.signIn(operatorEmail)).body.status).toBe('MFA_ENROLMENT_REQUIRED');
      const res = await b.post('/auth/mfa', { code: '123456' });
      expect(res.status).toBe(409);
      expect(res.body.message).toMatch(/No authenticator app is set up/);
      const me = await b.gql(`query { me { sessionStatus } }`);
      expect(me.data.me.sessionStatus).toBe('MFA_ENROLMENT_REQUIRED');
      const again = await b.gql(ENROL);
      expect(again.errors).toBeUndefined();
    });
  });
});
