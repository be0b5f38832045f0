import { randomUUID } from 'node:crypto';
import { createSandbox, type Sandbox } from '@order-hub/sandbox';
import { simpleParser, type AddressObject } from 'mailparser';
import { ApiTokensService } from '../src/modules/auth/api-tokens.service';
import type { InboundMail } from '../src/modules/mailbox/mail-handler';
import { SupplierMailHandler } from '../src/modules/suppliers/intake/supplier-mail.handler';
import { TrackingIntakeService } from '../src/modules/suppliers/intake/tracking-intake.service';
import { SuppliersRepository } from '../src/modules/suppliers/suppliers.repository';
import { SuppliersService, type Supplier } from '../src/modules/suppliers/suppliers.service';
import { renderMailFixture, type MailFixtureName, type MailFixtureVars } from './support/mail-fixtures';
import { startTestApp, type TestApp } from './support/test-app';
import { connectSandboxAccount, syncAndWait, type ConnectedAccount } from './support/sync-helpers';
import { testDatabases } from './support/test-databases';
import { validTrackingNumber } from './support/tracking-numbers';

const INTAKE_FIELDS = `id orderId supplierId via mailId carrier trackingNumber status shipmentId createdBy decidedBy note
  reasons { code field message severity }`;
const ORDER_INTAKE = `query($id: ID!) { order(id: $id) { trackingIntake { ${INTAKE_FIELDS} } } }`;
const APPROVE = `mutation($id: ID!, $carrier: CarrierCode, $trackingNumber: String) {
  approveTrackingIntake(id: $id, carrier: $carrier, trackingNumber: $trackingNumber) { ${INTAKE_FIELDS} } }`;
const DISMISS = `mutation($id: ID!, $note: String!) { dismissTrackingIntake(id: $id, note: $note) { ${INTAKE_FIELDS} } }`;

interface IntakeView {
  id: string;
  orderId: string;
  supplierId: string | null;
  via: string;
  mailId: string | null;
  carrier: string;
  trackingNumber: string;
  status: string;
  shipmentId: string | null;
  createdBy: string;
  decidedBy: string | null;
  note: string | null;
  reasons: { code: string; field: string; message: string; severity: string }[];
}

let sequence = 0;
/** An Amazon 3-7-7 order number no order has. */
const amazonNumber = () => {
  sequence += 1;
  return `114-${String(4_821_000 + sequence).padStart(7, '0')}-${String(5_520_000 + sequence * 7).padStart(7, '0')}`;
};
/** An Amazon Logistics number (TBA and 12 digits, no check digit). */
const amazonLogisticsNumber = () => `TBA${String(304_958_172_000 + sequence * 7919).padStart(12, '0')}`;

/**
 * The supplier tracking intake through the mail handler (messages parsed from the test fixtures as the mailbox reads
 * them), the review queue over real GraphQL, and the supplier CSV: every path checked by the ship rules; held and
 * refused numbers never become shipments.
 */
describe.each(testDatabases())('supplier tracking intake on %s', (kind) => {
  let sandbox: Sandbox;
  let app: TestApp;
  let amazon: ConnectedAccount;
  let walmart: ConnectedAccount;
  const used = new Set<string>();
  let acme: Supplier;
  let northwind: Supplier;

  const handler = () => app.running.app.get(SupplierMailHandler);

  /** A fixture as the mailbox hands it over: parsed by mailparser (its text part), with an evidence row's id. */
  async function fixture(name: MailFixtureName, vars: MailFixtureVars, folderRole: 'INBOX' | 'JUNK' = 'INBOX') {
    const parsed = await simpleParser(Buffer.from(renderMailFixture(name, vars)));
    const first = (a: AddressObject | AddressObject[] | undefined) => (Array.isArray(a) ? a[0] : a)?.value[0];
    const from = first(parsed.from);
    const mail: InboundMail = {
      mailId: randomUUID(),
      mailboxId: randomUUID(),
      folderRole,
      folder: folderRole === 'JUNK' ? 'Junk' : 'INBOX',
      messageId: parsed.messageId ?? `<${randomUUID()}@fixture>`,
      inReplyTo: null,
      references: [],
      from: { address: (from?.address ?? '').toLowerCase(), name: from?.name || null },
      to: [first(parsed.to)?.address ?? ''],
      subject: parsed.subject ?? '',
      receivedAt: parsed.date ?? new Date(),
      text: (parsed.text ?? '').trim(),
      attachments: parsed.attachments.map((a) => ({
        filename: a.filename ?? null,
        contentType: a.contentType,
        size: a.size,
      })),
    };
    return mail;
  }

  /** A message written here (a reply with quoted history, another sender). */
  const inline = (from: string, subject: string, text: string): InboundMail => ({
    mailId: randomUUID(),
    mailboxId: randomUUID(),
    folderRole: 'INBOX',
    folder: 'INBOX',
    messageId: `<${randomUUID()}@mail.example>`,
    inReplyTo: null,
    references: [],
    from: { address: from, name: null },
    to: ['orders@oakandtwine.example'],
    subject,
    receivedAt: new Date(),
    text,
    attachments: [],
  });

  /** A sandbox order the seller ships, sent to the supplier by purchase order; answers its id and numbers. */
  async function orderSentTo(supplier: Supplier, account = amazon) {
    const rows: { id: string; channel_order_id: string }[] = await app.ds.query(
      `SELECT id, channel_order_id FROM "order" WHERE account_id = $1 AND status IN ('CREATED', 'ACKNOWLEDGED')
          AND fulfillment_method = 'MERCHANT' AND NOT cancellation_requested ORDER BY channel_order_id`,
      [account.hubId],
    );
    const row = rows.find((r) => !used.has(r.id));
    if (!row) throw new Error('the sandbox has no order left to ship');
    used.add(row.id);
    const { id, channel_order_id: channelOrderId } = row;
    const [{ line_number: lineNumber }] = await app.ds.query(`SELECT line_number FROM order_line WHERE order_id = $1`, [
      id,
    ]);
    sequence += 1;
    const repo = app.running.app.get(SuppliersRepository);
    const po = await repo.purchaseOrders().save(
      repo.purchaseOrders().create({
        number: `PO-261204-${sequence}`,
        supplierId: supplier.id,
        orderId: id,
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
    return { id, channelOrderId, lineNumber: lineNumber as string, poId: po.id, poNumber: po.number };
  }

  const intakeOf = async (orderId: string): Promise<IntakeView[]> => {
    const res = await app.gql<{ order: { trackingIntake: IntakeView[] } }>(ORDER_INTAKE, { id: orderId });
    expect(res.errors).toBeUndefined();
    return res.data!.order.trackingIntake;
  };
  const shipmentsOf = async (orderId: string): Promise<{ id: string; tracking_number: string }[]> =>
    app.ds.query(`SELECT id, tracking_number FROM shipment WHERE order_id = $1`, [orderId]);
  const poOf = async (orderId: string): Promise<{ status: string; tracking_received_at: Date | null }> =>
    (await app.ds.query(`SELECT status, tracking_received_at FROM purchase_order WHERE order_id = $1`, [orderId]))[0];

  beforeAll(async () => {
    sandbox = await createSandbox({ seed: 19, throttling: { rateScale: 1000 } });
    app = await startTestApp(kind, { CHANNEL_RATE_SCALE: '1000' });
    amazon = await connectSandboxAccount(app, sandbox, 'AMAZON', 'Intake Amazon');
    walmart = await connectSandboxAccount(app, sandbox, 'WALMART', 'Intake Walmart');
    const mix = { multiLine: 0, multiQuantity: 0, intentToCancel: 0, channelFulfilled: 0 };
    sandbox.generateOrders({ accountId: amazon.sandboxAccountId, count: 16, seed: 5, mix });
    sandbox.generateOrders({ accountId: walmart.sandboxAccountId, count: 6, seed: 6, mix });
    sandbox.clock.advance(3 * 60_000);
    for (const a of [amazon, walmart]) expect((await syncAndWait(app, a.hubId)).lastError).toBeNull();
    const suppliers = app.running.app.get(SuppliersService);
    acme = await suppliers.create(
      { name: 'Acme Wholesale', email: 'po@acme-wholesale.example', senderAddresses: ['@acme-wholesale.example'] },
      'test',
    );
    northwind = await suppliers.create(
      { name: 'Northwind Dropship', email: 'po@northwind.example', senderAddresses: ['dropship@northwind.example'] },
      'test',
    );
  }, 240_000);
  afterAll(async () => {
    await app?.close();
    await sandbox?.close();
  });

  it('applies a good number from the supplier (read in Junk), marks the purchase order and names the supplier as the source', async () => {
    const order = await orderSentTo(acme);
    const tracking = validTrackingNumber('UPS');
    const mail = await fixture(
      'supplier-tracking-plain',
      { ORDER: order.channelOrderId, TRACKING: tracking, FROM: 'shipping@acme-wholesale.example' },
      'JUNK',
    );
    const handled = await handler().handle(mail);
    expect(handled).toMatchObject({ kind: 'SUPPLIER_TRACKING', outcome: 'APPLIED', orderIds: [order.id] });
    expect(handled!.summary).toBe(`Tracking ${tracking} applied to order ${order.channelOrderId}.`);

    const [row] = await intakeOf(order.id);
    expect(row).toMatchObject({
      status: 'APPLIED',
      via: 'MAIL',
      mailId: mail.mailId,
      supplierId: acme.id,
      carrier: 'UPS',
      trackingNumber: tracking,
      createdBy: 'supplier:Acme Wholesale',
    });
    const shipments = await shipmentsOf(order.id);
    expect(shipments).toEqual([{ id: row.shipmentId, tracking_number: tracking }]);
    const po = await poOf(order.id);
    expect(po.status).toBe('TRACKING_RECEIVED');
    expect(po.tracking_received_at).not.toBeNull();

    const evidence = await app.gql<{ orderEvidence: { shipments: { origin: string }[] } }>(
      `query($id: ID!) { orderEvidence(orderId: $id) { shipments { origin } } }`,
      { id: order.id },
    );
    expect(evidence.errors).toBeUndefined();
    expect(evidence.data!.orderEvidence.shipments[0].origin).toBe(
      "supplier Acme Wholesale's tracking e-mail, read from the mailbox",
    );

    // The same message again (or the same number in a second one) answers what the first did: one shipment.
    await handler().handle({ ...mail, mailId: randomUUID() });
    expect(await shipmentsOf(order.id)).toHaveLength(1);
  });

  it('reads only the fresh part of a reply: a number in the quoted history is not taken', async () => {
    const order = await orderSentTo(acme);
    const quoted = validTrackingNumber('UPS');
    const reply = inline(
      'shipping@acme-wholesale.example',
      `Re: PO ${order.poNumber}`,
      `Still packing order ${order.channelOrderId}, it goes out tomorrow.\n\nOn Thu, Dec 3, 2026 at 9:12 AM Oak and Twine <orders@oakandtwine.example> wrote:\n> Please send tracking for order ${order.channelOrderId}.\n> Last time: tracking ${quoted}\n`,
    );
    const handled = await handler().handle(reply);
    expect(handled).toMatchObject({ outcome: 'RECORDED', orderIds: [order.id] });
    expect(handled!.findings!.trackingNumbers).toEqual([]);
    expect(await intakeOf(order.id)).toEqual([]);
    expect(await shipmentsOf(order.id)).toEqual([]);
  });

  it('holds a message naming two orders, with the reason, and ships neither', async () => {
    const first = await orderSentTo(acme);
    const second = await orderSentTo(acme);
    const mail = await fixture('supplier-two-orders', {
      ORDER: first.channelOrderId,
      ORDER2: second.channelOrderId,
      TRACKING: validTrackingNumber('UPS'),
      TRACKING2: validTrackingNumber('USPS'),
    });
    const handled = await handler().handle(mail);
    expect(handled!.outcome).toBe('HELD');
    expect(handled!.summary).toContain(`names 2 orders (${first.channelOrderId}, ${second.channelOrderId})`);
    for (const order of [first, second]) {
      const rows = await intakeOf(order.id);
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.every((r) => r.status === 'HELD' && r.reasons.some((x) => x.code === 'TWO_ORDERS'))).toBe(true);
      expect(await shipmentsOf(order.id)).toEqual([]);
      expect((await poOf(order.id)).status).toBe('SENT');
    }
  });

  it('holds a message that names no open purchase order of its supplier', async () => {
    const handled = await handler().handle(
      await fixture('supplier-tracking-plain', {
        ORDER: amazonNumber(),
        TRACKING: validTrackingNumber('UPS'),
        FROM: 'shipping@acme-wholesale.example',
      }),
    );
    expect(handled).toMatchObject({ kind: 'SUPPLIER_TRACKING', outcome: 'HELD', orderIds: [] });
    expect(handled!.findings!.reasons).toEqual([
      'No open purchase order of supplier Acme Wholesale is named in the message (order number, customer order number or PO number).',
    ]);
  });

  it('holds a forwarded chain, and a message with only an attachment', async () => {
    const forwardedOrder = await orderSentTo(acme);
    const forwarded = await handler().handle(
      await fixture('supplier-forwarded', {
        ORDER: forwardedOrder.channelOrderId,
        TRACKING: validTrackingNumber('UPS'),
      }),
    );
    expect(forwarded!.outcome).toBe('HELD');
    const [row] = await intakeOf(forwardedOrder.id);
    expect(row.status).toBe('HELD');
    expect(row.reasons.map((r) => r.code)).toContain('FORWARDED');
    expect(await shipmentsOf(forwardedOrder.id)).toEqual([]);

    const slipOrder = await orderSentTo(acme);
    const slip = await handler().handle(
      await fixture('supplier-attachment-only', {
        ORDER: slipOrder.channelOrderId,
        TRACKING: validTrackingNumber('UPS'),
      }),
    );
    expect(slip).toMatchObject({ outcome: 'HELD', orderIds: [slipOrder.id] });
    expect(slip!.findings!.reasons!.join(' ')).toMatch(
      /No tracking number in the text; the message only attaches .*pdf/i,
    );
    expect(await shipmentsOf(slipOrder.id)).toEqual([]);
  });

  it('holds a number already on another order (Walmart: reused within 30 days, in the rules’ words)', async () => {
    const shipped = await orderSentTo(acme, walmart);
    const tracking = validTrackingNumber('UPS');
    const first = await handler().handle(
      inline(
        'shipping@acme-wholesale.example',
        `Shipped ${shipped.channelOrderId}`,
        `Order ${shipped.channelOrderId} shipped. Tracking: ${tracking}`,
      ),
    );
    expect(first!.outcome).toBe('APPLIED');
    const other = await orderSentTo(acme, walmart);
    const again = await handler().handle(
      inline(
        'shipping@acme-wholesale.example',
        `Shipped ${other.channelOrderId}`,
        `Order ${other.channelOrderId} shipped. Tracking: ${tracking}`,
      ),
    );
    expect(again!.outcome).toBe('HELD');
    const [row] = await intakeOf(other.id);
    expect(row.status).toBe('HELD');
    const codes = row.reasons.map((r) => r.code);
    expect(codes).toContain('NUMBER_ON_OTHER_ORDER');
    expect(codes).toContain('TRACKING_REUSED');
    expect(row.reasons.find((r) => r.code === 'NUMBER_ON_OTHER_ORDER')!.message).toBe(
      `Tracking number ${tracking} is already on order ${shipped.channelOrderId}, not ${other.channelOrderId}.`,
    );
    // A person approving does not lift the rules' BLOCK.
    const approved = await app.gql(APPROVE, { id: row.id });
    expect(approved.errors?.[0].extensions.code).toBe('RULE_VIOLATION');
    expect(await shipmentsOf(other.id)).toEqual([]);
  });

  it('holds a number from an address that is not the supplier of the order named', async () => {
    const order = await orderSentTo(acme);
    const stranger = await handler().handle(
      inline(
        'deals@parcel-bargains.example',
        `Tracking for ${order.channelOrderId}`,
        `Your order ${order.channelOrderId} shipped, tracking ${validTrackingNumber('UPS')}.`,
      ),
    );
    expect(stranger!.outcome).toBe('HELD');
    expect(stranger!.summary).toContain(
      `The sender deals@parcel-bargains.example is not an address of the supplier order ${order.channelOrderId} went to.`,
    );
    const fromNorthwind = await handler().handle(
      inline(
        'dropship@northwind.example',
        `Tracking for ${order.channelOrderId}`,
        `Order ${order.channelOrderId} tracking ${validTrackingNumber('UPS')}.`,
      ),
    );
    expect(fromNorthwind!.findings!.reasons).toContain(
      `The sender dropship@northwind.example is supplier Northwind Dropship's, but order ${order.channelOrderId} went to another supplier.`,
    );
    const rows = await intakeOf(order.id);
    expect(rows).toHaveLength(2);
    expect(rows.every((r) => r.status === 'HELD' && r.supplierId === acme.id)).toBe(true);
    expect(await shipmentsOf(order.id)).toEqual([]);
    // Mail nobody takes: no supplier sender and no open order named.
    expect(await handler().handle(inline('news@shop.example', 'Weekly deals', 'Nothing to track here.'))).toBeNull();
    // A buyer's message through the channel's relay quoting the order and its number is the channel's mail: left to
    // the buyer-message handler, so its response clock starts.
    expect(
      await handler().handle(
        inline(
          '3a31c0de9f2b4e7a@relay.walmart.com',
          `Where is my order ${order.channelOrderId}?`,
          `Tracking ${validTrackingNumber('UPS')} has not moved for days.`,
        ),
      ),
    ).toBeNull();
    expect(await intakeOf(order.id)).toHaveLength(2);
  });

  it('holds Amazon Logistics on a Walmart order; approval keeps it blocked; a corrected number applies', async () => {
    const order = await orderSentTo(acme, walmart);
    const handled = await handler().handle(
      inline(
        'shipping@acme-wholesale.example',
        `PO ${order.poNumber} shipped`,
        `Your order ${order.channelOrderId} shipped with Amazon. Tracking: ${amazonLogisticsNumber()}`,
      ),
    );
    expect(handled!.outcome).toBe('HELD');
    const [row] = await intakeOf(order.id);
    expect(row).toMatchObject({ status: 'HELD', carrier: 'AMAZON_LOGISTICS' });
    const block = row.reasons.find((r) => r.code === 'AMAZON_LOGISTICS_ON_WALMART')!;
    expect(block.severity).toBe('BLOCK');
    expect(handled!.summary).toBe(`Held for review: ${block.message}`);

    const refused = await app.gql(APPROVE, { id: row.id });
    expect(refused.errors?.[0].extensions.code).toBe('RULE_VIOLATION');
    expect((await intakeOf(order.id))[0].status).toBe('HELD');
    expect(await shipmentsOf(order.id)).toEqual([]);

    const corrected = validTrackingNumber('UPS');
    const approved = await app.gql<{ approveTrackingIntake: IntakeView }>(APPROVE, {
      id: row.id,
      carrier: 'UPS',
      trackingNumber: corrected,
    });
    expect(approved.errors).toBeUndefined();
    expect(approved.data!.approveTrackingIntake).toMatchObject({
      status: 'APPLIED',
      carrier: 'UPS',
      trackingNumber: corrected,
      decidedBy: expect.stringMatching(/^token:/),
    });
    expect((await shipmentsOf(order.id)).map((s) => s.tracking_number)).toEqual([corrected]);
    expect((await poOf(order.id)).status).toBe('TRACKING_RECEIVED');
    const evidence = await app.gql<{ orderEvidence: { shipments: { origin: string }[] } }>(
      `query($id: ID!) { orderEvidence(orderId: $id) { shipments { origin } } }`,
      { id: order.id },
    );
    expect(evidence.data!.orderEvidence.shipments[0].origin).toMatch(
      /^supplier Acme Wholesale's tracking e-mail, read from the mailbox, held and approved by token:/,
    );
  });

  it('holds a placeholder or internal number and keeps it blocked when a person approves it; dismissed, it is never applied', async () => {
    const order = await orderSentTo(acme);
    const row = await app.running.app.get(TrackingIntakeService).submit({
      orderId: order.id,
      supplierId: acme.id,
      via: 'MAIL',
      mailId: randomUUID(),
      carrier: 'UPS',
      trackingNumber: '1234567890',
    });
    expect(row.status).toBe('HELD');
    expect(row.reasons.map((r) => r.code)).toContain('TRACKING_PLACEHOLDER');

    const approve = await app.gql(APPROVE, { id: row.id });
    expect(approve.errors?.[0].extensions.code).toBe('RULE_VIOLATION');
    expect(approve.errors?.[0].message).toBeTruthy();
    const { secret } = await app.running.app.get(ApiTokensService).create('intake viewer', 'VIEWER', 'test');
    expect((await app.gql(APPROVE, { id: row.id }, secret)).errors?.[0].extensions.code).toBe('FORBIDDEN');

    const blankNote = await app.gql(DISMISS, { id: row.id, note: ' ' });
    expect(blankNote.errors?.[0]).toMatchObject({
      message: 'note: must say why the number is set aside.',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    const dismissed = await app.gql<{ dismissTrackingIntake: IntakeView }>(DISMISS, {
      id: row.id,
      note: 'Internal warehouse number; asked Acme for the UPS one.',
    });
    expect(dismissed.data!.dismissTrackingIntake).toMatchObject({
      status: 'DISMISSED',
      note: 'Internal warehouse number; asked Acme for the UPS one.',
    });
    const late = await app.gql(APPROVE, { id: row.id, carrier: 'UPS', trackingNumber: validTrackingNumber('UPS') });
    expect(late.errors?.[0]).toMatchObject({
      message: 'This tracking number is dismissed; only a held one can be decided.',
      extensions: { code: 'CONFLICT' },
    });
    expect(await shipmentsOf(order.id)).toEqual([]);

    const queue = await app.gql<{ trackingIntake: { totalCount: number; edges: { node: IntakeView }[] } }>(
      `query($f: TrackingIntakeFilter) { trackingIntake(filter: $f, first: 5) {
         totalCount edges { node { id status order { id channelOrderId } } } } }`,
      { f: { orderId: order.id, status: 'DISMISSED' } },
    );
    expect(queue.data!.trackingIntake).toEqual({
      totalCount: 1,
      edges: [
        { node: { id: row.id, status: 'DISMISSED', order: { id: order.id, channelOrderId: order.channelOrderId } } },
      ],
    });
  });

  it("a supplier's CSV: each applied row is its intake (via CSV) and marks the purchase order; a refused row is kept as refused", async () => {
    const good = await orderSentTo(northwind);
    const bad = await orderSentTo(northwind);
    const tracking = validTrackingNumber('UPS');
    const upload = await app.gql<{ confirmShipmentsCsv: { applied: number; refused: number } }>(
      `mutation($csv: String!, $supplierId: ID) { confirmShipmentsCsv(csv: $csv, fileName: "northwind-1204.csv", supplierId: $supplierId) { applied refused } }`,
      {
        csv: `order,line,quantity,carrier,tracking\n${good.channelOrderId},${good.lineNumber},1,UPS,${tracking}\n${bad.channelOrderId},${bad.lineNumber},1,UPS,1Z0000000000000000\n`,
        supplierId: northwind.id,
      },
    );
    expect(upload.errors).toBeUndefined();
    expect(upload.data!.confirmShipmentsCsv).toEqual({ applied: 1, refused: 1 });
    expect(await intakeOf(good.id)).toEqual([
      expect.objectContaining({ status: 'APPLIED', via: 'CSV', supplierId: northwind.id, trackingNumber: tracking }),
    ]);
    expect((await poOf(good.id)).status).toBe('TRACKING_RECEIVED');
    const [refused] = await intakeOf(bad.id);
    expect(refused).toMatchObject({ status: 'REFUSED', via: 'CSV' });
    expect(refused.reasons[0].severity).toBe('BLOCK');
    expect((await poOf(bad.id)).status).toBe('SENT');
    const evidence = await app.gql<{ orderEvidence: { shipments: { origin: string }[] } }>(
      `query($id: ID!) { orderEvidence(orderId: $id) { shipments { origin } } }`,
      { id: good.id },
    );
    expect(evidence.data!.orderEvidence.shipments[0].origin).toMatch(
      /^supplier Northwind Dropship's CSV file northwind-1204\.csv by token:/,
    );

    const unknown = await app.gql(
      `mutation($csv: String!, $supplierId: ID) { confirmShipmentsCsv(csv: $csv, supplierId: $supplierId) { applied } }`,
      {
        csv: `order,line,quantity,carrier,tracking\n${bad.channelOrderId},${bad.lineNumber},1,UPS,${tracking}\n`,
        supplierId: randomUUID(),
      },
    );
    expect(unknown.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'supplierId' });
  });
});
