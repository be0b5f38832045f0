import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import EasyPostClient from '@easypost/api';
import type { Sandbox } from '../src';
import { SINGLE, shipLine, shipment } from './helpers/fixtures';
import { startSandbox, walmartSeller } from './helpers/sandbox';
import { control } from './helpers/control';

const HOUR = 3600 * 1000;

/** A webhook receiver that keeps each raw body and its headers, answering `answer()` (200 unless told). */
async function receiver(answer: () => number = () => 200) {
  const received: { body: string; headers: IncomingMessage['headers'] }[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ body: Buffer.concat(chunks).toString('utf8'), headers: req.headers });
      res.writeHead(answer()).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/easypost`;
  return { received, url, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describe('EasyPost simulator through the official client (@easypost/api)', () => {
  let sandbox: Sandbox;
  let client: InstanceType<typeof EasyPostClient>;

  beforeAll(async () => {
    sandbox = await startSandbox({ throttling: false });
    client = new EasyPostClient(sandbox.easypostApiKey, { baseUrl: sandbox.easypostBaseUrl });
  });
  afterAll(() => sandbox.close());

  it('creates a tracker for a Walmart shipment, returns the same one again, and walks it over the sandbox clock', async () => {
    const { client: walmart, orderIds } = await walmartSeller(sandbox, 1, { mix: SINGLE.mix });
    const po = orderIds[0];
    const ack = await walmart.call('POST', `/v3/orders/${po}/acknowledge`);
    const order = ack.body.order;
    const lines = order.orderLines.orderLine;
    const code = '1Z999AA10123456784';
    const shipped = await walmart.call(
      'POST',
      `/v3/orders/${po}/shipping`,
      shipment(...lines.map((l: any) => shipLine(l.lineNumber, Number(l.orderLineQuantity.amount)))),
    );
    expect(shipped.status).toBe(200);
    const shipTo = order.shippingInfo.postalAddress;

    const created = await client.Tracker.create({ tracking_code: code, carrier: 'UPS' });
    expect(created.id).toMatch(/^trk_[0-9a-f]{32}$/);
    expect(created.status).toBe('pre_transit');
    expect(created.tracking_details).toHaveLength(1);
    const again = await client.Tracker.create({ tracking_code: code, carrier: 'UPS' });
    expect(again.id).toBe(created.id);

    sandbox.clock.advance(7 * HOUR);
    const scanned = await client.Tracker.retrieve(created.id);
    expect(scanned.status).toBe('in_transit');
    expect(scanned.tracking_details[1].message).toBe('Origin Scan');
    expect(scanned.tracking_details[1].tracking_location.city).toBe(
      scanned.carrier_detail.origin_tracking_location.city,
    );

    sandbox.clock.advance(3 * 24 * HOUR);
    const delivered = await client.Tracker.retrieve(created.id);
    expect(delivered.status).toBe('delivered');
    const last = delivered.tracking_details[delivered.tracking_details.length - 1];
    expect(last.tracking_location).toMatchObject({
      city: shipTo.city.toUpperCase(),
      state: shipTo.state,
      zip: shipTo.postalCode.slice(0, 5),
    });
    expect(delivered.carrier_detail.initial_delivery_attempt).toBe(last.datetime);
    expect(delivered.tracking_details.map((d: any) => d.status)).toEqual([
      'pre_transit',
      'in_transit',
      'in_transit',
      'out_for_delivery',
      'delivered',
    ]);
  });

  it('lists by tracking_codes as the client sends them (repeated keys), pages with before_id and has_more', async () => {
    const codes = ['EZ1000000001', 'EZ2000000002', 'EZ3000000003', 'EZ4000000004'];
    for (const code of codes) await client.Tracker.create({ tracking_code: code, carrier: 'USPS' });
    // tracking_codes is the API's list filter; the client's types name only tracking_code.
    const first = await client.Tracker.all({ tracking_codes: codes, page_size: 3 } as any);
    expect(first.trackers.map((t: any) => t.tracking_code)).toEqual(['EZ4000000004', 'EZ3000000003', 'EZ2000000002']);
    expect(first.has_more).toBe(true);
    const next = await client.Tracker.getNextPage(first, 3);
    expect(next.trackers.map((t: any) => t.tracking_code)).toEqual(['EZ1000000001']);
    expect(next.has_more).toBe(false);
    const one = await client.Tracker.all({ tracking_code: 'EZ4000000004', carrier: 'USPS' });
    expect(one.trackers).toHaveLength(1);
    expect(one.trackers[0].status).toBe('delivered');
  });

  it('walks the test codes to the statuses EasyPost documents', async () => {
    const expected: Record<string, string> = {
      EZ1000000001: 'pre_transit',
      EZ2000000002: 'in_transit',
      EZ3000000003: 'out_for_delivery',
      EZ4000000004: 'delivered',
      EZ5000000005: 'return_to_sender',
      EZ6000000006: 'failure',
      EZ7000000007: 'unknown',
    };
    for (const [code, status] of Object.entries(expected)) {
      const t = await client.Tracker.create({ tracking_code: code, carrier: 'USPS' });
      expect([code, t.status]).toEqual([code, status]);
    }
  });

  it('refuses a code no carrier can match, and a wrong key, with EasyPost errors the client raises', async () => {
    await expect(client.Tracker.create({ tracking_code: 'NOT-A-PARCEL-42' })).rejects.toMatchObject({
      statusCode: 422,
      code: 'TRACKER.NO_CARRIER_FOR_CODE',
      message: 'The tracking code cannot be matched to a supported carrier.',
    });
    const stranger = new EasyPostClient('EZTK_wrong', { baseUrl: sandbox.easypostBaseUrl });
    await expect(stranger.Tracker.all({})).rejects.toMatchObject({ statusCode: 401, code: 'UNAUTHORIZED' });
  });

  it('posts signed tracker.created and tracker.updated events that the client validates, retrying failures', async () => {
    let failNext = 1;
    const hook = await receiver(() => (failNext-- > 0 ? 500 : 200));
    try {
      const secret = 'sécret-ﬁ';
      const webhook = await client.Webhook.create({ url: hook.url, webhook_secret: secret });
      expect(webhook.id).toMatch(/^hook_/);
      const code = '9400111899223197428490';
      expect(
        (await control(sandbox, 'POST', '/easypost/parcels', { carrier: 'USPS', trackingCode: code })).status,
      ).toBe(201);
      const tracker = await client.Tracker.create({ tracking_code: code, carrier: 'USPS' });
      sandbox.clock.advance(7 * HOUR);
      const first = await control(sandbox, 'POST', '/easypost/webhooks/deliver');
      expect(first.body).toMatchObject({ attempted: 2, delivered: 1, failed: 1, pending: 1 });
      sandbox.clock.advance(60_000);
      const retry = await control(sandbox, 'POST', '/easypost/webhooks/deliver');
      expect(retry.body).toMatchObject({ attempted: 1, delivered: 1, failed: 0, pending: 0 });

      const events = hook.received.map((r) => client.Utils.validateWebhook(Buffer.from(r.body), r.headers, secret));
      const byKind = events.map((e: any) => [e.description, e.previous_attributes.status ?? null, e.result.status]);
      expect(byKind).toEqual(
        expect.arrayContaining([
          ['tracker.created', null, 'pre_transit'],
          ['tracker.updated', 'pre_transit', 'in_transit'],
        ]),
      );
      expect(events.every((e: any) => e.object === 'Event' && e.result.id === tracker.id)).toBe(true);
      expect(() =>
        client.Utils.validateWebhook(Buffer.from(hook.received[0].body), hook.received[0].headers, 'other'),
      ).toThrow();

      const { body } = await control(sandbox, 'GET', '/easypost/webhooks/deliveries');
      const attempts = body.deliveries.filter((d: any) => d.url === hook.url);
      expect(attempts.map((d: any) => [d.attempt, d.status])).toEqual(
        expect.arrayContaining([
          [1, 500],
          [2, 200],
        ]),
      );
      // The client's types say void; the call is a promise.
      await (client.Webhook.delete(webhook.id) as unknown as Promise<void>);
      expect((await client.Webhook.all()).webhooks).toEqual([]);
    } finally {
      await hook.close();
    }
  });
});
