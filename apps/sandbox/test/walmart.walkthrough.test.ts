import type { Sandbox } from '../src';
import { WalmartClient } from './helpers/clients';
import { startSandbox } from './helpers/sandbox';

async function post(url: string, body: unknown): Promise<any> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(res.status).toBeLessThan(300);
  return res.json();
}

describe('Walmart: an order from Created to Shipped over plain HTTP', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox();
  });
  afterAll(() => sandbox.close());

  it('lists released orders, acknowledges, ships with tracking, and reports delivery', async () => {
    const creds = await post(`${sandbox.controlBaseUrl}/accounts`, { channel: 'WALMART', name: 'Walk-through seller' });
    await post(`${sandbox.controlBaseUrl}/orders/generate`, {
      accountId: creds.accountId,
      count: 5,
      mix: { multiLine: 0, intentToCancel: 0, channelFulfilled: 0, multiQuantity: 0 },
    });
    const client = new WalmartClient(sandbox.walmartBaseUrl, creds);
    await client.authenticate();

    const released = await client.call('GET', '/v3/orders/released?limit=10');
    expect(released.status).toBe(200);
    expect(released.body.list.meta.totalCount).toBe(5);
    const order = released.body.list.elements.order[0];
    const po = order.purchaseOrderId;
    expect(typeof order.orderDate).toBe('number');
    expect(order.orderLines.orderLine[0].orderLineQuantity.amount).toBe('1');
    expect(order.orderLines.orderLine[0].orderLineStatuses.orderLineStatus[0].status).toBe('Created');

    const ack = await client.call('POST', `/v3/orders/${po}/acknowledge`);
    expect(ack.status).toBe(200);
    expect(ack.body.order.orderLines.orderLine[0].orderLineStatuses.orderLineStatus[0].status).toBe('Acknowledged');

    const ship = await client.call('POST', `/v3/orders/${po}/shipping`, {
      orderShipment: {
        orderLines: {
          orderLine: [
            {
              lineNumber: '1',
              sellerOrderId: 'HUB-1001',
              orderLineStatuses: {
                orderLineStatus: [
                  {
                    status: 'Shipped',
                    statusQuantity: { unitOfMeasurement: 'EACH', amount: '1' },
                    trackingInfo: {
                      shipDateTime: sandbox.clock.now().getTime(),
                      carrierName: { carrier: 'UPS' },
                      methodCode: 'Standard',
                      trackingNumber: '1Z999AA10123456784',
                    },
                  },
                ],
              },
            },
          ],
        },
      },
    });
    expect(ship.status).toBe(200);
    const status = ship.body.order.orderLines.orderLine[0].orderLineStatuses.orderLineStatus[0];
    expect(status.status).toBe('Shipped');
    expect(status.trackingInfo.trackingNumber).toBe('1Z999AA10123456784');

    const fetched = await client.call('GET', `/v3/orders/${po}`);
    expect(fetched.body.order.orderLines.orderLine[0].orderLineStatuses.orderLineStatus[0].status).toBe('Shipped');

    const event = await fetch(`${sandbox.controlBaseUrl}/packages/1Z999AA10123456784/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'DELIVERED' }),
    });
    expect(event.status).toBe(200);
    const delivered = await client.call('GET', `/v3/orders?status=Delivered&limit=5`);
    expect(delivered.body.list.elements.order.map((o: any) => o.purchaseOrderId)).toEqual([po]);
  });
});
