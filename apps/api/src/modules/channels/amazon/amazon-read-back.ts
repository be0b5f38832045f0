import type { CancelPayload, OutboxOperation, OutboxPayload, ShipPayload } from '@order-hub/types';
import type { ReadBack } from 'src/modules/channels/channel-writer';
import type { AmazonOrder } from './amazon-order.types';

/**
 * Whether Amazon's copy of the order (Orders API 2026-01-01 with PACKAGES) shows the operation. Refunds are not on
 * the order (the adjustments feed's processing report proves them, see AmazonAdapter.readBack). Pure.
 */
export function amazonReadBack(
  operation: Exclude<OutboxOperation, 'MCF_CREATE' | 'MCF_CANCEL' | 'RETURN_REFUND' | 'REFUND'>,
  payload: OutboxPayload,
  order: AmazonOrder,
): ReadBack {
  switch (operation) {
    case 'ACKNOWLEDGE':
      return { state: 'APPLIED', detail: 'Amazon orders need no acknowledgement' };
    case 'SHIP':
    case 'UPDATE_TRACKING': {
      const p = payload as ShipPayload;
      const pkg = (order.packages ?? []).find((k) => k.trackingNumber === p.trackingNumber);
      if (!pkg) return { state: 'NOT_APPLIED', detail: `no package with tracking ${p.trackingNumber}` };
      for (const l of p.lines) {
        const shipped = (pkg.packageItems ?? [])
          .filter((i) => i.orderItemId === l.lineNumber)
          .reduce((s, i) => s + i.quantity, 0);
        if (shipped < l.quantity)
          return {
            state: 'NOT_APPLIED',
            detail: `item ${l.lineNumber}: ${shipped} of ${l.quantity} in package ${pkg.packageReferenceId}`,
          };
      }
      return { state: 'APPLIED' };
    }
    case 'CANCEL': {
      const cancelled = order.fulfillment?.fulfillmentStatus === 'CANCELLED';
      for (const l of (payload as CancelPayload).lines) {
        const item = order.orderItems.find((i) => i.orderItemId === l.lineNumber);
        if (!cancelled && !item?.cancellation?.cancellationExecution)
          return { state: 'NOT_APPLIED', detail: `item ${l.lineNumber} is not cancelled` };
      }
      return { state: 'APPLIED' };
    }
  }
}
