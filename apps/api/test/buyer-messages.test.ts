import { randomUUID } from 'node:crypto';
import { simpleParser, type AddressObject } from 'mailparser';
import type { ChannelAccountEntity } from '../src/modules/channels/channel-account.entity';
import { ChannelMailHandler } from '../src/modules/buyer-messages/channel-mail.handler';
import { SellerReplyHandler } from '../src/modules/buyer-messages/seller-reply.handler';
import { ComplianceAlarmsService } from '../src/modules/compliance/compliance-alarms.service';
import { MailHandlers, type InboundMail } from '../src/modules/mailbox/mail-handler';
import { renderMailFixture, type MailFixtureName, type MailFixtureVars } from './support/mail-fixtures';
import { anAccount, anOrder, insertOrders } from './support/order-fixtures';
import { startTestApp, type TestApp } from './support/test-app';
import { testDatabases } from './support/test-databases';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const MESSAGE_FIELDS = `id channel kind from subject excerpt receivedAt respondBy policyVersion state hoursLeft
  answeredAt answeredBy answerNote replyUrl mailMessageId channelWarningId orderNumbers unlinkedReason
  account { id name } order { id channelOrderId }`;
const MESSAGES = `query ($f: BuyerMessageFilter, $first: Int, $after: String) {
  buyerMessages(filter: $f, first: $first, after: $after) {
    totalCount edges { cursor node { ${MESSAGE_FIELDS} } } pageInfo { hasNextPage endCursor } } }`;
const MESSAGE = `query ($id: ID!) { buyerMessage(id: $id) { ${MESSAGE_FIELDS} } }`;
const MARK = `mutation ($id: ID!, $note: String!) { markBuyerMessageAnswered(id: $id, note: $note) { ${MESSAGE_FIELDS} } }`;
const COUNTS = `query ($c: Channel, $a: ID) { buyerMessageCounts(channel: $c, accountId: $a) { open dueSoon overdue } }`;
const ORDER_MESSAGES = `query ($id: ID!) { order(id: $id) { id buyerMessages { id kind subject } } }`;
const WARNINGS = `query ($a: ID) { channelWarnings(filter: { accountId: $a }) { id subject message receivedAt respondBy loggedBy respondedAt } }`;
const RESPONSE = `query ($c: Channel!, $a: ID, $asOf: DateTime) { complianceReport(channel: $c, accountId: $a, asOf: $asOf) {
  sellerResponse { due onTime rate windowDays respondWithinHours source } } }`;

interface MessageView {
  id: string;
  channel: string;
  kind: string;
  from: string;
  subject: string;
  excerpt: string;
  receivedAt: string;
  respondBy: string;
  policyVersion: string;
  state: string;
  hoursLeft: number | null;
  answeredAt: string | null;
  answeredBy: string | null;
  answerNote: string | null;
  replyUrl: string;
  mailMessageId: string | null;
  channelWarningId: string | null;
  orderNumbers: string[];
  unlinkedReason: string | null;
  account: { id: string; name: string } | null;
  order: { id: string; channelOrderId: string } | null;
}

let poSequence = Math.floor(Math.random() * 1e8);
const walmartPo = () => `17${String((poSequence += 1)).padStart(11, '0')}`;
const amazonOrderId = () =>
  `112-${String((poSequence += 1) % 1e7).padStart(7, '0')}-${String(poSequence * 7)
    .slice(-7)
    .padStart(7, '0')}`;

describe.each(testDatabases())('buyer messages and performance e-mails from the mailbox on %s', (kind) => {
  let app: TestApp;
  let walmart: ChannelAccountEntity;
  let amazon: ChannelAccountEntity;
  let mailboxId: string;
  let channelMail: ChannelMailHandler;
  let sellerReply: SellerReplyHandler;
  let alarms: ComplianceAlarmsService;
  let uid = 0;

  /** The message as the mailbox module hands it to handlers, after storing its evidence row (mail_message). */
  async function inbound(m: {
    folder?: 'INBOX' | 'JUNK' | 'SENT';
    from: string;
    to: string[];
    subject: string;
    text: string;
    receivedAt: Date;
    inReplyTo?: string | null;
    references?: string[];
    messageId?: string;
  }): Promise<InboundMail> {
    const folderRole = m.folder ?? 'INBOX';
    const messageId = m.messageId ?? `<${randomUUID()}@mail.test>`;
    uid += 1;
    const [row] = await app.ds.query(
      `INSERT INTO mail_message (mailbox_id, folder, folder_role, uid, message_id, in_reply_to, "references",
         from_address, to_addresses, subject, received_at, body_text)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
      [
        mailboxId,
        folderRole === 'SENT' ? 'Sent' : folderRole === 'JUNK' ? 'Junk' : 'INBOX',
        folderRole,
        uid,
        messageId,
        m.inReplyTo ?? null,
        m.references ?? [],
        m.from,
        m.to,
        m.subject,
        m.receivedAt,
        m.text,
      ],
    );
    return {
      mailId: row.id,
      mailboxId,
      folderRole,
      folder: folderRole === 'SENT' ? 'Sent' : 'INBOX',
      messageId,
      inReplyTo: m.inReplyTo ?? null,
      references: m.references ?? [],
      from: { address: m.from, name: null },
      to: m.to,
      subject: m.subject,
      receivedAt: m.receivedAt,
      text: m.text,
      attachments: [],
    };
  }

  const walmartBuyerMail = (po: string, receivedAt: Date, relay = `${randomUUID().slice(0, 12)}@relay.walmart.com`) =>
    inbound({
      from: relay,
      to: ['seller@example-shop.test'],
      subject: `Question about your order ${po}`,
      text: `Hello,\n\nMy order ${po} has not arrived yet. Can you tell me where it is?\n\nThanks, Pat\n\n> earlier quoted text`,
      receivedAt,
    });

  const reply = (to: InboundMail, at: Date, headers: { inReplyTo?: string | null; subject?: string } = {}) =>
    inbound({
      folder: 'SENT',
      from: 'seller@example-shop.test',
      to: [to.from.address],
      subject: headers.subject ?? `Re: ${to.subject}`,
      text: 'It shipped yesterday; tracking is on the order page.',
      receivedAt: at,
      inReplyTo: headers.inReplyTo === undefined ? to.messageId : headers.inReplyTo,
      references: headers.inReplyTo === null ? [] : [to.messageId],
    });

  /** One of the rules' fixture e-mails, rendered and parsed as the mailbox reads it (mailparser). */
  async function fixture(
    name: MailFixtureName,
    vars: MailFixtureVars,
    folder: 'INBOX' | 'JUNK' | 'SENT' = 'INBOX',
  ): Promise<InboundMail> {
    const parsed = await simpleParser(renderMailFixture(name, vars));
    const one = (a: AddressObject | AddressObject[] | undefined) => (Array.isArray(a) ? a : a ? [a] : []);
    const ids = (v: string | string[] | undefined) => (Array.isArray(v) ? v : v ? v.split(/\s+/) : []);
    return inbound({
      folder,
      from: one(parsed.from)[0].value[0].address!.toLowerCase(),
      to: one(parsed.to).flatMap((a) => a.value.map((v) => v.address!.toLowerCase())),
      subject: parsed.subject ?? '',
      text: parsed.text ?? '',
      receivedAt: parsed.date!,
      messageId: parsed.messageId!,
      inReplyTo: ids(parsed.inReplyTo)[0] ?? null,
      references: ids(parsed.references),
    });
  }

  async function messageOf(mail: InboundMail): Promise<MessageView> {
    const [row] = await app.ds.query(`SELECT id FROM buyer_message WHERE mail_id = $1`, [mail.mailId]);
    const res = await app.gql(MESSAGE, { id: row.id });
    expect(res.errors).toBeUndefined();
    return res.data!.buyerMessage as MessageView;
  }

  const openBuyerAlerts = (orderIds: string[]) =>
    app.ds.query<{ condition_key: string; kind: string; severity: string; message: string; action: string }[]>(
      `SELECT condition_key, kind, severity, message, action, order_id FROM alert
        WHERE resolved_at IS NULL AND kind LIKE 'BUYER_MESSAGE%' AND order_id = ANY($1::uuid[]) ORDER BY kind`,
      [orderIds],
    );

  async function anOrderOf(account: ChannelAccountEntity, channelOrderId: string): Promise<string> {
    const [id] = await insertOrders(app, account, [anOrder({ channelOrderId })]);
    return id;
  }

  beforeAll(async () => {
    app = await startTestApp(kind);
    walmart = await anAccount(app, 'WALMART');
    amazon = await anAccount(app, 'AMAZON');
    const [box] = await app.ds.query(
      `INSERT INTO mailbox (name, host, port, username, password_encrypted) VALUES ('Shop mail', '127.0.0.1', 1, 'seller', '\\x00') RETURNING id`,
    );
    mailboxId = box.id;
    channelMail = app.running.app.get(ChannelMailHandler);
    sellerReply = app.running.app.get(SellerReplyHandler);
    alarms = app.running.app.get(ComplianceAlarmsService);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('registers its two handlers with the mailbox: replies in Sent first (10), channel mail after suppliers (30)', () => {
    const handlers = app.running.app.get(MailHandlers).list();
    expect(handlers.find((h) => h.name === 'seller-reply')?.priority).toBe(10);
    expect(handlers.find((h) => h.name === 'channel-mail')?.priority).toBe(30);
  });

  it('a Walmart relay message starts a 48 h clock linked to the order; DUE_SOON at 12 h left, OVERDUE after, the reply in Sent answers it and resolves both', async () => {
    const po = walmartPo();
    const orderId = await anOrderOf(walmart, po);
    const receivedAt = new Date(Math.floor((Date.now() - HOUR) / 1000) * 1000);
    const mail = await walmartBuyerMail(po, receivedAt);

    const handled = await channelMail.handle(mail);
    expect(handled).toMatchObject({ kind: 'BUYER_MESSAGE', outcome: 'RECORDED', orderIds: [orderId] });
    expect(handled!.summary).toMatch(
      new RegExp(`^Walmart buyer message about Walmart order ${po}: answer by .* P[SD]T\\.$`),
    );
    // The same message handed again (a retry) is not recorded twice.
    expect((await channelMail.handle(mail))!.summary).toMatch(/^Already recorded: /);
    expect(
      Number((await app.ds.query(`SELECT count(*) AS n FROM buyer_message WHERE mail_id = $1`, [mail.mailId]))[0].n),
    ).toBe(1);

    const view = await messageOf(mail);
    expect(view).toMatchObject({
      channel: 'WALMART',
      kind: 'BUYER_MESSAGE',
      from: mail.from.address,
      subject: `Question about your order ${po}`,
      state: 'OPEN',
      answeredAt: null,
      mailMessageId: mail.mailId,
      account: { id: walmart.id, name: walmart.name },
      order: { id: orderId, channelOrderId: po },
      orderNumbers: [po],
      unlinkedReason: null,
    });
    expect(Date.parse(view.receivedAt)).toBe(receivedAt.getTime());
    expect(Date.parse(view.respondBy)).toBe(receivedAt.getTime() + 48 * HOUR);
    expect(view.policyVersion).toMatch(/^walmart-/);
    expect(view.hoursLeft).toBeGreaterThan(46);
    expect(view.hoursLeft).toBeLessThanOrEqual(47);
    expect(view.excerpt).toContain(`My order ${po} has not arrived yet`);
    expect(view.excerpt).not.toContain('earlier quoted text');
    expect(view.replyUrl).toContain(po);
    expect(view.replyUrl).toMatch(/^https:\/\/seller\.walmart\.com\//);

    // Order.buyerMessages and the filters.
    const onOrder = await app.gql(ORDER_MESSAGES, { id: orderId });
    expect(onOrder.errors).toBeUndefined();
    expect(onOrder.data!.order.buyerMessages.map((m: { id: string }) => m.id)).toEqual([view.id]);
    const open = await app.gql(MESSAGES, { f: { channel: 'WALMART', state: 'OPEN', orderId } });
    expect(open.errors).toBeUndefined();
    expect(open.data!.buyerMessages.totalCount).toBe(1);
    const overdueNow = await app.gql(MESSAGES, { f: { orderId, state: 'OVERDUE' } });
    expect(overdueNow.data!.buyerMessages.totalCount).toBe(0);

    // 35.9 h after receipt nothing; 36 h (12 h left): due soon, HIGH.
    await alarms.scan(new Date(receivedAt.getTime() + 35.9 * HOUR), false);
    expect(await openBuyerAlerts([orderId])).toEqual([]);
    await alarms.scan(new Date(receivedAt.getTime() + 36 * HOUR), false);
    let alerts = await openBuyerAlerts([orderId]);
    expect(alerts.map((a) => [a.kind, a.severity, a.condition_key])).toEqual([
      ['BUYER_MESSAGE_DUE_SOON', 'HIGH', `buyer-message:${view.id}:due-soon`],
    ]);
    expect(alerts[0].message).toContain(`The Walmart buyer message to ${walmart.name} about Walmart order ${po}`);
    expect(alerts[0].message).toContain('must be answered within 12 h 0 min');
    expect(alerts[0].message).toContain('Walmart expects an answer within 48 h.');
    expect(alerts[0].action).toContain(view.replyUrl);

    // 49 h: overdue, CRITICAL; the due-soon alert resolves in the same scan.
    await alarms.scan(new Date(receivedAt.getTime() + 49 * HOUR), false);
    alerts = await openBuyerAlerts([orderId]);
    expect(alerts.map((a) => [a.kind, a.severity])).toEqual([['BUYER_MESSAGE_OVERDUE', 'CRITICAL']]);
    expect(alerts[0].message).toContain('overdue by 1 h 0 min');

    // A Sent message that answers nothing is not the reply handler's.
    const unrelated = await inbound({
      folder: 'SENT',
      from: 'seller@example-shop.test',
      to: ['someone@example.org'],
      subject: 'Lunch?',
      text: 'Tomorrow at noon.',
      receivedAt: new Date(),
    });
    expect(await sellerReply.handle(unrelated)).toBeNull();
    // Nor is a message in the inbox, whatever its headers.
    expect(await sellerReply.handle({ ...mail, folderRole: 'INBOX' })).toBeNull();

    // The seller's reply (In-Reply-To the buyer message) is seen in Sent: answered, the alert resolves at once.
    const answer = await reply(mail, new Date(receivedAt.getTime() + 2 * HOUR));
    const answered = await sellerReply.handle(answer);
    expect(answered).toMatchObject({ kind: 'SELLER_REPLY', outcome: 'APPLIED', orderIds: [orderId] });
    expect(answered!.summary).toBe(
      `Your reply answered the Walmart buyer message "Question about your order ${po}", 2 h 0 min after it arrived.`,
    );
    expect(await openBuyerAlerts([orderId])).toEqual([]);
    const after = await messageOf(mail);
    expect(after).toMatchObject({ state: 'ANSWERED', answeredBy: `mail:${answer.messageId}`, hoursLeft: null });
    expect(Date.parse(after.answeredAt!)).toBe(receivedAt.getTime() + 2 * HOUR);
    const [row] = await app.ds.query(`SELECT answer_mail_id FROM buyer_message WHERE id = $1`, [view.id]);
    expect(row.answer_mail_id).toBe(answer.mailId);
    // Later scans keep it quiet.
    await alarms.scan(new Date(receivedAt.getTime() + 60 * HOUR), false);
    expect(await openBuyerAlerts([orderId])).toEqual([]);
    // A second reply in the thread answers nothing new.
    expect(await sellerReply.handle(await reply(mail, new Date()))).toBeNull();
  });

  it('an Amazon message runs 24 h; "Re: <subject>" to its relay address answers it when the headers name nothing', async () => {
    const orderNumber = amazonOrderId();
    const orderId = await anOrderOf(amazon, orderNumber);
    const receivedAt = new Date(Math.floor((Date.now() - 20 * HOUR) / 1000) * 1000);
    const relay = `${randomUUID().slice(0, 10)}@marketplace.amazon.com`;
    const mail = await inbound({
      from: relay,
      to: ['seller@example-shop.test'],
      subject: `Inquiry from Amazon customer Sam (Order: ${orderNumber})`,
      text: `Order ID: ${orderNumber}\n\nCould you ship it gift-wrapped?`,
      receivedAt,
    });
    expect(await channelMail.handle(mail)).toMatchObject({ kind: 'BUYER_MESSAGE', orderIds: [orderId] });
    const view = await messageOf(mail);
    expect(Date.parse(view.respondBy)).toBe(receivedAt.getTime() + 24 * HOUR);
    expect(view.policyVersion).toMatch(/^amazon-/);
    expect(view.account).toEqual({ id: amazon.id, name: amazon.name });
    // 20 h of 24 gone: within Amazon's 6-hour warning.
    expect(view.state).toBe('DUE_SOON');
    expect(view.replyUrl).toContain(orderNumber);
    const counts = await app.gql(COUNTS, { c: 'AMAZON', a: amazon.id });
    expect(counts.errors).toBeUndefined();
    expect(counts.data!.buyerMessageCounts).toEqual({ open: 0, dueSoon: 1, overdue: 0 });

    // A reply with another subject to the same relay address does not answer it.
    const other = await reply(mail, new Date(), { inReplyTo: null, subject: 'Re: something else' });
    expect(await sellerReply.handle(other)).toBeNull();
    // "RE: Re: <subject>" with no In-Reply-To nor References, to the relay address: answered.
    const fallback = await reply(mail, new Date(), { inReplyTo: null, subject: `RE: Re: ${mail.subject}` });
    expect(await sellerReply.handle(fallback)).toMatchObject({ kind: 'SELLER_REPLY', outcome: 'APPLIED' });
    expect(await messageOf(mail)).toMatchObject({ state: 'ANSWERED', answeredBy: `mail:${fallback.messageId}` });
    expect((await app.gql(COUNTS, { c: 'AMAZON', a: amazon.id })).data!.buyerMessageCounts.dueSoon).toBe(0);
  });

  it('is marked answered by hand with a note (once), the note required', async () => {
    const po = walmartPo();
    const orderId = await anOrderOf(walmart, po);
    const receivedAt = new Date(Date.now() - 50 * HOUR);
    const mail = await walmartBuyerMail(po, receivedAt);
    await channelMail.handle(mail);
    const view = await messageOf(mail);
    expect(view.state).toBe('OVERDUE');
    // Recorded already overdue (read late): its alarm opened with it.
    expect((await openBuyerAlerts([orderId])).map((a) => a.kind)).toEqual(['BUYER_MESSAGE_OVERDUE']);

    // A VIEWER reads the messages but may not mark one answered.
    const created = await app.gql(
      `mutation($input: CreateApiTokenInput!) { createApiToken(input: $input) { token } }`,
      { input: { name: 'messages-viewer', role: 'VIEWER' } },
    );
    const viewer = created.data!.createApiToken.token as string;
    expect((await app.gql(MESSAGE, { id: view.id }, viewer)).data!.buyerMessage.id).toBe(view.id);
    expect((await app.gql(COUNTS, {}, viewer)).errors).toBeUndefined();
    expect((await app.gql(MARK, { id: view.id, note: 'x' }, viewer)).errors?.[0].extensions.code).toBe('FORBIDDEN');

    const blank = await app.gql(MARK, { id: view.id, note: '   ' });
    expect(blank.errors?.[0].extensions.field).toBe('note');
    expect(blank.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(blank.errors?.[0].message).toMatch(/note/);
    const notAnId = await app.gql(MARK, { id: 'nope', note: 'x' });
    expect(notAnId.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');

    const marked = await app.gql(MARK, { id: view.id, note: 'Called the buyer; answered on the Seller Center page.' });
    expect(marked.errors).toBeUndefined();
    expect(marked.data!.markBuyerMessageAnswered).toMatchObject({
      state: 'ANSWERED',
      answerNote: 'Called the buyer; answered on the Seller Center page.',
    });
    expect(marked.data!.markBuyerMessageAnswered.answeredBy).toMatch(/^token:/);
    expect(await openBuyerAlerts([orderId])).toEqual([]);
    const again = await app.gql(MARK, { id: view.id, note: 'twice' });
    expect(again.errors?.[0].message).toMatch(/already answered/);
  });

  it('a performance e-mail becomes a channel warning with its text and flagged orders; one naming no known account is kept with the reason', async () => {
    const [po1, po2] = [walmartPo(), walmartPo()];
    const [order1, order2] = [await anOrderOf(walmart, po1), await anOrderOf(walmart, po2)];
    const receivedAt = new Date(Math.floor((Date.now() - 2 * HOUR) / 1000) * 1000);
    const mail = await inbound({
      from: 'partnerhelp@wal-mart.com',
      to: ['seller@example-shop.test'],
      subject: 'Action required: orders flagged for invalid tracking',
      text: `Dear seller,\n\nThe following orders were flagged for invalid tracking:\n${po1}\n${po2}\n\nPlease respond within 24 hours.`,
      receivedAt,
    });
    const handled = await channelMail.handle(mail);
    expect(handled).toMatchObject({ kind: 'PERFORMANCE_ALERT', outcome: 'APPLIED', orderIds: [order1, order2] });
    expect(handled!.findings?.orderNumbers).toEqual([po1, po2]);
    const view = await messageOf(mail);
    expect(view).toMatchObject({ kind: 'PERFORMANCE_ALERT', orderNumbers: [po1, po2], account: { id: walmart.id } });
    expect(Date.parse(view.respondBy)).toBe(receivedAt.getTime() + 24 * HOUR);
    expect(view.channelWarningId).not.toBeNull();

    const warnings = await app.gql(WARNINGS, { a: walmart.id });
    expect(warnings.errors).toBeUndefined();
    const warning = warnings.data!.channelWarnings.find((w: { id: string }) => w.id === view.channelWarningId);
    expect(warning).toMatchObject({
      subject: 'Action required: orders flagged for invalid tracking',
      loggedBy: `mail:${mail.messageId}`,
      respondedAt: null,
    });
    expect(warning.message).toContain('The following orders were flagged for invalid tracking');
    expect(warning.message).toContain(`Orders named in it: ${po1}, ${po2}`);
    expect(Date.parse(warning.receivedAt)).toBe(receivedAt.getTime());
    // Both flagged orders show it.
    for (const id of [order1, order2]) {
      const res = await app.gql(ORDER_MESSAGES, { id });
      expect(res.data!.order.buyerMessages.map((m: { id: string }) => m.id)).toContain(view.id);
    }
    // Answered from Sent: the warning is answered with it.
    expect(await sellerReply.handle(await reply(mail, new Date()))).toMatchObject({ outcome: 'APPLIED' });
    const after = (await app.gql(WARNINGS, { a: walmart.id })).data!.channelWarnings.find(
      (w: { id: string }) => w.id === view.channelWarningId,
    );
    expect(after.respondedAt).not.toBeNull();

    // A second Walmart account: a performance e-mail that names no order cannot be given to either.
    await anAccount(app, 'WALMART', 'America/New_York');
    const orphan = await inbound({
      from: 'partnerhelp@wal-mart.com',
      to: ['seller@example-shop.test'],
      subject: 'Your seller performance is at risk',
      text: 'Your late shipment rate is above the standard. Please submit a plan of action.',
      receivedAt: new Date(),
    });
    const held = await channelMail.handle(orphan);
    expect(held).toMatchObject({ kind: 'PERFORMANCE_ALERT', outcome: 'HELD', orderIds: [] });
    expect(held!.findings?.reasons).toEqual([
      'No account: it names no Walmart order number, and the hub has 2 Walmart accounts to give it to.',
    ]);
    const kept = await messageOf(orphan);
    expect(kept).toMatchObject({ account: null, order: null, channelWarningId: null, kind: 'PERFORMANCE_ALERT' });
    expect(kept.unlinkedReason).toMatch(/^No account: /);
    const listed = await app.gql(MESSAGES, { f: { kind: 'PERFORMANCE_ALERT', channel: 'WALMART' }, first: 1 });
    expect(listed.errors).toBeUndefined();
    expect(listed.data!.buyerMessages.totalCount).toBe(2);
    expect(listed.data!.buyerMessages.edges[0].node.id).toBe(kept.id);
    const next = await app.gql(MESSAGES, {
      f: { kind: 'PERFORMANCE_ALERT', channel: 'WALMART' },
      first: 1,
      after: listed.data!.buyerMessages.pageInfo.endCursor,
    });
    expect(next.data!.buyerMessages.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([view.id]);
    expect(next.data!.buyerMessages.pageInfo.hasNextPage).toBe(false);
  });

  it("reads the channels' own e-mails (the fixtures): the seed 001 story from a Walmart relay message to the reply in Sent, and both channels' performance e-mails", async () => {
    const po = walmartPo();
    const orderId = await anOrderOf(walmart, po);
    const receivedAt = new Date(Math.floor((Date.now() - 37 * HOUR) / 1000) * 1000);
    const buyer = await fixture('walmart-buyer-message', { ORDER: po, CUSTOMER_ORDER: walmartPo(), DATE: receivedAt });
    expect(await channelMail.handle(buyer)).toMatchObject({ kind: 'BUYER_MESSAGE', orderIds: [orderId] });
    const view = await messageOf(buyer);
    expect(view).toMatchObject({ state: 'DUE_SOON', order: { id: orderId }, account: { id: walmart.id } });
    expect(Date.parse(view.respondBy)).toBe(receivedAt.getTime() + 48 * HOUR);
    expect(view.excerpt).toContain('tracking hasn’t moved in three days');
    await alarms.scan(new Date(), false);
    expect((await openBuyerAlerts([orderId])).map((a) => [a.kind, a.severity])).toEqual([
      ['BUYER_MESSAGE_DUE_SOON', 'HIGH'],
    ]);
    const sent = await fixture(
      'seller-reply',
      {
        ORDER: po,
        TO: buyer.from.address,
        IN_REPLY_TO: buyer.messageId,
        SUBJECT: `Re: ${buyer.subject}`,
        DATE: new Date(),
      },
      'SENT',
    );
    expect(await sellerReply.handle(sent)).toMatchObject({
      kind: 'SELLER_REPLY',
      outcome: 'APPLIED',
      orderIds: [orderId],
    });
    expect(await openBuyerAlerts([orderId])).toEqual([]);
    expect((await messageOf(buyer)).state).toBe('ANSWERED');

    const amazonOrder = amazonOrderId();
    const amazonOrderHubId = await anOrderOf(amazon, amazonOrder);
    const amazonBuyer = await fixture('amazon-buyer-message', { ORDER: amazonOrder, DATE: new Date() });
    expect(await channelMail.handle(amazonBuyer)).toMatchObject({
      kind: 'BUYER_MESSAGE',
      orderIds: [amazonOrderHubId],
    });
    expect(Date.parse((await messageOf(amazonBuyer)).respondBy) - amazonBuyer.receivedAt.getTime()).toBe(24 * HOUR);

    const [f1, f2] = [walmartPo(), walmartPo()];
    const flagged = [await anOrderOf(walmart, f1), await anOrderOf(walmart, f2)];
    const walmartAlert = await fixture('walmart-performance-alert', { ORDER: f1, ORDER2: f2, DATE: new Date() });
    expect(await channelMail.handle(walmartAlert)).toMatchObject({
      kind: 'PERFORMANCE_ALERT',
      outcome: 'APPLIED',
      orderIds: flagged,
      findings: { orderNumbers: [f1, f2] },
    });
    const amazonAlert = await fixture('amazon-performance-notification', {
      ORDER: amazonOrder,
      ORDER2: amazonOrderId(),
      DATE: new Date(),
    });
    const handled = await channelMail.handle(amazonAlert);
    expect(handled).toMatchObject({ kind: 'PERFORMANCE_ALERT', outcome: 'APPLIED', orderIds: [amazonOrderHubId] });
    const amazonView = await messageOf(amazonAlert);
    expect(amazonView.account?.id).toBe(amazon.id);
    const warnings = (await app.gql(WARNINGS, { a: amazon.id })).data!.channelWarnings as {
      id: string;
      message: string;
    }[];
    const warning = warnings.find((w) => w.id === amazonView.channelWarningId)!;
    expect(warning.message.replace(/\s+/g, ' ')).toContain('Valid Tracking Rate in the Toys & Games category is 91.2%');
    expect(warning.message).toContain(`Orders named in it: ${amazonOrder}, `);
  });

  it('figures the seller response rate per channel over 30 days on a known set', async () => {
    const asOf = new Date(Date.now() - 5 * DAY);
    const at = (daysBefore: number, hours = 0) => new Date(asOf.getTime() - daysBefore * DAY + hours * HOUR);
    // Four Walmart messages due in the window: answered after 2 h and 47 h (on time), 50 h (late), and never.
    const answers = [2, 47, 50, null];
    const linked = async (receivedAt: Date) => {
      const po = walmartPo();
      await anOrderOf(walmart, po);
      return walmartBuyerMail(po, receivedAt);
    };
    for (const hours of answers) {
      const mail = await linked(at(10));
      await channelMail.handle(mail);
      if (hours !== null) await sellerReply.handle(await reply(mail, at(10, hours)));
    }
    // Due before the window (answered in time): not counted.
    const old = await linked(at(40));
    await channelMail.handle(old);
    await sellerReply.handle(await reply(old, at(40, 1)));
    // Amazon's are Amazon's.
    const amazonMail = await inbound({
      from: 'buyer-x@marketplace.amazon.com',
      to: ['seller@example-shop.test'],
      subject: 'Where is my parcel?',
      text: 'Hello',
      receivedAt: at(10),
    });
    await channelMail.handle(amazonMail);

    const res = await app.gql(RESPONSE, { c: 'WALMART', a: walmart.id, asOf: asOf.toISOString() });
    expect(res.errors).toBeUndefined();
    expect(res.data!.complianceReport.sellerResponse).toMatchObject({
      due: 4,
      onTime: 2,
      rate: 50,
      windowDays: 30,
      respondWithinHours: 48,
    });
    expect(res.data!.complianceReport.sellerResponse.source).toMatch(/48/);
    const amazonRate = await app.gql(RESPONSE, { c: 'AMAZON', a: null, asOf: asOf.toISOString() });
    expect(amazonRate.data!.complianceReport.sellerResponse).toMatchObject({ due: 1, onTime: 0, rate: 0 });
  });
});
