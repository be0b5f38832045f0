/** The carriers the hub knows by format. Anything else is OTHER with a carrier name. */
export const CarrierCode = {
  UPS: 'UPS',
  UPS_MAIL_INNOVATIONS: 'UPS_MAIL_INNOVATIONS',
  USPS: 'USPS',
  FEDEX: 'FEDEX',
  FEDEX_SMARTPOST: 'FEDEX_SMARTPOST',
  DHL: 'DHL',
  DHL_ECOMMERCE: 'DHL_ECOMMERCE',
  ONTRAC: 'ONTRAC',
  LASERSHIP: 'LASERSHIP',
  AMAZON_LOGISTICS: 'AMAZON_LOGISTICS',
  OTHER: 'OTHER',
} as const;
export type CarrierCode = (typeof CarrierCode)[keyof typeof CarrierCode];
export const CARRIER_CODES: readonly CarrierCode[] = Object.values(CarrierCode);

export function isCarrierCode(value: unknown): value is CarrierCode {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(CarrierCode, value);
}

/**
 * A carrier event of a shipped package the hub records: the first carrier scan, the first delivery attempt and the
 * delivery (one of each per shipment), and each status change a tracking provider reports (STATUS).
 */
export const CarrierEventType = {
  SCANNED: 'SCANNED',
  DELIVERY_ATTEMPT: 'DELIVERY_ATTEMPT',
  DELIVERED: 'DELIVERED',
  STATUS: 'STATUS',
} as const;
export type CarrierEventType = (typeof CarrierEventType)[keyof typeof CarrierEventType];

/** Where the hub learnt a carrier event. */
export const CarrierEventSource = {
  /** The marketplace reported the package's status. */
  CHANNEL: 'CHANNEL',
  /** Amazon's MCF package tracking. */
  MCF: 'MCF',
  /** The tracking provider (EasyPost's Tracker API) read the carrier's own scans. */
  TRACKING_PROVIDER: 'TRACKING_PROVIDER',
} as const;
export type CarrierEventSource = (typeof CarrierEventSource)[keyof typeof CarrierEventSource];

/** A parcel's status as the carrier reports it (EasyPost's tracker status vocabulary). */
export const CarrierStatus = {
  UNKNOWN: 'UNKNOWN',
  /** Label created; the carrier has not scanned the parcel. */
  PRE_TRANSIT: 'PRE_TRANSIT',
  IN_TRANSIT: 'IN_TRANSIT',
  OUT_FOR_DELIVERY: 'OUT_FOR_DELIVERY',
  DELIVERED: 'DELIVERED',
  AVAILABLE_FOR_PICKUP: 'AVAILABLE_FOR_PICKUP',
  RETURN_TO_SENDER: 'RETURN_TO_SENDER',
  FAILURE: 'FAILURE',
  CANCELLED: 'CANCELLED',
  ERROR: 'ERROR',
} as const;
export type CarrierStatus = (typeof CarrierStatus)[keyof typeof CarrierStatus];
export const CARRIER_STATUSES: readonly CarrierStatus[] = Object.values(CarrierStatus);

/** Where a carrier saw a parcel; any part may be unknown. */
export interface CarrierLocation {
  city: string | null;
  state: string | null;
  zip: string | null;
  country: string | null;
}

/** Where the hub stands with following one shipment at the tracking provider. */
export const TrackerState = {
  /** Not yet registered with the provider (or the provider was unreachable). */
  PENDING: 'PENDING',
  /** Registered; scans arrive by webhook and polling. */
  TRACKING: 'TRACKING',
  /** The provider refused the number (no supported carrier matches it): itself a Walmart defect. */
  UNTRACKABLE: 'UNTRACKABLE',
  /** Delivered, returned or failed for good: no more polling. */
  DONE: 'DONE',
} as const;
export type TrackerState = (typeof TrackerState)[keyof typeof TrackerState];

/** The carrier's delivery location held against the order's ship-to (packages/rules matchDeliveryAddress). */
export const AddressMatch = {
  MATCH: 'MATCH',
  MISMATCH: 'MISMATCH',
  /** The carrier gave no usable location: never counted as a match. */
  UNKNOWN: 'UNKNOWN',
} as const;
export type AddressMatch = (typeof AddressMatch)[keyof typeof AddressMatch];
