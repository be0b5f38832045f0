import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { excludedFromSellerMetrics } from '@order-hub/rules';
import type { Channel, RefundedBy } from '@order-hub/types';
import type { DataSource } from 'typeorm';

/** Whose returns, over which window [start, end). */
export interface ReturnFactsScope {
  channel: Channel;
  accountId: string | null;
  start: Date;
  end: Date;
}

/** A delivered order a return was asked for (the return rate's evidence). */
export interface ReturnedOrderFact {
  orderId: string;
  channelOrderId: string;
  deliveredAt: Date;
}

/** What was refunded on the return lines of one reason, per return. */
export interface RefundFact {
  returnId: string;
  reasonCode: string | null;
  refundedBy: RefundedBy | null;
  amountCents: number;
}

export interface ReasonCountFact {
  reasonCode: string | null;
  /** Returns asked for with this reason (a return with lines of two reasons counts in both). */
  returns: number;
  units: number;
}

export interface RefundedByChannelFact {
  id: string;
  channelReturnId: string;
  orderId: string | null;
  channelOrderId: string;
  receivedAt: Date | null;
  refundedAt: Date;
  amountCents: number;
}

/** An order delivered in the window was placed at most this long before the window starts (bounds the scan). */
const ORDERED_BEFORE_DELIVERY_DAYS = 90;

/** What a refunded line gave back, as stored-return.ts lineRefundedCents reads it: the channel's figure, or the refunded units at their price. */
const LINE_REFUNDED_CENTS = `GREATEST(COALESCE(l.refunded_cents, 0), l.quantity_refunded * (COALESCE(l.unit_price_cents, 0) + COALESCE(l.unit_tax_cents, 0)))`;
/** A return the buyer cancelled before sending anything back is no return. */
const RETURN_COUNTS = `NOT (r.status = 'CLOSED' AND r.received_at IS NULL)`;

/**
 * Read-only figures over order_return / order_return_line (and the orders they return) for the compliance report.
 * Money in cents; every window is [start, end).
 */
@Injectable()
export class ReturnsFactsRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /**
   * The return rate's counts: seller-fulfilled orders delivered in the window (the latest DELIVERED carrier event, else
   * the channel's last change of an order it shows DELIVERED), and how many of them a return was asked for before the
   * window end.
   */
  async returnRateCounts(scope: ReturnFactsScope): Promise<{ delivered: number; returned: number }> {
    const { sql, params } = deliveredOrdersSql(scope);
    const rows: { delivered: number; returned: number }[] = await this.ds.query(
      `SELECT count(*)::int AS delivered, count(*) FILTER (WHERE d.returned)::int AS returned FROM (${sql}) d`,
      params,
    );
    return rows[0];
  }

  /** The delivered orders of the window that were returned (the numerator's evidence), by delivery, at most `limit`. */
  async returnedDeliveredOrders(scope: ReturnFactsScope, limit: number): Promise<ReturnedOrderFact[]> {
    const { sql, params } = deliveredOrdersSql(scope);
    const rows: { order_id: string; channel_order_id: string; delivered_at: Date | string }[] = await this.ds.query(
      `SELECT d.order_id, d.channel_order_id, d.delivered_at FROM (${sql}) d WHERE d.returned
        ORDER BY d.delivered_at, d.order_id LIMIT ${Math.max(0, Math.floor(limit))}`,
      params,
    );
    return rows.map((r) => ({
      orderId: r.order_id,
      channelOrderId: r.channel_order_id,
      deliveredAt: new Date(r.delivered_at),
    }));
  }

  /** Refunds given in the window on return lines, per return and reason code (by whoever gave them). */
  async refunds(scope: ReturnFactsScope): Promise<RefundFact[]> {
    const rows: { return_id: string; reason_code: string | null; refunded_by: RefundedBy | null; cents: string }[] =
      await this.ds.query(
        `SELECT r.id AS return_id, l.reason_code, COALESCE(l.refunded_by, r.refunded_by) AS refunded_by,
                sum(${LINE_REFUNDED_CENTS})::bigint AS cents
           FROM order_return r JOIN order_return_line l ON l.return_id = r.id
          WHERE r.channel = $1 AND ($2::uuid IS NULL OR r.account_id = $2)
            AND l.quantity_refunded > 0
            AND COALESCE(l.refunded_at, r.refunded_at) >= $3 AND COALESCE(l.refunded_at, r.refunded_at) < $4
          GROUP BY r.id, l.reason_code, COALESCE(l.refunded_by, r.refunded_by)
          ORDER BY r.id, l.reason_code`,
        [scope.channel, scope.accountId, scope.start, scope.end],
      );
    return rows.map((r) => ({
      returnId: r.return_id,
      reasonCode: r.reason_code,
      refundedBy: r.refunded_by,
      amountCents: Number(r.cents),
    }));
  }

  /** Returns asked for in the window, by reason code (most first). */
  async returnsByReason(scope: ReturnFactsScope): Promise<ReasonCountFact[]> {
    const rows: { reason_code: string | null; returns: number; units: string }[] = await this.ds.query(
      `SELECT l.reason_code, count(DISTINCT r.id)::int AS returns, sum(l.quantity)::bigint AS units
         FROM order_return r JOIN order_return_line l ON l.return_id = r.id
        WHERE r.channel = $1 AND ($2::uuid IS NULL OR r.account_id = $2)
          AND r.requested_at >= $3 AND r.requested_at < $4 AND ${RETURN_COUNTS}
        GROUP BY l.reason_code
        ORDER BY 2 DESC, 1`,
      [scope.channel, scope.accountId, scope.start, scope.end],
    );
    return rows.map((r) => ({ reasonCode: r.reason_code, returns: r.returns, units: Number(r.units) }));
  }

  /** Returns the channel refunded itself in the window, oldest refund first, with what it refunded. */
  async refundedByChannel(scope: ReturnFactsScope): Promise<RefundedByChannelFact[]> {
    const rows: {
      id: string;
      channel_return_id: string;
      order_id: string | null;
      channel_order_id: string;
      received_at: Date | string | null;
      refunded_at: Date | string;
      cents: string;
    }[] = await this.ds.query(
      `SELECT r.id, r.channel_return_id, r.order_id, r.channel_order_id, r.received_at, r.refunded_at,
              COALESCE((SELECT sum(${LINE_REFUNDED_CENTS}) FROM order_return_line l WHERE l.return_id = r.id), 0)::bigint AS cents
         FROM order_return r
        WHERE r.channel = $1 AND ($2::uuid IS NULL OR r.account_id = $2)
          AND r.refunded_by = 'CHANNEL' AND r.refunded_at >= $3 AND r.refunded_at < $4
        ORDER BY r.refunded_at, r.id`,
      [scope.channel, scope.accountId, scope.start, scope.end],
    );
    return rows.map((r) => ({
      id: r.id,
      channelReturnId: r.channel_return_id,
      orderId: r.order_id,
      channelOrderId: r.channel_order_id,
      receivedAt: r.received_at === null ? null : new Date(r.received_at),
      refundedAt: new Date(r.refunded_at),
      amountCents: Number(r.cents),
    }));
  }
}

/** One row per seller-fulfilled order delivered in the window: order_id, channel_order_id, delivered_at, returned. */
function deliveredOrdersSql(scope: ReturnFactsScope): { sql: string; params: unknown[] } {
  const orderedFrom = new Date(scope.start.getTime() - ORDERED_BEFORE_DELIVERY_DAYS * 86_400_000);
  const sql = `SELECT d.id AS order_id, d.channel_order_id, d.delivered_at,
         (EXISTS (SELECT 1 FROM order_return r WHERE r.order_id = d.id AND r.requested_at < $4 AND ${RETURN_COUNTS})
          OR EXISTS (SELECT 1 FROM order_return_line l JOIN order_return r ON r.id = l.return_id
                      WHERE l.order_id = d.id AND r.requested_at < $4 AND ${RETURN_COUNTS})) AS returned
      FROM (SELECT o.id, o.channel_order_id,
                   COALESCE(ev.at, CASE WHEN o.status = 'DELIVERED' THEN COALESCE(o.channel_updated_at, o.updated_at) END) AS delivered_at
              FROM "order" o
              LEFT JOIN LATERAL (SELECT max(e.occurred_at) AS at FROM carrier_event e
                                  WHERE e.order_id = o.id AND e.type = 'DELIVERED' AND e.occurred_at < $4) ev ON true
             WHERE o.channel = $1 AND ($2::uuid IS NULL OR o.account_id = $2)
               AND o.ordered_at >= $5 AND o.ordered_at < $4
               AND o.status IN ('PARTIALLY_SHIPPED', 'SHIPPED', 'DELIVERED')
               AND o.fulfillment_method <> 'CHANNEL'
               AND NOT COALESCE(o.ship_node_type = ANY($6::text[]), false)
               AND NOT COALESCE(o.order_type = ANY($7::text[]), false)) d
     WHERE d.delivered_at >= $3 AND d.delivered_at < $4`;
  return {
    sql,
    params: [
      scope.channel,
      scope.accountId,
      scope.start,
      scope.end,
      orderedFrom,
      excludedFromSellerMetrics('shipNodeType'),
      excludedFromSellerMetrics('orderType'),
    ],
  };
}
