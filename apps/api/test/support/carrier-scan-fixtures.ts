import type { AddressMatch, TrackerState } from '@order-hub/types';
import type { TestApp } from './test-app';

/** What the carrier (through the tracking provider) reported for one shipment, as the compliance facts read it. */
export interface CarrierScanSpec {
  /** The shipment_tracker row's state; absent: the hub does not follow the shipment at a provider. */
  tracker?: TrackerState;
  /** A SCANNED carrier event at this instant. */
  firstScanAt?: Date;
  /** A DELIVERY_ATTEMPT carrier event at this instant. */
  attemptAt?: Date;
  /** The tracker's delivery (and a DELIVERED carrier event, unless the shipment has one already). */
  deliveredAt?: Date;
  addressMatch?: AddressMatch;
  /** The tracker's last answer from the provider ("carrier data as of"). */
  checkedAt?: Date;
}

/**
 * Writes a shipment's tracker row and carrier events as the tracking module stores them (source
 * TRACKING_PROVIDER, one SCANNED / DELIVERY_ATTEMPT / DELIVERED per shipment).
 */
export async function recordCarrierScans(app: TestApp, shipmentId: string, spec: CarrierScanSpec): Promise<void> {
  const [shipment]: { order_id: string; tracking_number: string | null }[] = await app.ds.query(
    'SELECT order_id, tracking_number FROM shipment WHERE id = $1',
    [shipmentId],
  );
  const event = (type: string, at: Date | undefined) =>
    at &&
    app.ds.query(
      `INSERT INTO carrier_event (shipment_id, order_id, type, event_key, occurred_at, source)
       VALUES ($1, $2, $3, $3, $4, 'TRACKING_PROVIDER') ON CONFLICT (shipment_id, event_key) DO NOTHING`,
      [shipmentId, shipment.order_id, type, at],
    );
  await event('SCANNED', spec.firstScanAt);
  await event('DELIVERY_ATTEMPT', spec.attemptAt);
  await event('DELIVERED', spec.deliveredAt);
  if (!spec.tracker) return;
  await app.ds.query(
    `INSERT INTO shipment_tracker (shipment_id, order_id, provider, provider_tracker_id, tracking_code, carrier, state,
       first_scan_at, first_attempt_at, delivered_at, address_match, checked_at)
     VALUES ($1, $2, 'EASYPOST', $3, $4, 'UPS', $5, $6, $7, $8, $9, $10)`,
    [
      shipmentId,
      shipment.order_id,
      `trk_${shipmentId.replace(/-/g, '')}`,
      shipment.tracking_number ?? 'NONE',
      spec.tracker,
      spec.firstScanAt ?? null,
      spec.attemptAt ?? null,
      spec.deliveredAt ?? null,
      spec.addressMatch ?? null,
      spec.checkedAt ?? null,
    ],
  );
}

/** The shipment ids of orders (one per order, in the orders' order; null for an order not shipped). */
export async function shipmentIdsOf(app: TestApp, orderIds: string[]): Promise<(string | null)[]> {
  const rows: { id: string; order_id: string }[] = await app.ds.query(
    'SELECT id, order_id FROM shipment WHERE order_id = ANY($1::uuid[])',
    [orderIds],
  );
  const byOrder = new Map(rows.map((r) => [r.order_id, r.id]));
  return orderIds.map((id) => byOrder.get(id) ?? null);
}
