import type { FastifyInstance } from 'fastify';
import type { SandboxContext } from '../../context';
import { AmazonError, invalidInput } from '../errors';
import { account } from '../orders/orders.routes';
import { enumValue, obj, req } from '../validate';
import { NOTIFICATION_TYPES, type NotificationType, type Subscription } from './notifications';

const BASE = '/notifications/v1';
/** The payload version each supported notification type publishes (Notification Type Values). */
const PAYLOAD_VERSION = '1.0';

type TypeParams = { notificationType: string };

function notificationType(value: string): NotificationType {
  return enumValue(value, 'notificationType', NOTIFICATION_TYPES) as NotificationType;
}

/**
 * processingDirective (optional in the model) is kept and applied but not echoed: the contracts validator closes
 * each `allOf` part of EventFilter separately, so any echoed filter reads as fields beyond the model.
 */
function serializeSubscription(s: Subscription) {
  return { subscriptionId: s.subscriptionId, payloadVersion: s.payloadVersion, destinationId: s.destinationId };
}

/**
 * Notifications API v1 for ORDER_CHANGE and FULFILLMENT_ORDER_STATUS with SQS destinations. The model marks the
 * destination operations and some subscription ones grantless; the sandbox accepts the seller's LWA token for all
 * of them (its token endpoint issues refresh-token grants only), and scopes destinations to that seller's account.
 */
export function registerNotificationRoutes(app: FastifyInstance, ctx: SandboxContext): void {
  const n = ctx.amazonNotifications;

  app.get(`${BASE}/destinations`, { config: { amazonOperation: 'getDestinations' } }, (request) => ({
    payload: n.destinations(account(request).account.id).map((d) => ({
      destinationId: d.destinationId,
      name: d.name,
      resource: { sqs: { arn: d.arn } },
    })),
  }));

  app.post(`${BASE}/destinations`, { config: { amazonOperation: 'createDestination' } }, (request) => {
    const body = obj(request.body, 'body');
    const name = req(body.name, 'name', { max: 256 });
    const spec = obj(body.resourceSpecification, 'resourceSpecification');
    if (spec.eventBridge !== undefined)
      throw invalidInput('resourceSpecification.eventBridge is not offered by this sandbox; use sqs');
    const arn = req(obj(spec.sqs, 'resourceSpecification.sqs').arn, 'resourceSpecification.sqs.arn');
    if (!ctx.sqs.byArn(arn))
      throw invalidInput(`resourceSpecification.sqs.arn ${arn} is not a queue Amazon can send messages to`);
    const d = n.createDestination(account(request).account.id, name, arn);
    return { payload: { destinationId: d.destinationId, name: d.name, resource: { sqs: { arn: d.arn } } } };
  });

  app.get<{ Params: { destinationId: string } }>(
    `${BASE}/destinations/:destinationId`,
    { config: { amazonOperation: 'getDestination' } },
    (request) => {
      const d = n.destination(account(request).account.id, request.params.destinationId);
      return { payload: { destinationId: d.destinationId, name: d.name, resource: { sqs: { arn: d.arn } } } };
    },
  );

  app.delete<{ Params: { destinationId: string } }>(
    `${BASE}/destinations/:destinationId`,
    { config: { amazonOperation: 'deleteDestination' } },
    (request) => {
      n.deleteDestination(account(request).account.id, request.params.destinationId);
      return {};
    },
  );

  app.post<{ Params: TypeParams }>(
    `${BASE}/subscriptions/:notificationType`,
    { config: { amazonOperation: 'createSubscription' } },
    (request) => {
      const type = notificationType(request.params.notificationType);
      const body = obj(request.body, 'body');
      const payloadVersion = req(body.payloadVersion, 'payloadVersion');
      if (payloadVersion !== PAYLOAD_VERSION)
        throw invalidInput(`payloadVersion ${payloadVersion} is not offered for ${type}; use ${PAYLOAD_VERSION}`);
      const destinationId = req(body.destinationId, 'destinationId');
      let processingDirective: Subscription['processingDirective'];
      if (body.processingDirective !== undefined) {
        const directive = obj(body.processingDirective, 'processingDirective');
        const filter = obj(directive.eventFilter, 'processingDirective.eventFilter');
        if (type !== 'ORDER_CHANGE' || filter.eventFilterType !== 'ORDER_CHANGE')
          throw invalidInput(
            `processingDirective.eventFilter.eventFilterType ORDER_CHANGE is the only filter offered, on ORDER_CHANGE`,
          );
        processingDirective = { eventFilter: filter };
      }
      const accountId = account(request).account.id;
      const created = n.createSubscription(accountId, type, { payloadVersion, destinationId, processingDirective });
      if (!created) throw new AmazonError(409, 'Conflict', `A subscription for ${type} already exists for this seller`);
      return { payload: serializeSubscription(created) };
    },
  );

  app.get<{ Params: TypeParams }>(
    `${BASE}/subscriptions/:notificationType`,
    { config: { amazonOperation: 'getSubscription' } },
    (request) => {
      const type = notificationType(request.params.notificationType);
      const subscription = n.subscription(account(request).account.id, type);
      if (!subscription) throw new AmazonError(404, 'NotFound', `No subscription for ${type}`);
      return { payload: serializeSubscription(subscription) };
    },
  );

  app.get<{ Params: TypeParams & { subscriptionId: string } }>(
    `${BASE}/subscriptions/:notificationType/:subscriptionId`,
    { config: { amazonOperation: 'getSubscriptionById' } },
    (request) => {
      const type = notificationType(request.params.notificationType);
      const subscription = n.subscription(account(request).account.id, type);
      if (subscription?.subscriptionId !== request.params.subscriptionId)
        throw new AmazonError(404, 'NotFound', `Subscription ${request.params.subscriptionId} not found for ${type}`);
      return { payload: serializeSubscription(subscription) };
    },
  );

  app.delete<{ Params: TypeParams & { subscriptionId: string } }>(
    `${BASE}/subscriptions/:notificationType/:subscriptionId`,
    { config: { amazonOperation: 'deleteSubscriptionById' } },
    (request) => {
      const type = notificationType(request.params.notificationType);
      n.deleteSubscription(account(request).account.id, type, request.params.subscriptionId);
      return {};
    },
  );

  app.post<{ Params: TypeParams }>(
    `${BASE}/subscriptions/:notificationType/testNotification`,
    { config: { amazonOperation: 'sendTestNotification' } },
    (request) => {
      const type = notificationType(request.params.notificationType);
      const body = obj(request.body, 'body');
      const destinationId = req(body.destinationId, 'destinationId');
      const test = obj(body.testNotification, 'testNotification');
      if (req(test.payloadVersion, 'testNotification.payloadVersion') !== PAYLOAD_VERSION)
        throw invalidInput(`testNotification.payloadVersion must be ${PAYLOAD_VERSION}`);
      n.sendTest(account(request).account.id, type, destinationId);
      return {};
    },
  );
}
