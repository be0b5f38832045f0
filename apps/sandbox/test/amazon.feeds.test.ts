import type { Sandbox } from '../src';
import { T0, amazonSeller, startSandbox } from './helpers/sandbox';

const FEEDS = '/feeds/2021-06-30';

function ackFeed(sellerId: string, messages: { orderId: string; itemId?: string; reason: string }[]): string {
  const body = messages
    .map(
      (m, i) =>
        `<Message><MessageID>${i + 1}</MessageID><OrderAcknowledgement><AmazonOrderID>${m.orderId}</AmazonOrderID><StatusCode>Failure</StatusCode>` +
        (m.itemId
          ? `<Item><AmazonOrderItemCode>${m.itemId}</AmazonOrderItemCode><CancelReason>${m.reason}</CancelReason></Item>`
          : `<CancelReason>${m.reason}</CancelReason>`) +
        '</OrderAcknowledgement></Message>',
    )
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?><AmazonEnvelope><Header><DocumentVersion>1.01</DocumentVersion><MerchantIdentifier>${sellerId}</MerchantIdentifier></Header><MessageType>OrderAcknowledgement</MessageType>${body}</AmazonEnvelope>`;
}

describe('Amazon Feeds: cancelling orders with POST_ORDER_ACKNOWLEDGEMENT_DATA', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ throttling: false });
  });
  afterAll(() => sandbox.close());

  it('uploads a document, processes the feed on the clock, cancels, and reports per message', async () => {
    const { client, creds, orderIds } = await amazonSeller(sandbox, 2, {
      mix: { channelFulfilled: 0, multiLine: 0, intentToCancel: 0 },
    });
    const order = (await client.call('GET', `/orders/2026-01-01/orders/${orderIds[0]}`)).body.order;

    const doc = await client.call('POST', `${FEEDS}/documents`, { contentType: 'text/xml; charset=UTF-8' });
    expect(doc.status).toBe(201);
    const xml = ackFeed(creds.sellerId, [
      { orderId: order.orderId, itemId: order.orderItems[0].orderItemId, reason: 'NoInventory' },
      { orderId: '111-0000000-0000000', reason: 'NoInventory' },
      { orderId: orderIds[1], reason: 'MadeUpReason' },
    ]);
    const upload = await fetch(doc.body.url, {
      method: 'PUT',
      headers: { 'content-type': 'text/xml; charset=UTF-8' },
      body: xml,
    });
    expect(upload.status).toBe(200);

    const feed = await client.call('POST', `${FEEDS}/feeds`, {
      feedType: 'POST_ORDER_ACKNOWLEDGEMENT_DATA',
      marketplaceIds: ['ATVPDKIKX0DER'],
      inputFeedDocumentId: doc.body.feedDocumentId,
    });
    expect(feed.status).toBe(202);
    const feedPath = `${FEEDS}/feeds/${feed.body.feedId}`;
    expect((await client.call('GET', feedPath)).body.processingStatus).toBe('IN_QUEUE');
    sandbox.clock.set(T0.getTime() + 90_000);
    expect((await client.call('GET', feedPath)).body.processingStatus).toBe('IN_PROGRESS');
    sandbox.clock.set(T0.getTime() + 200_000);
    const done = await client.call('GET', feedPath);
    expect(done.body.processingStatus).toBe('DONE');

    const reportDoc = await client.call('GET', `${FEEDS}/documents/${done.body.resultFeedDocumentId}`);
    const report = await (await fetch(reportDoc.body.url)).text();
    expect(report).toContain('<MessagesProcessed>3</MessagesProcessed>');
    expect(report).toContain('<MessagesSuccessful>1</MessagesSuccessful>');
    expect(report).toContain('<MessagesWithError>2</MessagesWithError>');

    const cancelled = await client.call(
      'GET',
      `/orders/2026-01-01/orders/${order.orderId}?includedData=FULFILLMENT,CANCELLATION`,
    );
    expect(cancelled.body.order.fulfillment.fulfillmentStatus).toBe('CANCELLED');
    expect(cancelled.body.order.orderItems[0].cancellation.cancellationExecution).toEqual({
      cancelledBy: 'SELLER',
      cancelReason: 'NoInventory',
    });
    sandbox.clock.set(T0);
  });

  it('refuses feed types the sandbox does not process and documents nobody uploaded', async () => {
    const { client } = await amazonSeller(sandbox);
    const doc = await client.call('POST', `${FEEDS}/documents`, { contentType: 'text/xml; charset=UTF-8' });
    const empty = await client.call('POST', `${FEEDS}/feeds`, {
      feedType: 'POST_ORDER_ACKNOWLEDGEMENT_DATA',
      marketplaceIds: ['ATVPDKIKX0DER'],
      inputFeedDocumentId: doc.body.feedDocumentId,
    });
    expect(empty.status).toBe(400);
    const other = await client.call('POST', `${FEEDS}/feeds`, {
      feedType: 'POST_PRODUCT_DATA',
      marketplaceIds: ['ATVPDKIKX0DER'],
      inputFeedDocumentId: doc.body.feedDocumentId,
    });
    expect(other.status).toBe(400);
  });

  it('lists feeds and cancels only those still IN_QUEUE', async () => {
    const { client, creds, orderIds } = await amazonSeller(sandbox, 1, { mix: { channelFulfilled: 0 } });
    const doc = await client.call('POST', `${FEEDS}/documents`, { contentType: 'text/xml; charset=UTF-8' });
    await fetch(doc.body.url, {
      method: 'PUT',
      headers: { 'content-type': 'text/xml; charset=UTF-8' },
      body: ackFeed(creds.sellerId, [{ orderId: orderIds[0], reason: 'NoInventory' }]),
    });
    const spec = {
      feedType: 'POST_ORDER_ACKNOWLEDGEMENT_DATA',
      marketplaceIds: ['ATVPDKIKX0DER'],
      inputFeedDocumentId: doc.body.feedDocumentId,
    };
    const queued = (await client.call('POST', `${FEEDS}/feeds`, spec)).body.feedId;
    expect((await client.call('DELETE', `${FEEDS}/feeds/${queued}`)).status).toBe(200);
    const listed = await client.call('GET', `${FEEDS}/feeds?feedTypes=POST_ORDER_ACKNOWLEDGEMENT_DATA`);
    expect(listed.body.feeds[0]).toMatchObject({ feedId: queued, processingStatus: 'CANCELLED' });
    sandbox.clock.set(T0.getTime() + 400_000);
    const order = await client.call('GET', `/orders/2026-01-01/orders/${orderIds[0]}?includedData=FULFILLMENT`);
    expect(order.body.order.fulfillment.fulfillmentStatus).not.toBe('CANCELLED');
    sandbox.clock.set(T0);
  });
});
