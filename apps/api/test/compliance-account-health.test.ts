import { createSandbox, type Sandbox } from '@order-hub/sandbox';
import { startTestApp, type TestApp } from './support/test-app';
import { testDatabases } from './support/test-databases';
import { connectSandboxAccount } from './support/sync-helpers';

const HEALTH = `query ($channel: Channel!, $a: ID) { complianceReport(channel: $channel, accountId: $a) {
  accountHealth { accountId fetchedAt reportId accountStatus rating ratingFrom ratingTo
    orderDefectRate { rate target targetCondition status orderCount ordersWithDefects claims chargebacks negativeFeedback reportingFrom reportingTo } } } }`;
const REFRESH = `mutation ($a: ID!) { refreshAccountHealth(accountId: $a) { accountId fetchedAt rating accountStatus
  orderDefectRate { rate status orderCount ordersWithDefects claims chargebacks negativeFeedback } } }`;

async function recordDefect(sandbox: Sandbox, orderId: string, kind: string): Promise<void> {
  const res = await fetch(`${sandbox.controlBaseUrl}/orders/amazon/${orderId}/defects`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ kind }),
  });
  expect(res.status).toBe(201);
}

describe.each(testDatabases())('Amazon account health through the Reports API on %s', (kind) => {
  let sandbox: Sandbox;
  let app: TestApp;
  beforeAll(async () => {
    sandbox = await createSandbox({ seed: 9, throttling: { rateScale: 1000 } });
    app = await startTestApp(kind, { CHANNEL_RATE_SCALE: '1000', CHANNEL_TIMEOUT_MS: '1500' });
  });
  afterAll(async () => {
    await app?.close();
    await sandbox?.close();
  });

  it('is fetched on demand, stored, and served with the compliance report: ODR with its parts, the rating', async () => {
    const account = await connectSandboxAccount(app, sandbox, 'AMAZON', 'Amazon health');
    const orderIds = sandbox.generateOrders({
      accountId: account.sandboxAccountId,
      count: 40,
      seed: 3,
      placedWithinHours: 24 * 40,
      mix: { channelFulfilled: 0 },
    }).orderIds;

    // Before the first fetch: the channel publishes it, none is stored yet.
    const before = await app.gql(HEALTH, { channel: 'AMAZON', a: account.hubId });
    expect(before.data!.complianceReport.accountHealth).toEqual([]);

    await recordDefect(sandbox, orderIds[0], 'claim');
    await recordDefect(sandbox, orderIds[1], 'negativeFeedback');
    await recordDefect(sandbox, orderIds[1], 'chargeback');
    const refreshed = await app.gql(REFRESH, { a: account.hubId });
    expect(refreshed.errors).toBeUndefined();
    const odr = refreshed.data!.refreshAccountHealth.orderDefectRate;
    expect(odr).toMatchObject({ ordersWithDefects: 2, claims: 1, chargebacks: 1, negativeFeedback: 1, status: 'BAD' });
    // The report's range ends yesterday; the rate is the channel's, in percent.
    expect(odr.orderCount).toBeGreaterThanOrEqual(2);
    expect(odr.orderCount).toBeLessThanOrEqual(40);
    expect(odr.rate).toBeCloseTo((2 * 100) / odr.orderCount, 3);
    expect(refreshed.data!.refreshAccountHealth).toMatchObject({ rating: 'WARNED', accountStatus: 'AT_RISK' });

    const served = await app.gql(HEALTH, { channel: 'AMAZON', a: account.hubId });
    const [health] = served.data!.complianceReport.accountHealth;
    expect(health).toMatchObject({
      accountId: account.hubId,
      rating: 'WARNED',
      accountStatus: 'AT_RISK',
      orderDefectRate: { ...odr, target: 1, targetCondition: 'LESS_THAN' },
    });
    expect(
      Date.parse(health.orderDefectRate.reportingTo) - Date.parse(health.orderDefectRate.reportingFrom),
    ).toBeGreaterThan(59 * 24 * 3_600_000);

    const [row] = await app.ds.query(
      `SELECT count(*)::int AS n, max(document::text) AS document FROM account_health_report WHERE account_id = $1`,
      [account.hubId],
    );
    expect(row.n).toBe(1);
    // The document is stored as Amazon sent it; it carries no buyer data.
    expect(JSON.parse(row.document).performanceMetrics[0].orderDefectRate.mfn.claims.count).toBe(1);
    expect(row.document).not.toMatch(/buyer|email|address/i);
  });

  it('the newest fetch wins; all accounts list each; Walmart has none (null)', async () => {
    const account = await connectSandboxAccount(app, sandbox, 'AMAZON', 'Amazon second');
    expect((await app.gql(REFRESH, { a: account.hubId })).data!.refreshAccountHealth.rating).toBe('GREAT');
    const again = await app.gql(REFRESH, { a: account.hubId });
    const all = await app.gql(HEALTH, { channel: 'AMAZON', a: null });
    const listed = all.data!.complianceReport.accountHealth as { accountId: string; fetchedAt: string }[];
    expect(listed.filter((h) => h.accountId === account.hubId)).toEqual([
      expect.objectContaining({ fetchedAt: again.data!.refreshAccountHealth.fetchedAt }),
    ]);
    expect(listed.length).toBeGreaterThanOrEqual(2);

    const walmart = await app.gql(HEALTH, { channel: 'WALMART', a: null });
    expect(walmart.data!.complianceReport.accountHealth).toBeNull();
  });

  it('refuses a Walmart account, a malformed id and a viewer, in words', async () => {
    const walmart = await connectSandboxAccount(app, sandbox, 'WALMART', 'Walmart no health');
    const refused = await app.gql(REFRESH, { a: walmart.hubId });
    expect(refused.errors![0]).toMatchObject({
      message: 'accountId: Walmart publishes no account health report; only its own metrics are measured.',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    const malformed = await app.gql(`mutation { refreshAccountHealth(accountId: "42") { accountId } }`);
    expect(malformed.errors![0]).toMatchObject({
      message: 'accountId: must be an id returned by the API (a UUID).',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    const viewer = await app.gql(
      `mutation { createApiToken(input: { name: "health viewer", role: VIEWER }) { token } }`,
    );
    const amazon = await connectSandboxAccount(app, sandbox, 'AMAZON', 'Amazon viewer');
    const denied = await app.gql(REFRESH, { a: amazon.hubId }, viewer.data!.createApiToken.token);
    expect(denied.errors![0].extensions.code).toBe('FORBIDDEN');
  });

  it("tells the channel's refusal in words when Amazon fails the report", async () => {
    const account = await connectSandboxAccount(app, sandbox, 'AMAZON', 'Amazon failing');
    const fault = await fetch(`${sandbox.controlBaseUrl}/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ channel: 'AMAZON', route: '/amazon/reports', error500: 1 }),
    });
    expect(fault.status).toBe(201);
    const failed = await app.gql(REFRESH, { a: account.hubId });
    await fetch(`${sandbox.controlBaseUrl}/faults`, { method: 'DELETE' });
    expect(failed.errors![0].message).toMatch(/^Amazon did not give the account health report of Amazon failing: /);
    const served = await app.gql(HEALTH, { channel: 'AMAZON', a: account.hubId });
    expect(served.data!.complianceReport.accountHealth).toEqual([]);
  });
});
