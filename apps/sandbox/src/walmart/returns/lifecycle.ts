import type { AccountData, WalmartLine, WalmartOrder } from '../../state/types';
import { refunded } from '../refund';
import { lineCharges, round } from '../serialize';
import type { WalmartRefundChannel, WalmartReturn, WalmartReturnLine } from './types';

const HOUR = 3600 * 1000;
/** Walmart expects the seller to refund within 48 hours of the return reaching the return centre, then refunds itself. */
export const SELLER_REFUND_WINDOW_MS = 48 * HOUR;
/** The orders API's refund reason that says why a return's refund shows on the purchase order. */
const ORDER_REFUND_REASON = 'Customer returned item';

export type ReturnLineStatus = 'INITIATED' | 'DELIVERED' | 'COMPLETED';

export function returnsOf(order: WalmartOrder): WalmartReturn[] {
  return order.returns ?? [];
}

/** Every return of the account that exists by `now` (a generated return may lie ahead of the clock). */
export function visibleReturns(data: AccountData, now: number): { order: WalmartOrder; ret: WalmartReturn }[] {
  const out: { order: WalmartOrder; ret: WalmartReturn }[] = [];
  for (const order of data.walmartOrders.values())
    for (const ret of returnsOf(order)) if (ret.returnOrderDate <= now) out.push({ order, ret });
  return out;
}

export function findReturn(
  data: AccountData,
  returnOrderId: string,
  now: number,
): { order: WalmartOrder; ret: WalmartReturn } | undefined {
  return visibleReturns(data, now).find((r) => r.ret.returnOrderId === returnOrderId);
}

export const refundedQty = (line: WalmartReturnLine): number => line.refunds.reduce((s, r) => s + r.quantity, 0);
export const isDelivered = (ret: WalmartReturn, now: number): boolean => ret.deliveredAt <= now;

export function lineStatus(ret: WalmartReturn, line: WalmartReturnLine, now: number): ReturnLineStatus {
  if (refundedQty(line) >= line.quantity) return 'COMPLETED';
  return isDelivered(ret, now) ? 'DELIVERED' : 'INITIATED';
}

export function lineStatusTime(ret: WalmartReturn, line: WalmartReturnLine, now: number): number {
  const status = lineStatus(ret, line, now);
  if (status === 'COMPLETED') return Math.max(...line.refunds.map((r) => r.at));
  return status === 'DELIVERED' ? ret.deliveredAt : ret.returnOrderDate;
}

/** The return's last change by `now`: creation, transit, receipt or a refund, whichever came last. */
export function lastModified(ret: WalmartReturn, now: number): number {
  const times = [
    ret.returnOrderDate,
    ret.inTransitAt,
    ret.deliveredAt,
    ...ret.lines.flatMap((l) => l.refunds.map((r) => r.at)),
  ];
  return Math.max(...times.filter((t) => t <= now));
}

export function orderLineOf(order: WalmartOrder, line: WalmartReturnLine): WalmartLine {
  const found = order.lines.find((l) => l.lineNumber === String(line.purchaseOrderLineNumber));
  if (!found) throw new Error(`return line ${line.returnOrderLineNumber} points at a missing PO line`);
  return found;
}

/** What is left of the PO line's product charge and its tax after every refund already on the line. */
export function productLeft(poLine: WalmartLine): { amount: number; tax: number } {
  const charged = lineCharges(poLine).find((c) => c.chargeType === 'PRODUCT') ?? { amount: 0, tax: 0 };
  return {
    amount: round(charged.amount - refunded(poLine, 'PRODUCT', 'amount')),
    tax: round(charged.tax - refunded(poLine, 'PRODUCT', 'taxAmount')),
  };
}

export function refundCharge(line: WalmartReturnLine, quantity: number): { amount: number; tax: number } {
  return { amount: round(line.unitPrice * quantity), tax: round(line.unitTax * quantity) };
}

/**
 * Records a refund of `quantity` units on the return line and shows it on the purchase order's line as an order
 * refund does (negative PRODUCT charge and tax, reason "Customer returned item"), so GET /v3/orders/{po} shows it.
 * The order's lastModified moves so an incremental pull reads it; the line's statusDate stays (its status did not change).
 * `cap` limits the money to what is left on the PO line (Walmart's own refund never refunds twice).
 */
export function recordReturnRefund(
  order: WalmartOrder,
  ret: WalmartReturn,
  line: WalmartReturnLine,
  quantity: number,
  at: number,
  refundChannel: WalmartRefundChannel,
  cap = false,
): void {
  const poLine = orderLineOf(order, line);
  let { amount, tax } = refundCharge(line, quantity);
  if (cap) {
    const left = productLeft(poLine);
    amount = Math.min(amount, left.amount);
    tax = Math.min(tax, left.tax);
  }
  line.refunds.push({ quantity, at, refundChannel });
  if (amount > 0 || tax > 0) {
    poLine.refunds.push({
      refundId: `${ret.returnOrderId}-${line.returnOrderLineNumber}-${line.refunds.length}`,
      refundComments: `Return ${ret.returnOrderId}`,
      charges: [
        {
          refundReason: ORDER_REFUND_REASON,
          chargeType: 'PRODUCT',
          chargeName: 'ItemPrice',
          amount: -amount,
          taxName: 'Tax1',
          taxAmount: -tax,
        },
      ],
    });
  }
  order.lastModified = Math.max(order.lastModified, at);
}

/** Earliest time a Walmart refund may fall due per account; recomputed after a scan or when returns change. */
const nextDue = new WeakMap<AccountData, number>();

export function returnsChanged(data: AccountData): void {
  nextDue.delete(data);
}

/**
 * 48 hours after a return reached the return centre, Walmart refunds whatever the seller has not refunded itself,
 * as of that moment (refundChannel WALMART_TRIGGERED_REFUND); it counts against the seller.
 */
export function applyWalmartReturnRefunds(data: AccountData, now: number): void {
  if ((nextDue.get(data) ?? 0) > now) return;
  let next = Number.POSITIVE_INFINITY;
  for (const order of data.walmartOrders.values()) {
    for (const ret of returnsOf(order)) {
      const dueAt = ret.deliveredAt + SELLER_REFUND_WINDOW_MS;
      for (const line of ret.lines) {
        const left = line.quantity - refundedQty(line);
        if (left <= 0) continue;
        if (dueAt <= now) recordReturnRefund(order, ret, line, left, dueAt, 'WALMART_TRIGGERED_REFUND', true);
        else next = Math.min(next, dueAt);
      }
    }
  }
  nextDue.set(data, next);
}
