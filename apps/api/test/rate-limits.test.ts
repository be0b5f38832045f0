import { randomBytes } from 'node:crypto';
import { createApp, type RunningApp } from '../src/bootstrap';
import { loadConfig } from '../src/config/app-config';
import { freshRedis, POSTGRES_ADMIN_URL } from './support/job-drivers';
import { createPerson, sessionGql, signIn } from './support/sessions';
import { startTestApp, type TestApp } from './support/test-app';
import { testDatabases } from './support/test-databases';

const CREATE = `mutation Create($input: CreateApiTokenInput!) { createApiToken(input: $input) { token } }`;

interface Answer {
  status: number;
  retryAfter: string | null;
  code: string | undefined;
  limit: unknown;
}

/** POSTs `{ me { name } }` (or another query) and keeps what the rate limit tests look at. */
async function ask(baseUrl: string, token: string | null, query = '{ me { name } }'): Promise<Answer> {
  const res = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query }),
  });
  const body = (await res.json()) as { errors?: { extensions: { code: string; limit?: unknown } }[] };
  return {
    status: res.status,
    retryAfter: res.headers.get('retry-after'),
    code: body.errors?.[0]?.extensions.code,
    limit: body.errors?.[0]?.extensions.limit,
  };
}

const badToken = () => `ohk_${randomBytes(32).toString('base64url')}`;

/** `n` requests, `concurrency` at a time. */
async function inBatches<T>(n: number, concurrency: number, one: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < n; i += concurrency) {
    out.push(...(await Promise.all(Array.from({ length: Math.min(concurrency, n - i) }, (_, k) => one(i + k)))));
  }
  return out;
}

async function newToken(app: TestApp, role = 'VIEWER'): Promise<string> {
  return (await app.gql(CREATE, { input: { name: `rate ${role} ${randomBytes(3).toString('hex')}`, role } })).data!
    .createApiToken.token;
}

describe.each(testDatabases())('rate limits on %s (one process, counts in memory)', (kind) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(kind, { RATE_LIMIT_PER_MINUTE: '50', AUTH_FAILURE_LIMIT_PER_MINUTE: '10' });
  });
  afterAll(() => app?.close());

  it('500 bad tokens: most are answered 429 with Retry-After, and a valid token or session keeps working for its own budget', async () => {
    const viewer = await newToken(app);
    await createPerson(app, { email: 'rita@example.com', password: 'Trombone-Lantern-93', role: 'VIEWER' });
    const session = await signIn(app, 'rita@example.com', 'Trombone-Lantern-93');
    const answers = await inBatches(500, 10, () => ask(app.baseUrl, badToken()));
    const limited = answers.filter((a) => a.status === 429);
    const refused = answers.filter((a) => a.code === 'UNAUTHENTICATED');
    // 10 refusals spend the address's budget; a batch in flight when it ran out may add a few more.
    expect(refused.length).toBeGreaterThanOrEqual(10);
    expect(refused.length).toBeLessThanOrEqual(20);
    expect(limited.length).toBe(500 - refused.length);
    for (const a of limited) {
      expect(a.code).toBe('RATE_LIMITED');
      expect(a.limit).toBe('auth-failures');
      expect(Number(a.retryAfter)).toBeGreaterThanOrEqual(1);
      expect(Number(a.retryAfter)).toBeLessThanOrEqual(60);
    }
    // The same address, with a valid token: answered, and spending that token's own budget of 50.
    const mine = await inBatches(55, 5, () => ask(app.baseUrl, viewer));
    expect(mine.filter((a) => a.status === 200 && a.code === undefined)).toHaveLength(50);
    const over = mine.filter((a) => a.status === 429);
    expect(over).toHaveLength(5);
    expect(over.every((a) => a.code === 'RATE_LIMITED' && a.limit === 'requests' && Number(a.retryAfter) >= 1)).toBe(
      true,
    );
    // A signed-in session too is answered, on a budget of its own (keyed by its cookie, not the address).
    const fromSession = await inBatches(52, 4, () => sessionGql(app, session, '{ me { name } }'));
    expect(fromSession.filter((a) => a.status === 200 && a.errors === undefined)).toHaveLength(50);
    expect(fromSession.filter((a) => a.status === 429)).toHaveLength(2);
    // The admin token has its own budget still; without a valid token the address is refused for the minute.
    expect((await ask(app.baseUrl, app.adminToken)).code).toBeUndefined();
    const anonymous = await ask(app.baseUrl, null, '{ health { ok } }');
    expect([anonymous.status, anonymous.code]).toEqual([429, 'RATE_LIMITED']);
  });

  it('answers a 429 as GraphQL JSON naming the code and the wait', async () => {
    const res = await fetch(`${app.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${badToken()}` },
      body: JSON.stringify({ query: '{ me { name } }' }),
    });
    expect(res.status).toBe(429);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const body = await res.json();
    expect(body).toEqual({
      data: null,
      errors: [
        {
          message: expect.stringMatching(
            /^Too many refused authentications from this address \(10 a minute\); retry in \d+ s\.$/,
          ),
          extensions: { code: 'RATE_LIMITED', limit: 'auth-failures', retryAfterSeconds: expect.any(Number) },
        },
      ],
    });
  });
});

describe('rate limits shared through Redis by two api processes', () => {
  let a: TestApp;
  let b: RunningApp;
  let bUrl: string;
  beforeAll(async () => {
    const env = { REDIS_URL: await freshRedis(13), RATE_LIMIT_PER_MINUTE: '20', AUTH_FAILURE_LIMIT_PER_MINUTE: '5' };
    a = await startTestApp('postgres', env, POSTGRES_ADMIN_URL);
    b = await createApp(
      loadConfig({
        ...env,
        DATABASE_URL: a.databaseUrl!,
        DATA_DIR: a.dataDir,
        LOG_LEVEL: 'silent',
        SYNC_ENABLED: 'false',
      }),
    );
    await b.app.listen(0, '127.0.0.1');
    bUrl = `http://127.0.0.1:${(b.app.getHttpServer().address() as { port: number }).port}`;
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  it('two apps on one Redis share the counts: a token gets 20 a minute across both, an address 5 refusals', async () => {
    const viewer = await newToken(a);
    const urls = [a.baseUrl, bUrl];
    const mine: Answer[] = [];
    for (let i = 0; i < 30; i++) mine.push(await ask(urls[i % 2], viewer));
    expect(mine.filter((x) => x.status === 200)).toHaveLength(20);
    expect(mine.slice(20).every((x) => x.status === 429 && x.code === 'RATE_LIMITED')).toBe(true);
    // Both processes answered some of the 20.
    expect(mine.slice(0, 20).filter((_, i) => i % 2 === 1)).toHaveLength(10);

    const refusals: Answer[] = [];
    for (let i = 0; i < 12; i++) refusals.push(await ask(urls[i % 2], badToken()));
    expect(refusals.map((x) => x.code)).toEqual([
      ...Array(5).fill('UNAUTHENTICATED'),
      ...Array(7).fill('RATE_LIMITED'),
    ]);
    expect(refusals.slice(5).every((x) => Number(x.retryAfter) >= 1)).toBe(true);
  });
});

describe('rate limits behind a reverse proxy (TRUST_PROXY)', () => {
  /** Bad-token requests from `forwardedFor` as a proxy would relay them; the refused authentications' codes. */
  async function refusalsFrom(baseUrl: string, forwardedFor: string, n: number): Promise<(string | undefined)[]> {
    const codes: (string | undefined)[] = [];
    for (let i = 0; i < n; i++) {
      const res = await fetch(`${baseUrl}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${badToken()}`,
          'x-forwarded-for': forwardedFor,
        },
        body: JSON.stringify({ query: '{ me { name } }' }),
      });
      codes.push(((await res.json()) as { errors?: { extensions: { code: string } }[] }).errors?.[0]?.extensions.code);
    }
    return codes;
  }

  it.each([
    ['true', 'each client behind the proxy has its own failure budget', 3],
    ['false', 'every client shares the proxy address, so the second is refused at once', 0],
  ])('TRUST_PROXY=%s: %s', async (trustProxy, _what, secondClientRefusals) => {
    const app = await startTestApp('pglite', {
      RATE_LIMIT_PER_MINUTE: '0',
      AUTH_FAILURE_LIMIT_PER_MINUTE: '3',
      TRUST_PROXY: trustProxy,
    });
    try {
      const first = await refusalsFrom(app.baseUrl, '203.0.113.7', 4);
      expect(first).toEqual(['UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED', 'RATE_LIMITED']);
      const second = await refusalsFrom(app.baseUrl, '198.51.100.9', 4);
      expect(second.filter((c) => c === 'UNAUTHENTICATED')).toHaveLength(secondClientRefusals);
    } finally {
      await app.close();
    }
  });
});
