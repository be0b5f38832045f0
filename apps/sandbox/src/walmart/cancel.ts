import type { WalmartLine, WalmartOrder } from '../state/types';
import { invalidContent } from './errors';
import { moveQuantity, quantityIn } from './lifecycle';
import { type WalmartQuantity, nonEmpty, oneOf, quantity, root } from './validate';

interface CancelBody {
  orderLines: {
    orderLine: {
      lineNumber: string;
      orderLineStatuses: {
        orderLineStatus: { status: string; cancellationReason: string; statusQuantity: WalmartQuantity }[];
      };
    }[];
  };
}

/** `POST /v3/orders/{po}/acknowledge`: every Created unit becomes Acknowledged; acknowledging again is allowed. */
export function applyAcknowledge(order: WalmartOrder, now: number): void {
  if (order.shipNodeType !== 'SellerFulfilled')
    throw invalidContent(
      'purchaseOrderId',
      `PO ${order.purchaseOrderId} is fulfilled by Walmart (WFS) and cannot be acknowledged`,
    );
  const open = order.lines.filter((l) => quantityIn(l, ['Created', 'Acknowledged']) > 0);
  if (open.length === 0) {
    throw invalidContent(
      'purchaseOrderId',
      `Failed when called acknowledge API for '${order.purchaseOrderId}'. Some or all qty in higher status`,
    );
  }
  for (const line of open) {
    const created = quantityIn(line, ['Created']);
    if (created === 0) continue;
    moveQuantity(line, ['Created'], created, { status: 'Acknowledged' });
    line.statusDate = now;
    order.lastModified = now;
  }
}

/** Walmart refuses cancel requests with more lines than this. */
export const MAX_CANCEL_LINES = 100;

/** `POST /v3/orders/{po}/cancel`: only unshipped units, only the five current reasons. */
export function applyCancellation(order: WalmartOrder, body: unknown, now: number): void {
  if (order.shipNodeType !== 'SellerFulfilled')
    throw invalidContent(
      'purchaseOrderId',
      `PO ${order.purchaseOrderId} is fulfilled by Walmart (WFS) and cannot be cancelled by the seller`,
    );
  const cancellation = root<CancelBody>(body, 'orderCancellation');
  const lines = nonEmpty(cancellation.orderLines.orderLine, 'orderCancellation.orderLines.orderLine');
  if (lines.length > MAX_CANCEL_LINES) {
    throw invalidContent(
      'orderCancellation.orderLines.orderLine',
      `A cancel request can carry at most ${MAX_CANCEL_LINES} lines; this one has ${lines.length}: split it into several requests`,
    );
  }
  const steps: { line: WalmartLine; quantity: number; reason: string }[] = [];
  lines.forEach((l, i) => {
    const path = `orderCancellation.orderLines.orderLine[${i}]`;
    const line = order.lines.find((x) => x.lineNumber === l.lineNumber);
    if (!line)
      throw invalidContent(`${path}.lineNumber`, `Line ${l.lineNumber} does not exist in PO ${order.purchaseOrderId}`);
    nonEmpty(l.orderLineStatuses.orderLineStatus, `${path}.orderLineStatuses.orderLineStatus`).forEach((s, j) => {
      const sp = `${path}.orderLineStatuses.orderLineStatus[${j}]`;
      oneOf(s.status, `${sp}.status`, ['Cancelled']);
      if (s.cancellationReason === 'CUSTOMER_REQUESTED_SELLER_TO_CANCEL' && !line.intentToCancel) {
        throw invalidContent(
          `${sp}.cancellationReason`,
          `CUSTOMER_REQUESTED_SELLER_TO_CANCEL is only for lines the customer asked to cancel; line ${l.lineNumber} has no intent to cancel`,
        );
      }
      steps.push({ line, quantity: quantity(s.statusQuantity, `${sp}.statusQuantity`), reason: s.cancellationReason });
    });
  });
  const wanted = new Map<WalmartLine, number>();
  for (const step of steps) wanted.set(step.line, (wanted.get(step.line) ?? 0) + step.quantity);
  for (const [line, qty] of wanted) {
    const open = quantityIn(line, ['Created', 'Acknowledged']);
    if (qty > open) {
      const shipped = quantityIn(line, ['Shipped', 'Delivered']);
      const why =
        shipped > 0
          ? `${shipped} unit(s) are already shipped and cannot be cancelled (refund them instead)`
          : `only ${open} unit(s) can still be cancelled`;
      throw invalidContent('statusQuantity', `Line ${line.lineNumber} of PO ${order.purchaseOrderId}: ${why}`);
    }
  }
  for (const step of steps) {
    moveQuantity(step.line, ['Created', 'Acknowledged'], step.quantity, {
      status: 'Cancelled',
      cancellationReason: step.reason,
    });
    step.line.statusDate = now;
  }
  order.lastModified = now;
}
