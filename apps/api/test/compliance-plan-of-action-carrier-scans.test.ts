import type { NormalizedOrder } from '@order-hub/types';
import type { ChannelAccountEntity } from '../src/modules/channels/channel-account.entity';
import { anAccount, anOrder, insertOrders } from './support/order-fixtures';
import { startTestApp, type TestApp } from './support/test-app';
import { testDatabases } from './support/test-databases';
import { validTrackingNumber } from './support/tracking-numbers';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const PLAN = `query ($accountId: ID, $metric: ComplianceMetricKey!) {
  planOfAction(channel: WALMART, accountId: $accountId, metric: $metric) {
    metricReport { value numerator denominator }
    affectedOrders
    causes { cause orderCount channelOrderIds }
    sources { origin shipments invalidFormat untrackable neverScanned deliveredElsewhere channelOrderIds }
    controls { code }
    draft { rootCause correctiveActions }
  } }`;

interface Source {
  origin: string;
  shipments: number;
  invalidFormat: number;
  untrackable: number;
  neverScanned: number;
  deliveredElsewhere: number;
  channelOrderIds: string[];
}

/**
 * Seed 003's story: a dropship supplier's CSV carries well-formed numbers the carrier never scans. The plan of action
 * finds it from the scans and names the supplier's file.
 */
describe.each(testDatabases())('plan of action from carrier scans on %s', (kind) => {
  let app: TestApp;
  let walmart: ChannelAccountEntity;
  let uploader: string;
  const id: Record<string, string> = {};
  const shippedAt = new Date(Date.now() - 6 * DAY);
  const CSV_ORDERS = ['S-01', 'S-02', 'S-03', 'S-04', 'S-05'];

  const shipmentOf = async (po: string): Promise<string> =>
    (await app.ds.query(`SELECT id FROM shipment WHERE order_id = $1`, [id[po]]))[0].id;
  const tracker = async (po: string, state: string, extra: Record<string, unknown> = {}) =>
    app.ds.query(
      `INSERT INTO shipment_tracker (shipment_id, order_id, provider, provider_tracker_id, tracking_code, carrier, state, untrackable_reason,
         first_scan_at, delivered_at, delivery_city, delivery_state, delivery_zip, delivery_country, address_match, checked_at)
       SELECT s.id, s.order_id, 'EASYPOST', 'trk_' || replace(s.id::text, '-', ''), s.tracking_number, 'UPS', $2, $3, $4, $5, $6, $7, $8, $9, $10, now()
         FROM shipment s WHERE s.id = $1
       ON CONFLICT (shipment_id) DO UPDATE SET state = EXCLUDED.state, untrackable_reason = EXCLUDED.untrackable_reason`,
      [
        await shipmentOf(po),
        state,
        extra.untrackableReason ?? null,
        extra.firstScanAt ?? null,
        extra.deliveredAt ?? null,
        extra.city ?? null,
        extra.state ?? null,
        extra.zip ?? null,
        extra.deliveredAt ? 'US' : null,
        extra.addressMatch ?? null,
      ],
    );
  const scanned = async (po: string, at: Date) =>
    app.ds.query(
      `INSERT INTO carrier_event (shipment_id, order_id, type, event_key, status, occurred_at, source)
       VALUES ($1, $2, 'SCANNED', 'SCANNED', 'IN_TRANSIT', $3, 'TRACKING_PROVIDER')`,
      [await shipmentOf(po), id[po], at],
    );
  const imported = (po: string, trackingNumber: string, at = shippedAt): NormalizedOrder =>
    anOrder({
      channelOrderId: po,
      status: 'SHIPPED',
      orderedAt: new Date(at.getTime() - DAY),
      shipBy: new Date(at.getTime() + DAY),
      shipments: [
        {
          carrier: 'UPS',
          service: null,
          trackingNumber,
          trackingUrl: null,
          shippedAt: at,
          packageType: 'PARCEL',
          weightOz: null,
          lengthIn: null,
          widthIn: null,
          heightIn: null,
          lines: [{ lineNumber: '1', quantity: 1 }],
        },
      ],
    });
  const plan = async (metric: string) => {
    const res = await app.gql(PLAN, { accountId: walmart.id, metric });
    expect(res.errors).toBeUndefined();
    return res.data!.planOfAction;
  };

  beforeAll(async () => {
    app = await startTestApp(kind, { ALLOW_CUSTOM_CHANNEL_HOSTS: 'true' });
    walmart = await anAccount(app, 'WALMART', 'UTC');
    // Open orders the supplier ships, confirmed by its CSV (ship-by still ahead: the tracking was not late).
    const open = CSV_ORDERS.map((po) =>
      anOrder({
        channelOrderId: po,
        orderedAt: new Date(shippedAt.getTime() - DAY),
        shipBy: new Date(Date.now() + DAY),
      }),
    );
    const wrongDigit = validTrackingNumber('UPS');
    const typo = `${wrongDigit.slice(0, -1)}${(Number(wrongDigit.at(-1)) + 1) % 10}`;
    const orders = [
      ...open,
      imported('I-VALID-1', validTrackingNumber('UPS')),
      imported('I-VALID-2', validTrackingNumber('UPS')),
      imported('I-TYPO', typo),
      imported('I-ELSEWHERE', validTrackingNumber('UPS')),
      imported('I-AWAITING', validTrackingNumber('UPS'), new Date(Date.now() - HOUR)),
    ];
    const ids = await insertOrders(app, walmart, orders);
    orders.forEach((o, i) => (id[o.channelOrderId] = ids[i]));
    const rows = CSV_ORDERS.map((po) => `${po},1,1,UPS,${validTrackingNumber('UPS')},${shippedAt.toISOString()}`);
    const upload = await app.gql(
      `mutation($csv: String!) { confirmShipmentsCsv(csv: $csv, fileName: "acme-week-48.csv", supplier: "Acme Supplies") { applied rows { error } } }`,
      { csv: ['order,line,quantity,carrier,tracking,shipDate', ...rows].join('\n') },
    );
    expect(upload.errors).toBeUndefined();
    expect(upload.data!.confirmShipmentsCsv.applied).toBe(CSV_ORDERS.length);
    [{ actor: uploader }] = await app.ds.query(
      `SELECT DISTINCT actor FROM audit_event WHERE action = 'shipment.csv_uploaded'`,
    );

    // The carrier's word: four of the supplier's parcels never scanned, one number no carrier knows.
    for (const po of ['S-01', 'S-02', 'S-03', 'S-04']) await tracker(po, 'TRACKING');
    await tracker('S-05', 'UNTRACKABLE', {
      untrackableReason: 'The tracking code cannot be matched to a supported carrier',
    });
    for (const po of ['I-VALID-1', 'I-VALID-2', 'I-ELSEWHERE'])
      await scanned(po, new Date(shippedAt.getTime() + 6 * HOUR));
    await tracker('I-VALID-1', 'TRACKING', { firstScanAt: new Date(shippedAt.getTime() + 6 * HOUR) });
    await tracker('I-VALID-2', 'TRACKING', { firstScanAt: new Date(shippedAt.getTime() + 6 * HOUR) });
    await tracker('I-ELSEWHERE', 'DONE', {
      firstScanAt: new Date(shippedAt.getTime() + 6 * HOUR),
      deliveredAt: new Date(shippedAt.getTime() + 2 * DAY),
      city: 'Springfield',
      state: 'IL',
      zip: '62701',
      addressMatch: 'MISMATCH',
    });
    await app.ds.query(
      `INSERT INTO carrier_event (shipment_id, order_id, type, event_key, status, occurred_at, source, city, state, zip, country)
       VALUES ($1, $2, 'DELIVERED', 'DELIVERED', 'DELIVERED', $3, 'TRACKING_PROVIDER', 'Springfield', 'IL', '62701', 'US')`,
      [await shipmentOf('I-ELSEWHERE'), id['I-ELSEWHERE'], new Date(shippedAt.getTime() + 2 * DAY)],
    );
    await tracker('I-AWAITING', 'TRACKING');

    const on = await app.gql(
      `mutation { updateTrackingProvider(input: { enabled: true, apiKey: "EZTK-plan-test", baseUrl: "http://127.0.0.1:9/v2/" }) { enabled } }`,
    );
    expect(on.errors).toBeUndefined();
  });
  afterAll(() => app?.close());

  it('valid tracking: the never-scanned and untrackable numbers are the root cause, and they all came from the supplier’s CSV', async () => {
    const p = await plan('VALID_TRACKING_RATE');
    // Valid: the three scanned; counted against: four never scanned, one untrackable, one typo. Awaiting is neither.
    expect(p.metricReport).toMatchObject({ numerator: 3, denominator: 9 });
    expect(p.affectedOrders).toBe(6);
    expect(p.causes.map((c: { cause: string; channelOrderIds: string[] }) => [c.cause, c.channelOrderIds])).toEqual([
      ['INVALID_FORMAT', ['I-TYPO']],
      ['UNTRACKABLE', ['S-05']],
      ['NO_CARRIER_SCAN', ['S-01', 'S-02', 'S-03', 'S-04']],
    ]);
    const acme = `supplier Acme Supplies's CSV file acme-week-48.csv by ${uploader}`;
    const imported = 'a confirmation made outside the hub, imported from Walmart';
    expect(p.sources).toEqual<Source[]>([
      {
        origin: acme,
        shipments: 5,
        invalidFormat: 0,
        untrackable: 1,
        neverScanned: 4,
        deliveredElsewhere: 0,
        channelOrderIds: CSV_ORDERS,
      },
      {
        origin: imported,
        shipments: 1,
        invalidFormat: 1,
        untrackable: 0,
        neverScanned: 0,
        deliveredElsewhere: 0,
        channelOrderIds: ['I-TYPO'],
      },
    ]);
    const lines = p.draft.rootCause.split('\n');
    expect(lines).toContain(
      '- Well-formed number the carrier never scanned by the late-origin-scan deadline: 4 order(s), ' +
        `on ${shippedAt.toISOString().slice(0, 10)}: S-01, S-02, S-03, S-04.`,
    );
    expect(lines.slice(lines.indexOf('Where these shipments came from:'))).toEqual([
      'Where these shipments came from:',
      `4 of 6 invalid shipments never received a carrier scan; all came from ${acme}.`,
      `1 of 6 invalid shipments had a number no carrier recognises (untrackable); it came from ${acme}.`,
      `1 of 6 invalid shipments failed the carrier's format or had no number; it came from ${imported}.`,
      `- Supplier Acme Supplies's CSV file acme-week-48.csv by ${uploader}: 5 shipment(s) (4 never scanned, 1 untrackable): S-01, S-02, S-03, S-04, S-05.`,
      '- A confirmation made outside the hub, imported from Walmart: 1 shipment(s) (1 invalid format): I-TYPO.',
    ]);
    expect(p.draft.correctiveActions).toContain(
      'Ask the carrier and whoever shipped them whether the 4 parcel(s) never scanned were handed over',
    );
    expect(p.controls.map((c: { code: string }) => c.code)).toContain('CARRIER_SCAN_ALARMS');
  });

  it('address mismatch: the parcel delivered elsewhere, with where it came from', async () => {
    const p = await plan('ADDRESS_MISMATCH_RATE');
    expect(p.causes).toEqual([{ cause: 'DELIVERED_ELSEWHERE', orderCount: 1, channelOrderIds: ['I-ELSEWHERE'] }]);
    expect(p.sources).toEqual([
      expect.objectContaining({
        origin: 'a confirmation made outside the hub, imported from Walmart',
        deliveredElsewhere: 1,
      }),
    ]);
    expect(p.draft.rootCause).toContain(
      '1 of 1 shipments were delivered to another address; it came from a confirmation made outside the hub, imported from Walmart.',
    );
    expect(p.controls.map((c: { code: string }) => c.code)).toContain('ADDRESS_MISMATCH_ALARM');
  });
});
