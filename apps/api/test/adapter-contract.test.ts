import { createSandbox, type Sandbox } from '@order-hub/sandbox';
import { contractViolations, recordRequests } from './support/request-contract';
import { startTestApp, type TestApp } from './support/test-app';
import { connectSandboxAccount, syncAndWait } from './support/sync-helpers';

describe('what the adapters send, checked against the official models', () => {
  let sandbox: Sandbox;
  let app: TestApp;
  beforeAll(async () => {
    sandbox = await createSandbox({ seed: 12, throttling: { rateScale: 1000 } });
    app = await startTestApp('pglite', { CHANNEL_RATE_SCALE: '1000' });
  });
  afterAll(async () => {
    await app?.close();
    await sandbox?.close();
  });

  it('sends only operations, parameters, values and bodies the Walmart and Amazon models define', async () => {
    const walmart = await connectSandboxAccount(app, sandbox, 'WALMART', 'Contract Walmart');
    const amazon = await connectSandboxAccount(app, sandbox, 'AMAZON', 'Contract Amazon');
    sandbox.generateOrders({ accountId: walmart.sandboxAccountId, count: 450, seed: 1, mix: { channelFulfilled: 0.2 } });
    sandbox.generateOrders({ accountId: amazon.sandboxAccountId, count: 250, seed: 2 });
    sandbox.clock.advance(3 * 60_000);

    const recorder = recordRequests();
    try {
      for (const account of [walmart, amazon]) expect((await syncAndWait(app, account.hubId)).lastError).toBeNull();
    } finally {
      recorder.restore();
    }
    const toChannels = recorder.requests.filter((r) => r.url.origin === new URL(sandbox.baseUrl).origin);
    // Login with Amazon is not part of the SP-API models; the sandbox's own tests cover its form.
    const checked = toChannels.filter((r) => r.url.pathname !== '/amazon/auth/o2/token');
    const operations = new Set(checked.map((r) => `${r.method} ${r.url.pathname.replace(/\/\d[\d-]*$/, '/{id}')}`));
    expect([...operations].sort()).toEqual(['GET /amazon/orders/2026-01-01/orders', 'GET /walmart/v3/orders', 'POST /walmart/v3/token']);
    expect(checked.length).toBeGreaterThanOrEqual(7);
    expect(checked.flatMap(contractViolations)).toEqual([]);
  });

  it('would catch a request the models do not allow', () => {
    const bad = contractViolations({
      method: 'GET',
      url: new URL('http://x/amazon/orders/2026-01-01/orders?createdAfter=2026-01-01T00:00:00Z&includedData=RECIPIENT,ADDRESS&shoeSize=9'),
      headers: {},
      body: null,
    });
    expect(bad).toEqual([
      'GET /amazon/orders/2026-01-01/orders: query.shoeSize: is not a parameter of searchOrders',
      'GET /amazon/orders/2026-01-01/orders: query.includedData[1]: must be one of "BUYER", "RECIPIENT", "PROCEEDS", "EXPENSE", "PROMOTION", "CANCELLATION", "FULFILLMENT", "PACKAGES", "TAX", "PAYMENT", "FULFILLMENT_ORDERS" (got "ADDRESS")',
    ]);
    expect(contractViolations({ method: 'GET', url: new URL('http://x/walmart/v3/orders?limit=10'), headers: {}, body: null })).toEqual([
      'GET /walmart/v3/orders: header.WM_SEC.ACCESS_TOKEN: is required by getAllOrders',
      'GET /walmart/v3/orders: header.WM_QOS.CORRELATION_ID: is required by getAllOrders',
      'GET /walmart/v3/orders: header.WM_SVC.NAME: is required by getAllOrders',
    ]);
  });
});
