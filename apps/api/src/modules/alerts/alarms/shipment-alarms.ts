import {
  channelLabel,
  channelProfile,
  findTrackingReuse,
  isLateOriginScan,
  lateOriginScanDeadline,
  LATE_ORIGIN_SCAN_LOOKBACK_DAYS,
  orderName,
  TRACKING_REUSE_WINDOW_DAYS,
} from '@order-hub/rules';
import { CHANNELS } from '@order-hub/types';
import { DataSource } from 'typeorm';
import { describeOrigin, originOf } from 'src/modules/compliance/evidence/shipment-origin';
import {
  ShipmentRepository,
  type ShipmentAwaitingScan,
  type ShipmentDeliveredElsewhere,
} from 'src/modules/fulfillment/shipment.repository';
import type { RaisedAlert } from 'src/modules/alerts/alerts.service';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** Late origin scan needs at least this long (2 business days are at least 2 calendar days): the SQL's upper bound. */
const MIN_LATE_ORIGIN_SCAN_MS = 2 * DAY_MS;
/** A delivery to another address stays an alarm while it counts in the 30-day address mismatch rate. */
const ADDRESS_MISMATCH_WINDOW_DAYS = 30;

/** The shipment repository, or a data source to read through one (a script or test holding only the data source). */
type Shipments = ShipmentRepository | DataSource;
const shipmentsOf = (from: Shipments) => (from instanceof ShipmentRepository ? from : new ShipmentRepository(from));

/** `2026-12-01 14:05 UTC`: alarm messages are read by people. */
/** The alarm a shipment's late origin scan raises, by shipment: its first scan settles it. */
export const lateOriginScanKey = (shipmentId: string) => `late-origin-scan:${shipmentId}`;

export const utcMinute = (d: Date) => `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;

function followedThrough(r: ShipmentAwaitingScan): string {
  if (r.tracker_state)
    return `the tracking provider${r.tracker_checked_at ? ` (carrier data as of ${utcMinute(new Date(r.tracker_checked_at))})` : ''}`;
  if (r.mcf) return "Amazon MCF's package tracking";
  return `${channelLabel(r.channel)}'s package status`;
}

/**
 * LATE_ORIGIN_SCAN: shipments the hub follows (a provider's tracker, MCF packages, orders of channels that report
 * carrier scans) with no carrier scan by the late-origin-scan deadline (business days after confirmation, from the
 * policy table). SQL narrows to the candidates, the rule decides; a scan arriving resolves it on the next run.
 */
export async function lateOriginScanAlarms(
  from: Shipments,
  now: Date,
  carrierData: { providerOn: boolean },
): Promise<RaisedAlert[]> {
  const rows = await shipmentsOf(from).findShippedAwaitingScan({
    shippedFrom: new Date(now.getTime() - LATE_ORIGIN_SCAN_LOOKBACK_DAYS * DAY_MS),
    shippedTo: new Date(now.getTime() - MIN_LATE_ORIGIN_SCAN_MS),
    now,
    scanReportingChannels: CHANNELS.filter((c) => channelProfile(c).reportsCarrierScans),
    providerOn: carrierData.providerOn,
  });
  return rows
    .filter((r) =>
      isLateOriginScan(
        {
          channel: r.channel,
          followed: true,
          trackingNumber: r.tracking_number,
          shippedAt: new Date(r.shipped_at),
          firstScanAt: null,
        },
        now,
      ),
    )
    .map((r) => {
      const shippedAt = new Date(r.shipped_at);
      const deadline = lateOriginScanDeadline(r.channel, shippedAt);
      return {
        kind: 'LATE_ORIGIN_SCAN',
        severity: 'HIGH',
        conditionKey: lateOriginScanKey(r.id),
        orderId: r.order_id,
        accountId: r.account_id,
        message: `${orderName(r.channel, r.channel_order_id)} was confirmed shipped at ${utcMinute(shippedAt)} with ${r.carrier} ${r.tracking_number}, from ${describeOrigin(originOf(r), r.channel)}. The carrier has not scanned it by ${utcMinute(deadline)}, its late-origin-scan deadline, as heard through ${followedThrough(r)}.`,
        action:
          'Check with the carrier or the supplier that the parcel was handed over; a parcel never scanned counts as invalid tracking. Correct the tracking if it was mistyped or belongs to another parcel.',
      };
    });
}

const place = (city: string | null, state: string | null, zip: string | null, country: string | null) =>
  [[city, state].filter(Boolean).join(', '), zip, country].filter(Boolean).join(' ') || 'an unknown place';

/**
 * ADDRESS_MISMATCH: the carrier delivered (or attempted) a parcel somewhere else than the order's ship-to, as the
 * tracker's address match holds it (packages/rules matchDeliveryAddress). Raised from every window scan, so it
 * never depends on the tracker's delivery hook alone (CarrierScanAlarms raises it at once); `shipmentIds` narrows
 * to those. A correction of the match resolves it.
 */
export async function addressMismatchAlarms(
  from: Shipments,
  now: Date,
  shipmentIds?: readonly string[],
): Promise<RaisedAlert[]> {
  const since = new Date(now.getTime() - ADDRESS_MISMATCH_WINDOW_DAYS * DAY_MS);
  return (await shipmentsOf(from).findDeliveredElsewhere({ since, shipmentIds })).map(addressMismatchAlert);
}

function addressMismatchAlert(r: ShipmentDeliveredElsewhere): RaisedAlert {
  const carrierSaw = place(r.delivery_city, r.delivery_state, r.delivery_zip, r.delivery_country);
  const shipTo = place(r.ship_to_city, r.ship_to_state, r.ship_to_zip, r.ship_to_country);
  return {
    kind: 'ADDRESS_MISMATCH',
    severity: 'HIGH',
    conditionKey: `address-mismatch:${r.id}`,
    orderId: r.order_id,
    accountId: r.account_id,
    message: `${orderName(r.channel, r.channel_order_id)}: ${r.carrier} delivered ${r.tracking_number} at ${utcMinute(new Date(r.delivered_at))} in ${carrierSaw}, but the order ships to ${shipTo}. The carrier's delivery address is not the customer's (Walmart's Address Mismatch alarm).`,
    action:
      "Compare the label with the order's ship-to (a supplier may have printed the wrong address, or the number may belong to another parcel); contact the carrier and the customer, and correct the tracking if it is not this order's parcel.",
  };
}

/** TRACKING_REUSED: one tracking number on several orders within 30 days (findTrackingReuse decides). */
export async function trackingReuseAlarms(from: Shipments, now: Date): Promise<RaisedAlert[]> {
  const since = new Date(now.getTime() - TRACKING_REUSE_WINDOW_DAYS * DAY_MS);
  const rows = await shipmentsOf(from).findTrackingNumbersOnSeveralOrders(since, now);
  const orders = new Map(rows.map((r) => [r.order_id, r]));
  return findTrackingReuse(
    rows.map((r) => ({ orderId: r.order_id, trackingNumber: r.tracking_number, shippedAt: new Date(r.shipped_at) })),
    now,
  ).map((reuse) => {
    const latest = orders.get(reuse.orderIds[reuse.orderIds.length - 1])!;
    const names = reuse.orderIds.map((id) => orderName(orders.get(id)!.channel, orders.get(id)!.channel_order_id));
    return {
      kind: 'TRACKING_REUSED',
      severity: 'HIGH',
      conditionKey: `tracking-reused:${reuse.trackingNumber}`,
      orderId: latest.order_id,
      accountId: latest.account_id,
      message: `Tracking number ${reuse.trackingNumber} is on ${reuse.orderIds.length} orders within ${TRACKING_REUSE_WINDOW_DAYS} days: ${names.join(', ')}. The channels count a reused number as invalid tracking.`,
      action:
        'Find the order the parcel really carries; correct the tracking of the others (Update tracking) with their own numbers.',
    };
  });
}
