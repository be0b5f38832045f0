import type { Sandbox } from '../src';
import { SINGLE, cancellation, mcfOrder, shipLine, shipment } from './helpers/fixtures';
import { T0, amazonSeller, startSandbox, walmartSeller } from './helpers/sandbox';

const HOUR = 3600 * 1000;
const MCF = '/fba/outbound/2020-07-01';
const FEEDS = '/feeds/2021-06-30';

/** The refusals the official models and Walmart's and Amazon's own rules call for, each in the channel's envelope. */
describe('the sandbox holds requests and its own responses to the official models', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ throttling: false });
  });
  afterAll(() => sandbox.close());
  beforeEach(() => {
    sandbox.clock.set(T0);
    sandbox.resetContractViolations();
  });

  async function acknowledged() {
    const seller = await walmartSeller(sandbox, 1, SINGLE);
    const po = seller.orderIds[0];
    expect((await seller.client.call('POST', `/v3/orders/${po}/acknowledge`)).status).toBe(200);
    return { ...seller, po };
  }

  it('ship without sellerOrderId: 400 naming orderLine[0].sellerOrderId', async () => {
    const { client, po } = await acknowledged();
    const { sellerOrderId: _omitted, ...line } = shipLine('1', 1);
    const res = await client.call('POST', `/v3/orders/${po}/shipping`, shipment(line));
    expect(res.status).toBe(400);
    expect(res.body.errors.error[0]).toMatchObject({
      code: 'INVALID_REQUEST_CONTENT.GMP_ORDER_API',
      field: 'orderShipment.orderLines.orderLine[0].sellerOrderId',
      severity: 'ERROR',
      category: 'DATA',
    });
    expect(res.body.errors.error[0].description).toMatch(/sellerOrderId is required by the model/);
    expect(sandbox.contractViolations()).toMatchObject({ requestsRefused: 1, responseViolations: 0 });
    expect(
      (await client.call('GET', `/v3/orders/${po}`)).body.order.orderLines.orderLine[0].orderLineStatuses
        .orderLineStatus[0].status,
    ).toBe('Acknowledged');
  });

  it('full refund without refunds[]: 400 naming refunds', async () => {
    const { client, po } = await acknowledged();
    expect((await client.call('POST', `/v3/orders/${po}/shipping`, shipment(shipLine('1', 1)))).status).toBe(200);
    const res = await client.call('POST', `/v3/orders/${po}/refund`, {
      orderRefund: { purchaseOrderId: po, orderLines: { orderLine: [{ lineNumber: '1', isFullRefund: true }] } },
    });
    expect(res.status).toBe(400);
    expect(res.body.errors.error[0]).toMatchObject({
      code: 'INVALID_REQUEST_CONTENT.GMP_ORDER_API',
      field: 'orderRefund.orderLines.orderLine[0].refunds',
    });
  });

  it('full refund with refunds[]: refunds what is left under the reason sent, and refuses one that does not cover it', async () => {
    const { client, po } = await acknowledged();
    const shippedOrder = (await client.call('POST', `/v3/orders/${po}/shipping`, shipment(shipLine('1', 1)))).body
      .order;
    const charges: {
      chargeType: string;
      chargeName: string;
      chargeAmount: { currency: string; amount: number };
      tax?: { taxName: string; taxAmount: { currency: string; amount: number } };
    }[] = shippedOrder.orderLines.orderLine[0].charges.charge;
    const negate = (m: { currency: string; amount: number }) => ({ currency: m.currency, amount: -m.amount });
    const body = (share: number) => ({
      orderRefund: {
        purchaseOrderId: po,
        orderLines: {
          orderLine: [
            {
              lineNumber: '1',
              isFullRefund: true,
              refunds: {
                refund: [
                  {
                    refundCharges: {
                      refundCharge: charges.map((c) => ({
                        refundReason: 'CustomerReceivedItemLate',
                        charge: {
                          chargeType: c.chargeType,
                          chargeName: c.chargeName,
                          chargeAmount: negate({
                            ...c.chargeAmount,
                            amount: Math.round(c.chargeAmount.amount * share * 100) / 100,
                          }),
                          ...(c.tax ? { tax: { taxName: c.tax.taxName, taxAmount: negate(c.tax.taxAmount) } } : {}),
                        },
                      })),
                    },
                  },
                ],
              },
            },
          ],
        },
      },
    });
    const short = await client.call('POST', `/v3/orders/${po}/refund`, body(0.5));
    expect(short.status).toBe(400);
    expect(short.body.errors.error[0].description).toMatch(/must cover what is left/);
    const res = await client.call('POST', `/v3/orders/${po}/refund`, body(1));
    expect(res.status).toBe(200);
    const refunds = res.body.order.orderLines.orderLine[0].refund.refundCharges.refundCharge;
    expect(refunds.map((r: { refundReason: string }) => r.refundReason)).toEqual(
      charges.map(() => 'CustomerReceivedItemLate'),
    );
  });

  it('cancel of 101 lines: refused, Walmart takes at most 100 per request', async () => {
    const { client, po } = await acknowledged();
    const line = cancellation('1', 1).orderCancellation.orderLines.orderLine[0];
    const res = await client.call('POST', `/v3/orders/${po}/cancel`, {
      orderCancellation: { orderLines: { orderLine: Array.from({ length: 101 }, () => line) } },
    });
    expect(res.status).toBe(400);
    expect(res.body.errors.error[0]).toMatchObject({
      code: 'INVALID_REQUEST_CONTENT.GMP_ORDER_API',
      field: 'orderCancellation.orderLines.orderLine',
    });
    expect(res.body.errors.error[0].description).toMatch(/at most 100 lines; this one has 101/);
  });

  it('TBA tracking number on a Walmart shipment: refused (Amazon Logistics)', async () => {
    const { client, po } = await acknowledged();
    const res = await client.call(
      'POST',
      `/v3/orders/${po}/shipping`,
      shipment(
        shipLine('1', 1, {
          carrierName: { otherCarrier: 'AMZL' },
          trackingNumber: 'TBA303012345678',
          trackingURL: 'https://track.example.com/TBA303012345678',
        }),
      ),
    );
    expect(res.status).toBe(400);
    expect(res.body.errors.error[0].field).toBe(
      'orderShipment.orderLines.orderLine[0].orderLineStatuses.orderLineStatus[0].trackingInfo.trackingNumber',
    );
    expect(res.body.errors.error[0].description).toMatch(/Amazon Logistics/);
  });

  it('USPS + 12345: accepted as Seller Center does, and counted against the seller’s valid tracking', async () => {
    const { client, po, creds } = await acknowledged();
    const res = await client.call(
      'POST',
      `/v3/orders/${po}/shipping`,
      shipment(shipLine('1', 1, { carrierName: { carrier: 'USPS' }, trackingNumber: '12345' })),
    );
    expect(res.status).toBe(200);
    const counted = sandbox.validTracking(creds.accountId);
    expect(counted).toEqual({
      shipments: 1,
      valid: 0,
      invalid: [
        {
          purchaseOrderId: po,
          lineNumber: '1',
          trackingNumber: '12345',
          reason: 'too short to be a carrier tracking number',
        },
      ],
    });
    const overHttp = await fetch(`${sandbox.controlBaseUrl}/accounts/${creds.accountId}/valid-tracking`);
    expect(await overHttp.json()).toEqual(counted);
  });

  it('MCF package tracking lists events newest first, as the model’s example does', async () => {
    const { client, creds } = await amazonSeller(sandbox);
    sandbox.setMcfInventory(creds.accountId, 'SKU-EV', 5);
    expect((await client.call('POST', `${MCF}/fulfillmentOrders`, mcfOrder('EV-1', 'SKU-EV', 1, true))).status).toBe(
      200,
    );
    sandbox.clock.set(T0.getTime() + 25 * HOUR);
    await client.authenticate();
    const pkg = (await client.call('GET', `${MCF}/fulfillmentOrders/EV-1`)).body.payload.fulfillmentShipments[0]
      .fulfillmentShipmentPackage[0];
    sandbox.packageEvent(pkg.trackingNumber, 'DELIVERED');
    const tracking = await client.call('GET', `${MCF}/tracking?packageNumber=${pkg.packageNumber}`);
    expect(tracking.status).toBe(200);
    const dates: string[] = tracking.body.payload.trackingEvents.map((e: { eventDate: string }) => e.eventDate);
    expect(dates.length).toBeGreaterThanOrEqual(3);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(tracking.body.payload.trackingEvents[0].eventCode).toBe('EVENT_301');
    expect(sandbox.contractViolations().responseViolations).toBe(0);
  });

  it('cancellation feed naming the marketplace instead of the seller: every message reported as an error', async () => {
    const { client, orderIds } = await amazonSeller(sandbox, 1, { mix: { channelFulfilled: 0 } });
    const doc = await client.call('POST', `${FEEDS}/documents`, { contentType: 'text/xml; charset=UTF-8' });
    const xml =
      '<?xml version="1.0" encoding="UTF-8"?><AmazonEnvelope><Header><DocumentVersion>1.01</DocumentVersion><MerchantIdentifier>ATVPDKIKX0DER</MerchantIdentifier></Header>' +
      `<MessageType>OrderAcknowledgement</MessageType><Message><MessageID>1</MessageID><OrderAcknowledgement><AmazonOrderID>${orderIds[0]}</AmazonOrderID>` +
      '<StatusCode>Failure</StatusCode><CancelReason>NoInventory</CancelReason></OrderAcknowledgement></Message></AmazonEnvelope>';
    expect(
      (await fetch(doc.body.url, { method: 'PUT', headers: { 'content-type': 'text/xml; charset=UTF-8' }, body: xml }))
        .status,
    ).toBe(200);
    const feed = await client.call('POST', `${FEEDS}/feeds`, {
      feedType: 'POST_ORDER_ACKNOWLEDGEMENT_DATA',
      marketplaceIds: ['ATVPDKIKX0DER'],
      inputFeedDocumentId: doc.body.feedDocumentId,
    });
    sandbox.clock.set(T0.getTime() + 200_000);
    const done = await client.call('GET', `${FEEDS}/feeds/${feed.body.feedId}`);
    expect(done.body.processingStatus).toBe('DONE');
    const report = await (
      await fetch((await client.call('GET', `${FEEDS}/documents/${done.body.resultFeedDocumentId}`)).body.url)
    ).text();
    expect(report).toContain('<MessagesWithError>1</MessagesWithError>');
    expect(report).toMatch(
      /<ResultMessageCode>5005<\/ResultMessageCode><ResultDescription>The MerchantIdentifier provided in the XML payload \(ATVPDKIKX0DER\) is not valid/,
    );
    const order = await client.call('GET', `/orders/2026-01-01/orders/${orderIds[0]}?includedData=FULFILLMENT`);
    expect(order.body.order.fulfillment.fulfillmentStatus).not.toBe('CANCELLED');
  });

  it('Amazon request the model rejects: InvalidInput naming the field', async () => {
    const { client } = await amazonSeller(sandbox);
    const res = await client.call('POST', `${FEEDS}/documents`, { contentType: 42 });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].code).toBe('InvalidInput');
    expect(res.body.errors[0].message).toMatch(/contentType must be string/);
  });

  it('a response the sandbox would send against the model: 500 naming the field, counted', async () => {
    // A seed of its own: orderState finds an order by id across accounts, and other tests' orders share seed 7's ids.
    const { client, orderIds } = await walmartSeller(sandbox, 1, { ...SINGLE, seed: 991 });
    const internal = sandbox.orderState('WALMART', orderIds[0]).internal as { estimatedShipDate: unknown };
    internal.estimatedShipDate = 'tomorrow';
    const res = await client.call('GET', `/v3/orders/${orderIds[0]}`);
    expect(res.status).toBe(500);
    expect(res.body.errors.error[0].description).toMatch(/order\.shippingInfo\.estimatedShipDate must be integer/);
    const report = sandbox.contractViolations();
    expect(report.responseViolations).toBe(1);
    expect(report.responses[0]).toMatchObject({ api: 'walmart', operationId: 'getAnOrder', status: 200 });
    const overHttp = (await (await fetch(`${sandbox.controlBaseUrl}/contract-violations`)).json()) as {
      responseViolations: number;
    };
    expect(overHttp.responseViolations).toBe(1);
  });
});
