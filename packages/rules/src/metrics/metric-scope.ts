import type { ComplianceOrderRecord } from '@order-hub/types';

/** Whether orders with a given channel field count in the seller's performance metrics, and why. */
export interface MetricScopeRule {
  field: 'shipNodeType' | 'orderType';
  value: string;
  counts: boolean;
  effectiveFrom: Date;
  source: string;
}

/**
 * Which Walmart orders the seller's metrics count, beyond the fulfilment method. Walmart evaluates its standards "on
 * seller-fulfilled orders only (WFS orders excluded)"; nothing it publishes excludes a seller's 3PL node or a
 * replacement order, which the seller ships like any other purchase order, so both count until Walmart says otherwise.
 */
export const SELLER_METRIC_SCOPE: readonly MetricScopeRule[] = [
  {
    field: 'shipNodeType',
    value: 'WFSFulfilled',
    counts: false,
    effectiveFrom: new Date('2026-01-01T00:00:00Z'),
    source:
      'LEARN Seller-performance-standards (2026): "Evaluated on seller-fulfilled orders only (WFS orders excluded)"; WFS orders not counted in Seller Performance metrics (LEARN Order-&-fulfillment-performance overview)',
  },
  {
    field: 'shipNodeType',
    value: '3PLFulfilled',
    counts: true,
    effectiveFrom: new Date('2026-01-01T00:00:00Z'),
    source:
      "Walmart Orders OpenAPI (2026) shipNode.type 3PLFulfilled: the seller's third-party logistics node, seller-fulfilled; only WFS is excluded by the standards (behaviour beyond the enum undocumented)",
  },
  {
    field: 'orderType',
    value: 'REPLACEMENT',
    counts: true,
    effectiveFrom: new Date('2026-01-01T00:00:00Z'),
    source:
      'Walmart Orders OpenAPI (2026) orderType REPLACEMENT with originalCustomerOrderID: a purchase order the seller ships; no Walmart standard excludes replacements (none found in the policy corpus)',
  },
];

/** Values of `field` whose orders the seller's metrics leave out. */
export function excludedFromSellerMetrics(field: MetricScopeRule['field']): string[] {
  return SELLER_METRIC_SCOPE.filter((r) => r.field === field && !r.counts).map((r) => r.value);
}

/** The order counts in the seller's metrics: seller-fulfilled, and not of a ship node or order type the table leaves out. */
export function countsInSellerMetrics(
  order: Pick<ComplianceOrderRecord, 'fulfillmentMethod' | 'shipNodeType' | 'orderType'>,
): boolean {
  if (order.fulfillmentMethod === 'CHANNEL') return false;
  return !SELLER_METRIC_SCOPE.some((r) => !r.counts && order[r.field] === r.value);
}
