import { startTestApp, type TestApp } from './support/test-app';
import { testDatabases } from './support/test-databases';

const CREATE = `mutation Create($input: CreateApiTokenInput!) {
  createApiToken(input: $input) { token apiToken { id name role prefix revokedAt } }
}`;
const CREATE_EXPIRING = `mutation Create($input: CreateApiTokenInput!) {
  createApiToken(input: $input) { token apiToken { id expiresAt } }
}`;
const REVOKE = `mutation Revoke($id: ID!) { revokeApiToken(id: $id) { id revokedAt } }`;

describe.each(testDatabases())('API tokens and roles on %s', (kind) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(kind);
  });
  afterAll(() => app?.close());

  it('answers health without a token, and nothing else', async () => {
    const health = await app.gql(`{ health { ok database databaseKind version } }`, {}, null);
    // The version only to callers with a token (test/surface.test.ts).
    expect(health.data).toEqual({ health: { ok: true, database: 'up', databaseKind: kind, version: null } });
    for (const query of ['{ me { name } }', '{ orders { totalCount } }', '{ channelAccounts { id } }']) {
      const res = await app.gql(query, {}, null);
      expect(res.errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
    }
  });

  it.each([['garbage'], ['ohk_notarealtokenatallnotarealtokenatall']])('refuses the token %s', async (token) => {
    const res = await app.gql('{ me { name } }', {}, token);
    expect(res.errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
    expect(res.errors?.[0]?.message).toMatch(/unknown or has been revoked/);
  });

  it('lets an admin create tokens whose secret is shown once and stored only as a hash', async () => {
    const res = await app.gql(CREATE, { input: { name: 'warehouse scanner', role: 'OPERATOR' } });
    const { token, apiToken } = res.data!.createApiToken;
    expect(token).toMatch(/^ohk_[A-Za-z0-9_-]{43}$/);
    expect(token.startsWith(apiToken.prefix)).toBe(true);
    const stored: unknown[] = await app.ds.query(`SELECT * FROM api_token WHERE token_hash = $1 OR prefix = $1`, [
      token,
    ]);
    expect(stored).toHaveLength(0);
    const me = await app.gql('{ me { name role user { id } apiToken { id } } }', {}, token);
    expect(me.data).toEqual({
      me: { name: 'warehouse scanner', role: 'OPERATOR', user: null, apiToken: { id: apiToken.id } },
    });
    const audit: { action: string; actor: string }[] = await app.ds.query(
      `SELECT action, actor FROM audit_event WHERE entity_id = $1`,
      [apiToken.id],
    );
    expect(audit).toEqual([{ action: 'api_token.created', actor: 'token:test admin' }]);
  });

  it('keeps token management to admins (FORBIDDEN names the role needed)', async () => {
    const viewer = (await app.gql(CREATE, { input: { name: 'bi', role: 'VIEWER' } })).data!.createApiToken.token;
    const operator = (await app.gql(CREATE, { input: { name: 'ops', role: 'OPERATOR' } })).data!.createApiToken.token;
    for (const token of [viewer, operator]) {
      const res = await app.gql(CREATE, { input: { name: 'x', role: 'ADMIN' } }, token);
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', requiredRole: 'ADMIN' });
      expect((await app.gql('{ apiTokens { id } }', {}, token)).errors?.[0]?.extensions.code).toBe('FORBIDDEN');
    }
    const read = await app.gql('{ orders(first: 1) { totalCount } }', {}, viewer);
    expect(read.errors).toBeUndefined();
  });

  it('revokes a token at once; revoking twice, an unknown id or itself is refused', async () => {
    const created = (await app.gql(CREATE, { input: { name: 'temp', role: 'VIEWER' } })).data!.createApiToken;
    expect((await app.gql(REVOKE, { id: created.apiToken.id })).data!.revokeApiToken.revokedAt).toEqual(
      expect.any(String),
    );
    expect((await app.gql('{ me { name } }', {}, created.token)).errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
    expect((await app.gql(REVOKE, { id: created.apiToken.id })).errors?.[0]?.extensions.code).toBe('CONFLICT');
    expect((await app.gql(REVOKE, { id: '00000000-0000-4000-8000-000000000000' })).errors?.[0]?.extensions.code).toBe(
      'NOT_FOUND',
    );
    const me = (await app.gql('{ me { apiToken { id } } }')).data!.me.apiToken.id;
    expect((await app.gql(REVOKE, { id: me })).errors?.[0]?.extensions.code).toBe('CONFLICT');
  });

  it('API tokens may carry an expiry: me shows it, and past it the token is refused saying when it expired', async () => {
    const expiresAt = new Date(Date.now() + 3 * 24 * 3600_000).toISOString();
    const created = (await app.gql(CREATE_EXPIRING, { input: { name: 'contractor', role: 'VIEWER', expiresAt } })).data!
      .createApiToken;
    expect(created.apiToken.expiresAt).toBe(expiresAt);
    expect((await app.gql('{ me { name apiToken { expiresAt } } }', {}, created.token)).data).toEqual({
      me: { name: 'contractor', apiToken: { expiresAt } },
    });
    expect((await app.gql('{ me { apiToken { expiresAt } } }')).data).toEqual({
      me: { apiToken: { expiresAt: null } },
    });

    // Time passes: the stored expiry is now behind us.
    const past = new Date(Date.now() - 60_000);
    await app.ds.query(`UPDATE api_token SET expires_at = $1 WHERE id = $2`, [past, created.apiToken.id]);
    const refused = await app.gql('{ me { name } }', {}, created.token);
    expect(refused.errors?.[0]).toMatchObject({
      message: `The API token expired at ${past.toISOString()}: ask an admin for a new one.`,
      extensions: { code: 'UNAUTHENTICATED' },
    });
    const csv = await fetch(`${app.baseUrl}/api/compliance/report.csv?channel=WALMART`, {
      headers: { authorization: `Bearer ${created.token}` },
    });
    expect(csv.status).toBe(401);
    expect(await csv.text()).toContain('expired at');
  });

  it('refuses an expiry that is not in the future, naming input.expiresAt', async () => {
    const past = new Date(Date.now() - 1000).toISOString();
    const res = await app.gql(CREATE_EXPIRING, { input: { name: 'late', role: 'VIEWER', expiresAt: past } });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.expiresAt' });
    expect(res.errors?.[0]?.message).toMatch(/^input\.expiresAt: must be in the future/);
  });

  it('rejects a blank token name naming the field', async () => {
    const res = await app.gql(CREATE, { input: { name: '   ', role: 'VIEWER' } });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.name' });
  });

  it('never exposes channel credentials and stores them encrypted', async () => {
    const accountFields = (await app.gql(`{ __type(name: "ChannelAccount") { fields { name } } }`)).data!.__type.fields;
    expect(accountFields.map((f: { name: string }) => f.name)).not.toContain('credentials');
    const { anAccount } = await import('./support/order-fixtures');
    await anAccount(app, 'WALMART');
    const rows: { blob: Buffer }[] = await app.ds.query(`SELECT credentials_encrypted AS blob FROM channel_account`);
    expect(rows[0].blob.toString('utf8')).not.toContain('super-secret-value');
    const accounts = await app.gql('{ channelAccounts { name hasCredentials } }');
    expect(accounts.data!.channelAccounts[0].hasCredentials).toBe(true);
  });
});
