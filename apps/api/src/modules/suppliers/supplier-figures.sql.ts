/** What the scorecard and the plan of action count: purchase orders and their shipments, in a window, in a scope. */
export interface FiguresScope {
  supplierId: string | null;
  accountId: string | null;
  channel: string | null;
  from: Date;
  to: Date;
}

const SCOPE = `p.status <> 'CANCELLED' AND p.sent_at >= $1 AND p.sent_at < $2
  AND ($3::uuid IS NULL OR p.supplier_id = $3) AND ($4::uuid IS NULL OR o.account_id = $4)
  AND ($5::text IS NULL OR o.channel = $5)`;

export const scopeParams = (s: FiguresScope) => [s.from, s.to, s.supplierId, s.accountId, s.channel];

/** The purchase orders sent in the window, with their clocks. */
export const PURCHASE_ORDERS_SQL = `
  SELECT p.id, p.supplier_id, p.tracking_due_at, p.tracking_received_at
    FROM purchase_order p JOIN "order" o ON o.id = p.order_id
   WHERE ${SCOPE}`;

/** Numbers from the supplier the hub held or the rules refused (tracking intake), received in the window. */
export const REJECTED_NUMBERS_SQL = `
  SELECT i.supplier_id, count(*)::int AS n
    FROM tracking_intake i JOIN "order" o ON o.id = i.order_id
   WHERE i.status IN ('HELD', 'REFUSED') AND i.created_at >= $1 AND i.created_at < $2 AND i.supplier_id IS NOT NULL
     AND ($3::uuid IS NULL OR i.supplier_id = $3) AND ($4::uuid IS NULL OR o.account_id = $4)
     AND ($5::text IS NULL OR o.channel = $5)
   GROUP BY i.supplier_id`;

/**
 * The shipments of orders sent to a supplier, with their first carrier scan (the tracker's, or the earliest scan
 * event the channel or MCF reported) and whether the hub hears of scans through a tracker at all.
 */
export const SHIPMENTS_SQL = `
  SELECT p.supplier_id, s.id AS shipment_id, o.channel, s.shipped_at, o.fulfillment_method = 'MCF' AS mcf,
         EXISTS (SELECT 1 FROM shipment_tracker t WHERE t.shipment_id = s.id AND t.state IN ('TRACKING', 'DONE')) AS tracked,
         LEAST((SELECT min(t.first_scan_at) FROM shipment_tracker t WHERE t.shipment_id = s.id),
               (SELECT min(COALESCE(e.occurred_at, e.created_at)) FROM carrier_event e
                 WHERE e.shipment_id = s.id AND e.type IN ('SCANNED', 'DELIVERY_ATTEMPT', 'DELIVERED'))) AS first_scan_at
    FROM purchase_order p JOIN "order" o ON o.id = p.order_id
    JOIN shipment s ON s.order_id = p.order_id AND s.tracking_number IS NOT NULL
   WHERE ${SCOPE}`;
