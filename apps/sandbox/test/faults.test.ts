import type { Sandbox } from '../src';
import { SINGLE, mcfOrder, shipLine, shipment } from './helpers/fixtures';
import { amazonSeller, startSandbox, walmartSeller } from './helpers/sandbox';

const control = (sandbox: Sandbox, method: string, path: string, body?: unknown) =>
  fetch(`${sandbox.controlBaseUrl}${path}`, {
    method,
    headers: body ? { 'content-type': 'application/json' } : {},
    body: body ? JSON.stringify(body) : undefined,
  });

describe('fault injection', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ throttling: false });
  });
  afterAll(() => sandbox.close());
  afterEach(() => {
    sandbox.clearFaults();
  });

  it("answers injected 429 / 500 / 503 in each channel's envelope, for the given number of requests", async () => {
    const wm = await walmartSeller(sandbox, 1);
    const res = await control(sandbox, 'POST', '/faults', {
      channel: 'WALMART',
      route: '/walmart/v3/orders/:purchaseOrderId',
      error500: 1,
      times: 1,
    });
    expect(res.status).toBe(201);
    const failed = await wm.client.call('GET', `/v3/orders/${wm.orderIds[0]}`);
    expect(failed.status).toBe(500);
    expect(failed.body.errors.error[0].code).toBe('SYSTEM_ERROR.GMP_ORDER_API');
    expect((await wm.client.call('GET', `/v3/orders/${wm.orderIds[0]}`)).status).toBe(200);

    sandbox.injectFault({ channel: 'WALMART', error503: 1 });
    const down = await wm.client.call('GET', '/v3/orders');
    expect(down.status).toBe(503);
    expect(down.body).toBe('Service Unavailable');
    sandbox.clearFaults();

    const amz = await amazonSeller(sandbox, 1);
    sandbox.injectFault({ route: '/amazon/orders/2026-01-01', error429: 1 });
    const throttled = await amz.client.call('GET', `/orders/2026-01-01/orders/${amz.orderIds[0]}`);
    expect(throttled.status).toBe(429);
    expect(throttled.body.errors[0].code).toBe('QuotaExceeded');
  });

  it('injects errors at the configured rate, reproducibly from the seed', async () => {
    const wm = await walmartSeller(sandbox, 1);
    sandbox.injectFault({ channel: 'WALMART', error500: 0.3 });
    let failures = 0;
    for (let i = 0; i < 200; i += 1)
      if ((await wm.client.call('GET', `/v3/orders/${wm.orderIds[0]}`)).status === 500) failures += 1;
    expect(failures).toBeGreaterThan(35);
    expect(failures).toBeLessThan(85);
  });

  it('hangs and then drops the connection for a timeout, and delays slow responses', async () => {
    const wm = await walmartSeller(sandbox, 1);
    sandbox.injectFault({ channel: 'WALMART', timeout: 1, timeoutMs: 150, times: 1 });
    await expect(wm.client.call('GET', '/v3/orders')).rejects.toThrow();
    sandbox.injectFault({ channel: 'WALMART', slow: 1, slowMs: 250 });
    const started = Date.now();
    expect((await wm.client.call('GET', '/v3/orders')).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(240);
  });

  it('silently drops writes: Walmart answers Shipped but keeps the order Acknowledged', async () => {
    const wm = await walmartSeller(sandbox, 1, SINGLE);
    const po = wm.orderIds[0];
    await wm.client.call('POST', `/v3/orders/${po}/acknowledge`);
    sandbox.injectFault({ route: '/walmart/v3/orders/:purchaseOrderId/shipping', silentDrop: 1 });
    const shipped = await wm.client.call('POST', `/v3/orders/${po}/shipping`, shipment(shipLine('1', 1)));
    expect(shipped.body.order.orderLines.orderLine[0].orderLineStatuses.orderLineStatus[0].status).toBe('Shipped');
    const stored = await wm.client.call('GET', `/v3/orders/${po}`);
    expect(stored.body.order.orderLines.orderLine[0].orderLineStatuses.orderLineStatus[0].status).toBe('Acknowledged');
  });

  it('silently drops Amazon confirmShipment (204, nothing stored) and MCF creates', async () => {
    const amz = await amazonSeller(sandbox, 1, SINGLE);
    const order = (await amz.client.call('GET', `/orders/2026-01-01/orders/${amz.orderIds[0]}`)).body.order;
    sandbox.injectFault({ channel: 'AMAZON', method: 'POST', silentDrop: 1 });
    const res = await amz.client.call('POST', `/orders/v0/orders/${order.orderId}/shipmentConfirmation`, {
      marketplaceId: 'ATVPDKIKX0DER',
      packageDetail: {
        packageReferenceId: '1',
        carrierCode: 'UPS',
        trackingNumber: '1Z999AA10123456784',
        shipDate: sandbox.clock.now().toISOString(),
        orderItems: [{ orderItemId: order.orderItems[0].orderItemId, quantity: 1 }],
      },
    });
    expect(res.status).toBe(204);
    const after = await amz.client.call('GET', `/orders/2026-01-01/orders/${order.orderId}?includedData=PACKAGES`);
    expect(after.body.order.packages).toEqual([]);

    sandbox.setMcfInventory(amz.creds.accountId, 'SKU-DROP', 5);
    expect(
      (
        await amz.client.call(
          'POST',
          '/fba/outbound/2020-07-01/fulfillmentOrders',
          mcfOrder('DROP-1', 'SKU-DROP', 1, true),
        )
      ).status,
    ).toBe(200);
    expect((await amz.client.call('GET', '/fba/outbound/2020-07-01/fulfillmentOrders/DROP-1')).status).toBe(404);
  });

  it('validates fault specs and clears them over the control API', async () => {
    expect((await control(sandbox, 'POST', '/faults', { error500: 2 })).status).toBe(400);
    expect((await control(sandbox, 'POST', '/faults', { error500: 0.7, error503: 0.5 })).status).toBe(400);
    await control(sandbox, 'POST', '/faults', { error500: 0.1 });
    const cleared = await control(sandbox, 'DELETE', '/faults');
    expect(await cleared.json()).toEqual({ removed: 1 });
  });
});
