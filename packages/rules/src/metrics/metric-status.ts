import type { MetricComparator, MetricStatus } from '@order-hub/types';

/** The standard a metric is held to; null percent where the channel publishes none. */
export interface MetricStandard {
  percent: number | null;
  comparator: MetricComparator | null;
}

/** Percentage points from the threshold inside which a passing metric is AT_RISK. */
export const DEFAULT_AT_RISK_MARGIN = 1;

export function ratePercent(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : (numerator * 100) / denominator;
}

export function meetsStandard(value: number, percent: number, comparator: MetricComparator): boolean {
  switch (comparator) {
    case 'AT_LEAST':
      return value >= percent;
    case 'ABOVE':
      return value > percent;
    case 'AT_MOST':
      return value <= percent;
    case 'BELOW':
      return value < percent;
  }
}

export function metricStatus(value: number | null, standard: MetricStandard, margin: number): MetricStatus {
  if (value === null || standard.percent === null || standard.comparator === null) return 'NOT_APPLICABLE';
  if (!meetsStandard(value, standard.percent, standard.comparator)) return 'FAILING';
  return Math.abs(value - standard.percent) < margin ? 'AT_RISK' : 'OK';
}
