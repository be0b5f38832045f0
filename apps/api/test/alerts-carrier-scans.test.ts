import type { NormalizedOrder } from '@order-hub/types';
import type { ChannelAccountEntity } from '../src/modules/channels/channel-account.entity';
import { ShipmentTrackerEntity } from '../src/modules/carrier-tracking/trackers/shipment-tracker.entity';
import { TrackerSnapshotsService } from '../src/modules/carrier-tracking/trackers/tracker-snapshots.service';
import { ComplianceAlarmsService } from '../src/modules/compliance/compliance-alarms.service';
import { anAccount, anOrder, insertOrders } from './support/order-fixtures';
import { startTestApp, type TestApp } from './support/test-app';
import { testDatabases } from './support/test-databases';
import { validTrackingNumber } from './support/tracking-numbers';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The last Thursday 12:00 UTC before today: business days fall the same way whatever day the suite runs. */
function lastThursdayNoon(): Date {
  const d = new Date();
  d.setUTCHours(12, 0, 0, 0);
  while (d.getUTCDay() !== 4 || d.getTime() > Date.now()) d.setTime(d.getTime() - DAY);
  return d;
}
const NOW = lastThursdayNoon();
const ago = (ms: number) => new Date(NOW.getTime() - ms);
const utcMinute = (d: Date) => `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;

interface AlertNode {
  kind: string;
  severity: string;
  status: string;
  orderId: string;
  message: string;
}

describe.each(testDatabases())('carrier scan alarms on %s', (kind) => {
  let app: TestApp;
  let alarms: ComplianceAlarmsService;
  let walmart: ChannelAccountEntity;

  const openKeys = async (kinds: string[]): Promise<string[]> =>
    (
      await app.ds.query(
        `SELECT condition_key FROM alert WHERE resolved_at IS NULL AND kind = ANY($1) ORDER BY condition_key`,
        [kinds],
      )
    ).map((r: { condition_key: string }) => r.condition_key);
  const alertsOf = async (kinds: string[]): Promise<AlertNode[]> => {
    const res = await app.gql<{ alerts: { edges: { node: AlertNode }[] } }>(
      `query($filter: AlertFilter) { alerts(filter: $filter, first: 50) { edges { node { kind severity status orderId message } } } }`,
      { filter: { kinds, statuses: ['OPEN'] } },
    );
    expect(res.errors).toBeUndefined();
    return res.data!.alerts.edges.map((e) => e.node);
  };
  const shipmentOf = async (orderId: string): Promise<string> =>
    (await app.ds.query(`SELECT id FROM shipment WHERE order_id = $1`, [orderId]))[0].id;
  const imported = async (trackingNumber: string, shippedAt: Date, patch: Partial<NormalizedOrder> = {}) =>
    (
      await insertOrders(app, walmart, [
        anOrder({
          status: 'SHIPPED',
          orderedAt: new Date(shippedAt.getTime() - DAY),
          shipBy: new Date(shippedAt.getTime() + HOUR),
          shipments: [
            {
              carrier: 'UPS',
              service: null,
              trackingNumber,
              trackingUrl: null,
              shippedAt,
              packageType: 'PARCEL',
              weightOz: null,
              lengthIn: null,
              widthIn: null,
              heightIn: null,
              lines: [{ lineNumber: '1', quantity: 1 }],
            },
          ],
          ...patch,
        }),
      ])
    )[0];
  /** A tracker row as the tracking module writes it (its own tests cover how it gets there). */
  const tracker = (shipmentId: string, state: string, patch: Record<string, unknown> = {}) => {
    const row = {
      state,
      checked_at: ago(HOUR),
      delivered_at: null,
      delivery_city: null,
      delivery_state: null,
      delivery_zip: null,
      delivery_country: null,
      address_match: null,
      ...patch,
    };
    return app.ds.query(
      `INSERT INTO shipment_tracker (shipment_id, order_id, provider, provider_tracker_id, tracking_code, carrier, state, checked_at,
         delivered_at, delivery_city, delivery_state, delivery_zip, delivery_country, address_match)
       SELECT s.id, s.order_id, 'EASYPOST', 'trk_' || replace(s.id::text, '-', ''), s.tracking_number, 'UPS', $2, $3, $4, $5, $6, $7, $8, $9
         FROM shipment s WHERE s.id = $1
       ON CONFLICT (shipment_id) DO UPDATE SET state = EXCLUDED.state, checked_at = EXCLUDED.checked_at,
         delivered_at = EXCLUDED.delivered_at, delivery_city = EXCLUDED.delivery_city, delivery_state = EXCLUDED.delivery_state,
         delivery_zip = EXCLUDED.delivery_zip, delivery_country = EXCLUDED.delivery_country, address_match = EXCLUDED.address_match`,
      [
        shipmentId,
        row.state,
        row.checked_at,
        row.delivered_at,
        row.delivery_city,
        row.delivery_state,
        row.delivery_zip,
        row.delivery_country,
        row.address_match,
      ],
    );
  };
  const provider = async (enabled: boolean) => {
    const res = await app.gql(
      `mutation($input: UpdateTrackingProviderInput!) { updateTrackingProvider(input: $input) { enabled } }`,
      { input: { enabled, apiKey: 'EZTK-alarms-test', baseUrl: 'http://127.0.0.1:9/v2/' } },
    );
    expect(res.errors).toBeUndefined();
  };

  beforeAll(async () => {
    // The provider's base URL points at a closed local port: nothing leaves the machine.
    app = await startTestApp(kind, { ALLOW_CUSTOM_CHANNEL_HOSTS: 'true' });
    alarms = app.running.app.get(ComplianceAlarmsService);
    walmart = await anAccount(app, 'WALMART', 'UTC');
  });
  afterAll(() => app?.close());

  describe('late origin scan', () => {
    const ids: Record<string, string> = {};
    const number: Record<string, string> = {};

    beforeAll(async () => {
      // A supplier's CSV, uploaded through the API as the console does, confirms one order shipped Tuesday 11:00.
      const [csvOrder] = await insertOrders(app, walmart, [
        anOrder({ channelOrderId: 'PO-CSV-LATE', orderedAt: ago(3 * DAY), shipBy: new Date(Date.now() + 2 * DAY) }),
      ]);
      ids.csv = csvOrder;
      number.csv = validTrackingNumber('UPS');
      const csv = `order,line,quantity,carrier,tracking,shipDate\nPO-CSV-LATE,1,1,UPS,${number.csv},${ago(49 * HOUR).toISOString()}\n`;
      const res = await app.gql(
        `mutation($csv: String!, $file: String, $supplier: String) { confirmShipmentsCsv(csv: $csv, fileName: $file, supplier: $supplier) { applied rows { error } } }`,
        { csv, file: 'acme-week-48.csv', supplier: 'Acme Supplies' },
      );
      expect(res.errors).toBeUndefined();
      expect(res.data!.confirmShipmentsCsv).toMatchObject({ applied: 1 });

      number.friday = validTrackingNumber('UPS');
      ids.friday = await imported(number.friday, ago(6 * DAY)); // the Friday before, 12:00
      ids.notFollowed = await imported(validTrackingNumber('UPS'), ago(49 * HOUR));
      ids.untrackable = await imported(validTrackingNumber('UPS'), ago(49 * HOUR));
      ids.pending = await imported(validTrackingNumber('UPS'), ago(49 * HOUR));
      ids.recent = await imported(validTrackingNumber('UPS'), ago(47 * HOUR));
      await tracker(await shipmentOf(ids.csv), 'TRACKING');
      await tracker(await shipmentOf(ids.friday), 'TRACKING');
      await tracker(await shipmentOf(ids.untrackable), 'UNTRACKABLE');
      await tracker(await shipmentOf(ids.pending), 'PENDING');
      await tracker(await shipmentOf(ids.recent), 'TRACKING');
    });

    it('follows nothing through trackers while no provider is on (silence is no data, not "no scan")', async () => {
      await provider(false);
      await alarms.scan(NOW);
      expect(await openKeys(['LATE_ORIGIN_SCAN'])).toEqual([]);
    });

    it('raises for every tracked shipment 2 business days after confirmation, naming carrier, number, time and source', async () => {
      await provider(true);
      const key = async (name: string) => `late-origin-scan:${await shipmentOf(ids[name])}`;
      // Monday 13:00: the Friday shipment is 3 days old but only 1 business day; Tuesday's are not due either.
      await alarms.scan(ago(3 * DAY - HOUR));
      expect(await openKeys(['LATE_ORIGIN_SCAN'])).toEqual([]);

      await alarms.scan(NOW);
      expect(await openKeys(['LATE_ORIGIN_SCAN'])).toEqual([await key('csv'), await key('friday')].sort());
      const [csvAlert] = (await alertsOf(['LATE_ORIGIN_SCAN'])).filter((a) => a.orderId === ids.csv);
      expect(csvAlert).toMatchObject({ severity: 'HIGH', status: 'OPEN' });
      const [{ actor }] = await app.ds.query(
        `SELECT actor FROM audit_event WHERE action = 'shipment.csv_uploaded' AND order_id = $1`,
        [ids.csv],
      );
      expect(actor).toMatch(/^token:/);
      expect(csvAlert.message).toBe(
        `Walmart order PO-CSV-LATE was confirmed shipped at ${utcMinute(ago(49 * HOUR))} with UPS ${number.csv}, from supplier Acme Supplies's CSV file acme-week-48.csv by ${actor}. The carrier has not scanned it by ${utcMinute(ago(HOUR))}, its late-origin-scan deadline, as heard through the tracking provider (carrier data as of ${utcMinute(ago(HOUR))}).`,
      );
      const [fridayAlert] = (await alertsOf(['LATE_ORIGIN_SCAN'])).filter((a) => a.orderId === ids.friday);
      expect(fridayAlert.message).toContain(
        `with UPS ${number.friday}, from a confirmation made outside the hub, imported from Walmart. The carrier has not scanned it by ${utcMinute(ago(2 * DAY))}`,
      );

      // An hour and a minute later the Tuesday 13:00 shipment is due too.
      await alarms.scan(new Date(NOW.getTime() + HOUR + 60_000));
      expect(await openKeys(['LATE_ORIGIN_SCAN'])).toContain(await key('recent'));
    });

    it('resolves once the carrier scans it', async () => {
      const shipment = await shipmentOf(ids.csv);
      await app.ds.query(
        `INSERT INTO carrier_event (shipment_id, order_id, type, event_key, status, occurred_at, source, city, state, zip, country)
         VALUES ($1, $2, 'SCANNED', 'SCANNED', 'IN_TRANSIT', $3, 'TRACKING_PROVIDER', 'Reno', 'NV', '89501', 'US')`,
        [shipment, ids.csv, ago(30 * 60_000)],
      );
      await alarms.scan(NOW);
      expect(await openKeys(['LATE_ORIGIN_SCAN'])).toEqual([`late-origin-scan:${await shipmentOf(ids.friday)}`]);
      const resolved = await app.ds.query(`SELECT resolved_at FROM alert WHERE condition_key = $1`, [
        `late-origin-scan:${shipment}`,
      ]);
      expect(resolved[0].resolved_at).not.toBeNull();
    });
  });

  describe('address mismatch', () => {
    let elsewhere: string;
    let number: string;

    beforeAll(async () => {
      await provider(true);
      number = validTrackingNumber('UPS');
      elsewhere = await imported(number, ago(3 * DAY));
      const matching = await imported(validTrackingNumber('UPS'), ago(3 * DAY));
      const delivered = { delivered_at: ago(2 * HOUR), delivery_country: 'US' };
      await tracker(await shipmentOf(elsewhere), 'DONE', {
        ...delivered,
        delivery_city: 'Springfield',
        delivery_state: 'IL',
        delivery_zip: '62701',
        address_match: 'MISMATCH',
      });
      await tracker(await shipmentOf(matching), 'DONE', {
        ...delivered,
        delivery_city: 'Austin',
        delivery_state: 'TX',
        delivery_zip: '78704',
        address_match: 'MATCH',
      });
    });

    it('raises one alert from the scan (again and again: still one) with both addresses, the carrier and the number', async () => {
      await alarms.scan(NOW);
      await alarms.scan(NOW);
      const shipment = await shipmentOf(elsewhere);
      expect(await openKeys(['ADDRESS_MISMATCH'])).toEqual([`address-mismatch:${shipment}`]);
      const [alert] = await alertsOf(['ADDRESS_MISMATCH']);
      expect(alert).toMatchObject({ kind: 'ADDRESS_MISMATCH', severity: 'HIGH', orderId: elsewhere });
      expect(alert.message).toMatch(
        new RegExp(
          `^Walmart order PO-\\d+: UPS delivered ${number} at ${utcMinute(ago(2 * HOUR))} in Springfield, IL 62701 US, but the order ships to Austin, TX 78704 US\\.`,
        ),
      );
      const [{ n }] = await app.ds.query(`SELECT count(*)::int AS n FROM alert WHERE kind = 'ADDRESS_MISMATCH'`);
      expect(n).toBe(1);
    });

    it('resolves when the match no longer holds a mismatch', async () => {
      await app.ds.query(`UPDATE shipment_tracker SET address_match = 'MATCH' WHERE shipment_id = $1`, [
        await shipmentOf(elsewhere),
      ]);
      await alarms.scan(NOW);
      expect(await openKeys(['ADDRESS_MISMATCH'])).toEqual([]);
    });
  });

  describe("the tracking module's hooks", () => {
    it('a first scan settles the late-origin alarm and a delivery elsewhere raises ADDRESS_MISMATCH, before any alarm scan', async () => {
      await provider(true);
      const number = validTrackingNumber('UPS');
      const orderId = await imported(number, ago(3 * DAY));
      const shipmentId = await shipmentOf(orderId);
      await tracker(shipmentId, 'TRACKING');
      await alarms.scan(NOW);
      expect(await openKeys(['LATE_ORIGIN_SCAN'])).toContain(`late-origin-scan:${shipmentId}`);

      const at = (ms: number, city: string, state: string, zip: string) => ({
        at: ago(ms),
        location: { city, state, zip, country: 'US' },
      });
      const detail = (status: string, place: ReturnType<typeof at>) =>
        ({ status, statusDetail: null, message: status, ...place }) as never;
      const tracked = await app.ds.getRepository(ShipmentTrackerEntity).findOneByOrFail({ shipmentId });
      await app.running.app.get(TrackerSnapshotsService).apply(
        [
          {
            tracker: tracked,
            snapshot: {
              providerTrackerId: tracked.providerTrackerId!,
              trackingCode: number,
              carrier: 'UPS',
              status: 'DELIVERED',
              statusDetail: 'ARRIVED_AT_DESTINATION',
              publicUrl: null,
              estDeliveryAt: null,
              updatedAt: ago(HOUR),
              details: [
                detail('PRE_TRANSIT', at(3 * DAY - HOUR, 'Reno', 'NV', '89501')),
                detail('IN_TRANSIT', at(2 * DAY, 'Reno', 'NV', '89501')),
                detail('DELIVERED', at(2 * HOUR, 'Springfield', 'IL', '62701')),
              ],
              origin: null,
              destination: null,
              initialDeliveryAttemptAt: null,
            },
          },
        ],
        ago(HOUR),
      );
      const [row] = await app.ds.query(`SELECT address_match FROM shipment_tracker WHERE shipment_id = $1`, [
        shipmentId,
      ]);
      expect(row.address_match).toBe('MISMATCH');
      expect(await openKeys(['LATE_ORIGIN_SCAN'])).not.toContain(`late-origin-scan:${shipmentId}`);
      expect(await openKeys(['ADDRESS_MISMATCH'])).toContain(`address-mismatch:${shipmentId}`);
      const [alert] = (await alertsOf(['ADDRESS_MISMATCH'])).filter((a) => a.orderId === orderId);
      expect(alert.message).toContain(
        `UPS delivered ${number} at ${utcMinute(ago(2 * HOUR))} in Springfield, IL 62701 US, but the order ships to Austin, TX 78704 US.`,
      );
    });
  });
});
