import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { QuarantineStage, QuarantinedOrderEntity } from './quarantined-order.entity';

export type { QuarantinedOrderEntity, QuarantineStage };

/** One order a pull set aside: its id at the channel, why, and the channel's copy. */
export interface QuarantineEntry {
  channelOrderId: string;
  stage: QuarantineStage;
  reason: string;
  payload: unknown;
}

/** Entries shown in sync state and named in the alert. */
export const QUARANTINE_LATEST = 5;

export interface QuarantineSummary {
  accountId: string;
  open: number;
  latest: Pick<QuarantinedOrderEntity, 'channelOrderId' | 'stage' | 'reason' | 'firstSeenAt' | 'lastSeenAt'>[];
}

/** The order_quarantine table: every read and write of it goes through here. */
@Injectable()
export class OrderQuarantineRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** Opens an entry per order, or refreshes the open one (reason, copy, one more occurrence). */
  async record(accountId: string, entries: QuarantineEntry[]): Promise<void> {
    if (entries.length === 0) return;
    await this.ds.query(
      `INSERT INTO order_quarantine (account_id, channel_order_id, stage, reason, payload)
       SELECT $1, e.id, e.stage, e.reason, e.payload
         FROM unnest($2::varchar[], $3::varchar[], $4::text[], $5::jsonb[]) AS e(id, stage, reason, payload)
       ON CONFLICT (account_id, channel_order_id) WHERE resolved_at IS NULL DO UPDATE
         SET stage = EXCLUDED.stage, reason = EXCLUDED.reason, payload = EXCLUDED.payload,
             occurrences = order_quarantine.occurrences + 1, last_seen_at = now()`,
      [
        accountId,
        entries.map((e) => e.channelOrderId),
        entries.map((e) => e.stage),
        entries.map((e) => e.reason),
        entries.map((e) => storableJson(e.payload)),
      ],
    );
  }

  /** Closes the open entries of these orders; returns how many it closed. */
  async resolve(accountId: string, channelOrderIds: readonly string[]): Promise<number> {
    if (channelOrderIds.length === 0) return 0;
    // An UPDATE … RETURNING answers [rows, count] through TypeORM's postgres driver.
    const [, count]: [unknown[], number] = await this.ds.query(
      `UPDATE order_quarantine SET resolved_at = now()
        WHERE account_id = $1 AND channel_order_id = ANY($2::varchar[]) AND resolved_at IS NULL RETURNING id`,
      [accountId, [...channelOrderIds]],
    );
    return count;
  }

  /** Per account: open entries and the `latest` most recently seen of them. */
  async summaries(accountIds: readonly string[], latest: number): Promise<QuarantineSummary[]> {
    if (accountIds.length === 0) return [];
    const rows: {
      account_id: string;
      open: number;
      channel_order_id: string;
      stage: QuarantineStage;
      reason: string;
      first_seen_at: Date;
      last_seen_at: Date;
    }[] = await this.ds.query(
      `SELECT * FROM (
         SELECT account_id, count(*) OVER (PARTITION BY account_id)::int AS open, channel_order_id, stage, reason,
                first_seen_at, last_seen_at,
                row_number() OVER (PARTITION BY account_id ORDER BY last_seen_at DESC, channel_order_id) AS n
           FROM order_quarantine WHERE account_id = ANY($1::uuid[]) AND resolved_at IS NULL) q
        WHERE n <= $2 ORDER BY account_id, n`,
      [[...accountIds], latest],
    );
    return accountIds.map((accountId) => {
      const mine = rows.filter((r) => r.account_id === accountId);
      return {
        accountId,
        open: mine[0]?.open ?? 0,
        latest: mine.map((r) => ({
          channelOrderId: r.channel_order_id,
          stage: r.stage,
          reason: r.reason,
          firstSeenAt: r.first_seen_at,
          lastSeenAt: r.last_seen_at,
        })),
      };
    });
  }
}

/** JSON PostgreSQL's jsonb accepts: a NUL or a lone surrogate in the channel's copy becomes U+FFFD. */
function storableJson(payload: unknown): string {
  return JSON.stringify(payload ?? null).replace(
    /\\u0000|\\ud[89ab][0-9a-f]{2}(?!\\ud[c-f])|(?<!\\ud[89ab][0-9a-f]{2})\\ud[c-f][0-9a-f]{2}/gi,
    '\\ufffd',
  );
}
