import { createSandbox, type Sandbox } from '@order-hub/sandbox';
import { connectSandboxAccount, syncAndWait, type ConnectedAccount } from './support/sync-helpers';
import { startTestApp, type TestApp } from './support/test-app';
import { testDatabases } from './support/test-databases';

const PARCEL = { lengthIn: 10, widthIn: 8, heightIn: 4, weightOz: 24 };
const SHIP_FROM = {
  name: 'Order Hub Warehouse',
  line1: '100 Main St',
  city: 'Columbus',
  stateOrRegion: 'OH',
  postalCode: '43215',
  countryCode: 'US',
  phone: '+1 614-555-0100',
};
const RATES = `query($orderId: ID!, $parcel: LabelParcelInput) {
  labelRates(orderId: $orderId, parcel: $parcel) {
    requestToken expiresAt source parcel { lengthIn widthIn heightIn weightOz }
    rates { rateId carrier carrierName service serviceName amountCents currency deliverBy pickUpBy deliveryDays
      cheapest fastest meetsShipBy meetsDeliverBy problem }
    removed { carrierName serviceName reason }
  }
}`;
const LABEL = `id orderId source status carrier carrierName serviceName trackingNumber amountCents currency format
  purchasedAt voidedAt voidableUntil documentUrl confirmedByChannel shipmentId failure`;
const BUY = `mutation($input: BuyLabelInput!) { buyLabel(input: $input) { ${LABEL} } }`;
const VOID = `mutation($id: ID!) { voidLabel(labelId: $id) { ${LABEL} } }`;
const ORDER = `query($id: ID!) { order(id: $id) { status version shipments { id trackingNumber } labels { id status trackingNumber } } }`;

interface SandboxAmazonOrder {
  address: { postalCode: string };
  packages: { carrierCode: string; trackingNumber: string }[];
}

describe.each(testDatabases())('Amazon labels through Buy Shipping on %s', (kind) => {
  let sandbox: Sandbox;
  let app: TestApp;
  let amazon: ConnectedAccount;
  let viewer: string;
  const orders: string[] = [];
  /** The hub's calls to Amazon's ship confirmation (there must be none for a Buy Shipping label). */
  const confirmations: string[] = [];
  /** The hub's purchaseShipment calls. */
  const purchases: string[] = [];
  const original = globalThis.fetch;

  const internal = (channelOrderId: string) =>
    sandbox.orderState('AMAZON', channelOrderId).internal as SandboxAmazonOrder;
  const plant = async (fault: string) => {
    const res = await fetch(`${sandbox.controlBaseUrl}/amazon/shipping/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ accountId: amazon.sandboxAccountId, fault }),
    });
    expect(res.status).toBe(201);
  };
  async function nextOrder(): Promise<{ id: string; channelOrderId: string; version: number }> {
    const id = orders.shift()!;
    const rows = await app.ds.query(`SELECT channel_order_id, version FROM "order" WHERE id = $1`, [id]);
    return { id, channelOrderId: rows[0].channel_order_id, version: rows[0].version };
  }
  async function rates(orderId: string) {
    const res = await app.gql(RATES, { orderId, parcel: PARCEL });
    expect(res.errors).toBeUndefined();
    return res.data!.labelRates;
  }
  const shipRows = async (orderId: string) =>
    (await app.ds.query(`SELECT id FROM outbox WHERE order_id = $1 AND operation = 'SHIP'`, [orderId])).length;

  beforeAll(async () => {
    sandbox = await createSandbox({ seed: 21, throttling: false });
    app = await startTestApp(kind);
    amazon = await connectSandboxAccount(app, sandbox, 'AMAZON', 'Labels Amazon');
    sandbox.generateOrders({
      accountId: amazon.sandboxAccountId,
      count: 30,
      seed: 4,
      mix: { multiLine: 0, multiQuantity: 0, intentToCancel: 0, channelFulfilled: 0 },
    });
    sandbox.clock.advance(3 * 60_000);
    expect((await syncAndWait(app, amazon.hubId)).lastError).toBeNull();
    const open: { id: string; channel_order_id: string }[] = await app.ds.query(
      `SELECT id, channel_order_id FROM "order" WHERE account_id = $1 AND status IN ('CREATED', 'ACKNOWLEDGED')
        AND fulfillment_method = 'MERCHANT' ORDER BY channel_order_id`,
      [amazon.hubId],
    );
    // Alaska, Hawaii and Puerto Rico are off Amazon Shipping's network.
    orders.push(
      ...open
        .filter((o) => !/^(99[5-9]|96[7-8]|00[6-9])/.test(internal(o.channel_order_id).address.postalCode))
        .map((o) => o.id),
    );
    viewer = (await app.gql(`mutation { createApiToken(input: { name: "bi", role: VIEWER }) { token } }`)).data!
      .createApiToken.token;
    globalThis.fetch = async (input, init) => {
      const url = input instanceof Request ? input.url : input.toString();
      if (url.includes('/shipmentConfirmation')) confirmations.push(url);
      if (
        url.includes('/shipping/v2/shipments') &&
        (init?.method ?? 'GET').toUpperCase() === 'POST' &&
        !url.includes('/cancel') &&
        !url.includes('/rates')
      )
        purchases.push(url);
      return original(input, init);
    };
  });
  afterAll(async () => {
    globalThis.fetch = original;
    await app?.close();
    await sandbox?.close();
  });

  it('needs the account ship-from address first, set by an ADMIN with each field checked', async () => {
    const order = orders[0];
    const before = await app.gql(RATES, { orderId: order, parcel: PARCEL });
    expect(before.errors![0].extensions.code).toBe('CONFLICT');
    expect(before.errors![0].message).toMatch(/ship-from address of account Labels Amazon/);

    const SET = `mutation($id: ID!, $address: ShipFromInput!) { setShipFrom(accountId: $id, address: $address) { id shipFrom { city postalCode } } }`;
    const bad = await app.gql(SET, { id: amazon.hubId, address: { ...SHIP_FROM, postalCode: '4321' } });
    expect(bad.errors![0]).toMatchObject({
      message: expect.stringMatching(/^address\.postalCode: must be a US ZIP code/),
      extensions: { code: 'BAD_USER_INPUT' },
    });
    const asViewer = await app.gql(SET, { id: amazon.hubId, address: SHIP_FROM }, viewer);
    expect(asViewer.errors![0].extensions.code).toBe('FORBIDDEN');
    const set = await app.gql(SET, { id: amazon.hubId, address: SHIP_FROM });
    expect(set.data!.setShipFrom.shipFrom).toEqual({ city: 'Columbus', postalCode: '43215' });
  });

  it('ships an Amazon order on a Buy Shipping label with no second confirmation, once however often it is bought', async () => {
    const order = await nextOrder();
    const quote = await rates(order.id);
    expect(quote.source).toBe('CHANNEL');
    expect(quote.parcel).toEqual(PARCEL);
    expect(quote.rates.length).toBeGreaterThan(2);
    expect(quote.rates.filter((r: { cheapest: boolean }) => r.cheapest)).toHaveLength(1);
    const cheapest = quote.rates.find((r: { cheapest: boolean }) => r.cheapest);
    const input = {
      orderId: order.id,
      expectedVersion: order.version,
      requestToken: quote.requestToken,
      rateId: cheapest.rateId,
      parcel: PARCEL,
    };
    const asViewer = await app.gql(BUY, { input }, viewer);
    expect(asViewer.errors![0].extensions.code).toBe('FORBIDDEN');

    const calls = purchases.length;
    // A double click: both requests at once, then the same one again.
    const [first, second] = await Promise.all([app.gql(BUY, { input }), app.gql(BUY, { input })]);
    const third = await app.gql(BUY, { input });
    expect(first.errors).toBeUndefined();
    const label = first.data!.buyLabel;
    expect(second.data!.buyLabel.id).toBe(label.id);
    expect(third.data!.buyLabel.id).toBe(label.id);
    expect(purchases.length - calls).toBe(1);
    expect(label).toMatchObject({
      orderId: order.id,
      source: 'CHANNEL',
      status: 'PURCHASED',
      carrierName: cheapest.carrierName,
      serviceName: cheapest.serviceName,
      amountCents: cheapest.amountCents,
      format: 'PDF',
      confirmedByChannel: true,
      failure: null,
      documentUrl: `/api/labels/${label.id}/document`,
    });
    expect(label.trackingNumber).toEqual(expect.any(String));

    const hub = (await app.gql(ORDER, { id: order.id })).data!.order;
    expect(hub.status).toBe('SHIPPED');
    expect(hub.shipments).toEqual([{ id: label.shipmentId, trackingNumber: label.trackingNumber }]);
    expect(hub.labels).toEqual([{ id: label.id, status: 'PURCHASED', trackingNumber: label.trackingNumber }]);
    // Amazon recorded the package when the label was bought; the hub sent nothing more.
    expect(await shipRows(order.id)).toBe(0);
    expect(confirmations).toEqual([]);
    expect(internal(order.channelOrderId).packages).toEqual([
      expect.objectContaining({ trackingNumber: label.trackingNumber }),
    ]);

    // The next pull reads the package Amazon recorded: it is the hub's shipment, not a second one.
    sandbox.clock.advance(3 * 60_000);
    expect((await syncAndWait(app, amazon.hubId)).lastError).toBeNull();
    const synced = (await app.gql(ORDER, { id: order.id })).data!.order;
    expect(synced.status).toBe('SHIPPED');
    expect(synced.shipments).toEqual([{ id: label.shipmentId, trackingNumber: label.trackingNumber }]);

    const doc = await fetch(`${app.baseUrl}${label.documentUrl}`, { headers: { authorization: `Bearer ${viewer}` } });
    expect(doc.status).toBe(200);
    expect(doc.headers.get('content-type')).toBe('application/pdf');
    expect(
      Buffer.from(await doc.arrayBuffer())
        .subarray(0, 5)
        .toString('latin1'),
    ).toBe('%PDF-');
    const anonymous = await fetch(`${app.baseUrl}${label.documentUrl}`);
    expect(anonymous.status).toBe(401);

    // A shipped order needs no other label.
    const again = await app.gql(RATES, { orderId: order.id, parcel: PARCEL });
    expect(again.errors![0]).toMatchObject({
      message: `Order ${order.channelOrderId} has nothing left to ship, so it needs no label.`,
      extensions: { code: 'CONFLICT' },
    });
  });

  it('voiding the label before ship-by cancels it on Amazon and puts the order back in the queue', async () => {
    const order = await nextOrder();
    const quote = await rates(order.id);
    const rate = quote.rates[0];
    const bought = (
      await app.gql(BUY, {
        input: { orderId: order.id, requestToken: quote.requestToken, rateId: rate.rateId, parcel: PARCEL },
      })
    ).data!.buyLabel;
    expect((await app.gql(ORDER, { id: order.id })).data!.order.status).toBe('SHIPPED');

    const asViewer = await app.gql(VOID, { id: bought.id }, viewer);
    expect(asViewer.errors![0].extensions.code).toBe('FORBIDDEN');
    const res = await app.gql(VOID, { id: bought.id });
    expect(res.errors).toBeUndefined();
    expect(res.data!.voidLabel).toMatchObject({ id: bought.id, status: 'VOIDED', shipmentId: null });
    expect(res.data!.voidLabel.voidedAt).toEqual(expect.any(String));
    const hub = (await app.gql(ORDER, { id: order.id })).data!.order;
    expect(hub.status).not.toBe('SHIPPED');
    expect(hub.shipments).toEqual([]);
    expect(hub.labels).toEqual([{ id: bought.id, status: 'VOIDED', trackingNumber: bought.trackingNumber }]);
    expect(internal(order.channelOrderId).packages).toEqual([]);
    expect(await shipRows(order.id)).toBe(0);

    // A new label can be bought for it now.
    const next = await rates(order.id);
    const rebought = await app.gql(BUY, {
      input: { orderId: order.id, requestToken: next.requestToken, rateId: next.rates[0].rateId, parcel: PARCEL },
    });
    expect(rebought.data!.buyLabel.status).toBe('PURCHASED');
    expect(confirmations).toEqual([]);
  });

  it.each([
    ['TOKEN_EXPIRED', 'CONFLICT', 'RATE_EXPIRED'],
    ['PURCHASE_REFUSED', 'CHANNEL_ERROR', 'PURCHASE_REFUSED'],
  ])(
    'a purchase refused by Amazon (%s) is told in words, and nothing is bought or confirmed',
    async (fault, code, labelError) => {
      const order = await nextOrder();
      const quote = await rates(order.id);
      await plant(fault);
      const input = {
        orderId: order.id,
        requestToken: quote.requestToken,
        rateId: quote.rates[0].rateId,
        parcel: PARCEL,
      };
      const res = await app.gql(BUY, { input });
      expect(res.errors![0].extensions).toMatchObject({ code, labelError });
      expect(res.errors![0].message).toMatch(/[a-z]{3,} [a-z]{3,}/);
      expect(res.errors![0].message).not.toMatch(/^[A-Z_]+$/);
      const hub = (await app.gql(ORDER, { id: order.id })).data!.order;
      expect(hub.status).not.toBe('SHIPPED');
      expect(hub.shipments).toEqual([]);
      expect(internal(order.channelOrderId).packages).toEqual([]);
      expect(await shipRows(order.id)).toBe(0);
      const failed = await app.ds.query(`SELECT status, failure FROM shipping_label WHERE order_id = $1`, [order.id]);
      expect(failed).toEqual([{ status: 'FAILED', failure: res.errors![0].message }]);
    },
  );

  it('Amazon down (503) buys nothing and says so; the same click later buys the label', async () => {
    const order = await nextOrder();
    const quote = await rates(order.id);
    const input = {
      orderId: order.id,
      requestToken: quote.requestToken,
      rateId: quote.rates[0].rateId,
      parcel: PARCEL,
    };
    sandbox.injectFault({
      channel: 'AMAZON',
      route: '/amazon/shipping/v2/shipments',
      method: 'POST',
      error503: 1,
      times: 1,
    });
    const res = await app.gql(BUY, { input });
    expect(res.errors![0].extensions).toMatchObject({ code: 'CHANNEL_ERROR', labelError: 'UNAVAILABLE' });
    expect(internal(order.channelOrderId).packages).toEqual([]);
    expect((await app.gql(ORDER, { id: order.id })).data!.order.shipments).toEqual([]);
    const again = await app.gql(BUY, { input });
    expect(again.data!.buyLabel.status).toBe('PURCHASED');
    expect(internal(order.channelOrderId).packages).toHaveLength(1);
  });

  it('a void Amazon refuses is told in words, and the order stays shipped', async () => {
    const order = await nextOrder();
    const quote = await rates(order.id);
    const bought = (
      await app.gql(BUY, {
        input: { orderId: order.id, requestToken: quote.requestToken, rateId: quote.rates[0].rateId, parcel: PARCEL },
      })
    ).data!.buyLabel;
    await plant('CANCEL_REFUSED');
    const res = await app.gql(VOID, { id: bought.id });
    expect(res.errors![0].extensions).toMatchObject({ code: 'CONFLICT', labelError: 'VOID_REFUSED' });
    expect(res.errors![0].message.split(' ').length).toBeGreaterThan(3);
    const hub = (await app.gql(ORDER, { id: order.id })).data!.order;
    expect(hub.status).toBe('SHIPPED');
    expect(hub.labels).toEqual([{ id: bought.id, status: 'PURCHASED', trackingNumber: bought.trackingNumber }]);
    expect(internal(order.channelOrderId).packages).toHaveLength(1);
  });

  it('an address Amazon cannot serve is refused on the rates, naming the ship-to', async () => {
    const order = await nextOrder();
    await plant('UNSERVICEABLE_ADDRESS');
    const res = await app.gql(RATES, { orderId: order.id, parcel: PARCEL });
    expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', labelError: 'ADDRESS_UNSERVICEABLE' });
    expect((await app.gql(ORDER, { id: order.id })).data!.order.status).not.toBe('SHIPPED');
    // Buy Shipping has no address operation: the check says so rather than calling the address verified.
    const check = await app.gql(
      `query($id: ID!) { verifyShipTo(orderId: $id) { verified suggested { line1 } problems } }`,
      {
        id: order.id,
      },
    );
    expect(check.data!.verifyShipTo).toEqual({
      verified: false,
      suggested: null,
      problems: [
        "Amazon's label service has no address check of its own: an address its carriers cannot serve is refused, in words, when the rates are asked for.",
      ],
    });
  });

  it('refuses a parcel without a size, naming the field', async () => {
    const res = await app.gql(RATES, { orderId: orders[0], parcel: { ...PARCEL, weightOz: 0 } });
    expect(res.errors![0]).toMatchObject({
      message: 'parcel.weightOz: must be a number greater than 0.',
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });

  // Last: it disables the account.
  it("buys no label for a disabled account's orders", async () => {
    const order = await nextOrder();
    const disabled = await app.gql(`mutation($id: ID!) { disableChannelAccount(id: $id) { disabledAt } }`, {
      id: amazon.hubId,
    });
    expect(disabled.errors).toBeUndefined();
    const res = await app.gql(RATES, { orderId: order.id, parcel: PARCEL });
    expect(res.errors![0]).toMatchObject({
      message: 'Channel account Labels Amazon is disabled: enable it before buying labels for its orders.',
      extensions: { code: 'CONFLICT' },
    });
  });
});
