import type { MetricComparator, MetricStatus } from '@order-hub/types';

/** The fields of a reported metric that decide how much it needs attention. */
export interface SeverityInput {
  status: MetricStatus;
  /** Absent or null: nothing measured, or no published standard. */
  value?: number | null;
  threshold?: number | null;
  comparator?: MetricComparator | null;
}

/** Failing first, then at risk, then passing, then the metrics with nothing to measure. */
const STATUS_RANK: Record<MetricStatus, number> = { FAILING: 0, AT_RISK: 1, OK: 2, NOT_APPLICABLE: 3 };

/**
 * Percentage points the value stands on the wrong side of its threshold: positive when failing (how far beyond),
 * zero or negative when passing (minus the headroom left). Null when there is nothing to compare.
 */
export function pointsBeyondThreshold(m: SeverityInput): number | null {
  if (m.value == null || m.threshold == null || m.comparator == null) return null;
  const heldLow = m.comparator === 'AT_MOST' || m.comparator === 'BELOW';
  return heldLow ? m.value - m.threshold : m.threshold - m.value;
}

/**
 * Compares two metrics by how urgently they need the seller: by status (failing, at risk, passing, not
 * applicable), then by how far past the threshold a failing one is, or how little headroom an at-risk or passing
 * one has left. Metrics alike keep their report order (Array.prototype.sort is stable).
 */
export function compareMetricSeverity(a: SeverityInput, b: SeverityInput): number {
  const byStatus = STATUS_RANK[a.status] - STATUS_RANK[b.status];
  if (byStatus !== 0) return byStatus;
  const pa = pointsBeyondThreshold(a);
  const pb = pointsBeyondThreshold(b);
  if (pa === null || pb === null) return 0;
  return pb - pa;
}

/** The metrics most in need of attention first; the input is not changed. */
export function sortMetricsBySeverity<T extends SeverityInput>(metrics: readonly T[]): T[] {
  return [...metrics].sort(compareMetricSeverity);
}

export interface HealthCounts {
  failing: number;
  atRisk: number;
  ok: number;
  notApplicable: number;
}

export function countByStatus(metrics: readonly Pick<SeverityInput, 'status'>[]): HealthCounts {
  const counts: HealthCounts = { failing: 0, atRisk: 0, ok: 0, notApplicable: 0 };
  for (const m of metrics) {
    if (m.status === 'FAILING') counts.failing++;
    else if (m.status === 'AT_RISK') counts.atRisk++;
    else if (m.status === 'OK') counts.ok++;
    else counts.notApplicable++;
  }
  return counts;
}
