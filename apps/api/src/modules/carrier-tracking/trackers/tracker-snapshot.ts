import { firstCarrierScan, isFinalStatus, matchDeliveryAddress, type ShipToPlace } from '@order-hub/rules';
import type { CarrierLocation, CarrierStatus, PostalAddress } from '@order-hub/types';
import type { CarrierEventRow } from 'src/modules/carrier-events/carrier-event.repository';
import type { TrackerSnapshot, TrackingDetail } from 'src/modules/carrier-tracking/provider/tracking-provider';
import type { ShipmentTrackerEntity, TrackerUpdate } from './shipment-tracker.repository';

const HOUR_MS = 3_600_000;

/**
 * How often the hub asks the provider about a tracker when webhooks are quiet: often until the first scan (the
 * number most at risk of being wrong), rarely after. A delivery is looked at once more a day later (carriers correct
 * a delivery scan) and then no more.
 */
export const POLL_CADENCE = {
  beforeFirstScanMs: 2 * HOUR_MS,
  afterFirstScanMs: 12 * HOUR_MS,
  deliverySettlesMs: 24 * HOUR_MS,
} as const;

/** Statuses that are a delivery attempt: the carrier reached the door (or left it for pickup) or failed there. */
const ATTEMPT_STATUSES: ReadonlySet<CarrierStatus> = new Set(['DELIVERED', 'AVAILABLE_FOR_PICKUP', 'FAILURE']);

/** A snapshot's details, oldest first. */
function chronological(snapshot: TrackerSnapshot): TrackingDetail[] {
  return [...snapshot.details].sort((a, b) => a.at.getTime() - b.at.getTime());
}

/** The first scan, the first delivery attempt and the delivery a snapshot shows. */
export function milestones(snapshot: TrackerSnapshot) {
  const details = chronological(snapshot);
  const scan = firstCarrierScan(details);
  const delivered = details.find((d) => d.status === 'DELIVERED') ?? null;
  const attemptDetail = details.find((d) => ATTEMPT_STATUSES.has(d.status)) ?? null;
  const attemptAt = snapshot.initialDeliveryAttemptAt ?? attemptDetail?.at ?? null;
  return { details, scan, delivered, attemptDetail, attemptAt };
}

/**
 * The carrier_event rows of a snapshot: SCANNED at the first scan past pre-transit, DELIVERY_ATTEMPT at the
 * carrier's initial delivery attempt (or the first attempt-like detail), DELIVERED at the first delivery, and one
 * STATUS row per detail; all with where the carrier saw the parcel.
 */
export function carrierEventRows(shipmentId: string, orderId: string, snapshot: TrackerSnapshot): CarrierEventRow[] {
  const { details, scan, delivered, attemptDetail, attemptAt } = milestones(snapshot);
  const row = (
    type: CarrierEventRow['type'],
    detail: TrackingDetail | null,
    at: Date,
    eventKey?: string,
  ): CarrierEventRow => ({
    shipmentId,
    orderId,
    type,
    occurredAt: at,
    source: 'TRACKING_PROVIDER',
    status: detail?.status ?? null,
    description: detail?.message ?? detail?.statusDetail ?? null,
    location: detail?.location ?? null,
    ...(eventKey ? { eventKey } : {}),
  });
  const rows: CarrierEventRow[] = [];
  if (scan) rows.push(row('SCANNED', scan, scan.at));
  if (attemptAt) rows.push(row('DELIVERY_ATTEMPT', attemptDetail, attemptAt));
  if (delivered) rows.push(row('DELIVERED', delivered, delivered.at));
  for (const d of details) rows.push(row('STATUS', d, d.at, `STATUS:${d.status}:${d.at.toISOString()}`));
  return rows;
}

/** The order's ship-to as the address rule reads it. */
export function shipToPlace(shipTo: PostalAddress | null): ShipToPlace {
  return {
    city: shipTo?.city ?? null,
    state: shipTo?.stateOrRegion ?? null,
    postalCode: shipTo?.postalCode ?? null,
    country: shipTo?.countryCode ?? null,
  };
}

const earliest = (a: Date | null, b: Date | null) => (a && b ? (a < b ? a : b) : (a ?? b));

/**
 * The tracker row after a snapshot: status, milestones (the earliest seen is kept), where it was delivered and
 * whether that is the order's ship-to, and when to ask again (never once the parcel's story is over).
 */
export function trackerUpdate(
  tracker: ShipmentTrackerEntity,
  snapshot: TrackerSnapshot,
  shipTo: PostalAddress | null,
  now: Date,
): TrackerUpdate {
  const { scan, delivered, attemptDetail, attemptAt } = milestones(snapshot);
  const firstScanAt = earliest(tracker.firstScanAt, scan?.at ?? null);
  const deliveredAt = earliest(tracker.deliveredAt, delivered?.at ?? null);
  const place: CarrierLocation | null = delivered?.location ?? (delivered ? null : (attemptDetail?.location ?? null));
  const deliveredTo = place ?? (tracker.deliveryCity || tracker.deliveryZip ? locationOf(tracker) : null);
  const addressMatch = delivered
    ? matchDeliveryAddress(shipToPlace(shipTo), place, snapshot.destination).match
    : tracker.addressMatch;
  const final = isFinalStatus(snapshot.status);
  const settled =
    final &&
    (snapshot.status !== 'DELIVERED' ||
      !deliveredAt ||
      now.getTime() - deliveredAt.getTime() >= POLL_CADENCE.deliverySettlesMs);
  let nextPollAt: Date | null = null;
  if (!settled) {
    const wait = final
      ? deliveredAt!.getTime() + POLL_CADENCE.deliverySettlesMs - now.getTime()
      : firstScanAt
        ? POLL_CADENCE.afterFirstScanMs
        : POLL_CADENCE.beforeFirstScanMs;
    nextPollAt = new Date(now.getTime() + wait);
  }
  return {
    shipmentId: tracker.shipmentId,
    carrier: snapshot.carrier || tracker.carrier,
    state: settled ? 'DONE' : 'TRACKING',
    status: snapshot.status,
    statusDetail: snapshot.statusDetail,
    publicUrl: snapshot.publicUrl,
    estDeliveryAt: snapshot.estDeliveryAt,
    firstScanAt,
    firstAttemptAt: earliest(tracker.firstAttemptAt, attemptAt),
    deliveredAt,
    deliveryCity: deliveredTo?.city ?? null,
    deliveryState: deliveredTo?.state ?? null,
    deliveryZip: deliveredTo?.zip ?? null,
    deliveryCountry: deliveredTo?.country ?? null,
    addressMatch,
    providerUpdatedAt: snapshot.updatedAt,
    checkedAt: now,
    nextPollAt,
  };
}

function locationOf(t: ShipmentTrackerEntity): CarrierLocation {
  return { city: t.deliveryCity, state: t.deliveryState, zip: t.deliveryZip, country: t.deliveryCountry };
}
