import {
  BUYER_REQUESTED_CANCEL_REASONS,
  channelProfile,
  excludedFromSellerMetrics,
  REFUND_REASON_FAULT,
  SELLER_FAULT_REFUND_REASONS,
  type ChannelPolicy,
} from '@order-hub/rules';
import { UNCATEGORIZED } from '@order-hub/types';
import { lateOriginScanDaysByWeekday } from './awaiting-scan-window';
import type { FactsQuery, FactsScope } from './compliance-facts.types';

/*
 * Each metric is a "facts" query: one row per counted record with `order_id`, `ship_by`, `anchor_at` (the instant its
 * window is placed on: shipped, due, promised or ordered), `kind` —
 * 'N' numerator (and denominator), 'D' denominator only, 'U' denominator only on the carrier's word (valid
 * tracking: untrackable or never scanned), 'A' awaiting a first carrier scan (out of the rate, in the projection),
 * 'O' open order not yet due (projection), 'W:<deadline>' awaiting until then (stored counts; 'A' before it, 'U' after),
 * 'X:<reason>' left out — and `category`: NULL for the whole account; a metric measured per product category
 * (Amazon's valid tracking) repeats each record once per category of its order's SKUs.
 * The report aggregates the facts per (kind, category); the orders page reads the 'N' rows of one category.
 * The definitions mirror packages/rules/src/metrics, which the integration test holds them to.
 */

/** Refund reasons the seller did not cause (`isSellerFaultRefundReason` is false); a refund with any other reason, or none, counts. */
const NOT_SELLER_FAULT_REFUND_REASONS = REFUND_REASON_FAULT.filter((r) => r.fault !== 'SELLER').map((r) => r.reason);
/** The statuses in which the channel shows an order acknowledged (ComplianceOrderRecord.acknowledged). */
const ACKNOWLEDGED_STATUSES = ['ACKNOWLEDGED', 'PARTIALLY_SHIPPED', 'SHIPPED', 'DELIVERED'];

class Params {
  readonly values: unknown[] = [];

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** The order counts in no seller metric: channel-fulfilled, or a ship node or order type SELLER_METRIC_SCOPE leaves out (`countsInSellerMetrics`). */
function notSellerMetric(p: Params): string {
  return `(o.fulfillment_method = 'CHANNEL' OR COALESCE(o.ship_node_type = ANY(${p.add(excludedFromSellerMetrics('shipNodeType'))}::text[]), false)
    OR COALESCE(o.order_type = ANY(${p.add(excludedFromSellerMetrics('orderType'))}::text[]), false))`;
}

function scoped(p: Params, scope: FactsScope): string {
  return `o.channel = ${p.add(scope.channel)} AND (${p.add(scope.accountId)}::uuid IS NULL OR o.account_id = $${p.values.length})`;
}

/**
 * When the first not-yet-shipped unit was cancelled, and by whom. A hub cancellation (an outbox CANCEL row not
 * discarded) is the buyer's when its reason says so, else the seller's. A cancellation that came from the
 * channel is dated by the channel's last change: the buyer's when every cancelled line carries a buyer reason or was
 * cancelled by the buyer, the channel's when the channel cancelled every line (`cancellationInitiatorOfLines`), else an
 * auto-cancel when that is past the order's auto-cancel instant, else the seller's (cancelled outside the hub).
 */
function cancellationJoin(p: Params, onlyWhen = 'true'): string {
  const changed = 'COALESCE(o.channel_updated_at, o.updated_at)';
  const buyer = p.add(BUYER_REQUESTED_CANCEL_REASONS);
  // OFFSET 0 keeps the subquery from being flattened, so it runs once per order (and only where `onlyWhen` holds)
  // instead of once per reference to cx.
  return `LEFT JOIN LATERAL (
      SELECT CASE WHEN hc.at IS NOT NULL THEN hc.at
                  WHEN EXISTS (SELECT 1 FROM order_line l WHERE l.order_id = o.id AND l.quantity_cancelled > 0) THEN ${changed} END AS at,
             CASE WHEN hc.at IS NOT NULL THEN CASE WHEN hc.reason = ANY(${buyer}::text[]) THEN 'BUYER' ELSE 'SELLER' END
                  WHEN (SELECT bool_and(l.cancelled_by IS NOT DISTINCT FROM 'BUYER' OR COALESCE(l.cancellation_reason = ANY(${buyer}::text[]), false))
                          FROM order_line l WHERE l.order_id = o.id AND l.quantity_cancelled > 0) THEN 'BUYER'
                  WHEN (SELECT bool_and(l.cancelled_by IS NOT DISTINCT FROM 'CHANNEL') FROM order_line l
                         WHERE l.order_id = o.id AND l.quantity_cancelled > 0) THEN 'CHANNEL'
                  WHEN o.auto_cancel_at <= ${changed} THEN 'AUTO_CANCEL' ELSE 'SELLER' END AS initiator
        FROM (SELECT 1) one
        LEFT JOIN LATERAL (
          SELECT ob.created_at AS at, ob.payload->'lines'->0->>'reason' AS reason FROM outbox ob
           WHERE ob.order_id = o.id AND ob.operation = 'CANCEL' AND ob.status <> 'DEAD' ORDER BY ob.seq LIMIT 1) hc ON true
       WHERE ${onlyWhen}
      OFFSET 0) cx ON true`;
}

/**
 * The categories an order counts in: NULL (the whole account) and, when `perCategory`, each distinct category
 * of its lines' SKUs (unmapped SKUs, or an order without lines, as "Uncategorized").
 */
function categoriesJoin(p: Params, perCategory: boolean): string {
  if (!perCategory) return 'CROSS JOIN LATERAL (SELECT NULL::text AS category) cat';
  return `CROSS JOIN LATERAL (
      SELECT NULL::text AS category
      UNION ALL
      SELECT DISTINCT COALESCE(sc.category, ${p.add(UNCATEGORIZED)}) FROM (SELECT 1) one
        LEFT JOIN order_line l ON l.order_id = o.id
        LEFT JOIN sku_category sc ON sc.account_id = o.account_id AND sc.sku = l.sku) cat`;
}

/** Whether the hub hears of a shipment's carrier scans, so that silence means "no scan" (trackingVerdict's `known`). */
export interface CarrierScanScope {
  /** A tracking provider is on: its trackers (TRACKING or DONE) follow the shipments. */
  providerOn: boolean;
  /**
   * For counts kept past `end` (the stored hour counts): a shipment still inside its late-origin-scan deadline is
   * 'W:<deadline in epoch microseconds>' rather than 'A', so that its reader tells awaiting from never scanned at
   * its own instant (resolveAwaitingKinds) with no recount. Order listings leave it off and get 'A'.
   */
  deadlineKinds?: boolean;
}

/** The carrier events that show the carrier had the parcel: a scan, a delivery attempt or the delivery. */
const CARRIER_SCAN_EVENTS = `('SCANNED', 'DELIVERY_ATTEMPT', 'DELIVERED')`;

/**
 * Shipments confirmed in the window, classified as the rules' trackingVerdict: an invalid number, or (Walmart) a
 * carrier the channel does not support (compliance_tracking_check, refreshed first), is 'D'; an untrackable one, or one the carrier never scanned by its late-origin-scan deadline,
 * is 'U' (denominator only, carrier-based); one with a carrier scan before the end is 'N'; one still inside its
 * deadline is 'A' (awaiting its first scan: out of the rate, in the projection); one whose scans the hub cannot
 * hear of is 'X:NO_CARRIER_DATA'. Exemption and channel fulfilment come from the policy as before. Open orders that
 * will ship into a window ('O': seller-fulfilled, unshipped and not cancelled at the end, ship-by in
 * [end, end + window)) feed the projection.
 */
export function validTrackingFacts(scope: FactsScope, policy: ChannelPolicy, carrier: CarrierScanScope): FactsQuery {
  const p = new Params();
  const threshold = policy.thresholds.find((t) => t.metric === 'VALID_TRACKING_RATE');
  const categories = categoriesJoin(p, threshold?.perCategory ?? false);
  const end = p.add(scope.end);
  const rule = policy.validTrackingExemption;
  const exempt = rule
    ? `c.resolved_carrier = ANY(${p.add(rule.carriers)}::text[]) AND s.package_type = ANY(${p.add(rule.packageTypes)}::text[])
       AND (${p.add(rule.belowPriceCents)}::int IS NULL OR COALESCE(o.merchandise_cents, o.total_cents) < $${p.values.length})
       AND (s.length_in IS NULL OR s.width_in IS NULL OR s.height_in IS NULL OR (
             GREATEST(s.length_in, s.width_in, s.height_in) <= ${p.add(rule.maxLengthIn)}
         AND (SELECT d FROM unnest(ARRAY[s.length_in, s.width_in, s.height_in]) d ORDER BY d DESC OFFSET 1 LIMIT 1) <= ${p.add(rule.maxWidthIn)}
         AND LEAST(s.length_in, s.width_in, s.height_in) <= ${p.add(rule.maxThicknessIn)}))
       AND (s.weight_oz IS NULL OR s.weight_oz <= ${p.add(rule.maxWeightOz)})`
    : 'false';
  const known = `(${p.add(channelProfile(scope.channel).reportsCarrierScans)}::boolean OR o.fulfillment_method = 'MCF'
       OR (${p.add(carrier.providerOn)}::boolean AND COALESCE(t.state IN ('TRACKING', 'DONE'), false)))`;
  const scanned = `EXISTS (SELECT 1 FROM carrier_event e WHERE e.shipment_id = s.id AND e.type IN ${CARRIER_SCAN_EVENTS}
       AND (e.occurred_at IS NULL OR e.occurred_at < ${end}))`;
  const sql = `SELECT o.id AS order_id, NULL::timestamptz AS ship_by, s.shipped_at AS anchor_at,
      CASE WHEN ${notSellerMetric(p)} THEN 'X:CHANNEL_FULFILLED'
           WHEN ${exempt} THEN 'X:EXEMPT_LETTER_OR_FLAT'
           WHEN NOT c.valid OR (${p.add(policy.validTracking.requiresSupportedCarrierAndMethod)}::boolean AND NOT c.carrier_supported) THEN 'D'
           WHEN ${p.add(policy.validTracking.requiresTrackableOnCarrierSite)}::boolean AND t.state = 'UNTRACKABLE' THEN 'U'
           WHEN ${scanned} THEN 'N'
           WHEN NOT ${known} THEN 'X:NO_CARRIER_DATA'
           WHEN ${end} < dl.deadline THEN ${carrier.deadlineKinds ? `'W:' || (extract(epoch FROM dl.deadline) * 1000000)::bigint::text` : `'A'`}
           ELSE 'U' END AS kind,
      cat.category
    FROM shipment s
    JOIN "order" o ON o.id = s.order_id
    JOIN compliance_tracking_check c ON c.shipment_id = s.id
    LEFT JOIN shipment_tracker t ON t.shipment_id = s.id
    CROSS JOIN LATERAL (SELECT s.shipped_at + make_interval(hours => 24 * (${p.add(lateOriginScanDaysByWeekday(scope.channel, scope.end))}::int[])[extract(isodow FROM s.shipped_at AT TIME ZONE 'UTC')::int]) AS deadline) dl
    ${categories}
   WHERE ${scoped(p, scope)} AND s.shipped_at >= ${p.add(scope.start)} AND s.shipped_at < ${end}
  UNION ALL
  SELECT o.id, o.ship_by, o.ship_by, 'O', cat.category
    FROM "order" o
    ${cancellationJoin(p)}
    ${categories}
   WHERE ${scoped(p, scope)} AND NOT ${notSellerMetric(p)}
     AND o.ship_by >= ${end} AND o.ship_by < ${end}::timestamptz + make_interval(days => ${p.add(threshold?.windowDays ?? 30)}::int)
     AND NOT EXISTS (SELECT 1 FROM shipment s WHERE s.order_id = o.id AND s.shipped_at < ${end})
     AND NOT COALESCE(cx.at < ${end}, false)`;
  return { sql, params: p.values };
}

/**
 * Seller shipments confirmed in the window that a tracker follows and that were delivered before the end (a
 * DELIVERED carrier event): the carrier's delivery location against the order's ship-to as the tracker recorded it
 * (packages/rules matchDeliveryAddress): MISMATCH 'N', MATCH 'D', UNKNOWN or not compared 'X:LOCATION_UNKNOWN'.
 */
export function addressMismatchFacts(scope: FactsScope): FactsQuery {
  const p = new Params();
  const end = p.add(scope.end);
  const sql = `SELECT o.id AS order_id, NULL::timestamptz AS ship_by, s.shipped_at AS anchor_at,
      CASE t.address_match WHEN 'MISMATCH' THEN 'N' WHEN 'MATCH' THEN 'D' ELSE 'X:LOCATION_UNKNOWN' END AS kind,
      NULL::text AS category
    FROM shipment s
    JOIN "order" o ON o.id = s.order_id
    JOIN shipment_tracker t ON t.shipment_id = s.id
   WHERE ${scoped(p, scope)} AND NOT ${notSellerMetric(p)} AND s.shipped_at >= ${p.add(scope.start)} AND s.shipped_at < ${end}
     AND EXISTS (SELECT 1 FROM carrier_event e WHERE e.shipment_id = s.id AND e.type = 'DELIVERED' AND e.occurred_at < ${end})`;
  return { sql, params: p.values };
}

/**
 * Shipped orders whose promised delivery (deliver_by) falls in the window: on time when every shipment confirmed
 * before the end had its first delivery attempt (a DELIVERY_ATTEMPT carrier event, else the DELIVERED one) before
 * the end, the last of them on or before deliver_by. Without such events the order is left out
 * (NO_DELIVERY_EVENT): no data, never a guess.
 */
export function onTimeDeliveryFacts(scope: FactsScope): FactsQuery {
  const p = new Params();
  const end = p.add(scope.end);
  const sql = `SELECT o.id AS order_id, NULL::timestamptz AS ship_by, o.deliver_by AS anchor_at,
      CASE WHEN ${notSellerMetric(p)} THEN 'X:CHANNEL_FULFILLED'
           WHEN d.unattempted > 0 THEN 'X:NO_DELIVERY_EVENT'
           WHEN d.attempted_at <= o.deliver_by THEN 'N' ELSE 'D' END AS kind,
      NULL::text AS category
    FROM "order" o
    JOIN LATERAL (
      SELECT count(*) AS shipped, count(*) FILTER (WHERE a.at IS NULL) AS unattempted, max(a.at) AS attempted_at
        FROM shipment s
        CROSS JOIN LATERAL (SELECT COALESCE(
            (SELECT e.occurred_at FROM carrier_event e WHERE e.shipment_id = s.id AND e.type = 'DELIVERY_ATTEMPT' AND e.occurred_at < ${end} ORDER BY e.occurred_at LIMIT 1),
            (SELECT e.occurred_at FROM carrier_event e WHERE e.shipment_id = s.id AND e.type = 'DELIVERED' AND e.occurred_at < ${end} ORDER BY e.occurred_at LIMIT 1)) AS at) a
       WHERE s.order_id = o.id AND s.shipped_at < ${end}) d ON d.shipped > 0
   WHERE ${scoped(p, scope)} AND o.deliver_by >= ${p.add(scope.start)} AND o.deliver_by < ${end}`;
  return { sql, params: p.values };
}

/** Orders due in the window (ship-by inside it) and open orders due after it; `lateIsNumerator` for LSR, not for on-time shipment. */
export function timelinessFacts(scope: FactsScope, lateIsNumerator: boolean): FactsQuery {
  const p = new Params();
  const end = p.add(scope.end);
  const [late, onTime] = lateIsNumerator ? ['N', 'D'] : ['D', 'N'];
  const cancelledBeforeEnd = `COALESCE(cx.at < ${end}, false)`;
  const sql = `SELECT o.id AS order_id, o.ship_by, o.ship_by AS anchor_at,
      CASE WHEN o.ship_by >= ${end} THEN
             CASE WHEN NOT ${notSellerMetric(p)} AND f.first_shipped IS NULL AND NOT ${cancelledBeforeEnd} THEN 'O' END
           WHEN ${notSellerMetric(p)} THEN 'X:CHANNEL_FULFILLED'
           WHEN f.first_shipped IS NULL AND ${cancelledBeforeEnd} THEN 'X:CANCELLED_BEFORE_SHIPPING'
           WHEN f.first_shipped <= o.ship_by THEN '${onTime}'
           ELSE '${late}' END AS kind,
      NULL::text AS category
    FROM "order" o
    LEFT JOIN LATERAL (SELECT min(s.shipped_at) AS first_shipped FROM shipment s WHERE s.order_id = o.id AND s.shipped_at < ${end}) f ON true
    ${cancellationJoin(p, 'f.first_shipped IS NULL')}
   WHERE ${scoped(p, scope)} AND o.ship_by >= ${p.add(scope.start)}`;
  return { sql, params: p.values };
}

export type OrderRateKind = 'SELLER_CANCELLATION' | 'SELLER_FAULT_REFUND' | 'ACKNOWLEDGED_IN_TIME';

/** Orders placed in the window, classified for a cancellation, refund or acknowledgement rate. */
export function orderRateFacts(scope: FactsScope, kind: OrderRateKind, policy: ChannelPolicy): FactsQuery {
  const p = new Params();
  const end = p.add(scope.end);
  let classify: string;
  let joins = '';
  switch (kind) {
    case 'SELLER_CANCELLATION':
      joins = cancellationJoin(p);
      classify = `WHEN cx.at < ${end} AND cx.initiator = 'BUYER' THEN 'X:BUYER_REQUESTED'
        WHEN cx.at < ${end} AND cx.initiator = 'CHANNEL' THEN 'X:CHANNEL_CANCELLED' WHEN cx.at < ${end} THEN 'N' ELSE 'D'`;
      break;
    case 'SELLER_FAULT_REFUND':
      joins = `LEFT JOIN LATERAL (
          SELECT CASE WHEN EXISTS (SELECT 1 FROM outbox ob WHERE ob.order_id = o.id AND ob.operation = 'REFUND' AND ob.status <> 'DEAD')
                      THEN (SELECT min(ob.created_at) FROM outbox ob WHERE ob.order_id = o.id AND ob.operation = 'REFUND' AND ob.status <> 'DEAD'
                              AND EXISTS (SELECT 1 FROM jsonb_array_elements(ob.payload->'lines') e WHERE e->>'reason' = ANY(${p.add(SELLER_FAULT_REFUND_REASONS)}::text[])))
                      WHEN EXISTS (SELECT 1 FROM order_line l WHERE l.order_id = o.id AND l.quantity_refunded > 0
                                      AND (l.refund_reason IS NULL OR NOT l.refund_reason = ANY(${p.add(NOT_SELLER_FAULT_REFUND_REASONS)}::text[])))
                      THEN COALESCE(o.channel_updated_at, o.updated_at) END AS at) rf ON true`;
      classify = `WHEN rf.at < ${end} THEN 'N' ELSE 'D'`;
      break;
    case 'ACKNOWLEDGED_IN_TIME': {
      joins = `${cancellationJoin(p)}
        CROSS JOIN LATERAL (SELECT COALESCE(o.acknowledge_by, o.ordered_at + make_interval(hours => ${p.add(policy.acknowledgeWithinHours)}::int)) AS deadline) d`;
      classify = `WHEN d.deadline IS NULL THEN 'X:NO_ACKNOWLEDGEMENT'
        WHEN o.acknowledged_at < ${end} THEN CASE WHEN o.acknowledged_at <= d.deadline THEN 'N' ELSE 'D' END
        WHEN d.deadline >= ${end} THEN 'X:NOT_YET_DUE'
        WHEN cx.at < d.deadline THEN 'X:CANCELLED_BEFORE_DUE'
        WHEN o.acknowledged_at IS NULL AND o.status = ANY(${p.add(ACKNOWLEDGED_STATUSES)}::text[]) THEN 'X:ACKNOWLEDGED_AT_UNKNOWN'
        ELSE 'D'`;
      break;
    }
  }
  const sql = `SELECT o.id AS order_id, NULL::timestamptz AS ship_by, o.ordered_at AS anchor_at,
      CASE WHEN ${notSellerMetric(p)} THEN 'X:CHANNEL_FULFILLED' ${classify} END AS kind,
      NULL::text AS category
    FROM "order" o
    ${joins}
   WHERE ${scoped(p, scope)} AND o.ordered_at >= ${p.add(scope.start)} AND o.ordered_at < ${end}`;
  return { sql, params: p.values };
}

/** One page of the distinct order ids of the facts of some kinds and one category (null: the whole account), by id. */
export function factOrderIdsQuery(
  facts: FactsQuery,
  set: { kinds: string[]; category: string | null; after: string | null; first: number },
): FactsQuery {
  const n = facts.params.length;
  return {
    sql: `SELECT DISTINCT order_id FROM (${facts.sql}) f
        WHERE kind = ANY($${n + 4}::text[]) AND category IS NOT DISTINCT FROM $${n + 3}::text AND ($${n + 1}::uuid IS NULL OR order_id > $${n + 1})
        ORDER BY order_id LIMIT $${n + 2}`,
    params: [...facts.params, set.after, set.first, set.category, set.kinds],
  };
}

/** How many distinct orders the facts of some kinds and one category (null: the whole account) have. */
export function factOrderCountQuery(facts: FactsQuery, set: { kinds: string[]; category: string | null }): FactsQuery {
  const n = facts.params.length;
  return {
    sql: `SELECT count(DISTINCT order_id)::int AS n FROM (${facts.sql}) f WHERE kind = ANY($${n + 2}::text[]) AND category IS NOT DISTINCT FROM $${n + 1}::text`,
    params: [...facts.params, set.category, set.kinds],
  };
}
