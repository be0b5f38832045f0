import type { AccountData } from '../../state/types';
import { type PackageSize, SERVICES, type ShippingService } from './services';

/** Amazon: "You must complete the purchase within 10 minutes of rate creation" (purchaseShipment, shippingV2.json). */
export const REQUEST_TOKEN_TTL_MS = 10 * 60_000;

export interface QuotedRate {
  rateId: string;
  serviceId: string;
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

/**
 * An account's Buy Shipping records, kept on the account (plain objects) so the sandbox's snapshot keeps them
 * across restarts; planted faults are not kept, like the other planted outcomes.
 */
export interface ShippingRecords {
  requests: Record<string, RateRequest>;
  shipments: Record<string, BoughtShipment>;
  /** x-amzn-IdempotencyKey → shipmentId. */
  idempotency: Record<string, string>;
}

const planted = new WeakMap<AccountData, { fault: ShippingFault; times: number }[]>();

export function shippingState(data: AccountData): ShippingRecords {
  data.amazonShipping ??= { requests: {}, shipments: {}, idempotency: {} };
  return data.amazonShipping;
}

/** Rate requests a day past their expiry and never bought from are forgotten. */
export function forgetStaleRequests(records: ShippingRecords, now: number): void {
  for (const [token, r] of Object.entries(records.requests))
    if (!r.purchasedShipmentId && now > r.expiresAt + 86_400_000) delete records.requests[token];
}

export function serviceOf(rate: QuotedRate): ShippingService {
  const found = SERVICES.find((s) => s.serviceId === rate.serviceId);
  if (!found) throw new Error(`Buy Shipping: unknown service ${rate.serviceId}`);
  return found;
}

export function plantShippingFault(data: AccountData, fault: ShippingFault, times: number): void {
  planted.set(data, [...(planted.get(data) ?? []), { fault, times }]);
}

/** Whether a planted fault applies to this call; counts it down. */
export function takeShippingFault(data: AccountData, fault: ShippingFault): boolean {
  const found = (planted.get(data) ?? []).find((p) => p.fault === fault && p.times > 0);
  if (!found) return false;
  found.times -= 1;
  return true;
}
