import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Sandbox } from '../src';
import { createSandbox } from '../src';
import type { WalmartOrder } from '../src/state/types';
import { mcfOrder } from './helpers/fixtures';
import { T0, amazonSeller, startSandbox, walmartSeller } from './helpers/sandbox';

const HOUR = 3600 * 1000;
const MCF = '/fba/outbound/2020-07-01';

function easypost(sandbox: Sandbox) {
  const authorization = `Basic ${Buffer.from(`${sandbox.easypostApiKey}:`).toString('base64')}`;
  return async (method: string, route: string, body?: unknown) => {
    const res = await fetch(`${sandbox.easypostBaseUrl}${route}`, {
      method,
      headers: { authorization, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as any };
  };
}

const parcelOf = async (sandbox: Sandbox, carrier: string, code: string) => {
  const res = await fetch(`${sandbox.controlBaseUrl}/easypost/parcels/${carrier}/${code}`);
  return { status: res.status, body: (await res.json()) as any };
};

describe('packages the sandbox ships become EasyPost parcels', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ throttling: false });
  });
  afterAll(() => sandbox.close());
  beforeEach(() => sandbox.clock.set(T0));

  it('an Amazon confirmShipment package: shipped at its shipDate, delivered at the order ship-to', async () => {
    const { client, orderIds } = await amazonSeller(sandbox, 1, {
      mix: { channelFulfilled: 0, multiLine: 0, multiQuantity: 0, intentToCancel: 0 },
    });
    const order = (await client.call('GET', `/orders/2026-01-01/orders/${orderIds[0]}`)).body.order;
    const code = '9400111899223197428490';
    const res = await client.call('POST', `/orders/v0/orders/${order.orderId}/shipmentConfirmation`, {
      marketplaceId: 'ATVPDKIKX0DER',
      packageDetail: {
        packageReferenceId: '1',
        carrierCode: 'USPS',
        trackingNumber: code,
        shipDate: T0.toISOString(),
        orderItems: [{ orderItemId: order.orderItems[0].orderItemId, quantity: 1 }],
      },
    });
    expect(res.status).toBe(204);
    const internal = sandbox.orderState('AMAZON', order.orderId).internal as { address: { postalCode: string } };
    const parcel = await parcelOf(sandbox, 'USPS', code);
    expect(parcel.status).toBe(200);
    expect(parcel.body).toMatchObject({ carrier: 'USPS', shippedAt: T0.getTime() });
    expect(parcel.body.shipTo.zip).toBe(internal.address.postalCode.slice(0, 5));

    const call = easypost(sandbox);
    const tracker = await call('POST', 'trackers', { tracker: { tracking_code: code, carrier: 'USPS' } });
    sandbox.clock.advance(3 * 24 * HOUR);
    const delivered = (await call('GET', `trackers/${tracker.body.id}`)).body;
    expect(delivered.status).toBe('delivered');
    expect(delivered.tracking_details.at(-1).tracking_location.zip).toBe(parcel.body.shipTo.zip);
  });

  it('MCF packages, once the warehouse ships them (AMZL_US numbers as AmazonShipping)', async () => {
    const { client, creds } = await amazonSeller(sandbox);
    sandbox.setMcfInventory(creds.accountId, 'SKU-EP', 10);
    expect((await client.call('POST', `${MCF}/fulfillmentOrders`, mcfOrder('EP-1', 'SKU-EP', 1, false))).status).toBe(
      200,
    );
    sandbox.clock.set(T0.getTime() + 25 * HOUR);
    await client.authenticate();
    const payload = (await client.call('GET', `${MCF}/fulfillmentOrders/EP-1`)).body.payload;
    const pkg = payload.fulfillmentShipments[0].fulfillmentShipmentPackage[0];
    const parcel = await parcelOf(sandbox, pkg.carrierCode, pkg.trackingNumber);
    expect(parcel.status).toBe(200);
    expect(parcel.body.shipTo).toEqual({ city: 'AUSTIN', state: 'TX', zip: '78704', country: 'US' });
    expect(parcel.body.carrier).toBe(pkg.carrierCode === 'AMZL_US' ? 'AmazonShipping' : pkg.carrierCode);
  });

  it('generated Walmart orders the seller already shipped (the hub imports them) are parcels too', async () => {
    const { orderIds } = await walmartSeller(sandbox, 40);
    const shipped = orderIds
      .map((id) => sandbox.orderState('WALMART', id).internal as WalmartOrder)
      .flatMap((o) => o.lines.flatMap((l) => l.buckets))
      .filter((b) => b.tracking && b.status === 'Shipped');
    expect(shipped.length).toBeGreaterThan(0);
    for (const bucket of shipped) {
      const parcel = await parcelOf(sandbox, bucket.tracking!.carrier!, bucket.tracking!.trackingNumber);
      expect([bucket.tracking!.trackingNumber, parcel.status]).toEqual([bucket.tracking!.trackingNumber, 200]);
    }
  });
});

describe('EasyPost state across restarts and on a real clock', () => {
  it('keeps parcels, trackers and webhooks in the snapshot file', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sandbox-easypost-'));
    const snapshotFile = path.join(dir, 'state.json');
    try {
      const first = await createSandbox({ clock: T0, snapshotFile, throttling: false });
      await fetch(`${first.controlBaseUrl}/easypost/parcels`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ carrier: 'UPS', trackingCode: '1Z999AA10123456784', fault: { fault: 'NO_SCAN' } }),
      });
      const created = await easypost(first)('POST', 'trackers', {
        tracker: { tracking_code: '1Z999AA10123456784', carrier: 'UPS' },
      });
      await easypost(first)('POST', 'webhooks', { webhook: { url: 'http://127.0.0.1:9/hook', webhook_secret: 's' } });
      await first.close();

      const second = await createSandbox({
        clock: new Date(T0.getTime() + 5 * 24 * HOUR),
        snapshotFile,
        throttling: false,
      });
      try {
        const again = await easypost(second)('GET', `trackers/${created.body.id}`);
        expect(again.body).toMatchObject({ id: created.body.id, status: 'pre_transit' });
        expect((await easypost(second)('GET', 'webhooks')).body.webhooks).toHaveLength(1);
        expect((await parcelOf(second, 'UPS', '1Z999AA10123456784')).body.fault).toEqual({ fault: 'NO_SCAN' });
      } finally {
        await second.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('posts due events on its own when the clock is real', async () => {
    const bodies: string[] = [];
    const server: Server = createServer((req, res) => {
      let data = '';
      req.on('data', (c: Buffer) => (data += c.toString('utf8')));
      req.on('end', () => {
        bodies.push(data);
        res.writeHead(200).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const sandbox = await createSandbox({ clock: 'real', throttling: false });
    try {
      const call = easypost(sandbox);
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
      await call('POST', 'webhooks', { webhook: { url } });
      const tracker = await call('POST', 'trackers', { tracker: { tracking_code: 'EZ4000000004', carrier: 'USPS' } });
      for (let i = 0; i < 100 && bodies.length === 0; i += 1) await new Promise((r) => setTimeout(r, 100));
      expect(bodies.map((b) => JSON.parse(b)).map((e) => [e.description, e.result.id])).toEqual([
        ['tracker.created', tracker.body.id],
      ]);
    } finally {
      await sandbox.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
