import { checkResponse, findOperation } from '@order-hub/contracts';
import { createSandbox, type Sandbox } from '@order-hub/sandbox';
import type { LabelParcel, PostalAddress } from '@order-hub/types';
import { AmazonAdapter } from '../src/modules/channels/amazon/amazon.adapter';
import { LabelError, type LabelRateRequest } from '../src/modules/labels/label-seller';
import { contractViolations, type RecordedRequest } from './support/request-contract';

const T0 = new Date('2026-11-20T15:00:00.000Z');
const SHIP_FROM: PostalAddress = {
  name: 'Order Hub Warehouse',
  line1: '100 Main St',
  city: 'Columbus',
  stateOrRegion: 'OH',
  postalCode: '43215',
  countryCode: 'US',
  phone: '+1 614-555-0100',
};
const PARCEL: LabelParcel = { lengthIn: 10, widthIn: 8, heightIn: 4, weightOz: 24 };

interface SandboxAmazonOrder {
  orderId: string;
  address: {
    name: string;
    addressLine1: string;
    city: string;
    stateOrRegion: string;
    postalCode: string;
    countryCode: string;
  };
  items: { orderItemId: string; sellerSku: string; title: string; quantity: number; unitPrice: string }[];
  packages: { carrierCode: string; carrierName?: string; trackingNumber: string; shippingMethod?: string }[];
}

interface Exchange {
  request: RecordedRequest;
  status: number;
  body: unknown;
}

/** Records each call to the sandbox's Amazon API with its answer, so both sides are held to the model. */
function recordExchanges(origin: string): { exchanges: Exchange[]; restore(): void } {
  const original = globalThis.fetch;
  const exchanges: Exchange[] = [];
  globalThis.fetch = async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : input.toString());
    const res = await original(input, init);
    if (url.origin !== origin || !url.pathname.startsWith('/amazon/shipping/')) return res;
    const text = await res.clone().text();
    exchanges.push({
      request: {
        method: (init?.method ?? 'GET').toUpperCase(),
        url,
        headers: Object.fromEntries(
          Object.entries((init?.headers ?? {}) as Record<string, string>).map(([k, v]) => [k.toLowerCase(), v]),
        ),
        body: typeof init?.body === 'string' ? init.body : null,
      },
      status: res.status,
      body: text ? (JSON.parse(text) as unknown) : undefined,
    });
    return res;
  };
  return { exchanges, restore: () => (globalThis.fetch = original) };
}

function responseViolations(e: Exchange): string[] {
  const op = findOperation('amazon', e.request.method, e.request.url.pathname.replace(/^\/amazon/, ''));
  if (!op) return [`${e.request.method} ${e.request.url.pathname}: no such operation`];
  return checkResponse(op, e.status, e.body).map((v) => `${op.operationId} ${e.status}: ${v.field}: ${v.message}`);
}

describe('Amazon Buy Shipping through the Amazon adapter, against the sandbox and the official model', () => {
  let sandbox: Sandbox;
  let adapter: AmazonAdapter;
  let accountId: string;
  let recorder: ReturnType<typeof recordExchanges>;
  const mainland: string[] = [];
  const offNetwork: string[] = [];

  const internal = (orderId: string) => sandbox.orderState('AMAZON', orderId).internal as SandboxAmazonOrder;
  const plant = async (fault: string) => {
    const res = await fetch(`${sandbox.controlBaseUrl}/amazon/shipping/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ accountId, fault }),
    });
    expect(res.status).toBe(201);
  };
  const labelError = async (p: Promise<unknown>): Promise<LabelError> => {
    const err = await p.then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(LabelError);
    return err as LabelError;
  };

  function rateRequest(orderId: string): LabelRateRequest {
    const o = internal(orderId);
    return {
      channelOrderId: orderId,
      shipFrom: SHIP_FROM,
      shipTo: {
        name: o.address.name,
        line1: o.address.addressLine1,
        city: o.address.city,
        stateOrRegion: o.address.stateOrRegion,
        postalCode: o.address.postalCode,
        countryCode: o.address.countryCode,
      },
      parcel: PARCEL,
      items: o.items.map((i) => ({
        channelLineId: i.orderItemId,
        sku: i.sellerSku,
        title: i.title,
        quantity: i.quantity,
        unitValueCents: Math.round(Number(i.unitPrice) * 100),
        currency: 'USD',
      })),
      shipBy: null,
      deliverBy: null,
    };
  }

  beforeAll(async () => {
    sandbox = await createSandbox({ seed: 21, clock: T0, throttling: false });
    const creds = sandbox.createAccount('AMAZON');
    accountId = creds.accountId;
    const { orderIds } = sandbox.generateOrders({
      accountId,
      count: 40,
      seed: 3,
      mix: { channelFulfilled: 0, multiLine: 0, multiQuantity: 0, intentToCancel: 0 },
    });
    // Alaska, Hawaii and Puerto Rico are off Amazon Shipping's network; the round trips use mainland orders.
    const off = (id: string) => /^(99[5-9]|96[7-8]|00[6-9])/.test(internal(id).address.postalCode);
    mainland.push(...orderIds.filter((id) => !off(id)));
    // The seed-7 batch starts with an order to Anchorage.
    const more = sandbox.generateOrders({
      accountId,
      count: 12,
      seed: 7,
      mix: { channelFulfilled: 0, multiLine: 0, multiQuantity: 0, intentToCancel: 0 },
    }).orderIds;
    offNetwork.push(...[...orderIds, ...more].filter(off));
    adapter = new AmazonAdapter(
      sandbox.amazonBaseUrl,
      { marketplaceId: creds.marketplaceId!, sellerId: creds.sellerId },
      {
        clientId: creds.clientId,
        clientSecret: creds.clientSecret,
        refreshToken: creds.refreshToken!,
        lwaEndpoint: `${sandbox.amazonBaseUrl}/auth/o2/token`,
      },
    );
    recorder = recordExchanges(new URL(sandbox.baseUrl).origin);
  });
  afterAll(async () => {
    recorder?.restore();
    await sandbox?.close();
  });
  beforeEach(() => sandbox.clock.set(T0));

  afterAll(() => {
    // Every call the adapter made, and every answer, as the model defines them (errors included).
    expect(recorder.exchanges.length).toBeGreaterThan(10);
    expect(recorder.exchanges.flatMap((e) => contractViolations(e.request))).toEqual([]);
    expect(recorder.exchanges.flatMap(responseViolations)).toEqual([]);
    expect(sandbox.contractViolations()).toMatchObject({ requestsRefused: 0, responseViolations: 0 });
  });

  it("is the adapter's label seller, and Amazon confirms the shipment itself", () => {
    expect(adapter.labels).toBeDefined();
    expect(adapter.labels.confirmsShipment).toBe(true);
  });

  it('rates → purchase → document → cancel: the order is confirmed by the purchase and un-confirmed by the cancel', async () => {
    const orderId = mainland[0];
    const rates = await adapter.labels.rates(rateRequest(orderId));
    expect(rates.requestToken).toEqual(expect.any(String));
    expect(Date.parse(rates.expiresAt!)).toBeGreaterThan(Date.now() + 9 * 60_000);
    expect(new Set(rates.rates.map((r) => r.carrier))).toEqual(new Set(['AMAZON_LOGISTICS', 'UPS', 'USPS', 'FEDEX']));
    for (const r of rates.rates) {
      expect(r.amountCents).toBeGreaterThan(0);
      expect(Number.isInteger(r.amountCents)).toBe(true);
      expect(Date.parse(r.pickUpBy!)).toBeLessThan(Date.parse(r.deliverBy!));
      expect(r.deliveryDays).toBeGreaterThanOrEqual(1);
    }
    const ups = rates.rates.find((r) => r.serviceName === 'UPS Ground')!;
    const label = await adapter.labels.purchase({
      requestToken: rates.requestToken,
      rateId: ups.rateId,
      format: 'PDF',
      idempotencyKey: `${orderId}:0`,
    });
    expect(label).toMatchObject({
      carrier: 'UPS',
      carrierName: 'UPS',
      serviceName: 'UPS Ground',
      amountCents: ups.amountCents,
      currency: 'USD',
      format: 'PDF',
    });
    expect(label.trackingNumber).toMatch(/^1Z[0-9A-Z]{16}$/);
    expect(Buffer.from(label.document).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(internal(orderId).packages).toEqual([
      expect.objectContaining({
        carrierCode: 'UPS',
        trackingNumber: label.trackingNumber,
        shippingMethod: 'UPS Ground',
      }),
    ]);

    const zpl = await adapter.labels.document(label.providerShipmentId, 'ZPL');
    expect(Buffer.from(zpl).toString('latin1')).toMatch(/^\^XA[\s\S]*\^XZ\s*$/);

    await expect(adapter.labels.void(label.providerShipmentId)).resolves.toEqual({ status: 'VOIDED' });
    expect(internal(orderId).packages).toEqual([]);
    const again = await labelError(adapter.labels.void(label.providerShipmentId));
    expect(again.code).toBe('VOID_REFUSED');
    expect(again.message).toMatch(/already cancelled/);
  });

  it('an Amazon Shipping label is recorded on the order as Amazon Shipping; the same idempotency key buys once', async () => {
    const orderId = mainland[1];
    const rates = await adapter.labels.rates(rateRequest(orderId));
    const amazon = rates.rates.find((r) => r.carrier === 'AMAZON_LOGISTICS')!;
    expect(amazon.carrierName).toBe('Amazon Shipping');
    const buy = () =>
      adapter.labels.purchase({
        requestToken: rates.requestToken,
        rateId: amazon.rateId,
        format: 'ZPL',
        idempotencyKey: `${orderId}:0`,
      });
    const first = await buy();
    const second = await buy();
    expect(second.providerShipmentId).toBe(first.providerShipmentId);
    expect(second.trackingNumber).toBe(first.trackingNumber);
    expect(internal(orderId).packages).toEqual([
      expect.objectContaining({ carrierCode: 'Other', carrierName: 'Amazon Shipping' }),
    ]);
  });

  it('services Amazon declines for the package come with the reason in words', async () => {
    const rates = await adapter.labels.rates(rateRequest(offNetwork[0]));
    expect(rates.rates.map((r) => r.carrier)).not.toContain('AMAZON_LOGISTICS');
    expect(rates.ineligible).toEqual([
      {
        carrierName: 'Amazon Shipping',
        serviceName: 'Amazon Shipping Ground',
        reason: 'Does not deliver to this address',
      },
    ]);
    const heavy = await adapter.labels.rates({ ...rateRequest(mainland[9]), parcel: { ...PARCEL, weightOz: 80 * 16 } });
    expect(heavy.ineligible).toEqual(
      expect.arrayContaining([
        { carrierName: 'USPS', serviceName: 'USPS Priority Mail', reason: 'The package is too heavy for this service' },
      ]),
    );
    expect(heavy.rates.map((r) => r.carrier)).toEqual(expect.arrayContaining(['UPS', 'FEDEX']));
  });

  it('an expired request token is RATE_EXPIRED, in words', async () => {
    const orderId = mainland[2];
    const rates = await adapter.labels.rates(rateRequest(orderId));
    sandbox.clock.advance(11 * 60_000);
    const err = await labelError(
      adapter.labels.purchase({
        requestToken: rates.requestToken,
        rateId: rates.rates[0].rateId,
        format: 'PDF',
        idempotencyKey: `${orderId}:0`,
      }),
    );
    expect(err.code).toBe('RATE_EXPIRED');
    expect(err.message).toMatch(/expired .*Get the rates again/);
    expect(internal(orderId).packages).toEqual([]);
  });

  it('a rate id the hub did not hand out (a price edited in the browser) buys nothing', async () => {
    const orderId = mainland[8];
    const rates = await adapter.labels.rates(rateRequest(orderId));
    const [amazonRateId, facts, mac] = rates.rates[0].rateId.split('~');
    const cheaper = { ...(JSON.parse(Buffer.from(facts, 'base64url').toString()) as object), a: 1 };
    const forged = [amazonRateId, Buffer.from(JSON.stringify(cheaper)).toString('base64url'), mac].join('~');
    for (const rateId of [forged, amazonRateId]) {
      const err = await labelError(
        adapter.labels.purchase({
          requestToken: rates.requestToken,
          rateId,
          format: 'PDF',
          idempotencyKey: `${orderId}:0`,
        }),
      );
      expect(err.code).toBe('RATE_EXPIRED');
      expect(err.message).toMatch(/not one the hub quoted/);
    }
    expect(internal(orderId).packages).toEqual([]);
  });

  it("a refused purchase is PURCHASE_REFUSED with Amazon's reason, and nothing is confirmed", async () => {
    const orderId = mainland[3];
    const rates = await adapter.labels.rates(rateRequest(orderId));
    await plant('PURCHASE_REFUSED');
    const err = await labelError(
      adapter.labels.purchase({
        requestToken: rates.requestToken,
        rateId: rates.rates[0].rateId,
        format: 'PDF',
        idempotencyKey: `${orderId}:0`,
      }),
    );
    expect(err.code).toBe('PURCHASE_REFUSED');
    expect(err.message).toMatch(/^Amazon refused to sell this label: .*declined/);
    expect(internal(orderId).packages).toEqual([]);
  });

  it('an address no carrier serves is ADDRESS_UNSERVICEABLE, naming the place', async () => {
    const orderId = mainland[4];
    await plant('UNSERVICEABLE_ADDRESS');
    const err = await labelError(adapter.labels.rates(rateRequest(orderId)));
    expect(err.code).toBe('ADDRESS_UNSERVICEABLE');
    expect(err.message).toContain(internal(orderId).address.postalCode);
    const badFrom = await labelError(
      adapter.labels.rates({ ...rateRequest(orderId), shipFrom: { ...SHIP_FROM, postalCode: 'ABCDE' } }),
    );
    expect(badFrom.code).toBe('ADDRESS_UNSERVICEABLE');
    expect(badFrom.message).toMatch(/shipFrom\.postalCode/);
  });

  it('a document Amazon cannot send is DOCUMENT_FAILED; the label stays bought', async () => {
    const orderId = mainland[5];
    const rates = await adapter.labels.rates(rateRequest(orderId));
    const label = await adapter.labels.purchase({
      requestToken: rates.requestToken,
      rateId: rates.rates[0].rateId,
      format: 'PDF',
      idempotencyKey: `${orderId}:0`,
    });
    await plant('DOCUMENT_FAILURE');
    const err = await labelError(adapter.labels.document(label.providerShipmentId, 'PDF'));
    expect(err.code).toBe('DOCUMENT_FAILED');
    expect(err.message).toMatch(/Reprint/);
    expect(internal(orderId).packages).toHaveLength(1);
  });

  it('a 5xx is UNAVAILABLE and not retried (nothing bought); a 429 is retried', async () => {
    const orderId = mainland[6];
    const rates = await adapter.labels.rates(rateRequest(orderId));
    const purchase = {
      requestToken: rates.requestToken,
      rateId: rates.rates[0].rateId,
      format: 'PDF' as const,
      idempotencyKey: `${orderId}:0`,
    };
    sandbox.injectFault({
      channel: 'AMAZON',
      route: '/amazon/shipping/v2/shipments',
      method: 'POST',
      error503: 1,
      times: 1,
    });
    const err = await labelError(adapter.labels.purchase(purchase));
    expect(err.code).toBe('UNAVAILABLE');
    expect(err.message).toMatch(/Nothing was bought/);
    expect(internal(orderId).packages).toEqual([]);
    sandbox.injectFault({
      channel: 'AMAZON',
      route: '/amazon/shipping/v2/shipments',
      method: 'POST',
      error429: 1,
      times: 1,
    });
    const label = await adapter.labels.purchase(purchase);
    expect(internal(orderId).packages).toEqual([expect.objectContaining({ trackingNumber: label.trackingNumber })]);
  });

  it('a label the carrier has scanned cannot be voided: VOID_REFUSED', async () => {
    const orderId = mainland[7];
    const rates = await adapter.labels.rates(rateRequest(orderId));
    const label = await adapter.labels.purchase({
      requestToken: rates.requestToken,
      rateId: rates.rates.find((r) => r.carrier === 'USPS')!.rateId,
      format: 'PNG',
      idempotencyKey: `${orderId}:0`,
    });
    expect(Buffer.from(label.document).subarray(1, 4).toString('latin1')).toBe('PNG');
    sandbox.clock.advance(7 * 3_600_000);
    const err = await labelError(adapter.labels.void(label.providerShipmentId));
    expect(err.code).toBe('VOID_REFUSED');
    expect(err.message).toMatch(/carrier scanned the package/);
    expect(internal(orderId).packages).toHaveLength(1);
  });
});
