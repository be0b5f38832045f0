import { ORIGIN_COLUMNS, ORIGIN_JOINS } from 'src/modules/compliance/evidence/shipment-origin';

/*
 * The plan of action's reads: the orders a metric's facts count against it (`against`, a query of order ids whose
 * parameters come first, `n` of them), joined to what explains each one. Read-only SQL over orders, shipments,
 * carrier events, the outbox and the audit trail: the documented exception for compliance reports.
 */

/**
 * Each shipment in the window of the orders `against` names, with when its tracking reached the hub, what the carrier
 * said by the window end (a scan; the tracker's state; whether the hub follows it: `known` as the valid tracking facts
 * have it, with `$n+3` whether a provider is on and `$n+4` whether the channel reports package scans) and where it
 * came from.
 */
export function trackingProblemsSql(against: string, n: number): string {
  return `SELECT o.id AS order_id, o.channel_order_id, o.customer_order_id, o.ship_by, s.id AS shipment_id, s.carrier, s.carrier_code,
              s.tracking_number, s.shipped_at, t.state AS tracker_state,
              EXISTS (SELECT 1 FROM carrier_event e WHERE e.shipment_id = s.id AND e.type IN ('SCANNED', 'DELIVERY_ATTEMPT', 'DELIVERED')
                         AND (e.occurred_at IS NULL OR e.occurred_at < $${n + 2})) AS scanned,
              ($${n + 4}::boolean OR o.fulfillment_method = 'MCF' OR ($${n + 3}::boolean AND t.state IN ('TRACKING', 'DONE'))) AS known,
              GREATEST((SELECT max(a.occurred_at) FROM audit_event a WHERE a.entity_id = s.id AND a.action = 'shipment.tracking_updated'),
                       CASE WHEN s.source = 'HUB' THEN s.created_at END) AS tracking_set_at,
              ${ORIGIN_COLUMNS}
         FROM (${against}) bad
         JOIN "order" o ON o.id = bad.order_id
         JOIN shipment s ON s.order_id = o.id AND s.shipped_at >= $${n + 1} AND s.shipped_at < $${n + 2}
         LEFT JOIN shipment_tracker t ON t.shipment_id = s.id
         ${ORIGIN_JOINS}
        ORDER BY s.shipped_at`;
}

/** The shipments in the window of the orders `against` names that the carrier delivered elsewhere, with both places. */
export function deliveredElsewhereSql(against: string, n: number): string {
  return `SELECT o.id AS order_id, o.channel_order_id, s.id AS shipment_id, t.carrier, s.tracking_number,
              COALESCE(t.delivered_at, t.first_attempt_at) AS delivered_at, ${ORIGIN_COLUMNS}
         FROM (${against}) bad
         JOIN "order" o ON o.id = bad.order_id
         JOIN shipment s ON s.order_id = o.id AND s.shipped_at >= $${n + 1} AND s.shipped_at < $${n + 2}
         JOIN shipment_tracker t ON t.shipment_id = s.id AND t.address_match = 'MISMATCH'
         ${ORIGIN_JOINS}
        ORDER BY 6`;
}

/** The orders `against` names, with their first shipment before the window end. */
export function lateShipmentsSql(against: string, n: number): string {
  return `SELECT o.id AS order_id, o.channel_order_id, o.ship_by,
              (SELECT min(s.shipped_at) FROM shipment s WHERE s.order_id = o.id AND s.shipped_at < $${n + 1}) AS first_shipped
         FROM (${against}) bad JOIN "order" o ON o.id = bad.order_id`;
}

/** The orders `against` names, with their last delivery event before the window end. */
export function lateDeliveriesSql(against: string, n: number): string {
  return `SELECT o.id AS order_id, o.channel_order_id, o.deliver_by,
              (SELECT max(e.occurred_at) FROM carrier_event e WHERE e.order_id = o.id AND e.type = 'DELIVERED' AND e.occurred_at < $${n + 1}) AS delivered_at
         FROM (${against}) bad JOIN "order" o ON o.id = bad.order_id`;
}

/** The orders `against` names, with the hub's cancellation (or the channel's change) and its reason. */
export function cancellationsSql(against: string): string {
  return `SELECT o.id AS order_id, o.channel_order_id, COALESCE(hc.created_at, o.channel_updated_at, o.updated_at) AS at,
              COALESCE(hc.reason, CASE WHEN o.auto_cancel_at <= COALESCE(o.channel_updated_at, o.updated_at) THEN 'AUTO_CANCELLED_BY_CHANNEL' ELSE 'CANCELLED_OUTSIDE_HUB' END) AS reason
         FROM (${against}) bad JOIN "order" o ON o.id = bad.order_id
         LEFT JOIN LATERAL (SELECT ob.created_at, COALESCE(ob.payload->'lines'->0->>'reason', 'NOT_RECORDED') AS reason FROM outbox ob
                             WHERE ob.order_id = o.id AND ob.operation = 'CANCEL' AND ob.status <> 'DEAD' ORDER BY ob.seq LIMIT 1) hc ON true`;
}

/** The orders `against` names, with the hub's refund (or the channel's change) and its reason. */
export function refundsSql(against: string): string {
  return `SELECT o.id AS order_id, o.channel_order_id, COALESCE(hr.created_at, o.channel_updated_at, o.updated_at) AS at, COALESCE(hr.reason, lr.reason, 'REFUNDED_OUTSIDE_HUB') AS reason
         FROM (${against}) bad JOIN "order" o ON o.id = bad.order_id
         LEFT JOIN LATERAL (SELECT ob.created_at, COALESCE(ob.payload->'lines'->0->>'reason', 'NOT_RECORDED') AS reason FROM outbox ob
                             WHERE ob.order_id = o.id AND ob.operation = 'REFUND' AND ob.status <> 'DEAD' ORDER BY ob.seq LIMIT 1) hr ON true
         -- A refund made outside the hub: the reason the channel gives on the line.
         LEFT JOIN LATERAL (SELECT l.refund_reason AS reason FROM order_line l
                             WHERE l.order_id = o.id AND l.quantity_refunded > 0 AND l.refund_reason IS NOT NULL ORDER BY l.line_number LIMIT 1) lr ON true`;
}

/** The orders `against` names, with their acknowledgement time and deadline. */
export function lateAcknowledgementsSql(against: string, n: number): string {
  return `SELECT o.id AS order_id, o.channel_order_id, o.acknowledged_at,
              COALESCE(o.acknowledge_by, o.ordered_at + make_interval(hours => $${n + 1}::int)) AS deadline
         FROM (${against}) bad JOIN "order" o ON o.id = bad.order_id`;
}
