import type { ComplianceOrderRecord, ComplianceShipmentRecord } from '@order-hub/types';
import { lateOriginScanDeadline } from '../alarms/late-origin-scan';
import { channelCarrierName } from '../carriers/channel-carrier-name';
import type { ChannelPolicy } from '../policy/policy-table';
import { checkTrackingNumber } from '../tracking/check-tracking-number';
import { before } from './metric-context';

/** Whether a shipment's tracking number is valid for its carrier (check digit, placeholders, the order's own numbers). */
export function hasValidTracking(
  order: Pick<ComplianceOrderRecord, 'channelOrderId' | 'customerOrderId'>,
  shipment: Pick<ComplianceShipmentRecord, 'carrier' | 'trackingNumber'>,
): boolean {
  if (!shipment.trackingNumber) return false;
  return checkTrackingNumber(shipment.trackingNumber, shipment.carrier, {
    orderNumbers: [order.channelOrderId, order.customerOrderId],
  }).valid;
}

/** How a shipment's tracking counts in the Valid Tracking Rate, as the marketplace counts it. */
export const TrackingVerdict = {
  /** Well formed and scanned by the carrier before the report's instant: the numerator. */
  VALID: 'VALID',
  INVALID_FORMAT: 'INVALID_FORMAT',
  /** The channel does not support the carrier (Walmart's carrier list). */
  UNSUPPORTED_CARRIER: 'UNSUPPORTED_CARRIER',
  /** The tracking provider matched the number to no carrier: not trackable on the carrier's site. */
  UNTRACKABLE: 'UNTRACKABLE',
  /** Followed, and no carrier scan by the late-origin-scan deadline. */
  NO_CARRIER_SCAN: 'NO_CARRIER_SCAN',
  /** Followed, no scan yet, still before the deadline: neither valid nor invalid yet. */
  AWAITING_FIRST_SCAN: 'AWAITING_FIRST_SCAN',
  /** The hub does not hear of the parcel's scans (no provider, a channel that reports none): no verdict, never a guess. */
  NO_CARRIER_DATA: 'NO_CARRIER_DATA',
} as const;
export type TrackingVerdict = (typeof TrackingVerdict)[keyof typeof TrackingVerdict];

/**
 * The earliest instant the carrier is known to have had the parcel: its first scan, first delivery attempt or
 * delivery, whichever the hub holds (a delivered parcel was scanned even when the scan itself was not reported).
 */
export function firstKnownScanAt(
  shipment: Pick<ComplianceShipmentRecord, 'carrierScan' | 'firstDeliveryAttemptAt' | 'deliveredAt'>,
): Date | null {
  const times = [shipment.carrierScan?.firstScanAt, shipment.firstDeliveryAttemptAt, shipment.deliveredAt].filter(
    (t): t is Date => t instanceof Date,
  );
  return times.length === 0 ? null : new Date(Math.min(...times.map((t) => t.getTime())));
}

/**
 * The marketplace's view of a shipment's tracking as of `asOf` (policy.validTracking: valid format, for Walmart a
 * supported carrier, trackable, and at least one carrier scan). In order: a malformed number is INVALID_FORMAT; a
 * carrier the channel does not support is UNSUPPORTED_CARRIER; a number the provider refused is UNTRACKABLE; a scan
 * before `asOf` is VALID; a parcel the hub does not follow is NO_CARRIER_DATA; before the late-origin-scan deadline
 * it is AWAITING_FIRST_SCAN, after it NO_CARRIER_SCAN.
 */
export function trackingVerdict(
  shipment: ComplianceShipmentRecord,
  order: Pick<ComplianceOrderRecord, 'channelOrderId' | 'customerOrderId'>,
  policy: ChannelPolicy,
  asOf: Date,
): TrackingVerdict {
  const rule = policy.validTracking;
  if (!hasValidTracking(order, shipment)) return 'INVALID_FORMAT';
  if (
    rule.requiresSupportedCarrierAndMethod &&
    channelCarrierName(policy.channel, shipment.carrier, shipment.carrierName) === null
  )
    return 'UNSUPPORTED_CARRIER';
  if (rule.requiresTrackableOnCarrierSite && shipment.carrierScan?.untrackable) return 'UNTRACKABLE';
  if (before(firstKnownScanAt(shipment), asOf)) return 'VALID';
  if (!shipment.carrierScan?.known) return 'NO_CARRIER_DATA';
  if (asOf.getTime() < lateOriginScanDeadline(policy.channel, shipment.shippedAt).getTime())
    return 'AWAITING_FIRST_SCAN';
  return 'NO_CARRIER_SCAN';
}
