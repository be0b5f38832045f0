/** The reason codes the returns model lists for `returnReason`. */
export const WALMART_RETURN_REASONS = [
  'ARRIVED_LATE',
  'AUTO_RETURN',
  'BOUGHT_ANOTHER_SIZE_OR_COLOR',
  'BOUGHT_SOMEWHERE_ELSE',
  'DAMAGED',
  'DEFECTIVE',
  'DUPLICATE_ITEM',
  'INADEQUATE_QUALITY',
  'INCORRECT_ITEM',
  'LOST_AFTER_DELIVERY',
  'LOST_IN_TRANSIT',
  'LOWER_PRICE',
  'MISSING_PARTS',
  'NOT_AS_DESCRIBED',
  'NO_LONGER_WANTED',
  'RETURN_TO_SENDER',
  'SHIPPING_BOX_DAMAGED',
  'TRIED_TO_CANCEL',
  'WRONG_SIZE/POOR_FIT',
] as const;
export type WalmartReturnReason = (typeof WALMART_RETURN_REASONS)[number];

/**
 * Who triggered a refund, in the model's `refundChannel` words. SELLER_MANUAL_REFUND is the seller's refund call;
 * WALMART_TRIGGERED_REFUND is Walmart refunding on its own when the seller let the 48 hours after receipt pass
 * (WALMART_SETTLED_REFUND is Walmart settling at its own cost, e.g. a claim, which does not count against the seller).
 */
export type WalmartRefundChannel = 'SELLER_MANUAL_REFUND' | 'WALMART_TRIGGERED_REFUND';

export interface WalmartReturnRefund {
  quantity: number;
  at: number;
  refundChannel: WalmartRefundChannel;
}

export interface WalmartReturnLine {
  returnOrderLineNumber: number;
  /** The purchase order's line number (a string in the orders API, an integer here). */
  purchaseOrderLineNumber: number;
  sellerOrderId?: string;
  sku: string;
  productName: string;
  unitPrice: number;
  unitTax: number;
  quantity: number;
  returnReason: WalmartReturnReason;
  refunds: WalmartReturnRefund[];
}

/**
 * One return order. Its progress is kept as times on the sandbox clock (a generated return may lie ahead of it):
 * created at `returnOrderDate`, in transit from `inTransitAt`, received at the return centre at `deliveredAt`.
 * What a reader sees is derived from those times and the refunds, when it reads.
 */
export interface WalmartReturn {
  returnOrderId: string;
  purchaseOrderId: string;
  customerOrderId: string;
  customerEmailId: string;
  customerName: { firstName: string; lastName: string };
  returnOrderDate: number;
  inTransitAt: number;
  deliveredAt: number;
  channelName: 'ONLINE' | 'IN_STORE' | 'CUSTOMER_CARE';
  label: { carrierId: string; carrierName: string; serviceType: string; trackingNo: string; labelImageURL: string };
  lines: WalmartReturnLine[];
}

declare module '../../state/types' {
  interface WalmartOrder {
    /** Returns against this purchase order, oldest first; kept on the order so snapshots and writes carry them. */
    returns?: WalmartReturn[];
  }
}
