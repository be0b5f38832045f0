import { SQSClient, SendMessageCommand, GetQueueAttributesCommand } from '@aws-sdk/client-sqs';
import { createSandbox, type Sandbox } from '@order-hub/sandbox';
import { PushQueueConsumer } from '../src/modules/push/queue/push-queue.consumer';
import { startTestApp, type TestApp } from './support/test-app';
import { testDatabases } from './support/test-databases';
import { connectSandboxAccount, type ConnectedAccount } from './support/sync-helpers';
import { until } from './support/wait';

const MAX_RECEIVES = 3;

/** Amazon's FULFILLMENT_ORDER_STATUS example (FulfillmentOrderStatusNotification.json) for this seller and order. */
function mcfStatusNotification(sellerId: string, sellerFulfillmentOrderId: string, notificationId: string) {
  return {
    NotificationVersion: '1.0',
    NotificationType: 'FULFILLMENT_ORDER_STATUS',
    PayloadVersion: '1.0',
    EventTime: new Date().toISOString(),
    Payload: {
      FulfillmentOrderStatusNotification: {
        SellerId: sellerId,
        EventType: 'Order',
        StatusUpdatedDateTime: new Date().toISOString(),
        SellerFulfillmentOrderId: sellerFulfillmentOrderId,
        FulfillmentOrderStatus: 'Processing',
        FulfillmentShipment: {
          FulfillmentShipmentStatus: 'PENDING',
          AmazonShipmentId: 'TPUSH0001',
          EstimatedArrivalDateTime: new Date().toISOString(),
          info: {},
          FulfillmentShipmentPackages: [],
        },
        FulfillmentReturnItem: { ReceivedDateTime: '', ReturnedQuantity: 0, SellerSKU: '' },
      },
    },
    NotificationMetadata: {
      ApplicationId: 'amzn1.sp.solution.test',
      SubscriptionId: 'test',
      PublishTime: new Date().toISOString(),
      NotificationId: notificationId,
    },
  };
}

describe.each(testDatabases())('Amazon order notifications through the SQS queue on %s', (kind) => {
  let sandbox: Sandbox;
  let app: TestApp;
  let account: ConnectedAccount;
  let sellerId: string;
  let queue: { url: string; arn: string };
  let sqs: SQSClient;
  let consumer: PushQueueConsumer;

  const rows = (where: string, params: unknown[] = []): Promise<Record<string, any>[]> =>
    app.ds.query(
      `SELECT event_id, kind, channel_order_id, mcf_order_id, outcome, reason FROM push_event WHERE ${where} ORDER BY received_at`,
      params,
    );
  const eventsOf = (orderId: string) => rows('account_id = $1 AND channel_order_id = $2', [account.hubId, orderId]);
  const hubOrderIds = async (): Promise<string[]> =>
    (await app.ds.query(`SELECT channel_order_id FROM "order" WHERE account_id = $1`, [account.hubId])).map(
      (r: { channel_order_id: string }) => r.channel_order_id,
    );
  const newOrder = (seed: number) =>
    sandbox.generateOrders({ accountId: account.sandboxAccountId, count: 1, seed, placedWithinHours: 0.05 })
      .orderIds[0];
  const send = (body: string) => sqs.send(new SendMessageCommand({ QueueUrl: queue.url, MessageBody: body }));
  const queued = async () => {
    const { Attributes } = await sqs.send(
      new GetQueueAttributesCommand({
        QueueUrl: queue.url,
        AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'],
      }),
    );
    return Number(Attributes!.ApproximateNumberOfMessages) + Number(Attributes!.ApproximateNumberOfMessagesNotVisible);
  };

  beforeAll(async () => {
    process.env.AWS_ACCESS_KEY_ID ??= 'sandbox';
    process.env.AWS_SECRET_ACCESS_KEY ??= 'sandbox';
    sandbox = await createSandbox({ seed: 22, throttling: { rateScale: 1000 } });
    // Visibility 0: a message left undeleted is received again at once, so retries need no waiting.
    queue = sandbox.createQueue(`order-hub-${kind}`, { VisibilityTimeout: '0' });
    sqs = new SQSClient({
      endpoint: sandbox.sqsEndpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: 'sandbox', secretAccessKey: 'sandbox' },
    });
    // SYNC_ENABLED stays false (the test app's default): no polling, and the consumer is driven by drainOnce.
    app = await startTestApp(kind, {
      PUSH_QUEUE_URL: queue.url,
      PUSH_QUEUE_ARN: queue.arn,
      // An origin, as AWS's endpoints are: the sandbox serves SQS at its root too.
      PUSH_QUEUE_ENDPOINT: sandbox.baseUrl,
      PUSH_QUEUE_MAX_RECEIVES: String(MAX_RECEIVES),
      CHANNEL_RATE_SCALE: '1000',
      CHANNEL_RETRY_BASE_MS: '10',
    });
    consumer = app.running.app.get(PushQueueConsumer);
    account = await connectSandboxAccount(app, sandbox, 'AMAZON', 'Amazon notifications', true);
    const res = await app.gql(`mutation($id: ID!) { subscribePush(accountId: $id) { push { state transport } } }`, {
      id: account.hubId,
    });
    expect(res.errors).toBeUndefined();
    expect(res.data!.subscribePush.push).toEqual({ state: 'ACTIVE', transport: 'QUEUE' });
    const [sub] = await app.ds.query(`SELECT account_key FROM push_subscription WHERE account_id = $1`, [
      account.hubId,
    ]);
    sellerId = sub.account_key;
  }, 60_000);
  afterAll(async () => {
    sqs?.destroy();
    await app?.close();
    await sandbox?.close();
  });
  afterEach(() => {
    expect(sandbox.contractViolations()).toMatchObject({ requestsRefused: 0, responseViolations: 0 });
  });

  it('brings a new Amazon order into the hub through its ORDER_CHANGE notification, with polling off', async () => {
    const orderId = newOrder(1);
    expect(await consumer.drainOnce()).toEqual(['ACCEPTED']);
    expect(await hubOrderIds()).toContain(orderId);
    expect(await eventsOf(orderId)).toEqual([expect.objectContaining({ outcome: 'STORED' })]);
    expect(await queued()).toBe(0);
  });

  it('stores a notification Amazon delivers twice once', async () => {
    sandbox.amazonNotificationFaults(account.sandboxAccountId, { duplicate: 1 });
    const orderId = newOrder(2);
    sandbox.amazonNotificationFaults(account.sandboxAccountId, {});
    expect(await consumer.drainOnce()).toEqual(['ACCEPTED', 'ACCEPTED']);
    expect(await eventsOf(orderId)).toEqual([expect.objectContaining({ outcome: 'STORED' })]);
    expect(await queued()).toBe(0);
  });

  it('moves malformed messages aside with the reason and keeps the queue flowing', async () => {
    await send('not json at all');
    await send(JSON.stringify({ NotificationType: 'ORDER_CHANGE', NotificationMetadata: { NotificationId: 'x' } }));
    await send(JSON.stringify(mcfStatusNotification('A0NOBODY', 'SFO-NOBODY', 'nobody-1')));
    const orderId = newOrder(3);
    expect(await consumer.drainOnce()).toEqual(['MALFORMED', 'MALFORMED', 'MALFORMED', 'ACCEPTED']);
    const aside = await rows(`account_id IS NULL AND outcome = 'MALFORMED'`);
    expect(aside.map((r) => r.reason)).toEqual([
      'the message body is not JSON',
      'Payload is missing or not an object',
      'no account has seller id A0NOBODY',
    ]);
    for (const r of aside) expect(r.event_id).toMatch(/^malformed:/);
    expect(await hubOrderIds()).toContain(orderId);
    expect(await queued()).toBe(0);
  });

  it('leaves a message whose order cannot be read in the queue, and dead-letters it after the maximum receipts', async () => {
    const orderId = newOrder(4);
    const fault = sandbox.injectFault({
      channel: 'AMAZON',
      route: `/amazon/orders/2026-01-01/orders/${orderId}`,
      error500: 1,
    });
    try {
      for (let i = 1; i < MAX_RECEIVES; i += 1) {
        expect(await consumer.drainOnce()).toEqual(['RETRY']);
        expect(await queued()).toBe(1);
      }
      expect(await consumer.drainOnce()).toEqual(['DEAD_LETTER']);
    } finally {
      sandbox.clearFaults(fault.id);
    }
    expect(await queued()).toBe(0);
    const dead = await rows(`account_id = $1 AND outcome = 'DEAD_LETTER'`, [account.hubId]);
    expect(dead).toEqual([
      expect.objectContaining({ reason: expect.stringContaining(`failed ${MAX_RECEIVES} times`) }),
    ]);
    expect(await hubOrderIds()).not.toContain(orderId);
    expect(await eventsOf(orderId)).toEqual([expect.objectContaining({ outcome: 'PENDING' })]);
  });

  it('makes an MCF order poll now when its FULFILLMENT_ORDER_STATUS notification arrives', async () => {
    const [order] = await app.ds.query(`SELECT id FROM "order" WHERE account_id = $1 LIMIT 1`, [account.hubId]);
    const later = new Date(Date.now() + 86_400_000);
    await app.ds.query(
      `INSERT INTO mcf_order (order_id, mcf_account_id, seller_fulfillment_order_id, status, shipping_speed, next_poll_at, routed_by)
       VALUES ($1, $2, $3, 'PROCESSING', 'Standard', $4, 'test')`,
      [order.id, account.hubId, `SFO-${kind}`, later],
    );
    await send(JSON.stringify(mcfStatusNotification(sellerId, `SFO-${kind}`, `mcf-${kind}-1`)));
    expect(await consumer.drainOnce()).toEqual(['ACCEPTED']);
    expect(await rows(`account_id = $1 AND kind = 'MCF_STATUS'`, [account.hubId])).toEqual([
      expect.objectContaining({ mcf_order_id: `SFO-${kind}`, outcome: 'STORED', reason: null }),
    ]);
    await until(
      'the MCF order polled',
      async () =>
        (
          await app.ds.query(`SELECT next_poll_at FROM mcf_order WHERE seller_fulfillment_order_id = $1`, [
            `SFO-${kind}`,
          ])
        )[0],
      (r: { next_poll_at: Date | null }) => r.next_poll_at === null || new Date(r.next_poll_at) < later,
    );
  });
});
