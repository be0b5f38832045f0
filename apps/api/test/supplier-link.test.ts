import { checkTrackingNumber } from '@order-hub/rules';
import { createSandbox, type Sandbox } from '@order-hub/sandbox';
import { ApiTokensService } from '../src/modules/auth/api-tokens.service';
import { SupplierLinks } from '../src/modules/suppliers/intake/supplier-links';
import { SuppliersRepository } from '../src/modules/suppliers/suppliers.repository';
import { SuppliersService, type Supplier } from '../src/modules/suppliers/suppliers.service';
import { connectSandboxAccount, syncAndWait, type ConnectedAccount } from './support/sync-helpers';
import { startTestApp, type TestApp } from './support/test-app';
import { testDatabases } from './support/test-databases';
import { validTrackingNumber } from './support/tracking-numbers';

const LINK = `mutation($orderId: ID!) { supplierLink(orderId: $orderId) { url expiresAt } }`;

interface LinkedOrder {
  id: string;
  channelOrderId: string;
  poId: string;
  token: string;
  shipTo: { name: string; line1: string; city: string; stateOrRegion: string; postalCode: string };
}

/** A UPS number with its check digit off by one: the rules' TRACKING_CHECK_DIGIT. */
function typo(tracking: string): string {
  const last = Number(tracking.at(-1));
  return tracking.slice(0, -1) + String((last + 1) % 10);
}

/**
 * The supplier link over real HTTP, as the supplier's browser calls it: the page's JSON without the buyer's name or
 * street, the rules' words on a number as typed, a refused number and an applied one, and links that are expired or
 * tampered with refused in a sentence.
 */
describe.each(testDatabases())('supplier link on %s', (kind) => {
  let sandbox: Sandbox;
  let app: TestApp;
  let amazon: ConnectedAccount;
  let acme: Supplier;
  const used = new Set<string>();

  const call = async (method: 'GET' | 'POST', path: string, body?: unknown) => {
    const res = await fetch(`${app.baseUrl}${path}`, {
      method,
      headers: { accept: 'application/json', ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, text, body: JSON.parse(text) as Record<string, any> };
  };

  async function linkedOrder(): Promise<LinkedOrder> {
    const rows: { id: string; channel_order_id: string; ship_to: LinkedOrder['shipTo'] }[] = await app.ds.query(
      `SELECT id, channel_order_id, ship_to FROM "order" WHERE account_id = $1 AND status IN ('CREATED', 'ACKNOWLEDGED')
          AND fulfillment_method = 'MERCHANT' AND NOT cancellation_requested AND ship_to IS NOT NULL ORDER BY channel_order_id`,
      [amazon.hubId],
    );
    const row = rows.find((r) => !used.has(r.id))!;
    used.add(row.id);
    const repo = app.running.app.get(SuppliersRepository);
    const po = await repo.purchaseOrders().save(
      repo.purchaseOrders().create({
        number: `PO-261204-${used.size}`,
        supplierId: acme.id,
        orderId: row.id,
        method: 'LINK',
        format: 'CSV',
        sentAt: new Date(),
        sentTo: null,
        trackingDueAt: new Date(Date.now() + 86_400_000),
        status: 'SENT',
        linkExpiresAt: null,
        sentBy: 'test',
      }),
    );
    const link = await app.gql<{ supplierLink: { url: string; expiresAt: string } }>(LINK, { orderId: row.id });
    expect(link.errors).toBeUndefined();
    const { url, expiresAt } = link.data!.supplierLink;
    expect(url).toMatch(/^http:\/\/localhost:5173\/supplier\/[A-Za-z0-9_-]{70}$/);
    expect(Date.parse(expiresAt)).toBeGreaterThan(Date.now() + 13 * 86_400_000);
    return {
      id: row.id,
      channelOrderId: row.channel_order_id,
      poId: po.id,
      token: url.slice(url.lastIndexOf('/') + 1),
      shipTo: row.ship_to,
    };
  }

  beforeAll(async () => {
    sandbox = await createSandbox({ seed: 20, throttling: { rateScale: 1000 } });
    app = await startTestApp(kind, { CHANNEL_RATE_SCALE: '1000' });
    amazon = await connectSandboxAccount(app, sandbox, 'AMAZON', 'Link Amazon');
    sandbox.generateOrders({
      accountId: amazon.sandboxAccountId,
      count: 6,
      seed: 7,
      mix: { multiLine: 0, multiQuantity: 0, intentToCancel: 0, channelFulfilled: 0 },
    });
    sandbox.clock.advance(3 * 60_000);
    expect((await syncAndWait(app, amazon.hubId)).lastError).toBeNull();
    acme = await app.running.app
      .get(SuppliersService)
      .create({ name: 'Acme Wholesale', senderAddresses: ['@acme-wholesale.example'] }, 'test');
  }, 240_000);
  afterAll(async () => {
    await app?.close();
    await sandbox?.close();
  });

  it("shows what to ship and where to (city, state, ZIP3), never the buyer's name or street", async () => {
    const order = await linkedOrder();
    const page = await call('GET', `/supplier/${order.token}`);
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({
      orderNumber: order.channelOrderId,
      supplierName: 'Acme Wholesale',
      timeZone: expect.any(String),
      shipTo: {
        city: order.shipTo.city,
        state: order.shipTo.stateOrRegion,
        zip3: order.shipTo.postalCode.slice(0, 3),
      },
      trackingReceivedAt: null,
    });
    expect(page.body.lines).toEqual([{ sku: expect.any(String), title: expect.any(String), quantity: 1 }]);
    expect(page.body.carriers).toContainEqual({ code: 'UPS', label: 'UPS' });
    expect(page.text).not.toContain(order.shipTo.name);
    expect(page.text).not.toContain(order.shipTo.line1);
    expect(page.text).not.toContain(order.shipTo.postalCode);
  });

  it("checks a number as typed in the rules' words, refuses a bad one, applies a good one", async () => {
    const order = await linkedOrder();
    const good = validTrackingNumber('UPS');
    const checked = await call('POST', `/supplier/${order.token}/check`, {
      carrier: 'UPS',
      trackingNumber: typo(good),
    });
    expect(checked.status).toBe(200);
    const violation = checked.body.violations.find((v: { code: string }) => v.code === 'TRACKING_CHECK_DIGIT');
    expect(violation).toMatchObject({ severity: 'BLOCK', field: expect.any(String) });
    // The rules' own words, as the ship dialog shows them.
    expect(violation.message).toBe(
      checkTrackingNumber(typo(good), 'UPS').violations.find((v) => v.code === 'TRACKING_CHECK_DIGIT')!.message,
    );

    const fine = await call('POST', `/supplier/${order.token}/check`, { carrier: 'UPS', trackingNumber: good });
    expect(fine.body.violations.filter((v: { severity: string }) => v.severity === 'BLOCK')).toEqual([]);

    const refused = await call('POST', `/supplier/${order.token}`, { carrier: 'UPS', trackingNumber: typo(good) });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ ok: false, status: 'REFUSED' });
    expect(refused.body.message).toBe(`This tracking number cannot be taken: ${violation.message}`);
    expect(await app.ds.query(`SELECT id FROM shipment WHERE order_id = $1`, [order.id])).toEqual([]);

    const missing = await call('POST', `/supplier/${order.token}`, { trackingNumber: good });
    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject({
      field: 'carrier',
      message: expect.stringMatching(/^carrier: must be one of /),
    });

    const applied = await call('POST', `/supplier/${order.token}`, { carrier: 'UPS', trackingNumber: good });
    expect(applied.status).toBe(200);
    expect(applied.body).toMatchObject({
      ok: true,
      status: 'APPLIED',
      message: `Thank you: tracking ${good} is on order ${order.channelOrderId}.`,
    });
    const shipments: { tracking_number: string }[] = await app.ds.query(
      `SELECT tracking_number FROM shipment WHERE order_id = $1`,
      [order.id],
    );
    expect(shipments).toEqual([{ tracking_number: good }]);
    const [po] = await app.ds.query(`SELECT status FROM purchase_order WHERE id = $1`, [order.poId]);
    expect(po.status).toBe('TRACKING_RECEIVED');
    const intake = await app.gql<{ order: { trackingIntake: { via: string; status: string }[] } }>(
      `query($id: ID!) { order(id: $id) { trackingIntake { via status } } }`,
      { id: order.id },
    );
    expect(intake.data!.order.trackingIntake).toEqual([
      { via: 'LINK', status: 'APPLIED' },
      { via: 'LINK', status: 'REFUSED' },
    ]);
    const evidence = await app.gql<{ orderEvidence: { shipments: { origin: string }[] } }>(
      `query($id: ID!) { orderEvidence(orderId: $id) { shipments { origin } } }`,
      { id: order.id },
    );
    expect(evidence.data!.orderEvidence.shipments[0].origin).toBe(
      "supplier Acme Wholesale's entry on the supplier link",
    );
    expect((await call('GET', `/supplier/${order.token}`)).body.trackingReceivedAt).toEqual(expect.any(String));
  });

  it('refuses an expired link (410) and a tampered one (401), each in a sentence', async () => {
    const order = await linkedOrder();
    const links = app.running.app.get(SupplierLinks);
    const expired = links.sign({ id: order.poId, orderId: order.id }, new Date(Date.now() - 60_000));
    const old = await call('GET', `/supplier/${expired}`);
    expect(old).toMatchObject({
      status: 410,
      body: { message: 'This link has expired. Ask the seller for a new one.' },
    });

    // Another byte in the order id, the expiry or the signature; a token cut short; something else entirely.
    const flip = (at: number) => {
      const bytes = Buffer.from(order.token, 'base64url');
      bytes[at] ^= 0x01;
      return bytes.toString('base64url');
    };
    for (const token of [flip(20), flip(34), flip(50), order.token.slice(0, 60), 'not-a-link']) {
      const res = await call('POST', `/supplier/${token}`, {
        carrier: 'UPS',
        trackingNumber: validTrackingNumber('UPS'),
      });
      expect(res.status).toBe(401);
      expect(res.body.message).toMatch(/^This link is not valid: it may have been cut or changed\./);
    }
    expect(await app.ds.query(`SELECT id FROM shipment WHERE order_id = $1`, [order.id])).toEqual([]);
  });

  it('a link is made for an order with a purchase order, by an operator; each link takes a bounded number of tries', async () => {
    const { secret } = await app.running.app.get(ApiTokensService).create('link viewer', 'VIEWER', 'test');
    const order = await linkedOrder();
    expect((await app.gql(LINK, { orderId: order.id }, secret)).errors?.[0].extensions.code).toBe('FORBIDDEN');
    const [unsent] = await app.ds.query(
      `SELECT o.id, o.channel_order_id FROM "order" o WHERE o.account_id = $1 AND NOT EXISTS (SELECT 1 FROM purchase_order p WHERE p.order_id = o.id) LIMIT 1`,
      [amazon.hubId],
    );
    const none = await app.gql(LINK, { orderId: unsent.id });
    expect(none.errors?.[0]).toMatchObject({
      message: `orderId: order ${unsent.channel_order_id} has no purchase order; send it to its supplier first.`,
      extensions: { code: 'BAD_USER_INPUT' },
    });
    let last = 0;
    for (let i = 0; i < 31; i++)
      last = (await call('POST', `/supplier/${order.token}/check`, { carrier: 'UPS', trackingNumber: '1Z' })).status;
    expect(last).toBe(429);
  });
});
