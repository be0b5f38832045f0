/** Walmart US cancellation reasons accepted today (Orders OpenAPI 2023 and 2026). */
export const WALMART_CANCELLATION_REASONS = [
  'CUSTOMER_REQUESTED_SELLER_TO_CANCEL',
  'SELLER_CANCEL_PRICING_ERROR',
  'SELLER_CANCEL_OUT_OF_STOCK',
  'SELLER_CANCEL_FRAUD_STOP_SHIPMENT',
  'SELLER_CANCEL_ADDRESS_NOT_SERVICEABLE',
] as const;

/** A reason the channel no longer accepts: refused with CANCEL_REASON_RETIRED, naming the current ones. */
export interface RetiredReason {
  reason: string;
  /** First day (UTC, ISO) the channel refuses it; null where it never published one, so the hub refuses it in every version. */
  retiredOn: string | null;
  source: string;
}

const NOT_IN_SPECS =
  'In no current Walmart Orders OpenAPI (2023, 2026): the cancellationReason enum has 5 values; retirement date not published';

/** Codes older integrations still send; no current spec has them, so Walmart rejects them. */
export const WALMART_RETIRED_CANCELLATION_REASON_TABLE: readonly RetiredReason[] = [
  {
    reason: 'Cancelled by MP Partner',
    retiredOn: null,
    source: `Deprecated Walmart cancel code, seller story seed 000 (order-hub issue 12). ${NOT_IN_SPECS}`,
  },
  {
    reason: 'SELLER_CANCEL_CUSTOMER_DUPLICATE_ORDER',
    retiredOn: null,
    source: `Sent by older third-party integrations. ${NOT_IN_SPECS}`,
  },
  {
    reason: 'SELLER_CANCEL_CUSTOMER_CHANGE_ORDER',
    retiredOn: null,
    source: `Sent by older third-party integrations. ${NOT_IN_SPECS}`,
  },
  {
    reason: 'SELLER_CANCEL_CUSTOMER_INCORRECT_ADDRESS',
    retiredOn: null,
    source: `Sent by older third-party integrations. ${NOT_IN_SPECS}`,
  },
];

export const WALMART_RETIRED_CANCELLATION_REASONS: readonly string[] = WALMART_RETIRED_CANCELLATION_REASON_TABLE.map(
  (r) => r.reason,
);

/** Walmart reasons only a buyer's own cancel request (line `intentToCancel`) allows. */
export const WALMART_BUYER_REQUEST_CANCELLATION_REASONS = ['CUSTOMER_REQUESTED_SELLER_TO_CANCEL'] as const;

/** Walmart `refundReason` values, exact strings (spaces and arrows included). */
export const WALMART_REFUND_REASONS = [
  'BillingError',
  'TaxExemptCustomer',
  'ItemNotAsAdvertised',
  'IncorrectItemReceived',
  'CancelledYetShipped',
  'ItemNotReceivedByCustomer',
  'IncorrectShippingPrice',
  'DamagedItem',
  'DefectiveItem',
  'CustomerChangedMind',
  'CustomerReceivedItemLate',
  'Missing Parts / Instructions',
  'Finance -> Goodwill',
  'Finance -> Rollback',
  'Buyer canceled',
  'Customer returned item',
  'General adjustment',
  'Merchandise not received',
  'Quality -> Missing Parts / Instructions',
  'Shipping & Delivery -> Damaged',
  'Shipping & Delivery -> Shipping Price Discrepancy',
  'Others',
] as const;

/** Amazon merchant-fulfilled cancel reasons (POST_ORDER_ACKNOWLEDGEMENT_DATA). */
export const AMAZON_CANCELLATION_REASONS = [
  'NoInventory',
  'ShippingAddressUndeliverable',
  'CustomerExchange',
  'BuyerCanceled',
  'GeneralAdjustment',
  'CarrierCreditDecision',
  'RiskAssessmentInformationNotValid',
  'CarrierCoverageFailure',
  'CustomerReturn',
  'MerchandiseNotReceived',
] as const;

/**
 * Amazon `AdjustmentReason` values of the order adjustments feed (POST_PAYMENT_ADJUSTMENT_DATA), in the XSD's order:
 * OrderAdjustment.xsd (Revision #12, 2012-03-28) as kept in Westie/AmazonMarketplaceXSD at e82176d9, the source of
 * shared/specs/amazon/feeds-xsd-2015; feed type: developer-docs.amazon.com/sp-api/docs/order-feed-type-values.
 */
export const AMAZON_ADJUSTMENT_REASONS = [
  'NoInventory',
  'CustomerReturn',
  'GeneralAdjustment',
  'CouldNotShip',
  'DifferentItem',
  'Abandoned',
  'CustomerCancel',
  'PriceError',
  'ProductOutofStock',
  'CustomerAddressIncorrect',
  'Exchange',
  'Other',
  'CarrierCreditDecision',
  'RiskAssessmentInformationNotValid',
  'CarrierCoverageFailure',
  'TransactionRecord',
  'Undeliverable',
  'RefusedDelivery',
] as const;
