import type { CarrierCode } from './carrier';
import type { ReturnRefundPayload } from './returns';

/** The channel calls the hub makes on an operator's behalf, each delivered through the outbox. */
export const OutboxOperation = {
  ACKNOWLEDGE: 'ACKNOWLEDGE',
  SHIP: 'SHIP',
  UPDATE_TRACKING: 'UPDATE_TRACKING',
  CANCEL: 'CANCEL',
  REFUND: 'REFUND',
  /** Refund a return's units through the channel's returns API (Walmart); Amazon refunds returns with REFUND. */
  RETURN_REFUND: 'RETURN_REFUND',
  /** Amazon MCF: create the fulfillment order for an order of another channel. */
  MCF_CREATE: 'MCF_CREATE',
  MCF_CANCEL: 'MCF_CANCEL',
} as const;
export type OutboxOperation = (typeof OutboxOperation)[keyof typeof OutboxOperation];

export const OutboxStatus = {
  /** Waiting for its (next) attempt. */
  PENDING: 'PENDING',
  /** An attempt is in flight. */
  SENDING: 'SENDING',
  /** The channel took it and a read-back showed the change. */
  DELIVERED: 'DELIVERED',
  /** The channel refused it (a validation error): an operator must fix and retry, or discard. */
  FAILED: 'FAILED',
  /** Given up after every retry, or discarded by an operator. */
  DEAD: 'DEAD',
} as const;
export type OutboxStatus = (typeof OutboxStatus)[keyof typeof OutboxStatus];

/** How one delivery attempt of an outbox row ended. */
export const AttemptOutcome = {
  /** The channel took the call and reading the order back showed the change. */
  DELIVERED: 'DELIVERED',
  /** Reading back showed the channel already had the change (a write whose answer was lost); nothing was resent. */
  ALREADY_APPLIED: 'ALREADY_APPLIED',
  /** A retryable failure (timeout, 5xx, throttling): tried again later. */
  RETRY: 'RETRY',
  /** The channel refused the call. */
  FAILED: 'FAILED',
  /** The channel answered but its copy of the order does not show the change. */
  READ_BACK_MISMATCH: 'READ_BACK_MISMATCH',
  /** The channel is still processing the call (an Amazon feed): asked again shortly. */
  IN_PROGRESS: 'IN_PROGRESS',
  /** The last attempt allowed failed; the row was given up. */
  DEAD: 'DEAD',
} as const;
export type AttemptOutcome = (typeof AttemptOutcome)[keyof typeof AttemptOutcome];

export interface ShipPayload {
  channelOrderId: string;
  shipmentId: string;
  /** Amazon's packageReferenceId (a positive number, unique within the order). */
  packageReferenceId: string;
  lines: { lineNumber: string; quantity: number }[];
  carrier: CarrierCode;
  /** The carrier as the channel spells it (Walmart's enum string, Amazon's carrier code); null for Walmart otherCarrier. */
  channelCarrier: string | null;
  /** Free-text carrier name for OTHER. */
  carrierName: string | null;
  /** Walmart methodCode / Amazon shippingMethod. */
  service: string | null;
  trackingNumber: string;
  trackingUrl: string | null;
  shippedAt: string;
  /** Walmart: ship lines the buyer asked to cancel anyway. */
  intentToCancelOverride: boolean;
}

export interface UpdateTrackingPayload extends ShipPayload {
  previousTrackingNumber: string;
}

export interface CancelPayload {
  channelOrderId: string;
  lines: { lineNumber: string; quantity: number; reason: string; cancelledAfter: number }[];
}

export interface RefundPayload {
  channelOrderId: string;
  /** `refundedAfterCents`: the line's product refunds once this one is applied (what the read-back looks for). */
  lines: {
    lineNumber: string;
    amountCents: number;
    reason: string;
    isFullRefund: boolean;
    refundedAfterCents: number;
    /** Units refunded (Amazon's AdjustedItem Quantity, for a returned item); absent for an amount-only refund. */
    quantity?: number;
    /**
     * How `amountCents` splits (Amazon's ItemPriceAdjustments components); absent: all of it is the item price
     * (Walmart takes one amount per charge).
     */
    components?: { type: RefundComponentType; amountCents: number }[];
  }[];
  comments: string | null;
  /** The hub's return this refund settles, when it refunds a return (Amazon refunds returns as order refunds). */
  returnId?: string;
}

/** What part of a line's price a refund gives back. */
export type RefundComponentType = 'ITEM' | 'ITEM_TAX' | 'SHIPPING' | 'SHIPPING_TAX';

export interface AcknowledgePayload {
  channelOrderId: string;
}

export interface McfAddress {
  name: string;
  addressLine1: string;
  addressLine2?: string;
  city: string;
  stateOrRegion: string;
  postalCode: string;
  countryCode: string;
  phone?: string;
}

/** A fulfillment order as the hub asks Amazon for it; `sellerFulfillmentOrderId` is the idempotency key. */
export interface McfCreatePayload {
  sellerFulfillmentOrderId: string;
  marketplaceId: string;
  displayableOrderId: string;
  displayableOrderDate: string;
  displayableOrderComment: string;
  shippingSpeedCategory: 'Standard' | 'Expedited' | 'Priority';
  destinationAddress: McfAddress;
  /** Always BLOCK_AMZL and BLANK_BOX Required for an order of another channel. */
  featureConstraints: { featureName: 'BLOCK_AMZL' | 'BLANK_BOX'; featureFulfillmentPolicy: 'Required' }[];
  items: { sellerSku: string; sellerFulfillmentOrderItemId: string; quantity: number }[];
}

export interface McfCancelPayload {
  sellerFulfillmentOrderId: string;
}

export type OutboxPayload =
  | AcknowledgePayload
  | ShipPayload
  | UpdateTrackingPayload
  | CancelPayload
  | RefundPayload
  | ReturnRefundPayload
  | McfCreatePayload
  | McfCancelPayload;
