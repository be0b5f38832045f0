import {
  channelProfile,
  findTrackingReuse,
  isLateOriginScan,
  lateOriginScanHours,
  LATE_ORIGIN_SCAN_LOOKBACK_DAYS,
  orderName,
  TRACKING_REUSE_WINDOW_DAYS,
} from '@order-hub/rules';
import { CHANNELS, type Channel } from '@order-hub/types';
import type { DataSource } from 'typeorm';
import type { RaisedAlert } from '../alerts.service';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** The tracking number as carriers show it, as cleanTrackingNumber makes it (spaces out, upper case). */
const CLEAN_NUMBER = `upper(regexp_replace(s.tracking_number, '\\s+', '', 'g'))`;

/**
 * LATE_ORIGIN_SCAN: shipments the hub can follow (MCF packages, Amazon orders; see carrierScansKnown) with no
 * carrier event 48 h after they were confirmed. SQL narrows to the candidates, the rule decides.
 */
export async function lateOriginScanAlarms(ds: DataSource, now: Date): Promise<RaisedAlert[]> {
  const rows: {
    id: string;
    order_id: string;
    account_id: string;
    channel: Channel;
    channel_order_id: string;
    carrier: string;
    tracking_number: string;
    shipped_at: Date;
    mcf: boolean;
  }[] = await ds.query(
    `SELECT s.id, s.order_id, o.account_id, o.channel, o.channel_order_id, s.carrier, s.tracking_number, s.shipped_at, o.fulfillment_method = 'MCF' AS mcf
       FROM shipment s JOIN "order" o ON o.id = s.order_id
      WHERE s.shipped_at <= $1 AND s.shipped_at >= $2 AND s.tracking_number IS NOT NULL
        AND o.fulfillment_method <> 'CHANNEL' AND (o.channel = ANY($4::varchar[]) OR o.fulfillment_method = 'MCF')
        AND NOT EXISTS (SELECT 1 FROM carrier_event e WHERE e.shipment_id = s.id AND COALESCE(e.occurred_at, e.created_at) <= $3)`,
    [
      new Date(now.getTime() - Math.min(...CHANNELS.map((c) => lateOriginScanHours(c, now))) * HOUR_MS),
      new Date(now.getTime() - LATE_ORIGIN_SCAN_LOOKBACK_DAYS * DAY_MS),
      now,
      CHANNELS.filter((c) => channelProfile(c).reportsCarrierScans),
    ],
  );
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
export async function trackingReuseAlarms(ds: DataSource, now: Date): Promise<RaisedAlert[]> {
  const since = new Date(now.getTime() - TRACKING_REUSE_WINDOW_DAYS * DAY_MS);
  const rows: {
    order_id: string;
    account_id: string;
    channel: Channel;
    channel_order_id: string;
    tracking_number: string;
    shipped_at: Date;
  }[] = await ds.query(
    `SELECT s.order_id, o.account_id, o.channel, o.channel_order_id, s.tracking_number, s.shipped_at
       FROM shipment s JOIN "order" o ON o.id = s.order_id
      WHERE s.shipped_at BETWEEN $1 AND $2 AND ${CLEAN_NUMBER} IN (
            SELECT ${CLEAN_NUMBER} FROM shipment s
             WHERE s.shipped_at BETWEEN $1 AND $2 AND s.tracking_number IS NOT NULL AND ${CLEAN_NUMBER} <> ''
             GROUP BY 1 HAVING count(DISTINCT s.order_id) > 1)`,
    [since, now],
  );
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
