import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { easypostExample, keysBeyond, shapeDifferences } from '@order-hub/contracts';
import { checkTrackingNumber } from '@order-hub/rules';
import { createSandbox, type Sandbox } from '@order-hub/sandbox';
import type { LabelParcel, PostalAddress } from '@order-hub/types';
import { EasyPostLabelSeller } from '../src/modules/carrier-tracking/provider/easypost/easypost-labels';
import { TrackingProviderService } from '../src/modules/carrier-tracking/provider/tracking-provider.service';
import { TrackingProviderSettingsService } from '../src/modules/carrier-tracking/provider/tracking-provider-settings.service';
import { LabelError, type LabelRateRequest } from '../src/modules/labels/label-seller';
import { startTestApp, type TestApp } from './support/test-app';
import { testDatabases } from './support/test-databases';

const HOUR = 3600_000;
/** A Monday afternoon. */
const START = new Date('2026-11-30T15:00:00Z');
const CONTROL_KEY = 'easypost-labels-test';

const SHIP_FROM: PostalAddress = {
  name: 'Order Hub Warehouse',
  line1: '417 Montgomery Street',
  line2: '5th Floor',
  city: 'San Francisco',
  stateOrRegion: 'CA',
  postalCode: '94104',
  countryCode: 'US',
  phone: '4153334445',
};
const SHIP_TO: PostalAddress = {
  name: 'Dana Buyer',
  line1: '12 Meeting Street',
  line2: 'Apt. 4',
  city: 'Charleston',
  stateOrRegion: 'SC',
  postalCode: '29401',
  countryCode: 'US',
};
const PARCEL: LabelParcel = { lengthIn: 10, widthIn: 8, heightIn: 4, weightOz: 24 };

function request(shipTo: PostalAddress = SHIP_TO): LabelRateRequest {
  return {
    channelOrderId: '1796277083022',
    shipFrom: SHIP_FROM,
    shipTo,
    parcel: PARCEL,
    items: [{ channelLineId: '1', sku: 'MUG-01', title: 'Mug', quantity: 1, unitValueCents: 1299, currency: 'USD' }],
    shipBy: null,
    deliverBy: null,
  };
}

async function control(sandbox: Sandbox, method: string, path: string, body?: unknown) {
  const res = await fetch(`${sandbox.controlBaseUrl}${path}`, {
    method,
    headers: { 'x-sandbox-key': CONTROL_KEY, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  expect(res.status).toBeLessThan(300);
  return (await res.json()) as Record<string, unknown>;
}

interface Recorded {
  method: string;
  path: string;
  status: number;
  body: unknown;
}

/** Passes every call to the sandbox's EasyPost on unchanged and keeps each answer, to hold it to the examples. */
async function recordingProxy(target: string) {
  const calls: Recorded[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const headers = Object.fromEntries(
        Object.entries(req.headers).filter(
          (e): e is [string, string] => typeof e[1] === 'string' && e[0] !== 'host' && e[0] !== 'content-length',
        ),
      );
      fetch(`${target}${req.url ?? ''}`, {
        method: req.method,
        headers,
        body: body.length > 0 ? body : undefined,
      })
        .then(async (answer) => {
          const text = await answer.text();
          calls.push({
            method: req.method ?? 'GET',
            path: (req.url ?? '').split('?')[0],
            status: answer.status,
            body: JSON.parse(text) as unknown,
          });
          res.writeHead(answer.status, { 'content-type': 'application/json' }).end(text);
        })
        .catch((err: unknown) => res.writeHead(502).end(String(err)));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { calls, url, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const body = (name: string) => easypostExample(name).body as Record<string, any>;
/**
 * The shipment examples were made with a verified to_address; the hub verifies the address on its own call
 * (verifyAddress) and rates the address the operator chose, so its shipments' addresses carry no verifications, as
 * the from_address of the same examples shows.
 */
function unverified(example: Record<string, any>) {
  const copy = structuredClone(example);
  for (const k of ['to_address', 'buyer_address']) copy[k].verifications = {};
  return copy;
}
const SHIPMENT_EXAMPLES = ['shipments-create', 'shipments-retrieve', 'shipments-buy', 'shipments-label'].map(body);
const ERROR_EXAMPLE = body('addresses-verify-strict-param');

/** Which example each call's answer is held to. */
function exampleFor(call: Recorded): { example: unknown; others: unknown[] } {
  if (call.status >= 400)
    return { example: { error: { ...ERROR_EXAMPLE.error, errors: [] } }, others: [ERROR_EXAMPLE] };
  const shipment = (name: string) => ({
    example: unverified(body(name)),
    others: [...SHIPMENT_EXAMPLES, { tracker: body('trackers-create') }],
  });
  if (call.method === 'POST' && call.path === '/v2/shipments') return shipment('shipments-create');
  if (call.method === 'GET' && /^\/v2\/shipments\/[^/]+$/.test(call.path)) return shipment('shipments-retrieve');
  if (/\/buy$/.test(call.path) || /\/refund$/.test(call.path)) return shipment('shipments-buy');
  if (/\/label$/.test(call.path)) return shipment('shipments-label');
  if (call.path === '/v2/addresses')
    return {
      example: body('addresses-verify-param'),
      others: [body('addresses-verify-param'), body('addresses-create'), body('addresses-verify').address],
    };
  throw new Error(`no example for ${call.method} ${call.path}`);
}

async function refused(p: Promise<unknown>): Promise<LabelError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(LabelError);
  return err as LabelError;
}

describe('EasyPostLabelSeller against the sandbox', () => {
  let sandbox: Sandbox;
  let proxy: Awaited<ReturnType<typeof recordingProxy>>;
  let seller: EasyPostLabelSeller;

  beforeAll(async () => {
    sandbox = await createSandbox({ clock: START, throttling: false, controlApiKey: CONTROL_KEY });
    proxy = await recordingProxy(new URL(sandbox.easypostBaseUrl).origin + '/easypost');
    seller = new EasyPostLabelSeller({ apiKey: sandbox.easypostApiKey, baseUrl: `${proxy.url}/v2/`, timeoutMs: 5_000 });
  });
  afterEach(async () => {
    // Every answer the seller read is shaped as EasyPost's examples.
    for (const call of proxy.calls.splice(0)) {
      const { example, others } = exampleFor(call);
      expect({ call: `${call.method} ${call.path}`, d: shapeDifferences(example, call.body) }).toEqual({
        call: `${call.method} ${call.path}`,
        d: [],
      });
      expect(keysBeyond(others, call.body)).toEqual([]);
    }
    sandbox.clock.set(START);
    await control(sandbox, 'DELETE', '/easypost/label-faults');
    await control(sandbox, 'DELETE', '/faults');
  });
  afterAll(async () => {
    await proxy?.close();
    await sandbox?.close();
  });

  it('rates a package with several carriers, in cents and with the promised delivery day', async () => {
    const quote = await seller.rates(request());
    expect(seller.confirmsShipment).toBe(false);
    expect(quote.requestToken).toMatch(/^shp_/);
    expect(quote.ineligible).toEqual([]);
    // The call went through the recording proxy, so afterEach holds its answer to the example.
    expect(proxy.calls.map((c) => `${c.method} ${c.path} ${c.status}`)).toEqual(['POST /v2/shipments 201']);
    const names = quote.rates.map((r) => r.serviceName);
    expect(names).toEqual(
      expect.arrayContaining(['UPS Ground', 'UPS Next Day Air', 'USPS Ground Advantage', 'FedEx 2Day']),
    );
    const ups = quote.rates.find((r) => r.serviceName === 'UPS Ground')!;
    expect(ups).toMatchObject({ carrier: 'UPS', carrierName: 'UPS', service: 'Ground', currency: 'USD' });
    expect(Number.isInteger(ups.amountCents) && ups.amountCents > 0).toBe(true);
    expect(Date.parse(ups.deliverBy!)).toBeGreaterThan(START.getTime());
    expect(ups.deliveryDays).toBeGreaterThan(0);
    const amazon = quote.rates.find((r) => r.carrierName === 'Amazon Shipping');
    expect(amazon?.carrier).toBe('AMAZON_LOGISTICS');
    const nextDay = quote.rates.find((r) => r.serviceName === 'UPS Next Day Air')!;
    expect(nextDay.amountCents).toBeGreaterThan(ups.amountCents);
    expect(Date.parse(nextDay.deliverBy!)).toBeLessThan(Date.parse(ups.deliverBy!));
  });

  it('buys a UPS label: tracking number, cost, and the PDF document; reprints it as ZPL and PNG', async () => {
    const quote = await seller.rates(request());
    const ups = quote.rates.find((r) => r.serviceName === 'UPS Ground')!;
    const label = await seller.purchase({
      requestToken: quote.requestToken,
      rateId: ups.rateId,
      format: 'PDF',
      idempotencyKey: 'order-1:0',
    });
    expect(label).toMatchObject({
      providerShipmentId: quote.requestToken,
      carrier: 'UPS',
      service: 'Ground',
      serviceName: 'UPS Ground',
      amountCents: ups.amountCents,
      currency: 'USD',
      format: 'PDF',
    });
    expect(label.trackingNumber).toMatch(/^1Z[0-9A-Z]{16}$/);
    const pdf = Buffer.from(label.document).toString('latin1');
    expect(pdf.startsWith('%PDF-')).toBe(true);
    expect(pdf).toContain('/MediaBox [0 0 288 432]');
    expect(pdf).toContain(label.trackingNumber);

    // A second click with the same rate is the same purchase.
    const again = await seller.purchase({
      requestToken: quote.requestToken,
      rateId: ups.rateId,
      format: 'PDF',
      idempotencyKey: 'order-1:0',
    });
    expect(again.trackingNumber).toBe(label.trackingNumber);

    const zpl = Buffer.from(await seller.document(label.providerShipmentId, 'ZPL')).toString('latin1');
    expect(zpl).toMatch(/^\^XA[\s\S]*\^XZ/);
    expect(zpl).toContain(label.trackingNumber);
    const png = Buffer.from(await seller.document(label.providerShipmentId, 'PNG'));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');

    // The carrier holds the parcel: its tracker is scanned within hours.
    sandbox.clock.advance(8 * HOUR);
    const parcel = await control(sandbox, 'GET', `/easypost/parcels/UPS/${label.trackingNumber}`);
    expect(parcel).toMatchObject({ carrier: 'UPS', trackingCode: label.trackingNumber });
  });

  it.each(['UPS Ground', 'USPS Priority Mail', 'FedEx Ground', 'Amazon Shipping Ground'])(
    "a %s label has a tracking number with its carrier's layout and check digit",
    async (serviceName) => {
      const quote = await seller.rates(request());
      const rate = quote.rates.find((r) => r.serviceName === serviceName)!;
      const label = await seller.purchase({
        requestToken: quote.requestToken,
        rateId: rate.rateId,
        format: 'PNG',
        idempotencyKey: serviceName,
      });
      expect(checkTrackingNumber(label.trackingNumber, label.carrier)).toMatchObject({ valid: true, violations: [] });
    },
  );

  it('voids an unscanned label (UPS at once, USPS as a submitted refund), the same void again as done, and refuses a scanned one', async () => {
    const buy = async (serviceName: string) => {
      const quote = await seller.rates(request());
      const rate = quote.rates.find((r) => r.serviceName === serviceName)!;
      return seller.purchase({
        requestToken: quote.requestToken,
        rateId: rate.rateId,
        format: 'PNG',
        idempotencyKey: serviceName,
      });
    };
    const ups = await buy('UPS Ground');
    expect(await seller.void(ups.providerShipmentId)).toEqual({ status: 'VOIDED' });
    // EasyPost refuses a second refund ("already requested"): asked again (a retry, an interrupted void), it is the
    // void already done.
    expect(await seller.void(ups.providerShipmentId)).toEqual({ status: 'VOIDED' });

    const usps = await buy('USPS Priority Mail');
    expect(usps.carrier).toBe('USPS');
    expect(await seller.void(usps.providerShipmentId)).toEqual({ status: 'SUBMITTED' });

    const fedex = await buy('FedEx Ground');
    sandbox.clock.advance(7 * HOUR);
    const scanned = await refused(seller.void(fedex.providerShipmentId));
    expect(scanned.code).toBe('VOID_REFUSED');
    expect(scanned.message).toBe(
      'The label cannot be voided: The label cannot be refunded: FedEx has already scanned the parcel.',
    );
  });

  it('verifies an address: a correction to suggest, or what could not be confirmed', async () => {
    const good = await seller.verifyAddress(SHIP_TO);
    expect(good.verified).toBe(true);
    expect(good.problems).toEqual([]);
    expect(good.suggested).toMatchObject({
      name: 'Dana Buyer',
      line1: '12 MEETING ST APT 4',
      line2: null,
      city: 'CHARLESTON',
      stateOrRegion: 'SC',
      countryCode: 'US',
    });
    expect(good.suggested?.postalCode).toMatch(/^29401-\d{4}$/);

    // Already standard: nothing to suggest.
    const standard = await seller.verifyAddress(good.suggested!);
    expect(standard).toEqual({ verified: true, suggested: null, problems: [] });

    const bad = await seller.verifyAddress({ ...SHIP_TO, line1: 'Meeting Street', stateOrRegion: 'ZZ' });
    expect(bad).toEqual({ verified: false, suggested: null, problems: ['Address not found'] });
  });

  it('an address no carrier serves gets no rates: ADDRESS_UNSERVICEABLE naming the carriers', async () => {
    const err = await refused(seller.rates(request({ ...SHIP_TO, stateOrRegion: 'ZZ', postalCode: '00001' })));
    expect(err.code).toBe('ADDRESS_UNSERVICEABLE');
    expect(err.message).toMatch(/^No carrier can deliver this package to the address \(USPS: Unable to deliver/);
    await control(sandbox, 'POST', '/easypost/label-faults', { fault: 'ADDRESS_UNSERVICEABLE' });
    expect((await refused(seller.rates(request()))).code).toBe('ADDRESS_UNSERVICEABLE');
    // A PO box: UPS and FedEx decline, USPS rates it.
    const box = await seller.rates(request({ ...SHIP_TO, line1: 'PO Box 123', line2: null }));
    expect(new Set(box.rates.map((r) => r.carrier))).toEqual(new Set(['USPS']));
    expect(box.ineligible.map((i) => i.carrierName).sort()).toEqual(['Amazon Shipping', 'FedEx', 'UPS']);
    expect(box.ineligible[0].reason).toMatch(/PO boxes/);
  });

  it.each([
    ['RATE_EXPIRED', 'RATE_EXPIRED', 'That rate is no longer available. Get rates again and pick one.'],
    [
      'INSUFFICIENT_FUNDS',
      'PURCHASE_REFUSED',
      'EasyPost refused the purchase: the account has insufficient funds. Add funds to the EasyPost wallet and buy again.',
    ],
    [
      'CARRIER_ERROR',
      'PURCHASE_REFUSED',
      'The carrier refused the purchase: UPS: the carrier could not create the label right now. Please try again later.',
    ],
  ])('a purchase the sandbox refuses with %s is %s, and nothing is bought', async (fault, code, message) => {
    const quote = await seller.rates(request());
    const ups = quote.rates.find((r) => r.serviceName === 'UPS Ground')!;
    await control(sandbox, 'POST', '/easypost/label-faults', { fault });
    const err = await refused(
      seller.purchase({ requestToken: quote.requestToken, rateId: ups.rateId, format: 'PDF', idempotencyKey: fault }),
    );
    expect({ code: err.code, message: err.message }).toEqual({ code, message });
    expect(err.providerMessage).toBeTruthy();
    // Nothing was bought: the same rate buys once the fault is gone.
    const label = await seller.purchase({
      requestToken: quote.requestToken,
      rateId: ups.rateId,
      format: 'PDF',
      idempotencyKey: fault,
    });
    expect(label.trackingNumber).toMatch(/^1Z/);
  });

  it('a rate id the shipment never had is RATE_EXPIRED', async () => {
    const quote = await seller.rates(request());
    const err = await refused(
      seller.purchase({ requestToken: quote.requestToken, rateId: 'rate_0', format: 'PDF', idempotencyKey: 'x' }),
    );
    expect(err.code).toBe('RATE_EXPIRED');
  });

  it('a label whose file cannot be downloaded is still bought (empty document); the reprint fails as DOCUMENT_FAILED, then works', async () => {
    const quote = await seller.rates(request());
    const usps = quote.rates.find((r) => r.serviceName === 'USPS Ground Advantage')!;
    await control(sandbox, 'POST', '/easypost/label-faults', { fault: 'LABEL_FETCH_FAILED', times: 2 });
    const label = await seller.purchase({
      requestToken: quote.requestToken,
      rateId: usps.rateId,
      format: 'PDF',
      idempotencyKey: 'fetch',
    });
    expect(label.trackingNumber).toMatch(/^9400\d{18}$/);
    expect(label.document.length).toBe(0);

    await control(sandbox, 'POST', '/easypost/label-faults', { fault: 'LABEL_FETCH_FAILED' });
    const err = await refused(seller.document(label.providerShipmentId, 'PDF'));
    expect(err).toMatchObject({
      code: 'DOCUMENT_FAILED',
      message: 'The label file could not be downloaded from EasyPost. Reprint it in a moment.',
      providerMessage: 'HTTP 500 from the label file host',
    });
    const reprint = Buffer.from(await seller.document(label.providerShipmentId, 'PDF'));
    expect(reprint.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('a 429 (the budget shared with tracker polling) is asked again, so a throttled void still voids', async () => {
    const { rates, requestToken } = await seller.rates(request());
    const label = await seller.purchase({
      requestToken,
      rateId: rates[0].rateId,
      format: 'PDF',
      idempotencyKey: 'k429',
    });
    await control(sandbox, 'POST', '/faults', {
      channel: 'EASYPOST',
      route: `/easypost/v2/shipments/${label.providerShipmentId}/refund`,
      error429: 1,
      times: 2,
    });
    expect((await seller.void(label.providerShipmentId)).status).toMatch(/^(VOIDED|SUBMITTED)$/);
  });

  it('EasyPost down is UNAVAILABLE and a refused key NOT_CONFIGURED', async () => {
    await control(sandbox, 'POST', '/faults', {
      channel: 'EASYPOST',
      route: '/easypost/v2/shipments',
      error503: 1,
      times: 1,
    });
    const down = await refused(seller.rates(request()));
    expect(down.code).toBe('UNAVAILABLE');
    expect(down.message).toBe(
      'EasyPost is busy or unavailable getting rates; nothing was changed. Try again in a moment.',
    );

    const stranger = new EasyPostLabelSeller({ apiKey: 'EZTK_wrong', baseUrl: `${proxy.url}/v2/`, timeoutMs: 5_000 });
    const key = await refused(stranger.rates(request()));
    expect(key.code).toBe('NOT_CONFIGURED');
    expect(key.message).toContain("Check the tracking provider's API key");
  });
});

describe.each(testDatabases())("the tracking provider's label seller on %s", (kind) => {
  let sandbox: Sandbox;
  let app: TestApp;

  beforeAll(async () => {
    sandbox = await createSandbox({ clock: START, throttling: false, controlApiKey: CONTROL_KEY });
    app = await startTestApp(kind, {
      EASYPOST_API_KEY: sandbox.easypostApiKey,
      EASYPOST_BASE_URL: sandbox.easypostBaseUrl,
    });
  });
  afterAll(async () => {
    await app?.close();
    await sandbox?.close();
  });

  it('is the provider with its key and base URL while it is on, and none while it is off', async () => {
    const providers = app.running.app.get(TrackingProviderService);
    const seller = await providers.labelSeller();
    expect(seller).not.toBeNull();
    expect(seller!.confirmsShipment).toBe(false);
    const quote = await seller!.rates(request());
    expect(quote.rates.length).toBeGreaterThan(0);

    const settings = app.running.app.get(TrackingProviderSettingsService);
    await settings.update({ enabled: false }, 'test');
    expect(await providers.labelSeller()).toBeNull();
    await settings.update({ enabled: true }, 'test');
    expect(await providers.labelSeller()).not.toBeNull();
  });
});
