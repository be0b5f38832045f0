/** Walmart US cancellation reasons accepted today (Orders OpenAPI 2023 and 2026). */
export const WALMART_CANCELLATION_REASONS = [
  'CUSTOMER_REQUESTED_SELLER_TO_CANCEL',
  'SELLER_CANCEL_PRICING_ERROR',
  'SELLER_CANCEL_OUT_OF_STOCK',
  'SELLER_CANCEL_FRAUD_STOP_SHIPMENT',
  'SELLER_CANCEL_ADDRESS_NOT_SERVICEABLE',
] as const;

/** Codes older integrations still send; no current spec has them, so Walmart rejects them. */
export const WALMART_RETIRED_CANCELLATION_REASONS = [
  'SELLER_CANCEL_CUSTOMER_DUPLICATE_ORDER',
  'SELLER_CANCEL_CUSTOMER_CHANGE_ORDER',
  'SELLER_CANCEL_CUSTOMER_INCORRECT_ADDRESS',
] as const;

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
