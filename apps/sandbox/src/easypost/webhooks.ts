import { createHmac, randomBytes } from 'node:crypto';
import { eventBody, iso } from './serialize';
import type { DeliveryAttempt, EventRecord, PendingDelivery, WebhookRecord } from './types';

export const MAX_ATTEMPTS = 6;
const FIRST_RETRY_MS = 60_000;
const POST_TIMEOUT_MS = 5_000;
const CONCURRENCY = 16;
const ATTEMPTS_KEPT = 10_000;

/** `hmac-sha256-hex=<hex>` of the raw body under the NFKD-normalised secret, as EasyPost signs (X-Hmac-Signature). */
export function signature(body: string, secret: string): string {
  const hex = createHmac('sha256', Buffer.from(secret.normalize('NFKD'), 'utf8'))
    .update(body, 'utf8')
    .digest('hex');
  return `hmac-sha256-hex=${hex}`;
}

export interface DeliveryCounts {
  attempted: number;
  delivered: number;
  failed: number;
  /** Posts still waiting (retries not yet due). */
  pending: number;
}

/**
 * Registered webhooks and the posts owed to them. A post that fails (non-2xx, refused, no answer in 5 s) is
 * retried after 1, 2, 4, 8, 16 minutes of sandbox time, up to six attempts, as EasyPost retries.
 */
export class WebhookDispatcher {
  readonly webhooks = new Map<string, WebhookRecord>();
  pending: PendingDelivery[] = [];
  private attempts: DeliveryAttempt[] = [];

  create(url: string, secret: string | null, now: number): WebhookRecord {
    const hook: WebhookRecord = {
      id: `hook_${randomBytes(16).toString('hex')}`,
      url,
      secret,
      createdAt: now,
      disabledAt: null,
    };
    this.webhooks.set(hook.id, hook);
    return hook;
  }

  remove(id: string): boolean {
    this.pending = this.pending.filter((p) => p.webhookId !== id);
    return this.webhooks.delete(id);
  }

  /** Owes the event to every webhook registered now. */
  enqueue(event: EventRecord, now: number): void {
    for (const hook of this.webhooks.values()) {
      if (hook.disabledAt === null)
        this.pending.push({ eventId: event.id, webhookId: hook.id, attempt: 1, dueAt: now });
    }
  }

  deliveries(): readonly DeliveryAttempt[] {
    return this.attempts;
  }

  /** Posts every delivery due at `now` (sandbox time); failures are rescheduled. */
  async deliverDue(
    now: number,
    eventOf: (id: string) => EventRecord | undefined,
    mode: 'test' | 'production',
  ): Promise<DeliveryCounts> {
    const due = this.pending.filter((p) => p.dueAt <= now);
    this.pending = this.pending.filter((p) => p.dueAt > now);
    const counts: DeliveryCounts = { attempted: 0, delivered: 0, failed: 0, pending: 0 };
    for (let i = 0; i < due.length; i += CONCURRENCY) {
      await Promise.all(
        due.slice(i, i + CONCURRENCY).map(async (delivery) => {
          const hook = this.webhooks.get(delivery.webhookId);
          const event = eventOf(delivery.eventId);
          if (!hook || !event) return;
          counts.attempted += 1;
          const attempt = await this.post(hook, event, delivery, mode, now);
          if (attempt.ok) {
            counts.delivered += 1;
            if (!event.completedUrls.includes(hook.url)) event.completedUrls.push(hook.url);
          } else {
            counts.failed += 1;
            if (delivery.attempt < MAX_ATTEMPTS)
              this.pending.push({
                ...delivery,
                attempt: delivery.attempt + 1,
                dueAt: now + FIRST_RETRY_MS * 2 ** (delivery.attempt - 1),
              });
          }
        }),
      );
    }
    counts.pending = this.pending.length;
    return counts;
  }

  private async post(
    hook: WebhookRecord,
    event: EventRecord,
    delivery: PendingDelivery,
    mode: 'test' | 'production',
    now: number,
  ): Promise<DeliveryAttempt> {
    const body = eventBody({
      description: event.description,
      mode,
      previous_attributes: event.previousStatus === null ? {} : { status: event.previousStatus },
      created_at: new Date(event.createdAt).toISOString(),
      pending_urls: [...this.webhooks.values()].map((h) => h.url).filter((u) => !event.completedUrls.includes(u)),
      completed_urls: event.completedUrls,
      updated_at: new Date(event.createdAt).toISOString(),
      id: event.id,
      user_id: 'user_sandbox',
      status: 'pending',
      object: 'Event',
      result: event.result,
    });
    const headers: Record<string, string> = {
      'Content-Type': 'application/json',
      'User-Agent': 'EasyPost WebHook Agent 1.0',
    };
    if (hook.secret) headers['X-Hmac-Signature'] = signature(body, hook.secret);
    const record: DeliveryAttempt = {
      url: hook.url,
      webhookId: hook.id,
      eventId: event.id,
      description: event.description,
      attempt: delivery.attempt,
      status: null,
      ok: false,
      at: iso(now),
    };
    try {
      const res = await fetch(hook.url, {
        method: 'POST',
        headers,
        body,
        signal: AbortSignal.timeout(POST_TIMEOUT_MS),
      });
      await res.arrayBuffer().catch(() => undefined);
      record.status = res.status;
      record.ok = res.ok;
    } catch (error) {
      record.error = error instanceof Error ? error.message : String(error);
    }
    this.attempts.push(record);
    if (this.attempts.length > ATTEMPTS_KEPT) this.attempts.splice(0, this.attempts.length - ATTEMPTS_KEPT);
    return record;
  }
}
