import type { CancellationInitiator } from '@order-hub/types';

/** Who a channel's cancellation or refund reason puts the fault on. */
export type ReasonFault = 'SELLER' | 'BUYER' | 'CHANNEL';

export interface ReasonAttribution {
  reason: string;
  fault: ReasonFault;
  source: string;
}

const SRC = {
  walmartCancel:
    'Walmart Cancellation Rate = "orders cancelled by seller after receipt (incl. auto-cancels)" (LEARN Seller-performance-standards, 2026); CUSTOMER_REQUESTED_SELLER_TO_CANCEL = "customer asked" (DEV:cancel-one-or-more-order-lines); out-of-stock and pricing-error cancels count against the seller (sitnsell help page, third-party)',
  walmartRetired:
    'Retired seller codes (SELLER_CANCEL_CUSTOMER_*) still name a seller cancellation: Walmart reference §3 (code corpus), effective until Walmart refuses them',
  walmartCa:
    'Walmart CA cancellation reasons CANCEL_BY_SELLER / CUSTOMER_REQUESTED_SELLER_TO_CANCEL: developer.walmart.com global-marketplace cancelOrderLines',
  walmartRefund:
    'Walmart Refund Rate = "refunds for seller-caused reasons (damaged, wrong item...)" (LEARN Seller-performance-standards; walmartinsiders.co 2026 summary); refundReason enum: Walmart Orders OpenAPI 2023 and 2026',
  amazonCancel:
    'Amazon Pre-fulfillment Cancel Rate excludes cancellations the buyer requested (BuyerCanceled): Seller Central Account Health help',
};

/**
 * Cancellation reasons (Walmart line `cancellationReason`, the hub's own cancel requests) and who answers for them
 * (no published reason puts a cancellation on the channel itself),
 * effective 2026-01-01. A reason not listed is the seller's: the rate is "cancelled by the seller" unless the channel
 * says otherwise. Auto-cancels are the seller's whatever their reason, by the time they happen (see the SQL and oracle).
 */
export const CANCELLATION_REASON_FAULT: readonly ReasonAttribution[] = [
  { reason: 'CUSTOMER_REQUESTED_SELLER_TO_CANCEL', fault: 'BUYER', source: SRC.walmartCancel },
  { reason: 'SELLER_CANCEL_PRICING_ERROR', fault: 'SELLER', source: SRC.walmartCancel },
  { reason: 'SELLER_CANCEL_OUT_OF_STOCK', fault: 'SELLER', source: SRC.walmartCancel },
  { reason: 'SELLER_CANCEL_FRAUD_STOP_SHIPMENT', fault: 'SELLER', source: SRC.walmartCancel },
  { reason: 'SELLER_CANCEL_ADDRESS_NOT_SERVICEABLE', fault: 'SELLER', source: SRC.walmartCancel },
  { reason: 'SELLER_CANCEL_CUSTOMER_DUPLICATE_ORDER', fault: 'SELLER', source: SRC.walmartRetired },
  { reason: 'SELLER_CANCEL_CUSTOMER_CHANGE_ORDER', fault: 'SELLER', source: SRC.walmartRetired },
  { reason: 'SELLER_CANCEL_CUSTOMER_INCORRECT_ADDRESS', fault: 'SELLER', source: SRC.walmartRetired },
  {
    reason: 'Cancelled by MP Partner',
    fault: 'SELLER',
    source: `${SRC.walmartRetired}; "MP Partner" is the marketplace seller (Walmart's old "MP Partner Unit Cancellation Rate", cedcommerce blog)`,
  },
  { reason: 'CANCEL_BY_SELLER', fault: 'SELLER', source: SRC.walmartCa },
  { reason: 'BuyerCanceled', fault: 'BUYER', source: SRC.amazonCancel },
];

/** Walmart `refundReason` values and who caused them (exact strings, spaces and arrows included). */
export const REFUND_REASON_FAULT: readonly ReasonAttribution[] = [
  ...[
    'ItemNotAsAdvertised',
    'IncorrectItemReceived',
    'CancelledYetShipped',
    'ItemNotReceivedByCustomer',
    'IncorrectShippingPrice',
    'DamagedItem',
    'DefectiveItem',
    'CustomerReceivedItemLate',
    'Missing Parts / Instructions',
    'Merchandise not received',
    'Quality -> Missing Parts / Instructions',
    'Shipping & Delivery -> Damaged',
    'Shipping & Delivery -> Shipping Price Discrepancy',
  ].map((reason) => ({ reason, fault: 'SELLER' as const, source: SRC.walmartRefund })),
  ...['CustomerChangedMind', 'Buyer canceled', 'Customer returned item', 'TaxExemptCustomer'].map((reason) => ({
    reason,
    fault: 'BUYER' as const,
    source: SRC.walmartRefund,
  })),
  ...['BillingError', 'Finance -> Goodwill', 'Finance -> Rollback', 'General adjustment', 'Others'].map((reason) => ({
    reason,
    fault: 'CHANNEL' as const,
    source: SRC.walmartRefund,
  })),
];

const reasonsWith = (table: readonly ReasonAttribution[], fault: ReasonFault) =>
  table.filter((r) => r.fault === fault).map((r) => r.reason);

/** Cancellation reasons that mean the buyer asked for it: such cancellations do not count against the seller. */
export const BUYER_REQUESTED_CANCEL_REASONS: readonly string[] = reasonsWith(CANCELLATION_REASON_FAULT, 'BUYER');

/** Walmart refund reasons caused by the seller (damaged, wrong or late item, not received...), which count in the Refund Rate. */
export const SELLER_FAULT_REFUND_REASONS: readonly string[] = reasonsWith(REFUND_REASON_FAULT, 'SELLER');

/** A cancelled line as the channel reports it: its reason, and who cancelled where the channel says (Amazon). */
export interface CancelledLineFacts {
  cancellationReason?: string | null;
  cancelledBy?: 'BUYER' | 'SELLER' | 'CHANNEL' | null;
}

/**
 * Who answers for a cancellation the channel reports, from its cancelled lines: the buyer when every line carries a
 * buyer reason or was cancelled by the buyer, the channel when the channel cancelled every line; null when the lines do
 * not settle it (the seller's, or an auto-cancel by its time).
 */
export function cancellationInitiatorOfLines(
  lines: readonly CancelledLineFacts[],
): Extract<CancellationInitiator, 'BUYER' | 'CHANNEL'> | null {
  if (lines.length === 0) return null;
  const byBuyer = (l: CancelledLineFacts) =>
    l.cancelledBy === 'BUYER' ||
    (!!l.cancellationReason && BUYER_REQUESTED_CANCEL_REASONS.includes(l.cancellationReason));
  if (lines.every(byBuyer)) return 'BUYER';
  return lines.every((l) => l.cancelledBy === 'CHANNEL') ? 'CHANNEL' : null;
}

/**
 * A refund the channel reports counts against the seller unless its reason is one the seller did not cause; a refund
 * with no reason counts (the rate is the seller's to disprove).
 */
export function isSellerFaultRefundReason(reason: string | null | undefined): boolean {
  return !reason || !REFUND_REASON_FAULT.some((r) => r.reason === reason && r.fault !== 'SELLER');
}
