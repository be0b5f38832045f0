import { startTestApp, type TestApp } from './support/test-app';
import { testDatabases } from './support/test-databases';

const CREATE = `mutation($input: CreateChannelAccountInput!) {
  createChannelAccount(input: $input) { id channel name marketplace environment baseUrl timeZone hasCredentials disabledAt syncState { phase running ordersImported } }
}`;
const UPDATE = `mutation($id: ID!, $input: UpdateChannelAccountInput!) { updateChannelAccount(id: $id, input: $input) { id name baseUrl timeZone } }`;

describe.each(testDatabases())('channel accounts over GraphQL on %s', (kind) => {
  let app: TestApp;
  let operator: string;
  beforeAll(async () => {
    app = await startTestApp(kind);
    const res = await app.gql(`mutation { createApiToken(input: { name: "ops", role: OPERATOR }) { token } }`);
    operator = res.data!.createApiToken.token;
  });
  afterAll(() => app?.close());

  it('creates an account with channel defaults; credentials are stored encrypted and never returned', async () => {
    const res = await app.gql(CREATE, {
      input: { channel: 'WALMART', name: 'Main store', credentials: { clientId: 'cid', clientSecret: 's3cr3t-value' } },
    });
    expect(res.errors).toBeUndefined();
    expect(res.data!.createChannelAccount).toMatchObject({
      channel: 'WALMART',
      marketplace: 'US',
      environment: 'PRODUCTION',
      baseUrl: 'https://marketplace.walmartapis.com',
      timeZone: 'America/Los_Angeles',
      hasCredentials: true,
      disabledAt: null,
      syncState: { phase: 'BACKFILL', running: false, ordersImported: 0 },
    });
    const [row] = await app.ds.query(`SELECT credentials_encrypted::text AS c FROM channel_account WHERE id = $1`, [
      res.data!.createChannelAccount.id,
    ]);
    expect(row.c).not.toContain('s3cr3t-value');
    const audit = await app.ds.query(`SELECT after::text AS a FROM audit_event WHERE entity_id = $1`, [
      res.data!.createChannelAccount.id,
    ]);
    expect(audit[0].a).not.toContain('s3cr3t-value');
    expect(audit[0].a).toContain('clientSecret');
  });

  it.each([
    [
      { channel: 'AMAZON', name: 'A', credentials: { clientId: 'a', clientSecret: 'b' } },
      'input.credentials.refreshToken',
      /refreshToken is required/,
    ],
    [
      { channel: 'WALMART', name: 'W', credentials: { clientId: 'a', clientSecret: 'b', refreshToken: 'c' } },
      'input.credentials',
      /refreshToken is not a WALMART credential/,
    ],
    [
      { channel: 'WALMART', name: ' ', credentials: { clientId: 'a', clientSecret: 'b' } },
      'input.name',
      /must not be empty/,
    ],
    [
      { channel: 'WALMART', name: 'W', baseUrl: 'ftp://x', credentials: { clientId: 'a', clientSecret: 'b' } },
      'input.baseUrl',
      /http\(s\) URL/,
    ],
    [
      { channel: 'WALMART', name: 'W', timeZone: 'Mars/Base', credentials: { clientId: 'a', clientSecret: 'b' } },
      'input.timeZone',
      /IANA time zone/,
    ],
    [
      {
        channel: 'AMAZON',
        name: 'A',
        credentials: { clientId: 'a', clientSecret: 'b', refreshToken: 'c', lwaEndpoint: 'nope' },
      },
      'input.credentials.lwaEndpoint',
      /URL/,
    ],
  ])('refuses %j naming %s', async (input, field, message) => {
    const res = await app.gql(CREATE, { input });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(res.errors?.[0]?.message).toMatch(message);
  });

  it('updates what is given, replaces credentials whole, and is for admins only', async () => {
    const created = await app.gql(CREATE, {
      input: { channel: 'AMAZON', name: 'EU', credentials: { clientId: 'a', clientSecret: 'b', refreshToken: 'c' } },
    });
    const id = created.data!.createChannelAccount.id;
    const updated = await app.gql(UPDATE, { id, input: { name: 'Amazon US', timeZone: 'America/New_York' } });
    expect(updated.data!.updateChannelAccount).toMatchObject({
      name: 'Amazon US',
      timeZone: 'America/New_York',
      baseUrl: 'https://sellingpartnerapi-na.amazon.com',
    });
    const partial = await app.gql(UPDATE, { id, input: { credentials: { clientId: 'only-one' } } });
    expect(partial.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.credentials.clientSecret',
    });

    const forbidden = await app.gql(UPDATE, { id, input: { name: 'x' } }, operator);
    expect(forbidden.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
    const missing = await app.gql(UPDATE, { id: '00000000-0000-4000-8000-000000000000', input: { name: 'x' } });
    expect(missing.errors?.[0]?.extensions.code).toBe('NOT_FOUND');
  });

  it('disables an account: no sync on demand, and operators may ask for a sync only of enabled ones', async () => {
    const created = await app.gql(CREATE, {
      input: { channel: 'WALMART', name: 'Old store', credentials: { clientId: 'a', clientSecret: 'b' } },
    });
    const id = created.data!.createChannelAccount.id;
    const disabled = await app.gql(`mutation($id: ID!) { disableChannelAccount(id: $id) { disabledAt } }`, { id });
    expect(disabled.data!.disableChannelAccount.disabledAt).toEqual(expect.any(String));
    const sync = await app.gql(`mutation($id: ID!) { syncAccount(accountId: $id) { running } }`, { id }, operator);
    expect(sync.errors?.[0]?.extensions.code).toBe('CONFLICT');
    expect(sync.errors?.[0]?.message).toMatch(/Old store is disabled/);
    const viewer = await app.gql(`mutation { createApiToken(input: { name: "bi", role: VIEWER }) { token } }`);
    const denied = await app.gql(
      `mutation($id: ID!) { syncAccount(accountId: $id) { running } }`,
      { id },
      viewer.data!.createApiToken.token,
    );
    expect(denied.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
  });
});
