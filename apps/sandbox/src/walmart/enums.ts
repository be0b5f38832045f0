/** `trackingInfo.carrierName.carrier` values accepted by the 2026 Orders model (exact strings). */
export const WALMART_CARRIERS: readonly string[] = [
  'UPS', 'USPS', 'FedEx', 'Airborne', 'OnTrac', 'DHL Ecommerce - US', 'DHL', 'LS', 'UDS', 'UPSMI', 'FDX', 'PILOT', 'ESTES',
  'SAIA', 'FDS Express', 'Seko Worldwide', 'HIT Delivery', 'FEDEXSP', 'RL Carriers', 'Metropolitan Warehouse & Delivery',
  'China Post', 'YunExpress', 'Yellow Freight Sys', 'AIT Worldwide Logistics', 'Chukou1', 'Sendle', 'Landmark Global',
  'Sunyou', 'Yanwen', '4PX', 'GLS', 'OSM Worldwide', 'FIRST MILE', 'AM Trucking', 'CEVA', 'India Post', 'SF Express', 'CNE',
  'TForce Freight', 'AxleHire', 'LSO', 'Royal Mail', 'ABF Freight System', 'WanB', 'Roadrunner Freight', 'Meyer Distribution',
  'AAA Cooper', 'Canada Post', 'Southeastern Freight Lines', 'Japan Post', 'Correos de Mexico', 'XPO Logistics',
  'JD Logistics', 'YDH', 'JCEX', 'Flyt', 'Deutsche Post', 'Better Trucks', 'Asendia', 'SFC', 'UBI', 'ePost Global',
  'YF Logistics', 'RXO', 'Estes Express', 'Shypmax', 'WIN.IT America', 'PITT OHIO', 'PostNord Sweden', 'Equick', 'Whistl',
  'Tusou', 'Shiprocket', 'DTDC', 'PTS',
];

export const WALMART_METHOD_CODES: readonly string[] = ['Standard', 'Express', 'OneDay', 'Freight', 'WhiteGlove', 'Value'];

/** The five reasons Walmart US accepts today; older ones (SELLER_CANCEL_CUSTOMER_DUPLICATE_ORDER…) are rejected. */
export const WALMART_CANCEL_REASONS: readonly string[] = [
  'CUSTOMER_REQUESTED_SELLER_TO_CANCEL',
  'SELLER_CANCEL_PRICING_ERROR',
  'SELLER_CANCEL_OUT_OF_STOCK',
  'SELLER_CANCEL_FRAUD_STOP_SHIPMENT',
  'SELLER_CANCEL_ADDRESS_NOT_SERVICEABLE',
];

export const WALMART_REFUND_REASONS: readonly string[] = [
  'BillingError', 'TaxExemptCustomer', 'ItemNotAsAdvertised', 'IncorrectItemReceived', 'CancelledYetShipped',
  'ItemNotReceivedByCustomer', 'IncorrectShippingPrice', 'DamagedItem', 'DefectiveItem', 'CustomerChangedMind',
  'CustomerReceivedItemLate', 'Missing Parts / Instructions', 'Finance -> Goodwill', 'Finance -> Rollback', 'Buyer canceled',
  'Customer returned item', 'General adjustment', 'Merchandise not received', 'Quality -> Missing Parts / Instructions',
  'Shipping & Delivery -> Damaged', 'Shipping & Delivery -> Shipping Price Discrepancy', 'Others',
];

/** Reason the sandbox records on lines Walmart cancels itself at ship date + 4 days (Walmart's exact string is not documented). */
export const AUTO_CANCEL_REASON = 'SELLER_CANCEL_AUTO_CANCEL';

export const AUTO_CANCEL_GRACE_MS = 4 * 24 * 3600 * 1000;
export const TRACKING_EDIT_WINDOW_MS = 4 * 3600 * 1000;
