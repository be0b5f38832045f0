import { createHmac } from 'node:crypto';
import { createSandbox, type Sandbox } from '@order-hub/sandbox';
import { anAccount, anOrder, insertOrders } from './support/order-fixtures';
import { startDriverApp } from './support/job-drivers';
import type { TestApp } from './support/test-app';
import { validTrackingNumber } from './support/tracking-numbers';
import { until } from './support/wait';

const SECRET = 'whsec_order_hub_bullmq_test';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Scaled out: the api stores the webhook and queues the ingest on BullMQ; a worker process applies it. */
describe('tracking webhooks with BullMQ and two workers (PostgreSQL)', () => {
  let sandbox: Sandbox;
  let app: TestApp;

  beforeAll(async () => {
    sandbox = await createSandbox({ seed: 16, clock: new Date(), throttling: { rateScale: 1000 } });
    app = await startDriverApp(
      { database: 'postgres', jobs: 'bullmq' },
      {
        EASYPOST_API_KEY: sandbox.easypostApiKey,
        EASYPOST_WEBHOOK_SECRET: SECRET,
        EASYPOST_BASE_URL: sandbox.easypostBaseUrl,
      },
      5,
    );
  });
  afterAll(async () => {
    await app?.close();
    await sandbox?.close();
  });

  it('a signed tracker.updated post is answered by the api and its scans land through a worker', async () => {
    const account = await anAccount(app, 'WALMART');
    const code = validTrackingNumber('UPS');
    const shippedAt = new Date(sandbox.clock.now().getTime() - 3 * DAY);
    const res = await fetch(`${sandbox.controlBaseUrl}/easypost/parcels`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ carrier: 'UPS', trackingCode: code, shippedAt: shippedAt.toISOString() }),
    });
    expect(res.status).toBe(201);
    const order = anOrder({ status: 'SHIPPED', orderedAt: new Date(shippedAt.getTime() - DAY) });
    order.lines[0] = { ...order.lines[0], quantityShipped: 1, status: 'SHIPPED' };
    order.shipments = [
      {
        carrier: 'UPS',
        service: null,
        trackingNumber: code,
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
    const [orderId] = await insertOrders(app, account, [order]);
    const [shipment] = await app.ds.query(`SELECT id FROM shipment WHERE order_id = $1`, [orderId]);
    // The tracker exists at the provider, but the hub has not recorded it: only the webhook can bring the scans.
    const created = await fetch(`${sandbox.easypostBaseUrl}trackers`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${sandbox.easypostApiKey}:`).toString('base64')}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ tracker: { tracking_code: code, carrier: 'UPS' } }),
    });
    const tracker = (await created.json()) as Record<string, unknown>;
    await app.ds.query(
      `INSERT INTO shipment_tracker (shipment_id, order_id, provider, provider_tracker_id, tracking_code, carrier, state)
       VALUES ($1, $2, 'EASYPOST', $3, $4, 'UPS', 'TRACKING')`,
      [shipment.id, orderId, tracker.id, code],
    );
    const body = JSON.stringify({
      object: 'Event',
      id: 'evt_bullmq_1',
      mode: 'test',
      description: 'tracker.updated',
      previous_attributes: {},
      result: tracker,
    });
    const signature = `hmac-sha256-hex=${createHmac('sha256', Buffer.from(SECRET, 'utf8')).update(body, 'utf8').digest('hex')}`;
    const posted = await fetch(`${app.baseUrl}/webhooks/easypost`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-hmac-signature': signature },
      body,
    });
    expect(posted.status).toBe(200);
    const types = await until(
      'the scans applied by a worker',
      async () =>
        (
          await app.ds.query<{ type: string }[]>(`SELECT type FROM carrier_event WHERE shipment_id = $1`, [shipment.id])
        ).map((r) => r.type),
      (t) => t.includes('DELIVERED'),
    );
    expect(types).toEqual(expect.arrayContaining(['SCANNED', 'DELIVERY_ATTEMPT', 'DELIVERED', 'STATUS']));
    const [row] = await app.ds.query(`SELECT status, checked_at FROM shipment_tracker WHERE shipment_id = $1`, [
      shipment.id,
    ]);
    expect(row.status).toBe('DELIVERED');
    expect(row.checked_at).not.toBeNull();
    const [inbox] = await app.ds.query(`SELECT processed_at FROM tracking_webhook_event WHERE id = 'evt_bullmq_1'`);
    expect(inbox.processed_at).not.toBeNull();
  });
});
