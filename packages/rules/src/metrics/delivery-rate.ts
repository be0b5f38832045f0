import type { ComplianceMetric, ComplianceOrderRecord, ComplianceShipmentRecord } from '@order-hub/types';
import {
  before,
  ExclusionCounter,
  inWindow,
  isSellerFulfilled,
  standardFor,
  toMetric,
  windowEndingAt,
  type MetricContext,
} from './metric-context';
import { carrierDataOf } from './tracking-rate';

/**
 * When the carrier first tried to deliver the shipment as the hub knew it at `end`: its first delivery attempt, else
 * its delivery (the SQL's COALESCE of the two events before `end`); null when neither is known.
 */
export function firstDeliveryAttemptAt(
  shipment: Pick<ComplianceShipmentRecord, 'firstDeliveryAttemptAt' | 'deliveredAt'>,
  end: Date,
): Date | null {
  if (before(shipment.firstDeliveryAttemptAt, end)) return shipment.firstDeliveryAttemptAt;
  if (before(shipment.deliveredAt, end)) return shipment.deliveredAt;
  return null;
}

/**
 * When the whole order had its first delivery attempt as the hub knew it at `end`: the last first attempt of its
 * shipments confirmed before `end`. Null when any of them has none yet (no data: never a guess). Undefined when
 * nothing was shipped.
 */
export function orderFirstAttemptAt(order: ComplianceOrderRecord, end: Date): Date | null | undefined {
  const shipped = order.shipments.filter((s) => before(s.shippedAt, end));
  if (shipped.length === 0) return undefined;
  let last: Date | null = null;
  for (const s of shipped) {
    const at = firstDeliveryAttemptAt(s, end);
    if (!at) return null;
    if (!last || at > last) last = at;
  }
  return last;
}

/**
 * On-Time Delivery Rate (Amazon: > 90% over 14 days; Walmart: ≥ 90% over 30 days): shipped seller-fulfilled
 * orders whose promised delivery falls in the window, first attempted (policy.onTimeDelivery: the first delivery
 * attempt, else the delivery) on or before it. Attempts come only from carrier events the hub holds; an order
 * without one is left out (NO_DELIVERY_EVENT), so with no events the rate is N/A.
 */
export function onTimeDeliveryRate(orders: readonly ComplianceOrderRecord[], ctx: MetricContext): ComplianceMetric {
  const { standard, windowDays } = standardFor(ctx.policy, 'ON_TIME_DELIVERY_RATE');
  const window = windowEndingAt(ctx.asOf, windowDays ?? 30);
  const exclusions = new ExclusionCounter();
  const orderIds: string[] = [];
  let denominator = 0;
  for (const order of orders) {
    if (!inWindow(order.deliverBy, window)) continue;
    const attemptedAt = orderFirstAttemptAt(order, window.end);
    if (attemptedAt === undefined) continue;
    if (!isSellerFulfilled(order)) {
      exclusions.add('CHANNEL_FULFILLED');
    } else if (attemptedAt === null) {
      exclusions.add('NO_DELIVERY_EVENT');
    } else {
      denominator += 1;
      if (attemptedAt.getTime() <= order.deliverBy.getTime()) orderIds.push(order.id);
    }
  }
  return toMetric(
    {
      key: 'ON_TIME_DELIVERY_RATE',
      label: 'On-time delivery rate',
      window,
      standard,
      numerator: orderIds.length,
      denominator,
      exclusions,
      orderIds,
      carrierData: carrierDataOf(ctx, denominator > 0),
    },
    ctx,
  );
}
