import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, LessThan, Not, IsNull, type EntityManager } from 'typeorm';
import type { TrackerSnapshot } from 'src/modules/carrier-tracking/provider/tracking-provider';
import { TrackingWebhookEventEntity } from './tracking-webhook-event.entity';

/** A stored webhook event waiting to be applied. */
export interface PendingTrackingEvent {
  id: string;
  provider: string;
  snapshot: TrackerSnapshot;
}

/** INSERTs of the inbox running at once; more posts wait for one of them to finish and share the next. */
const MAX_INSERTS_IN_FLIGHT = 2;

const date = (v: unknown): Date | null => (v === null || v === undefined ? null : new Date(v as string));

/** The snapshot as stored in jsonb (dates as ISO strings), with its dates back. */
function revive(stored: unknown): TrackerSnapshot {
  const s = stored as TrackerSnapshot;
  return {
    ...s,
    updatedAt: date(s.updatedAt)!,
    estDeliveryAt: date(s.estDeliveryAt),
    initialDeliveryAttemptAt: date(s.initialDeliveryAttemptAt),
    details: s.details.map((d) => ({ ...d, at: date(d.at)! })),
  };
}

/** The tracking_webhook_event table (the webhook inbox): every read and write of it goes through here. */
@Injectable()
export class TrackingWebhookInboxRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  private events(em?: EntityManager) {
    return (em ?? this.ds.manager).getRepository(TrackingWebhookEventEntity);
  }

  /**
   * Posts waiting for the next INSERT: concurrent webhooks share one statement and one commit. At most
   * MAX_INSERTS_IN_FLIGHT run at a time; posts arriving meanwhile gather for the next one (fewer, larger commits).
   */
  private waiting: {
    id: string;
    provider: string;
    snapshot: TrackerSnapshot;
    done: (stored: boolean) => void;
    fail: (err: unknown) => void;
  }[] = [];
  private inFlight = 0;

  /** Stores a verified event; false when the event id was stored before (a retried delivery). */
  store(id: string, provider: string, snapshot: TrackerSnapshot): Promise<boolean> {
    return new Promise((done, fail) => {
      this.waiting.push({ id: id.slice(0, 64), provider, snapshot, done, fail });
      if (this.waiting.length === 1 && this.inFlight < MAX_INSERTS_IN_FLIGHT) setImmediate(() => void this.flush());
    });
  }

  private async flush(): Promise<void> {
    const posts = this.waiting;
    if (posts.length === 0) return;
    this.waiting = [];
    this.inFlight += 1;
    const first = new Map<string, (typeof posts)[number]>();
    for (const p of posts) if (!first.has(p.id)) first.set(p.id, p);
    const rows = [...first.values()];
    try {
      const params = rows.flatMap((r) => [r.id, r.provider, JSON.stringify(r.snapshot)]);
      const values = rows.map((_, i) => `($${i * 3 + 1}, $${i * 3 + 2}, $${i * 3 + 3}::jsonb)`).join(', ');
      const stored: { id: string }[] = await this.ds.query(
        `INSERT INTO tracking_webhook_event (id, provider, snapshot) VALUES ${values} ON CONFLICT (id) DO NOTHING RETURNING id`,
        params,
      );
      const ids = new Set(stored.map((r) => r.id));
      for (const p of posts) p.done(first.get(p.id) === p && ids.has(p.id));
    } catch (err) {
      for (const p of posts) p.fail(err);
    } finally {
      this.inFlight -= 1;
      if (this.waiting.length > 0) void this.flush();
    }
  }

  /** The oldest pending events, locked for the caller's transaction (another process skips them). */
  async claimPending(em: EntityManager, limit: number): Promise<PendingTrackingEvent[]> {
    const rows: { id: string; provider: string; snapshot: unknown }[] = await em.query(
      `SELECT id, provider, snapshot FROM tracking_webhook_event WHERE processed_at IS NULL
        ORDER BY received_at LIMIT $1 FOR UPDATE SKIP LOCKED`,
      [limit],
    );
    return rows.map((r) => ({ id: r.id, provider: r.provider, snapshot: revive(r.snapshot) }));
  }

  async markProcessed(em: EntityManager, ids: readonly string[], at: Date): Promise<void> {
    if (ids.length) await this.events(em).update({ id: In([...ids]) }, { processedAt: at });
  }

  /** Forgets events about parcels the hub does not follow: nothing of them is kept. */
  async remove(em: EntityManager, ids: readonly string[]): Promise<void> {
    if (ids.length) await this.events(em).delete({ id: In([...ids]) });
  }

  async hasPending(): Promise<boolean> {
    const rows: unknown[] = await this.ds.query(
      `SELECT 1 FROM tracking_webhook_event WHERE processed_at IS NULL LIMIT 1`,
    );
    return rows.length > 0;
  }

  /** Drops applied events received before `before` (the provider retries for days, not weeks). */
  async prune(before: Date): Promise<number> {
    const result = await this.events().delete({ processedAt: Not(IsNull()), receivedAt: LessThan(before) });
    return result.affected ?? 0;
  }
}
