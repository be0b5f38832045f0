/**
 * The parts of Walmart's Returns payload (`GET /v3/returns`, shared/specs/walmart/returns.openapi.json) the hub
 * reads. Dates are ISO strings, quantities `{measurementValue, unitOfMeasure}` numbers, money
 * `{currencyAmount, currencyUnit}`. Every field is optional here because the model requires none of them: the
 * mapper checks what it needs and names the field when one is missing.
 */
export interface WalmartReturnMoney {
  currencyAmount?: number;
  currencyUnit?: string;
}

export interface WalmartReturnQuantity {
  measurementValue?: number;
  unitOfMeasure?: string;
}

export interface WalmartReturnCharge {
  /** PRODUCT, FEE, SHIPPING… */
  chargeCategory?: string;
  chargeName?: string;
  chargePerUnit?: WalmartReturnMoney;
  isDiscount?: boolean;
  /** Whether the charge counts in the refund. */
  isBillable?: boolean;
  tax?: { taxName?: string; taxPerUnit?: WalmartReturnMoney; excessTax?: WalmartReturnMoney }[];
}

/** One bucket of a line's units in one state: INITIATED, DELIVERED or COMPLETED. */
export interface WalmartReturnTrackingStatus {
  status?: string;
  statusTime?: string;
  /** REFUND_INITIATED, REFUND_COMPLETED… */
  currentRefundStatus?: string;
  quantity?: WalmartReturnQuantity;
}

export interface WalmartReturnTrackingEvent {
  sequenceNo?: number;
  /** RETURN_INITIATED, RETURN_IN_TRANSIT… */
  eventTag?: string;
  eventDescription?: string;
  eventTime?: string;
}

export interface WalmartReturnOrderLine {
  returnOrderLineNumber?: number;
  purchaseOrderId?: string;
  purchaseOrderLineNumber?: number;
  returnReason?: string;
  returnCancellationReason?: string;
  item?: { sku?: string; productName?: string; condition?: string };
  charges?: WalmartReturnCharge[];
  unitPrice?: WalmartReturnMoney;
  quantity?: WalmartReturnQuantity;
  refundedQty?: number;
  /** WALMART_SETTLED_REFUND, SELLER_AUTO_REFUND, SELLER_MANUAL_REFUND, SELLER_SYSTEM_REFUND, WALMART_TRIGGERED_REFUND. */
  refundChannel?: string;
  refundChannels?: { refundChannelName?: string; quantity?: WalmartReturnQuantity }[];
  returnTrackingDetail?: WalmartReturnTrackingEvent[];
  /** Superseded by `currentTrackingStatuses` (2024-04-30) but still in the model: read when the array is absent. */
  status?: string;
  statusTime?: string;
  currentRefundStatus?: string;
  currentTrackingStatuses?: WalmartReturnTrackingStatus[];
  isKeepIt?: boolean;
  returnExpectedFlag?: boolean;
}

export interface WalmartReturnLabel {
  labelImageURL?: string;
  carrierInfoList?: { carrierId?: string; carrierName?: string; serviceType?: string; trackingNo?: string }[];
}

export interface WalmartReturnOrder {
  returnOrderId?: string;
  customerOrderId?: string;
  /** REFUND or REPLACEMENT. */
  returnType?: string;
  returnOrderDate?: string;
  returnByDate?: string;
  totalRefundAmount?: WalmartReturnMoney;
  returnLineGroups?: {
    groupNo?: number;
    returnLines?: { returnOrderLineNumber?: number }[];
    labels?: WalmartReturnLabel[];
    returnExpectedFlag?: boolean;
  }[];
  returnOrderLines?: WalmartReturnOrderLine[];
}

/** `GET /v3/returns`: one page, `meta.nextCursor` a ready-made query string for the next. */
export interface WalmartReturnsResponse {
  meta?: { totalCount?: number; limit?: number; nextCursor?: string | null };
  returnOrders?: WalmartReturnOrder[];
}
