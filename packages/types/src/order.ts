/**
 * The hub's normalised order status. Walmart keeps status per line and quantity, Amazon per order;
 * both are reduced to this one value for views and filters (line detail stays on the lines).
 */
export const OrderStatus = {
  /** Channel has the order but it cannot be worked yet (Amazon PENDING / PENDING_AVAILABILITY). */
  PENDING: 'PENDING',
  /** Received, not yet acknowledged (Walmart `Created`). */
  CREATED: 'CREATED',
  /** Acknowledged (Walmart) or unshipped (Amazon, which needs no acknowledgement). */
  ACKNOWLEDGED: 'ACKNOWLEDGED',
  PARTIALLY_SHIPPED: 'PARTIALLY_SHIPPED',
  SHIPPED: 'SHIPPED',
  DELIVERED: 'DELIVERED',
  CANCELLED: 'CANCELLED',
} as const;
export type OrderStatus = (typeof OrderStatus)[keyof typeof OrderStatus];
/** Statuses in which the seller still owes a shipment. */
export const OPEN_ORDER_STATUSES: readonly OrderStatus[] = [
  OrderStatus.CREATED,
  OrderStatus.ACKNOWLEDGED,
  OrderStatus.PARTIALLY_SHIPPED,
];

export const OrderLineStatus = {
  CREATED: 'CREATED',
  ACKNOWLEDGED: 'ACKNOWLEDGED',
  SHIPPED: 'SHIPPED',
  DELIVERED: 'DELIVERED',
  CANCELLED: 'CANCELLED',
  REFUNDED: 'REFUNDED',
} as const;
export type OrderLineStatus = (typeof OrderLineStatus)[keyof typeof OrderLineStatus];

/** Who ships the order: the seller, Amazon MCF on the seller's behalf, or the channel itself (WFS / AFN). */
export const FulfillmentMethod = {
  MERCHANT: 'MERCHANT',
  MCF: 'MCF',
  CHANNEL: 'CHANNEL',
} as const;
export type FulfillmentMethod = (typeof FulfillmentMethod)[keyof typeof FulfillmentMethod];

export const PackageType = {
  LETTER: 'LETTER',
  FLAT: 'FLAT',
  PARCEL: 'PARCEL',
} as const;
export type PackageType = (typeof PackageType)[keyof typeof PackageType];

/** The inbox views operations staff work from. */
export const OrderView = {
  /** Not yet acknowledged, and neither due today nor past due (NEW, DUE_TODAY and PAST_DUE are disjoint). */
  NEW: 'NEW',
  /** Not shipped; ship-by later today in the account's time zone, not already past. */
  DUE_TODAY: 'DUE_TODAY',
  /** Not shipped, ship-by already passed. */
  PAST_DUE: 'PAST_DUE',
  /** Past due (inside the channel's auto-cancel grace), or not acknowledged by the channel's deadline. */
  AT_RISK: 'AT_RISK',
  /** A channel refused a call for good (or it went dead): newest refusal first, until the channel takes it. */
  NEEDS_ATTENTION: 'NEEDS_ATTENTION',
  /** Shipped, with a shipment the tracking provider follows (PENDING or TRACKING) that the carrier has not scanned yet. */
  SHIPPED_NO_SCAN: 'SHIPPED_NO_SCAN',
  ALL: 'ALL',
} as const;
export type OrderView = (typeof OrderView)[keyof typeof OrderView];
export const ORDER_VIEWS: readonly OrderView[] = Object.values(OrderView);

/** Money in integer minor units (cents) with its ISO 4217 currency. */
export interface Money {
  amountCents: number;
  currency: string;
}

export interface PostalAddress {
  name: string;
  line1: string;
  line2?: string | null;
  line3?: string | null;
  city: string;
  stateOrRegion: string;
  postalCode: string;
  /** ISO 3166-1 alpha-2 (`US`). */
  countryCode: string;
  phone?: string | null;
}

/** An order line as the hub stores it, whichever channel it came from. */
export interface NormalizedOrderLine {
  /** Walmart lineNumber / Amazon orderItemId. */
  lineNumber: string;
  sku: string;
  title: string;
  quantityOrdered: number;
  quantityShipped: number;
  quantityCancelled: number;
  quantityRefunded: number;
  unitPriceCents: number;
  status: OrderLineStatus;
  /** The buyer asked to cancel this line (Walmart `intentToCancel`, Amazon item cancellation request). */
  cancellationRequested: boolean;
  /** The channel's reason for the line's cancelled units (Walmart `cancellationReason`, Amazon `cancelReason`); null when none or not given. */
  cancellationReason?: string | null;
  /** The channel's reason for the line's refund (Walmart `refundReason`); null when none or not given. */
  refundReason?: string | null;
  /**
   * Who the channel says cancelled the line's units (Amazon `cancellationExecution.cancelledBy`: BUYER, MERCHANT as
   * SELLER, AMAZON as CHANNEL); null when it does not say (Walmart gives only a reason).
   */
  cancelledBy?: 'BUYER' | 'SELLER' | 'CHANNEL' | null;
}

export interface NormalizedShipment {
  carrier: string;
  service: string | null;
  trackingNumber: string | null;
  trackingUrl: string | null;
  shippedAt: Date;
  packageType: PackageType;
  weightOz: number | null;
  lengthIn: number | null;
  widthIn: number | null;
  heightIn: number | null;
  lines: { lineNumber: string; quantity: number }[];
  /** Carrier events the channel reports for the package (first scan, delivery); absent when none. */
  events?: ShipmentCarrierEvent[];
}

/** A package's carrier event as a channel reports it: IN_TRANSIT → SCANNED, delivered → DELIVERED. */
export interface ShipmentCarrierEvent {
  type: 'SCANNED' | 'DELIVERED';
  /** When it happened, as the channel dates it; null when the channel reports the status without a time (never guessed). */
  at: Date | null;
  description?: string | null;
}

/** A channel order mapped into the hub's model (deadlines from policy are added by the hub). */
export interface NormalizedOrder {
  channelOrderId: string;
  customerOrderId: string | null;
  orderedAt: Date;
  status: OrderStatus;
  shipBy: Date | null;
  deliverBy: Date | null;
  acknowledgedAt: Date | null;
  shipMethod: string | null;
  fulfillmentMethod: FulfillmentMethod;
  shipTo: PostalAddress | null;
  totalCents: number;
  currency: string;
  rawPayload: Record<string, unknown>;
  lines: NormalizedOrderLine[];
  shipments: NormalizedShipment[];
  /**
   * When the channel last changed the order (Amazon `lastUpdatedTime`; Walmart: the newest line `statusDate`).
   * Import never lets an older copy overwrite a newer one.
   */
  channelUpdatedAt: Date;
  /** Some line has a buyer's cancellation request the seller has not answered. */
  cancellationRequested: boolean;
  /** Items and shipping before tax, in minor units (the price Amazon's letter/flat exemption compares); null when the channel does not break it down. */
  merchandiseCents?: number | null;
  /** Walmart `orderType`: a REPLACEMENT order re-ships an earlier customer order; null when the channel does not say. */
  orderType?: OrderType | null;
  /** The customer order a replacement replaces (Walmart `originalCustomerOrderID`). */
  originalCustomerOrderId?: string | null;
  /** Who the channel routed the order to ship from (Walmart `shipNode.type`: SellerFulfilled, WFSFulfilled, 3PLFulfilled). */
  shipNodeType?: string | null;
  /**
   * The references of the packages the channel already holds for the order (Amazon `packages[].packageReferenceId`),
   * confirmed through the hub or outside it; empty (or absent) when the channel does not name packages (Walmart).
   */
  channelPackageReferenceIds?: string[];
  /** Each line's money as the channel reports it; absent when the channel's copy gives none (charges then unknown). */
  lineMoney?: NormalizedLineMoney[];
}

/**
 * One order line's money as the channel reports it, in minor units of the order's currency. Kept beside the lines
 * rather than on them: it is what refunds are checked against, not part of the line's state.
 */
export interface NormalizedLineMoney {
  lineNumber: string;
  /**
   * What the buyer was charged for the line: every charge (product, shipping, fees) with its tax; the ceiling for
   * refunds. Null when the channel's copy does not give it.
   */
  chargeCents: number | null;
  /** Refunded on the line so far: every refunded charge with its tax. */
  refundedCents: number;
  /** The product part of `refundedCents` (shipping and tax left out): how many units the refunds cover. */
  productRefundedCents: number;
}

export const OrderType = {
  REGULAR: 'REGULAR',
  REPLACEMENT: 'REPLACEMENT',
} as const;
export type OrderType = (typeof OrderType)[keyof typeof OrderType];
