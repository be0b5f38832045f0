import type { ComplianceMetric, ComplianceOrderRecord } from '@order-hub/types';
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

/**
 * When the whole order had been delivered as the hub knew it at `end`: the last DELIVERED carrier event of its
 * shipments confirmed before `end`. Null when any of them has no delivery event yet (no data: never a guess).
 * Undefined when nothing was shipped.
 */
export function orderDeliveredAt(order: ComplianceOrderRecord, end: Date): Date | null | undefined {
  const shipped = order.shipments.filter((s) => before(s.shippedAt, end));
  if (shipped.length === 0) return undefined;
  let last: Date | null = null;
  for (const s of shipped) {
    if (!before(s.deliveredAt, end)) return null;
    if (!last || s.deliveredAt > last) last = s.deliveredAt;
  }
  return last;
}

/**
 * On-Time Delivery Rate (Amazon: > 90% over 14 days; Walmart: ≥ 90% over 30 days): shipped seller-fulfilled
 * orders whose promised delivery falls in the window, delivered on or before it. Delivery comes only from carrier
 * events the hub holds; an order without one is left out (NO_DELIVERY_EVENT), so with no events the rate is N/A.
 */
export function onTimeDeliveryRate(orders: readonly ComplianceOrderRecord[], ctx: MetricContext): ComplianceMetric {
  const { standard, windowDays } = standardFor(ctx.policy, 'ON_TIME_DELIVERY_RATE');
  const window = windowEndingAt(ctx.asOf, windowDays ?? 30);
  const exclusions = new ExclusionCounter();
  const orderIds: string[] = [];
  let denominator = 0;
  for (const order of orders) {
    if (!inWindow(order.deliverBy, window)) continue;
    const deliveredAt = orderDeliveredAt(order, window.end);
    if (deliveredAt === undefined) continue;
    if (!isSellerFulfilled(order)) {
      exclusions.add('CHANNEL_FULFILLED');
    } else if (deliveredAt === null) {
      exclusions.add('NO_DELIVERY_EVENT');
    } else {
      denominator += 1;
      if (deliveredAt.getTime() <= order.deliverBy.getTime()) orderIds.push(order.id);
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
    },
    ctx,
  );
}
