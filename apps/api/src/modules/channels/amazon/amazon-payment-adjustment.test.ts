import type { RefundPayload } from '@order-hub/types';
import {
  adjustmentErrors,
  amazonPaymentAdjustmentFeed,
  merchantAdjustmentItemId,
  processingResults,
} from './amazon-payment-adjustment';

const payload = (lines: Partial<RefundPayload['lines'][number]>[]): RefundPayload => ({
  channelOrderId: '112-1234567-7654321',
  comments: null,
  lines: lines.map((l) => ({
    lineNumber: '12345678901234',
    amountCents: 1999,
    reason: 'CustomerReturn',
    isFullRefund: false,
    refundedAfterCents: 1999,
    ...l,
  })),
});

/** The child element names of each AdjustedItem, in document order. */
const itemElements = (xml: string) =>
  [...xml.matchAll(/<AdjustedItem>([\s\S]*?)<\/AdjustedItem>/g)].map(([, item]) =>
    [
      ...item
        .replace(/<ItemPriceAdjustments>[\s\S]*?<\/ItemPriceAdjustments>/g, '<ItemPriceAdjustments/>')
        .matchAll(/<(\w+)[ />]/g),
    ].map((m) => m[1]),
  );

describe('amazonPaymentAdjustmentFeed', () => {
  it('writes one OrderAdjustment refund with the elements in the XSD order', () => {
    const xml = amazonPaymentAdjustmentFeed(
      payload([
        {
          quantity: 2,
          amountCents: 4318,
          refundedAfterCents: 4318,
          components: [
            { type: 'ITEM', amountCents: 3998 },
            { type: 'ITEM_TAX', amountCents: 320 },
          ],
        },
      ]),
      'A2SELLERTOKEN',
    );
    expect(xml).toContain('<MerchantIdentifier>A2SELLERTOKEN</MerchantIdentifier>');
    expect(xml).toContain('<MessageType>OrderAdjustment</MessageType>');
    expect(xml).toContain(
      '<OrderAdjustment><AmazonOrderID>112-1234567-7654321</AmazonOrderID><ActionType>Refund</ActionType><AdjustedItem>',
    );
    expect(itemElements(xml)).toEqual([
      ['AmazonOrderItemCode', 'MerchantAdjustmentItemID', 'AdjustmentReason', 'ItemPriceAdjustments', 'Quantity'],
    ]);
    expect(xml).toContain(
      '<ItemPriceAdjustments><Component><Type>Principal</Type><Amount currency="USD">39.98</Amount></Component>' +
        '<Component><Type>Tax</Type><Amount currency="USD">3.20</Amount></Component></ItemPriceAdjustments><Quantity>2</Quantity>',
    );
    expect(xml.match(/<Message>/g)).toHaveLength(1);
  });

  it('maps every component type, refunds a line without components as Principal, and leaves Quantity out when not given', () => {
    const xml = amazonPaymentAdjustmentFeed(
      payload([
        {
          lineNumber: '11111111111111',
          components: [
            { type: 'SHIPPING', amountCents: 599 },
            { type: 'SHIPPING_TAX', amountCents: 48 },
          ],
        },
        { lineNumber: '22222222222222', amountCents: 500, refundedAfterCents: 700 },
      ]),
      'SELLER',
      'CAD',
    );
    expect(xml).toContain('<Type>Shipping</Type><Amount currency="CAD">5.99</Amount>');
    expect(xml).toContain('<Type>ShippingTax</Type><Amount currency="CAD">0.48</Amount>');
    expect(xml).toContain(
      '<AmazonOrderItemCode>22222222222222</AmazonOrderItemCode><MerchantAdjustmentItemID>22222222222222-700</MerchantAdjustmentItemID>' +
        '<AdjustmentReason>CustomerReturn</AdjustmentReason><ItemPriceAdjustments><Component><Type>Principal</Type><Amount currency="CAD">5.00</Amount></Component></ItemPriceAdjustments></AdjustedItem>',
    );
    expect(itemElements(xml).map((e) => e.includes('Quantity'))).toEqual([false, false]);
  });

  it('sends amounts positive with two decimals and escapes what it copies', () => {
    const xml = amazonPaymentAdjustmentFeed(payload([{ amountCents: -5, reason: 'Other' }]), 'A&B');
    expect(xml).toContain('<Amount currency="USD">0.05</Amount>');
    expect(xml).toContain('<MerchantIdentifier>A&amp;B</MerchantIdentifier>');
  });

  it('gives each adjusted item an id that a retry repeats and a second refund of the item does not', () => {
    const first = payload([{ refundedAfterCents: 1000 }]).lines[0];
    expect(merchantAdjustmentItemId(first)).toBe(merchantAdjustmentItemId({ ...first }));
    expect(merchantAdjustmentItemId(first)).not.toBe(merchantAdjustmentItemId({ ...first, refundedAfterCents: 2000 }));
    expect(merchantAdjustmentItemId(first).length).toBeLessThanOrEqual(50);
  });
});

const report = (results: string, status = 'Complete') =>
  '<?xml version="1.0"?><AmazonEnvelope><Header><DocumentVersion>1.02</DocumentVersion><MerchantIdentifier>S</MerchantIdentifier></Header>' +
  `<MessageType>ProcessingReport</MessageType><Message><MessageID>1</MessageID><ProcessingReport><DocumentTransactionID>5001</DocumentTransactionID><StatusCode>${status}</StatusCode>` +
  `<ProcessingSummary><MessagesProcessed>1</MessagesProcessed><MessagesSuccessful>0</MessagesSuccessful><MessagesWithError>1</MessagesWithError><MessagesWithWarning>0</MessagesWithWarning></ProcessingSummary>${results}</ProcessingReport></Message></AmazonEnvelope>`;

describe('adjustment processing report', () => {
  it('names the item of each error in Amazon words, and ignores warnings', () => {
    const xml = report(
      '<Result><MessageID>1</MessageID><ResultCode>Error</ResultCode><ResultMessageCode>18110</ResultMessageCode>' +
        '<ResultDescription>The refund amount exceeds what was paid &amp; refunded</ResultDescription>' +
        '<AdditionalInfo><AmazonOrderID>112-1234567-7654321</AmazonOrderID><AmazonOrderItemCode>12345678901234</AmazonOrderItemCode></AdditionalInfo></Result>' +
        '<Result><MessageID>1</MessageID><ResultCode>Warning</ResultCode><ResultMessageCode>5</ResultMessageCode><ResultDescription>late</ResultDescription></Result>',
    );
    expect(processingResults(xml)).toHaveLength(2);
    expect(adjustmentErrors(xml)).toEqual([
      'item 12345678901234: 18110 The refund amount exceeds what was paid & refunded',
    ]);
  });

  it('names the message when Amazon gives no item, and refuses a rejected document without results', () => {
    expect(
      adjustmentErrors(
        report(
          '<Result><MessageID>1</MessageID><ResultCode>Error</ResultCode><ResultMessageCode>5000</ResultMessageCode><ResultDescription>bad XML</ResultDescription></Result>',
        ),
      ),
    ).toEqual(['message 1: 5000 bad XML']);
    expect(adjustmentErrors(report('', 'Rejected'))).toEqual(['Amazon rejected the whole adjustment feed']);
    expect(adjustmentErrors(report(''))).toEqual([]);
  });
});
