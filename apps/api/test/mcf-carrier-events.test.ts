import { createSandbox, type Sandbox } from '@order-hub/sandbox';
import { McfTrackerService } from '../src/modules/mcf/mcf-tracker.service';
import { settledOutbox } from './support/outbox-helpers';
import { startTestApp, type TestApp } from './support/test-app';
import { testDatabases } from './support/test-databases';
import { connectSandboxAccount, syncAndWait, type ConnectedAccount } from './support/sync-helpers';
import { until } from './support/wait';

const DAY = 86_400_000;

describe.each(testDatabases())('carrier events of Amazon MCF packages on %s', (kind) => {
  let sandbox: Sandbox;
  let app: TestApp;
  let walmart: ConnectedAccount;
  let amazonId: string;

  beforeAll(async () => {
    // The channels' clock starts ten days back, so warehouse days can pass without shipping "in the future".
    sandbox = await createSandbox({
      seed: 21,
      clock: new Date(Date.now() - 10 * DAY),
      throttling: { rateScale: 1000 },
    });
    app = await startTestApp(kind, { CHANNEL_RATE_SCALE: '1000', MCF_POLL_SECONDS: '1' });
    walmart = await connectSandboxAccount(app, sandbox, 'WALMART', 'MCF events Walmart');
    const creds = sandbox.createAccount('AMAZON', 'MCF events Amazon');
    const created = await app.gql(
      `mutation($input: CreateChannelAccountInput!) { createChannelAccount(input: $input) { id } }`,
      {
        input: {
          channel: 'AMAZON',
          name: 'MCF events Amazon',
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
    sandbox.generateOrders({
      accountId: walmart.sandboxAccountId,
      count: 4,
      seed: 4,
      mix: { multiLine: 0, multiQuantity: 0, intentToCancel: 0, channelFulfilled: 0, prime: 0 },
      placedWithinHours: 1,
    });
    await until(
      'orders imported',
      async () => {
        await syncAndWait(app, walmart.hubId);
        return (await app.ds.query(`SELECT count(*)::int AS n FROM "order" WHERE account_id = $1`, [walmart.hubId]))[0]
          .n as number;
      },
      (n) => n === 4,
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

  it('records the first carrier scan when the package is passed on, and stops following it once the origin channel reports it delivered', async () => {
    const [order]: { id: string; po: string }[] = await app.ds.query(
      `SELECT id, channel_order_id AS po FROM "order" WHERE account_id = $1 AND status IN ('CREATED', 'ACKNOWLEDGED') ORDER BY channel_order_id LIMIT 1`,
      [walmart.hubId],
    );
    const routed = await app.gql(
      `mutation($ids: [ID!]!, $mcf: ID) { routeOrdersToMcf(orderIds: $ids, mcfAccountId: $mcf) { outcome reason } }`,
      { ids: [order.id], mcf: amazonId },
    );
    expect(routed.data!.routeOrdersToMcf[0]).toMatchObject({ outcome: 'ROUTED' });
    await until(
      'MCF create delivered',
      () => settledOutbox(app, order.id),
      (rows) => rows.some((r) => r.operation === 'MCF_CREATE'),
    );
    sandbox.clock.advance(1.5 * DAY);

    const events = () =>
      app.ds.query(
        `SELECT e.type, e.source, e.description, s.tracking_number FROM carrier_event e JOIN shipment s ON s.id = e.shipment_id WHERE e.order_id = $1 ORDER BY e.type`,
        [order.id],
      );
    const scanned: { type: string; source: string; description: string; tracking_number: string }[] = await until(
      'scan recorded',
      events,
      (rows) => rows.length > 0,
    );
    expect(scanned).toEqual([
      {
        type: 'SCANNED',
        source: 'MCF',
        description: "Shipment picked up from seller's facility.",
        tracking_number: expect.any(String),
      },
    ]);
    await until(
      'SHIP to Walmart',
      () => settledOutbox(app, order.id),
      (rows) => rows.some((r) => r.operation === 'SHIP'),
    );
    const polling = async () =>
      (await app.ds.query(`SELECT next_poll_at FROM mcf_order WHERE order_id = $1`, [order.id]))[0]
        .next_poll_at as Date | null;
    // Passed on but not delivered: the tracker keeps following the package, less often.
    const [mcf]: { id: string }[] = await until(
      'MCF order complete',
      () => app.ds.query(`SELECT id FROM mcf_order WHERE order_id = $1 AND status = 'COMPLETE'`, [order.id]),
      (rows) => rows.length === 1,
    );
    const tracker = app.running.app.get(McfTrackerService);
    expect(await tracker.poll(mcf.id)).toBe('UPDATED');
    expect((await polling())!.getTime()).toBeGreaterThan(Date.now() + 30_000);

    // Walmart reports the delivery first (the sandbox marks the Walmart line Delivered): the import records it and
    // the tracker stops asking Amazon.
    // Delivered days later, on the channel's clock brought up to the hub's (its pulls read changes since their last one).
    sandbox.clock.advance(Date.now() - sandbox.clock.now().getTime());
    sandbox.packageEvent(scanned[0].tracking_number, 'DELIVERED');
    const delivered = await until(
      'delivery imported',
      async () => {
        await syncAndWait(app, walmart.hubId);
        return events();
      },
      (rows) => rows.length === 2,
    );
    expect(delivered.map((e: { type: string; source: string }) => [e.type, e.source])).toEqual([
      ['DELIVERED', 'CHANNEL'],
      ['SCANNED', 'MCF'],
    ]);
    expect(await tracker.poll(mcf.id)).toBe('DONE');
    expect(await polling()).toBeNull();
  });
});
