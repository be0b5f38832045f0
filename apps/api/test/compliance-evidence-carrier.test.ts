import type { ChannelAccountEntity } from '../src/modules/channels/channel-account.entity';
import { anAccount, anOrder, insertOrders } from './support/order-fixtures';
import { startTestApp, type TestApp } from './support/test-app';
import { testDatabases } from './support/test-databases';
import { validTrackingNumber } from './support/tracking-numbers';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const SHIPPED = new Date(Date.now() - 4 * DAY);
const at = (ms: number) => new Date(SHIPPED.getTime() + ms);
const iso = (ms: number) => at(ms).toISOString();

const EVIDENCE = `query ($id: ID!) { orderEvidence(orderId: $id) {
  shipments { trackingNumber origin
    tracking { provider carrier state status untrackableReason publicUrl firstScanAt firstDeliveryAttemptAt deliveredAt deliveredTo shipTo addressMatch checkedAt }
    events { type status occurredAt source description location } }
  events { at kind actor detail } } }`;

describe.each(testDatabases())('evidence with carrier scans on %s', (kind) => {
  let app: TestApp;
  let walmart: ChannelAccountEntity;
  let delivered: string;
  let refused: string;
  const deliveredNumber = validTrackingNumber('UPS');
  const refusedNumber = validTrackingNumber('UPS');

  const shipmentOf = async (orderId: string): Promise<string> =>
    (await app.ds.query(`SELECT id FROM shipment WHERE order_id = $1`, [orderId]))[0].id;
  const event = (orderId: string, shipmentId: string, e: Record<string, unknown>) =>
    app.ds.query(
      `INSERT INTO carrier_event (shipment_id, order_id, type, event_key, status, occurred_at, source, description, city, state, zip, country)
       VALUES ($1, $2, $3, $4, $5, $6, 'TRACKING_PROVIDER', $7, $8, $9, $10, 'US')`,
      [shipmentId, orderId, e.type, e.key ?? e.type, e.status, e.at, e.description, e.city, e.state, e.zip],
    );

  beforeAll(async () => {
    app = await startTestApp(kind);
    walmart = await anAccount(app, 'WALMART', 'UTC');
    // Imported: shipped outside the hub, followed at the provider, delivered in another city.
    [delivered] = await insertOrders(app, walmart, [
      anOrder({
        channelOrderId: 'PO-EV-DELIVERED',
        status: 'SHIPPED',
        orderedAt: at(-DAY),
        shipBy: at(HOUR),
        shipments: [
          {
            carrier: 'UPS',
            service: null,
            trackingNumber: deliveredNumber,
            trackingUrl: null,
            shippedAt: SHIPPED,
            packageType: 'PARCEL',
            weightOz: null,
            lengthIn: null,
            widthIn: null,
            heightIn: null,
            lines: [{ lineNumber: '1', quantity: 1 }],
          },
        ],
      }),
    ]);
    const shipment = await shipmentOf(delivered);
    const statusKey = (s: string, ms: number) => `STATUS:${s}:${iso(ms)}`;
    await event(delivered, shipment, {
      type: 'STATUS',
      key: statusKey('PRE_TRANSIT', HOUR),
      status: 'PRE_TRANSIT',
      at: at(HOUR),
      description: 'Label created',
    });
    await event(delivered, shipment, {
      type: 'SCANNED',
      status: 'IN_TRANSIT',
      at: at(6 * HOUR),
      description: 'Origin scan',
      city: 'Reno',
      state: 'NV',
      zip: '89501',
    });
    await event(delivered, shipment, {
      type: 'DELIVERED',
      status: 'DELIVERED',
      at: at(2 * DAY),
      description: 'Delivered, front door',
      city: 'Springfield',
      state: 'IL',
      zip: '62701',
    });
    await app.ds.query(
      `INSERT INTO shipment_tracker (shipment_id, order_id, provider, provider_tracker_id, tracking_code, carrier, state, status,
         public_url, first_scan_at, first_attempt_at, delivered_at, delivery_city, delivery_state, delivery_zip, delivery_country,
         address_match, checked_at, created_at)
       VALUES ($1, $2, 'EASYPOST', 'trk_delivered', $3, 'UPS', 'DONE', 'DELIVERED', 'https://track.easypost.com/djE6dHJrX2RlbGl2ZXJlZA',
         $4, $5, $5, 'Springfield', 'IL', '62701', 'US', 'MISMATCH', $6, $7)`,
      [shipment, delivered, deliveredNumber, at(6 * HOUR), at(2 * DAY), at(2 * DAY + HOUR), at(10 * 60_000)],
    );

    // Confirmed from a supplier's CSV; the provider matched the number to no carrier.
    [refused] = await insertOrders(app, walmart, [
      anOrder({ channelOrderId: 'PO-EV-REFUSED', orderedAt: at(-DAY), shipBy: new Date(Date.now() + DAY) }),
    ]);
    const upload = await app.gql(
      `mutation($csv: String!) { confirmShipmentsCsv(csv: $csv, fileName: "dropship-0412.csv", supplier: "Blue Crate") { applied } }`,
      { csv: `order,line,quantity,carrier,tracking,shipDate\nPO-EV-REFUSED,1,1,UPS,${refusedNumber},${iso(0)}\n` },
    );
    expect(upload.data!.confirmShipmentsCsv.applied).toBe(1);
    await app.ds.query(
      `INSERT INTO shipment_tracker (shipment_id, order_id, provider, tracking_code, carrier, state, untrackable_reason, checked_at, created_at)
       VALUES ($1, $2, 'EASYPOST', $3, 'UPS', 'UNTRACKABLE', 'The tracking code cannot be matched to a supported carrier', $4, $4)
       ON CONFLICT (shipment_id) DO UPDATE SET state = EXCLUDED.state, untrackable_reason = EXCLUDED.untrackable_reason,
         checked_at = EXCLUDED.checked_at, created_at = EXCLUDED.created_at`,
      [await shipmentOf(refused), refused, refusedNumber, at(HOUR)],
    );
  });
  afterAll(() => app?.close());

  it('shows the carrier timeline with locations and sources, the first scan, the delivery and its address match', async () => {
    const res = await app.gql(EVIDENCE, { id: delivered });
    expect(res.errors).toBeUndefined();
    const [s] = res.data!.orderEvidence.shipments;
    expect(s.origin).toBe('a confirmation made outside the hub, imported from Walmart');
    expect(s.tracking).toEqual({
      provider: 'EASYPOST',
      carrier: 'UPS',
      state: 'DONE',
      status: 'DELIVERED',
      untrackableReason: null,
      publicUrl: 'https://track.easypost.com/djE6dHJrX2RlbGl2ZXJlZA',
      firstScanAt: iso(6 * HOUR),
      firstDeliveryAttemptAt: iso(2 * DAY),
      deliveredAt: iso(2 * DAY),
      deliveredTo: 'Springfield, IL 62701 US',
      shipTo: 'Austin, TX 78704 US',
      addressMatch: 'MISMATCH',
      checkedAt: iso(2 * DAY + HOUR),
    });
    expect(s.events).toEqual([
      {
        type: 'STATUS',
        status: 'PRE_TRANSIT',
        occurredAt: iso(HOUR),
        source: 'TRACKING_PROVIDER',
        description: 'Label created',
        location: 'US',
      },
      {
        type: 'SCANNED',
        status: 'IN_TRANSIT',
        occurredAt: iso(6 * HOUR),
        source: 'TRACKING_PROVIDER',
        description: 'Origin scan',
        location: 'Reno, NV 89501 US',
      },
      {
        type: 'DELIVERED',
        status: 'DELIVERED',
        occurredAt: iso(2 * DAY),
        source: 'TRACKING_PROVIDER',
        description: 'Delivered, front door',
        location: 'Springfield, IL 62701 US',
      },
    ]);

    const timeline = res.data!.orderEvidence.events as { at: string; kind: string; actor: string; detail: string }[];
    expect(timeline.filter((e) => e.kind.startsWith('CARRIER_') || e.kind === 'SHIPPED')).toEqual([
      {
        at: iso(0),
        kind: 'SHIPPED',
        actor: 'channel',
        detail: `UPS ${deliveredNumber} from a confirmation made outside the hub, imported from Walmart`,
      },
      {
        at: iso(HOUR),
        kind: 'CARRIER_STATUS',
        actor: 'carrier:TRACKING_PROVIDER',
        detail: `${deliveredNumber} PRE_TRANSIT Label created at US`,
      },
      {
        at: iso(6 * HOUR),
        kind: 'CARRIER_SCANNED',
        actor: 'carrier:TRACKING_PROVIDER',
        detail: `${deliveredNumber} IN_TRANSIT Origin scan at Reno, NV 89501 US`,
      },
      {
        at: iso(2 * DAY),
        kind: 'CARRIER_DELIVERED',
        actor: 'carrier:TRACKING_PROVIDER',
        detail: `${deliveredNumber} DELIVERED Delivered, front door at Springfield, IL 62701 US`,
      },
      {
        at: iso(2 * DAY + HOUR),
        kind: 'CARRIER_TRACKING',
        actor: 'provider:EASYPOST',
        detail: `UPS ${deliveredNumber}: tracker DONE, status DELIVERED; first carrier scan ${iso(6 * HOUR)}; first delivery attempt ${iso(2 * DAY)}; delivered ${iso(2 * DAY)} at Springfield, IL 62701 US; address MISMATCH against the ship-to Austin, TX 78704 US; carrier data as of ${iso(2 * DAY + HOUR)}`,
      },
    ]);
  });

  it('names the CSV file and supplier a shipment came from, and an untrackable number, in the record and its CSV', async () => {
    const res = await app.gql(EVIDENCE, { id: refused });
    expect(res.errors).toBeUndefined();
    const [s] = res.data!.orderEvidence.shipments;
    const [{ actor }] = await app.ds.query(
      `SELECT actor FROM audit_event WHERE action = 'shipment.csv_uploaded' AND order_id = $1`,
      [refused],
    );
    expect(s.origin).toBe(`supplier Blue Crate's CSV file dropship-0412.csv by ${actor}`);
    expect(s.tracking).toMatchObject({
      state: 'UNTRACKABLE',
      untrackableReason: 'The tracking code cannot be matched to a supported carrier',
      firstScanAt: null,
      addressMatch: null,
    });
    expect(s.events).toEqual([]);
    const summary = `UPS ${refusedNumber}: tracker UNTRACKABLE; the provider refused the number: The tracking code cannot be matched to a supported carrier; no carrier scan; carrier data as of ${iso(HOUR)}`;
    expect(res.data!.orderEvidence.events).toContainEqual({
      at: iso(HOUR),
      kind: 'CARRIER_TRACKING',
      actor: 'provider:EASYPOST',
      detail: summary,
    });

    const csv = await fetch(`${app.baseUrl}/api/orders/${refused}/evidence.csv`, {
      headers: { authorization: `Bearer ${app.adminToken}` },
    });
    expect(csv.status).toBe(200);
    const text = await csv.text();
    expect(text).toContain(`${iso(HOUR)},CARRIER_TRACKING,provider:EASYPOST,${summary}\r\n`);
    expect(text).toContain(
      `SHIPPED,hub,UPS ${refusedNumber} from supplier Blue Crate's CSV file dropship-0412.csv by ${actor}`,
    );
  });
});
