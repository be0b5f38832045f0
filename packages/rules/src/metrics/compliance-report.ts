import type { Channel, ComplianceMetric, ComplianceOrderRecord } from '@order-hub/types';
import { policyFor } from '../policy/policy-table';
import type { MetricContext } from './metric-context';
import { DEFAULT_AT_RISK_MARGIN } from './metric-status';
import { acknowledgementRate, cancellationRate, preFulfillmentCancelRate, refundRate } from './order-rates';
import { lateShipmentRate, onTimeShipmentRate } from './shipment-timeliness';
import { validTrackingRates } from './tracking-rate';
import { onTimeDeliveryRate } from './delivery-rate';

export interface ComplianceReportOptions {
  /** End of every window (exclusive); the policy in force at this instant sets thresholds and exemptions. */
  asOf: Date;
  marketplace?: string;
  /** Percentage points from the threshold inside which a passing metric is AT_RISK (default 1). */
  atRiskMargin?: number;
}

export function metricContext(channel: Channel, options: ComplianceReportOptions): MetricContext {
  return {
    policy: policyFor(channel, options.marketplace ?? 'US', options.asOf),
    asOf: options.asOf,
    margin: options.atRiskMargin ?? DEFAULT_AT_RISK_MARGIN,
  };
}

/**
 * Every metric the hub computes for a channel, over that channel's orders, as of one instant. Amazon's valid
 * tracking rate comes first overall, then once per product category with shipments in the window.
 */
export function computeComplianceMetrics(
  channel: Channel,
  orders: readonly ComplianceOrderRecord[],
  options: ComplianceReportOptions,
): ComplianceMetric[] {
  const ctx = metricContext(channel, options);
  switch (channel) {
    case 'AMAZON':
      return [
        ...validTrackingRates(orders, ctx),
        lateShipmentRate(orders, ctx, 10),
        lateShipmentRate(orders, ctx, 30),
        preFulfillmentCancelRate(orders, ctx),
        onTimeDeliveryRate(orders, ctx),
      ];
    case 'WALMART':
      return [
        ...validTrackingRates(orders, ctx),
        cancellationRate(orders, ctx),
        refundRate(orders, ctx),
        onTimeShipmentRate(orders, ctx),
        acknowledgementRate(orders, ctx),
        onTimeDeliveryRate(orders, ctx),
      ];
  }
}
