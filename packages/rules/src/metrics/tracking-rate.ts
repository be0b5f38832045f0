import {
  UNCATEGORIZED,
  type ComplianceMetric,
  type ComplianceOrderRecord,
  type MetricCarrierData,
  type MetricProjection,
} from '@order-hub/types';
import { isValidTrackingExempt } from '../exemptions/valid-tracking-exemption';
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
import { trackingVerdict, type TrackingVerdict } from './tracking-verdict';

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

/** Verdicts that rest on carrier data (besides AWAITING_FIRST_SCAN): with none of them the rate has no carrier data. */
const CARRIER_JUDGED: ReadonlySet<TrackingVerdict> = new Set<TrackingVerdict>([
  'VALID',
  'UNTRACKABLE',
  'NO_CARRIER_SCAN',
]);

interface TrackingTally {
  numerator: number;
  denominator: number;
  exclusions: ExclusionCounter;
  orderIds: string[];
  open: { id: string; shipBy: Date }[];
  /** Shipments awaiting their first scan (out of the rate until they scan or their deadline passes). */
  awaitingFirstScan: number;
  /** Shipments judged on carrier data: valid, awaiting, untrackable or never scanned. */
  carrierJudged: number;
}

const emptyTally = (): TrackingTally => ({
  numerator: 0,
  denominator: 0,
  exclusions: new ExclusionCounter(),
  orderIds: [],
  open: [],
  awaitingFirstScan: 0,
  carrierJudged: 0,
});

/**
 * Valid tracking projection: if every open order ships without valid tracking and every shipment awaiting its first
 * scan never scans, and how many of them must not. The same arithmetic as the ship-by projection, with valid
 * shipments as "on time".
 */
function projectTracking(t: TrackingTally, standard: MetricStandard, margin: number): MetricProjection | null {
  const sorted = [...t.open].sort((a, b) => a.shipBy.getTime() - b.shipBy.getTime() || a.id.localeCompare(b.id));
  const counts = {
    late: t.denominator - t.numerator,
    onTime: t.numerator,
    open: sorted.length + t.awaitingFirstScan,
    latestShipBy: sorted.at(-1)?.shipBy ?? null,
  };
  const projection = projectTimeliness(counts, false, standard, margin);
  return projection && { ...projection, openOrderIds: sorted.map((o) => o.id) };
}

/** What a carrier-based metric says about its data: as of the provider's last answer, or that it has none. */
export function carrierDataOf(
  ctx: MetricContext,
  measured: boolean,
  unmeasuredNote = 'No carrier data',
): MetricCarrierData {
  if (!measured) return { uses: true, asOf: null, note: unmeasuredNote };
  const asOf = ctx.carrierDataAsOf ?? null;
  return {
    uses: true,
    asOf,
    note: asOf ? `Carrier scans as of ${asOf.toISOString()}` : 'Carrier scans reported by the channel only',
  };
}

/**
 * Valid Tracking Rate as the marketplace counts it (policy.validTracking): seller-fulfilled shipments confirmed in
 * the window with a carrier scan ({@link trackingVerdict} VALID), over those plus the invalid ones (malformed,
 * unsupported carrier, untrackable, never scanned by the late-origin-scan deadline). Shipments awaiting their first
 * scan are out of the rate (`awaitingFirstScan`, and in the projection as shipments that must scan in time); those
 * whose scans the hub cannot hear of are excluded (NO_CARRIER_DATA). When every well-formed shipment lacks carrier
 * data the rate is null and NOT_APPLICABLE ("(no carrier data)"): format alone is not what the marketplace counts.
 * Exempt shipments (Amazon's small letters and flats) are left out. Where the policy measures it per product category
 * (Amazon), the overall metric is followed by one per category with shipments in the window, in category order; a
 * shipment counts in every category of its order's SKUs.
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
          const verdict = trackingVerdict(shipment, order, ctx.policy, window.end);
          if (verdict === 'NO_CARRIER_DATA') {
            tally.exclusions.add('NO_CARRIER_DATA');
          } else if (verdict === 'AWAITING_FIRST_SCAN') {
            tally.awaitingFirstScan += 1;
            tally.carrierJudged += 1;
          } else {
            tally.denominator += 1;
            if (verdict === 'VALID') {
              tally.numerator += 1;
              tally.orderIds.push(order.id);
            }
            if (CARRIER_JUDGED.has(verdict)) tally.carrierJudged += 1;
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
  const metric = (t: TrackingTally, category: string | null) => {
    const noCarrierData = t.carrierJudged === 0 && t.exclusions.count('NO_CARRIER_DATA') > 0;
    return toMetric(
      {
        key: 'VALID_TRACKING_RATE',
        label: noCarrierData ? 'Valid tracking rate (no carrier data)' : 'Valid tracking rate',
        category,
        window,
        standard,
        ...t,
        notApplicable: noCarrierData,
        carrierData: carrierDataOf(ctx, !noCarrierData, 'No carrier data: format check only'),
        projection: noCarrierData ? null : projectTracking(t, standard, ctx.margin),
      },
      ctx,
    );
  };
  return [metric(overall, null), ...[...byCategory.keys()].sort().map((c) => metric(byCategory.get(c)!, c))];
}
