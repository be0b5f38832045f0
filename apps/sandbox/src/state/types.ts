import type { ShippingRecords } from '../amazon/shipping/state';
import type { Channel } from '@order-hub/types';

export interface WalmartCredentials {
  clientId: string;
  clientSecret: string;
  /** Walmart's seller id, echoed in `nextCursor` as Walmart does. */
  sellerId: string;
}

export interface AmazonCredentials {
  clientId: string;
  clientSecret: string;
  refreshToken: string;
  sellerId: string;
  marketplaceId: string;
}

export interface Account {
  id: string;
  channel: Channel;
  name: string;
  createdAt: number;
  walmart?: WalmartCredentials;
  amazon?: AmazonCredentials;
}

export type WalmartLineStatus = 'Created' | 'Acknowledged' | 'Shipped' | 'Delivered' | 'Cancelled';

export interface WalmartTracking {
  shipDateTime: number;
  carrier?: string;
  otherCarrier?: string;
  methodCode: string;
  trackingNumber: string;
  trackingURL?: string;
}

/** One quantity bucket of a line: Walmart reports a line's units split across statuses. */
export interface WalmartBucket {
  status: WalmartLineStatus;
  quantity: number;
  cancellationReason?: string;
  tracking?: WalmartTracking;
  /** Sandbox time the shipment was recorded: the start of the 4-hour tracking-edit window. */
  shippedAt?: number;
}

export interface WalmartRefundCharge {
  refundReason: string;
  chargeType: string;
  chargeName: string;
  amount: number;
  taxName?: string;
  taxAmount?: number;
}

export interface WalmartRefund {
  refundId: string;
  refundComments?: string;
  charges: WalmartRefundCharge[];
}

export interface WalmartLine {
  lineNumber: string;
  sku: string;
  productName: string;
  quantity: number;
  unitPrice: number;
  unitTax: number;
  shippingPrice: number;
  weightLb: number;
  imageUrl: string;
  intentToCancel: boolean;
  statusDate: number;
  buckets: WalmartBucket[];
  refunds: WalmartRefund[];
  sellerOrderId?: string;
}

export interface WalmartAddress {
  name: string;
  address1: string;
  address2?: string;
  city: string;
  state: string;
  postalCode: string;
  country: string;
  addressType: 'RESIDENTIAL' | 'OFFICE';
}

export interface WalmartOrder {
  purchaseOrderId: string;
  customerOrderId: string;
  customerEmailId: string;
  orderDate: number;
  lastModified: number;
  shipNodeType: 'SellerFulfilled' | 'WFSFulfilled';
  shippingProgramType?: 'TWO_DAY' | 'ONE_DAY';
  phone: string;
  estimatedShipDate: number;
  estimatedDeliveryDate: number;
  methodCode: string;
  address: WalmartAddress;
  lines: WalmartLine[];
}

export interface AmazonAddress {
  name: string;
  addressLine1: string;
  addressLine2?: string;
  city: string;
  stateOrRegion: string;
  postalCode: string;
  countryCode: string;
  phone: string;
  addressType: 'RESIDENTIAL' | 'COMMERCIAL';
}

export interface AmazonItem {
  orderItemId: string;
  asin: string;
  sellerSku: string;
  title: string;
  quantity: number;
  unitPrice: string;
  unitTax: string;
  quantityShipped: number;
  quantityCancelled: number;
  buyerRequestedCancel?: { reason: string };
  cancelledBy?: 'SELLER' | 'BUYER' | 'SYSTEM';
  cancelReason?: string;
  /** Refunds applied through the order adjustment feed (POST_PAYMENT_ADJUSTMENT_DATA), oldest first. */
  adjustments?: AmazonAdjustment[];
}

/** One applied AdjustedItem: amounts in cents, credits positive, charges (restocking fee) negative. */
export interface AmazonAdjustment {
  feedId: string;
  messageId: string;
  at: number;
  reason: string;
  quantity?: number;
  merchantAdjustmentItemId?: string;
  components: { type: string; cents: number }[];
}

/** A buyer's return of one order item, as the returns reports show it. */
export interface AmazonReturn {
  /** Amazon RMA ID. */
  rma: string;
  orderItemId: string;
  quantity: number;
  reason: string;
  requestedAt: number;
  /** When the item reached the seller ("Return delivery date"); a future time means still on its way. */
  receivedAt?: number;
  carrier: string;
  trackingId: string;
  labelCostCents: number;
  labelPaidBy: 'Seller' | 'Customer';
  inPolicy: boolean;
}

export interface AmazonPackage {
  packageReferenceId: string;
  carrierCode: string;
  carrierName?: string;
  shippingMethod?: string;
  trackingNumber: string;
  shipTime: number;
  createdTime: number;
  status: 'SHIPPED' | 'IN_TRANSIT' | 'DELIVERED';
  items: { orderItemId: string; quantity: number }[];
}

export interface AmazonOrder {
  orderId: string;
  createdTime: number;
  lastUpdatedTime: number;
  marketplaceId: string;
  fulfilledBy: 'MERCHANT' | 'AMAZON';
  serviceLevel: 'Standard' | 'Expedited' | 'NextDay' | 'SecondDay';
  programs: string[];
  shipBy: { earliest: number; latest: number };
  deliverBy: { earliest: number; latest: number };
  buyer: { name: string; email: string };
  address: AmazonAddress;
  items: AmazonItem[];
  packages: AmazonPackage[];
  /** Set when the whole order was cancelled (seller feed or buyer). */
  cancelled?: boolean;
  /** Returns the buyer requested; each appears in the returns reports once its request date has passed. */
  returns?: AmazonReturn[];
}

export type McfStatus =
  | 'New'
  | 'Received'
  | 'Planning'
  | 'Processing'
  | 'Cancelled'
  | 'Complete'
  | 'CompletePartialled'
  | 'Unfulfillable'
  | 'Invalid';

export interface McfTrackingEvent {
  eventDate: number;
  eventCode: string;
  eventDescription: string;
  city: string;
  state: string;
}

export interface McfPackage {
  packageNumber: number;
  carrierCode: string;
  trackingNumber: string;
  estimatedArrivalDate: number;
  events: McfTrackingEvent[];
  delivered: boolean;
}

export interface McfShipment {
  amazonShipmentId: string;
  fulfillmentCenterId: string;
  status: 'PENDING' | 'SHIPPED' | 'CANCELLED_BY_SELLER';
  shippingDate: number;
  estimatedArrivalDate: number;
  items: { sellerSku: string; sellerFulfillmentOrderItemId: string; quantity: number; packageNumber?: number }[];
  packages: McfPackage[];
}

export interface McfItem {
  sellerSku: string;
  sellerFulfillmentOrderItemId: string;
  quantity: number;
  cancelledQuantity: number;
  unfulfillableQuantity: number;
  /** Units taken from inventory for this order. */
  reserved: number;
  perUnitDeclaredValue?: { currencyCode: string; value: string };
}

export interface McfAddress {
  name: string;
  addressLine1: string;
  addressLine2?: string;
  addressLine3?: string;
  city?: string;
  districtOrCounty?: string;
  stateOrRegion: string;
  postalCode: string;
  countryCode: string;
  phone?: string;
}

export interface McfOrder {
  sellerFulfillmentOrderId: string;
  marketplaceId: string;
  displayableOrderId: string;
  displayableOrderDate: string;
  displayableOrderComment: string;
  shippingSpeedCategory: 'Standard' | 'Expedited' | 'Priority';
  destinationAddress: McfAddress;
  fulfillmentAction: 'Ship' | 'Hold';
  fulfillmentPolicy: 'FillOrKill' | 'FillAll' | 'FillAllAvailable';
  notificationEmails?: string[];
  featureConstraints: { featureName: string; featureFulfillmentPolicy: 'Required' | 'NotRequired' }[];
  receivedDate: number;
  status: McfStatus;
  statusUpdatedDate: number;
  items: McfItem[];
  shipments: McfShipment[];
  /** Canonical JSON of the create request: a retry with the same body is a no-op. */
  requestFingerprint: string;
}

export type FeedStatus = 'IN_QUEUE' | 'IN_PROGRESS' | 'DONE' | 'FATAL' | 'CANCELLED';

export interface FeedDocument {
  feedDocumentId: string;
  contentType: string;
  content?: string;
  createdAt: number;
}

export interface Feed {
  feedId: string;
  feedType: string;
  marketplaceIds: string[];
  inputFeedDocumentId: string;
  createdTime: number;
  status: FeedStatus;
  processingStartTime?: number;
  processingEndTime?: number;
  resultFeedDocumentId?: string;
  /** Fault injection accepted the feed but it will change nothing, while reporting success. */
  silentlyDropped?: boolean;
}

export interface AccountData {
  account: Account;
  walmartOrders: Map<string, WalmartOrder>;
  amazonOrders: Map<string, AmazonOrder>;
  mcfOrders: Map<string, McfOrder>;
  inventory: Map<string, number>;
  feeds: Map<string, Feed>;
  feedDocuments: Map<string, FeedDocument>;
  /** Earliest sandbox time at which a Walmart line may auto-cancel; avoids scanning every order on each request. */
  walmartNextDue: number;
  sequence: number;
  /** Amazon Buy Shipping's rate requests and bought shipments (amazon/shipping), once the account used it. */
  amazonShipping?: ShippingRecords;
}

export interface IssuedToken {
  accountId: string;
  expiresAt: number;
  /** Restricted Data Token: the method and path it unlocks. */
  restricted?: { method: string; path: string; dataElements: string[] }[];
  /** A grantless token (LWA client_credentials): the scope it was issued for; it calls grantless operations only. */
  scope?: string;
}
