// Words for what carriers report (statuses, events, delivery locations) and for the alerts their scans raise:
// the one place the console turns these codes into sentences.
import { safeHttpUrl } from '@order-hub/rules';
import type { AddressMatch, CarrierEventSource, CarrierEventType, CarrierStatus, TrackerState } from '@order-hub/types';

const STATUS_WORDS: Record<CarrierStatus, string> = {
  UNKNOWN: 'Status not known yet',
  PRE_TRANSIT: 'Label created, not yet with the carrier',
  IN_TRANSIT: 'In transit',
  OUT_FOR_DELIVERY: 'Out for delivery',
  DELIVERED: 'Delivered',
  AVAILABLE_FOR_PICKUP: 'Waiting for pickup at the carrier',
  RETURN_TO_SENDER: 'Returned to sender',
  FAILURE: 'Delivery failed',
  CANCELLED: 'Cancelled by the carrier',
  ERROR: 'The carrier reported an error',
};

const EVENT_WORDS: Record<Exclude<CarrierEventType, 'STATUS'>, string> = {
  SCANNED: 'First carrier scan',
  DELIVERY_ATTEMPT: 'First delivery attempt',
  DELIVERED: 'Delivered',
};

const SOURCE_WORDS: Record<CarrierEventSource, string> = {
  CHANNEL: 'reported by the marketplace',
  MCF: 'from Amazon MCF',
  TRACKING_PROVIDER: 'from the carrier, via the tracking provider',
};

/**
 * Alert kinds raised by carrier scans, in the marketplace's words with what they mean; other kinds read from their
 * code (see alertKindLabel: LATE_ORIGIN_SCAN is "Late origin scan", as Walmart names it).
 */
export const CARRIER_ALERT_KIND_WORDS: Readonly<Record<string, string>> = {
  ADDRESS_MISMATCH: 'Address mismatch: delivered to another address',
  UNTRACKABLE_TRACKING: 'Untrackable: the carrier does not know the number',
};

const PROVIDER_NAMES: Readonly<Record<string, string>> = { EASYPOST: 'EasyPost' };

/** The tracking provider as its users know it: "EASYPOST" → "EasyPost"; an unknown name as given. */
export function trackingProviderName(provider: string): string {
  return PROVIDER_NAMES[provider.toUpperCase()] ?? provider;
}

export function carrierStatusLabel(status: CarrierStatus | null | undefined): string {
  return status ? STATUS_WORDS[status] : STATUS_WORDS.UNKNOWN;
}

/** A timeline entry's title: the milestone (first scan, first attempt, delivery), or the status it reports. */
export function carrierEventLabel(event: { type: CarrierEventType; status?: CarrierStatus | null }): string {
  return event.type === 'STATUS' ? carrierStatusLabel(event.status) : EVENT_WORDS[event.type];
}

export function carrierSourceLabel(source: CarrierEventSource): string {
  return SOURCE_WORDS[source];
}

export interface CarrierPlace {
  city?: string | null;
  state?: string | null;
  zip?: string | null;
  country?: string | null;
}

/**
 * "Memphis, TN 38118", with the country when it is not the US; null when the carrier gave no place. A place the
 * api already put in words (the evidence record's) is kept as it is.
 */
export function formatCarrierLocation(place: CarrierPlace | string | null | undefined): string | null {
  if (typeof place === 'string') return place.trim() || null;
  if (!place) return null;
  const cityState = [place.city?.trim(), place.state?.trim()].filter(Boolean).join(', ');
  const withZip = [cityState, place.zip?.trim()].filter(Boolean).join(' ');
  const country = place.country?.trim();
  const text = country && country.toUpperCase() !== 'US' ? [withZip, country].filter(Boolean).join(', ') : withZip;
  return text || null;
}

/**
 * The carrier's delivery location held against the order's ship-to, as a sentence: matched, another place
 * (with both), or no location reported. Null while the parcel is not delivered.
 */
export function deliveryVerdict(
  match: AddressMatch | null | undefined,
  deliveredTo: CarrierPlace | string | null | undefined,
  shipTo: CarrierPlace | string | null | undefined,
): string | null {
  if (!match) return null;
  const where = formatCarrierLocation(deliveredTo);
  const expected = formatCarrierLocation(shipTo);
  switch (match) {
    case 'MATCH':
      return where ? `Delivered at the ship-to address (${where})` : 'Delivered at the ship-to address';
    case 'MISMATCH':
      return `Delivered to another address: ${where ?? 'unknown place'}${expected ? `, ship-to is ${expected}` : ''}`;
    case 'UNKNOWN':
      return 'The carrier did not say where it delivered: not checked against the ship-to';
  }
}

export interface TrackingStateInput {
  state: TrackerState;
  status?: CarrierStatus | null;
  firstScanAt?: string | null;
  untrackableReason?: string | null;
}

export type TrackingPhase = 'UNTRACKABLE' | 'AWAITING_FIRST_SCAN' | 'SCANNED' | 'DELIVERED';

/** Where a followed shipment stands: refused by the provider, waiting for its first scan, moving, or delivered. */
export function trackingPhase(tracking: TrackingStateInput): TrackingPhase {
  if (tracking.state === 'UNTRACKABLE') return 'UNTRACKABLE';
  if (tracking.status === 'DELIVERED') return 'DELIVERED';
  return tracking.firstScanAt ? 'SCANNED' : 'AWAITING_FIRST_SCAN';
}

/** The headline for a followed shipment: "Awaiting first scan", "Untrackable: <reason>", or its status. */
export function trackingHeadline(tracking: TrackingStateInput): string {
  switch (trackingPhase(tracking)) {
    case 'UNTRACKABLE':
      return `Untrackable: ${tracking.untrackableReason?.trim() || 'the tracking provider refused the number'}`;
    case 'AWAITING_FIRST_SCAN':
      return 'Awaiting first scan';
    case 'SCANNED':
    case 'DELIVERED':
      return carrierStatusLabel(tracking.status);
  }
}

/** The carrier's public tracking page when it is a safe http(s) link, else the shipment's own tracking URL. */
export function publicTrackingHref(
  publicUrl: string | null | undefined,
  trackingUrl: string | null | undefined,
): string | null {
  return safeHttpUrl(publicUrl) ?? safeHttpUrl(trackingUrl);
}
