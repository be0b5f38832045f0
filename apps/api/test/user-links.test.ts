import { startSmtpSink, type Mail, type SmtpSink } from './support/smtp-sink';
import { startTestApp, type TestApp } from './support/test-app';
import { testDatabases } from './support/test-databases';
import { CookieClient } from './support/cookie-client';
import { RESET_REQUESTED } from '../src/modules/users/user-links.controller';

const PUBLIC_URL = 'https://hub.example.test';
const PASSWORD = 'amber kestrel 73 orchard';
const INVITE = `mutation($input: InviteUserInput!) { inviteUser(input: $input) { user { id email status } link emailed expiresAt } }`;
const USERS = `query { users { id email status lastSignInAt } }`;
const LINK = /https:\/\/hub\.example\.test\/(invite|reset-password)#[A-Za-z0-9_-]{43}/;

describe.each(testDatabases())('invitation and password reset links on %s', (kind) => {
  let app: TestApp;
  let sink: SmtpSink;

  beforeAll(async () => {
    sink = await startSmtpSink({ auth: { user: 'hub', pass: 's3cret pass' } });
    app = await startTestApp(kind, { SMTP_URL: sink.url, MAIL_FROM: 'Order Hub <hub@example.test>', PUBLIC_URL });
  });
  let sinkClosed = false;
  afterAll(async () => {
    await app?.close();
    if (!sinkClosed) await sink?.close();
  });

  async function invite(email: string, name = 'Invited Person', role = 'VIEWER') {
    const res = await app.gql(INVITE, { input: { email, name, role } });
    expect(res.errors).toBeUndefined();
    return res.data!.inviteUser as { user: { id: string }; link: string; emailed: boolean; expiresAt: string };
  }

  const userRow = async (email: string) =>
    (
      (await app.gql(USERS)).data!.users as { id: string; email: string; status: string; lastSignInAt: string | null }[]
    ).find((u) => u.email === email)!;

  it('e-mails an invitation with who invited, the link and its expiry; accepting signs the person in', async () => {
    const payload = await invite('Noor@Example.test', 'Noor Haddad');
    expect(payload.emailed).toBe(true);
    expect(payload.link).toMatch(new RegExp(`^${LINK.source}$`));

    const mail = await sink.waitFor((m) => sentTo(m, 'noor@example.test'));
    expect(mail.subject).toBe('test admin invited you to Order Hub');
    expect(mail.headers.from).toBe('Order Hub <hub@example.test>');
    expect(mail.text).toContain('Hello Noor Haddad,');
    expect(mail.text).toContain('test admin invited you to Order Hub as VIEWER.');
    expect(mail.text).toContain(payload.link);
    expect(mail.text).toContain(`until ${new Date(payload.expiresAt).toUTCString()}`);
    expect(mail.html).toContain(`<a href="${payload.link}">`);

    const link = mail.text.match(LINK)![0];
    const browser = new CookieClient(app);
    const accepted = await browser.post('/auth/invitations/accept', {
      secret: secretOf(link),
      password: PASSWORD,
      name: 'Noor H.',
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toEqual(
      expect.objectContaining({
        status: 'SIGNED_IN',
        csrfToken: expect.any(String),
        user: expect.objectContaining({ email: 'Noor@Example.test', name: 'Noor H.', role: 'VIEWER' }),
      }),
    );
    const cookie = accepted.headers.getSetCookie().find((c) => c.startsWith('order_hub_session='));
    expect(cookie).toMatch(/HttpOnly/i);
    expect((await browser.get('/auth/session')).status).toBe(200);
    expect((await browser.gql(`query { me { name role } }`)).data).toEqual({
      me: { name: 'Noor@Example.test', role: 'VIEWER' },
    });
    const row = await userRow('Noor@Example.test');
    expect(row.status).toBe('ACTIVE');
    expect(row.lastSignInAt).not.toBeNull();
    // And with the password from now on.
    const again = await new CookieClient(app).post('/auth/sign-in', { email: 'noor@example.test', password: PASSWORD });
    expect(again.status).toBe(200);
  });

  it('refuses a used, expired, unknown or wrong-kind link in clear words, and a weak password leaves it usable', async () => {
    const first = await invite('reuse@example.test');
    const browser = new CookieClient(app);
    const weak = await browser.post('/auth/invitations/accept', { secret: secretOf(first.link), password: 'reuse' });
    expect(weak.status).toBe(400);
    expect(weak.body).toEqual({ field: 'password', message: expect.stringMatching(/^password: must be at least 12/) });
    const badName = await browser.post('/auth/invitations/accept', {
      secret: secretOf(first.link),
      password: PASSWORD,
      name: ' ',
    });
    expect(badName.status).toBe(400);
    expect(badName.body.field).toBe('name');
    const missing = await browser.post('/auth/invitations/accept', { secret: secretOf(first.link) });
    expect(missing.status).toBe(400);
    expect(missing.body).toEqual({ field: 'password', message: 'password: is required, as text.' });

    expect(
      (await browser.post('/auth/invitations/accept', { secret: secretOf(first.link), password: PASSWORD })).status,
    ).toBe(200);
    const reused = await new CookieClient(app).post('/auth/invitations/accept', {
      secret: secretOf(first.link),
      password: PASSWORD,
    });
    expect(reused.status).toBe(410);
    expect(reused.body.message).toBe(
      'This invitation link has already been used, or a newer one replaced it: ask an admin for a new one.',
    );
    expect(reused.headers.getSetCookie()).toEqual([]);

    const late = await invite('late@example.test');
    const expiredAt = new Date(Date.now() - 60_000);
    await app.ds.query(`UPDATE user_link SET expires_at = $2 WHERE user_id = $1`, [late.user.id, expiredAt]);
    const expired = await new CookieClient(app).post('/auth/invitations/accept', {
      secret: secretOf(late.link),
      password: PASSWORD,
    });
    expect(expired.status).toBe(410);
    expect(expired.body.message).toBe(
      `This invitation link expired at ${expiredAt.toISOString()}: ask an admin for a new one.`,
    );
    expect((await userRow('late@example.test')).status).toBe('INVITED');

    const unknown = await new CookieClient(app).post('/auth/invitations/accept', {
      secret: 'A'.repeat(43),
      password: PASSWORD,
    });
    expect(unknown.status).toBe(404);
    expect(unknown.body.message).toBe(
      'This invitation link is not valid: check that you opened the whole link, or ask an admin for a new one.',
    );
    // An invitation's secret is no reset link.
    const wrongKind = await new CookieClient(app).post('/auth/password-reset', {
      secret: secretOf((await invite('kind@example.test')).link),
      password: PASSWORD,
    });
    expect(wrongKind.status).toBe(404);
  });

  it('lets only one of two uses of the same link at once through', async () => {
    const { user, link } = await invite('twice@example.test');
    const answers = await Promise.all(
      [0, 1].map(() =>
        new CookieClient(app).post('/auth/invitations/accept', { secret: secretOf(link), password: PASSWORD }),
      ),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([200, 410]);
    const [{ count }] = await app.ds.query(
      `SELECT count(*)::int AS count FROM audit_event WHERE entity_id = $1 AND action = 'user.invitation_accepted'`,
      [user.id],
    );
    expect(count).toBe(1);
  });

  it('e-mails a reset link on request (any case of the address); the same 202 and no e-mail for an unknown one', async () => {
    const { link } = await invite('Riya@Example.test', 'Riya');
    await new CookieClient(app).post('/auth/invitations/accept', { secret: secretOf(link), password: PASSWORD });
    const before = sink.messages.length;

    const unknown = await new CookieClient(app).post('/auth/password-reset/request', { email: 'nobody@example.test' });
    const known = await new CookieClient(app).post('/auth/password-reset/request', { email: ' RIYA@example.TEST ' });
    for (const answer of [unknown, known]) {
      expect(answer.status).toBe(202);
      expect(answer.body).toEqual({ message: RESET_REQUESTED });
    }
    const mail = await sink.waitFor((m) => sentTo(m, 'riya@example.test') && /Reset/.test(m.subject));
    expect(mail.subject).toBe('Reset your Order Hub password');
    expect(mail.text).toContain('for 1 hour');
    expect(mail.text).toContain("If this wasn't you, ignore this e-mail");
    const resetLink = mail.text.match(LINK)![0];
    expect(resetLink).toMatch(/\/reset-password#/);

    // A second request within the minute sends nothing more (nobody fills an inbox through the form).
    const repeat = await new CookieClient(app).post('/auth/password-reset/request', { email: 'riya@example.test' });
    expect(repeat.status).toBe(202);
    await new Promise((r) => setTimeout(r, 1_000));
    expect(sink.messages.slice(before).map((m) => m.to[0].toLowerCase())).toEqual(['riya@example.test']);

    const NEW = 'copper meadow 44 lantern';
    const browser = new CookieClient(app);
    const reset = await browser.post('/auth/password-reset', { secret: secretOf(resetLink), password: NEW });
    expect(reset.status).toBe(200);
    expect(reset.body.user.email).toBe('Riya@Example.test');
    expect((await browser.get('/auth/session')).status).toBe(200);
    expect(
      (await new CookieClient(app).post('/auth/sign-in', { email: 'riya@example.test', password: NEW })).status,
    ).toBe(200);

    const [{ count }] = await app.ds.query(
      `SELECT count(*)::int AS count FROM audit_event WHERE action = 'user.password_reset_requested'`,
    );
    expect(count).toBe(1);
  });

  it('sends no reset e-mail to an invited or disabled person, and a bad request body is named', async () => {
    await invite('pending@example.test');
    const leaving = await invite('leaving@example.test');
    await new CookieClient(app).post('/auth/invitations/accept', {
      secret: secretOf(leaving.link),
      password: PASSWORD,
    });
    expect(
      (await app.gql(`mutation($id: ID!) { disableUser(id: $id) { status } }`, { id: leaving.user.id })).errors,
    ).toBeUndefined();
    const before = sink.messages.length;
    for (const email of ['pending@example.test', 'leaving@example.test']) {
      const res = await new CookieClient(app).post('/auth/password-reset/request', { email });
      expect(res.status).toBe(202);
    }
    const bad = await new CookieClient(app).post('/auth/password-reset/request', { mail: 'x' });
    expect(bad.status).toBe(400);
    expect(bad.body).toEqual({ field: 'email', message: 'email: is required, as text.' });
    await new Promise((r) => setTimeout(r, 1_000));
    expect(sink.messages.length).toBe(before);
  });

  it('still gives the admin the link when the mail server is down', async () => {
    await sink.close();
    sinkClosed = true;
    const payload = await invite('offline@example.test');
    expect(payload.emailed).toBe(false);
    const accepted = await new CookieClient(app).post('/auth/invitations/accept', {
      secret: secretOf(payload.link),
      password: PASSWORD,
    });
    expect(accepted.status).toBe(200);
  });
});

/** Mail servers may lower-case the domain of an envelope address. */
function sentTo(mail: Mail, address: string): boolean {
  return mail.to.some((to) => to.toLowerCase() === address);
}

function secretOf(link: string): string {
  return link.slice(link.indexOf('#') + 1);
}
