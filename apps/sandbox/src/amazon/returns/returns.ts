import { type GeneratedCarrier, trackingFor } from '../../generator/tracking';
import { Random, hashString } from '../../random';
import type { AccountData, AmazonItem, AmazonOrder, AmazonReturn } from '../../state/types';

const DAY = 24 * 3600 * 1000;

/** Share of delivered seller-fulfilled orders that come back: Amazon's average return rate is in the 5–10 % range. */
export const RETURN_SHARE = 0.06;

/**
 * Return reason codes as the returns reports write them ("Return Reason" column). `sellerPays` marks the reasons
 * Amazon treats as the seller's fault, for which the seller pays the prepaid label; buyer-remorse labels are
 * deducted from the buyer's refund.
 */
export const RETURN_REASONS: readonly { code: string; sellerPays: boolean; weight: number }[] = [
  { code: 'CR-DEFECTIVE', sellerPays: true, weight: 14 },
  { code: 'CR-UNWANTED_ITEM', sellerPays: false, weight: 20 },
  { code: 'CR-ORDERED_WRONG_ITEM', sellerPays: false, weight: 8 },
  { code: 'CR-DAMAGED_BY_CARRIER', sellerPays: true, weight: 6 },
  { code: 'CR-SWITCHEROO', sellerPays: true, weight: 3 },
  { code: 'CR-MISSING_PARTS', sellerPays: true, weight: 5 },
  { code: 'CR-QUALITY_UNACCEPTABLE', sellerPays: true, weight: 9 },
  { code: 'CR-NOT_COMPATIBLE', sellerPays: false, weight: 6 },
  { code: 'CR-FOUND_BETTER_PRICE', sellerPays: false, weight: 4 },
  { code: 'CR-MISSED_ESTIMATED_DELIVERY', sellerPays: true, weight: 4 },
  { code: 'CR-NO_REASON_GIVEN', sellerPays: false, weight: 6 },
  { code: 'AMZ-PG-BAD-DESC', sellerPays: true, weight: 6 },
  { code: 'AMZ-PG-APP-TOO-LARGE', sellerPays: false, weight: 5 },
  { code: 'AMZ-PG-APP-TOO-SMALL', sellerPays: false, weight: 4 },
];
export const RETURN_REASON_CODES = RETURN_REASONS.map((r) => r.code);

const RETURN_CARRIERS: readonly GeneratedCarrier[] = ['UPS', 'UPS', 'USPS'];
const RMA_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export function toCents(amount: string | number): number {
  return Math.round(Number(amount) * 100);
}

export function formatCents(cents: number): string {
  return (cents / 100).toFixed(2);
}

/** Units of the item shipped to the buyer and not yet on a return. */
export function returnableUnits(order: AmazonOrder, item: AmazonItem): number {
  const returned = (order.returns ?? [])
    .filter((r) => r.orderItemId === item.orderItemId)
    .reduce((sum, r) => sum + r.quantity, 0);
  return item.quantityShipped - returned;
}

export interface NewReturn {
  item: AmazonItem;
  quantity: number;
  reason: string;
  requestedAt: number;
  receivedAt?: number;
}

/** Records a return on its order with Amazon's prepaid label (carrier, tracking id, label cost). */
export function addReturn(order: AmazonOrder, request: NewReturn, random: Random): AmazonReturn {
  const carrier = random.pick(RETURN_CARRIERS);
  const reason = RETURN_REASONS.find((r) => r.code === request.reason);
  const ret: AmazonReturn = {
    rma: `D${random.alnum(8, RMA_ALPHABET)}RRMA`,
    orderItemId: request.item.orderItemId,
    quantity: request.quantity,
    reason: request.reason,
    requestedAt: request.requestedAt,
    ...(request.receivedAt !== undefined ? { receivedAt: request.receivedAt } : {}),
    carrier,
    trackingId: trackingFor(carrier, random),
    labelCostCents: random.int(550, 1150),
    labelPaidBy: reason?.sellerPays === false ? 'Customer' : 'Seller',
    inPolicy: true,
  };
  order.returns = [...(order.returns ?? []), ret];
  return ret;
}

/**
 * Decides, from the order id alone (so the generator's own stream is untouched and a seed replays), whether a
 * delivered order comes back: about RETURN_SHARE of them, requested 1–14 days after delivery and delivered back to
 * the seller 2–6 days later. Times past `now` are the future: the reports show them once the clock gets there.
 */
export function planReturn(order: AmazonOrder, deliveredAt: number): AmazonReturn | null {
  const random = new Random(hashString(`${order.orderId}:return`));
  if (!random.chance(RETURN_SHARE)) return null;
  const item = random.pick(order.items);
  if (returnableUnits(order, item) < 1) return null;
  const quantity = item.quantityShipped > 1 && random.chance(0.3) ? random.int(2, item.quantityShipped) : 1;
  const requestedAt = deliveredAt + random.int(1, 14) * DAY + random.int(0, 23) * 3600 * 1000;
  const reason = random.weighted(Object.fromEntries(RETURN_REASONS.map((r) => [r.code, r.weight])));
  return addReturn(
    order,
    { item, quantity, reason, requestedAt, receivedAt: requestedAt + random.int(2, 6) * DAY },
    random,
  );
}

export function findReturn(data: AccountData, rma: string): { order: AmazonOrder; ret: AmazonReturn } | undefined {
  for (const order of data.amazonOrders.values()) {
    const ret = order.returns?.find((r) => r.rma === rma);
    if (ret) return { order, ret };
  }
  return undefined;
}

/** What the buyer paid for the returned units (item price and tax), in cents. */
export function returnValueCents(order: AmazonOrder, ret: AmazonReturn): number {
  const item = order.items.find((i) => i.orderItemId === ret.orderItemId);
  return item ? ret.quantity * (toCents(item.unitPrice) + toCents(item.unitTax)) : 0;
}

/** Net refunded on an item through order adjustments (credits minus restocking fees), in cents. */
export function itemRefundedCents(item: AmazonItem): number {
  return (item.adjustments ?? []).reduce((sum, a) => sum + a.components.reduce((s, c) => s + c.cents, 0), 0);
}

/**
 * The "Refunded Amount" of each return of an order: an adjustment names an order item, not an RMA, so an item's
 * refunds are credited to its returns oldest first, each up to what its units cost; what is left goes to the last.
 */
export function refundedByReturn(order: AmazonOrder, now: number): Map<string, number> {
  const out = new Map<string, number>();
  for (const item of order.items) {
    const returns = (order.returns ?? [])
      .filter((r) => r.orderItemId === item.orderItemId && r.requestedAt <= now)
      .sort((a, b) => a.requestedAt - b.requestedAt);
    let left = itemRefundedCents(item);
    returns.forEach((r, i) => {
      const share = i === returns.length - 1 ? left : Math.min(left, returnValueCents(order, r));
      out.set(r.rma, Math.max(0, share));
      left -= Math.max(0, share);
    });
  }
  return out;
}
