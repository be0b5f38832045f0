import { createHmac, timingSafeEqual } from 'node:crypto';
import type { ChannelPushEvent, PushEventKind } from '@order-hub/types';
import { ChannelError } from 'src/modules/channels/channel-error';
import {
  type ChannelPushClient,
  type ChannelPushDescriptor,
  type ParsedPush,
  PushParseError,
  pushObject,
  pushText,
  type PushSubscriptionRef,
  type PushTarget,
} from 'src/modules/channels/channel-push';
import type { WalmartClient } from './walmart-client';

/** The header Walmart puts the HMAC in: the subscription's authDetails.authHeaderName, chosen by the hub. */
export const WALMART_SIGNATURE_HEADER = 'X-OrderHub-Signature';

/**
 * Walmart's order management event (shared/docs/reference/walmart.md "Auto-cancellation rule"): one envelope,
 * ORDER_UPDATES, replacing the standalone order webhooks retired on 2026-12-15.
 */
const ORDER_EVENT = { eventType: 'ORDER_UPDATES', eventVersion: 'V1', resourceName: 'ORDER' } as const;

const KINDS: Record<string, PushEventKind> = {
  PO_CREATED: 'ORDER_CREATED',
  INTENT_TO_CANCEL: 'CANCEL_REQUESTED',
  FRAUD_CANCEL: 'FRAUD_CANCELLED',
  PO_LINE_AUTOCANCELLED: 'LINE_AUTO_CANCELLED',
};

/** Where and how Walmart is to deliver: HMAC-SHA256 of the body under the account's secret, in our header. */
function destination(target: PushTarget) {
  return {
    ...ORDER_EVENT,
    eventUrl: target.webhookUrl,
    headers: { 'content-type': 'application/json' },
    authDetails: { authMethod: 'HMAC', authHeaderName: WALMART_SIGNATURE_HEADER, clientSecret: target.webhookSecret },
  };
}

/** An account's ORDER_UPDATES subscription through Walmart's Notifications API (notifications.openapi.json). */
export class WalmartPushClient implements ChannelPushClient {
  constructor(private readonly client: WalmartClient) {}

  async subscribe(target: PushTarget): Promise<PushSubscriptionRef> {
    const res = await this.client.post('webhooks', '/v3/webhooks/subscriptions', {
      events: [{ ...destination(target), status: 'ACTIVE' }],
    });
    const records = (res.body as { event?: { subscriptionId?: unknown }[] } | null)?.event ?? [];
    const ids = records.map((r) => r.subscriptionId).filter((id): id is string => typeof id === 'string' && id !== '');
    if (ids.length === 0)
      throw new ChannelError('WALMART', 'SERVER', 'Walmart answered the subscription without a subscriptionId', {
        operation: 'webhooks',
        status: res.status,
        responseBody: res.body,
      });
    return { subscriptionIds: ids, destinationId: null, accountKey: null };
  }

  async unsubscribe(ref: PushSubscriptionRef): Promise<void> {
    for (const id of ref.subscriptionIds) {
      await this.client.delete('webhooks', `/v3/webhooks/subscriptions/${encodeURIComponent(id)}`).catch((err) => {
        if (!(err instanceof ChannelError && err.kind === 'NOT_FOUND')) throw err;
      });
    }
  }

  /** Walmart posts a test event to the URL now and answers only when the hub accepted it. */
  async sendTest(_ref: PushSubscriptionRef, target: PushTarget): Promise<void> {
    await this.client.post('webhooks', '/v3/webhooks/test', destination(target));
  }
}

function headerValue(headers: Record<string, string | string[] | undefined>, name: string): string | undefined {
  const value = headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

/** Walmart's model says "HMACSHA256 of complete response, using clientSecret as key" without an encoding: hex or base64. */
export function verifyWalmartSignature(
  headers: Record<string, string | string[] | undefined>,
  rawBody: Buffer,
  secret: string,
): boolean {
  const given = headerValue(headers, WALMART_SIGNATURE_HEADER)?.trim();
  if (!given) return false;
  const expected = createHmac('sha256', secret).update(rawBody).digest();
  const presented = /^[0-9a-f]{64}$/i.test(given) ? Buffer.from(given, 'hex') : Buffer.from(given, 'base64');
  return presented.length === expected.length && timingSafeEqual(presented, expected);
}

/**
 * Reads one ORDER_UPDATES delivery: source.eventId dedupes, payload.subEventType says what happened, and
 * payload.order.purchaseOrderId names the order to read. An envelope with no order is Walmart's test event.
 */
export function parseWalmartPush(body: unknown): ParsedPush {
  const envelope = pushObject(body, 'body');
  const source = pushObject(envelope.source, 'source');
  const eventId = pushText(source, 'eventId', 'source');
  const eventType = pushText(source, 'eventType', 'source');
  const time = typeof source.eventTime === 'string' ? new Date(source.eventTime) : null;
  if (time && Number.isNaN(time.getTime())) throw new PushParseError('source.eventTime is not a date-time');
  const payload = pushObject(envelope.payload, 'payload');
  const base = { eventId, mcfOrderId: null, occurredAt: time };
  if (payload.order === undefined)
    return { accountKey: null, events: [{ ...base, kind: 'TEST', channelOrderId: null }] };
  const order = pushObject(payload.order, 'payload.order');
  const channelOrderId = pushText(order, 'purchaseOrderId', 'payload.order');
  const sub = typeof payload.subEventType === 'string' ? payload.subEventType : eventType;
  const event: ChannelPushEvent = { ...base, kind: KINDS[sub] ?? 'ORDER_CHANGED', channelOrderId };
  return { accountKey: null, events: [event] };
}

export const walmartPush: ChannelPushDescriptor = {
  transport: 'WEBHOOK',
  verifyWebhook: verifyWalmartSignature,
  parse: parseWalmartPush,
};
