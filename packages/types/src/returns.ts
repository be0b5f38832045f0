import type { Channel } from './channel';

/**
 * Where a return stands, reduced from each channel's own words (Walmart's INITIATED / DELIVERED / COMPLETED per
 * quantity, Amazon's return request status and return delivery date). A return is RECEIVED once the item reached
 * the seller's return centre: the refund clock runs from then.
 */
export const ReturnStatus = {
  /** The buyer asked to return; nothing is on its way yet (or the channel does not say). */
  REQUESTED: 'REQUESTED',
  /** The return label has been scanned: the item is coming back. */
  IN_TRANSIT: 'IN_TRANSIT',
  /** The item reached the seller; a refund is owed. */
  RECEIVED: 'RECEIVED',
  /** Every returned unit has been refunded (by the seller or by the channel). */
  REFUNDED: 'REFUNDED',
  /** Closed without a refund: cancelled by the buyer, a replacement, or refused by the channel. */
  CLOSED: 'CLOSED',
} as const;
export type ReturnStatus = (typeof ReturnStatus)[keyof typeof ReturnStatus];

/** Who issued a return's refund: the seller (through the hub or the channel's own site) or the channel itself. */
export const RefundedBy = {
  SELLER: 'SELLER',
  /** The channel refunded on the seller's behalf (Walmart after 48 hours): it counts against the seller. */
  CHANNEL: 'CHANNEL',
} as const;
export type RefundedBy = (typeof RefundedBy)[keyof typeof RefundedBy];

/** How a return's reason counts: the seller's doing (it hurts the seller's standards) or the buyer's choice. */
export const ReturnReasonCategory = {
  /** Damaged, defective, wrong item, not as described, late, missing parts… */
  SELLER_FAULT: 'SELLER_FAULT',
  /** No longer wanted, bought elsewhere, wrong size ordered, better price… */
  BUYER_REMORSE: 'BUYER_REMORSE',
  /** Lost or undeliverable in transit, returned to sender, or no reason given. */
  OTHER: 'OTHER',
} as const;
export type ReturnReasonCategory = (typeof ReturnReasonCategory)[keyof typeof ReturnReasonCategory];

/** Where a received return stands against the channel's refund clock (Walmart: 48 hours from receipt). */
export const RefundClockState = {
  /** Not received yet, or the channel runs no clock: nothing owed yet. */
  NOT_STARTED: 'NOT_STARTED',
  OPEN: 'OPEN',
  /** Received, not refunded, with the policy's warning hours (12) or less left. */
  DUE_SOON: 'DUE_SOON',
  OVERDUE: 'OVERDUE',
  /** Refunded (or closed) before anything was owed late. */
  SETTLED: 'SETTLED',
} as const;
export type RefundClockState = (typeof RefundClockState)[keyof typeof RefundClockState];

/** One returned line, as a channel adapter maps it. Money in cents; quantities in units. */
export interface NormalizedReturnLine {
  /** The channel's number for the return line (Walmart returnOrderLineNumber; Amazon: the merchant SKU, unique within a return). */
  returnLineNumber: string;
  /** The order this line belongs to (Walmart purchaseOrderId; Amazon order id). */
  channelOrderId: string;
  /** The order line it returns (Walmart purchaseOrderLineNumber; Amazon OrderItemId), null when the channel does not say. */
  lineNumber: string | null;
  sku: string | null;
  productName: string | null;
  quantity: number;
  /** Units the channel shows as refunded already. */
  quantityRefunded: number;
  /** The channel's reason code, exactly as sent (Walmart DAMAGED…, Amazon CR-DEFECTIVE / DEFECTIVE…). */
  reasonCode: string | null;
  status: ReturnStatus;
  /** When the item reached the seller (Walmart DELIVERED statusTime; Amazon return delivery date). */
  receivedAt: Date | null;
  refundedAt: Date | null;
  refundedBy: RefundedBy | null;
  /** What one unit was paid (item price, no tax), when the channel says. */
  unitPriceCents: number | null;
  /** Tax paid per unit, when the channel says. */
  unitTaxCents: number | null;
  /** What the channel has refunded on the line so far, when it says (Amazon's Refunded Amount). */
  refundedCents: number | null;
}

/** A return as a channel adapter maps it; the hub stores it linked to the order(s) and lines it names. */
export interface NormalizedReturn {
  channel: Channel;
  /** Walmart returnOrderId (the RMA); Amazon RMA id, else `<order id>:<return request date>`. */
  channelReturnId: string;
  /** Walmart customerOrderId; Amazon order id. */
  customerOrderId: string | null;
  /** The order of the first line (a Walmart return may span purchase orders; each line names its own). */
  channelOrderId: string;
  status: ReturnStatus;
  requestedAt: Date;
  /** Last change the channel reports (Walmart statusTime / returnTrackingDetail, Amazon report date). */
  updatedAt: Date;
  /** REFUND or REPLACEMENT (Walmart returnType); null when the channel does not say. */
  returnType: string | null;
  /** The buyer's return label(s): carrier and tracking number. */
  tracking: { carrier: string | null; trackingNumber: string }[];
  labelUrl: string | null;
  /** Amazon: the buyer opened an A-to-z claim on it. */
  claim: boolean;
  currency: string;
  lines: NormalizedReturnLine[];
  /** The channel's own copy, kept as evidence. */
  raw: unknown;
}

/** A return the adapter could not read, set aside with the reason (naming the field and the rule). */
export interface RejectedReturn {
  channelReturnId: string | null;
  reason: string;
  raw: unknown;
}

/** One page of returns the channel changed in a window; `nextCursor` null on the last page. */
export interface ReturnPage {
  returns: NormalizedReturn[];
  rejected: RejectedReturn[];
  nextCursor: string | null;
  /** The upper bound the channel applied; the next pull starts from it. */
  windowEnd: Date;
}

/** A refund of a return's units through the channel's returns API (Walmart's POST /v3/returns/{id}/refund). */
export interface ReturnRefundPayload {
  /** The hub's return id. */
  returnId: string;
  channelReturnId: string;
  customerOrderId: string;
  channelOrderId: string;
  lines: {
    returnLineNumber: string;
    quantity: number;
    /** Units the channel should show as refunded once this is applied (what the read-back looks for). */
    refundedAfter: number;
  }[];
}
