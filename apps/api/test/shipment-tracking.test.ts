import { createHmac } from 'node:crypto';
import { createSandbox, type Sandbox } from '@order-hub/sandbox';
import type { NormalizedShipment } from '@order-hub/types';
import {
  CarrierScanEvents,
  type CarrierScanNotice,
} from '../src/modules/carrier-tracking/trackers/carrier-scan-events';
import { TrackerPollingService } from '../src/modules/carrier-tracking/trackers/tracker-polling.service';
import { TrackerRegistrationService } from '../src/modules/carrier-tracking/trackers/tracker-registration.service';
import type { ChannelAccountEntity } from '../src/modules/channels/channel-account.entity';
import { anAccount, anOrder, insertOrders } from './support/order-fixtures';
import { startTestApp, type TestApp } from './support/test-app';
import { testDatabases } from './support/test-databases';
import { validTrackingNumber } from './support/tracking-numbers';
import { until } from './support/wait';

const SECRET = 'whsec_order_hub_tracking_test';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const AUSTIN = { city: 'AUSTIN', state: 'TX', zip: '78704', country: 'US' };

/** EasyPost's signature: HMAC-SHA256 of the raw body under the NFKD-normalised secret, hex. */
const sign = (body: string) =>
  `hmac-sha256-hex=${createHmac('sha256', Buffer.from(SECRET.normalize('NFKD'), 'utf8'))
    .update(body, 'utf8')
    .digest('hex')}`;

const ORDER_TRACKING = `query($id: ID!) { order(id: $id) { shipments { id trackingNumber
  tracking { state status firstScanAt firstDeliveryAttemptAt deliveredAt addressMatch publicUrl checkedAt untrackableReason
             deliveredTo { city state zip country } }
  carrierEvents { type status occurredAt description source location { city state zip country } } } } }`;

describe.each(testDatabases())('shipment tracking at the provider on %s', (kind) => {
  let sandbox: Sandbox;
  let app: TestApp;
  let account: ChannelAccountEntity;
  const firstScans: CarrierScanNotice[] = [];
  const deliveries: CarrierScanNotice[] = [];

  const control = async (path: string, body?: unknown, method = 'POST') => {
    const res = await fetch(`${sandbox.controlBaseUrl}${path}`, {
      method,
      ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return res.json() as Promise<Record<string, any>>;
  };
  const easypost = async (path: string, body?: unknown) => {
    const res = await fetch(`${sandbox.easypostBaseUrl}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${sandbox.easypostApiKey}:`).toString('base64')}`,
        'content-type': 'application/json',
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`EasyPost ${path}: ${res.status} ${await res.text()}`);
    return res.json() as Promise<Record<string, any>>;
  };
  const postWebhook = (body: string, signature: string | null) =>
    fetch(`${app.baseUrl}/webhooks/easypost`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(signature ? { 'x-hmac-signature': signature } : {}) },
      body,
    });
  const registration = () => app.running.app.get(TrackerRegistrationService);
  const polling = () => app.running.app.get(TrackerPollingService);
  const tracker = async (shipmentId: string) =>
    (await app.ds.query(`SELECT * FROM shipment_tracker WHERE shipment_id = $1`, [shipmentId]))[0];
  const events = (shipmentId: string): Promise<Record<string, any>[]> =>
    app.ds.query(
      `SELECT type, status, city, state, zip, source, event_key FROM carrier_event WHERE shipment_id = $1 ORDER BY occurred_at, type`,
      [shipmentId],
    );
  const inboxCount = async (id?: string) =>
    (
      await app.ds.query(
        `SELECT count(*)::int AS n FROM tracking_webhook_event ${id ? 'WHERE id = $1' : ''}`,
        id ? [id] : [],
      )
    )[0].n as number;

  /** An order imported from the channel as shipped outside the hub, with one shipment. */
  async function importedShipment(
    shipment: Partial<NormalizedShipment>,
  ): Promise<{ orderId: string; shipmentId: string }> {
    const orderedAt = new Date(Date.now() - 80 * DAY);
    const order = anOrder({ status: 'SHIPPED', orderedAt, acknowledgedAt: orderedAt });
    order.lines[0] = { ...order.lines[0], quantityShipped: 1, status: 'SHIPPED' };
    order.shipments = [
      {
        carrier: 'UPS',
        service: null,
        trackingNumber: null,
        trackingUrl: null,
        shippedAt: new Date(Date.now() - 5 * DAY),
        packageType: 'PARCEL',
        weightOz: null,
        lengthIn: null,
        widthIn: null,
        heightIn: null,
        lines: [{ lineNumber: '1', quantity: 1 }],
        ...shipment,
      },
    ];
    const [orderId] = await insertOrders(app, account, [order]);
    const [row] = await app.ds.query(`SELECT id FROM shipment WHERE order_id = $1`, [orderId]);
    return { orderId, shipmentId: row?.id };
  }

  /** An order confirmed shipped through the hub (the console's and the API's mutation). */
  async function hubShipment(
    trackingNumber: string,
    shippedAt: Date,
  ): Promise<{ orderId: string; shipmentId: string }> {
    const orderedAt = new Date(shippedAt.getTime() - DAY);
    const [orderId] = await insertOrders(app, account, [anOrder({ orderedAt, acknowledgedAt: orderedAt })]);
    const res = await app.gql(
      `mutation($input: ShipmentInput!) { confirmShipment(input: $input) { shipment { id source } } }`,
      {
        input: {
          orderId,
          carrier: 'USPS',
          trackingNumber,
          shippedAt: shippedAt.toISOString(),
          lines: [{ lineNumber: '1', quantity: 1 }],
        },
      },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.confirmShipment.shipment.source).toBe('HUB');
    return { orderId, shipmentId: res.data!.confirmShipment.shipment.id };
  }

  const parcel = (carrier: string, trackingCode: string, shippedAt: Date, extra: Record<string, unknown> = {}) =>
    control('/easypost/parcels', {
      carrier,
      trackingCode,
      shippedAt: shippedAt.toISOString(),
      shipTo: AUSTIN,
      ...extra,
    });

  beforeAll(async () => {
    sandbox = await createSandbox({ seed: 15, clock: new Date(), throttling: { rateScale: 1000 } });
    app = await startTestApp(kind, {
      EASYPOST_API_KEY: sandbox.easypostApiKey,
      EASYPOST_WEBHOOK_SECRET: SECRET,
      EASYPOST_BASE_URL: sandbox.easypostBaseUrl,
    });
    account = await anAccount(app, 'WALMART');
    const hooks = app.running.app.get(CarrierScanEvents);
    hooks.onFirstScan((n) => void firstScans.push(...n));
    hooks.onDelivered((n) => void deliveries.push(...n));
  });
  afterAll(async () => {
    await app?.close();
    await sandbox?.close();
  });

  it('registers shipments from every source with a tracking number, records each scan with its location, and holds the delivery against the ship-to', async () => {
    const shipped = new Date(Date.now() - 5 * DAY);
    const ups = validTrackingNumber('UPS');
    const fedex = '771234567890';
    const usps = validTrackingNumber('USPS');
    await parcel('UPS', ups, shipped);
    await parcel('FedEx', fedex, shipped, {
      fault: { fault: 'DELIVERED_ELSEWHERE', deliveredTo: { city: 'RENO', state: 'NV', zip: '89501', country: 'US' } },
    });
    await parcel('USPS', usps, shipped);
    // A hub confirmation is registered at once (the confirmation nudges the tracking job).
    const confirmed = await hubShipment(usps, shipped);
    await until(
      'the confirmed shipment registered',
      () => tracker(confirmed.shipmentId),
      (t) => t?.state === 'DONE',
    );
    const imported = await importedShipment({ carrier: 'UPS', trackingNumber: ups, shippedAt: shipped });
    const importedFreeText = await importedShipment({ carrier: 'FedEx', trackingNumber: fedex, shippedAt: shipped });
    // Not followed: no number, or shipped before the 60-day window.
    const noNumber = await importedShipment({ trackingNumber: null });
    const old = await importedShipment({
      trackingNumber: validTrackingNumber('UPS'),
      shippedAt: new Date(Date.now() - 70 * DAY),
    });

    expect(await registration().registerUntracked(new Date())).toEqual({ registered: 2, untrackable: 0, failed: 0 });
    expect(await registration().registerUntracked(new Date())).toEqual({ registered: 0, untrackable: 0, failed: 0 });
    expect(await tracker(noNumber.shipmentId)).toBeUndefined();
    expect(await tracker(old.shipmentId)).toBeUndefined();

    for (const s of [imported, importedFreeText, confirmed]) {
      const t = await tracker(s.shipmentId);
      expect(t).toMatchObject({ provider: 'EASYPOST', state: 'DONE', status: 'DELIVERED', next_poll_at: null });
      expect(t.provider_tracker_id).toMatch(/^trk_/);
      expect(t.first_scan_at).not.toBeNull();
      expect(t.checked_at).not.toBeNull();
    }
    expect(await tracker(imported.shipmentId)).toMatchObject({
      carrier: 'UPS',
      address_match: 'MATCH',
      delivery_zip: '78704',
    });
    expect(await tracker(importedFreeText.shipmentId)).toMatchObject({
      carrier: 'FedEx',
      address_match: 'MISMATCH',
      delivery_city: 'RENO',
      delivery_zip: '89501',
    });

    const upsEvents = await events(imported.shipmentId);
    const types = upsEvents.map((e) => e.type);
    expect(types.filter((t) => t !== 'STATUS').sort()).toEqual(['DELIVERED', 'DELIVERY_ATTEMPT', 'SCANNED']);
    expect(types.filter((t) => t === 'STATUS').length).toBeGreaterThanOrEqual(3);
    expect(upsEvents.every((e) => e.source === 'TRACKING_PROVIDER')).toBe(true);
    const scanned = upsEvents.find((e) => e.type === 'SCANNED')!;
    expect(scanned.status).not.toBe('PRE_TRANSIT');
    expect(scanned.city).toBeTruthy();
    expect(upsEvents.find((e) => e.type === 'DELIVERED')).toMatchObject({
      status: 'DELIVERED',
      city: 'AUSTIN',
      zip: '78704',
    });
    for (const e of upsEvents.filter((x) => x.type === 'STATUS')) expect(e.event_key).toMatch(/^STATUS:[A-Z_]+:\d{4}-/);

    // The hooks hear of each first scan and delivery once.
    for (const s of [imported, importedFreeText, confirmed]) {
      expect(firstScans.filter((n) => n.shipmentId === s.shipmentId)).toHaveLength(1);
      expect(deliveries.filter((n) => n.shipmentId === s.shipmentId)).toHaveLength(1);
    }

    const res = await app.gql(ORDER_TRACKING, { id: importedFreeText.orderId });
    expect(res.errors).toBeUndefined();
    const [shipment] = res.data!.order.shipments;
    expect(shipment.tracking).toMatchObject({
      state: 'DONE',
      status: 'DELIVERED',
      addressMatch: 'MISMATCH',
      deliveredTo: { city: 'RENO', state: 'NV', zip: '89501', country: 'US' },
      untrackableReason: null,
    });
    expect(shipment.tracking.publicUrl).toMatch(/^https?:\/\//);
    expect(shipment.carrierEvents.length).toBeGreaterThanOrEqual(4);
    expect(shipment.carrierEvents.every((e: { source: string }) => e.source === 'TRACKING_PROVIDER')).toBe(true);
    const at = shipment.carrierEvents.map((e: { occurredAt: string }) => e.occurredAt);
    expect([...at].sort()).toEqual(at);
    expect(shipment.carrierEvents.find((e: { type: string }) => e.type === 'DELIVERED').location).toEqual({
      city: 'RENO',
      state: 'NV',
      zip: '89501',
      country: 'US',
    });
    const untracked = await app.gql(ORDER_TRACKING, { id: noNumber.orderId });
    expect(untracked.data!.order.shipments[0]).toMatchObject({ tracking: null, carrierEvents: [] });
  });

  it('registers shipments confirmed from a CSV file and through an API token right after their confirmation', async () => {
    const shipped = new Date(Date.now() - 5 * DAY);
    const orderedAt = new Date(shipped.getTime() - DAY);
    const [csvOrder, apiOrder] = [
      anOrder({ orderedAt, acknowledgedAt: orderedAt }),
      anOrder({ orderedAt, acknowledgedAt: orderedAt }),
    ];
    const [csvOrderId, apiOrderId] = await insertOrders(app, account, [csvOrder, apiOrder]);
    const [csvCode, apiCode] = [validTrackingNumber('UPS'), validTrackingNumber('UPS')];
    await parcel('UPS', csvCode, shipped);
    await parcel('UPS', apiCode, shipped);

    const csv = ['Order Number,Line,Qty,Carrier,Tracking Number', `${csvOrder.channelOrderId},1,1,UPS,${csvCode}`].join(
      '\n',
    );
    const uploaded = await app.gql(
      `mutation($csv: String!) { confirmShipmentsCsv(csv: $csv) { applied rows { shipmentId } } }`,
      {
        csv,
      },
    );
    expect(uploaded.data!.confirmShipmentsCsv.applied).toBe(1);
    const created = await app.gql(
      `mutation($input: CreateApiTokenInput!) { createApiToken(input: $input) { token } }`,
      {
        input: { name: 'tracking-integration', role: 'OPERATOR' },
      },
    );
    const confirmed = await app.gql(
      `mutation($input: ShipmentInput!) { confirmShipment(input: $input) { shipment { id } } }`,
      {
        input: {
          orderId: apiOrderId,
          carrier: 'UPS',
          trackingNumber: apiCode,
          shippedAt: shipped.toISOString(),
          lines: [{ lineNumber: '1', quantity: 1 }],
        },
      },
      created.data!.createApiToken.token as string,
    );
    expect(confirmed.errors).toBeUndefined();
    for (const orderId of [csvOrderId, apiOrderId]) {
      const [shipment] = await app.ds.query(`SELECT id FROM shipment WHERE order_id = $1`, [orderId]);
      const t = await until(
        'registered after the confirmation',
        () => tracker(shipment.id),
        (row) => row?.state === 'DONE',
      );
      expect(t).toMatchObject({ carrier: 'UPS', address_match: 'MATCH' });
      expect((await events(shipment.id)).map((e) => e.type)).toContain('SCANNED');
    }
  });

  it('marks a number the provider refuses UNTRACKABLE and tells the operator it is a Walmart defect', async () => {
    const code = validTrackingNumber('UPS');
    await parcel('UPS', code, new Date(Date.now() - DAY), { fault: { fault: 'UNTRACKABLE' } });
    const s = await importedShipment({ carrier: 'UPS', trackingNumber: code, shippedAt: new Date(Date.now() - DAY) });
    // Registered by this call, or by the job an earlier confirmation queued: either way the same verdict.
    const outcome = await registration().registerUntracked(new Date());
    expect([outcome.registered, outcome.failed]).toEqual([0, 0]);
    const t = await tracker(s.shipmentId);
    expect(t).toMatchObject({ state: 'UNTRACKABLE', provider_tracker_id: null, next_poll_at: null });
    expect(t.untrackable_reason).toBeTruthy();
    const alerts = await app.ds.query(
      `SELECT kind, severity, message, action FROM alert WHERE order_id = $1 AND resolved_at IS NULL`,
      [s.orderId],
    );
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ kind: 'UNTRACKABLE_TRACKING', severity: 'HIGH' });
    expect(alerts[0].message).toContain(code);
    expect(alerts[0].message).toContain('Walmart');
    expect(alerts[0].action).toContain('correct the tracking');
    const res = await app.gql(ORDER_TRACKING, { id: s.orderId });
    expect(res.data!.order.shipments[0].tracking).toMatchObject({
      state: 'UNTRACKABLE',
      untrackableReason: t.untrackable_reason,
    });
  });

  it('registers nothing and guesses nothing while the provider is off', async () => {
    const off = await app.gql(`mutation { updateTrackingProvider(input: { enabled: false }) { enabled } }`);
    expect(off.errors).toBeUndefined();
    try {
      const code = validTrackingNumber('UPS');
      await parcel('UPS', code, new Date(Date.now() - DAY));
      const s = await importedShipment({ carrier: 'UPS', trackingNumber: code, shippedAt: new Date(Date.now() - DAY) });
      expect(await registration().registerUntracked(new Date())).toEqual({ registered: 0, untrackable: 0, failed: 0 });
      expect(await polling().pollDue(new Date(Date.now() + 30 * DAY))).toEqual({ polled: 0, failed: 0 });
      expect(await tracker(s.shipmentId)).toBeUndefined();
      expect(await events(s.shipmentId)).toEqual([]);
    } finally {
      await app.gql(`mutation { updateTrackingProvider(input: { enabled: true }) { enabled } }`);
    }
    expect(await registration().registerUntracked(new Date())).toMatchObject({ registered: 1 });
  });

  describe('webhooks', () => {
    let followed: { orderId: string; shipmentId: string };
    let trackerId: string;

    beforeAll(async () => {
      await easypost('webhooks', { webhook: { url: `${app.baseUrl}/webhooks/easypost`, webhook_secret: SECRET } });
      const code = validTrackingNumber('UPS');
      const shippedAt = new Date(sandbox.clock.now().getTime() - HOUR);
      await parcel('UPS', code, shippedAt);
      followed = await importedShipment({ carrier: 'UPS', trackingNumber: code, shippedAt });
      expect(await registration().registerUntracked(new Date())).toMatchObject({ registered: 1 });
      const t = await tracker(followed.shipmentId);
      expect(t).toMatchObject({ state: 'TRACKING', first_scan_at: null });
      trackerId = t.provider_tracker_id;
    });

    it('applies the signed tracker.updated posts the provider makes: the first scan lands through the inbox', async () => {
      sandbox.clock.advance(8 * HOUR);
      const delivered = await control('/easypost/webhooks/deliver');
      expect(delivered.events).toBeGreaterThan(0);
      await until(
        'first scan applied from the webhook',
        async () => (await events(followed.shipmentId)).filter((e) => e.type === 'SCANNED').length,
        (n) => n === 1,
      );
      expect(await tracker(followed.shipmentId)).toMatchObject({ state: 'TRACKING', status: 'IN_TRANSIT' });
      // Announced once the batch is committed.
      await until(
        'the first scan announced',
        () => Promise.resolve(firstScans.filter((n) => n.shipmentId === followed.shipmentId).length),
        (n) => n === 1,
      );
      const { deliveries: posts } = await control('/easypost/webhooks/deliveries', undefined, 'GET');
      expect(posts.some((d: { status: number | null }) => d.status === 200)).toBe(true);
    });

    it('answers 401 to a bad or missing signature and stores nothing', async () => {
      const before = await inboxCount();
      const body = JSON.stringify(await trackerEvent('evt_bad_signature'));
      expect((await postWebhook(body, 'hmac-sha256-hex=00ff')).status).toBe(401);
      expect((await postWebhook(body, null)).status).toBe(401);
      expect((await postWebhook(body, sign(body.replace('tracker.updated', 'tracker.updatex')))).status).toBe(401);
      expect(await inboxCount()).toBe(before);
      expect(await inboxCount('evt_bad_signature')).toBe(0);
    });

    it('stores and applies an event id once however often it is posted', async () => {
      // The simulated parcel is delivered at 14:00 UTC two days after shipping: three days on it is delivered
      // whatever the hour the test runs at (two days were not enough before 14:00 UTC).
      sandbox.clock.advance(3 * DAY);
      const body = JSON.stringify(await trackerEvent('evt_duplicate_1'));
      const answers = await Promise.all([postWebhook(body, sign(body)), postWebhook(body, sign(body))]);
      expect(answers.map((a) => a.status)).toEqual([200, 200]);
      expect((await postWebhook(body, sign(body))).status).toBe(200);
      expect(await inboxCount('evt_duplicate_1')).toBe(1);
      await until(
        'the event applied',
        async () =>
          (await app.ds.query(`SELECT processed_at FROM tracking_webhook_event WHERE id = 'evt_duplicate_1'`))[0]
            .processed_at,
        (at) => at !== null,
      );
      const t = await tracker(followed.shipmentId);
      expect(t).toMatchObject({ status: 'DELIVERED', address_match: 'MATCH' });
      const kinds = (await events(followed.shipmentId)).map((e) => e.type);
      expect(kinds.filter((k) => k === 'DELIVERED')).toHaveLength(1);
      await until(
        'the delivery announced',
        () => Promise.resolve(deliveries.filter((n) => n.shipmentId === followed.shipmentId).length),
        (n) => n === 1,
      );
    });

    it('keeps nothing of an event about a tracking code the hub does not follow', async () => {
      const event = await trackerEvent('evt_unknown_code');
      event.result = { ...event.result, id: 'trk_not_followed_by_the_hub', tracking_code: 'EZ9999999999X' };
      const body = JSON.stringify(event);
      expect((await postWebhook(body, sign(body))).status).toBe(200);
      await until(
        'the unknown event dropped',
        () => inboxCount('evt_unknown_code'),
        (n) => n === 0,
      );
      const found = await app.ds.query(
        `SELECT count(*)::int AS n FROM shipment_tracker WHERE tracking_code = 'EZ9999999999X'`,
      );
      expect(found[0].n).toBe(0);
    });

    it('backs off per tracker while the provider is down, and resumes when it is back', async () => {
      const now = new Date();
      const code = validTrackingNumber('UPS');
      await parcel('UPS', code, new Date(now.getTime() - HOUR));
      const pending = await importedShipment({
        carrier: 'UPS',
        trackingNumber: code,
        shippedAt: new Date(now.getTime() - HOUR),
      });
      const fault = sandbox.injectFault({ channel: 'EASYPOST', error503: 1 });
      try {
        // Polling the followed tracker: one failure, then two, each wait twice the last.
        const t0 = await tracker(followed.shipmentId);
        const due = new Date(new Date(t0.next_poll_at).getTime() + 1_000);
        expect((await polling().pollDue(due)).failed).toBeGreaterThan(0);
        const t1 = await tracker(followed.shipmentId);
        expect(t1.poll_failures).toBe(1);
        expect(t1.last_error).toBeTruthy();
        expect(new Date(t1.next_poll_at).getTime() - due.getTime()).toBe(60_000);
        const later = new Date(new Date(t1.next_poll_at).getTime() + 1_000);
        await polling().pollDue(later);
        const t2 = await tracker(followed.shipmentId);
        expect(t2.poll_failures).toBe(2);
        expect(new Date(t2.next_poll_at).getTime() - later.getTime()).toBe(120_000);
        const status = await app.gql(`{ trackingProvider { lastError lastErrorAt } }`);
        expect(status.data!.trackingProvider.lastError).toBeTruthy();

        // A registration that fails leaves a PENDING tracker that polling registers later.
        expect(await registration().registerUntracked(now)).toMatchObject({ registered: 0, failed: 1 });
        const p = await tracker(pending.shipmentId);
        expect(p).toMatchObject({ state: 'PENDING', poll_failures: 1 });
        expect(new Date(p.next_poll_at).getTime() - now.getTime()).toBe(60_000);
      } finally {
        sandbox.clearFaults(fault.id);
      }
      const back = new Date(new Date((await tracker(followed.shipmentId)).next_poll_at).getTime() + 1_000);
      expect((await polling().pollDue(back)).polled).toBeGreaterThanOrEqual(2);
      expect(await tracker(followed.shipmentId)).toMatchObject({ poll_failures: 0, last_error: null });
      const registered = await tracker(pending.shipmentId);
      expect(registered).toMatchObject({ poll_failures: 0, last_error: null });
      expect(registered.provider_tracker_id).toMatch(/^trk_/);
      expect(['TRACKING', 'DONE']).toContain(registered.state);
    });

    /** A tracker.updated event as EasyPost posts it, around the tracker as the provider serves it now. */
    async function trackerEvent(id: string): Promise<Record<string, any>> {
      const result = await easypost(`trackers/${trackerId}`);
      return {
        object: 'Event',
        id,
        mode: 'test',
        description: 'tracker.updated',
        previous_attributes: { status: 'in_transit' },
        pending_urls: [],
        completed_urls: [],
        created_at: new Date().toISOString(),
        updated_at: new Date().toISOString(),
        status: 'pending',
        user_id: 'user_test',
        result,
      };
    }
  });
});
