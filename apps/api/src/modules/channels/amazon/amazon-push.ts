import type { ChannelPushEvent, PushEventKind } from '@order-hub/types';
import { BadUserInputError } from 'src/common/errors/app-error';
import { ChannelError } from 'src/modules/channels/channel-error';
import {
  type ChannelPushClient,
  type ChannelPushDescriptor,
  type ParsedPush,
  PushParseError,
  pushObject,
  pushText,
  type PushJson,
  type PushSubscriptionRef,
  type PushTarget,
} from 'src/modules/channels/channel-push';
import type { AmazonClient } from './amazon-client';

const BASE = '/notifications/v1';
/** ORDER_CHANGE for the seller's orders; FULFILLMENT_ORDER_STATUS for its MCF orders (tracking reaches Walmart sooner). */
export const AMAZON_NOTIFICATION_TYPES = ['ORDER_CHANGE', 'FULFILLMENT_ORDER_STATUS'] as const;
/** The payload version both types publish (Notifications API v1 use case guide, notification type values). */
const PAYLOAD_VERSION = '1.0';
const DESTINATION_NAME = 'order-hub';

interface Destination {
  destinationId: string;
  resource?: { sqs?: { arn?: string } };
}

interface Subscription {
  subscriptionId: string;
  destinationId: string;
}

/**
 * An account's notifications through Amazon's Notifications API v1 (notifications.json): one SQS destination for
 * the hub's queue (reused when Amazon already has one for that ARN) and a subscription per notification type.
 * Deliveries are routed to the account by SellerId, so the account's sellerId credential is required.
 */
export class AmazonPushClient implements ChannelPushClient {
  constructor(
    private readonly client: AmazonClient,
    private readonly sellerId: string | null,
  ) {}

  async subscribe(target: PushTarget): Promise<PushSubscriptionRef> {
    const sellerId = this.sellerId;
    if (!sellerId)
      throw new BadUserInputError(
        'sellerId',
        "The account has no Amazon seller id: add its merchant token (Seller Central > Account info) as the credential sellerId; Amazon's notifications name the seller by it",
      );
    if (!target.queueArn)
      throw new BadUserInputError('PUSH_QUEUE_ARN', 'PUSH_QUEUE_ARN is not set: Amazon needs a queue to send to.');
    const destinationId = await this.destinationFor(target.queueArn);
    const subscriptionIds: string[] = [];
    for (const type of AMAZON_NOTIFICATION_TYPES) subscriptionIds.push(await this.subscription(type, destinationId));
    return { subscriptionIds, destinationId, accountKey: sellerId };
  }

  /** Subscription ids are kept in AMAZON_NOTIFICATION_TYPES order, so each id's type is known. */
  async unsubscribe(ref: PushSubscriptionRef): Promise<void> {
    for (const [i, id] of ref.subscriptionIds.entries()) {
      const type = AMAZON_NOTIFICATION_TYPES[i];
      if (!type) continue;
      await this.client
        .delete('deleteSubscriptionById', `${BASE}/subscriptions/${type}/${encodeURIComponent(id)}`)
        .catch(ignoreNotFound);
    }
  }

  /**
   * sendTestNotification for ORDER_CHANGE (one notification proves the queue path). The model documents it as a
   * sandbox-only operation: against production Amazon refuses it, and that refusal is shown in the channel's words.
   */
  async sendTest(ref: PushSubscriptionRef): Promise<void> {
    if (!ref.destinationId) throw new BadUserInputError('accountId', 'The account has no Amazon destination.');
    await this.client.post('sendTestNotification', `${BASE}/subscriptions/ORDER_CHANGE/testNotification`, {
      destinationId: ref.destinationId,
      testNotification: { payloadVersion: PAYLOAD_VERSION },
    });
  }

  private async destinationFor(arn: string): Promise<string> {
    const list = await this.client.get('getDestinations', `${BASE}/destinations`);
    const existing = ((list.body as { payload?: Destination[] } | null)?.payload ?? []).find(
      (d) => d.resource?.sqs?.arn === arn,
    );
    if (existing) return existing.destinationId;
    const created = await this.client.post('createDestination', `${BASE}/destinations`, {
      name: DESTINATION_NAME,
      resourceSpecification: { sqs: { arn } },
    });
    return payloadOf<Destination>(created.body, 'createDestination').destinationId;
  }

  /** Amazon keeps one subscription per type: one already there for our destination is kept, another replaced. */
  private async subscription(type: string, destinationId: string): Promise<string> {
    const current = await this.client
      .get('getSubscription', `${BASE}/subscriptions/${type}`)
      .then((res) => payloadOf<Subscription>(res.body, 'getSubscription'))
      .catch((err: unknown) => ignoreNotFound(err));
    if (current?.destinationId === destinationId) return current.subscriptionId;
    if (current)
      await this.client
        .delete('deleteSubscriptionById', `${BASE}/subscriptions/${type}/${encodeURIComponent(current.subscriptionId)}`)
        .catch(ignoreNotFound);
    const created = await this.client.post('createSubscription', `${BASE}/subscriptions/${type}`, {
      payloadVersion: PAYLOAD_VERSION,
      destinationId,
    });
    return payloadOf<Subscription>(created.body, 'createSubscription').subscriptionId;
  }
}

function ignoreNotFound(err: unknown): undefined {
  if (err instanceof ChannelError && err.kind === 'NOT_FOUND') return undefined;
  throw err;
}

function payloadOf<T>(body: unknown, operation: string): T {
  const payload = (body as { payload?: T } | null)?.payload;
  if (!payload)
    throw new ChannelError('AMAZON', 'SERVER', `Amazon answered ${operation} without a payload`, { operation });
  return payload;
}

function dateOf(value: unknown, path: string): Date | null {
  if (value === undefined || value === null) return null;
  const date = typeof value === 'string' ? new Date(value) : null;
  if (!date || Number.isNaN(date.getTime())) throw new PushParseError(`${path} is not a date-time`);
  return date;
}

/** A buyer's cancel request; a new order (nothing shipped, still Pending or Unshipped) is a creation. */
function orderChangeKind(change: PushJson): PushEventKind {
  const summary = typeof change.Summary === 'object' && change.Summary !== null ? (change.Summary as PushJson) : {};
  const items = Array.isArray(summary.OrderItems) ? (summary.OrderItems as PushJson[]) : [];
  if (change.OrderChangeType === 'BuyerRequestedChange' && items.some((i) => i.IsBuyerRequestedCancel === true))
    return 'CANCEL_REQUESTED';
  const open = summary.OrderStatus === 'Pending' || summary.OrderStatus === 'Unshipped';
  if (change.OrderChangeType === 'OrderStatusChange' && open && !summary.NumberOfItemsShipped) return 'ORDER_CREATED';
  return 'ORDER_CHANGED';
}

/**
 * Reads one SQS message body: an ORDER_CHANGE (OrderChangeNotification.json) or FULFILLMENT_ORDER_STATUS
 * (FulfillmentOrderStatusNotification.json) notification. NotificationMetadata.NotificationId dedupes; the SellerId
 * routes it to the account.
 */
export function parseAmazonPush(body: unknown): ParsedPush {
  const note = pushObject(body, 'body');
  const type = pushText(note, 'NotificationType', 'body');
  const eventId = pushText(
    pushObject(note.NotificationMetadata, 'NotificationMetadata'),
    'NotificationId',
    'NotificationMetadata',
  );
  const payload = pushObject(note.Payload, 'Payload');
  const occurredAt = dateOf(note.EventTime, 'EventTime');
  let event: ChannelPushEvent;
  let sellerId: string;
  if (type === 'ORDER_CHANGE') {
    const path = 'Payload.OrderChangeNotification';
    const change = pushObject(payload.OrderChangeNotification, path);
    sellerId = pushText(change, 'SellerId', path);
    event = {
      eventId,
      kind: orderChangeKind(change),
      channelOrderId: pushText(change, 'AmazonOrderId', path),
      mcfOrderId: null,
      occurredAt,
    };
  } else if (type === 'FULFILLMENT_ORDER_STATUS') {
    const path = 'Payload.FulfillmentOrderStatusNotification';
    const status = pushObject(payload.FulfillmentOrderStatusNotification, path);
    sellerId = pushText(status, 'SellerId', path);
    event = {
      eventId,
      kind: 'MCF_STATUS',
      channelOrderId: null,
      mcfOrderId: pushText(status, 'SellerFulfillmentOrderId', path),
      occurredAt,
    };
  } else {
    throw new PushParseError(
      `NotificationType ${type} is not one the hub subscribes to (ORDER_CHANGE, FULFILLMENT_ORDER_STATUS)`,
    );
  }
  return { accountKey: sellerId, events: [event] };
}

/** Amazon notifications arrive in the hub's SQS queue, as JSON message bodies. */
export const amazonPush: ChannelPushDescriptor = {
  transport: 'QUEUE',
  parse: parseAmazonPush,
};
