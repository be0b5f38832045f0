import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type ContractApi, findOperation } from '@order-hub/contracts';
import { createSandbox, type Sandbox } from '@order-hub/sandbox';
import type {
  CancelPayload,
  McfCreatePayload,
  RefundPayload,
  ReturnRefundPayload,
  ShipPayload,
  UpdateTrackingPayload,
} from '@order-hub/types';
import { AmazonAdapter } from '../src/modules/channels/amazon/amazon.adapter';
import { ChannelError } from '../src/modules/channels/channel-error';
import { WalmartAdapter } from '../src/modules/channels/walmart/walmart.adapter';
import { contractViolations, type RecordedRequest, recordRequests } from './support/request-contract';
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
    sandbox.generateOrders({
      accountId: walmart.sandboxAccountId,
      count: 450,
      seed: 1,
      mix: { channelFulfilled: 0.2 },
    });
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
    expect([...operations].sort()).toEqual([
      'GET /amazon/orders/2026-01-01/orders',
      'GET /walmart/v3/orders',
      'POST /walmart/v3/token',
    ]);
    expect(checked.length).toBeGreaterThanOrEqual(7);
    expect(checked.flatMap(contractViolations)).toEqual([]);
    expect(sandbox.contractViolations()).toMatchObject({ requestsRefused: 0, responseViolations: 0 });
  });

  it('would catch a request the models do not allow', () => {
    const bad = contractViolations({
      method: 'GET',
      url: new URL(
        'http://x/amazon/orders/2026-01-01/orders?createdAfter=2026-01-01T00:00:00Z&includedData=RECIPIENT,ADDRESS&shoeSize=9',
      ),
      headers: {},
      body: null,
    });
    expect(bad).toEqual([
      'GET /amazon/orders/2026-01-01/orders: query.shoeSize: is not a parameter of searchOrders',
      'GET /amazon/orders/2026-01-01/orders: query.includedData[1]: must be one of "BUYER", "RECIPIENT", "PROCEEDS", "EXPENSE", "PROMOTION", "CANCELLATION", "FULFILLMENT", "PACKAGES", "TAX", "PAYMENT", "FULFILLMENT_ORDERS" (got "ADDRESS")',
    ]);
    expect(
      contractViolations({
        method: 'GET',
        url: new URL('http://x/walmart/v3/orders?limit=10'),
        headers: {},
        body: null,
      }),
    ).toEqual([
      'GET /walmart/v3/orders: header.WM_SEC.ACCESS_TOKEN: is required by getAllOrders',
      'GET /walmart/v3/orders: header.WM_QOS.CORRELATION_ID: is required by getAllOrders',
      'GET /walmart/v3/orders: header.WM_SVC.NAME: is required by getAllOrders',
    ]);
  });
});

/** Every operation the adapters perform; a call the models do not define is named by what it is. */
const ALL_OPERATIONS = [
  'walmart token',
  'walmart getAllOrders',
  'walmart getAnOrder',
  'walmart acknowledgeOrders',
  'walmart shippingUpdates (ship)',
  'walmart shippingUpdates (tracking update)',
  'walmart cancelOrderLines',
  'walmart refundOrderLines',
  'walmart getReturns',
  'walmart issueRefund',
  'amazon Login with Amazon token',
  'amazon searchOrders',
  'amazon getOrder',
  'amazon confirmShipment',
  'amazon createFeedDocument',
  'amazon feed document upload',
  'amazon createFeed',
  'amazon getFeed',
  'amazon getFeedDocument',
  'amazon processing report download',
  'amazon getFulfillmentPreview',
  'amazon createFulfillmentOrder',
  'amazon getFulfillmentOrder',
  'amazon getPackageTrackingDetails',
  'amazon cancelFulfillmentOrder',
].sort();

function operationOf(r: RecordedRequest): string {
  const [, api, path] = /^\/(walmart|amazon)(\/.*)$/.exec(r.url.pathname) ?? [];
  if (api === 'amazon' && path === '/auth/o2/token') return 'amazon Login with Amazon token';
  if (api === 'amazon' && path.startsWith('/_documents/'))
    return r.method === 'PUT' ? 'amazon feed document upload' : 'amazon processing report download';
  const op = api ? findOperation(api as ContractApi, r.method, path) : undefined;
  if (!op) return `unknown ${r.method} ${r.url.pathname}`;
  if (op.operationId === 'shippingUpdates')
    return `walmart shippingUpdates (${r.body?.includes('PARTIAL_UPDATE') ? 'tracking update' : 'ship'})`;
  if (api === 'walmart' && path === '/v3/token') return 'walmart token';
  return `${api} ${op.operationId}`;
}

describe('every adapter operation against the sandbox, both directions checked against the official models', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await createSandbox({ seed: 21, throttling: false });
  });
  afterAll(() => sandbox?.close());

  const shipPayload = (
    channelOrderId: string,
    lines: { lineNumber: string; quantity: number }[],
    carrier: 'UPS' | 'USPS',
    trackingNumber: string,
  ): ShipPayload => ({
    channelOrderId,
    shipmentId: `shipment-${channelOrderId}`,
    packageReferenceId: '1',
    lines,
    carrier,
    channelCarrier: carrier,
    carrierName: null,
    service: null,
    trackingNumber,
    trackingUrl: null,
    shippedAt: new Date(Date.now() - 60_000).toISOString(),
    intentToCancelOverride: false,
  });
  const UPS = '1Z999AA10123456784';
  const UPS_CORRECTED = '1Z12345E0205271688';
  const USPS = '9400111899223197428490';
  const sandboxControl = async <T>(path: string, body: unknown): Promise<T> => {
    const res = await fetch(`${sandbox.controlBaseUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const json = (await res.json()) as T;
    if (res.status >= 300) throw new Error(`${path}: ${res.status} ${JSON.stringify(json)}`);
    return json;
  };

  it('drives token, list, get, acknowledge, ship, tracking update, cancel, refund, returns list and refund, confirmShipment, the cancellation feed and MCF with 0 violations', async () => {
    const mix = { multiLine: 0, multiQuantity: 0, intentToCancel: 0, channelFulfilled: 0 };
    const wCreds = sandbox.createAccount('WALMART');
    const [shipped, fullyRefunded, cancelled] = sandbox.generateOrders({
      accountId: wCreds.accountId,
      count: 3,
      seed: 5,
      mix,
      placedWithinHours: 1,
    }).orderIds;
    const aCreds = sandbox.createAccount('AMAZON');
    const [confirmed, feedCancelled] = sandbox.generateOrders({
      accountId: aCreds.accountId,
      count: 2,
      seed: 6,
      mix,
      placedWithinHours: 1,
    }).orderIds;
    const [returned] = sandbox.generateOrders({
      accountId: wCreds.accountId,
      count: 1,
      seed: 7,
      mix,
      placedWithinHours: 1,
    }).orderIds;
    sandbox.setMcfInventory(aCreds.accountId, 'MCF-SKU', 10);
    const walmart = new WalmartAdapter(sandbox.walmartBaseUrl, {
      clientId: wCreds.clientId,
      clientSecret: wCreds.clientSecret,
    });
    const amazon = new AmazonAdapter(
      sandbox.amazonBaseUrl,
      { marketplaceId: aCreds.marketplaceId!, sellerId: aCreds.sellerId },
      {
        clientId: aCreds.clientId,
        clientSecret: aCreds.clientSecret,
        refreshToken: aCreds.refreshToken!,
        lwaEndpoint: `${sandbox.amazonBaseUrl}/auth/o2/token`,
      },
    );
    sandbox.resetContractViolations();
    const recorder = recordRequests();
    try {
      // Walmart: list, get, and every write, each read back.
      const listed = await walmart.listChangedOrders(
        { changedAfter: new Date(Date.now() - 86_400_000), changedBefore: null },
        null,
      );
      expect(listed.orders.map((o) => o.channelOrderId)).toEqual(
        expect.arrayContaining([shipped, fullyRefunded, cancelled]),
      );
      for (const po of [shipped, fullyRefunded, cancelled])
        expect((await walmart.acknowledge({ channelOrderId: po })).status).toBe(200);
      expect(await walmart.readBack('ACKNOWLEDGE', { channelOrderId: shipped })).toEqual({ state: 'APPLIED' });
      const line = (await walmart.getOrder(shipped)).orderLines.orderLine[0].lineNumber;
      for (const po of [shipped, fullyRefunded]) {
        const ship = shipPayload(po, [{ lineNumber: line, quantity: 1 }], 'UPS', UPS);
        expect((await walmart.ship(ship)).status).toBe(200);
        expect(await walmart.readBack('SHIP', ship)).toEqual({ state: 'APPLIED' });
      }
      const correction: UpdateTrackingPayload = {
        ...shipPayload(shipped, [{ lineNumber: line, quantity: 1 }], 'UPS', UPS_CORRECTED),
        previousTrackingNumber: UPS,
      };
      expect((await walmart.updateTracking(correction)).status).toBe(200);
      expect(await walmart.readBack('UPDATE_TRACKING', correction)).toEqual({ state: 'APPLIED' });
      const cancel: CancelPayload = {
        channelOrderId: cancelled,
        lines: [{ lineNumber: line, quantity: 1, reason: 'SELLER_CANCEL_OUT_OF_STOCK', cancelledAfter: 1 }],
      };
      expect((await walmart.cancel(cancel)).status).toBe(200);
      expect(await walmart.readBack('CANCEL', cancel)).toEqual({ state: 'APPLIED' });
      const partial: RefundPayload = {
        channelOrderId: shipped,
        comments: 'Scuffed box',
        lines: [
          { lineNumber: line, amountCents: 100, reason: 'DamagedItem', isFullRefund: false, refundedAfterCents: 100 },
        ],
      };
      expect((await walmart.refund(partial)).status).toBe(200);
      expect(await walmart.readBack('REFUND', partial)).toEqual({ state: 'APPLIED' });
      const full: RefundPayload = {
        channelOrderId: fullyRefunded,
        comments: null,
        lines: [
          {
            lineNumber: line,
            amountCents: 1,
            reason: 'CustomerReceivedItemLate',
            isFullRefund: true,
            refundedAfterCents: 1,
          },
        ],
      };
      expect((await walmart.refund(full)).status).toBe(200);
      const refundedLine = (await walmart.getOrder(fullyRefunded)).orderLines.orderLine[0];
      expect(
        refundedLine.refund?.refundCharges?.refundCharge.every((r) => r.refundReason === 'CustomerReceivedItemLate'),
      ).toBe(true);
      expect(
        refundedLine.refund?.refundCharges?.refundCharge.find((r) => r.charge.chargeType === 'PRODUCT')?.charge
          .chargeAmount.amount,
      ).toBe(-(refundedLine.charges.charge.find((c) => c.chargeType === 'PRODUCT')?.chargeAmount.amount ?? 0));

      // Walmart returns: the buyer sends a shipped unit back; listed, received, refunded through the returns API, read back.
      const returnedLine = (await walmart.getOrder(returned)).orderLines.orderLine[0].lineNumber;
      const ship = shipPayload(returned, [{ lineNumber: returnedLine, quantity: 1 }], 'UPS', UPS);
      expect((await walmart.acknowledge({ channelOrderId: returned })).status).toBe(200);
      expect((await walmart.ship(ship)).status).toBe(200);
      const buyerReturn = await sandboxControl<{ returnOrderId: string; customerOrderId: string }>('/walmart/returns', {
        accountId: wCreds.accountId,
        purchaseOrderId: returned,
        lines: [{ lineNumber: returnedLine, quantity: 1, reason: 'DAMAGED' }],
      });
      await sandboxControl(`/walmart/returns/${buyerReturn.returnOrderId}/deliver`, {});
      const returnsPage = await walmart.returns.list(
        // A second ahead: Walmart's whole-second bound must not cut off the receipt recorded a moment ago.
        { changedAfter: new Date(Date.now() - 86_400_000), changedBefore: new Date(Date.now() + 1_000) },
        null,
      );
      const listedReturn = returnsPage.returns.find((r) => r.channelReturnId === buyerReturn.returnOrderId);
      expect(listedReturn).toMatchObject({ status: 'RECEIVED', channelOrderId: returned });
      const returnRefund: ReturnRefundPayload = {
        returnId: '00000000-0000-4000-8000-000000000021',
        channelReturnId: buyerReturn.returnOrderId,
        customerOrderId: buyerReturn.customerOrderId,
        channelOrderId: returned,
        lines: [{ returnLineNumber: listedReturn!.lines[0].returnLineNumber, quantity: 1, refundedAfter: 1 }],
      };
      expect((await walmart.refundReturn(returnRefund)).status).toBe(200);
      expect(await walmart.readBack('RETURN_REFUND', returnRefund)).toEqual({ state: 'APPLIED' });

      // Amazon: search, get, confirmShipment, the cancellation feed to its processing report.
      const page = await amazon.listChangedOrders(
        { changedAfter: new Date(Date.now() - 86_400_000), changedBefore: null },
        null,
      );
      expect(page.orders.map((o) => o.channelOrderId)).toEqual(expect.arrayContaining([confirmed, feedCancelled]));
      const item = (await amazon.getOrder(confirmed)).orderItems[0].orderItemId;
      const confirm = shipPayload(confirmed, [{ lineNumber: item, quantity: 1 }], 'USPS', USPS);
      expect((await amazon.ship(confirm)).status).toBe(204);
      expect(await amazon.readBack('SHIP', confirm, null)).toEqual({ state: 'APPLIED' });
      const feedItem = (await amazon.getOrder(feedCancelled)).orderItems[0].orderItemId;
      const feedCancel: CancelPayload = {
        channelOrderId: feedCancelled,
        lines: [{ lineNumber: feedItem, quantity: 1, reason: 'NoInventory', cancelledAfter: 1 }],
      };
      const sent = await amazon.cancel(feedCancel);
      expect(sent.status).toBe(202);

      // MCF: preview, create, get, cancel one; ship the other and read its package tracking.
      const address = {
        name: 'Maria Lopez',
        addressLine1: '2210 Cedar Ave',
        city: 'Austin',
        stateOrRegion: 'TX',
        postalCode: '78704',
        countryCode: 'US',
        phone: '5125550199',
      };
      const constraints: McfCreatePayload['featureConstraints'] = [
        { featureName: 'BLOCK_AMZL', featureFulfillmentPolicy: 'Required' },
        { featureName: 'BLANK_BOX', featureFulfillmentPolicy: 'Required' },
      ];
      const previews = await amazon.mcf.preview(
        address,
        [{ sellerSku: 'MCF-SKU', sellerFulfillmentOrderItemId: 'p-1', quantity: 1 }],
        constraints,
      );
      expect(previews.some((p) => p.isFulfillable)).toBe(true);
      const mcfOrder = (id: string): McfCreatePayload => ({
        sellerFulfillmentOrderId: id,
        marketplaceId: aCreds.marketplaceId!,
        displayableOrderId: id,
        displayableOrderDate: new Date().toISOString(),
        displayableOrderComment: 'Thank you for your order',
        shippingSpeedCategory: 'Standard',
        destinationAddress: address,
        featureConstraints: constraints,
        items: [{ sellerSku: 'MCF-SKU', sellerFulfillmentOrderItemId: `${id}-1`, quantity: 1 }],
      });
      for (const id of ['WM-SHIP-1', 'WM-CANCEL-1']) {
        expect((await amazon.mcfCreate(mcfOrder(id))).status).toBe(200);
        expect(await amazon.readBack('MCF_CREATE', mcfOrder(id), null)).toMatchObject({ state: 'APPLIED' });
      }
      expect((await amazon.mcfCancel({ sellerFulfillmentOrderId: 'WM-CANCEL-1' })).status).toBe(200);
      expect(await amazon.readBack('MCF_CANCEL', { sellerFulfillmentOrderId: 'WM-CANCEL-1' }, null)).toEqual({
        state: 'APPLIED',
      });

      // A day later on the channels' clock: the feed is processed and the MCF parcel has shipped.
      sandbox.clock.advance(25 * 3600_000);
      expect(await amazon.readBack('CANCEL', feedCancel, sent.channelRef ?? null)).toEqual({ state: 'APPLIED' });
      const shippedMcf = await amazon.mcf.get('WM-SHIP-1');
      const pkg = shippedMcf?.shipments[0]?.packages[0];
      expect(pkg).toBeDefined();
      const events = await amazon.mcf.tracking(pkg!.packageNumber);
      expect(events.length).toBeGreaterThan(0);
    } finally {
      recorder.restore();
    }

    // The sandbox's own control routes (a buyer's return) are not channel calls.
    const toChannels = recorder.requests.filter(
      (r) => r.url.origin === new URL(sandbox.baseUrl).origin && !r.url.pathname.startsWith('/_sandbox/'),
    );
    expect([...new Set(toChannels.map(operationOf))].sort()).toEqual(ALL_OPERATIONS);
    const modelled = toChannels.filter(
      (r) => !/^amazon (Login with Amazon token|feed document upload|processing report download)$/.test(operationOf(r)),
    );
    expect(modelled.flatMap(contractViolations)).toEqual([]);
    // The sandbox checked the same requests and every response it sent against the models.
    expect(sandbox.contractViolations()).toMatchObject({ requestsRefused: 0, responseViolations: 0 });
  });

  it('an Amazon account without its seller id cannot send the cancellation feed, and is told what to add', async () => {
    const creds = sandbox.createAccount('AMAZON');
    const [orderId] = sandbox.generateOrders({
      accountId: creds.accountId,
      count: 1,
      seed: 8,
      mix: { channelFulfilled: 0 },
    }).orderIds;
    const adapter = new AmazonAdapter(
      sandbox.amazonBaseUrl,
      { marketplaceId: creds.marketplaceId!, sellerId: null },
      {
        clientId: creds.clientId,
        clientSecret: creds.clientSecret,
        refreshToken: creds.refreshToken!,
        lwaEndpoint: `${sandbox.amazonBaseUrl}/auth/o2/token`,
      },
    );
    const recorder = recordRequests();
    const refused = await adapter
      .cancel({
        channelOrderId: orderId,
        lines: [{ lineNumber: '1', quantity: 1, reason: 'NoInventory', cancelledAfter: 1 }],
      })
      .then(
        () => null,
        (e: unknown) => e,
      );
    recorder.restore();
    expect(refused).toBeInstanceOf(ChannelError);
    expect((refused as ChannelError).details.field).toBe('credentials.sellerId');
    expect((refused as ChannelError).message).toMatch(/merchant token/);
    expect(recorder.requests).toEqual([]);
  });

  it('a Walmart 404 other than CONTENT_NOT_FOUND is an error carrying the channel’s message, not an empty page', async () => {
    const creds = sandbox.createAccount('WALMART');
    // A gateway in front of the sandbox that routes the order list to a path Walmart does not have.
    const proxy: Server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const path = (req.url ?? '/').replace(/^\/v3\/orders\?/, '/v3/orderz?');
        const headers = Object.fromEntries(
          Object.entries(req.headers).filter(([k]) => k !== 'host' && k !== 'content-length'),
        ) as Record<string, string>;
        void fetch(`${sandbox.walmartBaseUrl}${path}`, {
          method: req.method,
          headers,
          body: chunks.length ? Buffer.concat(chunks) : undefined,
        }).then(async (upstream) => {
          res.writeHead(upstream.status, {
            'content-type': upstream.headers.get('content-type') ?? 'application/json',
          });
          res.end(Buffer.from(await upstream.arrayBuffer()));
        });
      });
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    try {
      const adapter = new WalmartAdapter(`http://127.0.0.1:${(proxy.address() as AddressInfo).port}`, {
        clientId: creds.clientId,
        clientSecret: creds.clientSecret,
      });
      const error = await adapter
        .listChangedOrders({ changedAfter: new Date(Date.now() - 3600_000), changedBefore: null }, null)
        .then(
          () => null,
          (e: unknown) => e,
        );
      expect(error).toBeInstanceOf(ChannelError);
      expect((error as ChannelError).details).toMatchObject({ status: 404, code: 'URI_NOT_FOUND.GMP_GATEWAY_API' });
      expect((error as ChannelError).message).toMatch(/is not a Walmart Marketplace endpoint/);

      // The real "no orders" answer stays an empty page.
      const empty = new WalmartAdapter(sandbox.walmartBaseUrl, {
        clientId: creds.clientId,
        clientSecret: creds.clientSecret,
      });
      expect(
        (await empty.listChangedOrders({ changedAfter: new Date(Date.now() - 3600_000), changedBefore: null }, null))
          .orders,
      ).toEqual([]);
    } finally {
      await new Promise<void>((resolve) => proxy.close(() => resolve()));
    }
  });
});
