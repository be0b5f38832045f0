import type { Sandbox } from '../src';
import { AmazonClient } from './helpers/clients';
import { mcfOrder } from './helpers/fixtures';
import { T0, amazonSeller, startSandbox } from './helpers/sandbox';

async function post(url: string, body: unknown): Promise<any> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(res.status).toBeLessThan(300);
  return res.json();
}

const MCF = '/fba/outbound/2020-07-01';
const HOUR = 3600 * 1000;

describe('Amazon over plain HTTP', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox();
  });
  afterAll(() => sandbox.close());

  it('walks an MCF order from create to Complete with tracking', async () => {
    const creds = await post(`${sandbox.controlBaseUrl}/accounts`, { channel: 'AMAZON' });
    await post(`${sandbox.controlBaseUrl}/mcf/inventory`, {
      accountId: creds.accountId,
      sku: 'KTC-WB32',
      quantity: 10,
    });
    const client = new AmazonClient(sandbox.amazonBaseUrl, creds);
    await client.authenticate();

    const preview = await client.call('POST', `${MCF}/fulfillmentOrders/preview`, {
      marketplaceId: 'ATVPDKIKX0DER',
      address: mcfOrder('x', 'KTC-WB32', 1, true).destinationAddress,
      items: [{ sellerSku: 'KTC-WB32', sellerFulfillmentOrderItemId: 'p1', quantity: 2 }],
      featureConstraints: [{ featureName: 'BLOCK_AMZL', featureFulfillmentPolicy: 'Required' }],
    });
    expect(preview.status).toBe(200);
    expect(preview.body.payload.fulfillmentPreviews.every((p: any) => p.isFulfillable)).toBe(true);

    const created = await client.call(
      'POST',
      `${MCF}/fulfillmentOrders`,
      mcfOrder('WM-1815367951431', 'KTC-WB32', 2, true),
    );
    expect(created.status).toBe(200);

    const statuses: string[] = [];
    for (const hours of [0, 1, 7, 25]) {
      await post(`${sandbox.controlBaseUrl}/clock`, { set: new Date(T0.getTime() + hours * HOUR).toISOString() });
      await client.authenticate(); // LWA tokens live one hour on the sandbox clock too
      const got = await client.call('GET', `${MCF}/fulfillmentOrders/WM-1815367951431`);
      statuses.push(got.body.payload.fulfillmentOrder.fulfillmentOrderStatus);
    }
    expect(statuses).toEqual(['Received', 'Planning', 'Processing', 'Complete']);

    const done = await client.call('GET', `${MCF}/fulfillmentOrders/WM-1815367951431`);
    const shipment = done.body.payload.fulfillmentShipments[0];
    expect(shipment.fulfillmentShipmentStatus).toBe('SHIPPED');
    const pkg = shipment.fulfillmentShipmentPackage[0];
    expect(['UPS', 'USPS', 'FedEx']).toContain(pkg.carrierCode);
    expect(pkg.trackingNumber).not.toMatch(/^TBA/);

    const tracking = await client.call('GET', `${MCF}/tracking?packageNumber=${pkg.packageNumber}`);
    expect(tracking.status).toBe(200);
    expect(tracking.body.payload.trackingNumber).toBe(pkg.trackingNumber);
    expect(tracking.body.payload.trackingEvents.map((e: any) => e.eventCode)).toContain('EVENT_101');

    await post(`${sandbox.controlBaseUrl}/packages/${pkg.trackingNumber}/events`, { type: 'DELIVERED' });
    const delivered = await client.call('GET', `${MCF}/tracking?packageNumber=${pkg.packageNumber}`);
    expect(delivered.body.payload.currentStatus).toBe('DELIVERED');
  });

  it('finds a merchant order, confirms its shipment, and reads the package back', async () => {
    sandbox.clock.set(T0);
    const { client } = await amazonSeller(sandbox, 3, {
      mix: { channelFulfilled: 0, multiLine: 0, multiQuantity: 0, intentToCancel: 0 },
    });
    const createdAfter = new Date(T0.getTime() - 100 * HOUR).toISOString();
    const search = await client.call(
      'GET',
      `/orders/2026-01-01/orders?createdAfter=${createdAfter}&includedData=FULFILLMENT,RECIPIENT`,
    );
    expect(search.status).toBe(200);
    expect(search.body.orders).toHaveLength(3);
    const order = search.body.orders[0];
    expect(order.fulfillment.fulfillmentStatus).toBe('UNSHIPPED');

    const confirm = await client.call('POST', `/orders/v0/orders/${order.orderId}/shipmentConfirmation`, {
      marketplaceId: 'ATVPDKIKX0DER',
      packageDetail: {
        packageReferenceId: '1',
        carrierCode: 'UPS',
        trackingNumber: '1Z999AA10123456784',
        shipDate: T0.toISOString(),
        orderItems: [{ orderItemId: order.orderItems[0].orderItemId, quantity: 1 }],
      },
    });
    expect(confirm.status).toBe(204);
    expect(confirm.headers.get('x-amzn-ratelimit-limit')).toBe('2');

    const read = await client.call(
      'GET',
      `/orders/2026-01-01/orders/${order.orderId}?includedData=PACKAGES,FULFILLMENT`,
    );
    expect(read.body.order.fulfillment.fulfillmentStatus).toBe('SHIPPED');
    expect(read.body.order.packages[0]).toMatchObject({
      packageReferenceId: '1',
      carrier: 'UPS',
      trackingNumber: '1Z999AA10123456784',
    });
  });
});
