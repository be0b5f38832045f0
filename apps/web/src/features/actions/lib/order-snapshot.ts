import type { OrderSnapshot } from '@order-hub/types';
import type { OrderDetail } from '@/features/shared/api/orders.graphql';

/** What `@order-hub/rules` needs to know about the order on screen. */
export function orderSnapshot(order: OrderDetail): OrderSnapshot {
  return {
    channelOrderId: order.channelOrderId,
    customerOrderId: order.customerOrderId ?? null,
    orderedAt: new Date(order.orderedAt),
    status: order.status,
    totalCents: order.total.amountCents,
    lines: order.lines.map((line) => ({
      lineNumber: line.lineNumber,
      quantityOrdered: line.quantityOrdered,
      quantityShipped: line.quantityShipped,
      quantityCancelled: line.quantityCancelled,
      quantityRefunded: line.quantityRefunded,
      cancellationRequested: line.cancellationRequested,
      chargeCents: line.charge?.amountCents,
      refundedCents: line.refunded.amountCents,
    })),
  };
}
