import { createSandbox, type Sandbox } from '@order-hub/sandbox';
import { startTestApp, type TestApp } from './support/test-app';
import { testDatabases } from './support/test-databases';
import { connectSandboxAccount, syncAndWait, type ConnectedAccount } from './support/sync-helpers';
import { until } from './support/wait';

const DAY = 86_400_000;
const ROUTE = `mutation($ids: [ID!]!, $mcf: ID) { routeOrdersToMcf(orderIds: $ids, mcfAccountId: $mcf) { outcome reason } }`;
const COUNTS = `{ mcfQueueCounts { pending processing held shipped operator } }`;

describe.each(testDatabases())('MCF SKU map, queue counts and rule counts, against the sandbox, on %s', (kind) => {
  let sandbox: Sandbox;
  let app: TestApp;
  let walmart: ConnectedAccount;
  let amazon: ConnectedAccount;

  async function openOrders(): Promise<{ id: string; po: string; sku: string }[]> {
    return app.ds.query(
      `SELECT o.id, o.channel_order_id AS po, min(l.sku) AS sku FROM "order" o JOIN order_line l ON l.order_id = o.id
        WHERE o.account_id = $1 AND o.fulfillment_method = 'MERCHANT' AND o.status IN ('CREATED', 'ACKNOWLEDGED') AND NOT o.cancellation_requested
          AND NOT EXISTS (SELECT 1 FROM mcf_order m WHERE m.order_id = o.id) GROUP BY o.id HAVING count(*) = 1 ORDER BY o.id`,
      [walmart.hubId],
    );
  }

  beforeAll(async () => {
    sandbox = await createSandbox({
      seed: 11,
      clock: new Date(Date.now() - 10 * DAY),
      throttling: { rateScale: 1000 },
    });
    app = await startTestApp(kind, { CHANNEL_RATE_SCALE: '1000', MCF_POLL_SECONDS: '3600' });
    walmart = await connectSandboxAccount(app, sandbox, 'WALMART', 'Map Walmart');
    const creds = sandbox.createAccount('AMAZON', 'Map Amazon');
    const created = await app.gql(
      `mutation($input: CreateChannelAccountInput!) { createChannelAccount(input: $input) { id } }`,
      {
        input: {
          channel: 'AMAZON',
          name: 'Map Amazon',
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
    amazon = { hubId: created.data!.createChannelAccount.id, sandboxAccountId: creds.accountId };
    sandbox.generateOrders({
      accountId: walmart.sandboxAccountId,
      count: 8,
      seed: 3,
      mix: { multiLine: 0, multiQuantity: 0, intentToCancel: 0, channelFulfilled: 0, prime: 0 },
      placedWithinHours: 1,
    });
    expect((await syncAndWait(app, walmart.hubId)).lastError).toBeNull();
  });
  afterAll(async () => {
    await app?.close();
    await sandbox?.close();
  });

  it('routes an order whose SKU Amazon does not know under the mapped Amazon SKU, and reads its stock', async () => {
    const [order] = await openOrders();
    const amazonSku = `AMZ-${order.sku}`.slice(0, 40);
    sandbox.setMcfInventory(amazon.sandboxAccountId, amazonSku, 7);

    // Unmapped, the line's own SKU goes to Amazon, which does not know it.
    const refused = await app.gql(ROUTE, { ids: [order.id], mcf: amazon.hubId });
    expect(refused.data!.routeOrdersToMcf[0]).toMatchObject({
      outcome: 'NOT_ROUTED',
      reason: expect.stringContaining(`${order.sku}: InvalidSKU`),
    });

    const saved = await app.gql(
      `mutation($input: McfSkuMappingInput!) { setMcfSkuMapping(input: $input) { id sellerSku amazonSku mcfStock { units unavailable } } }`,
      { input: { mcfAccountId: amazon.hubId, sellerSku: order.sku, amazonSku } },
    );
    expect(saved.errors).toBeUndefined();
    expect(saved.data!.setMcfSkuMapping).toMatchObject({
      sellerSku: order.sku,
      amazonSku,
      mcfStock: { units: 7, unavailable: null },
    });

    const routed = await app.gql(ROUTE, { ids: [order.id], mcf: amazon.hubId });
    expect(routed.data!.routeOrdersToMcf[0]).toMatchObject({ outcome: 'ROUTED' });
    const [outbox] = await app.ds.query(`SELECT payload FROM outbox WHERE order_id = $1 AND operation = 'MCF_CREATE'`, [
      order.id,
    ]);
    const payload = typeof outbox.payload === 'string' ? JSON.parse(outbox.payload) : outbox.payload;
    expect(payload.items.map((i: { sellerSku: string }) => i.sellerSku)).toEqual([amazonSku]);
    // The outbox delivers it; Amazon then holds an order for the mapped SKU.
    await until(
      'the MCF create delivered',
      async () =>
        (
          await app.ds.query(`SELECT status FROM outbox WHERE order_id = $1 AND operation = 'MCF_CREATE'`, [order.id])
        )[0].status as string,
      (status) => status === 'DELIVERED',
    );
  });

  it('lists, searches and deletes mappings, takes a pasted list all or none, and names the bad field', async () => {
    const many = await app.gql(
      `mutation($inputs: [McfSkuMappingInput!]!) { setMcfSkuMappings(inputs: $inputs) { sellerSku amazonSku } }`,
      {
        inputs: [
          { mcfAccountId: amazon.hubId, sellerSku: 'PASTE-1', amazonSku: 'AMZ-PASTE-1' },
          { mcfAccountId: amazon.hubId, sellerSku: 'PASTE-2', amazonSku: 'AMZ-PASTE-2' },
        ],
      },
    );
    expect(many.data!.setMcfSkuMappings).toHaveLength(2);
    const twice = await app.gql(
      `mutation($inputs: [McfSkuMappingInput!]!) { setMcfSkuMappings(inputs: $inputs) { sellerSku } }`,
      {
        inputs: [
          { mcfAccountId: amazon.hubId, sellerSku: 'PASTE-3', amazonSku: 'A' },
          { mcfAccountId: amazon.hubId, sellerSku: 'PASTE-3', amazonSku: 'B' },
        ],
      },
    );
    expect(twice.errors![0]).toMatchObject({
      message: expect.stringMatching(/^sellerSku: PASTE-3 is listed twice/),
      extensions: { code: 'BAD_USER_INPUT' },
    });
    const notAmazon = await app.gql(
      `mutation($input: McfSkuMappingInput!) { setMcfSkuMapping(input: $input) { id } }`,
      { input: { mcfAccountId: walmart.hubId, sellerSku: 'X', amazonSku: 'Y' } },
    );
    expect(notAmazon.errors![0].message).toMatch(/^mcfAccountId: must be an Amazon account/);
    const tooLong = await app.gql(`mutation($input: McfSkuMappingInput!) { setMcfSkuMapping(input: $input) { id } }`, {
      input: { mcfAccountId: amazon.hubId, sellerSku: 'X', amazonSku: 'Y'.repeat(41) },
    });
    expect(tooLong.errors![0].message).toBe('input.amazonSku: must be at most 40 characters.');

    const found = await app.gql(
      `query($q: String) { mcfSkuMappings(search: $q) { id sellerSku mcfStock { units unavailable } } }`,
      { q: 'paste' },
    );
    const rows = found.data!.mcfSkuMappings as {
      id: string;
      sellerSku: string;
      mcfStock: { units: number | null; unavailable: string | null };
    }[];
    expect(rows.map((r) => r.sellerSku)).toEqual(['PASTE-1', 'PASTE-2']);
    // Amazon has never heard of AMZ-PASTE-1: said in words, not as an error.
    expect(rows[0].mcfStock).toEqual({ units: null, unavailable: 'Amazon does not know this SKU.' });

    expect((await app.gql(`mutation($id: ID!) { deleteMcfSkuMapping(id: $id) }`, { id: rows[0].id })).data).toEqual({
      deleteMcfSkuMapping: true,
    });
    const gone = await app.gql(`mutation($id: ID!) { deleteMcfSkuMapping(id: $id) }`, { id: rows[0].id });
    expect(gone.errors![0].extensions.code).toBe('NOT_FOUND');
  });

  it('counts the queue tabs in one query and the orders each routing rule routed', async () => {
    const before = (await app.gql(COUNTS)).data!.mcfQueueCounts;
    const [a, b] = await openOrders();
    for (const o of [a, b]) sandbox.setMcfInventory(amazon.sandboxAccountId, o.sku, 20);
    const rule = await app.gql(
      `mutation($input: RoutingRuleInput!) { saveRoutingRule(input: $input) { id enabled routedOrders } }`,
      {
        input: {
          name: 'Only A',
          accountId: walmart.hubId,
          mcfAccountId: amazon.hubId,
          skus: [a.sku],
          applyOnImport: false,
        },
      },
    );
    expect(rule.data!.saveRoutingRule).toMatchObject({ enabled: true, routedOrders: 0 });
    // a by the rule, b by a person naming the account (no rule matches it unless the SKUs coincide).
    expect((await app.gql(ROUTE, { ids: [a.id] })).data!.routeOrdersToMcf[0].outcome).toBe('ROUTED');
    expect((await app.gql(ROUTE, { ids: [b.id], mcf: amazon.hubId })).data!.routeOrdersToMcf[0].outcome).toBe('ROUTED');
    const rules = await app.gql(`{ routingRules { id routedOrders } }`);
    const expected = a.sku === b.sku ? 2 : 1;
    expect(rules.data!.routingRules).toEqual([{ id: rule.data!.saveRoutingRule.id, routedOrders: expected }]);

    const after = (await app.gql(COUNTS)).data!.mcfQueueCounts;
    const [truth] = await app.ds.query(
      `SELECT count(*) FILTER (WHERE status IN ('ROUTED', 'RECEIVED', 'PLANNING')) AS pending,
              count(*) FILTER (WHERE status IN ('NOT_ROUTED', 'UNFULFILLABLE')) AS operator FROM mcf_order`,
    );
    expect(after.pending).toBe(Number(truth.pending));
    expect(after.operator).toBe(Number(truth.operator));
    expect(after.pending + after.processing + after.shipped).toBe(
      before.pending + before.processing + before.shipped + 2,
    );

    const queue = await app.gql(`{ mcfOrders(first: 10) { orderId order { channelOrderId shipBy shipTo { name } } } }`);
    const row = (
      queue.data!.mcfOrders as { orderId: string; order: { channelOrderId: string; shipTo: { name: string } } }[]
    ).find((m) => m.orderId === a.id)!;
    expect(row.order.channelOrderId).toBe(a.po);
    expect(row.order.shipTo.name).toEqual(expect.any(String));
  });
});
