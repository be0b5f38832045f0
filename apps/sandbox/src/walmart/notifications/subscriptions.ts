import { randomUUID } from 'node:crypto';
import { WalmartError, invalidContent } from '../errors';
import { nonEmpty, oneOf, text } from '../validate';

/**
 * The event types Walmart's GET /v3/webhooks/eventTypes lists (the model's example) plus the ORDER_UPDATES envelope
 * that replaces the standalone order events on 2026-12-15 (shared/docs/reference/walmart.md "Auto-cancellation rule").
 * The sandbox delivers ORDER_UPDATES only; the others can be subscribed to and are never sent.
 */
export const EVENT_TYPES = [
  {
    resourceName: 'ORDER',
    eventType: 'ORDER_UPDATES',
    eventVersion: 'V1',
    description:
      'Notification for order management events: PO_CREATED, PO_LINE_AUTOCANCELLED, INTENT_TO_CANCEL and FRAUD_CANCEL',
  },
  {
    resourceName: 'ORDER',
    eventType: 'PO_CREATED',
    eventVersion: 'V1',
    description: 'Notification for new purchase order created',
  },
  {
    resourceName: 'ORDER',
    eventType: 'PO_LINE_AUTOCANCELLED',
    eventVersion: 'V1',
    description: 'Notification for purchase order line auto-cancelled',
  },
  {
    resourceName: 'ORDER',
    eventType: 'INTENT_TO_CANCEL',
    eventVersion: 'V1',
    description: 'Notification for customer intent to cancel an order',
  },
  {
    resourceName: 'ITEM',
    eventType: 'OFFER_UNPUBLISHED',
    eventVersion: 'V1',
    description: 'Notification for unpublished offers',
  },
  {
    resourceName: 'PRICE',
    eventType: 'BUY_BOX_CHANGED',
    eventVersion: 'V1',
    description: 'Notification for change in buy box',
  },
  {
    resourceName: 'REPORTS',
    eventType: 'REPORT_STATUS',
    eventVersion: 'V1',
    description: 'Notification for report status',
  },
] as const;

const AUTH_METHODS = ['BASIC_AUTH', 'OAUTH', 'HMAC'] as const;
const STATUSES = ['ACTIVE', 'INACTIVE'] as const;

export interface AuthDetails {
  authMethod: (typeof AUTH_METHODS)[number];
  userName?: string;
  password?: string;
  authHeaderName?: string;
  authUrl?: string;
  clientSecret?: string;
  clientId?: string;
}

/** Where and how Walmart delivers one event type: what a test notification and a subscription share. */
export interface Destination {
  eventType: string;
  eventVersion: string;
  resourceName: string;
  eventUrl: string;
  authDetails?: AuthDetails;
  headers?: Record<string, string>;
}

export interface WalmartSubscription extends Destination {
  subscriptionId: string;
  accountId: string;
  partnerId: string;
  status: 'ACTIVE' | 'INACTIVE';
}

type Input = Record<string, unknown>;

function eventUrl(value: unknown, path: string): string {
  if (typeof value !== 'string') throw invalidContent(path, `${path} is required`);
  let url: URL;
  try {
    url = new URL(text(value, path));
  } catch {
    throw invalidContent(path, `${path} must be an absolute http(s) URL`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw invalidContent(path, `${path} must be an absolute http(s) URL`);
  return value;
}

function authDetails(value: unknown, path: string): AuthDetails | undefined {
  if (value === undefined) return undefined;
  const auth = value as AuthDetails;
  if (auth.authMethod === undefined) throw invalidContent(`${path}.authMethod`, `${path}.authMethod is required`);
  oneOf(auth.authMethod, `${path}.authMethod`, AUTH_METHODS);
  const need = (field: keyof AuthDetails) => {
    const v = auth[field];
    if (v === undefined || v.trim() === '')
      throw invalidContent(`${path}.${field}`, `${path}.${field} is required when authMethod is ${auth.authMethod}`);
  };
  if (auth.authMethod === 'HMAC') (['clientSecret', 'authHeaderName'] as const).forEach(need);
  if (auth.authMethod === 'BASIC_AUTH') (['userName', 'password'] as const).forEach(need);
  if (auth.authMethod === 'OAUTH') (['authUrl', 'clientId', 'clientSecret'] as const).forEach(need);
  if (auth.authUrl !== undefined) eventUrl(auth.authUrl, `${path}.authUrl`);
  return { ...auth };
}

/** The event type, version and resource must be one of Walmart's listed combinations. */
export function destination(input: Input, path: string): Destination {
  const where = path ? `${path}.` : '';
  const type = EVENT_TYPES.find((t) => t.eventType === input.eventType);
  if (!type)
    throw invalidContent(
      `${where}eventType`,
      `${where}eventType ${JSON.stringify(input.eventType)} is not a Walmart event type; GET /v3/webhooks/eventTypes lists them`,
    );
  oneOf(String(input.eventVersion), `${where}eventVersion`, [type.eventVersion]);
  oneOf(String(input.resourceName), `${where}resourceName`, [type.resourceName]);
  return {
    eventType: type.eventType,
    eventVersion: type.eventVersion,
    resourceName: type.resourceName,
    eventUrl: eventUrl(input.eventUrl, `${where}eventUrl`),
    ...(input.authDetails === undefined ? {} : { authDetails: authDetails(input.authDetails, `${where}authDetails`) }),
    ...(input.headers === undefined ? {} : { headers: { ...(input.headers as Record<string, string>) } }),
  };
}

export const subscriptionNotFound = (subscriptionId: string): WalmartError =>
  new WalmartError(
    404,
    'CONTENT_NOT_FOUND.GMP_ORDER_API',
    'subscriptionId',
    `No subscription found for subscriptionId ${subscriptionId}`,
    'DATA',
    'INFO',
  );

/** Every seller's subscriptions (Walmart keeps them per partner). */
export class WalmartSubscriptions {
  private readonly byId = new Map<string, WalmartSubscription>();

  /**
   * Creates each record; a record naming an event type and URL the seller already subscribed is an update of that
   * subscription (Walmart does not document a duplicate's answer; the hub's re-subscribe must not fail on it).
   */
  create(accountId: string, partnerId: string, body: Input): WalmartSubscription[] {
    const events = nonEmpty((body.events as Input[] | undefined) ?? [], 'events');
    const drafts = events.map((e, i) => ({
      ...destination(e, `events[${i}]`),
      status: oneOf(String(e.status), `events[${i}].status`, STATUSES) as WalmartSubscription['status'],
    }));
    return drafts.map((draft) => {
      const same = this.list(accountId).find((s) => s.eventType === draft.eventType && s.eventUrl === draft.eventUrl);
      const sub: WalmartSubscription = {
        ...draft,
        subscriptionId: same?.subscriptionId ?? randomUUID(),
        accountId,
        partnerId,
      };
      this.byId.set(sub.subscriptionId, sub);
      return sub;
    });
  }

  list(accountId: string): WalmartSubscription[] {
    return [...this.byId.values()].filter((s) => s.accountId === accountId);
  }

  get(accountId: string, subscriptionId: string): WalmartSubscription {
    const sub = this.byId.get(subscriptionId);
    if (!sub || sub.accountId !== accountId) throw subscriptionNotFound(subscriptionId);
    return sub;
  }

  update(accountId: string, subscriptionId: string, body: Input): WalmartSubscription {
    const current = this.get(accountId, subscriptionId);
    const merged = { ...current, ...body };
    const next: WalmartSubscription = {
      ...current,
      ...destination(merged, ''),
      status: oneOf(String(merged.status), 'status', STATUSES) as WalmartSubscription['status'],
    };
    this.byId.set(subscriptionId, next);
    return next;
  }

  delete(accountId: string, subscriptionId: string): void {
    this.get(accountId, subscriptionId);
    this.byId.delete(subscriptionId);
  }

  /** The seller's active subscriptions to an event type. */
  active(accountId: string, eventType: string): WalmartSubscription[] {
    return this.list(accountId).filter((s) => s.status === 'ACTIVE' && s.eventType === eventType);
  }
}

/** A subscription as Walmart answers it: secrets are never echoed. */
export function publicAuth(auth: AuthDetails | undefined): Omit<AuthDetails, 'password' | 'clientSecret'> | undefined {
  if (!auth) return undefined;
  const { password: _password, clientSecret: _secret, ...shown } = auth;
  return shown;
}
