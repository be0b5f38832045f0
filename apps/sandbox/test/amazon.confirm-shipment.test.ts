import type { Sandbox } from '../src';
import { T0, amazonSeller, startSandbox } from './helpers/sandbox';

const iso = (ms: number) => new Date(ms).toISOString();

function confirm(orderItemId: string, quantity: number, pkg: Record<string, unknown> = {}) {
  return {
    marketplaceId: 'ATVPDKIKX0DER',
    packageDetail: {
      packageReferenceId: '1',
      carrierCode: 'USPS',
      trackingNumber: '9400111899223197428490',
      shipDate: iso(T0.getTime()),
      orderItems: [{ orderItemId, quantity }],
      ...pkg,
    },
  };
}

describe('Amazon v0 confirmShipment', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ throttling: false });
  });
  afterAll(() => sandbox.close());

  async function merchantOrder(multiQuantity = 0) {
    const { client, orderIds } = await amazonSeller(sandbox, 1, {
      mix: { channelFulfilled: 0, multiLine: 0, multiQuantity, intentToCancel: 0 },
    });
    const order = (await client.call('GET', `/orders/2026-01-01/orders/${orderIds[0]}`)).body.order;
    return { client, order, path: `/orders/v0/orders/${order.orderId}/shipmentConfirmation` };
  }

  it.each([
    [{ carrierCode: 'ups' }, /carrierCode/],
    [{ carrierCode: 'Other' }, /carrierName is required/],
    [{ carrierCode: 'UPS', trackingNumber: '9400111899223197428490' }, /not a valid UPS tracking number/],
    [{ carrierCode: 'FedEx', trackingNumber: '1Z999AA10123456784' }, /not a valid FedEx/],
    [{ shipDate: '11/20/2026' }, /packageDetail\.shipDate must match format "date-time"/],
    [{ packageReferenceId: 'PKG-1' }, /positive number/],
  ])('rejects %j', async (pkg, message) => {
    const { client, order, path } = await merchantOrder();
    const res = await client.call('POST', path, confirm(order.orderItems[0].orderItemId, 1, pkg));
    expect(res.status).toBe(400);
    expect(res.body.errors[0].code).toBe('InvalidInput');
    expect(res.body.errors[0].message).toMatch(message);
  });

  it('accepts Other with a carrierName', async () => {
    const { client, order, path } = await merchantOrder();
    const res = await client.call(
      'POST',
      path,
      confirm(order.orderItems[0].orderItemId, 1, {
        carrierCode: 'Other',
        carrierName: 'Better Trucks',
        trackingNumber: 'BT12345678',
      }),
    );
    expect(res.status).toBe(204);
  });

  it('ships partial quantities package by package and refuses more than is unshipped', async () => {
    const { client, order, path } = await merchantOrder(1);
    const item = order.orderItems[0];
    const res = await client.call('POST', path, confirm(item.orderItemId, 1));
    expect(res.status).toBe(204);
    const partial = await client.call(
      'GET',
      `/orders/2026-01-01/orders/${order.orderId}?includedData=FULFILLMENT,PACKAGES`,
    );
    expect(partial.body.order.fulfillment.fulfillmentStatus).toBe('PARTIALLY_SHIPPED');
    const over = await client.call(
      'POST',
      path,
      confirm(item.orderItemId, item.quantityOrdered, {
        packageReferenceId: '2',
        carrierCode: 'UPS',
        trackingNumber: '1Z999AA10123456791',
      }),
    );
    expect(over.status).toBe(400);
    expect(over.body.errors[0].message).toMatch(/exceeds/);
    const rest = await client.call(
      'POST',
      path,
      confirm(item.orderItemId, item.quantityOrdered - 1, {
        packageReferenceId: '2',
        carrierCode: 'UPS',
        trackingNumber: '1Z999AA10123456791',
      }),
    );
    expect(rest.status).toBe(204);
    const done = await client.call(
      'GET',
      `/orders/2026-01-01/orders/${order.orderId}?includedData=FULFILLMENT,PACKAGES`,
    );
    expect(done.body.order.fulfillment.fulfillmentStatus).toBe('SHIPPED');
    expect(done.body.order.packages).toHaveLength(2);
  });

  it('refuses items of another order and orders fulfilled by Amazon', async () => {
    const { client, path } = await merchantOrder();
    expect((await client.call('POST', path, confirm('99999999999999', 1))).status).toBe(400);
    const afn = await amazonSeller(sandbox, 1, { mix: { channelFulfilled: 1 } });
    const afnOrder = (await afn.client.call('GET', `/orders/2026-01-01/orders/${afn.orderIds[0]}`)).body.order;
    const res = await afn.client.call(
      'POST',
      `/orders/v0/orders/${afnOrder.orderId}/shipmentConfirmation`,
      confirm(afnOrder.orderItems[0].orderItemId, 1),
    );
    expect(res.body.errors[0].message).toMatch(/fulfilled by Amazon/);
  });
});
