import {
  UNCATEGORIZED,
  type ComplianceMetric,
  type ComplianceOrderRecord,
  type ComplianceShipmentRecord,
  type MetricProjection,
} from '@order-hub/types';
import { isValidTrackingExempt } from '../exemptions/valid-tracking-exemption';
import { checkTrackingNumber } from '../tracking/check-tracking-number';
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
import type { MetricStandard } from './metric-status';
import { projectTimeliness } from './shipment-timeliness';

/** Whether a shipment's tracking number is valid for its carrier (check digit, placeholders, the order's own numbers). */
export function hasValidTracking(
  order: Pick<ComplianceOrderRecord, 'channelOrderId' | 'customerOrderId'>,
  shipment: Pick<ComplianceShipmentRecord, 'carrier' | 'trackingNumber'>,
): boolean {
  if (!shipment.trackingNumber) return false;
  return checkTrackingNumber(shipment.trackingNumber, shipment.carrier, {
    orderNumbers: [order.channelOrderId, order.customerOrderId],
  }).valid;
}

/** The distinct product categories of an order's SKUs; an unmapped SKU (or an order without lines) is "Uncategorized". */
export function orderCategories(order: Pick<ComplianceOrderRecord, 'lines'>): string[] {
  const lines = order.lines ?? [];
  if (lines.length === 0) return [UNCATEGORIZED];
  return [...new Set(lines.map((l) => l.category ?? UNCATEGORIZED))].sort();
}

/**
 * Orders that will count in the valid tracking rate once they ship: seller-fulfilled, not shipped and not
 * cancelled by `asOf`, with a ship-by at or after `asOf` and before the end of the window they would ship into.
 */
export function isOpenForTracking(order: ComplianceOrderRecord, window: MetricWindow): boolean {
  if (!order.shipBy || !isSellerFulfilled(order)) return false;
  const due = order.shipBy.getTime();
  if (due < window.end.getTime() || due >= window.end.getTime() + (window.end.getTime() - window.start.getTime()))
    return false;
  return !firstShippedAt(order, window.end) && !before(order.cancellation?.at, window.end);
}

interface TrackingTally {
  numerator: number;
  denominator: number;
  exclusions: ExclusionCounter;
  orderIds: string[];
  open: { id: string; shipBy: Date }[];
}

const emptyTally = (): TrackingTally => ({
  numerator: 0,
  denominator: 0,
  exclusions: new ExclusionCounter(),
  orderIds: [],
  open: [],
});

/**
 * Valid tracking projection: if every open order ships without valid tracking, and how many must ship with
 * it. The same arithmetic as the ship-by projection, with valid shipments as "on time".
 */
function projectTracking(t: TrackingTally, standard: MetricStandard, margin: number): MetricProjection | null {
  const sorted = [...t.open].sort((a, b) => a.shipBy.getTime() - b.shipBy.getTime() || a.id.localeCompare(b.id));
  const counts = {
    late: t.denominator - t.numerator,
    onTime: t.numerator,
    open: sorted.length,
    latestShipBy: sorted.at(-1)?.shipBy ?? null,
  };
  const projection = projectTimeliness(counts, false, standard, margin);
  return projection && { ...projection, openOrderIds: sorted.map((o) => o.id) };
}

/**
 * Valid Tracking Rate: seller-fulfilled shipments confirmed in the window whose tracking number is valid for
 * its carrier, over all such shipments the policy does not exempt (Amazon's small letters and flats). Where the
 * policy measures it per product category (Amazon), the overall metric is followed by one per category with
 * shipments in the window, in category order; a shipment counts in every category of its order's SKUs.
 */
export function validTrackingRates(orders: readonly ComplianceOrderRecord[], ctx: MetricContext): ComplianceMetric[] {
  const { standard, windowDays, perCategory } = standardFor(ctx.policy, 'VALID_TRACKING_RATE');
  const window = windowEndingAt(ctx.asOf, windowDays ?? 30);
  const overall = emptyTally();
  const byCategory = new Map<string, TrackingTally>();
  const tallies = (order: ComplianceOrderRecord): TrackingTally[] => {
    if (!perCategory) return [overall];
    return [
      overall,
      ...orderCategories(order).map((c) => byCategory.get(c) ?? byCategory.set(c, emptyTally()).get(c)!),
    ];
  };
  for (const order of orders) {
    for (const shipment of order.shipments) {
      if (!inWindow(shipment.shippedAt, window)) continue;
      for (const tally of tallies(order)) {
        if (!isSellerFulfilled(order)) {
          tally.exclusions.add('CHANNEL_FULFILLED');
        } else if (isValidTrackingExempt(shipment, order, ctx.policy)) {
          tally.exclusions.add('EXEMPT_LETTER_OR_FLAT');
        } else {
          tally.denominator += 1;
          if (hasValidTracking(order, shipment)) {
            tally.numerator += 1;
            tally.orderIds.push(order.id);
          }
        }
      }
    }
  }
  // Open orders count only where shipments were seen: a category with nothing shipped in the window is not reported.
  for (const order of orders) {
    if (!isOpenForTracking(order, window)) continue;
    overall.open.push({ id: order.id, shipBy: order.shipBy! });
    if (perCategory)
      for (const c of orderCategories(order)) byCategory.get(c)?.open.push({ id: order.id, shipBy: order.shipBy! });
  }
  const metric = (t: TrackingTally, category: string | null) =>
    toMetric(
      {
        key: 'VALID_TRACKING_RATE',
        label: 'Valid tracking rate',
        category,
        window,
        standard,
        ...t,
        projection: projectTracking(t, standard, ctx.margin),
      },
      ctx,
    );
  return [metric(overall, null), ...[...byCategory.keys()].sort().map((c) => metric(byCategory.get(c)!, c))];
}
