import { createHmac } from 'node:crypto';
import type { CarrierStatus } from '@order-hub/types';
import type { TrackerSnapshot } from '../src/modules/carrier-tracking/provider/tracking-provider';
import { ShipmentTrackerRepository } from '../src/modules/carrier-tracking/trackers/shipment-tracker.repository';
import { TrackerSnapshotsService } from '../src/modules/carrier-tracking/trackers/tracker-snapshots.service';
import type { ChannelAccountEntity } from '../src/modules/channels/channel-account.entity';
import { anAccount, anOrder, insertOrders } from './support/order-fixtures';
import { startTestApp, type TestApp } from './support/test-app';
import { testDatabases } from './support/test-databases';
import { validTrackingNumber } from './support/tracking-numbers';
import { until } from './support/wait';

const SECRET = 'whsec_order_hub_ingest_test';
const HOUR = 3_600_000;
const AUSTIN = { city: 'AUSTIN', state: 'TX', zip: '78704', country: 'US' };
const LOUISVILLE = { city: 'LOUISVILLE', state: 'KY', zip: '40213', country: 'US' };

const sign = (body: string) =>
  `hmac-sha256-hex=${createHmac('sha256', Buffer.from(SECRET.normalize('NFKD'), 'utf8'))
    .update(body, 'utf8')
    .digest('hex')}`;

/** A signed-to-be `tracker.updated` event: pre-transit, then a scan at Louisville. */
function trackerUpdated(eventId: string, trackerId: string, code: string, carrier: string, shippedAt: Date): string {
  const detail = (status: string, at: Date) => ({
    object: 'TrackingDetail',
    message: status,
    status,
    status_detail: 'arrived_at_facility',
    datetime: at.toISOString(),
    source: carrier,
    tracking_location: LOUISVILLE,
  });
  const scannedAt = new Date(shippedAt.getTime() + 6 * HOUR);
  return JSON.stringify({
    object: 'Event',
    id: eventId,
    mode: 'test',
    description: 'tracker.updated',
    previous_attributes: { status: 'pre_transit' },
    created_at: scannedAt.toISOString(),
    updated_at: scannedAt.toISOString(),
    status: 'pending',
    result: {
      id: trackerId,
      object: 'Tracker',
      mode: 'test',
      tracking_code: code,
      status: 'in_transit',
      status_detail: 'arrived_at_facility',
      created_at: shippedAt.toISOString(),
      updated_at: scannedAt.toISOString(),
      carrier,
      tracking_details: [detail('pre_transit', shippedAt), detail('in_transit', scannedAt)],
      carrier_detail: null,
      public_url: null,
      fees: [],
    },
  });
}

/** A delivered parcel's snapshot with `scans` details (pre-transit, scans, delivered at the ship-to). */
function deliveredSnapshot(trackerId: string, code: string, shippedAt: Date, scans: number): TrackerSnapshot {
  const details = Array.from({ length: scans }, (_, d) => {
    const status: CarrierStatus = d === 0 ? 'PRE_TRANSIT' : d === scans - 1 ? 'DELIVERED' : 'IN_TRANSIT';
    return {
      status,
      statusDetail: null,
      message: `scan ${d}`,
      at: new Date(shippedAt.getTime() + d * HOUR),
      location: status === 'DELIVERED' ? AUSTIN : LOUISVILLE,
    };
  });
  return {
    providerTrackerId: trackerId,
    trackingCode: code,
    carrier: 'UPS',
    status: 'DELIVERED',
    statusDetail: null,
    publicUrl: null,
    estDeliveryAt: null,
    updatedAt: details[details.length - 1].at,
    details,
    origin: null,
    destination: null,
    initialDeliveryAttemptAt: null,
  };
}

describe.each(testDatabases())('tracking webhook ingest on %s', (kind) => {
  let app: TestApp;
  let account: ChannelAccountEntity;
  const shippedAt = new Date(Date.now() - 2 * 24 * HOUR);

  beforeAll(async () => {
    app = await startTestApp(kind, { EASYPOST_WEBHOOK_SECRET: SECRET });
    account = await anAccount(app, 'WALMART');
  });
  afterAll(() => app?.close());

  /** `n` shipped orders of one UPS parcel each, shipped to Austin; their shipments. */
  async function shipments(n: number) {
    const orders = Array.from({ length: n }, () => {
      const order = anOrder({ status: 'SHIPPED', orderedAt: new Date(shippedAt.getTime() - 24 * HOUR) });
      order.shipTo = { ...order.shipTo!, city: 'Austin', stateOrRegion: 'TX', postalCode: '78704', countryCode: 'US' };
      order.lines[0] = { ...order.lines[0], quantityShipped: 1, status: 'SHIPPED' };
      order.shipments = [
        {
          carrier: 'UPS',
          service: null,
          trackingNumber: validTrackingNumber('UPS'),
          trackingUrl: null,
          shippedAt,
          packageType: 'PARCEL',
          weightOz: null,
          lengthIn: null,
          widthIn: null,
          heightIn: null,
          lines: [{ lineNumber: '1', quantity: 1 }],
        },
      ];
      return order;
    });
    const ids = await insertOrders(app, account, orders);
    const rows: { id: string; order_id: string; tracking_number: string }[] = await app.ds.query(
      `SELECT id, order_id, tracking_number FROM shipment WHERE order_id = ANY($1::uuid[])`,
      [ids],
    );
    return rows;
  }

  const follow = (
    s: { id: string; order_id: string; tracking_number: string },
    trackerId: string | null,
    state: string,
  ) =>
    app.ds.query(
      `INSERT INTO shipment_tracker (shipment_id, order_id, provider, provider_tracker_id, tracking_code, carrier, state)
       VALUES ($1, $2, 'EASYPOST', $3, $4, 'UPS', $5)`,
      [s.id, s.order_id, trackerId, s.tracking_number, state],
    );
  const eventsOf = async (shipmentId: string): Promise<string[]> =>
    (
      await app.ds.query(`SELECT type FROM carrier_event WHERE shipment_id = $1 ORDER BY occurred_at, type`, [
        shipmentId,
      ])
    ).map((r: { type: string }) => r.type);

  it('matches a batch by tracker id, else by code AND carrier; another carrier or an untrackable number gets nothing', async () => {
    const [byId, byCode, otherCarrier, untrackable] = await shipments(4);
    await follow(byId, 'trk_ingest_by_id', 'TRACKING');
    await follow(byCode, null, 'PENDING');
    await follow(otherCarrier, 'trk_ingest_ups', 'TRACKING');
    await follow(untrackable, null, 'UNTRACKABLE');
    const posts = [
      trackerUpdated('evt_ingest_by_id', 'trk_ingest_by_id', 'ANOTHER-CODE', 'UPS', shippedAt),
      trackerUpdated('evt_ingest_by_code', 'trk_ingest_new', byCode.tracking_number, 'UPS', shippedAt),
      trackerUpdated('evt_ingest_fedex', 'trk_ingest_fedex', otherCarrier.tracking_number, 'FedEx', shippedAt),
      trackerUpdated('evt_ingest_untrackable', 'trk_ingest_x', untrackable.tracking_number, 'UPS', shippedAt),
    ];
    const answers = await Promise.all(
      posts.map((body) =>
        fetch(`${app.baseUrl}/webhooks/easypost`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-hmac-signature': sign(body) },
          body,
        }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200]);
    await until(
      'the inbox applied',
      (): Promise<{ id: string; processed_at: Date | null }[]> =>
        app.ds.query(`SELECT id, processed_at FROM tracking_webhook_event WHERE id LIKE 'evt_ingest_%'`),
      (rows) => rows.length === 2 && rows.every((r) => r.processed_at !== null),
    );
    expect(await eventsOf(byId.id)).toEqual(['STATUS', 'SCANNED', 'STATUS']);
    expect(await eventsOf(byCode.id)).toEqual(['STATUS', 'SCANNED', 'STATUS']);
    expect(await eventsOf(otherCarrier.id)).toEqual([]);
    expect(await eventsOf(untrackable.id)).toEqual([]);
  });

  it('applies 600 delivered trackers of 12 scans (9,000 carrier events) as one batch, and again adds nothing', async () => {
    const rows = await shipments(600);
    const trackers = app.running.app.get(ShipmentTrackerRepository);
    await trackers.put(
      rows.map((s, i) => ({
        shipmentId: s.id,
        orderId: s.order_id,
        provider: 'EASYPOST',
        providerTrackerId: `trk_ingest_batch_${i}`,
        trackingCode: s.tracking_number,
        carrier: 'UPS',
        state: 'TRACKING' as const,
      })),
    );
    const followed = await trackers.findByProviderIds(
      'EASYPOST',
      rows.map((_, i) => `trk_ingest_batch_${i}`),
    );
    const reports = followed.map((tracker) => ({
      tracker,
      snapshot: deliveredSnapshot(tracker.providerTrackerId!, tracker.trackingCode, shippedAt, 12),
    }));
    const snapshots = app.running.app.get(TrackerSnapshotsService);
    // Per tracker: 12 STATUS rows, SCANNED, DELIVERY_ATTEMPT and DELIVERED.
    expect(await snapshots.apply(reports, new Date())).toBe(600 * 15);
    expect(await snapshots.apply(reports, new Date())).toBe(0);
    const [{ n }] = await app.ds.query(
      `SELECT count(*)::int AS n FROM carrier_event WHERE shipment_id = ANY($1::uuid[])`,
      [rows.map((s) => s.id)],
    );
    expect(n).toBe(9_000);
    const delivered = await app.ds.query(
      `SELECT count(*)::int AS n FROM shipment_tracker WHERE shipment_id = ANY($1::uuid[]) AND address_match = 'MATCH' AND delivery_zip = '78704'`,
      [rows.map((s) => s.id)],
    );
    expect(delivered[0].n).toBe(600);
  });
});
