import { randomBytes } from 'node:crypto';
import type { WalmartLine, WalmartOrder, WalmartRefundCharge } from '../state/types';
import { WALMART_REFUND_REASONS } from './enums';
import { invalidContent } from './errors';
import { quantityIn } from './lifecycle';
import { lineCharges, round } from './serialize';
import { bool, list, obj, oneOf, text } from './validate';

function negativeAmount(value: unknown, path: string): number {
  const amount = obj(value, path).amount;
  if (typeof amount !== 'number' || !Number.isFinite(amount)) throw invalidContent(`${path}.amount`, `${path}.amount must be a number`);
  if (amount >= 0) throw invalidContent(`${path}.amount`, `${path}.amount must be negative for a refund`);
  return round(amount);
}

function parseCharges(raw: Record<string, unknown>, path: string): { comments?: string; charges: WalmartRefundCharge[] } {
  const refunds = list(obj(raw.refunds, `${path}.refunds`).refund, `${path}.refunds.refund`);
  const charges: WalmartRefundCharge[] = [];
  let comments: string | undefined;
  refunds.forEach((r, i) => {
    const rp = `${path}.refunds.refund[${i}]`;
    const refund = obj(r, rp);
    if (refund.refundComments !== undefined) comments = text(refund.refundComments, `${rp}.refundComments`);
    list(obj(refund.refundCharges, `${rp}.refundCharges`).refundCharge, `${rp}.refundCharges.refundCharge`).forEach((c, j) => {
      const cp = `${rp}.refundCharges.refundCharge[${j}]`;
      const rc = obj(c, cp);
      const charge = obj(rc.charge, `${cp}.charge`);
      const out: WalmartRefundCharge = {
        refundReason: oneOf(rc.refundReason, `${cp}.refundReason`, WALMART_REFUND_REASONS),
        chargeType: oneOf(charge.chargeType, `${cp}.charge.chargeType`, ['PRODUCT', 'SHIPPING']),
        chargeName: text(charge.chargeName, `${cp}.charge.chargeName`),
        amount: negativeAmount(charge.chargeAmount, `${cp}.charge.chargeAmount`),
      };
      if (charge.tax !== undefined) {
        const tax = obj(charge.tax, `${cp}.charge.tax`);
        out.taxName = text(tax.taxName, `${cp}.charge.tax.taxName`);
        out.taxAmount = negativeAmount(tax.taxAmount, `${cp}.charge.tax.taxAmount`);
      }
      charges.push(out);
    });
  });
  return { comments, charges };
}

function refunded(line: WalmartLine, chargeType: string, field: 'amount' | 'taxAmount'): number {
  return -line.refunds.flatMap((r) => r.charges).filter((c) => c.chargeType === chargeType).reduce((sum, c) => sum + (c[field] ?? 0), 0);
}

/** `POST /v3/orders/{po}/refund`: shipped lines only, negative amounts, never more than was charged. */
export function applyRefund(order: WalmartOrder, body: unknown, now: number): void {
  if (order.shipNodeType !== 'SellerFulfilled') throw invalidContent('purchaseOrderId', `PO ${order.purchaseOrderId} is fulfilled by Walmart (WFS); its refunds are handled by Walmart`);
  const root = obj(obj(body, 'orderRefund').orderRefund, 'orderRefund');
  if (text(root.purchaseOrderId, 'orderRefund.purchaseOrderId') !== order.purchaseOrderId) {
    throw invalidContent('orderRefund.purchaseOrderId', 'orderRefund.purchaseOrderId must match the purchase order in the path');
  }
  const lines = list(obj(root.orderLines, 'orderRefund.orderLines').orderLine, 'orderRefund.orderLines.orderLine');
  const parsed = lines.map((raw, i) => {
    const path = `orderRefund.orderLines.orderLine[${i}]`;
    const l = obj(raw, path);
    const lineNumber = text(l.lineNumber, `${path}.lineNumber`);
    const line = order.lines.find((x) => x.lineNumber === lineNumber);
    if (!line) throw invalidContent(`${path}.lineNumber`, `Line ${lineNumber} does not exist in PO ${order.purchaseOrderId}`);
    if (quantityIn(line, ['Shipped', 'Delivered']) === 0) {
      throw invalidContent(`${path}.lineNumber`, `Line ${lineNumber} of PO ${order.purchaseOrderId} is not shipped; only shipped lines can be refunded (cancel unshipped lines)`);
    }
    const isFull = bool(l.isFullRefund, `${path}.isFullRefund`);
    // The model requires refunds[] on every line, full refunds included: the charges sent are the ones refunded.
    const { comments, charges } = parseCharges(l, path);
    return { line, isFull, comments, charges, path };
  });
  if (new Set(parsed.map((p) => p.isFull)).size > 1) throw invalidContent('isFullRefund', 'A refund request must not mix full and partial refund lines');
  for (const p of parsed) {
    for (const chargeType of ['PRODUCT', 'SHIPPING']) {
      const charged = lineCharges(p.line).find((c) => c.chargeType === chargeType) ?? { amount: 0, tax: 0 };
      const mine = p.charges.filter((c) => c.chargeType === chargeType);
      const amount = refunded(p.line, chargeType, 'amount') - mine.reduce((s, c) => s + c.amount, 0);
      const tax = refunded(p.line, chargeType, 'taxAmount') - mine.reduce((s, c) => s + (c.taxAmount ?? 0), 0);
      if (round(amount) > charged.amount || round(tax) > charged.tax) {
        throw invalidContent(`${p.path}.refunds`, `Refund for line ${p.line.lineNumber} exceeds the ${chargeType} charge (${charged.amount} + tax ${charged.tax}) less earlier refunds`);
      }
    }
    if (p.isFull) {
      const left = lineCharges(p.line).reduce((sum, c) => sum + c.amount, 0) - (refunded(p.line, 'PRODUCT', 'amount') + refunded(p.line, 'SHIPPING', 'amount'));
      const sent = -p.charges.reduce((sum, c) => sum + c.amount, 0);
      if (left <= 0) throw invalidContent(`${p.path}.isFullRefund`, `Line ${p.line.lineNumber} is already fully refunded`);
      if (round(left - sent) > 0) throw invalidContent(`${p.path}.refunds`, `isFullRefund: the refund charges of line ${p.line.lineNumber} (${round(sent)}) must cover what is left of its charges (${round(left)})`);
    }
  }
  for (const p of parsed) {
    p.line.refunds.push({ refundId: randomBytes(8).toString('hex'), refundComments: p.comments, charges: p.charges });
    p.line.statusDate = now;
  }
  order.lastModified = now;
}
