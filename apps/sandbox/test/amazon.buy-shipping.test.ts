import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Sandbox } from '../src';
import { AmazonClient } from './helpers/clients';
import { T0, amazonSeller, startSandbox } from './helpers/sandbox';

type Client = Awaited<ReturnType<typeof amazonSeller>>['client'];

const SHIP_FROM = {
  name: 'Order Hub Warehouse',
  addressLine1: '100 Main St',
  city: 'Columbus',
  stateOrRegion: 'OH',
  postalCode: '43215',
  countryCode: 'US',
};

const LABEL_4X6 = (format = 'PDF') => ({
  format,
  size: { width: 4, length: 6, unit: 'INCH' },
  needFileJoining: false,
  requestedDocumentTypes: ['LABEL'],
});

function ratesBody(orderId: string, weightOz = 24, extra: Record<string, unknown> = {}) {
  return {
    shipFrom: SHIP_FROM,
    channelDetails: { channelType: 'AMAZON', amazonOrderDetails: { orderId } },
    packages: [
      {
        packageClientReferenceId: '1',
        dimensions: { length: 10, width: 8, height: 4, unit: 'INCH' },
        weight: { value: weightOz, unit: 'OUNCE' },
        insuredValue: { value: 20, unit: 'USD' },
        items: [],
        ...extra,
      },
    ],
  };
}

describe('Amazon Buy Shipping (Shipping API v2)', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ throttling: false });
  });
  afterAll(() => sandbox.close());
  beforeEach(() => sandbox.clock.set(T0));

  const zipOf = (orderId: string) =>
    (sandbox.orderState('AMAZON', orderId).internal as { address: { postalCode: string } }).address.postalCode;
  /** Alaska, Hawaii and Puerto Rico are off Amazon Shipping's network. */
  const offNetwork = (orderId: string) => /^(99[5-9]|96[7-8]|00[6-9])/.test(zipOf(orderId));

  async function seller(where: 'mainland' | 'off-network' = 'mainland') {
    const { creds, client, orderIds } = await amazonSeller(sandbox, 12, {
      mix: { channelFulfilled: 0, multiLine: 0, multiQuantity: 0, intentToCancel: 0 },
    });
    const orderId = orderIds.find((id) => offNetwork(id) === (where === 'off-network'));
    if (!orderId) throw new Error(`no ${where} order among the generated ones`);
    return { accountId: creds.accountId, client, orderId };
  }

  async function plant(accountId: string, fault: string) {
    const res = await fetch(`${sandbox.controlBaseUrl}/amazon/shipping/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ accountId, fault }),
    });
    expect(res.status).toBe(201);
  }

  async function order(client: Client, orderId: string) {
    return (await client.call('GET', `/orders/2026-01-01/orders/${orderId}?includedData=FULFILLMENT,PACKAGES`)).body
      .order;
  }

  async function buy(
    client: Client,
    orderId: string,
    pick = (r: { serviceName: string }) => r.serviceName === 'UPS Ground',
    format = 'PDF',
  ) {
    const rates = await client.call('POST', '/shipping/v2/shipments/rates', ratesBody(orderId));
    expect(rates.status).toBe(200);
    const rate = rates.body.payload.rates.find(pick);
    const res = await client.call('POST', '/shipping/v2/shipments', {
      requestToken: rates.body.payload.requestToken,
      rateId: rate.rateId,
      requestedDocumentSpecification: LABEL_4X6(format),
    });
    return { rates, rate, res };
  }

  it('quotes several carriers by weight and zone, each with a pick-up and delivery promise and a 4x6 label', async () => {
    const { client, orderId } = await seller();
    const light = await client.call('POST', '/shipping/v2/shipments/rates', ratesBody(orderId, 8));
    const heavy = await client.call('POST', '/shipping/v2/shipments/rates', ratesBody(orderId, 160));
    expect(light.status).toBe(200);
    const { rates, requestToken } = light.body.payload;
    expect(requestToken).toEqual(expect.any(String));
    expect(new Set(rates.map((r: { carrierName: string }) => r.carrierName))).toEqual(
      new Set(['Amazon Shipping', 'UPS', 'USPS', 'FedEx']),
    );
    for (const r of rates) {
      expect(Date.parse(r.promise.pickupWindow.end)).toBeLessThan(Date.parse(r.promise.deliveryWindow.end));
      expect(r.supportedDocumentSpecifications.map((s: { format: string }) => s.format)).toEqual(['PDF', 'PNG', 'ZPL']);
      const same = heavy.body.payload.rates.find((h: { serviceId: string }) => h.serviceId === r.serviceId);
      expect(same.totalCharge.value).toBeGreaterThan(r.totalCharge.value);
    }
  });

  it("Amazon Shipping does not reach Alaska, Hawaii or Puerto Rico: ineligible there, with Amazon's reason", async () => {
    const { client, orderId } = await seller('off-network');
    const res = await client.call('POST', '/shipping/v2/shipments/rates', ratesBody(orderId));
    expect(res.body.payload.rates.map((r: { carrierName: string }) => r.carrierName)).not.toContain('Amazon Shipping');
    expect(res.body.payload.ineligibleRates).toEqual([
      expect.objectContaining({
        carrierName: 'Amazon Shipping',
        ineligibilityReasons: [expect.objectContaining({ code: 'NO_COVERAGE' })],
      }),
    ]);
  });

  it('buying a rate confirms the order: the package carries the carrier and tracking, and the order is Shipped', async () => {
    const { client, orderId } = await seller();
    const { rate, res } = await buy(client, orderId);
    expect(res.status).toBe(200);
    const detail = res.body.payload.packageDocumentDetails[0];
    expect(detail.trackingId).toMatch(/^1Z[0-9A-Z]{16}$/);
    const pdf = Buffer.from(detail.packageDocuments[0].contents, 'base64').toString('latin1');
    expect(pdf.startsWith('%PDF-')).toBe(true);
    expect(pdf).toContain('/MediaBox [0 0 288 432]');
    expect(res.body.payload.promise).toEqual(rate.promise);
    const after = await order(client, orderId);
    expect(after.fulfillment.fulfillmentStatus).toBe('SHIPPED');
    expect(after.packages).toHaveLength(1);
    expect(after.packages[0].carrier).toBe('UPS');
    expect(after.packages[0].trackingNumber).toBe(detail.trackingId);
  });

  it('Amazon Shipping labels are confirmed with carrier Other named Amazon Shipping, documents in ZPL on request', async () => {
    const { client, orderId } = await seller();
    const { res } = await buy(client, orderId, (r) => r.serviceName === 'Amazon Shipping Ground', 'ZPL');
    expect(res.status).toBe(200);
    const { shipmentId, packageDocumentDetails } = res.body.payload;
    const zpl = Buffer.from(packageDocumentDetails[0].packageDocuments[0].contents, 'base64').toString('latin1');
    expect(zpl.startsWith('^XA')).toBe(true);
    expect(zpl).toContain(packageDocumentDetails[0].trackingId);
    const docs = await client.call(
      'GET',
      `/shipping/v2/shipments/${shipmentId}/documents?packageClientReferenceId=1&format=PDF`,
    );
    expect(docs.status).toBe(200);
    expect(docs.body.payload.packageDocumentDetail.packageDocuments[0].format).toBe('PDF');
    const after = await order(client, orderId);
    expect(after.packages[0].carrier).toMatch(/Amazon Shipping/);
  });

  it('cancel within the window un-confirms the order; a second cancel is refused', async () => {
    const { client, orderId } = await seller();
    const { res } = await buy(client, orderId);
    const id = res.body.payload.shipmentId;
    const cancelled = await client.call('PUT', `/shipping/v2/shipments/${id}/cancel`);
    expect(cancelled.status).toBe(200);
    const after = await order(client, orderId);
    expect(after.fulfillment.fulfillmentStatus).toBe('UNSHIPPED');
    expect(after.packages ?? []).toHaveLength(0);
    const again = await client.call('PUT', `/shipping/v2/shipments/${id}/cancel`);
    expect(again.status).toBe(400);
    expect(again.body.errors[0].message).toMatch(/already cancelled/);
  });

  it("cancel is refused once the carrier scanned the package, and tracking shows the carrier's scans", async () => {
    const { client, orderId } = await seller();
    const { res } = await buy(client, orderId);
    const trackingId = res.body.payload.packageDocumentDetails[0].trackingId;
    sandbox.clock.advance(7 * 3_600_000);
    await client.authenticate();
    const refused = await client.call('PUT', `/shipping/v2/shipments/${res.body.payload.shipmentId}/cancel`);
    expect(refused.status).toBe(400);
    expect(refused.body.errors[0].message).toMatch(/carrier scanned the package/);
    const tracking = await client.call('GET', `/shipping/v2/tracking?trackingId=${trackingId}&carrierId=UPS`);
    expect(tracking.status).toBe(200);
    expect(tracking.body.payload.eventHistory.map((e: { eventCode: string }) => e.eventCode)).toContain('PickupDone');
    expect(tracking.body.payload.summary.status).toBe('InTransit');
    expect((await order(client, orderId)).fulfillment.fulfillmentStatus).toBe('SHIPPED');
  });

  it('a requestToken expires after 10 minutes (TOKEN_EXPIRED) and buys at most once', async () => {
    const { client, orderId } = await seller();
    const rates = await client.call('POST', '/shipping/v2/shipments/rates', ratesBody(orderId));
    const { requestToken, rates: list } = rates.body.payload;
    const body = { requestToken, rateId: list[0].rateId, requestedDocumentSpecification: LABEL_4X6() };
    sandbox.clock.advance(10 * 60_000 + 1000);
    const expired = await client.call('POST', '/shipping/v2/shipments', body);
    expect(expired.status).toBe(400);
    expect(expired.body.errors[0].code).toBe('TOKEN_EXPIRED');
    sandbox.clock.set(T0);
    expect((await client.call('POST', '/shipping/v2/shipments', body)).status).toBe(200);
    const twice = await client.call('POST', '/shipping/v2/shipments', body);
    expect(twice.status).toBe(400);
    expect(twice.body.errors[0].message).toMatch(/already used/);
  });

  it('the same x-amzn-IdempotencyKey returns the first purchase', async () => {
    const { client, orderId } = await seller();
    const rates = await client.call('POST', '/shipping/v2/shipments/rates', ratesBody(orderId));
    const body = JSON.stringify({
      requestToken: rates.body.payload.requestToken,
      rateId: rates.body.payload.rates[0].rateId,
      requestedDocumentSpecification: LABEL_4X6(),
    });
    const send = () =>
      fetch(`${sandbox.amazonBaseUrl}/shipping/v2/shipments`, {
        method: 'POST',
        headers: {
          'x-amz-access-token': client.token ?? '',
          'content-type': 'application/json',
          'x-amzn-IdempotencyKey': 'order-1-package-0',
        },
        body,
      }).then(async (r) => ({ status: r.status, body: (await r.json()) as { payload: { shipmentId: string } } }));
    const first = await send();
    const second = await send();
    expect(first.status).toBe(200);
    expect(second.body.payload.shipmentId).toBe(first.body.payload.shipmentId);
    expect((await order(client, orderId)).packages).toHaveLength(1);
  });

  it('answers planted refusals: purchase refused, unserviceable address, document failure', async () => {
    const { accountId, client, orderId } = await seller();
    await plant(accountId, 'UNSERVICEABLE_ADDRESS');
    const none = await client.call('POST', '/shipping/v2/shipments/rates', ratesBody(orderId));
    expect(none.body.payload.rates).toEqual([]);
    expect(
      none.body.payload.ineligibleRates.every(
        (r: { ineligibilityReasons: { code: string }[] }) => r.ineligibilityReasons[0].code === 'NO_COVERAGE',
      ),
    ).toBe(true);
    await plant(accountId, 'PURCHASE_REFUSED');
    const refused = await buy(client, orderId);
    expect(refused.res.status).toBe(400);
    expect(refused.res.body.errors[0].message).toMatch(/declined the purchase/);
    expect((await order(client, orderId)).fulfillment.fulfillmentStatus).toBe('UNSHIPPED');
    const { res } = await buy(client, orderId);
    await plant(accountId, 'DOCUMENT_FAILURE');
    const docs = await client.call(
      'GET',
      `/shipping/v2/shipments/${res.body.payload.shipmentId}/documents?packageClientReferenceId=1`,
    );
    expect(docs.status).toBe(500);
  });

  it('refuses what the model allows but Amazon does not: a heavy parcel for USPS, a bad ZIP, a non-4x6 label', async () => {
    const { client, orderId } = await seller();
    const heavy = await client.call('POST', '/shipping/v2/shipments/rates', ratesBody(orderId, 80 * 16));
    expect(heavy.body.payload.ineligibleRates.map((r: { serviceName: string }) => r.serviceName)).toEqual(
      expect.arrayContaining(['USPS Ground Advantage', 'USPS Priority Mail', 'Amazon Shipping Ground']),
    );
    const badZip = await client.call('POST', '/shipping/v2/shipments/rates', {
      ...ratesBody(orderId),
      shipFrom: { ...SHIP_FROM, postalCode: 'ABCDE' },
    });
    expect(badZip.status).toBe(400);
    expect(badZip.body.errors[0].message).toMatch(/shipFrom\.postalCode/);
    const rates = await client.call('POST', '/shipping/v2/shipments/rates', ratesBody(orderId));
    const wrongSize = await client.call('POST', '/shipping/v2/shipments', {
      requestToken: rates.body.payload.requestToken,
      rateId: rates.body.payload.rates[0].rateId,
      requestedDocumentSpecification: { ...LABEL_4X6(), size: { width: 8.5, length: 11, unit: 'INCH' } },
    });
    expect(wrongSize.status).toBe(400);
    expect(wrongSize.body.errors[0].message).toMatch(/4x6/);
    const missing = await client.call('POST', '/shipping/v2/shipments/rates', { shipFrom: SHIP_FROM, packages: [] });
    expect(missing.status).toBe(400);
    expect(missing.body.errors[0].message).toMatch(/channelDetails/);
  });

  it('a restarted sandbox (snapshot file) still knows the shipments it sold: the label can be cancelled', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'buy-shipping-'));
    const snapshotFile = path.join(dir, 'state.json');
    try {
      const first = await startSandbox({ throttling: false, snapshotFile });
      const creds = first.createAccount('AMAZON');
      const [orderId] = first
        .generateOrders({
          accountId: creds.accountId,
          count: 12,
          seed: 7,
          mix: { channelFulfilled: 0, multiLine: 0, multiQuantity: 0, intentToCancel: 0 },
        })
        .orderIds.filter(
          (id) =>
            !/^(99[5-9]|96[7-8]|00[6-9])/.test(
              (first.orderState('AMAZON', id).internal as { address: { postalCode: string } }).address.postalCode,
            ),
        );
      const connect = async (s: Sandbox) => {
        const c = new AmazonClient(s.amazonBaseUrl, {
          clientId: creds.clientId,
          clientSecret: creds.clientSecret,
          refreshToken: creds.refreshToken!,
        });
        await c.authenticate();
        return c;
      };
      const before = await connect(first);
      const rates = await before.call('POST', '/shipping/v2/shipments/rates', ratesBody(orderId));
      const bought = await before.call('POST', '/shipping/v2/shipments', {
        requestToken: rates.body.payload.requestToken,
        rateId: rates.body.payload.rates[0].rateId,
        requestedDocumentSpecification: LABEL_4X6(),
      });
      expect(bought.status).toBe(200);
      await first.close();
      const second = await startSandbox({ throttling: false, snapshotFile });
      try {
        const after = await connect(second);
        const id = bought.body.payload.shipmentId;
        const docs = await after.call('GET', `/shipping/v2/shipments/${id}/documents?packageClientReferenceId=1`);
        expect(docs.status).toBe(200);
        expect((await after.call('PUT', `/shipping/v2/shipments/${id}/cancel`)).status).toBe(200);
        expect((second.orderState('AMAZON', orderId).internal as { packages: unknown[] }).packages).toEqual([]);
      } finally {
        await second.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
