/**
 * Cancellation reasons that mean the buyer asked for it: such cancellations do not count against the seller
 * (Walmart's customer request, Amazon's BuyerCanceled).
 */
export const BUYER_REQUESTED_CANCEL_REASONS: readonly string[] = ['CUSTOMER_REQUESTED_SELLER_TO_CANCEL', 'BuyerCanceled'];

/** Walmart refund reasons caused by the seller (damaged, wrong or late item, not received...), which count in the Refund Rate. */
export const SELLER_FAULT_REFUND_REASONS: readonly string[] = [
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
];
