import type { CancelPayload, OutboxOperation, OutboxPayload, RefundPayload, ShipPayload } from '@order-hub/types';
import type { ReadBack } from 'src/modules/channels/channel-writer';
import { toCents } from 'src/modules/channels/money';
import type { WalmartOrder, WalmartOrderLine } from './walmart-order.types';

const qty = (line: WalmartOrderLine, statuses: string[], tracking?: string) =>
  line.orderLineStatuses.orderLineStatus
    .filter(
      (s) => statuses.includes(s.status) && (tracking === undefined || s.trackingInfo?.trackingNumber === tracking),
    )
    .reduce((sum, s) => sum + Number(s.statusQuantity.amount), 0);

/**
 * Whether Walmart's copy of the order shows the operation: pure, over the order as `GET /v3/orders/{po}`
 * returns it. Walmart answers 200 with the whole order, which sellers have seen disagree with what was stored.
 */
export function walmartReadBack(
  operation: Exclude<OutboxOperation, 'MCF_CREATE' | 'MCF_CANCEL' | 'RETURN_REFUND'>,
  payload: OutboxPayload,
  order: WalmartOrder,
): ReadBack {
  const line = (n: string) => order.orderLines.orderLine.find((l) => l.lineNumber === n);
  switch (operation) {
    case 'ACKNOWLEDGE': {
      const created = order.orderLines.orderLine.reduce((sum, l) => sum + qty(l, ['Created']), 0);
      return created === 0
        ? { state: 'APPLIED' }
        : { state: 'NOT_APPLIED', detail: `${created} unit(s) still Created` };
    }
    case 'SHIP':
    case 'UPDATE_TRACKING': {
      const p = payload as ShipPayload;
      for (const l of p.lines) {
        const found = line(l.lineNumber);
        const shipped = found ? qty(found, ['Shipped', 'Delivered', 'Refund'], p.trackingNumber) : 0;
        if (shipped < l.quantity)
          return {
            state: 'NOT_APPLIED',
            detail: `line ${l.lineNumber}: ${shipped} of ${l.quantity} unit(s) under ${p.trackingNumber}`,
          };
      }
      return { state: 'APPLIED' };
    }
    case 'CANCEL': {
      for (const l of (payload as CancelPayload).lines) {
        const found = line(l.lineNumber);
        const cancelled = found ? qty(found, ['Cancelled']) : 0;
        if (cancelled < l.cancelledAfter)
          return {
            state: 'NOT_APPLIED',
            detail: `line ${l.lineNumber}: ${cancelled} of ${l.cancelledAfter} unit(s) cancelled`,
          };
      }
      return { state: 'APPLIED' };
    }
    case 'REFUND': {
      for (const l of (payload as RefundPayload).lines) {
        const found = line(l.lineNumber);
        const refunded = -(found?.refund?.refundCharges?.refundCharge ?? [])
          .filter((r) => r.charge.chargeType === 'PRODUCT')
          .reduce((sum, r) => sum + toCents(r.charge.chargeAmount.amount), 0);
        if (refunded < l.refundedAfterCents)
          return {
            state: 'NOT_APPLIED',
            detail: `line ${l.lineNumber}: ${refunded} of ${l.refundedAfterCents} cents refunded`,
          };
      }
      return { state: 'APPLIED' };
    }
  }
}
