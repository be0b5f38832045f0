import { inflateSync } from 'node:zlib';
import { simpleParser, type ParsedMail } from 'mailparser';
import { createSandbox, type Sandbox } from '@order-hub/sandbox';
import { ComplianceAlarmsService } from '../src/modules/compliance/compliance-alarms.service';
import { SuppliersService } from '../src/modules/suppliers/suppliers.service';
import { startSmtpSink, type SmtpSink } from './support/smtp-sink';
import { startTestApp, type TestApp } from './support/test-app';
import { testDatabases } from './support/test-databases';
import { connectSandboxAccount, syncAndWait, type ConnectedAccount } from './support/sync-helpers';
import { validTrackingNumber } from './support/tracking-numbers';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const SUPPLIER_FIELDS = `id name contactName email senderAddresses phone leadTimeBusinessDays trackingDeadlineHours poMethod poFormat active`;
const CREATE = `mutation($input: SupplierInput!) { createSupplier(input: $input) { ${SUPPLIER_FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $input: SupplierUpdateInput!) { updateSupplier(id: $id, input: $input) { ${SUPPLIER_FIELDS} } }`;
const SET_SKUS = `mutation($id: ID!, $skus: [SupplierSkuInput!]!) { setSupplierSkus(supplierId: $id, skus: $skus) { sku accountId } }`;
const SEND = `mutation($orderIds: [ID!]!) { sendPurchaseOrders(orderIds: $orderIds) {
  orderId error linkUrl purchaseOrder { id number supplierId method format sentTo trackingDueAt status } } }`;
const WAITING = `query($f: PurchaseOrderFilter) { purchaseOrders(filter: $f, first: 100) {
  totalCount edges { node { id number orderId trackingDueAt trackingState order { channelOrderId } supplier { name } } } } }`;
const SHIP = `mutation($input: ShipmentInput!) { confirmShipment(input: $input) { outbox { id } } }`;

/** The text of each page of a pdfkit PDF: its content streams inflated, the hex strings of each TJ joined. */
function pdfText(pdf: Buffer): string {
  const pages: string[] = [];
  const raw = pdf.toString('latin1');
  const streams = /\/Length (\d+)[^>]*\/Filter \/FlateDecode[^>]*>>\nstream\n/g;
  for (let m = streams.exec(raw); m; m = streams.exec(raw)) {
    const start = m.index + m[0].length;
    const content = inflateSync(pdf.subarray(start, start + Number(m[1]))).toString('latin1');
    if (!content.includes(' Tf')) continue;
    const lines = [...content.matchAll(/\[([^\]]*)\] TJ/g)].map((tj) =>
      [...tj[1].matchAll(/<([0-9a-f]*)>/gi)].map((h) => Buffer.from(h[1], 'hex').toString('latin1')).join(''),
    );
    pages.push(lines.join('\n'));
  }
  return pages.join('\n');
}

interface OrderRow {
  id: string;
  channel_order_id: string;
  ship_by: Date;
  ship_to_name: string;
  skus: string[];
  titles: string[];
  quantities: number[];
}

describe.each(testDatabases())('suppliers and purchase orders on %s', (kind) => {
  let sandbox: Sandbox;
  let sink: SmtpSink;
  let app: TestApp;
  let walmart: ConnectedAccount;
  let orders: OrderRow[];
  let acme: { id: string };
  let beta: { id: string };
  /** Orders by role: one for Acme's CSV, one for Beta's PDF, one whose SKU no supplier ships, one of both suppliers. */
  const pick: Record<'acme' | 'beta' | 'unmapped' | 'mixed', OrderRow> = {} as never;
  let acmeSkus: string[];

  beforeAll(async () => {
    sandbox = await createSandbox({ seed: 19, throttling: { rateScale: 1000 } });
    sink = await startSmtpSink();
    app = await startTestApp(kind, {
      SMTP_URL: sink.url,
      MAIL_FROM: 'Seller <seller@example.test>',
      CHANNEL_RATE_SCALE: '1000',
    });
    walmart = await connectSandboxAccount(app, sandbox, 'WALMART', 'Dropship Walmart');
    const noMix = { multiLine: 0, multiQuantity: 0, intentToCancel: 0, channelFulfilled: 0, prime: 0 };
    sandbox.generateOrders({
      accountId: walmart.sandboxAccountId,
      count: 14,
      seed: 3,
      mix: noMix,
      placedWithinHours: 1,
    });
    sandbox.generateOrders({
      accountId: walmart.sandboxAccountId,
      count: 4,
      seed: 9,
      mix: { ...noMix, multiLine: 1 },
      placedWithinHours: 1,
    });
    expect((await syncAndWait(app, walmart.hubId)).lastError).toBeNull();
    orders = await app.ds.query(
      `SELECT o.id, o.channel_order_id, o.ship_by, o.ship_to_name,
              array_agg(l.sku ORDER BY l.line_number) AS skus, array_agg(l.title ORDER BY l.line_number) AS titles,
              array_agg(l.quantity_ordered ORDER BY l.line_number) AS quantities
         FROM "order" o JOIN order_line l ON l.order_id = o.id
        WHERE o.account_id = $1 AND o.status = 'CREATED' AND NOT o.cancellation_requested
        GROUP BY o.id ORDER BY o.channel_order_id`,
      [walmart.hubId],
    );
    const mixed = orders.find((o) => new Set(o.skus).size >= 2)!;
    const s2 = mixed.skus[mixed.skus.length - 1];
    const singles = orders.filter((o) => o.skus.length === 1);
    const singleSkus = [...new Set(singles.map((o) => o.skus[0]))];
    const [skuB, skuC] = singleSkus.filter((s) => !mixed.skus.includes(s));
    acmeSkus = [...new Set([...singleSkus, ...mixed.skus].filter((s) => ![skuB, skuC, s2].includes(s)))];
    pick.mixed = mixed;
    pick.acme = singles.find((o) => acmeSkus.includes(o.skus[0]))!;
    pick.beta = singles.find((o) => o.skus[0] === skuB)!;
    pick.unmapped = singles.find((o) => o.skus[0] === skuC)!;
    expect(Object.values(pick).every(Boolean)).toBe(true);
  }, 180_000);

  afterAll(async () => {
    await app?.close();
    await sandbox?.close();
    await sink?.close();
  });

  it('creates and updates suppliers; a duplicate name (any case) or an e-mail supplier without an address is refused by field', async () => {
    const created = await app.gql(CREATE, {
      input: {
        name: 'Acme',
        contactName: 'Ana',
        email: 'orders@acme.example',
        senderAddresses: ['@Acme.example', 'tracking@acme-logistics.example'],
        trackingDeadlineHours: 24,
        leadTimeBusinessDays: 2,
      },
    });
    expect(created.errors).toBeUndefined();
    acme = created.data!.createSupplier;
    expect(created.data!.createSupplier).toMatchObject({
      name: 'Acme',
      poMethod: 'EMAIL',
      poFormat: 'CSV',
      active: true,
      senderAddresses: ['@acme.example', 'tracking@acme-logistics.example'],
    });
    const second = await app.gql(CREATE, {
      input: { name: 'Beta Supply', email: 'po@beta.example', poFormat: 'PDF', senderAddresses: ['ship@beta.example'] },
    });
    expect(second.errors).toBeUndefined();
    beta = second.data!.createSupplier;

    const duplicate = await app.gql(CREATE, { input: { name: ' ACME ', email: 'x@y.example' } });
    expect(duplicate.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.name' });
    expect(duplicate.errors?.[0].message).toMatch(/already exists/);
    const noEmail = await app.gql(CREATE, { input: { name: 'Gamma' } });
    expect(noEmail.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.email' });
    const badSender = await app.gql(CREATE, { input: { name: 'Gamma', poMethod: 'LINK', senderAddresses: ['nope'] } });
    expect(badSender.errors?.[0].extensions).toMatchObject({ field: 'input.senderAddresses.0' });

    const renamed = await app.gql(UPDATE, { id: beta.id, input: { name: 'acme' } });
    expect(renamed.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.name' });
    const updated = await app.gql(UPDATE, { id: acme.id, input: { phone: '+1 555 0100', contactName: null } });
    expect(updated.errors).toBeUndefined();
    expect(updated.data!.updateSupplier).toMatchObject({
      phone: '+1 555 0100',
      contactName: null,
      email: 'orders@acme.example',
    });

    const service = app.running.app.get(SuppliersService);
    expect((await service.findBySender('Ops@ACME.example'))?.id).toBe(acme.id);
    expect((await service.findBySender('tracking@acme-logistics.example'))?.id).toBe(acme.id);
    expect(await service.findBySender('someone@acme-logistics.example')).toBeNull();
  });

  it('keeps a SKU map per supplier; a SKU another supplier ships is refused naming it', async () => {
    const set = await app.gql(SET_SKUS, { id: acme.id, skus: acmeSkus.map((sku) => ({ sku })) });
    expect(set.errors).toBeUndefined();
    expect(set.data!.setSupplierSkus.map((s: { sku: string }) => s.sku).sort()).toEqual([...acmeSkus].sort());
    const betaSkus = [pick.beta.skus[0], pick.mixed.skus.find((s) => !acmeSkus.includes(s))!];
    const taken = await app.gql(SET_SKUS, { id: beta.id, skus: [{ sku: betaSkus[0] }, { sku: acmeSkus[0] }] });
    expect(taken.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'skus.1.sku' });
    expect(taken.errors?.[0].message).toContain('Acme');
    expect((await app.gql(SET_SKUS, { id: beta.id, skus: betaSkus.map((sku) => ({ sku })) })).errors).toBeUndefined();
    const read = await app.gql(`query($id: ID!) { supplier(id: $id) { name skus { sku accountId } } }`, {
      id: beta.id,
    });
    expect(read.data!.supplier.skus).toHaveLength(2);
    const routed = await app.gql(`query($id: ID!) { order(id: $id) { supplier { name } purchaseOrder { id } } }`, {
      id: pick.beta.id,
    });
    expect(routed.data!.order).toEqual({ supplier: { name: 'Beta Supply' }, purchaseOrder: null });
  });

  it('sends one purchase order per order by e-mail (CSV and PDF), and refuses mixed and unmapped orders by order', async () => {
    const res = await app.gql(SEND, { orderIds: [pick.acme.id, pick.beta.id, pick.mixed.id, pick.unmapped.id] });
    expect(res.errors).toBeUndefined();
    const [a, b, mixed, unmapped] = res.data!.sendPurchaseOrders;
    expect(a).toMatchObject({
      orderId: pick.acme.id,
      error: null,
      purchaseOrder: { method: 'EMAIL', format: 'CSV', sentTo: 'orders@acme.example', status: 'SENT' },
    });
    expect(a.purchaseOrder.number).toMatch(/^PO-\d{6}-\d+$/);
    expect(new Date(a.purchaseOrder.trackingDueAt).getTime()).toBe(new Date(pick.acme.ship_by).getTime() - 24 * HOUR);
    expect(b).toMatchObject({ error: null, purchaseOrder: { format: 'PDF', sentTo: 'po@beta.example' } });
    expect(new Date(b.purchaseOrder.trackingDueAt).getTime()).toBe(new Date(pick.beta.ship_by).getTime());
    expect(mixed).toMatchObject({ orderId: pick.mixed.id, purchaseOrder: null });
    expect(mixed.error).toMatch(/2 suppliers: .*(Acme|Beta Supply).* and .*(Acme|Beta Supply)/);
    expect(unmapped.error).toContain(`no supplier ships SKU ${pick.unmapped.skus[0]}`);

    const csvMail = await simpleParser((await sink.waitFor((m) => m.to.includes('orders@acme.example'))).raw);
    expect(csvMail.subject).toBe(`Purchase order ${a.purchaseOrder.number} for order ${pick.acme.channel_order_id}`);
    expect(csvMail.text).toContain(pick.acme.ship_to_name);
    // The supplier link is signed by tracking intake (through PurchaseOrderLinks) and goes in the body and the file.
    expect(a.linkUrl).toMatch(/\/supplier\/[^/]+$/);
    expect(csvMail.text).toContain(`Enter the carrier and tracking number at ${a.linkUrl}`);
    const csv = attachment(csvMail, `${a.purchaseOrder.number}.csv`, 'text/csv').toString('utf8');
    const [header, row] = csv.trim().split('\r\n');
    expect(header).toBe(
      'PO number,Order number,Customer order number,Ship by,Tracking due by,SKU,Title,Quantity,Ship-to name,Address line 1,Address line 2,City,State,Postal code,Country,Phone,Tracking link',
    );
    expect(row.startsWith(`${a.purchaseOrder.number},${pick.acme.channel_order_id},`)).toBe(true);
    expect(row).toContain(new Date(pick.acme.ship_by).toISOString());
    expect(row).toContain(`,${pick.acme.skus[0]},`);
    expect(row).toContain(`,${pick.acme.quantities[0]},${csvCell(pick.acme.ship_to_name)},`);
    expect(row.endsWith(`,${a.linkUrl}`)).toBe(true);

    const pdfMail = await simpleParser((await sink.waitFor((m) => m.to.includes('po@beta.example'))).raw);
    const pdf = attachment(pdfMail, `${b.purchaseOrder.number}.pdf`, 'application/pdf');
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdfText(pdf);
    expect(text).toContain(`Purchase order ${b.purchaseOrder.number}`);
    expect(text).toContain(`Order number: ${pick.beta.channel_order_id}`);
    expect(text).toContain(pick.beta.ship_to_name);
    expect(text).toContain(`${pick.beta.quantities[0]} x ${pick.beta.skus[0]}`);

    const logged: { order_id: string; fields: string; via: string }[] = await app.ds.query(
      `SELECT order_id, fields, via FROM buyer_data_access WHERE fields = 'purchaseOrder.shipTo' ORDER BY via`,
    );
    expect(logged).toEqual([
      { order_id: pick.acme.id, fields: 'purchaseOrder.shipTo', via: 'CSV' },
      { order_id: pick.beta.id, fields: 'purchaseOrder.shipTo', via: 'PDF' },
    ]);
    const audited: { action: string; n: number }[] = await app.ds.query(
      `SELECT action, count(*)::int AS n FROM audit_event WHERE entity_type = 'purchase_order' GROUP BY action ORDER BY action`,
    );
    expect(audited).toEqual([
      { action: 'purchase_order.created', n: 2 },
      { action: 'purchase_order.emailed', n: 2 },
    ]);

    const again = await app.gql(SEND, { orderIds: [pick.acme.id] });
    expect(again.data!.sendPurchaseOrders[0].error).toBe(`It already has purchase order ${a.purchaseOrder.number}.`);
    const viewer = (await app.gql(`mutation { createApiToken(input: { name: "viewer", role: VIEWER }) { token } }`))
      .data!.createApiToken.token;
    const refused = await app.gql(SEND, { orderIds: [pick.unmapped.id] }, viewer);
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const read = await app.gql(`{ suppliers { name } }`, {}, viewer);
    expect(read.data!.suppliers.map((x: { name: string }) => x.name)).toEqual(['Acme', 'Beta Supply']);
    const badId = await app.gql(SEND, { orderIds: ['PO-1'] });
    expect(badId.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'orderIds.0' });
  });

  it('gives a LINK supplier its purchase order as a link to pass on, with no e-mail', async () => {
    const gamma = await app.gql(CREATE, { input: { name: 'Gamma', poMethod: 'LINK', trackingDeadlineHours: 4 } });
    expect(gamma.errors).toBeUndefined();
    const id = gamma.data!.createSupplier.id;
    expect(
      (await app.gql(SET_SKUS, { id, skus: [{ sku: pick.unmapped.skus[0], accountId: walmart.hubId }] })).errors,
    ).toBeUndefined();
    const mails = sink.messages.length;
    const res = await app.gql(SEND, { orderIds: [pick.unmapped.id] });
    expect(res.data!.sendPurchaseOrders[0]).toMatchObject({
      error: null,
      purchaseOrder: { method: 'LINK', sentTo: null, status: 'SENT' },
    });
    expect(res.data!.sendPurchaseOrders[0].linkUrl).toMatch(/\/supplier\/[^/]+$/);
    expect(sink.messages.length).toBe(mails);
    // Gamma's order is out of the later tests' way: its purchase order is cancelled.
    await app.ds.query(`UPDATE purchase_order SET status = 'CANCELLED' WHERE order_id = $1`, [pick.unmapped.id]);
  });

  it("raises the supplier clock's alarms as its due time nears and passes, and resolves them once tracking arrives", async () => {
    const [po] = await app.ds.query(`SELECT id, tracking_due_at FROM purchase_order WHERE order_id = $1`, [
      pick.acme.id,
    ]);
    const due = new Date(po.tracking_due_at).getTime();
    const alarms = app.running.app.get(ComplianceAlarmsService);
    const open = async () =>
      (
        await app.ds.query(
          `SELECT kind, severity, message FROM alert WHERE order_id = $1 AND kind LIKE 'SUPPLIER_TRACKING_%' AND resolved_at IS NULL`,
          [pick.acme.id],
        )
      ).map((r: { kind: string; severity: string }) => `${r.kind}:${r.severity}`);

    await alarms.scan(new Date(due - 6 * HOUR), false);
    expect(await open()).toEqual([]);
    await alarms.scan(new Date(due - 2 * HOUR), false);
    expect(await open()).toEqual(['SUPPLIER_TRACKING_DUE_SOON:HIGH']);
    const [soon] = await app.ds.query(
      `SELECT message FROM alert WHERE order_id = $1 AND kind = 'SUPPLIER_TRACKING_DUE_SOON'`,
      [pick.acme.id],
    );
    expect(soon.message).toContain(`Supplier Acme's tracking for`);
    expect(soon.message).toContain('2 h');
    await alarms.scan(new Date(due + HOUR), false);
    expect(await open()).toEqual(['SUPPLIER_TRACKING_MISSED:CRITICAL']);

    await app.running.app.get(SuppliersService).markTrackingReceived(pick.acme.id, new Date(due + 2 * HOUR));
    await alarms.scan(new Date(due + 3 * HOUR), false);
    expect(await open()).toEqual([]);
    const po2 = await app.gql(`query($id: ID!) { order(id: $id) { purchaseOrder { status trackingState } } }`, {
      id: pick.acme.id,
    });
    expect(po2.data!.order.purchaseOrder).toEqual({ status: 'TRACKING_RECEIVED', trackingState: 'LATE' });
  });

  it('lists the purchase orders waiting for their supplier, soonest due first', async () => {
    const rest = orders.filter((o) => o.skus.length === 1 && acmeSkus.includes(o.skus[0]) && o.id !== pick.acme.id);
    const sent = await app.gql(SEND, { orderIds: rest.map((o) => o.id) });
    expect(sent.data!.sendPurchaseOrders.every((r: { error: string | null }) => r.error === null)).toBe(true);
    const waiting = await app.gql(WAITING, { f: { waiting: true } });
    expect(waiting.errors).toBeUndefined();
    const nodes = waiting.data!.purchaseOrders.edges.map(
      (e: { node: { orderId: string; trackingDueAt: string } }) => e.node,
    );
    expect(nodes.map((n: { orderId: string }) => n.orderId).sort()).toEqual(
      [pick.beta.id, ...rest.map((o) => o.id)].sort(),
    );
    const dues = nodes.map((n: { trackingDueAt: string }) => new Date(n.trackingDueAt).getTime());
    expect(dues).toEqual([...dues].sort((x, y) => x - y));
    const acmeOnly = await app.gql(WAITING, { f: { waiting: true, supplierId: acme.id } });
    expect(acmeOnly.data!.purchaseOrders.totalCount).toBe(rest.length);
    expect(acmeOnly.data!.purchaseOrders.edges[0].node.supplier.name).toBe('Acme');
    const open = await app.ds.query(`SELECT count(*)::int AS n FROM purchase_order WHERE status = 'SENT'`);
    expect((await app.running.app.get(SuppliersService).openPurchaseOrders(null)).length).toBe(open[0].n);
  });

  it('scores a supplier over 30 days on a known history, and the plan of action names it', async () => {
    const pos: { id: string; order_id: string }[] = await app.ds.query(
      `SELECT id, order_id FROM purchase_order WHERE supplier_id = $1 ORDER BY number`,
      [acme.id],
    );
    expect(pos.length).toBeGreaterThanOrEqual(5);
    const now = Date.now();
    // One on time, one missed, one not yet due, the rest late: sent two days ago.
    const history = pos.map((p, i) => ({
      id: p.id,
      due: new Date(now - 30 * HOUR + (i === 3 ? 80 * HOUR : 0)),
      received: i === 0 ? new Date(now - 31 * HOUR) : i === 2 || i === 3 ? null : new Date(now - 20 * HOUR),
    }));
    for (const h of history)
      await app.ds.query(
        `UPDATE purchase_order SET sent_at = $2, tracking_due_at = $3, tracking_received_at = $4,
                status = CASE WHEN $4::timestamptz IS NULL THEN 'SENT' ELSE 'TRACKING_RECEIVED' END WHERE id = $1`,
        [h.id, new Date(now - 2 * DAY), h.due, h.received],
      );
    // Two numbers the intake held or refused, one it applied.
    for (const status of ['HELD', 'REFUSED', 'APPLIED'])
      await app.ds.query(
        `INSERT INTO tracking_intake (order_id, supplier_id, via, carrier, tracking_number, status, created_by)
         VALUES ($1, $2, 'MAIL', 'UPS', $3, $4, 'supplier:Acme')`,
        [pos[1].order_id, acme.id, validTrackingNumber('UPS'), status],
      );
    // Two parcels the tracking provider follows: one never scanned, one first scanned 9 days after shipping.
    for (const [i, firstScanDays] of [
      [0, null],
      [1, 9],
    ] as const) {
      const order = orders.find((o) => o.id === pos[i].order_id)!;
      const shipped = await app.gql(SHIP, {
        input: {
          orderId: order.id,
          lines: [{ lineNumber: '1', quantity: order.quantities[0] }],
          carrier: 'UPS',
          trackingNumber: validTrackingNumber('UPS'),
          shippedAt: new Date().toISOString(),
        },
      });
      expect(shipped.errors).toBeUndefined();
      const shippedAt = new Date(now - 10 * DAY);
      await app.ds.query(`UPDATE shipment SET shipped_at = $2 WHERE order_id = $1`, [order.id, shippedAt]);
      const [shipment] = await app.ds.query(`SELECT id, tracking_number FROM shipment WHERE order_id = $1`, [order.id]);
      const firstScan = firstScanDays === null ? null : new Date(shippedAt.getTime() + firstScanDays * DAY);
      await app.ds.query(
        `INSERT INTO shipment_tracker (shipment_id, order_id, provider, tracking_code, carrier, state, first_scan_at)
         VALUES ($1, $2, 'EASYPOST', $3, 'UPS', 'TRACKING', $4)`,
        [shipment.id, order.id, shipment.tracking_number, firstScan],
      );
    }

    const res = await app.gql(
      `query($id: ID!) { supplier(id: $id) { scorecard(days: 30) {
      days purchaseOrders trackingReceived onTime late missed waiting onTimeRate rejectedNumbers shipments lateFirstScans neverScanned sentence } } }`,
      { id: acme.id },
    );
    expect(res.errors).toBeUndefined();
    const late = pos.length - 3;
    expect(res.data!.supplier.scorecard).toEqual({
      days: 30,
      purchaseOrders: pos.length,
      trackingReceived: late + 1,
      onTime: 1,
      late,
      missed: 1,
      waiting: 1,
      onTimeRate: 1 / (late + 2),
      rejectedNumbers: 2,
      shipments: 2,
      lateFirstScans: 1,
      neverScanned: 1,
      sentence: `Acme had ${pos.length} purchase orders in the last 30 days: tracking on time for 1, late for ${late}, never sent for 1 (${Math.round((1 / (late + 2)) * 100)}% on time); 1 still waiting; 2 numbers held or refused; 1 parcel first scanned late; 1 never scanned.`,
    });

    const byState = await app.gql(
      `query($id: ID!) { supplier(id: $id) {
        missed: purchaseOrders(filter: { state: MISSED }) { totalCount edges { node { orderId trackingState } } }
        onTime: purchaseOrders(filter: { state: ON_TIME }) { totalCount edges { node { orderId } } } } }`,
      { id: acme.id },
    );
    expect(byState.errors).toBeUndefined();
    expect(byState.data!.supplier.missed.edges).toEqual([
      { node: { orderId: pos[2].order_id, trackingState: 'MISSED' } },
    ]);
    expect(byState.data!.supplier.onTime.edges.map((e: { node: { orderId: string } }) => e.node.orderId)).toEqual([
      pos[0].order_id,
    ]);

    const plan = await app.gql(
      `query($a: ID) { planOfAction(channel: WALMART, accountId: $a, metric: VALID_TRACKING_RATE) { draft { rootCause } } }`,
      { a: walmart.hubId },
    );
    expect(plan.errors).toBeUndefined();
    expect(plan.data!.planOfAction.draft.rootCause).toContain(
      `- supplier Acme: ${late + 1} of ${pos.length} tracking numbers late, 1 never scanned.`,
    );
    expect(plan.data!.planOfAction.draft.rootCause).not.toContain('supplier Beta Supply');
  });
});

function attachment(mail: ParsedMail, filename: string, contentType: string): Buffer {
  const found = mail.attachments.find((a) => a.filename === filename);
  expect(found?.contentType).toBe(contentType);
  return found!.content;
}

function csvCell(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
