import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { SandboxContext } from '../../context';
import type { AccountData } from '../../state/types';
import { invalidContent } from '../errors';
import { post } from './sender';
import { EVENT_TYPES, type WalmartSubscription, destination, publicAuth } from './subscriptions';

type Body = Record<string, unknown>;
type Query = Record<string, string | undefined>;
type SubscriptionParams = { subscriptionId: string };

function account(request: FastifyRequest): AccountData {
  if (!request.account) throw new Error('walmart route reached without an authenticated account');
  return request.account;
}

function record(sub: WalmartSubscription, withIds: boolean) {
  const auth = publicAuth(sub.authDetails);
  return {
    eventType: sub.eventType,
    ...(withIds ? { subscriptionId: sub.subscriptionId, partnerId: sub.partnerId } : {}),
    eventVersion: sub.eventVersion,
    resourceName: sub.resourceName,
    eventUrl: sub.eventUrl,
    ...(auth ? { authDetails: auth } : {}),
    ...(sub.headers ? { headers: sub.headers } : {}),
    status: sub.status,
  };
}

/** Walmart's Notifications API (shared/specs/walmart/notifications.openapi.json). */
export function registerWalmartNotificationRoutes(app: FastifyInstance, ctx: SandboxContext): void {
  const hooks = ctx.walmartWebhooks;
  const config = { walmartGroup: 'webhooks' as const };

  app.get('/v3/webhooks/eventTypes', { config }, () => ({ eventTypes: EVENT_TYPES.map((t) => ({ ...t })) }));

  // The model lists subscriptions without their ids (getAllSubscriptions answers CreateSubscriptionRequest records).
  app.get<{ Querystring: Query }>('/v3/webhooks/subscriptions', { config }, (request) => {
    const q = request.query;
    const events = hooks.subscriptions
      .list(account(request).account.id)
      .filter(
        (s) =>
          (!q.subscriptionId || s.subscriptionId === q.subscriptionId) &&
          (!q.eventType || s.eventType === q.eventType) &&
          (!q.resourceName || s.resourceName === q.resourceName) &&
          (!q.status || s.status === q.status),
      );
    return { events: events.map((s) => record(s, false)) };
  });

  app.post('/v3/webhooks/subscriptions', { config }, (request) => {
    const data = account(request);
    const created = hooks.subscriptions.create(
      data.account.id,
      data.account.walmart?.sellerId ?? '',
      (request.body ?? {}) as Body,
    );
    return { event: created.map((s) => record(s, true)) };
  });

  app.patch<{ Params: SubscriptionParams }>('/v3/webhooks/subscriptions/:subscriptionId', { config }, (request) => {
    const sub = hooks.subscriptions.update(
      account(request).account.id,
      request.params.subscriptionId,
      (request.body ?? {}) as Body,
    );
    return { event: [record(sub, true)] };
  });

  app.delete<{ Params: SubscriptionParams }>('/v3/webhooks/subscriptions/:subscriptionId', { config }, (request) => {
    hooks.subscriptions.delete(account(request).account.id, request.params.subscriptionId);
    return { subscriptionId: request.params.subscriptionId, message: 'Successfully deleted subscription' };
  });

  // Walmart validates the destination by posting a test event to it now; a destination that refuses fails the call.
  app.post('/v3/webhooks/test', { config }, async (request) => {
    const data = account(request);
    const target = destination((request.body ?? {}) as Body, '');
    const body = JSON.stringify({
      source: {
        eventType: target.eventType,
        eventVersion: target.eventVersion,
        eventTime: ctx.clock.nowDate().toISOString(),
        eventId: randomUUID(),
      },
      payload: {
        partnerId: data.account.walmart?.sellerId ?? '',
        message: `Test notification for ${target.eventType}`,
      },
    });
    const result = await post(target, body);
    if (!result.ok)
      throw invalidContent(
        'eventUrl',
        `eventUrl could not be validated: the test notification was answered ${result.status ?? result.error}`,
      );
    return { message: 'Eventurl successfully validated' };
  });
}
