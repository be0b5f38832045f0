import { randomBytes } from 'node:crypto';
import type { WalmartLine, WalmartOrder, WalmartRefundCharge } from '../state/types';
import { invalidContent } from './errors';
import { quantityIn } from './lifecycle';
import { lineCharges, round } from './serialize';
import { nonEmpty, oneOf, root, text } from './validate';

type Money = { currency: string; amount: number };

interface RefundLineBody {
  lineNumber: string;
  isFullRefund?: boolean;
  refunds: {
    refund: {
      refundComments?: string;
      refundCharges?: {
        refundCharge?: {
          refundReason: string;
          charge: {
            chargeType: string;
            chargeName: string;
            chargeAmount: Money;
            tax?: { taxName: string; taxAmount: Money };
          };
        }[];
      };
    }[];
  };
}

interface RefundBody {
  purchaseOrderId: string;
  orderLines: { orderLine: RefundLineBody[] };
}

function negativeAmount(money: Money, path: string): number {
  if (money.amount >= 0) throw invalidContent(`${path}.amount`, `${path}.amount must be negative for a refund`);
  return round(money.amount);
}

function parseCharges(l: RefundLineBody, path: string): { comments?: string; charges: WalmartRefundCharge[] } {
  const charges: WalmartRefundCharge[] = [];
  let comments: string | undefined;
  nonEmpty(l.refunds.refund, `${path}.refunds.refund`).forEach((refund, i) => {
    const rp = `${path}.refunds.refund[${i}]`;
    if (refund.refundComments !== undefined) comments = refund.refundComments;
    nonEmpty(refund.refundCharges?.refundCharge ?? [], `${rp}.refundCharges.refundCharge`).forEach((rc, j) => {
      const cp = `${rp}.refundCharges.refundCharge[${j}]`;
      const { charge } = rc;
      const out: WalmartRefundCharge = {
        refundReason: rc.refundReason,
        chargeType: oneOf(charge.chargeType, `${cp}.charge.chargeType`, ['PRODUCT', 'SHIPPING']),
        chargeName: text(charge.chargeName, `${cp}.charge.chargeName`),
        amount: negativeAmount(charge.chargeAmount, `${cp}.charge.chargeAmount`),
      };
      if (charge.tax !== undefined) {
        out.taxName = charge.tax.taxName;
        out.taxAmount = negativeAmount(charge.tax.taxAmount, `${cp}.charge.tax.taxAmount`);
      }
      charges.push(out);
    });
  });
  return { comments, charges };
}

export function refunded(line: WalmartLine, chargeType: string, field: 'amount' | 'taxAmount'): number {
  return -line.refunds
    .flatMap((r) => r.charges)
    .filter((c) => c.chargeType === chargeType)
    .reduce((sum, c) => sum + (c[field] ?? 0), 0);
}

/** `POST /v3/orders/{po}/refund`: shipped lines only, negative amounts, never more than was charged. */
export function applyRefund(order: WalmartOrder, body: unknown, now: number): void {
  if (order.shipNodeType !== 'SellerFulfilled')
    throw invalidContent(
      'purchaseOrderId',
      `PO ${order.purchaseOrderId} is fulfilled by Walmart (WFS); its refunds are handled by Walmart`,
    );
  const refund = root<RefundBody>(body, 'orderRefund');
  if (refund.purchaseOrderId !== order.purchaseOrderId) {
    throw invalidContent(
      'orderRefund.purchaseOrderId',
      'orderRefund.purchaseOrderId must match the purchase order in the path',
    );
  }
  const lines = nonEmpty(refund.orderLines.orderLine, 'orderRefund.orderLines.orderLine');
  const parsed = lines.map((l, i) => {
    const path = `orderRefund.orderLines.orderLine[${i}]`;
    const { lineNumber } = l;
    const line = order.lines.find((x) => x.lineNumber === lineNumber);
    if (!line)
      throw invalidContent(`${path}.lineNumber`, `Line ${lineNumber} does not exist in PO ${order.purchaseOrderId}`);
    if (quantityIn(line, ['Shipped', 'Delivered']) === 0) {
      throw invalidContent(
        `${path}.lineNumber`,
        `Line ${lineNumber} of PO ${order.purchaseOrderId} is not shipped; only shipped lines can be refunded (cancel unshipped lines)`,
      );
    }
    const isFull = l.isFullRefund === true;
    // The model requires refunds[] on every line, full refunds included: the charges sent are the ones refunded.
    const { comments, charges } = parseCharges(l, path);
    return { line, isFull, comments, charges, path };
  });
  if (new Set(parsed.map((p) => p.isFull)).size > 1)
    throw invalidContent('isFullRefund', 'A refund request must not mix full and partial refund lines');
  for (const p of parsed) {
    for (const chargeType of ['PRODUCT', 'SHIPPING']) {
      const charged = lineCharges(p.line).find((c) => c.chargeType === chargeType) ?? { amount: 0, tax: 0 };
      const mine = p.charges.filter((c) => c.chargeType === chargeType);
      const amount = refunded(p.line, chargeType, 'amount') - mine.reduce((s, c) => s + c.amount, 0);
      const tax = refunded(p.line, chargeType, 'taxAmount') - mine.reduce((s, c) => s + (c.taxAmount ?? 0), 0);
      if (round(amount) > charged.amount || round(tax) > charged.tax) {
        throw invalidContent(
          `${p.path}.refunds`,
          `Refund for line ${p.line.lineNumber} exceeds the ${chargeType} charge (${charged.amount} + tax ${charged.tax}) less earlier refunds`,
        );
      }
    }
    if (p.isFull) {
      const left =
        lineCharges(p.line).reduce((sum, c) => sum + c.amount, 0) -
        (refunded(p.line, 'PRODUCT', 'amount') + refunded(p.line, 'SHIPPING', 'amount'));
      const sent = -p.charges.reduce((sum, c) => sum + c.amount, 0);
      if (left <= 0)
        throw invalidContent(`${p.path}.isFullRefund`, `Line ${p.line.lineNumber} is already fully refunded`);
      if (round(left - sent) > 0)
        throw invalidContent(
          `${p.path}.refunds`,
          `isFullRefund: the refund charges of line ${p.line.lineNumber} (${round(sent)}) must cover what is left of its charges (${round(left)})`,
        );
    }
  }
  for (const p of parsed) {
    p.line.refunds.push({ refundId: randomBytes(8).toString('hex'), refundComments: p.comments, charges: p.charges });
    p.line.statusDate = now;
  }
  order.lastModified = now;
}
