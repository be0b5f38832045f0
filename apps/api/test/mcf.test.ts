import { createSandbox, type Sandbox } from '@order-hub/sandbox';
import { settledOutbox } from './support/outbox-helpers';
import { startTestApp, type TestApp } from './support/test-app';
import { testDatabases } from './support/test-databases';
import { connectSandboxAccount, syncAndWait, type ConnectedAccount } from './support/sync-helpers';
import { firstWalmartLineStatus } from './support/sandbox-views';
import { until } from './support/wait';

const DAY = 86_400_000;
const MCF = `{ packages { carrierCode trackingNumber shipmentId holdReason } status reason held sellerFulfillmentOrderId }`;

describe.each(testDatabases())('Amazon MCF for Walmart orders, against the sandbox, on %s', (kind) => {
  let sandbox: Sandbox;
  let app: TestApp;
  let walmart: ConnectedAccount;
  let amazon: ConnectedAccount;
  let amazonCreds: ReturnType<Sandbox['createAccount']>;
  let operator: string;

  /** Plain SP-API calls to the sandbox, as Amazon would see them. */
  async function spApi(method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
    const token = await fetch(`${sandbox.amazonBaseUrl}/auth/o2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'refresh_token',
        refresh_token: amazonCreds.refreshToken!,
        client_id: amazonCreds.clientId,
        client_secret: amazonCreds.clientSecret,
      }).toString(),
    }).then((r) => r.json() as Promise<{ access_token: string }>);
    const res = await fetch(`${sandbox.amazonBaseUrl}${path}`, {
      method,
      headers: { 'x-amz-access-token': token.access_token, 'content-type': 'application/json' },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null };
  }

  async function openWalmartOrder(): Promise<{ id: string; po: string; sku: string }> {
    const [row] = await app.ds.query(
      `SELECT o.id, o.channel_order_id AS po, min(l.sku) AS sku FROM "order" o JOIN order_line l ON l.order_id = o.id
        WHERE o.account_id = $1 AND o.fulfillment_method = 'MERCHANT' AND o.status IN ('CREATED', 'ACKNOWLEDGED') AND NOT o.cancellation_requested
          AND NOT EXISTS (SELECT 1 FROM mcf_order m WHERE m.order_id = o.id) GROUP BY o.id HAVING count(*) = 1 LIMIT 1`,
      [walmart.hubId],
    );
    return row;
  }

  async function mcfOf(orderId: string) {
    return (await app.gql(`query($id: ID!) { order(id: $id) { fulfillmentMethod mcfOrder ${MCF} } }`, { id: orderId }))
      .data!.order;
  }

  beforeAll(async () => {
    // The channels' clock starts ten days back, so days of warehouse time can pass without shipping "in the future".
    sandbox = await createSandbox({ seed: 8, clock: new Date(Date.now() - 10 * DAY), throttling: { rateScale: 1000 } });
    app = await startTestApp(kind, { CHANNEL_RATE_SCALE: '1000', MCF_POLL_SECONDS: '1' });
    walmart = await connectSandboxAccount(app, sandbox, 'WALMART', 'MCF Walmart');
    amazonCreds = sandbox.createAccount('AMAZON', 'MCF Amazon');
    const created = await app.gql(
      `mutation($input: CreateChannelAccountInput!) { createChannelAccount(input: $input) { id } }`,
      {
        input: {
          channel: 'AMAZON',
          name: 'MCF Amazon',
          environment: 'SANDBOX',
          baseUrl: sandbox.amazonBaseUrl,
          credentials: {
            clientId: amazonCreds.clientId,
            clientSecret: amazonCreds.clientSecret,
            refreshToken: amazonCreds.refreshToken,
            lwaEndpoint: `${sandbox.amazonBaseUrl}/auth/o2/token`,
          },
        },
      },
    );
    amazon = { hubId: created.data!.createChannelAccount.id, sandboxAccountId: amazonCreds.accountId };
    sandbox.generateOrders({
      accountId: walmart.sandboxAccountId,
      count: 20,
      seed: 2,
      mix: { multiLine: 0, multiQuantity: 0, intentToCancel: 0, channelFulfilled: 0, prime: 0 },
      placedWithinHours: 1,
    });
    expect((await syncAndWait(app, walmart.hubId)).lastError).toBeNull();
    const skus: { sku: string }[] = await app.ds.query(
      `SELECT DISTINCT l.sku FROM order_line l JOIN "order" o ON o.id = l.order_id WHERE o.account_id = $1`,
      [walmart.hubId],
    );
    for (const { sku } of skus) sandbox.setMcfInventory(amazon.sandboxAccountId, sku, 100);
    operator = (await app.gql(`mutation { createApiToken(input: { name: "ops", role: OPERATOR }) { token } }`)).data!
      .createApiToken.token;
  });
  afterAll(async () => {
    await app?.close();
    await sandbox?.close();
  });

  it('leaves an order Amazon cannot fulfil with the operator, with the reason', async () => {
    const order = await openWalmartOrder();
    sandbox.setMcfInventory(amazon.sandboxAccountId, order.sku, 0);
    const routed = await app.gql(
      `mutation($ids: [ID!]!, $mcf: ID) { routeOrdersToMcf(orderIds: $ids, mcfAccountId: $mcf) { outcome reason } }`,
      { ids: [order.id], mcf: amazon.hubId },
    );
    expect(routed.data!.routeOrdersToMcf[0]).toMatchObject({
      outcome: 'NOT_ROUTED',
      reason: expect.stringMatching(/cannot fulfil it with Amazon Logistics blocked/),
    });
    const after = await mcfOf(order.id);
    expect(after).toMatchObject({
      fulfillmentMethod: 'MERCHANT',
      mcfOrder: { status: 'NOT_ROUTED', reason: expect.stringMatching(/InventoryUnavailable/) },
    });
    sandbox.setMcfInventory(amazon.sandboxAccountId, order.sku, 100);
  });

  it('cancels the MCF order with the Walmart order up to Planning, and refuses once Amazon is processing', async () => {
    const early = await openWalmartOrder();
    await app.gql(
      `mutation($ids: [ID!]!, $mcf: ID) { routeOrdersToMcf(orderIds: $ids, mcfAccountId: $mcf) { outcome } }`,
      { ids: [early.id], mcf: amazon.hubId },
    );
    await until(
      'MCF create delivered',
      () => settledOutbox(app, early.id),
      (rows) => rows.some((r) => r.operation === 'MCF_CREATE'),
    );
    const [line] = await app.ds.query(`SELECT line_number FROM order_line WHERE order_id = $1`, [early.id]);
    const cancel = (id: string, lineNumber: string) =>
      app.gql(`mutation($input: CancelOrderLinesInput!) { cancelOrderLines(input: $input) { outbox { operation } } }`, {
        input: { orderId: id, lines: [{ lineNumber, quantity: 1 }], reason: 'SELLER_CANCEL_OUT_OF_STOCK' },
      });
    const res = await cancel(early.id, line.line_number);
    expect(res.errors).toBeUndefined();
    expect(res.data!.cancelOrderLines.outbox.map((o: { operation: string }) => o.operation)).toEqual([
      'MCF_CANCEL',
      'CANCEL',
    ]);
    const rows = await until(
      'cancel delivered',
      () => settledOutbox(app, early.id),
      (r) => r.filter((x) => x.operation.endsWith('CANCEL')).length === 2,
    );
    expect(rows.filter((r) => r.operation.endsWith('CANCEL')).map((r) => [r.operation, r.status])).toEqual([
      ['MCF_CANCEL', 'DELIVERED'],
      ['CANCEL', 'DELIVERED'],
    ]);

    const late = await openWalmartOrder();
    await app.gql(
      `mutation($ids: [ID!]!, $mcf: ID) { routeOrdersToMcf(orderIds: $ids, mcfAccountId: $mcf) { outcome } }`,
      { ids: [late.id], mcf: amazon.hubId },
    );
    await until(
      'MCF create delivered',
      () => settledOutbox(app, late.id),
      (r) => r.some((x) => x.operation === 'MCF_CREATE'),
    );
    sandbox.clock.advance(7 * 3_600_000);
    await until(
      'Amazon processing',
      () => mcfOf(late.id),
      (o) => o.mcfOrder.status === 'PROCESSING',
    );
    const [lateLine] = await app.ds.query(`SELECT line_number FROM order_line WHERE order_id = $1`, [late.id]);
    const refused = await cancel(late.id, lateLine.line_number);
    expect(refused.errors?.[0]?.extensions.code).toBe('CONFLICT');
    expect(refused.errors?.[0]?.message).toMatch(/the parcel will ship/);
  });

  it('previews and saves a routing rule, routes with BLOCK_AMZL and BLANK_BOX Required, and passes the real carrier to Walmart once it moves', async () => {
    const order = await openWalmartOrder();
    const rule = {
      name: 'Mugs from FBA',
      accountId: walmart.hubId,
      mcfAccountId: amazon.hubId,
      skus: [order.sku],
      countries: ['US'],
    };
    const preview = await app.gql(`query($input: RoutingRuleInput!) { previewRoutingRule(input: $input) { id } }`, {
      input: rule,
    });
    expect(preview.data!.previewRoutingRule.map((o: { id: string }) => o.id)).toContain(order.id);
    const forbidden = await app.gql(
      `mutation($input: RoutingRuleInput!) { saveRoutingRule(input: $input) { id } }`,
      { input: rule },
      operator,
    );
    expect(forbidden.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
    expect(
      (await app.gql(`mutation($input: RoutingRuleInput!) { saveRoutingRule(input: $input) { id } }`, { input: rule }))
        .errors,
    ).toBeUndefined();

    const routed = await app.gql(
      `mutation($ids: [ID!]!) { routeOrdersToMcf(orderIds: $ids) { outcome reason } }`,
      { ids: [order.id] },
      operator,
    );
    expect(routed.data!.routeOrdersToMcf).toEqual([{ outcome: 'ROUTED', reason: null }]);
    expect(
      (await settledOutbox(app, order.id)).filter((o) => o.operation === 'MCF_CREATE').map((o) => o.status),
    ).toEqual(['DELIVERED']);

    // What Amazon received: both features Required, the Walmart order number on the slip, no Amazon branding.
    const sfo = `OH-WM-${order.po}`;
    const onAmazon = await spApi('GET', `/fba/outbound/2020-07-01/fulfillmentOrders/${sfo}`);
    expect(onAmazon.body.payload.fulfillmentOrder.featureConstraints).toEqual([
      { featureName: 'BLOCK_AMZL', featureFulfillmentPolicy: 'Required' },
      { featureName: 'BLANK_BOX', featureFulfillmentPolicy: 'Required' },
    ]);
    expect(onAmazon.body.payload.fulfillmentOrder.displayableOrderComment).not.toMatch(/amazon/i);

    sandbox.clock.advance(1.5 * DAY);
    const done = await until(
      'MCF shipment passed on',
      () => mcfOf(order.id),
      (o) =>
        o.mcfOrder.packages.length > 0 && o.mcfOrder.packages.every((p: { shipmentId: string | null }) => p.shipmentId),
    );
    expect(done.fulfillmentMethod).toBe('MCF');
    const pkg = done.mcfOrder.packages[0];
    expect(['UPS', 'USPS', 'FedEx']).toContain(pkg.carrierCode);
    const delivered = await until(
      'SHIP to Walmart',
      () => settledOutbox(app, order.id),
      (rows) => rows.some((r) => r.operation === 'SHIP'),
    );
    expect(delivered.find((r) => r.operation === 'SHIP')!.status).toBe('DELIVERED');
    const walmartLine = firstWalmartLineStatus(sandbox, order.po);
    expect([walmartLine.status, walmartLine.trackingInfo?.trackingNumber]).toEqual(['Shipped', pkg.trackingNumber]);
  });

  it('holds Amazon Logistics tracking with a high alert and sends nothing to Walmart', async () => {
    // Forcing it in the sandbox: MCF orders under the hub's ids, created without BLOCK_AMZL (Amazon ignoring the block).
    // Without the block Amazon picks its own network most of the time; of six orders, some go by AMZL.
    const orders = [];
    for (let n = 0; n < 6; n++) {
      const order = await openWalmartOrder();
      const [{ ship_to: a }] = await app.ds.query(`SELECT ship_to FROM "order" WHERE id = $1`, [order.id]);
      const created = await spApi('POST', '/fba/outbound/2020-07-01/fulfillmentOrders', {
        marketplaceId: 'ATVPDKIKX0DER',
        sellerFulfillmentOrderId: `OH-WM-${order.po}`,
        displayableOrderId: order.po,
        displayableOrderDate: sandbox.clock.now().toISOString(),
        displayableOrderComment: 'x',
        shippingSpeedCategory: 'Standard',
        destinationAddress: {
          name: a.name,
          addressLine1: a.line1,
          city: a.city,
          stateOrRegion: a.stateOrRegion,
          postalCode: a.postalCode,
          countryCode: a.countryCode,
        },
        items: [{ sellerSku: order.sku, sellerFulfillmentOrderItemId: '1', quantity: 1 }],
      });
      expect(created.status).toBe(200);
      const routed = await app.gql(
        `mutation($ids: [ID!]!, $mcf: ID) { routeOrdersToMcf(orderIds: $ids, mcfAccountId: $mcf) { outcome reason } }`,
        { ids: [order.id], mcf: amazon.hubId },
      );
      expect(routed.data!.routeOrdersToMcf[0]).toMatchObject({ outcome: 'ROUTED' });
      orders.push(order);
    }
    sandbox.clock.advance(1.5 * DAY);
    const seen = [];
    for (const order of orders) {
      const o = await until(
        'its packages',
        () => mcfOf(order.id),
        (x) =>
          x.mcfOrder.packages.length > 0 &&
          x.mcfOrder.packages.every(
            (p: { shipmentId: string | null; holdReason: string | null }) => p.shipmentId || p.holdReason,
          ),
      );
      seen.push({ order, pkg: o.mcfOrder.packages[0], held: o.mcfOrder.held });
    }
    const amzl = seen.filter((s) => s.pkg.carrierCode === 'AMZL_US');
    expect(amzl.length).toBeGreaterThan(0);
    for (const { order, pkg, held } of amzl) {
      expect(held).toBe(true);
      expect(pkg).toMatchObject({ shipmentId: null, holdReason: expect.stringMatching(/Amazon Logistics/i) });
      expect((await settledOutbox(app, order.id)).filter((r) => r.operation === 'SHIP')).toEqual([]);
      const alerts = await app.gql(
        `query($id: ID!) { alerts(filter: { statuses: [OPEN, ACKNOWLEDGED], orderId: $id }) { edges { node { kind severity message action } } } }`,
        { id: order.id },
      );
      expect(alerts.data!.alerts.edges.map((e: { node: unknown }) => e.node)).toEqual([
        expect.objectContaining({
          kind: 'MCF_TRACKING_HELD',
          severity: 'HIGH',
          message: expect.stringMatching(/held the tracking and sent nothing to WALMART/),
        }),
      ]);
      const walmartStatus = firstWalmartLineStatus(sandbox, order.po).status;
      expect(walmartStatus).not.toBe('Shipped');
    }
    // The others went by a carrier Walmart accepts, and their tracking went on.
    for (const { pkg } of seen.filter((s) => s.pkg.carrierCode !== 'AMZL_US'))
      expect([pkg.carrierCode, pkg.holdReason, pkg.shipmentId !== null]).toEqual([pkg.carrierCode, null, true]);
  });
});
