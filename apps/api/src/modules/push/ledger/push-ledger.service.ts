import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PUSH_MISSED_GRACE_SECONDS } from '@order-hub/rules';
import type { ChannelPushEvent, PushEventOutcome } from '@order-hub/types';
import { DataSource, type EntityManager } from 'typeorm';
import type { AppConfig } from 'src/config/app-config';
import { InjectConfig } from 'src/config/app-config.token';
import { CredentialsCipher } from 'src/modules/channels/credentials-cipher';
import { PushEventEntity } from './push-event.entity';
import { PushSubscriptionEntity } from './push-subscription.entity';

/** An account's push figures for its status (see PushStatus). */
export interface PushCounts {
  eventsToday: number;
  missedToday: number;
  missedLast7Days: number;
  pendingEvents: number;
  /** FAILED, NOT_FOUND and MALFORMED in the last 7 days. */
  failedLast7Days: number;
  /** DEAD_LETTER in the last 7 days. */
  deadLetters: number;
  /** When the last poll found an order that turned out to be a missed push (its found_at). */
  lastMissedAt: Date | null;
}

/** An order a poll found that no push announced within the grace. */
export interface MissedPushRow {
  channelOrderId: string;
  orderId: string | null;
  foundAt: Date;
  orderedAt: Date | null;
}

export type SubscriptionPatch = Partial<
  Pick<
    PushSubscriptionEntity,
    | 'state'
    | 'subscriptionIds'
    | 'destinationId'
    | 'accountKey'
    | 'subscribedAt'
    | 'subscribedBy'
    | 'lastError'
    | 'lastErrorAt'
    | 'lastTestAt'
  >
> & { secret?: string | null };

const DAY_MS = 86_400_000;
/** A delivery that could not be read names no event kind: it is kept as a change of an unknown order. */
const UNREAD_KIND = 'ORDER_CHANGED';

/**
 * The push ledger: each account's subscription, every push received once per channel event id (with what became
 * of it), and the orders polls created while pushes were on, from which missed pushes are counted.
 */
@Injectable()
export class PushLedger {
  private readonly cipher: CredentialsCipher;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @InjectConfig() config: AppConfig,
  ) {
    this.cipher = new CredentialsCipher(config.credentialsKey);
  }

  /** Stores the events not seen before (by channel event id) and returns those, with their row ids. */
  async record(
    accountId: string,
    events: ChannelPushEvent[],
    now: Date,
  ): Promise<{ id: string; event: ChannelPushEvent }[]> {
    const unique = [...new Map(events.map((e) => [e.eventId, e])).values()];
    if (unique.length === 0) return [];
    const params: unknown[] = [accountId, now];
    const values = unique.map((e) => {
      params.push(
        e.eventId,
        e.kind,
        e.channelOrderId,
        e.mcfOrderId,
        e.occurredAt,
        e.kind === 'TEST' ? 'TEST' : 'PENDING',
      );
      const n = params.length;
      return `($1, $${n - 5}, $${n - 4}, $${n - 3}, $${n - 2}, $${n - 1}, $2, $${n})`;
    });
    const rows: { id: string; event_id: string }[] = await this.ds.query(
      `INSERT INTO push_event (account_id, event_id, kind, channel_order_id, mcf_order_id, occurred_at, received_at, outcome)
       VALUES ${values.join(', ')} ON CONFLICT (account_id, event_id) DO NOTHING RETURNING id, event_id`,
      params,
    );
    await this.ds.query(
      `UPDATE push_subscription SET last_event_at = GREATEST(COALESCE(last_event_at, $2), $2) WHERE account_id = $1`,
      [accountId, now],
    );
    const byEventId = new Map(unique.map((e) => [e.eventId, e]));
    return rows.map((r) => ({ id: r.id, event: byEventId.get(r.event_id)! }));
  }

  /** A delivery the hub could not read, kept with the reason and its body (once per event id). */
  recordMalformed(accountId: string | null, eventId: string, reason: string, body: unknown): Promise<void> {
    return this.recordAside(accountId, eventId, 'MALFORMED', reason, body);
  }

  /** A queue message that failed too often, kept with the reason and its body (once per event id). */
  recordDeadLetter(accountId: string | null, eventId: string, reason: string, body: unknown): Promise<void> {
    return this.recordAside(accountId, eventId, 'DEAD_LETTER', reason, body);
  }

  private async recordAside(
    accountId: string | null,
    eventId: string,
    outcome: PushEventOutcome,
    reason: string,
    body: unknown,
  ): Promise<void> {
    // The unique key treats null accounts as distinct, so the duplicate check is explicit.
    await this.ds.query(
      `INSERT INTO push_event (account_id, event_id, kind, outcome, reason, body, processed_at)
       SELECT $1::uuid, $2::varchar, $3::varchar, $4::varchar, $5::text, $6::jsonb, now()
       WHERE NOT EXISTS (SELECT 1 FROM push_event WHERE account_id IS NOT DISTINCT FROM $1::uuid AND event_id = $2)`,
      [accountId, eventId, UNREAD_KIND, outcome, reason.slice(0, 1000), JSON.stringify(body ?? null)],
    );
  }

  /**
   * Orders a poll created: while the account's pushes are on, each one placed after the subscription is noted, to
   * count as a missed push if no push names it within the grace.
   */
  async notePolledOrders(
    accountId: string,
    orders: { channelOrderId: string; orderedAt: Date | null }[],
    now: Date,
  ): Promise<void> {
    if (orders.length === 0) return;
    const sub = await this.subscription(accountId);
    if (sub?.state !== 'ACTIVE' || !sub.subscribedAt) return;
    const since = sub.subscribedAt.getTime();
    const noted = orders.filter((o) => !o.orderedAt || o.orderedAt.getTime() >= since);
    if (noted.length === 0) return;
    await this.ds.query(
      `INSERT INTO push_unannounced (account_id, channel_order_id, found_at, ordered_at)
       SELECT $1, o.id, $2, o.at FROM unnest($3::varchar[], $4::timestamptz[]) AS o(id, at)
       ON CONFLICT DO NOTHING`,
      [accountId, now, noted.map((o) => o.channelOrderId), noted.map((o) => o.orderedAt)],
    );
  }

  subscription(accountId: string): Promise<PushSubscriptionEntity | null> {
    return this.ds.getRepository(PushSubscriptionEntity).findOneBy({ accountId });
  }

  /** The account a queue delivery's seller id routes to (one whose pushes are not off). */
  async accountIdForKey(accountKey: string): Promise<string | null> {
    const rows: { account_id: string }[] = await this.ds.query(
      `SELECT account_id FROM push_subscription WHERE account_key = $1 AND state <> 'OFF'
       ORDER BY subscribed_at DESC NULLS LAST LIMIT 1`,
      [accountKey],
    );
    return rows[0]?.account_id ?? null;
  }

  /** The secret the channel signs this account's webhooks with; null when it has none. */
  async webhookSecret(accountId: string): Promise<string | null> {
    const rows: { secret_encrypted: Buffer | null }[] = await this.ds.query(
      'SELECT secret_encrypted FROM push_subscription WHERE account_id = $1',
      [accountId],
    );
    const blob = rows[0]?.secret_encrypted;
    return blob ? (this.cipher.decrypt(Buffer.from(blob)).secret ?? null) : null;
  }

  /** Creates or updates the account's subscription row. */
  async saveSubscription(accountId: string, patch: SubscriptionPatch, em?: EntityManager): Promise<void> {
    const { secret, ...fields } = patch;
    const repo = (em ?? this.ds.manager).getRepository(PushSubscriptionEntity);
    const row: Partial<PushSubscriptionEntity> = { accountId, ...fields };
    if (secret !== undefined) row.secretEncrypted = secret === null ? null : this.cipher.encrypt({ secret });
    await repo.upsert(row, ['accountId']);
  }

  event(id: string): Promise<PushEventEntity | null> {
    return this.ds.getRepository(PushEventEntity).findOneBy({ id });
  }

  /** Sets what became of a PENDING push; false when it was no longer PENDING (another run settled it). */
  async settle(id: string, outcome: PushEventOutcome, reason: string | null, now: Date): Promise<boolean> {
    const rows: { id: string }[] = await this.ds.query(
      `UPDATE push_event SET outcome = $2, reason = $3, processed_at = $4 WHERE id = $1 AND outcome = 'PENDING'
       RETURNING id`,
      [id, outcome, reason?.slice(0, 1000) ?? null, now],
    );
    return rows.length > 0;
  }

  /** The account's PENDING pushes among these channel event ids (a redelivered queue message's). */
  async pendingOf(accountId: string, eventIds: string[]): Promise<{ id: string; kind: string }[]> {
    if (eventIds.length === 0) return [];
    return this.ds.query(
      `SELECT id, kind FROM push_event WHERE account_id = $1 AND event_id = ANY($2::varchar[]) AND outcome = 'PENDING'`,
      [accountId, eventIds],
    );
  }

  /** One more failed attempt at reading the push's order; it stays PENDING. Returns the attempts so far. */
  async failedAttempt(id: string, reason: string): Promise<number> {
    const rows: { attempts: number }[] = await this.ds.query(
      `UPDATE push_event SET attempts = attempts + 1, reason = $2 WHERE id = $1 RETURNING attempts`,
      [id, reason.slice(0, 1000)],
    );
    return rows[0]?.attempts ?? 0;
  }

  /** PENDING pushes with an order received before the cutoff (their fetch was lost or is waiting for a retry). */
  async pendingBefore(cutoff: Date, limit = 500): Promise<string[]> {
    const rows: { id: string }[] = await this.ds.query(
      `SELECT id FROM push_event WHERE outcome = 'PENDING' AND channel_order_id IS NOT NULL AND received_at < $1
       ORDER BY received_at LIMIT $2`,
      [cutoff, limit],
    );
    return rows.map((r) => r.id);
  }

  /** What the poll cadence needs: whether pushes are on, the last one received, the last missed one found. */
  async activity(
    accountId: string,
    now: Date,
  ): Promise<{ pushActive: boolean; lastPushAt: Date | null; lastMissedAt: Date | null }> {
    const sub = await this.subscription(accountId);
    if (sub?.state !== 'ACTIVE') return { pushActive: false, lastPushAt: sub?.lastEventAt ?? null, lastMissedAt: null };
    const rows: { at: Date | null }[] = await this.ds.query(
      `WITH missed AS (${MISSED_SQL}) SELECT max(found_at) AS at FROM missed`,
      [accountId, now, PUSH_MISSED_GRACE_SECONDS],
    );
    return { pushActive: true, lastPushAt: sub.lastEventAt, lastMissedAt: rows[0]?.at ? new Date(rows[0].at) : null };
  }

  /** The account's push figures: days start at midnight in the account's time zone. */
  counts(accountId: string, now: Date, graceSeconds = PUSH_MISSED_GRACE_SECONDS): Promise<PushCounts> {
    return pushCounts(this.ds, accountId, now, graceSeconds);
  }

  /** Missed pushes, newest first, after the (found_at, channel order id) key of the last one seen. */
  async missed(
    accountId: string,
    now: Date,
    first: number,
    after: { foundAt: string; channelOrderId: string } | null,
    graceSeconds = PUSH_MISSED_GRACE_SECONDS,
  ): Promise<MissedPushRow[]> {
    const rows: { channel_order_id: string; order_id: string | null; found_at: Date; ordered_at: Date | null }[] =
      await this.ds.query(
        `WITH missed AS (${MISSED_SQL})
         SELECT m.channel_order_id, o.id AS order_id, m.found_at, m.ordered_at FROM missed m
         LEFT JOIN "order" o ON o.account_id = m.account_id AND o.channel_order_id = m.channel_order_id
         WHERE ($4::timestamptz IS NULL OR (m.found_at, m.channel_order_id) < ($4::timestamptz, $5::varchar))
         ORDER BY m.found_at DESC, m.channel_order_id DESC LIMIT $6`,
        [accountId, now, graceSeconds, after?.foundAt ?? null, after?.channelOrderId ?? '', first],
      );
    return rows.map((r) => ({
      channelOrderId: r.channel_order_id,
      orderId: r.order_id,
      foundAt: new Date(r.found_at),
      orderedAt: r.ordered_at ? new Date(r.ordered_at) : null,
    }));
  }

  /** The account's pushes, newest first, after the (received_at, id) key of the last one seen. */
  events(
    accountId: string,
    outcome: string | null,
    first: number,
    after: { receivedAt: string; id: string } | null,
  ): Promise<(PushEventEntity & { orderId: string | null })[]> {
    return this.ds.query(
      `SELECT e.id, e.event_id AS "eventId", e.kind, e.channel_order_id AS "channelOrderId",
              e.occurred_at AS "occurredAt", e.received_at AS "receivedAt", e.outcome,
              e.processed_at AS "processedAt", e.attempts, e.reason, o.id AS "orderId"
       FROM push_event e
       LEFT JOIN "order" o ON o.account_id = e.account_id AND o.channel_order_id = e.channel_order_id
       WHERE e.account_id = $1 AND ($2::varchar IS NULL OR e.outcome = $2)
         AND ($3::timestamptz IS NULL OR (e.received_at, e.id) < ($3::timestamptz, $4::uuid))
       ORDER BY e.received_at DESC, e.id DESC LIMIT $5`,
      [accountId, outcome, after?.receivedAt ?? null, after?.id ?? null, first],
    );
  }
}

/**
 * An account's ($1) orders a poll found more than the grace ($3 s) before $2 that no push named by found_at + grace
 * (a push received earlier counts: its read may still have been under way when the poll stored the order).
 */
const MISSED_SQL = `
  SELECT u.account_id, u.channel_order_id, u.found_at, u.ordered_at FROM push_unannounced u
  WHERE u.account_id = $1 AND u.found_at <= $2::timestamptz - make_interval(secs => $3)
    AND NOT EXISTS (SELECT 1 FROM push_event e WHERE e.account_id = u.account_id
      AND e.channel_order_id = u.channel_order_id AND e.received_at <= u.found_at + make_interval(secs => $3))`;

/** An account's push figures (see PushLedger.counts), for the ledger and the per-request status loader. */
export async function pushCounts(
  ds: DataSource,
  accountId: string,
  now: Date,
  graceSeconds = PUSH_MISSED_GRACE_SECONDS,
): Promise<PushCounts> {
  const week = new Date(now.getTime() - 7 * DAY_MS);
  const rows: Record<string, string | Date | null>[] = await ds.query(
    `WITH a AS (
         SELECT (date_trunc('day', $2::timestamptz AT TIME ZONE time_zone) AT TIME ZONE time_zone) AS today
         FROM channel_account WHERE id = $1),
       missed AS (${MISSED_SQL})
       SELECT
         (SELECT count(*) FROM push_event e, a WHERE e.account_id = $1 AND e.received_at >= a.today
            AND e.received_at <= $2) AS events_today,
         (SELECT count(*) FROM missed, a WHERE missed.found_at >= a.today) AS missed_today,
         (SELECT count(*) FROM missed WHERE missed.found_at >= $4) AS missed_week,
         (SELECT max(found_at) FROM missed) AS last_missed_at,
         (SELECT count(*) FROM push_event WHERE account_id = $1 AND outcome = 'PENDING') AS pending,
         (SELECT count(*) FROM push_event WHERE account_id = $1 AND received_at >= $4
            AND outcome IN ('FAILED', 'NOT_FOUND', 'MALFORMED')) AS failed_week,
         (SELECT count(*) FROM push_event WHERE account_id = $1 AND received_at >= $4
            AND outcome = 'DEAD_LETTER') AS dead_letters`,
    [accountId, now, graceSeconds, week],
  );
  const r = rows[0] ?? {};
  return {
    eventsToday: Number(r.events_today ?? 0),
    missedToday: Number(r.missed_today ?? 0),
    missedLast7Days: Number(r.missed_week ?? 0),
    pendingEvents: Number(r.pending ?? 0),
    failedLast7Days: Number(r.failed_week ?? 0),
    deadLetters: Number(r.dead_letters ?? 0),
    lastMissedAt: r.last_missed_at ? new Date(r.last_missed_at) : null,
  };
}
