import { ReceiveMessageCommand, SQSClient, DeleteMessageCommand } from '@aws-sdk/client-sqs';
import { checkDocument } from '@order-hub/contracts';
import type { Sandbox } from '../..';
import type { AmazonClient } from '../../../test/helpers/clients';
import { mcfOrder } from '../../../test/helpers/fixtures';
import { T0, amazonSeller, startSandbox } from '../../../test/helpers/sandbox';

const N = '/notifications/v1';
const HOUR = 3_600_000;
type Notification = { NotificationType: string; Payload: Record<string, any>; NotificationMetadata: any };

describe('Amazon Notifications API v1 and its SQS delivery', () => {
  let sandbox: Sandbox;
  let sqs: SQSClient;
  beforeAll(async () => {
    sandbox = await startSandbox({ throttling: false });
    sqs = new SQSClient({
      endpoint: sandbox.sqsEndpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
      maxAttempts: 1,
    });
  }, 30_000);
  afterAll(async () => {
    sqs.destroy();
    await sandbox.close();
  });
  afterEach(() => expect(sandbox.contractViolations().responses).toEqual([]));
  beforeEach(() => sandbox.clock.set(T0));

  /** Everything in the queue now, each deleted; every notification checked against its official schema. */
  async function drain(url: string): Promise<Notification[]> {
    const out: Notification[] = [];
    for (;;) {
      const { Messages } = await sqs.send(new ReceiveMessageCommand({ QueueUrl: url, MaxNumberOfMessages: 10 }));
      if (!Messages) return out;
      for (const m of Messages) {
        const doc = JSON.parse(m.Body!) as Notification;
        const schema =
          doc.NotificationType === 'ORDER_CHANGE' ? 'OrderChangeNotification' : 'FulfillmentOrderStatusNotification';
        expect(checkDocument('amazon', schema, doc)).toEqual([]);
        out.push(doc);
        await sqs.send(new DeleteMessageCommand({ QueueUrl: url, ReceiptHandle: m.ReceiptHandle }));
      }
    }
  }

  async function subscribed(queueName: string, types = ['ORDER_CHANGE']) {
    const seller = await amazonSeller(sandbox);
    const queue = sandbox.createQueue(queueName);
    const destination = await seller.client.call('POST', `${N}/destinations`, {
      name: 'order-hub',
      resourceSpecification: { sqs: { arn: queue.arn } },
    });
    expect(destination.status).toBe(200);
    const destinationId: string = destination.body.payload.destinationId;
    const subscriptionIds: Record<string, string> = {};
    for (const type of types) {
      const created = await seller.client.call('POST', `${N}/subscriptions/${type}`, {
        payloadVersion: '1.0',
        destinationId,
      });
      expect(created.status).toBe(200);
      subscriptionIds[type] = created.body.payload.subscriptionId;
    }
    return { ...seller, queue, destinationId, subscriptionIds };
  }

  it('takes grantless operations only with a client_credentials token, and seller operations only with the seller token', async () => {
    const { client } = await amazonSeller(sandbox);
    const sellerToken = await client.authenticate();
    const refused = await client.call('GET', `${N}/destinations`, undefined, sellerToken);
    expect(refused.status).toBe(403);
    expect(JSON.stringify(refused.body)).toContain('grantless operation');
    const grantless = await client.grantlessToken();
    expect((await client.call('GET', `${N}/destinations`, undefined, grantless)).status).toBe(200);
    const wrongWay = await client.call('GET', `${N}/subscriptions/ORDER_CHANGE`, undefined, grantless);
    expect(wrongWay.status).toBe(403);
    expect((await client.call('GET', `${N}/subscriptions/ORDER_CHANGE`, undefined, sellerToken)).status).not.toBe(403);
  });

  it('manages destinations and subscriptions per the model', async () => {
    const { client, queue, destinationId, subscriptionIds } = await subscribed('manage', [
      'ORDER_CHANGE',
      'FULFILLMENT_ORDER_STATUS',
    ]);
    expect((await client.call('GET', `${N}/destinations`)).body.payload).toEqual([
      { destinationId, name: 'order-hub', resource: { sqs: { arn: queue.arn } } },
    ]);
    expect((await client.call('GET', `${N}/destinations/${destinationId}`)).body.payload.resource.sqs.arn).toBe(
      queue.arn,
    );
    const again = await client.call('POST', `${N}/destinations`, {
      name: 'twice',
      resourceSpecification: { sqs: { arn: queue.arn } },
    });
    expect(again.status).toBe(400);
    const nowhere = await client.call('POST', `${N}/destinations`, {
      name: 'nowhere',
      resourceSpecification: { sqs: { arn: 'arn:aws:sqs:us-east-1:000000000000:missing' } },
    });
    expect(nowhere.body.errors[0].message).toContain('resourceSpecification.sqs.arn');
    const byType = await client.call('GET', `${N}/subscriptions/ORDER_CHANGE`);
    expect(byType.body.payload).toEqual({
      subscriptionId: subscriptionIds.ORDER_CHANGE,
      payloadVersion: '1.0',
      destinationId,
    });
    const id = subscriptionIds.FULFILLMENT_ORDER_STATUS;
    expect((await client.call('GET', `${N}/subscriptions/FULFILLMENT_ORDER_STATUS/${id}`)).status).toBe(200);
    const duplicate = await client.call('POST', `${N}/subscriptions/ORDER_CHANGE`, {
      payloadVersion: '1.0',
      destinationId,
    });
    expect(duplicate.status).toBe(409);
    const badVersion = await client.call('POST', `${N}/subscriptions/ORDER_CHANGE`, {
      payloadVersion: '2.0',
      destinationId,
    });
    expect(badVersion.body.errors[0].message).toContain('payloadVersion');
    expect((await client.call('DELETE', `${N}/destinations/${destinationId}`)).status).toBe(400);
    for (const [type, subscriptionId] of Object.entries(subscriptionIds))
      expect((await client.call('DELETE', `${N}/subscriptions/${type}/${subscriptionId}`)).status).toBe(200);
    expect((await client.call('GET', `${N}/subscriptions/ORDER_CHANGE`)).status).toBe(404);
    expect((await client.call('DELETE', `${N}/destinations/${destinationId}`)).status).toBe(200);
  });

  it('sends ORDER_CHANGE for every new order of the seller, with its seller id', async () => {
    const { creds, queue } = await subscribed('orders');
    const { orderIds } = sandbox.generateOrders({ accountId: creds.accountId, count: 3, seed: 3 });
    const notes = await drain(queue.url);
    expect(notes.map((n) => n.Payload.OrderChangeNotification.AmazonOrderId).sort()).toEqual([...orderIds].sort());
    for (const n of notes) {
      expect(n.Payload.OrderChangeNotification).toMatchObject({
        SellerId: creds.sellerId,
        OrderChangeType: 'OrderStatusChange',
      });
    }
    expect(new Set(notes.map((n) => n.NotificationMetadata.NotificationId)).size).toBe(3);
  });

  it('sends an OrderStatusChange when the seller confirms a shipment', async () => {
    const { client, creds, queue } = await subscribed('shipped');
    const [orderId] = sandbox.generateOrders({
      accountId: creds.accountId,
      count: 1,
      seed: 8,
      mix: { channelFulfilled: 0, multiLine: 0, multiQuantity: 0, intentToCancel: 0 },
    }).orderIds;
    await drain(queue.url);
    const order = (await client.call('GET', `/orders/2026-01-01/orders/${orderId}`)).body.order;
    const confirmed = await client.call('POST', `/orders/v0/orders/${orderId}/shipmentConfirmation`, {
      marketplaceId: 'ATVPDKIKX0DER',
      packageDetail: {
        packageReferenceId: '1',
        carrierCode: 'USPS',
        trackingNumber: '9400111899223197428490',
        shipDate: T0.toISOString(),
        orderItems: [{ orderItemId: order.orderItems[0].orderItemId, quantity: order.orderItems[0].quantityOrdered }],
      },
    });
    expect(confirmed.status).toBe(204);
    const [note] = await drain(queue.url);
    expect(note.Payload.OrderChangeNotification).toMatchObject({
      AmazonOrderId: orderId,
      OrderChangeType: 'OrderStatusChange',
      Summary: { OrderStatus: 'Shipped' },
    });
  });

  it('honours an ORDER_CHANGE eventFilter on marketplaces', async () => {
    const seller = await amazonSeller(sandbox);
    const queue = sandbox.createQueue('filtered');
    const destinationId = (
      await seller.client.call('POST', `${N}/destinations`, {
        name: 'f',
        resourceSpecification: { sqs: { arn: queue.arn } },
      })
    ).body.payload.destinationId;
    const created = await seller.client.call('POST', `${N}/subscriptions/ORDER_CHANGE`, {
      payloadVersion: '1.0',
      destinationId,
      processingDirective: { eventFilter: { eventFilterType: 'ORDER_CHANGE', marketplaceIds: ['A2EUQ1WTGCTBG2'] } },
    });
    expect(created.status).toBe(200);
    sandbox.generateOrders({ accountId: seller.creds.accountId, count: 2, seed: 4 });
    expect(await drain(queue.url)).toEqual([]);
  });

  it('sends FULFILLMENT_ORDER_STATUS as an MCF order moves, and a test notification on request', async () => {
    const { client, creds, queue, destinationId } = await subscribed('mcf', ['FULFILLMENT_ORDER_STATUS']);
    sandbox.setMcfInventory(creds.accountId, 'SKU-N', 5);
    expect(
      (await client.call('POST', '/fba/outbound/2020-07-01/fulfillmentOrders', mcfOrder('MCF-N1', 'SKU-N', 1, true)))
        .status,
    ).toBe(200);
    sandbox.clock.set(T0.getTime() + 25 * HOUR);
    await reauth(client);
    await client.call('GET', `${N}/destinations`);
    const statuses = (await drain(queue.url)).map((n) => n.Payload.FulfillmentOrderStatusNotification);
    expect(statuses.map((s) => s.FulfillmentOrderStatus)).toEqual(['Planning', 'Processing', 'Complete']);
    expect(statuses[2]).toMatchObject({ SellerId: creds.sellerId, SellerFulfillmentOrderId: 'MCF-N1' });
    expect(statuses[2].FulfillmentShipment.FulfillmentShipmentPackages.length).toBeGreaterThan(0);
    const test = await client.call('POST', `${N}/subscriptions/FULFILLMENT_ORDER_STATUS/testNotification`, {
      destinationId,
      testNotification: { payloadVersion: '1.0' },
    });
    expect(test.status).toBe(200);
    expect(await drain(queue.url)).toHaveLength(1);
  });

  it('applies the account delivery faults: dropped, duplicated, delayed 24 h, out of order', async () => {
    const { creds, queue } = await subscribed('faults');
    const accountId = creds.accountId;
    const ids = (count: number, seed: number) => sandbox.generateOrders({ accountId, count, seed }).orderIds;
    const orderIdsIn = async () => (await drain(queue.url)).map((n) => n.Payload.OrderChangeNotification.AmazonOrderId);

    sandbox.amazonNotificationFaults(accountId, { drop: 1 });
    ids(2, 11);
    expect(await orderIdsIn()).toEqual([]);

    sandbox.amazonNotificationFaults(accountId, { duplicate: 1 });
    const [dup] = ids(1, 12);
    expect(await orderIdsIn()).toEqual([dup, dup]);

    sandbox.amazonNotificationFaults(accountId, { delay24h: 1 });
    const [late] = ids(1, 13);
    expect(await orderIdsIn()).toEqual([]);
    sandbox.clock.advance(24 * HOUR);
    expect(await orderIdsIn()).toEqual([late]);

    sandbox.amazonNotificationFaults(accountId, { outOfOrder: 1 });
    const [first] = ids(1, 14);
    sandbox.amazonNotificationFaults(accountId, {});
    const [second] = ids(1, 15);
    expect(await orderIdsIn()).toEqual([second, first]);
    expect(() => sandbox.amazonNotificationFaults(accountId, { lose: 1 } as never)).toThrow('lose is not a fault');
  });

  it('throttles the notification operations at 1 request a second, burst 5', async () => {
    const throttled = await startSandbox();
    try {
      const { client } = await amazonSeller(throttled);
      const statuses: number[] = [];
      for (let i = 0; i < 6; i += 1) statuses.push((await client.call('GET', `${N}/destinations`)).status);
      expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    } finally {
      await throttled.close();
    }
  });
});

async function reauth(client: AmazonClient): Promise<void> {
  await client.authenticate();
}
