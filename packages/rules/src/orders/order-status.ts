import { OrderLineStatus, OrderStatus, type NormalizedOrderLine } from '@order-hub/types';

/** The order status the hub shows, from its lines' quantities (Walmart keeps status per line only). */
export function orderStatusOfLines(
  lines: Pick<NormalizedOrderLine, 'status' | 'quantityOrdered' | 'quantityShipped' | 'quantityCancelled'>[],
): OrderStatus {
  const live = lines.filter((l) => l.quantityCancelled < l.quantityOrdered);
  if (live.length === 0) return OrderStatus.CANCELLED;
  const owed = live.reduce((sum, l) => sum + l.quantityOrdered - l.quantityCancelled - l.quantityShipped, 0);
  const shipped = live.reduce((sum, l) => sum + l.quantityShipped, 0);
  if (owed === 0)
    return live.every((l) => l.status === OrderLineStatus.DELIVERED) ? OrderStatus.DELIVERED : OrderStatus.SHIPPED;
  if (shipped > 0) return OrderStatus.PARTIALLY_SHIPPED;
  return live.some((l) => l.status === OrderLineStatus.CREATED) ? OrderStatus.CREATED : OrderStatus.ACKNOWLEDGED;
}

/** A line's status from its quantities, as the channel would report it. */
export function lineStatusOf(
  line: Pick<
    NormalizedOrderLine,
    'quantityOrdered' | 'quantityShipped' | 'quantityCancelled' | 'quantityRefunded' | 'status'
  >,
): OrderLineStatus {
  const live = line.quantityOrdered - line.quantityCancelled;
  if (live <= 0) return OrderLineStatus.CANCELLED;
  if (line.quantityRefunded > 0 && line.quantityRefunded >= live) return OrderLineStatus.REFUNDED;
  if (line.quantityShipped >= live)
    return line.status === OrderLineStatus.DELIVERED ? OrderLineStatus.DELIVERED : OrderLineStatus.SHIPPED;
  return line.status === OrderLineStatus.CREATED ? OrderLineStatus.CREATED : OrderLineStatus.ACKNOWLEDGED;
}
