import { OrderLineStatus, OrderStatus, type NormalizedOrderLine } from '@order-hub/types';

/** The order status the hub shows, from its lines' quantities (Walmart keeps status per line only). */
export function orderStatusOfLines(lines: Pick<NormalizedOrderLine, 'status' | 'quantityOrdered' | 'quantityShipped' | 'quantityCancelled'>[]): OrderStatus {
  const live = lines.filter((l) => l.quantityCancelled < l.quantityOrdered);
  if (live.length === 0) return OrderStatus.CANCELLED;
  const owed = live.reduce((sum, l) => sum + l.quantityOrdered - l.quantityCancelled - l.quantityShipped, 0);
  const shipped = live.reduce((sum, l) => sum + l.quantityShipped, 0);
  if (owed === 0) return live.every((l) => l.status === OrderLineStatus.DELIVERED) ? OrderStatus.DELIVERED : OrderStatus.SHIPPED;
  if (shipped > 0) return OrderStatus.PARTIALLY_SHIPPED;
  return live.some((l) => l.status === OrderLineStatus.CREATED) ? OrderStatus.CREATED : OrderStatus.ACKNOWLEDGED;
}
