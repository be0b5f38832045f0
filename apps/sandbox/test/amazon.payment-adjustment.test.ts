import { gunzipSync } from 'node:zlib';
import type { Sandbox } from '../src';
import { parseXml } from '../src/amazon/feeds/xml';
import type { AmazonClient } from './helpers/clients';
import { T0, amazonSeller, startSandbox } from './helpers/sandbox';
import { control } from './helpers/control';

const FEEDS = '/feeds/2021-06-30';
const REPORTS = '/reports/2021-06-30';
const DAY = 24 * 3600 * 1000;
const HISTORY = { late: 0, invalidTracking: 0, cancelled: 0, delivered: 1, lateDelivery: 0 };

interface Adjusted {
  itemCode: string;
  reason?: string;
  components: [string, string][];
  quantity?: number;
}

function adjustedItem(a: Adjusted): string {
  return (
    `<AdjustedItem><AmazonOrderItemCode>${a.itemCode}</AmazonOrderItemCode><AdjustmentReason>${a.reason ?? 'CustomerReturn'}</AdjustmentReason>` +
    `<ItemPriceAdjustments>${a.components
      .map(([type, amount]) => `<Component><Type>${type}</Type><Amount currency="USD">${amount}</Amount></Component>`)
      .join('')}</ItemPriceAdjustments>` +
    (a.quantity !== undefined ? `<Quantity>${a.quantity}</Quantity>` : '') +
    '</AdjustedItem>'
  );
}

/** An OrderAdjustment envelope as the XSD lays it out: one Message per order, its AdjustedItems in it. */
function adjustmentFeed(merchant: string, messages: { orderId: string; items: Adjusted[] }[]): string {
  const body = messages
    .map(
      (m, i) =>
        `<Message><MessageID>${i + 1}</MessageID><OrderAdjustment><AmazonOrderID>${m.orderId}</AmazonOrderID>` +
        `<ActionType>Refund</ActionType>${m.items.map(adjustedItem).join('')}</OrderAdjustment></Message>`,
    )
    .join('');
  return (
    '<?xml version="1.0" encoding="UTF-8"?><AmazonEnvelope xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="amzn-envelope.xsd">' +
    `<Header><DocumentVersion>1.01</DocumentVersion><MerchantIdentifier>${merchant}</MerchantIdentifier></Header>` +
    `<MessageType>OrderAdjustment</MessageType>${body}</AmazonEnvelope>`
  );
}

/** Uploads the document, creates the feed, lets the sandbox clock process it: the final feed and its report. */
async function submit(sandbox: Sandbox, client: AmazonClient, xml: string) {
  const doc = await client.call('POST', `${FEEDS}/documents`, { contentType: 'text/xml; charset=UTF-8' });
  const upload = await fetch(doc.body.url, {
    method: 'PUT',
    headers: { 'content-type': 'text/xml; charset=UTF-8' },
    body: xml,
  });
  expect(upload.status).toBe(200);
  const created = await client.call('POST', `${FEEDS}/feeds`, {
    feedType: 'POST_PAYMENT_ADJUSTMENT_DATA',
    marketplaceIds: ['ATVPDKIKX0DER'],
    inputFeedDocumentId: doc.body.feedDocumentId,
  });
  expect(created.status).toBe(202);
  const path = `${FEEDS}/feeds/${created.body.feedId}`;
  expect((await client.call('GET', path)).body.processingStatus).toBe('IN_QUEUE');
  sandbox.clock.advance(200_000);
  const feed = (await client.call('GET', path)).body;
  if (!feed.resultFeedDocumentId) return { feed, report: '' };
  const reportDoc = await client.call('GET', `${FEEDS}/documents/${feed.resultFeedDocumentId}`);
  return { feed, report: await (await fetch(reportDoc.body.url)).text() };
}

function results(report: string) {
  return [...report.matchAll(/<Result>([\s\S]*?)<\/Result>/g)].map(([, r]) => ({
    messageId: /<MessageID>(\d+)<\/MessageID>/.exec(r)?.[1],
    code: /<ResultMessageCode>(\d+)<\/ResultMessageCode>/.exec(r)?.[1],
    description: /<ResultDescription>([\s\S]*?)<\/ResultDescription>/.exec(r)?.[1] ?? '',
    orderId: /<AmazonOrderID>([^<]*)<\/AmazonOrderID>/.exec(r)?.[1],
    itemCode: /<AmazonOrderItemCode>(\d+)<\/AmazonOrderItemCode>/.exec(r)?.[1],
  }));
}

function summary(report: string) {
  const n = (tag: string) => Number(new RegExp(`<${tag}>(\\d+)</${tag}>`).exec(report)?.[1]);
  return {
    processed: n('MessagesProcessed'),
    successful: n('MessagesSuccessful'),
    withError: n('MessagesWithError'),
  };
}

async function returnsRows(client: AmazonClient, now: number): Promise<Record<string, string>[]> {
  const created = await client.call('POST', `${REPORTS}/reports`, {
    reportType: 'GET_FLAT_FILE_RETURNS_DATA_BY_RETURN_DATE',
    marketplaceIds: ['ATVPDKIKX0DER'],
    dataStartTime: new Date(now - 30 * DAY).toISOString(),
    dataEndTime: new Date(now).toISOString(),
  });
  const path = `${REPORTS}/reports/${created.body.reportId}`;
  await client.call('GET', path);
  await client.call('GET', path);
  const done = (await client.call('GET', path)).body;
  expect(done.processingStatus).toBe('DONE');
  const doc = await client.call('GET', `${REPORTS}/documents/${done.reportDocumentId}`);
  const text = gunzipSync(Buffer.from(await (await fetch(doc.body.url)).arrayBuffer())).toString('utf8');
  const [header, ...lines] = text.replace(/\n$/, '').split('\n');
  const names = header.split('\t');
  return lines.map((l) => Object.fromEntries(l.split('\t').map((c, i) => [names[i], c])));
}

const money = (cents: number) => (cents / 100).toFixed(2);
const cents = (amount: string) => Math.round(Number(amount) * 100);

describe('Amazon Feeds: refunds with POST_PAYMENT_ADJUSTMENT_DATA (OrderAdjustment.xsd)', () => {
  let sandbox: Sandbox;
  let client: AmazonClient;
  let sellerId: string;
  let accountId: string;
  /** Shipped orders with their items' prices, as the Orders API tells them. */
  let shipped: any[];
  let unshipped: any;

  beforeAll(async () => {
    sandbox = await startSandbox({ throttling: false });
    const seller = await amazonSeller(sandbox, 80, {
      placedWithinHours: 240,
      history: HISTORY,
      mix: { channelFulfilled: 0, multiLine: 0.6, multiQuantity: 0.6, intentToCancel: 0 },
    });
    ({ client } = seller);
    sellerId = seller.creds.sellerId;
    accountId = seller.creds.accountId;
    const search = async (status: string) =>
      (
        await client.call(
          'GET',
          `/orders/2026-01-01/orders?createdAfter=${new Date(T0.getTime() - 11 * DAY).toISOString()}&fulfillmentStatuses=${status}&includedData=FULFILLMENT,PROCEEDS`,
        )
      ).body.orders;
    const returned = new Set(
      (await control(sandbox, 'GET', `/amazon/returns?accountId=${accountId}`)).body.returns.map((r: any) => r.orderId),
    );
    shipped = (await search('SHIPPED')).filter((o: any) => !returned.has(o.orderId));
    unshipped = (await search('UNSHIPPED'))[0];
    expect(shipped.length).toBeGreaterThanOrEqual(4);
    expect(unshipped).toBeDefined();
  }, 30_000);
  afterAll(() => sandbox.close());

  const line = (order: any, i = 0) => {
    const item = order.orderItems[i];
    const [principal, tax] = item.proceeds.breakdowns.map((b: any) => cents(b.subtotal.amount));
    return { code: item.orderItemId as string, quantity: item.quantityOrdered as number, principal, tax };
  };

  it('refunds a returned item in full and another in part; the returns report shows the refund and closes the return', async () => {
    sandbox.resetContractViolations();
    const [first, second] = shipped;
    const a = line(first);
    const b = line(second);
    const made = await control(sandbox, 'POST', '/amazon/returns', { accountId, orderId: first.orderId });
    expect(made.status).toBe(201);
    const before = (
      await client.call('GET', `/orders/2026-01-01/orders/${first.orderId}?includedData=FULFILLMENT,PROCEEDS`)
    ).body;

    const { feed, report } = await submit(
      sandbox,
      client,
      adjustmentFeed(sellerId, [
        {
          orderId: first.orderId,
          items: [
            {
              itemCode: a.code,
              components: [
                ['Principal', money(a.principal)],
                ['Tax', money(a.tax)],
              ],
              quantity: a.quantity,
            },
          ],
        },
        {
          orderId: second.orderId,
          items: [{ itemCode: b.code, reason: 'GeneralAdjustment', components: [['Principal', '5.00']] }],
        },
      ]),
    );
    expect(feed.processingStatus).toBe('DONE');
    expect(report).toContain('<MessageType>ProcessingReport</MessageType>');
    expect(report).toContain('<StatusCode>Complete</StatusCode>');
    expect(summary(report)).toEqual({ processed: 2, successful: 2, withError: 0 });
    expect(results(report)).toEqual([]);

    const row = (await returnsRows(client, sandbox.clock.now().getTime())).find(
      (r) => r['Amazon RMA ID'] === made.body.rma,
    );
    expect(row).toMatchObject({ 'Refunded Amount': money(a.principal + a.tax), 'Return request status': 'Closed' });
    // The Orders API model has no refund fields: the order reads as it did.
    const after = (
      await client.call('GET', `/orders/2026-01-01/orders/${first.orderId}?includedData=FULFILLMENT,PROCEEDS`)
    ).body;
    expect(after).toEqual(before);
    expect(sandbox.contractViolations()).toMatchObject({ requestsRefused: 0, responseViolations: 0 });
  });

  it('refuses per item what Amazon refuses, applies nothing of a message with an error, and names each item', async () => {
    const b = line(shipped[1]);
    const c = line(shipped[2]);
    const d = line(shipped[3]);
    const u = line(unshipped);
    const { feed, report } = await submit(
      sandbox,
      client,
      adjustmentFeed(sellerId, [
        // 1: the whole price again, though 5.00 of it was refunded by the first test.
        { orderId: shipped[1].orderId, items: [{ itemCode: b.code, components: [['Principal', money(b.principal)]] }] },
        // 2: one good item and one that is not the order's: neither is applied.
        {
          orderId: shipped[2].orderId,
          items: [
            { itemCode: c.code, components: [['Principal', money(c.principal)]] },
            { itemCode: '99999999999999', components: [['Principal', '1.00']] },
          ],
        },
        {
          orderId: shipped[3].orderId,
          items: [{ itemCode: d.code, reason: 'Damaged', components: [['Principal', '1.00']] }],
        },
        { orderId: shipped[3].orderId, items: [{ itemCode: d.code, components: [['Principle', '1.00']] }] },
        { orderId: '111-0000000-0000000', items: [{ itemCode: d.code, components: [['Principal', '1.00']] }] },
        { orderId: unshipped.orderId, items: [{ itemCode: u.code, components: [['Principal', '1.00']] }] },
        { orderId: shipped[3].orderId, items: [{ itemCode: d.code, components: [['Principal', '1.005']] }] },
        {
          orderId: shipped[3].orderId,
          items: [
            {
              itemCode: d.code,
              components: [
                ['Principal', '1.00'],
                ['RestockingFee', '-2.00'],
              ],
            },
          ],
        },
        { orderId: shipped[3].orderId, items: [{ itemCode: d.code, components: [['Shipping', '3.99']] }] },
        {
          orderId: shipped[3].orderId,
          items: [{ itemCode: d.code, components: [['Principal', '1.00']], quantity: d.quantity + 1 }],
        },
      ]),
    );
    expect(feed.processingStatus).toBe('DONE');
    expect(summary(report)).toEqual({ processed: 10, successful: 0, withError: 10 });
    const byMessage = Object.fromEntries(results(report).map((r) => [r.messageId, r]));
    expect(byMessage['1']).toMatchObject({ code: '18032', itemCode: b.code, orderId: shipped[1].orderId });
    expect(byMessage['1'].description).toBe(
      `The refund amount you are requesting for Principal (${money(b.principal)}) exceeds the amount that can be refunded (${money(b.principal - 500)}) for order item ${b.code}`,
    );
    expect(results(report).filter((r) => r.messageId === '2')).toEqual([
      expect.objectContaining({ code: '18030', itemCode: '99999999999999' }),
    ]);
    expect(byMessage['3']).toMatchObject({ code: '5000', itemCode: d.code });
    expect(byMessage['3'].description).toMatch(
      /^AdjustmentReason Damaged is not a valid value; it must be one of NoInventory, CustomerReturn/,
    );
    expect(byMessage['4'].description).toMatch(/^Component Type Principle is not a valid value/);
    expect(byMessage['5']).toMatchObject({ code: '18028', orderId: '111-0000000-0000000' });
    expect(byMessage['6']).toMatchObject({ code: '18031', itemCode: u.code });
    expect(byMessage['7'].description).toMatch(/at most 2 decimal places/);
    expect(byMessage['8']).toMatchObject({ code: '18033' });
    expect(byMessage['8'].description).toBe(
      'The net adjustment amount is not a positive amount and has therefore been rejected.',
    );
    expect(byMessage['9'].description).toMatch(
      /for Shipping \(3\.99\) exceeds the amount that can be refunded \(0\.00\)/,
    );
    expect(byMessage['10']).toMatchObject({ code: '18034' });

    // The report is laid out as ProcessingReport.xsd's sequences say.
    const envelope = parseXml(report);
    const names = (n: { children: { name: string }[] } | undefined) => n?.children.map((c) => c.name);
    expect(names(envelope ?? undefined)).toEqual(['Header', 'MessageType', 'Message']);
    const processing = envelope?.children[2].children[1];
    expect(names(processing)?.slice(0, 3)).toEqual(['DocumentTransactionID', 'StatusCode', 'ProcessingSummary']);
    const first = processing?.children.find((c) => c.name === 'Result');
    expect(names(first)).toEqual([
      'MessageID',
      'ResultCode',
      'ResultMessageCode',
      'ResultDescription',
      'AdditionalInfo',
    ]);
    expect(names(first?.children[4])).toEqual(['AmazonOrderID', 'AmazonOrderItemCode']);

    // Nothing of message 2 was applied: the good item can still be refunded in full, then not a cent more.
    const again = await submit(
      sandbox,
      client,
      adjustmentFeed(sellerId, [
        {
          orderId: shipped[2].orderId,
          items: [
            {
              itemCode: c.code,
              components: [
                ['Principal', money(c.principal)],
                ['Tax', money(c.tax)],
              ],
            },
          ],
        },
        {
          orderId: shipped[1].orderId,
          items: [{ itemCode: b.code, components: [['Principal', money(b.principal - 500)]] }],
        },
      ]),
    );
    expect(summary(again.report)).toEqual({ processed: 2, successful: 2, withError: 0 });
    const over = await submit(
      sandbox,
      client,
      adjustmentFeed(sellerId, [
        { orderId: shipped[2].orderId, items: [{ itemCode: c.code, components: [['Tax', '0.01']] }] },
      ]),
    );
    expect(results(over.report)).toEqual([
      expect.objectContaining({ messageId: '1', code: '18032', itemCode: c.code }),
    ]);
  });

  it('answers another merchant’s header per message, and ends FATAL for a document that is not an adjustment envelope or when told to', async () => {
    const d = line(shipped[3]);
    const foreign = await submit(
      sandbox,
      client,
      adjustmentFeed('A1OTHERSELLER', [
        { orderId: shipped[3].orderId, items: [{ itemCode: d.code, components: [['Principal', '1.00']] }] },
      ]),
    );
    expect(results(foreign.report)).toEqual([expect.objectContaining({ messageId: '1', code: '5005' })]);

    const broken = await submit(sandbox, client, '<AmazonEnvelope><MessageType>OrderAdjustment</MessageType><Message>');
    expect(broken.feed).toMatchObject({ processingStatus: 'FATAL' });
    expect(broken.feed.resultFeedDocumentId).toBeUndefined();

    expect((await control(sandbox, 'POST', '/amazon/feeds/faults', { accountId, outcome: 'FATAL' })).status).toBe(201);
    const good = adjustmentFeed(sellerId, [
      { orderId: shipped[3].orderId, items: [{ itemCode: d.code, components: [['Principal', '1.00']] }] },
    ]);
    const fatal = await submit(sandbox, client, good);
    expect(fatal.feed).toMatchObject({ processingStatus: 'FATAL' });
    // The fault is spent; the FATAL feed changed nothing, so the same refund now goes through.
    const next = await submit(sandbox, client, good);
    expect(summary(next.report)).toEqual({ processed: 1, successful: 1, withError: 0 });
    expect((await control(sandbox, 'POST', '/amazon/feeds/faults', { accountId, outcome: 'STUCK' })).status).toBe(400);
  });
});
