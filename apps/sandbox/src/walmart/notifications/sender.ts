import { createHmac, randomUUID } from 'node:crypto';
import type { SandboxClock } from '../../clock';
import type { SandboxOrderEvent } from '../../push/order-events';
import { Random } from '../../random';
import type { Store } from '../../state/store';
import type { WalmartOrder } from '../../state/types';
import { serializeWalmartOrder } from '../serialize';
import { type Destination, WalmartSubscriptions } from './subscriptions';

export const MAX_ATTEMPTS = 5;
/** Retries after 1, 2, 4, 8 s of sandbox time (Walmart retries failed deliveries; its schedule is not published). */
const FIRST_RETRY_MS = 1_000;
const POST_TIMEOUT_MS = 5_000;
const CONCURRENCY = 16;
const ATTEMPTS_KEPT = 20_000;
/** How often due deliveries are looked for: retries with a real clock, delayed ones after a fixed clock moved. */
const TICK_MS = 250;

type SubEventType = 'PO_CREATED' | 'PO_LINE_AUTOCANCELLED' | 'INTENT_TO_CANCEL' | 'FRAUD_CANCEL';

const SUB_EVENT: Partial<Record<SandboxOrderEvent['kind'], SubEventType>> = {
  CREATED: 'PO_CREATED',
  AUTO_CANCELLED: 'PO_LINE_AUTOCANCELLED',
  CANCEL_REQUESTED: 'INTENT_TO_CANCEL',
  FRAUD_CANCELLED: 'FRAUD_CANCEL',
};

/** Per-account delivery faults (control API): shares in [0, 1] and how late a delayed or reordered push comes. */
export interface WebhookFaults {
  drop?: number;
  duplicate?: number;
  delay?: number;
  /** Default 24 h. */
  delayMs?: number;
  outOfOrder?: number;
  /** A reordered push comes this much later than the ones after it; default 30 s. */
  outOfOrderMs?: number;
}

const SHARES = ['drop', 'duplicate', 'delay', 'outOfOrder'] as const;

export function validateWebhookFaults(faults: WebhookFaults): string | null {
  const known = [...SHARES, 'delayMs', 'outOfOrderMs'];
  const unknown = Object.keys(faults).find((k) => !known.includes(k));
  if (unknown) return `${unknown} is not a webhook fault; use ${known.join(', ')}`;
  for (const field of SHARES) {
    const v = faults[field];
    if (v !== undefined && (typeof v !== 'number' || v < 0 || v > 1)) return `${field} must be a share between 0 and 1`;
  }
  for (const field of ['delayMs', 'outOfOrderMs'] as const) {
    const v = faults[field];
    if (v !== undefined && (!Number.isInteger(v) || v < 0)) return `${field} must be a non-negative integer`;
  }
  return null;
}

interface PendingDelivery {
  accountId: string;
  subscriptionId: string;
  eventId: string;
  subEventType: string;
  purchaseOrderId: string | null;
  body: string;
  attempt: number;
  dueAt: number;
}

export interface DeliveryRecord {
  accountId: string;
  eventId: string;
  subEventType: string;
  purchaseOrderId: string | null;
  url: string;
  attempt: number;
  /** What the fault injection did to it, when anything. */
  fault?: 'dropped' | 'duplicated' | 'delayed' | 'reordered';
  status: number | null;
  ok: boolean;
  error?: string;
  at: string;
}

/** The headers a destination's authDetails ask for: HMAC-SHA256 hex of the raw body, or HTTP Basic. */
export async function authHeaders(destination: Destination, body: string): Promise<Record<string, string>> {
  const auth = destination.authDetails;
  const headers: Record<string, string> = { 'content-type': 'application/json', ...(destination.headers ?? {}) };
  if (!auth) return headers;
  const name = auth.authHeaderName ?? 'Authorization';
  if (auth.authMethod === 'HMAC')
    headers[name] = createHmac('sha256', auth.clientSecret ?? '')
      .update(body, 'utf8')
      .digest('hex');
  if (auth.authMethod === 'BASIC_AUTH')
    headers[name] = `Basic ${Buffer.from(`${auth.userName}:${auth.password}`).toString('base64')}`;
  if (auth.authMethod === 'OAUTH') headers[name] = `Bearer ${await oauthToken(auth.authUrl ?? '', auth)}`;
  return headers;
}

/** OAUTH destinations: a client-credentials token from the seller's authUrl. */
async function oauthToken(url: string, auth: { clientId?: string; clientSecret?: string }): Promise<string> {
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(`${auth.clientId}:${auth.clientSecret}`).toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: 'grant_type=client_credentials',
    signal: AbortSignal.timeout(POST_TIMEOUT_MS),
  });
  const body = (await res.json().catch(() => ({}))) as { access_token?: string };
  if (!res.ok || !body.access_token) throw new Error(`authUrl answered ${res.status} without an access_token`);
  return body.access_token;
}

/** One POST of a body to a destination; never throws. */
export async function post(
  destination: Destination,
  body: string,
): Promise<{ status: number | null; ok: boolean; error?: string }> {
  try {
    const res = await fetch(destination.eventUrl, {
      method: 'POST',
      headers: await authHeaders(destination, body),
      body,
      signal: AbortSignal.timeout(POST_TIMEOUT_MS),
    });
    await res.arrayBuffer().catch(() => undefined);
    return { status: res.status, ok: res.ok };
  } catch (error) {
    return { status: null, ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Walmart's Notifications API state and its webhook deliveries. Order events of sellers with an ACTIVE
 * ORDER_UPDATES subscription become ORDER_UPDATES envelopes, posted promptly (never inside the request that caused
 * them), retried on non-2xx or network errors, and faulted per account as the control API says.
 */
export class WalmartWebhooks {
  readonly subscriptions = new WalmartSubscriptions();
  private pending: PendingDelivery[] = [];
  private readonly attempts: DeliveryRecord[] = [];
  private readonly faults = new Map<string, WebhookFaults>();
  private readonly random = new Random(0x77e6b00c);
  private running: Promise<void> | null = null;
  private again = false;
  private readonly tick: NodeJS.Timeout;

  constructor(
    private readonly clock: SandboxClock,
    private readonly store: Store,
  ) {
    this.tick = setInterval(() => {
      if (this.pending.some((p) => p.dueAt <= this.clock.now())) this.kick();
    }, TICK_MS).unref();
  }

  close(): void {
    clearInterval(this.tick);
    this.pending = [];
  }

  setFaults(accountId: string, faults: WebhookFaults | null): void {
    if (faults) this.faults.set(accountId, faults);
    else this.faults.delete(accountId);
  }

  deliveries(accountId?: string): DeliveryRecord[] {
    return accountId ? this.attempts.filter((a) => a.accountId === accountId) : [...this.attempts];
  }

  pendingCount(accountId?: string): number {
    return accountId ? this.pending.filter((p) => p.accountId === accountId).length : this.pending.length;
  }

  /** The order-event bus listener. */
  onOrderEvent(event: SandboxOrderEvent): void {
    if (event.channel !== 'WALMART') return;
    const subEvent = SUB_EVENT[event.kind];
    if (!subEvent) return;
    const data = this.store.accounts.get(event.accountId);
    const order = data?.walmartOrders.get(event.orderId);
    if (!data || !order) return;
    this.announce(event.accountId, data.account.walmart?.sellerId ?? '', subEvent, order, event.at);
    // Walmart announces a customer's intent to cancel on its own; the sandbox records it when the order is placed.
    if (subEvent === 'PO_CREATED' && order.lines.some((l) => l.intentToCancel))
      this.announce(event.accountId, data.account.walmart?.sellerId ?? '', 'INTENT_TO_CANCEL', order, event.at);
  }

  /** Posts every delivery due now (sandbox time); resolves when they were all tried. */
  deliverDue(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.run().finally(() => {
      this.running = null;
      if (this.again) {
        this.again = false;
        this.kick();
      }
    });
    return this.running;
  }

  private kick(): void {
    setImmediate(() => void this.deliverDue());
  }

  private announce(accountId: string, partnerId: string, subEventType: SubEventType, order: WalmartOrder, at: Date) {
    const subscriptions = this.subscriptions.active(accountId, 'ORDER_UPDATES');
    if (subscriptions.length === 0) return;
    const eventId = randomUUID();
    const body = JSON.stringify({
      source: { eventType: 'ORDER_UPDATES', eventVersion: 'V1', eventTime: at.toISOString(), eventId },
      payload: { subEventType, partnerId, order: serializeWalmartOrder(order) },
    });
    const now = this.clock.now();
    const faults = this.faults.get(accountId) ?? {};
    for (const sub of subscriptions) {
      const delivery: PendingDelivery = {
        accountId,
        subscriptionId: sub.subscriptionId,
        eventId,
        subEventType,
        purchaseOrderId: order.purchaseOrderId,
        body,
        attempt: 1,
        dueAt: now,
      };
      const record = (fault: DeliveryRecord['fault']) =>
        this.log({
          ...this.describe(delivery, sub.eventUrl),
          fault,
          status: null,
          ok: false,
          at: new Date(now).toISOString(),
        });
      if (this.random.chance(faults.drop ?? 0)) {
        record('dropped');
        continue;
      }
      if (this.random.chance(faults.delay ?? 0)) {
        delivery.dueAt = now + (faults.delayMs ?? 24 * 3600_000);
        record('delayed');
      } else if (this.random.chance(faults.outOfOrder ?? 0)) {
        delivery.dueAt = now + (faults.outOfOrderMs ?? 30_000);
        record('reordered');
      }
      this.pending.push(delivery);
      if (this.random.chance(faults.duplicate ?? 0)) {
        this.pending.push({ ...delivery, dueAt: now });
        record('duplicated');
      }
    }
    this.kick();
  }

  private async run(): Promise<void> {
    const now = this.clock.now();
    const due = this.pending.filter((p) => p.dueAt <= now);
    this.pending = this.pending.filter((p) => p.dueAt > now);
    for (let i = 0; i < due.length; i += CONCURRENCY) {
      await Promise.all(due.slice(i, i + CONCURRENCY).map((d) => this.attempt(d)));
    }
  }

  private async attempt(delivery: PendingDelivery): Promise<void> {
    let sub;
    try {
      sub = this.subscriptions.get(delivery.accountId, delivery.subscriptionId);
    } catch {
      return; // deleted since: Walmart stops delivering
    }
    if (sub.status !== 'ACTIVE') return;
    const result = await post(sub, delivery.body);
    this.log({ ...this.describe(delivery, sub.eventUrl), ...result, at: this.clock.nowDate().toISOString() });
    if (!result.ok && delivery.attempt < MAX_ATTEMPTS)
      this.pending.push({
        ...delivery,
        attempt: delivery.attempt + 1,
        dueAt: this.clock.now() + FIRST_RETRY_MS * 2 ** (delivery.attempt - 1),
      });
  }

  private describe(d: PendingDelivery, url: string) {
    return {
      accountId: d.accountId,
      eventId: d.eventId,
      subEventType: d.subEventType,
      purchaseOrderId: d.purchaseOrderId,
      url,
      attempt: d.attempt,
    };
  }

  private log(record: DeliveryRecord): void {
    this.attempts.push(record);
    if (this.attempts.length > ATTEMPTS_KEPT) this.attempts.splice(0, this.attempts.length - ATTEMPTS_KEPT);
  }
}
