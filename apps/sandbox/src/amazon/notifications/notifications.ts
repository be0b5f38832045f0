import { randomUUID } from 'node:crypto';
import type { SandboxClock } from '../../clock';
import type { SandboxOrderEvent } from '../../push/order-events';
import { Random } from '../../random';
import type { Store } from '../../state/store';
import type { SqsService } from '../../sqs/queues';
import { invalidInput, notFound } from '../errors';
import {
  type EnvelopeMeta,
  type OrderChangeKind,
  fulfillmentOrderStatusNotification,
  orderChangeNotification,
} from './envelopes';

export const NOTIFICATION_TYPES = ['ORDER_CHANGE', 'FULFILLMENT_ORDER_STATUS'] as const;
export type NotificationType = (typeof NOTIFICATION_TYPES)[number];
const DAY_MS = 86_400_000;
const FAULT_NAMES = ['drop', 'duplicate', 'outOfOrder', 'delay24h'];

export interface Destination {
  destinationId: string;
  name: string;
  arn: string;
}

export interface Subscription {
  subscriptionId: string;
  payloadVersion: string;
  destinationId: string;
  processingDirective?: { eventFilter?: Record<string, unknown> };
}

/** Per account: what share of notifications Amazon's delivery loses, repeats, reorders or holds back a day. */
export interface NotificationFaults {
  drop?: number;
  duplicate?: number;
  outOfOrder?: number;
  delay24h?: number;
}

interface AccountNotifications {
  destinations: Map<string, Destination>;
  subscriptions: Map<NotificationType, Subscription>;
  faults: NotificationFaults;
  /** A notification chosen to arrive out of order waits here for the next one. */
  held: { arn: string; body: string }[];
}

/**
 * Amazon's Notifications API state and its sender: order events of an account with an ORDER_CHANGE (or, for MCF,
 * FULFILLMENT_ORDER_STATUS) subscription become notifications in the subscription's SQS queue. In memory only.
 */
export class AmazonNotifications {
  private readonly accounts = new Map<string, AccountNotifications>();
  private readonly random: Random;

  constructor(
    private readonly store: Store,
    private readonly clock: SandboxClock,
    private readonly sqs: SqsService,
    seed: number,
  ) {
    this.random = new Random(seed ^ 0x0a11);
  }

  private of(accountId: string): AccountNotifications {
    let state = this.accounts.get(accountId);
    if (!state) {
      state = { destinations: new Map(), subscriptions: new Map(), faults: {}, held: [] };
      this.accounts.set(accountId, state);
    }
    return state;
  }

  destinations(accountId: string): Destination[] {
    return [...this.of(accountId).destinations.values()];
  }

  /** Amazon refuses a second destination for the same resource (409 in the model). */
  createDestination(accountId: string, name: string, arn: string): Destination {
    const state = this.of(accountId);
    if ([...state.destinations.values()].some((d) => d.arn === arn))
      throw invalidInput(`A destination for ${arn} already exists`);
    const destination = { destinationId: randomUUID(), name, arn };
    state.destinations.set(destination.destinationId, destination);
    return destination;
  }

  destination(accountId: string, destinationId: string): Destination {
    const destination = this.of(accountId).destinations.get(destinationId);
    if (!destination) throw notFound(`Destination ${destinationId} not found`);
    return destination;
  }

  deleteDestination(accountId: string, destinationId: string): void {
    const state = this.of(accountId);
    this.destination(accountId, destinationId);
    if ([...state.subscriptions.values()].some((s) => s.destinationId === destinationId))
      throw invalidInput(`Destination ${destinationId} has subscriptions; delete them first`);
    state.destinations.delete(destinationId);
  }

  subscription(accountId: string, type: NotificationType): Subscription | undefined {
    return this.of(accountId).subscriptions.get(type);
  }

  createSubscription(accountId: string, type: NotificationType, request: Omit<Subscription, 'subscriptionId'>) {
    const state = this.of(accountId);
    this.destination(accountId, request.destinationId);
    if (state.subscriptions.has(type)) return null;
    const subscription: Subscription = { subscriptionId: randomUUID(), ...request };
    state.subscriptions.set(type, subscription);
    return subscription;
  }

  deleteSubscription(accountId: string, type: NotificationType, subscriptionId: string): void {
    const state = this.of(accountId);
    if (state.subscriptions.get(type)?.subscriptionId !== subscriptionId)
      throw notFound(`Subscription ${subscriptionId} not found for ${type}`);
    state.subscriptions.delete(type);
  }

  setFaults(accountId: string, faults: NotificationFaults): NotificationFaults {
    for (const [name, value] of Object.entries(faults))
      if (!FAULT_NAMES.includes(name)) throw new RangeError(`${name} is not a fault; use ${FAULT_NAMES.join(', ')}`);
      else if (typeof value !== 'number' || value < 0 || value > 1)
        throw new RangeError(`${name} must be a probability between 0 and 1`);
    this.of(accountId).faults = { ...faults };
    return faults;
  }

  /** A mock notification of `type` for the account's own newest order (or MCF order), as sendTestNotification sends. */
  sendTest(accountId: string, type: NotificationType, destinationId: string): void {
    const destination = this.destination(accountId, destinationId);
    const data = this.store.require(accountId);
    const sellerId = data.account.amazon?.sellerId ?? '';
    const now = this.clock.now();
    const meta = this.meta(accountId, `test-${type.toLowerCase()}`, now);
    if (type === 'ORDER_CHANGE') {
      const order = [...data.amazonOrders.values()].at(-1);
      if (!order) throw invalidInput('The seller has no order to base an ORDER_CHANGE test notification on');
      this.deliver(accountId, destination.arn, orderChangeNotification(sellerId, order, 'CHANGED', now, meta));
    } else {
      const order = [...data.mcfOrders.values()].at(-1);
      if (!order) throw invalidInput('The seller has no fulfillment order to base a FULFILLMENT_ORDER_STATUS test on');
      this.deliver(accountId, destination.arn, fulfillmentOrderStatusNotification(sellerId, order, now, meta));
    }
  }

  private meta(accountId: string, subscriptionId: string, now: number): EnvelopeMeta {
    return {
      applicationId: `amzn1.sp.solution.${accountId}`,
      subscriptionId,
      notificationId: randomUUID(),
      publishedAt: now,
    };
  }

  onOrderEvent(event: SandboxOrderEvent): void {
    if (event.channel !== 'AMAZON') return;
    const type: NotificationType = event.kind === 'MCF_STATUS' ? 'FULFILLMENT_ORDER_STATUS' : 'ORDER_CHANGE';
    const subscription = this.accounts.get(event.accountId)?.subscriptions.get(type);
    if (!subscription) return;
    const data = this.store.accounts.get(event.accountId);
    const destination = this.accounts.get(event.accountId)?.destinations.get(subscription.destinationId);
    if (!data || !destination) return;
    const sellerId = data.account.amazon?.sellerId ?? '';
    const at = event.at.getTime();
    const meta = this.meta(event.accountId, subscription.subscriptionId, this.clock.now());
    if (type === 'FULFILLMENT_ORDER_STATUS') {
      const order = data.mcfOrders.get(event.orderId);
      if (order)
        this.deliver(event.accountId, destination.arn, fulfillmentOrderStatusNotification(sellerId, order, at, meta));
      return;
    }
    const order = data.amazonOrders.get(event.orderId);
    if (!order || !this.passesFilter(subscription, order.marketplaceId, event.kind)) return;
    this.deliver(
      event.accountId,
      destination.arn,
      orderChangeNotification(sellerId, order, event.kind as OrderChangeKind, at, meta),
    );
  }

  /** ORDER_CHANGE's eventFilter: marketplaceIds and orderChangeTypes narrow what is sent. */
  private passesFilter(subscription: Subscription, marketplaceId: string, kind: SandboxOrderEvent['kind']): boolean {
    const filter = subscription.processingDirective?.eventFilter;
    if (!filter) return true;
    const marketplaces = filter.marketplaceIds as string[] | undefined;
    if (marketplaces && !marketplaces.includes(marketplaceId)) return false;
    const types = filter.orderChangeTypes as string[] | undefined;
    const changeType = kind === 'CANCEL_REQUESTED' ? 'BuyerRequestedChange' : 'OrderStatusChange';
    return !types || types.includes(changeType);
  }

  /** Into the queue the destination names (nothing when it does not exist), with the account's delivery faults. */
  private deliver(accountId: string, arn: string, notification: unknown): void {
    const state = this.of(accountId);
    const queue = this.sqs.byArn(arn);
    if (!queue) return;
    const body = JSON.stringify(notification);
    const faults = state.faults;
    if (this.random.chance(faults.drop ?? 0)) return;
    if (this.random.chance(faults.outOfOrder ?? 0)) {
      state.held.push({ arn, body });
      return;
    }
    const delayMs = this.random.chance(faults.delay24h ?? 0) ? DAY_MS : 0;
    this.sqs.send(queue, body, delayMs);
    if (this.random.chance(faults.duplicate ?? 0)) this.sqs.send(queue, body, delayMs);
    for (const held of state.held.splice(0)) {
      const heldQueue = this.sqs.byArn(held.arn);
      if (heldQueue) this.sqs.send(heldQueue, held.body);
    }
  }
}
