/**
 * Enumerations of Amazon's OrderAdjustment.xsd (release 4.1, Revision #12, $Date: 2012/03/28), copied from the
 * Westie/AmazonMarketplaceXSD repository at commit e82176d9 (Products/OrderAdjustment.xsd, with amzn-base.xsd for
 * the currency codes): the same source and commit as shared/specs/amazon/feeds-xsd-2015. The sandbox keeps its own
 * copy so it judges feeds by the XSD, not by what the hub believes.
 */
export const ADJUSTMENT_REASONS = [
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

/** AdjustmentBuyerPrice/Component/Type. */
export const ADJUSTMENT_COMPONENT_TYPES = [
  'Principal',
  'Shipping',
  'Tax',
  'ShippingTax',
  'RestockingFee',
  'RestockingFeeTax',
  'GiftWrap',
  'GiftWrapTax',
  'Surcharge',
  'ReturnShipping',
  'Goodwill',
  'ExportCharge',
  'COD',
  'CODTax',
  'Other',
  'FreeReplacementReturnShipping',
] as const;
export type AdjustmentComponentType = (typeof ADJUSTMENT_COMPONENT_TYPES)[number];

/** OrderAdjustment/ActionType. */
export const ADJUSTMENT_ACTION_TYPES = ['Refund', 'Cancel'] as const;

/** amzn-base.xsd BaseCurrencyCode, the type of Amount's currency attribute. */
export const BASE_CURRENCY_CODES = ['USD', 'GBP', 'EUR', 'JPY', 'CAD', 'CNY', 'INR'] as const;

/** Child elements of OrderAdjustment and of AdjustedItem in their xsd:sequence order ("+" repeatable). */
export const ORDER_ADJUSTMENT_SEQUENCE = [
  'AmazonOrderID|MerchantOrderID',
  'ActionType',
  'CODCollectionMethod',
  'AdjustedItem+',
] as const;
export const ADJUSTED_ITEM_SEQUENCE = [
  'AmazonOrderItemCode|MerchantOrderItemID',
  'MerchantAdjustmentItemID',
  'AdjustmentReason',
  'ItemPriceAdjustments',
  'PromotionAdjustments+',
  'DirectPaymentAdjustments',
  'QuantityCancelled',
  'Quantity',
] as const;
