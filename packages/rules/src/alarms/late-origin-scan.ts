import type { Channel } from '@order-hub/types';
import { policyFor } from '../policy/policy-table';

/**
 * Hours without a carrier scan after ship confirmation before the hub warns: the channel's own late-origin-scan
 * window (Walmart's 48 h), or Walmart's figure where the channel sets none (Amazon), since a number the carrier
 * never scans fails Amazon's valid tracking rate too.
 */
export function lateOriginScanHours(channel: Channel, at: Date): number {
  return policyFor(channel, 'US', at).lateOriginScanHours ?? policyFor('WALMART', 'US', at).lateOriginScanHours ?? 48;
}
/** Shipments older than this are out of every metric window; the alarm stops following them. */
export const LATE_ORIGIN_SCAN_LOOKBACK_DAYS = 30;
const HOUR_MS = 3_600_000;

export interface OriginScanSubject {
  /** The channel of the order the shipment belongs to. */
  channel: Channel;
  /** The order is fulfilled through Amazon MCF (the hub reads each package's carrier events from Amazon). */
  mcf: boolean;
  trackingNumber: string | null;
  shippedAt: Date;
  /** The first carrier event past "label created" (a scan or a delivery); null when the hub has none. */
  firstScanAt: Date | null;
}

/**
 * Whether the hub hears about carrier scans for the shipment at all, so that silence means "no scan":
 * MCF packages (Amazon reports every carrier event of a fulfillment order's packages) and Amazon orders
 * (Amazon's package status shows when the carrier has the parcel). Walmart reports a shipped line only as
 * Delivered, so a Walmart order shipped by the seller's own carrier is never flagged.
 */
export function carrierScansKnown(subject: Pick<OriginScanSubject, 'channel' | 'mcf'>): boolean {
  return subject.mcf || subject.channel === 'AMAZON';
}

/**
 * LATE_ORIGIN_SCAN: a tracked shipment the hub can follow has had no carrier scan for lateOriginScanHours since it was
 * confirmed shipped (and was shipped within the last 30 days).
 */
export function isLateOriginScan(subject: OriginScanSubject, now: Date): boolean {
  if (!carrierScansKnown(subject) || !subject.trackingNumber?.trim() || subject.firstScanAt) return false;
  const age = now.getTime() - subject.shippedAt.getTime();
  return (
    age >= lateOriginScanHours(subject.channel, now) * HOUR_MS && age <= LATE_ORIGIN_SCAN_LOOKBACK_DAYS * 24 * HOUR_MS
  );
}
