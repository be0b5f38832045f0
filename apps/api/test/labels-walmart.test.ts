import { createSandbox, type Sandbox } from '@order-hub/sandbox';
import { labelKey, LabelPurchaseService } from '../src/modules/labels/label-purchase.service';
import { LabelVoidService } from '../src/modules/labels/label-void.service';
import { ShippingLabelRepository } from '../src/modules/labels/shipping-label.repository';
import { settledOutbox } from './support/outbox-helpers';
import { walmartOrderView } from './support/sandbox-views';
import { connectSandboxAccount, syncAndWait, type ConnectedAccount } from './support/sync-helpers';
import { startTestApp, type TestApp } from './support/test-app';
import { testDatabases } from './support/test-databases';

const CONTROL_KEY = 'labels-walmart-test';
const PARCEL = { lengthIn: 12, widthIn: 9, heightIn: 6, weightOz: 40 };
const SHIP_FROM = {
  name: 'Order Hub Warehouse',
  line1: '100 Main St',
  city: 'Columbus',
  stateOrRegion: 'OH',
  postalCode: '43215',
  countryCode: 'US',
};
const RATES = `query($orderId: ID!, $parcel: LabelParcelInput) {
  labelRates(orderId: $orderId, parcel: $parcel) {
    requestToken source
    rates { rateId carrier carrierName service serviceName amountCents cheapest fastest meetsShipBy meetsDeliverBy problem }
    removed { carrierName serviceName reason }
  }
}`;
const LABEL = `id status carrier carrierName service serviceName trackingNumber amountCents documentUrl confirmedByChannel
  shipmentId failure voidableUntil`;
const BUY = `mutation($input: BuyLabelInput!) { buyLabel(input: $input) { ${LABEL} } }`;
const VOID = `mutation($id: ID!) { voidLabel(labelId: $id) { ${LABEL} } }`;
const ORDER = `query($id: ID!) { order(id: $id) { status shipments { id trackingNumber carrier } labels { id status } } }`;
const SET_SHIP_FROM = `mutation($id: ID!, $address: ShipFromInput!) { setShipFrom(accountId: $id, address: $address) { id } }`;

interface Rate {
  rateId: string;
  carrier: string;
  carrierName: string;
  serviceName: string;
  amountCents: number;
}

type Tracking = { carrierName: { carrier?: string }; methodCode: string; trackingNumber: string };

describe.each(testDatabases())('Walmart labels through the tracking provider on %s', (kind) => {
  let sandbox: Sandbox;
  let app: TestApp;
  let walmart: ConnectedAccount;
  let held: ConnectedAccount;
  let multi: ConnectedAccount;
  const open = new Map<string, { id: string; channelOrderId: string }[]>();

  const control = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${sandbox.controlBaseUrl}${path}`, {
      method,
      headers: { 'x-sandbox-key': CONTROL_KEY, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    expect(res.status).toBeLessThan(300);
  };
  const nextOrder = (account: ConnectedAccount) => open.get(account.hubId)!.shift()!;
  async function rates(orderId: string): Promise<{ requestToken: string; rates: Rate[]; removed: unknown[] }> {
    const res = await app.gql(RATES, { orderId, parcel: PARCEL });
    expect(res.errors).toBeUndefined();
    return res.data!.labelRates;
  }
  const upsGround = (quote: { rates: Rate[] }) => quote.rates.find((r) => r.serviceName === 'UPS Ground')!;
  const buy = (orderId: string, requestToken: string, rateId: string) =>
    app.gql(BUY, { input: { orderId, requestToken, rateId, parcel: PARCEL } });
  const shipRows = (orderId: string): Promise<{ status: string; discard_reason: string | null }[]> =>
    app.ds.query(`SELECT status, discard_reason FROM outbox WHERE order_id = $1 AND operation = 'SHIP'`, [orderId]);
  const lineStatuses = (po: string) =>
    walmartOrderView(sandbox, po).orderLines.orderLine.flatMap((l) =>
      l.orderLineStatuses.orderLineStatus.map((s) => s as typeof s & { trackingInfo?: Tracking }),
    );

  beforeAll(async () => {
    sandbox = await createSandbox({ seed: 22, throttling: false, controlApiKey: CONTROL_KEY });
    app = await startTestApp(kind, {
      EASYPOST_API_KEY: sandbox.easypostApiKey,
      EASYPOST_BASE_URL: sandbox.easypostBaseUrl,
    });
    walmart = await connectSandboxAccount(app, sandbox, 'WALMART', 'Labels Walmart');
    held = await connectSandboxAccount(app, sandbox, 'WALMART', 'Labels Walmart held');
    multi = await connectSandboxAccount(app, sandbox, 'WALMART', 'Labels Walmart packages');
    sandbox.generateOrders({
      accountId: multi.sandboxAccountId,
      count: 4,
      seed: 41,
      mix: { multiLine: 1, multiQuantity: 1, intentToCancel: 0, channelFulfilled: 0 },
    });
    const hold = await app.gql(
      `mutation($id: ID!, $input: UpdateChannelAccountInput!) { updateChannelAccount(id: $id, input: $input) { id } }`,
      { id: held.hubId, input: { holdTrackingUntilScan: true } },
    );
    expect(hold.errors).toBeUndefined();
    for (const [i, account] of [walmart, held].entries()) {
      sandbox.generateOrders({
        accountId: account.sandboxAccountId,
        count: 30,
        seed: 5 + i,
        mix: { multiLine: 0, multiQuantity: 0, intentToCancel: 0, channelFulfilled: 0 },
      });
    }
    sandbox.clock.advance(3 * 60_000);
    for (const account of [walmart, held, multi]) {
      expect((await syncAndWait(app, account.hubId)).lastError).toBeNull();
      expect((await app.gql(SET_SHIP_FROM, { id: account.hubId, address: SHIP_FROM })).errors).toBeUndefined();
      const rows: { id: string; channel_order_id: string }[] = await app.ds.query(
        `SELECT id, channel_order_id FROM "order" WHERE account_id = $1 AND status IN ('CREATED', 'ACKNOWLEDGED')
          AND fulfillment_method = 'MERCHANT' AND ship_by > now() + interval '2 hours' ORDER BY channel_order_id`,
        [account.hubId],
      );
      open.set(
        account.hubId,
        rows.map((r) => ({ id: r.id, channelOrderId: r.channel_order_id })),
      );
    }
  });
  afterAll(async () => {
    await app?.close();
    await sandbox?.close();
  });
  afterEach(() => control('DELETE', '/easypost/label-faults'));

  it('offers no Amazon carrier on a Walmart order, saying why it was removed', async () => {
    const order = nextOrder(walmart);
    const quote = await rates(order.id);
    expect(quote.rates.length).toBeGreaterThan(3);
    expect(quote.rates.map((r) => r.carrier)).not.toContain('AMAZON_LOGISTICS');
    expect(quote.rates.map((r) => r.carrierName).join(' ')).not.toMatch(/amazon/i);
    expect(quote.removed).toContainEqual(
      expect.objectContaining({
        carrierName: expect.stringMatching(/Amazon/),
        reason: expect.stringMatching(/Walmart/),
      }),
    );
  });

  it('ships on a UPS label bought through the provider, confirmed to Walmart with its carrier and method, once', async () => {
    const order = nextOrder(walmart);
    const quote = await rates(order.id);
    const ups = upsGround(quote);
    expect(ups).toBeDefined();
    const [first, second] = await Promise.all([
      buy(order.id, quote.requestToken, ups.rateId),
      buy(order.id, quote.requestToken, ups.rateId),
    ]);
    expect(first.errors).toBeUndefined();
    const label = first.data!.buyLabel;
    expect(second.data!.buyLabel).toEqual(label);
    expect(label).toMatchObject({
      status: 'PURCHASED',
      carrier: 'UPS',
      serviceName: 'UPS Ground',
      amountCents: ups.amountCents,
      confirmedByChannel: false,
      failure: null,
    });
    expect(Date.parse(label.voidableUntil)).toBeGreaterThan(Date.now() + 80 * 86_400_000);
    expect(await app.ds.query(`SELECT count(*)::int AS n FROM shipping_label WHERE order_id = $1`, [order.id])).toEqual(
      [{ n: 1 }],
    );

    const outbox = await settledOutbox(app, order.id);
    expect(outbox.filter((r) => r.operation === 'SHIP')).toEqual([expect.objectContaining({ status: 'DELIVERED' })]);
    const shipped = lineStatuses(order.channelOrderId).filter((s) => s.status === 'Shipped');
    expect(shipped).toHaveLength(1);
    expect(shipped[0].trackingInfo).toMatchObject({
      carrierName: { carrier: 'UPS' },
      methodCode: 'Standard',
      trackingNumber: label.trackingNumber,
    });
    const hub = (await app.gql(ORDER, { id: order.id })).data!.order;
    expect(hub.status).toBe('SHIPPED');
    expect(hub.shipments).toEqual([{ id: label.shipmentId, trackingNumber: label.trackingNumber, carrier: 'UPS' }]);

    const doc = await fetch(`${app.baseUrl}${label.documentUrl}`, {
      headers: { authorization: `Bearer ${app.adminToken}` },
    });
    expect(doc.status).toBe(200);
    expect(
      Buffer.from(await doc.arrayBuffer())
        .subarray(0, 5)
        .toString('latin1'),
    ).toBe('%PDF-');

    // Walmart has the tracking now: the label can no longer be voided in the hub.
    const voided = await app.gql(VOID, { id: label.id });
    expect(voided.errors![0]).toMatchObject({
      message: expect.stringMatching(/^Walmart already has this shipment's tracking number/),
      extensions: { code: 'CONFLICT' },
    });
    expect((await app.gql(ORDER, { id: order.id })).data!.order.labels).toEqual([
      { id: label.id, status: 'PURCHASED' },
    ]);
  });

  it('voiding before ship-by, while the confirmation is held, puts the order back in the queue', async () => {
    const order = nextOrder(held);
    const quote = await rates(order.id);
    const label = (await buy(order.id, quote.requestToken, upsGround(quote).rateId)).data!.buyLabel;
    expect(label.status).toBe('PURCHASED');
    expect(await shipRows(order.id)).toEqual([{ status: 'PENDING', discard_reason: null }]);
    expect((await app.gql(ORDER, { id: order.id })).data!.order.status).toBe('SHIPPED');

    const res = await app.gql(VOID, { id: label.id });
    expect(res.errors).toBeUndefined();
    expect(['VOIDED', 'VOID_REQUESTED']).toContain(res.data!.voidLabel.status);
    expect(res.data!.voidLabel.shipmentId).toBeNull();
    const hub = (await app.gql(ORDER, { id: order.id })).data!.order;
    expect(hub.status).not.toBe('SHIPPED');
    expect(hub.shipments).toEqual([]);
    expect(await shipRows(order.id)).toEqual([{ status: 'DEAD', discard_reason: 'The label was voided in the hub.' }]);
    expect(lineStatuses(order.channelOrderId).map((s) => s.status)).not.toContain('Shipped');

    // The package is free again: a new label can be bought for it.
    const next = await rates(order.id);
    const rebought = await buy(order.id, next.requestToken, upsGround(next).rateId);
    expect(rebought.data!.buyLabel).toMatchObject({ status: 'PURCHASED', failure: null });
    expect(rebought.data!.buyLabel.id).not.toBe(label.id);
  });

  it.each([
    ['INSUFFICIENT_FUNDS', 'CHANNEL_ERROR', 'PURCHASE_REFUSED'],
    ['CARRIER_ERROR', 'CHANNEL_ERROR', 'PURCHASE_REFUSED'],
  ])(
    'a purchase the provider refuses (%s) is told in words; nothing is confirmed and the order stays open',
    async (fault, code, labelError) => {
      const order = nextOrder(walmart);
      const quote = await rates(order.id);
      await control('POST', '/easypost/label-faults', { fault });
      const res = await buy(order.id, quote.requestToken, upsGround(quote).rateId);
      expect(res.errors![0].extensions).toMatchObject({ code, labelError });
      expect(res.errors![0].message.split(' ').length).toBeGreaterThan(3);
      expect(await shipRows(order.id)).toEqual([]);
      const hub = (await app.gql(ORDER, { id: order.id })).data!.order;
      expect(hub.status).not.toBe('SHIPPED');
      expect(hub.shipments).toEqual([]);
      // The same click once the provider takes it again buys the label.
      const retried = await buy(order.id, quote.requestToken, upsGround(quote).rateId);
      expect(retried.data!.buyLabel.status).toBe('PURCHASED');
    },
  );

  it('an expired rate asks for rates again, and nothing is bought', async () => {
    const order = nextOrder(walmart);
    const quote = await rates(order.id);
    await control('POST', '/easypost/label-faults', { fault: 'RATE_EXPIRED' });
    const res = await buy(order.id, quote.requestToken, upsGround(quote).rateId);
    expect(res.errors![0].extensions).toMatchObject({ code: 'CONFLICT', labelError: 'RATE_EXPIRED' });
    expect(await shipRows(order.id)).toEqual([]);
  });

  it('an Amazon Shipping rate id slipped past the offered rates is voided at once, and Walmart is told nothing', async () => {
    const order = nextOrder(walmart);
    const quote = await rates(order.id);
    const res = await fetch(`${sandbox.easypostBaseUrl}shipments/${quote.requestToken}`, {
      headers: { authorization: `Basic ${Buffer.from(`${sandbox.easypostApiKey}:`).toString('base64')}` },
    });
    const shipment = (await res.json()) as { rates: { id: string; carrier: string }[] };
    const amazonRate = shipment.rates.find((r) => /amazon/i.test(r.carrier));
    expect(amazonRate).toBeDefined();
    const bought = await buy(order.id, quote.requestToken, amazonRate!.id);
    expect(bought.errors![0].extensions.code).toBe('CONFLICT');
    expect(bought.errors![0].message).toMatch(/Walmart/);
    expect(bought.errors![0].message).toMatch(/The label was voided; pick another rate\.$/);
    expect(await shipRows(order.id)).toEqual([]);
    const hub = (await app.gql(ORDER, { id: order.id })).data!.order;
    expect(hub.shipments).toEqual([]);
    expect(hub.labels).toEqual([{ id: expect.any(String), status: expect.stringMatching(/^VOID/) }]);
  });

  it('an address the carrier cannot serve is refused on the rates, in words', async () => {
    const order = nextOrder(walmart);
    await control('POST', '/easypost/label-faults', { fault: 'ADDRESS_UNSERVICEABLE' });
    const res = await app.gql(RATES, { orderId: order.id, parcel: PARCEL });
    expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', labelError: 'ADDRESS_UNSERVICEABLE' });
    expect(res.errors![0].message).toMatch(/address/i);
  });

  it('a label whose file could not be fetched is kept, and the reprint fetches it', async () => {
    const order = nextOrder(walmart);
    const quote = await rates(order.id);
    await control('POST', '/easypost/label-faults', { fault: 'LABEL_FETCH_FAILED', times: 2 });
    const label = (await buy(order.id, quote.requestToken, upsGround(quote).rateId)).data!.buyLabel;
    expect(label.status).toBe('PURCHASED');
    const stored = await app.ds.query(`SELECT document IS NULL AS missing FROM shipping_label WHERE id = $1`, [
      label.id,
    ]);
    expect(stored).toEqual([{ missing: true }]);
    const doc = await fetch(`${app.baseUrl}${label.documentUrl}`, {
      headers: { authorization: `Bearer ${app.adminToken}` },
    });
    expect(doc.status).toBe(200);
    expect(
      Buffer.from(await doc.arrayBuffer())
        .subarray(0, 5)
        .toString('latin1'),
    ).toBe('%PDF-');
    const after = await app.ds.query(`SELECT document IS NULL AS missing FROM shipping_label WHERE id = $1`, [
      label.id,
    ]);
    expect(after).toEqual([{ missing: false }]);
  });

  it('checks the ship-to with the provider and proposes its correction', async () => {
    const order = nextOrder(walmart);
    const res = await app.gql(
      `query($id: ID!) { verifyShipTo(orderId: $id) { verified suggested { line1 city postalCode } problems } }`,
      { id: order.id },
    );
    expect(res.errors).toBeUndefined();
    const check = res.data!.verifyShipTo;
    expect(check.verified).toBe(true);
    expect(check.problems).toEqual([]);
    expect(check.suggested.postalCode).toMatch(/^\d{5}-\d{4}$/);
  });

  it('rates and buys the label for the correction the operator accepted, and refuses one that is not an address', async () => {
    const order = nextOrder(walmart);
    const check = await app.gql(
      `query($id: ID!) { verifyShipTo(orderId: $id) { suggested { name line1 line2 city stateOrRegion postalCode countryCode } } }`,
      { id: order.id },
    );
    const suggested = check.data!.verifyShipTo.suggested as Record<string, string>;
    const shipTo: Record<string, string> = { ...suggested, name: suggested.name || 'The buyer' };
    const quoted = await app.gql(
      `query($orderId: ID!, $parcel: LabelParcelInput, $shipTo: LabelShipToInput) {
        labelRates(orderId: $orderId, parcel: $parcel, shipTo: $shipTo) { requestToken shipToCorrected rates { rateId serviceName } } }`,
      { orderId: order.id, parcel: PARCEL, shipTo },
    );
    expect(quoted.errors).toBeUndefined();
    const quote = quoted.data!.labelRates;
    expect(quote.shipToCorrected).toBe(true);
    // The provider's shipment is addressed to the correction, ZIP+4 and all.
    const shipment = await fetch(`${sandbox.easypostBaseUrl}shipments/${quote.requestToken}`, {
      headers: { authorization: `Basic ${Buffer.from(`${sandbox.easypostApiKey}:`).toString('base64')}` },
    }).then((r) => r.json() as Promise<{ to_address: { zip: string; street1: string } }>);
    expect(shipment.to_address).toMatchObject({ zip: shipTo.postalCode, street1: shipTo.line1 });

    const bought = await app.gql(
      `mutation($input: BuyLabelInput!) { buyLabel(input: $input) { status shipToCorrected trackingNumber } }`,
      {
        input: {
          orderId: order.id,
          requestToken: quote.requestToken,
          rateId: upsGround(quote).rateId,
          parcel: PARCEL,
          shipTo,
        },
      },
    );
    expect(bought.errors).toBeUndefined();
    expect(bought.data!.buyLabel).toMatchObject({ status: 'PURCHASED', shipToCorrected: true });
    const [audit] = await app.ds.query(
      `SELECT after FROM audit_event WHERE action = 'label.purchased' AND order_id = $1`,
      [order.id],
    );
    expect(audit.after.shipToCorrected).toBe(true);

    const other = nextOrder(walmart);
    const refused = async (change: Record<string, string>) => {
      const res = await app.gql(
        `query($orderId: ID!, $parcel: LabelParcelInput, $shipTo: LabelShipToInput) {
          labelRates(orderId: $orderId, parcel: $parcel, shipTo: $shipTo) { requestToken } }`,
        { orderId: other.id, parcel: PARCEL, shipTo: { ...shipTo, ...change } },
      );
      return res.errors![0];
    };
    expect(await refused({ postalCode: 'ABCDE' })).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'shipTo.postalCode' },
    });
    expect(await refused({ line1: '  ' })).toMatchObject({ extensions: { field: 'shipTo.line1' } });
    const abroad = await refused({ countryCode: 'CA', postalCode: 'K1A 0B1' });
    expect(abroad.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'shipTo.countryCode' });
    expect(abroad.message).toContain("the order's country (US)");
  });

  const easypost = (path: string, body: unknown = {}) =>
    fetch(`${sandbox.easypostBaseUrl}${path}`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${sandbox.easypostApiKey}:`).toString('base64')}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify(body),
    }).then((r) => r.json() as Promise<{ tracking_code?: string; refund_status?: string }>);
  /** A purchase as a process that died during the provider's call left it: claimed, PENDING for 10 minutes. */
  async function diedBuying(orderId: string, requestToken: string, rateId: string): Promise<string> {
    const claimed = await app.running.app.get(ShippingLabelRepository).claim({
      orderId,
      accountId: walmart.hubId,
      source: 'PROVIDER',
      idempotencyKey: labelKey(orderId, 0, requestToken, rateId),
      requestToken,
      rateId,
      format: 'PDF',
      parcel: PARCEL,
      packageIndex: 0,
      lines: null,
      shipToCorrected: false,
      createdBy: 'user:ops@example.com',
    });
    await app.ds.query(`UPDATE shipping_label SET created_at = now() - interval '10 minutes' WHERE id = $1`, [
      claimed!.id,
    ]);
    return claimed!.id;
  }

  it('a purchase whose process died is finished by the same click: the label the provider sold then, never a second', async () => {
    const order = nextOrder(walmart);
    const quote = await rates(order.id);
    const rateId = upsGround(quote).rateId;
    const id = await diedBuying(order.id, quote.requestToken, rateId);
    // The provider had sold it before the process died.
    const sold = await easypost(`shipments/${quote.requestToken}/buy`, { rate: { id: rateId } });
    expect(sold.tracking_code).toBeTruthy();

    const res = await buy(order.id, quote.requestToken, rateId);
    expect(res.errors).toBeUndefined();
    expect(res.data!.buyLabel).toMatchObject({ id, status: 'PURCHASED', trackingNumber: sold.tracking_code });
    expect(await shipRows(order.id)).toHaveLength(1);
    expect((await app.gql(ORDER, { id: order.id })).data!.order.shipments).toEqual([
      { id: res.data!.buyLabel.shipmentId, trackingNumber: sold.tracking_code, carrier: 'UPS' },
    ]);
  });

  it('the recovery round finishes a purchase nobody clicked again, recorded for the person who started it', async () => {
    const order = nextOrder(walmart);
    const quote = await rates(order.id);
    const id = await diedBuying(order.id, quote.requestToken, upsGround(quote).rateId);
    expect(await app.running.app.get(LabelPurchaseService).recoverStale()).toBe(1);
    const [label] = await app.ds.query(
      `SELECT status, tracking_number, shipment_id FROM shipping_label WHERE id = $1`,
      [id],
    );
    expect(label.status).toBe('PURCHASED');
    expect(label.shipment_id).not.toBeNull();
    const [audit] = await app.ds.query(
      `SELECT actor FROM audit_event WHERE action = 'label.purchased' AND entity_id = $1`,
      [id],
    );
    expect(audit.actor).toBe('user:ops@example.com');
    // A second round has nothing left to do.
    expect(await app.running.app.get(LabelPurchaseService).recoverStale()).toBe(0);
  });

  it('a void whose process died after stopping the confirmation is settled by the recovery round, even one the provider already took', async () => {
    for (const providerTookIt of [false, true]) {
      const order = nextOrder(held);
      const quote = await rates(order.id);
      const label = (await buy(order.id, quote.requestToken, upsGround(quote).rateId)).data!.buyLabel;
      const [shipRow] = await app.ds.query(`SELECT id FROM outbox WHERE order_id = $1 AND operation = 'SHIP'`, [
        order.id,
      ]);
      // What the void had done when its process died: the confirmation stopped, the label marked as being voided.
      await app.ds.query(
        `UPDATE outbox SET status = 'DEAD', discard_reason = 'The label is being voided.' WHERE id = $1`,
        [shipRow.id],
      );
      await app.ds.query(`UPDATE shipping_label SET void_started_at = now() - interval '10 minutes' WHERE id = $1`, [
        label.id,
      ]);
      if (providerTookIt) {
        const [row] = await app.ds.query(`SELECT provider_shipment_id FROM shipping_label WHERE id = $1`, [label.id]);
        expect((await easypost(`shipments/${row.provider_shipment_id}/refund`)).refund_status).toBe('refunded');
      }
      expect(await app.running.app.get(LabelVoidService).recoverInterrupted()).toBe(1);
      const hub = (await app.gql(ORDER, { id: order.id })).data!.order;
      expect(hub.labels).toEqual([{ id: label.id, status: 'VOIDED' }]);
      expect(hub.shipments).toEqual([]);
      expect(hub.status).not.toBe('SHIPPED');
      expect(await shipRows(order.id)).toEqual([
        { status: 'DEAD', discard_reason: 'The label was voided in the hub.' },
      ]);
    }
  });

  it('an interrupted void the provider cannot be asked about opens an alert, resolved when a later round settles it', async () => {
    const order = nextOrder(held);
    const quote = await rates(order.id);
    const label = (await buy(order.id, quote.requestToken, upsGround(quote).rateId)).data!.buyLabel;
    const interrupted = () =>
      app.ds.query(`UPDATE shipping_label SET void_started_at = now() - interval '10 minutes' WHERE id = $1`, [
        label.id,
      ]);
    await app.ds.query(
      `UPDATE outbox SET status = 'DEAD', discard_reason = 'The label is being voided.' WHERE order_id = $1`,
      [order.id],
    );
    await interrupted();
    const [row] = await app.ds.query(`SELECT provider_shipment_id FROM shipping_label WHERE id = $1`, [label.id]);
    await control('POST', '/faults', {
      channel: 'EASYPOST',
      route: `/easypost/v2/shipments/${row.provider_shipment_id}/refund`,
      error503: 1,
    });
    const voids = app.running.app.get(LabelVoidService);
    try {
      expect(await voids.recoverInterrupted()).toBe(0);
    } finally {
      await control('DELETE', '/faults');
    }
    const openAlerts = () =>
      app.ds.query(`SELECT kind, severity, message FROM alert WHERE order_id = $1 AND resolved_at IS NULL`, [order.id]);
    const [alert] = await openAlerts();
    expect(alert).toMatchObject({ kind: 'LABEL_VOID_UNSETTLED', severity: 'HIGH' });
    expect(alert.message).toMatch(
      new RegExp(
        `^The void of UPS label ${label.trackingNumber} was interrupted, and asking again failed: EasyPost .+ Until the void is settled, the order's shipment confirmation is held\\.$`,
      ),
    );
    // Still held, not sent: the void may yet go through.
    expect(await shipRows(order.id)).toEqual([{ status: 'DEAD', discard_reason: 'The label is being voided.' }]);
    const kinds = (await app.gql(`{ notificationAlertKinds { kind label } }`)).data!.notificationAlertKinds;
    expect(kinds).toContainEqual({ kind: 'LABEL_VOID_UNSETTLED', label: 'Label void not finished' });

    await interrupted();
    expect(await voids.recoverInterrupted()).toBe(1);
    expect(await openAlerts()).toEqual([]);
    expect((await app.gql(ORDER, { id: order.id })).data!.order.labels).toEqual([{ id: label.id, status: 'VOIDED' }]);
  });

  it('a label bought whose shipment could not be recorded says so on the label and opens an alert, resolved by the void', async () => {
    const order = nextOrder(held);
    const quote = await rates(order.id);
    // The database refuses this order's shipment, as a failure between the purchase and its record would.
    await app.ds.query(
      `CREATE FUNCTION refuse_label_shipment() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused by the test'; END $$`,
    );
    await app.ds.query(
      `CREATE TRIGGER refuse_label_shipment BEFORE INSERT ON shipment FOR EACH ROW WHEN (NEW.order_id = '${order.id}') EXECUTE FUNCTION refuse_label_shipment()`,
    );
    let label: { id: string; status: string; shipmentId: string | null; failure: string; trackingNumber: string };
    try {
      const res = await buy(order.id, quote.requestToken, upsGround(quote).rateId);
      expect(res.errors).toBeUndefined();
      label = res.data!.buyLabel;
    } finally {
      await app.ds.query(`DROP TRIGGER refuse_label_shipment ON shipment`);
      await app.ds.query(`DROP FUNCTION refuse_label_shipment()`);
    }
    expect(label).toMatchObject({ status: 'PURCHASED', shipmentId: null });
    expect(label.failure).toContain(
      `The label was bought (tracking ${label.trackingNumber}), but the shipment could not be recorded`,
    );
    const openAlerts = () =>
      app.ds.query(`SELECT kind, severity, message, action FROM alert WHERE order_id = $1 AND resolved_at IS NULL`, [
        order.id,
      ]);
    const [alert] = await openAlerts();
    expect(alert).toMatchObject({ kind: 'LABEL_NOT_RECORDED', severity: 'HIGH' });
    expect(alert.message).toContain(order.channelOrderId);
    expect(alert.action).toContain(label.trackingNumber);

    expect((await app.gql(VOID, { id: label.id })).errors).toBeUndefined();
    expect(await openAlerts()).toEqual([]);
  });

  it('ships an order in two packages, one label each, each confirmed with its own units and tracking', async () => {
    const [order] = await app.ds.query(
      `SELECT o.id, o.channel_order_id FROM "order" o WHERE o.account_id = $1 AND o.status IN ('CREATED', 'ACKNOWLEDGED')
          AND o.ship_by > now() + interval '2 hours'
          AND (SELECT count(*) FROM order_line l WHERE l.order_id = o.id AND l.quantity_ordered > 1) > 0
          AND (SELECT count(*) FROM order_line l WHERE l.order_id = o.id) > 1
        ORDER BY o.channel_order_id LIMIT 1`,
      [multi.hubId],
    );
    const lines: { line_number: string; quantity_ordered: number }[] = await app.ds.query(
      `SELECT line_number, quantity_ordered FROM order_line WHERE order_id = $1 ORDER BY line_number`,
      [order.id],
    );
    const several = lines.find((l) => l.quantity_ordered > 1)!;
    const first = [{ lineNumber: several.line_number, quantity: 1 }];
    const RATES_FOR = `query($orderId: ID!, $parcel: LabelParcelInput, $lines: [ShipmentLineInput!]) {
      labelRates(orderId: $orderId, parcel: $parcel, lines: $lines) { requestToken rates { rateId serviceName } } }`;
    const BUY_PACKAGE = `mutation($input: BuyLabelInput!) { buyLabel(input: $input) {
      status packageIndex lines { lineNumber quantity } trackingNumber shipmentId failure } }`;

    const tooMany = await app.gql(RATES_FOR, {
      orderId: order.id,
      parcel: PARCEL,
      lines: [{ lineNumber: several.line_number, quantity: several.quantity_ordered + 1 }],
    });
    expect(tooMany.errors![0]).toMatchObject({
      message: `lines[0].quantity: must be a whole number from 1 to ${several.quantity_ordered} (the units of line ${several.line_number} left to ship).`,
      extensions: { code: 'BAD_USER_INPUT', field: 'lines[0].quantity' },
    });

    const q1 = (await app.gql(RATES_FOR, { orderId: order.id, parcel: PARCEL, lines: first })).data!.labelRates;
    const one = await app.gql(BUY_PACKAGE, {
      input: {
        orderId: order.id,
        requestToken: q1.requestToken,
        rateId: upsGround(q1).rateId,
        parcel: PARCEL,
        lines: first,
      },
    });
    expect(one.errors).toBeUndefined();
    expect(one.data!.buyLabel).toMatchObject({ status: 'PURCHASED', packageIndex: 0, lines: first, failure: null });

    // The second package: the rest of the order's units.
    const q2 = await rates(order.id);
    const two = await app.gql(BUY_PACKAGE, {
      input: {
        orderId: order.id,
        requestToken: q2.requestToken,
        rateId: upsGround(q2).rateId,
        parcel: PARCEL,
        packageIndex: 1,
      },
    });
    expect(two.errors).toBeUndefined();
    expect(two.data!.buyLabel).toMatchObject({ status: 'PURCHASED', packageIndex: 1, lines: null, failure: null });

    const shipped: { tracking_number: string; line_number: string; quantity: number }[] = await app.ds.query(
      `SELECT s.tracking_number, ol.line_number, sl.quantity FROM shipment s JOIN shipment_line sl ON sl.shipment_id = s.id
         JOIN order_line ol ON ol.id = sl.order_line_id
        WHERE s.order_id = $1 ORDER BY s.tracking_number = $2 DESC, ol.line_number`,
      [order.id, one.data!.buyLabel.trackingNumber],
    );
    expect(shipped[0]).toEqual({
      tracking_number: one.data!.buyLabel.trackingNumber,
      line_number: several.line_number,
      quantity: 1,
    });
    const units = (tracking: string) =>
      shipped.filter((r) => r.tracking_number === tracking).reduce((n, r) => n + r.quantity, 0);
    const total = lines.reduce((n, l) => n + l.quantity_ordered, 0);
    expect(units(two.data!.buyLabel.trackingNumber)).toBe(total - 1);
    expect((await app.gql(ORDER, { id: order.id })).data!.order.status).toBe('SHIPPED');
  });

  // Last: it moves the sandbox's clock on so the carrier scans the parcel.
  it('a void the provider refuses (the carrier scanned the parcel) leaves the shipment and its held confirmation as they were', async () => {
    const order = nextOrder(held);
    const quote = await rates(order.id);
    const label = (await buy(order.id, quote.requestToken, upsGround(quote).rateId)).data!.buyLabel;
    expect(await shipRows(order.id)).toEqual([{ status: 'PENDING', discard_reason: null }]);
    sandbox.clock.advance(7 * 3600_000);
    const res = await app.gql(VOID, { id: label.id });
    expect(res.errors![0].extensions).toMatchObject({ code: 'CONFLICT', labelError: 'VOID_REFUSED' });
    expect(res.errors![0].message.split(' ').length).toBeGreaterThan(3);
    expect(await shipRows(order.id)).toEqual([{ status: 'PENDING', discard_reason: null }]);
    const hub = (await app.gql(ORDER, { id: order.id })).data!.order;
    expect(hub.status).toBe('SHIPPED');
    expect(hub.shipments).toEqual([{ id: label.shipmentId, trackingNumber: label.trackingNumber, carrier: 'UPS' }]);
    expect(hub.labels).toEqual([{ id: label.id, status: 'PURCHASED' }]);
    const holds = await app.ds.query(`SELECT count(*)::int AS n FROM tracking_hold WHERE shipment_id = $1`, [
      label.shipmentId,
    ]);
    expect(holds).toEqual([{ n: 1 }]);

    // Had that void been interrupted after stopping the confirmation, the recovery round asks again, is refused the
    // same way, and lets the confirmation go on.
    await app.ds.query(
      `UPDATE outbox SET status = 'DEAD', discard_reason = 'The label is being voided.' WHERE order_id = $1`,
      [order.id],
    );
    await app.ds.query(`UPDATE shipping_label SET void_started_at = now() - interval '10 minutes' WHERE id = $1`, [
      label.id,
    ]);
    expect(await app.running.app.get(LabelVoidService).recoverInterrupted()).toBe(1);
    expect(await shipRows(order.id)).toEqual([{ status: 'PENDING', discard_reason: null }]);
    const [after] = await app.ds.query(`SELECT status, failure, void_started_at FROM shipping_label WHERE id = $1`, [
      label.id,
    ]);
    expect(after).toMatchObject({ status: 'PURCHASED', void_started_at: null });
    expect(after.failure).toMatch(
      /^The void was interrupted; asked again, the seller refused it \(.+\), so the label stands and its confirmation goes on\.$/,
    );
  });
});
