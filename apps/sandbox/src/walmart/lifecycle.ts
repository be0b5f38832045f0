import type { AccountData, WalmartBucket, WalmartLine, WalmartLineStatus, WalmartOrder } from '../state/types';
import { AUTO_CANCEL_GRACE_MS, AUTO_CANCEL_REASON } from './enums';

const OPEN: readonly WalmartLineStatus[] = ['Created', 'Acknowledged'];

export function quantityIn(line: WalmartLine, statuses: readonly WalmartLineStatus[]): number {
  return line.buckets.filter((b) => statuses.includes(b.status)).reduce((sum, b) => sum + b.quantity, 0);
}

/**
 * Moves `quantity` units of a line out of buckets in `from` (oldest first) into one new bucket.
 * Buckets without tracking merge with an existing bucket of the same status and reason, as Walmart reports them.
 */
export function moveQuantity(
  line: WalmartLine,
  from: readonly WalmartLineStatus[],
  quantity: number,
  target: Omit<WalmartBucket, 'quantity'>,
): void {
  let left = quantity;
  for (const bucket of line.buckets) {
    if (left === 0) break;
    if (!from.includes(bucket.status)) continue;
    const taken = Math.min(bucket.quantity, left);
    bucket.quantity -= taken;
    left -= taken;
  }
  if (left > 0) throw new Error(`moveQuantity: line ${line.lineNumber} lacks ${left} units in ${from.join('/')}`);
  const same = target.tracking
    ? undefined
    : line.buckets.find(
        (b) =>
          b.status === target.status &&
          !b.tracking &&
          b.cancellationReason === target.cancellationReason &&
          b.quantity > 0,
      );
  if (same) same.quantity += quantity;
  else line.buckets.push({ ...target, quantity });
  line.buckets = line.buckets.filter((b) => b.quantity > 0);
}

export function autoCancelAt(order: WalmartOrder): number {
  return order.estimatedShipDate + AUTO_CANCEL_GRACE_MS;
}

/**
 * Walmart cancels, line by line, whatever was not shipped by the estimated ship date + 4 calendar days;
 * `onCancelled` hears of each order that lost lines (Walmart pushes PO_LINE_AUTOCANCELLED).
 */
export function applyWalmartAutoCancel(
  data: AccountData,
  now: number,
  onCancelled?: (order: WalmartOrder, at: number) => void,
): void {
  if (now < data.walmartNextDue) return;
  let nextDue = Number.POSITIVE_INFINITY;
  for (const order of data.walmartOrders.values()) {
    if (order.shipNodeType !== 'SellerFulfilled') continue;
    const dueAt = autoCancelAt(order);
    let cancelled = false;
    for (const line of order.lines) {
      const open = quantityIn(line, OPEN);
      if (open === 0) continue;
      if (dueAt <= now) {
        moveQuantity(line, OPEN, open, { status: 'Cancelled', cancellationReason: AUTO_CANCEL_REASON });
        line.statusDate = dueAt;
        order.lastModified = Math.max(order.lastModified, dueAt);
        cancelled = true;
      } else {
        nextDue = Math.min(nextDue, dueAt);
      }
    }
    if (cancelled) onCancelled?.(order, dueAt);
  }
  data.walmartNextDue = nextDue;
}

/** A new or changed order may bring its auto-cancel deadline forward. */
export function trackWalmartDeadline(data: AccountData, order: WalmartOrder): void {
  if (order.shipNodeType === 'SellerFulfilled' && order.lines.some((l) => quantityIn(l, OPEN) > 0)) {
    data.walmartNextDue = Math.min(data.walmartNextDue, autoCancelAt(order));
  }
}
