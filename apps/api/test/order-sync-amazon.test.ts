import { createSandbox, type Sandbox } from '@order-hub/sandbox';
import { startTestApp, type TestApp } from './support/test-app';
import { testDatabases } from './support/test-databases';
import { connectSandboxAccount, hubOrderIds, syncAndWait } from './support/sync-helpers';

/** Amazon serves orders changed up to two minutes ago by its own clock; moving it on settles what was just written. */
const settle = (sandbox: Sandbox) => sandbox.clock.advance(3 * 60_000);

describe.each(testDatabases())('Amazon order sync from the sandbox on %s', (kind) => {
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

  it('backfills with the searchOrders burst, AFN orders read-only, buyer cancel requests surfaced, then pulls new orders', async () => {
    const account = await connectSandboxAccount(app, sandbox, 'AMAZON', 'Amazon backfill');
    const generated = sandbox.generateOrders({
      accountId: account.sandboxAccountId,
      count: 1900,
      seed: 5,
      mix: { intentToCancel: 0.05 },
    }).orderIds;
    settle(sandbox);

    const state = await syncAndWait(app, account.hubId);
    expect(state).toMatchObject({ phase: 'INCREMENTAL', lastError: null, ordersImported: 1900, pagesDone: 19 });
    expect(await hubOrderIds(app, account.hubId)).toEqual([...generated].sort());

    const [mix] = await app.ds.query(
      `SELECT count(*) FILTER (WHERE fulfillment_method = 'CHANNEL')::int AS afn,
              count(*) FILTER (WHERE raw_payload->'fulfillment'->>'fulfilledBy' = 'AMAZON')::int AS amazon_fulfilled,
              count(*) FILTER (WHERE cancellation_requested)::int AS cancel_requests,
              count(*) FILTER (WHERE ship_to IS NULL)::int AS without_address
         FROM "order" WHERE account_id = $1`,
      [account.hubId],
    );
    expect(mix.afn).toBeGreaterThan(0);
    expect(mix.afn).toBe(mix.amazon_fulfilled);
    expect(mix.cancel_requests).toBeGreaterThan(0);
    expect(mix.without_address).toBe(0);

    const fresh = sandbox.generateOrders({
      accountId: account.sandboxAccountId,
      count: 15,
      seed: 6,
      placedWithinHours: 0.001,
    }).orderIds;
    settle(sandbox);
    const next = await syncAndWait(app, account.hubId);
    expect(next).toMatchObject({ lastError: null, ordersImported: 1915 });
    expect(await hubOrderIds(app, account.hubId)).toEqual([...generated, ...fresh].sort());
  });

  it("reports a refused refresh token with Amazon's message and keeps the schedule going", async () => {
    const account = await connectSandboxAccount(app, sandbox, 'AMAZON', 'Amazon bad token');
    const res = await app.gql(
      `mutation($id: ID!, $input: UpdateChannelAccountInput!) { updateChannelAccount(id: $id, input: $input) { id } }`,
      {
        id: account.hubId,
        input: {
          credentials: {
            clientId: 'x',
            clientSecret: 'y',
            refreshToken: 'Atzr|revoked',
            lwaEndpoint: `${sandbox.amazonBaseUrl}/auth/o2/token`,
          },
        },
      },
    );
    expect(res.errors).toBeUndefined();
    const state = await syncAndWait(app, account.hubId);
    expect(state.lastError).toMatch(/^AMAZON lwa \d+ \w+: Login with Amazon refused the refresh token: /);
    expect(state.phase).toBe('BACKFILL');
  });
});

describe('Amazon backfill at the real searchOrders usage plan', () => {
  let sandbox: Sandbox;
  let app: TestApp;
  beforeAll(async () => {
    sandbox = await createSandbox({ seed: 10 });
    app = await startTestApp('pglite');
  });
  afterAll(async () => {
    await app?.close();
    await sandbox?.close();
  });

  it('spends the burst of 20 pages, then pauses with its cursor saved until the budget refills', async () => {
    const account = await connectSandboxAccount(app, sandbox, 'AMAZON', 'Amazon big backfill');
    sandbox.generateOrders({ accountId: account.sandboxAccountId, count: 2150, seed: 8 });
    settle(sandbox);
    const asked = Date.now();
    const state = await syncAndWait(app, account.hubId);
    expect(state).toMatchObject({
      phase: 'BACKFILL',
      running: false,
      lastError: null,
      lastSuccessAt: null,
      pagesDone: 20,
      ordersImported: 2000,
    });
    const [row] = await app.ds.query(`SELECT cursor, next_run_at FROM account_sync_state WHERE account_id = $1`, [
      account.hubId,
    ]);
    expect(JSON.parse(row.cursor)).toMatchObject({ cursor: expect.any(String) });
    // One request per 1/0.0056 s ≈ 179 s once the burst is spent.
    const waitS = (new Date(row.next_run_at).getTime() - asked) / 1000;
    expect(waitS).toBeGreaterThan(150);
    expect(waitS).toBeLessThan(200);
  });
});
