import type { AccountData, WalmartOrder } from '../state/types';

/**
 * Numbers Seller Center accepts at ship time but Walmart later counts against the seller's Valid Tracking
 * Rate: too short to be any carrier's number, one digit repeated, an ascending run (`12345`), or the order's own
 * PO / customer order number (Walmart's valid-tracking policy names the last one explicitly). The sandbox only
 * flags placeholders; it does not check carriers' formats, so it is never stricter than the channel.
 */
export function invalidTrackingReason(
  trackingNumber: string,
  order: Pick<WalmartOrder, 'purchaseOrderId' | 'customerOrderId'>,
): string | undefined {
  const n = trackingNumber.replace(/\s+/g, '').toUpperCase();
  if (n === order.purchaseOrderId || n === order.customerOrderId) return 'equals the order number';
  if (n.length < 8) return 'too short to be a carrier tracking number';
  if (/^(\d)\1+$/.test(n)) return 'one digit repeated';
  if ('0123456789012345678901234567890123456789'.includes(n)) return 'an ascending run of digits';
  return undefined;
}

export interface ValidTrackingCount {
  /** Shipped quantities' tracking numbers (one per shipment bucket). */
  shipments: number;
  valid: number;
  invalid: { purchaseOrderId: string; lineNumber: string; trackingNumber: string; reason: string }[];
}

/** The seller's tracking as Walmart's Valid Tracking Rate sees it: every shipped bucket, valid or flagged. */
export function validTrackingCount(data: AccountData): ValidTrackingCount {
  const out: ValidTrackingCount = { shipments: 0, valid: 0, invalid: [] };
  for (const order of data.walmartOrders.values()) {
    for (const line of order.lines) {
      for (const bucket of line.buckets) {
        if (!bucket.tracking) continue;
        out.shipments += 1;
        const reason = invalidTrackingReason(bucket.tracking.trackingNumber, order);
        if (reason)
          out.invalid.push({
            purchaseOrderId: order.purchaseOrderId,
            lineNumber: line.lineNumber,
            trackingNumber: bucket.tracking.trackingNumber,
            reason,
          });
        else out.valid += 1;
      }
    }
  }
  return out;
}
