import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startTestApp, type TestApp } from './support/test-app';
import { testDatabases } from './support/test-databases';
import { until } from './support/wait';

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

  it('the stored secret cannot be read back by pointing the account at your own listener: a new baseUrl needs the credentials again', async () => {
    const listener = await startListener();
    try {
      const created = await app.gql(CREATE, {
        input: {
          channel: 'WALMART',
          name: 'Moved store',
          environment: 'SANDBOX',
          credentials: { clientId: 'cid', clientSecret: 'stored-secret' },
        },
      });
      const id = created.data!.createChannelAccount.id;
      const moved = await app.gql(UPDATE, { id, input: { baseUrl: listener.url } });
      expect(moved.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.credentials' });
      expect(moved.errors?.[0]?.message).toMatch(/entered again \(clientId, clientSecret\) to change baseUrl/);
      const [row] = await app.ds.query(`SELECT base_url FROM channel_account WHERE id = $1`, [id]);
      expect(row.base_url).toBe('https://sandbox.walmartapis.com');
      // The same URL written differently is no change.
      const same = await app.gql(UPDATE, { id, input: { baseUrl: 'https://SANDBOX.walmartapis.com:443/', name: 'S' } });
      expect(same.errors).toBeUndefined();

      // With the credentials typed again the move is allowed, and only those reach the new host.
      const withSecret = await app.gql(UPDATE, {
        id,
        input: { baseUrl: listener.url, credentials: { clientId: 'cid', clientSecret: 'typed-again' } },
      });
      expect(withSecret.errors).toBeUndefined();
      await app.gql(`mutation($id: ID!) { syncAccount(accountId: $id) { running } }`, { id });
      const [tokenRequest] = await until(
        'the token request at the listener',
        () => Promise.resolve(listener.requests),
        (r) => r.length > 0,
      );
      const basic = Buffer.from(String(tokenRequest.authorization).replace(/^Basic /, ''), 'base64').toString();
      expect(basic).toBe('cid:typed-again');
      expect(JSON.stringify(listener.requests)).not.toContain('stored-secret');
    } finally {
      await listener.close();
    }
  });

  it.each([
    [
      { channel: 'WALMART', baseUrl: 'http://127.0.0.1:8080' },
      'input.baseUrl',
      /https:\/\/marketplace\.walmartapis\.com\)/,
    ],
    [{ channel: 'WALMART', baseUrl: 'https://marketplace.walmartapis.com:8443' }, 'input.baseUrl', /published hosts/],
    [{ channel: 'WALMART', baseUrl: 'https://sandbox.walmartapis.com' }, 'input.baseUrl', /environment SANDBOX/],
    [
      { channel: 'AMAZON', baseUrl: 'https://sellingpartnerapi-na.amazon.com.evil.test' },
      'input.baseUrl',
      /Amazon's published hosts/,
    ],
    [
      { channel: 'AMAZON', lwaEndpoint: 'https://127.0.0.1/auth/o2/token' },
      'input.credentials.lwaEndpoint',
      /https:\/\/api\.amazon\.com, https:\/\/api\.amazon\.co\.uk, https:\/\/api\.amazon\.co\.jp/,
    ],
  ])(
    'a PRODUCTION account names only the channel’s published hosts: refuses %j on %s',
    async (given, field, message) => {
      const { channel, baseUrl, lwaEndpoint } = given as { channel: string; baseUrl?: string; lwaEndpoint?: string };
      const res = await app.gql(CREATE, {
        input: {
          channel,
          name: 'P',
          environment: 'PRODUCTION',
          baseUrl,
          credentials: credentialsFor(channel, lwaEndpoint),
        },
      });
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(res.errors?.[0]?.message).toMatch(message);
      expect(res.errors?.[0]?.message).toMatch(/ALLOW_CUSTOM_CHANNEL_HOSTS=true/);
    },
  );

  it('a PRODUCTION account takes every published region; a SANDBOX account may move to PRODUCTION only on a published host', async () => {
    const eu = await app.gql(CREATE, {
      input: {
        channel: 'AMAZON',
        name: 'Amazon EU',
        baseUrl: 'https://sellingpartnerapi-eu.amazon.com',
        credentials: credentialsFor('AMAZON', 'https://api.amazon.co.uk/auth/o2/token'),
      },
    });
    expect(eu.errors).toBeUndefined();

    const local = await app.gql(CREATE, {
      input: {
        channel: 'AMAZON',
        name: 'Local',
        environment: 'SANDBOX',
        baseUrl: 'http://127.0.0.1:4010/amazon',
        credentials: credentialsFor('AMAZON', 'http://127.0.0.1:4010/amazon/auth/o2/token'),
      },
    });
    expect(local.errors).toBeUndefined();
    const id = local.data!.createChannelAccount.id;
    const promoted = await app.gql(UPDATE, { id, input: { environment: 'PRODUCTION' } });
    expect(promoted.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.baseUrl' });
    // The stored lwaEndpoint counts too, though it is never shown.
    const published = await app.gql(UPDATE, {
      id,
      input: {
        environment: 'PRODUCTION',
        baseUrl: 'https://sellingpartnerapi-na.amazon.com',
        credentials: credentialsFor('AMAZON', 'http://127.0.0.1:4010/amazon/auth/o2/token'),
      },
    });
    expect(published.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.credentials.lwaEndpoint',
    });
    const ok = await app.gql(UPDATE, {
      id,
      input: {
        environment: 'PRODUCTION',
        baseUrl: 'https://sellingpartnerapi-na.amazon.com',
        credentials: credentialsFor('AMAZON'),
      },
    });
    expect(ok.errors).toBeUndefined();
  });
});

describe('ALLOW_CUSTOM_CHANNEL_HOSTS=true', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp('pglite', { ALLOW_CUSTOM_CHANNEL_HOSTS: 'true' });
  });
  afterAll(() => app?.close());

  it('lets a PRODUCTION account name another host, and a new host still needs the credentials again', async () => {
    const created = await app.gql(CREATE, {
      input: {
        channel: 'WALMART',
        name: 'Behind a proxy',
        environment: 'PRODUCTION',
        baseUrl: 'https://walmart-proxy.internal.test',
        credentials: credentialsFor('WALMART'),
      },
    });
    expect(created.errors).toBeUndefined();
    const moved = await app.gql(UPDATE, {
      id: created.data!.createChannelAccount.id,
      input: { baseUrl: 'https://other-proxy.internal.test' },
    });
    expect(moved.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.credentials' });
  });
});

function credentialsFor(channel: string, lwaEndpoint?: string): Record<string, string> {
  return channel === 'WALMART'
    ? { clientId: 'a', clientSecret: 'b' }
    : { clientId: 'a', clientSecret: 'b', refreshToken: 'c', ...(lwaEndpoint ? { lwaEndpoint } : {}) };
}

/** An HTTP listener that records each request's headers and answers 500, standing in for someone's own host. */
async function startListener(): Promise<{ url: string; requests: IncomingHttpHeaders[]; close(): Promise<void> }> {
  const requests: IncomingHttpHeaders[] = [];
  const server: Server = createServer((req, res) => {
    requests.push(req.headers);
    res.writeHead(500).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
