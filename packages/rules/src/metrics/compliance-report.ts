import type { Channel, ComplianceMetric, ComplianceMetricKey, ComplianceOrderRecord } from '@order-hub/types';
import { channelProfile } from '../channels/channel-profile';
import { policyFor } from '../policy/policy-table';
import { addressMismatchRate } from './address-mismatch-rate';
import { onTimeDeliveryRate } from './delivery-rate';
import type { MetricContext } from './metric-context';
import { DEFAULT_AT_RISK_MARGIN } from './metric-status';
import { acknowledgementRate, cancellationRate, preFulfillmentCancelRate, refundRate } from './order-rates';
import { lateShipmentRate, onTimeShipmentRate } from './shipment-timeliness';
import { validTrackingRates } from './tracking-rate';

export interface ComplianceReportOptions {
  /** End of every window (exclusive); the policy in force at this instant sets thresholds and exemptions. */
  asOf: Date;
  marketplace?: string;
  /** Percentage points from the threshold inside which a passing metric is AT_RISK (default 1). */
  atRiskMargin?: number;
  /** When the tracking provider last answered; absent or null when none is on. */
  carrierDataAsOf?: Date | null;
}

export function metricContext(channel: Channel, options: ComplianceReportOptions): MetricContext {
  return {
    policy: policyFor(channel, options.marketplace ?? 'US', options.asOf),
    asOf: options.asOf,
    margin: options.atRiskMargin ?? DEFAULT_AT_RISK_MARGIN,
    carrierDataAsOf: options.carrierDataAsOf ?? null,
  };
}

type MetricsOf = (orders: readonly ComplianceOrderRecord[], ctx: MetricContext) => ComplianceMetric[];

/** How each metric is computed; which a channel reports, and in what order, is its profile's `complianceMetrics`. */
const METRICS: Readonly<Record<ComplianceMetricKey, MetricsOf>> = {
  VALID_TRACKING_RATE: validTrackingRates,
  LATE_SHIPMENT_RATE_10D: (orders, ctx) => [lateShipmentRate(orders, ctx, 10)],
  LATE_SHIPMENT_RATE_30D: (orders, ctx) => [lateShipmentRate(orders, ctx, 30)],
  PRE_FULFILLMENT_CANCEL_RATE: (orders, ctx) => [preFulfillmentCancelRate(orders, ctx)],
  CANCELLATION_RATE: (orders, ctx) => [cancellationRate(orders, ctx)],
  REFUND_RATE: (orders, ctx) => [refundRate(orders, ctx)],
  ON_TIME_SHIPMENT_RATE: (orders, ctx) => [onTimeShipmentRate(orders, ctx)],
  ACKNOWLEDGEMENT_RATE: (orders, ctx) => [acknowledgementRate(orders, ctx)],
  ON_TIME_DELIVERY_RATE: (orders, ctx) => [onTimeDeliveryRate(orders, ctx)],
  ADDRESS_MISMATCH_RATE: (orders, ctx) => {
    const metric = addressMismatchRate(orders, ctx);
    return metric ? [metric] : [];
  },
};

/**
 * Every metric the hub computes for a channel, over that channel's orders, as of one instant, in the order of the
 * channel's profile. Amazon's valid tracking rate comes first overall, then once per product category with shipments
 * in the window.
 */
export function computeComplianceMetrics(
  channel: Channel,
  orders: readonly ComplianceOrderRecord[],
  options: ComplianceReportOptions,
): ComplianceMetric[] {
  const ctx = metricContext(channel, options);
  return channelProfile(channel).complianceMetrics.flatMap((key) => METRICS[key](orders, ctx));
}
