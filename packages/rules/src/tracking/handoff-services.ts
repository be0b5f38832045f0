import type { CarrierCode } from '@order-hub/types';

/**
 * Labels a consolidator prints for parcels it picks up and hands to another carrier for the last mile. A number
 * fitting one of `formats` (the tracking-format recognisers) and `pattern` looks like such a label.
 */
export interface HandoffSignature {
  id: string;
  /** The carrier that delivers the parcel, under which operators enter the number. */
  lastMile: CarrierCode;
  /** The services that pick such parcels up; only those the number's formats also fit are named. */
  pickupCarriers: readonly CarrierCode[];
  formats: readonly string[];
  /** Anchored, over the number as displayed (normalised, routing prefix removed). */
  pattern: RegExp;
  source: string;
}

export const HANDOFF_SIGNATURES: readonly HandoffSignature[] = [
  {
    id: 'USPS_PARCEL_SELECT_92',
    lastMile: 'USPS',
    pickupCarriers: ['FEDEX_SMARTPOST', 'UPS_MAIL_INNOVATIONS', 'DHL_ECOMMERCE'],
    formats: ['USPS_IMPB_92', 'USPS_IMPB_92_ZIP5', 'USPS_IMPB_92_ZIP9'],
    // IMpb channel 92 (commercial mailer, 9-digit mailer id) with service type 612 (Parcel Select) or 748 (Parcel
    // Select Lightweight): the USPS products consolidators inject their parcels with.
    pattern: /^92(?:612|748)\d+$/,
    source:
      'FedEx SmartPost / Ground Economy numbers start 92 612 9 (shared/docs/reference/tracking-formats.md); service type 612 = Parcel Select (tracking_number_data couriers/usps.json), 748 = Parcel Select Lightweight (USPS IMpb service type list, postalpro.usps.com/impb-stcs)',
  },
];

/** The pickup services a number entered under `carrier` looks like it belongs to; empty when it looks like none. */
export function handoffPickupCarriers(
  check: { valid: boolean; normalized: string; format?: string; matchingCarriers: readonly CarrierCode[] },
  carrier: CarrierCode,
): CarrierCode[] {
  if (!check.valid || !check.format) return [];
  const found = new Set<CarrierCode>();
  for (const s of HANDOFF_SIGNATURES) {
    if (s.lastMile !== carrier || !s.formats.includes(check.format) || !s.pattern.test(check.normalized)) continue;
    for (const c of s.pickupCarriers) if (check.matchingCarriers.includes(c)) found.add(c);
  }
  return [...found];
}
