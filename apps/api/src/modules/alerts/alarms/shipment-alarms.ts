import {
  channelProfile,
  findTrackingReuse,
  isLateOriginScan,
  lateOriginScanHours,
  LATE_ORIGIN_SCAN_LOOKBACK_DAYS,
  orderName,
  TRACKING_REUSE_WINDOW_DAYS,
} from '@order-hub/rules';
import { CHANNELS } from '@order-hub/types';
import { DataSource } from 'typeorm';
import { ShipmentRepository } from 'src/modules/fulfillment/shipment.repository';
import type { RaisedAlert } from 'src/modules/alerts/alerts.service';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** The shipment repository, or a data source to read through one (a script or test holding only the data source). */
type Shipments = ShipmentRepository | DataSource;
const shipmentsOf = (from: Shipments) => (from instanceof ShipmentRepository ? from : new ShipmentRepository(from));

/**
 * LATE_ORIGIN_SCAN: shipments the hub can follow (MCF packages, orders of channels that report carrier scans; see
 * carrierScansKnown) with no carrier event 48 h after they were confirmed. SQL narrows to the candidates, the rule decides.
 */
export async function lateOriginScanAlarms(from: Shipments, now: Date): Promise<RaisedAlert[]> {
  const rows = await shipmentsOf(from).findShippedAwaitingScan({
    shippedFrom: new Date(now.getTime() - LATE_ORIGIN_SCAN_LOOKBACK_DAYS * DAY_MS),
    shippedTo: new Date(now.getTime() - Math.min(...CHANNELS.map((c) => lateOriginScanHours(c, now))) * HOUR_MS),
    now,
    scanReportingChannels: CHANNELS.filter((c) => channelProfile(c).reportsCarrierScans),
  });
  return rows
    .filter((r) =>
      isLateOriginScan(
        {
          channel: r.channel,
          mcf: r.mcf,
          trackingNumber: r.tracking_number,
          shippedAt: new Date(r.shipped_at),
          firstScanAt: null,
        },
        now,
      ),
    )
    .map((r) => ({
      kind: 'LATE_ORIGIN_SCAN',
      severity: 'HIGH',
      conditionKey: `late-origin-scan:${r.id}`,
      orderId: r.order_id,
      accountId: r.account_id,
      message: `${orderName(r.channel, r.channel_order_id)} was confirmed shipped at ${new Date(r.shipped_at).toISOString()} with ${r.carrier} ${r.tracking_number}${r.mcf ? ' (Amazon MCF)' : ''}, and the carrier has not scanned it in ${lateOriginScanHours(r.channel, now)} h.`,
      action:
        'Check with the carrier that the parcel was picked up; a parcel never scanned counts against valid tracking. Correct the tracking if it was mistyped.',
    }));
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
