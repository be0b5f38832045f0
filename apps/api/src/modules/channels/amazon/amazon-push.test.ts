import { ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { type Sandbox, createSandbox } from '@order-hub/sandbox';
import { BadUserInputError } from 'src/common/errors/app-error';
import { PushParseError } from 'src/modules/channels/channel-push';
import { AmazonAdapter } from './amazon.adapter';
import { parseAmazonPush } from './amazon-push';

/** The first `examples` entry of each notification schema (shared/specs/amazon/notifications/*.json), verbatim. */
const EXAMPLES: Record<string, unknown> = {
  OrderChangeNotification: {
    NotificationVersion: '1.0',
    NotificationType: 'ORDER_CHANGE',
    PayloadVersion: '1.0',
    EventTime: '2020-01-11T00:09:53.109Z',
    Payload: {
      OrderChangeNotification: {
        NotificationLevel: 'OrderLevel',
        SellerId: 'A3TH9S8BH6GOGM',
        AmazonOrderId: '903-8868176-2219830',
        OrderChangeType: 'BuyerRequestedChange',
        OrderChangeTrigger: { TimeOfOrderChange: '2022-11-29T19:42:04.284Z', ChangeReason: 'Buyer Requested Cancel' },
        Summary: {
          MarketplaceId: 'ATVPDKIKX0DER',
          OrderStatus: 'Unshipped',
          PurchaseDate: '2022-07-13T19:42:04.284Z',
          DestinationPostalCode: '48110',
          FulfillmentType: 'MFN',
          OrderType: 'StandardOrder',
          NumberOfItemsShipped: 0,
          NumberOfItemsUnshipped: 10,
          EarliestDeliveryDate: '2022-11-07T19:42:04.284Z',
          LatestDeliveryDate: '2022-12-07T19:42:04.284Z',
          EarliestShipDate: '2022-11-07T19:42:04.284Z',
          LatestShipDate: '2022-12-07T19:42:04.284Z',
          CancelNotifyDate: '2022-12-07T19:42:04.284Z',
          OrderPrograms: ['Business'],
          ShippingPrograms: ['EasyShip'],
          EasyShipShipmentStatus: 'Delivered',
          ElectronicInvoiceStatus: 'NotFound',
          OrderItems: [
            {
              OrderItemId: 'OIID34853450',
              SellerSKU: 'SellerSKUID1',
              SupplySourceId: 'd7679e14-031b-4ab3-a81b-ec4fc7a460b3',
              OrderItemStatus: 'Unshipped',
              Quantity: 10,
              QuantityShipped: 0,
              IsBuyerRequestedCancel: true,
              ItemEarliestDeliveryDate: '2022-11-07T19:42:04.284Z',
              ItemLatestDeliveryDate: '2022-12-07T19:42:04.284Z',
            },
          ],
        },
      },
    },
    NotificationMetadata: {
      ApplicationId: 'app-id-d0e9e693-c3ad-4373-979f-ed4ec98dd746',
      SubscriptionId: 'subscription-id-d0e9e693-c3ad-4373-979f-ed4ec98dd746',
      PublishTime: '2020-07-13T19:42:04.284Z',
      NotificationId: 'd0e9e693-c3ad-4373-979f-ed4ec98dd746',
    },
  },
  FulfillmentOrderStatusNotification: {
    NotificationVersion: '1.0',
    NotificationType: 'FULFILLMENT_ORDER_STATUS',
    PayloadVersion: '1.0',
    EventTime: '2020-07-13T19:42:04.284Z',
    Payload: {
      FulfillmentOrderStatusNotification: {
        SellerId: 'A3TH9S8BH6GOGM',
        EventType: 'TYPE3945',
        StatusUpdatedDateTime: '2020-07-13T19:42:04.284Z',
        SellerFulfillmentOrderId: 'SFOID2345',
        FulfillmentOrderStatus: 'PROCESSED',
        FulfillmentShipment: {
          FulfillmentShipmentStatus: 'PROCESSED',
          AmazonShipmentId: 'ASID49535',
          EstimatedArrivalDateTime: '2020-07-13T19:42:04.284Z',
          info: { PackageNumber: 1, CarrierCode: '2-930434', TrackingNumber: '1Z84456456573405' },
          FulfillmentShipmentPackages: [
            { PackageNumber: 1, CarrierCode: '2-930434', TrackingNumber: '1Z84456456573405' },
            { PackageNumber: 2, CarrierCode: '1-930434', TrackingNumber: '1Z84456456573405' },
            { PackageNumber: 3, CarrierCode: '3-930434', TrackingNumber: '1Z885647654573405' },
          ],
        },
        FulfillmentReturnItem: {
          ReceivedDateTime: '2020-07-13T19:42:04.284Z',
          ReturnedQuantity: 12,
          SellerSKU: 'SELLERSKU9345',
        },
      },
    },
    NotificationMetadata: {
      ApplicationId: 'app-id-d0e9e693-c3ad-4373-979f-ed4ec98dd746',
      SubscriptionId: 'subscription-id-d0e9e693-c3ad-4373-979f-ed4ec98dd746',
      PublishTime: '2020-07-13T19:42:04.284Z',
      NotificationId: 'd0e9e693-c3ad-4373-979f-ed4ec98dd746',
    },
  },
};
const example = (name: string): any => structuredClone(EXAMPLES[name]);

describe('Amazon pushes: Notifications API subscription and parsing of the notifications', () => {
  let sandbox: Sandbox;
  let sqs: SQSClient;
  let queue: { url: string; arn: string };
  let creds: ReturnType<Sandbox['createAccount']>;
  const adapterFor = (sellerId: string | null) =>
    new AmazonAdapter(
      sandbox.amazonBaseUrl,
      { marketplaceId: creds.marketplaceId!, sellerId },
      {
        clientId: creds.clientId,
        clientSecret: creds.clientSecret,
        refreshToken: creds.refreshToken!,
        lwaEndpoint: `${sandbox.amazonBaseUrl}/auth/o2/token`,
      },
    );
  const target = () => ({ webhookUrl: '', webhookSecret: '', queueArn: queue.arn });

  beforeAll(async () => {
    sandbox = await createSandbox({ clock: new Date('2026-12-04T09:00:00.000Z'), throttling: false });
    creds = sandbox.createAccount('AMAZON');
    queue = sandbox.createQueue('hub-notifications');
    sqs = new SQSClient({
      endpoint: sandbox.sqsEndpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    });
  }, 30_000);
  afterAll(async () => {
    sqs.destroy();
    await sandbox.close();
  });

  async function received() {
    const { Messages } = await sqs.send(
      new ReceiveMessageCommand({ QueueUrl: queue.url, MaxNumberOfMessages: 10, WaitTimeSeconds: 0 }),
    );
    return (Messages ?? []).map((m) => parseAmazonPush(JSON.parse(m.Body!)));
  }

  it('subscribes ORDER_CHANGE and FULFILLMENT_ORDER_STATUS to the queue, reusing its destination', async () => {
    const adapter = adapterFor(creds.sellerId);
    const ref = await adapter.push.subscribe(target());
    expect(ref).toMatchObject({ accountKey: creds.sellerId, destinationId: expect.any(String) });
    expect(ref.subscriptionIds).toHaveLength(2);
    expect(await adapter.push.subscribe(target())).toEqual(ref);

    const { orderIds } = sandbox.generateOrders({ accountId: creds.accountId, count: 1, seed: 5 });
    expect(await received()).toEqual([
      {
        accountKey: creds.sellerId,
        events: [expect.objectContaining({ channelOrderId: orderIds[0], mcfOrderId: null })],
      },
    ]);
    await adapter.push.sendTest(ref);
    expect((await received()).map((p) => p.events[0].channelOrderId)).toEqual([orderIds[0]]);

    await adapter.push.unsubscribe(ref);
    await adapter.push.unsubscribe(ref);
    sandbox.generateOrders({ accountId: creds.accountId, count: 1, seed: 6 });
    expect(await received()).toEqual([]);
    expect(sandbox.contractViolations().responses).toEqual([]);
  });

  it('refuses to subscribe an account without its seller id, naming sellerId', async () => {
    const refusal = adapterFor(null).push.subscribe(target());
    await expect(refusal).rejects.toBeInstanceOf(BadUserInputError);
    await expect(refusal).rejects.toThrow(/sellerId/);
  });

  it("reads Amazon's own examples of both notifications", () => {
    expect(parseAmazonPush(example('OrderChangeNotification'))).toEqual({
      accountKey: 'A3TH9S8BH6GOGM',
      events: [
        {
          eventId: 'd0e9e693-c3ad-4373-979f-ed4ec98dd746',
          kind: 'CANCEL_REQUESTED',
          channelOrderId: '903-8868176-2219830',
          mcfOrderId: null,
          occurredAt: new Date('2020-01-11T00:09:53.109Z'),
        },
      ],
    });
    expect(parseAmazonPush(example('FulfillmentOrderStatusNotification'))).toEqual({
      accountKey: 'A3TH9S8BH6GOGM',
      events: [
        {
          eventId: 'd0e9e693-c3ad-4373-979f-ed4ec98dd746',
          kind: 'MCF_STATUS',
          channelOrderId: null,
          mcfOrderId: 'SFOID2345',
          occurredAt: new Date('2020-07-13T19:42:04.284Z'),
        },
      ],
    });
    const statusChange = example('OrderChangeNotification');
    statusChange.Payload.OrderChangeNotification.OrderChangeType = 'OrderStatusChange';
    statusChange.Payload.OrderChangeNotification.Summary.OrderStatus = 'Shipped';
    expect(parseAmazonPush(statusChange).events[0].kind).toBe('ORDER_CHANGED');
  });

  it('names what a notification it cannot read lacks', () => {
    const reason = (body: unknown) => {
      try {
        parseAmazonPush(body);
      } catch (err) {
        expect(err).toBeInstanceOf(PushParseError);
        return (err as PushParseError).reason;
      }
      throw new Error('parsed');
    };
    expect(reason('not json object')).toBe('body is missing or not an object');
    const noSeller = example('OrderChangeNotification');
    delete noSeller.Payload.OrderChangeNotification.SellerId;
    expect(reason(noSeller)).toBe('Payload.OrderChangeNotification.SellerId is missing');
    const noId = example('FulfillmentOrderStatusNotification');
    delete noId.NotificationMetadata.NotificationId;
    expect(reason(noId)).toBe('NotificationMetadata.NotificationId is missing');
    expect(reason({ ...example('OrderChangeNotification'), NotificationType: 'ANY_OFFER_CHANGED' })).toContain(
      'NotificationType ANY_OFFER_CHANGED',
    );
    expect(reason({ ...example('OrderChangeNotification'), EventTime: 'yesterday' })).toBe(
      'EventTime is not a date-time',
    );
  });
});
