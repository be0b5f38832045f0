import type { AddressMatch, CarrierCode } from './carrier';
import type { FulfillmentMethod } from './order';
import type { PackageInput } from './shipment-input';

/** The compliance metrics the hub computes from its own data, per channel. */
export const ComplianceMetricKey = {
  VALID_TRACKING_RATE: 'VALID_TRACKING_RATE',
  LATE_SHIPMENT_RATE_10D: 'LATE_SHIPMENT_RATE_10D',
  LATE_SHIPMENT_RATE_30D: 'LATE_SHIPMENT_RATE_30D',
  PRE_FULFILLMENT_CANCEL_RATE: 'PRE_FULFILLMENT_CANCEL_RATE',
  CANCELLATION_RATE: 'CANCELLATION_RATE',
  REFUND_RATE: 'REFUND_RATE',
  ON_TIME_SHIPMENT_RATE: 'ON_TIME_SHIPMENT_RATE',
  ACKNOWLEDGEMENT_RATE: 'ACKNOWLEDGEMENT_RATE',
  ON_TIME_DELIVERY_RATE: 'ON_TIME_DELIVERY_RATE',
  /** Walmart's Address Mismatch: the carrier delivered somewhere other than the order's ship-to. */
  ADDRESS_MISMATCH_RATE: 'ADDRESS_MISMATCH_RATE',
} as const;
export type ComplianceMetricKey = (typeof ComplianceMetricKey)[keyof typeof ComplianceMetricKey];

export const MetricStatus = {
  OK: 'OK',
  /** Still within the standard, but closer to it than the configured margin. */
  AT_RISK: 'AT_RISK',
  FAILING: 'FAILING',
  /** Nothing to measure in the window, or the channel sets no standard for the metric. */
  NOT_APPLICABLE: 'NOT_APPLICABLE',
} as const;
export type MetricStatus = (typeof MetricStatus)[keyof typeof MetricStatus];

/** The orders behind a metric, by how they count. */
export const MetricOrderSet = {
  /** Counted in the numerator (valid tracking, late, cancelled, …). */
  NUMERATOR: 'NUMERATOR',
  /** Counted in the denominator only (invalid tracking, shipped on time, not cancelled, …). */
  DENOMINATOR_ONLY: 'DENOMINATOR_ONLY',
  /** Open orders not yet due that the projection counts. */
  OPEN: 'OPEN',
  /** Shipped with well-formed tracking, no carrier scan yet, still inside the late-origin-scan window (kind 'A'). */
  AWAITING_FIRST_SCAN: 'AWAITING_FIRST_SCAN',
} as const;
export type MetricOrderSet = (typeof MetricOrderSet)[keyof typeof MetricOrderSet];

/** How the rate is held against the threshold: ≥, >, ≤ or <. */
export type MetricComparator = 'AT_LEAST' | 'ABOVE' | 'AT_MOST' | 'BELOW';

/**
 * Who cancelled: the seller, the buyer (asked for it), the channel's automatic cancellation of a late order, or the
 * channel for reasons of its own (Amazon cancelledBy AMAZON), which is not the seller's.
 */
export const CancellationInitiator = {
  SELLER: 'SELLER',
  BUYER: 'BUYER',
  AUTO_CANCEL: 'AUTO_CANCEL',
  CHANNEL: 'CHANNEL',
} as const;
export type CancellationInitiator = (typeof CancellationInitiator)[keyof typeof CancellationInitiator];

export interface ComplianceShipmentRecord {
  id: string;
  carrier: CarrierCode;
  trackingNumber: string | null;
  shippedAt: Date;
  package: PackageInput | null;
  /** The first DELIVERED carrier event of the package; null or absent when the hub has none. */
  deliveredAt?: Date | null;
  /** The first delivery attempt (DELIVERY_ATTEMPT carrier event); on-time delivery falls back to `deliveredAt`. */
  firstDeliveryAttemptAt?: Date | null;
  /** The carrier name typed for OTHER (whether the channel supports the carrier). */
  carrierName?: string | null;
  /** What the hub knows of the parcel's carrier scans; absent = the hub does not follow it (no carrier data). */
  carrierScan?: CarrierScanRecord;
  /** The carrier's delivery location against the ship-to; absent or null until delivered and compared. */
  addressMatch?: AddressMatch | null;
}

/** A shipment's carrier scans as the compliance rules read them. */
export interface CarrierScanRecord {
  /**
   * The hub follows the parcel, so silence means "no scan": a tracker at an active provider, an MCF package, or a
   * channel whose profile says it reports package scans.
   */
  known: boolean;
  /** The first carrier scan (or delivery attempt or delivery); null when none is known. */
  firstScanAt: Date | null;
  /** The tracking provider refused the number (no supported carrier matches it). */
  untrackable: boolean;
}

/** The category an order line's SKU is mapped to by the seller (Amazon measures valid tracking per category). */
export interface ComplianceLineRecord {
  sku: string;
  /** Null when the seller has not mapped the SKU: counted as {@link UNCATEGORIZED}. */
  category: string | null;
}

/** The category of SKUs the seller has not mapped. */
export const UNCATEGORIZED = 'Uncategorized';

/** One order as the metrics see it: plain data, whichever store it came from. */
export interface ComplianceOrderRecord {
  id: string;
  channelOrderId: string;
  customerOrderId: string | null;
  fulfillmentMethod: FulfillmentMethod;
  orderedAt: Date;
  shipBy: Date | null;
  /** The promised delivery instant (Amazon deliver-by, Walmart estimated delivery date). */
  deliverBy?: Date | null;
  acknowledgeBy: Date | null;
  acknowledgedAt: Date | null;
  /**
   * The channel shows the order acknowledged (status ACKNOWLEDGED, PARTIALLY_SHIPPED, SHIPPED or DELIVERED). With no
   * `acknowledgedAt` that means acknowledged at a time nobody recorded (outside the hub): neither late nor on time.
   */
  acknowledged?: boolean;
  /** Walmart `shipNode.type` and `orderType`, where the channel gives them (which orders the seller's metrics count). */
  shipNodeType?: string | null;
  orderType?: string | null;
  /** Value including shipping, excluding tax (Amazon's letter/flat exemption). */
  totalCents: number;
  /** The first cancellation of a unit not yet shipped; null when nothing was cancelled. */
  cancellation: { at: Date; initiator: CancellationInitiator } | null;
  /** The first refund for a seller-caused reason; null when none. */
  sellerFaultRefundAt: Date | null;
  shipments: ComplianceShipmentRecord[];
  /** The order's lines with their SKU category; absent or empty counts the order as {@link UNCATEGORIZED}. */
  lines?: ComplianceLineRecord[];
}

export interface MetricExclusion {
  reason: string;
  count: number;
}

/**
 * What the metric becomes if the open orders due next all miss (ship late, or ship without valid tracking), and
 * how many of them must not.
 */
export interface MetricProjection {
  /** Open orders not yet due; for valid tracking also the shipments awaiting their first scan (`awaitingFirstScan`). */
  openOrders: number;
  /** Rate in percent if every open order misses. */
  valueIfAllMiss: number;
  statusIfAllMiss: MetricStatus;
  /**
   * Open orders that must ship on time (for valid tracking: with valid tracking, and shipments awaiting their first
   * scan that must scan in time) to stay within the standard; null when no number is enough or there is no standard.
   */
  mustShipOnTime: number | null;
  latestShipBy: Date | null;
  /** The open orders (shipments awaiting a first scan are not listed: their orders are in AWAITING_FIRST_SCAN). */
  openOrderIds: string[];
}

/** Whether a metric reads carrier scans, and as of when the hub last heard from the tracking provider. */
export interface MetricCarrierData {
  uses: boolean;
  /** The provider's last answer; null when the metric does not use carrier data or no provider is on. */
  asOf: Date | null;
  /** For people: "Carrier scans as of …", "No carrier data: format check only", "Not based on carrier scans". */
  note: string;
}

export interface ComplianceMetric {
  key: ComplianceMetricKey;
  label: string;
  /** The product category the metric is measured over; null for all categories. */
  category: string | null;
  /** Rate in percent; null when nothing was measured (N/A). */
  value: number | null;
  numerator: number;
  denominator: number;
  exclusions: MetricExclusion[];
  /** Percent from the policy in force at the window end; null when the channel sets no standard. */
  threshold: number | null;
  comparator: MetricComparator | null;
  status: MetricStatus;
  windowDays: number;
  windowStart: Date;
  windowEnd: Date;
  policyVersion: string;
  /** The orders behind the numerator. */
  orderIds: string[];
  projection: MetricProjection | null;
  carrierData: MetricCarrierData;
  /** Shipments waiting for their first carrier scan inside the late-origin-scan window (valid tracking only; else 0). */
  awaitingFirstScan: number;
}

/** Amazon's verdict on one figure of its account health report. */
export type AccountHealthFigureStatus = 'GOOD' | 'BAD' | 'NONE';

/** Order Defect Rate as the channel reports it (seller-fulfilled orders), rates in percent. */
export interface OrderDefectRateFigures {
  ratePercent: number;
  targetPercent: number;
  /** LESS_THAN, GREATER_THAN or EQUALS, as the report states the target. */
  targetCondition: string;
  status: AccountHealthFigureStatus;
  orderCount: number;
  ordersWithDefects: number;
  claims: number;
  chargebacks: number;
  negativeFeedback: number;
  reportingFrom: Date;
  reportingTo: Date;
}

/**
 * The seller's account health as the channel itself reports it (Amazon's Seller Performance report,
 * GET_V2_SELLER_PERFORMANCE_REPORT): only what its schema has, no buyer data.
 */
export interface AccountHealthSnapshot {
  reportId: string;
  marketplaceId: string;
  /** NORMAL, AT_RISK or DEACTIVATED for the marketplace; null when the report leaves it out. */
  accountStatus: string | null;
  /** Account Health Rating status: GREAT or WARNED (the schema has no numeric score). */
  ratingStatus: string | null;
  ratingFrom: Date | null;
  ratingTo: Date | null;
  orderDefectRate: OrderDefectRateFigures | null;
}
