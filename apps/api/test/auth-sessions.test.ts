import { SessionsService } from '../src/modules/auth/sessions/sessions.service';
import { startTestApp, type TestApp } from './support/test-app';
import { testDatabases } from './support/test-databases';
import { createPerson, request, sessionCookieOf, sessionGql, signIn, type Session } from './support/sessions';

const PASSWORD = 'Trombone-Lantern-93';
const ME = `{ me { name role sessionStatus mfaRequired apiToken { id } user { email role status } } }`;
const CREATE_TOKEN = `mutation($input: CreateApiTokenInput!) {
  createApiToken(input: $input) { token apiToken { id name role user { email } } }
}`;
const CSRF_MESSAGE = 'The request is missing its CSRF token: reload the page.';
const ENDED = 'Your session has ended: sign in again.';

describe.each(testDatabases())('console sessions on %s', (kind) => {
  let app: TestApp;
  let operatorId: string;

  beforeAll(async () => {
    app = await startTestApp(kind, { TRUST_PROXY: 'true' });
    operatorId = (await createPerson(app, { email: 'Olga@Example.com', password: PASSWORD, role: 'OPERATOR' })).id;
    await createPerson(app, { email: 'vic@example.com', password: PASSWORD, role: 'VIEWER' });
  });
  afterAll(() => app?.close());

  const sessionRow = async (cookieOwner: Session) =>
    (
      await app.ds.query(
        `SELECT s.id, s.method, s.second_factor_at, s.expires_at, s.last_seen_at, s.revoked_at
           FROM user_session s WHERE s.secret_hash = encode(sha256($1::bytea), 'hex')`,
        [cookieOwner.cookie],
      )
    )[0];

  it('signs in with a password: 200, the session body, an HttpOnly SameSite=Lax cookie without Secure over http', async () => {
    const answer = await request(app, 'POST', '/auth/sign-in', {
      body: { email: ' olga@EXAMPLE.com ', password: PASSWORD },
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      status: 'SIGNED_IN',
      csrfToken: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      user: { id: operatorId, email: 'Olga@Example.com', name: 'Olga', role: 'OPERATOR', mfaEnabled: false },
      expiresAt: expect.any(String),
      idleExpiresAt: expect.any(String),
    });
    expect(answer.headers.get('cache-control')).toBe('no-store');
    const line = answer.setCookies.find((c) => c.startsWith('order_hub_session='))!;
    expect(line).toMatch(/^order_hub_session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Lax$/);
    const expires = new Date(answer.body.expiresAt).getTime() - Date.now();
    expect(expires).toBeGreaterThan(11.9 * 3_600_000);
    expect(expires).toBeLessThanOrEqual(12 * 3_600_000);
    // Only the hash is stored.
    const cookie = sessionCookieOf(answer)!;
    const stored = await app.ds.query(`SELECT secret_hash FROM user_session`);
    expect(JSON.stringify(stored)).not.toContain(cookie);
  });

  it('marks the cookie Secure when the request came over HTTPS through a trusted proxy', async () => {
    const answer = await request(app, 'POST', '/auth/sign-in', {
      body: { email: 'olga@example.com', password: PASSWORD },
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(answer.status).toBe(200);
    expect(answer.setCookies.find((c) => c.startsWith('order_hub_session='))).toMatch(
      /; Path=\/; HttpOnly; Secure; SameSite=Lax$/,
    );
  });

  it('answers a wrong password, an unknown e-mail, a disabled and an invited person with the same 401 body', async () => {
    await createPerson(app, { email: 'gone@example.com', password: PASSWORD, role: 'VIEWER', status: 'DISABLED' });
    await createPerson(app, { email: 'new@example.com', password: PASSWORD, role: 'VIEWER', status: 'INVITED' });
    const attempts = [
      { email: 'olga@example.com', password: 'Wrong-Password-123' },
      { email: 'nobody@example.com', password: PASSWORD },
      { email: 'gone@example.com', password: PASSWORD },
      { email: 'new@example.com', password: PASSWORD },
    ];
    for (const [i, body] of attempts.entries()) {
      const answer = await request(app, 'POST', '/auth/sign-in', {
        body,
        headers: { 'x-forwarded-for': `198.51.100.${i + 1}` },
      });
      expect({ status: answer.status, body: answer.body, cookie: sessionCookieOf(answer) }).toEqual({
        status: 401,
        body: { message: 'Wrong e-mail or password.' },
        cookie: null,
      });
    }
    const events = await app.ds.query(
      `SELECT actor, after FROM audit_event WHERE action = 'user.sign_in_failed' ORDER BY occurred_at`,
    );
    expect(events.length).toBeGreaterThanOrEqual(4);
    expect(JSON.stringify(events)).not.toContain('Wrong-Password-123');
    expect(JSON.stringify(events)).not.toContain(PASSWORD);
  });

  it('refuses a sign-in body without its fields, naming the field', async () => {
    const answer = await request(app, 'POST', '/auth/sign-in', { body: { email: 'olga@example.com' } });
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({ message: 'password: is required, as text.', field: 'password' });
  });

  it('works for GraphQL with the x-csrf-token, and refuses a mutation and a GET query without it', async () => {
    const session = await signIn(app, 'olga@example.com', PASSWORD);
    const me = await sessionGql(app, session, ME);
    expect(me.errors).toBeUndefined();
    expect(me.data!.me).toEqual({
      name: 'Olga@Example.com',
      role: 'OPERATOR',
      sessionStatus: 'SIGNED_IN',
      mfaRequired: false,
      apiToken: null,
      user: { email: 'Olga@Example.com', role: 'OPERATOR', status: 'ACTIVE' },
    });
    // A session survives being used from another tab: the same cookie, again.
    expect((await sessionGql(app, session, ME, {}, { method: 'GET' })).data!.me.name).toBe('Olga@Example.com');

    for (const csrf of [null, 'not-the-token', session.csrf.slice(0, -1) + (session.csrf.endsWith('A') ? 'B' : 'A')]) {
      const mutation = await sessionGql(
        app,
        session,
        `mutation { acknowledgeAlert(id: "00000000-0000-4000-8000-000000000001") { id } }`,
        {},
        { csrf },
      );
      expect(mutation.errors?.[0]).toMatchObject({ message: CSRF_MESSAGE, extensions: { code: 'FORBIDDEN' } });
      const get = await sessionGql(app, session, ME, {}, { csrf, method: 'GET' });
      expect(get.errors?.[0]).toMatchObject({ message: CSRF_MESSAGE, extensions: { code: 'FORBIDDEN' } });
      expect(get.data).toBeNull();
    }
    // With its token the same mutation gets past the guard (and finds no such alert).
    const sent = await sessionGql(
      app,
      session,
      `mutation { acknowledgeAlert(id: "00000000-0000-4000-8000-000000000001") { id } }`,
    );
    expect(sent.errors?.[0].extensions.code).toBe('NOT_FOUND');
  });

  it('records the person as the actor of what a session does', async () => {
    await createPerson(app, { email: 'Root@Example.com', password: PASSWORD, role: 'ADMIN' });
    const session = await signIn(app, 'root@example.com', PASSWORD);
    // The second factor has its own suite: here the session is marked as having given it.
    await app.running.app.get(SessionsService).markSecondFactor((await sessionRow(session)).id);
    const created = await sessionGql(app, session, CREATE_TOKEN, { input: { name: 'made by root', role: 'VIEWER' } });
    expect(created.errors).toBeUndefined();
    const [event] = await app.ds.query(
      `SELECT actor FROM audit_event WHERE action = 'api_token.created' AND entity_id = $1`,
      [created.data!.createApiToken.apiToken.id],
    );
    expect(event.actor).toBe('user:Root@Example.com');
    const signedIn = await app.ds.query(
      `SELECT actor, after FROM audit_event WHERE action = 'user.signed_in' AND entity_id = $1`,
      [operatorId],
    );
    expect(signedIn[0]).toMatchObject({ actor: 'user:Olga@Example.com', after: { method: 'PASSWORD' } });
  });

  it('ends a session after the idle timeout and after the absolute one, answering 401 and UNAUTHENTICATED', async () => {
    const idle = await signIn(app, 'olga@example.com', PASSWORD);
    const absolute = await signIn(app, 'olga@example.com', PASSWORD);
    expect((await request(app, 'GET', '/auth/session', { cookie: idle.cookie })).status).toBe(200);
    await app.ds.query(`UPDATE user_session SET last_seen_at = now() - interval '121 minutes' WHERE id = $1`, [
      (await sessionRow(idle)).id,
    ]);
    await app.ds.query(
      `UPDATE user_session SET created_at = now() - interval '13 hours', expires_at = now() - interval '1 minute' WHERE id = $1`,
      [(await sessionRow(absolute)).id],
    );
    for (const s of [idle, absolute]) {
      const answer = await request(app, 'GET', '/auth/session', { cookie: s.cookie });
      expect(answer.status).toBe(401);
      expect(answer.body).toEqual({ message: ENDED });
      const gql = await sessionGql(app, s, ME);
      expect(gql.errors?.[0]).toMatchObject({ message: ENDED, extensions: { code: 'UNAUTHENTICATED' } });
    }
    // 119 minutes idle is still within the timeout, and the request moves last_seen_at on.
    const active = await signIn(app, 'olga@example.com', PASSWORD);
    await app.ds.query(`UPDATE user_session SET last_seen_at = now() - interval '119 minutes' WHERE id = $1`, [
      (await sessionRow(active)).id,
    ]);
    const answer = await request(app, 'GET', '/auth/session', { cookie: active.cookie });
    expect(answer.status).toBe(200);
    expect(new Date(answer.body.idleExpiresAt).getTime()).toBeGreaterThan(Date.now() + 119 * 60_000);
  });

  it('signs out this browser (204, cookie cleared, the session refused after) and needs the CSRF token to', async () => {
    const session = await signIn(app, 'olga@example.com', PASSWORD);
    const forged = await request(app, 'POST', '/auth/sign-out', { cookie: session.cookie });
    expect(forged).toMatchObject({ status: 403, body: { message: CSRF_MESSAGE } });
    expect((await request(app, 'GET', '/auth/session', { cookie: session.cookie })).status).toBe(200);

    const out = await request(app, 'POST', '/auth/sign-out', { cookie: session.cookie, csrf: session.csrf });
    expect(out.status).toBe(204);
    expect(out.setCookies.find((c) => c.startsWith('order_hub_session='))).toMatch(
      /^order_hub_session=;.*Expires=Thu, 01 Jan 1970/,
    );
    expect((await request(app, 'GET', '/auth/session', { cookie: session.cookie })).status).toBe(401);
    expect((await sessionRow(session)).revoked_at).not.toBeNull();
    // Signing out an ended session is still 204.
    expect((await request(app, 'POST', '/auth/sign-out', { cookie: session.cookie, csrf: session.csrf })).status).toBe(
      204,
    );
  });

  it('signs out everywhere: every session of the person ends, other people keep theirs', async () => {
    const here = await signIn(app, 'olga@example.com', PASSWORD);
    const there = await signIn(app, 'olga@example.com', PASSWORD, { 'user-agent': 'another browser' });
    const someoneElse = await signIn(app, 'vic@example.com', PASSWORD);
    const forged = await request(app, 'POST', '/auth/sign-out-everywhere', { cookie: here.cookie });
    expect(forged.status).toBe(403);
    const out = await request(app, 'POST', '/auth/sign-out-everywhere', { cookie: here.cookie, csrf: here.csrf });
    expect(out.status).toBe(204);
    expect((await request(app, 'GET', '/auth/session', { cookie: here.cookie })).status).toBe(401);
    expect((await request(app, 'GET', '/auth/session', { cookie: there.cookie })).status).toBe(401);
    expect((await request(app, 'GET', '/auth/session', { cookie: someoneElse.cookie })).status).toBe(200);
    const [event] = await app.ds.query(
      `SELECT actor, after FROM audit_event WHERE action = 'user.signed_out' AND after->>'scope' = 'everywhere'`,
    );
    expect(event).toMatchObject({ actor: 'user:Olga@Example.com' });
    expect(event.after.sessionsEnded).toBeGreaterThanOrEqual(2);
  });

  it("stops a disabled person's session and tied token on the very next request", async () => {
    const person = await createPerson(app, { email: 'dana@example.com', password: PASSWORD, role: 'OPERATOR' });
    const session = await signIn(app, 'dana@example.com', PASSWORD);
    const created = await app.gql(CREATE_TOKEN, {
      input: { name: 'dana laptop', role: 'OPERATOR', userId: person.id },
    });
    expect(created.errors).toBeUndefined();
    expect(created.data!.createApiToken.apiToken).toMatchObject({
      role: 'OPERATOR',
      user: { email: 'dana@example.com' },
    });
    const token = created.data!.createApiToken.token as string;
    const viaToken = await app.gql(ME, {}, token);
    expect(viaToken.data!.me).toMatchObject({ name: 'dana@example.com', role: 'OPERATOR', sessionStatus: null });
    expect((await sessionGql(app, session, ME)).errors).toBeUndefined();

    await app.ds.query(`UPDATE app_user SET status = 'DISABLED', disabled_at = now() WHERE id = $1`, [person.id]);
    const refusedSession = await sessionGql(app, session, ME);
    expect(refusedSession.errors?.[0]).toMatchObject({ message: ENDED, extensions: { code: 'UNAUTHENTICATED' } });
    const refusedToken = await app.gql(ME, {}, token);
    expect(refusedToken.errors?.[0]).toMatchObject({
      message: "The API token's user is disabled.",
      extensions: { code: 'UNAUTHENTICATED' },
    });
  });

  it('ties a token to a person with at most their role, and acts with the lower of the two when they are demoted', async () => {
    const person = await createPerson(app, { email: 'tim@example.com', password: PASSWORD, role: 'OPERATOR' });
    const tooMuch = await app.gql(CREATE_TOKEN, { input: { name: 'tim admin', role: 'ADMIN', userId: person.id } });
    expect(tooMuch.errors?.[0]).toMatchObject({
      message: "input.role: must not exceed the user's role (tim@example.com is OPERATOR).",
      extensions: { code: 'BAD_USER_INPUT', field: 'input.role' },
    });
    const ok = await app.gql(CREATE_TOKEN, { input: { name: 'tim ops', role: 'OPERATOR', userId: person.id } });
    const token = ok.data!.createApiToken.token as string;
    await app.ds.query(`UPDATE app_user SET role = 'VIEWER' WHERE id = $1`, [person.id]);
    expect((await app.gql(ME, {}, token)).data!.me).toMatchObject({ role: 'VIEWER', name: 'tim@example.com' });
  });

  it('lets a session that owes its second factor reach only me and MFA enrolment', async () => {
    await createPerson(app, { email: 'ada@example.com', password: PASSWORD, role: 'ADMIN' });
    const session = await signIn(app, 'ada@example.com', PASSWORD);
    expect(session.body.status).toBe('MFA_ENROLMENT_REQUIRED');
    const me = await sessionGql(app, session, ME);
    expect(me.errors).toBeUndefined();
    expect(me.data!.me).toMatchObject({ sessionStatus: 'MFA_ENROLMENT_REQUIRED', mfaRequired: true, role: 'ADMIN' });
    for (const query of [`{ apiTokens { id } }`, `{ orders(first: 1) { totalCount } }`]) {
      const res = await sessionGql(app, session, query);
      expect(res.errors?.[0]).toMatchObject({
        message: 'Finish signing in with your second factor first.',
        extensions: { code: 'MFA_REQUIRED' },
      });
    }
    const enrol = await sessionGql(app, session, `mutation { startTotpEnrolment { otpauthUrl } }`);
    expect(enrol.errors).toBeUndefined();
    expect(enrol.data!.startTotpEnrolment.otpauthUrl).toMatch(/^otpauth:\/\/totp\//);
    // The downloads refuse it too.
    const csv = await fetch(`${app.baseUrl}/api/compliance/report.csv?channel=AMAZON`, {
      headers: { cookie: `order_hub_session=${session.cookie}` },
    });
    expect(csv.status).toBe(403);
  });

  it('serves the downloads (no CSRF token), introspection and the version to a signed-in session; the sign-in options to anyone', async () => {
    const session = await signIn(app, 'vic@example.com', PASSWORD);
    const csv = await fetch(`${app.baseUrl}/api/compliance/report.csv?channel=AMAZON`, {
      headers: { cookie: `order_hub_session=${session.cookie}` },
    });
    expect(csv.status).toBe(200);
    // Introspection and the hub's version are for signed-in callers: a session is one.
    const schema = await sessionGql(app, session, `{ __type(name: "Viewer") { name } health { version } }`);
    expect(schema.errors).toBeUndefined();
    expect(schema.data).toEqual({ __type: { name: 'Viewer' }, health: { version: expect.any(String) } });
    const options = await request(app, 'GET', '/auth/options');
    expect(options).toMatchObject({ status: 200, body: { passwordSignIn: true, sso: null, passwordReset: false } });
  });
});
