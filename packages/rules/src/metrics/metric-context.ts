import type {
  ComplianceMetric,
  ComplianceMetricKey,
  ComplianceOrderRecord,
  MetricCarrierData,
  MetricExclusion,
  MetricProjection,
} from '@order-hub/types';
import type { ChannelPolicy, PerformanceMetric } from '../policy/policy-table';
import { countsInSellerMetrics } from './metric-scope';
import { metricStatus, ratePercent, type MetricStandard } from './metric-status';

const DAY_MS = 86_400_000;

/** A window of whole days ending (exclusive) at the report's `asOf`. */
export interface MetricWindow {
  days: number;
  start: Date;
  end: Date;
}

export function windowEndingAt(end: Date, days: number): MetricWindow {
  return { days, start: new Date(end.getTime() - days * DAY_MS), end };
}

export function inWindow(at: Date | null | undefined, window: MetricWindow): at is Date {
  return !!at && at.getTime() >= window.start.getTime() && at.getTime() < window.end.getTime();
}

/** Before the window's end: what the hub knew at `asOf`. */
export function before(at: Date | null | undefined, end: Date): at is Date {
  return !!at && at.getTime() < end.getTime();
}

export interface MetricContext {
  policy: ChannelPolicy;
  asOf: Date;
  margin: number;
  /** When the tracking provider last answered ("carrier data as of"); null or absent with no provider. */
  carrierDataAsOf?: Date | null;
}

export function standardFor(
  policy: ChannelPolicy,
  metric: PerformanceMetric,
): { standard: MetricStandard; windowDays: number | null; perCategory: boolean } {
  const t = policy.thresholds.find((row) => row.metric === metric);
  if (!t) return { standard: { percent: null, comparator: null }, windowDays: null, perCategory: false };
  return {
    standard: { percent: t.percent, comparator: t.comparison },
    windowDays: t.windowDays,
    perCategory: t.perCategory ?? false,
  };
}

/** Channel-fulfilled orders (WFS, AFN) count toward no seller metric; see SELLER_METRIC_SCOPE for ship nodes and order types. */
export function isSellerFulfilled(order: ComplianceOrderRecord): boolean {
  return countsInSellerMetrics(order);
}

/** The first shipment confirmed before `end`, as the hub knew it then. */
export function firstShippedAt(order: ComplianceOrderRecord, end: Date): Date | null {
  let first: Date | null = null;
  for (const s of order.shipments) {
    if (before(s.shippedAt, end) && (!first || s.shippedAt < first)) first = s.shippedAt;
  }
  return first;
}

export class ExclusionCounter {
  private readonly counts = new Map<string, number>();

  add(reason: string, count = 1): void {
    this.counts.set(reason, (this.counts.get(reason) ?? 0) + count);
  }

  count(reason: string): number {
    return this.counts.get(reason) ?? 0;
  }

  list(): MetricExclusion[] {
    return [...this.counts]
      .map(([reason, count]) => ({ reason, count }))
      .sort((a, b) => a.reason.localeCompare(b.reason));
  }
}

export interface MetricTally {
  key: ComplianceMetricKey;
  label: string;
  /** The product category measured; null or absent for all. */
  category?: string | null;
  window: MetricWindow;
  standard: MetricStandard;
  numerator: number;
  denominator: number;
  exclusions: ExclusionCounter;
  orderIds: Iterable<string>;
  projection?: MetricProjection | null;
  /** Absent: the metric does not read carrier scans. */
  carrierData?: MetricCarrierData;
  awaitingFirstScan?: number;
  /** Measured nothing the standard can judge (no carrier data): value null, status NOT_APPLICABLE. */
  notApplicable?: boolean;
}

/** The note of a metric that does not read carrier scans. */
export const NOT_CARRIER_BASED: MetricCarrierData = { uses: false, asOf: null, note: 'Not based on carrier scans' };

export function toMetric(tally: MetricTally, ctx: MetricContext): ComplianceMetric {
  const value = tally.notApplicable ? null : ratePercent(tally.numerator, tally.denominator);
  return {
    key: tally.key,
    label: tally.label,
    category: tally.category ?? null,
    value,
    numerator: tally.numerator,
    denominator: tally.denominator,
    exclusions: tally.exclusions.list(),
    threshold: tally.standard.percent,
    comparator: tally.standard.comparator,
    status: metricStatus(value, tally.standard, ctx.margin),
    windowDays: tally.window.days,
    windowStart: tally.window.start,
    windowEnd: tally.window.end,
    policyVersion: ctx.policy.version,
    orderIds: [...new Set(tally.orderIds)].sort(),
    projection: tally.projection ?? null,
    carrierData: tally.carrierData ?? NOT_CARRIER_BASED,
    awaitingFirstScan: tally.awaitingFirstScan ?? 0,
  };
}
