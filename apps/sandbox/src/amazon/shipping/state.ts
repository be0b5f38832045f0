import type { AccountData } from '../../state/types';
import type { PackageSize, ShippingService } from './services';

/** Amazon: "You must complete the purchase within 10 minutes of rate creation" (purchaseShipment, shippingV2.json). */
export const REQUEST_TOKEN_TTL_MS = 10 * 60_000;

export interface QuotedRate {
  rateId: string;
  service: ShippingService;
  amountCents: number;
  billedLb: number;
  promise: { pickupWindow: { start: string; end: string }; deliveryWindow: { start: string; end: string } };
}

export interface RateRequest {
  requestToken: string;
  createdAt: number;
  expiresAt: number;
  orderId?: string;
  packageClientReferenceId: string;
  size: PackageSize;
  items: { orderItemId: string; quantity: number }[];
  shipFrom: { name: string; lines: string[] };
  shipTo: { name: string; lines: string[]; postalCode: string };
  rates: QuotedRate[];
  purchasedShipmentId?: string;
}

export interface BoughtShipment {
  shipmentId: string;
  requestToken: string;
  rate: QuotedRate;
  orderId?: string;
  packageClientReferenceId: string;
  /** The order's package this shipment confirmed, when it was bought for an Amazon order. */
  packageReferenceId?: string;
  trackingId: string;
  format: 'PDF' | 'PNG' | 'ZPL';
  purchasedAt: number;
  cancelledAt?: number;
  shipFrom: { name: string; lines: string[] };
  shipTo: { name: string; lines: string[]; postalCode: string };
}

/** What the sandbox plants (control API) for the next calls of an account: Buy Shipping's refusals. */
export const SHIPPING_FAULTS = [
  'TOKEN_EXPIRED',
  'PURCHASE_REFUSED',
  'UNSERVICEABLE_ADDRESS',
  'DOCUMENT_FAILURE',
  'CANCEL_REFUSED',
] as const;
export type ShippingFault = (typeof SHIPPING_FAULTS)[number];

export interface ShippingState {
  requests: Map<string, RateRequest>;
  shipments: Map<string, BoughtShipment>;
  /** x-amzn-IdempotencyKey → shipmentId. */
  idempotency: Map<string, string>;
  planted: { fault: ShippingFault; times: number }[];
}

const states = new WeakMap<AccountData, ShippingState>();

export function shippingState(data: AccountData): ShippingState {
  let s = states.get(data);
  if (!s) {
    s = { requests: new Map(), shipments: new Map(), idempotency: new Map(), planted: [] };
    states.set(data, s);
  }
  return s;
}

export function plantShippingFault(data: AccountData, fault: ShippingFault, times: number): void {
  shippingState(data).planted.push({ fault, times });
}

/** Whether a planted fault applies to this call; counts it down. */
export function takeShippingFault(data: AccountData, fault: ShippingFault): boolean {
  const found = shippingState(data).planted.find((p) => p.fault === fault && p.times > 0);
  if (!found) return false;
  found.times -= 1;
  return true;
}
