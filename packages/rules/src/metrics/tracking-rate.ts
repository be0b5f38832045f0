import type { ComplianceMetric, ComplianceOrderRecord, ComplianceShipmentRecord } from '@order-hub/types';
import { isValidTrackingExempt } from '../exemptions/valid-tracking-exemption';
import { checkTrackingNumber } from '../tracking/check-tracking-number';
import { ExclusionCounter, inWindow, isSellerFulfilled, standardFor, toMetric, windowEndingAt, type MetricContext } from './metric-context';

/** Whether a shipment's tracking number is valid for its carrier (check digit, placeholders, the order's own numbers). */
export function hasValidTracking(
  order: Pick<ComplianceOrderRecord, 'channelOrderId' | 'customerOrderId'>,
  shipment: Pick<ComplianceShipmentRecord, 'carrier' | 'trackingNumber'>,
): boolean {
  if (!shipment.trackingNumber) return false;
  return checkTrackingNumber(shipment.trackingNumber, shipment.carrier, { orderNumbers: [order.channelOrderId, order.customerOrderId] }).valid;
}

/**
 * Valid Tracking Rate: seller-fulfilled shipments confirmed in the window whose tracking number is valid for
 * its carrier, over all such shipments the policy does not exempt (Amazon's small letters and flats).
 */
export function validTrackingRate(orders: readonly ComplianceOrderRecord[], ctx: MetricContext): ComplianceMetric {
  const { standard, windowDays } = standardFor(ctx.policy, 'VALID_TRACKING_RATE');
  const window = windowEndingAt(ctx.asOf, windowDays ?? 30);
  const exclusions = new ExclusionCounter();
  const orderIds: string[] = [];
  let numerator = 0;
  let denominator = 0;
  for (const order of orders) {
    for (const shipment of order.shipments) {
      if (!inWindow(shipment.shippedAt, window)) continue;
      if (!isSellerFulfilled(order)) {
        exclusions.add('CHANNEL_FULFILLED');
      } else if (isValidTrackingExempt(shipment, order, ctx.policy)) {
        exclusions.add('EXEMPT_LETTER_OR_FLAT');
      } else {
        denominator += 1;
        if (hasValidTracking(order, shipment)) {
          numerator += 1;
          orderIds.push(order.id);
        }
      }
    }
  }
  return toMetric({ key: 'VALID_TRACKING_RATE', label: 'Valid tracking rate', window, standard, numerator, denominator, exclusions, orderIds }, ctx);
}
