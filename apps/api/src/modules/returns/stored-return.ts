import type { OrderReturnLineEntity } from './order-return-line.entity';
import type { OrderReturnEntity } from './order-return.entity';

/** A stored return line (order_return_line's columns); `orderId`/`lineNumber` link it to the hub's order line. */
export type StoredReturnLine = Omit<OrderReturnLineEntity, 'orderReturn' | 'order'>;

/** A stored return with its lines (order_return's columns). */
export type StoredReturn = Omit<OrderReturnEntity, 'account' | 'order'> & { lines: StoredReturnLine[] };

/** What the returned units were paid, item and tax (0 where the channel gave no price). */
export function returnedCents(line: Pick<StoredReturnLine, 'quantity' | 'unitPriceCents' | 'unitTaxCents'>): number {
  return line.quantity * ((line.unitPriceCents ?? 0) + (line.unitTaxCents ?? 0));
}

/** What was refunded on the line: the channel's figure when it gives one, else the refunded units at their price. */
export function lineRefundedCents(
  line: Pick<StoredReturnLine, 'quantityRefunded' | 'unitPriceCents' | 'unitTaxCents' | 'refundedCents'>,
): number {
  const byUnits = line.quantityRefunded * ((line.unitPriceCents ?? 0) + (line.unitTaxCents ?? 0));
  return Math.max(line.refundedCents ?? 0, byUnits);
}
