import { policyFor } from '../policy/policy-table';
import { cleanTrackingNumber } from '../tracking/check-tracking-number';

/** A tracking number on two orders within this many days is one parcel claimed twice: Walmart's reuse window (policy table). */
export const TRACKING_REUSE_WINDOW_DAYS = policyFor('WALMART', 'US', new Date()).trackingReuseWindowDays ?? 30;
const DAY_MS = 86_400_000;

export interface TrackedShipment {
  orderId: string;
  trackingNumber: string | null;
  shippedAt: Date;
}

export interface TrackingReuse {
  code: 'TRACKING_REUSED';
  /** The number as carriers show it (spaces dropped, upper case). */
  trackingNumber: string;
  /** The orders that carry it, oldest shipment first. */
  orderIds: string[];
  lastShippedAt: Date;
}

/**
 * Tracking numbers shipped on more than one order within the window ending at `now` (the later use is what the
 * channel flags; once the older use leaves the window the condition clears). Packages of the same order sharing
 * a number are not reuse.
 */
export function findTrackingReuse(
  shipments: readonly TrackedShipment[],
  now: Date,
  windowDays = TRACKING_REUSE_WINDOW_DAYS,
): TrackingReuse[] {
  const since = now.getTime() - windowDays * DAY_MS;
  const byNumber = new Map<string, TrackedShipment[]>();
  for (const s of shipments) {
    const at = s.shippedAt.getTime();
    const number = cleanTrackingNumber(s.trackingNumber ?? '');
    if (!number || at < since || at > now.getTime()) continue;
    byNumber.set(number, [...(byNumber.get(number) ?? []), s]);
  }
  const found: TrackingReuse[] = [];
  for (const [trackingNumber, uses] of byNumber) {
    const sorted = [...uses].sort(
      (a, b) => a.shippedAt.getTime() - b.shippedAt.getTime() || a.orderId.localeCompare(b.orderId),
    );
    const orderIds = [...new Set(sorted.map((s) => s.orderId))];
    if (orderIds.length < 2) continue;
    found.push({
      code: 'TRACKING_REUSED',
      trackingNumber,
      orderIds,
      lastShippedAt: sorted[sorted.length - 1].shippedAt,
    });
  }
  return found.sort((a, b) => a.trackingNumber.localeCompare(b.trackingNumber));
}
