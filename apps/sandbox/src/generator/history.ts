import { planReturn } from '../amazon/returns/returns';
import type { Random } from '../random';
import type { AmazonOrder, WalmartLine, WalmartOrder } from '../state/types';
import type { SellerHistory } from './options';
import { type GeneratedCarrier, trackingFor } from './tracking';

const HOUR = 3600 * 1000;
const DAY = 24 * HOUR;
const CARRIERS: readonly GeneratedCarrier[] = ['UPS', 'USPS', 'FedEx'];
/** Current Walmart reasons a seller picks when cancelling before shipment. */
const WALMART_SELLER_CANCEL_REASONS = [
  'SELLER_CANCEL_OUT_OF_STOCK',
  'SELLER_CANCEL_OUT_OF_STOCK',
  'SELLER_CANCEL_PRICING_ERROR',
  'SELLER_CANCEL_ADDRESS_NOT_SERVICEABLE',
] as const;

/** What the seller did with one past-due order: cancelled it, or shipped it (and maybe it was delivered). */
export type HistoryOutcome =
  | { kind: 'cancelled'; at: number }
  | { kind: 'shipped'; shipAt: number; carrier: GeneratedCarrier; trackingNumber: string; deliveredAt?: number };

/** Changes the last (check) digit so the carrier's checksum rejects the number while its layout stays right. */
export function breakCheckDigit(trackingNumber: string): string {
  const last = Number(trackingNumber.at(-1));
  return `${trackingNumber.slice(0, -1)}${(last + 1) % 10}`;
}

/**
 * Draws the seller's history for one order placed at `placedAt`, due to ship by `shipBy` and promised by `deliverBy`.
 * Returns null when the ship-by has not passed yet (the order is still the seller's to work on).
 */
export function drawOutcome(
  random: Random,
  history: SellerHistory,
  now: number,
  placedAt: number,
  shipBy: number,
  deliverBy: number,
): HistoryOutcome | null {
  if (shipBy > now) return null;
  const earliestShip = placedAt + 2 * HOUR;
  if (random.chance(history.cancelled)) {
    // The seller cancels before the ship-by, some time after the order came in.
    const from = Math.min(earliestShip, shipBy);
    return { kind: 'cancelled', at: Math.min(now, from + Math.floor(random.next() * Math.max(0, shipBy - from))) };
  }
  const late = random.chance(history.late);
  const shipAt = late
    ? shipBy + Math.round((2 + random.next() * 28) * HOUR)
    : Math.min(earliestShip, shipBy) + Math.floor(random.next() * Math.max(0, shipBy - earliestShip));
  // A late shipment still ahead of now has not happened: the order is overdue and still open.
  if (shipAt > now - 60_000) return null;
  const carrier = random.pick(CARRIERS);
  const valid = trackingFor(carrier, random);
  const trackingNumber = random.chance(history.invalidTracking) ? breakCheckDigit(valid) : valid;
  const outcome: HistoryOutcome = { kind: 'shipped', shipAt, carrier, trackingNumber };
  if (now - shipAt > 2 * DAY && random.chance(history.delivered)) {
    // Transit takes at least a day; on time means at or before the promise, late 1–3 days after it.
    const firstPossible = shipAt + DAY;
    const deliveredAt = random.chance(history.lateDelivery)
      ? Math.max(firstPossible, deliverBy + Math.round((1 + random.next() * 2) * DAY))
      : firstPossible >= deliverBy
        ? firstPossible
        : firstPossible + Math.floor(random.next() * (deliverBy - firstPossible));
    // A late delivery still ahead of now leaves the package in transit.
    if (deliveredAt <= now) outcome.deliveredAt = deliveredAt;
  }
  return outcome;
}

function walmartOpen(line: WalmartLine): boolean {
  return line.buckets.every((b) => b.status === 'Created' || b.status === 'Acknowledged');
}

/** Applies the seller's past actions to a seller-fulfilled Walmart order whose ship date has passed. Returns true if changed. */
export function applyWalmartHistory(order: WalmartOrder, random: Random, history: SellerHistory, now: number): boolean {
  if (order.shipNodeType !== 'SellerFulfilled') return false;
  if (order.lines.some((l) => l.intentToCancel) || !order.lines.every(walmartOpen)) return false;
  const outcome = drawOutcome(
    random,
    history,
    now,
    order.orderDate,
    order.estimatedShipDate,
    order.estimatedDeliveryDate,
  );
  if (!outcome) return false;
  let last: number;
  if (outcome.kind === 'cancelled') {
    const reason = random.pick(WALMART_SELLER_CANCEL_REASONS);
    for (const line of order.lines) {
      line.buckets = [{ status: 'Cancelled', quantity: line.quantity, cancellationReason: reason }];
      line.statusDate = outcome.at;
    }
    last = outcome.at;
  } else {
    const tracking = {
      shipDateTime: outcome.shipAt,
      carrier: outcome.carrier,
      methodCode: order.methodCode,
      trackingNumber: outcome.trackingNumber,
    };
    last = outcome.deliveredAt ?? outcome.shipAt;
    for (const line of order.lines) {
      line.buckets = [
        {
          status: outcome.deliveredAt ? 'Delivered' : 'Shipped',
          quantity: line.quantity,
          shippedAt: outcome.shipAt,
          tracking: { ...tracking },
        },
      ];
      line.statusDate = last;
    }
  }
  order.lastModified = Math.max(order.lastModified, last);
  return true;
}

/** Applies the seller's past actions to a merchant-fulfilled Amazon order whose ship-by has passed. Returns true if changed. */
export function applyAmazonHistory(order: AmazonOrder, random: Random, history: SellerHistory, now: number): boolean {
  if (order.fulfilledBy !== 'MERCHANT' || order.cancelled) return false;
  if (
    order.items.some((i) => i.buyerRequestedCancel || i.quantityShipped > 0 || i.quantityCancelled > 0) ||
    order.packages.length > 0
  )
    return false;
  const outcome = drawOutcome(random, history, now, order.createdTime, order.shipBy.latest, order.deliverBy.latest);
  if (!outcome) return false;
  if (outcome.kind === 'cancelled') {
    for (const item of order.items) {
      item.quantityCancelled = item.quantity;
      item.cancelledBy = 'SELLER';
      item.cancelReason = 'NoInventory';
    }
    order.cancelled = true;
    order.lastUpdatedTime = Math.max(order.lastUpdatedTime, outcome.at);
    return true;
  }
  // Built as confirmShipment builds it: reference "1", the carrier code Amazon knows, every unit in the one package.
  order.packages = [
    {
      packageReferenceId: '1',
      carrierCode: outcome.carrier,
      trackingNumber: outcome.trackingNumber,
      shipTime: outcome.shipAt,
      createdTime: outcome.shipAt,
      status: outcome.deliveredAt ? 'DELIVERED' : outcome.shipAt < now - DAY ? 'IN_TRANSIT' : 'SHIPPED',
      items: order.items.map((i) => ({ orderItemId: i.orderItemId, quantity: i.quantity })),
    },
  ];
  for (const item of order.items) item.quantityShipped = item.quantity;
  order.lastUpdatedTime = Math.max(order.lastUpdatedTime, outcome.deliveredAt ?? outcome.shipAt);
  // Some delivered orders come back; the returns reports show them as the sandbox clock reaches their dates.
  if (outcome.deliveredAt) planReturn(order, outcome.deliveredAt);
  return true;
}
