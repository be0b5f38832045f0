import { carrierTexts, ORIGINS, otherPlace, placeFor } from './carriers';
import type { EasyPostPlace, Parcel, ParcelScript, ScriptedScan, TrackerStatus } from './types';

const HOUR = 3600 * 1000;
const DAY = 24 * HOUR;
const FIRST_SCAN_HOURS = 6;
const DEFAULT_LATE_HOURS = 72;
const WRONG_PARCEL_EARLIER = 10 * DAY;

const startOfDay = (at: number) => at - (at % DAY);

export type Ending = 'delivered' | 'return_to_sender' | 'failure';

interface Plan {
  carrier: string;
  shippedAt: number;
  firstScanAt: number | null;
  origin: EasyPostPlace;
  hub: EasyPostPlace;
  destination: EasyPostPlace;
  deliveredAt: EasyPostPlace;
  ending: Ending;
}

/**
 * The normal walk: label (pre_transit) at ship, first carrier scan at the origin +6 h, a facility scan +1 day,
 * out for delivery on day 2 at 08:00 and the ending (delivered at the ship-to) at 14:00 (UTC). A late first
 * scan moves every later step by its lateness; no first scan leaves the label alone, forever.
 */
function walk(plan: Plan): ParcelScript {
  const texts = carrierTexts(plan.carrier);
  const scans: ScriptedScan[] = [
    {
      at: plan.shippedAt,
      status: 'pre_transit',
      statusDetail: 'label_created',
      message: 'Shipping Label Created',
      carrierCode: 'OC',
      place: plan.origin,
    },
  ];
  const base = { origin: plan.origin, destination: plan.destination, service: texts.service, signedBy: null };
  if (plan.firstScanAt === null) return { ...base, scans, estDeliveryAt: null, firstAttemptAt: null };
  const shift = plan.firstScanAt - (plan.shippedAt + FIRST_SCAN_HOURS * HOUR);
  const finalDay = startOfDay(plan.shippedAt + 2 * DAY + shift);
  const endAt = finalDay + 14 * HOUR;
  scans.push(
    {
      at: plan.firstScanAt,
      status: 'in_transit',
      statusDetail: 'received_at_origin_facility',
      message: texts.acceptedMessage,
      carrierCode: 'PU',
      place: plan.origin,
    },
    {
      at: plan.shippedAt + DAY + shift,
      status: 'in_transit',
      statusDetail: 'arrived_at_facility',
      message: texts.facilityMessage,
      carrierCode: 'AR',
      place: plan.hub,
    },
    {
      at: finalDay + 8 * HOUR,
      status: 'out_for_delivery',
      statusDetail: 'out_for_delivery',
      message: 'Out for Delivery',
      carrierCode: 'OD',
      place: plan.deliveredAt,
    },
  );
  const ending: Record<Ending, Omit<ScriptedScan, 'at' | 'place'>> = {
    delivered: {
      status: 'delivered',
      statusDetail: 'arrived_at_destination',
      message: 'Delivered, Front Door/Porch',
      carrierCode: 'DL',
    },
    return_to_sender: {
      status: 'return_to_sender',
      statusDetail: 'return',
      message: 'Undeliverable as Addressed - Return to Sender',
      carrierCode: 'RS',
    },
    failure: {
      status: 'failure',
      statusDetail: 'delivery_exception',
      message: 'Delivery Exception - Package Damaged',
      carrierCode: 'DE',
    },
  };
  scans.push({ ...ending[plan.ending], at: endAt, place: plan.deliveredAt });
  return { ...base, scans, estDeliveryAt: endAt, firstAttemptAt: plan.ending === 'failure' ? null : endAt };
}

/** What the carrier will report for a parcel, with its fault (if any) applied. */
export function parcelScript(parcel: Parcel): ParcelScript {
  const fault = parcel.fault;
  const plan: Plan = {
    carrier: parcel.carrier,
    shippedAt: parcel.shippedAt,
    firstScanAt: parcel.shippedAt + FIRST_SCAN_HOURS * HOUR,
    origin: parcel.origin,
    hub: placeFor(parcel.trackingCode, [...ORIGINS].reverse()),
    destination: parcel.shipTo,
    deliveredAt: parcel.shipTo,
    ending: 'delivered',
  };
  switch (fault?.fault) {
    case 'NO_SCAN':
      plan.firstScanAt = null;
      break;
    case 'LATE_FIRST_SCAN':
      plan.firstScanAt = parcel.shippedAt + (fault.lateByHours ?? DEFAULT_LATE_HOURS) * HOUR;
      break;
    case 'DELIVERED_ELSEWHERE':
      plan.deliveredAt = fault.deliveredTo ?? otherPlace(parcel.shipTo);
      plan.destination = plan.deliveredAt;
      break;
    case 'RETURN_TO_SENDER':
      plan.ending = 'return_to_sender';
      break;
    case 'WRONG_PARCEL': {
      // The number is another parcel's: shipped days before this one, from elsewhere to elsewhere.
      plan.shippedAt = parcel.shippedAt - WRONG_PARCEL_EARLIER;
      plan.firstScanAt = plan.shippedAt + FIRST_SCAN_HOURS * HOUR;
      plan.origin = ORIGINS.find((o) => o.zip !== parcel.origin.zip) ?? ORIGINS[0];
      plan.destination = otherPlace(parcel.shipTo);
      plan.deliveredAt = plan.destination;
      break;
    }
    case 'UNTRACKABLE':
    case undefined:
      // Untrackable refuses the tracker (POST /trackers); the parcel itself moves normally.
      break;
  }
  return walk(plan);
}

const TEST_ORIGIN: EasyPostPlace = { city: 'HOUSTON', state: 'TX', zip: '77063', country: 'US' };
const TEST_DESTINATION: EasyPostPlace = { city: 'CHARLESTON', state: 'SC', zip: '29401', country: 'US' };

/**
 * EasyPost's test codes reach their status at creation: the scans up to it, dated in the three days before.
 * EZ7000000007 ("unknown") has none.
 */
export function testCodeScript(carrier: string, status: TrackerStatus, createdAt: number): ParcelScript {
  const shippedAt = startOfDay(createdAt) - 3 * DAY + 9 * HOUR;
  const ending: Ending =
    status === 'return_to_sender' ? 'return_to_sender' : status === 'failure' ? 'failure' : 'delivered';
  const full = walk({
    carrier,
    shippedAt,
    firstScanAt: shippedAt + FIRST_SCAN_HOURS * HOUR,
    origin: TEST_ORIGIN,
    hub: placeFor('EZ', ORIGINS),
    destination: TEST_DESTINATION,
    deliveredAt: TEST_DESTINATION,
    ending,
  });
  const upTo: Record<string, number> = {
    unknown: 0,
    pre_transit: 1,
    in_transit: 3,
    out_for_delivery: 4,
  };
  const count = upTo[status] ?? full.scans.length;
  const scans = full.scans.slice(0, count);
  const attempted = count === full.scans.length;
  return {
    ...full,
    scans,
    firstAttemptAt: attempted ? full.firstAttemptAt : null,
    signedBy: status === 'delivered' ? 'John Tester' : null,
  };
}
