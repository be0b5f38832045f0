import { Random, hashString } from '../../random';
import type { WalmartOrder } from '../../state/types';
import { quantityIn } from '../lifecycle';
import { addReturn } from './create';
import { SELLER_REFUND_WINDOW_MS, recordReturnRefund } from './lifecycle';
import type { WalmartReturnReason } from './types';

const HOUR = 3600 * 1000;
const DAY = 24 * HOUR;

/** Reasons buyers give, weighted roughly as marketplace return reports show them (remorse ahead of faults). */
const REASONS: Partial<Record<WalmartReturnReason, number>> = {
  NO_LONGER_WANTED: 20,
  'WRONG_SIZE/POOR_FIT': 12,
  DEFECTIVE: 12,
  DAMAGED: 10,
  NOT_AS_DESCRIBED: 8,
  BOUGHT_SOMEWHERE_ELSE: 6,
  INCORRECT_ITEM: 6,
  LOWER_PRICE: 5,
  BOUGHT_ANOTHER_SIZE_OR_COLOR: 5,
  ARRIVED_LATE: 4,
  MISSING_PARTS: 4,
  INADEQUATE_QUALITY: 4,
  DUPLICATE_ITEM: 3,
  SHIPPING_BOX_DAMAGED: 3,
  TRIED_TO_CANCEL: 2,
};
/** Share of received returns the seller refunds itself within the 48 hours; Walmart refunds the rest. */
const SELLER_REFUNDS_IN_TIME = 0.85;

/**
 * Gives a delivered seller-fulfilled order a return with probability `share`, drawn from the order's own stream
 * (seeded by its purchase order id), so adding returns changes nothing else the generator draws. The return is
 * opened 1-12 days after delivery and may lie ahead of the clock (it appears when the clock reaches it); one already
 * received long enough ago was refunded by the seller within 48 hours in most cases.
 */
export function generateWalmartReturn(sellerId: string, order: WalmartOrder, now: number, share: number): boolean {
  if (order.shipNodeType !== 'SellerFulfilled' || share <= 0) return false;
  const delivered = order.lines.filter((l) => quantityIn(l, ['Delivered']) > 0);
  if (delivered.length === 0) return false;
  const random = new Random(hashString(`returns:${order.purchaseOrderId}`));
  if (!random.chance(share)) return false;
  const deliveredAt = Math.max(...delivered.map((l) => l.statusDate));
  const chosen = random.chance(0.3) ? delivered : [random.pick(delivered)];
  const lines = chosen.map((l) => ({
    lineNumber: l.lineNumber,
    quantity: random.int(1, quantityIn(l, ['Delivered'])),
    reason: random.weighted(REASONS as Record<WalmartReturnReason, number>),
  }));
  const ret = addReturn(sellerId, order, lines, deliveredAt + Math.round((1 + random.next() * 11) * DAY), random);
  if (random.chance(SELLER_REFUNDS_IN_TIME)) {
    const refundAt = ret.deliveredAt + Math.round((2 + random.next() * 40) * HOUR);
    if (refundAt <= now && refundAt < ret.deliveredAt + SELLER_REFUND_WINDOW_MS)
      for (const line of ret.lines)
        recordReturnRefund(order, ret, line, line.quantity, refundAt, 'SELLER_MANUAL_REFUND');
  }
  return true;
}
