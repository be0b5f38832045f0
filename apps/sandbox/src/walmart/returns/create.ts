import { Random, hashString } from '../../random';
import type { WalmartLine, WalmartOrder } from '../../state/types';
import { trackingFor } from '../../generator/tracking';
import { quantityIn } from '../lifecycle';
import { returnsOf } from './lifecycle';
import { WALMART_RETURN_REASONS, type WalmartReturn, type WalmartReturnReason } from './types';

const HOUR = 3600 * 1000;
const DAY = 24 * HOUR;

export class ReturnRequestError extends Error {}

export interface ReturnRequestLine {
  lineNumber: string;
  quantity: number;
  reason: WalmartReturnReason;
}

/** Units of a PO line that were shipped and are not already on one of its returns. */
export function returnableQuantity(order: WalmartOrder, line: WalmartLine): number {
  const returned = returnsOf(order)
    .flatMap((r) => r.lines)
    .filter((l) => String(l.purchaseOrderLineNumber) === line.lineNumber)
    .reduce((s, l) => s + l.quantity, 0);
  return quantityIn(line, ['Shipped', 'Delivered']) - returned;
}

/** Checks a control request's lines (default: every shipped unit not yet returned, "no longer wanted"). */
export function returnLines(order: WalmartOrder, requested: unknown): ReturnRequestLine[] {
  if (order.shipNodeType !== 'SellerFulfilled')
    throw new ReturnRequestError(
      `PO ${order.purchaseOrderId} is fulfilled by Walmart (WFS); Walmart handles its returns`,
    );
  if (requested === undefined) {
    const all = order.lines
      .map((l) => ({
        lineNumber: l.lineNumber,
        quantity: returnableQuantity(order, l),
        reason: 'NO_LONGER_WANTED' as const,
      }))
      .filter((l) => l.quantity > 0);
    if (all.length === 0)
      throw new ReturnRequestError(`PO ${order.purchaseOrderId} has no shipped units left to return`);
    return all;
  }
  if (!Array.isArray(requested) || requested.length === 0)
    throw new ReturnRequestError('lines must be a non-empty array of {lineNumber, quantity, reason}');
  const seen = new Set<string>();
  return requested.map((raw: unknown, i) => {
    const l = (raw ?? {}) as Record<string, unknown>;
    const lineNumber = typeof l.lineNumber === 'number' || typeof l.lineNumber === 'string' ? String(l.lineNumber) : '';
    const line = order.lines.find((x) => x.lineNumber === lineNumber);
    if (!line)
      throw new ReturnRequestError(`lines[${i}].lineNumber: PO ${order.purchaseOrderId} has no line ${lineNumber}`);
    if (seen.has(lineNumber))
      throw new ReturnRequestError(`lines[${i}].lineNumber: line ${lineNumber} is listed twice`);
    seen.add(lineNumber);
    const left = returnableQuantity(order, line);
    const quantity = l.quantity === undefined ? left : l.quantity;
    if (typeof quantity !== 'number' || !Number.isInteger(quantity) || quantity < 1)
      throw new ReturnRequestError(`lines[${i}].quantity must be a whole number of at least 1`);
    if (quantity > left)
      throw new ReturnRequestError(
        `lines[${i}].quantity: line ${lineNumber} has ${left} shipped units not already returned (asked ${quantity})`,
      );
    const reason = (l.reason ?? 'NO_LONGER_WANTED') as WalmartReturnReason;
    if (!WALMART_RETURN_REASONS.includes(reason))
      throw new ReturnRequestError(`lines[${i}].reason must be one of ${WALMART_RETURN_REASONS.join(', ')}`);
    return { lineNumber, quantity, reason };
  });
}

/**
 * 18 digits like Walmart's RMA numbers, drawn from the seller id and the PO: the same seed gives the same returns,
 * and two sandbox sellers holding the same PO number (same seed) still get different RMAs.
 */
function returnOrderId(sellerId: string, order: WalmartOrder): string {
  const random = new Random(hashString(`${sellerId}:${order.purchaseOrderId}:${returnsOf(order).length}`));
  return `10${random.digits(16)}`;
}

/**
 * A return of `lines` created at `at`: in transit about a day later and at the return centre a few days after that,
 * unless `timing` says otherwise. The label is a prepaid FedEx Ground label, as Walmart issues for its program.
 */
export function addReturn(
  sellerId: string,
  order: WalmartOrder,
  lines: ReturnRequestLine[],
  at: number,
  random: Random,
  timing: { inTransitAt?: number; deliveredAt?: number } = {},
): WalmartReturn {
  const [firstName, ...rest] = order.address.name.split(' ');
  const inTransitAt = timing.inTransitAt ?? at + Math.round((6 + random.next() * 30) * HOUR);
  const id = returnOrderId(sellerId, order);
  const trackingNo = trackingFor('FedEx', random);
  const ret: WalmartReturn = {
    returnOrderId: id,
    purchaseOrderId: order.purchaseOrderId,
    customerOrderId: order.customerOrderId,
    customerEmailId: order.customerEmailId,
    customerName: { firstName, lastName: rest.join(' ') || firstName },
    returnOrderDate: at,
    inTransitAt,
    deliveredAt: timing.deliveredAt ?? inTransitAt + Math.round((2 + random.next() * 3) * DAY),
    channelName: 'ONLINE',
    label: {
      carrierId: '11',
      carrierName: 'FEDEX',
      serviceType: 'FedEx Ground',
      trackingNo,
      labelImageURL: `https://i5.walmartimages.com/asr/returns/${id}.png`,
    },
    lines: lines.map((l, i) => {
      const line = order.lines.find((x) => x.lineNumber === l.lineNumber);
      if (!line) throw new ReturnRequestError(`PO ${order.purchaseOrderId} has no line ${l.lineNumber}`);
      return {
        returnOrderLineNumber: i + 1,
        purchaseOrderLineNumber: Number(line.lineNumber),
        ...(line.sellerOrderId ? { sellerOrderId: line.sellerOrderId } : {}),
        sku: line.sku,
        productName: line.productName,
        unitPrice: line.unitPrice,
        unitTax: line.unitTax,
        quantity: l.quantity,
        returnReason: l.reason,
        refunds: [],
      };
    }),
  };
  order.returns = [...returnsOf(order), ret];
  return ret;
}
