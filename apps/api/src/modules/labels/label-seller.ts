import type {
  AddressVerification,
  LabelFormat,
  LabelItem,
  LabelParcel,
  LabelRates,
  PostalAddress,
  PurchasedLabel,
} from '@order-hub/types';

/** One package of one order, as a rate request names it. */
export interface LabelRateRequest {
  /** The channel's order id (Amazon orderId, Walmart purchaseOrderId). */
  channelOrderId: string;
  shipFrom: PostalAddress;
  shipTo: PostalAddress;
  parcel: LabelParcel;
  items: LabelItem[];
  /** The order's ship-by and deliver-by, which the rates are judged against. */
  shipBy: Date | null;
  deliverBy: Date | null;
}

export interface LabelPurchaseRequest {
  requestToken: string;
  rateId: string;
  format: LabelFormat;
  /**
   * The same key again returns the first purchase instead of buying twice (the hub derives it from the order, the
   * package and the rate request). Sent where the provider takes one; the hub's own ledger enforces it everywhere.
   */
  idempotencyKey: string;
}

export interface LabelVoidResult {
  /** VOIDED: the provider took it back (Amazon: cancelled, the shipment un-confirmed); SUBMITTED: a refund is pending. */
  status: 'VOIDED' | 'SUBMITTED';
}

/**
 * A service that sells carrier labels: Amazon Buy Shipping (the Amazon adapter) or the tracking provider's shipping
 * API (EasyPost). Every failure is a `LabelError` whose message is fit to show the operator.
 */
export interface LabelSeller {
  /** Whether the channel confirms the shipment itself when its label is bought (Amazon Buy Shipping does). */
  readonly confirmsShipment: boolean;
  rates(request: LabelRateRequest): Promise<LabelRates>;
  /**
   * A label bought whose file could not be downloaded comes back with an empty `document` (it is bought: store it
   * and reprint with `document()`); DOCUMENT_FAILED is what `document()` throws.
   */
  purchase(request: LabelPurchaseRequest): Promise<PurchasedLabel>;
  /** The label again, for a reprint. */
  document(providerShipmentId: string, format: LabelFormat): Promise<Uint8Array>;
  void(providerShipmentId: string): Promise<LabelVoidResult>;
  /** Address verification before buying; absent where the seller has none (Amazon validates inside getRates). */
  verifyAddress?(address: PostalAddress): Promise<AddressVerification>;
}

export type LabelErrorCode =
  /** The quote or the request token expired: ask for rates again. */
  | 'RATE_EXPIRED'
  /** The carrier or provider refused the purchase (funds, service no longer offered, item not eligible). */
  | 'PURCHASE_REFUSED'
  /** The carrier cannot serve the address (undeliverable, PO box for a service that needs a street). */
  | 'ADDRESS_UNSERVICEABLE'
  /** The label was bought but its document could not be fetched: reprint it. */
  | 'DOCUMENT_FAILED'
  /** The void window has passed, or the carrier already scanned the parcel. */
  | 'VOID_REFUSED'
  /** The provider could not be reached, throttled past the retries, or answered 5xx: nothing was bought. */
  | 'UNAVAILABLE'
  /** No provider is configured (no tracking provider API key; an Amazon account without shipping access). */
  | 'NOT_CONFIGURED';

/** A label service's refusal, in words for the operator, with the provider's own message kept for the evidence. */
export class LabelError extends Error {
  constructor(
    readonly code: LabelErrorCode,
    message: string,
    readonly providerMessage: string | null = null,
  ) {
    super(message);
    this.name = 'LabelError';
  }
}
