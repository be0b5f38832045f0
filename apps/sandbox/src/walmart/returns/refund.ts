import type { WalmartOrder } from '../../state/types';
import { invalidContent } from '../errors';
import { root } from '../validate';
import { isDelivered, orderLineOf, productLeft, recordReturnRefund, refundCharge, refundedQty } from './lifecycle';
import type { WalmartReturn } from './types';

interface RefundLineBody {
  returnOrderLineNumber: number;
  quantity?: { unitOfMeasure: string; measurementValue: number };
}

interface RefundBody {
  customerOrderId: string;
  refundLines: RefundLineBody[];
}

const UNITS = ['EA', 'EACH'];

/**
 * `POST /v3/returns/{returnOrderId}/refund`. Walmart's returns refund carries no reason and no amount: it refunds
 * whole units at the line's price and tax. The sandbox takes it only once the units reached the return centre:
 * Walmart's returns refund after receipt (refundMode POST_DELIVERY, the 48-hour refund window starts at receipt),
 * and a refund before receipt is what the orders refund API is for. Without a quantity, every unit received and not
 * yet refunded is refunded. `order` is a copy: the caller stores it only when the whole request passed.
 */
export function applyReturnRefund(order: WalmartOrder, ret: WalmartReturn, body: unknown, now: number) {
  const request = body as RefundBody;
  root<string>(body, 'customerOrderId');
  if (request.customerOrderId !== ret.customerOrderId)
    throw invalidContent(
      'customerOrderId',
      `customerOrderId ${request.customerOrderId} is not the customer order of return ${ret.returnOrderId}`,
    );
  const lines = root<RefundLineBody[]>(body, 'refundLines');
  if (lines.length === 0) throw invalidContent('refundLines', 'refundLines must list at least one return line');
  const seen = new Set<number>();
  const plan = lines.map((l, i) => {
    const path = `refundLines[${i}]`;
    const line = ret.lines.find((x) => x.returnOrderLineNumber === l.returnOrderLineNumber);
    if (!line)
      throw invalidContent(
        `${path}.returnOrderLineNumber`,
        `Return order line ${l.returnOrderLineNumber} does not exist in return ${ret.returnOrderId}`,
      );
    if (seen.has(line.returnOrderLineNumber))
      throw invalidContent(
        `${path}.returnOrderLineNumber`,
        `Return order line ${l.returnOrderLineNumber} is listed twice`,
      );
    seen.add(line.returnOrderLineNumber);
    if (l.quantity && !UNITS.includes(l.quantity.unitOfMeasure))
      throw invalidContent(`${path}.quantity.unitOfMeasure`, `unitOfMeasure must be EA or EACH`);
    if (!isDelivered(ret, now))
      throw invalidContent(
        `${path}.returnOrderLineNumber`,
        `Return order line ${line.returnOrderLineNumber} has not been received at the return center yet; refund it once it is delivered`,
      );
    const left = line.quantity - refundedQty(line);
    if (left === 0)
      throw invalidContent(
        `${path}.returnOrderLineNumber`,
        `Return order line ${line.returnOrderLineNumber} is already fully refunded`,
      );
    const quantity = l.quantity?.measurementValue ?? left;
    if (!Number.isInteger(quantity) || quantity < 1)
      throw invalidContent(
        `${path}.quantity.measurementValue`,
        'measurementValue must be a whole number of at least 1',
      );
    if (quantity > left)
      throw invalidContent(
        `${path}.quantity.measurementValue`,
        `Refund of ${quantity} units exceeds the ${left} units of return order line ${line.returnOrderLineNumber} received and not yet refunded`,
      );
    const money = refundCharge(line, quantity);
    const paid = productLeft(orderLineOf(order, line));
    if (money.amount > paid.amount + 0.004 || money.tax > paid.tax + 0.004)
      throw invalidContent(
        `${path}.quantity.measurementValue`,
        `Refund of ${money.amount} + tax ${money.tax} exceeds what is left of PO ${ret.purchaseOrderId} line ${line.purchaseOrderLineNumber}'s item charge (${paid.amount} + tax ${paid.tax}) after earlier refunds`,
      );
    return { line, quantity, unitOfMeasure: l.quantity?.unitOfMeasure ?? 'EA' };
  });
  for (const p of plan) recordReturnRefund(order, ret, p.line, p.quantity, now, 'SELLER_MANUAL_REFUND');
  return {
    returnOrderId: ret.returnOrderId,
    customerOrderId: ret.customerOrderId,
    refundLines: plan.map((p) => ({
      returnOrderLineNumber: p.line.returnOrderLineNumber,
      quantity: { unitOfMeasure: p.unitOfMeasure, measurementValue: p.quantity },
    })),
  };
}
