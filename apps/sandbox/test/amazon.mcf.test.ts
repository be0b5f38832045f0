import type { Sandbox } from '../src';
import type { AmazonClient } from './helpers/clients';
import { mcfOrder } from './helpers/fixtures';
import { T0, amazonSeller, startSandbox } from './helpers/sandbox';

const MCF = '/fba/outbound/2020-07-01';
const HOUR = 3600 * 1000;

describe('Amazon MCF (Fulfillment Outbound 2020-07-01)', () => {
  let sandbox: Sandbox;
  let client: AmazonClient;
  let accountId: string;
  beforeAll(async () => {
    sandbox = await startSandbox({ throttling: false });
    const seller = await amazonSeller(sandbox);
    client = seller.client;
    accountId = seller.creds.accountId;
  });
  afterAll(() => sandbox.close());
  beforeEach(async () => {
    sandbox.clock.set(T0);
    await client.authenticate();
  });

  async function statusAfter(id: string, hours: number): Promise<any> {
    sandbox.clock.set(T0.getTime() + hours * HOUR);
    await client.authenticate();
    return (await client.call('GET', `${MCF}/fulfillmentOrders/${id}`)).body.payload;
  }

  it('lists the features, including BLOCK_AMZL', async () => {
    const res = await client.call('GET', `${MCF}/features?marketplaceId=ATVPDKIKX0DER`);
    expect(res.body.payload.features.map((f: any) => f.featureName)).toEqual(
      expect.arrayContaining(['BLOCK_AMZL', 'BLANK_BOX']),
    );
    expect((await client.call('GET', `${MCF}/features`)).status).toBe(400);
  });

  it('is idempotent on sellerFulfillmentOrderId and refuses a different body under the same id', async () => {
    sandbox.setMcfInventory(accountId, 'SKU-IDEM', 5);
    const body = mcfOrder('IDEM-1', 'SKU-IDEM', 2, true);
    expect((await client.call('POST', `${MCF}/fulfillmentOrders`, body)).status).toBe(200);
    expect((await client.call('POST', `${MCF}/fulfillmentOrders`, body)).status).toBe(200);
    const inventory = await client.call(
      'GET',
      `${MCF}/features/inventory/BLOCK_AMZL/SKU-IDEM?marketplaceId=ATVPDKIKX0DER`,
    );
    expect(inventory.body.payload.skuCount).toBe(3);
    const changed = await client.call('POST', `${MCF}/fulfillmentOrders`, mcfOrder('IDEM-1', 'SKU-IDEM', 3, true));
    expect(changed.status).toBe(400);
  });

  it('makes a FillOrKill order Unfulfillable when stock is short, and previews say so', async () => {
    sandbox.setMcfInventory(accountId, 'SKU-SHORT', 1);
    const preview = await client.call('POST', `${MCF}/fulfillmentOrders/preview`, {
      address: mcfOrder('x', 'SKU-SHORT', 1, true).destinationAddress,
      items: [{ sellerSku: 'SKU-SHORT', sellerFulfillmentOrderItemId: 'a', quantity: 2 }],
    });
    expect(preview.body.payload.fulfillmentPreviews[0]).toMatchObject({ isFulfillable: false });
    expect(preview.body.payload.fulfillmentPreviews[0].unfulfillablePreviewItems[0].itemUnfulfillableReasons).toEqual([
      'InventoryUnavailable',
    ]);
    await client.call('POST', `${MCF}/fulfillmentOrders`, mcfOrder('SHORT-1', 'SKU-SHORT', 2, true));
    const order = (await client.call('GET', `${MCF}/fulfillmentOrders/SHORT-1`)).body.payload;
    expect(order.fulfillmentOrder.fulfillmentOrderStatus).toBe('Unfulfillable');
    expect(order.fulfillmentOrderItems[0].unfulfillableQuantity).toBe(2);
  });

  it('ships what it can under FillAllAvailable and ends CompletePartialled', async () => {
    sandbox.setMcfInventory(accountId, 'SKU-PART', 1);
    await client.call('POST', `${MCF}/fulfillmentOrders`, {
      ...mcfOrder('PART-1', 'SKU-PART', 3, true),
      fulfillmentPolicy: 'FillAllAvailable',
    });
    const done = await statusAfter('PART-1', 25);
    expect(done.fulfillmentOrder.fulfillmentOrderStatus).toBe('CompletePartialled');
    expect(done.fulfillmentShipments[0].fulfillmentShipmentItem[0].quantity).toBe(1);
  });

  it('cancels only until Planning and returns the stock', async () => {
    sandbox.setMcfInventory(accountId, 'SKU-CXL', 4);
    await client.call('POST', `${MCF}/fulfillmentOrders`, mcfOrder('CXL-1', 'SKU-CXL', 2, true));
    await client.call('POST', `${MCF}/fulfillmentOrders`, mcfOrder('CXL-2', 'SKU-CXL', 2, true));
    sandbox.clock.set(T0.getTime() + HOUR);
    await client.authenticate();
    expect((await client.call('PUT', `${MCF}/fulfillmentOrders/CXL-1/cancel`)).status).toBe(200);
    expect(
      (await client.call('GET', `${MCF}/fulfillmentOrders/CXL-1`)).body.payload.fulfillmentOrder.fulfillmentOrderStatus,
    ).toBe('Cancelled');
    sandbox.clock.set(T0.getTime() + 7 * HOUR);
    await client.authenticate();
    const late = await client.call('PUT', `${MCF}/fulfillmentOrders/CXL-2/cancel`);
    expect(late.status).toBe(400);
    expect(late.body.errors[0].message).toMatch(/Processing/);
    const stock = await client.call('GET', `${MCF}/features/inventory/BLANK_BOX/SKU-CXL?marketplaceId=ATVPDKIKX0DER`);
    expect(stock.body.payload.skuCount).toBe(2);
  });

  it('uses Amazon Logistics (AMZL_US, TBA numbers) only when BLOCK_AMZL is not Required', async () => {
    sandbox.setMcfInventory(accountId, 'SKU-AMZL', 100);
    const carriers = { blocked: new Set<string>(), open: new Set<string>() };
    for (let i = 0; i < 12; i += 1) {
      await client.call('POST', `${MCF}/fulfillmentOrders`, mcfOrder(`BLK-${i}`, 'SKU-AMZL', 1, true));
      await client.call('POST', `${MCF}/fulfillmentOrders`, mcfOrder(`OPN-${i}`, 'SKU-AMZL', 1, false));
    }
    sandbox.clock.set(T0.getTime() + 25 * HOUR);
    await client.authenticate();
    for (let i = 0; i < 12; i += 1) {
      for (const [kind, id] of [
        ['blocked', `BLK-${i}`],
        ['open', `OPN-${i}`],
      ] as const) {
        const pkg = (await client.call('GET', `${MCF}/fulfillmentOrders/${id}`)).body.payload.fulfillmentShipments[0]
          .fulfillmentShipmentPackage[0];
        carriers[kind].add(pkg.carrierCode);
        if (pkg.carrierCode === 'AMZL_US') expect(pkg.trackingNumber).toMatch(/^TBA\d{12}$/);
      }
    }
    expect(carriers.blocked.has('AMZL_US')).toBe(false);
    expect(carriers.open.has('AMZL_US')).toBe(true);
  });

  it('auto-cancels a Hold order after 14 days', async () => {
    sandbox.setMcfInventory(accountId, 'SKU-HOLD', 1);
    await client.call('POST', `${MCF}/fulfillmentOrders`, {
      ...mcfOrder('HOLD-1', 'SKU-HOLD', 1, true),
      fulfillmentAction: 'Hold',
    });
    expect((await statusAfter('HOLD-1', 24 * 13)).fulfillmentOrder.fulfillmentOrderStatus).toBe('Received');
    expect((await statusAfter('HOLD-1', 24 * 14)).fulfillmentOrder.fulfillmentOrderStatus).toBe('Cancelled');
  });

  it('validates the create body and names the field', async () => {
    const res = await client.call('POST', `${MCF}/fulfillmentOrders`, {
      ...mcfOrder('BAD-1', 'SKU', 1, true),
      shippingSpeedCategory: 'Overnight',
    });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].message).toMatch(/shippingSpeedCategory/);
  });

  it('lists fulfillment orders changed since queryStartDate', async () => {
    sandbox.setMcfInventory(accountId, 'SKU-LIST', 3);
    await client.call('POST', `${MCF}/fulfillmentOrders`, mcfOrder('LIST-1', 'SKU-LIST', 1, true));
    const since = encodeURIComponent(new Date(T0.getTime() - 60_000).toISOString());
    const res = await client.call('GET', `${MCF}/fulfillmentOrders?queryStartDate=${since}`);
    expect(res.body.payload.fulfillmentOrders.map((o: any) => o.sellerFulfillmentOrderId)).toContain('LIST-1');
    const later = encodeURIComponent(new Date(T0.getTime() + HOUR).toISOString());
    const after = await client.call('GET', `${MCF}/fulfillmentOrders?queryStartDate=${later}`);
    expect(after.body.payload.fulfillmentOrders.map((o: any) => o.sellerFulfillmentOrderId)).not.toContain('LIST-1');
  });
});
