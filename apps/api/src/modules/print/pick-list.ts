import type { PrintableOrder } from './printable-order';

export interface PickListOrder {
  orderId: string;
  channelOrderId: string;
  quantity: number;
}

export interface PickListRow {
  sku: string;
  title: string;
  /** Null when the seller set no bin for the SKU (Settings → Bins). */
  bin: string | null;
  /** Units still to pick: ordered less shipped and cancelled, over every order. */
  quantity: number;
  orders: PickListOrder[];
}

/** Units of a line still to pick. */
export const unitsToPick = (l: { quantityOrdered: number; quantityShipped: number; quantityCancelled: number }) =>
  Math.max(0, l.quantityOrdered - l.quantityShipped - l.quantityCancelled);

/**
 * What to take from the shelves for these orders: one row per SKU with the units still to pick and which orders
 * want them, walked by bin (SKUs without a bin last), then SKU. Pure.
 */
export function pickList(
  orders: readonly PrintableOrder[],
  binOf: (accountId: string, sku: string) => string | null,
): PickListRow[] {
  const rows = new Map<string, PickListRow>();
  for (const { order, lines } of orders) {
    for (const line of lines) {
      const quantity = unitsToPick(line);
      if (quantity === 0) continue;
      const row = rows.get(line.sku) ?? { sku: line.sku, title: line.title, bin: null, quantity: 0, orders: [] };
      row.bin ??= binOf(order.accountId, line.sku);
      row.quantity += quantity;
      const mention = row.orders.find((o) => o.orderId === order.id);
      if (mention) mention.quantity += quantity;
      else row.orders.push({ orderId: order.id, channelOrderId: order.channelOrderId, quantity });
      rows.set(line.sku, row);
    }
  }
  return [...rows.values()].sort(
    (a, b) =>
      (a.bin === null ? 1 : 0) - (b.bin === null ? 1 : 0) ||
      (a.bin ?? '').localeCompare(b.bin ?? '', 'en', { numeric: true }) ||
      a.sku.localeCompare(b.sku, 'en', { numeric: true }),
  );
}
