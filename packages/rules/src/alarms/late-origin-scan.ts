import type { Channel } from '@order-hub/types';
import { channelProfile } from '../channels/channel-profile';
import { addBusinessDays } from '../deadlines/business-days';
import { policyFor } from '../policy/policy-table';

/** Shipments older than this are out of every metric window; the alarm stops following them. */
export const LATE_ORIGIN_SCAN_LOOKBACK_DAYS = 30;
const DAY_MS = 86_400_000;

/**
 * When a shipment confirmed at `shippedAt` without a carrier scan becomes a late origin scan: the policy's business
 * days (Mon–Fri, UTC) after confirmation, from the policy in force when it shipped. Walmart publishes 2 business days;
 * Amazon publishes none and the hub uses Walmart's figure (the policy's `lateOriginScan.source` says so), since a
 * number the carrier never scans fails Amazon's valid tracking rate too.
 */
export function lateOriginScanDeadline(channel: Channel, shippedAt: Date): Date {
  return addBusinessDays(shippedAt, policyFor(channel, 'US', shippedAt).lateOriginScan.businessDays);
}

/**
 * Whether the hub hears about the carrier scans of a shipment at all, so that silence means "no scan": the tracking
 * provider follows it, it is an MCF package (Amazon reports each package's carrier events), or its channel reports
 * the package scans of the seller's own shipments (the profile's `reportsCarrierScans`).
 */
export function carrierScansKnown(shipment: { channel: Channel; mcf: boolean; trackedByProvider: boolean }): boolean {
  return shipment.trackedByProvider || shipment.mcf || channelProfile(shipment.channel).reportsCarrierScans;
}

export interface OriginScanSubject {
  /** The channel of the order the shipment belongs to. */
  channel: Channel;
  /** The hub follows the parcel's carrier scans ({@link carrierScansKnown}). */
  followed: boolean;
  trackingNumber: string | null;
  shippedAt: Date;
  /** The first carrier event past "label created" (a scan, an attempt or a delivery); null when the hub has none. */
  firstScanAt: Date | null;
}

/**
 * LATE_ORIGIN_SCAN: a followed shipment with a tracking number has had no carrier scan by its late-origin-scan
 * deadline, and was shipped within the last 30 days.
 */
export function isLateOriginScan(subject: OriginScanSubject, now: Date): boolean {
  if (!subject.followed || !subject.trackingNumber?.trim() || subject.firstScanAt) return false;
  if (now.getTime() - subject.shippedAt.getTime() > LATE_ORIGIN_SCAN_LOOKBACK_DAYS * DAY_MS) return false;
  return now.getTime() >= lateOriginScanDeadline(subject.channel, subject.shippedAt).getTime();
}
