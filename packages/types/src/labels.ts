import type { CarrierCode } from './carrier';
import type { PostalAddress } from './order';

/**
 * Where a label is bought: the channel's own shipping service (Amazon Buy Shipping, Shipping API v2), or the
 * tracking provider's shipping API (EasyPost shipments) for channels without one.
 */
export const LabelSource = {
  CHANNEL: 'CHANNEL',
  PROVIDER: 'PROVIDER',
} as const;
export type LabelSource = (typeof LabelSource)[keyof typeof LabelSource];

export const LabelFormat = { PDF: 'PDF', ZPL: 'ZPL', PNG: 'PNG' } as const;
export type LabelFormat = (typeof LabelFormat)[keyof typeof LabelFormat];

/** A package as a carrier rates it: inches and ounces, as both APIs' US defaults take them. */
export interface LabelParcel {
  lengthIn: number;
  widthIn: number;
  heightIn: number;
  weightOz: number;
}

/** A line of the order that goes in the package (Amazon's getRates names each item by its order item id). */
export interface LabelItem {
  /** The channel's order line id (Amazon orderItemId). */
  channelLineId: string;
  sku: string;
  title: string;
  quantity: number;
  /** Unit price in cents, for the declared value. */
  unitValueCents: number;
  currency: string;
}

/** A rate a carrier quoted for one package, as the hub shows it. */
export interface LabelRateQuote {
  /** The provider's id of the rate; valid with `requestToken` until `expiresAt`. */
  rateId: string;
  carrier: CarrierCode;
  /** How the carrier calls itself ("UPS", "Amazon Shipping"). */
  carrierName: string;
  /** The provider's service code ("Ground", "std-us-swa-mfn"). */
  service: string;
  /** The service as people call it ("UPS Ground"). */
  serviceName: string;
  amountCents: number;
  currency: string;
  /** Promised delivery window from the carrier: the latest day it says the parcel arrives (ISO instant), or null. */
  deliverBy: string | null;
  /** The last instant the carrier must receive the parcel for that promise (Amazon's promise.pickupWindow.end), or null. */
  pickUpBy: string | null;
  /** The transit days the carrier quotes, or null. */
  deliveryDays: number | null;
}

export interface LabelRates {
  /** The provider's handle for this request (Amazon requestToken, EasyPost shipment id); buying names it. */
  requestToken: string;
  /** When the quotes stop being valid (Amazon: requestToken expiry), or null when the provider does not say. */
  expiresAt: string | null;
  rates: LabelRateQuote[];
  /** Services the provider declined for this package, with its reason in words. */
  ineligible: { carrierName: string; serviceName: string; reason: string }[];
}

/** What the hub knows of a bought label. */
export interface PurchasedLabel {
  /** The provider's shipment id (Amazon shipmentId, EasyPost shipment id): reprint and void name it. */
  providerShipmentId: string;
  carrier: CarrierCode;
  carrierName: string;
  service: string;
  serviceName: string;
  trackingNumber: string;
  amountCents: number;
  currency: string;
  format: LabelFormat;
  /** The label itself, as the provider sent it (a 4×6 page). */
  document: Uint8Array;
}

export type LabelStatus = 'PURCHASED' | 'VOIDED' | 'VOID_REQUESTED';

/** An address check's answer: the provider's correction, if it has one, and what it could not confirm. */
export interface AddressVerification {
  verified: boolean;
  /** The provider's corrected address; null when it had nothing to change or could not verify. */
  suggested: PostalAddress | null;
  /** What failed, in words ("Address not found", "Unit number missing"). */
  problems: string[];
}
