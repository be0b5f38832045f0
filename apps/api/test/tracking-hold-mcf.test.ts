import { createSandbox, type Sandbox } from '@order-hub/sandbox';
import { settledOutbox } from './support/outbox-helpers';
import { startTestApp, type TestApp } from './support/test-app';
import { testDatabases } from './support/test-databases';
import { connectSandboxAccount, syncAndWait, type ConnectedAccount } from './support/sync-helpers';
import { until } from './support/wait';

const DAY = 86_400_000;

describe.each(testDatabases())('an MCF package keeps its own hold, not a tracking hold, on %s', (kind) => {
  let sandbox: Sandbox;
  let app: TestApp;
  let walmart: ConnectedAccount;
  let amazonId: string;

  beforeAll(async () => {
    // The channels' clock starts ten days back, so warehouse days can pass without shipping "in the future".
    sandbox = await createSandbox({
      seed: 22,
      clock: new Date(Date.now() - 10 * DAY),
      throttling: { rateScale: 1000 },
    });
    app = await startTestApp(kind, { CHANNEL_RATE_SCALE: '1000', MCF_POLL_SECONDS: '1' });
    walmart = await connectSandboxAccount(app, sandbox, 'WALMART', 'Hold MCF Walmart');
    const creds = sandbox.createAccount('AMAZON', 'Hold MCF Amazon');
    const created = await app.gql(
      `mutation($input: CreateChannelAccountInput!) { createChannelAccount(input: $input) { id } }`,
      {
        input: {
          channel: 'AMAZON',
          name: 'Hold MCF Amazon',
          environment: 'SANDBOX',
          baseUrl: sandbox.amazonBaseUrl,
          credentials: {
            clientId: creds.clientId,
            clientSecret: creds.clientSecret,
            refreshToken: creds.refreshToken,
            lwaEndpoint: `${sandbox.amazonBaseUrl}/auth/o2/token`,
          },
        },
      },
    );
    amazonId = created.data!.createChannelAccount.id;
    const on = await app.gql(
      `mutation($id: ID!) { updateChannelAccount(id: $id, input: { holdTrackingUntilScan: true }) { holdTrackingUntilScan } }`,
      { id: walmart.hubId },
    );
    expect(on.data!.updateChannelAccount.holdTrackingUntilScan).toBe(true);
    sandbox.generateOrders({
      accountId: walmart.sandboxAccountId,
      count: 1,
      seed: 4,
      mix: { multiLine: 0, multiQuantity: 0, intentToCancel: 0, channelFulfilled: 0, prime: 0 },
      placedWithinHours: 1,
    });
    await until(
      'the order imported',
      async () => {
        await syncAndWait(app, walmart.hubId);
        return (await app.ds.query(`SELECT count(*)::int AS n FROM "order" WHERE account_id = $1`, [walmart.hubId]))[0]
          .n as number;
      },
      (n) => n === 1,
    );
    const skus: { sku: string }[] = await app.ds.query(
      `SELECT DISTINCT l.sku FROM order_line l JOIN "order" o ON o.id = l.order_id WHERE o.account_id = $1`,
      [walmart.hubId],
    );
    for (const { sku } of skus) sandbox.setMcfInventory(creds.accountId, sku, 100);
  });
  afterAll(async () => {
    await app?.close();
    await sandbox?.close();
  });

  it('passes tracking on to Walmart at its carrier scan, with the account holding tracking until it scans', async () => {
    const [order]: { id: string }[] = await app.ds.query(`SELECT id FROM "order" WHERE account_id = $1`, [
      walmart.hubId,
    ]);
    // Ship-by two days ahead in the hub's time: a seller's own confirmation of this order would be held.
    await app.ds.query(`UPDATE "order" SET ship_by = $2 WHERE id = $1`, [order.id, new Date(Date.now() + 2 * DAY)]);
    const routed = await app.gql(
      `mutation($ids: [ID!]!, $mcf: ID) { routeOrdersToMcf(orderIds: $ids, mcfAccountId: $mcf) { outcome } }`,
      { ids: [order.id], mcf: amazonId },
    );
    expect(routed.data!.routeOrdersToMcf[0]).toMatchObject({ outcome: 'ROUTED' });
    await until(
      'MCF create delivered',
      () => settledOutbox(app, order.id),
      (rows) => rows.some((r) => r.operation === 'MCF_CREATE'),
    );
    sandbox.clock.advance(1.5 * DAY);

    const rows = await until(
      'SHIP delivered to Walmart',
      () => settledOutbox(app, order.id),
      (r) => r.some((x) => x.operation === 'SHIP'),
    );
    expect(rows.find((r) => r.operation === 'SHIP')).toMatchObject({ status: 'DELIVERED' });
    const res = await app.gql(`query($id: ID!) { order(id: $id) { trackingHolds { shipmentId } } }`, {
      id: order.id,
    });
    expect(res.data!.order.trackingHolds).toEqual([]);
  });
});
