import type { ComplianceMetric, ComplianceOrderRecord } from '@order-hub/types';
import {
  before,
  ExclusionCounter,
  inWindow,
  isSellerFulfilled,
  toMetric,
  windowEndingAt,
  type MetricContext,
} from './metric-context';
import { carrierDataOf } from './tracking-rate';

/**
 * Address Mismatch Rate (Walmart's Address Mismatch alarm as a rate; policy.addressMismatch): seller shipments
 * confirmed in the window that the tracking provider follows (an `addressMatch` on the record) and that were
 * delivered before the window's end, counted when the carrier's delivery location is not the ship-to (MISMATCH);
 * a MATCH counts in the denominator, an unknown location is left out (LOCATION_UNKNOWN). Low is good; Walmart
 * publishes no rate standard, so it has no threshold. Null for a channel without the alarm.
 */
export function addressMismatchRate(
  orders: readonly ComplianceOrderRecord[],
  ctx: MetricContext,
): ComplianceMetric | null {
  const definition = ctx.policy.addressMismatch;
  if (!definition) return null;
  const window = windowEndingAt(ctx.asOf, definition.windowDays);
  const exclusions = new ExclusionCounter();
  const orderIds: string[] = [];
  let denominator = 0;
  for (const order of orders) {
    if (!isSellerFulfilled(order)) continue;
    for (const s of order.shipments) {
      if (s.addressMatch === undefined || !inWindow(s.shippedAt, window) || !before(s.deliveredAt, window.end))
        continue;
      if (s.addressMatch === 'MISMATCH') {
        denominator += 1;
        orderIds.push(order.id);
      } else if (s.addressMatch === 'MATCH') {
        denominator += 1;
      } else {
        exclusions.add('LOCATION_UNKNOWN');
      }
    }
  }
  return toMetric(
    {
      key: 'ADDRESS_MISMATCH_RATE',
      label: 'Address mismatch rate (no published standard)',
      window,
      standard: { percent: null, comparator: null },
      numerator: orderIds.length,
      denominator,
      exclusions,
      orderIds,
      carrierData: carrierDataOf(ctx, denominator + exclusions.count('LOCATION_UNKNOWN') > 0),
    },
    ctx,
  );
}
