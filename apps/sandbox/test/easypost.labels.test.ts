import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import EasyPostClient from '@easypost/api';
import { easypostExample, keysBeyond, shapeDifferences } from '@order-hub/contracts';
import { createSandbox, type Sandbox } from '../src';
import { deliveryDate, priceCents, SERVICES, zoneOf } from '../src/easypost/rating';
import { startSandbox, T0 } from './helpers/sandbox';
import { control } from './helpers/control';

const HOUR = 3600 * 1000;
/** T0 is a Friday, 15:00 UTC. */
const FROM = {
  name: 'Order Hub Warehouse',
  street1: '417 Montgomery Street',
  street2: '5th Floor',
  city: 'San Francisco',
  state: 'CA',
  zip: '94104',
  country: 'US',
  phone: '4153334445',
};
const TO = {
  name: 'Dana Buyer',
  street1: '12 Meeting Street',
  city: 'Charleston',
  state: 'SC',
  zip: '29401',
  country: 'US',
};
const NEAR = { ...TO, street1: '179 N Harbor Dr', city: 'Redondo Beach', state: 'CA', zip: '90277' };
const PARCEL = { length: 10, width: 8, height: 4, weight: 24 };

/** The client's objects carry the request's `_params`; EasyPost's answer is the rest. */
const plain = (value: unknown): any => JSON.parse(JSON.stringify(value, (k, v) => (k === '_params' ? undefined : v)));
const examples = (...names: string[]) => names.map((n) => easypostExample(n).body);
/** The shipment examples, and a Tracker's own examples for the tracker a purchase embeds. */
const SHIPMENTS = [
  ...examples('shipments-create', 'shipments-retrieve', 'shipments-buy', 'shipments-label'),
  { tracker: easypostExample('trackers-create').body },
];

function sameShape(example: unknown, actual: unknown) {
  expect(shapeDifferences(example, plain(actual))).toEqual([]);
  expect(keysBeyond(SHIPMENTS, plain(actual))).toEqual([]);
}

/** A client error's EasyPost code and status, as the official client raises it. */
async function refusal(p: Promise<unknown>): Promise<{ status: number; code: string; message: string }> {
  try {
    await p;
  } catch (err) {
    const e = err as { statusCode: number; code: string; message: string };
    return { status: e.statusCode, code: e.code, message: e.message };
  }
  throw new Error('expected EasyPost to refuse');
}

describe('EasyPost simulator: shipments, rates, labels, refunds, address verification (official client)', () => {
  let sandbox: Sandbox;
  let client: any;

  beforeAll(async () => {
    sandbox = await startSandbox({ throttling: false });
    client = new EasyPostClient(sandbox.easypostApiKey, { baseUrl: sandbox.easypostBaseUrl });
  });
  afterAll(() => sandbox.close());
  beforeEach(async () => {
    sandbox.clock.set(T0);
    await control(sandbox, 'DELETE', '/easypost/label-faults');
  });

  const create = (
    to: Record<string, unknown> = { ...TO, verify: true },
    parcel = PARCEL,
    options: Record<string, unknown> = {},
  ) => client.Shipment.create({ from_address: FROM, to_address: to, parcel, options });

  it('rates a parcel with several carriers by weight and zone, shaped as the create example', async () => {
    const far = await create();
    sameShape(easypostExample('shipments-create').body, far);
    const services = far.rates.map((r: any) => `${r.carrier} ${r.service}`).sort();
    expect(services).toEqual(
      expect.arrayContaining([
        'UPS Ground',
        'UPS 2ndDayAir',
        'UPS NextDayAir',
        'USPS GroundAdvantage',
        'USPS Priority',
        'USPS Express',
        'FedEx FEDEX_GROUND',
        'FedEx FEDEX_2_DAY',
      ]),
    );
    for (const rate of far.rates) {
      expect(shapeDifferences(easypostExample('rates-retrieve').body, plain(rate))).toEqual([]);
      expect(rate.shipment_id).toBe(far.id);
      expect(rate.delivery_days).toBeGreaterThan(0);
      expect(Date.parse(rate.delivery_date)).toBeGreaterThan(T0.getTime());
    }
    const cents = (s: any, carrier: string, service: string) =>
      Math.round(Number(s.rates.find((r: any) => r.carrier === carrier && r.service === service).rate) * 100);
    const days = (s: any, carrier: string, service: string) =>
      s.rates.find((r: any) => r.carrier === carrier && r.service === service).delivery_days;
    // Across the country costs more and takes longer than next door; the next-day service arrives a day out.
    const near = await create({ ...NEAR, verify: true });
    expect(far.usps_zone).toBeGreaterThan(near.usps_zone);
    expect(cents(far, 'UPS', 'Ground')).toBeGreaterThan(cents(near, 'UPS', 'Ground'));
    expect(days(far, 'UPS', 'Ground')).toBeGreaterThan(days(near, 'UPS', 'Ground'));
    expect(days(far, 'UPS', 'NextDayAir')).toBe(1);
    // Heavier costs more.
    const heavy = await create(TO, { ...PARCEL, weight: 160 });
    expect(cents(heavy, 'USPS', 'Priority')).toBeGreaterThan(cents(far, 'USPS', 'Priority'));
    expect(far.messages).toEqual([]);
  });

  it('buys a rate: tracking code, tracker, label URL; the label is a real 4×6 PNG, PDF or ZPL', async () => {
    const shipment = await create();
    const ups = shipment.rates.find((r: any) => r.carrier === 'UPS' && r.service === 'Ground');
    const bought = await client.Shipment.buy(shipment.id, ups.id);
    sameShape(easypostExample('shipments-buy').body, bought);
    expect(bought.tracking_code).toMatch(/^1Z[0-9A-Z]{16}$/);
    expect(bought.selected_rate).toMatchObject({ id: ups.id, carrier: 'UPS', service: 'Ground' });
    expect(bought.tracker).toMatchObject({ tracking_code: bought.tracking_code, shipment_id: shipment.id });
    expect(bought.postage_label).toMatchObject({ label_size: '4x6', label_file_type: 'image/png' });
    const png = Buffer.from(await (await fetch(bought.postage_label.label_url)).arrayBuffer());
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([400, 600]);

    const pdf = await client.Shipment.convertLabelFormat(shipment.id, 'PDF');
    sameShape(easypostExample('shipments-label').body, pdf);
    const res = await fetch(pdf.postage_label.label_pdf_url);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const text = Buffer.from(await res.arrayBuffer()).toString('latin1');
    expect(text.startsWith('%PDF-1.4')).toBe(true);
    expect(text).toContain('/MediaBox [0 0 288 432]');
    expect(text).toContain(`TRACKING #: ${bought.tracking_code}`);
    // The cross-reference table points at each object.
    const xref = Number(/startxref\n(\d+)/.exec(text)?.[1]);
    expect(text.slice(xref, xref + 4)).toBe('xref');
    for (const [i, off] of [...text.matchAll(/^(\d{10}) 00000 n $/gm)].map((m, j) => [j + 1, Number(m[1])]))
      expect(text.slice(off, off + `${i} 0 obj`.length)).toBe(`${i} 0 obj`);

    const zpl = await client.Shipment.convertLabelFormat(shipment.id, 'ZPL');
    const zplText = await (await fetch(zpl.postage_label.label_zpl_url)).text();
    expect(zplText).toMatch(/^\^XA[\s\S]*\^BCN[\s\S]*\^XZ\n$/);
    expect(zplText).toContain(bought.tracking_code);

    // The carrier now holds the parcel: its tracker walks over the sandbox clock.
    sandbox.clock.advance(8 * HOUR);
    const tracker = await client.Tracker.retrieve(bought.tracker.id);
    expect(tracker.status).toBe('in_transit');
    expect(tracker.carrier_detail.origin_tracking_location).toMatchObject({ city: 'SAN FRANCISCO', state: 'CA' });

    expect(await refusal(client.Shipment.buy(shipment.id, ups.id))).toMatchObject({
      status: 422,
      code: 'SHIPMENT.POSTAGE.EXISTS',
    });
  });

  it('buys a label in the format asked at creation (options.label_format)', async () => {
    const shipment = await create(TO, PARCEL, { label_format: 'PDF' });
    const usps = shipment.rates.find((r: any) => r.carrier === 'USPS' && r.service === 'GroundAdvantage');
    const bought = await client.Shipment.buy(shipment.id, usps.id);
    expect(bought.tracking_code).toMatch(/^9400\d{18}$/);
    expect(bought.postage_label.label_file_type).toBe('application/pdf');
    const bytes = Buffer.from(await (await fetch(bought.postage_label.label_url)).arrayBuffer());
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('refunds an unscanned label (UPS at once, USPS submitted then refunded) and refuses a scanned one', async () => {
    const buy = async (carrier: string, service: string) => {
      const s = await create();
      return client.Shipment.buy(s.id, s.rates.find((r: any) => r.carrier === carrier && r.service === service).id);
    };
    const ups = await buy('UPS', 'Ground');
    const upsRefund = await client.Shipment.refund(ups.id);
    sameShape(easypostExample('shipments-buy').body, upsRefund);
    expect(upsRefund.refund_status).toBe('refunded');
    expect(await refusal(client.Shipment.refund(ups.id))).toMatchObject({ code: 'SHIPMENT.REFUND.UNAVAILABLE' });
    // A voided label is never scanned.
    sandbox.clock.advance(3 * 24 * HOUR);
    expect((await client.Tracker.retrieve(ups.tracker.id)).status).toBe('pre_transit');

    sandbox.clock.set(T0);
    const usps = await buy('USPS', 'Priority');
    expect((await client.Shipment.refund(usps.id)).refund_status).toBe('submitted');
    sandbox.clock.advance(25 * HOUR);
    expect((await client.Shipment.retrieve(usps.id)).refund_status).toBe('refunded');

    sandbox.clock.set(T0);
    const scanned = await buy('FedEx', 'FEDEX_GROUND');
    sandbox.clock.advance(7 * HOUR);
    const refused = await refusal(client.Shipment.refund(scanned.id));
    expect(refused).toMatchObject({ status: 422, code: 'SHIPMENT.REFUND.UNAVAILABLE' });
    expect(refused.message).toContain('already scanned');
  });

  it('verifies an address: a deliverable one comes back corrected (upper case, ZIP+4), another with its errors', async () => {
    const good = await client.Address.create({ ...TO, street1: '12 Meeting Street', street2: 'Apt. 4', verify: true });
    const verified = (easypostExample('addresses-verify').body as { address: unknown }).address;
    expect(shapeDifferences(easypostExample('addresses-verify-param').body, plain(good))).toEqual([]);
    expect(shapeDifferences(verified, plain(good))).toEqual([]);
    expect(keysBeyond([...examples('addresses-verify-param', 'addresses-create'), verified], plain(good))).toEqual([]);
    expect(good).toMatchObject({ street1: '12 MEETING ST APT 4', city: 'CHARLESTON', state: 'SC' });
    expect(good.zip).toMatch(/^29401-\d{4}$/);
    expect(good.verifications.delivery).toMatchObject({ success: true, errors: [] });
    expect(good.verifications.delivery.details.time_zone).toBe('America/New_York');

    const bad = await client.Address.create({ ...TO, street1: '000 unknown street', state: 'ZZ', verify: true });
    expect(shapeDifferences(easypostExample('addresses-verify-param').body, plain(bad))).toEqual([]);
    expect(bad.verifications.delivery.success).toBe(false);
    expect(bad.verifications.delivery.errors[0]).toMatchObject({ code: 'E.ADDRESS.NOT_FOUND', field: 'address' });
    expect(bad.street1).toBe('000 unknown street');

    const unverified = await client.Address.create({ ...TO });
    expect(plain(unverified).verifications).toEqual({});
    expect(shapeDifferences(easypostExample('addresses-create').body, plain(unverified))).toEqual([]);

    const strict = await fetch(`${sandbox.easypostBaseUrl}addresses`, {
      method: 'POST',
      headers: {
        Authorization: `Basic ${Buffer.from(`${sandbox.easypostApiKey}:`).toString('base64')}`,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({ address: { ...TO, zip: '00001' }, verify_strict: true }),
    });
    expect(strict.status).toBe(422);
    expect(shapeDifferences(easypostExample('addresses-verify-strict-param').body, await strict.json())).toEqual([]);
  });

  it('gives no rates, only carrier messages, for an address no carrier serves; UPS and FedEx skip a PO box', async () => {
    const nowhere = await create({ ...TO, state: 'ZZ', zip: '00001' });
    expect(nowhere.rates).toEqual([]);
    expect(nowhere.messages.map((m: any) => m.carrier).sort()).toEqual(['AmazonShipping', 'FedEx', 'UPS', 'USPS']);
    expect(nowhere.messages[0]).toMatchObject({ type: 'rate_error' });

    const box = await create({ ...TO, street1: 'PO Box 123' });
    expect(new Set(box.rates.map((r: any) => r.carrier))).toEqual(new Set(['USPS']));
    expect(box.messages.map((m: any) => m.carrier).sort()).toEqual(['AmazonShipping', 'FedEx', 'UPS']);
  });

  it('plays the planted label faults: unserviceable, rate expired, insufficient funds, carrier error, label fetch', async () => {
    const plant = (fault: string) => control(sandbox, 'POST', '/easypost/label-faults', { fault });
    expect((await control(sandbox, 'POST', '/easypost/label-faults', { fault: 'NOPE' })).status).toBe(400);

    await plant('ADDRESS_UNSERVICEABLE');
    expect((await create()).rates).toEqual([]);
    expect((await create()).rates.length).toBeGreaterThan(0);

    const shipment = await create();
    const rate = shipment.rates[0];
    await plant('RATE_EXPIRED');
    expect(await refusal(client.Shipment.buy(shipment.id, rate.id))).toMatchObject({
      status: 422,
      code: 'SHIPMENT.RATES.UNAVAILABLE',
    });
    await plant('INSUFFICIENT_FUNDS');
    expect(await refusal(client.Shipment.buy(shipment.id, rate.id))).toMatchObject({
      status: 402,
      code: 'PAYMENT_REQUIRED',
    });
    await plant('CARRIER_ERROR');
    expect(await refusal(client.Shipment.buy(shipment.id, rate.id))).toMatchObject({
      status: 422,
      code: 'SHIPMENT.POSTAGE.FAILURE',
    });
    expect(await refusal(client.Shipment.buy(shipment.id, 'rate_0123'))).toMatchObject({
      code: 'SHIPMENT.RATE.UNAVAILABLE',
    });
    const bought = await client.Shipment.buy(shipment.id, rate.id);
    await plant('LABEL_FETCH_FAILED');
    expect((await fetch(bought.postage_label.label_url)).status).toBe(500);
    expect((await fetch(bought.postage_label.label_url)).status).toBe(200);
  });

  it('retrieves a shipment as it was rated', async () => {
    const shipment = await create();
    const again = await client.Shipment.retrieve(shipment.id);
    sameShape(easypostExample('shipments-retrieve').body, again);
    expect(again.rates.map((r: any) => r.id)).toEqual(shipment.rates.map((r: any) => r.id));
  });
});

describe('the sandbox carriers’ delivery days and prices', () => {
  const at = (s: string) => Date.parse(s);
  it.each([
    ['a Friday before the cut-off, one day', '2026-11-20T15:00:00Z', 1, '2026-11-23'],
    ['a Friday after the cut-off, one day', '2026-11-20T22:00:00Z', 1, '2026-11-24'],
    ['a Saturday, two days', '2026-11-21T10:00:00Z', 2, '2026-11-25'],
    ['a Monday morning, three days', '2026-11-23T09:00:00Z', 3, '2026-11-26'],
  ])('%s arrives by the end of %s', (_what, now, days, day) => {
    expect(new Date(deliveryDate(at(now), days)).toISOString()).toBe(`${day}T23:59:59.000Z`);
  });

  it('prices by billable weight (dimensional for UPS) and zone', () => {
    const ups = SERVICES.find((s) => s.carrier === 'UPS' && s.service === 'Ground')!;
    const usps = SERVICES.find((s) => s.carrier === 'USPS' && s.service === 'GroundAdvantage')!;
    const small = { length: 4, width: 4, height: 4, weight: 16 };
    const bulky = { length: 20, width: 20, height: 20, weight: 16 };
    expect(priceCents(ups, small, 1)).toBe(920);
    expect(priceCents(ups, bulky, 1)).toBe(Math.round((9.2 + 0.75 * 57) * 100));
    expect(priceCents(usps, bulky, 1)).toBe(540);
    expect(priceCents(usps, small, 8)).toBe(Math.round((5.4 + 0.45 * 7) * 100));
    expect(priceCents(usps, { ...small, weight: 1121 }, 1)).toBeNull();
    expect([zoneOf('94104', '94105'), zoneOf('94104', '90277'), zoneOf('94104', '29401')]).toEqual([1, 1, 7]);
  });
});

describe('EasyPost shipments across restarts', () => {
  it('keeps shipments and bought labels in the snapshot file', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sandbox-easypost-labels-'));
    const snapshotFile = path.join(dir, 'state.json');
    try {
      const first = await createSandbox({ clock: T0, snapshotFile, throttling: false });
      const client1: any = new EasyPostClient(first.easypostApiKey, { baseUrl: first.easypostBaseUrl });
      const shipment = await client1.Shipment.create({ from_address: FROM, to_address: TO, parcel: PARCEL });
      const ups = shipment.rates.find((r: any) => r.carrier === 'UPS' && r.service === 'Ground');
      const bought = await client1.Shipment.buy(shipment.id, ups.id);
      await first.close();

      const second = await createSandbox({ clock: new Date(T0.getTime() + HOUR), snapshotFile, throttling: false });
      try {
        const client2: any = new EasyPostClient(second.easypostApiKey, { baseUrl: second.easypostBaseUrl });
        const again = await client2.Shipment.retrieve(shipment.id);
        expect(again.tracking_code).toBe(bought.tracking_code);
        const label = await fetch(again.postage_label.label_url);
        expect(label.status).toBe(200);
        expect((await client2.Shipment.refund(shipment.id)).refund_status).toBe('refunded');
      } finally {
        await second.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
