import { createSandbox, type Sandbox } from '@order-hub/sandbox';
import { ComplianceAlarmsService } from '../src/modules/compliance/compliance-alarms.service';
import { NotificationDispatcher } from '../src/modules/notifications/notification-dispatcher.service';
import { startImapServer, type ImapServer } from './support/imap-server';
import { renderMailFixture } from './support/mail-fixtures';
import { settledOutbox } from './support/outbox-helpers';
import { startSmtpSink, type SmtpSink } from './support/smtp-sink';
import { connectSandboxAccount, syncAndWait, type ConnectedAccount } from './support/sync-helpers';
import { startTestApp, type TestApp } from './support/test-app';
import { testDatabases } from './support/test-databases';
import { validTrackingNumber } from './support/tracking-numbers';

const HOUR = 3_600_000;
const PUBLIC_URL = 'https://hub.oakandtwine.example';

interface MailView {
  folderRole: string;
  kind: string;
  outcome: string;
  summary: string;
  trackingNumbers: string[];
  orders: { id: string }[];
}

interface BuyerMessageView {
  id: string;
  state: string;
  receivedAt: string;
  respondBy: string;
  answeredAt: string | null;
  answeredBy: string | null;
  replyUrl: string;
  order: { id: string } | null;
}

/**
 * The two stories of the issue, end to end against a real Dovecot, a real SMTP server and the channel sandbox, over
 * GraphQL as a person or script would drive them: a supplier's tracking e-mail lost in Junk (seed 003), and a Walmart
 * buyer e-mail whose 48-hour clock alerts someone by e-mail and stops when the reply is seen in Sent (seed 001).
 */
describe.each(testDatabases())('the mailbox stories on %s', (kind) => {
  let sandbox: Sandbox;
  let imap: ImapServer;
  let smtp: SmtpSink;
  let app: TestApp;
  let amazon: ConnectedAccount;
  let walmart: ConnectedAccount;
  let mailboxId: string;

  async function gql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const res = await app.gql<T>(query, variables);
    expect(res.errors).toBeUndefined();
    return res.data!;
  }

  const refreshMailbox = async () => {
    const { refreshMailbox: state } = await gql<{ refreshMailbox: { lastError: string | null } }>(
      `mutation($id: ID!) { refreshMailbox(id: $id) { lastError messagesRead } }`,
      { id: mailboxId },
    );
    expect(state.lastError).toBeNull();
  };

  const mailRead = async (orderId: string): Promise<MailView[]> =>
    (
      await gql<{ mailMessages: { edges: { node: MailView }[] } }>(
        `query($f: MailMessageFilter) { mailMessages(filter: $f) { edges { node {
           folderRole kind outcome summary trackingNumbers orders { id } } } } }`,
        { f: { orderId } },
      )
    ).mailMessages.edges.map((e) => e.node);

  /** An open, seller-fulfilled order of the account, with a line's SKU. */
  async function openOrder(account: ConnectedAccount, skip: readonly string[] = []) {
    const rows: { id: string; channel_order_id: string; customer_order_id: string | null; sku: string }[] =
      await app.ds.query(
        `SELECT o.id, o.channel_order_id, o.customer_order_id, l.sku FROM "order" o
           JOIN order_line l ON l.order_id = o.id
          WHERE o.account_id = $1 AND o.status IN ('CREATED', 'ACKNOWLEDGED') AND o.fulfillment_method = 'MERCHANT'
            AND NOT o.cancellation_requested
          ORDER BY o.channel_order_id`,
        [account.hubId],
      );
    const row = rows.find((r) => !skip.includes(r.id));
    if (!row) throw new Error('the sandbox has no open order left');
    return { id: row.id, channelOrderId: row.channel_order_id, customerOrderId: row.customer_order_id, sku: row.sku };
  }

  beforeAll(async () => {
    [imap, smtp] = await Promise.all([startImapServer(), startSmtpSink()]);
    sandbox = await createSandbox({ seed: 3, throttling: { rateScale: 1000 } });
    app = await startTestApp(kind, { CHANNEL_RATE_SCALE: '1000', SMTP_URL: smtp.url, PUBLIC_URL });
    amazon = await connectSandboxAccount(app, sandbox, 'AMAZON', 'Stories Amazon');
    walmart = await connectSandboxAccount(app, sandbox, 'WALMART', 'Stories Walmart');
    const mix = { multiLine: 0, multiQuantity: 0, intentToCancel: 0, channelFulfilled: 0 };
    sandbox.generateOrders({ accountId: amazon.sandboxAccountId, count: 6, seed: 31, mix });
    sandbox.generateOrders({ accountId: walmart.sandboxAccountId, count: 6, seed: 32, mix });
    sandbox.clock.advance(3 * 60_000);
    for (const a of [amazon, walmart]) expect((await syncAndWait(app, a.hubId)).lastError).toBeNull();
    const { connectMailbox } = await gql<{ connectMailbox: { id: string; folders: { junk: string; sent: string } } }>(
      `mutation($input: ConnectMailboxInput!) { connectMailbox(input: $input) { id folders { junk sent } } }`,
      {
        input: {
          name: 'Orders inbox',
          host: imap.host,
          port: imap.port,
          secure: false,
          user: imap.user,
          password: imap.password,
        },
      },
    );
    expect(connectMailbox.folders).toEqual({ junk: 'Junk', sent: 'Sent' });
    mailboxId = connectMailbox.id;
  }, 300_000);

  afterAll(async () => {
    await app?.close();
    await sandbox?.close();
    await imap?.close();
    await smtp?.close();
  });

  it("seed 003: the supplier's tracking e-mail lands in Junk; the hub finds it, checks the number, confirms the shipment to Amazon, and the plan of action names the supplier and the cause", async () => {
    const order = await openOrder(amazon);
    // A supplier whose tracking is due long before ship-by: this order's is already late when the e-mail comes.
    const { createSupplier: acme } = await gql<{ createSupplier: { id: string } }>(
      `mutation($input: SupplierInput!) { createSupplier(input: $input) { id } }`,
      {
        input: {
          name: 'Acme Wholesale',
          email: 'po@acme-wholesale.example',
          senderAddresses: ['@acme-wholesale.example'],
          trackingDeadlineHours: 720,
          poMethod: 'LINK',
        },
      },
    );
    await gql(
      `mutation($id: ID!, $skus: [SupplierSkuInput!]!) { setSupplierSkus(supplierId: $id, skus: $skus) { sku } }`,
      {
        id: acme.id,
        skus: [{ sku: order.sku, accountId: amazon.hubId }],
      },
    );
    const { sendPurchaseOrders } = await gql<{
      sendPurchaseOrders: { error: string | null; linkUrl: string | null; purchaseOrder: { number: string } | null }[];
    }>(`mutation($ids: [ID!]!) { sendPurchaseOrders(orderIds: $ids) { error linkUrl purchaseOrder { number } } }`, {
      ids: [order.id],
    });
    expect(sendPurchaseOrders).toEqual([
      expect.objectContaining({ error: null, linkUrl: expect.stringContaining(`${PUBLIC_URL}/supplier/`) }),
    ]);

    const tracking = validTrackingNumber('UPS');
    await imap.append(
      'Junk',
      renderMailFixture('supplier-tracking-plain', {
        ORDER: order.channelOrderId,
        TRACKING: tracking,
        FROM: 'shipping@acme-wholesale.example',
      }),
    );
    await refreshMailbox();

    const [read] = await mailRead(order.id);
    expect(read).toMatchObject({
      folderRole: 'JUNK',
      kind: 'SUPPLIER_TRACKING',
      outcome: 'APPLIED',
      trackingNumbers: [tracking],
      orders: [{ id: order.id }],
    });
    const entries = await settledOutbox(app, order.id);
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.every((e) => e.status === 'DELIVERED')).toBe(true);
    const { order: shipped } = await gql<{ order: { status: string; shipments: { trackingNumber: string }[] } }>(
      `query($id: ID!) { order(id: $id) { status shipments { trackingNumber } } }`,
      { id: order.id },
    );
    expect(shipped).toEqual({ status: 'SHIPPED', shipments: [{ trackingNumber: tracking }] });

    const { planOfAction } = await gql<{ planOfAction: { draft: { rootCause: string } } }>(
      `query($a: ID) { planOfAction(channel: AMAZON, accountId: $a, metric: VALID_TRACKING_RATE) { draft { rootCause } } }`,
      { a: amazon.hubId },
    );
    expect(planOfAction.draft.rootCause).toContain('- supplier Acme Wholesale: 1 of 1 tracking numbers late');
  }, 180_000);

  it('seed 001: a Walmart buyer e-mail starts a 48-hour clock, an e-mail goes out at 12 hours left, and the reply seen in Sent stops it', async () => {
    const order = await openOrder(walmart);
    await gql(`mutation($input: NotificationRuleInput!) { createNotificationRule(input: $input) { rule { id } } }`, {
      input: {
        name: 'Buyer messages to the desk',
        kinds: ['BUYER_MESSAGE_DUE_SOON', 'BUYER_MESSAGE_OVERDUE'],
        emails: ['desk@oakandtwine.example'],
      },
    });
    // The buyer wrote 37 hours ago: 11 hours are left of Walmart's 48.
    const receivedAt = new Date(Math.floor((Date.now() - 37 * HOUR) / 1000) * 1000);
    const relay = '3a31c0de9f2b4e7a8d1f@relay.walmart.com';
    const buyerMail = renderMailFixture('walmart-buyer-message', {
      ORDER: order.channelOrderId,
      CUSTOMER_ORDER: order.customerOrderId ?? order.channelOrderId,
      FROM: relay,
      DATE: receivedAt,
      MESSAGE_ID: '<buyer-9f2b4e7a@relay.walmart.com>',
    });
    await imap.append('INBOX', buyerMail, receivedAt);
    await refreshMailbox();

    const messagesOf = async () =>
      (
        await gql<{ buyerMessages: { edges: { node: BuyerMessageView }[] } }>(
          `query($f: BuyerMessageFilter) { buyerMessages(filter: $f) { edges { node {
             id state receivedAt respondBy answeredAt answeredBy replyUrl order { id } } } } }`,
          { f: { orderId: order.id } },
        )
      ).buyerMessages.edges.map((e) => e.node);
    const [message] = await messagesOf();
    expect(message).toMatchObject({ state: 'DUE_SOON', answeredAt: null, order: { id: order.id } });
    expect(new Date(message.respondBy).getTime() - new Date(message.receivedAt).getTime()).toBe(48 * HOUR);

    // The alarm scan and the notification dispatcher, as their schedules run them.
    await app.running.app.get(ComplianceAlarmsService).scan(new Date(), false);
    const openAlerts = async () =>
      (
        await gql<{ alerts: { edges: { node: { kind: string; status: string } }[] } }>(
          `query($f: AlertFilter) { alerts(filter: $f) { edges { node { kind status } } } }`,
          { f: { orderId: order.id, statuses: ['OPEN', 'ACKNOWLEDGED'] } },
        )
      ).alerts.edges.map((e) => e.node.kind);
    expect(await openAlerts()).toContain('BUYER_MESSAGE_DUE_SOON');
    await app.running.app.get(NotificationDispatcher).runOnce(new Date());
    const sent = await smtp.waitFor((m) => m.to.includes('desk@oakandtwine.example'), 20_000);
    expect(sent.text).toContain(order.channelOrderId);
    expect(sent.text).toContain(PUBLIC_URL);

    await imap.append(
      'Sent',
      renderMailFixture('seller-reply', {
        ORDER: order.channelOrderId,
        FROM: 'orders@oakandtwine.example',
        TO: relay,
        SUBJECT: 'Re: your order',
        IN_REPLY_TO: '<buyer-9f2b4e7a@relay.walmart.com>',
      }),
    );
    await refreshMailbox();
    const [answered] = await messagesOf();
    expect(answered).toMatchObject({ state: 'ANSWERED', answeredBy: expect.stringMatching(/^mail:/) });
    await app.running.app.get(ComplianceAlarmsService).scan(new Date(), false);
    expect(await openAlerts()).not.toContain('BUYER_MESSAGE_DUE_SOON');
  }, 180_000);
});
