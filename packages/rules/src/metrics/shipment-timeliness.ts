import type { ComplianceMetric, ComplianceMetricKey, ComplianceOrderRecord, MetricProjection } from '@order-hub/types';
import {
  before,
  ExclusionCounter,
  firstShippedAt,
  inWindow,
  isSellerFulfilled,
  standardFor,
  toMetric,
  windowEndingAt,
  type MetricContext,
  type MetricWindow,
} from './metric-context';
import { meetsStandard, metricStatus, ratePercent, type MetricStandard } from './metric-status';

interface Timeliness {
  late: string[];
  onTime: string[];
  open: { id: string; shipBy: Date }[];
  exclusions: ExclusionCounter;
}

/**
 * Orders due to ship in the window (ship-by inside it), split into on time and late. An order still unshipped
 * at the window's end is already late: its ship-by has passed. Orders cancelled before shipping are left out.
 * `open` holds the orders not yet due (ship-by at or after the end) that are neither shipped nor cancelled.
 */
function splitByShipBy(orders: readonly ComplianceOrderRecord[], window: MetricWindow): Timeliness {
  const result: Timeliness = { late: [], onTime: [], open: [], exclusions: new ExclusionCounter() };
  for (const order of orders) {
    if (!order.shipBy) continue;
    const due = inWindow(order.shipBy, window);
    const notYetDue = order.shipBy.getTime() >= window.end.getTime();
    if (!due && !notYetDue) continue;
    if (!isSellerFulfilled(order)) {
      if (due) result.exclusions.add('CHANNEL_FULFILLED');
      continue;
    }
    const shippedAt = firstShippedAt(order, window.end);
    if (!shippedAt && before(order.cancellation?.at, window.end)) {
      if (due) result.exclusions.add('CANCELLED_BEFORE_SHIPPING');
      continue;
    }
    if (notYetDue) {
      if (!shippedAt) result.open.push({ id: order.id, shipBy: order.shipBy });
    } else if (shippedAt && shippedAt.getTime() <= order.shipBy.getTime()) {
      result.onTime.push(order.id);
    } else {
      result.late.push(order.id);
    }
  }
  return result;
}

/** Counts behind a deadline metric: orders due in the window (late, on time) and open orders not yet due. */
export interface TimelinessCounts {
  late: number;
  onTime: number;
  open: number;
  latestShipBy: Date | null;
}

/** If every open order misses its ship-by: the rate then, and how many of them must ship on time to stay within the standard. */
export function projectTimeliness(
  counts: TimelinessCounts,
  lateIsNumerator: boolean,
  standard: MetricStandard,
  margin: number,
): Omit<MetricProjection, 'openOrderIds'> | null {
  const { open } = counts;
  const denominator = counts.late + counts.onTime + open;
  if (open === 0 || denominator === 0) return null;
  const rateIfOnTime = (k: number) =>
    ratePercent(lateIsNumerator ? counts.late + open - k : counts.onTime + k, denominator)!;
  const valueIfAllMiss = rateIfOnTime(0);
  let mustShipOnTime: number | null = null;
  if (standard.percent !== null && standard.comparator !== null) {
    for (let k = 0; k <= open; k++) {
      if (meetsStandard(rateIfOnTime(k), standard.percent, standard.comparator)) {
        mustShipOnTime = k;
        break;
      }
    }
  }
  return {
    openOrders: open,
    valueIfAllMiss,
    statusIfAllMiss: metricStatus(valueIfAllMiss, standard, margin),
    mustShipOnTime,
    latestShipBy: counts.latestShipBy,
  };
}

function project(
  split: Timeliness,
  lateIsNumerator: boolean,
  standard: MetricStandard,
  margin: number,
): MetricProjection | null {
  const sorted = [...split.open].sort((a, b) => a.shipBy.getTime() - b.shipBy.getTime() || a.id.localeCompare(b.id));
  const counts = {
    late: split.late.length,
    onTime: split.onTime.length,
    open: sorted.length,
    latestShipBy: sorted.at(-1)?.shipBy ?? null,
  };
  const projection = projectTimeliness(counts, lateIsNumerator, standard, margin);
  return projection && { ...projection, openOrderIds: sorted.map((o) => o.id) };
}

/** Late Shipment Rate (Amazon): orders due in the window whose first shipment was confirmed after ship-by. */
export function lateShipmentRate(
  orders: readonly ComplianceOrderRecord[],
  ctx: MetricContext,
  days: 10 | 30,
): ComplianceMetric {
  const { standard } = standardFor(ctx.policy, 'LATE_SHIPMENT_RATE');
  const window = windowEndingAt(ctx.asOf, days);
  const split = splitByShipBy(orders, window);
  const key: ComplianceMetricKey = days === 10 ? 'LATE_SHIPMENT_RATE_10D' : 'LATE_SHIPMENT_RATE_30D';
  return toMetric(
    {
      key,
      label: `Late shipment rate (${days} days)`,
      window,
      standard,
      numerator: split.late.length,
      denominator: split.late.length + split.onTime.length,
      exclusions: split.exclusions,
      orderIds: split.late,
      projection: project(split, true, standard, ctx.margin),
    },
    ctx,
  );
}

/**
 * On-time shipment (Walmart): the same orders, counted when shipped by ship-by. Walmart publishes no current
 * standard for it (its 2017 "> 99%" was retired; today's standards page has none), so it carries no threshold.
 */
export function onTimeShipmentRate(
  orders: readonly ComplianceOrderRecord[],
  ctx: MetricContext,
  days = 30,
): ComplianceMetric {
  const standard: MetricStandard = { percent: null, comparator: null };
  const window = windowEndingAt(ctx.asOf, days);
  const split = splitByShipBy(orders, window);
  return toMetric(
    {
      key: 'ON_TIME_SHIPMENT_RATE',
      label: 'On-time shipment rate (no published standard)',
      window,
      standard,
      numerator: split.onTime.length,
      denominator: split.late.length + split.onTime.length,
      exclusions: split.exclusions,
      orderIds: split.onTime,
      projection: project(split, false, standard, ctx.margin),
    },
    ctx,
  );
}
