import { startTestApp, type TestApp } from './support/test-app';
import { testDatabases } from './support/test-databases';
import { CookieClient } from './support/cookie-client';

const PASSWORD = 'violet tandem 58 harbour';
const USER = `{ id email name role status createdAt lastSignInAt mfaEnabled createdBy }`;
const INVITE = `mutation($input: InviteUserInput!) { inviteUser(input: $input) { user ${USER} link emailed expiresAt } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateUserInput!) { updateUser(id: $id, input: $input) ${USER} }`;
const DISABLE = `mutation($id: ID!) { disableUser(id: $id) ${USER} }`;
const ENABLE = `mutation($id: ID!) { enableUser(id: $id) ${USER} }`;
const RESET_MFA = `mutation($id: ID!) { resetUserMfa(id: $id) ${USER} }`;
const RESET_LINK = `mutation($id: ID!) { createPasswordResetLink(userId: $id) { user ${USER} link emailed expiresAt } }`;
const USERS = `query { users ${USER} }`;

describe.each(testDatabases())('users on %s', (kind) => {
  let app: TestApp;

  beforeAll(async () => {
    // No SMTP: admins copy the links.
    app = await startTestApp(kind);
  });
  afterAll(() => app?.close());

  async function invite(email: string, role: string, name = 'Someone') {
    const res = await app.gql(INVITE, { input: { email, name, role } });
    expect(res.errors).toBeUndefined();
    return res.data!.inviteUser as { user: { id: string; email: string }; link: string; emailed: boolean };
  }

  /** Invites and accepts: an ACTIVE person signed in on a browser of their own. */
  async function person(email: string, role: string) {
    const { user, link } = await invite(email, role);
    const browser = new CookieClient(app);
    const accepted = await browser.post('/auth/invitations/accept', { secret: secretOf(link), password: PASSWORD });
    expect(accepted.status).toBe(200);
    return { id: user.id, browser };
  }

  async function tokenFor(role: string, userId: string | null = null): Promise<string> {
    const res = await app.gql(`mutation($input: CreateApiTokenInput!) { createApiToken(input: $input) { token } }`, {
      input: { name: `${role} ${userId ?? 'integration'} ${Math.random()}`, role, userId },
    });
    expect(res.errors).toBeUndefined();
    return res.data!.createApiToken.token as string;
  }

  const auditActions = async (userId: string): Promise<string[]> =>
    (
      await app.ds.query<{ action: string }[]>(
        `SELECT action FROM audit_event WHERE entity_type = 'user' AND entity_id = $1 ORDER BY action`,
        [userId],
      )
    ).map((r) => r.action);

  it('lists the first start’s invited admin, and invites a person with a link to copy when there is no SMTP', async () => {
    const before = await app.gql(USERS);
    expect(before.errors).toBeUndefined();
    expect(before.data!.users).toEqual([
      expect.objectContaining({ email: 'admin@hub.localhost', role: 'ADMIN', status: 'INVITED', mfaEnabled: false }),
    ]);

    const res = await app.gql(INVITE, {
      input: { email: '  Ana.Lopez@Example.com ', name: ' Ana López ', role: 'OPERATOR' },
    });
    expect(res.errors).toBeUndefined();
    const payload = res.data!.inviteUser;
    expect(payload.user).toEqual(
      expect.objectContaining({
        email: 'Ana.Lopez@Example.com',
        name: 'Ana López',
        role: 'OPERATOR',
        status: 'INVITED',
        lastSignInAt: null,
        mfaEnabled: false,
        createdBy: 'token:test admin',
      }),
    );
    expect(payload.emailed).toBe(false);
    expect(payload.link).toMatch(new RegExp(`^${app.baseUrl}/invite#[A-Za-z0-9_-]{43}$`));
    const days = (Date.parse(payload.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.99);
    expect(days).toBeLessThanOrEqual(7);
    // Only the hash of the secret is stored.
    const [stored] = await app.ds.query(`SELECT secret_hash FROM user_link WHERE user_id = $1`, [payload.user.id]);
    expect(stored.secret_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.secret_hash).not.toContain(secretOf(payload.link));
    expect(await auditActions(payload.user.id)).toEqual(['user.invited']);
  });

  it('refuses a bad e-mail or name naming the field, and an address already used whatever its case', async () => {
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ email: 'not-an-address', name: 'X', role: 'VIEWER' }, 'input.email', /must be an e-mail address/],
      [{ email: 'two@at@example.com', name: 'X', role: 'VIEWER' }, 'input.email', /must be an e-mail address/],
      [{ email: 'a b@example.com', name: 'X', role: 'VIEWER' }, 'input.email', /must be an e-mail address/],
      [{ email: '   ', name: 'X', role: 'VIEWER' }, 'input.email', /is required/],
      [{ email: 'ok@example.com', name: '  ', role: 'VIEWER' }, 'input.name', /1 to 120 characters/],
      [{ email: 'ok@example.com', name: 'n'.repeat(121), role: 'VIEWER' }, 'input.name', /1 to 120 characters/],
    ];
    for (const [input, field, message] of cases) {
      const res = await app.gql(INVITE, { input });
      expect(res.errors?.[0].extensions).toEqual(expect.objectContaining({ code: 'BAD_USER_INPUT', field }));
      expect(res.errors?.[0].message).toMatch(message);
    }
    const duplicate = await app.gql(INVITE, {
      input: { email: 'ANA.LOPEZ@example.COM', name: 'Other', role: 'VIEWER' },
    });
    expect(duplicate.errors?.[0].extensions.code).toBe('CONFLICT');
    expect(duplicate.errors?.[0].message).toBe(
      'A user with the e-mail ANA.LOPEZ@example.COM has been invited already: make a new invitation link from the user instead.',
    );
    const all = (await app.gql(USERS)).data!.users as { email: string }[];
    expect(all.filter((u) => u.email.toLowerCase() === 'ana.lopez@example.com')).toHaveLength(1);
  });

  it('lets a person whose address was invited in one case sign in with another', async () => {
    const { id } = await person('Mia.Case@Example.com', 'VIEWER');
    const browser = new CookieClient(app);
    const signedIn = await browser.post('/auth/sign-in', { email: '  mia.case@EXAMPLE.com', password: PASSWORD });
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.user).toEqual(expect.objectContaining({ id, email: 'Mia.Case@Example.com', role: 'VIEWER' }));
  });

  it('changes an invited person’s role before they accept, and they sign in with it', async () => {
    const { user, link } = await invite('late.role@example.com', 'VIEWER', 'Late Role');
    const updated = await app.gql(UPDATE, { id: user.id, input: { role: 'OPERATOR', name: 'Lena Role' } });
    expect(updated.errors).toBeUndefined();
    expect(updated.data!.updateUser).toEqual(
      expect.objectContaining({ role: 'OPERATOR', name: 'Lena Role', status: 'INVITED' }),
    );
    const browser = new CookieClient(app);
    const accepted = await browser.post('/auth/invitations/accept', { secret: secretOf(link), password: PASSWORD });
    expect(accepted.status).toBe(200);
    expect(accepted.body.user).toEqual(expect.objectContaining({ role: 'OPERATOR', name: 'Lena Role' }));
    expect(await auditActions(user.id)).toEqual([
      'user.invitation_accepted',
      'user.invited',
      'user.password_set',
      'user.renamed',
      'user.role_changed',
    ]);
    const bad = await app.gql(UPDATE, { id: user.id, input: { name: '' } });
    expect(bad.errors?.[0].extensions).toEqual(
      expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'input.name' }),
    );
    const missing = await app.gql(UPDATE, { id: '00000000-0000-4000-8000-000000000000', input: { role: 'VIEWER' } });
    expect(missing.errors?.[0].extensions.code).toBe('NOT_FOUND');
  });

  it('refuses every admin operation to a VIEWER or OPERATOR, by token or signed in', async () => {
    const target = (await invite('target@example.com', 'VIEWER')).user.id;
    const viewerToken = await tokenFor('VIEWER');
    const operatorToken = await tokenFor('OPERATOR');
    const { browser: operatorBrowser } = await person('op.person@example.com', 'OPERATOR');
    const operations: [string, Record<string, unknown>][] = [
      [USERS, {}],
      [INVITE, { input: { email: 'sneaky@example.com', name: 'Sneaky', role: 'ADMIN' } }],
      [UPDATE, { id: target, input: { role: 'ADMIN' } }],
      [DISABLE, { id: target }],
      [ENABLE, { id: target }],
      [RESET_MFA, { id: target }],
      [RESET_LINK, { id: target }],
    ];
    for (const [query, variables] of operations) {
      for (const token of [viewerToken, operatorToken]) {
        const res = await app.gql(query, variables, token);
        expect(res.errors?.[0].extensions.code).toBe('FORBIDDEN');
      }
      const bySession = await operatorBrowser.gql(query, variables);
      expect(bySession.errors?.[0].extensions.code).toBe('FORBIDDEN');
      expect(bySession.errors?.[0].message).toMatch(/needs the ADMIN role/);
    }
    const all = (await app.gql(USERS)).data!.users as { email: string; role: string }[];
    expect(all.find((u) => u.email === 'sneaky@example.com')).toBeUndefined();
    expect(all.find((u) => u.email === 'target@example.com')?.role).toBe('VIEWER');
  });

  it('keeps an admin: nobody demotes or disables themselves or the last active admin', async () => {
    const first = await person('first.admin@example.com', 'ADMIN');
    const firstToken = await tokenFor('ADMIN', first.id);

    const selfDemote = await app.gql(UPDATE, { id: first.id, input: { role: 'OPERATOR' } }, firstToken);
    expect(selfDemote.errors?.[0].extensions.code).toBe('CONFLICT');
    expect(selfDemote.errors?.[0].message).toBe(
      'You cannot change your own role: ask another admin, so an admin always remains.',
    );
    const selfDisable = await app.gql(DISABLE, { id: first.id }, firstToken);
    expect(selfDisable.errors?.[0].message).toBe(
      'You cannot disable yourself: ask another admin, so an admin always remains.',
    );
    // Renaming oneself is fine.
    const renamed = await app.gql(UPDATE, { id: first.id, input: { name: 'First Admin' } }, firstToken);
    expect(renamed.errors).toBeUndefined();

    // The integration's admin token is no person: the last-admin rule still holds.
    const lastDemote = await app.gql(UPDATE, { id: first.id, input: { role: 'VIEWER' } });
    expect(lastDemote.errors?.[0].extensions.code).toBe('CONFLICT');
    expect(lastDemote.errors?.[0].message).toBe(
      'first.admin@example.com is the last active admin: make someone else an admin first.',
    );
    const lastDisable = await app.gql(DISABLE, { id: first.id });
    expect(lastDisable.errors?.[0].message).toMatch(/is the last active admin/);

    // An invited admin does not count, and may be demoted.
    const firstStart = ((await app.gql(USERS)).data!.users as { id: string; email: string }[]).find(
      (u) => u.email === 'admin@hub.localhost',
    )!;
    const demoteInvited = await app.gql(UPDATE, { id: firstStart.id, input: { role: 'VIEWER' } });
    expect(demoteInvited.errors).toBeUndefined();

    const second = await person('second.admin@example.com', 'ADMIN');
    const disabled = await app.gql(DISABLE, { id: first.id });
    expect(disabled.errors).toBeUndefined();
    expect(disabled.data!.disableUser.status).toBe('DISABLED');
    const lastAgain = await app.gql(UPDATE, { id: second.id, input: { role: 'OPERATOR' } });
    expect(lastAgain.errors?.[0].message).toMatch(/second\.admin@example\.com is the last active admin/);

    // Enabling brings the first back; then either may be demoted by the other.
    expect((await app.gql(ENABLE, { id: first.id })).data!.enableUser.status).toBe('ACTIVE');
    const demoted = await app.gql(UPDATE, { id: second.id, input: { role: 'OPERATOR' } }, firstToken);
    expect(demoted.errors).toBeUndefined();
    expect(demoted.data!.updateUser.role).toBe('OPERATOR');
  });

  it('two admins demoting each other at once leave one admin', async () => {
    const a = await person('race.a@example.com', 'ADMIN');
    const b = await person('race.b@example.com', 'ADMIN');
    // Leave exactly these two active admins.
    const others = ((await app.gql(USERS)).data!.users as { id: string; role: string; status: string }[]).filter(
      (u) => u.role === 'ADMIN' && u.status === 'ACTIVE' && u.id !== a.id && u.id !== b.id,
    );
    for (const o of others)
      expect((await app.gql(UPDATE, { id: o.id, input: { role: 'VIEWER' } })).errors).toBeUndefined();
    const [ta, tb] = [await tokenFor('ADMIN', a.id), await tokenFor('ADMIN', b.id)];
    const results = await Promise.all([
      app.gql(UPDATE, { id: b.id, input: { role: 'VIEWER' } }, ta),
      app.gql(UPDATE, { id: a.id, input: { role: 'VIEWER' } }, tb),
    ]);
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    const admins = ((await app.gql(USERS)).data!.users as { role: string; status: string }[]).filter(
      (u) => u.role === 'ADMIN' && u.status === 'ACTIVE',
    );
    expect(admins).toHaveLength(1);
  });

  it('disabling ends the person’s sessions and refuses their tokens at once; enabling lets them sign in again', async () => {
    const { id, browser } = await person('leaving@example.com', 'OPERATOR');
    const token = await tokenFor('OPERATOR', id);
    expect((await browser.get('/auth/session')).status).toBe(200);
    expect((await app.gql(`query { me { name } }`, {}, token)).errors).toBeUndefined();

    const res = await app.gql(DISABLE, { id });
    expect(res.errors).toBeUndefined();
    expect(res.data!.disableUser.status).toBe('DISABLED');
    expect((await browser.get('/auth/session')).status).toBe(401);
    expect((await app.gql(`query { me { name } }`, {}, token)).errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    const again = await new CookieClient(app).post('/auth/sign-in', {
      email: 'leaving@example.com',
      password: PASSWORD,
    });
    expect(again.status).toBe(401);
    expect((await app.gql(DISABLE, { id })).errors?.[0].message).toMatch(/is already disabled/);

    expect((await app.gql(ENABLE, { id })).data!.enableUser.status).toBe('ACTIVE');
    expect((await app.gql(ENABLE, { id })).errors?.[0].message).toBe(
      'User leaving@example.com is not disabled (ACTIVE).',
    );
    const back = await new CookieClient(app).post('/auth/sign-in', {
      email: 'leaving@example.com',
      password: PASSWORD,
    });
    expect(back.status).toBe(200);
    expect(await auditActions(id)).toEqual(expect.arrayContaining(['user.disabled', 'user.enabled']));
  });

  it('resets a person’s MFA: authenticator and recovery codes cleared, their sessions ended', async () => {
    const { id, browser } = await person('lost.phone@example.com', 'OPERATOR');
    await app.ds.query(
      `UPDATE app_user SET totp_secret_encrypted = '\\x01'::bytea, totp_enabled_at = now(), recovery_code_hashes = '["x"]' WHERE id = $1`,
      [id],
    );
    expect((await app.gql(USERS)).data!.users.find((u: { id: string }) => u.id === id).mfaEnabled).toBe(true);
    const res = await app.gql(RESET_MFA, { id });
    expect(res.errors).toBeUndefined();
    expect(res.data!.resetUserMfa.mfaEnabled).toBe(false);
    const [row] = await app.ds.query(
      `SELECT totp_secret_encrypted, totp_enabled_at, totp_last_step, recovery_code_hashes FROM app_user WHERE id = $1`,
      [id],
    );
    expect(row).toEqual({
      totp_secret_encrypted: null,
      totp_enabled_at: null,
      totp_last_step: null,
      recovery_code_hashes: [],
    });
    expect((await browser.get('/auth/session')).status).toBe(401);
    expect(await auditActions(id)).toContain('user.mfa_reset');
  });

  it('makes a password reset link an admin copies: it signs the person in, ends their other sessions, once', async () => {
    const { id, browser: elsewhere } = await person('forgetful@example.com', 'VIEWER');
    const res = await app.gql(RESET_LINK, { id });
    expect(res.errors).toBeUndefined();
    const payload = res.data!.createPasswordResetLink;
    expect(payload.emailed).toBe(false);
    expect(payload.link).toMatch(new RegExp(`^${app.baseUrl}/reset-password#[A-Za-z0-9_-]{43}$`));
    const minutes = (Date.parse(payload.expiresAt) - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(59);
    expect(minutes).toBeLessThanOrEqual(60);

    const browser = new CookieClient(app);
    const weak = await browser.post('/auth/password-reset', {
      secret: secretOf(payload.link),
      password: 'password123',
    });
    expect(weak.status).toBe(400);
    expect(weak.body).toEqual({ field: 'password', message: expect.stringMatching(/^password: .*at least 12/) });

    const NEW = 'quiet lantern 91 meadow';
    const reset = await browser.post('/auth/password-reset', { secret: secretOf(payload.link), password: NEW });
    expect(reset.status).toBe(200);
    expect(reset.body).toEqual(
      expect.objectContaining({
        status: 'SIGNED_IN',
        csrfToken: expect.any(String),
        user: expect.objectContaining({ id }),
      }),
    );
    expect((await browser.get('/auth/session')).status).toBe(200);
    expect((await elsewhere.get('/auth/session')).status).toBe(401);

    const reused = await new CookieClient(app).post('/auth/password-reset', {
      secret: secretOf(payload.link),
      password: NEW,
    });
    expect(reused.status).toBe(410);
    expect(reused.body.message).toBe(
      'This password reset link has already been used, or a newer one replaced it: ask an admin for a new one.',
    );
    expect(
      (await new CookieClient(app).post('/auth/sign-in', { email: 'forgetful@example.com', password: PASSWORD }))
        .status,
    ).toBe(401);
    expect(
      (await new CookieClient(app).post('/auth/sign-in', { email: 'forgetful@example.com', password: NEW })).status,
    ).toBe(200);
    expect(await auditActions(id)).toEqual(
      expect.arrayContaining(['user.password_reset_link_created', 'user.password_reset']),
    );
  });

  it('gives an invited person a fresh invitation instead of a reset link, and refuses a disabled one', async () => {
    const { user, link: first } = await invite('slow.starter@example.com', 'VIEWER');
    const res = await app.gql(RESET_LINK, { id: user.id });
    expect(res.errors).toBeUndefined();
    const fresh = res.data!.createPasswordResetLink.link as string;
    expect(fresh).toMatch(/\/invite#/);
    const old = await new CookieClient(app).post('/auth/invitations/accept', {
      secret: secretOf(first),
      password: PASSWORD,
    });
    expect(old.status).toBe(410);
    expect(
      (await new CookieClient(app).post('/auth/invitations/accept', { secret: secretOf(fresh), password: PASSWORD }))
        .status,
    ).toBe(200);

    const { id } = await person('gone@example.com', 'VIEWER');
    await app.gql(DISABLE, { id });
    const refused = await app.gql(RESET_LINK, { id });
    expect(refused.errors?.[0].extensions.code).toBe('CONFLICT');
    expect(refused.errors?.[0].message).toBe(
      'User gone@example.com is disabled: enable them before making a password reset link.',
    );
  });
});

function secretOf(link: string): string {
  return link.slice(link.indexOf('#') + 1);
}
