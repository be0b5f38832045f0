import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { PostalAddress } from '@order-hub/types';
import type { BuyerDataPolicy } from '@order-hub/rules';
import type { DataSource, EntityManager } from 'typeorm';

export interface HeldOrder {
  id: string;
  accountId: string;
  channelOrderId: string;
  shipTo: PostalAddress | null;
  rawPayload: unknown;
}

/** One table's text and JSON columns that may hold a copy of buyer PII, and how its rows are found for orders. */
export interface CopyTable {
  table: string;
  /** Columns rewritten with PII removed: name → SQL type (`jsonb` or `text`). */
  columns: Record<string, 'jsonb' | 'text'>;
  /** SQL returning `id` and `order_id` plus the columns for the orders `$1::uuid[]`. */
  select: string;
}

/**
 * Where copies of an order's buyer data end up besides the order row. The purge is the one writer outside these
 * tables' modules: it has to reach every copy, and doing it in one transaction keeps an order half-redacted never.
 */
export const COPY_TABLES: readonly CopyTable[] = [
  {
    table: 'audit_event',
    columns: { before: 'jsonb', after: 'jsonb' },
    select: `SELECT id, order_id, before, after FROM audit_event WHERE order_id = ANY($1::uuid[])`,
  },
  {
    table: 'outbox',
    columns: { payload: 'jsonb', reverted: 'jsonb', last_error: 'text', refusal: 'text', discard_reason: 'text' },
    select: `SELECT id, order_id, payload, reverted, last_error, refusal, discard_reason FROM outbox WHERE order_id = ANY($1::uuid[])`,
  },
  {
    table: 'outbox_attempt',
    columns: { request: 'jsonb', response_body: 'jsonb', error: 'text' },
    select: `SELECT a.id, o.order_id, a.request, a.response_body, a.error FROM outbox_attempt a
               JOIN outbox o ON o.id = a.outbox_id WHERE o.order_id = ANY($1::uuid[])`,
  },
  {
    table: 'alert',
    columns: { message: 'text', action: 'text' },
    select: `SELECT id, order_id, message, action FROM alert WHERE order_id = ANY($1::uuid[])`,
  },
  {
    table: 'mcf_order',
    columns: { packages: 'jsonb', reason: 'text' },
    select: `SELECT id, order_id, packages, reason FROM mcf_order WHERE order_id = ANY($1::uuid[])`,
  },
  {
    table: 'carrier_event',
    columns: { description: 'text', zip: 'text' },
    select: `SELECT id, order_id, description, zip FROM carrier_event WHERE order_id = ANY($1::uuid[])`,
  },
  {
    // The channel's copy of a return names the buyer (Walmart's customerName and relay e-mail).
    table: 'order_return',
    columns: { raw: 'jsonb' },
    select: `SELECT id, order_id, raw FROM order_return WHERE order_id = ANY($1::uuid[])`,
  },
  {
    table: 'order_quarantine',
    columns: { payload: 'jsonb', reason: 'text' },
    select: `SELECT q.id, o.id AS order_id, q.payload, q.reason FROM order_quarantine q
               JOIN "order" o ON o.account_id = q.account_id AND o.channel_order_id = q.channel_order_id
              WHERE o.id = ANY($1::uuid[])`,
  },
];

/** Account-wide text that may quote an order (a pasted channel message, a sync error): scrubbed for the batch's accounts. */
export const ACCOUNT_TABLES: readonly CopyTable[] = [
  {
    table: 'channel_warning',
    columns: { subject: 'text', message: 'text', response_note: 'text' },
    select: `SELECT id, account_id, subject, message, response_note FROM channel_warning WHERE account_id = ANY($1::uuid[])`,
  },
  {
    table: 'account_sync_state',
    columns: { last_error: 'text' },
    select: `SELECT account_id AS id, account_id, last_error FROM account_sync_state
              WHERE account_id = ANY($1::uuid[]) AND last_error IS NOT NULL`,
  },
];

const DAY_MS = 86_400_000;

@Injectable()
export class BuyerDataPurgeRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /**
   * Orders whose buyer data is past its channel's retention, oldest first. "Delivered" is the latest delivery of
   * the order's shipments (the tracker's delivery, else a DELIVERED carrier event, else the ship time plus the
   * policy's assumed days); a cancelled order counts from its cancellation; a DELIVERED order without shipments
   * from the channel's last change. Walks the orders still holding buyer data placed before the latest cutoff
   * in order time (partial index ix_order_buyer_data_held) and stops at `limit` due ones: the orders it passes over
   * are only those past the cutoff but not yet due (a slow or unscanned delivery), a small set.
   */
  async findDue(now: Date, policies: readonly BuyerDataPolicy[], limit: number): Promise<string[]> {
    if (limit <= 0) return [];
    // Per-channel figures as JSON objects keyed by channel: no join, so PostgreSQL walks the partial index in
    // order time and stops at `limit` (a join with a set of policies could make it sort every held order first).
    const cutoffs = Object.fromEntries(
      policies.map((p) => [
        p.channel,
        new Date(now.getTime() - p.piiRetentionDaysAfterDelivery * DAY_MS).toISOString(),
      ]),
    );
    const assumedDays = Object.fromEntries(policies.map((p) => [p.channel, p.assumedDeliveryDaysAfterShipment]));
    const latestCutoff = Object.values(cutoffs).sort().at(-1)!;
    const rows: { id: string }[] = await this.ds.query(
      `SELECT h.id
         FROM "order" h
        CROSS JOIN LATERAL (
          SELECT max(COALESCE(
                   t.delivered_at,
                   (SELECT max(ce.occurred_at) FROM carrier_event ce
                     WHERE ce.order_id = h.id AND ce.shipment_id = s.id AND ce.type = 'DELIVERED'),
                   s.shipped_at + ($2::jsonb ->> h.channel)::int * interval '1 day')) AS at
            FROM shipment s LEFT JOIN shipment_tracker t ON t.shipment_id = s.id
           WHERE s.order_id = h.id) shipped
        WHERE h.buyer_data_redacted_at IS NULL AND h.ordered_at < $3
          AND h.status IN ('SHIPPED', 'DELIVERED', 'CANCELLED')
          AND CASE
                WHEN h.status = 'CANCELLED' THEN COALESCE(h.channel_updated_at, h.updated_at)
                WHEN shipped.at IS NOT NULL THEN shipped.at
                WHEN h.status = 'DELIVERED' THEN COALESCE(h.channel_updated_at, h.updated_at)
                ELSE COALESCE(h.channel_updated_at, h.updated_at) + ($2::jsonb ->> h.channel)::int * interval '1 day'
              END < ($1::jsonb ->> h.channel)::timestamptz
        ORDER BY h.ordered_at
        LIMIT $4`,
      [JSON.stringify(cutoffs), JSON.stringify(assumedDays), latestCutoff, limit],
    );
    return rows.map((r) => r.id);
  }

  /** Redacted orders a later import filled with a buyer again (their delivery is long past): purged again at once. */
  async findReturned(limit: number): Promise<string[]> {
    const rows: { id: string }[] = await this.ds.query(
      `SELECT id FROM "order" WHERE buyer_data_redacted_at IS NOT NULL AND ship_to_name IS NOT NULL LIMIT $1`,
      [limit],
    );
    return rows.map((r) => r.id);
  }

  /** Locks the orders still holding buyer data; rows another worker holds are skipped (it is purging them). */
  async lockHeld(em: EntityManager, ids: readonly string[]): Promise<HeldOrder[]> {
    const rows: {
      id: string;
      account_id: string;
      channel_order_id: string;
      ship_to: PostalAddress | null;
      raw_payload: unknown;
    }[] = await em.query(
      `SELECT id, account_id, channel_order_id, ship_to, raw_payload FROM "order"
        WHERE id = ANY($1::uuid[]) AND (buyer_data_redacted_at IS NULL OR ship_to_name IS NOT NULL)
        ORDER BY id FOR UPDATE SKIP LOCKED`,
      [ids],
    );
    return rows.map((r) => ({
      id: r.id,
      accountId: r.account_id,
      channelOrderId: r.channel_order_id,
      shipTo: r.ship_to,
      rawPayload: r.raw_payload,
    }));
  }

  async redactOrders(
    em: EntityManager,
    rows: readonly { id: string; shipTo: unknown; rawPayload: unknown }[],
    at: Date,
  ): Promise<void> {
    if (!rows.length) return;
    await em.query(
      `UPDATE "order" o SET ship_to = r.ship_to, raw_payload = r.raw_payload, ship_to_name = NULL,
              buyer_data_redacted_at = $2, version = o.version + 1
         FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, ship_to jsonb, raw_payload jsonb)
        WHERE o.id = r.id`,
      [JSON.stringify(rows.map((r) => ({ id: r.id, ship_to: r.shipTo, raw_payload: r.rawPayload }))), at],
    );
  }

  /** The delivered-to ZIP of the orders' trackers, cut like the ship-to's. */
  async cutTrackerZips(em: EntityManager, orderIds: readonly string[]): Promise<void> {
    await em.query(
      `UPDATE shipment_tracker SET delivery_zip = left(delivery_zip, 3)
        WHERE order_id = ANY($1::uuid[]) AND length(delivery_zip) > 3`,
      [orderIds],
    );
  }

  async readCopies(em: EntityManager, table: CopyTable, ids: readonly string[]): Promise<Record<string, unknown>[]> {
    return em.query(table.select, [ids]);
  }

  /** Writes the rewritten columns of the changed rows in one statement. */
  async writeCopies(em: EntityManager, table: CopyTable, rows: readonly Record<string, unknown>[]): Promise<void> {
    if (!rows.length) return;
    const columns = Object.entries(table.columns);
    const key = table.table === 'account_sync_state' ? 'account_id' : 'id';
    const set = columns.map(([c]) => `"${c}" = r."${c}"`).join(', ');
    const shape = [`id uuid`, ...columns.map(([c, type]) => `"${c}" ${type}`)].join(', ');
    const values = rows.map((r) =>
      Object.fromEntries([['id', r.id], ...columns.map(([c]): [string, unknown] => [c, r[c] ?? null])]),
    );
    await em.query(
      `UPDATE "${table.table}" t SET ${set} FROM jsonb_to_recordset($1::jsonb) AS r(${shape}) WHERE t."${key}" = r.id`,
      [JSON.stringify(values)],
    );
  }

  /**
   * Payloads of orders quarantined and never imported: no delivery is known, so they are dropped when last seen
   * longer ago than `before` (the retention plus the assumed delivery).
   */
  async dropStaleQuarantinePayloads(before: Date): Promise<number> {
    const [row]: { n: number }[] = await this.ds.query(
      `WITH d AS (UPDATE order_quarantine SET payload = NULL WHERE payload IS NOT NULL AND last_seen_at < $1 RETURNING id)
       SELECT count(*)::int AS n FROM d`,
      [before],
    );
    return row?.n ?? 0;
  }
}
