import type { ComplianceMetric, ComplianceMetricKey, ComplianceOrderRecord } from '@order-hub/types';
import { acknowledgeBy } from '../deadlines/deadlines';
import type { PerformanceMetric } from '../policy/policy-table';
import {
  before,
  ExclusionCounter,
  inWindow,
  isSellerFulfilled,
  standardFor,
  toMetric,
  windowEndingAt,
  type MetricContext,
  type MetricWindow,
} from './metric-context';
import type { MetricStandard } from './metric-status';

/** 'count' puts the order in the numerator, 'skip' only in the denominator, `exclude` leaves it out under that reason. */
type Verdict = 'count' | 'skip' | { exclude: string };

interface OrderRateSpec {
  key: ComplianceMetricKey;
  label: string;
  window: MetricWindow;
  standard: MetricStandard;
  classify: (order: ComplianceOrderRecord) => Verdict;
}

/** A rate over the seller-fulfilled orders placed in the window. */
function orderRate(
  orders: readonly ComplianceOrderRecord[],
  ctx: MetricContext,
  spec: OrderRateSpec,
): ComplianceMetric {
  const exclusions = new ExclusionCounter();
  const orderIds: string[] = [];
  let denominator = 0;
  for (const order of orders) {
    if (!inWindow(order.orderedAt, spec.window)) continue;
    if (!isSellerFulfilled(order)) {
      exclusions.add('CHANNEL_FULFILLED');
      continue;
    }
    const verdict = spec.classify(order);
    if (typeof verdict === 'object') {
      exclusions.add(verdict.exclude);
      continue;
    }
    denominator += 1;
    if (verdict === 'count') orderIds.push(order.id);
  }
  const { key, label, window, standard } = spec;
  return toMetric({ key, label, window, standard, numerator: orderIds.length, denominator, exclusions, orderIds }, ctx);
}

function specFor(ctx: MetricContext, metric: PerformanceMetric, fallbackDays: number) {
  const { standard, windowDays } = standardFor(ctx.policy, metric);
  return { standard, window: windowEndingAt(ctx.asOf, windowDays ?? fallbackDays) };
}

/**
 * Cancellations the seller answers for: by the seller, or the channel's auto-cancel of an order not shipped in
 * time. Buyer-requested cancellations, and those the channel made for reasons of its own, are left out altogether.
 */
function sellerCancellation(order: ComplianceOrderRecord, end: Date): Verdict {
  const c = order.cancellation;
  if (!c || !before(c.at, end)) return 'skip';
  if (c.initiator === 'BUYER') return { exclude: 'BUYER_REQUESTED' };
  return c.initiator === 'CHANNEL' ? { exclude: 'CHANNEL_CANCELLED' } : 'count';
}

/** Amazon Pre-fulfillment Cancel Rate: orders placed in the last 7 days the seller cancelled before shipping. */
export function preFulfillmentCancelRate(
  orders: readonly ComplianceOrderRecord[],
  ctx: MetricContext,
): ComplianceMetric {
  const { standard, window } = specFor(ctx, 'PRE_FULFILLMENT_CANCEL_RATE', 7);
  return orderRate(orders, ctx, {
    key: 'PRE_FULFILLMENT_CANCEL_RATE',
    label: 'Pre-fulfillment cancel rate',
    window,
    standard,
    classify: (o) => sellerCancellation(o, window.end),
  });
}

/** Walmart Cancellation Rate: orders cancelled by the seller after receipt, auto-cancels included. */
export function cancellationRate(orders: readonly ComplianceOrderRecord[], ctx: MetricContext): ComplianceMetric {
  const { standard, window } = specFor(ctx, 'CANCELLATION_RATE', 30);
  return orderRate(orders, ctx, {
    key: 'CANCELLATION_RATE',
    label: 'Cancellation rate',
    window,
    standard,
    classify: (o) => sellerCancellation(o, window.end),
  });
}

/** Walmart Refund Rate: orders refunded for a seller-caused reason (damaged, wrong item, not received...). */
export function refundRate(orders: readonly ComplianceOrderRecord[], ctx: MetricContext): ComplianceMetric {
  const { standard, window } = specFor(ctx, 'REFUND_RATE', 30);
  return orderRate(orders, ctx, {
    key: 'REFUND_RATE',
    label: 'Refund rate',
    window,
    standard,
    classify: (o) => (before(o.sellerFaultRefundAt, window.end) ? 'count' : 'skip'),
  });
}

/**
 * Acknowledged within the channel's deadline (Walmart: 4 hours), over the orders placed in the window whose
 * deadline has passed. Walmart publishes no rate standard for it, so it carries no threshold. An order the channel
 * shows acknowledged with no time the hub recorded (acknowledged in Seller Center) is neither late nor on time: it is
 * left out as ACKNOWLEDGED_AT_UNKNOWN.
 */
export function acknowledgementRate(
  orders: readonly ComplianceOrderRecord[],
  ctx: MetricContext,
  days = 30,
): ComplianceMetric {
  const window = windowEndingAt(ctx.asOf, days);
  const end = window.end.getTime();
  return orderRate(orders, ctx, {
    key: 'ACKNOWLEDGEMENT_RATE',
    label: `Acknowledged within ${ctx.policy.acknowledgeWithinHours ?? 0} hours (no published rate standard; acknowledgements at an unknown time left out)`,
    window,
    standard: { percent: null, comparator: null },
    classify: (o) => {
      const deadline = o.acknowledgeBy ?? acknowledgeBy(o.orderedAt, ctx.policy);
      if (!deadline) return { exclude: 'NO_ACKNOWLEDGEMENT' };
      const acknowledged = before(o.acknowledgedAt, window.end) ? o.acknowledgedAt : null;
      if (acknowledged) return acknowledged.getTime() <= deadline.getTime() ? 'count' : 'skip';
      if (deadline.getTime() >= end) return { exclude: 'NOT_YET_DUE' };
      if (before(o.cancellation?.at, deadline)) return { exclude: 'CANCELLED_BEFORE_DUE' };
      return o.acknowledged && !o.acknowledgedAt ? { exclude: 'ACKNOWLEDGED_AT_UNKNOWN' } : 'skip';
    },
  });
}
